//! CSV imports and exports: a file is checked first (every problem by row and column,
//! what would change), nothing is applied until asked and then all or nothing; the
//! portal and the API do the same; exports come back out in the import's shape.

use engine::api_keys::{self, KeyScope};
use serde_json::{json, Value};
use test_support::{logins, on_both_backends, spawn_app, Backend, TestApp};

use super::spec::{checked, Answer};
use super::*;

on_both_backends!(
    a_file_with_problems_names_each_by_row_and_column_and_changes_nothing,
    a_checked_file_is_applied_whole_once_and_recorded,
    stock_counts_move_positions_and_an_export_imports_back_unchanged,
    keys_and_members_import_only_what_they_may,
    the_portal_uploads_shows_the_report_and_applies_after_a_confirmation,
    a_file_whose_changes_went_stale_since_its_check_applies_nothing,
);

async fn key_with(app: &TestApp, slug: &str, scopes: &[KeyScope]) -> String {
    let t = app.tenant(slug).await;
    let admin = test_support::member(&app.store, t, &format!("admin@{slug}.example")).await;
    api_keys::create(&app.store, t, &admin, "erp", scopes, None)
        .await
        .unwrap()
        .key
}

async fn upload(app: &TestApp, key: &str, kind: &str, csv: &str) -> Answer {
    let path = format!("/t/freshfield/api/v1/imports?kind={kind}&name={kind}.csv");
    checked(
        "POST",
        &path,
        app.client()
            .post(app.url(&path))
            .bearer_auth(key)
            .header("content-type", "text/csv")
            .body(csv.to_string()),
    )
    .await
}

async fn import(app: &TestApp, key: &str, id: i64) -> Value {
    let path = format!("/t/freshfield/api/v1/imports/{id}");
    let answer = checked(
        "GET",
        &path,
        app.client().get(app.url(&path)).bearer_auth(key),
    )
    .await;
    assert_eq!(answer.status, 200, "{}", answer.body);
    answer.json()
}

async fn apply(app: &TestApp, key: &str, id: i64) -> Answer {
    let path = format!("/t/freshfield/api/v1/imports/{id}/apply");
    checked(
        "POST",
        &path,
        app.client().post(app.url(&path)).bearer_auth(key),
    )
    .await
}

async fn product_name(app: &TestApp, sku: &str) -> Option<String> {
    let ff = app.tenant("freshfield").await;
    app.store
        .product_page(ff, None, None, 10_000)
        .await
        .unwrap()
        .into_iter()
        .find(|p| p.sku == sku)
        .map(|p| p.name)
}

