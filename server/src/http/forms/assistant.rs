//! The assistant's page, served whole by the server: `GET /settings/assistant` shows its
//! limits, what it did and would have done next to what people did (the engine checks
//! `ViewInventory`), and `POST /settings/assistant` saves the limits (the engine checks
//! `EditApprovalMatrix` and names a bad field).

use std::sync::Arc;

use app::ssr::format::when_at;
use axum::extract::{Query, State};
use axum::response::Response;
use engine::assistant::{money as plain_money, Limits, Mode};

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

/// The mode as people read it, in their language.
fn mode_label(lang: i18n::Lang, m: Mode) -> String {
    i18n::t(
        lang,
        match m {
            Mode::Off => "plan-assistant-mode-off",
            Mode::Shadow => "plan-assistant-mode-shadow",
            Mode::Act => "plan-assistant-mode-act",
        },
    )
}

/// What became of a judged document, in the reader's language.
fn outcome_label(lang: i18n::Lang, o: Outcome) -> String {
    i18n::t(
        lang,
        match o {
            Outcome::Approved => "plan-assistant-outcome-approved",
            Outcome::Rejected => "plan-assistant-outcome-rejected",
            Outcome::Cancelled => "plan-assistant-outcome-cancelled",
            Outcome::Waiting => "plan-assistant-outcome-waiting",
            Outcome::Unknown => "plan-assistant-outcome-gone",
        },
    )
}

pub async fn assistant_page(
    State(app): State<Arc<AppState>>,
    me: SignedIn,
    Query(q): Query<AssistantQuery>,
) -> Response {
    let lang = me.tc.lang;
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
        // The mode goes in bold inside the translated sentence: a marker stands in for it
        // while the sentence is escaped.
        let marker = "\u{1}";
        let sentence = escape(&i18n::t_args(
            lang,
            "plan-assistant-read-only",
            &[("mode", marker.into())],
        ));
        format!(
            "<p>{}</p>",
            sentence.replace(
                marker,
                &format!(
                    "<strong>{}</strong>",
                    escape(&mode_label(lang, o.limits.mode))
                )
            )
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
                "<p><a href=\"{}\">{}</a></p>",
                escape(&me.tc.href(&format!("{PAGE}?before={id}"))),
                escape(&i18n::t(lang, "plan-assistant-older"))
            )
        })
        .unwrap_or_default();
    let title = i18n::t(lang, "plan-assistant-heading");
    let body = format!(
        "<section class=\"card\"><p><a href=\"{home}\">{back}</a></p><h1>{heading}</h1>{flash}\
         <p class=\"muted\">{intro}</p>\
         {form}</section>\
         <section class=\"card\"><h2>{compared}</h2>{comparison}</section>\
         <section class=\"card\"><h2>{its}</h2>{table}{older}</section>",
        home = escape(&me.tc.home()),
        back = escape(&i18n::t(lang, "plan-back-to-portal")),
        heading = escape(&title),
        intro = escape(&i18n::t(lang, "plan-assistant-intro")),
        compared = escape(&i18n::t_args(
            lang,
            "plan-assistant-compared",
            &[("days", assistant::COMPARE_DAYS.into())]
        )),
        its = escape(&i18n::t(lang, "plan-assistant-decisions")),
        comparison = comparison(lang, &o, &currency),
        table = decisions(&me, &o.decisions, &currency),
    );
    page(&app, &me.tc, Some(&me.member), &title, &body, None)
}

