//! The approval matrix's posts: save it whole (TOML editor), add a rule from the form,
//! and move or delete a rule. Each change is saved as a new version and refused if the
//! page showed an older one.

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::response::Response;
use engine::approval::{DocumentType, Outcome, Rule, Step};
use engine::model::{now_ms, Role};
use engine::replenish::{self, RuleEdit};
use serde::Deserialize;

use super::{message_in, param, parse_money, FormError, Params, Posted, SignedIn};
use crate::state::AppState;

const PAGE: &str = "/settings/approvals";

#[derive(Deserialize)]
pub struct MatrixForm {
    #[serde(default)]
    matrix: String,
    #[serde(default)]
    po_window_minutes: String,
    #[serde(default)]
    version: String,
}

struct MatrixSave {
    matrix: engine::approval::Matrix,
    window: i64,
    version: i64,
}

impl MatrixSave {
    fn parse(f: MatrixForm, lang: i18n::Lang) -> Result<Self, FormError> {
        let window = f
            .po_window_minutes
            .trim()
            .parse::<i64>()
            .map_err(|_| FormError::new(i18n::t(lang, "plan-matrix-error-window")))?;
        let matrix = replenish::matrix_from_toml(&f.matrix).map_err(|e| {
            FormError::new(i18n::t_args(
                lang,
                "plan-matrix-not-saved",
                &[("reason", e.to_string().into())],
            ))
        })?;
        let version = f
            .version
            .trim()
            .parse()
            .map_err(|_| FormError::new(i18n::t(lang, "plan-matrix-error-version")))?;
        Ok(MatrixSave {
            matrix,
            window,
            version,
        })
    }
}

pub async fn save(
    State(state): State<Arc<AppState>>,
    me: SignedIn,
    Posted(form): Posted<MatrixForm>,
) -> Response {
    let lang = me.tc.lang;
    let m = match MatrixSave::parse(form, lang) {
        Ok(m) => m,
        Err(e) => return me.error(PAGE, &e.to_string()),
    };
    let (store, t) = (&state.store, me.tc.tenant.id);
    let r = replenish::save_matrix(
        store,
        t,
        &me.member,
        &m.matrix,
        m.window,
        Some(m.version),
        me.rid(),
        now_ms(),
    );
    match r.await {
        Ok(v) => me.notice(
            PAGE,
            &i18n::t_args(lang, "plan-matrix-saved", &[("version", v.into())]),
        ),
        Err(e) => me.error(
            PAGE,
            &i18n::t_args(
                lang,
                "plan-matrix-not-saved",
                &[("reason", message_in(&e, lang).into())],
            ),
        ),
    }
}