async fn a_file_with_problems_names_each_by_row_and_column_and_changes_nothing(backend: Backend) {
    let app = spawn_app(backend).await;
    let key = key_with(&app, "freshfield", &[KeyScope::ImportData]).await;
    let csv = "sku,name,class,cost_minor,price_minor,supplier\n\
               FF-0001,Whole milk 1L (new pack),dairy,60,119,\n\
               NEW-1,,dairy,-5,12,\n\
               NEW-2,Oat drink,dairy,50,99,NOBODY\n\
               NEW-3,Cream,dairy,10,abc,\n";
    let up = upload(&app, &key, "products", csv).await;
    assert_eq!(up.status, 202, "{}", up.body);
    assert_eq!(up.json()["state"], "checking");
    let id = up.json()["id"].as_i64().unwrap();
    app.run_pending_jobs().await;
    let done = import(&app, &key, id).await;
    assert_eq!(done["state"], "invalid");
    let errors: Vec<(i64, String)> = done["report"]["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["row"].as_i64().unwrap(),
                e["column"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        errors,
        [
            (3, "name".into()),
            (3, "cost_minor".into()),
            (4, "supplier".into()),
            (5, "price_minor".into())
        ]
    );
    assert!(done["report"]["errors"][2]["message"]
        .as_str()
        .unwrap()
        .contains("NOBODY"));
    // Nothing can be applied, and nothing changed: not even the good row.
    let refused = apply(&app, &key, id).await;
    assert_eq!(refused.status, 422);
    assert!(refused.body.contains("has problems"), "{}", refused.body);
    assert_eq!(
        product_name(&app, "FF-0001").await.unwrap(),
        "Whole milk 1 l"
    );
    assert_eq!(product_name(&app, "NEW-1").await, None);

    // A first line that names an unknown column, or lacks one, refuses the file.
    let bad = upload(&app, &key, "products", "sku,name,colour\nA,B,red\n").await;
    let id = bad.json()["id"].as_i64().unwrap();
    app.run_pending_jobs().await;
    let report = import(&app, &key, id).await["report"].clone();
    assert_eq!(report["errors"][0]["row"], 1);
    assert_eq!(report["errors"][0]["column"], "colour");
    // Not CSV, not UTF-8, empty, unknown kind: refused at the door.
    let path = "/t/freshfield/api/v1/imports?kind=products";
    let json_body = checked(
        "POST",
        path,
        app.client()
            .post(app.url(path))
            .bearer_auth(&key)
            .json(&json!({"sku": "A"})),
    )
    .await;
    assert_eq!(json_body.status, 415);
    let latin1 = checked(
        "POST",
        path,
        app.client()
            .post(app.url(path))
            .bearer_auth(&key)
            .header("content-type", "text/csv")
            .body(b"sku,name\n\xe9t\xe9,x\n".to_vec()),
    )
    .await;
    assert_eq!(latin1.status, 422);
    assert!(latin1.body.contains("UTF-8"));
    assert_eq!(upload(&app, &key, "products", "  \n").await.status, 422);
    assert_eq!(upload(&app, &key, "planets", "a\n1\n").await.status, 400);
}

async fn a_checked_file_is_applied_whole_once_and_recorded(backend: Backend) {
    let app = spawn_app(backend).await;
    let ff = app.tenant("freshfield").await;
    let key = key_with(&app, "freshfield", &[KeyScope::ImportData]).await;
    let csv = "SKU,Name,Class,Cost_minor,Price_minor\n\
               FF-0001,Whole milk 1L (new pack),dairy,60,119\n\
               NEW-1,Oat drink 1L,dairy,50,99\n";
    let id = upload(&app, &key, "products", csv).await.json()["id"]
        .as_i64()
        .unwrap();
    // Still checking: it cannot be applied yet.
    let early = apply(&app, &key, id).await;
    assert_eq!(early.status, 422);
    assert!(early.body.contains("still being checked"), "{}", early.body);
    app.run_pending_jobs().await;
    let checked_import = import(&app, &key, id).await;
    assert_eq!(checked_import["state"], "checked");
    let report = &checked_import["report"];
    assert_eq!(
        (report["new"].as_i64(), report["changed"].as_i64()),
        (Some(1), Some(1))
    );
    let change = report["changes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["key"] == "FF-0001")
        .unwrap()
        .clone();
    assert_eq!(change["action"], "change");
    assert!(
        change["fields"][0]
            .as_str()
            .unwrap()
            .contains("Whole milk 1 l → Whole milk 1L (new pack)"),
        "{change}"
    );
    // Checked is not applied.
    assert_eq!(product_name(&app, "NEW-1").await, None);

    // Two applies at once: one is taken, the other refused.
    let (a, b) = tokio::join!(apply(&app, &key, id), apply(&app, &key, id));
    let mut statuses = [a.status, b.status];
    statuses.sort();
    assert_eq!(statuses, [202, 422], "{} {}", a.body, b.body);
    let started = if a.status == 202 { a } else { b };
    assert_eq!(started.json()["state"], "applying");
    app.run_pending_jobs().await;
    assert_eq!(import(&app, &key, id).await["state"], "applied");
    assert_eq!(
        product_name(&app, "FF-0001").await.unwrap(),
        "Whole milk 1L (new pack)"
    );
    assert_eq!(product_name(&app, "NEW-1").await.unwrap(), "Oat drink 1L");
    // Once only; recorded in the audit trail with the key as its actor.
    assert_eq!(apply(&app, &key, id).await.status, 422);
    let trail = app
        .store
        .audit_for_subject(ff, &format!("import:{id}"))
        .await
        .unwrap();
    assert_eq!(trail.len(), 1);
    assert_eq!(trail[0].action, "import.applied");
    assert!(trail[0].actor.starts_with("api_key:"));
    // Another tenant's key finds no such import.
    let rl = key_with(&app, "ridgeline", &[KeyScope::ImportData]).await;
    let path = format!("/t/ridgeline/api/v1/imports/{id}");
    let other = checked(
        "GET",
        &path,
        app.client().get(app.url(&path)).bearer_auth(&rl),
    )
    .await;
    assert_eq!(other.status, 404);
}

async fn stock_counts_move_positions_and_an_export_imports_back_unchanged(backend: Backend) {
    let app = spawn_app(backend).await;
    let ff = app.tenant("freshfield").await;
    let key = key_with(
        &app,
        "freshfield",
        &[KeyScope::ImportData, KeyScope::ReadInventory],
    )
    .await;
    let csv = "location,sku,on_hand\nS-AMS1,FF-0001,77\nDC-N,FF-0001,500\n";
    let id = upload(&app, &key, "stock_counts", csv).await.json()["id"]
        .as_i64()
        .unwrap();
    app.run_pending_jobs().await;
    let report = import(&app, &key, id).await["report"].clone();
    assert_eq!(report["changed"], 2, "{report}");
    assert_eq!(apply(&app, &key, id).await.status, 202);
    app.run_pending_jobs().await;
    let on_hand = |loc: &'static str| {
        let app = &app;
        async move {
            app.store
                .position(ff, "FF-0001", loc)
                .await
                .unwrap()
                .unwrap()
                .on_hand
        }
    };
    assert_eq!(on_hand("S-AMS1").await, 77);
    assert_eq!(on_hand("DC-N").await, 500);

    // Exported and imported back: every row the same, nothing to change.
    for kind in [
        "products",
        "locations",
        "suppliers",
        "stock_counts",
        "policies",
    ] {
        let path = format!("/t/freshfield/api/v1/exports/{kind}");
        let file = checked(
            "GET",
            &path,
            app.client().get(app.url(&path)).bearer_auth(&key),
        )
        .await;
        assert_eq!(file.status, 200);
        assert!(file.header("content-type").unwrap().starts_with("text/csv"));
        assert!(file
            .header("content-disposition")
            .unwrap()
            .contains(&format!("freshfield-{kind}.csv")));
        if kind == "policies" {
            continue; // policies need a person (EditPolicies): checked in the portal test
        }
        let up = upload(&app, &key, kind, &file.body).await;
        assert_eq!(up.status, 202, "{kind}: {}", up.body);
        let again = up.json()["id"].as_i64().unwrap();
        app.run_pending_jobs().await;
        let r = import(&app, &key, again).await;
        assert_eq!(r["state"], "checked", "{kind}: {r}");
        assert_eq!(r["report"]["new"], 0, "{kind}: {r}");
        assert_eq!(r["report"]["changed"], 0, "{kind}: {r}");
        assert!(r["report"]["unchanged"].as_i64().unwrap() > 0);
    }
    for kind in ["positions", "transfers", "purchase_orders"] {
        let path = format!("/t/freshfield/api/v1/exports/{kind}");
        let file = checked(
            "GET",
            &path,
            app.client().get(app.url(&path)).bearer_auth(&key),
        )
        .await;
        assert_eq!(file.status, 200, "{kind}");
    }
    let path = "/t/freshfield/api/v1/exports/everything";
    assert_eq!(
        checked(
            "GET",
            path,
            app.client().get(app.url(path)).bearer_auth(&key)
        )
        .await
        .status,
        404
    );
}

async fn keys_and_members_import_only_what_they_may(backend: Backend) {
    let app = spawn_app(backend).await;
    let reader = key_with(&app, "freshfield", &[KeyScope::ReadInventory]).await;
    let refused = upload(
        &app,
        &reader,
        "stock_counts",
        "location,sku,on_hand\nS-AMS1,FF-0001,1\n",
    )
    .await;
    assert_eq!(refused.status, 403);
    assert!(refused.body.contains("import_data"));
    let importer = key_with(&app, "freshfield", &[KeyScope::ImportData]).await;
    let policies = upload(
        &app,
        &importer,
        "policies",
        "class,method,safety_stock,case_pack,moq\ndairy,min_max,1,1,0\n",
    )
    .await;
    assert_eq!(policies.status, 403, "no key changes policies");
    assert!(policies.body.contains("portal"), "{}", policies.body);
    // A planner may not import: the page is refused, and so is a post.
    let planner = app.signed_in("freshfield", FF_PLANNER).await;
    let page = planner
        .get(app.url("/t/freshfield/settings/integrations/imports"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("Your role cannot import data"), "{page}");
    assert!(!page.contains("Check the file"));
    let form = reqwest::multipart::Form::new()
        .text("kind", "stock_counts")
        .part(
            "file",
            reqwest::multipart::Part::bytes(b"location,sku,on_hand\nS-AMS1,FF-0001,1\n".to_vec())
                .file_name("c.csv"),
        );
    let res = planner
        .post(app.url("/t/freshfield/settings/integrations/imports"))
        .header("origin", app.origin())
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let to = urlencoding_decode(res.headers()["location"].to_str().unwrap());
    assert!(to.contains("cannot import data"), "{to}");
    let ff = app.tenant("freshfield").await;
    assert!(
        app.store.imports(ff, 10).await.unwrap().is_empty(),
        "nothing stored"
    );
}

async fn the_portal_uploads_shows_the_report_and_applies_after_a_confirmation(backend: Backend) {
    let app = spawn_app(backend).await;
    let ff = app.tenant("freshfield").await;
    let admin = app.signed_in("freshfield", logins::FF_ADMIN).await;
    let csv = "class,method,safety_stock,case_pack,moq,location\ndairy,min_max,4,6,0,S-AMS1\n";
    let form = reqwest::multipart::Form::new()
        .text("kind", "policies")
        .part(
            "file",
            reqwest::multipart::Part::bytes(csv.as_bytes().to_vec()).file_name("policies.csv"),
        );
    let res = admin
        .post(app.url("/t/freshfield/settings/integrations/imports"))
        .header("origin", app.origin())
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let to = res.headers()["location"].to_str().unwrap().to_string();
    assert!(
        to.starts_with("/t/freshfield/settings/integrations/imports/"),
        "{to}"
    );
    let page_path = to.split('?').next().unwrap().to_string();
    let id: i64 = page_path.rsplit('/').next().unwrap().parse().unwrap();
    let checking = body(admin.get(app.url(&to)).send().await.unwrap()).await;
    assert!(checking.contains("Checking"), "{checking}");
    assert!(
        checking.contains("class=\"auto-refresh"),
        "the page looks again by itself"
    );
    app.run_pending_jobs().await;
    let report = body(admin.get(app.url(&page_path)).send().await.unwrap()).await;
    assert!(
        report.contains("1 row: 1 new, 0 changed, 0 the same."),
        "{report}"
    );
    assert!(report.contains("dairy / S-AMS1"));
    assert!(report.contains("Apply the file"));
    assert!(!report.contains("class=\"auto-refresh"));
    // Without the confirmation nothing happens.
    let apply_path = format!("/t/freshfield/settings/integrations/imports/{id}/apply");
    let res = app.post_form(&admin, &apply_path, &[]).await;
    assert!(res.headers()["location"]
        .to_str()
        .unwrap()
        .contains("error="));
    assert_eq!(
        app.store.import(ff, id).await.unwrap().unwrap().state,
        "checked"
    );
    let res = app
        .post_form(&admin, &apply_path, &[("confirm", "yes")])
        .await;
    assert_eq!(res.status(), 303);
    app.run_pending_jobs().await;
    assert_eq!(
        app.store.import(ff, id).await.unwrap().unwrap().state,
        "applied"
    );
    let policies = app.store.policies(ff).await.unwrap();
    assert!(policies
        .iter()
        .any(|p| p.class == "dairy" && p.location_id.is_some()));
    // The list shows it; an export downloads as CSV.
    let list = body(
        admin
            .get(app.url("/t/freshfield/settings/integrations/imports"))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert!(
        list.contains("policies.csv") && list.contains("Applied"),
        "{list}"
    );
    let file = admin
        .get(app.url("/t/freshfield/settings/integrations/exports/policies"))
        .send()
        .await
        .unwrap();
    assert!(file.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/csv"));
    let text = file.text().await.unwrap();
    assert!(
        text.lines()
            .any(|l| l.starts_with("dairy,S-AMS1,min_max,4,6,0")),
        "{text}"
    );
    // Imported back as it came out: nothing would change.
    let form = reqwest::multipart::Form::new()
        .text("kind", "policies")
        .part(
            "file",
            reqwest::multipart::Part::bytes(text.into_bytes()).file_name("again.csv"),
        );
    let res = admin
        .post(app.url("/t/freshfield/settings/integrations/imports"))
        .header("origin", app.origin())
        .multipart(form)
        .send()
        .await
        .unwrap();
    let again = res.headers()["location"]
        .to_str()
        .unwrap()
        .split('?')
        .next()
        .unwrap()
        .to_string();
    app.run_pending_jobs().await;
    let page = body(admin.get(app.url(&again)).send().await.unwrap()).await;
    assert!(page.contains(" 0 new, 0 changed,"), "{page}");
    // Another tenant's admin finds no such import.
    let rl = app.signed_in("ridgeline", RL_ADMIN).await;
    let res = rl
        .get(app.url(&format!("/t/ridgeline/settings/integrations/imports/{id}")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 404);
    assert!(!res.text().await.unwrap().contains("policies.csv"));
}

async fn a_file_whose_changes_went_stale_since_its_check_applies_nothing(backend: Backend) {
    let app = spawn_app(backend).await;
    let key = key_with(&app, "freshfield", &[KeyScope::ImportData]).await;
    let first = "sku,name,class,cost_minor,price_minor\n\
                 FF-0001,Whole milk 1 l,dairy,122,199\n\
                 NEW-9,Kefir,dairy,80,140\n";
    let id = upload(&app, &key, "products", first).await.json()["id"]
        .as_i64()
        .unwrap();
    app.run_pending_jobs().await;
    assert_eq!(import(&app, &key, id).await["state"], "checked");
    // Meanwhile someone else changes the same product's price.
    let other = "sku,name,class,cost_minor,price_minor\nFF-0001,Whole milk 1 l,dairy,122,175\n";
    let other = upload(&app, &key, "products", other).await.json()["id"]
        .as_i64()
        .unwrap();
    app.run_pending_jobs().await;
    assert_eq!(apply(&app, &key, other).await.status, 202);
    app.run_pending_jobs().await;
    // The first file would now change something else than its report showed: it fails
    // whole, and nothing of it is applied (not even the new product).
    assert_eq!(apply(&app, &key, id).await.status, 202);
    app.run_pending_jobs().await;
    let failed = import(&app, &key, id).await;
    assert_eq!(failed["state"], "failed", "{failed}");
    assert!(failed["report"]["failure"]
        .as_str()
        .unwrap()
        .contains("nothing was applied"));
    let ff = app.tenant("freshfield").await;
    let products = app
        .store
        .product_page(ff, None, None, 10_000)
        .await
        .unwrap();
    assert!(
        products.iter().all(|p| p.sku != "NEW-9"),
        "the new row was not applied"
    );
    let milk = products.iter().find(|p| p.sku == "FF-0001").unwrap();
    assert_eq!(milk.price_minor, 175, "the other change stands");
    // An event may not pretend to be an import's count.
    let events = app.api_key("freshfield").await;
    let batch = json!({"events": [{"source": "csv-import", "external_id": "1:2", "type": "count", "location": "S-AMS1", "sku": "FF-0001", "quantity": 1}]});
    let res = post_events(&app, "/t/freshfield/api/v1/events", &events, &batch).await;
    assert_eq!(res.status(), 422);
    // Nor take the key of the adjustment that undoes a rejected anomaly.
    let batch = json!({"events": [{"source": "shelfwise", "external_id": "anomaly-rejected:1", "type": "adjustment", "location": "S-AMS1", "sku": "FF-0001", "quantity": 1}]});
    let res = post_events(&app, "/t/freshfield/api/v1/events", &events, &batch).await;
    assert_eq!(res.status(), 422);
    assert!(res.text().await.unwrap().contains("reserved"));
}
