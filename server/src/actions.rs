//! Portal form posts that change things: approval decisions (one or in bulk), stand-ins
//! while away, transfer commands, exception-queue actions, job replay, the approval
//! matrix (whole, or rule by rule) and replenishment policies. Plain HTML forms, so they
//! work without JavaScript; each one authorises the signed-in member, calls the engine,
//! and redirects back (303) with `?notice=` or `?error=`.

use std::collections::HashMap;
use std::sync::Arc;

use app::ssr::{signed_in_member, TenantCtx};
use axum::body::Bytes;
use axum::extract::{FromRef, FromRequestParts, Path, State};
use axum::http::request::Parts;
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::post;
use axum::Router;
use engine::model::{now_ms, Member, Role};
use engine::replenish::{self, exceptions::Action, EngineError};
use engine::store::DocRef;
use engine::workflow::transfer::TransferCommand;
use tower_sessions::Session;

use crate::startup::AppState;

/// The form routes, at the root and under `/t/{tenant}`.
pub fn routes<S>(router: Router<S>) -> Router<S>
where
    S: Clone + Send + Sync + 'static,
    Arc<AppState>: axum::extract::FromRef<S>,
{
    let mut r = router;
    for prefix in ["", "/t/{tenant}"] {
        r = r
            .route(&format!("{prefix}/approvals/decide"), post(decide))
            .route(&format!("{prefix}/approvals/bulk"), post(bulk_approve))
            .route(&format!("{prefix}/approvals/delegations"), post(delegate))
            .route(
                &format!("{prefix}/approvals/delegations/{{id}}/end"),
                post(end_delegation),
            )
            .route(
                &format!("{prefix}/documents/{{kind}}/{{id}}/command"),
                post(document_command),
            )
            .route(&format!("{prefix}/exceptions/act"), post(exceptions_act))
            .route(&format!("{prefix}/jobs/{{id}}/replay"), post(replay_job))
            .route(&format!("{prefix}/settings/approvals"), post(save_matrix))
            .route(
                &format!("{prefix}/settings/approvals/rules"),
                post(add_rule),
            )
            .route(
                &format!("{prefix}/settings/approvals/rules/{{index}}/{{op}}"),
                post(change_rule),
            )
            .route(&format!("{prefix}/settings/policies"), post(save_policy))
            .route(
                &format!("{prefix}/settings/policies/{{id}}/delete"),
                post(delete_policy),
            );
    }
    r
}

fn fields(body: &Bytes) -> Vec<(String, String)> {
    form_urlencoded::parse(body).into_owned().collect()
}

fn field<'a>(f: &'a [(String, String)], name: &str) -> &'a str {
    f.iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
        .unwrap_or("")
}

fn all<'a>(f: &'a [(String, String)], name: &str) -> Vec<&'a str> {
    f.iter()
        .filter(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
        .collect()
}

fn back(tc: &TenantCtx, path: &str, key: &str, message: &str) -> Response {
    let msg: String = form_urlencoded::byte_serialize(message.as_bytes()).collect();
    let sep = if path.contains('?') { '&' } else { '?' };
    Redirect::to(&format!("{}{path}{sep}{key}={msg}", tc.base)).into_response()
}

fn request_id(headers: &HeaderMap) -> Option<String> {
    headers
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string)
}

/// The request's tenant and its signed-in member; a request without a tenant gets the
/// neutral 404, one without a sign-in is sent to sign in.
struct SignedIn {
    tc: TenantCtx,
    member: Member,
}

impl<S> FromRequestParts<S> for SignedIn
where
    S: Send + Sync,
    Arc<AppState>: FromRef<S>,
{
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Response> {
        let app = Arc::<AppState>::from_ref(state);
        let tc = parts
            .extensions
            .get::<TenantCtx>()
            .cloned()
            .ok_or_else(crate::tenancy::not_found_page)?;
        let session = Session::from_request_parts(parts, state)
            .await
            .map_err(IntoResponse::into_response)?;
        let member = signed_in_member(&app.store, &session, &tc.tenant)
            .await
            .ok_or_else(|| Redirect::to(&format!("{}/login", tc.base)).into_response())?;
        Ok(SignedIn { tc, member })
    }
}

