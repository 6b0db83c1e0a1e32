//! The scale benchmark's articles and claims, generated deterministically: an article of a given
//! number of words (sentences of 12–20 words, paragraphs of 3–6 sentences, over a vocabulary of
//! 400 made-up words), and claims spread evenly over it, 3–8 words each (overlapping where there
//! are more claims than words allow), keeping clear a stretch in the middle where the benchmark
//! adds claims of its own.

/// The free stretch: this many words from the middle of the article carry no claim.
pub const FREE_WORDS: usize = 60;

pub struct Workload {
    pub text: String,
    /// Code-point ranges of the claims, in text order.
    pub claims: Vec<(usize, usize)>,
    /// Code-point ranges of 3-word passages in the free stretch, for Add claim.
    pub free: Vec<(usize, usize)>,
}

/// A small deterministic generator (xorshift), so every run measures the same text.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn vocabulary(rng: &mut Rng) -> Vec<String> {
    const SYLLABLES: [&str; 16] = [
        "ka", "lo", "mer", "sti", "ven", "da", "ru", "pel", "on", "tra", "ig", "sol", "ne", "bar",
        "fu", "les",
    ];
    (0..400)
        .map(|_| {
            let n = 1 + rng.below(3) as usize;
            (0..n)
                .map(|_| SYLLABLES[rng.below(16) as usize])
                .collect::<String>()
        })
        .collect()
}

pub fn workload(words: usize, claims: usize) -> Workload {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15 ^ words as u64);
    let vocab = vocabulary(&mut rng);
    let mut text = String::new();
    // Code-point range of every word (the text is ASCII, so bytes are code points).
    let mut spans = Vec::with_capacity(words);
    let mut in_sentence = 0;
    let mut sentence_len = 12 + rng.below(9);
    let mut in_paragraph = 0;
    let mut paragraph_len = 3 + rng.below(4);
    for i in 0..words {
        if in_sentence > 0 {
            text.push(' ');
        }
        let mut word = vocab[rng.below(vocab.len() as u64) as usize].clone();
        if in_sentence == 0 {
            word[..1].make_ascii_uppercase();
        }
        spans.push((text.len(), text.len() + word.len()));
        text.push_str(&word);
        in_sentence += 1;
        if in_sentence == sentence_len || i + 1 == words {
            text.push('.');
            in_sentence = 0;
            sentence_len = 12 + rng.below(9);
            in_paragraph += 1;
            if in_paragraph == paragraph_len {
                text.push_str("\n\n");
                in_paragraph = 0;
                paragraph_len = 3 + rng.below(4);
            }
        }
    }
    let free_from = words / 2;
    let free_to = free_from + FREE_WORDS;
    let mut ranges = Vec::with_capacity(claims);
    for i in 0..claims {
        let len = 3 + (i * 7) % 6;
        let mut first = i * words / claims.max(1);
        // Claims that would touch the free stretch move past it.
        if first + len > free_from && first < free_to {
            first = free_to;
        }
        let last = (first + len - 1).min(words - 1);
        ranges.push((spans[first].0, spans[last].1));
    }
    // Two claims on the same words are one claim (the import keeps one).
    ranges.sort();
    ranges.dedup();
    let free = (0..8)
        .map(|k| {
            let first = free_from + 4 + k * 6;
            (spans[first].0, spans[first + 2].1)
        })
        .collect();
    Workload {
        text,
        claims: ranges,
        free,
    }
}
