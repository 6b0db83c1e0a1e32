//! The source phrase of an attribution and its kind. A phrase is a run of words that stops at
//! punctuation, a quotation, a clause word or a cue; its head is its last word before anything
//! that describes it ("documents obtained by the Post" → documents). The kind follows the head,
//! with names recognised by capitals and by what came earlier in the text.

use super::lexicon::*;
use super::names::Names;
use super::tokens::{phrase_at, Mark, Token};
use crate::core::model::SourceKind;

/// Nouns that name a source.
const SOURCE_NOUNS: u32 = ROLE | ORGANIZATION | PUBLICATION | DOCUMENT | ORG_VOICE;

/// Longest source phrase, in words; longer runs are narration, not a name.
const MAX_PHRASE: usize = 12;

/// A source phrase: token indices, end exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Phrase {
    pub lo: usize,
    pub hi: usize,
}

/// What the text has named so far: the last person and the last group that spoke.
#[derive(Debug, Default)]
pub(super) struct Memory {
    /// A person, or someone speaking for a group ("a spokeswoman"), with that kind.
    pub last_person: Option<(String, SourceKind, usize)>,
    pub last_group: Option<(String, SourceKind)>,
}

/// A classified source.
#[derive(Debug, Clone)]
pub(super) struct Described {
    pub kind: SourceKind,
    /// The pronoun stood for this earlier name.
    pub resolved: Option<String>,
    /// A pronoun that nothing earlier resolved.
    pub unresolved: bool,
}

pub(super) struct Ctx<'a> {
    pub toks: &'a [Token],
    pub lex: &'a Lexicon,
    pub names: &'a Names,
    pub chars: &'a [char],
    /// Tokens that are cues (a phrase never runs over one).
    pub marks: &'a [Mark],
}

impl Memory {
    /// Keeps a named source for later pronouns.
    pub fn remember(&mut self, ctx: &Ctx, p: Phrase, kind: SourceKind, text: &str) {
        let h = ctx.head(p);
        let human = kind == SourceKind::Person || ctx.is(h, ORG_VOICE | ROLE);
        if human {
            self.last_person = Some((text.to_string(), kind, p.lo));
        } else if matches!(kind, SourceKind::Organization | SourceKind::Publication) {
            self.last_group = Some((text.to_string(), kind));
        }
    }
}

