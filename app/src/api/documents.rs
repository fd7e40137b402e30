//! Server functions of the documents area: each authorises and loads in `ssr`.

use leptos::prelude::*;

use crate::views::*;

#[server(endpoint = "document")]
pub async fn get_document(doc_type: String, id: i64) -> Result<DocumentView, ServerFnError> {
    crate::ssr::documents::document(doc_type, id).await
}

#[server(endpoint = "documents")]
pub async fn get_documents() -> Result<Documents, ServerFnError> {
    crate::ssr::documents::documents().await
}
