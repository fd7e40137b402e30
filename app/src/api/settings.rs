//! Server functions of the settings area: each authorises and loads in `ssr`.

use leptos::prelude::*;

use crate::views::*;

#[server(endpoint = "matrix")]
pub async fn get_matrix() -> Result<MatrixView, ServerFnError> {
    crate::ssr::settings::matrix().await
}

#[server(endpoint = "policies")]
pub async fn get_policies(edit: Option<i64>) -> Result<PoliciesView, ServerFnError> {
    crate::ssr::settings::policies(edit).await
}