fn message(e: &EngineError) -> String {
    match e {
        EngineError::Store(err) => {
            tracing::error!(error = %err, "portal action failed");
            "Something went wrong on our side; nothing was changed. Please try again.".into()
        }
        EngineError::NotFound => "That document or item does not exist in this portal.".into(),
        other => {
            let s = other.to_string();
            let mut c = s.chars();
            c.next()
                .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
                .unwrap_or_default()
                + "."
        }
    }
}

fn parse_doc(key: &str) -> Option<DocRef> {
    let (kind, id) = key.split_once(':')?;
    DocRef::parse(kind, id.parse().ok()?)
}

async fn decide(
    State(state): State<Arc<AppState>>,
    SignedIn { tc, member }: SignedIn,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let f = fields(&body);
    let Some(doc) = parse_doc(field(&f, "doc")) else {
        return back(
            &tc,
            "/approvals",
            "error",
            "The form did not say which document to decide.",
        );
    };
    let approve = match field(&f, "decision") {
        "approve" => true,
        "reject" => false,
        _ => return back(&tc, "/approvals", "error", "Choose Approve or Reject."),
    };
    let rid = request_id(&headers);
    match replenish::decide(
        &state.store,
        tc.tenant.id,
        &member,
        doc,
        approve,
        field(&f, "comment"),
        rid.as_deref(),
        now_ms(),
    )
    .await
    {
        Ok(outcome) => {
            state.jobs_wake.notify_one();
            let what = match outcome {
                replenish::Decided::NextStep => "approved; it now waits for the next step",
                replenish::Decided::Approved => "approved",
                replenish::Decided::Rejected => "rejected",
            };
            back(
                &tc,
                "/approvals",
                "notice",
                &format!("{} {} {what}.", doc_label(doc), doc.id()),
            )
        }
        Err(e) => back(&tc, "/approvals", "error", &message(&e)),
    }
}

fn doc_label(doc: DocRef) -> &'static str {
    match doc {
        DocRef::Transfer(_) => "Transfer",
        DocRef::PurchaseOrder(_) => "Purchase order",
    }
}

async fn bulk_approve(
    State(state): State<Arc<AppState>>,
    SignedIn { tc, member }: SignedIn,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let f = fields(&body);
    let docs: Vec<DocRef> = all(&f, "doc").into_iter().filter_map(parse_doc).collect();
    if docs.is_empty() {
        return back(
            &tc,
            "/approvals",
            "error",
            "Select at least one item to approve.",
        );
    }
    if docs.len() > 100 {
        return back(
            &tc,
            "/approvals",
            "error",
            "Approve at most 100 items at once.",
        );
    }
    let rid = request_id(&headers);
    let (mut done, mut refused) = (0, Vec::new());
    // Each decision is its own transaction: one refused item does not undo the others.
    for doc in docs {
        match replenish::decide(
            &state.store,
            tc.tenant.id,
            &member,
            doc,
            true,
            field(&f, "comment"),
            rid.as_deref(),
            now_ms(),
        )
        .await
        {
            Ok(_) => done += 1,
            Err(e) => refused.push(format!("{} {}: {}", doc_label(doc), doc.id(), message(&e))),
        }
    }
    state.jobs_wake.notify_one();
    if refused.is_empty() {
        back(&tc, "/approvals", "notice", &format!("Approved {done}."))
    } else {
        back(
            &tc,
            "/approvals",
            "error",
            &format!("Approved {done}; not approved: {}", refused.join(" ")),
        )
    }
}

