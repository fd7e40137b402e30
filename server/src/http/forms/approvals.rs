//! The approvals inbox's posts: decide one document, approve several, and hand one's
//! approving role to a stand-in while away (or end that).

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::response::Response;
use engine::model::{now_ms, parse_day, DocRef, Role};
use engine::replenish::{self, Decided};
use serde::Deserialize;

use super::{id, message_in, param, FormError, Params, Posted, SignedIn};
use crate::state::AppState;

const PAGE: &str = "/approvals";

/// `transfer:12` or `purchase_order:7`, as the inbox's forms name a document.
fn doc_ref(key: &str) -> Option<DocRef> {
    let (kind, id) = key.split_once(':')?;
    DocRef::parse(kind, id.parse().ok()?)
}

/// "Transfer 12" or "Purchase order 7", to start a sentence with, in the reader's
/// language.
fn doc_label(lang: i18n::Lang, doc: DocRef) -> String {
    let id = match doc {
        DocRef::Transfer(_) => "plan-doc-transfer",
        DocRef::PurchaseOrder(_) => "plan-doc-purchase-order",
    };
    i18n::t_args(lang, id, &[("id", doc.id().into())])
}

#[derive(Deserialize)]
pub struct DecideForm {
    #[serde(default)]
    doc: String,
    #[serde(default)]
    decision: String,
    #[serde(default)]
    comment: String,
}

struct Decision {
    doc: DocRef,
    approve: bool,
    comment: String,
}

impl Decision {
    fn parse(f: DecideForm, lang: i18n::Lang) -> Result<Self, FormError> {
        let doc = doc_ref(&f.doc)
            .ok_or_else(|| FormError::new(i18n::t(lang, "plan-approvals-error-doc")))?;
        let approve = match f.decision.as_str() {
            "approve" => true,
            "reject" => false,
            _ => {
                return Err(FormError::new(i18n::t(
                    lang,
                    "plan-approvals-error-decision",
                )))
            }
        };
        Ok(Decision {
            doc,
            approve,
            comment: f.comment,
        })
    }
}

pub async fn decide(
    State(state): State<Arc<AppState>>,
    me: SignedIn,
    Posted(form): Posted<DecideForm>,
) -> Response {
    let lang = me.tc.lang;
    let d = match Decision::parse(form, lang) {
        Ok(d) => d,
        Err(e) => return me.error(PAGE, &e.to_string()),
    };
    let (store, t) = (&state.store, me.tc.tenant.id);
    let r = replenish::decide(
        store,
        t,
        &me.member,
        d.doc,
        d.approve,
        &d.comment,
        me.rid(),
        now_ms(),
    );
    match r.await {
        Ok(outcome) => {
            state.jobs_wake.notify_one();
            let what = match outcome {
                Decided::NextStep => "plan-approvals-next-step",
                Decided::Approved => "plan-approvals-approved",
                Decided::Rejected => "plan-approvals-rejected",
            };
            let done = i18n::t_args(lang, what, &[("doc", doc_label(lang, d.doc).into())]);
            me.notice(PAGE, &done)
        }
        Err(e) => me.fail(PAGE, &e),
    }
}

#[derive(Deserialize)]
pub struct BulkForm {
    #[serde(default)]
    doc: Vec<String>,
    #[serde(default)]
    comment: String,
}

struct Bulk {
    docs: Vec<DocRef>,
    comment: String,
}

impl Bulk {
    fn parse(f: BulkForm, lang: i18n::Lang) -> Result<Self, FormError> {
        let docs: Vec<DocRef> = f.doc.iter().filter_map(|d| doc_ref(d)).collect();
        if docs.is_empty() {
            return Err(FormError::new(i18n::t(lang, "plan-approvals-error-none")));
        }
        if docs.len() > 100 {
            return Err(FormError::new(i18n::t(
                lang,
                "plan-approvals-error-too-many",
            )));
        }
        Ok(Bulk {
            docs,
            comment: f.comment,
        })
    }
}

