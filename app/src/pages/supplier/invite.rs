//! An invitation to the retailer's portal (as a supplier's person, or for a staff role),
//! opened from its e-mail: a new
//! person chooses a password; someone who already has an account here confirms with
//! theirs. Accepting signs them in.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::api::get_invite;
use crate::components::{error_text, Flash};
use crate::views::InviteView;
use crate::PortalResource;

#[component]
pub fn InvitePage() -> impl IntoView {
    let params = use_params_map();
    let token = Memo::new(move |_| params.read().get("token").unwrap_or_default());
    let invite = Resource::new(move || token.get(), get_invite);
    let portal = expect_context::<PortalResource>();
    view! {
        <Suspense fallback=|| view! { <p class="muted">"Loading…"</p> }>
            {move || Suspend::new(async move {
                let Ok(p) = portal.await else { return ().into_any() };
                match invite.await {
                    Ok(i) => {
                        let action = p.href(&format!("/invite/{}", token.get_untracked()));
                        view! { <Invite invite=i action=action/> }.into_any()
                    }
                    Err(e) => view! {
                        <section class="card narrow">
                            <h1>"This invitation cannot be used"</h1>
                            <p class="error" role="alert">{error_text(e)}</p>
                        </section>
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Invite(invite: InviteView, action: String) -> impl IntoView {
    view! {
        <section class="card narrow">
            <p class="muted">{format!("From {}", invite.retailer)}</p>
            <h1>{if invite.supplier.is_empty() { "Join the portal" } else { "Join the supplier portal" }}</h1>
            <Flash/>
            <p>{if invite.supplier.is_empty() {
                format!(
                    "You are invited to {}'s replenishment portal as {} {}. The invitation is for {} and works until {}.",
                    invite.retailer,
                    if invite.role.starts_with(['a', 'e', 'i', 'o', 'u']) { "an" } else { "a" },
                    invite.role, invite.email, invite.expires_on
                )
            } else {
                format!(
                    "You are invited to answer {}'s purchase orders for {}. The invitation is for {} and works until {}.",
                    invite.retailer, invite.supplier, invite.email, invite.expires_on
                )
            }}</p>
            {if invite.has_account {
                view! {
                    <form method="post" action=action.clone() class="stack">
                        <input type="hidden" name="mode" value="existing"/>
                        <p>"This address already has an account here (for another retailer). Confirm with its password: your access to each retailer stays separate."</p>
                        <label for="password">"Your password"</label>
                        <input id="password" type="password" name="password" required autocomplete="current-password"/>
                        <button type="submit" class="primary">"Accept the invitation"</button>
                    </form>
                }.into_any()
            } else {
                view! {
                    <form method="post" action=action.clone() class="stack">
                        <input type="hidden" name="mode" value="new"/>
                        <label for="name">"Your name"</label>
                        <input id="name" type="text" name="name" required maxlength="100" autocomplete="name" value=invite.name.clone()/>
                        <label for="password">"Choose a password (at least 8 characters)"</label>
                        <input id="password" type="password" name="password" required minlength="8" maxlength="128" autocomplete="new-password"/>
                        <label for="repeat">"The same password again"</label>
                        <input id="repeat" type="password" name="repeat" required minlength="8" maxlength="128" autocomplete="new-password"/>
                        <button type="submit" class="primary">"Accept and sign in"</button>
                    </form>
                }.into_any()
            }}
        </section>
    }
}
