//! The one rule for every address that may become a link a reader can follow (evidence, an
//! article's original address, the links in its text), wherever it comes from: a file, a form
//! or the page's storage.
//!
//! The address is read the way a browser's URL parser (WHATWG URL) reads an `href`, so that what
//! passes here is what the browser would follow: leading and trailing C0 controls and spaces are
//! stripped, every tab, line feed and carriage return is removed wherever it is (so
//! `java\tscript:` is `javascript:`), and the scheme is read case-insensitively. Only http and
//! https with a host pass (and, for the links in an article's text, mailto); anything else —
//! `javascript:`, `data:`, `vbscript:`, `file:`, a relative or protocol-relative address — is
//! refused with a message naming the field.

/// What the address must start with, for the messages.
const WEB: &str = "the address must start with http:// or https://";
const WEB_OR_MAIL: &str = "the address must start with http://, https:// or mailto:";

/// `address` as a browser would follow it, if it is an http(s) address with a host; otherwise a
/// message naming `field` ("Evidence 2 of claim “…”: the address must start with …").
pub fn check_link(address: &str, field: &str) -> Result<String, String> {
    check(address, field, false)
}

/// As [`check_link`], and `mailto:` addresses pass too: for the links in an article's text,
/// where a byline's contact address is a link like any other.
pub fn check_link_or_mail(address: &str, field: &str) -> Result<String, String> {
    check(address, field, true)
}

/// Whether `address` passes [`check_link`].
pub fn is_link(address: &str) -> bool {
    check_link(address, "").is_ok()
}

/// The address as the URL parser sees it before reading anything: C0 controls and spaces off
/// both ends, and no tab, line feed or carriage return anywhere.
fn normalize(address: &str) -> String {
    address
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect()
}

