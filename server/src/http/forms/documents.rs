//! A document page's lifecycle commands: ship, receive, change or cancel a transfer;
//! cancel a purchase order or withdraw the links its supplier was sent.

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::response::Response;
use engine::model::now_ms;
use engine::replenish;
use engine::workflow::purchase_order::PoCommand;
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
    if kind == "purchase_order" {
        return po_command(&state, &me, doc, &page, form).await;
    }
    if kind != "transfer" {
        return super::super::tenancy::not_found_page();
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

/// Cancel, with "I am sure" ticked: the one command a buyer gives a purchase order here
/// (decisions go through the approvals inbox, answers come from the supplier).
async fn po_command(
    state: &AppState,
    me: &SignedIn,
    doc: i64,
    page: &str,
    form: CommandForm,
) -> Response {
    let cmd = match (form.command.as_str(), form.confirm.as_str()) {
        ("cancel", "yes") => PoCommand::Cancel,
        ("cancel", _) => return me.error(page, "Tick \"I am sure\" to cancel the purchase order."),
        ("close", "yes") => PoCommand::Close,
        ("close", _) => {
            return me.error(page, "Tick \"The rest is not coming\" to close the order.")
        }
        _ => return me.error(page, "Unknown command."),
    };
    let (store, t) = (&state.store, me.tc.tenant.id);
    match replenish::po_command(store, t, &me.member, doc, cmd, me.rid(), now_ms()).await {
        Ok(new_state) => {
            state.jobs_wake.notify_one();
            me.notice(
                page,
                &format!("Purchase order {doc} is now {}.", new_state.label()),
            )
        }
        Err(e) => me.fail(page, &e),
    }
}

/// Withdraws the links the supplier was sent for the order.
pub async fn revoke_links(
    State(state): State<Arc<AppState>>,
    me: SignedIn,
    Path(params): Path<Params>,
) -> Response {
    let Some(doc) = id(param(&params, "id")) else {
        return super::super::tenancy::not_found_page();
    };
    let page = format!("/documents/purchase_order/{doc}");
    let (store, t) = (&state.store, me.tc.tenant.id);
    match replenish::revoke_order_links(store, t, &me.member, doc, me.rid(), now_ms()).await {
        Ok(0) => me.notice(&page, "There were no live links to withdraw."),
        Ok(n) => me.notice(
            &page,
            &format!("{n} link(s) withdrawn: they no longer open the order."),
        ),
        Err(e) => me.fail(&page, &e),
    }
}

/// Sends the order to its supplier again, with a new link.
pub async fn resend(
    State(state): State<Arc<AppState>>,
    me: SignedIn,
    Path(params): Path<Params>,
) -> Response {
    let Some(doc) = id(param(&params, "id")) else {
        return super::super::tenancy::not_found_page();
    };
    let page = format!("/documents/purchase_order/{doc}");
    let (store, t) = (&state.store, me.tc.tenant.id);
    match replenish::resend_order(store, t, &me.member, doc, me.rid(), now_ms()).await {
        Ok(()) => {
            state.jobs_wake.notify_one();
            me.notice(&page, "Sent to the supplier again, with a new link.")
        }
        Err(e) => me.fail(&page, &e),
    }
}

/// The buyer writes to the order's supplier (who gets it by e-mail).
pub async fn message(
    State(state): State<Arc<AppState>>,
    me: SignedIn,
    Path(params): Path<Params>,
    form: super::supplier::MessagePost,
) -> Response {
    let Some(doc) = id(param(&params, "id")) else {
        return super::super::tenancy::not_found_page();
    };
    let page = format!("/documents/purchase_order/{doc}");
    let (store, t) = (&state.store, me.tc.tenant.id);
    match replenish::message_supplier(store, t, &me.member, doc, &form.0, me.rid(), now_ms()).await
    {
        Ok(_) => {
            state.jobs_wake.notify_one();
            me.notice(&page, "Message sent to the supplier.")
        }
        Err(e) => me.fail(&page, &e),
    }
}

/// A file of the order's messages, for the retailer's staff.
pub async fn attachment(
    State(state): State<Arc<AppState>>,
    me: SignedIn,
    Path(params): Path<Params>,
) -> Response {
    let (Some(po), Some(file)) = (id(param(&params, "po")), id(param(&params, "id"))) else {
        return super::super::tenancy::not_found_page();
    };
    let (store, t) = (&state.store, me.tc.tenant.id);
    match replenish::attachment_for_staff(store, t, &me.member, po, file).await {
        Ok(f) => super::supplier::download(f),
        Err(e) => me.fail(&format!("/documents/purchase_order/{po}"), &e),
    }
}