/// One approval step's three fields of the rule form.
#[derive(Default)]
struct StepFields {
    role: String,
    hours: String,
    escalate_to: String,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct RuleForm {
    version: String,
    name: String,
    doc_type: String,
    min_value: String,
    max_value: String,
    class: String,
    region: String,
    location_id: String,
    supplier_id: String,
    outcome: String,
    step1_role: String,
    step1_hours: String,
    step1_escalate_to: String,
    step2_role: String,
    step2_hours: String,
    step2_escalate_to: String,
    step3_role: String,
    step3_hours: String,
    step3_escalate_to: String,
}

struct RuleAdd {
    version: i64,
    rule: Rule,
}

impl RuleForm {
    fn steps(&self) -> [StepFields; 3] {
        let s = |role: &str, hours: &str, to: &str| StepFields {
            role: role.into(),
            hours: hours.into(),
            escalate_to: to.into(),
        };
        [
            s(&self.step1_role, &self.step1_hours, &self.step1_escalate_to),
            s(&self.step2_role, &self.step2_hours, &self.step2_escalate_to),
            s(&self.step3_role, &self.step3_hours, &self.step3_escalate_to),
        ]
    }
}

impl RuleAdd {
    fn parse(f: RuleForm, lang: i18n::Lang) -> Result<Self, FormError> {
        let version = f
            .version
            .trim()
            .parse::<i64>()
            .map_err(|_| FormError::new(i18n::t(lang, "plan-matrix-error-version")))?;
        let name = f.name.trim();
        if name.is_empty() || name.chars().count() > 80 {
            return Err(FormError::new(i18n::t(lang, "plan-matrix-error-name")));
        }
        // `error`: the catalogue id of the sentence that names the field.
        let amount = |v: &str, error: &str| -> Result<Option<i64>, FormError> {
            match v.trim() {
                "" => Ok(None),
                v => parse_money(v)
                    .map(Some)
                    .ok_or_else(|| FormError::new(i18n::t(lang, error))),
            }
        };
        let id = |v: &str, error: &str| -> Result<Option<i64>, FormError> {
            match v.trim() {
                "" => Ok(None),
                v => v
                    .parse()
                    .map(Some)
                    .map_err(|_| FormError::new(i18n::t(lang, error))),
            }
        };
        let step_error = |id: &str, n: usize| {
            FormError::new(i18n::t_args(lang, id, &[("n", (n as i64).into())]))
        };
        let text = |v: &str| Some(v.trim().to_string()).filter(|v| !v.is_empty());
        let outcome = match f.outcome.as_str() {
            "auto_approve" => Outcome::AutoApprove,
            "steps" => {
                let mut steps = Vec::new();
                for (i, s) in f.steps().iter().enumerate() {
                    let n = i + 1;
                    if s.role.is_empty() {
                        continue;
                    }
                    let role = Role::parse(&s.role)
                        .ok_or_else(|| step_error("plan-matrix-error-step-role", n))?;
                    let hours = s
                        .hours
                        .trim()
                        .parse::<i64>()
                        .ok()
                        .filter(|h| (1..=720).contains(h))
                        .ok_or_else(|| step_error("plan-matrix-error-step-hours", n))?;
                    let to = match s.escalate_to.as_str() {
                        "" => None,
                        r => Some(
                            Role::parse(r)
                                .ok_or_else(|| step_error("plan-matrix-error-step-escalate", n))?,
                        ),
                    };
                    steps.push(Step {
                        role,
                        escalate_after_hours: hours,
                        escalate_to: to,
                    });
                }
                if steps.is_empty() {
                    return Err(FormError::new(i18n::t(lang, "plan-matrix-error-no-steps")));
                }
                Outcome::Steps { steps }
            }
            _ => return Err(FormError::new(i18n::t(lang, "plan-matrix-error-outcome"))),
        };
        let rule = Rule {
            name: name.to_string(),
            doc_type: match f.doc_type.as_str() {
                "" => None,
                "transfer" => Some(DocumentType::Transfer),
                "purchase_order" => Some(DocumentType::PurchaseOrder),
                _ => return Err(FormError::new(i18n::t(lang, "plan-matrix-error-doc-type"))),
            },
            min_value_minor: amount(&f.min_value, "plan-matrix-error-min-value")?,
            max_value_minor: amount(&f.max_value, "plan-matrix-error-max-value")?,
            class: text(&f.class),
            region: text(&f.region),
            location_id: id(&f.location_id, "plan-matrix-error-location")?,
            supplier_id: id(&f.supplier_id, "plan-matrix-error-supplier")?,
            outcome,
        };
        Ok(RuleAdd { version, rule })
    }
}

pub async fn add_rule(
    State(state): State<Arc<AppState>>,
    me: SignedIn,
    Posted(form): Posted<RuleForm>,
) -> Response {
    let lang = me.tc.lang;
    let not_added = |reason: String| {
        i18n::t_args(
            lang,
            "plan-matrix-rule-not-added",
            &[("reason", reason.into())],
        )
    };
    let add = match RuleAdd::parse(form, lang) {
        Ok(a) => a,
        Err(e) => return me.error(PAGE, &not_added(e.to_string())),
    };
    let (store, t) = (&state.store, me.tc.tenant.id);
    let name = add.rule.name.clone();
    let edit = RuleEdit::Add(add.rule);
    let r = replenish::edit_matrix(store, t, &me.member, add.version, edit, me.rid(), now_ms());
    match r.await {
        Ok(v) => me.notice(
            PAGE,
            &i18n::t_args(
                lang,
                "plan-matrix-rule-added",
                &[("name", name.into()), ("version", v.into())],
            ),
        ),
        Err(e) => me.error(PAGE, &not_added(message_in(&e, lang))),
    }
}

#[derive(Deserialize)]
pub struct VersionForm {
    #[serde(default)]
    version: String,
}

pub async fn change_rule(
    State(state): State<Arc<AppState>>,
    me: SignedIn,
    Path(params): Path<Params>,
    Posted(form): Posted<VersionForm>,
) -> Response {
    let lang = me.tc.lang;
    let (Ok(version), Ok(index)) = (
        form.version.trim().parse::<i64>(),
        param(&params, "index").parse::<usize>(),
    ) else {
        return me.error(PAGE, &i18n::t(lang, "plan-matrix-error-missing-rule"));
    };
    let (edit, done) = match param(&params, "op") {
        "up" => (RuleEdit::MoveUp(index), "plan-matrix-rule-moved-up"),
        "down" => (RuleEdit::MoveDown(index), "plan-matrix-rule-moved-down"),
        "delete" => (RuleEdit::Delete(index), "plan-matrix-rule-deleted"),
        _ => return me.error(PAGE, &i18n::t(lang, "plan-matrix-unknown-change")),
    };
    let (store, t) = (&state.store, me.tc.tenant.id);
    let r = replenish::edit_matrix(store, t, &me.member, version, edit, me.rid(), now_ms());
    match r.await {
        Ok(v) => me.notice(
            PAGE,
            &i18n::t_args(
                lang,
                done,
                &[("n", (index as i64 + 1).into()), ("version", v.into())],
            ),
        ),
        Err(e @ engine::EngineError::NotFound) => me.fail(PAGE, &e),
        Err(e) => me.error(
            PAGE,
            &i18n::t_args(
                lang,
                "plan-matrix-nothing-changed",
                &[("reason", message_in(&e, lang).into())],
            ),
        ),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn money_in_currency_units_parses_to_cents() {
        assert_eq!(super::parse_money("1500"), Some(150_000));
        assert_eq!(super::parse_money("1,500.5"), Some(150_050));
        assert_eq!(super::parse_money(" 0.05 "), Some(5));
        assert_eq!(super::parse_money("1.500,50"), Some(150_050));
        for bad in ["", "-5", "1.2345", "ten", "1.x", ".5"] {
            assert_eq!(super::parse_money(bad), None, "{bad:?}");
        }
    }
}
