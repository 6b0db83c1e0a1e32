#![cfg(not(target_arch = "wasm32"))]
//! End to end, offline use: the release build served from a sub-folder (as from any static
//! host), its service worker caching it on the first visit, the app then opening and working
//! with the server gone; a new build taking over on the next load, never mixed with the old;
//! the web app manifest and its icons. In headless Chromium (see tests/e2e_claims.rs).

use std::path::{Path, PathBuf};

use claimcheck_e2e_support::app::{DENIAL, SAMPLE_TITLE};
use claimcheck_e2e_support::server::dist;
use claimcheck_e2e_support::{poll, Browser};
use serde_json::{json, Value};

/// Resolves once the page's service worker is active and controls the page: its scope and
/// the app's caches.
const CONTROLLED_JS: &str = "const done = arguments[arguments.length - 1];
    navigator.serviceWorker.ready.then(registration => {
      const check = async () => {
        if (!navigator.serviceWorker.controller) return setTimeout(check, 50);
        done({ scope: registration.scope, caches: await caches.keys() });
      };
      check();
    }).catch(e => done({ error: String(e) }));";

/// The manifest the page links, parsed, and the natural size of each of its icons as an image
/// loads it (0×0 when it does not load).
const MANIFEST_JS: &str = "const done = arguments[arguments.length - 1];
    (async () => {
      const link = document.querySelector('link[rel=manifest]');
      if (!link) return { error: 'no manifest link' };
      const manifest = await (await fetch(link.href)).json();
      const icons = await Promise.all(manifest.icons.map(icon => new Promise(resolve => {
        const img = new Image();
        img.onload = () => resolve([icon.src, img.naturalWidth + 'x' + img.naturalHeight]);
        img.onerror = () => resolve([icon.src, '0x0']);
        img.src = new URL(icon.src, link.href).href;
      })));
      return { manifest, icons };
    })().then(done, e => done({ error: String(e) }));";

/// The cache names and every address the app's cache holds.
const CACHED_JS: &str = "const done = arguments[arguments.length - 1];
    (async () => {
      const names = (await caches.keys()).filter(n => n.startsWith('claimcheck-'));
      const urls = [];
      for (const name of names) {
        for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
      }
      return { names, urls };
    })().then(done, e => done({ error: String(e) }));";

/// A scratch folder removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new(what: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("claimcheck-{what}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

async fn wait_controlled(b: &Browser) -> Value {
    let state = b.script_async(CONTROLLED_JS, vec![]).await;
    assert!(state.get("error").is_none(), "{state}");
    state
}

async fn cached(b: &Browser) -> Value {
    let cached = b.script_async(CACHED_JS, vec![]).await;
    assert!(cached.get("error").is_none(), "{cached}");
    cached
}

/// Waits until the port refuses connections.
async fn wait_refused(port: u16) {
    poll(
        async || match std::net::TcpStream::connect(("127.0.0.1", port)) {
            Err(_) => Ok(()),
            Ok(_) => Err(format!("port {port} still accepts connections")),
        },
    )
    .await
}

async fn assert_manifest_and_icons(b: &Browser) {
    let found = b.script_async(MANIFEST_JS, vec![]).await;
    assert!(found.get("error").is_none(), "{found}");
    let manifest = &found["manifest"];
    assert_eq!(manifest["name"], "Claimcheck");
    assert_eq!(manifest["short_name"], "Claimcheck");
    assert_eq!(manifest["start_url"], ".");
    assert_eq!(manifest["scope"], ".");
    assert_eq!(manifest["display"], "standalone");
    // The colours of styles/app.css: --ink and --paper.
    assert_eq!(manifest["theme_color"], "#1c1f23");
    assert_eq!(manifest["background_color"], "#fbfaf7");
    let icons = manifest["icons"].as_array().unwrap();
    let has = |sizes: &str, kind: &str, purpose: &str| {
        icons
            .iter()
            .any(|i| i["sizes"] == sizes && i["type"] == kind && i["purpose"] == purpose)
    };
    assert!(has("192x192", "image/png", "any"), "{icons:?}");
    assert!(has("512x512", "image/png", "any"), "{icons:?}");
    assert!(has("512x512", "image/png", "maskable"), "{icons:?}");
    assert!(has("any", "image/svg+xml", "any"), "{icons:?}");
    for (icon, loaded) in icons.iter().zip(found["icons"].as_array().unwrap()) {
        let size = loaded[1].as_str().unwrap();
        assert_ne!(size, "0x0", "the icon {} does not load", icon["src"]);
        if icon["sizes"] != "any" {
            assert_eq!(
                icon["sizes"], size,
                "the icon {} has another size",
                icon["src"]
            );
        }
    }
}

