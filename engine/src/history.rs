//! An audit entry as a sentence a planner reads: "Olga Bakker approved transfer 12:
//! 42 × Whole milk 1 l from North DC to Jordaan." The raw record stays beside it for
//! auditors; this only words it. Pure: the caller names the actor (`who`, see
//! [`crate::trail`]) and describes the subject (`about`, e.g. from the document).

use serde_json::Value;

/// The entry as one sentence, ending with a full stop. `who` is the actor in words,
/// `about` the subject in words (a document's description, or the raw subject when
/// nothing better is known); `before` and `after` are the entry's recorded facts.
pub fn sentence(
    who: &str,
    action: &str,
    about: &str,
    before: Option<&Value>,
    after: Option<&Value>,
) -> String {
    let (noun, verb) = action.split_once('.').unwrap_or(("", action));
    let about = &subject_words(about);
    let text = match (noun, verb) {
        ("transfer" | "purchase_order", _) => document(who, verb, about, before, after),
        ("approval", "step_approved" | "step_rejected") => {
            let step = before.and_then(|b| b.get("step")).and_then(Value::as_i64);
            let role = before
                .and_then(|b| b.get("role"))
                .and_then(Value::as_str)
                .map(words);
            let what = if verb == "step_approved" {
                "approved"
            } else {
                "rejected"
            };
            let step = match (step, role) {
                (Some(n), Some(r)) => format!("step {n} ({r}) of "),
                (Some(n), None) => format!("step {n} of "),
                _ => String::new(),
            };
            format!("{who} {what} {step}{about}{}", note(after, "comment"))
        }
        ("assistant", "approved") => format!(
            "{who} approved {about} on its own, within the limits set for it{}",
            reasons(after)
        ),
        ("assistant", "shadowed") => {
            let would = after
                .and_then(|a| a.get("would_act"))
                .and_then(Value::as_bool)
                .unwrap_or(false);
            format!(
                "{who} {} {about} (shadow mode: it only records){}",
                if would {
                    "would have approved"
                } else {
                    "would have left to people"
                },
                reasons(after)
            )
        }
        ("assistant", "referred") => {
            format!("{who} left {about} to people{}", reasons(after))
        }
        ("exception", "commented") => format!("{who} commented on {about}"),
        ("exception", v) => format!("{who} {} {about}", words(v)),
        _ => generic(who, noun, verb, about),
    };
    // A sentence that opens with our own words ("the system") starts with a capital;
    // a person's name is left as they write it ("van Dijk").
    let text = text.trim();
    let mut text = if OUR_WORDS.iter().any(|w| text.starts_with(w)) {
        capitalised(text)
    } else {
        text.to_string()
    };
    if !text.ends_with(['.', '!', '?']) {
        text.push('.');
    }
    text
}

/// How actors that are not people are named ([`crate::trail`]), in lower case.
const OUR_WORDS: &[&str] = &[
    "the ",
    "your service provider",
    "integration key",
    "someone outside",
    "a sign-in",
];

/// A transfer's or purchase order's lifecycle step.
fn document(
    who: &str,
    verb: &str,
    about: &str,
    before: Option<&Value>,
    after: Option<&Value>,
) -> String {
    let qty = |v: Option<&Value>| v.and_then(|v| v.get("quantity")).and_then(Value::as_i64);
    match verb {
        "proposed" => format!("{who} proposed {about}{}", note(after, "reason")),
        "opened" => format!("{who} opened {about}"),
        "submitted" => format!("{who} sent {about} for approval"),
        "auto_approved" => {
            format!("{who} approved {about} automatically, under the approval limit")
        }
        "edited" => match (qty(before), qty(after)) {
            (Some(b), Some(a)) if a != b => {
                format!("{who} changed {about} from {b} to {a} units")
            }
            _ => format!("{who} changed {about}"),
        },
        "change_proposed" => format!("{who} proposed a change to {about}"),
        "change_accepted" => format!("{who} accepted the proposed change to {about}"),
        "change_rejected" => format!("{who} turned down the proposed change to {about}"),
        "shipped" => format!("{who} shipped {about}"),
        "line_added" => format!("{who} added a line to {about}"),
        "message" => format!("{who} wrote about {about}"),
        "links_revoked" => format!("{who} withdrew the supplier's links to {about}"),
        "ack_reminded" => format!("{who} reminded the supplier to acknowledge {about}"),
        "asn_reminded" => {
            format!("{who} reminded the supplier to announce the delivery of {about}")
        }
        "resent" => format!("{who} sent {about} to the supplier again"),
        "sent" => format!("{who} sent {about} to the supplier"),
        "rejected" | "declined" | "cancelled" => {
            format!("{who} {verb} {about}{}", note(after, "reason"))
        }
        other => format!("{who} {} {about}", words(other)),
    }
}