async fn delegate(
    State(state): State<Arc<AppState>>,
    SignedIn { tc, member }: SignedIn,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let f = fields(&body);
    let Ok(to_user) = field(&f, "to_user").parse::<i64>() else {
        return back(&tc, "/approvals", "error", "Choose who stands in for you.");
    };
    let Some(role) = Role::parse(field(&f, "role")) else {
        return back(&tc, "/approvals", "error", "Choose the role to hand over.");
    };
    let (Some(first), Some(last)) = (
        engine::model::parse_day(field(&f, "first_day")),
        engine::model::parse_day(field(&f, "last_day")),
    ) else {
        return back(
            &tc,
            "/approvals",
            "error",
            "Give the first and the last day as dates (YYYY-MM-DD).",
        );
    };
    let rid = request_id(&headers);
    // The last day counts in full: the delegation ends when the day after it begins.
    match replenish::delegate(
        &state.store,
        tc.tenant.id,
        &member,
        to_user,
        role,
        first,
        last + 24 * 3_600_000,
        rid.as_deref(),
        now_ms(),
    )
    .await
    {
        Ok(_) => back(
            &tc,
            "/approvals",
            "notice",
            &format!(
                "Your stand-in is set from {} to {}.",
                field(&f, "first_day"),
                field(&f, "last_day")
            ),
        ),
        Err(e) => back(&tc, "/approvals", "error", &message(&e)),
    }
}

async fn end_delegation(
    State(state): State<Arc<AppState>>,
    SignedIn { tc, member }: SignedIn,
    Path(params): Path<HashMap<String, String>>,
    headers: HeaderMap,
) -> Response {
    let id: i64 = params.get("id").and_then(|i| i.parse().ok()).unwrap_or(0);
    let rid = request_id(&headers);
    match replenish::end_delegation(
        &state.store,
        tc.tenant.id,
        &member,
        id,
        rid.as_deref(),
        now_ms(),
    )
    .await
    {
        Ok(()) => back(&tc, "/approvals", "notice", "Your stand-in has ended."),
        Err(EngineError::NotFound) => back(
            &tc,
            "/approvals",
            "error",
            "That stand-in is not yours, or has already ended.",
        ),
        Err(e) => back(&tc, "/approvals", "error", &message(&e)),
    }
}

async fn document_command(
    State(state): State<Arc<AppState>>,
    SignedIn { tc, member }: SignedIn,
    Path(params): Path<HashMap<String, String>>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let kind = params.get("kind").map(String::as_str).unwrap_or("");
    let id: i64 = params.get("id").and_then(|i| i.parse().ok()).unwrap_or(0);
    let page = format!("/documents/{kind}/{id}");
    if kind != "transfer" {
        return back(
            &tc,
            &page,
            "error",
            "Purchase orders change through approvals and the supplier.",
        );
    }
    if !member.plans() {
        return back(
            &tc,
            &page,
            "error",
            "Only planners and admins can ship, receive, change or cancel transfers.",
        );
    }
    let f = fields(&body);
    let qty = field(&f, "quantity").trim().parse::<i64>();
    let cmd =
        match (field(&f, "command"), qty) {
            ("ship", Ok(q)) if q > 0 => TransferCommand::Ship { quantity: q },
            ("receive", Ok(q)) if q >= 0 => TransferCommand::Receive { quantity: q },
            ("edit", Ok(q)) if q > 0 => TransferCommand::Edit { quantity: q },
            ("cancel", _) if field(&f, "confirm") == "yes" => TransferCommand::Cancel,
            ("cancel", _) => {
                return back(
                    &tc,
                    &page,
                    "error",
                    "Tick \"I am sure\" to cancel the transfer.",
                )
            }
            ("ship" | "receive" | "edit", _) => return back(
                &tc,
                &page,
                "error",
                "Quantity must be a whole number (at least 1; 0 is allowed only when receiving).",
            ),
            _ => return back(&tc, &page, "error", "Unknown command."),
        };
    let rid = request_id(&headers);
    match replenish::transfer_command(
        &state.store,
        tc.tenant.id,
        &member,
        id,
        cmd,
        rid.as_deref(),
        now_ms(),
    )
    .await
    {
        Ok(new_state) => {
            state.jobs_wake.notify_one();
            back(
                &tc,
                &page,
                "notice",
                &format!("Transfer {id} is now {}.", new_state.replace('_', " ")),
            )
        }
        Err(e) => back(&tc, &page, "error", &message(&e)),
    }
}

