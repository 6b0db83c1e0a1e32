//! The original sample articles bundled with the app, so it opens on something to annotate.

use crate::core::model::Article;
use crate::core::text::paragraphs::join_paragraphs;

const SOURCES: [&str; 4] = [
    include_str!("samples/harbor_contract.txt"),
    include_str!("samples/drought_aid.txt"),
    include_str!("samples/transit_oped.txt"),
    include_str!("samples/sleep_study.txt"),
];

/// Parses a bundled sample: `key: value` header lines, a blank line, then paragraphs.
fn parse_sample(source: &str) -> Article {
    let (header, body) = source
        .split_once("\n\n")
        .expect("a sample has a header and a body");
    let field = |key: &str| {
        header
            .lines()
            .find_map(|line| line.strip_prefix(key)?.strip_prefix(": "))
            .unwrap_or_default()
            .to_string()
    };
    let paragraphs: Vec<&str> = body
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    Article {
        id: field("id"),
        title: field("title"),
        outlet: field("outlet"),
        byline: field("byline"),
        date: field("date"),
        text: join_paragraphs(&paragraphs),
        ..Article::default()
    }
}

pub fn all() -> Vec<Article> {
    SOURCES.iter().map(|s| parse_sample(s)).collect()
}

pub fn first() -> Article {
    parse_sample(SOURCES[0])
}

pub fn by_id(id: &str) -> Option<Article> {
    all().into_iter().find(|a| a.id == id)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::core::text::paragraphs::paragraph_ranges;

    #[test]
    fn samples_are_complete_news_stories() {
        let samples = all();
        assert!(samples.len() >= 2);
        for s in &samples {
            assert!(s.id.starts_with("sample-"), "{}", s.id);
            assert!(!s.title.is_empty() && !s.outlet.is_empty() && !s.byline.is_empty());
            assert!(s.date.len() == 10, "{}", s.date);
            let n = paragraph_ranges(&s.text).len();
            assert!((6..=12).contains(&n), "{} has {n} paragraphs", s.id);
            assert!(!s.text.contains("\n\n\n") && !s.text.contains('\r'));
        }
        assert_eq!(by_id(&samples[1].id).as_ref(), Some(&samples[1]));
    }

    #[test]
    fn there_is_wire_news_an_op_ed_and_a_health_story() {
        let kinds: Vec<&str> = SOURCES
            .iter()
            .filter_map(|s| s.lines().find_map(|l| l.strip_prefix("kind: ")))
            .collect();
        assert_eq!(kinds, ["wire", "wire", "opinion", "health"]);
        let oped = by_id("sample-transit-oped").unwrap();
        assert!(oped.title.starts_with("Opinion:") && oped.text.contains("I know how"));
        let health = by_id("sample-sleep-study").unwrap();
        for cue in [
            "study",
            "published",
            "journal",
            "who was not involved",
            "observational",
        ] {
            assert!(health.text.contains(cue), "{cue}");
        }
    }

    #[test]
    fn wire_samples_are_dense_with_every_kind_of_attribution() {
        for s in all().into_iter().take(2) {
            let t = s.text.to_lowercase();
            // a named person, an organization, a publication citing, documents, anonymous
            // sources, hedged reports, and a denial
            for cue in [
                " said",
                "ministry",
                "reported",
                "citing",
                "according to",
                "anonymity",
                "reportedly",
                "allege",
                "den",
            ] {
                assert!(t.contains(cue), "{} lacks {cue:?}", s.id);
            }
        }
    }
}
