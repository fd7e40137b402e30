//! Background jobs of the tenant and their dead letters.

use engine::model::Permission;
use leptos::prelude::*;

use super::context::require;
use super::error::internal;
use crate::views::*;

pub async fn jobs() -> Result<JobsView, ServerFnError> {
    let (ctx, tc, member) = require(Permission::SeeJobs).await?;
    let tenant = tc.tenant.id;
    let lang = tc.lang;
    Ok(JobsView {
        counts: ctx
            .store
            .job_counts(Some(tenant))
            .await
            .map_err(internal)?
            .into_iter()
            .map(|(state, n)| (state_label(lang, &state), n))
            .collect(),
        dead: ctx
            .store
            .dead_jobs(tenant, 100)
            .await
            .map_err(internal)?
            .into_iter()
            .map(|j| DeadJob {
                id: j.id,
                kind: j.kind,
                attempts: j.attempt,
                last_error: j.last_error.unwrap_or_default(),
            })
            .collect(),
        can_replay: member.can(Permission::ReplayJobs),
    })
}

/// A job state as the jobs page says it ("retryable" in the reader's language).
fn state_label(lang: i18n::Lang, state: &str) -> String {
    let id = match state {
        "available" => "staff-job-state-available",
        "scheduled" => "staff-job-state-scheduled",
        "running" => "staff-job-state-running",
        "retryable" => "staff-job-state-retryable",
        "completed" => "staff-job-state-completed",
        "discarded" => "staff-job-state-discarded",
        "cancelled" => "staff-job-state-cancelled",
        other => return other.replace('_', " "),
    };
    i18n::t(lang, id)
}