async fn exceptions_act(
    State(state): State<Arc<AppState>>,
    SignedIn { tc, member }: SignedIn,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    if !member.plans() {
        return back(
            &tc,
            "/exceptions",
            "error",
            "Only planners and admins can work the exception queue.",
        );
    }
    let f = fields(&body);
    let ids: Vec<i64> = all(&f, "id")
        .into_iter()
        .filter_map(|i| i.parse().ok())
        .collect();
    let text = field(&f, "text").to_string();
    let action = match field(&f, "action") {
        "assign_me" => Action::AssignTo(Some(member.user_id)),
        "assign" => match field(&f, "assignee").parse() {
            Ok(u) => Action::AssignTo(Some(u)),
            Err(_) => {
                return back(
                    &tc,
                    "/exceptions",
                    "error",
                    "Choose whom to assign them to.",
                )
            }
        },
        "unassign" => Action::AssignTo(None),
        "comment" => Action::Comment(text),
        "resolve" => Action::Resolve(text),
        _ => {
            return back(
                &tc,
                "/exceptions",
                "error",
                "Choose what to do with the selected exceptions.",
            )
        }
    };
    let rid = request_id(&headers);
    match replenish::exceptions::act(
        &state.store,
        tc.tenant.id,
        &member,
        &ids,
        &action,
        rid.as_deref(),
        now_ms(),
    )
    .await
    {
        Ok(n) => back(
            &tc,
            "/exceptions",
            "notice",
            &format!("Updated {n} of {}.", ids.len()),
        ),
        Err(e) => back(&tc, "/exceptions", "error", &message(&e)),
    }
}

async fn replay_job(
    State(state): State<Arc<AppState>>,
    SignedIn { tc, member }: SignedIn,
    Path(params): Path<HashMap<String, String>>,
) -> Response {
    if !member.has(Role::TenantAdmin) {
        return back(
            &tc,
            "/jobs",
            "error",
            "Only the tenant admin can replay jobs.",
        );
    }
    let id: i64 = params.get("id").and_then(|i| i.parse().ok()).unwrap_or(0);
    match state.store.replay_job(tc.tenant.id, id, now_ms()).await {
        Ok(true) => {
            state.jobs_wake.notify_one();
            back(&tc, "/jobs", "notice", &format!("Job {id} will run again."))
        }
        Ok(false) => back(
            &tc,
            "/jobs",
            "error",
            &format!("Job {id} is not a dead letter of this portal."),
        ),
        Err(e) => back(&tc, "/jobs", "error", &message(&EngineError::Store(e))),
    }
}

async fn save_matrix(
    State(state): State<Arc<AppState>>,
    SignedIn { tc, member }: SignedIn,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    if !member.has(Role::TenantAdmin) {
        return back(
            &tc,
            "/settings/approvals",
            "error",
            "Only the tenant admin can change the approval matrix.",
        );
    }
    let f = fields(&body);
    let Ok(window) = field(&f, "po_window_minutes").trim().parse::<i64>() else {
        return back(
            &tc,
            "/settings/approvals",
            "error",
            "The purchase-order window must be a whole number of minutes.",
        );
    };
    let matrix = match replenish::matrix_from_toml(field(&f, "matrix")) {
        Ok(m) => m,
        Err(e) => {
            return back(
                &tc,
                "/settings/approvals",
                "error",
                &format!("The matrix was not saved: {e}"),
            )
        }
    };
    let rid = request_id(&headers);
    let version = field(&f, "version").parse::<i64>().ok();
    match replenish::save_matrix(
        &state.store,
        tc.tenant.id,
        &member,
        &matrix,
        window,
        version,
        rid.as_deref(),
        now_ms(),
    )
    .await
    {
        Ok(v) => back(
            &tc,
            "/settings/approvals",
            "notice",
            &format!("Saved as version {v}."),
        ),
        Err(e) => back(
            &tc,
            "/settings/approvals",
            "error",
            &format!("The matrix was not saved: {}", message(&e)),
        ),
    }
}

