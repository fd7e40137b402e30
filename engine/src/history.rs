//! Size: one table of every audited action and its wording, with its tests; splitting
//! it would scatter the words of one sentence kind over two files.
//!
//! An audit entry as a sentence a planner reads: "Olga Bakker approved transfer 12:
//! 42 × Whole milk 1 l from North DC to Jordaan." The raw record stays beside it for
//! auditors; this only words it, in the reader's language (the `hist-*` messages of
//! the catalogues). Pure: the caller names the actor (`who`, see [`crate::trail`]) and
//! describes the subject (`about`, e.g. from the document).

use i18n::Lang;
use serde_json::Value;

use crate::model::{LabelIn, Role};

/// The entry as one sentence in `lang`, ending with a full stop. `who` is the actor in
/// words, `about` the subject in words (a document's description, or the raw subject
/// when nothing better is known); `before` and `after` are the entry's recorded facts.
pub fn sentence(
    lang: Lang,
    who: &str,
    action: &str,
    about: &str,
    before: Option<&Value>,
    after: Option<&Value>,
) -> String {
    let (noun, verb) = action.split_once('.').unwrap_or(("", action));
    let about = subject_words(lang, about);
    let about = about.as_str();
    let text = match (noun, verb) {
        ("transfer" | "purchase_order", _) => document(lang, who, verb, about, before, after),
        ("approval", "step_approved" | "step_rejected") => {
            let step = before.and_then(|b| b.get("step")).and_then(Value::as_i64);
            let role = before
                .and_then(|b| b.get("role"))
                .and_then(Value::as_str)
                .map(|r| role_words(lang, r));
            let id = match (verb == "step_approved", step, &role) {
                (true, Some(_), Some(_)) => "hist-step-approved-role",
                (true, Some(_), None) => "hist-step-approved-number",
                (true, None, _) => "hist-step-approved",
                (false, Some(_), Some(_)) => "hist-step-rejected-role",
                (false, Some(_), None) => "hist-step-rejected-number",
                (false, None, _) => "hist-step-rejected",
            };
            i18n::t_args(
                lang,
                id,
                &[
                    ("who", who.into()),
                    ("step", step.unwrap_or_default().to_string().into()),
                    ("role", role.unwrap_or_default().into()),
                    ("about", about.into()),
                    ("note", note(lang, after, "comment").into()),
                ],
            )
        }
        ("assistant", "approved" | "shadowed" | "referred") => {
            let would = after
                .and_then(|a| a.get("would_act"))
                .and_then(Value::as_bool)
                .unwrap_or(false);
            let id = match verb {
                "approved" => "hist-assistant-approved",
                "shadowed" if would => "hist-assistant-shadowed-approve",
                "shadowed" => "hist-assistant-shadowed-refer",
                _ => "hist-assistant-referred",
            };
            i18n::t_args(
                lang,
                id,
                &[
                    ("who", who.into()),
                    ("about", about.into()),
                    ("reasons", reasons(lang, after).into()),
                ],
            )
        }
        ("exception", v) => match v {
            "opened" => who_about(lang, "hist-exception-opened", who, about),
            "assigned" => who_about(lang, "hist-exception-assigned", who, about),
            "escalated" => who_about(lang, "hist-exception-escalated", who, about),
            "resolved" => who_about(lang, "hist-exception-resolved", who, about),
            "commented" => who_about(lang, "hist-exception-commented", who, about),
            other => other_verb(lang, "hist-exception-other", who, other, about),
        },
        _ => generic(lang, who, noun, verb, about),
    };
    // A sentence that opens with our own words ("the system") starts with a capital;
    // a person's name is left as they write it ("van Dijk").
    let text = text.trim();
    let mut text = if opens_with_our_words(lang, who, text) {
        capitalised(text)
    } else {
        text.to_string()
    };
    if !text.ends_with(['.', '!', '?']) {
        text.push('.');
    }
    text
}

