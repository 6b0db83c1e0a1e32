//! Claim suggestions in the app: which of the core's suggestions are shown (none where a claim
//! already is, none the reader dismissed on this article), the one the keyboard acts on, and
//! turning them into claims through the claims reducer. A student sees only the one hint they
//! asked for (`hints.rs`), and only when the exercise allows hints.

use std::rc::Rc;

use crate::app::claims;
use crate::app::state::AppState;
use crate::core::library::dismissals::Dismissed;
use crate::core::suggestions::{suggest, Span, Suggestion};
use crate::core::text::offsets::slice;

fn overlaps(span: Span, start: usize, end: usize) -> bool {
    span.start < end && start < span.end
}

pub(super) fn is_dismissed(dismissed: &[Dismissed], text: &str, s: &Suggestion) -> bool {
    dismissed.iter().any(|d| {
        d.start == s.claim.start
            && d.end == s.claim.end
            && slice(text, d.start, d.end) == Some(d.quote.as_str())
    })
}

/// Whether no claim of the article covers any of `span`.
pub(super) fn unclaimed(state: &AppState, span: Span) -> bool {
    !state
        .claims
        .iter()
        .any(|c| overlaps(span, c.position.start, c.position.end))
}

/// The suggestions to show, in text order: in student mode only the hint, and only while no
/// claim covers it.
pub fn visible(state: &AppState) -> Vec<&Suggestion> {
    let s = &state.suggestions;
    if !s.shown {
        return Vec::new();
    }
    let text = &state.article.text;
    let student = state.classroom.is_student();
    s.all
        .iter()
        .filter(|x| !student || s.hint == Some(x.claim))
        .filter(|x| unclaimed(state, x.claim) && !is_dismissed(&s.dismissed, text, x))
        .collect()
}

/// The current suggestion if it is shown, else the first shown.
fn settle_current(next: &mut AppState) {
    let shown: Vec<Span> = visible(next).iter().map(|s| s.claim).collect();
    let current = next.suggestions.current;
    next.suggestions.current = match current {
        Some(c) if shown.contains(&c) => Some(c),
        // The one after the place it was, so accepting or dismissing moves on.
        Some(c) => shown
            .iter()
            .find(|s| s.start >= c.start)
            .or(shown.first())
            .copied(),
        None => shown.first().copied(),
    };
}

/// Shows the suggestions for the article's text (in student mode, only with hints allowed,
/// and then only the hint asked for).
pub(super) fn suggest_claims(next: &mut AppState) {
    if next.classroom.is_student() && !next.classroom.hints_allowed() {
        return;
    }
    next.suggestions.all = Rc::new(suggest(&next.article.text));
    next.suggestions.shown = true;
    settle_current(next);
    if !next.classroom.is_student() {
        let n = visible(next).len();
        next.notices.message = Some(match n {
            0 if next.suggestions.all.is_empty() => "No sourced claims found.".to_string(),
            0 => "All suggestions handled.".to_string(),
            1 => "1 suggested claim: accept, adjust or dismiss it.".to_string(),
            n => format!("{n} suggested claims: accept, adjust or dismiss each."),
        });
    }
}

pub(super) fn hide(next: &mut AppState) {
    next.suggestions.shown = false;
    next.suggestions.all = Rc::default();
    next.suggestions.current = None;
    next.suggestions.hint = None;
    next.suggestions.adjusting = None;
}

pub(super) fn select(next: &mut AppState, span: Option<Span>) {
    next.suggestions.current = span.filter(|s| visible(next).iter().any(|v| v.claim == *s));
}

/// Moves to the next shown suggestion (or back), wrapping round.
pub(super) fn step(next: &mut AppState, forward: bool) {
    let shown: Vec<Span> = visible(next).iter().map(|s| s.claim).collect();
    if shown.is_empty() {
        return;
    }
    let at = next
        .suggestions
        .current
        .and_then(|c| shown.iter().position(|s| *s == c));
    let i = match (at, forward) {
        (None, _) => 0,
        (Some(i), true) => (i + 1) % shown.len(),
        (Some(i), false) => (i + shown.len() - 1) % shown.len(),
    };
    next.suggestions.current = Some(shown[i]);
}

