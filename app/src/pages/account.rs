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
fn Setup(setup: SetupView, action: String, #[prop(optional)] with_password: bool) -> impl IntoView {
    view! {
        <ol class="steps">
            <li>"Open an authenticator app on your phone (such as Aegis, Google Authenticator, Microsoft Authenticator or 1Password) and add an account."</li>
            <li>"Scan this code, or type the key below it."</li>
        </ol>
        {setup.qr_svg.map(|svg| view! {
            <div class="qr" role="img" aria-label="QR code of the key for your authenticator app" inner_html=svg></div>
        })}
        <p>"Key: " <code class="secret">{setup.secret}</code></p>
        <p class="muted"><a href=setup.uri>"Open in an authenticator app on this device"</a></p>
        <form method="post" action=action class="stack">
            {with_password.then(|| view! {
                <label for="password">"Your password"</label>
                <input id="password" name="password" type="password" autocomplete="current-password" required/>
            })}
            <label for="code">"The six-digit code the app shows"</label>
            <input id="code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9 ]{6,7}" maxlength="7" required autofocus/>
            <button type="submit" class="primary">"Turn on two-step sign-in"</button>
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
        <Suspense fallback=|| view! { <p class="muted">"Loading…"</p> }>
            {move || Suspend::new(async move {
                let Ok(p) = portal.await else { return ().into_any() };
                match step.await {
                    Ok(s) => match s.setup {
                        Some(setup) => view! {
                            <section class="card narrow">
                                <h1>"Set up two-step sign-in"</h1>
                                <Flash/>
                                <p>{format!("{} asks everyone to confirm each sign-in with a code from an app on their phone. It takes a minute, once.", p.tenant_name)}</p>
                                <Setup setup=setup action=p.href("/login/two-factor/setup")/>
                            </section>
                        }.into_any(),
                        None => view! {
                            <section class="card narrow">
                                <h1>"Two-step sign-in"</h1>
                                <Flash/>
                                <form method="post" action=p.href("/login/two-factor") class="stack">
                                    <label for="code">"The six-digit code your authenticator app shows"</label>
                                    <input id="code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code" maxlength="12" required autofocus/>
                                    <button type="submit" class="primary">"Sign in"</button>
                                </form>
                                <p class="muted">"No phone at hand? Type one of your recovery codes instead (such as abcde-fghjk); each works once."</p>
                                <p><a href=p.href("/login")>"Start again"</a></p>
                            </section>
                        }.into_any(),
                    },
                    Err(e) => view! {
                        <section class="card narrow">
                            <h1>"Sign in again"</h1>
                            <p class="error" role="alert">{error_text(e)}</p>
                            <p><a href=p.href("/login")>"Go to sign-in"</a></p>
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
                Some(view! {
                    <section class="card narrow">
                        <h1>"Forgot your password?"</h1>
                        <Flash/>
                        {if sent {
                            view! {
                                <p class="notice" role="status">"If that address has an account here, we have sent it a link to choose a new password. It works once, for an hour. Check your spam folder if nothing arrives in a few minutes."</p>
                                <p><a href=p.href("/login")>"Back to sign-in"</a></p>
                            }.into_any()
                        } else {
                            view! {
                                <p>"Type the e-mail address you sign in with. We will send it a link to choose a new password."</p>
                                <form method="post" action=p.href("/forgot") class="stack">
                                    <label for="email">"E-mail"</label>
                                    <input id="email" name="email" type="email" autocomplete="username" maxlength="254" required autofocus/>
                                    <button type="submit" class="primary">"Send the link"</button>
                                </form>
                                <p><a href=p.href("/login")>"Back to sign-in"</a></p>
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
        <Suspense fallback=|| view! { <p class="muted">"Loading…"</p> }>
            {move || Suspend::new(async move {
                let Ok(p) = portal.await else { return ().into_any() };
                match reset.await {
                    Ok(()) => {
                        let action = p.href(&format!("/reset/{}", token.get_untracked()));
                        view! {
                            <section class="card narrow">
                                <h1>"Choose a new password"</h1>
                                <Flash/>
                                <form method="post" action=action class="stack">
                                    <label for="password">"New password (at least 8 characters)"</label>
                                    <input id="password" type="password" name="password" required minlength="8" maxlength="128" autocomplete="new-password" autofocus/>
                                    <label for="repeat">"The same password again"</label>
                                    <input id="repeat" type="password" name="repeat" required minlength="8" maxlength="128" autocomplete="new-password"/>
                                    <button type="submit" class="primary">"Save the new password"</button>
                                </form>
                                <p class="muted">"Saving it signs you out everywhere else. Two-step sign-in, if you use it, stays on."</p>
                            </section>
                        }.into_any()
                    }
                    Err(e) => view! {
                        <section class="card narrow">
                            <h1>"This link cannot be used"</h1>
                            <p class="error" role="alert">{error_text(e)}</p>
                            <p><a href=p.href("/forgot")>"Ask for a new link"</a></p>
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
    let codes_left = account.recovery_codes_left;
    view! {
        <section class="card">
            <h1>"Your account"</h1>
            <Flash/>
            <p>{account.name} " · " <span class="muted">{account.email}</span></p>
        </section>
        <section class="card">
            <h2>"Two-step sign-in"</h2>
            {if account.two_factor_on {
                view! {
                    <p class="notice">"On: each sign-in asks for a code from your authenticator app."</p>
                    <p class="muted">{format!("{codes_left} of 10 recovery codes left.")}</p>
                    <details>
                        <summary>"New recovery codes…"</summary>
                        <form method="post" action=portal.href("/account/recovery-codes") class="stack">
                            <label for="renew-code">"A code from your app (the old recovery codes stop working)"</label>
                            <input id="renew-code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code" maxlength="7" required/>
                            <button type="submit">"Make new recovery codes"</button>
                        </form>
                    </details>
                    {if account.two_factor_required {
                        view! { <p class="muted">"This portal requires two-step sign-in, so it stays on."</p> }.into_any()
                    } else {
                        view! {
                            <details>
                                <summary>"Turn off…"</summary>
                                <form method="post" action=portal.href("/account/two-factor/off") class="stack">
                                    <label for="off-code">"A code from your app, or a recovery code"</label>
                                    <input id="off-code" name="code" type="text" autocomplete="one-time-code" maxlength="12" required/>
                                    <button type="submit" class="danger">"Turn off two-step sign-in"</button>
                                </form>
                            </details>
                        }.into_any()
                    }}
                }.into_any()
            } else {
                view! {
                    <p>"Off. With it on, a stolen password alone no longer opens your account: each sign-in also asks for a code from an app on your phone."</p>
                    <p><a class="button primary" href=portal.href("/account/two-factor")>"Turn on two-step sign-in"</a></p>
                }.into_any()
            }}
        </section>
        <LanguageCard portal=portal.clone() chosen=account.language/>
        <section class="card">
            <h2>"Password"</h2>
            <form method="post" action=portal.href("/account/password") class="stack">
                <label for="current">"Current password"</label>
                <input id="current" type="password" name="current" required autocomplete="current-password"/>
                <label for="password">"New password (at least 8 characters)"</label>
                <input id="password" type="password" name="password" required minlength="8" maxlength="128" autocomplete="new-password"/>
                <label for="repeat">"The same password again"</label>
                <input id="repeat" type="password" name="repeat" required minlength="8" maxlength="128" autocomplete="new-password"/>
                <button type="submit">"Change the password"</button>
            </form>
            <p class="muted">"Changing it signs you out everywhere else."</p>
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
                <h1>"Turn on two-step sign-in"</h1>
                <Flash/>
                <Setup setup=s action=p.href("/account/two-factor") with_password=true/>
                <p><a href=p.href("/account")>"Cancel"</a></p>
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
    if codes.is_empty() {
        return view! {
            <section class="card narrow">
                <h1>"Recovery codes"</h1>
                <p>"Recovery codes are shown only once, right after they are made. To get new ones, go to your account."</p>
                <p><a href=portal.href("/account")>"Your account"</a></p>
            </section>
        }
        .into_any();
    }
    view! {
        <section class="card narrow">
            <h1>"Keep these recovery codes"</h1>
            <Flash/>
            <p>"If you lose your phone, each of these codes signs you in once instead of a code from the app. Store them somewhere safe (a password manager, or printed). They are not shown again."</p>
            <ul class="recovery-codes">
                {codes.into_iter().map(|c| view! { <li><code>{c}</code></li> }).collect_view()}
            </ul>
            <p><a class="button primary" href=portal.href("/")>"I have kept them: continue"</a></p>
        </section>
    }
    .into_any()
}
