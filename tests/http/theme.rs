//! The theme editor (issue 13, point 4): Ridgeline's admin changes colours, product name
//! and the e-mails' header, and the portal and e-mails show it at once (another replica
//! too, as soon as it reads the tenant's new version); unreadable colour pairs, CSS
//! injection and hostile SVG are refused with the reason named; a PNG logo is served
//! from the tenant's portal; packs are applied and reset; a planner changes nothing.

use engine::theme::Themes;
use test_support::logins::{FF_PLANNER, RL_ADMIN};
use test_support::{on_both_backends, spawn_app, Backend, TestApp};

use super::*;

on_both_backends!(the_admin_edits_the_theme_and_everything_shows_it);

const EDITOR: &str = "/t/ridgeline/settings/branding/theme";

fn location(res: &reqwest::Response) -> String {
    urlencoding_decode(res.headers()["location"].to_str().unwrap())
}

/// Ridgeline's theme as the form posts it, with `changes` applied.
fn form(changes: &[(&'static str, &'static str)]) -> Vec<(&'static str, &'static str)> {
    let mut f = vec![
        ("product_name", "Ridgeline Supply Desk"),
        ("primary", "#263238"),
        ("on_primary", "#ffb74d"),
        ("accent", "#e65100"),
        ("background", "#eceff1"),
        ("surface", "#ffffff"),
        ("text", "#1b2327"),
        ("muted", "#546e7a"),
        ("danger", "#c62828"),
        ("font_body", "Verdana, 'DejaVu Sans', sans-serif"),
        ("font_heading", "'Arial Black', 'DejaVu Sans', sans-serif"),
        ("email_sender_name", "Ridgeline Supply Desk"),
        ("email_header", ""),
        ("email_footer", ""),
    ];
    for (k, v) in changes {
        f.iter_mut().find(|(n, _)| n == k).unwrap().1 = v;
    }
    f
}

fn png(w: u32, h: u32) -> Vec<u8> {
    let mut b = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    b.extend_from_slice(&w.to_be_bytes());
    b.extend_from_slice(&h.to_be_bytes());
    b.extend_from_slice(&[8, 6, 0, 0, 0, 0, 0, 0, 0]);
    b
}

/// The page at `path`, as `c` sees it.
async fn text(app: &TestApp, c: &reqwest::Client, path: &str) -> String {
    body(c.get(app.url(path)).send().await.unwrap()).await
}

async fn upload(app: &TestApp, c: &reqwest::Client, which: &str, bytes: Vec<u8>) -> String {
    let part = reqwest::multipart::Part::bytes(bytes).file_name("logo");
    let res = c
        .post(app.url(&format!("{EDITOR}/pictures/{which}")))
        .header("origin", app.origin())
        .multipart(reqwest::multipart::Form::new().part("file", part))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    location(&res)
}

