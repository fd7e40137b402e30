//! The approval matrix as data: which documents are auto-approved (never above the
//! tenant's bounded limit) and which go through one or more steps, each needing a role;
//! who may decide a step (segregation of duties, delegation while away); and where a
//! step escalates when it waits too long. Pure.

use serde::{Deserialize, Serialize};

use crate::model::Role;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocumentType {
    Transfer,
    PurchaseOrder,
}

/// The facts of a document that rules match on.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub doc_type: DocumentType,
    pub value_minor: i64,
    pub class: Option<String>,
    pub location_id: i64,
    pub region: String,
    pub supplier_id: Option<i64>,
    /// Users who requested or changed it: none of them may approve it.
    pub involved_users: Vec<i64>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    pub role: Role,
    /// Hours a step may wait before it escalates.
    pub escalate_after_hours: i64,
    /// Who gets it then (None: it stays and an exception is raised instead).
    pub escalate_to: Option<Role>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Outcome {
    AutoApprove,
    Steps { steps: Vec<Step> },
}

/// One row of the matrix; empty conditions match anything. The first matching rule wins.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    pub name: String,
    pub doc_type: Option<DocumentType>,
    pub min_value_minor: Option<i64>,
    pub max_value_minor: Option<i64>,
    pub class: Option<String>,
    pub region: Option<String>,
    pub location_id: Option<i64>,
    pub supplier_id: Option<i64>,
    pub outcome: Outcome,
}

