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

    /// The symbol no character of the text has: what masked stretches are filled with.
    pub fn mask_symbol(&self) -> u32 {
        self.alphabet_len() as u32
    }
}
