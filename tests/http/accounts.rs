//! Members and accounts (issue 13, point 3): the tenant admin invites a member for a
//! staff role, changes roles (never leaving the tenant without an admin), deactivates
//! (their sessions end at once) and reactivates; anyone resets a forgotten password by
//! e-mail (no account enumeration, the link works once); two-step sign-in with an
//! authenticator app and recovery codes, which a tenant can require. Every change is
//! in the tenant's audit trail.

use engine::accounts::totp;
use engine::members;
use engine::model::{now_ms, Role};
use test_support::logins::{FF_ADMIN, RL_ADMIN};
use test_support::{on_both_backends, spawn_app, token_after, unfolded, Backend, TestApp};

use super::*;

on_both_backends!(
    an_admin_invites_changes_roles_deactivates_and_reactivates_a_member,
    the_tenant_always_keeps_an_active_admin,
    a_forgotten_password_is_reset_by_a_link_that_works_once,
    two_step_sign_in_takes_an_app_code_or_a_recovery_code_once,
    a_tenant_that_requires_two_step_sign_in_has_it_set_up_at_sign_in,
    a_white_labelled_tenants_mail_names_only_its_own_brand,
    the_admin_previews_every_email_in_the_brand,
);

async fn get(app: &TestApp, client: &reqwest::Client, path: &str) -> (u16, String) {
    let res = client.get(app.url(path)).send().await.unwrap();
    (res.status().as_u16(), body(res).await)
}

/// Posts a form; the redirect's target, decoded.
async fn post(
    app: &TestApp,
    client: &reqwest::Client,
    path: &str,
    form: &[(&str, &str)],
) -> String {
    let res = app.post_form(client, path, form).await;
    assert_eq!(res.status(), 303, "{path}");
    urlencoding_decode(res.headers()["location"].to_str().unwrap())
}

/// Whether `client` is signed in to Freshfield: the account page opens, or a
/// signed-out visitor is sent to sign in.
async fn signed_in_to_freshfield(app: &TestApp, client: &reqwest::Client) -> bool {
    let res = client
        .get(app.url("/t/freshfield/account"))
        .send()
        .await
        .unwrap();
    match res.status().as_u16() {
        200 => true,
        302 => {
            assert_eq!(res.headers()["location"], "/t/freshfield/login");
            false
        }
        other => panic!("account page answered {other}"),
    }
}

/// The latest mail to `email` that carries `marker`, and the token after it.
fn mail_with(app: &TestApp, email: &str, marker: &str) -> Option<(String, String)> {
    app.mails()
        .into_iter()
        .map(|m| unfolded(&m))
        .filter(|m| m.contains(email))
        .filter_map(|m| token_after(&m, marker).map(|t| (m, t)))
        .max_by_key(|(_, t)| {
            t.split('.')
                .next()
                .unwrap_or("")
                .parse::<i64>()
                .unwrap_or(0)
        })
}

fn mails_to(app: &TestApp, email: &str, marker: &str) -> usize {
    app.mails()
        .into_iter()
        .map(|m| unfolded(&m))
        .filter(|m| m.contains(email) && m.contains(marker))
        .count()
}

async fn user_id(app: &TestApp, slug: &str, email: &str) -> i64 {
    let t = app.tenant(slug).await;
    app.store
        .login_record(t, email)
        .await
        .unwrap()
        .unwrap()
        .member
        .user_id
}

async fn actions(app: &TestApp, slug: &str) -> Vec<String> {
    let t = app.tenant(slug).await;
    app.store
        .audit_trail(t)
        .await
        .unwrap()
        .into_iter()
        .map(|e| format!("{} {}", e.action, e.subject))
        .collect()
}

