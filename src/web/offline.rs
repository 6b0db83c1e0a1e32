//! Offline use: registers the service worker (assets/sw.js, copied to the build's root), which
//! keeps the whole build in the browser after the first visit.
//!
//! Only the release build registers it: a debug build (`trunk serve`) would otherwise be served
//! from the cache of an older build. Where there is no service worker (a file: page, an insecure
//! origin, a browser without one) the app simply works online; a failed registration is logged,
//! never fatal.

use gloo::events::EventListener;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{
    ServiceWorker, ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState,
};

/// The worker's address, relative to the page so that the app works from any folder; its scope
/// is then that folder.
const WORKER: &str = "sw.js";

pub fn register() {
    if cfg!(debug_assertions) {
        return;
    }
    let Some(container) = container() else {
        return;
    };
    let registering = container.register(WORKER);
    wasm_bindgen_futures::spawn_local(async move {
        match wasm_bindgen_futures::JsFuture::from(registering).await {
            Ok(registration) => take_over_when_installed(registration.unchecked_into()),
            Err(error) => warn(
                "Claimcheck will not work offline: its service worker did not register:",
                &error,
            ),
        }
    });
}

/// `navigator.serviceWorker`, when the page is served over http(s) and the browser has it.
fn container() -> Option<ServiceWorkerContainer> {
    let window = web_sys::window()?;
    let protocol = window.location().protocol().ok()?;
    if protocol != "http:" && protocol != "https:" {
        return None;
    }
    let navigator = window.navigator();
    // Undefined outside a secure context: reading it through web-sys would then throw.
    let container = js_sys::Reflect::get(&navigator, &JsValue::from_str("serviceWorker")).ok()?;
    container.dyn_into::<ServiceWorkerContainer>().ok()
}

/// A newer build's worker waits until every file is cached. This page's own bundle is already
/// running, so it lets the waiting worker take over at once: the next load is then the new build
/// entirely, from the new worker's cache. The browser may have begun installing it before this
/// page registered, or begin while the page is open.
fn take_over_when_installed(registration: ServiceWorkerRegistration) {
    if let Some(waiting) = registration.waiting() {
        take_over(&waiting);
    }
    if let Some(installing) = registration.installing() {
        take_over_once_installed(installing);
    }
    let on_update = registration.clone();
    EventListener::new(&registration, "updatefound", move |_| {
        if let Some(installing) = on_update.installing() {
            take_over_once_installed(installing);
        }
    })
    .forget();
}

fn take_over_once_installed(installing: ServiceWorker) {
    let worker = installing.clone();
    EventListener::new(&installing, "statechange", move |_| {
        if worker.state() == ServiceWorkerState::Installed {
            take_over(&worker);
        }
    })
    .forget();
}

fn take_over(worker: &ServiceWorker) {
    if let Err(error) = worker.post_message(&JsValue::from_str("skip-waiting")) {
        warn("Claimcheck's update did not start:", &error);
    }
}

fn warn(what: &str, error: &JsValue) {
    web_sys::console::warn_2(&JsValue::from_str(what), error);
}
