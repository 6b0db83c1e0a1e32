//! An exercise's label set (the categories students tag claims with, beside verified and
//! unverified): the one rule for what a label and a set may be, the sets a teacher can start
//! from, and when a student's label agrees with the key's.
//!
//! Labels compare without regard to case or runs of white space ("Needs  context" is "needs
//! context"), so a set cannot hold both and a student's tag matches the key however it was
//! typed in an imported file.

use crate::core::model::{Claim, Status};

/// At most this many labels: more is a rubric, not a tag a student can pick at a glance.
pub const MAX_LABELS: usize = 8;
/// At most this many characters (code points) in a label, so it fits on a badge.
pub const MAX_LABEL_CHARS: usize = 40;

/// Label sets a teacher can start from: a name for the button, and the labels.
pub const PRESETS: [(&str, &[&str]); 3] = [
    ("Fact / opinion", &["fact", "opinion"]),
    (
        "Fact / opinion / needs context",
        &["fact", "opinion", "needs context"],
    ),
    (
        "Kinds of claim",
        &["statistic", "prediction", "quotation", "policy"],
    ),
];

/// `text` trimmed, with each run of white space inside it one space.
pub fn tidy(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The form two labels are compared in.
fn folded(label: &str) -> String {
    tidy(label).to_lowercase()
}

/// Whether two labels are the same label.
pub fn same_label(a: &str, b: &str) -> bool {
    folded(a) == folded(b)
}

/// One label as the teacher typed it, tidied, or why it cannot be one (`taken` are the labels
/// already in the set).
pub fn check_label(text: &str, taken: &[String]) -> Result<String, String> {
    let label = tidy(text);
    if label.is_empty() {
        return Err("A label cannot be empty: type a word such as “opinion”.".into());
    }
    let chars = label.chars().count();
    if chars > MAX_LABEL_CHARS {
        return Err(format!(
            "“{label}” is {chars} characters long; a label can have at most {MAX_LABEL_CHARS}."
        ));
    }
    // Verified and unverified are how every claim is already marked; as labels they would
    // also be read back as the status from a W3C file.
    if [Status::Verified, Status::Unverified]
        .iter()
        .any(|s| same_label(s.as_str(), &label))
    {
        return Err(format!(
            "“{label}” is already how every claim is marked (verified or unverified); choose another label."
        ));
    }
    if let Some(twin) = taken.iter().find(|t| same_label(t, &label)) {
        return Err(format!("“{twin}” is already in the label set."));
    }
    if taken.len() >= MAX_LABELS {
        return Err(format!(
            "An exercise can have at most {MAX_LABELS} labels; remove one first."
        ));
    }
    Ok(label)
}

/// A whole label set, each label tidied, or the first problem with it. An empty set is valid:
/// the exercise then uses verified and unverified only.
pub fn check_label_set(labels: &[String]) -> Result<Vec<String>, String> {
    if labels.len() > MAX_LABELS {
        return Err(format!(
            "An exercise can have at most {MAX_LABELS} labels; this set has {}.",
            labels.len()
        ));
    }
    let mut set = Vec::with_capacity(labels.len());
    for label in labels {
        set.push(check_label(label, &set)?);
    }
    Ok(set)
}

/// The label of `set` that `label` is, in the set's spelling: how a label read from a file is
/// matched to the exercise's.
pub fn in_set<'a>(set: &'a [String], label: &str) -> Option<&'a str> {
    set.iter()
        .find(|l| same_label(l, label))
        .map(String::as_str)
}

