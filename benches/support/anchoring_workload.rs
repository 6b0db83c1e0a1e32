//! The anchoring benchmark's workloads: a generated wire-style article, quotes from it, and the
//! same article after an edit (some quotes reworded or cut, sentences inserted or text cut
//! before others) — with where each quote's words now are. Every workload is seeded, so both
//! sides and every run see the same texts.

use claimcheck::core::anchoring::selectors::{describe_in, Selectors};
use claimcheck::core::text::offsets::CharTable;

/// xorshift64*: deterministic and dependency-free.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.max(1))
    }
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }
    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }
}

/// A news vocabulary (all in the Basic Multilingual Plane, so JavaScript's UTF-16 offsets and
/// Claimcheck's code points agree).
const NEWS: &[&str] = &[
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

/// Which words the article is written in.
#[derive(Clone, Copy)]
pub enum Vocabulary {
    /// The news words above (77).
    News,
    /// Only the first 50 of them: long runs repeat, exact occurrences abound.
    Low,
    /// 6,000 made-up words of 1–4 syllables.
    Rich,
}

impl Vocabulary {
    fn words(self, rng: &mut Rng) -> Vec<String> {
        match self {
            Vocabulary::News => NEWS.iter().map(|w| w.to_string()).collect(),
            Vocabulary::Low => NEWS[..50].iter().map(|w| w.to_string()).collect(),
            Vocabulary::Rich => {
                const SYLLABLES: &[&str] = &[
                    "ka", "lo", "mi", "ren", "sta", "vu", "tor", "el", "an", "qui", "bra", "dé",
                    "no", "fer", "gal", "is", "ment", "pro", "ze", "ül", "cha", "om", "ri", "sen",
                    "tal", "ve", "wy", "ex", "hu", "jo",
                ];
                (0..6_000)
                    .map(|_| {
                        (0..rng.range(1, 4))
                            .map(|_| SYLLABLES[rng.below(SYLLABLES.len())])
                            .collect()
                    })
                    .collect()
            }
        }
    }
}

/// How quotes are placed in the article.
#[derive(Clone, Copy)]
pub enum Layout {
    /// Anywhere, overlapping each other (but never an edited quote).
    Overlapping,
    /// One after another with text between them, so edits can go between any two.
    Sequential,
}

/// One workload of the matrix.
#[derive(Clone, Copy)]
pub struct Spec {
    pub name: &'static str,
    pub seed: u64,
    pub vocabulary: Vocabulary,
    pub article_chars: usize,
    pub quotes: usize,
    pub quote_len: (usize, usize),
    pub layout: Layout,
    /// Quotes reworded by 1–10% character noise.
    pub noisy: usize,
    /// Quotes cut from the text.
    pub deleted: usize,
    /// Share of the other quotes with a sentence inserted right before them.
    pub insert_before: f64,
    /// Share of the other quotes with a third of the text between them and the previous quote cut.
    pub cut_before: f64,
}

impl Spec {
    pub fn describe(&self) -> String {
        format!(
            "{} KB, {} quotes of {}–{} chars, {} noisy, {} deleted, {}% sentence before, {}% cut before",
            self.article_chars / 1024,
            self.quotes,
            self.quote_len.0,
            self.quote_len.1,
            self.noisy,
            self.deleted,
            (self.insert_before * 100.0).round(),
            (self.cut_before * 100.0).round()
        )
    }
}

/// The matrix: today's workload first, then one stress at a time.
pub fn matrix() -> Vec<Spec> {
    let today = Spec {
        name: "today (100 KB, 1,000 quotes)",
        seed: 0x5eed_c1a1_4c4e_c4a1,
        vocabulary: Vocabulary::News,
        article_chars: 100_000,
        quotes: 1_000,
        quote_len: (20, 300),
        layout: Layout::Overlapping,
        noisy: 50,
        deleted: 20,
        insert_before: 0.0,
        cut_before: 0.0,
    };
    vec![
        today,
        Spec {
            name: "low vocabulary (50 words)",
            seed: 0x10_0c4b,
            vocabulary: Vocabulary::Low,
            ..today
        },
        Spec {
            name: "rich vocabulary (6,000 words)",
            seed: 0x21c4_0c4b,
            vocabulary: Vocabulary::Rich,
            ..today
        },
        Spec {
            name: "most quotes moved (240 KB)",
            seed: 0x30_7ed0,
            article_chars: 240_000,
            quote_len: (20, 200),
            layout: Layout::Sequential,
            insert_before: 0.3,
            cut_before: 0.2,
            ..today
        },
        Spec {
            name: "many quotes deleted (250)",
            seed: 0xde1e_7ed0,
            deleted: 250,
            ..today
        },
        Spec {
            name: "long quotes (1–2 KB)",
            seed: 0x1046_0c4b,
            quotes: 150,
            quote_len: (1_000, 2_000),
            noisy: 10,
            deleted: 5,
            ..today
        },
        Spec {
            name: "16k words, 2,000 claims",
            seed: 0x16_2000,
            article_chars: 112_000,
            quotes: 2_000,
            quote_len: (20, 200),
            layout: Layout::Sequential,
            noisy: 100,
            deleted: 40,
            insert_before: 0.1,
            cut_before: 0.05,
            ..today
        },
    ]
}

fn sentence(rng: &mut Rng, words: &[String]) -> String {
    let len = rng.range(8, 30);
    let mut picked: Vec<String> = (0..len)
        .map(|_| words[rng.below(words.len())].clone())
        .collect();
    let mut first = picked[0].chars();
    picked[0] = first
        .next()
        .into_iter()
        .flat_map(char::to_uppercase)
        .chain(first)
        .collect();
    picked.join(" ") + "."
}

fn article(rng: &mut Rng, words: &[String], chars: usize) -> Vec<char> {
    let mut text = String::new();
    let mut count = 0;
    while count < chars {
        let s = sentence(rng, words) + if rng.below(6) == 0 { "\n\n" } else { " " };
        count += s.chars().count();
        text.push_str(&s);
    }
    text.chars().take(chars).collect()
}

#[derive(Clone, Copy, PartialEq)]
pub enum Fate {
    Unchanged,
    Noisy,
    Deleted,
}

pub struct Workload {
    pub new_text: String,
    pub selectors: Vec<Selectors>,
    /// Where each quote's words are in the new text (`None`: deleted).
    pub truth: Vec<Option<(usize, usize)>>,
    pub fates: Vec<Fate>,
}

fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// An edit of the old text: `start..end` replaced by `with`.
struct Edit {
    start: usize,
    end: usize,
    with: Vec<char>,
}

/// Quotes as (start, end, fate) in the old text: edited ones apart from each other.
fn place_quotes(spec: &Spec, rng: &mut Rng, n: usize) -> Vec<(usize, usize, Fate)> {
    let edited_fate = |i: usize| {
        if i < spec.noisy {
            Fate::Noisy
        } else {
            Fate::Deleted
        }
    };
    match spec.layout {
        Layout::Overlapping => {
            let mut edited: Vec<(usize, usize, Fate)> = Vec::new();
            while edited.len() < spec.noisy + spec.deleted {
                let len = rng.range(spec.quote_len.0, spec.quote_len.1);
                let start = rng.below(n - len);
                let span = (start, start + len);
                if edited
                    .iter()
                    .any(|&(s, e, _)| overlaps(span, (s.saturating_sub(40), e + 40)))
                {
                    continue;
                }
                edited.push((span.0, span.1, edited_fate(edited.len())));
            }
            let mut quotes = edited.clone();
            while quotes.len() < spec.quotes {
                let len = rng.range(spec.quote_len.0, spec.quote_len.1);
                let start = rng.below(n - len);
                let span = (start, start + len);
                if edited.iter().any(|&(s, e, _)| overlaps(span, (s, e))) {
                    continue;
                }
                quotes.push((span.0, span.1, Fate::Unchanged));
            }
            quotes
        }
        Layout::Sequential => {
            let slot = n / spec.quotes;
            let mut quotes: Vec<(usize, usize, Fate)> = (0..spec.quotes)
                .map(|i| {
                    let len = rng
                        .range(spec.quote_len.0, spec.quote_len.1)
                        .min(slot * 3 / 4);
                    let start = i * slot + rng.range(slot / 8, slot - len);
                    (start, start + len, Fate::Unchanged)
                })
                .collect();
            // Which quotes are edited: spread over the text, never two neighbours.
            let mut edited = 0;
            while edited < spec.noisy + spec.deleted {
                let i = rng.below(spec.quotes);
                let neighbours = i.saturating_sub(1)..(i + 2).min(spec.quotes);
                if neighbours.clone().any(|j| quotes[j].2 != Fate::Unchanged) {
                    continue;
                }
                quotes[i].2 = edited_fate(edited);
                edited += 1;
            }
            // Edited quotes first, as the overlapping layout has them.
            quotes.sort_by_key(|q| q.2 == Fate::Unchanged);
            quotes
        }
    }
}

fn noised(rng: &mut Rng, words: &[char]) -> Vec<char> {
    let mut words = words.to_vec();
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
    words
}

pub fn workload(spec: &Spec) -> Workload {
    let mut rng = Rng::new(spec.seed);
    let words = spec.vocabulary.words(&mut rng);
    let old: Vec<char> = article(&mut rng, &words, spec.article_chars);
    let old_text: String = old.iter().collect();
    let n = old.len();
    let quotes = place_quotes(spec, &mut rng, n);
    let mut edits: Vec<Edit> = Vec::new();
    for &(s, e, fate) in &quotes {
        match fate {
            Fate::Noisy => edits.push(Edit {
                start: s,
                end: e,
                with: noised(&mut rng, &old[s..e]),
            }),
            Fate::Deleted => edits.push(Edit {
                start: s,
                end: e,
                with: Vec::new(),
            }),
            Fate::Unchanged => {}
        }
    }
    // Moves: an edit right before a quote changes its prefix and shifts everything after it. Only
    // where no quote holds the edited place, so every quote keeps its words.
    let mut by_start: Vec<(usize, usize)> = quotes.iter().map(|&(s, e, _)| (s, e)).collect();
    by_start.sort_unstable();
    let cuts_a_quote = |from: usize, to: usize| by_start.iter().any(|&(s, e)| from < e && s < to);
    let splits_a_quote = |at: usize| by_start.iter().any(|&(s, e)| s < at && at < e);
    for (k, &(s, _)) in by_start.iter().enumerate() {
        let previous_end = by_start[..k].iter().map(|q| q.1).max().unwrap_or(0);
        if rng.chance(spec.cut_before) && previous_end + 3 < s {
            let from = s - (s - previous_end) / 3;
            if !cuts_a_quote(from, s) && !splits_a_quote(from) {
                edits.push(Edit {
                    start: from,
                    end: s,
                    with: Vec::new(),
                });
            }
        }
        if rng.chance(spec.insert_before) && !splits_a_quote(s) {
            let inserted = sentence(&mut rng, &words) + " ";
            edits.push(Edit {
                start: s,
                end: s,
                with: inserted.chars().collect(),
            });
        }
    }
    edits.sort_by_key(|e| (e.start, e.end));
    let mut new: Vec<char> = Vec::with_capacity(n + n / 4);
    let mut cursor = 0;
    // For each edit: its old end and how far it moves what follows.
    let mut shifts: Vec<(usize, isize)> = Vec::new();
    let mut replaced: Vec<((usize, usize), (usize, usize))> = Vec::new();
    for edit in &edits {
        new.extend_from_slice(&old[cursor..edit.start]);
        let new_start = new.len();
        new.extend_from_slice(&edit.with);
        replaced.push(((edit.start, edit.end), (new_start, new.len())));
        let before = shifts.last().map_or(0, |s| s.1);
        shifts.push((
            edit.end,
            before + edit.with.len() as isize - (edit.end - edit.start) as isize,
        ));
        cursor = edit.end;
    }
    new.extend_from_slice(&old[cursor..]);
    // An untouched quote moves by what every edit ending at or before its start added or cut.
    let shift = |start: usize| -> isize {
        shifts
            .iter()
            .rev()
            .find(|&&(end, _)| end <= start)
            .map_or(0, |s| s.1)
    };
    let table = CharTable::new(&old_text);
    let mut selectors = Vec::new();
    let mut truth = Vec::new();
    let mut fates = Vec::new();
    for &(s, e, fate) in &quotes {
        let (quote, position) = describe_in(&table, s, e).expect("a quote is a real range");
        selectors.push(Selectors {
            quote,
            position: Some(position),
        });
        truth.push(match fate {
            Fate::Unchanged => {
                let d = shift(s);
                Some(((s as isize + d) as usize, (e as isize + d) as usize))
            }
            Fate::Noisy => replaced.iter().find(|(o, _)| *o == (s, e)).map(|&(_, n)| n),
            Fate::Deleted => None,
        });
        fates.push(fate);
    }
    // Claims are stored in reading order.
    let mut order: Vec<usize> = (0..quotes.len()).collect();
    order.sort_by_key(|&i| (quotes[i].0, quotes[i].1));
    let new_text: String = new.iter().collect();
    Workload {
        new_text,
        selectors: order.iter().map(|&i| selectors[i].clone()).collect(),
        truth: order.iter().map(|&i| truth[i]).collect(),
        fates: order.iter().map(|&i| fates[i]).collect(),
    }
}
