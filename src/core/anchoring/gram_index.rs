//! A q-gram index of a text, so the exact occurrences of a pattern, and the places an
//! approximate match of it could be, are found without scanning the whole text.

use crate::core::anchoring::symbol_text::SymbolText;

/// Length of the runs of symbols a [`GramIndex`] records.
pub(super) const GRAM: usize = 8;

/// Every run of [`GRAM`] symbols in a text with where it starts, sorted by a hash of the run, so
/// the occurrences of any run are found by binary search instead of a scan. Each entry packs the
/// hash (high bits) and the position (low bits) into one word, which keeps building it cheap; a
/// hash collision only adds a place to check, never hides one.
pub struct GramIndex {
    entries: Vec<u64>,
}

const POSITION_BITS: u32 = 24;

impl GramIndex {
    /// `None` for texts too long for the packed positions (16 M code points).
    pub fn new(symbols: &[u32]) -> Option<Self> {
        if symbols.len() >= 1 << POSITION_BITS {
            return None;
        }
        let mut entries: Vec<u64> = symbols
            .windows(GRAM)
            .enumerate()
            .map(|(at, run)| Self::hash(run) | at as u64)
            .collect();
        entries.sort_unstable();
        Some(GramIndex { entries })
    }

    /// A hash of `run` in the bits above the position bits.
    fn hash(run: &[u32]) -> u64 {
        let h = run.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &s| {
            (h ^ u64::from(s)).wrapping_mul(0x0100_0000_01b3)
        });
        h << POSITION_BITS
    }

    /// Every exact occurrence of `pattern` in `text` (the text this index was built from), in
    /// order; `None` when the pattern is shorter than a gram.
    pub fn exact(&self, text: &SymbolText, pattern: &[char]) -> Option<Vec<usize>> {
        if pattern.len() < GRAM {
            return None;
        }
        let mut symbols = Vec::with_capacity(pattern.len());
        for c in pattern {
            match text.ids.get(c) {
                Some(&s) => symbols.push(s),
                // A character the text lacks: the pattern occurs nowhere.
                None => return Some(Vec::new()),
            }
        }
        // Look up the rarest of a few of the pattern's grams, then check each place found.
        let offsets = [0, (symbols.len() - GRAM) / 2, symbols.len() - GRAM];
        let (offset, starts) = offsets
            .iter()
            .map(|&o| (o, self.occurrences(&symbols[o..o + GRAM])))
            .min_by_key(|(_, found)| found.len())
            .expect("three offsets");
        let mut found: Vec<usize> = starts
            .into_iter()
            .filter_map(|at| (at as usize).checked_sub(offset))
            .filter(|&start| text.symbols.get(start..start + symbols.len()) == Some(&symbols[..]))
            .collect();
        found.sort_unstable();
        Some(found)
    }

    /// Where `run` (of [`GRAM`] symbols) may start in the text.
    pub(super) fn occurrences(&self, run: &[u32]) -> Vec<u32> {
        let key = Self::hash(run);
        let from = self.entries.partition_point(|&e| e < key);
        let to = self
            .entries
            .partition_point(|&e| e >> POSITION_BITS <= key >> POSITION_BITS);
        self.entries[from..to]
            .iter()
            .map(|&e| (e & ((1 << POSITION_BITS) - 1)) as u32)
            .collect()
    }
}
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn the_index_finds_every_exact_occurrence() {
        let text =
            "the port paid twice; the port paid twice again; the port paid thrice. 北京的港口";
        let chars: Vec<char> = text.chars().collect();
        let prepared = SymbolText::new(&chars);
        let index = GramIndex::new(&prepared.symbols).unwrap();
        let find = |p: &str| index.exact(&prepared, &p.chars().collect::<Vec<_>>());
        assert_eq!(find("the port paid tw"), Some(vec![0, 21]));
        assert_eq!(find("port paid"), Some(vec![4, 25, 52]));
        assert_eq!(
            find("北京的港口"),
            None,
            "shorter than a gram: the caller scans"
        );
        assert_eq!(find("the port paid Xwice"), Some(vec![]));
        assert_eq!(find("e. 北京的港口"), Some(vec![chars.len() - 8]));
    }
}
