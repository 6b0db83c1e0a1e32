//! The release build, served from its folder on a free loopback port.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::thread::JoinHandle;

pub fn free_port() -> u16 {
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
        Some("webmanifest") => "application/manifest+json",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        _ => "application/octet-stream",
    }
}

/// The build named by CLAIMCHECK_DIST, checked to be there.
pub fn dist() -> PathBuf {
    let dist = PathBuf::from(std::env::var("CLAIMCHECK_DIST").expect(
        "CLAIMCHECK_DIST must name the release build (trunk build --release); scripts/test.sh sets it",
    ));
    assert!(
        dist.join("index.html").is_file(),
        "no build in {}",
        dist.display()
    );
    dist
}

/// The static server of one test: its port, and the way to take it down (the network gone).
pub struct Server {
    pub port: u16,
    server: Arc<tiny_http::Server>,
    thread: JoinHandle<()>,
}

impl Server {
    /// Stops answering and closes the port: from now on a request to it is refused.
    pub fn stop(self) {
        self.server.unblock();
        let _ = self.thread.join();
        // The last handle: dropping it closes the listening socket.
        drop(self.server);
    }
}

/// Serves `dist` in a background thread for this test process. A folder's address gets its
/// index.html; any other path that is not a file gets the root's index.html, as a static host
/// serving a single-page app does.
pub fn serve(dist: PathBuf) -> Server {
    let port = free_port();
    let server = Arc::new(tiny_http::Server::http(("127.0.0.1", port)).expect("static server"));
    let serving = server.clone();
    let thread = std::thread::spawn(move || {
        for request in serving.incoming_requests() {
            let path = request.url().split(['?', '#']).next().unwrap_or("/");
            let mut file = dist.join(path.trim_start_matches('/'));
            if file.is_dir() {
                file = file.join("index.html");
            }
            if !file.is_file() {
                file = dist.join("index.html");
            }
            let body = std::fs::read(&file).unwrap_or_default();
            let header =
                tiny_http::Header::from_bytes("Content-Type", content_type(&file)).unwrap();
            let _ = request.respond(tiny_http::Response::from_data(body).with_header(header));
        }
    });
    Server {
        port,
        server,
        thread,
    }
}
