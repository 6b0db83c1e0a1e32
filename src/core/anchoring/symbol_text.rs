//! Text as dense symbol ids: each code point mapped once to a small number, so the text index
//! and the approximate search do an array lookup per character instead of comparing `char`s.

use std::collections::HashMap;

/// Text prepared for many searches: each code point replaced by a dense symbol id.
pub struct SymbolText {
    pub symbols: Vec<u32>,
    pub(super) ids: HashMap<char, u32>,
}

impl SymbolText {
    pub fn new(chars: &[char]) -> Self {
        let mut ids: HashMap<char, u32> = HashMap::new();
        let mut ascii = [u32::MAX; 128];
        let symbols = chars
            .iter()
            .map(|&c| {
                let next = ids.len() as u32;
                if (c as u32) < 128 {
                    let slot = &mut ascii[c as usize];
                    if *slot == u32::MAX {
                        *slot = next;
                        ids.insert(c, next);
                    }
                    *slot
                } else {
                    *ids.entry(c).or_insert(next)
                }
            })
            .collect();
        SymbolText { symbols, ids }
    }

    pub(super) fn alphabet_len(&self) -> usize {
        self.ids.len()
    }

    /// A copy of the symbols in which `ranges` match nothing.
    pub fn masked(&self, ranges: &[(usize, usize)]) -> Vec<u32> {
        let mut symbols = self.symbols.clone();
        let mask = self.alphabet_len() as u32;
        for &(start, end) in ranges {
            symbols[start..end].fill(mask);
        }
        symbols
    }
}