async fn an_admin_invites_changes_roles_deactivates_and_reactivates_a_member(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = app.signed_in("freshfield", FF_ADMIN).await;
    let to = post(
        &app,
        &admin,
        "/t/freshfield/settings/members/invite",
        &[
            ("name", "Hana Visser"),
            ("email", "Hana@Freshfield.example"),
            ("role", "planner"),
        ],
    )
    .await;
    assert!(
        to.contains("Invitation sent to hana@freshfield.example"),
        "{to}"
    );
    // A supplier's role is not given here, and the error names the field.
    let to = post(
        &app,
        &admin,
        "/t/freshfield/settings/members/invite",
        &[
            ("name", "X"),
            ("email", "x@freshfield.example"),
            ("role", "supplier"),
        ],
    )
    .await;
    assert!(
        to.contains("error=") && to.contains("role must be tenant admin, planner or approver"),
        "{to}"
    );
    app.run_pending_jobs().await;
    let (mail, token) =
        mail_with(&app, "hana@freshfield.example", "/invite/").expect("an invitation");
    assert!(
        mail.contains("You will join Freshfield") && mail.contains("a planner"),
        "{mail}"
    );
    assert!(!mail.contains("supplier portal"), "{mail}");
    let (status, page) = get(
        &app,
        &app.client(),
        &format!("/t/freshfield/invite/{token}"),
    )
    .await;
    assert_eq!(status, 200);
    assert!(page.contains("as a planner"), "{page}");
    // The members page lists the open invitation.
    let (_, page) = get(&app, &admin, "/t/freshfield/settings/members").await;
    assert!(
        page.contains("Hana Visser") && page.contains("Invited"),
        "{page}"
    );

    let hana = app.client();
    let to = post(
        &app,
        &hana,
        &format!("/t/freshfield/invite/{token}"),
        &[
            ("mode", "new"),
            ("name", "Hana Visser"),
            ("password", "tulpen-veld-2026"),
            ("repeat", "tulpen-veld-2026"),
        ],
    )
    .await;
    assert!(
        to.starts_with("/t/freshfield/?notice=Welcome")
            || to.starts_with("/t/freshfield?notice=Welcome"),
        "{to}"
    );
    let (status, _) = get(&app, &hana, "/t/freshfield/inventory").await;
    assert_eq!(status, 200, "the new planner sees the inventory");
    let id = user_id(&app, "freshfield", "hana@freshfield.example").await;

    // Roles: approver only; then none is refused, and so is a role from elsewhere.
    let roles = format!("/t/freshfield/settings/members/{id}/roles");
    let to = post(&app, &admin, &roles, &[("role", "approver")]).await;
    assert!(to.contains("Roles saved"), "{to}");
    let ff = app.tenant("freshfield").await;
    let m = app.store.member(ff, id).await.unwrap().unwrap();
    assert_eq!(m.roles, vec![Role::Approver]);
    let to = post(&app, &admin, &roles, &[]).await;
    assert!(to.contains("Choose at least one role"), "{to}");
    let to = post(&app, &admin, &roles, &[("role", "platform_admin")]).await;
    assert!(to.contains("role must be tenant admin"), "{to}");
    assert_eq!(
        app.store.member(ff, id).await.unwrap().unwrap().roles,
        vec![Role::Approver]
    );

    // Deactivated: her very next request is signed out, and she cannot sign in.
    assert!(signed_in_to_freshfield(&app, &hana).await);
    let to = post(
        &app,
        &admin,
        &format!("/t/freshfield/settings/members/{id}/deactivate"),
        &[],
    )
    .await;
    assert!(to.contains("Deactivated"), "{to}");
    assert!(
        !signed_in_to_freshfield(&app, &hana).await,
        "the session ended at once"
    );
    let to = app
        .login(
            &app.client(),
            "freshfield",
            "hana@freshfield.example",
            "tulpen-veld-2026",
        )
        .await;
    assert!(to.contains("error=invalid"), "{to}");
    let (_, page) = get(&app, &admin, "/t/freshfield/settings/members").await;
    assert!(page.contains("deactivated"), "{page}");
    // Reactivated with her roles kept.
    let to = post(
        &app,
        &admin,
        &format!("/t/freshfield/settings/members/{id}/reactivate"),
        &[],
    )
    .await;
    assert!(to.contains("Reactivated"), "{to}");
    let again = app.client();
    let to = app
        .login(
            &again,
            "freshfield",
            "hana@freshfield.example",
            "tulpen-veld-2026",
        )
        .await;
    assert!(!to.contains("error"), "{to}");
    assert_eq!(
        app.store.member(ff, id).await.unwrap().unwrap().roles,
        vec![Role::Approver]
    );

    // Another tenant's member, and a made-up id, are not found; nothing changes.
    let rl_admin = user_id(&app, "ridgeline", RL_ADMIN.0).await;
    for bad in [rl_admin, 999_999] {
        let res = app
            .post_form(
                &admin,
                &format!("/t/freshfield/settings/members/{bad}/deactivate"),
                &[],
            )
            .await;
        assert_eq!(res.status(), 404, "{bad}");
    }
    let rl = app.tenant("ridgeline").await;
    assert!(app.store.member(rl, rl_admin).await.unwrap().is_some());
    // A planner may not manage members (the engine refuses, the page says so).
    let (_, page) = get(&app, &again, "/t/freshfield/settings/members").await;
    assert!(page.contains("Your role cannot manage members"), "{page}");

    let trail = actions(&app, "freshfield").await;
    for expected in [
        "invitation.created".to_string(),
        "invitation.accepted".to_string(),
        format!("member.roles_changed user:{id}"),
        format!("member.deactivated user:{id}"),
        format!("member.reactivated user:{id}"),
    ] {
        assert!(
            trail.iter().any(|a| a.starts_with(&expected)),
            "{expected}: {trail:?}"
        );
    }
}

