//! Server functions of the approvals area: each authorises and loads in `ssr`.

use leptos::prelude::*;

use crate::views::*;

#[server(endpoint = "inbox")]
pub async fn get_inbox() -> Result<Inbox, ServerFnError> {
    crate::ssr::approvals::inbox().await
}
