//! CSV for spreadsheets: one row per claim, every cell that could run as a formula guarded.
//! Written only. The class report's CSV (`classroom::scoring`) uses the same writer and guard.

use crate::core::model::{Claim, Document, Stance};

/// Spreadsheets run a cell that starts with one of these as a formula; such cells get a leading
/// apostrophe so they stay text (OWASP's advice on CSV injection). `=` `+` `-` `@` start a
/// formula; a tab or carriage return first lets some spreadsheets shift the cell so that what
/// follows is read as one. Their full-width forms (＝ ＋ － ＠) count too: spreadsheets with East
/// Asian input normalise them to the ASCII ones when the cell is read.
const FORMULA_STARTS: [char; 10] = [
    '=', '+', '-', '@', '\t', '\r', '\u{ff1d}', '\u{ff0b}', '\u{ff0d}', '\u{ff20}',
];

/// Characters a spreadsheet skips (or the eye cannot see) before the first one it reads: a cell
/// " =1+1" or "\u{200b}=1+1" is still a formula in some of them, so the guard looks past these.
/// Tab and CR are whitespace too, but are themselves formula starts (see above).
fn is_skipped_before_a_formula(c: char) -> bool {
    (c.is_whitespace() && c != '\t' && c != '\r')
        || matches!(
            c,
            '\u{00a0}' // no-break space (also White_Space, named for the reader)
                | '\u{200b}' // zero-width space
                | '\u{200c}' // zero-width non-joiner
                | '\u{200d}' // zero-width joiner
                | '\u{2060}' // word joiner
                | '\u{feff}' // byte order mark / zero-width no-break space
        )
}

/// The cell as it may safely go into a spreadsheet: unchanged, or with a leading apostrophe
/// when its first character that counts starts a formula.
pub fn guard(cell: &str) -> String {
    let first = cell.chars().find(|&c| !is_skipped_before_a_formula(c));
    if first.is_some_and(|c| FORMULA_STARTS.contains(&c)) {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

pub const CSV_COLUMNS: [&str; 11] = [
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
    // An exercise's category (empty outside exercises with a label set); last, so the columns
    // before labels keep their places for scripts that read them by position.
    "label",
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

fn csv_row(c: &Claim) -> [String; 11] {
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
        guard(c.label.as_deref().unwrap_or_default()),
    ]
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::core::formats::test_documents::sample;

    #[test]
    fn csv_reads_back_with_the_same_cells_and_no_live_formulas() {
        let (_, mut claims) = sample();
        claims[0].label = Some("needs context".into());
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
                "needs context",
            ]
        );
        for cell in rows[0].iter() {
            assert!(!cell.starts_with(['=', '+', '-', '@']), "{cell}");
        }
    }

    #[test]
    fn the_label_column_is_empty_without_a_label_and_guarded_with_one() {
        let (article, mut claims) = sample();
        let column = CSV_COLUMNS.iter().position(|c| *c == "label").unwrap();
        let cells = |claims: &[Claim]| {
            let text = to_csv(claims);
            let mut reader = csv::Reader::from_reader(text.as_bytes());
            let row = reader.records().next().unwrap().unwrap();
            row[column].to_string()
        };
        assert_eq!(cells(&claims), "");
        claims[0].label = Some("-opinion".into());
        assert_eq!(cells(&claims), "'-opinion");
        let doc = Document::new(article, claims, vec![]);
        let text = library_to_csv(&[doc]);
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
        let row = reader.records().next().unwrap().unwrap();
        let at = header.iter().position(|c| c == "label").unwrap();
        assert_eq!(&row[at], "'-opinion");
    }

    #[test]
    fn formulas_are_guarded_behind_spaces_and_invisible_characters() {
        let guarded = [
            "=1+1",
            "+1",
            "-1",
            "@SUM(A1)",
            "\t=1",
            "\r=1",
            " =1+1",
            "\n=1+1",
            "\u{a0}=1+1",
            "\u{200b}=1+1",
            "\u{200c}+1",
            "\u{200d}-1",
            "\u{2060}@x",
            "\u{feff}=1",
            "\u{3000}=1",
            " \u{200b}\n\u{a0}=1",
            "\u{ff1d}1+1",
            "\u{ff0b}1",
            "\u{ff0d}1",
            "\u{ff20}x",
            " \u{ff1d}1",
            " \t=1",
        ];
        for cell in guarded {
            assert_eq!(guard(cell), format!("'{cell}"), "{cell:?}");
        }
        let plain = ["", " ", "\u{200b}", "a=1", "1-2", " hello", "x@y", "'=1"];
        for cell in plain {
            assert_eq!(guard(cell), cell, "{cell:?}");
        }
    }
}
