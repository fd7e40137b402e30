//! The audit trail (signed in; the engine checks `SeeAuditTrail`), served whole by the
//! server: `GET /settings/audit`, newest first, [`engine::trail::PAGE`] entries a page
//! (`?before=<seq>` for older ones). Entries made in an act-as session are marked.

use std::sync::Arc;

use app::ssr::format::{ago, iso, when_at};
use axum::extract::{Query, State};
use axum::response::Response;

use super::shell::page;
use super::SignedIn;
use crate::http::tenancy::html_escape as escape;
use crate::state::AppState;

#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct TrailQuery {
    pub before: String,
}

/// What changed, as short text (escaped HTML): the JSON the entry keeps, without its
/// braces.
fn change(lang: i18n::Lang, before: Option<&str>, after: Option<&str>) -> String {
    let raw = |s: &str| {
        let t: String = s.chars().take(300).collect();
        t.trim_start_matches('{').trim_end_matches('}').to_string()
    };
    let show = |s: &str| escape(&raw(s));
    match (before, after) {
        (Some(b), Some(a)) => format!("{} → {}", show(b), show(a)),
        (None, Some(a)) => show(a),
        (Some(b), None) => escape(&i18n::t_args(
            lang,
            "plan-trail-was",
            &[("before", raw(b).into())],
        )),
        (None, None) => String::new(),
    }
}

/// A moment as the portal's pages show it: "5 min ago", the exact time on hover and
/// focus (as `app::components::Moment`).
fn moment(tc: &app::ssr::TenantCtx, at: i64) -> String {
    let exact = escape(&when_at(tc, at));
    format!(
        "<time class=\"moment\" datetime=\"{}\" title=\"{exact}\" data-exact=\"{exact}\" tabindex=\"0\">{}</time>",
        iso(at),
        escape(&ago(tc.lang, at))
    )
}

pub async fn trail(
    State(app): State<Arc<AppState>>,
    me: SignedIn,
    Query(q): Query<TrailQuery>,
) -> Response {
    let lang = me.tc.lang;
    let tr = |id: &str| escape(&i18n::t(lang, id));
    let before = q.before.trim().parse::<i64>().ok();
    let (store, t) = (&app.store, me.tc.tenant.id);
    let p = match engine::trail::page(store, t, &me.member, before, lang).await {
        Ok(p) => p,
        Err(e) => return me.fail("/", &e),
    };
    let rows: String = p
        .entries
        .iter()
        .map(|e| {
            let r = &e.record;
            let mark = if e.act_as.is_some() {
                " class=\"act-as-entry\""
            } else {
                ""
            };
            format!(
                "<tr{mark}><td>{when}</td><td>{sentence}</td><td><details class=\"raw\"><summary>#{seq}</summary><dl><dt>{l_actor}</dt><dd><code>{actor}</code></dd><dt>{l_action}</dt><dd><code>{action}</code></dd><dt>{l_subject}</dt><dd><code>{subject}</code></dd><dt>{l_change}</dt><dd><code>{change}</code></dd></dl></details></td></tr>",
                when = moment(&me.tc, r.at),
                sentence = escape(&e.sentence),
                seq = r.seq,
                actor = escape(&r.actor),
                action = escape(&r.action),
                subject = escape(&r.subject),
                change = change(lang, r.before.as_deref(), r.after.as_deref()),
                l_actor = tr("plan-trail-actor"),
                l_action = tr("plan-trail-action"),
                l_subject = tr("plan-trail-subject"),
                l_change = tr("plan-trail-change"),
            )
        })
        .collect();
    let table = if rows.is_empty() {
        format!("<p class=\"empty\">{}</p>", tr("plan-trail-empty"))
    } else {
        format!(
            "<div class=\"table-scroll\"><table><thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>{rows}</tbody></table></div>",
            tr("plan-trail-col-when"),
            tr("plan-trail-col-what"),
            tr("plan-trail-col-record"),
        )
    };
    let older = p
        .next
        .map(|seq| {
            format!(
                "<p><a href=\"{}\">{}</a></p>",
                escape(&me.tc.href(&format!("/settings/audit?before={seq}"))),
                tr("plan-trail-older")
            )
        })
        .unwrap_or_default();
    let title = i18n::t(lang, "plan-trail-heading");
    let body = format!(
        "<section class=\"card\"><p><a href=\"{home}\">{back}</a></p><h1>{heading}</h1><p class=\"muted\">{intro}</p>{table}{older}</section>",
        home = escape(&me.tc.home()),
        back = tr("plan-back-to-portal"),
        heading = escape(&title),
        intro = tr("plan-trail-intro"),
    );
    page(&app, &me.tc, Some(&me.member), &title, &body, None)
}
