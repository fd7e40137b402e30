//! A document page's lifecycle commands: ship, receive, change or cancel a transfer.

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::response::Response;
use engine::model::now_ms;
use engine::replenish;
use engine::workflow::transfer::TransferCommand;
use serde::Deserialize;

use super::{id, param, whole, FormError, Params, Posted, SignedIn};
use crate::state::AppState;

#[derive(Deserialize)]
pub struct CommandForm {
    #[serde(default)]
    command: String,
    #[serde(default)]
    quantity: String,
    #[serde(default)]
    confirm: String,
}

impl TryFrom<CommandForm> for TransferCommand {
    type Error = FormError;
    fn try_from(f: CommandForm) -> Result<Self, FormError> {
        let quantity = || {
            whole(&f.quantity, "Quantity").map_err(|_| {
                FormError::new(
                    "Quantity must be a whole number (at least 1; 0 is allowed only when receiving).",
                )
            })
        };
        match f.command.as_str() {
            "ship" => match quantity()? {
                q if q > 0 => Ok(TransferCommand::Ship { quantity: q }),
                _ => Err(FormError::new("Quantity to ship must be at least 1.")),
            },
            "receive" => match quantity()? {
                q if q >= 0 => Ok(TransferCommand::Receive { quantity: q }),
                _ => Err(FormError::new("Quantity received must not be negative.")),
            },
            "edit" => match quantity()? {
                q if q > 0 => Ok(TransferCommand::Edit { quantity: q }),
                _ => Err(FormError::new("The new quantity must be at least 1.")),
            },
            "cancel" if f.confirm == "yes" => Ok(TransferCommand::Cancel),
            "cancel" => Err(FormError::new("Tick \"I am sure\" to cancel the transfer.")),
            _ => Err(FormError::new("Unknown command.")),
        }
    }
}

pub async fn command(
    State(state): State<Arc<AppState>>,
    me: SignedIn,
    Path(params): Path<Params>,
    Posted(form): Posted<CommandForm>,
) -> Response {
    let kind = param(&params, "kind");
    let Some(doc) = id(param(&params, "id")) else {
        return super::super::tenancy::not_found_page();
    };
    let page = format!("/documents/{kind}/{doc}");
    if kind != "transfer" {
        return me.error(
            &page,
            "Purchase orders change through approvals and the supplier.",
        );
    }
    let cmd = match TransferCommand::try_from(form) {
        Ok(c) => c,
        Err(e) => return me.error(&page, &e.to_string()),
    };
    let (store, t) = (&state.store, me.tc.tenant.id);
    match replenish::transfer_command(store, t, &me.member, doc, cmd, me.rid(), now_ms()).await {
        Ok(new_state) => {
            state.jobs_wake.notify_one();
            let done = format!("Transfer {doc} is now {}.", new_state.label());
            me.notice(&page, &done)
        }
        Err(e) => me.fail(&page, &e),
    }
}