/// Whether the student's claim has the key claim's label; `None` when the key claim has none
/// (there is nothing to agree with). A student claim without a label disagrees.
pub fn labels_agree(key: &Claim, student: &Claim) -> Option<bool> {
    let wanted = key.label.as_deref().filter(|l| !tidy(l).is_empty())?;
    Some(
        student
            .label
            .as_deref()
            .is_some_and(|l| same_label(l, wanted)),
    )
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::core::classroom::exercise::{Exercise, Key, Settings, Submission};
    use crate::core::classroom::files::{parse_exercise, parse_key_file, parse_submission_file};
    use crate::core::classroom::test_exercise::{article, claim, settings, TEXT};
    use crate::core::test_claims::claim_on;

    fn strings(labels: &[&str]) -> Vec<String> {
        labels.iter().map(|l| l.to_string()).collect()
    }

    #[test]
    fn labels_are_tidied_and_a_set_keeps_its_order() {
        assert_eq!(
            check_label_set(&strings(&["  Fact ", "needs \t context", "opinion"])),
            Ok(strings(&["Fact", "needs context", "opinion"]))
        );
        assert_eq!(check_label_set(&[]), Ok(vec![]));
    }

    #[test]
    fn bad_labels_get_messages_that_say_what_to_do() {
        let set = strings(&["fact", "Needs context"]);
        assert_eq!(
            check_label("   ", &set),
            Err("A label cannot be empty: type a word such as “opinion”.".into())
        );
        assert_eq!(
            check_label("needs   CONTEXT", &set),
            Err("“Needs context” is already in the label set.".into())
        );
        let long = "a claim that is really a prediction about next year";
        assert_eq!(
            check_label(long, &set),
            Err(format!(
                "“{long}” is {} characters long; a label can have at most 40.",
                long.chars().count()
            ))
        );
        assert!(
            check_label(&"é".repeat(40), &set).is_ok(),
            "40 code points fit"
        );
        assert!(check_label("Verified", &set)
            .unwrap_err()
            .contains("already how every claim is marked"));
        let full: Vec<String> = (1..=8).map(|i| format!("kind {i}")).collect();
        assert_eq!(
            check_label("kind 9", &full),
            Err("An exercise can have at most 8 labels; remove one first.".into())
        );
        let mut over = full.clone();
        over.push("kind 9".into());
        assert_eq!(
            check_label_set(&over),
            Err("An exercise can have at most 8 labels; this set has 9.".into())
        );
        assert_eq!(
            check_label_set(&strings(&["fact", "opinion", "FACT"])),
            Err("“fact” is already in the label set.".into())
        );
    }

    #[test]
    fn every_preset_is_a_valid_set() {
        for (name, labels) in PRESETS {
            let set = strings(labels);
            assert_eq!(check_label_set(&set), Ok(set.clone()), "{name}");
        }
    }

    #[test]
    fn labels_agree_ignoring_case_and_spacing() {
        let text = "Rents rose 9% last year, the council said.";
        let labelled = |label: Option<&str>| {
            let mut c = claim_on(text, "c", "Rents rose 9% last year");
            c.label = label.map(str::to_string);
            c
        };
        let key = labelled(Some("needs context"));
        assert_eq!(
            labels_agree(&key, &labelled(Some(" Needs  Context"))),
            Some(true)
        );
        assert_eq!(labels_agree(&key, &labelled(Some("fact"))), Some(false));
        assert_eq!(labels_agree(&key, &labelled(None)), Some(false));
        assert_eq!(labels_agree(&labelled(None), &labelled(Some("fact"))), None);
        assert_eq!(labels_agree(&labelled(Some(" ")), &labelled(None)), None);
        let set = strings(&["Fact", "needs context"]);
        assert_eq!(in_set(&set, "FACT"), Some("Fact"));
        assert_eq!(in_set(&set, "opinion"), None);
    }

    #[test]
    fn labelled_exercises_keys_and_submissions_round_trip_and_bad_sets_are_named() {
        let labelled = |labels: Vec<String>| {
            let settings = Settings {
                labels,
                ..settings()
            };
            Exercise::new(article(TEXT), "Tag each claim.", settings, None, "ex-1")
        };
        let ex = labelled(vec!["fact".into(), "opinion".into()]);
        let mut k1 = claim(TEXT, "k1", "that the ruler had agreed to step down.");
        k1.label = Some("fact".into());
        let key = Key::new(ex.clone(), vec![k1.clone()]);
        assert_eq!(parse_key_file(&key.to_json()).unwrap(), key);
        let sub = Submission::new(
            &ex,
            "Ana",
            vec![k1],
            "2026-03-02T10:00:00Z",
            "2026-03-02T10:40:00Z",
        );
        let back = parse_submission_file(&sub.to_json()).unwrap();
        assert_eq!(back.claims[0].label.as_deref(), Some("fact"));
        // A hand-made file with a set the teacher's editor would refuse, hashed to match.
        let too_many = labelled((1..=9).map(|i| format!("kind {i}")).collect());
        assert_eq!(
            parse_exercise(&too_many.to_json()).unwrap_err().0,
            "settings.labels: An exercise can have at most 8 labels; this set has 9."
        );
        let twice = Key::new(labelled(vec!["fact".into(), "Fact".into()]), vec![]);
        assert_eq!(
            parse_key_file(&twice.to_json()).unwrap_err().0,
            "exercise.settings.labels: “fact” is already in the label set."
        );
    }
}
