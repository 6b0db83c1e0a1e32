//! A real Chromium driven over WebDriver, serving the release build from CLAIMCHECK_DIST.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::actions::{InputSource, KeyAction, KeyActions, MouseActions, PointerAction};
use fantoccini::elements::Element;
use fantoccini::wd::WebDriverCompatibleCommand;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};

const WAIT: Duration = Duration::from_secs(10);

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()) {
        Some("wasm") => "application/wasm",
        Some("js") => "text/javascript",
        Some("css") => "text/css",
        Some("html") => "text/html; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// Serves `dist` on a free loopback port, in a background thread, for this test process.
fn serve(dist: PathBuf) -> u16 {
    let port = free_port();
    let server = tiny_http::Server::http(("127.0.0.1", port)).expect("static server");
    std::thread::spawn(move || {
        for request in server.incoming_requests() {
            let path = request.url().split(['?', '#']).next().unwrap_or("/");
            let mut file = dist.join(path.trim_start_matches('/'));
            if path == "/" || !file.is_file() {
                file = dist.join("index.html");
            }
            let body = std::fs::read(&file).unwrap_or_default();
            let header =
                tiny_http::Header::from_bytes("Content-Type", content_type(&file)).unwrap();
            let _ = request.respond(tiny_http::Response::from_data(body).with_header(header));
        }
    });
    port
}

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

/// `POST /session/{id}/permissions` (the Permissions spec's WebDriver extension).
#[derive(Debug)]
struct SetPermission(String);

impl WebDriverCompatibleCommand for SetPermission {
    fn endpoint(
        &self,
        base: &url::Url,
        session: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base.join(&format!(
            "session/{}/permissions",
            session.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        let body = json!({"descriptor": {"name": self.0}, "state": "granted"});
        (http::Method::POST, Some(body.to_string()))
    }
}

pub struct Browser {
    pub client: Client,
    driver: Child,
    pub downloads: PathBuf,
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
        let dist = PathBuf::from(std::env::var("CLAIMCHECK_DIST").expect(
            "CLAIMCHECK_DIST must name the release build (trunk build --release); scripts/test.sh sets it",
        ));
        assert!(
            dist.join("index.html").is_file(),
            "no build in {}",
            dist.display()
        );
        let app_port = serve(dist);
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
        let caps = json!({
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
        let mut caps = caps;
        if phone {
            caps["goog:chromeOptions"]["mobileEmulation"] = json!({
                "deviceMetrics": {"width": 390, "height": 844, "pixelRatio": 3.0, "touch": true},
                "userAgent": "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Mobile Safari/537.36"
            });
        }
        let mut builder =
            ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new());
        builder.capabilities(caps.as_object().unwrap().clone());
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
            .goto(&format!("http://127.0.0.1:{app_port}/"))
            .await
            .unwrap();
        let b = Browser {
            client,
            driver,
            downloads,
        };
        b.wait_for("#article-body").await;
        b
    }

    pub async fn close(mut self) {
        let _ = self.client.clone().close().await;
        let _ = self.driver.kill();
        let _ = std::fs::remove_dir_all(&self.downloads);
    }

    pub async fn pause(&self, ms: u64) {
        tokio::time::sleep(Duration::from_millis(ms)).await;
    }

    pub async fn script(&self, js: &str, args: Vec<Value>) -> Value {
        self.client.execute(js, args).await.expect("script runs")
    }

    pub async fn script_async(&self, js: &str) -> Value {
        self.client
            .execute_async(js, vec![])
            .await
            .expect("script runs")
    }

    /// Grants the page a permission (as a user accepting the browser's prompt would).
    pub async fn grant(&self, name: &str) {
        self.client
            .issue_cmd(SetPermission(name.to_string()))
            .await
            .unwrap_or_else(|e| panic!("granting {name}: {e}"));
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

    pub async fn find(&self, css: &str) -> Element {
        self.client
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("{css}: {e}"))
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
        let deadline = Instant::now() + WAIT;
        loop {
            let found = match self.client.find(Locator::Css(css)).await {
                Ok(el) => el.text().await.unwrap_or_default(),
                Err(_) => String::new(),
            };
            if found == expected {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "{css} reads {found:?}, not {expected:?}"
            );
            self.pause(50).await;
        }
    }

    pub async fn wait_gone(&self, css: &str) {
        let deadline = Instant::now() + WAIT;
        while self.exists(css).await {
            assert!(Instant::now() < deadline, "{css} is still there");
            self.pause(50).await;
        }
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
    async fn labelled(&self, css: &str, name: &str) -> Result<Element, Vec<String>> {
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
        let deadline = Instant::now() + WAIT;
        loop {
            match self.labelled("button", name).await {
                Ok(el) => return el,
                Err(names) if Instant::now() > deadline => {
                    panic!("no button named {name:?}; there are {names:?}")
                }
                Err(_) => self.pause(50).await,
            }
        }
    }

    /// Chooses `name` in the Export menu, as a mouse user does.
    pub async fn export(&self, name: &str) {
        self.find(".export-menu summary")
            .await
            .click()
            .await
            .unwrap();
        self.button(name).await.click().await.unwrap();
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

    /// Waits until the field named `field` holds `expected` (a missing field holds nothing).
    pub async fn wait_value(&self, field: &str, expected: &str) {
        let deadline = Instant::now() + WAIT;
        loop {
            let value = match self.labelled("input, textarea", field).await {
                Ok(el) => el.prop("value").await.unwrap().unwrap_or_default(),
                Err(_) => String::new(),
            };
            if value == expected {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "{field} is {value:?}, not {expected:?}"
            );
            self.pause(50).await;
        }
    }

    pub async fn selected_text(&self) -> String {
        self.script("return window.getSelection().toString();", vec![])
            .await
            .as_str()
            .unwrap()
            .to_string()
    }

    /// Viewport points at the left edge of the first character and the right edge of the last
    /// character of `phrase` in the rendered article (read from the page's layout, like eyes).
    async fn phrase_points(&self, phrase: &str) -> ((f64, f64), (f64, f64)) {
        let js = r#"
            const phrase = arguments[0];
            const runs = [...document.querySelectorAll('#article-body [data-o]')];
            // The article's text as the reader sees it, with where each character sits.
            let text = '', where = [];
            let lastPara = null;
            for (const run of runs) {
                const p = run.closest('[data-p]');
                if (lastPara && p !== lastPara) { text += '\n\n'; where.push(null, null); }
                lastPara = p;
                const node = run.firstChild;
                for (let i = 0; i < node.data.length; i++) { text += node.data[i]; where.push([node, i]); }
            }
            const at = text.indexOf(phrase);
            if (at < 0) return null;
            const box = (k) => {
                const [node, i] = where[k];
                const r = document.createRange();
                r.setStart(node, i); r.setEnd(node, i + 1);
                const rects = r.getClientRects();
                return rects[0];
            };
            box(at).top; // forces layout
            const first = box(at), last = box(at + phrase.length - 1);
            return [first.left, first.right, first.top + first.height / 2,
                    last.left, last.right, last.top + last.height / 2];
        "#;
        // Bring the phrase into view first, so its points are on screen.
        let scroll = r#"
            const phrase = arguments[0];
            for (const p of document.querySelectorAll('#article-body [data-p]')) {
                if (p.textContent.includes(phrase.split('\n')[0])) { p.scrollIntoView({block: 'center'}); break; }
            }"#;
        self.script(scroll, vec![phrase.into()]).await;
        self.pause(100).await;
        let v = self.script(js, vec![phrase.into()]).await;
        let a = v
            .as_array()
            .unwrap_or_else(|| panic!("{phrase:?} is not in the article"));
        let f = |i: usize| a[i].as_f64().unwrap();
        let (first_left, first_right, first_y) = (f(0), f(1), f(2));
        let (last_left, last_right, last_y) = (f(3), f(4), f(5));
        let right_to_left = first_y == last_y && first_left > last_left;
        if right_to_left {
            ((first_right - 1.0, first_y), (last_left + 1.0, last_y))
        } else {
            ((first_left + 1.0, first_y), (last_right - 1.0, last_y))
        }
    }

    async fn drag(&self, from: (f64, f64), to: (f64, f64)) {
        let mouse = MouseActions::new("mouse".into())
            .then(PointerAction::MoveTo {
                duration: None,
                x: from.0,
                y: from.1,
            })
            .then(PointerAction::Down {
                button: fantoccini::actions::MOUSE_BUTTON_LEFT,
            })
            .then(PointerAction::MoveTo {
                duration: Some(Duration::from_millis(150)),
                x: to.0,
                y: to.1,
            })
            .then(PointerAction::Up {
                button: fantoccini::actions::MOUSE_BUTTON_LEFT,
            });
        self.client.perform_actions(mouse).await.unwrap();
        self.client.release_actions().await.unwrap();
    }

    /// Selects `phrase` in the article by dragging the mouse across it, then waits for the
    /// selection toolbar.
    pub async fn drag_select(&self, phrase: &str) {
        let (from, to) = self.phrase_points(phrase).await;
        self.drag(from, to).await;
        self.wait_for(".selection-toolbar").await;
        assert_eq!(
            self.selected_text().await.replace("\n", ""),
            phrase.replace("\n", ""),
            "the drag selected something else"
        );
    }

    /// Drags across the whole text of the element matching `css`.
    pub async fn drag_over_element_text(&self, css: &str) {
        let (x, y, w, h) = self.find(css).await.rectangle().await.unwrap();
        self.drag((x + 2.0, y + h / 2.0), (x + w - 2.0, y + h / 2.0))
            .await;
        assert!(!self.selected_text().await.is_empty());
    }

    /// Picks a bundled sample by typing the start of its title into the Samples menu, as a
    /// keyboard user would.
    pub async fn pick_sample(&self, title_start: &str) {
        let select = self.find("select[aria-label='Sample article']").await;
        select.send_keys(title_start).await.unwrap();
        let deadline = Instant::now() + WAIT;
        loop {
            let title = self.text("#article-title").await;
            if title.starts_with(title_start) {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "the sample {title_start:?} did not open; showing {title:?}"
            );
            self.pause(50).await;
        }
    }

    /// Chooses `path` in the page's Open file input, as the file picker would.
    pub async fn choose_file(&self, path: &std::path::Path) {
        self.choose_file_in("#open-file", path).await;
    }

    /// Chooses `path` in the file input matching `css`.
    pub async fn choose_file_in(&self, css: &str, path: &std::path::Path) {
        let input = self.find(css).await;
        input
            .send_keys(path.to_str().expect("a UTF-8 path"))
            .await
            .unwrap_or_else(|e| panic!("choosing {}: {e}", path.display()));
    }

    /// Chooses several files at once in the (multiple) file input matching `css`.
    pub async fn choose_files_in(&self, css: &str, paths: &[&std::path::Path]) {
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

    /// The page as Chromium prints it (print media rules applied), as PDF bytes.
    pub async fn print_pdf(&self) -> Vec<u8> {
        self.client
            .print(fantoccini::wd::PrintConfiguration::default())
            .await
            .expect("the page prints")
    }

    /// The app's address, for deep links.
    pub async fn url(&self) -> String {
        let mut url = self.client.current_url().await.unwrap();
        url.set_fragment(None);
        url.to_string()
    }

    /// Touches the screen at `at` for `hold` milliseconds (a tap, or a long press).
    pub async fn touch(&self, at: (f64, f64), hold: u64) {
        let finger = fantoccini::actions::TouchActions::new("finger".into())
            .then(PointerAction::MoveTo {
                duration: None,
                x: at.0,
                y: at.1,
            })
            .then(PointerAction::Down {
                button: fantoccini::actions::MOUSE_BUTTON_LEFT,
            })
            .then(PointerAction::Pause {
                duration: Duration::from_millis(hold),
            })
            .then(PointerAction::Up {
                button: fantoccini::actions::MOUSE_BUTTON_LEFT,
            });
        self.client.perform_actions(finger).await.unwrap();
        self.client.release_actions().await.unwrap();
    }

    /// Taps the middle of `el`.
    pub async fn tap(&self, el: &Element) {
        let finger = fantoccini::actions::TouchActions::new("finger".into())
            .then(PointerAction::MoveToElement {
                element: el.clone(),
                duration: None,
                x: 0.0,
                y: 0.0,
            })
            .then(PointerAction::Down {
                button: fantoccini::actions::MOUSE_BUTTON_LEFT,
            })
            .then(PointerAction::Pause {
                duration: Duration::from_millis(60),
            })
            .then(PointerAction::Up {
                button: fantoccini::actions::MOUSE_BUTTON_LEFT,
            });
        self.client.perform_actions(finger).await.unwrap();
        self.client.release_actions().await.unwrap();
    }

    /// Where the first character of `phrase` is on screen, scrolled into view.
    pub async fn phrase_start(&self, phrase: &str) -> (f64, f64) {
        let (from, _) = self.phrase_points(phrase).await;
        (from.0 + 2.0, from.1)
    }

    /// Presses `key` with Control held (and Shift too when `shift`).
    pub async fn press_ctrl(&self, key: char, shift: bool) {
        const CONTROL: char = '\u{e009}';
        const SHIFT: char = '\u{e008}';
        let mut keys = KeyActions::new("keyboard".into()).then(KeyAction::Down { value: CONTROL });
        if shift {
            keys = keys.then(KeyAction::Down { value: SHIFT });
        }
        keys = keys
            .then(KeyAction::Down { value: key })
            .then(KeyAction::Up { value: key });
        if shift {
            keys = keys.then(KeyAction::Up { value: SHIFT });
        }
        keys = keys.then(KeyAction::Up { value: CONTROL });
        self.client.perform_actions(keys).await.unwrap();
    }

    /// Presses `key` with Shift held.
    pub async fn press_shifted(&self, key: &str) {
        const SHIFT: char = '\u{e008}';
        let key = key.chars().next().unwrap();
        let keys = KeyActions::new("keyboard".into())
            .then(KeyAction::Down { value: SHIFT })
            .then(KeyAction::Down { value: key })
            .then(KeyAction::Up { value: key })
            .then(KeyAction::Up { value: SHIFT });
        self.client.perform_actions(keys).await.unwrap();
    }

    pub async fn press_key(&self, key: &str) {
        let keys = KeyActions::new("keyboard".into())
            .then(KeyAction::Down {
                value: key.chars().next().unwrap(),
            })
            .then(KeyAction::Up {
                value: key.chars().next().unwrap(),
            });
        self.client.perform_actions(keys).await.unwrap();
    }

    /// The contents of a downloaded file, once the browser has finished writing it.
    pub async fn downloaded(&self, name: &str) -> String {
        let path = self.downloads.join(name);
        let deadline = Instant::now() + WAIT;
        loop {
            if let Ok(text) = std::fs::read_to_string(&path) {
                if !text.is_empty() {
                    let _ = std::fs::remove_file(&path);
                    return text;
                }
            }
            let present: Vec<_> = std::fs::read_dir(&self.downloads)
                .unwrap()
                .filter_map(|e| e.ok().map(|e| e.file_name()))
                .collect();
            assert!(
                Instant::now() < deadline,
                "{name} was not downloaded; the folder has {present:?}"
            );
            self.pause(100).await;
        }
    }
}
