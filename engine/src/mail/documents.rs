//! E-mails about a document, to staff: the request for a decision (`approval_request`,
//! to approvers) and what became of it (`outcome`, to who asked or changed it), each
//! with the document's facts, in the recipient's language.

use askama::Template;

use super::lang::{around_title, Tr};
use super::{db_error, Brand, Composed, Mailer, SendMail};
use crate::jobs::JobError;
use crate::model::{DocRef, Tenant};
use crate::region::calendar_day;

#[derive(Template)]
#[template(path = "mail/approval_request.html")]
pub(super) struct ApprovalHtml<'a> {
    pub(super) t: Tr,
    pub(super) subject: &'a str,
    pub(super) brand: &'a Brand,
    pub(super) name: &'a str,
    pub(super) title: &'a str,
    /// The sentence around the title (which the HTML sets in bold).
    pub(super) lead_before: &'a str,
    pub(super) lead_after: &'a str,
    pub(super) facts: &'a [(String, String)],
    pub(super) reason: &'a str,
    /// The reason is English as recorded before reasons were kept in words (marked
    /// `lang="en"`); otherwise it is in the recipient's language.
    pub(super) reason_in_english: bool,
    pub(super) link: &'a str,
}

#[derive(Template)]
#[template(path = "mail/approval_request.txt")]
pub(super) struct ApprovalText<'a> {
    pub(super) t: Tr,
    pub(super) brand: &'a Brand,
    pub(super) name: &'a str,
    pub(super) title: &'a str,
    pub(super) lead_before: &'a str,
    pub(super) lead_after: &'a str,
    pub(super) facts: &'a [(String, String)],
    pub(super) reason: &'a str,
    pub(super) link: &'a str,
}

#[derive(Template)]
#[template(path = "mail/outcome.html")]
pub(super) struct OutcomeHtml<'a> {
    pub(super) t: Tr,
    pub(super) subject: &'a str,
    pub(super) brand: &'a Brand,
    pub(super) name: &'a str,
    pub(super) title: &'a str,
    /// What became of it, around the title (which the HTML sets in bold).
    pub(super) lead_before: &'a str,
    pub(super) lead_after: &'a str,
    pub(super) note: &'a str,
    pub(super) facts: &'a [(String, String)],
    pub(super) link: &'a str,
}

#[derive(Template)]
#[template(path = "mail/outcome.txt")]
pub(super) struct OutcomeText<'a> {
    pub(super) t: Tr,
    pub(super) brand: &'a Brand,
    pub(super) name: &'a str,
    pub(super) title: &'a str,
    pub(super) lead_before: &'a str,
    pub(super) lead_after: &'a str,
    pub(super) note: &'a str,
    pub(super) facts: &'a [(String, String)],
    pub(super) link: &'a str,
}

/// The message saying what became of a document (`$title`, and `$outcome` for one
/// this list does not know), by the outcome the job carries.
pub(super) fn outcome_message(outcome: &str) -> &'static str {
    match outcome {
        "approved" => "mail-outcome-approved",
        "rejected" => "mail-outcome-rejected",
        "cancelled" => "mail-outcome-cancelled",
        "change rejected in approval" => "mail-outcome-change-rejected-in-approval",
        "declined by the supplier" => "mail-outcome-declined",
        "acknowledged by the supplier" => "mail-outcome-acknowledged",
        "backordered by the supplier" => "mail-outcome-backordered",
        "changes proposed by the supplier" => "mail-outcome-changes-proposed",
        "change accepted by the supplier" => "mail-outcome-change-accepted-by-supplier",
        "change accepted" => "mail-outcome-change-accepted",
        "change refused by the supplier" => "mail-outcome-change-refused-by-supplier",
        "change refused" => "mail-outcome-change-refused",
        "shipped by the supplier" => "mail-outcome-shipped",
        _ => "mail-outcome-other",
    }
}

/// The decider's note of a job queued before the engine sent its notes as words
/// (`SendMail::note_words`): the workflow's English (a supplier's promised day, written
/// `YYYY-MM-DD`, shown as the calendar day it is) in the recipient's language; a
/// person's note as they wrote it.
fn outcome_note(lang: i18n::Lang, note: &str) -> String {
    for (prefix, id) in [
        ("Delivery promised for ", "mail-outcome-note-promised"),
        ("Delivery not before ", "mail-outcome-note-not-before"),
    ] {
        if let Some(day) = note.strip_prefix(prefix).and_then(|r| r.strip_suffix('.')) {
            let day = crate::model::parse_day(day)
                .map(|ms| calendar_day(lang, ms))
                .unwrap_or_else(|| day.to_string());
            return i18n::t_args(lang, id, &[("day", day.into())]);
        }
    }
    note.to_string()
}

