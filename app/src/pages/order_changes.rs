//! A sent order's changes and ship notices, shared by the buyer's document page and the
//! supplier's order page: the open change with its answer, the form to propose one (or
//! counter), the ship notice form (supplier) and the receipt form per notice (buyer).

use leptos::prelude::*;

use crate::views::{EditLine, OrderChanges};

/// `lang` is the page's language; without it, the portal's (the page has loaded it).
#[component]
pub fn OrderChangesCard(
    changes: OrderChanges,
    supplier_side: bool,
    #[prop(optional)] lang: Option<i18n::Lang>,
) -> impl IntoView {
    let lang = lang.unwrap_or_else(|| {
        use_context::<crate::PortalResource>()
            .and_then(|portal| {
                portal
                    .try_with_untracked(|r| {
                        r.as_ref().and_then(|r| r.as_ref().ok()).map(|p| p.lang)
                    })
                    .flatten()
            })
            .unwrap_or_default()
    });
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
    let propose_label = i18n::t(
        lang,
        match (supplier_side, open.is_some()) {
            (_, true) => "staff-changes-counter",
            (true, false) => "staff-changes-propose-supplier",
            (false, false) => "staff-changes-propose-buyer",
        },
    );
    view! {
        <section class="card order-changes">
            <h2>{i18n::t(lang, "staff-changes-heading")}</h2>
            {open.map(|c| view! {
                <div class="open-change">
                    <h3>{c.heading}</h3>
                    <div class="table-scroll">
                        <table>
                            <thead><tr>
                                <th>{i18n::t(lang, "staff-changes-col-article")}</th>
                                <th>{i18n::t(lang, "staff-changes-col-as-ordered")}</th>
                                <th>{i18n::t(lang, "staff-changes-col-proposed")}</th>
                            </tr></thead>
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
                            <button type="submit" class="primary">{i18n::t(lang, "staff-changes-accept")}</button>
                        </form>
                        <form method="post" action=format!("{action}/change/answer")>
                            <input type="hidden" name="answer" value="refuse"/>
                            <label for="refuse-reason">{i18n::t(lang, "staff-changes-refuse-reason")}</label>
                            <textarea id="refuse-reason" name="reason" required maxlength="2000" rows="2"></textarea>
                            <button type="submit" class="danger">{i18n::t(lang, "staff-changes-refuse")}</button>
                        </form>
                    }.into_any())}
                </div>
            }.into_any())}
            {can_propose.then(|| view! {
                <details class="propose">
                    <summary>{propose_label}</summary>
                    <form method="post" action=format!("{action}/change")>
                        <LineInputs lines=lines.clone() lang=lang/>
                        <label>{i18n::t(lang, "staff-changes-delivery-date")} " "
                            <input type="date" name="promised_on" required min=first_day.clone() max=last_day.clone() value=suggested_day.clone()/>
                        </label>
                        <label for="change-note">{i18n::t(lang, "staff-changes-note")}</label>
                        <textarea id="change-note" name="note" maxlength="2000" rows="2"></textarea>
                        <button type="submit" class="primary">{i18n::t(lang, "staff-changes-propose")}</button>
                        <p class="muted">{i18n::t(lang, "staff-changes-propose-hint")}</p>
                    </form>
                </details>
            }.into_any())}
            {can_ship.then(|| view! {
                <details class="ship">
                    <summary>{i18n::t(lang, "staff-changes-ship-notice")}</summary>
                    <form method="post" action=format!("{action}/ship")>
                        <div class="table-scroll">
                            <table>
                                <thead><tr>
                                    <th>{i18n::t(lang, "staff-changes-col-article")}</th>
                                    <th class="num">{i18n::t(lang, "staff-changes-col-not-shipped")}</th>
                                    <th class="num">{i18n::t(lang, "staff-changes-col-this-delivery")}</th>
                                </tr></thead>
                                <tbody>
                                    {lines.iter().filter(|l| l.open > 0).map(|l| view! {
                                        <tr>
                                            <td>{l.article.clone()}</td>
                                            <td class="num">{l.open}</td>
                                            <td class="num"><input type="number" name=format!("ship_{}", l.id) min="0" max=l.open.to_string()
                                                value=l.open.to_string() aria-label=i18n::t_args(lang, "staff-changes-units-delivery", &[("article", l.article.clone().into())])/></td>
                                        </tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        </div>
                        <label>{i18n::t(lang, "staff-changes-carrier")} " " <input type="text" name="carrier" maxlength="100"/></label>
                        <label>{i18n::t(lang, "staff-changes-tracking-number")} " " <input type="text" name="tracking" maxlength="100"/></label>
                        <label>{i18n::t(lang, "staff-changes-expected-delivery")} " "
                            <input type="date" name="expected_on" required min=first_day.clone() max=last_day.clone() value=suggested_day.clone()/>
                        </label>
                        <button type="submit" class="primary">{i18n::t(lang, "staff-changes-send-notice")}</button>
                    </form>
                </details>
            }.into_any())}
            {notices.into_iter().map(|n| {
                let receive = (n.in_transit && can_receive).then(|| format!("{action}/receive/{}", n.id));
                view! {
                    <div class="notice">
                        <h3>{n.heading} " " <span class=if n.in_transit { "badge state-shipped" } else { "badge state-closed" }>
                            {i18n::t(lang, if n.in_transit { "staff-changes-in-transit" } else { "staff-changes-received-badge" })}</span></h3>
                        <dl class="facts">
                            {n.facts.into_iter().map(|(k, v)| view! { <dt>{k}</dt><dd>{v}</dd> }).collect_view()}
                        </dl>
                        {match receive {
                            Some(to) => view! {
                                <form method="post" action=to>
                                    <div class="table-scroll">
                                        <table>
                                            <thead><tr>
                                                <th>{i18n::t(lang, "staff-changes-col-article")}</th>
                                                <th class="num">{i18n::t(lang, "staff-changes-col-shipped")}</th>
                                                <th class="num">{i18n::t(lang, "staff-changes-col-received")}</th>
                                                <th class="num">{i18n::t(lang, "staff-changes-col-damaged")}</th>
                                            </tr></thead>
                                            <tbody>
                                                {n.lines.into_iter().map(|l| view! {
                                                    <tr>
                                                        <td>{l.article.clone()}</td>
                                                        <td class="num">{l.shipped}</td>
                                                        <td class="num"><input type="number" name=format!("received_{}", l.id) min="0" value=l.shipped.to_string()
                                                            aria-label=i18n::t_args(lang, "staff-changes-units-received", &[("article", l.article.clone().into())])/></td>
                                                        <td class="num"><input type="number" name=format!("damaged_{}", l.id) min="0" value="0"
                                                            aria-label=i18n::t_args(lang, "staff-changes-units-damaged", &[("article", l.article.clone().into())])/></td>
                                                    </tr>
                                                }).collect_view()}
                                            </tbody>
                                        </table>
                                    </div>
                                    <button type="submit" class="primary">{i18n::t(lang, "staff-changes-record-receipt")}</button>
                                </form>
                            }.into_any(),
                            None => view! {
                                <div class="table-scroll">
                                    <table>
                                        <thead><tr>
                                            <th>{i18n::t(lang, "staff-changes-col-article")}</th>
                                            <th class="num">{i18n::t(lang, "staff-changes-col-shipped")}</th>
                                            <th class="num">{i18n::t(lang, "staff-changes-col-received")}</th>
                                        </tr></thead>
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
                <h3>{i18n::t(lang, "staff-changes-earlier")}</h3>
                <ul class="history">{history.into_iter().map(|h| view! { <li>{h}</li> }).collect_view()}</ul>
            }.into_any())}
        </section>
    }
    .into_any()
}

/// Quantity and unit price inputs per line (`qty_{line}`, `price_{line}`).
#[component]
fn LineInputs(lines: Vec<EditLine>, lang: i18n::Lang) -> impl IntoView {
    view! {
        <div class="table-scroll">
            <table>
                <thead><tr>
                    <th>{i18n::t(lang, "staff-changes-col-article")}</th>
                    <th class="num">{i18n::t(lang, "staff-changes-col-quantity")}</th>
                    <th class="num">{i18n::t(lang, "staff-changes-col-unit-price")}</th>
                    <th>{i18n::t(lang, "staff-changes-col-own-date")}</th>
                </tr></thead>
                <tbody>
                    {lines.into_iter().map(|l| view! {
                        <tr>
                            <td>{l.article.clone()}</td>
                            <td class="num"><input type="number" name=format!("qty_{}", l.id) min="0" value=l.quantity.to_string()
                                aria-label=i18n::t_args(lang, "staff-changes-quantity-of", &[("article", l.article.clone().into())])/></td>
                            <td class="num"><input type="text" inputmode="decimal" name=format!("price_{}", l.id) value=l.price.clone()
                                aria-label=i18n::t_args(lang, "staff-changes-price-of", &[("article", l.article.clone().into())])/></td>
                            <td><input type="date" name=format!("ships_{}", l.id) value=l.ships_on.clone()
                                aria-label=i18n::t_args(lang, "staff-changes-date-of", &[("article", l.article.clone().into())])/></td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