impl Rule {
    fn matches(&self, d: &Document) -> bool {
        self.doc_type.is_none_or(|t| t == d.doc_type)
            && self.min_value_minor.is_none_or(|v| d.value_minor >= v)
            && self.max_value_minor.is_none_or(|v| d.value_minor <= v)
            && self
                .class
                .as_ref()
                .is_none_or(|c| d.class.as_ref() == Some(c))
            && self.region.as_ref().is_none_or(|r| *r == d.region)
            && self.location_id.is_none_or(|l| l == d.location_id)
            && self.supplier_id.is_none_or(|s| d.supplier_id == Some(s))
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Matrix {
    pub rules: Vec<Rule>,
    /// Nothing worth more than this is ever auto-approved, whatever a rule says.
    pub auto_approve_limit_minor: i64,
    /// Used when no rule matches, or an auto-approve rule hits the limit.
    pub default_steps: Vec<Step>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Route {
    AutoApproved {
        rule: String,
    },
    Steps {
        rule: Option<String>,
        steps: Vec<Step>,
    },
}

pub fn route(m: &Matrix, d: &Document) -> Route {
    let default = |rule: Option<String>| Route::Steps {
        rule,
        steps: m.default_steps.clone(),
    };
    match m.rules.iter().find(|r| r.matches(d)) {
        Some(r) => match &r.outcome {
            // A value of zero or less is a mistake or a trick, never a free pass.
            Outcome::AutoApprove
                if d.value_minor > 0 && d.value_minor <= m.auto_approve_limit_minor =>
            {
                Route::AutoApproved {
                    rule: r.name.clone(),
                }
            }
            Outcome::AutoApprove if d.value_minor <= 0 => {
                default(Some(format!("{} (no positive value)", r.name)))
            }
            Outcome::AutoApprove => {
                default(Some(format!("{} (above the auto-approve limit)", r.name)))
            }
            Outcome::Steps { steps } if !steps.is_empty() => Route::Steps {
                rule: Some(r.name.clone()),
                steps: steps.clone(),
            },
            Outcome::Steps { .. } => default(Some(r.name.clone())),
        },
        None => default(None),
    }
}

/// A user standing in for another while away, for one role and a time window.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Delegation {
    pub from_user: i64,
    pub to_user: i64,
    pub role: Role,
    pub from_ms: i64,
    pub to_ms: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    #[error("you requested or changed this document, so someone else must decide it")]
    OwnDocument,
    #[error("this step needs the {0} role")]
    MissingRole(&'static str),
    #[error("you already decided a step of this approval, so someone else must decide this one")]
    DecidedBefore,
}

impl Refusal {
    /// The refusal in `lang` (its `Display` in English).
    pub fn text(&self, lang: i18n::Lang) -> String {
        match self {
            Refusal::OwnDocument => i18n::t(lang, "err-refused-own-document"),
            Refusal::MissingRole(label) => i18n::t_args(
                lang,
                "err-refused-missing-role",
                &[(
                    "role",
                    crate::model::Role::ALL
                        .into_iter()
                        .find(|r| r.label() == *label)
                        .map_or_else(
                            || label.to_string(),
                            |r| i18n::t(lang, crate::model::role_term(r)),
                        )
                        .into(),
                )],
            ),
            Refusal::DecidedBefore => i18n::t(lang, "err-refused-decided-before"),
        }
    }
}

/// Whether `user` (holding `roles`) may decide a step that needs `step_role` at `now`.
/// `delegators_with_role` are the users who hold `step_role` themselves.
pub fn may_decide(
    d: &Document,
    user: i64,
    roles: &[Role],
    step_role: Role,
    delegations: &[Delegation],
    delegators_with_role: &[i64],
    now: i64,
) -> Result<(), Refusal> {
    if d.involved_users.contains(&user) {
        return Err(Refusal::OwnDocument);
    }
    if roles.contains(&step_role) {
        return Ok(());
    }
    let delegated = delegations.iter().any(|g| {
        g.to_user == user
            && g.role == step_role
            && (g.from_ms..g.to_ms).contains(&now)
            && delegators_with_role.contains(&g.from_user)
            && !d.involved_users.contains(&g.from_user)
    });
    if delegated {
        Ok(())
    } else {
        Err(Refusal::MissingRole(step_role.label()))
    }
}

/// When a step that started at `started_ms` escalates, and to whom.
pub fn escalation(step: &Step, started_ms: i64) -> (i64, Option<Role>) {
    (
        started_ms + step.escalate_after_hours.max(0) * 3600 * 1000,
        step.escalate_to,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn step(role: Role) -> Step {
        Step {
            role,
            escalate_after_hours: 24,
            escalate_to: Some(Role::TenantAdmin),
        }
    }

    fn rule(name: &str) -> Rule {
        Rule {
            name: name.into(),
            doc_type: None,
            min_value_minor: None,
            max_value_minor: None,
            class: None,
            region: None,
            location_id: None,
            supplier_id: None,
            outcome: Outcome::AutoApprove,
        }
    }

    fn matrix() -> Matrix {
        Matrix {
            rules: vec![
                Rule {
                    doc_type: Some(DocumentType::Transfer),
                    max_value_minor: Some(50_000),
                    ..rule("small transfers")
                },
                Rule {
                    doc_type: Some(DocumentType::PurchaseOrder),
                    min_value_minor: Some(500_000),
                    outcome: Outcome::Steps {
                        steps: vec![step(Role::Approver), step(Role::TenantAdmin)],
                    },
                    ..rule("large orders")
                },
                Rule {
                    class: Some("frozen".into()),
                    supplier_id: Some(7),
                    ..rule("trusted frozen supplier")
                },
            ],
            auto_approve_limit_minor: 100_000,
            default_steps: vec![step(Role::Approver)],
        }
    }

    fn doc(doc_type: DocumentType, value: i64) -> Document {
        Document {
            doc_type,
            value_minor: value,
            class: Some("dairy".into()),
            location_id: 3,
            region: "north".into(),
            supplier_id: Some(9),
            involved_users: vec![100],
        }
    }

    #[test]
    fn the_first_matching_rule_routes_the_document() {
        let m = matrix();
        assert_eq!(
            route(&m, &doc(DocumentType::Transfer, 40_000)),
            Route::AutoApproved {
                rule: "small transfers".into()
            }
        );
        match route(&m, &doc(DocumentType::PurchaseOrder, 600_000)) {
            Route::Steps { rule, steps } => {
                assert_eq!(rule.as_deref(), Some("large orders"));
                assert_eq!(
                    steps.iter().map(|s| s.role).collect::<Vec<_>>(),
                    [Role::Approver, Role::TenantAdmin]
                );
            }
            other => panic!("{other:?}"),
        }
        let default = route(&m, &doc(DocumentType::PurchaseOrder, 20_000));
        assert_eq!(
            default,
            Route::Steps {
                rule: None,
                steps: vec![step(Role::Approver)]
            }
        );
        let mut frozen = doc(DocumentType::PurchaseOrder, 20_000);
        frozen.class = Some("frozen".into());
        frozen.supplier_id = Some(7);
        assert_eq!(
            route(&m, &frozen),
            Route::AutoApproved {
                rule: "trusted frozen supplier".into()
            }
        );
    }

    #[test]
    fn auto_approval_is_bounded_by_the_limit() {
        let mut d = doc(DocumentType::PurchaseOrder, 400_000);
        d.class = Some("frozen".into());
        d.supplier_id = Some(7);
        match route(&matrix(), &d) {
            Route::Steps { rule, steps } => {
                assert!(rule.unwrap().contains("above the auto-approve limit"));
                assert_eq!(steps, vec![step(Role::Approver)]);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn nobody_approves_what_they_requested_or_changed() {
        let d = doc(DocumentType::Transfer, 10);
        assert_eq!(
            may_decide(&d, 100, &[Role::Approver], Role::Approver, &[], &[], 0),
            Err(Refusal::OwnDocument)
        );
        assert_eq!(
            may_decide(&d, 101, &[Role::Approver], Role::Approver, &[], &[], 0),
            Ok(())
        );
        assert_eq!(
            may_decide(&d, 101, &[Role::Planner], Role::Approver, &[], &[], 0),
            Err(Refusal::MissingRole("approver"))
        );
    }

    #[test]
    fn a_delegate_may_decide_only_within_the_window_and_for_that_role() {
        let d = doc(DocumentType::Transfer, 10);
        let away = Delegation {
            from_user: 200,
            to_user: 300,
            role: Role::Approver,
            from_ms: 1_000,
            to_ms: 2_000,
        };
        let ok = |now| {
            may_decide(
                &d,
                300,
                &[Role::Planner],
                Role::Approver,
                std::slice::from_ref(&away),
                &[200],
                now,
            )
        };
        assert_eq!(ok(1_500), Ok(()));
        assert!(ok(999).is_err() && ok(2_000).is_err());
        assert!(may_decide(
            &d,
            300,
            &[],
            Role::TenantAdmin,
            std::slice::from_ref(&away),
            &[200],
            1_500
        )
        .is_err());
        assert!(
            may_decide(
                &d,
                300,
                &[],
                Role::Approver,
                std::slice::from_ref(&away),
                &[],
                1_500
            )
            .is_err(),
            "the delegator must hold the role"
        );
        let mut own = d.clone();
        own.involved_users.push(200);
        assert!(
            may_decide(&own, 300, &[], Role::Approver, &[away], &[200], 1_500).is_err(),
            "no approving through a delegate"
        );
    }

    #[test]
    fn a_waiting_step_escalates_to_the_next_role() {
        assert_eq!(
            escalation(&step(Role::Approver), 10),
            (10 + 24 * 3_600_000, Some(Role::TenantAdmin))
        );
    }

    #[test]
    fn nothing_of_zero_or_negative_value_is_approved_automatically() {
        let m = Matrix {
            rules: vec![Rule {
                name: "Everything small".into(),
                doc_type: None,
                min_value_minor: None,
                max_value_minor: Some(1_000),
                class: None,
                region: None,
                location_id: None,
                supplier_id: None,
                outcome: Outcome::AutoApprove,
            }],
            auto_approve_limit_minor: 10_000,
            default_steps: vec![Step {
                role: Role::Approver,
                escalate_after_hours: 1,
                escalate_to: None,
            }],
        };
        let doc = |value_minor| Document {
            doc_type: DocumentType::Transfer,
            value_minor,
            class: None,
            location_id: 1,
            region: String::new(),
            supplier_id: None,
            involved_users: vec![],
        };
        assert!(matches!(route(&m, &doc(500)), Route::AutoApproved { .. }));
        for v in [0, -1, i64::MIN] {
            assert!(matches!(route(&m, &doc(v)), Route::Steps { .. }), "{v}");
        }
    }
}
