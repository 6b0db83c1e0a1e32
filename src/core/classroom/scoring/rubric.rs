//! How much each component of a score counts in its total, the rubric presets, and what is
//! wrong with a weight a teacher typed.

use serde::{Deserialize, Serialize};

/// How much each component counts in the total. Weights are relative: the total is their
/// weighted mean. `labels` counts only when the exercise has labels.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Rubric {
    pub found: f64,
    pub span_fit: f64,
    pub precision: f64,
    pub status: f64,
    pub source: f64,
    pub labels: f64,
}

impl Default for Rubric {
    fn default() -> Self {
        Preset::Balanced.rubric()
    }
}

/// The components of one score, each from 0 to 1; `labels` is `None` when the exercise has none.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Components {
    pub found: f64,
    pub span_fit: f64,
    pub precision: f64,
    pub status: f64,
    pub source: f64,
    pub labels: Option<f64>,
}

/// Ready-made weights, shown beside the weight fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Preset {
    FindingClaims,
    JudgingSources,
    Balanced,
}

impl Preset {
    pub const ALL: [Preset; 3] = [
        Preset::FindingClaims,
        Preset::JudgingSources,
        Preset::Balanced,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Preset::FindingClaims => "Finding claims",
            Preset::JudgingSources => "Judging sources",
            Preset::Balanced => "Balanced",
        }
    }

    /// What the preset is for, in a sentence.
    pub fn description(self) -> &'static str {
        match self {
            Preset::FindingClaims => "Mostly whether students find the key claims and mark them closely; status and source count little.",
            Preset::JudgingSources => "Mostly whether students judge the claims they found rightly: status, source kind and labels.",
            Preset::Balanced => "Finding claims counts most, with precise spans, status, source kind and labels beside it.",
        }
    }

    pub fn rubric(self) -> Rubric {
        let [found, span_fit, precision, status, source, labels] = match self {
            Preset::FindingClaims => [0.6, 0.15, 0.15, 0.05, 0.05, 0.05],
            Preset::JudgingSources => [0.2, 0.05, 0.05, 0.3, 0.3, 0.2],
            Preset::Balanced => [0.4, 0.1, 0.2, 0.15, 0.15, 0.15],
        };
        Rubric {
            found,
            span_fit,
            precision,
            status,
            source,
            labels,
        }
    }
}

/// Reads a weight as a teacher typed it: a number, 0 or more.
pub fn parse_weight(text: &str) -> Result<f64, String> {
    let text = text.trim();
    if text.is_empty() {
        return Err("Give this weight a number: 0 leaves the part out of the total.".into());
    }
    match text.replace(',', ".").parse::<f64>() {
        Ok(w) if !w.is_finite() => Err(format!(
            "“{text}” is not a weight: give a number such as 0.25."
        )),
        Ok(w) if w < 0.0 => Err(format!(
            "A weight cannot be negative ({text}): 0 leaves the part out of the total."
        )),
        Ok(w) => Ok(w),
        Err(_) => Err(format!(
            "“{text}” is not a number: give a weight such as 0.25."
        )),
    }
}

impl Rubric {
    /// The preset these weights are, if any.
    pub fn preset(&self) -> Option<Preset> {
        Preset::ALL.into_iter().find(|p| p.rubric() == *self)
    }

    /// What makes these weights unusable, in words: all of them 0 (or only `labels` set, for an
    /// exercise without labels).
    pub fn problem(&self, has_labels: bool) -> Option<String> {
        let weight = |w: f64| w.is_finite() && w > 0.0;
        let any = [
            self.found,
            self.span_fit,
            self.precision,
            self.status,
            self.source,
        ]
        .into_iter()
        .any(weight)
            || (has_labels && weight(self.labels));
        (!any).then(|| {
            "Every weight is 0, so every total would be 0: give at least one part a weight."
                .to_string()
        })
    }