/// The policy form's fields as settings, or what is wrong with them (by field).
fn policy_settings(f: &[(String, String)]) -> Result<replenish::PolicySettings, String> {
    let whole = |name: &str, label: &str| -> Result<i64, String> {
        field(f, name)
            .trim()
            .parse::<i64>()
            .map_err(|_| format!("{label} must be a whole number."))
    };
    let method = match field(f, "method") {
        "reorder_point" => replenish::Method::ReorderPoint,
        "min_max" => replenish::Method::MinMax,
        _ => return Err("Choose the method: reorder point or min/max.".into()),
    };
    let service_z = field(f, "service_z")
        .trim()
        .parse::<f64>()
        .map_err(|_| "Service level z must be a number such as 1.65.".to_string())?;
    let lead = field(f, "lead_time_days").trim();
    let lead_time_days = if lead.is_empty() {
        None
    } else {
        Some(
            lead.parse::<i64>()
                .map_err(|_| "Lead time must be a whole number of days, or blank.".to_string())?,
        )
    };
    let mut uplifts = Vec::new();
    for (n, line) in field(f, "uplifts").lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let parts: Vec<&str> = line.split_whitespace().collect();
        let parsed = match parts.as_slice() {
            [a, b, factor] => engine::model::parse_day(a)
                .zip(engine::model::parse_day(b))
                .zip(factor.parse::<f64>().ok()),
            _ => None,
        };
        let Some(((from, last), factor)) = parsed else {
            return Err(format!(
                "Promotion line {}: write first day, last day and factor, e.g. 2026-12-01 2026-12-24 1.5.",
                n + 1
            ));
        };
        uplifts.push(engine::policy::Uplift {
            from_ms: from,
            to_ms: last + 24 * 3_600_000,
            factor,
        });
    }
    let s = replenish::PolicySettings {
        method,
        compute_reorder_point: field(f, "compute_reorder_point") == "yes",
        safety_stock: whole("safety_stock", "Safety stock")?,
        service_z,
        lead_time_days,
        case_pack: whole("case_pack", "Case pack")?,
        moq: whole("moq", "Minimum order quantity")?,
        uplifts,
    };
    s.validate().map_err(|e| format!("Not saved: {e}."))?;
    Ok(s)
}

async fn save_policy(
    State(state): State<Arc<AppState>>,
    SignedIn { tc, member }: SignedIn,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    const PAGE: &str = "/settings/policies";
    if !member.plans() {
        return back(
            &tc,
            PAGE,
            "error",
            "Only planners and admins can change policies.",
        );
    }
    let f = fields(&body);
    let settings = match policy_settings(&f) {
        Ok(s) => s,
        Err(e) => return back(&tc, PAGE, "error", &e),
    };
    let store = &state.store;
    let tenant = tc.tenant.id;
    let class = field(&f, "class").trim();
    let classes = match store.product_classes(tenant).await {
        Ok(c) => c,
        Err(e) => return back(&tc, PAGE, "error", &message(&EngineError::Store(e))),
    };
    if class != "*" && !classes.iter().any(|c| c == class) {
        return back(
            &tc,
            PAGE,
            "error",
            "Choose a product class this portal has, or every class.",
        );
    }
    // Only this tenant's locations: an id from the form is not trusted as it is.
    let location = match field(&f, "location_id").trim() {
        "" => None,
        id => {
            let locations = match store.locations(tenant).await {
                Ok(l) => l,
                Err(e) => return back(&tc, PAGE, "error", &message(&EngineError::Store(e))),
            };
            match id
                .parse::<i64>()
                .ok()
                .filter(|id| locations.iter().any(|l| l.id == *id))
            {
                Some(id) => Some(id),
                None => {
                    return back(
                        &tc,
                        PAGE,
                        "error",
                        "Choose a location of this portal, or every location.",
                    )
                }
            }
        }
    };
    let rid = request_id(&headers);
    match replenish::save_policy(
        store,
        tenant,
        class,
        location,
        &settings,
        &format!("user:{}", member.user_id),
        rid.as_deref(),
        now_ms(),
    )
    .await
    {
        Ok(()) => {
            state.jobs_wake.notify_one();
            back(
                &tc,
                PAGE,
                "notice",
                "Policy saved; the positions it covers are being checked again.",
            )
        }
        Err(e) => back(&tc, PAGE, "error", &message(&e)),
    }
}

