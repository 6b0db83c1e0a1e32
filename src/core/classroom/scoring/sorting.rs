//! The order of the class table.

use std::cmp::Ordering;

use serde::{Deserialize, Serialize};

use crate::core::classroom::scoring::report::StudentRow;
use crate::core::classroom::scoring::score::StudentScore;
use crate::core::ordering;

/// The columns the class table sorts by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum SortColumn {
    Name,
    Total,
    Found,
    Extra,
    Precision,
    StatusAgreement,
    SourceAgreement,
    SpanFit,
    TooBroad,
    LabelAgreement,
}

fn by_name(a: &StudentRow, b: &StudentRow) -> Ordering {
    a.name
        .to_lowercase()
        .cmp(&b.name.to_lowercase())
        .then_with(|| a.name.cmp(&b.name))
}

fn by_column(a: &StudentScore, b: &StudentScore, column: SortColumn) -> Ordering {
    match column {
        SortColumn::Name => Ordering::Equal,
        SortColumn::Total => a.total.total_cmp(&b.total),
        SortColumn::Found => a.found.cmp(&b.found),
        SortColumn::Extra => a.extra.cmp(&b.extra),
        SortColumn::Precision => a.precision.total_cmp(&b.precision),
        SortColumn::StatusAgreement => a.status_agreement.total_cmp(&b.status_agreement),
        SortColumn::SourceAgreement => a.source_agreement.total_cmp(&b.source_agreement),
        SortColumn::SpanFit => a.span_fit.total_cmp(&b.span_fit),
        SortColumn::TooBroad => a.too_broad.cmp(&b.too_broad),
        SortColumn::LabelAgreement => a
            .label_agreement
            .unwrap_or(0.0)
            .total_cmp(&b.label_agreement.unwrap_or(0.0)),
    }
}

/// Sorts the class table by `column`. Ties go by name (case-insensitively, A to Z), and flagged
/// rows always come last, by name. Stable: rows equal in all of that keep their order.
pub fn sort_students(rows: &mut [StudentRow], column: SortColumn, descending: bool) {
    let order = |o: Ordering| if descending { o.reverse() } else { o };
    ordering::sort_by(rows, |a, b| match (&a.score, &b.score) {
        (Some(_), Some(_)) if column == SortColumn::Name => order(by_name(a, b)),
        (Some(x), Some(y)) => order(by_column(x, y, column)).then_with(|| by_name(a, b)),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => by_name(a, b),
    });
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::core::classroom::scoring::test_class::*;

    fn names(rows: &[StudentRow]) -> Vec<&str> {
        rows.iter().map(|r| r.name.as_str()).collect()
    }

    #[test]
    fn sorting_the_class_table() {
        let mut rows = vec![
            flagged("Zed"),
            row("ben", 0.5, 2),
            row("Ana", 0.5, 0),
            flagged("Al"),
            row("Chloé", 0.9, 1),
        ];
        sort_students(&mut rows, SortColumn::Total, true);
        assert_eq!(names(&rows), vec!["Chloé", "Ana", "ben", "Al", "Zed"]);
        sort_students(&mut rows, SortColumn::Total, false);
        assert_eq!(names(&rows), vec!["Ana", "ben", "Chloé", "Al", "Zed"]);
        sort_students(&mut rows, SortColumn::Extra, true);
        assert_eq!(names(&rows), vec!["ben", "Chloé", "Ana", "Al", "Zed"]);
        sort_students(&mut rows, SortColumn::Name, true);
        assert_eq!(names(&rows), vec!["Chloé", "ben", "Ana", "Al", "Zed"]);
        sort_students(&mut rows, SortColumn::Name, false);
        assert_eq!(names(&rows), vec!["Ana", "ben", "Chloé", "Al", "Zed"]);
        // Span fit and too broad sort like the others (issue 13's columns).
        let set = |rows: &mut [StudentRow], name: &str, fit: f64, broad: usize| {
            let s = rows.iter_mut().find(|r| r.name == name).unwrap();
            let score = s.score.as_mut().unwrap();
            (score.span_fit, score.too_broad) = (fit, broad);
        };
        set(&mut rows, "Ana", 0.4, 2);
        set(&mut rows, "ben", 0.9, 0);
        set(&mut rows, "Chloé", 0.7, 1);
        sort_students(&mut rows, SortColumn::SpanFit, true);
        assert_eq!(names(&rows), vec!["ben", "Chloé", "Ana", "Al", "Zed"]);
        sort_students(&mut rows, SortColumn::TooBroad, true);
        assert_eq!(names(&rows), vec!["Ana", "Chloé", "ben", "Al", "Zed"]);
        let column: SortColumn = serde_json::from_str("\"statusAgreement\"").unwrap();
        assert_eq!(column, SortColumn::StatusAgreement);
    }
}
