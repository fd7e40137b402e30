//! A person's own account, for every audience: the second step of a sign-in, a
//! forgotten password, the account page (password, two-step sign-in) and the recovery
//! codes shown once. Plain forms posted to the server, so they work without JavaScript.

use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::api::{
    get_account, get_password_reset, get_second_step, get_two_factor_setup, take_recovery_codes,
};
use crate::components::{error_text, Flash, SignedInPage};
use crate::views::{AccountView, Portal, SetupView};
use crate::PortalResource;

/// The QR code, the secret to type instead, and the form that confirms the app with
/// its first code.
#[component]
fn Setup(
    setup: SetupView,
    action: String,
    lang: i18n::Lang,
    #[prop(optional)] with_password: bool,
) -> impl IntoView {
    view! {
        <ol class="steps">
            <li>{i18n::t(lang, "people-setup-step-app")}</li>
            <li>{i18n::t(lang, "people-setup-step-scan")}</li>
        </ol>
        {setup.qr_svg.map(|svg| view! {
            <div class="qr" role="img" aria-label=i18n::t(lang, "people-setup-qr-label") inner_html=svg></div>
        })}
        <p>{i18n::t(lang, "people-setup-key")} " " <code class="secret">{setup.secret}</code></p>
        <p class="muted"><a href=setup.uri>{i18n::t(lang, "people-setup-open-app")}</a></p>
        <form method="post" action=action class="stack">
            {with_password.then(|| view! {
                <label for="password">{i18n::t(lang, "people-your-password")}</label>
                <input id="password" name="password" type="password" autocomplete="current-password" required/>
            })}
            <label for="code">{i18n::t(lang, "people-setup-code")}</label>
            <input id="code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9 ]{6,7}" maxlength="7" required autofocus/>
            <button type="submit" class="primary">{i18n::t(lang, "people-two-factor-turn-on")}</button>
        </form>
    }
}

