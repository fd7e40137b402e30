//! The language people read (issue 14, point 1): the person's own choice, else the
//! tenant's default, else the browser's `Accept-Language`, else English. Translated
//! parts say their language (`lang=`); the catalogues' parity is the `i18n` crate's
//! own test.

use test_support::logins::{FF_ADMIN, FF_PLANNER, RL_ADMIN};
use test_support::{on_both_backends, spawn_app_with, Backend, Options, TestApp};

use super::*;

on_both_backends!(
    the_browser_the_tenant_and_the_person_choose_the_language_in_that_order,
    a_language_the_portal_does_not_speak_is_refused_and_nothing_changes,
    the_admin_sets_a_supplier_s_language_on_the_suppliers_page,
    a_person_in_two_portals_reads_each_one_s_default_until_they_choose
);

async fn page(app: &TestApp, c: &reqwest::Client, path: &str, accept: &str) -> String {
    let mut req = c.get(app.url(path));
    if !accept.is_empty() {
        req = req.header("accept-language", accept);
    }
    let res = req.send().await.unwrap();
    assert_eq!(res.status(), 200, "{path}");
    body(res).await
}

fn options() -> Options {
    // A tenant's default is changed under the app's feet below: no cached tenant.
    Options {
        tenant_cache_seconds: 0,
        ..Options::default()
    }
}

async fn the_browser_the_tenant_and_the_person_choose_the_language_in_that_order(backend: Backend) {
    let app = spawn_app_with(backend, options()).await;
    let visitor = app.client();

    // No preference anywhere: English.
    let login = page(&app, &visitor, "/t/freshfield/login", "").await;
    assert!(login.contains("Sign in to Freshfield Stock"), "{login}");
    // The browser asks for German (Dutch second): the sign-in page is German and says so.
    let login = page(
        &app,
        &visitor,
        "/t/freshfield/login",
        "de-DE,de;q=0.9,nl;q=0.8",
    )
    .await;
    assert!(login.contains("Bei Freshfield Stock anmelden"), "{login}");
    assert!(login.contains("lang=\"de\""), "{login}");
    assert!(login.contains(">Passwort<") && login.contains("Zum Inhalt springen"));
    // A language the portal does not speak: English.
    let login = page(&app, &visitor, "/t/freshfield/login", "fr-FR,fr;q=0.9").await;
    assert!(login.contains("Sign in to Freshfield Stock"));

    // The tenant's default comes before the browser's.
    let ff = app.tenant("freshfield").await;
    set_tenant_language(&app, ff.0, Some("nl")).await;
    let login = page(&app, &visitor, "/t/freshfield/login", "de-DE").await;
    assert!(login.contains("Aanmelden bij Freshfield Stock"), "{login}");

    // The person's own choice comes first, everywhere they go in the portal.
    let admin = app.signed_in("freshfield", FF_ADMIN).await;
    let account = page(&app, &admin, "/t/freshfield/account", "de").await;
    assert!(account.contains(">Taal<"), "the tenant's Dutch: {account}");
    let to = choose_language(&app, &admin, "freshfield", "de").await;
    assert!(to.contains("notice="), "{to}");
    let inventory = page(&app, &admin, "/t/freshfield/inventory", "nl").await;
    assert!(
        inventory.contains(">Bestand<") && inventory.contains(">Abmelden<"),
        "German navigation: {inventory}"
    );
    let account = page(&app, &admin, "/t/freshfield/account", "nl").await;
    assert!(
        account
            .split("<option")
            .any(|o| o.contains("value=\"de\"") && o.contains("selected")),
        "the choice is shown: {account}"
    );
    // The server's own pages follow it too.
    let trail = page(&app, &admin, "/t/freshfield/settings/audit", "nl").await;
    assert!(trail.contains("Zum Inhalt springen"), "{trail}");
    assert!(
        trail.contains("Fenna de Vries hat die eigene Sprache gewählt."),
        "the change is in the audit trail: {trail}"
    );
    // Another visitor of the portal still gets its default.
    let login = page(&app, &visitor, "/t/freshfield/login", "de").await;
    assert!(login.contains("Aanmelden bij"));

    // "As my browser asks" clears the choice: the tenant's default again.
    let to = choose_language(&app, &admin, "freshfield", "").await;
    assert!(to.contains("notice="), "{to}");
    let inventory = page(&app, &admin, "/t/freshfield/inventory", "de").await;
    assert!(inventory.contains(">Voorraad<"), "{inventory}");
    set_tenant_language(&app, ff.0, None).await;
    let inventory = page(&app, &admin, "/t/freshfield/inventory", "de").await;
    assert!(inventory.contains(">Bestand<"), "then the browser's");
}

