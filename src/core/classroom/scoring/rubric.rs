//! How much each component of a score counts in its total.

use serde::{Deserialize, Serialize};

/// How much each component counts in the total. Weights are relative: the total is their
/// weighted mean.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Rubric {
    pub found: f64,
    pub precision: f64,
    pub status: f64,
    pub source: f64,
}

impl Default for Rubric {
    fn default() -> Self {
        Rubric {
            found: 0.5,
            precision: 0.2,
            status: 0.15,
            source: 0.15,
        }
    }
}

impl Rubric {
    /// The weighted mean of the four components, from 0 to 1; 0 when all weights are 0.
    pub fn total(&self, found: f64, precision: f64, status: f64, source: f64) -> f64 {
        let weight = |w: f64| if w.is_finite() && w > 0.0 { w } else { 0.0 };
        let weights = [
            weight(self.found),
            weight(self.precision),
            weight(self.status),
            weight(self.source),
        ];
        let sum: f64 = weights.iter().sum();
        if sum <= 0.0 || !sum.is_finite() {
            return 0.0;
        }
        let scores = [found, precision, status, source];
        let weighted: f64 = weights.iter().zip(scores).map(|(w, s)| w * s).sum();
        (weighted / sum).clamp(0.0, 1.0)
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::core::classroom::scoring::score::score_claims;
    use crate::core::classroom::scoring::test_class::*;

    #[test]
    fn rubric_weights_change_the_total_as_computed_by_hand() {
        let key = key_claims();
        let s = score_claims(TEXT, &key, &mixed(), &Rubric::default());
        // found 2/4 with full quality, precision 2/3; of the 4 key claims, 1 found with the
        // same status and 2 with the same source kind.
        assert_eq!(s.found_credit, 0.5);
        assert!(close(s.precision, 2.0 / 3.0));
        assert_eq!((s.status_agreement, s.source_agreement), (0.25, 0.5));
        assert!(close(
            s.total,
            0.5 * 0.5 + 0.2 * (2.0 / 3.0) + 0.15 * 0.25 + 0.15 * 0.5
        ));
        let with = |found, precision, status, source| {
            let rubric = Rubric {
                found,
                precision,
                status,
                source,
            };
            score_claims(TEXT, &key, &mixed(), &rubric).total
        };
        assert!(close(
            with(1.0, 1.0, 1.0, 1.0),
            (0.5 + 2.0 / 3.0 + 0.25 + 0.5) / 4.0
        ));
        assert!(close(with(1.0, 0.0, 0.0, 0.0), 0.5));
        assert!(close(with(0.0, 0.0, 0.0, 3.0), 0.5));
        assert!(close(
            with(2.0, 0.0, 1.0, 1.0),
            (2.0 * 0.5 + 0.25 + 0.5) / 4.0
        ));
        assert_eq!(with(0.0, 0.0, 0.0, 0.0), 0.0);
        assert!(
            close(with(-5.0, 1.0, f64::NAN, 0.0), 2.0 / 3.0),
            "bad weights count as 0"
        );
    }

    #[test]
    fn rubric_json_is_camel_case_with_defaults() {
        let r: Rubric = serde_json::from_str(r#"{"found": 1, "status": 0}"#).unwrap();
        assert_eq!(
            r,
            Rubric {
                found: 1.0,
                status: 0.0,
                ..Rubric::default()
            }
        );
        assert_eq!(
            serde_json::to_value(Rubric::default()).unwrap(),
            serde_json::json!({"found": 0.5, "precision": 0.2, "status": 0.15, "source": 0.15})
        );
    }
}