fn limits_form(
    me: &SignedIn,
    l: &Limits,
    classes: &[String],
    suppliers: &[(i64, String, String)],
) -> String {
    let lang = me.tc.lang;
    let modes: String = Mode::ALL
        .iter()
        .map(|m| {
            format!(
                "<label class=\"check\"><input type=\"radio\" name=\"mode\" value=\"{}\"{}/> {}</label>",
                m.as_str(),
                if *m == l.mode { " checked" } else { "" },
                escape(&mode_label(lang, *m))
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
    let tr = |id: &str| escape(&i18n::t(lang, id));
    format!(
        "<form method=\"post\" action=\"{action}\" class=\"stack\">\
         <fieldset><legend>{mode}</legend>{modes}</fieldset>\
         <label>{max_document} <input name=\"max_document\" inputmode=\"decimal\" value=\"{doc}\" required/></label>\
         <label>{max_daily} <input name=\"max_daily\" inputmode=\"decimal\" value=\"{day}\" required/></label>\
         <label>{min_confidence} <input name=\"min_confidence\" type=\"number\" min=\"0\" max=\"100\" value=\"{conf}\" required/></label>\
         <fieldset><legend>{classes}</legend>{class_boxes}</fieldset>\
         <fieldset><legend>{suppliers}</legend>{supplier_boxes}</fieldset>\
         <p><button type=\"submit\">{save}</button></p></form>",
        action = escape(&me.tc.href(PAGE)),
        mode = tr("plan-assistant-mode"),
        max_document = tr("plan-assistant-max-document"),
        max_daily = tr("plan-assistant-max-daily"),
        min_confidence = tr("plan-assistant-min-confidence"),
        classes = tr("plan-assistant-classes"),
        suppliers = tr("plan-assistant-suppliers"),
        save = tr("plan-assistant-save"),
        doc = plain_money(l.max_document_minor),
        day = plain_money(l.max_daily_minor),
        conf = l.min_confidence_pct,
    )
}

fn comparison(lang: i18n::Lang, o: &Overview, currency: &str) -> String {
    let tr = |id: &str| escape(&i18n::t(lang, id));
    let c = &o.comparison;
    if c.judged == 0 {
        return format!(
            "<p class=\"empty\">{}</p>",
            tr("plan-assistant-nothing-judged")
        );
    }
    let would_act = c.would_act_approved + c.would_act_rejected + c.would_act_waiting;
    let would_refer = c.would_refer_approved + c.would_refer_rejected + c.would_refer_waiting;
    format!(
        "<table><thead><tr><th scope=\"col\">{h_assistant}</th><th scope=\"col\">{h_documents}</th><th scope=\"col\">{h_approved}</th><th scope=\"col\">{h_rejected}</th><th scope=\"col\">{h_waiting}</th></tr></thead><tbody>\
         <tr><th scope=\"row\">{r_act}</th><td>{would_act}</td><td>{}</td><td>{}</td><td>{}</td></tr>\
         <tr><th scope=\"row\">{r_refer}</th><td>{would_refer}</td><td>{}</td><td>{}</td><td>{}</td></tr></tbody></table>\
         <p>{summary}</p>",
        c.would_act_approved,
        c.would_act_rejected,
        c.would_act_waiting,
        c.would_refer_approved,
        c.would_refer_rejected,
        c.would_refer_waiting,
        h_assistant = tr("plan-assistant-col-assistant"),
        h_documents = tr("plan-assistant-col-documents"),
        h_approved = tr("plan-assistant-col-then-approved"),
        h_rejected = tr("plan-assistant-col-rejected"),
        h_waiting = tr("plan-assistant-col-waiting"),
        r_act = tr("plan-assistant-row-would-act"),
        r_refer = tr("plan-assistant-row-would-refer"),
        summary = escape(&i18n::t_args(
            lang,
            "plan-assistant-summary",
            &[
                ("judged", (c.judged as i64).into()),
                ("changed", (c.changed as i64).into()),
                ("acted", (c.acted as i64).into()),
                ("worth", i18n::fmt::money(lang, c.acted_minor, currency).into()),
            ]
        )),
    )
}

fn decisions(me: &SignedIn, rows: &[DecisionRecord], currency: &str) -> String {
    let lang = me.tc.lang;
    let tr = |id: &str| escape(&i18n::t(lang, id));
    if rows.is_empty() {
        return format!(
            "<p class=\"empty\">{}</p>",
            tr("plan-assistant-no-decisions")
        );
    }
    let body: String = rows
        .iter()
        .map(|d| {
            // The limits it was outside of, in the reader's language; a decision recorded
            // before has them in English only (said inside the verdict's sentence).
            let english = serde_json::from_str::<Vec<String>>(&d.reasons)
                .unwrap_or_default()
                .join("; ");
            let (reasons, _) =
                engine::recorded::shown_list(&english, d.reason_words.as_deref(), lang);
            let verdict = match (d.acted, d.verdict.as_str(), d.mode.as_str()) {
                (true, _, _) => i18n::t(lang, "plan-assistant-verdict-acted"),
                (false, "act", _) => i18n::t(lang, "plan-assistant-verdict-would-act"),
                (false, _, "shadow") => i18n::t_args(
                    lang,
                    "plan-assistant-verdict-would-refer",
                    &[("reasons", reasons.clone().into())],
                ),
                _ => i18n::t_args(
                    lang,
                    "plan-assistant-verdict-referred",
                    &[("reasons", reasons.into())],
                ),
            };
            let outcome = Outcome::of(d);
            let then = match d.value_now_minor.filter(|v| *v != d.value_minor) {
                Some(v) => i18n::t_args(
                    lang,
                    "plan-assistant-outcome-now-worth",
                    &[
                        ("outcome", outcome_label(lang, outcome).into()),
                        ("value", i18n::fmt::money(lang, v, currency).into()),
                    ],
                ),
                None => outcome_label(lang, outcome),
            };
            let (kind, label) = match d.doc {
                engine::model::DocRef::Transfer(n) => (
                    "transfer",
                    i18n::t_args(lang, "plan-assistant-transfer", &[("id", n.into())]),
                ),
                engine::model::DocRef::PurchaseOrder(n) => (
                    "purchase_order",
                    i18n::t_args(lang, "plan-assistant-order", &[("id", n.into())]),
                ),
            };
            format!(
                "<tr><td>{}</td><td><a href=\"{}\">{}</a></td><td>{}</td><td>{} %</td><td>{}</td><td>{}</td></tr>",
                escape(&when_at(&me.tc, d.decided_at)),
                escape(&me.tc.href(&format!("/documents/{kind}/{}", d.doc.id()))),
                escape(&label),
                escape(&i18n::fmt::money(lang, d.value_minor, currency)),
                d.confidence_pct,
                escape(&verdict),
                escape(&then),
            )
        })
        .collect();
    format!(
        "<div class=\"table-scroll\"><table><thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>{body}</tbody></table></div>",
        tr("plan-assistant-col-when"),
        tr("plan-assistant-col-document"),
        tr("plan-assistant-col-value"),
        tr("plan-assistant-col-confidence"),
        tr("plan-assistant-col-assistant"),
        tr("plan-assistant-col-became"),
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
    fn limits(&self, lang: i18n::Lang) -> Result<Limits, FormError> {
        let mode = Mode::parse(self.mode.trim())
            .ok_or_else(|| FormError::new(i18n::t(lang, "plan-assistant-error-mode")))?;
        let amount = |v: &str, error: &str| {
            parse_money(v).ok_or_else(|| FormError::new(i18n::t(lang, error)))
        };
        let min_confidence_pct = self
            .min_confidence
            .trim()
            .parse::<u8>()
            .ok()
            .filter(|p| *p <= 100)
            .ok_or_else(|| FormError::new(i18n::t(lang, "plan-assistant-error-confidence")))?;
        let suppliers = self
            .supplier
            .iter()
            .map(|s| {
                id(s).ok_or_else(|| FormError::new(i18n::t(lang, "plan-assistant-error-supplier")))
            })
            .collect::<Result<Vec<i64>, FormError>>()?;
        Ok(Limits {
            mode,
            max_document_minor: amount(&self.max_document, "plan-assistant-error-max-document")?,
            max_daily_minor: amount(&self.max_daily, "plan-assistant-error-max-daily")?,
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
    let lang = me.tc.lang;
    let limits = match form.limits(lang) {
        Ok(l) => l,
        Err(e) => return me.error(PAGE, &e.to_string()),
    };
    let (store, t) = (&app.store, me.tc.tenant.id);
    match assistant::save_limits(store, t, &me.member, &limits, me.rid(), now_ms()).await {
        Ok(()) => me.notice(PAGE, &i18n::t(lang, "plan-assistant-saved")),
        Err(e) => me.fail(PAGE, &e),
    }
}
