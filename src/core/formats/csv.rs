//! CSV for spreadsheets: one row per claim, every cell that could run as a formula guarded.
//! Written only. The class report's CSV (`classroom::scoring`) uses the same writer and guard.

use crate::core::model::{Claim, Document, Stance};

/// Spreadsheets run a cell that starts with one of these as a formula; such cells get a leading
/// apostrophe so they stay text (OWASP's advice on CSV injection).
pub fn guard(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

pub const CSV_COLUMNS: [&str; 10] = [
    "quote",
    "status",
    "source",
    "source kind",
    "note",
    "evidence URLs",
    "start",
    "end",
    "created",
    "modified",
];

/// A CSV document: `header`, then `rows`, quoted by the csv crate. Cells are written as given;
/// callers guard the ones that could hold formulas.
pub fn csv_text<H, R>(header: H, rows: impl IntoIterator<Item = R>) -> String
where
    H: IntoIterator,
    H::Item: AsRef<[u8]>,
    R: IntoIterator,
    R::Item: AsRef<[u8]>,
{
    let mut writer = csv::Writer::from_writer(Vec::new());
    let memory = "writing to memory cannot fail";
    writer.write_record(header).expect(memory);
    for row in rows {
        writer.write_record(row).expect(memory);
    }
    String::from_utf8(writer.into_inner().expect(memory))
        .expect("the csv crate writes the UTF-8 it is given")
}

/// The claims as CSV, one row per claim, quoted by the csv crate, formulas guarded.
pub fn to_csv(claims: &[Claim]) -> String {
    csv_text(CSV_COLUMNS, claims.iter().map(csv_row))
}

/// Every article's claims as one CSV: the article's title and id first on each row.
pub fn library_to_csv(docs: &[Document]) -> String {
    let header = ["article", "article id"].into_iter().chain(CSV_COLUMNS);
    let rows = docs.iter().flat_map(|d| {
        d.claims.iter().map(move |c| {
            [guard(&d.article.title), guard(&d.article.id)]
                .into_iter()
                .chain(csv_row(c))
        })
    });
    csv_text(header, rows)
}

fn csv_row(c: &Claim) -> [String; 10] {
    let evidence: Vec<String> = c
        .evidence
        .iter()
        .map(|e| match e.stance {
            Stance::Supports => e.url.clone(),
            Stance::Contradicts => format!("{} (contradicts)", e.url),
        })
        .collect();
    [
        guard(&c.quote.exact),
        c.status.as_str().to_string(),
        guard(&c.source),
        c.source_kind
            .map(|k| k.as_str())
            .unwrap_or_default()
            .to_string(),
        guard(&c.note),
        guard(&evidence.join(" ")),
        c.position.start.to_string(),
        c.position.end.to_string(),
        guard(&c.created),
        guard(&c.modified),
    ]
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::core::formats::test_documents::sample;

    #[test]
    fn csv_reads_back_with_the_same_cells_and_no_live_formulas() {
        let (_, claims) = sample();
        let text = to_csv(&claims);
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        assert_eq!(
            reader.headers().unwrap().iter().collect::<Vec<_>>(),
            CSV_COLUMNS
        );
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), 1);
        let row: Vec<&str> = rows[0].iter().collect();
        assert_eq!(
            row,
            [
                "'=cmd|' /C calc'!A0 said the ministry",
                "verified",
                "'+Ministry of Transport",
                "organization",
                "line one\nline two, with \"quotes\"",
                "https://a.example/1 https://b.example/2 (contradicts)",
                "0",
                "36",
                "2026-11-01T10:00:00.000Z",
                "2026-11-02T11:00:00.000Z",
            ]
        );
        for cell in rows[0].iter() {
            assert!(!cell.starts_with(['=', '+', '-', '@']), "{cell}");
        }
    }
}
