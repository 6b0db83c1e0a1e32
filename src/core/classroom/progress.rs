//! How far a student's work is, in words: the progress line of Student mode.

use crate::core::model::Claim;

/// "6 marked · 4 with a source"; "Nothing marked yet" before the first claim.
pub fn progress_line(claims: &[Claim]) -> String {
    if claims.is_empty() {
        return "Nothing marked yet".to_string();
    }
    let sourced = claims
        .iter()
        .filter(|c| !c.source.trim().is_empty())
        .count();
    format!("{} marked · {sourced} with a source", claims.len())
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::core::test_claims::claim_on;

    #[test]
    fn progress_counts_marked_claims_and_those_with_a_source() {
        let text = "One said this. Two said that. Three said nothing.";
        assert_eq!(progress_line(&[]), "Nothing marked yet");
        let mut claims: Vec<Claim> = ["One said", "Two said", "Three said"]
            .iter()
            .enumerate()
            .map(|(i, q)| claim_on(text, &format!("c{i}"), q))
            .collect();
        claims[0].source = "One".into();
        claims[2].source = "   ".into();
        assert_eq!(progress_line(&claims), "3 marked · 1 with a source");
    }
}