    /// The weighted mean of the components, from 0 to 1; 0 when all weights are 0. A negative or
    /// non-finite weight counts as 0 (the panel says so before it gets here).
    pub fn total(&self, c: &Components) -> f64 {
        let weight = |w: f64| if w.is_finite() && w > 0.0 { w } else { 0.0 };
        let mut pairs = vec![
            (weight(self.found), c.found),
            (weight(self.span_fit), c.span_fit),
            (weight(self.precision), c.precision),
            (weight(self.status), c.status),
            (weight(self.source), c.source),
        ];
        if let Some(labels) = c.labels {
            pairs.push((weight(self.labels), labels));
        }
        let sum: f64 = pairs.iter().map(|(w, _)| w).sum();
        if sum <= 0.0 || !sum.is_finite() {
            return 0.0;
        }
        let weighted: f64 = pairs.iter().map(|(w, s)| w * s).sum();
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
        // found 2/4, both spans a full fit, precision 2/3; of the 2 found, 1 with the same status
        // and 2 with the same source kind (agreement is over what was found).
        assert_eq!((s.found_credit, s.span_fit), (0.5, 1.0));
        assert!(close(s.precision, 2.0 / 3.0));
        assert_eq!((s.status_agreement, s.source_agreement), (0.5, 1.0));
        assert!(close(
            s.total,
            0.4 * 0.5 + 0.1 * 1.0 + 0.2 * (2.0 / 3.0) + 0.15 * 0.5 + 0.15 * 1.0
        ));
        let with = |found, span_fit, precision, status, source| {
            let rubric = Rubric {
                found,
                span_fit,
                precision,
                status,
                source,
                labels: 7.0, // no labels in this exercise: never counted
            };
            score_claims(TEXT, &key, &mixed(), &rubric).total
        };
        assert!(close(
            with(1.0, 1.0, 1.0, 1.0, 1.0),
            (0.5 + 1.0 + 2.0 / 3.0 + 0.5 + 1.0) / 5.0
        ));
        assert!(close(with(1.0, 0.0, 0.0, 0.0, 0.0), 0.5));
        assert!(close(with(0.0, 0.0, 0.0, 3.0, 0.0), 0.5));
        assert!(close(
            with(2.0, 0.0, 0.0, 1.0, 1.0),
            (2.0 * 0.5 + 0.5 + 1.0) / 4.0
        ));
        assert_eq!(with(0.0, 0.0, 0.0, 0.0, 0.0), 0.0);
        assert!(
            close(with(-5.0, 0.0, 1.0, f64::NAN, 0.0), 2.0 / 3.0),
            "bad weights count as 0"
        );
    }

    #[test]
    fn labels_count_only_when_the_exercise_has_them() {
        let rubric = Rubric {
            labels: 1.0,
            ..Preset::FindingClaims.rubric()
        };
        let c = Components {
            found: 1.0,
            span_fit: 1.0,
            precision: 1.0,
            status: 1.0,
            source: 1.0,
            labels: None,
        };
        assert_eq!(rubric.total(&c), 1.0);
        let with_labels = rubric.total(&Components {
            labels: Some(0.0),
            ..c
        });
        let sum = 0.6 + 0.15 + 0.15 + 0.05 + 0.05 + 1.0;
        assert!(close(with_labels, (sum - 1.0) / sum));
    }

    #[test]
    fn presets_are_recognised_and_differ() {
        assert_eq!(Rubric::default().preset(), Some(Preset::Balanced));
        let finding = Preset::FindingClaims.rubric();
        let judging = Preset::JudgingSources.rubric();
        assert!(finding.found > judging.found && judging.source > finding.source);
        assert_eq!(finding.preset(), Some(Preset::FindingClaims));
        let mine = Rubric {
            found: 0.33,
            ..finding
        };
        assert_eq!(mine.preset(), None, "changed by hand: no preset");
        for p in Preset::ALL {
            assert!(!p.label().is_empty() && !p.description().is_empty());
            assert_eq!(p.rubric().problem(true), None);
        }
    }

    #[test]
    fn bad_weights_get_a_message() {
        assert_eq!(parse_weight(" 0.25 "), Ok(0.25));
        assert_eq!(parse_weight("0,5"), Ok(0.5), "a decimal comma");
        assert_eq!(parse_weight("0"), Ok(0.0));
        let negative = parse_weight("-1").unwrap_err();
        assert!(negative.contains("cannot be negative"), "{negative}");
        let empty = parse_weight("  ").unwrap_err();
        assert!(empty.contains("Give this weight a number"), "{empty}");
        assert!(parse_weight("lots").unwrap_err().contains("not a number"));
        assert!(parse_weight("inf").unwrap_err().contains("not a weight"));
        let zero = Rubric {
            found: 0.0,
            span_fit: 0.0,
            precision: 0.0,
            status: 0.0,
            source: 0.0,
            labels: 1.0,
        };
        assert!(zero.problem(false).unwrap().contains("Every weight is 0"));
        assert_eq!(
            zero.problem(true),
            None,
            "labels alone count when there are labels"
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
            serde_json::json!({"found": 0.4, "spanFit": 0.1, "precision": 0.2, "status": 0.15, "source": 0.15, "labels": 0.15})
        );
    }
}
