//! For the tests of the classroom files: an exercise and its key on a wire story.

use serde_json::Value;

use crate::core::classroom::exercise::{make_exercise_id, Exercise, Key, Settings};
use crate::core::classroom::session::ExerciseDraft;
use crate::core::model::{Article, Claim, SourceKind, Status};
use crate::core::test_claims::claim_on;

pub(super) const TEXT: &str = "SÃO PAULO (Reuters) — The Washington Post reported, citing confidential documents, that the ruler had agreed to step down. The palace did not respond to a request for comment.";

pub(super) fn article(text: &str) -> Article {
    Article {
        id: "a-1".into(),
        title: "Ruler to step down, Post reports".into(),
        outlet: "Reuters".into(),
        text: text.into(),
        ..Article::default()
    }
}

pub(super) fn claim(text: &str, id: &str, needle: &str) -> Claim {
    Claim {
        status: Status::Verified,
        label: None,
        source: "The Washington Post".into(),
        source_kind: Some(SourceKind::Publication),
        created: "2026-03-01T09:00:00.000Z".into(),
        modified: "2026-03-01T09:00:00.000Z".into(),
        ..claim_on(text, id, needle)
    }
}

pub(super) fn settings() -> Settings {
    Settings {
        require_source: true,
        verified_needs_evidence: false,
        show_count_hint: true,
        allow_hints: false,
        labels: Vec::new(),
    }
}

pub(super) fn exercise() -> Exercise {
    Exercise::new(
        article(TEXT),
        "Mark every sourced claim.",
        settings(),
        Some(1),
        make_exercise_id("a-1", "2026-03-01T09:00:00Z"),
    )
}

pub(super) fn key() -> Key {
    Key::new(
        exercise(),
        vec![claim(TEXT, "k1", "the ruler had agreed to step down")],
    )
}

pub(super) fn edit(json: &str, change: impl Fn(&mut Value)) -> String {
    let mut v: Value = serde_json::from_str(json).unwrap();
    change(&mut v);
    v.to_string()
}

/// A teacher's draft with these settings and the usual instructions.
pub(super) fn draft(settings: Settings) -> ExerciseDraft {
    ExerciseDraft {
        instructions: "Find every sourced claim.".into(),
        settings,
        id: None,
        hash: None,
    }
}
