//! The attribution patterns of one sentence: its cues (from the lexicon, outside quotations,
//! traps removed) and, for each, where its source stands: before a verb ("X said"), after it
//! ("…, said X"), in an apposition ("X, a spokeswoman, said"), after a phrase ("according to
//! X"), as the clause's subject of a participle ("…, saying"), or before a headline's colon.

use super::lexicon::*;
use super::sentences::Sentence;
use super::sources::{Ctx, Memory, Phrase};
use super::tokens::{Kind, Mark, Token};
use crate::core::model::SourceKind;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Hit {
    pub class: Class,
    pub lo: usize,
    pub hi: usize,
}

/// How an attribution was found; it sets the confidence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Rule {
    /// "X said", "X declined to comment".
    Subject,
    /// "…, said X".
    Inverted,
    /// "…, saying": the clause's subject.
    Participle,
    /// "according to X".
    SourceAfter,
    /// "reportedly": no source.
    Adverb,
    /// "X: …" in a headline.
    Colon,
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Att {
    pub rule: Rule,
    pub class: Class,
    pub cue: (usize, usize),
    pub source: Option<Phrase>,
}

/// The cues of sentence `s`, marking their tokens in `marks`. Also says whether the sentence
/// marks its source as unnamed ("speaking on condition of anonymity").
pub(super) fn find_hits(
    toks: &[Token],
    lex: &Lexicon,
    s: Sentence,
    marks: &mut [Mark],
) -> (Vec<Hit>, bool) {
    let mut hits = Vec::new();
    let mut anonymous = false;
    let mut i = s.lo;
    while i < s.hi {
        let t = &toks[i];
        if !t.is_word() || t.quoted {
            i += 1;
            continue;
        }
        let Some((class, len)) = lex.phrase_at(toks, i, s.hi) else {
            i += 1;
            continue;
        };
        match class {
            Class::Trap => {}
            Class::Anonymity => anonymous = true,
            _ => {
                let mark = if class == Class::Adverb {
                    Mark::Adverb
                } else {
                    Mark::Cue
                };
                marks[i..i + len].fill(mark);
                hits.push(Hit {
                    class,
                    lo: i,
                    hi: i + len,
                });
            }
        }
        i += len;
    }
    (hits, anonymous)
}

pub(super) struct Finder<'a> {
    pub ctx: Ctx<'a>,
}