async fn a_language_the_portal_does_not_speak_is_refused_and_nothing_changes(backend: Backend) {
    let app = spawn_app_with(backend, options()).await;
    let admin = app.signed_in("freshfield", FF_ADMIN).await;
    for bad in ["fr", "DE", "de-DE", "<script>", &"x".repeat(5000)] {
        let to = choose_language(&app, &admin, "freshfield", bad).await;
        let said = to.replace("%2C", ",").replace("%20", " ").replace('+', " ");
        assert!(
            said.contains("error=") && said.contains("en, de or nl"),
            "{bad:.20}: {to}"
        );
    }
    let inventory = page(&app, &admin, "/t/freshfield/inventory", "").await;
    assert!(inventory.contains(">Inventory<"), "still English");
}

/// Chooses a language on the person's account page; where it sends the browser.
async fn choose_language(app: &TestApp, c: &reqwest::Client, slug: &str, language: &str) -> String {
    let path = format!("/t/{slug}/account/language");
    let res = app.post_form(c, &path, &[("language", language)]).await;
    res.headers()["location"].to_str().unwrap().to_string()
}

/// Posts the Suppliers page's language form; where it sends the browser, decoded.
async fn supplier_language(
    app: &TestApp,
    c: &reqwest::Client,
    slug: &str,
    supplier: &str,
    language: &str,
) -> String {
    let path = format!("/t/{slug}/settings/suppliers/language");
    let res = app
        .post_form(
            c,
            &path,
            &[("supplier_id", supplier), ("language", language)],
        )
        .await;
    if res.status() == 404 {
        return "not found".into();
    }
    assert_eq!(res.status(), 303, "{path}");
    let to = res.headers()["location"].to_str().unwrap().to_string();
    to.replace("%2C", ",")
        .replace("%20", " ")
        .replace("%3A", ":")
        .replace("%27", "'")
        .replace('+', " ")
}

/// The retailer's admin sets the language one supplier's e-mails are written in on the
/// Suppliers page, and the page says so; a value the portal does not speak is named and
/// changes nothing; a planner cannot; another tenant's supplier is not there (even for
/// its own admin, through this portal); many saves at once leave one answer, each
/// audited.
async fn the_admin_sets_a_supplier_s_language_on_the_suppliers_page(backend: Backend) {
    let app = spawn_app_with(backend, options()).await;
    let ff = app.tenant("freshfield").await;
    let rl = app.tenant("ridgeline").await;
    let (_, suppliers) = app.store.labels(ff).await.unwrap();
    let sup = suppliers[0].0;
    let (_, theirs) = app.store.labels(rl).await.unwrap();
    let their_sup = theirs[0].0;
    let admin = app.signed_in("freshfield", FF_ADMIN).await;
    let id = sup.to_string();

    let to = supplier_language(&app, &admin, "freshfield", &id, "de").await;
    assert!(to.contains("The supplier's language is saved"), "{to}");
    assert_eq!(
        app.store
            .supplier_language(ff, sup)
            .await
            .unwrap()
            .as_deref(),
        Some("de")
    );
    let suppliers_page = page(&app, &admin, "/t/freshfield/settings/suppliers", "").await;
    assert!(
        suppliers_page.contains("e-mailed to this supplier in German"),
        "{suppliers_page}"
    );

    for bad in ["fr", "<script>", &"x".repeat(5000)] {
        let to = supplier_language(&app, &admin, "freshfield", &id, bad).await;
        assert!(
            to.contains("error=") && to.contains("is not one of en, de or nl"),
            "{bad:.20}: {to}"
        );
    }
    for bad in ["", "abc", "99999999999999999999999"] {
        let to = supplier_language(&app, &admin, "freshfield", bad, "nl").await;
        assert!(
            to.contains("error=") && to.contains("supplier"),
            "{bad}: {to}"
        );
    }
    for missing in ["-1", "0", "9223372036854775807"] {
        let to = supplier_language(&app, &admin, "freshfield", missing, "nl").await;
        assert_eq!(to, "not found", "{missing}");
    }
    let planner = app.signed_in("freshfield", FF_PLANNER).await;
    let to = supplier_language(&app, &planner, "freshfield", &id, "nl").await;
    assert!(to.contains("error="), "{to}");
    // Another tenant's supplier, named by its id: not there, and not changed.
    let to = supplier_language(&app, &admin, "freshfield", &their_sup.to_string(), "nl").await;
    assert_eq!(to, "not found");
    let ridgeline = app.signed_in("ridgeline", RL_ADMIN).await;
    let to = supplier_language(&app, &ridgeline, "ridgeline", &id, "nl").await;
    assert_eq!(to, "not found");
    assert_eq!(
        app.store.supplier_language(rl, their_sup).await.unwrap(),
        None
    );
    assert_eq!(
        app.store
            .supplier_language(ff, sup)
            .await
            .unwrap()
            .as_deref(),
        Some("de"),
        "nothing changed"
    );

    // Twenty saves at once, Dutch and English by turns: each is saved whole.
    let mut racing = tokio::task::JoinSet::new();
    for i in 0..20 {
        let language = if i % 2 == 0 { "nl" } else { "en" };
        let form = [
            ("supplier_id", id.clone()),
            ("language", language.to_string()),
        ];
        let post = admin
            .post(app.url("/t/freshfield/settings/suppliers/language"))
            .header("origin", app.origin())
            .form(&form);
        racing.spawn(async move { post.send().await.unwrap() });
    }
    for res in racing.join_all().await {
        let to = res.headers()["location"].to_str().unwrap().to_string();
        assert!(to.contains("notice="), "{to}");
    }
    let now = app.store.supplier_language(ff, sup).await.unwrap();
    assert!(matches!(now.as_deref(), Some("nl" | "en")), "{now:?}");
    // Each save is in the trail: the first, and the twenty at once.
    let trail = app
        .store
        .audit_for_subject(ff, &format!("supplier:{sup}"))
        .await
        .unwrap();
    assert_eq!(trail.len(), 21, "{trail:?}");
}

