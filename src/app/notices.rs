//! What the user is told, in one place: a brief message, the offers to undo (a deleted claim,
//! an article taken out of the library), what an edit of the text did to the claims, lasting
//! warnings about stored data, and whether saving works. Reducers and use cases set them; the
//! view shows them, and dismisses them with actions.

use std::rc::Rc;

use crate::core::anchoring::reanchor::Report;
use crate::core::formats::claimreview::{Publisher, PublisherKind};
use crate::core::formats::export::ExportFile;
use crate::core::library::store::{RemovedArticle, WriteError};
use crate::core::model::Claim;
use crate::core::text::file_names::shown_file_name;
use crate::core::text::plural::counted;
use crate::core::text::quotes::{shorten, Cut};

/// How saving to the browser's storage is going; shown to the user when it is not fine.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum StorageHealth {
    #[default]
    Fine,
    /// Saving failed; the message says why and what to do.
    Failing(String),
}

/// A deleted claim kept for the undo toast, with where it was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deleted {
    pub claim: Claim,
    pub was_selected: bool,
    pub orphan: bool,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Notices {
    /// A brief message ("Opened …", "Nothing was imported: …"), until it times out; only one
    /// shows at a time, the newest.
    pub message: Option<String>,
    /// The claim deleted last, until its Undo is used or times out.
    pub deleted: Option<Deleted>,
    /// The article taken out of the library last, until it is put back or dismissed.
    pub removed_article: Option<Rc<RemovedArticle>>,
    /// What the last edit of the article text did to the claims.
    pub reanchored: Option<Report>,
    /// Problems found in stored data (kept, never overwritten), each shown until dismissed.
    pub warnings: Vec<String>,
    pub storage: StorageHealth,
}

impl Notices {
    /// What stays when another article is opened (or the open one goes back a step): the
    /// notices about the open article's last change go.
    pub fn without_changes(self) -> Notices {
        Notices {
            deleted: None,
            reanchored: None,
            ..self
        }
    }

    /// Adds a warning, unless it is shown already.
    pub fn warn(&mut self, warning: String) {
        if !self.warnings.contains(&warning) {
            self.warnings.push(warning);
        }
    }

    pub fn dismiss_warning(&mut self, index: usize) {
        if index < self.warnings.len() {
            self.warnings.remove(index);
        }
    }
}

/// Why a save failed, in a few words for a sentence: "storage is full".
pub fn why_not_saved(error: &WriteError) -> String {
    match error {
        WriteError::Full => "your browser's storage for this page is full".to_string(),
        WriteError::Unavailable(why) => {
            format!("your browser is not letting Claimcheck save ({why})")
        }
    }
}

/// What the user is told after an export downloaded: the file, how many articles a library
/// file holds, and what the file still lacks (a ClaimReview with no author).
pub fn exported(file: &ExportFile, articles: Option<usize>) -> String {
    let mut s = format!("Exported {}", shown_file_name(&file.name));
    if let Some(n) = articles {
        s.push_str(&format!(" ({})", counted(n, "article", "articles")));
    }
    if let Some(advice) = &file.advice {
        s.push_str(". ");
        s.push_str(advice);
    }
    s
}

/// What saving the **Your name / organisation** setting says.
pub fn publisher_saved(publisher: &Publisher) -> String {
    if publisher.name.is_empty() {
        "Your name is cleared: ClaimReview exports will have no author until you give one."
            .to_string()
    } else {
        format!(
            "Saved: ClaimReview exports name “{}” ({}) as their author.",
            publisher.name,
            match publisher.kind {
                PublisherKind::Organization => "an organisation",
                PublisherKind::Person => "a person",
            }
        )
    }
}

/// What Re-attach says when the orphan is back on the words `quote`.
pub fn reattached(quote: &str) -> String {
    format!(
        "Claim re-attached to “{}”",
        shorten(quote, Cut::FlatChars(60))
    )
}

/// What Re-attach says when the selection holds no words (only spaces or line breaks).
pub const NOT_REATTACHED: &str =
    "Nothing was re-attached: the selection holds no words. Select the passage where the claim belongs, then choose Re-attach.";

/// “A”, “A” and “B”, “A”, “B” and “C”.
fn titles(titles: &[String]) -> String {
    let quoted: Vec<String> = titles.iter().map(|t| format!("“{t}”")).collect();
    match quoted.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
        None => String::new(),
    }
}