/// How actors that are not people are named in English ([`crate::trail`]), in lower
/// case, and the English sentences that open with our own words.
const OUR_WORDS: &[&str] = &[
    "the ",
    "your service provider",
    "integration key",
    "someone outside",
    "a sign-in",
];

/// The catalogue's names of actors that are not people ([`crate::trail`]).
const OUR_ACTORS: &[&str] = &[
    "hist-actor-system",
    "hist-actor-platform",
    "hist-actor-provider",
    "hist-actor-outside",
    "hist-actor-key",
];

/// Whether `text` (the sentence about `who`) opens with our own words: in English as
/// it always has; in another language when the sentence does not start with the
/// actor, or the actor is one we name ("das System", "koppelingssleutel 4").
fn opens_with_our_words(lang: Lang, who: &str, text: &str) -> bool {
    if lang == Lang::En {
        return OUR_WORDS.iter().any(|w| text.starts_with(w));
    }
    let who = who.trim();
    !text.starts_with(who)
        || OUR_ACTORS.iter().any(|id| {
            let ours = i18n::t_args(lang, id, &[("key", "".into())]);
            let ours = ours.trim();
            !ours.is_empty() && who.starts_with(ours)
        })
}

/// A transfer's or purchase order's lifecycle step.
fn document(
    lang: Lang,
    who: &str,
    verb: &str,
    about: &str,
    before: Option<&Value>,
    after: Option<&Value>,
) -> String {
    let qty = |v: Option<&Value>| v.and_then(|v| v.get("quantity")).and_then(Value::as_i64);
    let with = |id: &str| who_about(lang, id, who, about);
    let noted = |id: &str| {
        i18n::t_args(
            lang,
            id,
            &[
                ("who", who.into()),
                ("about", about.into()),
                ("note", note(lang, after, "reason").into()),
            ],
        )
    };
    match verb {
        // The system's reason is recorded in English: other languages leave it to the
        // document page and the raw record.
        "proposed" if lang != Lang::En => i18n::t_args(
            lang,
            "hist-doc-proposed",
            &[
                ("who", who.into()),
                ("about", about.into()),
                ("note", "".into()),
            ],
        ),
        "proposed" => noted("hist-doc-proposed"),
        "opened" => with("hist-doc-opened"),
        "submitted" => with("hist-doc-submitted"),
        "auto_approved" => with("hist-doc-auto-approved"),
        "approved" => with("hist-doc-approved"),
        "edited" => match (qty(before), qty(after)) {
            (Some(b), Some(a)) if a != b => i18n::t_args(
                lang,
                "hist-doc-edited-quantity",
                &[
                    ("who", who.into()),
                    ("about", about.into()),
                    ("from", b.to_string().into()),
                    ("to", a.to_string().into()),
                ],
            ),
            _ => with("hist-doc-edited"),
        },
        "change_proposed" => with("hist-doc-change-proposed"),
        "change_accepted" => with("hist-doc-change-accepted"),
        "change_rejected" => with("hist-doc-change-rejected"),
        "shipped" => with("hist-doc-shipped"),
        "received" => with("hist-doc-received"),
        "line_added" => with("hist-doc-line-added"),
        "message" => with("hist-doc-message"),
        "links_revoked" => with("hist-doc-links-revoked"),
        "ack_reminded" => with("hist-doc-ack-reminded"),
        "asn_reminded" => with("hist-doc-asn-reminded"),
        "resent" => with("hist-doc-resent"),
        "sent" => with("hist-doc-sent"),
        "acknowledged" => with("hist-doc-acknowledged"),
        "backordered" => with("hist-doc-backordered"),
        "closed" => with("hist-doc-closed"),
        "rejected" => noted("hist-doc-rejected"),
        "declined" => noted("hist-doc-declined"),
        "cancelled" => noted("hist-doc-cancelled"),
        other => other_verb(lang, "hist-doc-other", who, other, about),
    }
}