impl Finder<'_> {
    fn toks(&self) -> &[Token] {
        self.ctx.toks
    }

    fn is(&self, i: usize, flags: u32) -> bool {
        self.ctx.lex.is(&self.toks()[i].lower, flags)
    }

    /// Whether nothing but modifiers stands between `from` and the end of what a verb says:
    /// the verb reports a clause ("added that", "noted,", "…, she added.").
    fn clause_follows(&self, from: usize, s: Sentence) -> bool {
        let mut j = from;
        while j < s.hi && self.toks()[j].is_word() && self.is(j, MODIFIER) {
            j += 1;
        }
        let Some(t) = self.toks().get(j).filter(|_| j < s.hi) else {
            return true;
        };
        match t.kind {
            Kind::OpenQuote | Kind::CloseQuote => true,
            Kind::Punct(c) => matches!(c, ',' | ':' | '.' | '!' | '?' | '…' | ';' | '—'),
            Kind::Word => self.is(j, COMPLEMENTIZER),
        }
    }

    /// Skips modifiers back from a verb at `lo`; `None` when a negation or modal is among them.
    fn skip_back(&self, s: Sentence, lo: usize) -> Option<usize> {
        let mut q = lo;
        while q > s.lo && self.toks()[q - 1].is_word() {
            let i = q - 1;
            if self.is(i, NEGATION) {
                return None;
            }
            if !(self.is(i, MODIFIER) || self.ctx.marks[i] == Mark::Adverb) {
                break;
            }
            q -= 1;
        }
        Some(q)
    }

    /// "A, B, said": the name of the two, or else the first.
    fn apposition(&self, s: Sentence, comma: usize) -> Option<Phrase> {
        let c2 = (s.lo..comma)
            .rev()
            .take(MAX_APPOSITION)
            .take_while(|&i| !matches!(self.toks()[i].kind, Kind::OpenQuote | Kind::CloseQuote))
            .find(|&i| self.toks()[i].is_punct(','))?;
        let a = self.ctx.before(s.lo, c2)?;
        let b = self.ctx.after(c2 + 1, comma);
        match b {
            Some(b) if b.hi == comma && self.ctx.is_name(b) => Some(b),
            _ => Some(a),
        }
    }

    /// "…, said X": a source-like phrase that ends its clause.
    fn inverted(&self, s: Sentence, from: usize) -> Option<Phrase> {
        let p = self.ctx.after(from, s.hi)?;
        let ends = p.hi == s.hi
            || matches!(
                self.toks()[p.hi].kind,
                Kind::Punct(',' | '.' | ';' | '!' | '?' | '…' | '—' | '(') | Kind::CloseQuote
            );
        (ends && self.ctx.source_like(p)).then_some(p)
    }

    /// The subject that opens the clause, for a participle ("The ministry …, saying").
    fn clause_subject(&self, s: Sentence) -> Option<Phrase> {
        let start = (s.lo..s.hi).find(|&i| self.toks()[i].is_word())?;
        let mut e = start;
        while e < s.hi
            && self.toks()[e].is_word()
            && (self.toks()[e].cap
                || self.is(e, DETERMINER | ROLE | ORGANIZATION | PUBLICATION | DOCUMENT))
        {
            e += 1;
        }
        let p = Phrase { lo: start, hi: e };
        (e > start && self.ctx.source_like(p)).then_some(p)
    }

    /// Where the source of a cue at `lo..hi` stands. `None` when the cue has none here, or its
    /// subject is the author ("I think").
    fn source_of(&self, s: Sentence, lo: usize, hi: usize, verb: bool) -> Option<(Rule, Phrase)> {
        let q = self.skip_back(s, lo)?;
        let prev = (q > s.lo).then(|| &self.toks()[q - 1]);
        match prev {
            Some(t) if t.is_word() => {
                let p = self.ctx.before(s.lo, q)?;
                (!self.ctx.is_first_person(p)).then_some((Rule::Subject, p))
            }
            Some(t) if t.is_punct(',') => {
                if let Some(p) = self.apposition(s, q - 1) {
                    return Some((Rule::Subject, p));
                }
                if !verb {
                    return None;
                }
                if let Some(p) = self.inverted(s, hi) {
                    return Some((Rule::Inverted, p));
                }
                let p = self.clause_subject(s)?;
                Some((Rule::Participle, p))
            }
            _ if verb => Some((Rule::Inverted, self.inverted(s, hi)?)),
            _ => None,
        }
    }

    /// One cue's attribution, or `None` when the cue does not attribute here.
    pub fn resolve(&self, s: Sentence, hit: Hit, mem: &Memory) -> Option<Att> {
        let att = |rule, source| Att {
            rule,
            class: hit.class,
            cue: (hit.lo, hit.hi),
            source,
        };
        match hit.class {
            Class::Adverb => Some(att(Rule::Adverb, None)),
            Class::SourceAfter => {
                let p = self.ctx.after(hit.hi, s.hi)?;
                Some(att(Rule::SourceAfter, Some(p)))
            }
            Class::SubjectPhrase => {
                let (rule, p) = self.source_of(s, hit.lo, hit.hi, false)?;
                Some(att(rule, Some(p)))
            }
            Class::Speech | Class::SpeechClause | Class::Finding => {
                let (rule, p) = self.source_of(s, hit.lo, hit.hi, true)?;
                let needs_clause = match hit.class {
                    Class::SpeechClause => rule != Rule::Inverted,
                    Class::Finding => self.ctx.describe(p, mem).kind != SourceKind::Document,
                    _ => rule == Rule::Participle,
                };
                if needs_clause && !self.clause_follows(hit.hi, s) {
                    return None;
                }
                Some(att(rule, Some(p)))
            }
            Class::Anonymity | Class::Trap => None,
        }
    }

    /// "Mayor: bridge will open": a headline's short name before a colon.
    pub fn colon(&self, s: Sentence) -> Option<Att> {
        if !s.headline {
            return None;
        }
        let c =
            (s.lo..s.hi.min(s.lo + MAX_COLON_NAME + 1)).find(|&i| self.toks()[i].is_punct(':'))?;
        let p = self.ctx.after(s.lo, c).filter(|p| p.hi == c)?;
        self.ctx.source_like(p).then_some(Att {
            rule: Rule::Colon,
            class: Class::Speech,
            cue: (c, c + 1),
            source: Some(p),
        })
    }
}

/// Longest apposition between commas ("…, a spokeswoman for the ministry, said"), in tokens.
const MAX_APPOSITION: usize = 14;
/// Longest name before a headline's colon, in words.
const MAX_COLON_NAME: usize = 5;
