//! Importing claims into the library: merged by id (the newer change wins), duplicates skipped,
//! and claims made on another version of an article re-anchored onto the version kept here.

use crate::core::anchoring::reanchor::{reanchor, Report};
use crate::core::formats::annotations::{AnnotationSet, Format, Parsed, Part};
use crate::core::formats::envelope::FormatError;
use crate::core::formats::w3c::ARTICLE_URN;
use crate::core::model::{sort_in_reading_order, Article, Claim, Document};
use crate::core::ordering;
use crate::core::text::plural::counted;

/// What an import did.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ImportReport {
    pub article_id: String,
    pub article_title: String,
    /// The article was not in the library and was added.
    pub new_article: bool,
    pub added: usize,
    pub updated: usize,
    /// Claims already here, unchanged or changed more recently here.
    pub unchanged: usize,
    /// Claims with another id but the same quote, place and status as one here.
    pub duplicates: usize,
    /// When the file's text differed from the library's (or the file had only quotes): how its
    /// claims were anchored.
    pub reanchored: Option<Report>,
    /// The claims came as quotes only (W3C, Hypothesis) and were found by their words.
    pub by_quote: bool,
}

impl ImportReport {
    pub fn summary(&self) -> String {
        let mut parts = vec![format!(
            "Imported “{}”{}: {} added · {} updated · {} already here · {}",
            self.article_title,
            if self.new_article {
                " as a new article"
            } else {
                ""
            },
            self.added,
            self.updated,
            self.unchanged,
            counted(self.duplicates, "duplicate skipped", "duplicates skipped")
        )];
        if let Some(r) = &self.reanchored {
            let why = if self.by_quote {
                "found by their words"
            } else {
                "its text differed from the copy here"
            };
            parts.push(format!(
                "{why}: {} exact · {} moved · {} orphaned",
                r.unchanged, r.moved, r.orphaned
            ));
        }
        parts.join("; ")
    }
}

/// The rule every merge of two versions of one claim follows (an import, another tab's save):
/// the one changed later wins; on a tie, the one already here stays.
pub fn newer(incoming: &Claim, here: &Claim) -> bool {
    incoming.modified > here.modified
}

/// Puts each claim in the list its position says (anchored on the text, or orphaned), in
/// reading order: a merged claim may have become, or stopped being, an orphan.
pub fn settle(doc: &mut Document) {
    // One table for the text: slicing it afresh per claim walked the text once per claim.
    let table = crate::core::text::offsets::CharTable::new(&doc.article.text);
    let (mut anchored, mut lost): (Vec<Claim>, Vec<Claim>) = doc
        .claims
        .drain(..)
        .chain(doc.orphans.drain(..))
        .partition(|c| {
            table.slice(c.position.start, c.position.end) == Some(c.quote.exact.as_str())
        });
    sort_in_reading_order(&mut anchored);
    ordering::sort_by(&mut lost, |a, b| a.id.cmp(&b.id));
    doc.claims = anchored;
    doc.orphans = lost;
}

fn same_place(a: &Claim, b: &Claim) -> bool {
    a.quote.exact == b.quote.exact && a.position == b.position && a.status == b.status
}

/// Merges `incoming` into `existing` (the library's copy of the same article, or of another
/// version of it), or takes it whole when there is none.
pub fn merge(existing: Option<Document>, incoming: Document) -> (Document, ImportReport) {
    let mut report = ImportReport {
        article_title: incoming.article.title.clone(),
        ..ImportReport::default()
    };
    let Some(mut kept) = existing else {
        report.new_article = true;
        report.added = incoming.claims.len() + incoming.orphans.len();
        report.article_id = incoming.article.id.clone();
        return (incoming, report);
    };
    report.article_id = kept.article.id.clone();
    report.article_title = kept.article.title.clone();
    let (claims, orphans) = if incoming.article.text == kept.article.text {
        (incoming.claims, incoming.orphans)
    } else {
        let anchored = reanchor(&kept.article.text, incoming.claims, incoming.orphans);
        report.reanchored = Some(anchored.report);
        (anchored.claims, anchored.orphans)
    };
    for (claim, orphan) in claims
        .into_iter()
        .map(|c| (c, false))
        .chain(orphans.into_iter().map(|c| (c, true)))
    {
        let position_here = kept
            .claims
            .iter()
            .chain(kept.orphans.iter())
            .position(|c| c.id == claim.id);
        match position_here {
            Some(i) => {
                let here = if i < kept.claims.len() {
                    &mut kept.claims[i]
                } else {
                    &mut kept.orphans[i - kept.claims.len()]
                };
                if newer(&claim, here) {
                    *here = claim;
                    report.updated += 1;
                } else {
                    report.unchanged += 1;
                }
            }
            None if kept.claims.iter().any(|c| same_place(c, &claim)) => report.duplicates += 1,
            None => {
                report.added += 1;
                if orphan {
                    kept.orphans.push(claim);
                } else {
                    kept.claims.push(claim);
                }
            }
        }
    }
    settle(&mut kept);
    (kept, report)
}