async fn delete_policy(
    State(state): State<Arc<AppState>>,
    SignedIn { tc, member }: SignedIn,
    Path(params): Path<HashMap<String, String>>,
    headers: HeaderMap,
) -> Response {
    const PAGE: &str = "/settings/policies";
    if !member.plans() {
        return back(
            &tc,
            PAGE,
            "error",
            "Only planners and admins can change policies.",
        );
    }
    let id: i64 = params.get("id").and_then(|i| i.parse().ok()).unwrap_or(0);
    let rid = request_id(&headers);
    match replenish::delete_policy(&state.store, tc.tenant.id, &member, id, rid.as_deref()).await {
        Ok(()) => {
            state.jobs_wake.notify_one();
            back(
                &tc,
                PAGE,
                "notice",
                "Policy deleted; the next broader one applies.",
            )
        }
        Err(EngineError::NotFound) => {
            back(&tc, PAGE, "error", "That policy does not exist (any more).")
        }
        Err(e) => back(&tc, PAGE, "error", &message(&e)),
    }
}

/// An amount in the tenant's currency units ("1500", "1,500.50") as minor units.
fn parse_money(text: &str) -> Option<i64> {
    let t: String = text
        .trim()
        .chars()
        .filter(|c| *c != ',' && *c != ' ')
        .collect();
    let (whole, frac) = t.split_once('.').unwrap_or((&t, ""));
    if whole.is_empty() || !whole.chars().all(|c| c.is_ascii_digit()) || frac.len() > 2 {
        return None;
    }
    if !frac.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let cents = format!("{frac:0<2}").parse::<i64>().ok()?;
    whole
        .parse::<i64>()
        .ok()?
        .checked_mul(100)?
        .checked_add(cents)
}

/// The add-rule form as a rule, or what is wrong with it (by field).
fn rule_from_form(f: &[(String, String)]) -> Result<engine::approval::Rule, String> {
    use engine::approval::{DocumentType, Outcome, Rule, Step};
    let name = field(f, "name").trim();
    if name.is_empty() || name.chars().count() > 80 {
        return Err("Give the rule a name (at most 80 characters).".into());
    }
    let amount = |key: &str, label: &str| -> Result<Option<i64>, String> {
        let v = field(f, key).trim();
        if v.is_empty() {
            return Ok(None);
        }
        parse_money(v)
            .map(Some)
            .ok_or_else(|| format!("{label} must be an amount such as 1500 or 1500.00."))
    };
    let id = |key: &str, label: &str| -> Result<Option<i64>, String> {
        let v = field(f, key).trim();
        if v.is_empty() {
            return Ok(None);
        }
        v.parse()
            .map(Some)
            .map_err(|_| format!("Choose a {label} from the list."))
    };
    let text = |key: &str| Some(field(f, key).trim().to_string()).filter(|v| !v.is_empty());
    let outcome = match field(f, "outcome") {
        "auto_approve" => Outcome::AutoApprove,
        "steps" => {
            let mut steps = Vec::new();
            for n in 1..=3 {
                let role = field(f, &format!("step{n}_role"));
                if role.is_empty() {
                    continue;
                }
                let role = Role::parse(role)
                    .ok_or_else(|| format!("Step {n}: choose a role from the list."))?;
                let hours = field(f, &format!("step{n}_hours"))
                    .trim()
                    .parse::<i64>()
                    .ok()
                    .filter(|h| (1..=720).contains(h))
                    .ok_or_else(|| format!("Step {n}: escalate after 1 to 720 hours."))?;
                let to = match field(f, &format!("step{n}_escalate_to")) {
                    "" => None,
                    r => Some(Role::parse(r).ok_or_else(|| {
                        format!("Step {n}: choose whom it escalates to from the list.")
                    })?),
                };
                steps.push(Step {
                    role,
                    escalate_after_hours: hours,
                    escalate_to: to,
                });
            }
            if steps.is_empty() {
                return Err(
                    "Give at least one approval step, or choose to approve automatically.".into(),
                );
            }
            Outcome::Steps { steps }
        }
        _ => return Err("Choose what the rule does: approval steps or automatic approval.".into()),
    };
    Ok(Rule {
        name: name.to_string(),
        doc_type: match field(f, "doc_type") {
            "" => None,
            "transfer" => Some(DocumentType::Transfer),
            "purchase_order" => Some(DocumentType::PurchaseOrder),
            _ => return Err("Choose the document type from the list.".into()),
        },
        min_value_minor: amount("min_value", "Value from")?,
        max_value_minor: amount("max_value", "Value up to")?,
        class: text("class"),
        region: text("region"),
        location_id: id("location_id", "location")?,
        supplier_id: id("supplier_id", "supplier")?,
        outcome,
    })
}

