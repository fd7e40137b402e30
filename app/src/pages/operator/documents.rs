//! Transfers and purchase orders: the recent list, and one document with its lines,
//! approval steps, the commands the viewer may give, and its audit trail.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::api::{get_document, get_documents};
use crate::components::{Flash, MessageThread, Moment, SignedInPage};
use crate::pages::OrderChangesCard;
use crate::views::{DocRow, DocumentView, Documents, Portal};

/// A transfer's or purchase order's state in the reader's language ("pending approval").
fn state_label(lang: i18n::Lang, s: &str) -> String {
    let id = match s {
        "proposed" => "staff-state-proposed",
        "draft" => "staff-state-draft",
        "pending_approval" => "staff-state-pending-approval",
        "approved" => "staff-state-approved",
        "sent" => "staff-state-sent",
        "acknowledged" => "staff-state-acknowledged",
        "backordered" => "staff-state-backordered",
        "change_proposed" => "staff-state-change-proposed",
        "change_approval" => "staff-state-change-approval",
        "shipped" => "staff-state-shipped",
        "partly_received" => "staff-state-partly-received",
        "received" => "staff-state-received",
        "closed" => "staff-state-closed",
        "declined" => "staff-state-declined",
        "rejected" => "staff-state-rejected",
        "cancelled" => "staff-state-cancelled",
        other => return other.replace('_', " "),
    };
    i18n::t(lang, id)
}

#[component]
pub fn DocumentsPage() -> impl IntoView {
    let docs = Resource::new(|| (), |_| get_documents());
    view! {
        <SignedInPage data=docs render=move |p: Portal, d: Documents| {
                    let lang = p.lang;
                    view! {
                        <section class="card">
                            <h1>{i18n::t(lang, "staff-docs-transfers")}</h1>
                            <DocTable rows=d.transfers empty=i18n::t(lang, "staff-docs-no-transfers") lang=lang/>
                        </section>
                        <section class="card">
                            <h1>{i18n::t(lang, "staff-docs-orders")}</h1>
                            <DocTable rows=d.orders empty=i18n::t(lang, "staff-docs-no-orders") lang=lang/>
                        </section>
                    }.into_any()
                }/>
    }
}

