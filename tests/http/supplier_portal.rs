//! The supplier portal: the tenant admin invites a supplier's person by e-mail; the
//! link works once, expires and can be withdrawn; the person chooses a password (or,
//! supplying another retailer already, confirms theirs), is signed in, and sees only
//! their own organisation's orders of that retailer, with a navigation of their own,
//! and answers them signed in. Another supplier's order is not found, and access to
//! one retailer never opens another's portal.

use engine::invites::{self, Acceptance, InviteError, MAX_WRONG_PASSWORDS};
use engine::model::{day_string, now_ms, TenantId};
use test_support::logins::{FF_ADMIN, FF_SUPPLIER};
use test_support::{on_both_backends, spawn_app, token_after, unfolded, Backend, TestApp};

use super::*;

on_both_backends!(
    an_invited_supplier_user_sees_and_answers_only_its_own_orders,
    an_invitation_works_once_expires_is_withdrawn_and_is_per_retailer,
    scorecards_count_answers_on_time_late_and_declined,
    the_admin_sets_the_supplier_clocks_and_bad_values_are_named,
);

const DAY: i64 = 86_400_000;

/// Counts whole milk (the dairy's) and FF-0061 (the produce supplier's) low
/// everywhere, runs the window-close timers and the e-mail: the orders sent, as
/// (id, supplier id).
async fn sent_orders(app: &TestApp) -> Vec<(i64, i64)> {
    app.sent_orders_for(&["FF-0001", "FF-0061"]).await
}

async fn supplier_id(app: &TestApp, t: TenantId, code: &str) -> i64 {
    let (_, suppliers) = app.store.labels(t).await.unwrap();
    suppliers.into_iter().find(|s| s.1 == code).unwrap().0
}

/// The latest invitation e-mail to `email` (soft line breaks undone) and the token it
/// carries.
fn invitation_mail(app: &TestApp, email: &str) -> (String, String) {
    app.mails()
        .into_iter()
        .map(|m| unfolded(&m))
        .filter(|m| m.contains(email))
        .filter_map(|m| token_after(&m, "/invite/").map(|token| (m, token)))
        .max_by_key(|(_, token)| {
            let id = token.split('.').next().unwrap_or_default();
            id.parse::<i64>().unwrap_or_default()
        })
        .unwrap_or_else(|| panic!("no invitation mail to {email}"))
}

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

async fn invite(
    app: &TestApp,
    admin: &reqwest::Client,
    slug: &str,
    supplier: i64,
    name: &str,
    email: &str,
) -> String {
    let supplier = supplier.to_string();
    let to = post(
        app,
        admin,
        &format!("/t/{slug}/settings/suppliers/invite"),
        &[("supplier_id", &supplier), ("name", name), ("email", email)],
    )
    .await;
    app.run_pending_jobs().await;
    to
}

