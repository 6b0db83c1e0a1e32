//! Labels in the app: a claim tagged with one of the labels that apply to the open article,
//! and the teacher's label set for the exercise prepared from it. The rules are the core's
//! (`core::classroom::labels`); this applies them to the state and tells the user when it
//! refuses.

use crate::app::claims::{edit, replace};
use crate::app::classroom::{draft, set_exercise_settings};
use crate::app::state::AppState;
use crate::core::classroom::labels::in_set;
use crate::core::classroom::session::Mode;

/// The labels a claim on the open article can be given: the exercise's set while a student
/// works on it, the set of the exercise being prepared in teacher mode (the key's claims need
/// labels to be agreed with), and none in reader mode, which keeps verified and unverified only.
pub fn label_set(state: &AppState) -> &[String] {
    let classroom = &*state.classroom;
    match classroom.mode {
        Mode::Student => classroom
            .active_work()
            .map_or(&[][..], |w| &w.exercise.settings.labels),
        Mode::Teacher => classroom
            .drafts
            .get(&state.article.id)
            .map_or(&[][..], |d| &d.settings.labels),
        Mode::Reader => &[],
    }
}

/// Tags claim `id` with `label` (in the set's spelling), or clears its label. A label that is
/// not in the set (a stale page, a script) changes nothing and says why.
pub(super) fn set_label(next: &mut AppState, id: &str, label: Option<String>, at: String) {
    let label = match label {
        None => None,
        Some(label) => match in_set(label_set(next), &label) {
            Some(known) => Some(known.to_string()),
            None => {
                let why = not_in_set(label_set(next), &label);
                next.notices.message = Some(why);
                return;
            }
        },
    };
    edit(next, id, at, |c| replace(&mut c.label, label));
}

fn not_in_set(set: &[String], label: &str) -> String {
    if set.is_empty() {
        "Labels are for exercises with a label set: this claim was not labelled.".to_string()
    } else {
        format!(
            "“{}” is not one of this exercise's labels ({}).",
            label.trim(),
            set.join(", ")
        )
    }
}

