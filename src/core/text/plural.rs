//! Counts in words: "1 article", "2 articles". Every message that counts something says it
//! through [`counted`], so none says "1 articles" or "(s)".

/// `n` and the noun that goes with it: `one` for exactly one, `many` for any other number
/// (English says "0 claims").
pub fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn one_is_singular_and_every_other_count_plural() {
        assert_eq!(counted(1, "article", "articles"), "1 article");
        assert_eq!(counted(2, "article", "articles"), "2 articles");
        assert_eq!(counted(0, "claim", "claims"), "0 claims");
        assert_eq!(
            counted(1, "duplicate skipped", "duplicates skipped"),
            "1 duplicate skipped"
        );
        assert_eq!(counted(21, "entry", "entries"), "21 entries");
    }
}
