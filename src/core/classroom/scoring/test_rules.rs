//! The matching rule and `review()` on articles made for these tests: run-on spans, adjacent key
//! claims in one span, short spans, unrelated extras, whole paragraphs, and the overrides.

use crate::core::classroom::scoring::breadth::MIN_SPAN_PRECISION;
use crate::core::classroom::scoring::matching::MatchRule;
use crate::core::classroom::scoring::review::{review, review_in, Overrides, Review, TooBroad};
use crate::core::classroom::scoring::rubric::Rubric;
use crate::core::classroom::scoring::score::{score_review, score_reviewed};
use crate::core::model::{Claim, SourceKind, Status};
use crate::core::test_claims::claim_on;

/// A local paper's story: three paragraphs, five key claims.
const COUNCIL: &str = "Riverton's council voted on Tuesday to close the Elm Street library, according to minutes seen by the Gazette. The vote was five to two. Councillor Dana Price said the closure would save £400,000 a year.\n\nResidents were not consulted, a spokesperson for the Friends of Elm Street said. A petition has gathered 3,000 signatures. The mayor's office declined to comment. Officials said the building needs repairs costing more than £1m, a figure disputed by the campaign.\n\nThe library opened in 1962. Its last renovation was in 1998. It lends about 40,000 books a year. Staff will be offered other posts, the council said.";

const VOTE: &str = "Riverton's council voted on Tuesday to close the Elm Street library, according to minutes seen by the Gazette.";
const PRICE: &str = "Councillor Dana Price said the closure would save £400,000 a year.";
const RESIDENTS: &str =
    "Residents were not consulted, a spokesperson for the Friends of Elm Street said.";
const REPAIRS: &str = "Officials said the building needs repairs costing more than £1m";
const STAFF: &str = "Staff will be offered other posts, the council said.";

fn on(text: &str, id: &str, quote: &str, status: Status, kind: Option<SourceKind>) -> Claim {
    Claim {
        status,
        source_kind: kind,
        ..claim_on(text, id, quote)
    }
}

fn council_key() -> Vec<Claim> {
    use SourceKind::{Document, Organization, Person};
    vec![
        on(COUNCIL, "vote", VOTE, Status::Verified, Some(Document)),
        on(COUNCIL, "price", PRICE, Status::Unverified, Some(Person)),
        on(
            COUNCIL,
            "residents",
            RESIDENTS,
            Status::Unverified,
            Some(Organization),
        ),
        on(COUNCIL, "repairs", REPAIRS, Status::Unverified, None),
        on(
            COUNCIL,
            "staff",
            STAFF,
            Status::Unverified,
            Some(Organization),
        ),
    ]
}

fn student(id: &str, quote: &str) -> Claim {
    on(
        COUNCIL,
        id,
        quote,
        Status::Unverified,
        Some(SourceKind::Organization),
    )
}

fn check(students: &[Claim]) -> Review {
    review_in(COUNCIL, &council_key(), students, &Overrides::default())
}

fn found(r: &Review, key: &str, by: &str) -> bool {
    r.matched.iter().any(|m| m.key == key && m.student == by)
}

#[test]
fn a_run_on_span_is_found_with_its_span_precision() {
    // The claim and the sentence after it (the case, about twice the claim).
    let sentence = format!("{RESIDENTS} A petition has gathered 3,000 signatures.");
    // The claim and the clause after it, in the same sentence.
    let clause = format!("{REPAIRS}, a figure disputed by the campaign.");
    // The claim and the sentence before it.
    let before = format!("It lends about 40,000 books a year. {STAFF}");
    let r = check(&[
        student("s1", &sentence),
        student("s2", &clause),
        student("s3", &before),
    ]);
    assert!(r.extra.is_empty() && r.too_broad.is_empty(), "{r:?}");
    for (key, by, claim, span) in [
        ("residents", "s1", RESIDENTS, sentence.as_str()),
        ("repairs", "s2", REPAIRS, clause.as_str()),
        ("staff", "s3", STAFF, before.as_str()),
    ] {
        assert!(found(&r, key, by), "{key}: {r:?}");
        let m = r.matched.iter().find(|m| m.key == key).unwrap();
        let precision = claim.chars().count() as f64 / span.chars().count() as f64;
        assert!((m.span_precision - precision).abs() < 1e-12, "{key}");
        assert_eq!(m.span_recall, 1.0);
        assert!(m.span_precision < 1.0 && m.span_precision >= MIN_SPAN_PRECISION);
        // A span holding the whole claim has its IoU equal to its precision: rule (a) or (b).
        assert!(
            matches!(m.rule, MatchRule::Overlap | MatchRule::StudentContainsCore),
            "{key}: {:?}",
            m.rule
        );
        // The fit is the span precision below 0.8, so the run-on costs there…
        let fit = if precision >= 0.8 { 1.0 } else { precision };
        assert!((m.span_fit - fit).abs() < 1e-12, "{key}");
    }
    // …and not in "found".
    let s = score_review(&r, 5, 3, &Rubric::default(), false);
    assert_eq!((s.found, s.counts.found.whole, s.extra), (3, 5, 0));
    assert!(s.span_fit < 1.0);
}

