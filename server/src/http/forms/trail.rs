//! The audit trail (signed in; the engine checks `SeeAuditTrail`), served whole by the
//! server: `GET /settings/audit`, newest first, [`engine::trail::PAGE`] entries a page
//! (`?before=<seq>` for older ones). Entries made in an act-as session are marked.

use std::sync::Arc;

use app::ssr::format::{ago, iso, when};
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

/// What changed, as short text: the JSON the entry keeps, without its braces.
fn change(before: Option<&str>, after: Option<&str>) -> String {
    let show = |s: &str| {
        let t: String = s.chars().take(300).collect();
        escape(t.trim_start_matches('{').trim_end_matches('}'))
    };
    match (before, after) {
        (Some(b), Some(a)) => format!("{} → {}", show(b), show(a)),
        (None, Some(a)) => show(a),
        (Some(b), None) => format!("was {}", show(b)),
        (None, None) => String::new(),
    }
}

/// A moment as the portal's pages show it: "5 min ago", the exact time on hover and
/// focus (as `app::components::Moment`).
fn moment(at: i64) -> String {
    let exact = escape(&when(at));
    format!(
        "<time class=\"moment\" datetime=\"{}\" title=\"{exact}\" data-exact=\"{exact}\" tabindex=\"0\">{}</time>",
        iso(at),
        escape(&ago(at))
    )
}

pub async fn trail(
    State(app): State<Arc<AppState>>,
    me: SignedIn,
    Query(q): Query<TrailQuery>,
) -> Response {
    let before = q.before.trim().parse::<i64>().ok();
    let p = match engine::trail::page(&app.store, me.tc.tenant.id, &me.member, before).await {
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
                "<tr{mark}><td>{when}</td><td>{sentence}</td><td><details class=\"raw\"><summary>#{seq}</summary><dl><dt>Actor</dt><dd><code>{actor}</code></dd><dt>Action</dt><dd><code>{action}</code></dd><dt>Subject</dt><dd><code>{subject}</code></dd><dt>Change</dt><dd><code>{change}</code></dd></dl></details></td></tr>",
                when = moment(r.at),
                sentence = escape(&e.sentence),
                seq = r.seq,
                actor = escape(&r.actor),
                action = escape(&r.action),
                subject = escape(&r.subject),
                change = change(r.before.as_deref(), r.after.as_deref())
            )
        })
        .collect();
    let table = if rows.is_empty() {
        "<p class=\"empty\">Nothing recorded yet.</p>".to_string()
    } else {
        format!("<div class=\"table-scroll\"><table><thead><tr><th scope=\"col\">When</th><th scope=\"col\">What happened</th><th scope=\"col\">Record</th></tr></thead><tbody>{rows}</tbody></table></div>")
    };
    let older = p
        .next
        .map(|seq| {
            format!(
                "<p><a href=\"{}\">Older entries</a></p>",
                escape(&me.tc.href(&format!("/settings/audit?before={seq}")))
            )
        })
        .unwrap_or_default();
    let body = format!(
        "<section class=\"card\"><p><a href=\"{home}\">Back to the portal</a></p><h1>Audit trail</h1><p class=\"muted\">Everything people, integrations and the system changed here, newest first, in words; open a record to see it as it is kept. Entries made while your service provider acted in this portal are marked, with the person and the session.</p>{table}{older}</section>",
        home = escape(&me.tc.home()),
    );
    page(&app, &me.tc, Some(&me.member), "Audit trail", &body, None)
}