async fn an_invited_supplier_user_sees_and_answers_only_its_own_orders(backend: Backend) {
    let app = spawn_app(backend).await;
    let ff = app.tenant("freshfield").await;
    let dairy = supplier_id(&app, ff, "SUP-DAIRY").await;
    let fresh = supplier_id(&app, ff, "SUP-FRESH").await;
    let sent = sent_orders(&app).await;
    let ours: Vec<i64> = sent.iter().filter(|o| o.1 == dairy).map(|o| o.0).collect();
    let theirs: Vec<i64> = sent.iter().filter(|o| o.1 == fresh).map(|o| o.0).collect();
    assert!(!ours.is_empty() && !theirs.is_empty(), "{sent:?}");

    // The admin's page lists the suppliers and who has access.
    let admin = app.signed_in("freshfield", FF_ADMIN).await;
    let (status, page) = get(&app, &admin, "/t/freshfield/settings/suppliers").await;
    assert_eq!(status, 200);
    assert!(
        page.contains("Lowlands Dairy Co-op") && page.contains("Dirk Visser"),
        "{page}"
    );

    // Bad input is named, and nothing is invited.
    let to = invite(&app, &admin, "freshfield", dairy, "Sanne", "not-an-address").await;
    assert!(
        to.contains("e-mail address") && to.contains("not valid"),
        "{to}"
    );
    let to = invite(
        &app,
        &admin,
        "freshfield",
        999_999,
        "Sanne",
        "sanne@lowlands-dairy.example",
    )
    .await;
    assert!(to.contains("one of your suppliers"), "{to}");
    let to = invite(&app, &admin, "freshfield", dairy, "Dirk", FF_SUPPLIER.0).await;
    assert!(to.contains("already has access"), "{to}");
    assert!(app.store.open_invitations(ff, 10).await.unwrap().is_empty());
    // Someone without the permission cannot invite.
    let planner = app.signed_in("freshfield", FF_PLANNER).await;
    let to = invite(
        &app,
        &planner,
        "freshfield",
        dairy,
        "Sanne",
        "sanne@lowlands-dairy.example",
    )
    .await;
    assert!(to.contains("error="), "{to}");
    assert!(app.store.open_invitations(ff, 10).await.unwrap().is_empty());

    let to = invite(
        &app,
        &admin,
        "freshfield",
        dairy,
        "Sanne Mulder",
        "Sanne@Lowlands-Dairy.example",
    )
    .await;
    assert!(
        to.contains("Invitation sent to sanne@lowlands-dairy.example"),
        "{to}"
    );
    let (mail, token) = invitation_mail(&app, "sanne@lowlands-dairy.example");
    assert!(
        mail.contains("Freshfield") && mail.contains("Lowlands Dairy Co-op"),
        "{mail}"
    );
    let created = app.store.open_invitations(ff, 10).await.unwrap();
    assert_eq!(created.len(), 1);
    let trail = app
        .store
        .audit_for_subject(ff, &format!("invitation:{}", created[0].id))
        .await
        .unwrap();
    assert_eq!(trail[0].action, "invitation.created");
    assert!(
        !trail[0].after.clone().unwrap_or_default().contains("sanne"),
        "no address in the audit"
    );

    // The link opens a page to choose a password; a mismatch or a short one is named.
    let sanne = app.client();
    let (status, page) = get(&app, &sanne, &format!("/t/freshfield/invite/{token}")).await;
    assert_eq!(status, 200, "{page}");
    assert!(page.contains("Choose a password") && page.contains("Lowlands Dairy Co-op"));
    let path = format!("/t/freshfield/invite/{token}");
    let to = post(
        &app,
        &sanne,
        &path,
        &[
            ("mode", "new"),
            ("name", "Sanne Mulder"),
            ("password", "a-good-long-one"),
            ("repeat", "a-good-long-onE"),
        ],
    )
    .await;
    assert!(to.contains("passwords differ"), "{to}");
    let to = post(
        &app,
        &sanne,
        &path,
        &[
            ("mode", "new"),
            ("name", "Sanne Mulder"),
            ("password", "short"),
            ("repeat", "short"),
        ],
    )
    .await;
    assert!(to.contains("at least 8 characters"), "{to}");
    let to = post(
        &app,
        &sanne,
        &path,
        &[
            ("mode", "new"),
            ("name", "Sanne Mulder"),
            ("password", "melk-en-kaas-2026"),
            ("repeat", "melk-en-kaas-2026"),
        ],
    )
    .await;
    assert!(
        to.starts_with("/t/freshfield/supplier/orders?notice="),
        "{to}"
    );

    // Signed in: her organisation's orders only, in a navigation of her own.
    let (status, page) = get(&app, &sanne, "/t/freshfield/supplier/orders").await;
    assert_eq!(status, 200);
    assert!(page.contains("Orders for Lowlands Dairy Co-op"), "{page}");
    for id in &ours {
        assert!(
            page.contains(&format!(">PO-{id}<")),
            "PO-{id} listed: {page}"
        );
    }
    for id in &theirs {
        assert!(
            !page.contains(&format!(">PO-{id}<")),
            "another supplier's PO-{id}"
        );
    }
    assert!(
        !page.contains("/t/freshfield/inventory\""),
        "no staff navigation"
    );
    let (_, page) = get(&app, &sanne, "/t/freshfield/supplier/orders?state=declined").await;
    assert!(page.contains("No orders in this state."), "{page}");

    // Another supplier's order: 404 to read and to answer, and nothing changes.
    let other = theirs[0];
    let (status, _) = get(
        &app,
        &sanne,
        &format!("/t/freshfield/supplier/orders/{other}"),
    )
    .await;
    assert_eq!(status, 404);
    let res = app
        .post_form(
            &sanne,
            &format!("/t/freshfield/supplier/orders/{other}/answer"),
            &[("answer", "decline"), ("reason", "not ours")],
        )
        .await;
    assert_eq!(res.status(), 404);
    let po = app.store.purchase_order(ff, other).await.unwrap().unwrap();
    assert_eq!(po.state.as_str(), "sent");
    let res = app
        .post_form(
            &sanne,
            &format!("/t/freshfield/supplier/orders/{other}/messages"),
            &[("body", "hello")],
        )
        .await;
    assert_eq!(res.status(), 404);
    assert!(app.store.po_messages(ff, other).await.unwrap().is_empty());

    // Her own order: opened and acknowledged signed in, recorded as her.
    let mine = ours[0];
    let (status, page) = get(
        &app,
        &sanne,
        &format!("/t/freshfield/supplier/orders/{mine}"),
    )
    .await;
    assert_eq!(status, 200);
    assert!(
        page.contains("Whole milk 1 l") && !page.contains("reorder point"),
        "{page}"
    );
    let promised = day_string(now_ms() + 4 * DAY);
    let to = post(
        &app,
        &sanne,
        &format!("/t/freshfield/supplier/orders/{mine}/answer"),
        &[("answer", "acknowledge"), ("promised_on", &promised)],
    )
    .await;
    assert!(to.contains("acknowledged with your delivery date"), "{to}");
    let po = app.store.purchase_order(ff, mine).await.unwrap().unwrap();
    assert_eq!(po.state.as_str(), "acknowledged");
    let to = post(
        &app,
        &sanne,
        &format!("/t/freshfield/supplier/orders/{mine}/messages"),
        &[("body", "Half on Monday, half on Tuesday?")],
    )
    .await;
    assert!(to.contains("Message sent to the buyer"), "{to}");
    let thread = app.store.po_messages(ff, mine).await.unwrap();
    assert!(
        thread.len() == 1 && thread[0].from_supplier && thread[0].author == "Lowlands Dairy Co-op"
    );
    let member = test_support::member(&app.store, ff, "sanne@lowlands-dairy.example").await;
    assert_eq!(member.supplier_id, Some(dairy));
    let trail = app
        .store
        .audit_for_subject(ff, &format!("purchase_order:{mine}"))
        .await
        .unwrap();
    assert!(
        trail
            .iter()
            .any(|e| e.actor == member.actor() && e.action.contains("acknowledge")),
        "{trail:?}"
    );
    app.run_pending_jobs().await;

    // The admin removes her access: her next page asks her to sign in.
    let to = post(
        &app,
        &admin,
        &format!(
            "/t/freshfield/settings/suppliers/users/{}/remove",
            member.user_id
        ),
        &[],
    )
    .await;
    assert!(to.contains("Access removed"), "{to}");
    let res = sanne
        .get(app.url("/t/freshfield/supplier/orders"))
        .send()
        .await
        .unwrap();
    assert_eq!(
        sign_in_redirect(&res),
        Some("/t/freshfield/login"),
        "signed out"
    );
}

