//! The approvals inbox's posts: decide one document, approve several, and hand one's
//! approving role to a stand-in while away (or end that).

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::response::Response;
use engine::model::{now_ms, parse_day, DocRef, Role};
use engine::replenish::{self, Decided};
use serde::Deserialize;

use super::{id, message, param, FormError, Params, Posted, SignedIn};
use crate::state::AppState;

const PAGE: &str = "/approvals";

/// `transfer:12` or `purchase_order:7`, as the inbox's forms name a document.
fn doc_ref(key: &str) -> Option<DocRef> {
    let (kind, id) = key.split_once(':')?;
    DocRef::parse(kind, id.parse().ok()?)
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

impl TryFrom<DecideForm> for Decision {
    type Error = FormError;
    fn try_from(f: DecideForm) -> Result<Self, FormError> {
        let doc = doc_ref(&f.doc)
            .ok_or_else(|| FormError::new("The form did not say which document to decide."))?;
        let approve = match f.decision.as_str() {
            "approve" => true,
            "reject" => false,
            _ => return Err(FormError::new("Choose Approve or Reject.")),
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
    let d = match Decision::try_from(form) {
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
                Decided::NextStep => "approved; it now waits for the next step",
                Decided::Approved => "approved",
                Decided::Rejected => "rejected",
            };
            let done = format!("{} {} {what}.", d.doc.label(), d.doc.id());
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

impl TryFrom<BulkForm> for Bulk {
    type Error = FormError;
    fn try_from(f: BulkForm) -> Result<Self, FormError> {
        let docs: Vec<DocRef> = f.doc.iter().filter_map(|d| doc_ref(d)).collect();
        if docs.is_empty() {
            return Err(FormError::new("Select at least one item to approve."));
        }
        if docs.len() > 100 {
            return Err(FormError::new("Approve at most 100 items at once."));
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
    let bulk = match Bulk::try_from(form) {
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
    let (mut done, mut refused) = (0, Vec::new());
    for (doc, outcome) in outcomes {
        match outcome {
            Ok(_) => done += 1,
            Err(e) => refused.push(format!("{} {}: {}", doc.label(), doc.id(), message(&e))),
        }
    }
    state.jobs_wake.notify_one();
    if refused.is_empty() {
        me.notice(PAGE, &format!("Approved {done}."))
    } else {
        let text = format!("Approved {done}; not approved: {}", refused.join(" "));
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
    first_day: String,
    last_day: String,
}

impl TryFrom<DelegateForm> for Delegation {
    type Error = FormError;
    fn try_from(f: DelegateForm) -> Result<Self, FormError> {
        let to_user =
            id(&f.to_user).ok_or_else(|| FormError::new("Choose who stands in for you."))?;
        let role =
            Role::parse(&f.role).ok_or_else(|| FormError::new("Choose the role to hand over."))?;
        let (Some(first), Some(last)) = (parse_day(&f.first_day), parse_day(&f.last_day)) else {
            return Err(FormError::new(
                "Give the first and the last day as dates (YYYY-MM-DD).",
            ));
        };
        Ok(Delegation {
            to_user,
            role,
            from_ms: first,
            // The last day counts in full: the delegation ends when the day after begins.
            to_ms: last + 24 * 3_600_000,
            first_day: f.first_day.trim().to_string(),
            last_day: f.last_day.trim().to_string(),
        })
    }
}

pub async fn delegate(
    State(state): State<Arc<AppState>>,
    me: SignedIn,
    Posted(form): Posted<DelegateForm>,
) -> Response {
    let d = match Delegation::try_from(form) {
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
            let set = format!(
                "Your stand-in is set from {} to {}.",
                d.first_day, d.last_day
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
        return super::super::tenancy::not_found_page();
    };
    let (store, t) = (&state.store, me.tc.tenant.id);
    match replenish::end_delegation(store, t, &me.member, delegation, me.rid(), now_ms()).await {
        Ok(()) => me.notice(PAGE, "Your stand-in has ended."),
        Err(e) => me.fail(PAGE, &e),
    }
}
