//! ChromeDriver and one browser session on the app, with the WebDriver reads and waits the
//! tests build on: elements by CSS or by accessible name, text, attributes, scripts.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::wd::{WebDriverCompatibleCommand, WindowHandle};
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};

use crate::server::{dist, free_port, serve, Server};
use crate::{poll, WAIT};

/// `GET /session/{id}/element/{id}/computedlabel`: the accessible name Chromium computes.
#[derive(Debug)]
struct ComputedLabel(String);

impl WebDriverCompatibleCommand for ComputedLabel {
    fn endpoint(
        &self,
        base: &url::Url,
        session: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base.join(&format!(
            "session/{}/element/{}/computedlabel",
            session.unwrap_or_default(),
            self.0
        ))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::GET, None)
    }
}

/// A `POST /session/{id}/<path>` WebDriver has no method for: the Permissions spec's
/// `permissions`, and ChromeDriver's `goog/cdp/execute` (its door to the DevTools protocol, for a
/// colour-vision simulation and the like).
#[derive(Debug)]
struct SessionPost {
    path: &'static str,
    body: Value,
}

impl WebDriverCompatibleCommand for SessionPost {
    fn endpoint(
        &self,
        base: &url::Url,
        session: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base.join(&format!(
            "session/{}/{}",
            session.unwrap_or_default(),
            self.path
        ))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(self.body.to_string()))
    }
}

/// The rules axe-core runs: WCAG 2.0, 2.1 and 2.2 at levels A and AA, and its best practices.
pub const AXE_TAGS: [&str; 6] = [
    "wcag2a",
    "wcag2aa",
    "wcag21a",
    "wcag21aa",
    "wcag22aa",
    "best-practice",
];

/// One rule axe-core found broken, and where.
#[derive(Debug, Clone)]
pub struct AxeViolation {
    pub id: String,
    pub impact: Option<String>,
    pub help: String,
    /// A CSS selector for each element that breaks the rule.
    pub targets: Vec<String>,
}

/// Where axe-core's script is: `CLAIMCHECK_AXE` (scripts/test.sh sets it), else where
/// scripts/setup.sh installs it.
fn axe_script_path() -> PathBuf {
    if let Ok(path) = std::env::var("CLAIMCHECK_AXE") {
        return PathBuf::from(path);
    }
    let home = std::env::var("HOME").unwrap_or_default();
    Path::new(&home).join(".cache/claimcheck-tools/node_modules/axe-core/axe.min.js")
}

/// Chromium's options: headless, a desktop window, downloads into `downloads` without asking;
/// as a 390×844 touch-screen phone when `phone`.
fn capabilities(downloads: &Path, phone: bool) -> serde_json::Map<String, Value> {
    let mut caps = json!({
        "goog:chromeOptions": {
            "binary": std::env::var("CHROME").unwrap_or_else(|_| "/usr/bin/chromium".into()),
            "args": [
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--window-size=1300,900",
            ],
            "prefs": {
                "download.default_directory": downloads.to_str().unwrap(),
                "download.prompt_for_download": false,
                // As a user who allowed this site's "download multiple files" prompt.
                "profile.default_content_setting_values.automatic_downloads": 1,
            },
        }
    });
    if phone {
        caps["goog:chromeOptions"]["mobileEmulation"] = json!({
            "deviceMetrics": {"width": 390, "height": 844, "pixelRatio": 3.0, "touch": true},
            "userAgent": "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Mobile Safari/537.36"
        });
    }
    caps.as_object().unwrap().clone()
}

/// One browser profile on the app: its WebDriver session, the ChromeDriver serving it, the
/// folder its downloads land in, and the server of the app (until [`Browser::stop_server`]).
pub struct Browser {
    pub client: Client,
    driver: Child,
    pub downloads: PathBuf,
    server: Option<Server>,
}

impl Browser {
    /// A fresh Chromium profile (empty localStorage) on the app's start page.
    pub async fn open() -> Browser {
        Self::open_as(false).await
    }

    /// The same, as a 390×844 touch-screen phone.
    pub async fn open_phone() -> Browser {
        Self::open_as(true).await
    }

    async fn open_as(phone: bool) -> Browser {
        Self::open_at(dist(), "/", phone).await
    }