impl Mailer {
    /// An approval request or an outcome, in `lang`.
    pub(super) async fn compose_document(
        &self,
        tenant: &Tenant,
        mail: &SendMail,
        lang: i18n::Lang,
    ) -> Result<Composed, JobError> {
        let template = mail.template.as_str();
        let name = mail.name.as_str();
        let doc = DocRef::parse(&mail.doc_type, mail.doc_id)
            .ok_or_else(|| JobError::Terminal("mail job names no document".into()))?;
        let brand = self.brand(tenant, lang);
        let (title, facts, (reason, reason_in_english)) =
            self.document_facts(tenant, doc, lang).await?;
        let portal = self.portal_url.replace("{slug}", &tenant.slug);
        let render = |e: askama::Error| JobError::Terminal(format!("template: {e}"));
        let t = Tr(lang);
        match template {
            "approval_request" => {
                let subject = i18n::t_args(
                    lang,
                    "mail-approval-subject",
                    &[("title", title.clone().into())],
                );
                let (lead_before, lead_after) = around_title(lang, "mail-approval-waiting", &[]);
                let link = format!("{portal}/approvals");
                Ok(Composed {
                    html: ApprovalHtml {
                        t,
                        subject: &subject,
                        brand: &brand,
                        name,
                        title: &title,
                        lead_before: &lead_before,
                        lead_after: &lead_after,
                        facts: &facts,
                        reason: &reason,
                        reason_in_english,
                        link: &link,
                    }
                    .render()
                    .map_err(render)?,
                    text: ApprovalText {
                        t,
                        brand: &brand,
                        name,
                        title: &title,
                        lead_before: &lead_before,
                        lead_after: &lead_after,
                        facts: &facts,
                        reason: &reason,
                        link: &link,
                    }
                    .render()
                    .map_err(render)?,
                    subject,
                })
            }
            "outcome" => {
                let id = outcome_message(&mail.outcome);
                let subject = i18n::t_args(
                    lang,
                    id,
                    &[
                        ("title", title.clone().into()),
                        ("outcome", mail.outcome.clone().into()),
                    ],
                );
                let (lead_before, lead_after) =
                    around_title(lang, id, &[("outcome", mail.outcome.clone().into())]);
                let note = match &mail.note_words {
                    Some(words) => words.text(lang),
                    None => outcome_note(lang, &mail.note),
                };
                let link = format!("{portal}/documents/{}/{}", doc.doc_type(), doc.id());
                Ok(Composed {
                    html: OutcomeHtml {
                        t,
                        subject: &subject,
                        brand: &brand,
                        name,
                        title: &title,
                        lead_before: &lead_before,
                        lead_after: &lead_after,
                        note: &note,
                        facts: &facts,
                        link: &link,
                    }
                    .render()
                    .map_err(render)?,
                    text: OutcomeText {
                        t,
                        brand: &brand,
                        name,
                        title: &title,
                        lead_before: &lead_before,
                        lead_after: &lead_after,
                        note: &note,
                        facts: &facts,
                        link: &link,
                    }
                    .render()
                    .map_err(render)?,
                    subject,
                })
            }
            other => Err(JobError::Terminal(format!(
                "unknown mail template {other:?}"
            ))),
        }
    }