#[test]
fn two_adjacent_key_claims_in_one_span_do_not_both_count() {
    let both = format!("{VOTE} The vote was five to two. {PRICE}");
    let r = check(&[student("s1", &both)]);
    assert!(r.matched.is_empty(), "{r:?}");
    assert_eq!(
        r.too_broad,
        vec![TooBroad {
            student: "s1".into(),
            keys: vec!["vote".into(), "price".into()],
        }]
    );
    assert_eq!(r.missed.len(), 5);
    // Two claims side by side, with nothing between them, the same.
    let pair = format!("{RESIDENTS} A petition has gathered 3,000 signatures. The mayor's office declined to comment. {REPAIRS}");
    let r = check(&[student("s2", &pair)]);
    assert_eq!(r.too_broad[0].keys, vec!["residents", "repairs"]);
    assert!(r.matched.is_empty());
}

#[test]
fn a_slightly_short_span_is_still_found() {
    let short =
        "Riverton's council voted on Tuesday to close the Elm Street library, according to minutes";
    let r = check(&[student("s1", short)]);
    assert!(found(&r, "vote", "s1"), "{r:?}");
    let m = &r.matched[0];
    assert_eq!(m.span_precision, 1.0);
    assert!(
        m.span_recall > 0.7 && m.span_recall < 1.0,
        "{}",
        m.span_recall
    );
    // A fragment that is mostly the attribution is not.
    let r = check(&[student("s2", "according to minutes seen by the Gazette")]);
    assert!(r.matched.is_empty() && r.extra == vec!["s2"], "{r:?}");
}

#[test]
fn an_unrelated_claim_stays_extra() {
    let r = check(&[
        student("s1", "The mayor's office declined to comment."),
        student("s2", "The library opened in 1962."),
    ]);
    assert_eq!(r.extra, vec!["s1", "s2"]);
    assert!(r.matched.is_empty() && r.too_broad.is_empty());
}