#[component]
fn DocTable(rows: Vec<DocRow>, empty: String, lang: i18n::Lang) -> impl IntoView {
    if rows.is_empty() {
        return view! { <p class="empty" role="status">{empty}</p> }.into_any();
    }
    view! {
        <div class="table-scroll">
            <table>
                <thead><tr>
                    <th>{i18n::t(lang, "staff-docs-col-document")}</th>
                    <th>{i18n::t(lang, "staff-docs-col-state")}</th>
                    <th class="num">{i18n::t(lang, "staff-docs-col-value")}</th>
                    <th class="opt">{i18n::t(lang, "staff-docs-col-updated")}</th>
                </tr></thead>
                <tbody>
                    {rows.into_iter().map(|r| view! {
                        <tr>
                            <td><A href=r.href>{r.title}</A></td>
                            <td><span class=format!("badge state-{}", r.state)>{state_label(lang, &r.state)}</span></td>
                            <td class="num">{r.value}</td>
                            <td class="opt">{r.updated}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

#[component]
pub fn DocumentPage() -> impl IntoView {
    let params = use_params_map();
    let key = Memo::new(move |_| {
        let p = params.read();
        (
            p.get("kind").unwrap_or_default(),
            p.get("id").and_then(|i| i.parse::<i64>().ok()).unwrap_or(0),
        )
    });
    let doc = Resource::new(move || key.get(), |(kind, id)| get_document(kind, id));
    view! {
        <SignedInPage data=doc render=move |p: Portal, d: DocumentView| view! { <Document portal=p doc=d/> }.into_any()/>
    }
}

#[component]
fn Document(portal: Portal, doc: DocumentView) -> impl IntoView {
    let lang = portal.lang;
    let command = portal.href(&format!("/documents/{}/{}/command", doc.doc_type, doc.id));
    let has = |c: &str| doc.commands.iter().any(|x| x == c);
    let (ship, receive, edit, cancel) = (has("ship"), has("receive"), has("edit"), has("cancel"));
    let close = has("close");
    let revoke = has("revoke_links");
    let resend = has("resend");
    let resend_action = portal.href(&format!("/documents/{}/{}/resend", doc.doc_type, doc.id));
    let revoke_action = portal.href(&format!(
        "/documents/{}/{}/revoke-links",
        doc.doc_type, doc.id
    ));
    let cancel_label = i18n::t(
        lang,
        if doc.doc_type == "purchase_order" {
            "staff-doc-cancel-order"
        } else {
            "staff-doc-cancel-transfer"
        },
    );
    let quantity = doc.quantity;
    let shipped = doc.shipped;
    view! {
        <section class="card">
            <p><A href=portal.href("/documents")>{i18n::t(lang, "staff-doc-back")}</A></p>
            <h1>{doc.title.clone()}</h1>
            <Flash/>
            <p><span class=format!("badge state-{}", doc.state)>{state_label(lang, &doc.state)}</span>
                {doc.pending_decision.then(|| view! { " " <A href=portal.href("/approvals")>{i18n::t(lang, "staff-doc-pending-decision")}</A> })}
            </p>
            <p class="reason" lang={doc.reason_in_english.then_some("en")}>{doc.reason.clone()}</p>
            <dl class="facts">
                {doc.facts.clone().into_iter().map(|(k, v)| view! { <dt>{k}</dt><dd>{v}</dd> }).collect_view()}
            </dl>
            {(!doc.lines.is_empty()).then(|| view! {
                <div class="table-scroll">
                    <table>
                        <thead><tr>
                            <th>{i18n::t(lang, "staff-doc-col-product")}</th>
                            <th class="num">{i18n::t(lang, "staff-doc-col-quantity")}</th>
                            <th class="num">{i18n::t(lang, "staff-doc-col-unit-cost")}</th>
                            <th class="num">{i18n::t(lang, "staff-doc-col-line-value")}</th>
                            <th class="opt">{i18n::t(lang, "staff-doc-col-why")}</th>
                        </tr></thead>
                        <tbody>
                            {doc.lines.clone().into_iter().enumerate().map(|(i, l)| {
                                let english = doc.line_reasons_in_english.get(i).copied().unwrap_or(true);
                                view! {
                                    <tr>
                                        <td>{l[0].clone()}</td><td class="num">{l[1].clone()}</td><td class="num">{l[2].clone()}</td>
                                        <td class="num">{l[3].clone()}</td><td class="opt" lang={english.then_some("en")}>{l[4].clone()}</td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            })}
            {ship.then(|| view! {
                <form method="post" action=command.clone() class="inline-form">
                    <input type="hidden" name="command" value="ship"/>
                    <label>{i18n::t(lang, "staff-doc-shipped-quantity")} " " <input type="number" name="quantity" min="1" value=quantity.to_string() required/></label>
                    <button type="submit" class="primary">{i18n::t(lang, "staff-doc-mark-shipped")}</button>
                </form>
            })}
            {receive.then(|| view! {
                <form method="post" action=command.clone() class="inline-form">
                    <input type="hidden" name="command" value="receive"/>
                    <label>{i18n::t(lang, "staff-doc-received-quantity")} " " <input type="number" name="quantity" min="0" value=shipped.to_string() required/></label>
                    <button type="submit" class="primary">{i18n::t(lang, "staff-doc-mark-received")}</button>
                </form>
            })}
            {edit.then(|| view! {
                <form method="post" action=command.clone() class="inline-form">
                    <input type="hidden" name="command" value="edit"/>
                    <label>{i18n::t(lang, "staff-doc-new-quantity")} " " <input type="number" name="quantity" min="1" value=quantity.to_string() required/></label>
                    <button type="submit">{i18n::t(lang, "staff-doc-change-quantity")}</button>
                    <span class="muted">" " {i18n::t(lang, "staff-doc-change-quantity-hint")}</span>
                </form>
            })}
            {cancel.then(|| view! {
                <form method="post" action=command.clone() class="inline-form">
                    <input type="hidden" name="command" value="cancel"/>
                    <label class="check"><input type="checkbox" name="confirm" value="yes" required/>" " {i18n::t(lang, "staff-doc-sure")}</label>
                    <button type="submit" class="danger">{cancel_label}</button>
                </form>
            })}
            {close.then(|| view! {
                <form method="post" action=command.clone() class="inline-form">
                    <input type="hidden" name="command" value="close"/>
                    <label class="check"><input type="checkbox" name="confirm" value="yes" required/>" " {i18n::t(lang, "staff-doc-rest-not-coming")}</label>
                    <button type="submit">{i18n::t(lang, "staff-doc-close-order")}</button>
                </form>
            })}
            {resend.then(|| view! {
                <form method="post" action=resend_action.clone() class="inline-form">
                    <button type="submit">{i18n::t(lang, "staff-doc-resend")}</button>
                    <span class="muted">" " {i18n::t(lang, "staff-doc-resend-hint")}</span>
                </form>
            })}
            {revoke.then(|| view! {
                <form method="post" action=revoke_action.clone() class="inline-form">
                    <button type="submit">{i18n::t(lang, "staff-doc-revoke")}</button>
                    <span class="muted">" " {i18n::t(lang, "staff-doc-revoke-hint")}</span>
                </form>
            })}
        </section>
        <section class="card">
            <h2>{i18n::t(lang, "staff-doc-approval")}</h2>
            {if doc.steps.is_empty() {
                view! { <p class="muted">{i18n::t(lang, "staff-doc-no-steps")}</p> }.into_any()
            } else {
                view! {
                    <ul class="steps">
                        {doc.steps.into_iter().map(|s| view! {
                            <li>{s.label} " — " <strong>{s.state}</strong> " " {s.decided}
                                {s.comment.map(|c| view! { <q>{c}</q> })}</li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
        <OrderChangesCard changes=doc.changes.clone() supplier_side=false lang=lang/>
        {(doc.can_message || !doc.messages.is_empty()).then(|| {
            let action = doc.can_message.then(|| portal.href(&format!("/documents/purchase_order/{}/messages", doc.id)));
            view! { <MessageThread messages=doc.messages.clone() action=action supplier_side=false lang=lang/> }
        })}
        <section class="card">
            <h2>{i18n::t(lang, "staff-doc-history")}</h2>
            <ol class="audit">
                {doc.audit.into_iter().map(|a| view! {
                    <li>
                        <p>{a.sentence}</p>
                        <p class="muted"><Moment at=a.at exact=a.exact iso=a.iso/></p>
                        <details class="raw">
                            <summary>{i18n::t_args(lang, "staff-doc-record", &[("seq", a.seq.to_string().into())])}</summary>
                            <dl>
                                <dt>{i18n::t(lang, "staff-doc-actor")}</dt><dd><code>{a.actor}</code></dd>
                                <dt>{i18n::t(lang, "staff-doc-action")}</dt><dd><code>{a.action}</code></dd>
                                <dt>{i18n::t(lang, "staff-doc-change")}</dt><dd><code class="change">{a.change}</code></dd>
                            </dl>
                        </details>
                    </li>
                }).collect_view()}
            </ol>
        </section>
    }
}