async fn the_tenant_always_keeps_an_active_admin(backend: Backend) {
    let app = spawn_app(backend).await;
    let ff = app.tenant("freshfield").await;
    let admin = app.signed_in("freshfield", FF_ADMIN).await;
    let me = user_id(&app, "freshfield", FF_ADMIN.0).await;
    // The only admin can neither drop the role nor deactivate themself.
    let to = post(
        &app,
        &admin,
        &format!("/t/freshfield/settings/members/{me}/roles"),
        &[("role", "planner")],
    )
    .await;
    assert!(to.contains("without an active tenant admin"), "{to}");
    let to = post(
        &app,
        &admin,
        &format!("/t/freshfield/settings/members/{me}/deactivate"),
        &[],
    )
    .await;
    assert!(to.contains("cannot deactivate yourself"), "{to}");

    // Two admins demoting each other at the same moment: one of them stays an admin.
    let planner = user_id(&app, "freshfield", FF_PLANNER.0).await;
    let me_member = app.store.member(ff, me).await.unwrap().unwrap();
    members::set_roles(
        &app.store,
        ff,
        &me_member,
        planner,
        &[Role::TenantAdmin],
        None,
    )
    .await
    .unwrap();
    let other = app.store.member(ff, planner).await.unwrap().unwrap();
    for round in 0..3 {
        let (a, b) = (me_member.clone(), other.clone());
        let (s1, s2) = (app.store.clone(), app.store.clone());
        let one = tokio::spawn(async move {
            members::set_roles(&s1, ff, &a, planner, &[Role::Planner], None).await
        });
        let two = tokio::spawn(async move {
            members::set_roles(&s2, ff, &b, me, &[Role::Planner], None).await
        });
        let (one, two) = (one.await.unwrap(), two.await.unwrap());
        let admins = app
            .store
            .members_with_role(ff, Role::TenantAdmin)
            .await
            .unwrap();
        assert!(
            !admins.is_empty(),
            "round {round}: no admin left ({one:?}, {two:?})"
        );
        assert!(
            one.is_err() || two.is_err(),
            "round {round}: both demotions passed"
        );
        // Both admins again for the next round.
        for u in [me, planner] {
            let by = if admins.iter().any(|a| a.0 == me) {
                &me_member
            } else {
                &other
            };
            members::set_roles(&app.store, ff, by, u, &[Role::TenantAdmin], None)
                .await
                .unwrap();
        }
    }
}

