//! What the fuzz tests share: the bounded proptest configuration and unstructured inputs
//! (arbitrary bytes, Unicode, format words) here; JSON values and the structured mutations of
//! valid files in `mutations`; valid documents built with the core's own types in `documents`;
//! the checks an accepted result must pass in `checks`.
//!
//! A panic aborts the page in the release build (`panic = "abort"`), so every property asserts
//! first that the entry point returns, then what its `Ok` or `Err` must say.

// Each fuzz binary uses only part of these modules.
#![allow(dead_code, unused_imports)]

mod checks;
mod documents;
mod mutations;

pub use checks::*;
pub use documents::*;
pub use mutations::*;

use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;

/// Cases per property: enough to find shallow panics on every `cargo test`, few enough that each
/// fuzz binary runs in seconds in a debug build on two cores. For a longer campaign set the
/// environment, e.g. `PROPTEST_CASES=20000 cargo test --test fuzz_parsers` (an optimized build
/// with overflow checks finds more per minute: `--config 'profile.fuzz.inherits="dev"'
/// --config profile.fuzz.opt-level=2 --profile fuzz`).
pub const CASES: u32 = 256;

pub fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(CASES);
    ProptestConfig {
        cases,
        // A failure found here becomes a plain #[test] beside the property (the integration
        // tests have no lib.rs for proptest to keep regression files next to).
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

pub const NOW: &str = "2026-11-29T00:00:00.000Z";

/// Words of article text: scripts written right to left, combining marks, emoji sequences,
/// characters whose case changes their length, NUL, byte-order marks and line separators.
pub const WORDS: &[&str] = &[
    "The",
    "ministry",
    "said",
    "Café",
    "😀",
    "👍🏽",
    "👩‍👩‍👧",
    "🇺🇸",
    "世界",
    "שלום",
    "مرحبا",
    "\u{202e}",
    "\u{200f}",
    "e\u{301}",
    "\u{0}",
    "\t",
    "Reyl",
    "denied",
    "it.",
    "\u{feff}",
    "ﬁ",
    "İ",
    "ß",
    "\r",
    "\u{2028}",
    "the port paid twice",
    "\"quoted\"",
    "\\",
    "%41",
    "&",
    "=",
    "#",
    "<b>",
    "[link](https://x.example)",
    "-",
    "*",
];

const SEPARATORS: &[&str] = &[" ", " ", " ", "\n", "\n\n", "", "\n\n\n", "\r\n"];

/// Article-like text of at least one code point.
pub fn text() -> impl Strategy<Value = String> {
    vec((select(WORDS), select(SEPARATORS)), 1..40)
        .prop_map(|parts| parts.into_iter().flat_map(|(w, s)| [w, s]).collect())
}

/// Any Unicode: proptest's strings, any code points (controls included) or words of [`WORDS`].
pub fn unicode() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        vec(any::<char>(), 0..40).prop_map(|c| c.into_iter().collect()),
        vec(select(WORDS), 0..8).prop_map(|w| w.join(" ")),
    ]
}

/// Arbitrary bytes, and bytes drawn from what JSON and the classroom formats are made of.
pub fn bytes() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        vec(any::<u8>(), 0..600),
        vec(
            select(b"{}[]\",:0123456789.-+eE \\u tnrfalse\x00\xff\xfe\xef\xbb\xbf".to_vec()),
            0..300
        ),
    ]
}

/// Words of the file formats, so random text reaches past the first checks.
const TOKENS: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    ":",
    "\"format\"",
    "\"claimcheck\"",
    "\"claimcheck-library\"",
    "\"claimcheck-exercise\"",
    "\"claimcheck-key\"",
    "\"claimcheck-submission\"",
    "\"version\"",
    "1",
    "2",
    "0",
    "-1",
    "1e308",
    "\"article\"",
    "\"claims\"",
    "\"orphans\"",
    "\"documents\"",
    "\"text\"",
    "\"id\"",
    "\"title\"",
    "\"quote\"",
    "\"exact\"",
    "\"prefix\"",
    "\"suffix\"",
    "\"position\"",
    "\"start\"",
    "\"end\"",
    "\"status\"",
    "\"verified\"",
    "\"source\"",
    "\"note\"",
    "\"created\"",
    "\"modified\"",
    "\"2026-11-29T10:00:00Z\"",
    "\"type\"",
    "\"Annotation\"",
    "\"AnnotationPage\"",
    "\"AnnotationCollection\"",
    "\"items\"",
    "\"first\"",
    "\"target\"",
    "\"selector\"",
    "\"TextQuoteSelector\"",
    "\"TextPositionSelector\"",
    "\"body\"",
    "\"annotations\"",
    "\"rows\"",
    "\"tags\"",
    "\"exercise\"",
    "\"hash\"",
    "\"student\"",
    "\"exerciseId\"",
    "null",
    "true",
    "false",
    "\"\"",
    "\"\\ud800\"",
    "\"😀\"",
    "\"a\"",
];

/// Random sequences of format words: often almost JSON, sometimes a file.
pub fn token_soup() -> impl Strategy<Value = String> {
    vec(select(TOKENS), 0..80).prop_map(|t| t.concat())
}

/// Text for a `&str` entry point: arbitrary bytes read lossily, Unicode, or token soup.
pub fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        bytes().prop_map(|b| String::from_utf8_lossy(&b).into_owned()),
        unicode(),
        token_soup(),
        json_value().prop_map(|v| v.to_string()),
    ]
}