/// The label set of the exercise prepared from the open article, checked as every change of
/// its settings is (`classroom::set_exercise_settings`). Claims keep the labels they have, even
/// one the set no longer holds (the editor shows it as such).
pub(super) fn set_exercise_labels(next: &mut AppState, labels: Vec<String>) {
    if next.classroom.is_student() {
        // The exercise's set came with its file and is part of its hash.
        return;
    }
    let mut settings = draft(next).settings.clone();
    settings.labels = labels;
    set_exercise_settings(next, settings);
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use crate::app::actions::Action;
    use crate::app::reducer::reduce;
    use crate::app::state::AppState;
    use crate::app::test_state::{add, state};
    use crate::core::classroom::session::{build_exercise, work_article, Mode};

    fn strings(labels: &[&str]) -> Vec<String> {
        labels.iter().map(|l| l.to_string()).collect()
    }

    fn label(s: &AppState, id: &str, label: Option<&str>) -> AppState {
        reduce(
            s,
            Action::SetLabel {
                id: id.into(),
                label: label.map(str::to_string),
                at: "t-label".into(),
            },
        )
    }

    /// A teacher's article with claim `k1`, in teacher mode, its exercise labelled `labels`.
    fn teacher(labels: &[&str]) -> AppState {
        let s = reduce(&add(&state(), "k1", 42, 62), Action::SetMode(Mode::Teacher));
        reduce(&s, Action::SetExerciseLabels(strings(labels)))
    }

    #[test]
    fn a_teacher_sets_a_label_set_and_bad_sets_are_refused_with_the_rule() {
        let s = teacher(&[" fact", "opinion ", "needs  context"]);
        let draft = s.classroom.draft("a");
        assert_eq!(draft.settings.labels, ["fact", "opinion", "needs context"]);
        let refused = reduce(&s, Action::SetExerciseLabels(strings(&["fact", "Fact"])));
        assert_eq!(
            refused.notices.message.as_deref(),
            Some("“fact” is already in the label set.")
        );
        assert_eq!(
            refused.classroom.draft("a").settings.labels,
            draft.settings.labels,
            "the set stays as it was"
        );
        let cleared = reduce(&s, Action::SetExerciseLabels(vec![]));
        assert!(cleared.classroom.draft("a").settings.labels.is_empty());
        // Other settings leave the labels alone.
        let mut settings = draft.settings.clone();
        settings.require_source = true;
        let strict = reduce(&s, Action::SetExerciseSettings(settings));
        assert_eq!(strict.classroom.draft("a").settings.labels.len(), 3);
        // And the settings' own action checks the set by the same rule.
        let mut settings = draft.settings.clone();
        settings.labels.push("Verified".into());
        let refused = reduce(&s, Action::SetExerciseSettings(settings));
        assert!(refused
            .notices
            .message
            .as_deref()
            .unwrap()
            .contains("already how every claim is marked"));
        assert_eq!(refused.classroom.draft("a").settings, draft.settings);
    }

    #[test]
    fn key_claims_are_labelled_in_the_sets_spelling_and_undo_takes_it_back() {
        let s = teacher(&["fact", "Needs context"]);
        let tagged = label(&s, "k1", Some("needs CONTEXT"));
        let claim = tagged.claim("k1").unwrap();
        assert_eq!(claim.label.as_deref(), Some("Needs context"));
        assert_eq!(claim.modified, "t-label");
        let undone = reduce(&tagged, Action::Undo);
        assert_eq!(undone.claim("k1").unwrap().label, None);
        let cleared = label(&tagged, "k1", None);
        assert_eq!(cleared.claim("k1").unwrap().label, None);
    }

    #[test]
    fn a_label_outside_the_set_changes_nothing_and_says_why() {
        let s = teacher(&["fact", "opinion"]);
        let refused = label(&s, "k1", Some("rumour"));
        assert_eq!(refused.claim("k1").unwrap().label, None);
        assert_eq!(
            refused.notices.message.as_deref(),
            Some("“rumour” is not one of this exercise's labels (fact, opinion).")
        );
        // Reader mode keeps verified and unverified only, even on an article with a set.
        let reader = reduce(&s, Action::SetMode(Mode::Reader));
        let refused = label(&reader, "k1", Some("fact"));
        assert_eq!(refused.claim("k1").unwrap().label, None);
        assert!(refused
            .notices
            .message
            .as_deref()
            .unwrap()
            .starts_with("Labels are for exercises"));
    }

    #[test]
    fn a_student_tags_claims_with_the_exercises_labels() {
        let teacher = teacher(&["fact", "opinion"]);
        let (exercise, _) = build_exercise(
            &teacher.article,
            &teacher.claims_vec(),
            &teacher.classroom.draft("a"),
            "t",
        );
        let copy = work_article(&exercise);
        // A student's browser: the exercise's own copy of the article, then the exercise.
        let s = reduce(
            &state(),
            Action::OpenArticle {
                article: copy,
                claims: vec![],
                orphans: vec![],
                selected: None,
            },
        );
        let s = reduce(
            &s,
            Action::StartExercise {
                exercise: Box::new(exercise),
                at: "t".into(),
            },
        );
        assert!(s.classroom.is_student());
        let s = add(&s, "s1", 0, 17);
        let s = label(&s, "s1", Some("Opinion"));
        assert_eq!(s.claim("s1").unwrap().label.as_deref(), Some("opinion"));
        // The set came with the exercise; the student cannot change it.
        let s = reduce(&s, Action::SetExerciseLabels(strings(&["rumour"])));
        assert!(!s.classroom.drafts.contains_key(&s.article.id));
        let refused = label(&s, "s1", Some("rumour"));
        assert_eq!(
            refused.claim("s1").unwrap().label.as_deref(),
            Some("opinion")
        );
    }
}