/// Other entries, worded: `{who}` and `{about}` are filled in.
const WORDED: &[(&str, &str)] = &[
    ("approval.requested", "{who} asked for approval of {about}"),
    (
        "approval.escalated",
        "{who} escalated the approval of {about}: it waited too long",
    ),
    (
        "approval.auto_approved",
        "{who} approved {about} automatically: no approval step applies",
    ),
    ("anomaly_settings.saved", "{who} changed the anomaly checks"),
    ("policy.saved", "{who} saved a replenishment policy"),
    ("policy.deleted", "{who} deleted a replenishment policy"),
    ("approval_matrix.saved", "{who} changed the approval matrix"),
    ("member.roles_changed", "{who} changed a member's roles"),
    ("member.deactivated", "{who} deactivated a member"),
    ("member.reactivated", "{who} reactivated a member"),
    ("invitation.created", "{who} invited someone"),
    ("invitation.revoked", "{who} withdrew an invitation"),
    ("invitation.accepted", "{who} accepted an invitation"),
    ("auth.signed_in", "{who} signed in"),
    ("auth.sign_in_failed", "a sign-in as {who} failed"),
    (
        "auth.second_factor_failed",
        "{who} entered a wrong sign-in code",
    ),
    ("auth.two_factor_on", "{who} turned on two-step sign-in"),
    ("auth.two_factor_off", "{who} turned off two-step sign-in"),
    (
        "auth.recovery_codes_renewed",
        "{who} renewed their recovery codes",
    ),
    (
        "auth.password_reset_requested",
        "{who} asked to reset their password",
    ),
    (
        "auth.password_reset",
        "{who} set a new password from a reset link",
    ),
    ("auth.password_changed", "{who} changed their password"),
    (
        "auth.language_changed",
        "{who} chose the language they read",
    ),
    (
        "auth.password_check_failed",
        "{who} gave a wrong current password",
    ),
    ("api_key.created", "{who} created an integration key"),
    ("api_key.revoked", "{who} revoked an integration key"),
    ("api_key.rotated", "{who} replaced an integration key"),
    ("webhook_endpoint.created", "{who} added a webhook endpoint"),
    (
        "webhook_endpoint.deleted",
        "{who} deleted a webhook endpoint",
    ),
    (
        "webhook_endpoint.enabled",
        "{who} turned on a webhook endpoint",
    ),
    (
        "webhook_endpoint.disabled",
        "{who} turned off a webhook endpoint",
    ),
    (
        "webhook_endpoint.secret_rotated",
        "{who} replaced a webhook endpoint's secret",
    ),
    (
        "webhook_delivery.replayed",
        "{who} sent a webhook delivery again",
    ),
    ("webhook_source.created", "{who} added an event source"),
    ("webhook_source.deleted", "{who} deleted an event source"),
    (
        "webhook_source.mapping_saved",
        "{who} changed an event source's field mapping",
    ),
    (
        "webhook_source.secret_rotated",
        "{who} replaced an event source's secret",
    ),
    ("theme.saved", "{who} changed the portal's theme"),
    (
        "theme.picture_uploaded",
        "{who} uploaded a picture for the theme",
    ),
    ("theme.pack_applied", "{who} applied a theme pack"),
    ("domain.added", "{who} added a custom domain"),
    ("domain.verified", "{who} verified a custom domain"),
    ("domain.removed", "{who} removed a custom domain"),
    ("tenant.suspended", "{who} suspended this portal"),
    ("tenant.resumed", "{who} resumed this portal"),
    ("tenant.provisioned", "{who} set up this portal"),
    (
        "tenant.two_factor_required",
        "{who} changed whether two-step sign-in is required",
    ),
    ("act_as.started", "{who} started acting in this portal"),
    ("act_as.entered", "{who} entered this portal to act in it"),
    ("act_as.ended", "{who} stopped acting in this portal"),
    (
        "delegation.created",
        "{who} handed their approvals to a colleague for a while",
    ),
    ("delegation.ended", "{who} ended a hand-over of approvals"),
    ("import.applied", "{who} applied an import"),
    ("job.replayed", "{who} ran a failed job again"),
    ("shopper.erased", "{who} erased a shopper's data"),
    ("subscription.ended", "{who} ended a back-in-stock alert"),
    (
        "back_in_stock.settings_changed",
        "{who} changed the back-in-stock settings",
    ),
    (
        "settings.sweep_hour",
        "{who} changed the hour of the nightly check",
    ),
    ("position.levels_set", "{who} set fixed levels for {about}"),
    (
        "position.levels_cleared",
        "{who} cleared the fixed levels of {about}",
    ),
    ("supplier_user.removed", "{who} removed a supplier's user"),
    (
        "supplier_clocks.changed",
        "{who} changed the suppliers' answer times",
    ),
    (
        "client.provisioning_started",
        "{who} started setting up a client portal",
    ),
    (
        "client.provisioning_retried",
        "{who} retried setting up a client portal",
    ),
    (
        "assistant.limits_saved",
        "{who} changed the assistant's limits",
    ),
    ("backtest.started", "{who} started a backtest"),
    ("backtest.run", "{who} ran a backtest"),
];