async fn the_admin_edits_the_theme_and_everything_shows_it(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = app.signed_in("ridgeline", RL_ADMIN).await;
    let page = body(admin.get(app.url(EDITOR)).send().await.unwrap()).await;
    assert!(page.contains("id=\"theme-form\""), "{page}");
    assert!(page.contains("the focus ring on the page"));
    // The live preview knows which two fields each pair compares.
    assert!(page.contains("data-pair=\"accent,background\""), "{page}");
    assert!(page.contains("data-pair=\"on_primary,primary\""));
    let rl = app.tenant("ridgeline").await;
    let trail_len = app.store.audit_trail(rl).await.unwrap().len();

    // Refused, with the reason named, and nothing changed.
    for (changes, says) in [
        (vec![("text", "#dddddd")], "text on the page has"),
        (vec![("on_primary", "#2a3a40")], "the top bar's text has"),
        (
            vec![("accent", "#e0e6e9")],
            "the focus ring on the page has",
        ),
        (vec![("accent", "red;}body{display:none")], "colors.accent"),
        (vec![("font_body", "x}</style><script>")], "fonts.body"),
        (vec![("product_name", "")], "product_name"),
        (vec![("text", "#1b232700")], "without transparency"),
        (vec![("font_body", "Inter', sans-serif")], "fonts.body"),
    ] {
        let res = app.post_form(&admin, EDITOR, &form(&changes)).await;
        let to = location(&res).to_lowercase();
        assert!(
            to.contains("error=") && to.contains(says),
            "{changes:?}: {to}"
        );
    }
    assert_eq!(app.store.audit_trail(rl).await.unwrap().len(), trail_len);
    // A planner of another tenant, or Ridgeline's own planner-less staff: refused.
    let planner = app.signed_in("freshfield", FF_PLANNER).await;
    let res = app
        .post_form(
            &planner,
            "/t/freshfield/settings/branding/theme",
            &form(&[]),
        )
        .await;
    assert!(location(&res).contains("error="));

    // Saved: the portal, its e-mails and their previews show it at once.
    let res = app
        .post_form(
            &admin,
            EDITOR,
            &form(&[
                ("primary", "#123456"),
                ("product_name", "Ridgeline Gear Desk"),
                ("email_header", "Ridgeline Outdoor · Supply"),
                ("email_footer", "Ridgeline Outdoor GmbH, Köln"),
            ]),
        )
        .await;
    assert!(location(&res).contains("notice="), "{}", location(&res));
    let inventory = text(&app, &admin, "/t/ridgeline/inventory").await;
    assert!(
        inventory.contains("--primary:#123456"),
        "the page's colours"
    );
    assert!(inventory.contains("Ridgeline Gear Desk"));
    let preview = text(
        &app,
        &admin,
        "/t/ridgeline/settings/branding/emails/invitation",
    )
    .await;
    assert!(
        preview.contains("Ridgeline Outdoor · Supply"),
        "the e-mail header"
    );
    assert!(
        preview.contains("Ridgeline Outdoor GmbH, Köln"),
        "the e-mail footer"
    );
    assert!(app
        .store
        .audit_trail(rl)
        .await
        .unwrap()
        .iter()
        .any(|r| r.action == "theme.saved"));
    // Another replica (its own theme cache) shows it as soon as it reads the tenant.
    let replica = Themes::load(&app.themes_dir()).unwrap();
    let tenant = app
        .store
        .tenant_by_slug("ridgeline")
        .await
        .unwrap()
        .unwrap();
    assert!(tenant.theme_version > 0);
    engine::branding::load(&app.store, &replica, &tenant)
        .await
        .unwrap();
    assert_eq!(
        replica.for_tenant(&tenant).unwrap().colors.primary,
        "#123456"
    );

    // Pictures: hostile SVG refused; a PNG served from the portal, inert.
    let hostile = br#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" onload="alert(1)"><rect width="10" height="10"/></svg>"#;
    let to = upload(&app, &admin, "logo", hostile.to_vec()).await;
    assert!(to.contains("error=") && to.contains("onload"), "{to}");
    let to = upload(&app, &admin, "logo", png(5000, 10)).await;
    assert!(to.contains("error=") && to.contains("5000×10"), "{to}");
    let to = upload(&app, &admin, "logo", png(240, 64)).await;
    assert!(to.contains("notice="), "{to}");
    let res = app
        .client()
        .get(app.url("/t/ridgeline/brand/logo"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["content-type"], "image/png");
    assert!(res.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .contains("sandbox"));
    assert_eq!(res.bytes().await.unwrap().len(), png(240, 64).len());
    let inventory = text(&app, &admin, "/t/ridgeline/inventory").await;
    assert!(
        inventory.contains("/t/ridgeline/brand/logo?v="),
        "the portal shows it"
    );
    // Freshfield has none; its address is not Ridgeline's.
    let res = app
        .client()
        .get(app.url("/t/freshfield/brand/logo"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 404);

    // Another tenant's or partner's brand is not a pack to apply.
    let res = app
        .post_form(&admin, &format!("{EDITOR}/pack"), &[("pack", "northwind")])
        .await;
    assert!(location(&res).contains("no theme pack"));
    // A shared pack replaces everything; resetting goes back to the pack as it is.
    let res = app
        .post_form(&admin, &format!("{EDITOR}/pack"), &[("pack", "neutral")])
        .await;
    assert!(location(&res).contains("notice="));
    let inventory = text(&app, &admin, "/t/ridgeline/inventory").await;
    assert!(
        inventory.contains("--primary:#2f3e46"),
        "the pack's colours"
    );
    let res = app
        .client()
        .get(app.url("/t/ridgeline/brand/logo"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 404, "uploads go with the changes");
    let res = app
        .post_form(&admin, &format!("{EDITOR}/pack"), &[("pack", "ridgeline")])
        .await;
    assert!(location(&res).contains("notice="));
    let inventory = text(&app, &admin, "/t/ridgeline/inventory").await;
    assert!(inventory.contains("--primary:#263238"));
    assert!(inventory.contains("Ridgeline Supply Desk"));
    let res = app
        .post_form(&admin, &format!("{EDITOR}/pack"), &[("pack", "../etc")])
        .await;
    assert!(location(&res).contains("no theme pack"));
}
