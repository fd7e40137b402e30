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

use super::{id, param, FormError, Params, Posted, SignedIn};
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

/// A document's state as people read it ("pending approval"), in their language: by
/// the state's code (`TransferState::as_str`, `PoState::as_str`); `fallback` (the
/// engine's English label) for a state this list does not know.
pub(super) fn state_label(lang: i18n::Lang, code: &str, fallback: &str) -> String {
    let id = match code {
        "proposed" => "plan-state-proposed",
        "draft" => "plan-state-draft",
        "pending_approval" => "plan-state-pending-approval",
        "approved" => "plan-state-approved",
        "sent" => "plan-state-sent",
        "acknowledged" => "plan-state-acknowledged",
        "backordered" => "plan-state-backordered",
        "change_proposed" => "plan-state-change-proposed",
        "change_approval" => "plan-state-change-approval",
        "shipped" => "plan-state-shipped",
        "partly_received" => "plan-state-partly-received",
        "received" => "plan-state-received",
        "closed" => "plan-state-closed",
        "declined" => "plan-state-declined",
        "rejected" => "plan-state-rejected",
        "cancelled" => "plan-state-cancelled",
        _ => return fallback.to_string(),
    };
    i18n::t(lang, id)
}

fn transfer_command(f: CommandForm, lang: i18n::Lang) -> Result<TransferCommand, FormError> {
    let error = |id: &str| FormError::new(i18n::t(lang, id));
    let quantity = || {
        f.quantity
            .trim()
            .parse::<i64>()
            .map_err(|_| error("plan-documents-error-quantity"))
    };
    match f.command.as_str() {
        "ship" => match quantity()? {
            q if q > 0 => Ok(TransferCommand::Ship { quantity: q }),
            _ => Err(error("plan-documents-error-ship")),
        },
        "receive" => match quantity()? {
            q if q >= 0 => Ok(TransferCommand::Receive { quantity: q }),
            _ => Err(error("plan-documents-error-receive")),
        },
        "edit" => match quantity()? {
            q if q > 0 => Ok(TransferCommand::Edit { quantity: q }),
            _ => Err(error("plan-documents-error-edit")),
        },
        "cancel" if f.confirm == "yes" => Ok(TransferCommand::Cancel),
        "cancel" => Err(error("plan-documents-error-confirm-cancel-transfer")),
        _ => Err(error("plan-documents-unknown-command")),
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
        return me.not_found();
    };
    let page = format!("/documents/{kind}/{doc}");
    if kind == "purchase_order" {
        return po_command(&state, &me, doc, &page, form).await;
    }
    if kind != "transfer" {
        return me.not_found();
    }
    let lang = me.tc.lang;
    let cmd = match transfer_command(form, lang) {
        Ok(c) => c,
        Err(e) => return me.error(&page, &e.to_string()),
    };
    let (store, t) = (&state.store, me.tc.tenant.id);
    match replenish::transfer_command(store, t, &me.member, doc, cmd, me.rid(), now_ms()).await {
        Ok(new_state) => {
            state.jobs_wake.notify_one();
            let done = i18n::t_args(
                lang,
                "plan-documents-transfer-now",
                &[
                    ("id", doc.into()),
                    (
                        "state",
                        state_label(lang, new_state.as_str(), new_state.label()).into(),
                    ),
                ],
            );
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
    let lang = me.tc.lang;
    let refuse = |id: &str| me.error(page, &i18n::t(lang, id));
    let cmd = match (form.command.as_str(), form.confirm.as_str()) {
        ("cancel", "yes") => PoCommand::Cancel,
        ("cancel", _) => return refuse("plan-documents-error-confirm-cancel-order"),
        ("close", "yes") => PoCommand::Close,
        ("close", _) => return refuse("plan-documents-error-confirm-close"),
        _ => return refuse("plan-documents-unknown-command"),
    };
    let (store, t) = (&state.store, me.tc.tenant.id);
    match replenish::po_command(store, t, &me.member, doc, cmd, me.rid(), now_ms()).await {
        Ok(new_state) => {
            state.jobs_wake.notify_one();
            me.notice(
                page,
                &i18n::t_args(
                    lang,
                    "plan-documents-order-now",
                    &[
                        ("id", doc.into()),
                        (
                            "state",
                            state_label(lang, new_state.as_str(), new_state.label()).into(),
                        ),
                    ],
                ),
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
        return me.not_found();
    };
    let page = format!("/documents/purchase_order/{doc}");
    let (store, t) = (&state.store, me.tc.tenant.id);
    match replenish::revoke_order_links(store, t, &me.member, doc, me.rid(), now_ms()).await {
        Ok(0) => me.notice(&page, &i18n::t(me.tc.lang, "plan-documents-no-links")),
        Ok(n) => me.notice(
            &page,
            &i18n::t_args(
                me.tc.lang,
                "plan-documents-links-withdrawn",
                &[("n", (n as i64).into())],
            ),
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
        return me.not_found();
    };
    let page = format!("/documents/purchase_order/{doc}");
    let (store, t) = (&state.store, me.tc.tenant.id);
    match replenish::resend_order(store, t, &me.member, doc, me.rid(), now_ms()).await {
        Ok(()) => {
            state.jobs_wake.notify_one();
            me.notice(&page, &i18n::t(me.tc.lang, "plan-documents-resent"))
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
        return me.not_found();
    };
    let page = format!("/documents/purchase_order/{doc}");
    let (store, t) = (&state.store, me.tc.tenant.id);
    match replenish::message_supplier(store, t, &me.member, doc, &form.0, me.rid(), now_ms()).await
    {
        Ok(_) => {
            state.jobs_wake.notify_one();
            me.notice(&page, &i18n::t(me.tc.lang, "plan-documents-message-sent"))
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
        return me.not_found();
    };
    let (store, t) = (&state.store, me.tc.tenant.id);
    match replenish::attachment_for_staff(store, t, &me.member, po, file).await {
        Ok(f) => super::supplier::download(f),
        Err(e) => me.fail(&format!("/documents/purchase_order/{po}"), &e),
    }
}