/// Any other entry: a worded one, or its action in words with the subject.
fn generic(who: &str, noun: &str, verb: &str, about: &str) -> String {
    let action = format!("{noun}.{verb}");
    if let Some((_, t)) = WORDED.iter().find(|(a, _)| *a == action) {
        return t.replace("{who}", who).replace("{about}", about);
    }
    let subject = if about.is_empty() {
        String::new()
    } else {
        format!(" ({about})")
    };
    if noun.is_empty() {
        return format!("{who}: {}{subject}", words(verb));
    }
    format!("{who}: {}, {}{subject}", words(noun), words(verb))
}

/// A raw subject (`exception:5`, `webhook_endpoint:2`) as words ("exception 5");
/// anything else as it is.
fn subject_words(about: &str) -> String {
    match about.split_once(':') {
        Some((noun, id)) if !about.contains(' ') && !noun.is_empty() => {
            format!("{} {id}", words(noun))
        }
        _ => about.to_string(),
    }
}

/// A recorded name (`auto_approved`, `webhook_endpoint`) in words.
fn words(s: &str) -> String {
    s.replace(['_', '.'], " ")
}

/// `: "…"` with a short quoted note from `after[key]` (found at any depth), if any.
fn note(after: Option<&Value>, key: &str) -> String {
    match after.and_then(|a| find(a, key)) {
        Some(t) if !t.trim().is_empty() => {
            let t: String = t.trim().chars().take(200).collect();
            format!(": “{t}”")
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
fn reasons(after: Option<&Value>) -> String {
    let list: Vec<&str> = after
        .and_then(|a| a.get("reasons"))
        .and_then(Value::as_array)
        .map(|r| r.iter().filter_map(Value::as_str).take(3).collect())
        .unwrap_or_default();
    if list.is_empty() {
        String::new()
    } else {
        format!(": {}", list.join("; "))
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
            sentence("Olga Bakker", "transfer.approved", T12, None, Some(&after)),
            "Olga Bakker approved transfer 12: 42 × Whole milk 1 l from North DC to Jordaan."
        );
        assert_eq!(
            sentence("the system", "transfer.proposed", T12, None, Some(&json!({"reason": "below reorder point"}))),
            "The system proposed transfer 12: 42 × Whole milk 1 l from North DC to Jordaan: “below reorder point”."
        );
    }

    #[test]
    fn changes_and_notes_carry_their_numbers_and_words() {
        let before = json!({"state": "pending_approval", "quantity": 40});
        let after = json!({"state": "pending_approval", "quantity": 30, "command": {"Edit": {"quantity": 30}}});
        assert_eq!(
            sentence(
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
            sentence("Anna Smit", "policy.saved", "policy:3", None, None),
            "Anna Smit saved a replenishment policy."
        );
        assert_eq!(
            sentence(
                "integration key 4",
                "webhook_endpoint.secret_rotated",
                "webhook_endpoint:2",
                None,
                None
            ),
            "Integration key 4 replaced a webhook endpoint's secret."
        );
        assert_eq!(
            sentence("the system", "bis.wave", "FF-0001", None, None),
            "The system: bis, wave (FF-0001)."
        );
        assert_eq!(
            sentence("the system", "exception.opened", "exception:5", None, None),
            "The system opened exception 5."
        );
        assert_eq!(
            sentence("Anna", "delegation.odd", "delegation:7", None, None),
            "Anna: delegation, odd (delegation 7)."
        );
        for (action, _) in WORDED {
            let s = sentence("Anna", action, "x", None, None);
            assert!(!s.contains('{') && !s.contains('_'), "{action}: {s}");
        }
        assert_eq!(sentence("x", "odd", "", None, None), "x: odd.");
        assert_eq!(
            sentence("van Dijk", "exception.commented", "exception:5", None, None),
            "van Dijk commented on exception 5."
        );
        assert_eq!(
            sentence("the system", "approval.requested", "transfer 3", None, None),
            "The system asked for approval of transfer 3."
        );
    }
}