/// The message `id` with `{ $who }` and `{ $about }` filled in.
fn who_about(lang: Lang, id: &str, who: &str, about: &str) -> String {
    i18n::t_args(lang, id, &[("who", who.into()), ("about", about.into())])
}

/// The message `id` for a step we have no words for: its recorded name in words.
fn other_verb(lang: Lang, id: &str, who: &str, verb: &str, about: &str) -> String {
    i18n::t_args(
        lang,
        id,
        &[
            ("who", who.into()),
            ("verb", words(verb).into()),
            ("about", about.into()),
        ],
    )
}

/// Other entries, worded: the action and its message, which may use `{ $who }` and
/// `{ $about }`.
const WORDED: &[(&str, &str)] = &[
    ("approval.requested", "hist-approval-requested"),
    ("approval.escalated", "hist-approval-escalated"),
    ("approval.auto_approved", "hist-approval-auto-approved"),
    ("anomaly_settings.saved", "hist-anomaly-settings-saved"),
    ("policy.saved", "hist-policy-saved"),
    ("policy.deleted", "hist-policy-deleted"),
    ("approval_matrix.saved", "hist-approval-matrix-saved"),
    ("member.roles_changed", "hist-member-roles-changed"),
    ("member.deactivated", "hist-member-deactivated"),
    ("member.reactivated", "hist-member-reactivated"),
    ("invitation.created", "hist-invitation-created"),
    ("invitation.revoked", "hist-invitation-revoked"),
    ("invitation.accepted", "hist-invitation-accepted"),
    ("auth.signed_in", "hist-auth-signed-in"),
    ("auth.sign_in_failed", "hist-auth-sign-in-failed"),
    (
        "auth.second_factor_failed",
        "hist-auth-second-factor-failed",
    ),
    ("auth.two_factor_on", "hist-auth-two-factor-on"),
    ("auth.two_factor_off", "hist-auth-two-factor-off"),
    (
        "auth.recovery_codes_renewed",
        "hist-auth-recovery-codes-renewed",
    ),
    (
        "auth.password_reset_requested",
        "hist-auth-password-reset-requested",
    ),
    ("auth.password_reset", "hist-auth-password-reset"),
    ("auth.password_changed", "hist-auth-password-changed"),
    ("auth.language_changed", "hist-auth-language-changed"),
    ("tenant.region_changed", "hist-tenant-region-changed"),
    (
        "auth.password_check_failed",
        "hist-auth-password-check-failed",
    ),
    ("api_key.created", "hist-api-key-created"),
    ("api_key.revoked", "hist-api-key-revoked"),
    ("api_key.rotated", "hist-api-key-rotated"),
    ("webhook_endpoint.created", "hist-webhook-endpoint-created"),
    ("webhook_endpoint.deleted", "hist-webhook-endpoint-deleted"),
    ("webhook_endpoint.enabled", "hist-webhook-endpoint-enabled"),
    (
        "webhook_endpoint.disabled",
        "hist-webhook-endpoint-disabled",
    ),
    (
        "webhook_endpoint.secret_rotated",
        "hist-webhook-endpoint-secret-rotated",
    ),
    (
        "webhook_delivery.replayed",
        "hist-webhook-delivery-replayed",
    ),
    ("webhook_source.created", "hist-webhook-source-created"),
    ("webhook_source.deleted", "hist-webhook-source-deleted"),
    (
        "webhook_source.mapping_saved",
        "hist-webhook-source-mapping-saved",
    ),
    (
        "webhook_source.secret_rotated",
        "hist-webhook-source-secret-rotated",
    ),
    ("theme.saved", "hist-theme-saved"),
    ("theme.picture_uploaded", "hist-theme-picture-uploaded"),
    ("theme.pack_applied", "hist-theme-pack-applied"),
    ("domain.added", "hist-domain-added"),
    ("domain.verified", "hist-domain-verified"),
    ("domain.removed", "hist-domain-removed"),
    ("tenant.suspended", "hist-tenant-suspended"),
    ("tenant.resumed", "hist-tenant-resumed"),
    ("tenant.provisioned", "hist-tenant-provisioned"),
    (
        "tenant.two_factor_required",
        "hist-tenant-two-factor-required",
    ),
    ("act_as.started", "hist-act-as-started"),
    ("act_as.entered", "hist-act-as-entered"),
    ("act_as.ended", "hist-act-as-ended"),
    ("delegation.created", "hist-delegation-created"),
    ("delegation.ended", "hist-delegation-ended"),
    ("import.applied", "hist-import-applied"),
    ("job.replayed", "hist-job-replayed"),
    ("shopper.erased", "hist-shopper-erased"),
    ("subscription.ended", "hist-subscription-ended"),
    (
        "back_in_stock.settings_changed",
        "hist-back-in-stock-settings-changed",
    ),
    ("settings.sweep_hour", "hist-settings-sweep-hour"),
    ("position.levels_set", "hist-position-levels-set"),
    ("position.levels_cleared", "hist-position-levels-cleared"),
    ("supplier_user.removed", "hist-supplier-user-removed"),
    ("supplier_clocks.changed", "hist-supplier-clocks-changed"),
    (
        "supplier.language_changed",
        "hist-supplier-language-changed",
    ),
    (
        "client.provisioning_started",
        "hist-client-provisioning-started",
    ),
    (
        "client.provisioning_retried",
        "hist-client-provisioning-retried",
    ),
    ("assistant.limits_saved", "hist-assistant-limits-saved"),
    ("backtest.started", "hist-backtest-started"),
    ("backtest.run", "hist-backtest-run"),
];

