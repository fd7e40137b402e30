//! Every page of every audience as a person meets it, in headless Chromium (issue 14),
//! in English, German and Dutch (the browser's language): each page says which
//! language it is in and, in German and Dutch, shows no English words outside what
//! people typed;
//! at 390, 768 and 1366 px wide nothing scrolls sideways and no two controls overlap;
//! axe-core (vendored in `tests/vendor/axe-core`) finds no WCAG 2.0–2.2 A or AA
//! violation; the first Tab reaches a skip link; and an operator approves a transfer
//! with the keyboard alone.
//!
//! Failures are gathered over the whole sweep and reported together, each naming the
//! page, the width and what is wrong.

use fantoccini::key::Key;
use fantoccini::Client;
use serde_json::json;
use test_support::logins::{
    FF_ADMIN, FF_OPERATOR, FF_PLANNER, FF_SUPPLIER, NW_ADMIN, PLATFORM_ADMIN, RL_ADMIN,
};
use test_support::{spawn_app_with, token_after, unfolded, Backend, Options, TestApp};

mod chromium;
use chromium::{js, sign_in, sign_in_until, start_browser, start_browser_in, wait_for};

const WIDTHS: [u32; 3] = [1366, 768, 390];

/// axe-core's rules for WCAG 2.0, 2.1 and 2.2 at levels A and AA.
const AXE_TAGS: &str = "['wcag2a','wcag2aa','wcag21a','wcag21aa','wcag22a','wcag22aa']";