pub async fn bulk_approve(
    State(state): State<Arc<AppState>>,
    me: SignedIn,
    Posted(form): Posted<BulkForm>,
) -> Response {
    let lang = me.tc.lang;
    let bulk = match Bulk::parse(form, lang) {
        Ok(b) => b,
        Err(e) => return me.error(PAGE, &e.to_string()),
    };
    let (store, t) = (&state.store, me.tc.tenant.id);
    let r = replenish::approve_many(
        store,
        t,
        &me.member,
        &bulk.docs,
        &bulk.comment,
        me.rid(),
        now_ms(),
    );
    let outcomes = match r.await {
        Ok(o) => o,
        Err(e) => return me.fail(PAGE, &e),
    };
    let (mut done, mut refused) = (0i64, Vec::new());
    for (doc, outcome) in outcomes {
        match outcome {
            Ok(_) => done += 1,
            Err(e) => refused.push(i18n::t_args(
                lang,
                "plan-approvals-refused-item",
                &[
                    ("doc", doc_label(lang, doc).into()),
                    ("reason", message_in(&e, lang).into()),
                ],
            )),
        }
    }
    state.jobs_wake.notify_one();
    if refused.is_empty() {
        me.notice(
            PAGE,
            &i18n::t_args(lang, "plan-approvals-approved-n", &[("n", done.into())]),
        )
    } else {
        let text = i18n::t_args(
            lang,
            "plan-approvals-approved-some",
            &[("n", done.into()), ("refused", refused.join(" ").into())],
        );
        me.error(PAGE, &text)
    }
}

#[derive(Deserialize)]
pub struct DelegateForm {
    #[serde(default)]
    to_user: String,
    #[serde(default)]
    role: String,
    #[serde(default)]
    first_day: String,
    #[serde(default)]
    last_day: String,
}

struct Delegation {
    to_user: i64,
    role: Role,
    /// Start of the first day and of the day after the last (epoch ms, UTC).
    from_ms: i64,
    to_ms: i64,
    /// The first and last day as the reader reads them (`2 Dec 2026`): calendar days,
    /// as picked.
    first_day: String,
    last_day: String,
}

impl Delegation {
    fn parse(f: DelegateForm, lang: i18n::Lang) -> Result<Self, FormError> {
        let to_user = id(&f.to_user)
            .ok_or_else(|| FormError::new(i18n::t(lang, "plan-approvals-error-stand-in")))?;
        let role = Role::parse(&f.role)
            .ok_or_else(|| FormError::new(i18n::t(lang, "plan-approvals-error-role")))?;
        let (Some(first), Some(last)) = (parse_day(&f.first_day), parse_day(&f.last_day)) else {
            return Err(FormError::new(i18n::t(lang, "plan-approvals-error-days")));
        };
        Ok(Delegation {
            to_user,
            role,
            from_ms: first,
            // The last day counts in full: the delegation ends when the day after begins.
            to_ms: last + 24 * 3_600_000,
            first_day: app::ssr::format::calendar_day(lang, first),
            last_day: app::ssr::format::calendar_day(lang, last),
        })
    }
}

pub async fn delegate(
    State(state): State<Arc<AppState>>,
    me: SignedIn,
    Posted(form): Posted<DelegateForm>,
) -> Response {
    let lang = me.tc.lang;
    let d = match Delegation::parse(form, lang) {
        Ok(d) => d,
        Err(e) => return me.error(PAGE, &e.to_string()),
    };
    let (store, t) = (&state.store, me.tc.tenant.id);
    let r = replenish::delegate(
        store,
        t,
        &me.member,
        d.to_user,
        d.role,
        d.from_ms,
        d.to_ms,
        me.rid(),
        now_ms(),
    );
    match r.await {
        Ok(_) => {
            let set = i18n::t_args(
                lang,
                "plan-approvals-stand-in-set",
                &[
                    ("first", d.first_day.as_str().into()),
                    ("last", d.last_day.as_str().into()),
                ],
            );
            me.notice(PAGE, &set)
        }
        Err(e) => me.fail(PAGE, &e),
    }
}

pub async fn end_delegation(
    State(state): State<Arc<AppState>>,
    me: SignedIn,
    Path(params): Path<Params>,
) -> Response {
    let Some(delegation) = id(param(&params, "id")) else {
        return me.not_found();
    };
    let (store, t) = (&state.store, me.tc.tenant.id);
    match replenish::end_delegation(store, t, &me.member, delegation, me.rid(), now_ms()).await {
        Ok(()) => me.notice(PAGE, &i18n::t(me.tc.lang, "plan-approvals-stand-in-ended")),
        Err(e) => me.fail(PAGE, &e),
    }
}
