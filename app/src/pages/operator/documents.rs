//! Transfers and purchase orders: the recent list, and one document with its lines,
//! approval steps, the commands the viewer may give, and its audit trail.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::api::{get_document, get_documents};
use crate::components::{Flash, MessageThread, Moment, SignedInPage};
use crate::pages::OrderChangesCard;
use crate::views::{DocRow, DocumentView, Documents, Portal};

fn state_label(s: &str) -> String {
    s.replace('_', " ")
}

#[component]
pub fn DocumentsPage() -> impl IntoView {
    let docs = Resource::new(|| (), |_| get_documents());
    view! {
        <SignedInPage data=docs render=move |_p: Portal, d: Documents| view! {
                        <section class="card">
                            <h1>"Transfers"</h1>
                            <DocTable rows=d.transfers empty="No transfers yet. They appear when a store falls below its reorder point and another location can spare stock."/>
                        </section>
                        <section class="card">
                            <h1>"Purchase orders"</h1>
                            <DocTable rows=d.orders empty="No purchase orders yet."/>
                        </section>
                    }.into_any()/>
    }
}

#[component]
fn DocTable(rows: Vec<DocRow>, empty: &'static str) -> impl IntoView {
    if rows.is_empty() {
        return view! { <p class="empty" role="status">{empty}</p> }.into_any();
    }
    view! {
        <div class="table-scroll">
            <table>
                <thead><tr><th>"Document"</th><th>"State"</th><th class="num">"Value"</th><th class="opt">"Updated"</th></tr></thead>
                <tbody>
                    {rows.into_iter().map(|r| view! {
                        <tr>
                            <td><A href=r.href>{r.title}</A></td>
                            <td><span class=format!("badge state-{}", r.state)>{state_label(&r.state)}</span></td>
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
    let cancel_label = if doc.doc_type == "purchase_order" {
        "Cancel purchase order"
    } else {
        "Cancel transfer"
    };
    let quantity = doc.quantity;
    let shipped = doc.shipped;
    view! {
        <section class="card">
            <p><A href=portal.href("/documents")>"← Documents"</A></p>
            <h1>{doc.title.clone()}</h1>
            <Flash/>
            <p><span class=format!("badge state-{}", doc.state)>{state_label(&doc.state)}</span>
                {doc.pending_decision.then(|| view! { " " <A href=portal.href("/approvals")>"Waiting in the approvals inbox"</A> })}
            </p>
            <p class="reason">{doc.reason.clone()}</p>
            <dl class="facts">
                {doc.facts.clone().into_iter().map(|(k, v)| view! { <dt>{k}</dt><dd>{v}</dd> }).collect_view()}
            </dl>
            {(!doc.lines.is_empty()).then(|| view! {
                <div class="table-scroll">
                    <table>
                        <thead><tr><th>"Product"</th><th class="num">"Quantity"</th><th class="num">"Unit cost"</th><th class="num">"Line value"</th><th class="opt">"Why"</th></tr></thead>
                        <tbody>
                            {doc.lines.clone().into_iter().map(|l| view! {
                                <tr>
                                    <td>{l[0].clone()}</td><td class="num">{l[1].clone()}</td><td class="num">{l[2].clone()}</td>
                                    <td class="num">{l[3].clone()}</td><td class="opt">{l[4].clone()}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            })}
            {ship.then(|| view! {
                <form method="post" action=command.clone() class="inline-form">
                    <input type="hidden" name="command" value="ship"/>
                    <label>"Shipped quantity " <input type="number" name="quantity" min="1" value=quantity.to_string() required/></label>
                    <button type="submit" class="primary">"Mark shipped"</button>
                </form>
            })}
            {receive.then(|| view! {
                <form method="post" action=command.clone() class="inline-form">
                    <input type="hidden" name="command" value="receive"/>
                    <label>"Received quantity " <input type="number" name="quantity" min="0" value=shipped.to_string() required/></label>
                    <button type="submit" class="primary">"Mark received"</button>
                </form>
            })}
            {edit.then(|| view! {
                <form method="post" action=command.clone() class="inline-form">
                    <input type="hidden" name="command" value="edit"/>
                    <label>"New quantity " <input type="number" name="quantity" min="1" value=quantity.to_string() required/></label>
                    <button type="submit">"Change quantity"</button>
                    <span class="muted">" A change sends it back for approval."</span>
                </form>
            })}
            {cancel.then(|| view! {
                <form method="post" action=command.clone() class="inline-form">
                    <input type="hidden" name="command" value="cancel"/>
                    <label class="check"><input type="checkbox" name="confirm" value="yes" required/>" I am sure"</label>
                    <button type="submit" class="danger">{cancel_label}</button>
                </form>
            })}
            {close.then(|| view! {
                <form method="post" action=command.clone() class="inline-form">
                    <input type="hidden" name="command" value="close"/>
                    <label class="check"><input type="checkbox" name="confirm" value="yes" required/>" The rest is not coming"</label>
                    <button type="submit">"Close the order"</button>
                </form>
            })}
            {resend.then(|| view! {
                <form method="post" action=resend_action.clone() class="inline-form">
                    <button type="submit">"Send to the supplier again"</button>
                    <span class="muted">" With a new link, valid 30 days."</span>
                </form>
            })}
            {revoke.then(|| view! {
                <form method="post" action=revoke_action.clone() class="inline-form">
                    <button type="submit">"Withdraw the supplier's links"</button>
                    <span class="muted">" The links in the order's e-mail stop working."</span>
                </form>
            })}
        </section>
        <section class="card">
            <h2>"Approval"</h2>
            {if doc.steps.is_empty() {
                view! { <p class="muted">"No approval steps: approved automatically or not yet routed."</p> }.into_any()
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
        <OrderChangesCard changes=doc.changes.clone() supplier_side=false/>
        {(doc.can_message || !doc.messages.is_empty()).then(|| {
            let action = doc.can_message.then(|| portal.href(&format!("/documents/purchase_order/{}/messages", doc.id)));
            view! { <MessageThread messages=doc.messages.clone() action=action supplier_side=false/> }
        })}
        <section class="card">
            <h2>"History"</h2>
            <ol class="audit">
                {doc.audit.into_iter().map(|a| view! {
                    <li>
                        <p>{a.sentence}</p>
                        <p class="muted"><Moment at=a.at exact=a.exact iso=a.iso/></p>
                        <details class="raw">
                            <summary>"Record #" {a.seq}</summary>
                            <dl>
                                <dt>"Actor"</dt><dd><code>{a.actor}</code></dd>
                                <dt>"Action"</dt><dd><code>{a.action}</code></dd>
                                <dt>"Change"</dt><dd><code class="change">{a.change}</code></dd>
                            </dl>
                        </details>
                    </li>
                }).collect_view()}
            </ol>
        </section>
    }
}
