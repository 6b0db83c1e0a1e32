//! The attribution patterns of one sentence: its cues (from the lexicon, outside quotations,
//! traps removed) and, for each, where its source stands: before a verb ("X said"), after it
//! ("…, said X"), in an apposition ("X, a spokeswoman, said"), after a phrase ("according to
//! X"), as the clause's subject of a participle ("…, saying"), or before a headline's colon.

use super::lexicon::*;
use super::sentences::Sentence;
use super::sources::{Ctx, Memory, Phrase};
use super::tokens::{phrase_at, Kind, Mark, Token};
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

/// The cues of sentence `s`, marking their tokens in `marks`. Also says where the sentence
/// marks a source as unnamed ("speaking on condition of anonymity").
pub(super) fn find_hits(
    toks: &[Token],
    lex: &Lexicon,
    s: Sentence,
    marks: &mut [Mark],
) -> (Vec<Hit>, Vec<usize>) {
    let mut hits = Vec::new();
    let mut anonymous = Vec::new();
    let mut i = s.lo;
    while i < s.hi {
        let t = &toks[i];
        if !t.is_word() || t.quoted {
            i += 1;
            continue;
        }
        let Some((class, len)) = phrase_at(lex, toks, i, s.hi) else {
            i += 1;
            continue;
        };
        let verb = matches!(class, Class::Speech | Class::SpeechClause | Class::Finding);
        if verb && !used_as_verb(toks, s, i) {
            i += len;
            continue;
        }
        match class {
            Class::Trap => {}
            Class::Anonymity => anonymous.push(i),
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

/// A verb form right after an article is a noun or an adjective ("the said agreement", "an
/// estimated cost"); a form that is often a noun is a verb only after a subject word.
fn used_as_verb(toks: &[Token], s: Sentence, i: usize) -> bool {
    let prev = (i > s.lo).then(|| &toks[i - 1]).filter(|t| t.is_word());
    if prev.is_some_and(|t| t.is(DETERMINER)) {
        return false;
    }
    if !toks[i].is(NOUN_FORM) {
        return true;
    }
    // "the report was": a noun, the subject of the verb after it.
    let next = toks.get(i + 1).filter(|t| i + 1 < s.hi && t.is_word());
    if next.is_some_and(|t| t.is(PASSIVE | NEGATION)) {
        return false;
    }
    prev.is_some_and(|t| {
        t.cap
            || t.is(PERSON_PRONOUN
                | GROUP_PRONOUN
                | ROLE
                | ORGANIZATION
                | PUBLICATION
                | DOCUMENT
                | ORG_VOICE
                | MODIFIER
                | RELATIVE)
    })
}

pub(super) struct Finder<'a> {
    pub ctx: Ctx<'a>,
}

impl Finder<'_> {
    fn toks(&self) -> &[Token] {
        self.ctx.toks
    }

    fn is(&self, i: usize, flags: u32) -> bool {
        self.toks()[i].is(flags)
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

    /// Skips modifiers back from a verb at `lo`. `None` when a negation or modal is among them
    /// (not said, or not yet), a form of "be" (a passive: "was reported"), or an attributing
    /// adverb ("X allegedly told": the claim is the author's hedge, not X's statement).
    fn skip_back(&self, s: Sentence, lo: usize) -> Option<usize> {
        let mut q = lo;
        while q > s.lo && self.toks()[q - 1].is_word() {
            let i = q - 1;
            if self.is(i, NEGATION | PASSIVE) || self.ctx.marks[i] == Mark::Adverb {
                return None;
            }
            if !self.is(i, MODIFIER) {
                break;
            }
            q -= 1;
        }
        Some(q)
    }

    /// "A, B, C, said": walking back over the comma-separated parts, a part that is a person's
    /// name; else the first part (the clause's subject) if it names a source; else the first
    /// middle part that does ("…, the company's report, released Tuesday, said").
    fn apposition(&self, s: Sentence, comma: usize) -> Option<Phrase> {
        let quote = |i: usize| matches!(self.toks()[i].kind, Kind::OpenQuote | Kind::CloseQuote);
        let mut end = comma;
        let mut fallback = None;
        for _ in 0..MAX_PARTS {
            let mut lo = end;
            while lo > s.lo
                && end - lo < MAX_APPOSITION
                && !self.toks()[lo - 1].is_punct(',')
                && !quote(lo - 1)
            {
                lo -= 1;
            }
            let middle = lo > s.lo && self.toks()[lo - 1].is_punct(',');
            let p = (lo < end).then(|| self.ctx.before(lo, end)).flatten();
            if !middle {
                let Some(p) = p else { return fallback };
                if let Some(name) = self.ctx.name_tail(p).filter(|_| !self.ctx.clean_start(p)) {
                    return Some(name);
                }
                return if self.ctx.source_like(p) {
                    Some(p)
                } else {
                    fallback
                };
            }
            if let Some(p) = p.filter(|p| p.lo == lo) {
                if self.ctx.is_name(p) {
                    return Some(p);
                }
                if fallback.is_none() && self.ctx.clean_start(p) && self.ctx.source_like(p) {
                    fallback = Some(p);
                }
            }
            end = lo - 1;
        }
        fallback
    }

    /// "…, said X": a source-like phrase that ends its clause. Right after a quotation any
    /// phrase is the speaker ("…," said the baker), and a name in apposition after it is
    /// the better source ("said the baker, Piet Vandermolen,").
    fn inverted(&self, s: Sentence, verb: (usize, usize)) -> Option<Phrase> {
        let p = self.ctx.after(verb.1, s.hi)?;
        let ends = |i: usize| {
            i == s.hi
                || matches!(
                    self.toks()[i].kind,
                    Kind::Punct(',' | '.' | ';' | '!' | '?' | '…' | '—' | '(') | Kind::CloseQuote
                )
        };
        let after_quote = verb.0 > s.lo && self.toks()[verb.0 - 1].kind == Kind::CloseQuote;
        if !ends(p.hi) || !self.ctx.clean_start(p) {
            return None;
        }
        if p.hi < s.hi && self.toks()[p.hi].is_punct(',') && !self.ctx.is_name(p) {
            let name = self.ctx.after(p.hi + 1, s.hi);
            if let Some(name) = name.filter(|n| ends(n.hi) && self.ctx.is_name(*n)) {
                return Some(name);
            }
        }
        (after_quote || self.ctx.source_like(p)).then_some(p)
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
            // "X, who said", "a study, which found", "a report that found".
            Some(t) if t.is_word() && self.is(q - 1, RELATIVE) => {
                if q - 1 > s.lo && self.toks()[q - 2].is_punct(',') {
                    return Some((Rule::Subject, self.apposition(s, q - 2)?));
                }
                Some((Rule::Subject, self.ctx.before(s.lo, q - 1)?))
            }
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
                if let Some(p) = self.inverted(s, (lo, hi)) {
                    return Some((Rule::Inverted, p));
                }
                let p = self.clause_subject(s)?;
                Some((Rule::Participle, p))
            }
            _ if verb => Some((Rule::Inverted, self.inverted(s, (lo, hi))?)),
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
            Class::SourceAfter | Class::Citing => {
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
        // A lone unknown word before a colon is a label ("Opinion:", "Update:").
        let h = self.ctx.head(p);
        let known = self.ctx.is_name(p)
            || self.is(h, ROLE | TITLE | ORGANIZATION | PUBLICATION | ORG_VOICE)
            || self.toks()[h].acronym;
        known.then_some(Att {
            rule: Rule::Colon,
            class: Class::Speech,
            cue: (c, c + 1),
            source: Some(p),
        })
    }
}

/// Longest part between commas ("…, who asked not to be named because …, said"), in tokens.
const MAX_APPOSITION: usize = 24;
/// Most comma-separated parts walked back over before a verb.
const MAX_PARTS: usize = 4;
/// Longest name before a headline's colon, in words.
const MAX_COLON_NAME: usize = 5;
