//! Approvals from the portal: the inbox, bulk approval, the exception queue, stand-ins
//! while away, and approval e-mail over SMTP.

use serde_json::json;
use test_support::{on_both_backends, spawn_app, spawn_app_with, Backend, Options};

use super::*;

on_both_backends!(
    an_operator_approves_a_transfer_from_the_inbox,
    bulk_approval_and_the_exception_queue_work_from_the_portal,
    an_approver_away_hands_the_inbox_to_a_stand_in,
    with_smtp_configured_approvers_are_mailed_over_smtp,
);

async fn an_operator_approves_a_transfer_from_the_inbox(backend: Backend) {
    let app = spawn_app(backend).await;
    let ff = app.tenant("freshfield").await;
    // The DC has plenty; the Jordaan store is down to 3 bottles of milk (reorder point 12).
    let id = app.low_store_transfer().await;
    let transfer = app.store.transfer(ff, id).await.unwrap().unwrap();
    assert_eq!(transfer.state.as_str(), "pending_approval");
    assert_eq!(transfer.quantity, 42, "3 up to 40 is 37, in cases of 6");

    let op = app.client();
    app.login(
        &op,
        "freshfield",
        "operator@freshfield.example",
        "freshfield-ops-2026",
    )
    .await;
    let inbox = body(
        op.get(app.url("/t/freshfield/approvals"))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert!(
        inbox.contains(&format!("Transfer {}", transfer.id)),
        "{inbox}"
    );
    assert!(
        inbox.contains("below the reorder point 12"),
        "the reason is shown"
    );
    // The reason is recorded in words too, so a German reader reads it in German.
    assert!(transfer.reason_words.is_some(), "{transfer:?}");
    let inbox_de = body(
        op.get(app.url("/t/freshfield/approvals"))
            .header("accept-language", "de")
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert!(
        inbox_de.contains("liegt unter dem Meldebestand 12"),
        "{inbox_de}"
    );
    assert!(inbox.contains("Amsterdam Jordaan"), "both ends are shown");

    // Rejecting without a reason is refused and changes nothing.
    let doc = format!("transfer:{}", transfer.id);
    let res = decide(&app, &op, &doc, "reject", "").await;
    assert_eq!(res.status(), 303);
    assert!(res.headers()["location"]
        .to_str()
        .unwrap()
        .contains("error="));
    assert_eq!(
        app.transfer_state(ff, transfer.id).await,
        "pending_approval"
    );

    let res = decide(&app, &op, &doc, "approve", "fine").await;
    assert_eq!(res.status(), 303);
    assert!(res.headers()["location"]
        .to_str()
        .unwrap()
        .starts_with("/t/freshfield/approvals?notice="));
    assert_eq!(app.transfer_state(ff, transfer.id).await, "approved");

    // The document page tells the decision in its history, in words, with the raw
    // record behind a disclosure for auditors.
    let page = body(
        op.get(app.url(&format!("/t/freshfield/documents/transfer/{}", transfer.id)))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert!(
        page.contains("approval.step_approved") && page.contains("transfer.approved"),
        "{page}"
    );
    assert!(
        page.contains(&format!(
            "Olga Bakker approved transfer {}: 42 × Whole milk 1 l from Freshfield North DC to Amsterdam Jordaan.",
            transfer.id
        )),
        "{page}"
    );
    assert!(page.contains("<details class=\"raw\">"), "{page}");

    // The approver was told by a branded e-mail, written to the development mailbox.
    app.run_pending_jobs().await;
    let mail = async {
        let dir = std::fs::read_dir(app.mailbox()).ok()?;
        dir.filter_map(|e| e.ok())
            .map(|e| std::fs::read_to_string(e.path()).unwrap_or_default())
            .find(|m| m.contains("operator@freshfield.example"))
    }
    .await
    .expect("it happened once the queued jobs ran");
    assert!(mail.contains("Approval needed: Transfer"), "{mail}");
    assert!(
        !mail.contains("Shelfwise"),
        "the mail carries the tenant's brand only"
    );

    // The planner cannot ship more than the operator approved (the DC's whole stock).
    let planner = app
        .signed_in("freshfield", test_support::logins::FF_PLANNER)
        .await;
    let command = format!("/t/freshfield/documents/transfer/{}/command", transfer.id);
    let res = app
        .post_form(
            &planner,
            &command,
            &[("command", "ship"), ("quantity", "171")],
        )
        .await;
    let to = res.headers()["location"].to_str().unwrap().to_string();
    assert!(to.contains("error=") && to.contains("42"), "{to}");
    let t = app.store.transfer(ff, transfer.id).await.unwrap().unwrap();
    assert_eq!(
        (t.state.as_str(), t.shipped),
        ("approved", 0),
        "nothing shipped"
    );

    // A supplier cannot decide anything.
    let sup = app.client();
    app.login(
        &sup,
        "freshfield",
        "dairy@lowlands-dairy.example",
        "lowlands-supply-2026",
    )
    .await;
    let res = decide(&app, &sup, &doc, "approve", "").await;
    assert!(res.headers()["location"]
        .to_str()
        .unwrap()
        .contains("error="));
}

async fn bulk_approval_and_the_exception_queue_work_from_the_portal(backend: Backend) {
    let app = spawn_app(backend).await;
    let ff = app.tenant("freshfield").await;
    let key = engine::identity::create_api_key(&app.store, ff, "pos", "test")
        .await
        .unwrap()
        .key;
    let batch = json!({"events": [
        event("c1", "count", "DC-N", "FF-0001", 300),
        event("c2", "count", "DC-N", "FF-0002", 300),
        event("c3", "count", "S-AMS1", "FF-0001", 3),
        event("c4", "count", "S-AMS1", "FF-0002", 0),
    ]});
    assert_eq!(
        post_events(&app, "/t/freshfield/api/v1/events", &key, &batch)
            .await
            .status(),
        200
    );
    app.run_pending_jobs().await;
    let transfers = async {
        let t = app
            .store
            .transfers(ff, Some("pending_approval"), 10)
            .await
            .unwrap();
        (t.len() == 2).then_some(t)
    }
    .await
    .expect("it happened once the queued jobs ran");

    // The operator approves both at once.
    let op = app.client();
    app.login(
        &op,
        "freshfield",
        "operator@freshfield.example",
        "freshfield-ops-2026",
    )
    .await;
    let docs: Vec<(&str, String)> = transfers
        .iter()
        .map(|t| ("doc", format!("transfer:{}", t.id)))
        .collect();
    let res = op
        .post(app.url("/t/freshfield/approvals/bulk"))
        .header("origin", app.origin())
        .form(&docs)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let location = res.headers()["location"].to_str().unwrap().to_string();
    assert!(location.contains("notice=Approved+2"), "{location}");
    for t in &transfers {
        assert_eq!(app.transfer_state(ff, t.id).await, "approved");
    }

    // The stockout is in the planner's queue; an approver cannot work it.
    app.run_pending_jobs().await;
    let stockout = async {
        app.store
            .exceptions(ff, "open", Some("stockout"), 10)
            .await
            .unwrap()
            .into_iter()
            .next()
    }
    .await
    .expect("it happened once the queued jobs ran");
    let id = stockout.id.to_string();
    let res = op
        .post(app.url("/t/freshfield/exceptions/act"))
        .header("origin", app.origin())
        .form(&[("id", id.as_str()), ("action", "assign_me")])
        .send()
        .await
        .unwrap();
    assert!(res.headers()["location"]
        .to_str()
        .unwrap()
        .contains("error="));

    let planner = app.client();
    app.login(&planner, "freshfield", FF_PLANNER.0, FF_PLANNER.1)
        .await;
    let page = body(
        planner
            .get(app.url("/t/freshfield/exceptions"))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert!(page.contains("out of stock at S-AMS1"), "{page}");
    assert!(
        page.contains("Ranked by expected lost sales"),
        "the queue says how it is ordered"
    );
    let act = |fields: Vec<(&'static str, String)>| {
        let planner = planner.clone();
        let url = app.url("/t/freshfield/exceptions/act");
        let origin = app.origin();
        async move {
            let res = planner
                .post(url)
                .header("origin", origin)
                .form(&fields)
                .send()
                .await
                .unwrap();
            res.headers()["location"].to_str().unwrap().to_string()
        }
    };
    let to = act(vec![("id", id.clone()), ("action", "assign_me".into())]).await;
    assert!(to.contains("notice=Updated+1"), "{to}");
    let now = app.store.exception(ff, stockout.id).await.unwrap().unwrap();
    assert_eq!(now.owner_name.as_deref(), Some("Pieter Jansen"));
    let to = act(vec![
        ("id", id.clone()),
        ("action", "resolve".into()),
        ("text", "".into()),
    ])
    .await;
    assert!(to.contains("error="), "a resolution needs a note: {to}");
    // Only an anomaly is confirmed.
    let to = act(vec![("id", id.clone()), ("action", "confirm".into())]).await;
    assert!(to.contains("error="), "a stockout is no anomaly: {to}");
    assert_eq!(
        app.store
            .exception(ff, stockout.id)
            .await
            .unwrap()
            .unwrap()
            .state,
        "open"
    );
    let to = act(vec![
        ("id", id.clone()),
        ("action", "resolve".into()),
        ("text", "Counted again; shelf refilled".into()),
    ])
    .await;
    assert!(to.contains("notice="), "{to}");
    let done = app.store.exception(ff, stockout.id).await.unwrap().unwrap();
    assert_eq!(done.state.as_str(), "resolved");
    assert_eq!(
        done.resolution.as_deref(),
        Some("Counted again; shelf refilled")
    );
}

async fn an_approver_away_hands_the_inbox_to_a_stand_in(backend: Backend) {
    let app = spawn_app(backend).await;
    let ff = app.tenant("freshfield").await;
    // The DC has plenty; the Jordaan store is down to 3 bottles of milk (reorder point 12).
    let id = app.low_store_transfer().await;
    let transfer = app.store.transfer(ff, id).await.unwrap().unwrap();
    let title = format!("Transfer {}", transfer.id);
    let planner_id = app
        .store
        .login_record(ff, FF_PLANNER.0)
        .await
        .unwrap()
        .unwrap()
        .member
        .user_id;

    let planner = app.client();
    app.login(&planner, "freshfield", FF_PLANNER.0, FF_PLANNER.1)
        .await;
    let inbox = body(
        planner
            .get(app.url("/t/freshfield/approvals"))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert!(!inbox.contains(&title), "not the planner's to decide yet");

    let op = app.client();
    app.login(
        &op,
        "freshfield",
        "operator@freshfield.example",
        "freshfield-ops-2026",
    )
    .await;
    let day =
        |offset: i64| engine::model::day_string(engine::model::now_ms() + offset * 86_400_000);
    let hand_over = |client: &reqwest::Client, first: String, last: String| {
        client
            .post(app.url("/t/freshfield/approvals/delegations"))
            .header("origin", app.origin())
            .form(&[
                ("to_user", planner_id.to_string()),
                ("role", "approver".to_string()),
                ("first_day", first),
                ("last_day", last),
            ])
            .send()
    };
    // A period that ends before it starts, or a date that is not one, is refused by name.
    for (first, last, says) in [
        (day(2), day(0), "last day must not be before the first"),
        (day(0), "next week".to_string(), "YYYY-MM-DD"),
    ] {
        let res = hand_over(&op, first, last).await.unwrap();
        let to = res.headers()["location"].to_str().unwrap().to_string();
        assert!(to.contains("error="), "{to}");
        let page = body(op.get(app.url(&to)).send().await.unwrap()).await;
        assert!(page.contains(says), "{says}: {page}");
    }
    let res = hand_over(&op, day(0), day(2)).await.unwrap();
    let to = res.headers()["location"].to_str().unwrap().to_string();
    assert!(to.contains("notice="), "{to}");
    let page = body(
        op.get(app.url("/t/freshfield/approvals"))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert!(
        page.contains("Pieter Jansen"),
        "the stand-in is listed: {page}"
    );

    // The stand-in now sees the transfer as delegated, and approves it.
    let inbox = body(
        planner
            .get(app.url("/t/freshfield/approvals"))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert!(inbox.contains(&title), "{inbox}");
    assert!(inbox.contains("(delegated to you)"));
    let res = decide(
        &app,
        &planner,
        &format!("transfer:{}", transfer.id),
        "approve",
        "covering for Olga",
    )
    .await;
    assert!(res.headers()["location"]
        .to_str()
        .unwrap()
        .contains("notice="));
    assert_eq!(app.transfer_state(ff, transfer.id).await, "approved");

    // Only the one who gave it can end it; ending it twice says it is over.
    let op_id = app
        .store
        .login_record(ff, "operator@freshfield.example")
        .await
        .unwrap()
        .unwrap()
        .member
        .user_id;
    let given = app
        .store
        .delegations_from(ff, op_id, engine::model::now_ms())
        .await
        .unwrap();
    assert_eq!(given.len(), 1);
    let end = app.url(&format!(
        "/t/freshfield/approvals/delegations/{}/end",
        given[0].id
    ));
    // Someone else's stand-in, or one already ended, is not found; its giver ends it.
    for (client, says) in [(&planner, None), (&op, Some("notice=")), (&op, None)] {
        let res = client
            .post(&end)
            .header("origin", app.origin())
            .send()
            .await
            .unwrap();
        match says {
            Some(says) => assert!(
                res.headers()["location"].to_str().unwrap().contains(says),
                "{says}"
            ),
            None => assert_eq!(res.status(), 404),
        }
    }
    let page = body(
        op.get(app.url("/t/freshfield/approvals"))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert!(page.contains("Nobody stands in for you."), "{page}");
    let trail: Vec<String> = app
        .store
        .audit_for_subject(ff, &format!("delegation:{}", given[0].id))
        .await
        .unwrap()
        .into_iter()
        .map(|r| r.action)
        .collect();
    assert_eq!(trail, ["delegation.created", "delegation.ended"]);
}

async fn with_smtp_configured_approvers_are_mailed_over_smtp(backend: Backend) {
    let (port, mut received) = test_support::smtp::smtp_server(vec![]).await;
    let app = spawn_app_with(
        backend,
        Options {
            smtp_url: Some(format!("smtp://127.0.0.1:{port}")),
            ..Options::default()
        },
    )
    .await;
    // A store runs low; the approvers' e-mail goes out as its jobs run.
    app.low_store_transfer().await;
    let message = tokio::time::timeout(std::time::Duration::from_secs(20), received.recv())
        .await
        .expect("an approval e-mail reached the SMTP server")
        .unwrap();
    assert!(message.contains("operator@freshfield.example"), "{message}");
    assert!(
        message.contains("Freshfield"),
        "sent in the tenant's brand: {message}"
    );
    let mailbox = app.mailbox();
    assert!(
        !mailbox.exists() || std::fs::read_dir(&mailbox).unwrap().next().is_none(),
        "nothing went to the development mailbox"
    );
}