/// Where a page sent the visitor to sign in, if it did.
fn sign_in_redirect(res: &reqwest::Response) -> Option<&str> {
    res.status()
        .is_redirection()
        .then(|| res.headers().get("location")?.to_str().ok())
        .flatten()
}

async fn an_invitation_works_once_expires_is_withdrawn_and_is_per_retailer(backend: Backend) {
    let app = spawn_app(backend).await;
    let ff = app.tenant("freshfield").await;
    let rl = app.tenant("ridgeline").await;
    let dairy = supplier_id(&app, ff, "SUP-DAIRY").await;
    let alp = supplier_id(&app, rl, "SUP-ALP").await;
    let admin = app.signed_in("freshfield", FF_ADMIN).await;

    // Used once; the second use changes nothing.
    invite(
        &app,
        &admin,
        "freshfield",
        dairy,
        "Joost",
        "joost@lowlands-dairy.example",
    )
    .await;
    let (_, token) = invitation_mail(&app, "joost@lowlands-dairy.example");
    let path = format!("/t/freshfield/invite/{token}");
    let form = [
        ("mode", "new"),
        ("name", "Joost"),
        ("password", "boter-kaas-2026"),
        ("repeat", "boter-kaas-2026"),
    ];
    let to = post(&app, &app.client(), &path, &form).await;
    assert!(to.contains("/supplier/orders"), "{to}");
    let (status, page) = get(&app, &app.client(), &path).await;
    assert_eq!(status, 410);
    assert!(page.contains("used already"), "{page}");
    let to = post(
        &app,
        &app.client(),
        &path,
        &[
            ("mode", "new"),
            ("name", "Mallory"),
            ("password", "taken-over-2026"),
            ("repeat", "taken-over-2026"),
        ],
    )
    .await;
    assert_eq!(to, path, "back to the page that says why");
    let joost = test_support::member(&app.store, ff, "joost@lowlands-dairy.example").await;
    assert_eq!(joost.name, "Joost");

    // Changed, or another tenant's: not valid.
    let flip = if token.ends_with('0') { '1' } else { '0' };
    let changed = format!("{}{flip}", &token[..token.len() - 1]);
    let (status, page) = get(
        &app,
        &app.client(),
        &format!("/t/freshfield/invite/{changed}"),
    )
    .await;
    assert_eq!(status, 404);
    assert!(page.contains("not valid"));
    let (status, _) = get(&app, &app.client(), &format!("/t/ridgeline/invite/{token}")).await;
    assert_eq!(status, 404);

    // Withdrawn: the link says so, and accepting makes no account. Another retailer's
    // admin cannot withdraw it (404).
    invite(
        &app,
        &admin,
        "freshfield",
        dairy,
        "Eva",
        "eva@lowlands-dairy.example",
    )
    .await;
    let (_, token) = invitation_mail(&app, "eva@lowlands-dairy.example");
    let id = app.store.open_invitations(ff, 10).await.unwrap()[0].id;
    let rl_admin = app.signed_in("ridgeline", RL_ADMIN).await;
    let res = app
        .post_form(
            &rl_admin,
            &format!("/t/ridgeline/settings/suppliers/invitations/{id}/revoke"),
            &[],
        )
        .await;
    assert_eq!(res.status(), 404);
    let to = post(
        &app,
        &admin,
        &format!("/t/freshfield/settings/suppliers/invitations/{id}/revoke"),
        &[],
    )
    .await;
    assert!(to.contains("Invitation withdrawn"), "{to}");
    let (status, page) = get(
        &app,
        &app.client(),
        &format!("/t/freshfield/invite/{token}"),
    )
    .await;
    assert_eq!(status, 410);
    assert!(page.contains("withdrawn"));
    let eva = [
        ("mode", "new"),
        ("name", "Eva"),
        ("password", "room-boter-2026"),
        ("repeat", "room-boter-2026"),
    ];
    post(
        &app,
        &app.client(),
        &format!("/t/freshfield/invite/{token}"),
        &eva,
    )
    .await;
    assert!(app
        .store
        .account(ff, "eva@lowlands-dairy.example")
        .await
        .unwrap()
        .is_none());

    // Expired after seven days (the engine's clock).
    invite(
        &app,
        &admin,
        "freshfield",
        dairy,
        "Eva",
        "eva@lowlands-dairy.example",
    )
    .await;
    let (_, token) = invitation_mail(&app, "eva@lowlands-dairy.example");
    let new = || Acceptance::NewAccount {
        name: "Eva".into(),
        password: "room-boter-2026".into(),
    };
    let late = now_ms() + 7 * DAY + 60_000;
    let err = invites::accept_invite(&app.store, ff, &token, new(), None, late)
        .await
        .unwrap_err();
    assert!(matches!(err, InviteError::Expired(_)), "{err:?}");
    // Ten acceptances at once: exactly one account, one membership.
    let mut racing = tokio::task::JoinSet::new();
    for _ in 0..10 {
        let (store, token, accept) = (app.store.clone(), token.clone(), new());
        racing.spawn(async move {
            invites::accept_invite(&store, ff, &token, accept, None, now_ms()).await
        });
    }
    let results: Vec<_> = racing.join_all().await;
    assert_eq!(
        results.iter().filter(|r| r.is_ok()).count(),
        1,
        "{results:?}"
    );
    assert!(app
        .store
        .account(ff, "eva@lowlands-dairy.example")
        .await
        .unwrap()
        .is_some());

    // Dirk supplies Ridgeline too: he confirms with his existing password (a wrong one
    // is refused, and five withdraw the invitation), and his access stays per retailer.
    let to = invite(
        &app,
        &rl_admin,
        "ridgeline",
        alp,
        "Dirk Visser",
        FF_SUPPLIER.0,
    )
    .await;
    assert!(to.contains("Invitation sent"), "{to}");
    let (_, token) = invitation_mail(&app, FF_SUPPLIER.0);
    let dirk = app.client();
    let path = format!("/t/ridgeline/invite/{token}");
    let (_, page) = get(&app, &dirk, &path).await;
    assert!(page.contains("already has an account"), "{page}");
    let to = post(
        &app,
        &dirk,
        &path,
        &[("mode", "existing"), ("password", "not-his-password")],
    )
    .await;
    assert!(to.contains("not the password of your account"), "{to}");
    let to = post(
        &app,
        &dirk,
        &path,
        &[("mode", "existing"), ("password", FF_SUPPLIER.1)],
    )
    .await;
    assert!(to.starts_with("/t/ridgeline/supplier/orders"), "{to}");
    let (_, page) = get(&app, &dirk, "/t/ridgeline/supplier/orders").await;
    assert!(
        page.contains("Orders for Alpenwerk Equipment GmbH"),
        "{page}"
    );
    // Signed in to Ridgeline only: Freshfield's portal asks him to sign in.
    let res = dirk
        .get(app.url("/t/freshfield/supplier/orders"))
        .send()
        .await
        .unwrap();
    assert_eq!(sign_in_redirect(&res), Some("/t/freshfield/login"));
    let ff_dirk = app.signed_in("freshfield", FF_SUPPLIER).await;
    let (_, page) = get(&app, &ff_dirk, "/t/freshfield/supplier/orders").await;
    assert!(page.contains("Orders for Lowlands Dairy Co-op"), "{page}");
    assert_eq!(
        test_support::member(&app.store, rl, FF_SUPPLIER.0)
            .await
            .supplier_id,
        Some(alp)
    );
    assert_eq!(
        test_support::member(&app.store, ff, FF_SUPPLIER.0)
            .await
            .supplier_id,
        Some(dairy)
    );

    invite(
        &app,
        &rl_admin,
        "ridgeline",
        alp,
        "Joost",
        "joost@lowlands-dairy.example",
    )
    .await;
    let (_, token) = invitation_mail(&app, "joost@lowlands-dairy.example");
    let wrong = || Acceptance::ExistingAccount {
        password: "guess".into(),
    };
    for i in 1..=MAX_WRONG_PASSWORDS {
        let err = invites::accept_invite(&app.store, rl, &token, wrong(), None, now_ms())
            .await
            .unwrap_err();
        let last = i == MAX_WRONG_PASSWORDS;
        assert!(
            matches!(
                (&err, last),
                (InviteError::WrongPassword, false) | (InviteError::TooManyWrongPasswords, true)
            ),
            "{i}: {err:?}"
        );
    }
    let right = Acceptance::ExistingAccount {
        password: "boter-kaas-2026".into(),
    };
    let err = invites::accept_invite(&app.store, rl, &token, right, None, now_ms())
        .await
        .unwrap_err();
    assert!(matches!(err, InviteError::Revoked), "{err:?}");

    // Twenty wrong passwords at once: at most five are checked, and the invitation is
    // withdrawn.
    invite(
        &app,
        &rl_admin,
        "ridgeline",
        alp,
        "Eva",
        "eva@lowlands-dairy.example",
    )
    .await;
    let (_, token) = invitation_mail(&app, "eva@lowlands-dairy.example");
    let checks_before = engine::identity::password_checks();
    let mut guesses = tokio::task::JoinSet::new();
    for i in 0..20 {
        let (store, token) = (app.store.clone(), token.clone());
        let guess = Acceptance::ExistingAccount {
            password: format!("guess-{i}"),
        };
        guesses.spawn(async move {
            invites::accept_invite(&store, rl, &token, guess, None, now_ms()).await
        });
    }
    let results = guesses.join_all().await;
    assert!(results.iter().all(|r| r.is_err()), "{results:?}");
    let checked = engine::identity::password_checks() - checks_before;
    assert!(
        checked <= MAX_WRONG_PASSWORDS as u64,
        "{checked} passwords checked"
    );
    let eva = Acceptance::ExistingAccount {
        password: "room-boter-2026".into(),
    };
    let err = invites::accept_invite(&app.store, rl, &token, eva, None, now_ms())
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            InviteError::Revoked | InviteError::TooManyWrongPasswords
        ),
        "{err:?}"
    );
    assert!(app
        .store
        .open_invitations(rl, 10)
        .await
        .unwrap()
        .iter()
        .all(|i| i.email != "eva@lowlands-dairy.example"));
    app.run_pending_jobs().await;
}