/// The second step of a sign-in: a code (or recovery code), or setting up the app when
/// the portal requires it.
#[component]
pub fn SecondStepPage() -> impl IntoView {
    let portal = expect_context::<PortalResource>();
    let step = Resource::new(|| (), |_| get_second_step());
    view! {
        <Suspense fallback=|| crate::pages::loading()>
            {move || Suspend::new(async move {
                let Ok(p) = portal.await else { return ().into_any() };
                let lang = p.lang;
                match step.await {
                    Ok(s) => match s.setup {
                        Some(setup) => view! {
                            <section class="card narrow">
                                <h1>{i18n::t(lang, "people-setup-heading")}</h1>
                                <Flash/>
                                <p>{i18n::t_args(lang, "people-setup-required", &[("tenant", p.tenant_name.clone().into())])}</p>
                                <Setup setup=setup action=p.href("/login/two-factor/setup") lang=lang/>
                            </section>
                        }.into_any(),
                        None => view! {
                            <section class="card narrow">
                                <h1>{i18n::t(lang, "people-two-factor-heading")}</h1>
                                <Flash/>
                                <form method="post" action=p.href("/login/two-factor") class="stack">
                                    <label for="code">{i18n::t(lang, "people-second-step-code")}</label>
                                    <input id="code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code" maxlength="12" required autofocus/>
                                    <button type="submit" class="primary">{i18n::t(lang, "people-sign-in")}</button>
                                </form>
                                <p class="muted">{i18n::t(lang, "people-second-step-recovery")}</p>
                                <p><a href=p.href("/login")>{i18n::t(lang, "people-start-again")}</a></p>
                            </section>
                        }.into_any(),
                    },
                    Err(e) => view! {
                        <section class="card narrow">
                            <h1>{i18n::t(lang, "people-sign-in-again")}</h1>
                            <p class="error" role="alert">{error_text(lang, e)}</p>
                            <p><a href=p.href("/login")>{i18n::t(lang, "people-go-to-sign-in")}</a></p>
                        </section>
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// Asking for a password reset link: the answer never says whether the address has an
/// account here.
#[component]
pub fn ForgotPage() -> impl IntoView {
    let portal = expect_context::<PortalResource>();
    let query = use_query_map();
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                let p = portal.await.ok()?;
                let sent = query.read().get("sent").is_some();
                let lang = p.lang;
                Some(view! {
                    <section class="card narrow">
                        <h1>{i18n::t(lang, "people-forgot-heading")}</h1>
                        <Flash/>
                        {if sent {
                            view! {
                                <p class="notice" role="status">{i18n::t(lang, "people-forgot-sent")}</p>
                                <p><a href=p.href("/login")>{i18n::t(lang, "people-back-to-sign-in")}</a></p>
                            }.into_any()
                        } else {
                            view! {
                                <p>{i18n::t(lang, "people-forgot-intro")}</p>
                                <form method="post" action=p.href("/forgot") class="stack">
                                    <label for="email">{i18n::t(lang, "people-email")}</label>
                                    <input id="email" name="email" type="email" autocomplete="username" maxlength="254" required autofocus/>
                                    <button type="submit" class="primary">{i18n::t(lang, "people-forgot-send")}</button>
                                </form>
                                <p><a href=p.href("/login")>{i18n::t(lang, "people-back-to-sign-in")}</a></p>
                            }.into_any()
                        }}
                    </section>
                })
            })}
        </Suspense>
    }
}

/// Choosing a new password from a reset link.
#[component]
pub fn ResetPage() -> impl IntoView {
    let params = use_params_map();
    let token = Memo::new(move |_| params.read().get("token").unwrap_or_default());
    let reset = Resource::new(move || token.get(), get_password_reset);
    let portal = expect_context::<PortalResource>();
    view! {
        <Suspense fallback=|| crate::pages::loading()>
            {move || Suspend::new(async move {
                let Ok(p) = portal.await else { return ().into_any() };
                let lang = p.lang;
                match reset.await {
                    Ok(()) => {
                        let action = p.href(&format!("/reset/{}", token.get_untracked()));
                        view! {
                            <section class="card narrow">
                                <h1>{i18n::t(lang, "people-reset-heading")}</h1>
                                <Flash/>
                                <form method="post" action=action class="stack">
                                    <label for="password">{i18n::t(lang, "people-new-password")}</label>
                                    <input id="password" type="password" name="password" required minlength="8" maxlength="128" autocomplete="new-password" autofocus/>
                                    <label for="repeat">{i18n::t(lang, "people-repeat-password")}</label>
                                    <input id="repeat" type="password" name="repeat" required minlength="8" maxlength="128" autocomplete="new-password"/>
                                    <button type="submit" class="primary">{i18n::t(lang, "people-reset-save")}</button>
                                </form>
                                <p class="muted">{i18n::t(lang, "people-reset-note")}</p>
                            </section>
                        }.into_any()
                    }
                    Err(e) => view! {
                        <section class="card narrow">
                            <h1>{i18n::t(lang, "people-link-unusable")}</h1>
                            <p class="error" role="alert">{error_text(lang, e)}</p>
                            <p><a href=p.href("/forgot")>{i18n::t(lang, "people-reset-ask-new")}</a></p>
                        </section>
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
pub fn AccountPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| get_account());
    view! {
        <SignedInPage data=data render=move |p: Portal, a: AccountView| view! { <Account portal=p account=a/> }.into_any()/>
    }
}

#[component]
fn Account(portal: Portal, account: AccountView) -> impl IntoView {
    let lang = portal.lang;
    let codes_left = account.recovery_codes_left;
    view! {
        <section class="card">
            <h1>{i18n::t(lang, "people-account-heading")}</h1>
            <Flash/>
            <p>{account.name} " · " <span class="muted">{account.email}</span></p>
        </section>
        <section class="card">
            <h2>{i18n::t(lang, "people-two-factor-heading")}</h2>
            {if account.two_factor_on {
                view! {
                    <p class="notice">{i18n::t(lang, "people-two-factor-on")}</p>
                    <p class="muted">{i18n::t_args(lang, "people-recovery-left", &[("left", codes_left.into())])}</p>
                    <details>
                        <summary>{i18n::t(lang, "people-recovery-new-summary")}</summary>
                        <form method="post" action=portal.href("/account/recovery-codes") class="stack">
                            <label for="renew-code">{i18n::t(lang, "people-recovery-renew-code")}</label>
                            <input id="renew-code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code" maxlength="7" required/>
                            <button type="submit">{i18n::t(lang, "people-recovery-renew")}</button>
                        </form>
                    </details>
                    {if account.two_factor_required {
                        view! { <p class="muted">{i18n::t(lang, "people-two-factor-required")}</p> }.into_any()
                    } else {
                        view! {
                            <details>
                                <summary>{i18n::t(lang, "people-two-factor-off-summary")}</summary>
                                <form method="post" action=portal.href("/account/two-factor/off") class="stack">
                                    <label for="off-code">{i18n::t(lang, "people-two-factor-off-code")}</label>
                                    <input id="off-code" name="code" type="text" autocomplete="one-time-code" maxlength="12" required/>
                                    <button type="submit" class="danger">{i18n::t(lang, "people-two-factor-turn-off")}</button>
                                </form>
                            </details>
                        }.into_any()
                    }}
                }.into_any()
            } else {
                view! {
                    <p>{i18n::t(lang, "people-two-factor-off-intro")}</p>
                    <p><a class="button primary" href=portal.href("/account/two-factor")>{i18n::t(lang, "people-two-factor-turn-on")}</a></p>
                }.into_any()
            }}
        </section>
        <LanguageCard portal=portal.clone() chosen=account.language/>
        <section class="card">
            <h2>{i18n::t(lang, "people-password-heading")}</h2>
            <form method="post" action=portal.href("/account/password") class="stack">
                <label for="current">{i18n::t(lang, "people-current-password")}</label>
                <input id="current" type="password" name="current" required autocomplete="current-password"/>
                <label for="password">{i18n::t(lang, "people-new-password")}</label>
                <input id="password" type="password" name="password" required minlength="8" maxlength="128" autocomplete="new-password"/>
                <label for="repeat">{i18n::t(lang, "people-repeat-password")}</label>
                <input id="repeat" type="password" name="repeat" required minlength="8" maxlength="128" autocomplete="new-password"/>
                <button type="submit">{i18n::t(lang, "people-password-change")}</button>
            </form>
            <p class="muted">{i18n::t(lang, "people-password-change-note")}</p>
        </section>
    }
}

/// The language the person reads: their choice, or their browser's.
#[component]
fn LanguageCard(portal: Portal, chosen: Option<i18n::Lang>) -> impl IntoView {
    let lang = portal.lang;
    let t = move |id: &str| i18n::t(lang, id);
    view! {
        <section class="card" lang=lang.code()>
            <h2>{t("language-heading")}</h2>
            <p class="muted">{t("language-intro")}</p>
            <form method="post" action=portal.href("/account/language") class="stack">
                <label for="language">{t("language-choice")}</label>
                <select id="language" name="language">
                    <option value="" selected=chosen.is_none()>{t("language-browser")}</option>
                    {i18n::Lang::ALL.into_iter().map(|l| view! {
                        <option value=l.code() selected=chosen == Some(l) lang=l.code()>{l.name()}</option>
                    }).collect_view()}
                </select>
                <button type="submit">{t("language-save")}</button>
            </form>
        </section>
    }
}

/// Setting up an authenticator app from the account page.
#[component]
pub fn TwoFactorSetupPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| get_two_factor_setup());
    view! {
        <SignedInPage data=data render=move |p: Portal, s: SetupView| view! {
            <section class="card narrow">
                <h1>{i18n::t(p.lang, "people-two-factor-turn-on")}</h1>
                <Flash/>
                <Setup setup=s action=p.href("/account/two-factor") lang=p.lang with_password=true/>
                <p><a href=p.href("/account")>{i18n::t(p.lang, "people-cancel")}</a></p>
            </section>
        }.into_any()/>
    }
}

/// The recovery codes just issued, shown this once.
#[component]
pub fn RecoveryCodesPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| take_recovery_codes());
    view! {
        <SignedInPage data=data render={move |p: Portal, codes: Vec<String>| view! { <Codes portal=p codes=codes/> }.into_any()}/>
    }
}

#[component]
fn Codes(portal: Portal, codes: Vec<String>) -> impl IntoView {
    let lang = portal.lang;
    if codes.is_empty() {
        return view! {
            <section class="card narrow">
                <h1>{i18n::t(lang, "people-recovery-heading")}</h1>
                <p>{i18n::t(lang, "people-recovery-shown-once")}</p>
                <p><a href=portal.href("/account")>{i18n::t(lang, "people-account-heading")}</a></p>
            </section>
        }
        .into_any();
    }
    view! {
        <section class="card narrow">
            <h1>{i18n::t(lang, "people-recovery-keep-heading")}</h1>
            <Flash/>
            <p>{i18n::t(lang, "people-recovery-keep-intro")}</p>
            <ul class="recovery-codes">
                {codes.into_iter().map(|c| view! { <li><code>{c}</code></li> }).collect_view()}
            </ul>
            <p><a class="button primary" href=portal.href("/")>{i18n::t(lang, "people-recovery-kept")}</a></p>
        </section>
    }
    .into_any()
}
