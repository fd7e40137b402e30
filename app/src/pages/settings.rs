//! The tenant admin edits the approval matrix (as TOML, checked before saving) and the
//! purchase-order consolidation window.

use leptos::prelude::*;
use leptos_router::components::Redirect;

use crate::api::get_matrix;
use crate::components::Flash;
use crate::PortalResource;

#[component]
pub fn ApprovalSettingsPage() -> impl IntoView {
    let portal = expect_context::<PortalResource>();
    let data = Resource::new(|| (), |_| get_matrix());
    view! {
        <Suspense fallback=|| view! { <p class="muted">"Loading…"</p> }>
            {move || Suspend::new(async move {
                let Ok(p) = portal.await else { return ().into_any() };
                if p.user.is_none() {
                    return view! { <Redirect path=p.href("/login")/> }.into_any();
                }
                let v = match data.await {
                    Ok(v) => v,
                    Err(e) => return view! { <section class="card"><p class="error" role="alert">{e.to_string()}</p></section> }.into_any(),
                };
                let action = p.href("/settings/approvals");
                view! {
                    <section class="card">
                        <h1>"Approval matrix"</h1>
                        <Flash/>
                        <p class="muted">
                            "Rules are checked top to bottom; the first that matches decides. A rule matches on "
                            <code>"doc_type"</code> " (transfer, purchase_order), " <code>"min_value_minor"</code> ", "
                            <code>"max_value_minor"</code> " (in cents), " <code>"class"</code> ", " <code>"region"</code> ", "
                            <code>"location_id"</code> " and " <code>"supplier_id"</code> "; its outcome is "
                            <code>"kind = \"auto_approve\""</code> " or " <code>"kind = \"steps\""</code>
                            " with steps naming a role, hours before escalation and the role it escalates to. Nothing above "
                            <code>"auto_approve_limit_minor"</code> " is ever approved automatically."
                        </p>
                        <form method="post" action=action class="matrix">
                            <label>"Purchase-order window (minutes) "
                                <input type="number" name="po_window_minutes" min="1" max="10080" value=v.po_window_minutes.to_string() required/>
                            </label>
                            <label for="matrix">"Matrix"</label>
                            <textarea id="matrix" name="matrix" rows="24" spellcheck="false">{v.toml}</textarea>
                            <button type="submit" class="primary">"Save"</button>
                        </form>
                    </section>
                }.into_any()
            })}
        </Suspense>
    }
}