/// Scorecards from the orders' history: the dairy acknowledges one order on time, one
/// late (after its two working days) with a changed date, and declines one; buyers see
/// every supplier's figures, the dairy's user its own only.
async fn scorecards_count_answers_on_time_late_and_declined(backend: Backend) {
    use engine::replenish::{answer_as_supplier, SupplierAnswer};
    let app = spawn_app(backend).await;
    let ff = app.tenant("freshfield").await;
    let dairy = supplier_id(&app, ff, "SUP-DAIRY").await;
    let ours: Vec<i64> = sent_orders(&app)
        .await
        .iter()
        .filter(|o| o.1 == dairy)
        .map(|o| o.0)
        .collect();
    assert!(ours.len() >= 3, "{ours:?}");
    let supplier = test_support::member(&app.store, ff, FF_SUPPLIER.0).await;
    let sla = app.store.supplier_sla(ff).await.unwrap();
    let sent_at = app
        .store
        .purchase_order(ff, ours[1])
        .await
        .unwrap()
        .unwrap()
        .sent_at
        .unwrap();
    let late = sla.ack_due(sent_at).unwrap() + 3_600_000;
    let day = |at: i64| engine::model::day_start(at) + 3 * DAY;
    let ack = |at: i64| SupplierAnswer::Acknowledge {
        promised_on: day(at),
    };
    let now = now_ms();
    answer_as_supplier(&app.store, ff, &supplier, ours[0], ack(now), None, now)
        .await
        .unwrap();
    answer_as_supplier(&app.store, ff, &supplier, ours[1], ack(late), None, late)
        .await
        .unwrap();
    let later = SupplierAnswer::Acknowledge {
        promised_on: day(late) + DAY,
    };
    answer_as_supplier(&app.store, ff, &supplier, ours[1], later, None, late)
        .await
        .unwrap();
    let no = SupplierAnswer::Decline {
        reason: "No milk this week".into(),
    };
    answer_as_supplier(&app.store, ff, &supplier, ours[2], no, None, now)
        .await
        .unwrap();
    app.run_jobs_due_at(late).await;

    // A later, longer clock does not re-grade orders already sent: each keeps its due
    // time.
    let long = engine::sla::SupplierSla {
        ack_hours: 1000,
        ..engine::sla::SupplierSla::default()
    };
    app.store
        .set_supplier_sla(ff, Some(&long), now)
        .await
        .unwrap();
    // The moved clock ran the nightly checks too, which may have sent the dairy more.
    let sent = app
        .store
        .purchase_orders(ff, None, 200)
        .await
        .unwrap()
        .iter()
        .filter(|p| p.supplier_id == dairy && p.sent_at.is_some())
        .count() as i64;
    let cards = engine::scorecard::scorecards(
        &app.store,
        ff,
        &test_support::member(&app.store, ff, FF_ADMIN.0).await,
        late,
    )
    .await
    .unwrap();
    let card = cards
        .iter()
        .find(|c| c.supplier_id == dairy)
        .expect("the dairy's card");
    assert_eq!(card.sent, sent);
    assert_eq!(
        (
            card.acknowledged,
            card.on_time,
            card.declined,
            card.date_changes
        ),
        (2, 1, 1, 1),
        "{card:?}"
    );
    assert!(
        card.median_response_hours.is_some_and(|h| h > 0.0),
        "{card:?}"
    );
    assert_eq!(card.weeks.len() as i64, engine::scorecard::WEEKS);
    assert_eq!(
        card.weeks.iter().map(|w| w.1).sum::<i64>(),
        card.due,
        "every due order in a week"
    );
    assert_eq!(card.weeks.iter().map(|w| w.2).sum::<i64>(), card.on_time);
    assert_eq!(card.due + card.pending, card.sent, "{card:?}");
    assert!(
        cards
            .iter()
            .any(|c| c.supplier == "Green Valley Fresh Produce"),
        "every supplier's for buyers"
    );

    let planner = app.signed_in("freshfield", FF_PLANNER).await;
    let (status, page) = get(&app, &planner, "/t/freshfield/scorecards").await;
    assert_eq!(status, 200);
    assert!(
        page.contains("Lowlands Dairy Co-op") && page.contains("Green Valley Fresh Produce"),
        "{page}"
    );
    assert!(page.contains("Acknowledged on time"), "{page}");
    let dirk = app.signed_in("freshfield", FF_SUPPLIER).await;
    let (status, page) = get(&app, &dirk, "/t/freshfield/supplier/scorecard").await;
    assert_eq!(status, 200);
    assert!(
        page.contains("Lowlands Dairy Co-op") && !page.contains("Green Valley"),
        "its own only: {page}"
    );
    assert!(page.contains(&format!("2 of {sent}")), "{page}");
    let (_, page) = get(&app, &dirk, "/t/freshfield/scorecards").await;
    assert!(
        !page.contains("Green Valley"),
        "not the buyers' page: {page}"
    );
    assert!(
        page.contains("Your role cannot"),
        "refused in a sentence: {page}"
    );
}