fn axe_source() -> String {
    let path = test_support::repo_root().join("tests/vendor/axe-core/axe.min.js");
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// English words that are words in neither German nor Dutch: one of them on a German or
/// Dutch page is a sentence nobody translated.
const ENGLISH: &str = r#"
const lang = arguments[0];
const words = new Set(['the','and','your','you','with','this','from','for','are','not','has',
  'have','when','which','there','here','than','only','each','every','yet','to','what','can',
  'been','their','they','these','those','its','it','by','or','new','no']);
const body = document.body.cloneNode(true);
// Code is not prose, and what people typed or a record keeps as written says so:
// `translate="no"`, or a `lang` of its own (text the engine recorded in English).
body.querySelectorAll(`script, style, code, pre, [translate=no], [aria-hidden=true], [lang]:not([lang="${lang}"])`)
  .forEach(e => e.remove());
let text = body.textContent;
body.querySelectorAll('[title], [aria-label], [placeholder], [alt]').forEach(e => {
  for (const a of ['title', 'aria-label', 'placeholder', 'alt']) text += ' ' + (e.getAttribute(a) || '');
});
const found = [];
const re = /[A-Za-z_][A-Za-z_']*/g;
let m;
while ((m = re.exec(text)) && found.length < 8) {
  if (words.has(m[0])) found.push(text.slice(Math.max(0, m.index - 30), m.index + 30).replace(/\s+/g, ' ').trim());
}
return { lang: document.documentElement.lang, found };
"#;

/// What is wrong with the page now open, at each width: sideways scrolling, controls
/// on top of each other, and (at the widest) axe-core's violations; in a German or
/// Dutch sweep (`lang`), a page not marked as such or showing English sentences.
async fn check_page(c: &Client, axe: &str, lang: &str, what: &str, problems: &mut Vec<String>) {
    let seen = c.execute(ENGLISH, vec![json!(lang)]).await.unwrap();
    if seen["lang"] != lang {
        problems.push(format!(
            "{what}: <html lang={}> in the {lang} sweep",
            seen["lang"]
        ));
    }
    if lang != "en" {
        for words in seen["found"].as_array().unwrap() {
            problems.push(format!(
                "{what}: English in the {lang} sweep: …{}…",
                words.as_str().unwrap()
            ));
        }
    }
    for width in WIDTHS {
        c.set_window_size(width, 900).await.unwrap();
        for open in [false, true] {
            let layout = c.execute(LAYOUT, vec![json!(open)]).await.unwrap();
            let state = if open { ", disclosures open" } else { "" };
            if layout["page"].as_f64().unwrap() > layout["width"].as_f64().unwrap() {
                problems.push(format!(
                    "{what} at {width} px{state} scrolls sideways: {}",
                    layout["wider"]
                ));
            }
            for pair in layout["overlaps"].as_array().unwrap() {
                problems.push(format!(
                    "{what} at {width} px{state}: controls overlap: {pair}"
                ));
            }
        }
        // With every disclosure open, so that what they hold is checked too.
        if width == WIDTHS[0] {
            for v in axe_violations(c, axe).await {
                problems.push(format!("{what}: {v}"));
            }
        }
    }
}

/// Layout facts of the open page, with its `<details>` as served or (argument `true`)
/// all open: how wide it scrolls against the window, what sticks out, and every pair
/// of visible controls whose boxes overlap (one inside the other, such as an input in
/// its label, is not an overlap).
const LAYOUT: &str = r#"
const openAll = arguments[0];
document.querySelectorAll('details').forEach(d => {
  if (d.dataset.served === undefined) d.dataset.served = d.open ? 'open' : '';
  d.open = openAll || d.dataset.served === 'open';
});
const w = document.documentElement.clientWidth;
const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') +
  (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\s+/).join('.') : '') +
  (e.name ? '[name=' + e.name + ']' : '') +
  (e.textContent ? ' "' + e.textContent.trim().slice(0, 24) + '"' : '');
// Shown to a person: laid out, not hidden, not inside a closed <details>.
const visible = e => {
  const r = e.getBoundingClientRect();
  return r.width > 0 && r.height > 0 && !e.closest('.skip-link, .sr-only, [aria-hidden=true]')
    && e.checkVisibility({ contentVisibilityAuto: true, visibilityProperty: true, opacityProperty: true });
};
const controls = [...document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary')]
  .filter(visible);
const overlaps = [];
for (let i = 0; i < controls.length; i++) {
  const a = controls[i], ra = a.getBoundingClientRect();
  for (let j = i + 1; j < controls.length; j++) {
    const b = controls[j];
    if (a.contains(b) || b.contains(a)) continue;
    const rb = b.getBoundingClientRect();
    const x = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left);
    const y = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
    if (x > 2 && y > 2) overlaps.push(name(a) + ' / ' + name(b));
  }
}
// What sticks out of the window without a scrolling box of its own to hold it, and
// boxes whose own content (a long word) runs out of them.
const held = e => {
  for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
    if (getComputedStyle(p).overflowX !== 'visible') return true;
  }
  return false;
};
const all = [...document.querySelectorAll('body *')];
return { page: document.documentElement.scrollWidth, width: w,
         wider: all.filter(e => { const r = e.getBoundingClientRect(); return (r.right > w + 1 || r.left < -1) && !held(e); })
           .slice(0, 4).map(name)
           .concat(all.filter(e => e.scrollWidth > e.clientWidth + 1 && e.clientWidth > 0
               && getComputedStyle(e).overflowX === 'visible' && !held(e))
             .slice(0, 3).map(e => 'text running out of ' + name(e))),
         overlaps: overlaps.slice(0, 6) };
"#;

/// axe-core's WCAG A/AA violations on the open page, one line each with up to three
/// of the elements concerned.
async fn axe_violations(c: &Client, axe: &str) -> Vec<String> {
    if js(c, "return typeof window.axe === 'object';").await != json!(true) {
        c.execute(&format!("{axe}\nreturn true;"), vec![])
            .await
            .unwrap();
    }
    let script = format!(
        "const done = arguments[arguments.length - 1];
         axe.run(document, {{ runOnly: {{ type: 'tag', values: {AXE_TAGS} }}, resultTypes: ['violations'] }})
           .then(r => done(r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at ' +
              v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))))
           .catch(e => done(['axe failed: ' + e]));"
    );
    let found = c.execute_async(&script, vec![]).await.unwrap();
    found
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect()
}

