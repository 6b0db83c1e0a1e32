//! The grades as CSV.
//!
//! The grades CSV ([`grades_csv`]) gives totals, precision and agreements as percentages with one
//! decimal ("87.5"), and leaves a flagged student's numbers empty (and label agreement empty
//! for an exercise without labels). "found" counts the extra claims marked valid, "key claims"
//! does not.

use crate::core::classroom::scoring::report::StudentRow;
use crate::core::formats::csv::{csv_text, guard};

pub const GRADES_COLUMNS: [&str; 12] = [
    "student",
    "total",
    "found",
    "key claims",
    "extra",
    "precision",
    "status agreement",
    "source agreement",
    "span fit",
    "too broad",
    "label agreement",
    "problem",
];

fn percent(x: f64) -> String {
    format!("{:.1}", x * 100.0)
}

/// The grades as CSV, one row per student in the order given: total, precision and agreements
/// as percentages with one decimal, counts as numbers; a flagged student has only a name and a
/// problem. Cells a spreadsheet would run as formulas start with an apostrophe.
pub fn grades_csv(rows: &[StudentRow]) -> String {
    let records = rows.iter().map(|row| {
        let problem = guard(row.problem.as_deref().unwrap_or(""));
        match &row.score {
            Some(s) => [
                guard(&row.name),
                percent(s.total),
                s.found.to_string(),
                s.key_claims.to_string(),
                s.extra.to_string(),
                percent(s.precision),
                percent(s.status_agreement),
                percent(s.source_agreement),
                percent(s.span_fit),
                s.too_broad.to_string(),
                s.label_agreement.map(percent).unwrap_or_default(),
                problem,
            ],
            None => {
                let mut r: [String; 12] = Default::default();
                r[0] = guard(&row.name);
                r[11] = problem;
                r
            }
        }
    });
    csv_text(GRADES_COLUMNS, records)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::core::classroom::scoring::report::score_class;
    use crate::core::classroom::scoring::rubric::Rubric;
    use crate::core::classroom::scoring::test_class::*;

    #[test]
    fn grades_csv_has_percentages_and_no_live_formulas() {
        let mut report = score_class(&key_side(), &class(), &Rubric::default());
        report.students[1].name = "=HYPERLINK(\"http://x\")".into();
        report.students.push(flagged("-Dev"));
        let csv = grades_csv(&report.students);
        let mut reader = csv::Reader::from_reader(csv.as_bytes());
        let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
        assert_eq!(header, GRADES_COLUMNS);
        let records: Vec<Vec<String>> = reader
            .records()
            .map(|r| r.unwrap().iter().map(String::from).collect())
            .collect();
        assert_eq!(records.len(), 4);
        let ana = report.students[0].score.as_ref().unwrap();
        assert_eq!(records[0][0], "Ana");
        assert_eq!(records[0][1], format!("{:.1}", ana.total * 100.0));
        assert_eq!(records[0][2..5], ["2", "3", "1"]);
        assert_eq!(records[0][5], "66.7", "2 of 3 claims matched");
        // (Before issue 13 the problem was column 8; span fit, too broad and label agreement
        // come before it now.)
        assert_eq!(records[0][8], "100.0", "both found spans fit");
        assert_eq!(records[0][9..], ["0", "", ""]);
        assert_eq!(records[1][0], "'=HYPERLINK(\"http://x\")");
        assert_eq!(records[3][0], "'-Dev");
        assert_eq!(records[3][1..11], ["", "", "", "", "", "", "", "", "", ""]);
        assert_eq!(records[3][11], "other exercise");
        // A total is a percentage with one decimal.
        let perfect = row("P", 1.0, 0);
        let csv = grades_csv(&[perfect]);
        assert!(csv.lines().nth(1).unwrap().starts_with("P,100.0,"), "{csv}");
    }
}