async fn add_rule(
    State(state): State<Arc<AppState>>,
    SignedIn { tc, member }: SignedIn,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    const PAGE: &str = "/settings/approvals";
    if !member.has(Role::TenantAdmin) {
        return back(
            &tc,
            PAGE,
            "error",
            "Only the tenant admin can change the approval matrix.",
        );
    }
    let f = fields(&body);
    let Ok(version) = field(&f, "version").parse::<i64>() else {
        return back(
            &tc,
            PAGE,
            "error",
            "The form is missing the matrix version; reload the page.",
        );
    };
    let rule = match rule_from_form(&f) {
        Ok(r) => r,
        Err(e) => return back(&tc, PAGE, "error", &format!("The rule was not added: {e}")),
    };
    if let Err(e) = own_ids(&state, &tc, &rule).await {
        return back(&tc, PAGE, "error", &format!("The rule was not added: {e}"));
    }
    let name = rule.name.clone();
    let rid = request_id(&headers);
    match replenish::edit_matrix(
        &state.store,
        tc.tenant.id,
        &member,
        version,
        replenish::RuleEdit::Add(rule),
        rid.as_deref(),
        now_ms(),
    )
    .await
    {
        Ok(v) => back(
            &tc,
            PAGE,
            "notice",
            &format!("Rule \"{name}\" added (version {v})."),
        ),
        Err(e) => back(
            &tc,
            PAGE,
            "error",
            &format!("The rule was not added: {}", message(&e)),
        ),
    }
}

/// A rule's location and supplier must be this tenant's: ids from a form are not
/// trusted as they are.
async fn own_ids(
    state: &AppState,
    tc: &TenantCtx,
    rule: &engine::approval::Rule,
) -> Result<(), String> {
    let (locations, suppliers) = state
        .store
        .labels(tc.tenant.id)
        .await
        .map_err(|e| message(&EngineError::Store(e)))?;
    if rule
        .location_id
        .is_some_and(|l| !locations.iter().any(|x| x.0 == l))
    {
        return Err("Choose a location of this portal.".into());
    }
    if rule
        .supplier_id
        .is_some_and(|s| !suppliers.iter().any(|x| x.0 == s))
    {
        return Err("Choose a supplier of this portal.".into());
    }
    Ok(())
}

async fn change_rule(
    State(state): State<Arc<AppState>>,
    SignedIn { tc, member }: SignedIn,
    Path(params): Path<HashMap<String, String>>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    const PAGE: &str = "/settings/approvals";
    if !member.has(Role::TenantAdmin) {
        return back(
            &tc,
            PAGE,
            "error",
            "Only the tenant admin can change the approval matrix.",
        );
    }
    let f = fields(&body);
    let (Ok(version), Some(index)) = (
        field(&f, "version").parse::<i64>(),
        params.get("index").and_then(|i| i.parse::<usize>().ok()),
    ) else {
        return back(
            &tc,
            PAGE,
            "error",
            "The form is missing the rule or the matrix version; reload the page.",
        );
    };
    let (edit, done) = match params.get("op").map(String::as_str) {
        Some("up") => (replenish::RuleEdit::MoveUp(index), "moved up"),
        Some("down") => (replenish::RuleEdit::MoveDown(index), "moved down"),
        Some("delete") => (replenish::RuleEdit::Delete(index), "deleted"),
        _ => return back(&tc, PAGE, "error", "Unknown change."),
    };
    let rid = request_id(&headers);
    match replenish::edit_matrix(
        &state.store,
        tc.tenant.id,
        &member,
        version,
        edit,
        rid.as_deref(),
        now_ms(),
    )
    .await
    {
        Ok(v) => back(
            &tc,
            PAGE,
            "notice",
            &format!("Rule {} {done} (version {v}).", index + 1),
        ),
        Err(e) => back(
            &tc,
            PAGE,
            "error",
            &format!("Nothing was changed: {}", message(&e)),
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
        for bad in ["", "-5", "1.234", "ten", "1.x", ".5"] {
            assert_eq!(super::parse_money(bad), None, "{bad:?}");
        }
    }
}
