//! The jobs page's post: run a dead-lettered job again.

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::response::Response;
use engine::model::now_ms;

use super::{id, param, Params, SignedIn};
use crate::state::AppState;

const PAGE: &str = "/jobs";

pub async fn replay(
    State(state): State<Arc<AppState>>,
    me: SignedIn,
    Path(params): Path<Params>,
) -> Response {
    let job = id(param(&params, "id")).unwrap_or(0);
    let (store, t) = (&state.store, me.tc.tenant.id);
    match engine::worker::replay(store, t, &me.member, job, me.rid(), now_ms()).await {
        Ok(()) => {
            state.jobs_wake.notify_one();
            me.notice(
                PAGE,
                &i18n::t_args(
                    me.tc.lang,
                    "site-job-replayed",
                    &[("job", job.to_string().into())],
                ),
            )
        }
        Err(e) => me.fail(PAGE, &e),
    }
}