impl Ctx<'_> {
    fn is(&self, i: usize, flags: u32) -> bool {
        self.toks[i].is(flags)
    }

    /// Can token `i` belong to a source phrase at all?
    fn phrase_word(&self, i: usize) -> bool {
        let t = &self.toks[i];
        t.is_word() && !t.quoted && self.marks[i] == Mark::None && !self.is(i, NP_STOP)
    }

    /// "and" or "&" joins two names ("Smith and Jones", "Valley Power & Light").
    fn joins_names(&self, i: usize, lo: usize, hi: usize) -> bool {
        let t = &self.toks[i];
        let joiner = t.is_punct('&') || t.is_word() && self.is(i, WEAK_JOIN);
        joiner && i > lo && i + 1 < hi && self.toks[i - 1].cap && self.toks[i + 1].cap
    }

    /// "forces that hold the bank": a relative after a noun, not before a new subject.
    fn relative_inside(&self, i: usize, lo: usize, end: usize) -> bool {
        i > lo
            && i + 1 < end
            && self.is(i, RELATIVE)
            && self.toks[i - 1].is_word()
            && !self.toks[i + 1].cap
            && !self.is(
                i + 1,
                DETERMINER | ROLE | ORGANIZATION | DOCUMENT | PUBLICATION,
            )
            && !self.is(i + 1, PERSON_PRONOUN | GROUP_PRONOUN | FIRST_PERSON)
    }

    /// The phrase ending at token `end - 1`, not reaching before `lo`.
    pub fn before(&self, lo: usize, end: usize) -> Option<Phrase> {
        let mut s = end;
        while s > lo && end - s < MAX_PHRASE {
            let i = s - 1;
            let ok = self.phrase_word(i)
                || self.joins_names(i, lo, end)
                || self.relative_inside(i, lo, end);
            if !ok {
                break;
            }
            s -= 1;
        }
        if s == end {
            return None;
        }
        // A sentence-opening prepositional phrase is not part of the subject
        // ("On Tuesday the ministry said"): start at its last article.
        if self.is(s, NP_POST) {
            let det = (s + 1..end).rev().find(|&i| self.is(i, DETERMINER));
            s = det.unwrap_or((s + 2).min(end - 1));
        }
        // Nor is a time phrase before it ("Last year the firm announced").
        while s + 1 < end && self.is(s, MODIFIER) && !self.is(s, DETERMINER) {
            s += 1;
        }
        Some(self.repair(Phrase { lo: s, hi: end }))
    }

    /// A phrase whose head names no source often began too early ("The case began with a
    /// study"): start it at the first article after which it does.
    fn repair(&self, p: Phrase) -> Phrase {
        if self.source_like(p) {
            return p;
        }
        (p.lo + 1..p.hi)
            .filter(|&i| self.is(i, DETERMINER))
            .map(|i| Phrase { lo: i, hi: p.hi })
            .find(|q| self.source_like(*q))
            .unwrap_or(p)
    }

    /// The phrase starting at token `start`, not reaching `hi`.
    pub fn after(&self, start: usize, hi: usize) -> Option<Phrase> {
        let mut e = start;
        while e < hi
            && e - start < MAX_PHRASE
            && (self.phrase_word(e) || self.joins_names(e, start, hi))
        {
            e += 1;
        }
        (e > start).then_some(Phrase { lo: start, hi: e })
    }

    /// The head word: the last word before what describes the phrase, or, when that word is
    /// no source word, the last source word before it ("a tally kept by …" → tally).
    pub fn head(&self, p: Phrase) -> usize {
        let mut h = p.lo;
        let mut known = None;
        for i in p.lo..p.hi {
            if i > p.lo && (self.is(i, NP_POST) || self.relative_inside(i, p.lo, p.hi)) {
                break;
            }
            h = i;
            if self.is(i, SOURCE_NOUNS) {
                known = Some(i);
            }
        }
        match known {
            Some(k) if !self.toks[h].cap && !self.is(h, SOURCE_NOUNS) => k,
            _ => h,
        }
    }

    /// The capitalised words of a name ending at `head` (small words such as "de" inside).
    fn name_start(&self, p: Phrase, head: usize) -> usize {
        let mut i = head;
        while i > p.lo {
            let t = &self.toks[i - 1];
            let cap = t.cap && !self.is(i - 1, DETERMINER);
            let particle = self.is(i - 1, NAME_PARTICLE) && i - 1 > p.lo && self.toks[i - 2].cap;
            if !(cap || particle) {
                break;
            }
            i -= 1;
        }
        i
    }

    fn name_words(&self, p: Phrase, head: usize) -> usize {
        let start = self.name_start(p, head);
        (start..=head).filter(|&i| self.toks[i].cap).count()
    }

    fn title_before(&self, p: Phrase, first_name: usize) -> bool {
        first_name > p.lo && self.is(first_name - 1, TITLE)
            || self.toks[first_name].abbrev.is_some() && self.is(first_name, TITLE)
    }

    /// A person's name at the end of the phrase, with a title or role right before it:
    /// "was Lorna Petit" → "Lorna Petit".
    pub fn name_tail(&self, p: Phrase) -> Option<Phrase> {
        let head = p.hi - 1;
        if !self.toks[head].cap {
            return None;
        }
        let mut lo = self.name_start(p, head);
        let titled = self.title_before(p, lo);
        if self.name_words(p, head) < 2 && !titled {
            return None;
        }
        while lo > p.lo && self.is(lo - 1, TITLE) {
            lo -= 1;
        }
        Some(Phrase { lo, hi: p.hi })
    }

    /// The phrase starts with a word a name's phrase can start with.
    pub fn clean_start(&self, p: Phrase) -> bool {
        !self.is(p.lo, PASSIVE | NP_POST | NP_STOP | MODIFIER)
    }

    /// Whether a phrase could name a source (for "…, said X" where X might be narration).
    pub fn source_like(&self, p: Phrase) -> bool {
        let h = self.head(p);
        self.toks[h].cap
            || self.is(
                h,
                ROLE | ORGANIZATION
                    | PUBLICATION
                    | DOCUMENT
                    | ORG_VOICE
                    | PERSON_PRONOUN
                    | GROUP_PRONOUN,
            )
    }

    pub fn is_first_person(&self, p: Phrase) -> bool {
        p.hi - p.lo == 1 && self.is(p.lo, FIRST_PERSON)
    }

    /// The phrase is one person's name (for an apposition: "…, Maria Lopez, said").
    pub fn is_name(&self, p: Phrase) -> bool {
        let head = self.head(p);
        head == p.hi - 1
            && self.toks[head].cap
            && self.name_start(p, head) <= p.lo + usize::from(self.is(p.lo, TITLE))
            && self.classify_head(p) == SourceKind::Person
    }

    fn classify_head(&self, p: Phrase) -> SourceKind {
        let h = self.head(p);
        let t = &self.toks[h];
        let anonymity = |i: usize| {
            phrase_at(self.lex, self.toks, i, p.hi).is_some_and(|(c, _)| c == Class::Anonymity)
        };
        if (p.lo..p.hi).any(anonymity) {
            return SourceKind::Anonymous;
        }
        let named_before = (p.lo..h).any(|i| self.names.capital(self.toks, i));
        if self.is(h, PUBLICATION) && (self.names.capital(self.toks, h) || named_before) {
            return SourceKind::Publication;
        }
        if self.is(h, DOCUMENT) {
            return SourceKind::Document;
        }
        if self.is(h, ORGANIZATION | ORG_VOICE) {
            return SourceKind::Organization;
        }
        if self.is(h, PUBLICATION) {
            return SourceKind::Publication;
        }
        if t.acronym {
            return SourceKind::Organization;
        }
        if t.cap {
            let first = self.name_start(p, h);
            if self.name_words(p, h) >= 2
                || self.title_before(p, first)
                || self.names.is_surname(&t.lower)
            {
                return SourceKind::Person;
            }
            if self.is(h, ROLE | TITLE) || !self.names.capital(self.toks, h) {
                return SourceKind::Anonymous;
            }
            return SourceKind::Organization;
        }
        SourceKind::Anonymous
    }

    /// The kind of phrase `p`, resolving pronouns from `mem`.
    pub fn describe(&self, p: Phrase, mem: &Memory) -> Described {
        let single = p.hi - p.lo == 1;
        if single && self.is(p.lo, PERSON_PRONOUN) {
            // The person named last, as a source or in the narration ("Ana Ruiz, 54, opened
            // the meeting. She said …").
            let spoke = mem
                .last_person
                .as_ref()
                .map(|(name, kind, at)| (name.clone(), *kind, *at));
            let named = self.names.person_before(p.lo).map(|(first, last)| {
                let (lo, hi) = (self.toks[first].start, self.toks[last].end);
                (
                    self.chars[lo..hi].iter().collect(),
                    SourceKind::Person,
                    first,
                )
            });
            let last = match (spoke, named) {
                (Some(s), Some(n)) => Some(if n.2 > s.2 { n } else { s }),
                (s, n) => s.or(n),
            };
            return match last {
                Some((name, kind, _)) => Described {
                    kind,
                    resolved: Some(name),
                    unresolved: false,
                },
                None => Described {
                    kind: SourceKind::Person,
                    resolved: None,
                    unresolved: true,
                },
            };
        }
        let pronoun = |last: &Option<(String, SourceKind)>, unknown| match last {
            Some((name, kind)) => Described {
                kind: *kind,
                resolved: Some(name.clone()),
                unresolved: false,
            },
            None => Described {
                kind: unknown,
                resolved: None,
                unresolved: true,
            },
        };
        if single && self.is(p.lo, GROUP_PRONOUN) {
            return pronoun(&mem.last_group, SourceKind::Anonymous);
        }
        Described {
            kind: self.classify_head(p),
            resolved: None,
            unresolved: false,
        }
    }
}