async fn a_forgotten_password_is_reset_by_a_link_that_works_once(backend: Backend) {
    let app = spawn_app(backend).await;
    let planner = app.signed_in("freshfield", FF_PLANNER).await;
    let anon = app.client();
    // The same answer for an address with an account here and one without.
    let known = post(
        &app,
        &anon,
        "/t/freshfield/forgot",
        &[("email", FF_PLANNER.0)],
    )
    .await;
    let unknown = post(
        &app,
        &anon,
        "/t/freshfield/forgot",
        &[("email", "nobody@freshfield.example")],
    )
    .await;
    let elsewhere = post(
        &app,
        &anon,
        "/t/freshfield/forgot",
        &[("email", RL_ADMIN.0)],
    )
    .await;
    assert_eq!(known, "/t/freshfield/forgot?sent=1");
    assert_eq!(unknown, known);
    assert_eq!(elsewhere, known);
    app.run_pending_jobs().await;
    assert_eq!(mails_to(&app, "nobody@freshfield.example", "/reset/"), 0);
    assert_eq!(
        mails_to(&app, RL_ADMIN.0, "/reset/"),
        0,
        "not a member of Freshfield"
    );
    let (mail, token) = mail_with(&app, FF_PLANNER.0, "/reset/").expect("a reset mail");
    assert!(
        mail.contains("Choose a new password") && mail.contains("works once"),
        "{mail}"
    );

    // The link does not open on another tenant's portal, nor when changed.
    let (status, _) = get(&app, &anon, &format!("/t/ridgeline/reset/{token}")).await;
    assert_eq!(status, 404);
    let (status, _) = get(&app, &anon, &format!("/t/freshfield/reset/{token}0")).await;
    assert_eq!(status, 404);
    let (status, page) = get(&app, &anon, &format!("/t/freshfield/reset/{token}")).await;
    assert_eq!(status, 200);
    assert!(page.contains("Choose a new password"), "{page}");
    // A short password is refused by name; the link still works after it.
    let to = post(
        &app,
        &anon,
        &format!("/t/freshfield/reset/{token}"),
        &[("password", "short"), ("repeat", "short")],
    )
    .await;
    assert!(to.contains("at least 8 characters"), "{to}");
    let to = post(
        &app,
        &anon,
        &format!("/t/freshfield/reset/{token}"),
        &[
            ("password", "nieuw-wachtwoord-1"),
            ("repeat", "nieuw-wachtwoord-1"),
        ],
    )
    .await;
    assert!(
        to.starts_with("/t/freshfield/login?notice=Your password is changed"),
        "{to}"
    );
    // The session that was open is over; the old password no longer works.
    assert!(!signed_in_to_freshfield(&app, &planner).await);
    let to = app
        .login(&app.client(), "freshfield", FF_PLANNER.0, FF_PLANNER.1)
        .await;
    assert!(to.contains("error=invalid"), "{to}");
    // Once only: the link is used, a second password is not taken.
    let (status, page) = get(&app, &anon, &format!("/t/freshfield/reset/{token}")).await;
    assert_eq!(status, 410);
    assert!(page.contains("used already"), "{page}");
    post(
        &app,
        &anon,
        &format!("/t/freshfield/reset/{token}"),
        &[
            ("password", "derde-wachtwoord-3"),
            ("repeat", "derde-wachtwoord-3"),
        ],
    )
    .await;
    let to = app
        .login(
            &app.client(),
            "freshfield",
            FF_PLANNER.0,
            "derde-wachtwoord-3",
        )
        .await;
    assert!(to.contains("error=invalid"), "{to}");
    let to = app
        .login(
            &app.client(),
            "freshfield",
            FF_PLANNER.0,
            "nieuw-wachtwoord-1",
        )
        .await;
    assert!(!to.contains("error"), "{to}");

    // A flood of requests sends at most three mails a quarter of an hour.
    for _ in 0..6 {
        post(
            &app,
            &anon,
            "/t/freshfield/forgot",
            &[("email", FF_ADMIN.0)],
        )
        .await;
        // A newer link replaces an older one not yet mailed: mail each before the next.
        app.run_pending_jobs().await;
    }
    assert_eq!(mails_to(&app, FF_ADMIN.0, "/reset/"), 3);
    let trail = actions(&app, "freshfield").await;
    assert!(
        trail.iter().any(|a| a.starts_with("auth.password_reset ")),
        "{trail:?}"
    );
}

