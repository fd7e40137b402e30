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
        <Suspense fallback=|| crate::pages::loading()>
            {move || Suspend::new(async move {
                let Ok(p) = portal.await else { return ().into_any() };
                let lang = p.lang;
                match invite.await {
                    Ok(i) => {
                        let action = p.href(&format!("/invite/{}", token.get_untracked()));
                        view! { <Invite invite=i action=action lang=lang/> }.into_any()
                    }
                    Err(e) => view! {
                        <section class="card narrow">
                            <h1>{i18n::t(lang, "people-invite-unusable")}</h1>
                            <p class="error" role="alert">{error_text(lang, e)}</p>
                        </section>
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Invite(invite: InviteView, action: String, lang: i18n::Lang) -> impl IntoView {
    view! {
        <section class="card narrow">
            <p class="muted">{i18n::t_args(lang, "people-from", &[("retailer", invite.retailer.clone().into())])}</p>
            <h1>{if invite.supplier.is_empty() {
                i18n::t(lang, "people-invite-join")
            } else {
                i18n::t(lang, "people-invite-join-supplier")
            }}</h1>
            <Flash/>
            <p>{if invite.supplier.is_empty() {
                // The role comes with its article where the language needs one ("a planner").
                i18n::t_args(lang, "people-invite-staff", &[
                    ("retailer", invite.retailer.clone().into()),
                    ("role", invite.role.clone().into()),
                    ("email", invite.email.clone().into()),
                    ("until", invite.expires_on.clone().into()),
                ])
            } else {
                i18n::t_args(lang, "people-invite-supplier", &[
                    ("retailer", invite.retailer.clone().into()),
                    ("supplier", invite.supplier.clone().into()),
                    ("email", invite.email.clone().into()),
                    ("until", invite.expires_on.clone().into()),
                ])
            }}</p>
            {if invite.has_account {
                view! {
                    <form method="post" action=action.clone() class="stack">
                        <input type="hidden" name="mode" value="existing"/>
                        <p>{i18n::t(lang, "people-invite-existing")}</p>
                        <label for="password">{i18n::t(lang, "people-your-password")}</label>
                        <input id="password" type="password" name="password" required autocomplete="current-password"/>
                        <button type="submit" class="primary">{i18n::t(lang, "people-invite-accept")}</button>
                    </form>
                }.into_any()
            } else {
                view! {
                    <form method="post" action=action.clone() class="stack">
                        <input type="hidden" name="mode" value="new"/>
                        <label for="name">{i18n::t(lang, "people-your-name")}</label>
                        <input id="name" type="text" name="name" required maxlength="100" autocomplete="name" value=invite.name.clone()/>
                        <label for="password">{i18n::t(lang, "people-choose-password")}</label>
                        <input id="password" type="password" name="password" required minlength="8" maxlength="128" autocomplete="new-password"/>
                        <label for="repeat">{i18n::t(lang, "people-repeat-password")}</label>
                        <input id="repeat" type="password" name="repeat" required minlength="8" maxlength="128" autocomplete="new-password"/>
                        <button type="submit" class="primary">{i18n::t(lang, "people-invite-accept-sign-in")}</button>
                    </form>
                }.into_any()
            }}
        </section>
    }
}
