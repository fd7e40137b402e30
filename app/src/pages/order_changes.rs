//! A sent order's changes and ship notices, shared by the buyer's document page and the
//! supplier's order page: the open change with its answer, the form to propose one (or
//! counter), the ship notice form (supplier) and the receipt form per notice (buyer).

use leptos::prelude::*;

use crate::views::{EditLine, OrderChanges};

#[component]
pub fn OrderChangesCard(changes: OrderChanges, supplier_side: bool) -> impl IntoView {
    let OrderChanges {
        lines,
        open,
        history,
        notices,
        can_propose,
        can_answer,
        can_ship,
        can_receive,
        action,
        first_day,
        last_day,
        suggested_day,
    } = changes;
    let nothing =
        open.is_none() && history.is_empty() && notices.is_empty() && !can_propose && !can_ship;
    if nothing {
        return ().into_any();
    }
    let propose_label = match (supplier_side, open.is_some()) {
        (_, true) => "Counter with a change of your own",
        (true, false) => "Propose a change (quantity, price or date)",
        (false, false) => "Change the order",
    };
    view! {
        <section class="card order-changes">
            <h2>"Changes and deliveries"</h2>
            {open.map(|c| view! {
                <div class="open-change">
                    <h3>{c.heading}</h3>
                    <div class="table-scroll">
                        <table>
                            <thead><tr><th>"Article"</th><th>"As ordered"</th><th>"Proposed"</th></tr></thead>
                            <tbody>
                                {c.rows.into_iter().map(|r| view! {
                                    <tr><td>{r[0].clone()}</td><td>{r[1].clone()}</td><td>{r[2].clone()}</td></tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                    <dl class="facts">
                        {c.facts.into_iter().map(|(k, v)| view! { <dt>{k}</dt><dd>{v}</dd> }).collect_view()}
                    </dl>
                    {can_answer.then(|| view! {
                        <form method="post" action=format!("{action}/change/answer") class="inline-form">
                            <input type="hidden" name="answer" value="accept"/>
                            <button type="submit" class="primary">"Accept the change"</button>
                        </form>
                        <form method="post" action=format!("{action}/change/answer")>
                            <input type="hidden" name="answer" value="refuse"/>
                            <label for="refuse-reason">"Or refuse it, saying why"</label>
                            <textarea id="refuse-reason" name="reason" required maxlength="2000" rows="2"></textarea>
                            <button type="submit" class="danger">"Refuse the change"</button>
                        </form>
                    }.into_any())}
                </div>
            }.into_any())}
            {can_propose.then(|| view! {
                <details class="propose">
                    <summary>{propose_label}</summary>
                    <form method="post" action=format!("{action}/change")>
                        <LineInputs lines=lines.clone()/>
                        <label>"Delivery date "
                            <input type="date" name="promised_on" required min=first_day.clone() max=last_day.clone() value=suggested_day.clone()/>
                        </label>
                        <label for="change-note">"Note for the other side (optional)"</label>
                        <textarea id="change-note" name="note" maxlength="2000" rows="2"></textarea>
                        <button type="submit" class="primary">"Propose the change"</button>
                        <p class="muted">"A quantity of 0 drops the line; a line's own later date backorders it. A change that makes the order dearer is approved by the retailer before it applies."</p>
                    </form>
                </details>
            }.into_any())}
            {can_ship.then(|| view! {
                <details class="ship">
                    <summary>"Send a ship notice"</summary>
                    <form method="post" action=format!("{action}/ship")>
                        <div class="table-scroll">
                            <table>
                                <thead><tr><th>"Article"</th><th class="num">"Not shipped yet"</th><th class="num">"On this delivery"</th></tr></thead>
                                <tbody>
                                    {lines.iter().filter(|l| l.open > 0).map(|l| view! {
                                        <tr>
                                            <td>{l.article.clone()}</td>
                                            <td class="num">{l.open}</td>
                                            <td class="num"><input type="number" name=format!("ship_{}", l.id) min="0" max=l.open.to_string()
                                                value=l.open.to_string() aria-label=format!("Units of {} on this delivery", l.article)/></td>
                                        </tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        </div>
                        <label>"Carrier " <input type="text" name="carrier" maxlength="100"/></label>
                        <label>"Tracking number " <input type="text" name="tracking" maxlength="100"/></label>
                        <label>"Expected delivery "
                            <input type="date" name="expected_on" required min=first_day.clone() max=last_day.clone() value=suggested_day.clone()/>
                        </label>
                        <button type="submit" class="primary">"Send the ship notice"</button>
                    </form>
                </details>
            }.into_any())}
            {notices.into_iter().map(|n| {
                let receive = (n.in_transit && can_receive).then(|| format!("{action}/receive/{}", n.id));
                view! {
                    <div class="notice">
                        <h3>{n.heading} " " <span class=if n.in_transit { "badge state-shipped" } else { "badge state-closed" }>
                            {if n.in_transit { "in transit" } else { "received" }}</span></h3>
                        <dl class="facts">
                            {n.facts.into_iter().map(|(k, v)| view! { <dt>{k}</dt><dd>{v}</dd> }).collect_view()}
                        </dl>
                        {match receive {
                            Some(to) => view! {
                                <form method="post" action=to>
                                    <div class="table-scroll">
                                        <table>
                                            <thead><tr><th>"Article"</th><th class="num">"Shipped"</th><th class="num">"Received"</th><th class="num">"Of which damaged"</th></tr></thead>
                                            <tbody>
                                                {n.lines.into_iter().map(|l| view! {
                                                    <tr>
                                                        <td>{l.article.clone()}</td>
                                                        <td class="num">{l.shipped}</td>
                                                        <td class="num"><input type="number" name=format!("received_{}", l.id) min="0" value=l.shipped.to_string()
                                                            aria-label=format!("Units of {} received", l.article)/></td>
                                                        <td class="num"><input type="number" name=format!("damaged_{}", l.id) min="0" value="0"
                                                            aria-label=format!("Units of {} damaged", l.article)/></td>
                                                    </tr>
                                                }).collect_view()}
                                            </tbody>
                                        </table>
                                    </div>
                                    <button type="submit" class="primary">"Record the receipt"</button>
                                </form>
                            }.into_any(),
                            None => view! {
                                <div class="table-scroll">
                                    <table>
                                        <thead><tr><th>"Article"</th><th class="num">"Shipped"</th><th class="num">"Received"</th></tr></thead>
                                        <tbody>
                                            {n.lines.into_iter().map(|l| view! {
                                                <tr><td>{l.article}</td><td class="num">{l.shipped}</td><td class="num">{l.received}</td></tr>
                                            }).collect_view()}
                                        </tbody>
                                    </table>
                                </div>
                            }.into_any(),
                        }}
                    </div>
                }.into_any()
            }).collect_view()}
            {(!history.is_empty()).then(|| view! {
                <h3>"Earlier changes"</h3>
                <ul class="history">{history.into_iter().map(|h| view! { <li>{h}</li> }).collect_view()}</ul>
            }.into_any())}
        </section>
    }
    .into_any()
}

/// Quantity and unit price inputs per line (`qty_{line}`, `price_{line}`).
#[component]
fn LineInputs(lines: Vec<EditLine>) -> impl IntoView {
    view! {
        <div class="table-scroll">
            <table>
                <thead><tr><th>"Article"</th><th class="num">"Quantity"</th><th class="num">"Unit price"</th><th>"Own date, if later"</th></tr></thead>
                <tbody>
                    {lines.into_iter().map(|l| view! {
                        <tr>
                            <td>{l.article.clone()}</td>
                            <td class="num"><input type="number" name=format!("qty_{}", l.id) min="0" value=l.quantity.to_string()
                                aria-label=format!("Quantity of {}", l.article)/></td>
                            <td class="num"><input type="text" inputmode="decimal" name=format!("price_{}", l.id) value=l.price.clone()
                                aria-label=format!("Unit price of {}", l.article)/></td>
                            <td><input type="date" name=format!("ships_{}", l.id) value=l.ships_on.clone()
                                aria-label=format!("Own delivery date of {} (backorder the line)", l.article)/></td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