/// What the storage banner says when a save failed: why, and where each piece of work that is
/// not saved is. `open` is whether the open article's latest changes are not saved; `kept`,
/// the titles of the other articles whose changes are held in this tab's memory (they go when
/// the tab is closed or reloaded, and the message says so).
pub fn not_saved(error: &WriteError, open: bool, kept: &[String]) -> String {
    if kept.is_empty() {
        return error.user_message();
    }
    let why = why_not_saved(error);
    // `why` is one of our own sentences, so it starts with an ASCII letter (and the ASCII rule
    // keeps the Unicode case tables out of the bundle).
    let why = format!("{}{}", why[..1].to_ascii_uppercase(), &why[1..]);
    if open {
        format!(
            "{why}, so your latest changes here and your changes to {} are not saved. They are kept \
             in this tab until you close it: use Export library to keep a copy of them all.",
            titles(kept)
        )
    } else {
        format!(
            "{why}, so your changes to {} are not saved. They are kept in this tab until you close \
             it: open {} again from the Library, or use Export library to keep a copy.",
            titles(kept),
            if kept.len() == 1 { "it" } else { "them" }
        )
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn the_storage_banner_names_the_work_kept_in_this_tab() {
        let full = WriteError::Full;
        assert_eq!(not_saved(&full, true, &[]), full.user_message());
        let one = not_saved(&full, false, &["A".into()]);
        assert_eq!(
            one,
            "Your browser's storage for this page is full, so your changes to “A” are not saved. \
             They are kept in this tab until you close it: open it again from the Library, or use \
             Export library to keep a copy."
        );
        let both = not_saved(&full, true, &["A".into(), "B".into(), "C".into()]);
        assert!(
            both.contains(
                "your latest changes here and your changes to “A”, “B” and “C” are not saved"
            ),
            "{both}"
        );
        let off = not_saved(
            &WriteError::Unavailable("private".into()),
            false,
            &["A".into()],
        );
        assert!(
            off.starts_with("Your browser is not letting Claimcheck save (private), so"),
            "{off}"
        );
    }

    #[test]
    fn export_messages_count_articles_shorten_names_at_word_ends_and_give_advice() {
        let file = |name: &str, advice: Option<&str>| ExportFile {
            name: name.into(),
            mime: "application/json",
            text: String::new(),
            advice: advice.map(str::to_string),
        };
        assert_eq!(
            exported(
                &file("claimcheck-library-2026-12-01.library.json", None),
                Some(1)
            ),
            "Exported claimcheck-library-2026-12-01.library.json (1 article)"
        );
        assert_eq!(
            exported(&file("a.library.json", None), Some(2)),
            "Exported a.library.json (2 articles)"
        );
        let long = "port-authority-chief-approved-dredging-contract-for-firm.claims.json";
        assert_eq!(
            exported(&file(long, None), None),
            "Exported port-authority-chief-approved….claims.json"
        );
        assert_eq!(
            exported(&file("a.claimreview.jsonld", Some("Needs a name.")), None),
            "Exported a.claimreview.jsonld. Needs a name."
        );
    }

    #[test]
    fn the_publisher_and_re_attach_messages_say_what_happened() {
        let desk = Publisher::checked("Port Desk", PublisherKind::Organization, "").unwrap();
        assert_eq!(
            publisher_saved(&desk),
            "Saved: ClaimReview exports name “Port Desk” (an organisation) as their author."
        );
        assert!(publisher_saved(&Publisher::default()).contains("no author"));
        assert_eq!(
            reattached("Reyl\n denied   it."),
            "Claim re-attached to “Reyl denied it.”"
        );
        assert!(reattached(&"word ".repeat(30)).ends_with("…”"));
    }

    #[test]
    fn warnings_show_once_and_changes_go_with_their_article() {
        let mut n = Notices {
            message: Some("Opened".into()),
            reanchored: Some(Report::default()),
            ..Notices::default()
        };
        n.warn("kept aside".into());
        n.warn("kept aside".into());
        n.warn("newer version".into());
        assert_eq!(n.warnings, ["kept aside", "newer version"]);
        n.dismiss_warning(5);
        n.dismiss_warning(0);
        assert_eq!(n.warnings, ["newer version"]);
        let n = n.without_changes();
        assert_eq!(n.reanchored, None);
        assert_eq!(n.message.as_deref(), Some("Opened"));
        assert_eq!(n.warnings.len(), 1);
    }
}