/// The key on a setup page, as its letters (the page groups them by four).
fn key_on(page: &str) -> Vec<u8> {
    let at = page.find("class=\"secret\"").expect("a key on the page");
    let rest = &page[at..];
    let text = &rest[rest.find('>').unwrap() + 1..rest.find("</code>").unwrap()];
    let key: String = text
        .chars()
        .filter(|c| c.is_ascii_uppercase() || ('2'..='7').contains(c))
        .collect();
    totp::decode_secret(&key).expect("a base32 key")
}

fn code(key: &[u8], steps_ahead: i64) -> String {
    code_of_step(key, totp::step_at(now_ms()) + steps_ahead)
}

fn code_of_step(key: &[u8], step: i64) -> String {
    format!("{:06}", totp::code_at(key, step))
}

fn recovery_codes_on(page: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = page;
    while let Some(at) = rest.find("<li><code>") {
        rest = &rest[at + "<li><code>".len()..];
        let text: String = rest[..rest.find("</code>").unwrap()]
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
            .collect();
        out.push(text);
    }
    out
}

async fn two_step_sign_in_takes_an_app_code_or_a_recovery_code_once(backend: Backend) {
    let app = spawn_app(backend).await;
    let planner = app.signed_in("freshfield", FF_PLANNER).await;
    let (_, page) = get(&app, &planner, "/t/freshfield/account").await;
    assert!(page.contains("Off."), "{page}");
    let (status, page) = get(&app, &planner, "/t/freshfield/account/two-factor").await;
    assert_eq!(status, 200);
    assert!(page.contains("<svg"), "a QR code: {page}");
    let key = key_on(&page);
    let to = post(
        &app,
        &planner,
        "/t/freshfield/account/two-factor",
        &[("password", FF_PLANNER.1), ("code", "123456")],
    )
    .await;
    assert!(
        to.contains("error=") && to.contains("code is not right"),
        "{to}"
    );
    let step = totp::step_at(now_ms());
    let used = code_of_step(&key, step);
    let to = post(
        &app,
        &planner,
        "/t/freshfield/account/two-factor",
        &[("password", "not-my-password"), ("code", &used)],
    )
    .await;
    assert!(to.contains("current password is not correct"), "{to}");
    // The page shows the same key again on a reload (it may have been scanned).
    let (_, page) = get(&app, &planner, "/t/freshfield/account/two-factor").await;
    assert_eq!(key_on(&page), key);
    let to = post(
        &app,
        &planner,
        "/t/freshfield/account/two-factor",
        &[("password", FF_PLANNER.1), ("code", &used)],
    )
    .await;
    assert!(
        to.starts_with("/t/freshfield/account/recovery-codes"),
        "{to}"
    );
    // The owner hears of it by e-mail (a change they did not make does not go unnoticed).
    app.run_pending_jobs().await;
    assert!(
        app.mails()
            .iter()
            .map(|m| unfolded(m))
            .any(|m| m.contains(FF_PLANNER.0) && m.contains("Two-step sign-in was turned on")),
        "a notice to the owner"
    );
    let (_, page) = get(&app, &planner, "/t/freshfield/account/recovery-codes").await;
    let codes = recovery_codes_on(&page);
    assert_eq!(codes.len(), 10, "{page}");
    let (_, page) = get(&app, &planner, "/t/freshfield/account/recovery-codes").await;
    assert!(page.contains("shown only once"), "{page}");

    // Signing in now takes the password, then a code; the password alone signs in nobody.
    let c = app.client();
    let to = app
        .login(&c, "freshfield", FF_PLANNER.0, FF_PLANNER.1)
        .await;
    assert_eq!(to, "/t/freshfield/login/two-factor");
    assert!(!signed_in_to_freshfield(&app, &c).await);
    let (_, page) = get(&app, &c, "/t/freshfield/login/two-factor").await;
    assert!(page.contains("six-digit code"), "{page}");
    // Setting up another app is no way around the code (nor to new recovery codes).
    let to = post(
        &app,
        &c,
        "/t/freshfield/login/two-factor/setup",
        &[("code", &code_of_step(&key, step + 1))],
    )
    .await;
    assert!(to.contains("Type the code from your app"), "{to}");
    let to = post(
        &app,
        &c,
        "/t/freshfield/login/two-factor",
        &[("code", "000000")],
    )
    .await;
    assert!(to.contains("code is not right"), "{to}");
    // The code the app showed when it was set up was used then: not again.
    let to = post(
        &app,
        &c,
        "/t/freshfield/login/two-factor",
        &[("code", &used)],
    )
    .await;
    assert!(to.contains("code is not right"), "{to}");
    let next = code_of_step(&key, step + 1);
    let to = post(
        &app,
        &c,
        "/t/freshfield/login/two-factor",
        &[("code", &next)],
    )
    .await;
    assert_eq!(to, "/t/freshfield");
    assert!(signed_in_to_freshfield(&app, &c).await);

    // A recovery code works once, typed in capitals with spaces.
    let c = app.client();
    app.login(&c, "freshfield", FF_PLANNER.0, FF_PLANNER.1)
        .await;
    let typed = codes[0].to_uppercase().replace('-', " ");
    let to = post(
        &app,
        &c,
        "/t/freshfield/login/two-factor",
        &[("code", &typed)],
    )
    .await;
    assert_eq!(to, "/t/freshfield");
    let c = app.client();
    app.login(&c, "freshfield", FF_PLANNER.0, FF_PLANNER.1)
        .await;
    let to = post(
        &app,
        &c,
        "/t/freshfield/login/two-factor",
        &[("code", &codes[0])],
    )
    .await;
    assert!(to.contains("code is not right"), "{to}");
    // Guessing: after five wrong codes in a quarter of an hour, even a right one waits.
    for _ in 0..4 {
        post(
            &app,
            &c,
            "/t/freshfield/login/two-factor",
            &[("code", "111111")],
        )
        .await;
    }
    let to = post(
        &app,
        &c,
        "/t/freshfield/login/two-factor",
        &[("code", &codes[1])],
    )
    .await;
    assert!(to.contains("Too many wrong codes"), "{to}");
    assert!(!signed_in_to_freshfield(&app, &c).await);

    // A password reset ends a sign-in waiting for its second step.
    let c = app.client();
    let to = app
        .login(&c, "freshfield", FF_PLANNER.0, FF_PLANNER.1)
        .await;
    assert_eq!(to, "/t/freshfield/login/two-factor");
    post(
        &app,
        &app.client(),
        "/t/freshfield/forgot",
        &[("email", FF_PLANNER.0)],
    )
    .await;
    app.run_pending_jobs().await;
    let (_, token) = mail_with(&app, FF_PLANNER.0, "/reset/").expect("a reset mail");
    let new_password = [
        ("password", "ander-wachtwoord-9"),
        ("repeat", "ander-wachtwoord-9"),
    ];
    post(
        &app,
        &app.client(),
        &format!("/t/freshfield/reset/{token}"),
        &new_password,
    )
    .await;
    let to = post(
        &app,
        &c,
        "/t/freshfield/login/two-factor",
        &[("code", &code_of_step(&key, step + 2))],
    )
    .await;
    assert!(to.contains("password changed"), "{to}");
    assert!(!signed_in_to_freshfield(&app, &c).await);

    let trail = actions(&app, "freshfield").await;
    for expected in [
        "auth.two_factor_on",
        "auth.second_factor_failed",
        "auth.signed_in",
    ] {
        assert!(
            trail.iter().any(|a| a.starts_with(expected)),
            "{expected}: {trail:?}"
        );
    }
    let ff = app.tenant("freshfield").await;
    let signed: Vec<String> = app
        .store
        .audit_trail(ff)
        .await
        .unwrap()
        .into_iter()
        .filter(|e| e.action == "auth.signed_in")
        .filter_map(|e| e.after)
        .collect();
    assert!(
        signed.iter().any(|a| a.contains("authenticator")),
        "{signed:?}"
    );
    assert!(
        signed.iter().any(|a| a.contains("recovery_code")),
        "{signed:?}"
    );
    // The owner's notices (setting up, the reset) go out.
    app.run_pending_jobs().await;
}