    /// A fresh profile on the app at `path` of a server of the folder `root` (the build, or a
    /// folder holding it, to serve it from a sub-folder as a static host would).
    pub async fn open_at(root: PathBuf, path: &str, phone: bool) -> Browser {
        let server = serve(root);
        let app_port = server.port;
        let driver_port = free_port();
        let driver = Command::new(
            std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into()),
        )
        .arg(format!("--port={driver_port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromedriver starts");
        let downloads = std::env::temp_dir().join(format!(
            "claimcheck-e2e-{}-{driver_port}",
            std::process::id()
        ));
        std::fs::create_dir_all(&downloads).unwrap();
        let mut builder =
            ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new());
        builder.capabilities(capabilities(&downloads, phone));
        // ChromeDriver takes a moment to listen: try until it answers.
        let deadline = Instant::now() + WAIT;
        let client = loop {
            match builder
                .connect(&format!("http://127.0.0.1:{driver_port}"))
                .await
            {
                Ok(c) => break c,
                Err(e) if Instant::now() > deadline => panic!("no WebDriver session: {e}"),
                Err(_) => tokio::time::sleep(Duration::from_millis(100)).await,
            }
        };
        client
            .goto(&format!("http://127.0.0.1:{app_port}{path}"))
            .await
            .unwrap();
        let b = Browser {
            client,
            driver,
            downloads,
            server: Some(server),
        };
        b.wait_for("#article-body").await;
        b
    }

    /// Takes the app's server down, as if the network were gone: requests to it are refused.
    /// Returns its port.
    pub fn stop_server(&mut self) -> u16 {
        let server = self
            .server
            .take()
            .expect("the server runs until stopped once");
        let port = server.port;
        server.stop();
        port
    }

    pub async fn close(mut self) {
        let _ = self.client.clone().close().await;
        let _ = self.driver.kill();
        let _ = std::fs::remove_dir_all(&self.downloads);
    }

    /// Waits a fixed time. Only for checking that something does *not* happen (there is no
    /// event to wait for then); every other wait polls with [`poll`].
    pub async fn pause(&self, ms: u64) {
        tokio::time::sleep(Duration::from_millis(ms)).await;
    }

    pub async fn script(&self, js: &str, args: Vec<Value>) -> Value {
        self.client.execute(js, args).await.expect("script runs")
    }

    /// Runs `js`, whose last argument is the callback that gives its result.
    pub async fn script_async(&self, js: &str, args: Vec<Value>) -> Value {
        self.client
            .execute_async(js, args)
            .await
            .expect("script runs")
    }

    /// Grants the page a permission (as a user accepting the browser's prompt would).
    pub async fn grant(&self, name: &str) {
        self.client
            .issue_cmd(SessionPost {
                path: "permissions",
                body: json!({"descriptor": {"name": name}, "state": "granted"}),
            })
            .await
            .unwrap_or_else(|e| panic!("granting {name}: {e}"));
    }

    /// The tab the session drives now, to come back to it with [`Browser::switch_to`].
    pub async fn tab(&self) -> WindowHandle {
        self.client.window().await.unwrap()
    }

    /// Opens the app in another tab of the same profile (the same origin, so the same
    /// localStorage, as a reader opening it twice), drives that tab, and returns it.
    pub async fn open_tab(&self) -> WindowHandle {
        let mut url = self.client.current_url().await.unwrap();
        url.set_fragment(None);
        let tab = self.client.new_window(true).await.unwrap().handle;
        self.switch_to(&tab).await;
        self.client.goto(url.as_str()).await.unwrap();
        self.wait_for("#article-body").await;
        tab
    }

    /// Drives `tab` from now on (the browser shows it, as clicking on it would).
    pub async fn switch_to(&self, tab: &WindowHandle) {
        self.client.switch_to_window(tab.clone()).await.unwrap();
    }

    /// Reloads the page and waits for the app to be drawn again.
    pub async fn reload(&self) {
        self.client.refresh().await.unwrap();
        self.wait_for("#article-body").await;
    }

    /// The app's address, for deep links.
    pub async fn url(&self) -> String {
        let mut url = self.client.current_url().await.unwrap();
        url.set_fragment(None);
        url.to_string()
    }

    /// Whether the first element matching `css` is within the viewport.
    pub async fn in_view(&self, css: &str) -> bool {
        self.script(
            "const r = document.querySelector(arguments[0]).getBoundingClientRect();
             return r.top >= 0 && r.bottom <= innerHeight;",
            vec![css.into()],
        )
        .await
            == Value::Bool(true)
    }

    /// Waits until the first element matching `css` is within the viewport (the app scrolls
    /// smoothly, so it takes a moment).
    pub async fn wait_in_view(&self, css: &str) {
        poll(async || {
            if self.in_view(css).await {
                Ok(())
            } else {
                Err(format!("{css} is not scrolled into view"))
            }
        })
        .await
    }

    pub async fn find(&self, css: &str) -> Element {
        self.client
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("{css}: {e}"))
    }

    /// Clicks the first element matching `css`.
    pub async fn click(&self, css: &str) {
        self.find(css).await.click().await.unwrap();
    }

    pub async fn wait_for(&self, css: &str) -> Element {
        self.client
            .wait()
            .at_most(WAIT)
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("waiting for {css}: {e}"))
    }

    pub async fn exists(&self, css: &str) -> bool {
        !self
            .client
            .find_all(Locator::Css(css))
            .await
            .unwrap()
            .is_empty()
    }

    pub async fn count(&self, css: &str) -> usize {
        self.client.find_all(Locator::Css(css)).await.unwrap().len()
    }

    pub async fn text(&self, css: &str) -> String {
        self.find(css).await.text().await.unwrap()
    }

    /// The text content of every element matching `css`, in document order.
    pub async fn texts(&self, css: &str) -> Vec<String> {
        let found = self
            .script(
                "return [...document.querySelectorAll(arguments[0])].map(e => e.textContent);",
                vec![css.into()],
            )
            .await;
        serde_json::from_value(found).unwrap()
    }

    pub async fn attr(&self, css: &str, name: &str) -> String {
        self.find(css)
            .await
            .attr(name)
            .await
            .unwrap()
            .unwrap_or_default()
    }

    /// Waits until the first element matching `css` reads `expected`.
    pub async fn wait_text(&self, css: &str, expected: &str) {
        poll(async || {
            let found = match self.client.find(Locator::Css(css)).await {
                Ok(el) => el.text().await.unwrap_or_default(),
                Err(_) => String::new(),
            };
            if found == expected {
                Ok(())
            } else {
                Err(format!("{css} reads {found:?}, not {expected:?}"))
            }
        })
        .await
    }

    /// Waits until the first element matching `css` reads something containing `expected`;
    /// returns what it reads.
    pub async fn wait_text_containing(&self, css: &str, expected: &str) -> String {
        poll(async || {
            let found = match self.client.find(Locator::Css(css)).await {
                Ok(el) => el.text().await.unwrap_or_default(),
                Err(_) => String::new(),
            };
            if found.contains(expected) {
                Ok(found)
            } else {
                Err(format!("{css} reads {found:?}, which lacks {expected:?}"))
            }
        })
        .await
    }

    pub async fn wait_gone(&self, css: &str) {
        poll(async || {
            if self.exists(css).await {
                Err(format!("{css} is still there"))
            } else {
                Ok(())
            }
        })
        .await
    }

    async fn label(&self, el: &Element) -> String {
        let v = self
            .client
            .issue_cmd(ComputedLabel(el.element_id().to_string()))
            .await
            .unwrap();
        v.as_str().unwrap_or_default().to_string()
    }

    /// The first element matching `css` whose accessible name is exactly `name`, as a screen
    /// reader would find it; `Err` lists the names there are.
    pub(crate) async fn labelled(&self, css: &str, name: &str) -> Result<Element, Vec<String>> {
        let mut names = Vec::new();
        for el in self.client.find_all(Locator::Css(css)).await.unwrap() {
            let label = self.label(&el).await;
            if label == name {
                return Ok(el);
            }
            names.push(label);
        }
        Err(names)
    }

    /// The button named `name`, waiting for it to appear.
    pub async fn button(&self, name: &str) -> Element {
        poll(async || {
            self.labelled("button", name)
                .await
                .map_err(|names| format!("no button named {name:?}; there are {names:?}"))
        })
        .await
    }

    /// Clicks the button named `name`, as a mouse user does: brought to the middle of the
    /// window first, as a person scrolls a button out from under a toast before pressing it
    /// (WebDriver scrolls only as far as the window's edge, where toasts sit).
    pub async fn press(&self, name: &str) {
        let button = self.button(name).await;
        let arg = serde_json::to_value(&button).expect("an element as a script argument");
        self.script("arguments[0].scrollIntoView({block: 'center'});", vec![arg])
            .await;
        button.click().await.unwrap();
    }

    pub async fn exists_button(&self, name: &str) -> bool {
        self.labelled("button", name).await.is_ok()
    }

    /// The text field named `name`.
    pub async fn field(&self, name: &str) -> Element {
        self.labelled("input, textarea", name)
            .await
            .unwrap_or_else(|names| panic!("no field named {name:?}; there are {names:?}"))
    }

    /// What the text field named `name` holds.
    pub async fn value(&self, name: &str) -> String {
        self.field(name)
            .await
            .prop("value")
            .await
            .unwrap()
            .unwrap_or_default()
    }

    /// Waits until the field named `field` holds `expected` (a missing field holds nothing).
    pub async fn wait_value(&self, field: &str, expected: &str) {
        poll(async || {
            let value = match self.labelled("input, textarea", field).await {
                Ok(el) => el.prop("value").await.unwrap().unwrap_or_default(),
                Err(_) => String::new(),
            };
            if value == expected {
                Ok(())
            } else {
                Err(format!("{field} is {value:?}, not {expected:?}"))
            }
        })
        .await
    }

    /// Chooses `path` in the file input matching `css`, as the file picker would.
    pub async fn choose_file_in(&self, css: &str, path: &Path) {
        let input = self.find(css).await;
        input
            .send_keys(path.to_str().expect("a UTF-8 path"))
            .await
            .unwrap_or_else(|e| panic!("choosing {}: {e}", path.display()));
    }

    /// Chooses several files at once in the (multiple) file input matching `css`.
    pub async fn choose_files_in(&self, css: &str, paths: &[&Path]) {
        let list: Vec<&str> = paths
            .iter()
            .map(|p| p.to_str().expect("a UTF-8 path"))
            .collect();
        self.find(css)
            .await
            .send_keys(&list.join("\n"))
            .await
            .unwrap_or_else(|e| panic!("choosing {list:?}: {e}"));
    }

    /// Runs the DevTools protocol command `cmd` with `params`; returns its result.
    pub async fn cdp(&self, cmd: &str, params: Value) -> Value {
        self.client
            .issue_cmd(SessionPost {
                path: "goog/cdp/execute",
                body: json!({"cmd": cmd, "params": params}),
            })
            .await
            .unwrap_or_else(|e| panic!("CDP {cmd}: {e}"))
    }

    /// Shows the page as a person with `deficiency` ("deuteranopia", "achromatopsia", "none")
    /// sees it, in screenshots too.
    pub async fn simulate_vision(&self, deficiency: &str) {
        self.cdp(
            "Emulation.setEmulatedVisionDeficiency",
            json!({"type": deficiency}),
        )
        .await;
    }

    /// Saves a screenshot of the page as target/screenshots/`name`.png (not committed);
    /// returns its path.
    pub async fn save_screenshot(&self, name: &str) -> PathBuf {
        let png = self.client.screenshot().await.expect("a screenshot");
        let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
            .parent()
            .and_then(Path::parent)
            .expect("tests/support is two folders down")
            .join("target/screenshots");
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(format!("{name}.png"));
        std::fs::write(&path, png).unwrap();
        path
    }

    /// Runs axe-core on the page as it is now, with the rules of [`AXE_TAGS`]; returns what it
    /// found broken. The script goes in as WebDriver's script body (which the page's Content
    /// Security Policy does not govern), so the app's policy stays as strict as it is.
    pub async fn axe(&self) -> Vec<AxeViolation> {
        // The page at rest: mid-transition, a sliding element (the phone's sheet handle) can
        // sit over a control for a moment, which is no fault of the page.
        crate::poll(async || {
            let running = self
                .script(
                    "return document.getAnimations().filter(a => a.playState === 'running').length;",
                    vec![],
                )
                .await;
            if running == json!(0) {
                Ok(())
            } else {
                Err(format!("{running} animations still running"))
            }
        })
        .await;
        let loaded = self
            .script("return typeof window.axe === 'object';", vec![])
            .await;
        if loaded != Value::Bool(true) {
            let path = axe_script_path();
            let source = std::fs::read_to_string(&path).unwrap_or_else(|e| {
                panic!(
                    "axe-core is not at {} ({e}): run scripts/setup.sh",
                    path.display()
                )
            });
            self.script(&format!("{source}\n;return true;"), vec![])
                .await;
        }
        let found = self
            .script_async(
                "const done = arguments[arguments.length - 1];
                 axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
                   .then(r => done(r.violations.map(v => ({
                       id: v.id, impact: v.impact, help: v.help,
                       targets: v.nodes.map(n => n.target.join(' ')) }))))
                   .catch(e => done({error: String(e)}));",
                vec![json!(AXE_TAGS)],
            )
            .await;
        let Some(list) = found.as_array() else {
            panic!("axe-core did not run: {found}");
        };
        let text = |v: &Value| v.as_str().unwrap_or_default().to_string();
        list.iter()
            .map(|v| AxeViolation {
                id: text(&v["id"]),
                impact: v["impact"].as_str().map(str::to_string),
                help: text(&v["help"]),
                targets: v["targets"]
                    .as_array()
                    .map(|t| t.iter().map(text).collect())
                    .unwrap_or_default(),
            })
            .collect()
    }

    /// The page as Chromium prints it (print media rules applied), as PDF bytes.
    pub async fn print_pdf(&self) -> Vec<u8> {
        self.client
            .print(fantoccini::wd::PrintConfiguration::default())
            .await
            .expect("the page prints")
    }
}
