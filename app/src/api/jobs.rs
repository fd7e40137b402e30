//! Server functions of the jobs area: each authorises and loads in `ssr`.

use leptos::prelude::*;

use crate::views::*;

#[server(endpoint = "jobs")]
pub async fn get_jobs() -> Result<JobsView, ServerFnError> {
    crate::ssr::jobs::jobs().await
}
