//! Server functions of the portal area: each authorises and loads in `ssr`.

use leptos::prelude::*;

use crate::views::*;

#[server(endpoint = "portal")]
pub async fn get_portal() -> Result<Portal, ServerFnError> {
    crate::ssr::portal::portal().await
}