/// Opens `url` and waits for the page to be whole and, for a portal page (one that
/// loads the browser bundle), hydrated; a page that updates itself is stopped (with
/// its own button) so that it stays put while it is checked.
async fn open(c: &Client, url: &str) {
    c.goto(url).await.unwrap();
    wait_for(
        c,
        "document.readyState === 'complete' && (!document.querySelector('script[type=module]') || document.body.dataset.hydrated === 'true')",
        url,
    )
    .await;
    js(
        c,
        "document.querySelector('.auto-refresh button')?.click(); return true;",
    )
    .await;
}

// The browser, the checker and the language travel together through every sweep; a
// struct for them would only rename the three.
#[allow(clippy::too_many_arguments)]
async fn sweep(
    c: &Client,
    axe: &str,
    lang: &str,
    base: &str,
    paths: &[String],
    who: &str,
    problems: &mut Vec<String>,
    swept: &mut Vec<String>,
) {
    swept.extend(paths.iter().cloned());
    for path in paths {
        open(c, &format!("{base}{path}")).await;
        let at = js(c, "return location.pathname;").await;
        assert!(
            !at.as_str().unwrap().ends_with("/login") || path.ends_with("/login"),
            "{who} was sent to sign in at {path}"
        );
        check_page(c, axe, lang, &format!("{path} ({who})"), problems).await;
    }
}

/// Every e-mail the portal sends, from the admin's previews (each rendered in the
/// tenant's theme with sample words): the preview page, then the e-mail itself opened
/// on its own, as a mail program shows it, at every width.
async fn mails(
    c: &Client,
    axe: &str,
    lang: &str,
    base: &str,
    problems: &mut Vec<String>,
    swept: &mut Vec<String>,
) {
    open(c, &format!("{base}/settings/branding/emails")).await;
    let prefix = js(c, "return new URL(document.baseURI).pathname;").await;
    let links = js(
        c,
        "return [...document.querySelectorAll('main a')].map(a => a.pathname)
           .filter(p => /\\/settings\\/branding\\/emails\\/[^/]+$/.test(p));",
    )
    .await;
    let links: Vec<String> = links
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l.as_str().unwrap().to_string())
        .collect();
    assert!(
        links.len() >= 7,
        "the e-mails are listed: {links:?} (at {prefix})"
    );
    let base_path = base.split_once("://").map_or("", |(_, r)| r);
    let base_path = &base_path[base_path.find('/').unwrap_or(base_path.len())..];
    for link in links {
        let path = link.strip_prefix(base_path).unwrap_or(&link).to_string();
        sweep(
            c,
            axe,
            lang,
            base,
            std::slice::from_ref(&path),
            "Freshfield admin",
            problems,
            swept,
        )
        .await;
        let html = js(c, "return document.querySelector('iframe').srcdoc;").await;
        let html = html.as_str().expect("the preview holds the e-mail");
        let data = format!(
            "data:text/html;charset=utf-8;base64,{}",
            base64_encode(html.as_bytes())
        );
        c.goto(&data).await.unwrap();
        check_page(c, axe, lang, &format!("the e-mail of {path}"), problems).await;
    }
}

