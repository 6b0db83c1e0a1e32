//! The anchoring benchmark's workload: a generated wire-style article, quotes from it, and the
//! same article after some quotes were reworded or cut — with where each quote's words now are.

use claimcheck::core::anchoring::selectors::{describe_in, Selectors};
use claimcheck::core::text::offsets::CharTable;

pub const ARTICLE_CHARS: usize = 100_000;
pub const QUOTES: usize = 1_000;
pub const NOISY: usize = 50;
pub const DELETED: usize = 20;

/// xorshift64*: deterministic, so both sides and every run see the same workload.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }
}

/// Wire-style prose from a news vocabulary (all in the Basic Multilingual Plane, so JavaScript's
/// UTF-16 offsets and Claimcheck's code points agree).
fn article(rng: &mut Rng) -> Vec<char> {
    const WORDS: &[&str] = &[
        "the",
        "ministry",
        "said",
        "officials",
        "reported",
        "according",
        "to",
        "documents",
        "obtained",
        "by",
        "port",
        "authority",
        "contract",
        "denied",
        "allegedly",
        "review",
        "board",
        "minutes",
        "statement",
        "company",
        "satellite",
        "images",
        "analysts",
        "channel",
        "dredging",
        "costs",
        "rose",
        "percent",
        "last",
        "year",
        "meeting",
        "senior",
        "staff",
        "questions",
        "directed",
        "café",
        "Zürich",
        "São",
        "Paulo",
        "北京",
        "government",
        "told",
        "reporters",
        "on",
        "Monday",
        "Tuesday",
        "in",
        "a",
        "of",
        "and",
        "that",
        "with",
        "for",
        "was",
        "had",
        "not",
        "its",
        "investigation",
        "aid",
        "agencies",
        "drought",
        "relief",
        "donors",
        "pledged",
        "million",
        "spokesperson",
        "declined",
        "comment",
        "familiar",
        "matter",
        "anonymity",
        "because",
        "they",
        "were",
        "authorized",
        "speak",
        "publicly",
    ];
    let mut text = String::new();
    let mut chars = 0;
    while chars < ARTICLE_CHARS {
        let sentence_len = rng.range(8, 30);
        let mut words: Vec<&str> = (0..sentence_len)
            .map(|_| WORDS[rng.below(WORDS.len())])
            .collect();
        let mut first = words[0].chars();
        let capital: String = first
            .next()
            .into_iter()
            .flat_map(char::to_uppercase)
            .chain(first)
            .collect();
        words[0] = &capital;
        let sentence = words.join(" ") + if rng.below(6) == 0 { ".\n\n" } else { ". " };
        chars += sentence.chars().count();
        text.push_str(&sentence);
    }
    text.chars().take(ARTICLE_CHARS).collect()
}

#[derive(Clone, Copy, PartialEq)]
pub enum Fate {
    Unchanged,
    Noisy,
    Deleted,
}

pub struct Workload {
    pub old_text: String,
    pub new_text: String,
    pub selectors: Vec<Selectors>,
    /// Where each quote's words are in the new text (`None`: deleted).
    pub truth: Vec<Option<(usize, usize)>>,
    pub fates: Vec<Fate>,
}

fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

pub fn workload() -> Workload {
    let mut rng = Rng(0x5eed_c1a1_4c4e_c4a1);
    let old: Vec<char> = article(&mut rng);
    let old_text: String = old.iter().collect();
    let n = old.len();
    // Edited quotes first, apart from each other; then the unchanged ones, clear of every edit.
    let mut edited: Vec<(usize, usize, Fate)> = Vec::new();
    while edited.len() < NOISY + DELETED {
        let len = rng.range(20, 300);
        let start = rng.below(n - len);
        let span = (start, start + len);
        if edited
            .iter()
            .any(|&(s, e, _)| overlaps(span, (s.saturating_sub(40), e + 40)))
        {
            continue;
        }
        let fate = if edited.len() < NOISY {
            Fate::Noisy
        } else {
            Fate::Deleted
        };
        edited.push((span.0, span.1, fate));
    }
    let mut quotes: Vec<(usize, usize, Fate)> = edited.clone();
    while quotes.len() < QUOTES {
        let len = rng.range(20, 300);
        let start = rng.below(n - len);
        let span = (start, start + len);
        if edited.iter().any(|&(s, e, _)| overlaps(span, (s, e))) {
            continue;
        }
        quotes.push((span.0, span.1, Fate::Unchanged));
    }
    // Build the new text, edit by edit, keeping a map from old offsets to new ones.
    edited.sort_by_key(|q| q.0);
    let mut new: Vec<char> = Vec::with_capacity(n);
    let mut shift: Vec<(usize, isize)> = Vec::new(); // (old offset from which, delta)
    let mut noisy_ranges: Vec<((usize, usize), (usize, usize))> = Vec::new();
    let mut cursor = 0;
    for &(s, e, fate) in &edited {
        new.extend_from_slice(&old[cursor..s]);
        let new_start = new.len();
        if fate == Fate::Noisy {
            let mut words: Vec<char> = old[s..e].to_vec();
            let edits = ((words.len() * rng.range(1, 10)) / 100).max(1);
            for _ in 0..edits {
                let i = rng.below(words.len());
                match rng.below(3) {
                    0 => words[i] = char::from(b'a' + rng.below(26) as u8),
                    1 => words.insert(i, char::from(b'a' + rng.below(26) as u8)),
                    _ if words.len() > 2 => {
                        words.remove(i);
                    }
                    _ => {}
                }
            }
            new.extend_from_slice(&words);
            noisy_ranges.push(((s, e), (new_start, new.len())));
        }
        shift.push((e, new.len() as isize - e as isize));
        cursor = e;
    }
    new.extend_from_slice(&old[cursor..]);
    let map = |o: usize| -> usize {
        let delta = shift
            .iter()
            .rev()
            .find(|&&(from, _)| o >= from)
            .map_or(0, |&(_, d)| d);
        (o as isize + delta) as usize
    };
    let mut selectors_out = Vec::new();
    let mut truth = Vec::new();
    let mut fates = Vec::new();
    let table = CharTable::new(&old_text);
    for &(s, e, fate) in &quotes {
        let (quote, position) = describe_in(&table, s, e).expect("a quote is a real range");
        selectors_out.push(Selectors {
            quote,
            position: Some(position),
        });
        truth.push(match fate {
            Fate::Unchanged => Some((map(s), map(e))),
            Fate::Noisy => noisy_ranges
                .iter()
                .find(|(o, _)| *o == (s, e))
                .map(|&(_, n)| n),
            Fate::Deleted => None,
        });
        fates.push(fate);
    }
    Workload {
        old_text,
        new_text: new.iter().collect(),
        selectors: selectors_out,
        truth,
        fates,
    }
}
