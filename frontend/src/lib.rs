//! Browser entry point: hydrates the server-rendered portal.

use wasm_bindgen::prelude::wasm_bindgen;

#[wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    // Path-form tenants (/t/<slug>/…) send their server-function calls under the same
    // prefix, so the server resolves the tenant for them as it did for the page.
    let base = leptos::prelude::document()
        .query_selector("meta[name=sw-base]")
        .ok()
        .flatten()
        .and_then(|m| m.get_attribute("content"))
        .unwrap_or_default();
    if !base.is_empty() {
        let _ = leptos::server_fn::client::try_set_server_url(Box::leak(base.into_boxed_str()));
    }
    leptos::mount::hydrate_body(app::App);
    // Lets browser tests (and curious people) see that the page is live.
    if let Some(body) = leptos::prelude::document().body() {
        let _ = body.set_attribute("data-hydrated", "true");
    }
}