async fn a_tenant_that_requires_two_step_sign_in_has_it_set_up_at_sign_in(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = app.signed_in("freshfield", FF_ADMIN).await;
    let to = post(
        &app,
        &admin,
        "/t/freshfield/settings/members/two-factor",
        &[("required", "on")],
    )
    .await;
    assert!(to.contains("Two-step sign-in is required"), "{to}");
    // Sessions already open stay.
    assert!(signed_in_to_freshfield(&app, &admin).await);
    // The planner, who has none, sets it up before getting in.
    let c = app.client();
    let to = app
        .login(&c, "freshfield", FF_PLANNER.0, FF_PLANNER.1)
        .await;
    assert_eq!(to, "/t/freshfield/login/two-factor");
    assert!(!signed_in_to_freshfield(&app, &c).await);
    let (_, page) = get(&app, &c, "/t/freshfield/login/two-factor").await;
    assert!(page.contains("Set up two-step sign-in"), "{page}");
    let key = key_on(&page);
    let to = post(
        &app,
        &c,
        "/t/freshfield/login/two-factor/setup",
        &[("code", &code(&key, 0))],
    )
    .await;
    assert_eq!(to, "/t/freshfield/account/recovery-codes");
    assert!(signed_in_to_freshfield(&app, &c).await);
    let (_, page) = get(&app, &c, "/t/freshfield/account/recovery-codes").await;
    assert_eq!(recovery_codes_on(&page).len(), 10);
    // While required, it cannot be turned off.
    let (_, page) = get(&app, &c, "/t/freshfield/account").await;
    assert!(page.contains("requires two-step sign-in"), "{page}");
    let to = post(
        &app,
        &c,
        "/t/freshfield/account/two-factor/off",
        &[("code", &code(&key, 1))],
    )
    .await;
    assert!(to.contains("requires two-step sign-in"), "{to}");
    // Ridgeline does not require it: its admin signs in with the password alone.
    let to = app
        .login(&app.client(), "ridgeline", RL_ADMIN.0, RL_ADMIN.1)
        .await;
    assert_eq!(to, "/t/ridgeline");
    let trail = actions(&app, "freshfield").await;
    assert!(
        trail
            .iter()
            .any(|a| a.starts_with("tenant.two_factor_required")),
        "{trail:?}"
    );
    // The owner's notices (setting up, the reset) go out.
    app.run_pending_jobs().await;
}