/// What a whole import does: the documents to write (all or none) and a report per article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportOutcome {
    pub format: Format,
    pub documents: Vec<Document>,
    pub reports: Vec<ImportReport>,
    /// Annotations in the file that mark no passage (page notes, replies).
    pub skipped: usize,
}

/// The library's copy of `incoming`: the same article (the same id, or else the same text), or
/// another version of it (same title or same original address, different text). Every import
/// that carries its article (Claimcheck JSON, a library file, our W3C export) finds it here, so
/// each does the same with the same work. `in_file` are the ids of the articles the file
/// holds: two of them with the same text are still two articles, as the file says.
pub fn find_version<'a>(
    library: &'a [Document],
    incoming: &Article,
    in_file: &[String],
) -> Option<&'a Document> {
    library
        .iter()
        .find(|d| d.article.id == incoming.id)
        .or_else(|| {
            library
                .iter()
                .find(|d| d.article.text == incoming.text && !in_file.contains(&d.article.id))
        })
        .or_else(|| {
            library.iter().find(|d| {
                (!incoming.url.is_empty() && d.article.url == incoming.url)
                    || d.article.title == incoming.title
            })
        })
}

/// Merges everything a file holds into `library` (not changed here: the caller writes the
/// outcome's documents, all or none). Annotations without their article go to the library
/// article they fit best (its address, then the quotes it holds); none fitting is an error.
pub fn import_all(library: &[Document], parsed: Parsed) -> Result<ImportOutcome, FormatError> {
    // Later parts see what earlier parts of the same file did.
    let mut working: Vec<Document> = library.to_vec();
    let mut written: Vec<String> = Vec::new();
    let mut reports = Vec::new();
    let in_file: Vec<String> = parsed
        .parts
        .iter()
        .filter_map(|part| match part {
            Part::Document(doc) => Some(doc.article.id.clone()),
            Part::Annotations(set) => set.article.as_ref().map(|a| a.id.clone()),
        })
        .collect();
    for part in parsed.parts {
        let (merged, report) = match part {
            Part::Document(doc) => {
                let existing = find_version(&working, &doc.article, &in_file).cloned();
                merge(existing, doc)
            }
            Part::Annotations(set) => import_set(&working, set, &in_file)?,
        };
        written.retain(|id| *id != merged.article.id);
        written.push(merged.article.id.clone());
        match working
            .iter_mut()
            .find(|d| d.article.id == merged.article.id)
        {
            Some(slot) => *slot = merged,
            None => working.push(merged),
        }
        reports.push(report);
    }
    let documents = written
        .iter()
        .filter_map(|id| working.iter().find(|d| &d.article.id == id).cloned())
        .collect();
    Ok(ImportOutcome {
        format: parsed.format,
        documents,
        reports,
        skipped: parsed.skipped,
    })
}

fn import_set(
    working: &[Document],
    set: AnnotationSet,
    in_file: &[String],
) -> Result<(Document, ImportReport), FormatError> {
    if let Some(article) = set.article {
        // The file carries its article: anchor there, then merge as a Claimcheck file would.
        let anchored = reanchor(&article.text, set.claims, set.orphans);
        let existing = find_version(working, &article, in_file).cloned();
        let (merged, mut report) = merge(
            existing,
            Document::new(article, anchored.claims, anchored.orphans),
        );
        let r = anchored.report;
        if report.reanchored.is_none() && (r.moved > 0 || r.orphaned > 0) {
            report.reanchored = Some(r);
        }
        return Ok((merged, report));
    }
    let target = working
        .iter()
        .filter_map(|d| affinity(&set, &d.article).map(|a| (a, d)))
        .max_by_key(|(a, _)| *a)
        .map(|(_, d)| d.clone());
    let Some(target) = target else {
        let title = if set.title.is_empty() {
            String::new()
        } else {
            format!("“{}”, ", set.title)
        };
        let (these, them) = match set.claims.len() + set.orphans.len() {
            1 => ("This annotation is".to_string(), "it"),
            n => (format!("These {n} annotations are"), "them"),
        };
        return Err(FormatError(format!(
            "{these} for {title}{}, and no article in your library has that address or their words. Open that article in Claimcheck first, then import {them} again.",
            if set.source.is_empty() { "a page the file does not name" } else { &set.source }
        )));
    };
    let anchored = reanchor(&target.article.text, set.claims, set.orphans);
    let (merged, mut report) = merge(
        Some(target.clone()),
        Document::new(target.article, anchored.claims, anchored.orphans),
    );
    report.reanchored = Some(anchored.report);
    report.by_quote = true;
    Ok((merged, report))
}

