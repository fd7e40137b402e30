//! Driving headless Chromium from a test: start it through chromedriver, run
//! JavaScript, wait for a condition, sign in, fill and click. Shared by the browser
//! test binaries (`browser`, `pages`); each uses the part it needs.
#![allow(dead_code)]

use std::process::{Child, Command, Stdio};
use std::time::Duration;

use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::json;

/// Whether a browser test can run: always under `scripts/test` (`SHELFWISE_E2E` set,
/// where a missing chromedriver is a failure), else only when chromedriver is
/// installed (a note says it was skipped).
pub fn available() -> bool {
    if std::env::var("SHELFWISE_E2E").is_ok()
        || Command::new("chromedriver")
            .arg("--version")
            .output()
            .is_ok()
    {
        return true;
    }
    eprintln!("skipped: chromedriver not installed; scripts/test installs it and runs this test");
    false
}

pub struct Driver(Child);

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

pub async fn start_browser(profile: &std::path::Path) -> (Driver, Client) {
    start_browser_in(profile, "en-GB,en").await
}

/// A browser whose people read `accept_lang` (its `Accept-Language`, e.g. `de`).
pub async fn start_browser_in(profile: &std::path::Path, accept_lang: &str) -> (Driver, Client) {
    let port = test_support::process::free_port();
    let driver = Command::new("chromedriver")
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromedriver is installed (scripts/test installs Debian's chromium-driver)");
    let driver = Driver(driver);
    let mut caps = serde_json::Map::new();
    caps.insert(
        "goog:chromeOptions".into(),
        json!({
            "binary": "/usr/bin/chromium",
            "args": ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     "--no-first-run", "--window-size=1280,900", format!("--user-data-dir={}", profile.display()),
                     format!("--lang={accept_lang}"), format!("--accept-lang={accept_lang}")],
            "prefs": { "intl.accept_languages": accept_lang }
        }),
    );
    for _ in 0..100 {
        if let Ok(client) = ClientBuilder::new(HttpConnector::new())
            .capabilities(caps.clone())
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
        {
            return (driver, client);
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("chromedriver did not start");
}

pub async fn js(c: &Client, script: &str) -> serde_json::Value {
    c.execute(script, vec![]).await.unwrap()
}

/// Polls a JavaScript condition until it holds (10 s at most).
pub async fn wait_for(c: &Client, condition: &str, what: &str) {
    for _ in 0..100 {
        if js(c, &format!("return !!({condition});")).await == json!(true) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let url = c
        .current_url()
        .await
        .map(|u| u.to_string())
        .unwrap_or_default();
    let page = c.source().await.unwrap_or_default();
    let tail: String = page.chars().take(3000).collect();
    panic!("timed out waiting for {what} (at {url}); page starts:\n{tail}");
}

pub async fn sign_in(c: &Client, login_url: &str, email: &str, password: &str) {
    sign_in_until(
        c,
        login_url,
        email,
        password,
        "document.querySelector('.who')",
        "the signed-in header",
    )
    .await;
}

/// Signs in and waits until the JavaScript `condition` holds (a server-rendered
/// landing page has no portal header).
pub async fn sign_in_until(
    c: &Client,
    login_url: &str,
    email: &str,
    password: &str,
    condition: &str,
    what: &str,
) {
    c.goto(login_url).await.unwrap();
    fill(c, "#email", email).await;
    fill(c, "#password", password).await;
    click(c, "form button[type=submit]").await;
    wait_for(c, condition, what).await;
}

pub async fn fill(c: &Client, css: &str, text: &str) {
    let field = c.find(Locator::Css(css)).await.unwrap();
    field.clear().await.unwrap();
    field.send_keys(text).await.unwrap();
}

pub async fn click(c: &Client, css: &str) {
    c.find(Locator::Css(css))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
}

/// Nothing on the page is wider than the screen (a sentence naming what is, if so).
pub async fn fits_the_screen(c: &Client, what: &str) {
    let fits = js(
        c,
        "const w = document.documentElement.clientWidth;
         return { page: document.documentElement.scrollWidth, width: w,
                  wider: [...document.querySelectorAll('body *')]
                    .filter(e => e.getBoundingClientRect().right > w + 1)
                    .slice(0, 8).map(e => e.tagName + '.' + e.className) };",
    )
    .await;
    assert!(
        fits["page"].as_f64().unwrap() <= fits["width"].as_f64().unwrap(),
        "{what} scrolls sideways on a phone: {fits}"
    );
}
