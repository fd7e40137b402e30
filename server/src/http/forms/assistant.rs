//! The assistant's page, served whole by the server: `GET /settings/assistant` shows its
//! limits, what it did and would have done next to what people did (the engine checks
//! `ViewInventory`), and `POST /settings/assistant` saves the limits (the engine checks
//! `EditApprovalMatrix` and names a bad field).

use std::sync::Arc;

use app::ssr::format::when;
use axum::extract::{Query, State};
use axum::response::Response;
use engine::assistant::{money as plain_money, Limits, Mode};
use engine::mail::money;
use engine::model::{now_ms, Permission};
use engine::replenish::assistant::{self, Outcome, Overview};
use engine::store::assistant::DecisionRecord;
use serde::Deserialize;

use super::shell::{page, Flash};
use super::{id, parse_money, FormError, Posted, SignedIn};
use crate::http::tenancy::html_escape as escape;
use crate::state::AppState;

const PAGE: &str = "/settings/assistant";

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct AssistantQuery {
    pub before: String,
    pub notice: String,
    pub error: String,
}

pub async fn assistant_page(
    State(app): State<Arc<AppState>>,
    me: SignedIn,
    Query(q): Query<AssistantQuery>,
) -> Response {
    let (store, t) = (&app.store, me.tc.tenant.id);
    let before = q.before.trim().parse::<i64>().ok();
    let o = match assistant::overview(store, t, &me.member, before, now_ms()).await {
        Ok(o) => o,
        Err(e) => return me.fail("/", &e),
    };
    let currency = me.tc.tenant.currency.clone();
    let form = if me.member.can(Permission::EditApprovalMatrix) {
        let classes = store.product_classes(t).await.unwrap_or_default();
        let suppliers = store.labels(t).await.map(|l| l.1).unwrap_or_default();
        limits_form(&me, &o.limits, &classes, &suppliers)
    } else {
        format!(
            "<p>The assistant is <strong>{}</strong>. An admin sets its limits.</p>",
            escape(o.limits.mode.label())
        )
    };
    let flash = Flash {
        notice: q.notice,
        error: q.error,
    }
    .html();
    let older = o
        .next
        .map(|id| {
            format!(
                "<p><a href=\"{}\">Older decisions</a></p>",
                escape(&me.tc.href(&format!("{PAGE}?before={id}")))
            )
        })
        .unwrap_or_default();
    let body = format!(
        "<section class=\"card\"><p><a href=\"{home}\">Back to the portal</a></p><h1>Assistant</h1>{flash}\
         <p class=\"muted\">The engine drafts every transfer and order itself. When the approval matrix would send one to people, the assistant can approve it on its own, but only inside the hard limits below: the value of one document and of a day, its confidence in the quantity, and the classes and suppliers listed. Everything else goes to people as the matrix says. In shadow mode it only records what it would have done, so you can compare it with what people did before you let it act. Every judgement is in the audit trail with its inputs.</p>\
         {form}</section>\
         <section class=\"card\"><h2>Compared with people, last {days} days</h2>{comparison}</section>\
         <section class=\"card\"><h2>Its decisions</h2>{table}{older}</section>",
        home = escape(&me.tc.home()),
        days = assistant::COMPARE_DAYS,
        comparison = comparison(&o, &currency),
        table = decisions(&me, &o.decisions, &currency),
    );
    page(&app, &me.tc, Some(&me.member), "Assistant", &body, None)
}

fn limits_form(
    me: &SignedIn,
    l: &Limits,
    classes: &[String],
    suppliers: &[(i64, String, String)],
) -> String {
    let modes: String = Mode::ALL
        .iter()
        .map(|m| {
            format!(
                "<label class=\"check\"><input type=\"radio\" name=\"mode\" value=\"{}\"{}/> {}</label>",
                m.as_str(),
                if *m == l.mode { " checked" } else { "" },
                escape(m.label())
            )
        })
        .collect();
    let class_boxes: String = classes
        .iter()
        .map(|c| {
            format!(
                "<label class=\"check\"><input type=\"checkbox\" name=\"class\" value=\"{v}\"{checked}/> {v}</label>",
                v = escape(c),
                checked = if l.classes.contains(c) { " checked" } else { "" }
            )
        })
        .collect();
    let mut suppliers = suppliers.to_vec();
    suppliers.sort_by(|a, b| a.1.cmp(&b.1));
    let supplier_boxes: String = suppliers
        .iter()
        .map(|(id, code, name)| {
            format!(
                "<label class=\"check\"><input type=\"checkbox\" name=\"supplier\" value=\"{id}\"{}/> {} ({})</label>",
                if l.suppliers.contains(id) { " checked" } else { "" },
                escape(name),
                escape(code)
            )
        })
        .collect();
    format!(
        "<form method=\"post\" action=\"{action}\" class=\"stack\">\
         <fieldset><legend>Mode</legend>{modes}</fieldset>\
         <label>Most one document may be worth <input name=\"max_document\" inputmode=\"decimal\" value=\"{doc}\" required/></label>\
         <label>Most it may approve in a day (UTC), all documents together <input name=\"max_daily\" inputmode=\"decimal\" value=\"{day}\" required/></label>\
         <label>Least confidence, per cent <input name=\"min_confidence\" type=\"number\" min=\"0\" max=\"100\" value=\"{conf}\" required/></label>\
         <fieldset><legend>Classes it may approve (every line must be one)</legend>{class_boxes}</fieldset>\
         <fieldset><legend>Suppliers whose orders it may approve (transfers need none)</legend>{supplier_boxes}</fieldset>\
         <p><button type=\"submit\">Save the limits</button></p></form>",
        action = escape(&me.tc.href(PAGE)),
        doc = plain_money(l.max_document_minor),
        day = plain_money(l.max_daily_minor),
        conf = l.min_confidence_pct,
    )
}