/// Makes shown suggestion `span` claim `id`: Unverified, with the source, its kind and its
/// phrase in the text filled in. Whether it became one.
pub(super) fn accept(next: &mut AppState, span: Span, id: String, at: String) -> bool {
    if next.classroom.is_student() {
        // A hint points at a claim; the student still says what it is.
        return false;
    }
    let Some(s) = visible(next).into_iter().find(|s| s.claim == span).cloned() else {
        return false;
    };
    claims::add(next, id.clone(), span.start, span.end, at.clone());
    if next.claim(&id).is_none() {
        return false;
    }
    fill_in(next, &id, &s, at);
    settle_current(next);
    true
}

/// Claim `id` takes suggestion `s`'s source, its kind and its phrase in the text.
fn fill_in(next: &mut AppState, id: &str, s: &Suggestion, at: String) {
    if let Some(source) = &s.source {
        claims::set_source(next, id, source.text.clone(), at.clone());
        claims::set_source_phrase(next, id, source.span.start, source.span.end, at.clone());
    }
    claims::set_source_kind(next, id, Some(s.source_kind), at);
}

/// Adjust: suggestion `span` is the one the reader is changing the words of.
pub(super) fn adjust(next: &mut AppState, span: Span) {
    select(next, Some(span));
    next.suggestions.adjusting = next.suggestions.current;
}

/// After claim `id` was added: if it lies over the suggestion being adjusted, it is that
/// suggestion with other words, so it keeps what the suggestion found. A claim elsewhere
/// ends the adjusting either way.
pub(super) fn adjusted(next: &mut AppState, id: &str, at: String) {
    let Some(span) = next.suggestions.adjusting.take() else {
        return;
    };
    let Some(claim) = next.claim(id).map(|c| c.position) else {
        return;
    };
    let found = next
        .suggestions
        .all
        .iter()
        .find(|s| s.claim == span && overlaps(span, claim.start, claim.end))
        .cloned();
    if let Some(s) = found {
        fill_in(next, id, &s, at);
        settle_current(next);
    }
}

/// Accepts every shown suggestion, as claims `<id_prefix>-1`, `-2`, …; how many.
pub(super) fn accept_all(next: &mut AppState, id_prefix: &str, at: String) -> usize {
    let spans: Vec<Span> = visible(next).iter().map(|s| s.claim).collect();
    let mut accepted = 0;
    for span in spans {
        let id = format!("{id_prefix}-{}", accepted + 1);
        if accept(next, span, id, at.clone()) {
            accepted += 1;
        }
    }
    // The last one accepted is selected; the list is the place to look now.
    next.selected = None;
    next.notices.message = Some(match accepted {
        1 => "Accepted 1 suggestion as a claim.".to_string(),
        n => format!("Accepted {n} suggestions as claims."),
    });
    accepted
}

/// Teacher mode: the answer key drafted from every suggestion.
pub(super) fn draft_key(next: &mut AppState, id_prefix: &str, at: String) {
    suggest_claims(next);
    let n = accept_all(next, id_prefix, at);
    next.notices.message = Some(match n {
        0 => "No suggestions to draft the key from: mark the claims yourself.".to_string(),
        1 => "Drafted the answer key: 1 claim from suggestions. Check it before you export."
            .to_string(),
        n => format!(
            "Drafted the answer key: {n} claims from suggestions. Check them before you export."
        ),
    });
}

/// Dismisses suggestion `span` on this article, for good.
pub(super) fn dismiss(next: &mut AppState, span: Span) {
    if next.classroom.is_student() {
        // A hint goes once the student claims it; dismissing is the reader's and teacher's.
        return;
    }
    let Some(s) = visible(next).into_iter().find(|s| s.claim == span).cloned() else {
        return;
    };
    let Some(quote) = slice(&next.article.text, s.claim.start, s.claim.end) else {
        return;
    };
    let dismissed = Dismissed {
        start: s.claim.start,
        end: s.claim.end,
        quote: quote.to_string(),
    };
    Rc::make_mut(&mut next.suggestions.dismissed).push(dismissed);
    settle_current(next);
}

