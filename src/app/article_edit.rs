//! Editing the article's text: its claims are re-anchored on the new text (those whose words
//! are gone become orphans), and orphans can be put back on words of the text.

use std::rc::Rc;

use crate::app::notices;
use crate::app::state::AppState;
use crate::core::anchoring::reanchor::reanchor;
use crate::core::anchoring::resolve::PreparedText;
use crate::core::anchoring::selectors::{describe, selectors, Resolution};
use crate::core::model::{sort_in_reading_order, Link};
use crate::core::text::offsets::trim_range;
use crate::core::text::paragraphs::{join_paragraphs, paragraph_ranges, parse_paragraphs};

/// Replaces the text (paragraphs at blank lines; blank text is refused) and re-anchors the
/// claims on it; the report says how that went.
pub(super) fn edit_text(next: &mut AppState, text: &str) {
    let paragraphs = parse_paragraphs(text);
    if paragraphs.is_empty() {
        return;
    }
    let text = join_paragraphs(&paragraphs);
    if text == next.article.text {
        return;
    }
    let anchored = reanchor(&text, next.claims_vec(), std::mem::take(&mut next.orphans));
    let mut article = (*next.article).clone();
    // Block kinds survive an edit that keeps the number of blocks; links stay where their
    // words still are, word for word.
    if paragraph_ranges(&text).len() != paragraph_ranges(&article.text).len() {
        article.blocks.clear();
    }
    let prepared = PreparedText::new(&text);
    article.links = std::mem::take(&mut article.links)
        .into_iter()
        .filter_map(|link| {
            let sel = selectors(&article.text, link.start, link.end)?;
            match prepared.resolve(&sel) {
                Resolution::Exact { start, end } => Some(Link { start, end, ..link }),
                _ => None,
            }
        })
        .collect();
    article.text = text;
    next.article = Rc::new(article);
    next.set_claims(anchored.claims);
    next.orphans = anchored.orphans;
    next.notices.reanchored = Some(anchored.report);
}

/// Puts orphan `id` back on `start..end` of the text (trimmed), and selects it.
pub(super) fn reattach(next: &mut AppState, id: String, start: usize, end: usize, at: String) {
    let Some(i) = next.orphans.iter().position(|c| c.id == id) else {
        return;
    };
    let described = trim_range(&next.article.text, start, end)
        .and_then(|(start, end)| describe(&next.article.text, start, end));
    let Some((quote, position)) = described else {
        next.notices.message = Some(notices::NOT_REATTACHED.to_string());
        return;
    };
    next.notices.message = Some(notices::reattached(&quote.exact));
    let mut claim = next.orphans.remove(i);
    claim.quote = quote;
    claim.position = position;
    claim.modified = at;
    next.claims_mut().push(Rc::new(claim));
    sort_in_reading_order(next.claims_mut());
    next.selected = Some(id);
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use crate::app::actions::Action;
    use crate::app::reducer::reduce;
    use crate::app::test_state::{add, state};

    #[test]
    fn editing_the_text_re_anchors_and_orphans_can_be_reattached() {
        let s = add(&state(), "post", 4, 17); // "Post reported"
        let s = add(&s, "denial", 64, 79); // "Reyl denied it."
        let s = reduce(
            &s,
            Action::EditText {
                text: "The Times reported, citing documents, that the port paid twice.\n\n\nReyl denied it on Monday.".into(),
            },
        );
        assert_eq!(s.article.text, "The Times reported, citing documents, that the port paid twice.\n\nReyl denied it on Monday.");
        let report = s.notices.reanchored.unwrap();
        assert_eq!((report.unchanged, report.moved, report.orphaned), (0, 1, 1));
        assert_eq!(s.orphans[0].id, "post");
        assert_eq!(s.claims[0].quote.exact, "Reyl denied it");
        // Re-attach the orphan to "Times reported".
        let s = reduce(
            &s,
            Action::Reattach {
                id: "post".into(),
                start: 4,
                end: 18,
                at: "t9".into(),
            },
        );
        assert!(s.orphans.is_empty());
        assert_eq!(s.claims[0].quote.exact, "Times reported");
        assert_eq!(
            s.notices.message.as_deref(),
            Some("Claim re-attached to “Times reported”")
        );
        assert_eq!(s.claims[0].modified, "t9");
        assert_eq!(s.selected.as_deref(), Some("post"));
        // Deleting an orphan and undoing puts it back among the orphans.
        let s = reduce(
            &s,
            Action::EditText {
                text: "Nothing left.".into(),
            },
        );
        assert_eq!(s.orphans.len(), 2);
        // A selection of spaces only re-attaches nothing, and says so.
        let blank = reduce(
            &s,
            Action::Reattach {
                id: "post".into(),
                start: 0,
                end: 0,
                at: "t10".into(),
            },
        );
        assert_eq!(blank.orphans.len(), 2);
        assert_eq!(
            blank.notices.message.as_deref(),
            Some(crate::app::notices::NOT_REATTACHED)
        );
        let s = reduce(&s, Action::Delete { id: "post".into() });
        assert_eq!(s.orphans.len(), 1);
        let s = reduce(&s, Action::UndoDelete);
        assert_eq!(s.orphans.len(), 2);
        // Blank text is refused.
        assert_eq!(
            reduce(
                &s,
                Action::EditText {
                    text: " \n ".into()
                }
            ),
            s
        );
    }
}
