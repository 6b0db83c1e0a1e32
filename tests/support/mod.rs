//! A real Chromium driven over WebDriver, serving the release build from CLAIMCHECK_DIST, for the
//! end-to-end tests and the anchoring benchmark.
//!
//! - [`server`]: the static file server for the build;
//! - [`driver`]: ChromeDriver, the session ([`Browser`]) and WebDriver helpers (find, wait, read);
//! - [`focus`]: where the keyboard is, the boxes of parts of the page, an article of one's own;
//! - [`gestures`]: what hands do: mouse drags across words, touch, keys, and the geometry they need;
//! - [`app`]: what a person does in Claimcheck, as verbs (add a claim, mark it, wait for the
//!   save, export and read the download);
//! - [`labels`]: an exercise's label set, and tagging the selected claim with a label;
//! - [`publishing`]: the Export menu's Publishing as setting, and the library's entries;
//! - [`screenshots`]: pictures of the page at a given size, for the docs.
//! - [`suggestions`]: claim suggestions: ask for them, accept or dismiss one.
//! - [`sharing`]: exercise links and submission codes.
//!
//! Nothing here sleeps for a fixed time to wait for the app: every wait polls what the page
//! shows (or what it stored) until it is as expected, with [`poll`].
#![cfg(not(target_arch = "wasm32"))]

pub mod app;
pub mod driver;
pub mod focus;
pub mod gestures;
pub mod labels;
pub mod publishing;
pub mod review;
pub mod screenshots;
pub mod server;
pub mod sharing;
pub mod suggestions;

use std::time::{Duration, Instant};

pub use driver::Browser;
pub use fantoccini;
pub use gestures::keys;

/// How long any wait lasts before the test fails.
pub const WAIT: Duration = Duration::from_secs(10);
/// How often a wait looks again.
const POLL_EVERY: Duration = Duration::from_millis(50);

/// Calls `probe` until it returns `Ok`, every 50 ms for at most [`WAIT`]; then fails with the
/// last `Err`, which says what was there instead.
pub async fn poll<T>(mut probe: impl AsyncFnMut() -> Result<T, String>) -> T {
    let deadline = Instant::now() + WAIT;
    loop {
        match probe().await {
            Ok(value) => return value,
            Err(why) if Instant::now() > deadline => panic!("{why}"),
            Err(_) => tokio::time::sleep(POLL_EVERY).await,
        }
    }
}

/// A fixture file of the tests (tests/fixtures/, beside this crate's folder). ChromeDriver
/// takes only canonical paths for files to upload: no `..` in them.
pub fn fixture(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/support is inside tests/")
        .join("fixtures")
        .join(name)
}

/// A scratch folder for files a test hands to the file picker; removed when dropped.
pub struct TempDir(std::path::PathBuf);

impl TempDir {
    pub fn new(what: &str) -> TempDir {
        let dir = std::env::temp_dir().join(format!("claimcheck-{what}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }

    /// Writes `bytes` to the file `name` in the folder; returns its path.
    pub fn write(&self, name: &str, bytes: impl AsRef<[u8]>) -> std::path::PathBuf {
        let path = self.0.join(name);
        std::fs::write(&path, bytes).unwrap();
        path
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The addresses of tests/fixtures/hostile_links.txt, each with whether the link rule must
/// accept it (`true`) or refuse it.
pub fn link_corpus() -> Vec<(bool, String)> {
    let text = std::fs::read_to_string(fixture("hostile_links.txt")).unwrap();
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|line| {
            let (verdict, address) = line.split_once(' ').expect("verdict, then the address");
            let address: String = serde_json::from_str(address).expect("a JSON string");
            match verdict {
                "accept" => (true, address),
                "refuse" => (false, address),
                other => panic!("{other}: not accept or refuse"),
            }
        })
        .collect()
}