/// The tenant admin sets the suppliers' clocks on the Suppliers page; a bad time zone
/// or a word for an hour is named and changes nothing; a planner cannot.
async fn the_admin_sets_the_supplier_clocks_and_bad_values_are_named(backend: Backend) {
    let app = spawn_app(backend).await;
    let ff = app.tenant("freshfield").await;
    let admin = app.signed_in("freshfield", FF_ADMIN).await;
    let (status, page) = get(&app, &admin, "/t/freshfield/settings/suppliers").await;
    assert_eq!(status, 200);
    assert!(
        page.contains("Supplier clocks") && page.contains("Europe/Amsterdam"),
        "{page}"
    );
    let path = "/t/freshfield/settings/suppliers/clocks";
    let form = |zone: &'static str, starts: &'static str| {
        vec![
            ("time_zone", zone),
            ("day", "mon"),
            ("day", "tue"),
            ("day", "wed"),
            ("day", "thu"),
            ("day_starts", starts),
            ("day_ends", "16"),
            ("ack_hours", "24"),
            ("escalate_after_hours", "4"),
        ]
    };
    let before = app.store.supplier_sla(ff).await.unwrap();
    let to = post(&app, &admin, path, &form("Mars/Olympus", "8")).await;
    assert!(
        to.to_lowercase().contains("time_zone") && to.contains("Mars/Olympus"),
        "{to}"
    );
    let to = post(&app, &admin, path, &form("America/New_York", "nine")).await;
    assert!(
        to.contains("Working day starts at must be a whole number"),
        "{to}"
    );
    let to = post(&app, &admin, path, &form("America/New_York", "17")).await;
    assert!(to.to_lowercase().contains("day_starts"), "{to}");
    assert_eq!(
        app.store.supplier_sla(ff).await.unwrap(),
        before,
        "nothing changed"
    );
    let planner = app.signed_in("freshfield", FF_PLANNER).await;
    let to = post(&app, &planner, path, &form("America/New_York", "8")).await;
    assert!(to.contains("error="), "{to}");
    assert_eq!(
        app.store.supplier_sla(ff).await.unwrap(),
        before,
        "nothing changed"
    );

    let to = post(&app, &admin, path, &form("America/New_York", "8")).await;
    assert!(to.contains("Supplier clocks saved"), "{to}");
    let now = app.store.supplier_sla(ff).await.unwrap();
    assert_eq!(now.time_zone, "America/New_York");
    assert_eq!(now.working_days, ["mon", "tue", "wed", "thu"]);
    assert_eq!(
        (
            now.day_starts,
            now.day_ends,
            now.ack_hours,
            now.escalate_after_hours
        ),
        (8, 16, 24, 4)
    );
    let trail = app
        .store
        .audit_for_subject(ff, "tenant:supplier_clocks")
        .await
        .unwrap();
    assert_eq!(trail.len(), 1);
    assert!(trail[0]
        .before
        .clone()
        .unwrap_or_default()
        .contains("Europe/Amsterdam"));
}
