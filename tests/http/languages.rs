//! The language people read (issue 14, point 1): the person's own choice, else the
//! tenant's default, else the browser's `Accept-Language`, else English. Translated
//! parts say their language (`lang=`); the catalogues' parity is the `i18n` crate's
//! own test.

use test_support::logins::FF_ADMIN;
use test_support::{on_both_backends, spawn_app_with, Backend, Options, TestApp};

use super::*;

on_both_backends!(
    the_browser_the_tenant_and_the_person_choose_the_language_in_that_order,
    a_language_the_portal_does_not_speak_is_refused_and_nothing_changes
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
    let res = app
        .post_form(
            &admin,
            "/t/freshfield/account/language",
            &[("language", "de")],
        )
        .await;
    let to = res.headers()["location"].to_str().unwrap().to_string();
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
    let res = app
        .post_form(
            &admin,
            "/t/freshfield/account/language",
            &[("language", "")],
        )
        .await;
    assert!(res.headers()["location"]
        .to_str()
        .unwrap()
        .contains("notice="));
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
        let res = app
            .post_form(
                &admin,
                "/t/freshfield/account/language",
                &[("language", bad)],
            )
            .await;
        let to = res.headers()["location"].to_str().unwrap().to_string();
        let said = to.replace("%2C", ",").replace("%20", " ").replace('+', " ");
        assert!(
            said.contains("error=") && said.contains("en, de or nl"),
            "{bad:.20}: {to}"
        );
    }
    let inventory = page(&app, &admin, "/t/freshfield/inventory", "").await;
    assert!(inventory.contains(">Inventory<"), "still English");
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
