//! Supplier scorecards: for the retailer's staff every supplier's (`/scorecards`), for a
//! supplier user its own (`/supplier/scorecard`); the figures, and the on-time share
//! per week as a bar chart that is also a table.

use leptos::prelude::*;

use crate::api::get_scorecards;
use crate::components::SignedInPage;
use crate::views::{Portal, ScorecardView, Scorecards};

/// Every supplier's scorecard (staff).
#[component]
pub fn ScorecardsPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| get_scorecards(false));
    view! {
        <SignedInPage data=data render=move |p: Portal, s: Scorecards| view! { <Cards cards=s title=p.t("people-scorecards-heading") lang=p.lang/> }.into_any()/>
    }
}

/// The signed-in supplier user's own scorecard.
#[component]
pub fn OwnScorecardPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| get_scorecards(true));
    view! {
        <SignedInPage data=data render=move |p: Portal, s: Scorecards| view! { <Cards cards=s title=p.t("people-scorecard-own-heading") lang=p.lang/> }.into_any()/>
    }
}

#[component]
fn Cards(cards: Scorecards, title: String, lang: i18n::Lang) -> impl IntoView {
    let weeks = cards.weeks;
    view! {
        <section class="card">
            <h1>{title}</h1>
            <p class="muted">{i18n::t_args(lang, "people-scorecard-intro", &[("weeks", weeks.into())])}</p>
            {cards.cards.is_empty().then(|| view! {
                <p class="empty" role="status">{i18n::t(lang, "people-scorecard-empty")}</p>
            })}
        </section>
        {cards.cards.into_iter().map(|c| view! { <Card card=c lang=lang/> }).collect_view()}
    }
}

#[component]
fn Card(card: ScorecardView, lang: i18n::Lang) -> impl IntoView {
    view! {
        <section class="card scorecard">
            <h2>{card.supplier.clone()}</h2>
            <dl class="facts">
                {card.figures.into_iter().map(|(k, v)| view! { <dt>{k}</dt><dd>{v}</dd> }).collect_view()}
            </dl>
            <div class="table-scroll">
                <table class="trend">
                    <caption>{i18n::t(lang, "people-scorecard-trend-caption")}</caption>
                    <thead><tr>
                        <th scope="col">{i18n::t(lang, "people-scorecard-week-of")}</th>
                        <th scope="col" class="num">{i18n::t(lang, "people-scorecard-orders-due")}</th>
                        <th scope="col">{i18n::t(lang, "people-scorecard-on-time")}</th>
                    </tr></thead>
                    <tbody>
                        {card.weeks.into_iter().map(|(week, sent, on_time, share)| view! {
                            <tr>
                                <td>{week}</td>
                                <td class="num">{sent}</td>
                                <td>
                                    {match share {
                                        Some(p) => view! {
                                            <span class="bar" style=format!("width:{}%", p.clamp(0, 100) * 6 / 10)></span>
                                            <span class="bar-label">{format!("{p} % ({on_time})")}</span>
                                        }.into_any(),
                                        None => view! { <span class="muted">"—"</span> }.into_any(),
                                    }}
                                </td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}
