//! The release build, served from its folder on a free loopback port.

use std::net::TcpListener;
use std::path::{Path, PathBuf};

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

/// Serves `dist` in a background thread for this test process; returns the port. Any path
/// that is not a file gets index.html, as a static host serving a single-page app does.
pub fn serve(dist: PathBuf) -> u16 {
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