/// A white-labelled tenant's e-mails come from its own sender, on its own domain, and
/// name neither the platform nor its partner anywhere (headers included).
async fn a_white_labelled_tenants_mail_names_only_its_own_brand(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = app.signed_in("ridgeline", RL_ADMIN).await;
    post(
        &app,
        &admin,
        "/t/ridgeline/settings/members/invite",
        &[
            ("name", "Jonas Weber"),
            ("email", "jonas@ridgeline.example"),
            ("role", "approver"),
        ],
    )
    .await;
    post(
        &app,
        &app.client(),
        "/t/ridgeline/forgot",
        &[("email", RL_ADMIN.0)],
    )
    .await;
    post(
        &app,
        &app.client(),
        "/t/freshfield/forgot",
        &[("email", FF_PLANNER.0)],
    )
    .await;
    app.run_pending_jobs().await;
    let ridgeline: Vec<String> = app
        .mails()
        .into_iter()
        .filter(|m| m.contains("jonas@ridgeline.example") || m.contains(RL_ADMIN.0))
        .collect();
    assert_eq!(ridgeline.len(), 2, "the invitation and the reset");
    for m in &ridgeline {
        let text = unfolded(m);
        assert!(
            text.contains("From: \"Ridgeline Supply Desk\" <supply@ridgeline-outdoor.example>")
                || text.contains("From: Ridgeline Supply Desk <supply@ridgeline-outdoor.example>"),
            "{text}"
        );
        assert!(
            text.contains("@ridgeline-outdoor.example>\r\n")
                || text.contains("@ridgeline-outdoor.example>\n"),
            "Message-ID on the sender's domain: {text}"
        );
        let lower = text.to_lowercase();
        for never in ["shelfwise", "northwind"] {
            assert!(
                !lower.contains(never),
                "{never} in a Ridgeline e-mail: {text}"
            );
        }
    }
    let freshfield = app
        .mails()
        .into_iter()
        .find(|m| m.contains(FF_PLANNER.0))
        .expect("Freshfield's reset");
    assert!(
        freshfield.contains("Reply-To: franchise-support@freshfield.example"),
        "{freshfield}"
    );
}

