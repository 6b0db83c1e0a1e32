//! For scoring's tests: a wire story, its key claims, and a class of three students' work on it.

use proptest::prelude::*;

use crate::core::classroom::exercise::{Exercise, Key, Settings, Submission};
use crate::core::classroom::loading::{KeySide, SubmissionSide};
use crate::core::classroom::scoring::matching::Span;
use crate::core::classroom::scoring::report::StudentRow;
use crate::core::classroom::scoring::rubric::Rubric;
use crate::core::classroom::scoring::score::score_claims;
use crate::core::model::{Article, Claim, SourceKind, Status};
use crate::core::test_claims::claim_on;

/// A wire story. Everything claims mark comes after non-ASCII characters ("Ã", "—"), so
/// code-point and byte offsets differ.
pub(super) const TEXT: &str = "SÃO PAULO (Reuters) — The Washington Post reported, citing confidential documents, that the ruler had agreed to step down. The palace did not respond to a request for comment. According to two people familiar with the talks, the handover would take place before the end of the year. Opposition leader María Ortega said the announcement was long overdue. The central bank said inflation had fallen to 4.2% in March, its lowest level since 2021.";

pub(super) const K1: &str = "The Washington Post reported, citing confidential documents, that the ruler had agreed to step down.";
pub(super) const K2: &str = "According to two people familiar with the talks, the handover would take place before the end of the year.";
pub(super) const K3: &str =
    "The central bank said inflation had fallen to 4.2% in March, its lowest level since 2021.";
pub(super) const K4: &str =
    "Opposition leader María Ortega said the announcement was long overdue.";
pub(super) const PALACE: &str = "The palace did not respond to a request for comment.";

pub(super) fn chars(s: &str) -> usize {
    s.chars().count()
}

/// Code-point span of `needle` in TEXT.
pub(super) fn span(needle: &str) -> Span {
    let byte = TEXT.find(needle).expect("needle in text");
    let start = chars(&TEXT[..byte]);
    Span::new(start, start + chars(needle))
}

pub(super) fn claim(id: &str, needle: &str, status: Status, kind: Option<SourceKind>) -> Claim {
    Claim {
        status,
        label: None,
        source_kind: kind,
        created: "2026-03-02T10:00:00Z".into(),
        modified: "2026-03-02T10:00:00Z".into(),
        ..claim_on(TEXT, id, needle)
    }
}

pub(super) fn key_claims() -> Vec<Claim> {
    vec![
        claim("k1", K1, Status::Verified, Some(SourceKind::Publication)),
        claim("k2", K2, Status::Unverified, Some(SourceKind::Anonymous)),
        claim("k3", K3, Status::Verified, Some(SourceKind::Organization)),
        claim("k4", K4, Status::Unverified, Some(SourceKind::Person)),
    ]
}

/// A student's copy of a key claim: another id, the same span, status and kind.
pub(super) fn copy(c: &Claim, id: &str) -> Claim {
    Claim {
        id: id.into(),
        ..c.clone()
    }
}

pub(super) fn at(needle: &str) -> Claim {
    claim("s", needle, Status::Verified, Some(SourceKind::Publication))
}

pub(super) fn with_id(mut c: Claim, id: &str) -> Claim {
    c.id = id.into();
    c
}

pub(super) fn article() -> Article {
    Article {
        id: "a-ruler".into(),
        title: "Ruler agreed to step down, Post reports".into(),
        text: TEXT.into(),
        ..Article::default()
    }
}

pub(super) fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-12
}

/// k1 exact and right; k3 by its core clause with the wrong status; one extra.
pub(super) fn mixed() -> Vec<Claim> {
    let key = key_claims();
    let k3 = claim(
        "s2",
        "inflation had fallen to 4.2% in March",
        Status::Unverified,
        Some(SourceKind::Organization),
    );
    vec![copy(&key[0], "s1"), k3, with_id(at(PALACE), "s3")]
}

pub(super) fn exercise() -> Exercise {
    Exercise::new(
        article(),
        "Mark each sourced claim.",
        Settings::default(),
        None,
        "ex-ruler",
    )
}

pub(super) fn key_side() -> KeySide {
    let mut claims = key_claims();
    claims.truncate(3); // Ortega's quote is not a key claim here
    KeySide::from_key(Key::new(exercise(), claims))
}

pub(super) fn submission(name: &str, claims: Vec<Claim>) -> SubmissionSide {
    SubmissionSide::from_submission(
        Submission::new(
            &exercise(),
            name,
            claims,
            "2026-03-03T09:00:00Z",
            "2026-03-03T09:45:00Z",
        ),
        "",
    )
}

pub(super) fn class() -> Vec<SubmissionSide> {
    let key = key_claims();
    vec![
        submission(
            "Ana",
            vec![
                copy(&key[0], "a1"),
                copy(&key[1], "a2"),
                with_id(at(PALACE), "a3"),
            ],
        ),
        submission(
            "Ben",
            vec![
                with_id(at("the ruler had agreed to step down"), "b1"),
                with_id(at(K4), "b2"),
                with_id(at(PALACE), "b3"),
            ],
        ),
        submission(
            "Chloé",
            vec![
                with_id(at("The palace did not respond to a request"), "c1"),
                copy(&key[2], "c2"),
            ],
        ),
    ]
}

pub(super) fn row(name: &str, total: f64, extra: usize) -> StudentRow {
    let mut score = score_claims(TEXT, &[], &[], &Rubric::default());
    score.total = total;
    score.extra = extra;
    StudentRow {
        name: name.into(),
        problem: None,
        submitted: None,
        hints_used: None,
        score: Some(score),
    }
}

pub(super) fn flagged(name: &str) -> StudentRow {
    StudentRow {
        name: name.into(),
        problem: Some("other exercise".into()),
        submitted: None,
        hints_used: None,
        score: None,
    }
}

pub(super) fn arb_span() -> impl Strategy<Value = Span> {
    let n = chars(TEXT);
    (0..n, 1usize..120).prop_map(move |(s, len)| Span::new(s, (s + len).min(n).max(s + 1)))
}