/// The dismissals stored for the article just opened.
pub(super) fn load_dismissed(next: &mut AppState, dismissed: Vec<Dismissed>) {
    next.suggestions.dismissed = Rc::new(dismissed);
}

/// After any change: when the text changed, dismissals whose words are gone lapse, and shown
/// suggestions are those of the new text.
pub(super) fn follow_text(next: &mut AppState, before: &AppState) {
    if Rc::ptr_eq(&next.article, &before.article) || next.article.text == before.article.text {
        return;
    }
    let text = &next.article.text;
    let kept: Vec<Dismissed> = next
        .suggestions
        .dismissed
        .iter()
        .filter(|d| slice(text, d.start, d.end) == Some(d.quote.as_str()))
        .cloned()
        .collect();
    if kept.len() != next.suggestions.dismissed.len() {
        next.suggestions.dismissed = Rc::new(kept);
    }
    if next.suggestions.shown {
        next.suggestions.all = Rc::new(suggest(text));
        settle_current(next);
    }
}

/// How sure a suggestion is, in words.
pub fn confidence_words(confidence: f32) -> &'static str {
    if confidence >= 0.8 {
        "likely"
    } else if confidence >= 0.5 {
        "possible"
    } else {
        "unsure"
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
pub(crate) mod tests {
    use super::*;
    use crate::app::actions::Action;
    use crate::app::reducer::reduce;
    use crate::app::session::Session;
    use crate::core::library::memory_kv::MemoryKv;
    use crate::core::model::{Article, SourceKind, Status};
    use crate::core::suggestions::SuggestedSource;

    /// Three attributed statements any suggester finds, and a sentence with no source.
    pub(crate) const TEXT: &str = "The mayor said the bridge would open in May.\n\n\
        The council said the budget was short by two million.\n\n\
        Police said the road would stay closed.\n\n\
        It rained all day.";

    pub(crate) fn article() -> Article {
        Article {
            id: "s".into(),
            title: "Bridge".into(),
            text: TEXT.into(),
            ..Article::default()
        }
    }

    pub(crate) fn opened() -> AppState {
        AppState::new(article(), vec![], vec![], None)
    }

    pub(crate) fn shown(s: &AppState) -> Vec<Span> {
        visible(s).iter().map(|x| x.claim).collect()
    }

    pub(crate) fn accept(s: &AppState, span: Span, id: &str) -> AppState {
        reduce(
            s,
            Action::AcceptSuggestion {
                span,
                id: id.into(),
                at: "t1".into(),
            },
        )
    }

    #[test]
    fn suggestions_overlapping_a_claim_or_dismissed_are_not_shown() {
        let all = suggest(TEXT);
        assert!(
            all.len() >= 2,
            "the text has attributed statements: {all:?}"
        );
        let first = all[0].claim;
        let s = reduce(&opened(), Action::SuggestClaims);
        assert_eq!(shown(&s), all.iter().map(|x| x.claim).collect::<Vec<_>>());
        assert_eq!(s.suggestions.current, Some(first));
        assert!(s.notices.message.as_deref().unwrap().contains("suggested"));
        // A claim on part of the first suggestion hides it.
        let claimed = reduce(
            &s,
            Action::AddClaim {
                id: "c".into(),
                start: first.start + 1,
                end: first.start + 5,
                at: "t".into(),
            },
        );
        assert!(!shown(&claimed).contains(&first));
        assert_eq!(shown(&claimed).len(), all.len() - 1);
        // Dismissing hides one for good, moves on, and can be undone and redone.
        let second = all[1].claim;
        let d = reduce(&s, Action::DismissSuggestion(first));
        assert!(!shown(&d).contains(&first));
        assert_eq!(d.suggestions.current, Some(second));
        assert_eq!(
            d.suggestions.dismissed[0].quote,
            slice(TEXT, first.start, first.end).unwrap()
        );
        assert!(d.data_differs(&s), "a dismissal is saved");
        let undone = reduce(&d, Action::Undo);
        assert!(shown(&undone).contains(&first));
        assert!(undone.suggestions.dismissed.is_empty());
        assert!(!shown(&reduce(&undone, Action::Redo)).contains(&first));
        // Hidden, nothing is shown; asked again, the dismissal still holds.
        let hidden = reduce(&d, Action::HideSuggestions);
        assert!(shown(&hidden).is_empty());
        assert!(!shown(&reduce(&hidden, Action::SuggestClaims)).contains(&first));
    }

    /// The second sentence as a suggester finds it: "The council", a named organization.
    fn council(claim: Span, source: Span) -> Suggestion {
        Suggestion {
            claim,
            cue: Some(Span { start: 58, end: 62 }),
            source: Some(SuggestedSource {
                span: source,
                text: "The council".into(),
            }),
            source_kind: SourceKind::Organization,
            confidence: 0.9,
        }
    }

    #[test]
    fn accepting_makes_an_unverified_claim_with_its_source_filled_in() {
        let mut s = reduce(&opened(), Action::SuggestClaims);
        // The source as a suggester names it: "The council", a named organization.
        let claim = Span { start: 46, end: 98 };
        let source = Span { start: 46, end: 57 };
        assert_eq!(slice(TEXT, source.start, source.end), Some("The council"));
        s.suggestions.all = Rc::new(vec![council(claim, source)]);
        let a = accept(&s, claim, "c1");
        let c = a.claim("c1").expect("a claim");
        assert_eq!((c.position.start, c.position.end), (claim.start, claim.end));
        assert_eq!(c.status, Status::Unverified);
        assert_eq!(c.source, "The council");
        assert_eq!(c.source_kind, Some(SourceKind::Organization));
        let phrase = c.source_phrase.as_ref().expect("the source phrase");
        assert_eq!((phrase.position.start, phrase.position.end), (46, 57));
        assert_eq!(a.selected.as_deref(), Some("c1"));
        assert!(
            shown(&a).is_empty(),
            "an accepted suggestion is a claim now"
        );
        // One step to undo; a suggestion not shown is not accepted.
        assert!(reduce(&a, Action::Undo).claims.is_empty());
        assert_eq!(accept(&a, claim, "c2").claims.len(), 1);
        assert!(accept(&opened(), claim, "c3").claims.is_empty());
    }

    #[test]
    fn a_claim_added_over_an_adjusted_suggestion_keeps_its_source() {
        let mut s = reduce(&opened(), Action::SuggestClaims);
        let claim = Span { start: 46, end: 98 };
        let source = Span { start: 46, end: 57 };
        s.suggestions.all = Rc::new(vec![council(claim, source)]);
        let add = |s: &AppState, id: &str, start: usize, end: usize| {
            reduce(
                s,
                Action::AddClaim {
                    id: id.into(),
                    start,
                    end,
                    at: "2026-12-02T10:00:00Z".into(),
                },
            )
        };
        // Adjust, then the reader's own words: the sentence without "The council said".
        let adjusting = reduce(&s, Action::AdjustSuggestion(claim));
        let a = add(&adjusting, "c1", 62, 98);
        let c = a.claim("c1").expect("a claim");
        assert_eq!(c.position.start, 63);
        assert_eq!(c.source, "The council");
        assert_eq!(c.source_kind, Some(SourceKind::Organization));
        assert!(c.source_phrase.is_some());
        assert!(a.suggestions.adjusting.is_none(), "one claim per adjusting");
        // Without Adjust, or on other words, a claim is the reader's alone.
        assert_eq!(add(&s, "c2", 62, 98).claim("c2").unwrap().source, "");
        let elsewhere = add(&adjusting, "c3", 0, 9);
        assert_eq!(elsewhere.claim("c3").unwrap().source, "");
        assert!(elsewhere.suggestions.adjusting.is_none());
    }

    #[test]
    fn accept_all_and_the_drafted_key_take_every_shown_suggestion() {
        let all = suggest(TEXT);
        let s = reduce(&opened(), Action::SuggestClaims);
        let s = reduce(&s, Action::DismissSuggestion(all[0].claim));
        let a = reduce(
            &s,
            Action::AcceptAllSuggestions {
                id_prefix: "c".into(),
                at: "t".into(),
            },
        );
        assert_eq!(a.claims.len(), all.len() - 1);
        assert_eq!(a.claims[0].id, "c-1");
        for (c, x) in a.claims.iter().zip(&all[1..]) {
            assert_eq!(
                (c.position.start, c.position.end),
                (x.claim.start, x.claim.end)
            );
            assert_eq!(c.source_kind, Some(x.source_kind));
        }
        assert!(shown(&a).is_empty());
        assert_eq!(
            reduce(&a, Action::SuggestClaims).notices.message.as_deref(),
            Some("All suggestions handled.")
        );
        assert!(reduce(&a, Action::Undo).claims.is_empty(), "one step");
        let key = reduce(
            &opened(),
            Action::DraftKeyFromSuggestions {
                id_prefix: "k".into(),
                at: "t".into(),
            },
        );
        assert_eq!(key.claims.len(), all.len());
        let told = key.notices.message.clone().unwrap();
        assert!(
            told.contains(&format!("{} claims from suggestions", all.len())),
            "{told}"
        );
        let none = AppState::new(
            Article {
                text: "It rained all day.".into(),
                ..article()
            },
            vec![],
            vec![],
            None,
        );
        assert_eq!(
            reduce(&none, Action::SuggestClaims)
                .notices
                .message
                .as_deref(),
            Some("No sourced claims found.")
        );
    }

    #[test]
    fn next_steps_round_and_a_text_edit_recomputes_and_drops_lapsed_dismissals() {
        let all = suggest(TEXT);
        let s = reduce(&opened(), Action::SuggestClaims);
        let mut at = s.clone();
        for x in all.iter().skip(1).chain(all.first()) {
            at = reduce(&at, Action::StepSuggestion(true));
            assert_eq!(at.suggestions.current, Some(x.claim));
        }
        let back = reduce(&s, Action::StepSuggestion(false));
        assert_eq!(back.suggestions.current, all.last().map(|x| x.claim));
        let d = reduce(&s, Action::DismissSuggestion(all[0].claim));
        let edited = reduce(
            &d,
            Action::EditText {
                text: TEXT.replacen("The mayor said", "The mayor told reporters", 1),
            },
        );
        assert!(
            edited.suggestions.dismissed.is_empty(),
            "its words are gone"
        );
        assert_eq!(
            shown(&edited),
            suggest(&edited.article.text)
                .iter()
                .map(|x| x.claim)
                .collect::<Vec<_>>()
        );
        // An edit elsewhere keeps the dismissal where its words still are.
        let kept = reduce(
            &d,
            Action::EditText {
                text: format!("{TEXT} More."),
            },
        );
        assert_eq!(kept.suggestions.dismissed.len(), 1);
    }

    #[test]
    fn dismissals_are_stored_per_article_and_survive_a_reload() {
        let mut s = Session::start(MemoryKv::default(), None);
        s.dispatch(Action::OpenArticle {
            article: article(),
            claims: vec![],
            orphans: vec![],
            selected: None,
        });
        s.dispatch(Action::SuggestClaims);
        let first = suggest(TEXT)[0].claim;
        s.dispatch(Action::DismissSuggestion(first));
        assert_eq!(s.store().dismissals("s").len(), 1, "written at once");
        s.flush();
        let mut again = Session::start(s.store().kv().clone(), None);
        assert_eq!(again.state().article.id, "s");
        again.dispatch(Action::SuggestClaims);
        assert!(!shown(again.state()).contains(&first));
        // Another article has none; coming back brings them again.
        let sample = crate::core::intake::samples::first();
        again.dispatch(Action::OpenArticle {
            article: sample,
            claims: vec![],
            orphans: vec![],
            selected: None,
        });
        assert!(again.state().suggestions.dismissed.is_empty());
        again.dispatch(Action::OpenArticle {
            article: article(),
            claims: vec![],
            orphans: vec![],
            selected: None,
        });
        assert_eq!(again.state().suggestions.dismissed.len(), 1);
        // Undoing the dismissal takes it out of storage too.
        s.dispatch(Action::Undo);
        assert!(s.store().dismissals("s").is_empty());
    }
}
