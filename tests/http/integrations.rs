//! API keys in the portal: the tenant admin makes a key with scopes (shown once),
//! sees its prefix, scopes and last use, rotates it (the old key works for the chosen
//! overlap) and revokes it; the events API honours scopes, revocation and overlap; and
//! nobody else, nor another tenant's admin, can touch a key.

use test_support::{logins, on_both_backends, spawn_app, Backend, TestApp};

use super::*;

on_both_backends!(
    an_admin_makes_rotates_and_revokes_keys_and_the_api_honours_them,
    only_the_tenants_admin_manages_its_keys,
);

const PAGE: &str = "/t/freshfield/settings/integrations";

fn batch(id: &str) -> serde_json::Value {
    json!({"events": [event(id, "count", "S-AMS1", "FF-0001", 20)]})
}

async fn events_status(app: &TestApp, key: &str, id: &str) -> u16 {
    post_events(app, "/t/freshfield/api/v1/events", key, &batch(id))
        .await
        .status()
        .as_u16()
}

/// The key a page shows once, if it shows one.
fn shown_key(page: &str) -> Option<String> {
    let at = page.find("sw_")?;
    let key: String = page[at..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect();
    (key.len() > 20).then_some(key)
}

async fn page(app: &TestApp, client: &reqwest::Client) -> String {
    body(client.get(app.url(PAGE)).send().await.unwrap()).await
}

async fn an_admin_makes_rotates_and_revokes_keys_and_the_api_honours_them(backend: Backend) {
    let app = spawn_app(backend).await;
    let ff = app.tenant("freshfield").await;
    let admin = app.signed_in("freshfield", logins::FF_ADMIN).await;
    let empty = page(&app, &admin).await;
    assert!(empty.contains("No keys yet"), "{empty}");

    // Bad input is named and makes nothing.
    let res = app
        .post_form(&admin, &format!("{PAGE}/keys"), &[("name", "till-sync")])
        .await;
    assert!(res.headers()["location"]
        .to_str()
        .unwrap()
        .contains("error="));
    let res = app
        .post_form(
            &admin,
            &format!("{PAGE}/keys"),
            &[("name", "till-sync"), ("scope", "root")],
        )
        .await;
    let to = res.headers()["location"].to_str().unwrap().to_string();
    assert!(to.contains("error=") && to.contains("scope"), "{to}");

    // A key that writes events: shown once, then only its prefix.
    let res = app
        .post_form(
            &admin,
            &format!("{PAGE}/keys"),
            &[("name", "till-sync"), ("scope", "write_events")],
        )
        .await;
    let to = res.headers()["location"].to_str().unwrap().to_string();
    assert!(
        to.contains("notice=") && !to.contains("sw_"),
        "the key is never in a URL: {to}"
    );
    let first = page(&app, &admin).await;
    let key = shown_key(&first).expect("the new key is shown");
    let again = page(&app, &admin).await;
    assert!(shown_key(&again).is_none(), "shown only once");
    let prefix = &key[3..11];
    assert!(again.contains(&format!("sw_{prefix}_…")) && again.contains("Write stock events"));
    assert!(again.contains("never"), "not used yet");
    assert_eq!(events_status(&app, &key, "e1").await, 200);
    assert!(
        !page(&app, &admin).await.contains(">never<"),
        "last use shown"
    );

    // A key that only reads inventory may not write events.
    app.post_form(
        &admin,
        &format!("{PAGE}/keys"),
        &[("name", "bi-export"), ("scope", "read_inventory")],
    )
    .await;
    let reader = shown_key(&page(&app, &admin).await).unwrap();
    let res = post_events(&app, "/t/freshfield/api/v1/events", &reader, &batch("e2")).await;
    assert_eq!(res.status(), 403);
    assert!(body(res).await.contains("write_events"));

    // Rotation with an overlap: both keys work until it ends.
    let keys = app
        .store
        .api_keys(ff, engine::model::now_ms())
        .await
        .unwrap();
    let old_id = keys.iter().find(|k| k.prefix == prefix).unwrap().id;
    let res = app
        .post_form(
            &admin,
            &format!("{PAGE}/keys/{old_id}/rotate"),
            &[("overlap_hours", "24")],
        )
        .await;
    assert!(res.headers()["location"]
        .to_str()
        .unwrap()
        .contains("notice="));
    let rotated = page(&app, &admin).await;
    let new_key = shown_key(&rotated).unwrap();
    assert_ne!(new_key, key);
    assert!(rotated.contains("Works until"), "{rotated}");
    assert_eq!(
        events_status(&app, &key, "e3").await,
        200,
        "the old key, in its overlap"
    );
    assert_eq!(events_status(&app, &new_key, "e4").await, 200);
    // It was rotated: rotating it again is refused (its replacement is the one to rotate).
    let res = app
        .post_form(
            &admin,
            &format!("{PAGE}/keys/{old_id}/rotate"),
            &[("overlap_hours", "1")],
        )
        .await;
    let to = res.headers()["location"].to_str().unwrap().to_string();
    assert!(to.contains("error=") && to.contains("rotated"), "{to}");
    assert!(shown_key(&page(&app, &admin).await).is_none());
    // An overlap out of range is named; rotating with none ends the old key at once.
    let new_id = app
        .store
        .api_keys(ff, engine::model::now_ms())
        .await
        .unwrap()[0]
        .id;
    let res = app
        .post_form(
            &admin,
            &format!("{PAGE}/keys/{new_id}/rotate"),
            &[("overlap_hours", "721")],
        )
        .await;
    assert!(res.headers()["location"]
        .to_str()
        .unwrap()
        .contains("error="));
    app.post_form(
        &admin,
        &format!("{PAGE}/keys/{new_id}/rotate"),
        &[("overlap_hours", "0")],
    )
    .await;
    let newest = shown_key(&page(&app, &admin).await).unwrap();
    assert_eq!(events_status(&app, &new_key, "e5").await, 401);
    assert_eq!(events_status(&app, &newest, "e6").await, 200);

    // Revoking needs the box ticked, then the key stops at once.
    let newest_id = app
        .store
        .api_keys(ff, engine::model::now_ms())
        .await
        .unwrap()[0]
        .id;
    let res = app
        .post_form(&admin, &format!("{PAGE}/keys/{newest_id}/revoke"), &[])
        .await;
    assert!(res.headers()["location"]
        .to_str()
        .unwrap()
        .contains("error="));
    assert_eq!(events_status(&app, &newest, "e7").await, 200);
    app.post_form(
        &admin,
        &format!("{PAGE}/keys/{newest_id}/revoke"),
        &[("confirm", "yes")],
    )
    .await;
    assert_eq!(events_status(&app, &newest, "e8").await, 401);
    assert!(page(&app, &admin).await.contains("Revoked"));

    // Every change is audited with the prefix, never the key.
    let trail = app.store.audit_trail(ff).await.unwrap();
    let actions: Vec<&str> = trail
        .iter()
        .filter(|e| e.action.starts_with("api_key."))
        .map(|e| e.action.as_str())
        .collect();
    assert_eq!(
        actions,
        [
            "api_key.created",
            "api_key.created",
            "api_key.rotated",
            "api_key.rotated",
            "api_key.revoked"
        ]
    );
    let text = serde_json::to_string(&trail.iter().map(|e| &e.after).collect::<Vec<_>>()).unwrap();
    for k in [&key, &reader, &new_key, &newest] {
        assert!(!text.contains(&k[12..]), "no key's secret in the trail");
    }
    app.run_pending_jobs().await;
}

async fn only_the_tenants_admin_manages_its_keys(backend: Backend) {
    let app = spawn_app(backend).await;
    let ff = app.tenant("freshfield").await;
    let admin = app.signed_in("freshfield", logins::FF_ADMIN).await;
    app.post_form(
        &admin,
        &format!("{PAGE}/keys"),
        &[("name", "till-sync"), ("scope", "write_events")],
    )
    .await;
    let key = shown_key(&page(&app, &admin).await).unwrap();
    // A key left unseen is never shown on another tenant's page in the same browser.
    app.post_form(
        &admin,
        &format!("{PAGE}/keys"),
        &[("name", "unseen"), ("scope", "write_events")],
    )
    .await;
    app.login(&admin, "ridgeline", RL_ADMIN.0, RL_ADMIN.1).await;
    let elsewhere = body(
        admin
            .get(app.url("/t/ridgeline/settings/integrations"))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert!(shown_key(&elsewhere).is_none(), "{elsewhere}");
    let id = app
        .store
        .api_keys(ff, engine::model::now_ms())
        .await
        .unwrap()[0]
        .id;
    // A planner sees no page and changes nothing.
    let planner = app.signed_in("freshfield", FF_PLANNER).await;
    let refused = page(&app, &planner).await;
    assert!(
        refused.contains("cannot") && !refused.contains("Make the key"),
        "{refused}"
    );
    let res = app
        .post_form(
            &planner,
            &format!("{PAGE}/keys/{id}/revoke"),
            &[("confirm", "yes")],
        )
        .await;
    assert!(res.headers()["location"]
        .to_str()
        .unwrap()
        .contains("error="));
    // Another tenant's admin: the key is not found there, and it stays working.
    let other = app.signed_in("ridgeline", RL_ADMIN).await;
    let res = app
        .post_form(
            &other,
            &format!("/t/ridgeline/settings/integrations/keys/{id}/revoke"),
            &[("confirm", "yes")],
        )
        .await;
    assert_eq!(res.status(), 404);
    assert_eq!(events_status(&app, &key, "x1").await, 200);
    app.run_pending_jobs().await;
}