    /// The document's title, its facts (label, value) and the reason given for it, in
    /// `lang` (with whether that reason is English recorded before reasons were kept in
    /// words).
    async fn document_facts(
        &self,
        tenant: &Tenant,
        doc: DocRef,
        lang: i18n::Lang,
    ) -> Result<(String, Vec<(String, String)>, (String, bool)), JobError> {
        let t = tenant.id;
        let db = db_error;
        let word = |id: &str| i18n::t(lang, id);
        let (locations, suppliers) = self.store.labels(t).await.map_err(db)?;
        let loc = |id: i64| {
            locations
                .iter()
                .find(|l| l.0 == id)
                .map(|l| format!("{} · {}", l.1, l.2))
                .unwrap_or_else(|| {
                    i18n::t_args(
                        lang,
                        "mail-unknown-location",
                        &[("id", id.to_string().into())],
                    )
                })
        };
        match doc {
            DocRef::Transfer(id) => {
                let tr = self
                    .store
                    .transfer(t, id)
                    .await
                    .map_err(db)?
                    .ok_or_else(|| JobError::Terminal(format!("transfer {id} is gone")))?;
                let product = self
                    .store
                    .product_labels(t, &[tr.product_id])
                    .await
                    .map_err(db)?;
                let (sku, pname) = product
                    .first()
                    .map(|p| (p.1.clone(), p.2.clone()))
                    .unwrap_or_default();
                Ok((
                    i18n::t_args(
                        lang,
                        "mail-transfer-title",
                        &[
                            ("id", id.to_string().into()),
                            ("quantity", tr.quantity.to_string().into()),
                            ("sku", sku.into()),
                            ("product", pname.into()),
                        ],
                    ),
                    vec![
                        (word("mail-fact-from"), loc(tr.from_location_id)),
                        (word("mail-fact-to"), loc(tr.to_location_id)),
                        (word("mail-fact-quantity"), tr.quantity.to_string()),
                        (
                            word("mail-fact-value"),
                            i18n::fmt::money(
                                lang,
                                tr.quantity.saturating_mul(tr.unit_cost_minor),
                                &tenant.currency,
                            ),
                        ),
                    ],
                    crate::recorded::shown(&tr.reason, tr.reason_words.as_deref(), lang),
                ))
            }
            DocRef::PurchaseOrder(id) => {
                let po = self
                    .store
                    .purchase_order(t, id)
                    .await
                    .map_err(db)?
                    .ok_or_else(|| JobError::Terminal(format!("purchase order {id} is gone")))?;
                let lines = self.store.po_lines(t, id).await.map_err(db)?;
                let ids: Vec<i64> = lines.iter().map(|l| l.product_id).collect();
                let products = self.store.product_labels(t, &ids).await.map_err(db)?;
                let supplier = suppliers
                    .iter()
                    .find(|s| s.0 == po.supplier_id)
                    .map(|s| s.2.clone())
                    .unwrap_or_default();
                let mut facts = vec![
                    (word("mail-fact-supplier"), supplier.clone()),
                    (word("mail-fact-ship-to"), loc(po.ship_to_location_id)),
                    (
                        word("mail-fact-value"),
                        i18n::fmt::money(lang, po.value_minor, &tenant.currency),
                    ),
                ];
                for l in &lines {
                    let p = products.iter().find(|p| p.0 == l.product_id);
                    facts.push((
                        p.map(|p| p.1.clone()).unwrap_or_default(),
                        i18n::t_args(
                            lang,
                            "mail-po-line",
                            &[
                                ("quantity", l.quantity.to_string().into()),
                                ("product", p.map(|p| p.2.clone()).unwrap_or_default().into()),
                                (
                                    "price",
                                    i18n::fmt::money(lang, l.unit_cost_minor, &tenant.currency)
                                        .into(),
                                ),
                            ],
                        ),
                    ));
                }
                let reason = lines
                    .first()
                    .map(|l| crate::recorded::shown(&l.reason, l.reason_words.as_deref(), lang))
                    .unwrap_or_default();
                // A change to a sent order waits for approval: what is decided is the
                // change, so the mail says what it would make of the order.
                if po.state == crate::workflow::purchase_order::PoState::ChangeApproval {
                    let change = self
                        .store
                        .po_changes(t, id)
                        .await
                        .map_err(db)?
                        .into_iter()
                        .find(|c| c.state == "open");
                    if let Some(c) = change {
                        facts.insert(
                            3,
                            (
                                word("mail-fact-value-with-change"),
                                i18n::fmt::money(lang, c.value_minor, &tenant.currency),
                            ),
                        );
                        let by = match c.proposed_by.as_str() {
                            "buyer" => word("mail-proposed-by-buyer"),
                            "supplier" => word("mail-proposed-by-supplier"),
                            other => other.to_string(),
                        };
                        facts.insert(4, (word("mail-fact-proposed-by"), by));
                        let day = calendar_day(lang, c.promised_on);
                        facts.insert(5, (word("mail-fact-delivery-with-change"), day));
                        for cl in c.lines() {
                            let Some(l) = lines.iter().find(|l| l.id == cl.line_id) else {
                                continue;
                            };
                            if (l.quantity, l.unit_cost_minor, l.promised_on)
                                != (cl.quantity, cl.unit_cost_minor, cl.ships_on)
                            {
                                let p = products.iter().find(|p| p.0 == l.product_id);
                                facts.push((
                                    i18n::t_args(
                                        lang,
                                        "mail-fact-change",
                                        &[(
                                            "sku",
                                            p.map(|p| p.1.clone()).unwrap_or_default().into(),
                                        )],
                                    ),
                                    i18n::t_args(
                                        lang,
                                        "mail-change-line",
                                        &[
                                            ("quantity", l.quantity.to_string().into()),
                                            (
                                                "price",
                                                i18n::fmt::money(
                                                    lang,
                                                    l.unit_cost_minor,
                                                    &tenant.currency,
                                                )
                                                .into(),
                                            ),
                                            ("new_quantity", cl.quantity.to_string().into()),
                                            (
                                                "new_price",
                                                i18n::fmt::money(
                                                    lang,
                                                    cl.unit_cost_minor,
                                                    &tenant.currency,
                                                )
                                                .into(),
                                            ),
                                        ],
                                    ),
                                ));
                            }
                        }
                        return Ok((
                            i18n::t_args(
                                lang,
                                "mail-po-change-title",
                                &[("id", id.to_string().into())],
                            ),
                            facts,
                            reason,
                        ));
                    }
                }
                let count = i64::try_from(lines.len()).unwrap_or(i64::MAX);
                Ok((
                    i18n::t_args(
                        lang,
                        "mail-po-title",
                        &[("id", id.to_string().into()), ("lines", count.into())],
                    ),
                    facts,
                    reason,
                ))
            }
        }
    }
}
