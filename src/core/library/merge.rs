//! Importing claims into the library: merged by id (the newer change wins), duplicates skipped,
//! and claims made on another version of an article re-anchored onto the version kept here.

use crate::core::anchoring::reanchor::{reanchor, Report};
use crate::core::formats::native::{Document, FormatError, FORMAT, VERSION};
use crate::core::formats::sniff::{affinity, AnnotationSet, Format, Parsed, Part};
use crate::core::model::{sort_in_reading_order, Article, Claim};

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
            "Imported “{}”{}: {} added · {} updated · {} already here · {} duplicates skipped",
            self.article_title,
            if self.new_article {
                " as a new article"
            } else {
                ""
            },
            self.added,
            self.updated,
            self.unchanged,
            self.duplicates
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
                if claim.modified > here.modified {
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
    // An updated claim may have become (or stopped being) an orphan in the file: keep each in
    // the list its position says.
    let (mut anchored, mut lost): (Vec<Claim>, Vec<Claim>) = kept
        .claims
        .drain(..)
        .chain(kept.orphans.drain(..))
        .partition(|c| {
            crate::core::text::offsets::slice(&kept.article.text, c.position.start, c.position.end)
                == Some(c.quote.exact.as_str())
        });
    sort_in_reading_order(&mut anchored);
    lost.sort_by(|a, b| a.id.cmp(&b.id));
    kept.claims = anchored;
    kept.orphans = lost;
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

impl ImportOutcome {
    pub fn summary(&self) -> String {
        let mut s = self
            .reports
            .iter()
            .map(ImportReport::summary)
            .collect::<Vec<_>>()
            .join(". ");
        if self.skipped > 0 {
            s.push_str(&format!(
                ". {} annotations that mark no passage (page notes, replies) were left out",
                self.skipped
            ));
        }
        s.push('.');
        s
    }
}

/// The library's copy of `incoming`: the same article, or another version of it (same title or
/// same original address, different text).
pub fn find_version<'a>(library: &'a [Document], incoming: &Article) -> Option<&'a Document> {
    library
        .iter()
        .find(|d| d.article.id == incoming.id)
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
    for part in parsed.parts {
        let (merged, report) = match part {
            Part::Document(doc) => {
                let existing = find_version(&working, &doc.article).cloned();
                merge(existing, doc)
            }
            Part::Annotations(set) => import_set(&working, set)?,
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
) -> Result<(Document, ImportReport), FormatError> {
    let document = |article: Article, claims: Vec<Claim>, orphans: Vec<Claim>| Document {
        format: FORMAT.into(),
        version: VERSION,
        article,
        claims,
        orphans,
    };
    if let Some(article) = set.article {
        // The file carries its article: anchor there, then merge as a Claimcheck file would.
        let anchored = reanchor(&article.text, set.claims, Vec::new());
        let existing = find_version(working, &article).cloned();
        let (merged, mut report) = merge(
            existing,
            document(article, anchored.claims, anchored.orphans),
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
        return Err(FormatError(format!(
            "These {} annotations are for {title}{}, and no article in your library has that address or their words. Open that article in Claimcheck first, then import them again.",
            set.claims.len(),
            if set.source.is_empty() { "a page the file does not name" } else { &set.source }
        )));
    };
    let anchored = reanchor(&target.article.text, set.claims, Vec::new());
    let (merged, mut report) = merge(
        Some(target.clone()),
        document(target.article, anchored.claims, anchored.orphans),
    );
    report.reanchored = Some(anchored.report);
    report.by_quote = true;
    Ok((merged, report))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::core::formats::native::{FORMAT, VERSION};
    use crate::core::model::Article;
    use crate::core::test_claims::claim_on;

    fn doc(text: &str, claims: Vec<Claim>) -> Document {
        Document {
            format: FORMAT.into(),
            version: VERSION,
            article: Article {
                id: "a-1".into(),
                title: "Port story".into(),
                text: text.into(),
                ..Article::default()
            },
            claims,
            orphans: vec![],
        }
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
            .contains("1 added · 1 updated · 1 already here · 1 duplicates skipped"));
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