#[test]
fn whole_paragraph_spans_are_too_broad() {
    let paragraphs: Vec<&str> = COUNCIL.split("\n\n").collect();
    // The first two hold two key claims each; the third one key claim and three sentences
    // more (a third of its span is the claim: the paragraph rule, not the precision rule).
    let r = check(&[
        student("p1", paragraphs[0]),
        student("p2", paragraphs[1]),
        student("p3", paragraphs[2]),
    ]);
    assert!(r.matched.is_empty() && r.extra.is_empty(), "{r:?}");
    let broad: Vec<(&str, Vec<&str>)> = r
        .too_broad
        .iter()
        .map(|t| {
            (
                t.student.as_str(),
                t.keys.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    assert_eq!(
        broad,
        vec![
            ("p1", vec!["vote", "price"]),
            ("p2", vec!["residents", "repairs"]),
            ("p3", vec!["staff"]),
        ]
    );
    let staff_share = STAFF.chars().count() as f64 / paragraphs[2].chars().count() as f64;
    assert!(staff_share >= MIN_SPAN_PRECISION, "{staff_share}");
    // Most of the third paragraph (all but its first sentence) is too broad as well…
    let most = "Its last renovation was in 1998. It lends about 40,000 books a year. Staff will be offered other posts, the council said.";
    assert_eq!(check(&[student("m", most)]).too_broad.len(), 1);
    // …and the whole article.
    let r = check(&[student("all", COUNCIL)]);
    assert_eq!(r.too_broad[0].keys.len(), 5);
    // A paragraph without a key claim is too broad too, with no key claims named.
    let text = "Rain fell. The river rose. Roads closed.\n\nThe mayor said help was coming.";
    let key = [on(
        text,
        "k",
        "The mayor said help was coming.",
        Status::Unverified,
        None,
    )];
    let whole = [on(
        text,
        "s",
        "Rain fell. The river rose. Roads closed.",
        Status::Unverified,
        None,
    )];
    let r = review_in(text, &key, &whole, &Overrides::default());
    assert_eq!(
        r.too_broad,
        vec![TooBroad {
            student: "s".into(),
            keys: vec![]
        }]
    );
}

#[test]
fn a_span_over_three_times_its_claim_is_too_broad() {
    let text = "Prices rose, the bureau said. Shoppers in the northern towns, where the mills closed a decade ago and the buses stopped running last spring, have felt it most of all.";
    let key = [on(
        text,
        "k",
        "Prices rose, the bureau said.",
        Status::Verified,
        None,
    )];
    let wide = [on(text, "s", text, Status::Verified, None)];
    let r = review_in(text, &key, &wide, &Overrides::default());
    assert_eq!(
        r.too_broad,
        vec![TooBroad {
            student: "s".into(),
            keys: vec!["k".into()]
        }]
    );
}

#[test]
fn agreement_counts_over_what_was_found() {
    use SourceKind::{Anonymous, Person};
    let key = council_key();
    let mut mine: Vec<Claim> = key
        .iter()
        .map(|k| Claim {
            id: format!("s-{}", k.id),
            ..k.clone()
        })
        .collect();
    mine.truncate(4); // staff missed
    mine[0].status = Status::Unverified; // vote: status wrong
    mine[1].source_kind = Some(Anonymous); // price: kind wrong
    mine[3].source_kind = Some(Person); // repairs: the key leaves the kind open
    let s = score_reviewed(
        COUNCIL,
        &key,
        &mine,
        &Overrides::default(),
        &Rubric::default(),
    );
    let c = s.counts;
    assert_eq!((c.found.part, c.found.whole), (4, 5));
    assert_eq!((c.status.part, c.status.whole), (3, 4));
    assert_eq!((c.source.part, c.source.whole), (3, 4));
    assert_eq!((s.status_agreement, s.source_agreement), (0.75, 0.75));
    assert_eq!(s.review.matched[3].source_agrees, None, "open in the key");
    assert_eq!(s.review.matched[1].source_agrees, Some(false));
}

#[test]
fn overrides_accept_reject_and_mark_valid() {
    let near = student("near", "Dana Price said the closure");
    let wrong = student("wrong", RESIDENTS);
    let valid = student("valid", "A petition has gathered 3,000 signatures.");
    let claims = vec![near, wrong, valid];
    let plain = check(&claims);
    assert!(found(&plain, "residents", "wrong"));
    assert!(plain.extra.contains(&"near".to_string()), "{plain:?}");
    let overrides = Overrides {
        accepted: vec![("price".into(), "near".into())],
        rejected: vec![("residents".into(), "wrong".into())],
        valid_extra: vec!["valid".into(), "gone".into()],
    };
    let r = review_in(COUNCIL, &council_key(), &claims, &overrides);
    let m = r.matched.iter().find(|m| m.key == "price").unwrap();
    assert!(m.by_override && m.student == "near");
    assert_eq!(m.rule, MatchRule::Teacher, "no rule matches it");
    assert!(!found(&r, "residents", "wrong"));
    assert!(r.missed.contains(&"residents".to_string()));
    assert_eq!(r.extra, vec!["wrong"]);
    assert_eq!(
        r.valid,
        vec!["valid"],
        "an id that names no claim is ignored"
    );
    // The row recomputes: found 1 of 5 plus the valid extra, 2 of 6; precision 2 of 3.
    let before = score_review(&plain, 5, 3, &Rubric::default(), false);
    let after = score_review(&r, 5, 3, &Rubric::default(), false);
    assert_eq!((before.found, before.counts.found.whole), (1, 5));
    assert_eq!(
        (after.found, after.counts.found.whole, after.valid),
        (2, 6, 1)
    );
    assert_eq!(
        (after.counts.precision.part, after.counts.precision.whole),
        (2, 3)
    );
    assert_eq!(after.counts.status.whole, 1, "valid extras are not judged");
    // Overrides survive JSON, camelCase.
    let json = serde_json::to_value(&overrides).unwrap();
    assert_eq!(json["validExtra"][0], "valid");
    assert_eq!(json["accepted"][0], serde_json::json!(["price", "near"]));
    assert_eq!(
        serde_json::from_value::<Overrides>(json).unwrap(),
        overrides
    );
    // A too-broad span accepted by the teacher counts too.
    let both = student("both", &format!("{VOTE} The vote was five to two. {PRICE}"));
    let accept = Overrides {
        accepted: vec![("vote".into(), "both".into())],
        ..Overrides::default()
    };
    let r = review_in(COUNCIL, &council_key(), &[both], &accept);
    assert!(found(&r, "vote", "both") && r.too_broad.is_empty());
}

#[test]
fn review_from_the_claims_alone_agrees_with_the_article() {
    let claims = vec![
        student(
            "s1",
            &format!("{RESIDENTS} A petition has gathered 3,000 signatures."),
        ),
        student("s2", &format!("{VOTE} The vote was five to two. {PRICE}")),
        student("s3", "The mayor's office declined to comment."),
    ];
    let key = council_key();
    let with_text = review_in(COUNCIL, &key, &claims, &Overrides::default());
    let alone = review(&key, &claims, &Overrides::default());
    assert_eq!(alone, with_text);
    let json = serde_json::to_value(&alone).unwrap();
    for field in [
        "spanPrecision",
        "spanRecall",
        "statusAgrees",
        "sourceAgrees",
        "byOverride",
    ] {
        assert!(json["matched"][0].get(field).is_some(), "{field}");
    }
    assert_eq!(
        json["tooBroad"][0]["keys"],
        serde_json::json!(["vote", "price"])
    );
}

#[test]
fn review_files_reads_a_key_and_a_submission_and_says_what_is_wrong() {
    use crate::core::classroom::exercise::{Exercise, Key, Settings, Submission};
    use crate::core::classroom::scoring::review::review_files;
    use crate::core::model::Article;
    let article = Article {
        id: "a-council".into(),
        title: "Council votes to close library".into(),
        text: COUNCIL.into(),
        ..Article::default()
    };
    let exercise = Exercise::new(
        article,
        "Mark the claims.",
        Settings::default(),
        None,
        "ex-council",
    );
    let key = Key::new(exercise.clone(), council_key()).to_json();
    let run_on = student(
        "s1",
        &format!("{RESIDENTS} A petition has gathered 3,000 signatures."),
    );
    let sub = Submission::new(&exercise, "Ana", vec![run_on], "", "").to_json();
    let r = review_files(&key, &sub, &Overrides::default()).unwrap();
    assert!(found(&r, "residents", "s1"));
    assert_eq!(r.missed.len(), 4);
    let bad_key = review_files("{", &sub, &Overrides::default()).unwrap_err();
    assert!(
        bad_key.starts_with("the key could not be read"),
        "{bad_key}"
    );
    let bad_sub = review_files(&key, "[]", &Overrides::default()).unwrap_err();
    assert!(
        bad_sub.starts_with("the submission could not be read"),
        "{bad_sub}"
    );
    let mut other: serde_json::Value = serde_json::from_str(&sub).unwrap();
    other["exerciseId"] = "ex-0000000000000000".into();
    let foreign = review_files(&key, &other.to_string(), &Overrides::default()).unwrap_err();
    assert!(
        foreign.starts_with("the submission does not fit this key"),
        "{foreign}"
    );
}

#[test]
fn label_agreement_counts_over_what_was_found_when_the_key_has_labels() {
    let labelled = |mut c: Claim, label: &str| {
        c.label = Some(label.into());
        c
    };
    let key: Vec<Claim> = council_key()
        .into_iter()
        .zip(["fact", "opinion", "needs context", "fact", "fact"])
        .map(|(c, l)| labelled(c, l))
        .collect();
    let mine = vec![
        labelled(
            Claim {
                id: "s1".into(),
                ..key[0].clone()
            },
            "fact",
        ),
        labelled(
            Claim {
                id: "s2".into(),
                ..key[1].clone()
            },
            "fact",
        ),
        Claim {
            id: "s3".into(),
            label: None,
            ..key[2].clone()
        },
    ];
    let s = score_reviewed(
        COUNCIL,
        &key,
        &mine,
        &Overrides::default(),
        &Rubric::default(),
    );
    let labels = s.counts.labels.expect("the key has labels");
    assert_eq!((labels.part, labels.whole), (1, 3));
    assert_eq!(s.label_agreement, Some(1.0 / 3.0));
    let agrees: Vec<Option<bool>> = s.review.matched.iter().map(|m| m.label_agrees).collect();
    assert_eq!(agrees, vec![Some(true), Some(false), Some(false)]);
    // The labels weight counts in the total: with only it, the total is the agreement.
    let only_labels = Rubric {
        found: 0.0,
        span_fit: 0.0,
        precision: 0.0,
        status: 0.0,
        source: 0.0,
        labels: 1.0,
    };
    let t = score_reviewed(COUNCIL, &key, &mine, &Overrides::default(), &only_labels).total;
    assert!((t - 1.0 / 3.0).abs() < 1e-12);
    // Without labels in the key, none is counted.
    let plain = score_reviewed(
        COUNCIL,
        &council_key(),
        &mine,
        &Overrides::default(),
        &only_labels,
    );
    assert_eq!(
        (plain.counts.labels, plain.label_agreement, plain.total),
        (None, None, 0.0)
    );
}