/// One person who works in two portals with different defaults reads each portal in its
/// own default; once they choose a language, it is theirs in both (a person's choice,
/// not a portal's).
async fn a_person_in_two_portals_reads_each_one_s_default_until_they_choose(backend: Backend) {
    let app = spawn_app_with(backend, options()).await;
    let ff = app.tenant("freshfield").await;
    let rl = app.tenant("ridgeline").await;
    set_tenant_language(&app, ff.0, Some("nl")).await;
    set_tenant_language(&app, rl.0, Some("de")).await;
    // Freshfield's admin is made a planner at Ridgeline too.
    let store = app.store.clone();
    async {
        engine::on_db!(store.db(), write, engine::db::Scope::Tenant(rl), |pool| {
            sqlx::query(
                "INSERT INTO memberships (tenant_id, user_id, role) \
                 SELECT $1, id, 'planner' FROM users WHERE email = $2",
            )
            .bind(rl.0)
            .bind(FF_ADMIN.0)
            .execute(pool)
            .await
            .map(|_| ())
        })?;
        Ok::<_, sqlx::Error>(())
    }
    .await
    .unwrap();
    let at_ff = app.signed_in("freshfield", FF_ADMIN).await;
    let at_rl = app.signed_in("ridgeline", FF_ADMIN).await;
    let inventory = |c| page(&app, c, "/t/freshfield/inventory", "en");
    assert!(
        inventory(&at_ff).await.contains(">Voorraad<"),
        "Freshfield's Dutch"
    );
    let theirs = page(&app, &at_rl, "/t/ridgeline/inventory", "en").await;
    assert!(theirs.contains(">Bestand<"), "Ridgeline's German: {theirs}");

    let to = choose_language(&app, &at_ff, "freshfield", "en").await;
    assert!(to.contains("notice="), "{to}");
    assert!(inventory(&at_ff).await.contains(">Inventory<"));
    let theirs = page(&app, &at_rl, "/t/ridgeline/inventory", "de").await;
    assert!(theirs.contains(">Inventory<"), "their choice there too");
}

async fn set_tenant_language(app: &TestApp, tenant: i64, language: Option<&str>) {
    let store = app.store.clone();
    async {
        engine::on_db!(store.db(), write, engine::db::Scope::System, |pool| {
            sqlx::query("UPDATE tenants SET language = $1 WHERE id = $2")
                .bind(language)
                .bind(tenant)
                .execute(pool)
                .await
                .map(|_| ())
        })?;
        Ok::<_, sqlx::Error>(())
    }
    .await
    .unwrap();
}
