//! Deep links: `#article=<id>&claim=<id>` opens an article and shows one of its claims.

/// What a link's fragment asks for.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DeepLink {
    pub article: Option<String>,
    pub claim: Option<String>,
}

fn decode(value: &str) -> String {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match (bytes[i], bytes.get(i + 1..i + 3)) {
            (b'%', Some(hex)) => {
                match u8::from_str_radix(std::str::from_utf8(hex).unwrap_or(""), 16) {
                    Ok(b) => {
                        out.push(b);
                        i += 3;
                        continue;
                    }
                    Err(_) => out.push(b'%'),
                }
            }
            (b'+', _) => out.push(b' '),
            (b, _) => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn encode(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Reads a location fragment (with or without its `#`).
pub fn parse(fragment: &str) -> DeepLink {
    let mut link = DeepLink::default();
    for pair in fragment.trim_start_matches('#').split('&') {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        let value = decode(value);
        if value.is_empty() {
            continue;
        }
        match key {
            "article" => link.article = Some(value),
            "claim" => link.claim = Some(value),
            _ => {}
        }
    }
    link
}

/// The fragment for an article, and optionally one of its claims.
pub fn format(article: &str, claim: Option<&str>) -> String {
    let mut s = format!("#article={}", encode(article));
    if let Some(claim) = claim {
        s.push_str(&format!("&claim={}", encode(claim)));
    }
    s
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn fragments_round_trip_and_ignore_noise() {
        let f = format("a-12 &x", Some("c-1"));
        assert_eq!(f, "#article=a-12%20%26x&claim=c-1");
        assert_eq!(
            parse(&f),
            DeepLink {
                article: Some("a-12 &x".into()),
                claim: Some("c-1".into())
            }
        );
        assert_eq!(parse(""), DeepLink::default());
        assert_eq!(
            parse("#claim=&other=1&article=s"),
            DeepLink {
                article: Some("s".into()),
                claim: None
            }
        );
        assert_eq!(parse("#article=%zz").article.as_deref(), Some("%zz"));
    }
}