/// The scheme (an ASCII letter, then letters, digits, `+`, `-` or `.`) and what follows its `:`;
/// `None` when the address has none, as a relative address has not.
fn split_scheme(address: &str) -> Option<(&str, &str)> {
    let (scheme, rest) = address.split_once(':')?;
    let mut chars = scheme.chars();
    let first = chars.next()?;
    (first.is_ascii_alphabetic()
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')))
    .then_some((scheme, rest))
}

fn check(address: &str, field: &str, mail: bool) -> Result<String, String> {
    let normal = normalize(address);
    let refuse = |why: &str| Err(format!("{field}: {why}."));
    let expected = if mail { WEB_OR_MAIL } else { WEB };
    let Some((scheme, rest)) = split_scheme(&normal) else {
        return refuse(expected);
    };
    let scheme = scheme.to_ascii_lowercase();
    let web = scheme == "http" || scheme == "https";
    let mailto = mail && scheme == "mailto";
    if !(web || mailto) {
        return refuse(expected);
    }
    // Spaces and controls left inside would be read differently by different readers (or make
    // the address fail in the browser): a link a reader follows has none.
    if normal.chars().any(|c| c.is_control() || c.is_whitespace()) {
        return refuse("the address has spaces or control characters in it");
    }
    if !web {
        return if rest.is_empty() {
            refuse("the mailto: address names no one")
        } else {
            Ok(normal)
        };
    }
    let Some(after) = rest.strip_prefix("//") else {
        return refuse(expected);
    };
    // For http(s) the browser ends the host at a backslash too.
    let authority = after.split(['/', '?', '#', '\\']).next().unwrap_or("");
    // "https://trusted.example@elsewhere.example/" goes to elsewhere.example.
    if authority.contains('@') {
        return refuse("the address must not hold a user name or password before its host");
    }
    let (host, port) = match authority.strip_prefix('[') {
        Some(v6) => match v6.split_once(']') {
            Some((inner, after)) if !inner.is_empty() => (inner, after.strip_prefix(':')),
            _ => return refuse("the address has no host after its scheme"),
        },
        None => match authority.split_once(':') {
            Some((host, port)) => (host, Some(port)),
            None => (authority, None),
        },
    };
    if host.is_empty() {
        return refuse("the address has no host after its scheme");
    }
    if port.is_some_and(|p| !p.chars().all(|c| c.is_ascii_digit())) {
        return refuse("the address's port is not a number");
    }
    Ok(normal)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const FIELD: &str = "Evidence 2 of claim “the port paid”";

    fn refused(address: &str) -> String {
        check_link(address, FIELD).expect_err(address)
    }

    #[test]
    fn web_addresses_pass_as_the_browser_reads_them() {
        for (address, read) in [
            ("https://example.org/a?b#c", "https://example.org/a?b#c"),
            ("HTTP://EXAMPLE.ORG", "HTTP://EXAMPLE.ORG"),
            ("  https://example.org/doc \n", "https://example.org/doc"),
            ("\u{1}https://example.org", "https://example.org"),
            ("https://exa\tmple.org/p\na\rth", "https://example.org/path"),
            ("https://例え.jp/記事", "https://例え.jp/記事"),
            ("http://127.0.0.1:8080/x", "http://127.0.0.1:8080/x"),
            ("http://[::1]:80/", "http://[::1]:80/"),
            ("https://example.org:/x", "https://example.org:/x"),
        ] {
            assert_eq!(
                check_link(address, FIELD).as_deref(),
                Ok(read),
                "{address:?}"
            );
            assert!(is_link(address));
        }
    }

    #[test]
    fn other_schemes_and_relative_addresses_are_refused_naming_the_field() {
        let must = format!("{FIELD}: {WEB}.");
        for address in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "\u{1}javascript:alert(1)",
            " \u{0}\u{1f}javascript:alert(1)",
            "javascript://%0aalert(1)",
            "vbscript:msgbox(1)",
            "data:text/html,<script>alert(1)</script>",
            "file:///etc/passwd",
            "mailto:a@example.org",
            "//evil.example/x",
            "/relative/path",
            "relative.html",
            "https:example.org",
            "https:/example.org",
            "",
            " \t\n ",
            "1http://example.org",
        ] {
            assert_eq!(refused(address), must, "{address:?}");
        }
    }

    #[test]
    fn web_addresses_without_a_proper_host_are_refused() {
        for (address, why) in [
            ("https://", "no host"),
            ("https:///path", "no host"),
            ("https://?q", "no host"),
            ("https://:80", "no host"),
            ("https://[]/", "no host"),
            (
                "https://trusted.example@evil.example/",
                "user name or password",
            ),
            ("https://user:pass@example.org", "user name or password"),
            ("https://@example.org", "user name or password"),
            ("https://example.org:8o/", "port is not a number"),
            ("https://exa mple.org", "spaces or control"),
            ("https://example.org/a\u{0}b", "spaces or control"),
            ("https://example.org/a\u{a0}b", "spaces or control"),
        ] {
            let e = refused(address);
            assert!(e.starts_with(FIELD) && e.contains(why), "{address:?}: {e}");
        }
    }

    #[test]
    fn mailto_passes_only_where_asked_for() {
        assert_eq!(
            check_link_or_mail(" MAILTO:desk@example.org", "Link 1").as_deref(),
            Ok("MAILTO:desk@example.org")
        );
        assert!(check_link_or_mail("https://example.org", "Link 1").is_ok());
        assert_eq!(
            check_link_or_mail("mailto:", "Link 1").unwrap_err(),
            "Link 1: the mailto: address names no one."
        );
        assert_eq!(
            check_link_or_mail("javascript:alert(1)", "Link 1").unwrap_err(),
            format!("Link 1: {WEB_OR_MAIL}.")
        );
    }

    /// What a browser would follow: the scheme after the parser's clean-up, read by hand.
    fn browser_scheme(address: &str) -> Option<String> {
        let clean = normalize(address);
        split_scheme(&clean).map(|(s, _)| s.to_ascii_lowercase())
    }

    proptest! {
        #[test]
        fn nothing_but_http_with_a_host_passes(address in any::<String>()) {
            if let Ok(read) = check_link(&address, "f") {
                let lower = read.to_ascii_lowercase();
                let rest = lower.strip_prefix("https://").or_else(|| lower.strip_prefix("http://"));
                prop_assert!(rest.is_some_and(|r| !r.starts_with(['/', '?', '#', '\\', ':'])), "{read:?}");
                prop_assert_eq!(&read, &normalize(&address));
                prop_assert!(!read.chars().any(char::is_control));
                let scheme = browser_scheme(&address);
                prop_assert!(matches!(scheme.as_deref(), Some("http" | "https")));
            }
        }

        #[test]
        fn hostile_schemes_never_pass_however_they_are_dressed(
            scheme in prop::sample::select(vec!["javascript", "vbscript", "data", "file", "blob"]),
            case in prop::collection::vec(any::<bool>(), 10),
            junk in prop::collection::vec(prop::sample::select(vec!['\t', '\n', '\r', ' ', '\u{0}', '\u{1f}']), 0..4),
            at in 0usize..12,
            rest in ".*",
        ) {
            let mut dressed: String = scheme
                .chars()
                .zip(case.iter().cycle())
                .map(|(c, up)| if *up { c.to_ascii_uppercase() } else { c })
                .collect();
            let at = at.min(dressed.len());
            let junk: String = junk.into_iter().collect();
            dressed.insert_str(at, &junk);
            let address = format!("{junk}{dressed}:{rest}");
            prop_assert!(check_link(&address, "f").is_err(), "{:?}", address);
            prop_assert!(check_link_or_mail(&address, "f").is_err(), "{:?}", address);
        }

        #[test]
        fn a_web_address_passes_whatever_its_path(
            host in "[a-z0-9]([a-z0-9-]{0,20}[a-z0-9])?(\\.[a-z]{2,6}){1,2}",
            path in "(/[A-Za-z0-9._~%!$&'()*+,;=:@-]{0,12}){0,4}",
        ) {
            let address = format!("https://{host}{path}");
            prop_assert_eq!(check_link(&address, "f"), Ok(address.clone()));
        }
    }
}
