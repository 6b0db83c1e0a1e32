//! Time and fresh ids, which the pure core takes as inputs.

/// The current time as an RFC 3339 string (UTC, milliseconds).
pub fn now() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

/// A fresh id: time-ordered, with enough randomness that two tabs never collide.
pub fn new_id(prefix: &str) -> String {
    let millis = js_sys::Date::now() as u64;
    let random = (js_sys::Math::random() * 2f64.powi(48)) as u64;
    format!("{prefix}-{millis:x}-{random:012x}")
}