/// Any other entry: a worded one, or its action in words with the subject.
fn generic(lang: Lang, who: &str, noun: &str, verb: &str, about: &str) -> String {
    let action = format!("{noun}.{verb}");
    if let Some((_, id)) = WORDED.iter().find(|(a, _)| *a == action) {
        return who_about(lang, id, who, about);
    }
    let what = if noun.is_empty() {
        words(verb)
    } else {
        format!("{}, {}", words(noun), words(verb))
    };
    if about.is_empty() {
        i18n::t_args(
            lang,
            "hist-other",
            &[("who", who.into()), ("what", what.into())],
        )
    } else {
        i18n::t_args(
            lang,
            "hist-other-about",
            &[
                ("who", who.into()),
                ("what", what.into()),
                ("about", about.into()),
            ],
        )
    }
}

/// The kinds of raw subject with words of their own, and their messages (`{ $id }`).
const SUBJECTS: &[(&str, &str)] = &[
    ("transfer", "hist-subject-transfer"),
    ("purchase_order", "hist-subject-purchase-order"),
    ("exception", "hist-subject-exception"),
    ("position", "hist-subject-position"),
    ("policy", "hist-subject-policy"),
    ("delegation", "hist-subject-delegation"),
    ("approval", "hist-subject-approval"),
    ("supplier", "hist-subject-supplier"),
];

/// A raw subject (`exception:5`, `webhook_endpoint:2`) as words ("exception 5");
/// anything else as it is.
fn subject_words(lang: Lang, about: &str) -> String {
    match about.split_once(':') {
        Some((noun, id)) if !about.contains(' ') && !noun.is_empty() => {
            match SUBJECTS.iter().find(|(n, _)| *n == noun) {
                Some((_, key)) => i18n::t_args(lang, key, &[("id", id.into())]),
                None => i18n::t_args(
                    lang,
                    "hist-subject-other",
                    &[("noun", words(noun).into()), ("id", id.into())],
                ),
            }
        }
        _ => about.to_string(),
    }
}

/// A recorded role (`planner`, or a name we do not know, `store_manager`) in words.
fn role_words(lang: Lang, role: &str) -> String {
    Role::parse(role).map_or_else(|| words(role), |r| r.label_in(lang))
}