/// Every e-mail template previewed in the tenant's brand: for the admin only, with the
/// sender and reply-to of its theme; a white-labelled tenant's previews name neither
/// the platform nor its partner.
async fn the_admin_previews_every_email_in_the_brand(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = app.signed_in("freshfield", FF_ADMIN).await;
    let (status, list) = get(&app, &admin, "/t/freshfield/settings/branding/emails").await;
    assert_eq!(status, 200);
    let slugs: Vec<&str> = engine::mail::preview::MailPreview::ALL
        .iter()
        .map(|p| p.slug())
        .collect();
    for slug in &slugs {
        assert!(
            list.contains(&format!("/t/freshfield/settings/branding/emails/{slug}")),
            "{list}"
        );
        let (status, page) = get(
            &app,
            &admin,
            &format!("/t/freshfield/settings/branding/emails/{slug}"),
        )
        .await;
        assert_eq!(status, 200, "{slug}");
        assert!(
            page.contains("Freshfield Stock &lt;stock@freshfield.example&gt;"),
            "{page}"
        );
        assert!(
            page.contains("franchise-support@freshfield.example"),
            "{page}"
        );
        assert!(
            page.contains("srcdoc=") && page.contains("sandbox=\"\""),
            "{page}"
        );
    }
    let (status, _) = get(
        &app,
        &admin,
        "/t/freshfield/settings/branding/emails/nothing",
    )
    .await;
    assert_eq!(status, 404);
    // A planner may not (the engine says so).
    let planner = app.signed_in("freshfield", FF_PLANNER).await;
    let res = planner
        .get(app.url("/t/freshfield/settings/branding/emails/invitation"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let to = urlencoding_decode(res.headers()["location"].to_str().unwrap());
    assert!(
        to.contains("Your role cannot change the portal's branding"),
        "{to}"
    );

    let rl = app.signed_in("ridgeline", RL_ADMIN).await;
    for slug in &slugs {
        let (status, page) = get(
            &app,
            &rl,
            &format!("/t/ridgeline/settings/branding/emails/{slug}"),
        )
        .await;
        assert_eq!(status, 200, "{slug}");
        assert!(page.contains("Ridgeline Supply Desk"), "{page}");
        let lower = page.to_lowercase();
        for never in ["shelfwise", "northwind"] {
            assert!(
                !lower.contains(never),
                "{never} in Ridgeline's {slug} preview: {page}"
            );
        }
    }
}
