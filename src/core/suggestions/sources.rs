//! The source phrase of an attribution and its kind. A phrase is a run of words that stops at
//! punctuation, a quotation, a clause word or a cue; its head is its last word before anything
//! that describes it ("documents obtained by the Post" → documents). The kind follows the head,
//! with names recognised by capitals and by what came earlier in the text.

use std::collections::HashSet;

use super::lexicon::*;
use super::tokens::{Mark, Token};
use crate::core::model::SourceKind;

/// Longest source phrase, in words; longer runs are narration, not a name.
const MAX_PHRASE: usize = 12;

/// A source phrase: token indices, end exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Phrase {
    pub lo: usize,
    pub hi: usize,
}

/// What the text has named so far: the last person and group, and people's surnames.
#[derive(Debug, Default)]
pub(super) struct Memory {
    pub last_person: Option<String>,
    pub last_group: Option<(String, SourceKind)>,
    surnames: HashSet<String>,
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
    /// Tokens that are cues (a phrase never runs over one).
    pub marks: &'a [Mark],
}

impl Memory {
    /// Keeps a named source for later pronouns and surnames.
    pub fn remember(&mut self, ctx: &Ctx, p: Phrase, kind: SourceKind, text: &str) {
        match kind {
            SourceKind::Person => {
                let h = ctx.head(p);
                if ctx.toks[h].cap {
                    self.surnames.insert(ctx.toks[h].lower.clone());
                    self.last_person = Some(text.to_string());
                }
            }
            SourceKind::Organization | SourceKind::Publication => {
                self.last_group = Some((text.to_string(), kind));
            }
            _ => {}
        }
    }
}

impl Ctx<'_> {
    fn is(&self, i: usize, flags: u32) -> bool {
        self.lex.is(&self.toks[i].lower, flags)
    }

    /// Can token `i` belong to a source phrase at all?
    fn phrase_word(&self, i: usize) -> bool {
        let t = &self.toks[i];
        t.is_word() && !t.quoted && self.marks[i] == Mark::None && !self.is(i, NP_STOP)
    }

    /// "and" joins two names ("Smith and Jones"), not two clauses.
    fn joins_names(&self, i: usize, lo: usize, hi: usize) -> bool {
        i > lo && i + 1 < hi && self.toks[i - 1].cap && self.toks[i + 1].cap
    }

    /// The phrase ending at token `end - 1`, not reaching before `lo`.
    pub fn before(&self, lo: usize, end: usize) -> Option<Phrase> {
        let mut s = end;
        while s > lo && end - s < MAX_PHRASE {
            let i = s - 1;
            if !(self.phrase_word(i) || (self.is(i, WEAK_JOIN) && self.joins_names(i, lo, end))) {
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
        Some(Phrase { lo: s, hi: end })
    }

    /// The phrase starting at token `start`, not reaching `hi`.
    pub fn after(&self, start: usize, hi: usize) -> Option<Phrase> {
        let mut e = start;
        while e < hi
            && e - start < MAX_PHRASE
            && (self.phrase_word(e) || (self.is(e, WEAK_JOIN) && self.joins_names(e, start, hi)))
        {
            e += 1;
        }
        (e > start).then_some(Phrase { lo: start, hi: e })
    }

    /// The head word: the last word before what describes the phrase.
    pub fn head(&self, p: Phrase) -> usize {
        let mut h = p.lo;
        for i in p.lo..p.hi {
            if i > p.lo && self.is(i, NP_POST) {
                break;
            }
            h = i;
        }
        h
    }

    /// A run of capitalised words ending at the head, not counting a sentence's first word
    /// unless a second capital follows it.
    fn name_words(&self, p: Phrase, head: usize) -> usize {
        let mut n = 0;
        let mut i = head + 1;
        while i > p.lo && self.toks[i - 1].cap && !self.is(i - 1, DETERMINER) {
            n += 1;
            i -= 1;
        }
        n
    }

    fn title_before(&self, p: Phrase, first_name: usize) -> bool {
        first_name > p.lo && self.is(first_name - 1, TITLE)
            || self.toks[first_name].abbrev.is_some() && self.is(first_name, TITLE)
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

    /// The phrase is one capitalised name (for an appositive: "…, Maria Lopez, said").
    pub fn is_name(&self, p: Phrase) -> bool {
        (p.lo..p.hi).all(|i| self.toks[i].cap)
            && self.classify_head(p, &Memory::default()) == SourceKind::Person
    }

    fn classify_head(&self, p: Phrase, mem: &Memory) -> SourceKind {
        let h = self.head(p);
        let t = &self.toks[h];
        let anonymity = |i: usize| {
            self.lex
                .phrase_at(self.toks, i, p.hi)
                .is_some_and(|(c, _)| c == Class::Anonymity)
        };
        if (p.lo..p.hi).any(anonymity) {
            return SourceKind::Anonymous;
        }
        if self.is(h, PUBLICATION) && (t.cap || (p.lo..h).any(|i| self.toks[i].cap)) {
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
        if t.cap {
            let names = self.name_words(p, h);
            let first = h + 1 - names.max(1);
            if t.acronym {
                return SourceKind::Organization;
            }
            if names >= 2 || self.title_before(p, first) || mem.surnames.contains(&t.lower) {
                return SourceKind::Person;
            }
            if self.is(h, ROLE | TITLE) {
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
            return match &mem.last_person {
                Some(name) => Described {
                    kind: SourceKind::Person,
                    resolved: Some(name.clone()),
                    unresolved: false,
                },
                None => Described {
                    kind: SourceKind::Person,
                    resolved: None,
                    unresolved: true,
                },
            };
        }
        if single && self.is(p.lo, GROUP_PRONOUN) {
            return match &mem.last_group {
                Some((name, kind)) => Described {
                    kind: *kind,
                    resolved: Some(name.clone()),
                    unresolved: false,
                },
                None => Described {
                    kind: SourceKind::Anonymous,
                    resolved: None,
                    unresolved: true,
                },
            };
        }
        Described {
            kind: self.classify_head(p, mem),
            resolved: None,
            unresolved: false,
        }
    }
}