fn comparison(o: &Overview, currency: &str) -> String {
    let c = &o.comparison;
    if c.judged == 0 {
        return "<p class=\"empty\">Nothing judged yet. Switch it to shadow mode: from the next document the matrix sends to people, it records what it would have done.</p>".into();
    }
    let would_act = c.would_act_approved + c.would_act_rejected + c.would_act_waiting;
    let would_refer = c.would_refer_approved + c.would_refer_rejected + c.would_refer_waiting;
    format!(
        "<table><thead><tr><th scope=\"col\">The assistant</th><th scope=\"col\">Documents</th><th scope=\"col\">Then approved</th><th scope=\"col\">Rejected or cancelled</th><th scope=\"col\">Still waiting</th></tr></thead><tbody>\
         <tr><th scope=\"row\">would approve (or did)</th><td>{would_act}</td><td>{}</td><td>{}</td><td>{}</td></tr>\
         <tr><th scope=\"row\">would send to people</th><td>{would_refer}</td><td>{}</td><td>{}</td><td>{}</td></tr></tbody></table>\
         <p>{} judged. People changed the value of {} afterwards. It approved {} on its own, worth {}.</p>",
        c.would_act_approved,
        c.would_act_rejected,
        c.would_act_waiting,
        c.would_refer_approved,
        c.would_refer_rejected,
        c.would_refer_waiting,
        c.judged,
        c.changed,
        c.acted,
        escape(&money(c.acted_minor, currency)),
    )
}

fn decisions(me: &SignedIn, rows: &[DecisionRecord], currency: &str) -> String {
    if rows.is_empty() {
        return "<p class=\"empty\">No decisions yet.</p>".into();
    }
    let body: String = rows
        .iter()
        .map(|d| {
            let reasons: Vec<String> = serde_json::from_str(&d.reasons).unwrap_or_default();
            let verdict = match (d.acted, d.verdict.as_str(), d.mode.as_str()) {
                (true, _, _) => "Approved it on its own".to_string(),
                (false, "act", _) => "Would approve it".to_string(),
                (false, _, "shadow") => format!("Would send it to people: {}", reasons.join("; ")),
                _ => format!("Sent it to people: {}", reasons.join("; ")),
            };
            let outcome = Outcome::of(d);
            let mut then = outcome.label().to_string();
            if let Some(v) = d.value_now_minor.filter(|v| *v != d.value_minor) {
                then.push_str(&format!(", now worth {}", money(v, currency)));
            }
            let (kind, label) = match d.doc {
                engine::model::DocRef::Transfer(n) => ("transfer", format!("Transfer {n}")),
                engine::model::DocRef::PurchaseOrder(n) => ("purchase_order", format!("Order {n}")),
            };
            format!(
                "<tr><td>{}</td><td><a href=\"{}\">{}</a></td><td>{}</td><td>{} %</td><td>{}</td><td>{}</td></tr>",
                escape(&when(d.decided_at)),
                escape(&me.tc.href(&format!("/documents/{kind}/{}", d.doc.id()))),
                escape(&label),
                escape(&money(d.value_minor, currency)),
                d.confidence_pct,
                escape(&verdict),
                escape(&then),
            )
        })
        .collect();
    format!(
        "<div class=\"table-scroll\"><table><thead><tr><th scope=\"col\">When</th><th scope=\"col\">Document</th><th scope=\"col\">Value</th><th scope=\"col\">Confidence</th><th scope=\"col\">The assistant</th><th scope=\"col\">What became of it</th></tr></thead><tbody>{body}</tbody></table></div>"
    )
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct LimitsForm {
    mode: String,
    max_document: String,
    max_daily: String,
    min_confidence: String,
    class: Vec<String>,
    supplier: Vec<String>,
}

impl LimitsForm {
    fn limits(&self) -> Result<Limits, FormError> {
        let mode = Mode::parse(self.mode.trim())
            .ok_or_else(|| FormError::new("Choose a mode: off, shadow or act."))?;
        let amount = |v: &str, label: &str| {
            parse_money(v).ok_or_else(|| {
                FormError::new(format!(
                    "{label} must be an amount such as 250 or 1,250.50."
                ))
            })
        };
        let min_confidence_pct = self
            .min_confidence
            .trim()
            .parse::<u8>()
            .ok()
            .filter(|p| *p <= 100)
            .ok_or_else(|| {
                FormError::new("The least confidence must be a whole per cent from 0 to 100.")
            })?;
        let suppliers = self
            .supplier
            .iter()
            .map(|s| id(s).ok_or_else(|| FormError::new("A supplier listed is not one of yours.")))
            .collect::<Result<Vec<i64>, FormError>>()?;
        Ok(Limits {
            mode,
            max_document_minor: amount(&self.max_document, "The most per document")?,
            max_daily_minor: amount(&self.max_daily, "The most per day")?,
            min_confidence_pct,
            classes: self.class.clone(),
            suppliers,
        })
    }
}

pub async fn save_limits(
    State(app): State<Arc<AppState>>,
    me: SignedIn,
    Posted(form): Posted<LimitsForm>,
) -> Response {
    let limits = match form.limits() {
        Ok(l) => l,
        Err(e) => return me.error(PAGE, &e.to_string()),
    };
    let (store, t) = (&app.store, me.tc.tenant.id);
    match assistant::save_limits(store, t, &me.member, &limits, me.rid(), now_ms()).await {
        Ok(()) => me.notice(PAGE, "The assistant's limits are saved."),
        Err(e) => me.fail(PAGE, &e),
    }
}