/// A recorded name (`auto_approved`, `webhook_endpoint`) in words.
fn words(s: &str) -> String {
    s.replace(['_', '.'], " ")
}

/// `: "…"` with a short quoted note from `after[key]` (found at any depth), if any.
fn note(lang: Lang, after: Option<&Value>, key: &str) -> String {
    match after.and_then(|a| find(a, key)) {
        Some(t) if !t.trim().is_empty() => {
            let t: String = t.trim().chars().take(200).collect();
            i18n::t_args(lang, "hist-note", &[("text", t.into())])
        }
        _ => String::new(),
    }
}

fn find<'a>(v: &'a Value, key: &str) -> Option<&'a str> {
    match v {
        Value::Object(m) => m
            .get(key)
            .and_then(Value::as_str)
            .or_else(|| m.values().find_map(|x| find(x, key))),
        Value::Array(a) => a.iter().find_map(|x| find(x, key)),
        _ => None,
    }
}

/// The assistant's reasons, as recorded.
fn reasons(lang: Lang, after: Option<&Value>) -> String {
    let list: Vec<&str> = after
        .and_then(|a| a.get("reasons"))
        .and_then(Value::as_array)
        .map(|r| r.iter().filter_map(Value::as_str).take(3).collect())
        .unwrap_or_default();
    if list.is_empty() {
        String::new()
    } else {
        i18n::t_args(lang, "hist-reasons", &[("reasons", list.join("; ").into())])
    }
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const T12: &str = "transfer 12: 42 × Whole milk 1 l from North DC to Jordaan";

    #[test]
    fn a_document_step_reads_as_the_issue_asks() {
        let after =
            json!({"state": "approved", "quantity": 42, "shipped": 0, "command": "Approve"});
        assert_eq!(
            sentence(
                Lang::En,
                "Olga Bakker",
                "transfer.approved",
                T12,
                None,
                Some(&after)
            ),
            "Olga Bakker approved transfer 12: 42 × Whole milk 1 l from North DC to Jordaan."
        );
        assert_eq!(
            sentence(Lang::En, "the system", "transfer.proposed", T12, None, Some(&json!({"reason": "below reorder point"}))),
            "The system proposed transfer 12: 42 × Whole milk 1 l from North DC to Jordaan: “below reorder point”."
        );
    }

    #[test]
    fn changes_and_notes_carry_their_numbers_and_words() {
        let before = json!({"state": "pending_approval", "quantity": 40});
        let after = json!({"state": "pending_approval", "quantity": 30, "command": {"Edit": {"quantity": 30}}});
        assert_eq!(
            sentence(
                Lang::En,
                "Anna",
                "transfer.edited",
                "transfer 3",
                Some(&before),
                Some(&after)
            ),
            "Anna changed transfer 3 from 40 to 30 units."
        );
        let rejected =
            json!({"state": "rejected", "command": {"Reject": {"reason": "DC is short"}}});
        assert_eq!(
            sentence(
                Lang::En,
                "Anna",
                "purchase_order.rejected",
                "order PO-7",
                None,
                Some(&rejected)
            ),
            "Anna rejected order PO-7: “DC is short”."
        );
        let step = json!({"step": 2, "round": 1, "role": "store_manager"});
        assert_eq!(
            sentence(
                Lang::En,
                "Piet",
                "approval.step_approved",
                "order PO-7",
                Some(&step),
                Some(&json!({"comment": null}))
            ),
            "Piet approved step 2 (store manager) of order PO-7."
        );
    }

    #[test]
    fn anything_else_still_reads_as_words() {
        assert_eq!(
            sentence(
                Lang::En,
                "Anna Smit",
                "policy.saved",
                "policy:3",
                None,
                None
            ),
            "Anna Smit saved a replenishment policy."
        );
        assert_eq!(
            sentence(
                Lang::En,
                "integration key 4",
                "webhook_endpoint.secret_rotated",
                "webhook_endpoint:2",
                None,
                None
            ),
            "Integration key 4 replaced a webhook endpoint's secret."
        );
        assert_eq!(
            sentence(Lang::En, "the system", "bis.wave", "FF-0001", None, None),
            "The system: bis, wave (FF-0001)."
        );
        assert_eq!(
            sentence(
                Lang::En,
                "the system",
                "exception.opened",
                "exception:5",
                None,
                None
            ),
            "The system opened exception 5."
        );
        assert_eq!(
            sentence(
                Lang::En,
                "Anna",
                "delegation.odd",
                "delegation:7",
                None,
                None
            ),
            "Anna: delegation, odd (delegation 7)."
        );
        for (action, _) in WORDED {
            for lang in Lang::ALL {
                let s = sentence(lang, "Anna", action, "x", None, None);
                assert!(
                    !s.contains('{') && !s.contains('_') && !s.to_lowercase().contains("hist-"),
                    "{action} in {}: {s}",
                    lang.code()
                );
            }
        }
        assert_eq!(sentence(Lang::En, "x", "odd", "", None, None), "x: odd.");
        assert_eq!(
            sentence(
                Lang::En,
                "van Dijk",
                "exception.commented",
                "exception:5",
                None,
                None
            ),
            "van Dijk commented on exception 5."
        );
        assert_eq!(
            sentence(
                Lang::En,
                "the system",
                "approval.requested",
                "transfer 3",
                None,
                None
            ),
            "The system asked for approval of transfer 3."
        );
    }

    #[test]
    fn sentences_read_in_the_readers_language() {
        let after = json!({"state": "approved", "quantity": 42});
        assert_eq!(
            sentence(
                Lang::De,
                "Olga Bakker",
                "transfer.approved",
                "Umlagerung 12",
                None,
                Some(&after)
            ),
            "Olga Bakker hat Umlagerung 12 freigegeben."
        );
        assert_eq!(
            sentence(
                Lang::Nl,
                "het systeem",
                "exception.opened",
                "exception:5",
                None,
                None
            ),
            "Het systeem heeft uitzondering 5 geopend."
        );
        assert_eq!(
            sentence(
                Lang::De,
                "Anna",
                "auth.sign_in_failed",
                "user:3",
                None,
                None
            ),
            "Eine Anmeldung als Anna ist fehlgeschlagen."
        );
        let step = json!({"step": 2, "role": "approver"});
        assert_eq!(
            sentence(
                Lang::Nl,
                "van Dijk",
                "approval.step_rejected",
                "overboeking 3",
                Some(&step),
                None
            ),
            "van Dijk heeft stap 2 (goedkeurder) van overboeking 3 afgewezen."
        );
        assert_eq!(
            sentence(
                Lang::De,
                "Anna",
                "supplier.language_changed",
                "supplier:4",
                None,
                None
            ),
            "Anna hat die Sprache der E-Mails an Lieferant 4 geändert."
        );
    }

    #[test]
    fn labels_in_english_are_the_labels() {
        use crate::model::{DocRef, TenantKind};
        use crate::workflow::purchase_order::PoState;
        use crate::workflow::transfer::TransferState;
        for r in Role::ALL {
            assert_eq!(r.label_in(Lang::En), r.label());
        }
        for d in [DocRef::Transfer(1), DocRef::PurchaseOrder(1)] {
            assert_eq!(d.label_in(Lang::En), d.label());
        }
        for s in TransferState::ALL {
            assert_eq!(s.label_in(Lang::En), s.label());
        }
        for s in PoState::ALL {
            assert_eq!(s.label_in(Lang::En), s.label());
        }
        for k in TenantKind::ALL {
            assert_eq!(k.label_in(Lang::En), k.as_str());
            assert!(!k.label_in(Lang::De).starts_with("hist-"));
        }
    }
}