/// How well a library article fits a set of annotations: its address, then how many of their
/// quotes it holds word for word. `None` when neither ties them: not the same address, and fewer
/// than half of the quotes in it.
pub fn affinity(set: &AnnotationSet, article: &Article) -> Option<(bool, usize)> {
    let same_address = !set.source.is_empty()
        && (set.source == article.url
            || set.source.strip_prefix(ARTICLE_URN) == Some(article.id.as_str()));
    let quotes = set
        .claims
        .iter()
        .filter(|c| article.text.contains(&c.quote.exact))
        .count();
    // Without the address, at least half of the quotes must be there word for word: a phrase
    // or two in common ("the minister said") does not make it the same article.
    (same_address || (quotes > 0 && quotes * 2 >= set.claims.len()))
        .then_some((same_address, quotes))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::core::test_claims::claim_on;

    fn doc(text: &str, claims: Vec<Claim>) -> Document {
        let article = Article {
            id: "a-1".into(),
            title: "Port story".into(),
            text: text.into(),
            ..Article::default()
        };
        Document::new(article, claims, vec![])
    }

    fn claim(text: &str, id: &str, quote: &str, modified: &str) -> Claim {
        Claim {
            modified: modified.into(),
            ..claim_on(text, id, quote)
        }
    }

    const TEXT: &str = "The ministry said the port paid twice. Reyl denied it.";

    #[test]
    fn a_new_article_is_taken_whole() {
        let incoming = doc(TEXT, vec![claim(TEXT, "c1", "Reyl denied it.", "t1")]);
        let (merged, report) = merge(None, incoming.clone());
        assert_eq!(merged, incoming);
        assert!(report.new_article);
        assert_eq!(report.added, 1);
    }

    #[test]
    fn claims_merge_by_id_newer_wins_and_duplicates_are_skipped() {
        let mut mine = claim(TEXT, "c1", "Reyl denied it.", "t5");
        mine.note = "mine".into();
        let kept = doc(
            TEXT,
            vec![mine.clone(), claim(TEXT, "c2", "The ministry said", "t5")],
        );
        let mut newer = mine.clone();
        newer.note = "theirs, newer".into();
        newer.modified = "t9".into();
        let mut older = claim(TEXT, "c2", "The ministry said", "t1");
        older.note = "theirs, older".into();
        let duplicate = claim(TEXT, "c3", "Reyl denied it.", "t1");
        let fresh = claim(TEXT, "c4", "the port paid twice", "t1");
        let incoming = doc(TEXT, vec![newer, older, duplicate, fresh]);
        let (merged, report) = merge(Some(kept), incoming);
        assert_eq!(
            (
                report.added,
                report.updated,
                report.unchanged,
                report.duplicates
            ),
            (1, 1, 1, 1)
        );
        assert!(!report.new_article && report.reanchored.is_none());
        let note = |id: &str| {
            merged
                .claims
                .iter()
                .find(|c| c.id == id)
                .unwrap()
                .note
                .clone()
        };
        assert_eq!(note("c1"), "theirs, newer");
        assert_eq!(note("c2"), "", "the claim changed later here is kept");
        let ids: Vec<&str> = merged.claims.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["c2", "c4", "c1"], "reading order");
        assert!(report
            .summary()
            .contains("1 added · 1 updated · 1 already here · 1 duplicate skipped"));
    }

    #[test]
    fn claims_on_another_version_are_re_anchored_onto_the_copy_here() {
        let theirs = "Update: The ministry said the port paid twice. Reyl denied it, twice.";
        let incoming = doc(
            theirs,
            vec![
                claim(theirs, "c1", "The ministry said", "t1"),
                claim(theirs, "c2", "Update:", "t1"),
            ],
        );
        let (merged, report) = merge(Some(doc(TEXT, vec![])), incoming);
        assert_eq!(merged.article.text, TEXT);
        let r = report.reanchored.unwrap();
        assert_eq!((r.moved, r.orphaned), (1, 1));
        assert_eq!(merged.claims[0].position.start, 0);
        assert_eq!(merged.orphans[0].id, "c2");
    }
}
