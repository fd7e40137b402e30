//! Server functions of the imports pages.

use leptos::prelude::*;

use crate::views::*;

/// The tenant's recent imports, what can be imported and exported.
#[server(endpoint = "imports")]
pub async fn get_imports() -> Result<ImportsView, ServerFnError> {
    crate::ssr::imports::page().await
}

/// One import: where its check is, and its report.
#[server(endpoint = "import")]
pub async fn get_import(id: i64) -> Result<ImportView, ServerFnError> {
    crate::ssr::imports::one(id).await
}
