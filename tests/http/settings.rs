//! Settings from the portal: replenishment policies and the approval matrix's rules.

use test_support::logins::{FF_ADMIN, FF_SUPPLIER};
use test_support::{on_both_backends, spawn_app, Backend};

use super::*;

on_both_backends!(
    a_planner_sets_a_policy_for_one_store_from_the_portal,
    the_admin_edits_approval_rules_in_a_form,
    settings_forms_refuse_before_they_look_and_trust_no_id,
    a_planner_sets_one_positions_levels_and_the_nightly_hour,
    the_admin_sets_the_assistants_limits_and_everyone_sees_its_record,
);

async fn a_planner_sets_a_policy_for_one_store_from_the_portal(backend: Backend) {
    let app = spawn_app(backend).await;
    let ff = app.tenant("freshfield").await;
    let store_id = app.store.location_ids(ff, &["S-AMS1"]).await.unwrap()["S-AMS1"];
    let planner = app.client();
    app.login(&planner, "freshfield", FF_PLANNER.0, FF_PLANNER.1)
        .await;
    let save = |client: &reqwest::Client, case_pack: &str, uplifts: &str, location: String| {
        client
            .post(app.url("/t/freshfield/settings/policies"))
            .header("origin", app.origin())
            .form(&[
                ("class", "dairy".to_string()),
                ("location_id", location),
                ("method", "min_max".to_string()),
                ("safety_stock", "4".to_string()),
                ("service_z", "1.65".to_string()),
                ("lead_time_days", "".to_string()),
                ("case_pack", case_pack.to_string()),
                ("moq", "0".to_string()),
                ("uplifts", uplifts.to_string()),
            ])
            .send()
    };
    // Each bad field is named, and nothing is saved.
    for (case_pack, uplifts, location, says) in [
        (
            "six",
            "",
            store_id.to_string(),
            "Case pack must be a whole number",
        ),
        (
            "0",
            "",
            store_id.to_string(),
            "case_pack must be between 1 and 100000",
        ),
        ("6", "soon 1.5", store_id.to_string(), "Promotion line 1"),
        (
            "9223372036854775807",
            "",
            store_id.to_string(),
            "case_pack must be between 1 and 100000",
        ),
        (
            "6",
            "",
            "999999".to_string(),
            "Choose a location of this portal",
        ),
    ] {
        let res = save(&planner, case_pack, uplifts, location).await.unwrap();
        let to = res.headers()["location"].to_str().unwrap().to_string();
        assert!(to.contains("error="), "{to}");
        let page = body(planner.get(app.url(&to)).send().await.unwrap()).await;
        assert!(page.contains(says), "{says}: {page}");
    }
    let before = app.store.policies(ff).await.unwrap().len();
    let res = save(
        &planner,
        "6",
        "2026-12-01 2026-12-24 1.5",
        store_id.to_string(),
    )
    .await
    .unwrap();
    assert!(res.headers()["location"]
        .to_str()
        .unwrap()
        .contains("notice="));
    let policies = app.store.policies(ff).await.unwrap();
    assert_eq!(policies.len(), before + 1);
    let saved = policies
        .iter()
        .find(|p| p.location_id == Some(store_id))
        .unwrap();
    let page = body(
        planner
            .get(app.url(&format!(
                "/t/freshfield/settings/policies?edit={}",
                saved.id
            )))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert!(page.contains("min/max · safety stock 4"), "{page}");
    assert!(
        page.contains("1 promotion") && !page.contains("1 promotions"),
        "one promotion reads in the singular"
    );
    assert!(
        page.contains("2026-12-01 2026-12-24 1.5"),
        "the form is filled in to edit"
    );

    // A forecast-driven policy counts its order cycle when asked, and the list says
    // so; any other method never does, whatever the form sends.
    for (method, counted) in [("forecast", true), ("min_max", false)] {
        let res = planner
            .post(app.url("/t/freshfield/settings/policies"))
            .header("origin", app.origin())
            .form(&[
                ("class", "bakery"),
                ("location_id", ""),
                ("method", method),
                ("safety_stock", "0"),
                ("service_z", "1.65"),
                ("case_pack", "1"),
                ("moq", "0"),
                ("cover_days", "1"),
                ("order_cycle", "yes"),
            ])
            .send()
            .await
            .unwrap();
        let to = res.headers()["location"].to_str().unwrap().to_string();
        assert!(to.contains("notice="), "{to}");
        let bakery = app
            .store
            .policies(ff)
            .await
            .unwrap()
            .into_iter()
            .find(|p| p.class == "bakery" && p.location_id.is_none())
            .unwrap();
        let settings: serde_json::Value = serde_json::from_str(&bakery.settings).unwrap();
        // (Left out of the stored JSON when off, so older binaries still read it.)
        let stored = settings.get("order_cycle").and_then(|v| v.as_bool());
        assert_eq!(stored, counted.then_some(true), "{method}");
        let list = body(
            planner
                .get(app.url("/t/freshfield/settings/policies"))
                .send()
                .await
                .unwrap(),
        )
        .await;
        // (The summary's part, after its separator; the form's labels mention it too.)
        assert_eq!(list.contains("· order cycle counted"), counted, "{method}");
    }

    // An approver reads policies but cannot change them.
    let op = app.client();
    app.login(
        &op,
        "freshfield",
        "operator@freshfield.example",
        "freshfield-ops-2026",
    )
    .await;
    let res = save(&op, "6", "", String::new()).await.unwrap();
    assert!(res.headers()["location"]
        .to_str()
        .unwrap()
        .contains("error="));
    assert_eq!(app.store.policies(ff).await.unwrap().len(), before + 1);
    let page = body(
        op.get(app.url("/t/freshfield/settings/policies"))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert!(
        page.contains("min/max") && !page.contains("Save policy"),
        "{page}"
    );

    // Deleting (behind a second click on the page) goes back to the broader policy.
    let delete = app.url(&format!(
        "/t/freshfield/settings/policies/{}/delete",
        saved.id
    ));
    let res = planner
        .post(&delete)
        .header("origin", app.origin())
        .send()
        .await
        .unwrap();
    assert!(res.headers()["location"]
        .to_str()
        .unwrap()
        .contains("notice="));
    assert_eq!(app.store.policies(ff).await.unwrap().len(), before);
    // What the posted events queued runs cleanly.
    app.run_pending_jobs().await;
}

async fn the_admin_edits_approval_rules_in_a_form(backend: Backend) {
    let app = spawn_app(backend).await;
    let ff = app.tenant("freshfield").await;
    let admin = app.client();
    app.login(
        &admin,
        "freshfield",
        "admin@freshfield.example",
        "freshfield-admin-2026",
    )
    .await;
    let page = |client: &reqwest::Client| {
        let url = app.url("/t/freshfield/settings/approvals");
        let client = client.clone();
        async move { body(client.get(url).send().await.unwrap()).await }
    };
    let before = page(&admin).await;
    assert!(
        before.contains("Small orders") && before.contains("approve automatically"),
        "{before}"
    );
    let (_, version, _) = app.store.tenant_settings(ff).await.unwrap().unwrap();
    let rules_before = engine::replenish::matrix(&app.store, ff)
        .await
        .unwrap()
        .0
        .rules;
    let post = |client: &reqwest::Client, path: &str, form: Vec<(&str, String)>| {
        client
            .post(app.url(path))
            .header("origin", app.origin())
            .form(&form)
            .send()
    };
    let rule = |max: &str, version: i64| {
        vec![
            ("version", version.to_string()),
            ("name", "Dairy transfers".to_string()),
            ("doc_type", "transfer".to_string()),
            ("min_value", String::new()),
            ("max_value", max.to_string()),
            ("class", "dairy".to_string()),
            ("region", String::new()),
            ("location_id", String::new()),
            ("supplier_id", String::new()),
            ("outcome", "steps".to_string()),
            ("step1_role", "approver".to_string()),
            ("step1_hours", "8".to_string()),
            ("step1_escalate_to", "tenant_admin".to_string()),
            ("step2_role", String::new()),
            ("step2_hours", "24".to_string()),
            ("step2_escalate_to", String::new()),
        ]
    };
    // A bad amount is named, and nothing changes.
    let res = post(
        &admin,
        "/t/freshfield/settings/approvals/rules",
        rule("lots", version),
    )
    .await
    .unwrap();
    let to = res.headers()["location"].to_str().unwrap().to_string();
    assert!(to.contains("error="), "{to}");
    let shown = body(admin.get(app.url(&to)).send().await.unwrap()).await;
    assert!(shown.contains("Value up to must be an amount"), "{shown}");
    assert_eq!(
        app.store.tenant_settings(ff).await.unwrap().unwrap().1,
        version
    );

    let res = post(
        &admin,
        "/t/freshfield/settings/approvals/rules",
        rule("1,500.00", version),
    )
    .await
    .unwrap();
    assert!(res.headers()["location"]
        .to_str()
        .unwrap()
        .contains("notice="));
    let rules = engine::replenish::matrix(&app.store, ff)
        .await
        .unwrap()
        .0
        .rules;
    assert_eq!(rules.len(), rules_before.len() + 1);
    let added = rules.last().unwrap();
    assert_eq!(
        (
            added.name.as_str(),
            added.max_value_minor,
            added.class.as_deref()
        ),
        ("Dairy transfers", Some(150_000), Some("dairy"))
    );
    let shown = page(&admin).await;
    assert!(
        shown.contains("transfers · up to EUR 1,500.00 · class dairy"),
        "the rule in words: {shown}"
    );
    assert!(
        shown.contains("1. approver (after 8 h to tenant admin)"),
        "{shown}"
    );

    // Moving it up from a page that showed the old version is refused; from the current
    // one it works.
    let last = rules.len() - 1;
    let move_up = format!("/t/freshfield/settings/approvals/rules/{last}/up");
    let res = post(&admin, &move_up, vec![("version", version.to_string())])
        .await
        .unwrap();
    let to = res.headers()["location"].to_str().unwrap().to_string();
    assert!(to.contains("error="), "{to}");
    let shown = body(admin.get(app.url(&to)).send().await.unwrap()).await;
    assert!(shown.contains("changed meanwhile"), "{shown}");
    let current = app.store.tenant_settings(ff).await.unwrap().unwrap().1;
    let res = post(&admin, &move_up, vec![("version", current.to_string())])
        .await
        .unwrap();
    assert!(res.headers()["location"]
        .to_str()
        .unwrap()
        .contains("notice="));
    let rules = engine::replenish::matrix(&app.store, ff)
        .await
        .unwrap()
        .0
        .rules;
    assert_eq!(rules[last - 1].name, "Dairy transfers");

    // A planner cannot change the matrix; the admin deletes the rule again.
    let planner = app.client();
    app.login(&planner, "freshfield", FF_PLANNER.0, FF_PLANNER.1)
        .await;
    let current = app.store.tenant_settings(ff).await.unwrap().unwrap().1;
    let delete = format!("/t/freshfield/settings/approvals/rules/{}/delete", last - 1);
    let res = post(&planner, &delete, vec![("version", current.to_string())])
        .await
        .unwrap();
    assert!(res.headers()["location"]
        .to_str()
        .unwrap()
        .contains("error="));
    let res = post(&admin, &delete, vec![("version", current.to_string())])
        .await
        .unwrap();
    assert!(res.headers()["location"]
        .to_str()
        .unwrap()
        .contains("notice="));
    assert_eq!(
        engine::replenish::matrix(&app.store, ff)
            .await
            .unwrap()
            .0
            .rules,
        rules_before
    );
    let trail = app
        .store
        .audit_for_subject(ff, "approval_matrix")
        .await
        .unwrap();
    assert_eq!(trail.len(), 3, "added, moved, deleted: each audited");
}

/// Someone without the permission is refused before anything is looked up (a supplier
/// cannot probe which locations or suppliers exist), and ids from a form or the TOML
/// editor are checked against the tenant by the engine, whoever calls it.
async fn settings_forms_refuse_before_they_look_and_trust_no_id(backend: Backend) {
    let app = spawn_app(backend).await;
    let (ff, rl) = (
        app.tenant("freshfield").await,
        app.tenant("ridgeline").await,
    );
    let their_store = app.store.locations(rl).await.unwrap()[0].id.to_string();
    let error_of = |res: reqwest::Response| {
        let to = res.headers()["location"].to_str().unwrap().to_string();
        assert!(to.contains("error="), "{to}");
        urlencoding_decode(&to)
    };
    let supplier = app.signed_in("freshfield", FF_SUPPLIER).await;
    let policy = |location: &str| {
        vec![
            ("class", "dairy".to_string()),
            ("location_id", location.to_string()),
            ("method", "reorder_point".to_string()),
            ("safety_stock", "0".to_string()),
            ("service_z", "1.65".to_string()),
            ("lead_time_days", String::new()),
            ("case_pack", "1".to_string()),
            ("moq", "0".to_string()),
            ("uplifts", String::new()),
        ]
    };
    for location in ["999999", their_store.as_str(), ""] {
        let form = policy(location);
        let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let res = app
            .post_form(&supplier, "/t/freshfield/settings/policies", &form)
            .await;
        let said = error_of(res);
        assert!(
            said.contains("Your role cannot change replenishment policies"),
            "the same refusal whatever the location: {said}"
        );
    }
    let (_, version, _) = app.store.tenant_settings(ff).await.unwrap().unwrap();
    let toml = |location: &str| {
        format!(
            "auto_approve_limit_minor = 100000\n\n[[default_steps]]\nrole = \"approver\"\nescalate_after_hours = 24\n\n\
             [[rules]]\nname = \"Theirs\"\nlocation_id = {location}\n\n[rules.outcome]\nkind = \"auto_approve\"\n"
        )
    };
    let matrix_form = |location: &str| {
        vec![
            ("matrix", toml(location)),
            ("po_window_minutes", "60".to_string()),
            ("version", version.to_string()),
        ]
    };
    let form = matrix_form(&their_store);
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let said = error_of(
        app.post_form(&supplier, "/t/freshfield/settings/approvals", &form)
            .await,
    );
    assert!(
        said.contains("Your role cannot change the approval matrix"),
        "{said}"
    );
    // The admin may change the matrix, but not point a rule at another tenant's store.
    let admin = app.signed_in("freshfield", FF_ADMIN).await;
    let said = error_of(
        app.post_form(&admin, "/t/freshfield/settings/approvals", &form)
            .await,
    );
    assert!(said.contains("choose a location of this portal"), "{said}");
    let (_, after, _) = app.store.tenant_settings(ff).await.unwrap().unwrap();
    assert_eq!(after, version, "nothing was saved");
    // Without the version the page showed, nothing is saved either.
    let mut form = matrix_form(&app.store.locations(ff).await.unwrap()[0].id.to_string());
    form.retain(|(k, _)| *k != "version");
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let said = error_of(
        app.post_form(&admin, "/t/freshfield/settings/approvals", &form)
            .await,
    );
    assert!(said.contains("missing the matrix version"), "{said}");
}

async fn a_planner_sets_one_positions_levels_and_the_nightly_hour(backend: Backend) {
    use engine::model::PositionFilter;
    let app = spawn_app(backend).await;
    let (ff, rl) = (
        app.tenant("freshfield").await,
        app.tenant("ridgeline").await,
    );
    let first = |t| {
        let store = app.store.clone();
        async move {
            let filter = PositionFilter {
                per_page: 1,
                ..PositionFilter::default()
            };
            store.positions(t, &filter).await.unwrap().rows.remove(0)
        }
    };
    let mine = first(ff).await;
    let theirs = first(rl).await;
    let planner = app.signed_in("freshfield", FF_PLANNER).await;
    let page = |client: reqwest::Client, path: String| {
        let url = app.url(&path);
        async move { client.get(url).send().await.unwrap().text().await.unwrap() }
    };
    let inventory = format!("/t/freshfield/inventory?q={}", mine.sku);
    let before = page(planner.clone(), inventory.clone()).await;
    assert!(
        before.contains("Levels from") && before.contains("tenant setup"),
        "{before}"
    );
    assert!(
        before.contains("Save for this position"),
        "planners get the form"
    );

    let levels = |p: &engine::model::PositionRow, rop: &str, out: &str, back: &str| {
        vec![
            ("location_id", p.location_id.to_string()),
            ("product_id", p.product_id.to_string()),
            ("reorder_point", rop.to_string()),
            ("order_up_to", out.to_string()),
            ("back", back.to_string()),
        ]
    };
    let app_ref = &app;
    let post = |client: &reqwest::Client, form: Vec<(&'static str, String)>| {
        let client = client.clone();
        async move {
            let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
            app_ref
                .post_form(&client, "/t/freshfield/inventory/levels", &form)
                .await
        }
    };
    let back = format!("/inventory?q={}", mine.sku);
    // Saved, and the planner is back on the same filtered list with a notice.
    let res = post(&planner, levels(&mine, "7", "50", &back)).await;
    let to = res.headers()["location"].to_str().unwrap().to_string();
    assert!(
        to.starts_with(&format!("/t/freshfield{back}&notice=")),
        "{to}"
    );
    let after = page(planner.clone(), inventory.clone()).await;
    assert!(after.contains("set for this position"), "{after}");
    assert!(
        after.contains("Use the policy&#x27;s levels") || after.contains("Use the policy's levels")
    );
    let row = app
        .store
        .position(ff, &mine.sku, &mine.location_code)
        .await
        .unwrap()
        .unwrap();
    assert_eq!((row.reorder_point, row.order_up_to), (7, 50));

    // A bad value is named; a foreign redirect target is ignored; nothing changes.
    let res = post(&planner, levels(&mine, "60", "50", "https://evil.example/")).await;
    let to = res.headers()["location"].to_str().unwrap().to_string();
    assert!(to.starts_with("/t/freshfield/inventory?error="), "{to}");
    assert!(
        urlencoding_decode(&to).contains("order-up-to level must be between"),
        "{to}"
    );
    let res = post(&planner, levels(&mine, "seven", "50", &back)).await;
    let to = urlencoding_decode(res.headers()["location"].to_str().unwrap());
    assert!(to.contains("Reorder point must be a whole number"), "{to}");
    // Another tenant's position is not found here, and stays as it was.
    let res = post(&planner, levels(&theirs, "1", "2", &back)).await;
    assert_eq!(res.status(), 404);
    let still = app
        .store
        .position(rl, &theirs.sku, &theirs.location_code)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (still.reorder_point, still.order_up_to),
        (theirs.reorder_point, theirs.order_up_to)
    );
    // Someone without the permission is told so.
    let supplier = app.signed_in("freshfield", FF_SUPPLIER).await;
    let res = post(&supplier, levels(&mine, "1", "2", &back)).await;
    let to = urlencoding_decode(res.headers()["location"].to_str().unwrap());
    assert!(to.contains("error="), "{to}");
    let row = app
        .store
        .position(ff, &mine.sku, &mine.location_code)
        .await
        .unwrap()
        .unwrap();
    assert_eq!((row.reorder_point, row.order_up_to), (7, 50));

    // The nightly check's hour.
    let hour = |h: &str| {
        let client = planner.clone();
        let h = h.to_string();
        async move {
            let res = app_ref
                .post_form(
                    &client,
                    "/t/freshfield/settings/policies/sweep-hour",
                    &[("hour", h.as_str())],
                )
                .await;
            urlencoding_decode(res.headers()["location"].to_str().unwrap())
        }
    };
    assert!(hour("24").await.contains("between 0 and 23"));
    assert!(hour("5").await.contains("nightly at 05:00 UTC"));
    assert_eq!(app.store.sweep_hour(ff).await.unwrap(), Some(5));
    assert_ne!(
        app.store.sweep_hour(rl).await.unwrap(),
        Some(5),
        "only this tenant's"
    );
    let settings = page(planner.clone(), "/t/freshfield/settings/policies".into()).await;
    assert!(settings.contains("Nightly check"), "{settings}");

    // The anomaly checks' thresholds: a bad one is named and nothing is saved.
    let checks = |mad_k: &str| {
        let client = planner.clone();
        let mad_k = mad_k.to_string();
        async move {
            let res = app_ref
                .post_form(
                    &client,
                    "/t/freshfield/settings/policies/anomalies",
                    &[
                        ("enabled", "on"),
                        ("mad_k", mad_k.as_str()),
                        ("min_units", "20"),
                        ("count_jump_pct", "80"),
                        ("count_min_units", "30"),
                    ],
                )
                .await;
            urlencoding_decode(res.headers()["location"].to_str().unwrap())
        }
    };
    assert!(checks("1")
        .await
        .contains("MAD multiplier must be between 2 and 100"));
    assert!(checks("lots")
        .await
        .contains("MAD multiplier must be a number"));
    assert_eq!(
        app.store.anomaly_settings(ff).await.unwrap(),
        engine::anomaly::Settings::default()
    );
    assert!(checks("6").await.contains("anomaly checks are saved"));
    let saved = app.store.anomaly_settings(ff).await.unwrap();
    assert_eq!(
        (
            saved.enabled,
            saved.mad_k,
            saved.min_units,
            saved.new_location
        ),
        (true, 6.0, 20, false),
        "an unticked box is off"
    );
    assert_eq!(
        app.store.anomaly_settings(rl).await.unwrap(),
        engine::anomaly::Settings::default(),
        "only this tenant's"
    );
    let settings = page(planner.clone(), "/t/freshfield/settings/policies".into()).await;
    assert!(settings.contains("Anomaly checks"), "{settings}");
    app.run_pending_jobs().await;
}

async fn the_admin_sets_the_assistants_limits_and_everyone_sees_its_record(backend: Backend) {
    let app = spawn_app(backend).await;
    let ff = app.tenant("freshfield").await;
    let rl = app.tenant("ridgeline").await;
    let dairy = app.store.supplier_ids(ff, &["SUP-DAIRY"]).await.unwrap()["SUP-DAIRY"];
    let theirs = app.store.labels(rl).await.unwrap().1[0].0;
    let admin = app.signed_in("freshfield", FF_ADMIN).await;
    let get = |client: &reqwest::Client| {
        let req = client.get(app.url("/t/freshfield/settings/assistant"));
        async move { body(req.send().await.unwrap()).await }
    };
    let page = get(&admin).await;
    assert!(page.contains("<h1>Assistant</h1>"), "{page}");
    assert!(
        page.contains("Save the limits") && page.contains("Nothing judged yet"),
        "{page}"
    );
    let app_ref = &app;
    let save = |mode: &'static str,
                doc: &'static str,
                conf: &'static str,
                class: &'static str,
                supplier: String| {
        let client = admin.clone();
        async move {
            let res = app_ref
                .post_form(
                    &client,
                    "/t/freshfield/settings/assistant",
                    &[
                        ("mode", mode),
                        ("max_document", doc),
                        ("max_daily", "2,000"),
                        ("min_confidence", conf),
                        ("class", class),
                        ("supplier", supplier.as_str()),
                    ],
                )
                .await;
            urlencoding_decode(res.headers()["location"].to_str().unwrap())
        }
    };
    // Each bad field is named and nothing is saved.
    for (mode, doc, conf, class, supplier, says) in [
        (
            "sometimes",
            "500",
            "80",
            "dairy",
            dairy.to_string(),
            "Choose a mode",
        ),
        (
            "act",
            "lots",
            "80",
            "dairy",
            dairy.to_string(),
            "most per document must be an amount",
        ),
        (
            "act",
            "500",
            "101",
            "dairy",
            dairy.to_string(),
            "whole per cent from 0 to 100",
        ),
        (
            "act",
            "5,000",
            "80",
            "dairy",
            dairy.to_string(),
            "most per day cannot be less",
        ),
        (
            "act",
            "500",
            "80",
            "caviar",
            dairy.to_string(),
            "\"caviar\" is not one of your product classes",
        ),
        (
            "act",
            "500",
            "80",
            "dairy",
            theirs.to_string(),
            "not one of yours",
        ),
    ] {
        let to = save(mode, doc, conf, class, supplier).await;
        assert!(to.contains(says), "{says}: {to}");
    }
    assert_eq!(
        app.store.assistant_limits(ff).await.unwrap(),
        engine::assistant::Limits::default()
    );
    let to = save("shadow", "500.50", "75", "dairy", dairy.to_string()).await;
    assert!(to.contains("limits are saved"), "{to}");
    let saved = app.store.assistant_limits(ff).await.unwrap();
    assert_eq!(
        (
            saved.mode,
            saved.max_document_minor,
            saved.max_daily_minor,
            saved.min_confidence_pct
        ),
        (engine::assistant::Mode::Shadow, 50_050, 200_000, 75)
    );
    assert_eq!(
        (saved.classes, saved.suppliers),
        (vec!["dairy".to_string()], vec![dairy])
    );
    assert_eq!(
        app.store.assistant_limits(rl).await.unwrap(),
        engine::assistant::Limits::default(),
        "only this tenant's"
    );
    let page = get(&admin).await;
    assert!(page.contains("value=\"500.50\""), "{page}");
    // A planner reads the record but may not change the limits.
    let planner = app.signed_in("freshfield", FF_PLANNER).await;
    let page = get(&planner).await;
    assert!(
        page.contains("<h1>Assistant</h1>") && !page.contains("Save the limits"),
        "{page}"
    );
    let res = app
        .post_form(
            &planner,
            "/t/freshfield/settings/assistant",
            &[
                ("mode", "off"),
                ("max_document", "0"),
                ("max_daily", "0"),
                ("min_confidence", "0"),
            ],
        )
        .await;
    let to = urlencoding_decode(res.headers()["location"].to_str().unwrap());
    assert!(to.contains("error="), "{to}");
    assert_eq!(
        app.store.assistant_limits(ff).await.unwrap().mode,
        engine::assistant::Mode::Shadow
    );
    // A supplier's person has no business here.
    let supplier = app.signed_in("freshfield", FF_SUPPLIER).await;
    let page = get(&supplier).await;
    assert!(!page.contains("<h1>Assistant</h1>"), "{page}");
}