#[tokio::test]
#[ignore = "needs the release build and ChromeDriver: run scripts/test.sh"]
async fn after_one_visit_the_app_opens_and_works_with_no_network() {
    // A static host serving the build from a sub-folder.
    let root = Scratch::new("offline-host");
    std::os::unix::fs::symlink(dist(), root.0.join("classroom")).unwrap();
    let mut b = Browser::open_at(root.0.clone(), "/classroom/", false).await;
    assert_eq!(b.text("#article-title").await, SAMPLE_TITLE);

    // Every address in the page is relative to it.
    let addresses = b
        .script(
            "return [...document.querySelectorAll('script[src], link[href]')]
               .map(e => e.getAttribute('src') || e.getAttribute('href'));",
            vec![],
        )
        .await;
    for address in addresses.as_array().unwrap() {
        let address = address.as_str().unwrap();
        assert!(
            !address.starts_with('/') && !address.contains("://"),
            "{address} is not relative to the page"
        );
    }

    let state = wait_controlled(&b).await;
    assert!(
        state["scope"].as_str().unwrap().ends_with("/classroom/"),
        "{state}"
    );
    let cache = cached(&b).await;
    assert_eq!(cache["names"].as_array().unwrap().len(), 1, "{cache}");
    let urls: Vec<&str> = cache["urls"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u.as_str().unwrap())
        .collect();
    for end in [
        "/classroom/index.html",
        ".wasm",
        ".js",
        ".css",
        "/manifest.webmanifest",
    ] {
        assert!(
            urls.iter().any(|u| u.ends_with(end)),
            "no {end} in {urls:?}"
        );
    }
    assert!(!urls.iter().any(|u| u.ends_with("/sw.js")), "{urls:?}");
    assert_manifest_and_icons(&b).await;

    // The network is gone.
    let port = b.stop_server();
    wait_refused(port).await;
    b.reload().await;
    assert_eq!(b.text("#article-title").await, SAMPLE_TITLE);
    b.add_claim(DENIAL).await;
    b.wait_counts("1 claim · 0 verified · 1 unverified").await;
    b.wait_saved().await;
    assert_manifest_and_icons(&b).await;
    // The folder's address with a query (as a home-screen shortcut may add) opens it too.
    b.client
        .goto(&format!("http://127.0.0.1:{port}/classroom/?from=home"))
        .await
        .unwrap();
    b.wait_for("#article-body").await;
    b.wait_counts("1 claim · 0 verified · 1 unverified").await;
    b.close().await;
}

/// Rewrites the served copy as a new build would: another index.html and another version.
fn publish_next_build(site: &Path) {
    let index = site.join("index.html");
    let html = std::fs::read_to_string(&index).unwrap();
    let marked = html.replacen(
        "<title>Claimcheck</title>",
        "<title>Claimcheck</title><meta name=\"build\" content=\"next\">",
        1,
    );
    assert_ne!(marked, html, "the build's index.html has no <title>");
    std::fs::write(&index, marked).unwrap();
    let sw = site.join("sw.js");
    let script = std::fs::read_to_string(&sw).unwrap();
    let next = script.replacen("const VERSION = \"", "const VERSION = \"next-", 1);
    assert_ne!(next, script, "the build's sw.js has no version");
    std::fs::write(&sw, next).unwrap();
}

async fn build_marker(b: &Browser) -> Value {
    b.script(
        "const m = document.querySelector('meta[name=build]'); return m ? m.content : null;",
        vec![],
    )
    .await
}

#[tokio::test]
#[ignore = "needs the release build and ChromeDriver: run scripts/test.sh"]
async fn a_new_build_installs_in_the_background_and_takes_over_on_the_next_load() {
    let site = Scratch::new("offline-update");
    copy_dir(&dist(), &site.0);
    let mut b = Browser::open_at(site.0.clone(), "/", false).await;
    wait_controlled(&b).await;
    let first = cached(&b).await["names"].clone();
    assert_eq!(first.as_array().unwrap().len(), 1, "{first}");

    publish_next_build(&site.0);
    // This load still is the old build, whole, from its cache; the browser meanwhile finds the
    // new worker, which caches the new build and then takes over.
    b.reload().await;
    assert_eq!(build_marker(&b).await, Value::Null);
    poll(async || {
        let names = cached(&b).await["names"].clone();
        match names.as_array().unwrap().as_slice() {
            [one] if *one != first[0] && one.as_str().unwrap().starts_with("claimcheck-next-") => {
                Ok(())
            }
            _ => Err(format!("the caches are {names}, from {first}")),
        }
    })
    .await;

    // The next load is the new build, and stays so without the network.
    b.reload().await;
    assert_eq!(build_marker(&b).await, json!("next"));
    let port = b.stop_server();
    wait_refused(port).await;
    b.reload().await;
    assert_eq!(build_marker(&b).await, json!("next"));
    assert_eq!(b.text("#article-title").await, SAMPLE_TITLE);
    b.add_claim(DENIAL).await;
    b.wait_counts("1 claim · 0 verified · 1 unverified").await;
    b.close().await;
}
