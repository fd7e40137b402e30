//! Background jobs of the tenant and their dead letters.

use engine::model::Permission;
use leptos::prelude::*;

use super::context::require;
use super::error::internal;
use crate::views::*;

pub async fn jobs() -> Result<JobsView, ServerFnError> {
    let (ctx, tc, member) = require(Permission::SeeJobs).await?;
    let tenant = tc.tenant.id;
    Ok(JobsView {
        counts: ctx.store.job_counts(Some(tenant)).await.map_err(internal)?,
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