/// Standard base64 (for a `data:` address).
fn base64_encode(bytes: &[u8]) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().fold(0u32, |n, b| n << 8 | u32::from(*b)) << (8 * (3 - chunk.len()));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(A[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Routes the sweep does not open, with why: downloads, pictures, scripts and
/// addresses that only redirect.
const NOT_PAGES: &[(&str, &str)] = &[
    ("/po/{token}/attachments/{id}", "a file download"),
    ("/supplier/orders/{po}/attachments/{id}", "a file download"),
    (
        "/documents/purchase_order/{po}/attachments/{id}",
        "a file download",
    ),
    ("/settings/integrations/exports/{kind}", "a CSV download"),
    ("/brand/{which}", "the theme's picture"),
    (
        "/widget.js",
        "the shop widget's script (its form is checked on the shopper's pages)",
    ),
    ("/act-as/{token}", "enters an act-as session and redirects"),
    (
        "/documents/purchase_order/{id}/receive/{notice}",
        "a form's target (POST only)",
    ),
    (
        "/login/two-factor",
        "the second sign-in step, only after a password for an account with two-step sign-in",
    ),
];

/// Whether `path` (no query) is an instance of the route `pattern` (`{x}` matches one
/// segment).
fn instance_of(pattern: &str, path: &str) -> bool {
    let (p, q): (Vec<&str>, Vec<&str>) = (pattern.split('/').collect(), path.split('/').collect());
    p.len() == q.len()
        && p.iter()
            .zip(&q)
            .all(|(p, q)| p == q || (p.starts_with('{') && !q.is_empty()))
}

/// The routes in the route tables neither swept nor named in [`NOT_PAGES`] (a new
/// page is checked the day it is added).
fn uncovered(swept: &[String]) -> Vec<String> {
    let keep = |p: &str| format!("{{{p}}}");
    let mut routes = test_support::routes::leptos_paths(keep);
    routes.extend(test_support::routes::server_paths(keep));
    routes
        .iter()
        .filter(|r| !NOT_PAGES.iter().any(|(n, _)| n == r))
        .filter(|r| {
            !swept
                .iter()
                .any(|s| instance_of(r, s.split('?').next().unwrap()))
        })
        .map(|r| format!("{r}: not swept (add it to the sweep, or to NOT_PAGES with why)"))
        .collect()
}

/// Forgets the session of the portal at `url` (cookies are per host).
async fn sign_out(c: &Client, url: &str) {
    open(c, url).await;
    c.delete_all_cookies().await.unwrap();
    open(c, url).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_page_in_english_fits_every_width_and_passes_axe() {
    every_page("en").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_page_in_german_fits_every_width_and_passes_axe() {
    every_page("de").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_page_in_dutch_fits_every_width_and_passes_axe() {
    every_page("nl").await;
}

/// The sweep, in a browser that asks for `lang` (nobody has chosen a language of
/// their own and the demo tenants set no default, so every page answers in it).
async fn every_page(lang: &str) {
    if !chromium::available() {
        return;
    }
    let axe = axe_source();
    let app = spawn_app_with(Backend::Sqlite, Options::default()).await;
    let ff = app.tenant("freshfield").await;
    let transfer = app.low_store_transfer().await;
    let orders = app.sent_orders_for(&["FF-0002"]).await;
    let (order, _) = orders[0];
    let supplier_token = app
        .mails()
        .into_iter()
        .map(|m| unfolded(&m))
        .find(|m| m.contains(&format!("Purchase order PO-{order} from")))
        .and_then(|m| token_after(&m, "/po/"))
        .expect("the order's e-mail link");
    let (shopper, confirm) = shopper_pages(&app).await;
    let planner = app.signed_in("freshfield", FF_PLANNER).await;
    let backtest = started_backtest(&app, &planner).await;
    let provisioning = started_provisioning(&app).await;
    let (import, endpoint) = an_import_and_an_endpoint(&app).await;
    // The backtest and the provisioning stay queued: their pages show them waiting.
    app.allow_queued_jobs();

    let profile = tempfile::tempdir().unwrap();
    let (_driver, c) = start_browser_in(profile.path(), lang).await;
    let mut problems = Vec::new();
    let mut swept = Vec::new();

    // Signed out: the platform's landing page and a portal's public pages.
    let fresh = app.url("/t/freshfield");
    let public: Vec<String> = vec![
        "/login".into(),
        "/forgot".into(),
        "/notify/FF-0003".into(),
        format!("/po/{supplier_token}"),
        format!("{shopper}/unsubscribe"),
        shopper,
        confirm,
        "/reset/not-a-token".into(),
        "/invite/not-a-token".into(),
    ];
    open(&c, &app.url("/")).await;
    check_page(&c, &axe, lang, "/ (platform landing)", &mut problems).await;
    sweep(
        &c,
        &axe,
        lang,
        &fresh,
        &public,
        "signed out",
        &mut problems,
        &mut swept,
    )
    .await;

    // Freshfield's admin: every staff page.
    sign_in(&c, &format!("{fresh}/login"), FF_ADMIN.0, FF_ADMIN.1).await;
    let staff: Vec<String> = [
        "/",
        "/inventory",
        "/approvals",
        "/documents",
        "/exceptions",
        "/jobs",
        "/dashboard",
        "/backtests",
        "/scorecards",
        "/account",
        "/account/two-factor",
        "/account/recovery-codes",
        "/settings/members",
        "/settings/approvals",
        "/settings/policies",
        "/settings/suppliers",
        "/settings/back-in-stock",
        "/settings/integrations",
        "/settings/integrations/imports",
        "/settings/audit",
        "/settings/assistant",
        "/settings/branding/emails",
        "/settings/branding/theme",
        "/settings/branding/domains",
        "/settings/branding/region",
    ]
    .into_iter()
    .map(String::from)
    .chain([
        format!("/documents/transfer/{transfer}"),
        format!("/documents/purchase_order/{order}"),
        backtest,
        endpoint,
        import,
    ])
    .collect();
    sweep(
        &c,
        &axe,
        lang,
        &fresh,
        &staff,
        "Freshfield admin",
        &mut problems,
        &mut swept,
    )
    .await;
    mails(&c, &axe, lang, &fresh, &mut problems, &mut swept).await;
    sign_out(&c, &format!("{fresh}/login")).await;

    // The dairy, signed in to the supplier portal.
    sign_in(&c, &format!("{fresh}/login"), FF_SUPPLIER.0, FF_SUPPLIER.1).await;
    let supplier = vec![
        "/supplier/orders".to_string(),
        format!("/supplier/orders/{order}"),
        "/supplier/scorecard".to_string(),
    ];
    sweep(
        &c,
        &axe,
        lang,
        &fresh,
        &supplier,
        "supplier",
        &mut problems,
        &mut swept,
    )
    .await;
    sign_out(&c, &format!("{fresh}/login")).await;

    // Ridgeline's own theme, on its own host.
    let ridge = format!("http://ridgeline.localhost:{}", app.port);
    sign_in(&c, &format!("{ridge}/login"), RL_ADMIN.0, RL_ADMIN.1).await;
    let ridgeline: Vec<String> = [
        "/",
        "/inventory",
        "/approvals",
        "/settings/policies",
        "/dashboard",
    ]
    .into_iter()
    .map(String::from)
    .collect();
    sweep(
        &c,
        &axe,
        lang,
        &ridge,
        &ridgeline,
        "Ridgeline admin",
        &mut problems,
        &mut swept,
    )
    .await;

    // The partner's console, on its own host.
    let northwind = format!("http://northwind.localhost:{}", app.port);
    sign_in_until(
        &c,
        &format!("{northwind}/login"),
        NW_ADMIN.0,
        NW_ADMIN.1,
        "location.pathname === '/partner'",
        "the console",
    )
    .await;
    let partner = vec![
        "/partner".to_string(),
        "/partner/dashboard".to_string(),
        provisioning,
    ];
    sweep(
        &c,
        &axe,
        lang,
        &northwind,
        &partner,
        "partner",
        &mut problems,
        &mut swept,
    )
    .await;

    // The platform's console.
    let platform = app.url("/t/platform");
    sign_out(&c, &format!("{fresh}/login")).await;
    sign_in_until(
        &c,
        &format!("{platform}/login"),
        PLATFORM_ADMIN.0,
        PLATFORM_ADMIN.1,
        "location.pathname.endsWith('/platform')",
        "the platform console",
    )
    .await;
    sweep(
        &c,
        &axe,
        lang,
        &platform,
        &["/platform".to_string()],
        "platform",
        &mut problems,
        &mut swept,
    )
    .await;

    c.close().await.unwrap();
    problems.extend(uncovered(&swept));
    assert_eq!(
        app.transfer_state(ff, transfer).await,
        "pending_approval",
        "looking changed nothing"
    );
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

/// A shopper subscribes on the hosted page; returns the paths of their own page and
/// of the confirmation, from the confirmation e-mail's links.
async fn shopper_pages(app: &TestApp) -> (String, String) {
    let key = app.api_key("freshfield").await;
    let batch = json!({"events": [{"source": "pos-1", "external_id": "pages-0", "type": "count",
        "location": "S-AMS1", "sku": "FF-0003", "quantity": 0}]});
    assert_eq!(
        app.post_events("freshfield", &key, &batch).await.status(),
        200
    );
    app.run_pending_jobs().await;
    let res = app
        .post_form(
            &app.client(),
            "/t/freshfield/notify/FF-0003",
            &[
                ("email", "pages@shoppers.example"),
                ("store", "S-AMS1"),
                ("website", ""),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    app.run_jobs_due_at(engine::model::now_ms() + 60_000).await;
    let mail = app
        .mails()
        .into_iter()
        .map(|m| unfolded(&m))
        .find(|m| m.contains("To: pages@shoppers.example"))
        .expect("the confirmation e-mail");
    let confirm = token_after(&mail, "/alerts/confirm/").expect("the confirmation link");
    let manage = token_after(&mail.replace("/alerts/confirm/", "/confirm/"), "/alerts/")
        .expect("the manage link");
    (
        format!("/alerts/{manage}"),
        format!("/alerts/confirm/{confirm}"),
    )
}

/// A planner starts a backtest (it stays queued: this app runs no workers); returns
/// its page's path.
async fn started_backtest(app: &TestApp, planner: &reqwest::Client) -> String {
    let form = reqwest::multipart::Form::new()
        .text("candidate", "naive_adaptive")
        .text("days", "14")
        .text("service_level", "97.5");
    let res = planner
        .post(app.url("/t/freshfield/backtests"))
        .header("origin", app.origin())
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    page_of(&res, "/t/freshfield")
}

/// A checked stock-count import (its report and the apply form) and a webhook
/// endpoint; returns their pages' paths.
async fn an_import_and_an_endpoint(app: &TestApp) -> (String, String) {
    let admin = app.signed_in("freshfield", FF_ADMIN).await;
    let form = reqwest::multipart::Form::new()
        .text("kind", "stock_counts")
        .part(
            "file",
            reqwest::multipart::Part::bytes(
                b"location,sku,quantity\nS-AMS1,FF-0004,7\nS-AMS1,NOPE,3\n".to_vec(),
            )
            .file_name("counts.csv"),
        );
    let res = admin
        .post(app.url("/t/freshfield/settings/integrations/imports"))
        .header("origin", app.origin())
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let import = page_of(&res, "/t/freshfield");
    assert!(
        import.starts_with("/settings/integrations/imports/"),
        "{import}"
    );
    app.run_pending_jobs().await;
    let res = app
        .post_form(
            &admin,
            "/t/freshfield/settings/integrations/endpoints",
            &[
                ("url", "http://127.0.0.1:9/hook"),
                ("description", "ERP"),
                ("event", "transfer.*"),
            ],
        )
        .await;
    let to = res.headers()["location"].to_str().unwrap().to_string();
    assert!(to.contains("notice="), "the endpoint is added: {to}");
    let page = admin
        .get(app.url("/t/freshfield/settings/integrations"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let at = page
        .find("/settings/integrations/endpoints/")
        .expect("the endpoint is listed");
    let endpoint: String = page[at..]
        .trim_start_matches("/settings/integrations/endpoints/")
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    (
        import,
        format!("/settings/integrations/endpoints/{endpoint}"),
    )
}

/// Where a form post sent the browser, as a path inside the portal at `base`.
fn page_of(res: &reqwest::Response, base: &str) -> String {
    let to = res.headers()["location"].to_str().unwrap();
    let path = to.split('?').next().unwrap();
    path.strip_prefix(base).unwrap_or(path).to_string()
}

/// Northwind provisions a client (queued); returns the progress page's path.
async fn started_provisioning(app: &TestApp) -> String {
    let nw = app.signed_in("northwind", NW_ADMIN).await;
    let res = app
        .post_form(
            &nw,
            "/t/northwind/partner/clients",
            &[
                ("template", "outdoor-starter"),
                ("slug", "summit"),
                ("name", "Summit Sports"),
                ("theme", "neutral"),
                ("admin_name", "Sam Summit"),
                ("admin_email", "sam@summit.example"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    let path = page_of(&res, "/t/northwind");
    assert!(path.starts_with("/partner/provisionings/"), "{path}");
    path
}

/// The operator, keyboard only: the first Tab reaches the skip link, after which the
/// next Tab is past the header; Tab on reaches the transfer's Approve button and
/// Enter approves it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_operator_approves_a_transfer_with_the_keyboard_alone() {
    if !chromium::available() {
        return;
    }
    let app = spawn_app_with(Backend::Sqlite, Options::default()).await;
    let ff = app.tenant("freshfield").await;
    let transfer = app.low_store_transfer().await;
    let profile = tempfile::tempdir().unwrap();
    let (_driver, c) = start_browser(profile.path()).await;
    let fresh = app.url("/t/freshfield");
    sign_in(&c, &format!("{fresh}/login"), FF_OPERATOR.0, FF_OPERATOR.1).await;
    open(&c, &format!("{fresh}/approvals")).await;
    wait_for(
        &c,
        "document.querySelector('article.approval')",
        "an inbox card",
    )
    .await;

    let tab = Key::Tab.to_string();
    let enter = Key::Enter.to_string();
    c.active_element()
        .await
        .unwrap()
        .send_keys(&tab)
        .await
        .unwrap();
    let first = js(
        &c,
        "return document.activeElement.className + ' ' + document.activeElement.textContent;",
    )
    .await;
    assert!(
        first.as_str().unwrap().contains("skip-link"),
        "the first Tab reaches the skip link: {first}"
    );
    let shown = js(&c, "const r = document.activeElement.getBoundingClientRect(); return r.top >= 0 && r.width > 0;").await;
    assert_eq!(shown, json!(true), "and it shows when focused");
    c.active_element()
        .await
        .unwrap()
        .send_keys(&enter)
        .await
        .unwrap();
    wait_for(&c, "location.hash === '#main'", "the skip link followed").await;
    c.active_element()
        .await
        .unwrap()
        .send_keys(&tab)
        .await
        .unwrap();
    let next = js(&c, "return document.querySelector('main').contains(document.activeElement) && document.activeElement !== document.querySelector('main');").await;
    assert_eq!(
        next,
        json!(true),
        "the next Tab is past the header, in the page's content"
    );

    let approve = "article.approval button[value=approve]";
    let mut reached = false;
    for _ in 0..40 {
        c.active_element()
            .await
            .unwrap()
            .send_keys(&tab)
            .await
            .unwrap();
        let on = js(
            &c,
            &format!("return document.activeElement.matches('{approve}');"),
        )
        .await;
        if on == json!(true) {
            reached = true;
            break;
        }
    }
    assert!(reached, "Tab reaches the Approve button within 40 presses");
    let focus = js(&c, "const s = getComputedStyle(document.activeElement); return s.outlineStyle + ' ' + s.outlineWidth;").await;
    assert!(
        !focus.as_str().unwrap().starts_with("none"),
        "the focused button shows it: {focus}"
    );
    c.active_element()
        .await
        .unwrap()
        .send_keys(&enter)
        .await
        .unwrap();
    wait_for(
        &c,
        "location.search.includes('notice=')",
        "the approval notice",
    )
    .await;
    assert_eq!(app.transfer_state(ff, transfer).await, "approved");
    c.close().await.unwrap();
}
