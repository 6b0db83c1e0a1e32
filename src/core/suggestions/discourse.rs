//! From sentences to suggestions, in three linear passes:
//! 1. each sentence's attributions (names remembered for later pronouns and surnames), split
//!    into clauses where two sources share a sentence;
//! 2. a quotation of several sentences closed by one attribution becomes one claim;
//! 3. a quotation right after an attributed quotation, with no cue of its own, continues it.

use super::attribution::{find_hits, Att, Finder, Rule};
use super::clauses::split_point;
use super::lexicon::{Class, Lexicon};
use super::names::Names;
use super::sentences::{sentences, Sentence};
use super::sources::{Ctx, Described, Memory, Phrase};
use super::tokens::{tokenize, Kind, Mark, Token};
use super::{Span, SuggestedSource, Suggestion};
use crate::core::model::SourceKind;

/// One claim found, in tokens.
#[derive(Debug, Clone)]
struct Found {
    lo: usize,
    hi: usize,
    cue: Option<(usize, usize)>,
    source: Option<SuggestedSource>,
    kind: SourceKind,
    confidence: f32,
    /// Carries a quotation (so a quotation after it may continue it).
    quotes: bool,
}

fn confidence(att: &Att, d: &Described, anonymous_cue: bool) -> f32 {
    let base = match (att.rule, att.class) {
        (Rule::Adverb, _) => 0.55,
        (Rule::Colon, _) => 0.7,
        (Rule::Participle, _) => 0.7,
        (_, Class::SpeechClause | Class::Finding) => 0.8,
        (Rule::SourceAfter, _) | (_, Class::SubjectPhrase) => 0.85,
        _ => 0.9,
    };
    let pronoun = if d.unresolved {
        0.25
    } else if d.resolved.is_some() {
        0.1
    } else {
        0.0
    };
    let unnamed = if d.kind == SourceKind::Anonymous && !anonymous_cue {
        0.05
    } else {
        0.0
    };
    base - pronoun - unnamed
}

struct Pass<'a> {
    chars: &'a [char],
    toks: &'a [Token],
    lex: &'a Lexicon,
    names: &'a Names,
}

/// Which of two attributions with no clause between them names the claim: "according to"
/// names it even beside a verb of saying; "citing" and the rest only when nothing else does.
fn rank(att: &Att) -> u8 {
    match (att.class, att.rule) {
        (Class::SourceAfter, _) => 0,
        (_, Rule::Participle) => 4,
        (_, Rule::Adverb) => 5,
        (Class::Citing, _) => 3,
        (_, Rule::Colon) => 2,
        _ => 1,
    }
}

impl Pass<'_> {
    fn text(&self, lo: usize, hi: usize) -> String {
        self.chars[self.toks[lo].start..self.toks[hi - 1].end]
            .iter()
            .collect()
    }

    fn span(&self, lo: usize, hi: usize) -> Span {
        Span {
            start: self.toks[lo].start,
            end: self.toks[hi - 1].end,
        }
    }

    fn has_quote(&self, lo: usize, hi: usize) -> bool {
        self.toks[lo..hi]
            .iter()
            .any(|t| matches!(t.kind, Kind::OpenQuote | Kind::CloseQuote) || t.quoted)
    }

    fn finder<'m>(&'m self, marks: &'m [Mark]) -> Finder<'m> {
        Finder {
            ctx: Ctx {
                toks: self.toks,
                lex: self.lex,
                names: self.names,
                chars: self.chars,
                marks,
            },
        }
    }

    /// The sentence's attributions in text order, and whether it marks its source unnamed.
    fn attributions(&self, s: Sentence, marks: &mut [Mark], mem: &Memory) -> (Vec<Att>, bool) {
        let (hits, anonymous) = find_hits(self.toks, self.lex, s, marks);
        let resolve = |marks: &[Mark], mem: &Memory| -> Vec<Option<Att>> {
            let finder = self.finder(marks);
            hits.iter().map(|h| finder.resolve(s, *h, mem)).collect()
        };
        let mut resolved = resolve(marks, mem);
        // A cue that attributes nothing is an ordinary word: let source phrases run over it
        // ("the firm's listed office", where "listed" is no cue) and look again.
        if resolved.iter().any(Option::is_none) {
            for (h, r) in hits.iter().zip(&resolved) {
                if r.is_none() {
                    marks[h.lo..h.hi].fill(Mark::None);
                }
            }
            let again = resolve(marks, mem);
            resolved = again
                .into_iter()
                .zip(resolved)
                .map(|(a, first)| first.and(a))
                .collect();
        }
        let finder = self.finder(marks);
        let mut atts: Vec<Att> = resolved.into_iter().flatten().collect();
        // An unnamed-source phrase outside every source phrase speaks of the sentence's source
        // ("One official, speaking on condition of anonymity, said"); inside one, it is that
        // phrase's own ("citing people familiar with the matter").
        let inside = |i: usize| {
            atts.iter()
                .any(|a| a.source.is_some_and(|p| p.lo <= i && i < p.hi))
        };
        let anonymous = anonymous.iter().any(|&i| !inside(i));
        if atts.is_empty() {
            atts.extend(finder.colon(s));
        }
        let sourced = atts.iter().any(|a| a.source.is_some());
        let direct = atts
            .iter()
            .any(|a| a.source.is_some() && a.rule != Rule::Participle);
        atts.retain(|a| {
            (a.source.is_some() || !sourced) && (a.rule != Rule::Participle || !direct)
        });
        (atts, anonymous)
    }

    /// The sentence's claims, remembering its named sources.
    fn sentence(&self, s: Sentence, marks: &mut [Mark], mem: &mut Memory) -> Vec<Found> {
        let (atts, anonymous) = self.attributions(s, marks, mem);
        let finder = self.finder(marks);
        let mut found: Vec<(Att, Described, String)> = Vec::new();
        for att in atts {
            let d = match att.source {
                Some(p) => finder.ctx.describe(p, mem),
                None => Described {
                    kind: SourceKind::None,
                    resolved: None,
                    unresolved: false,
                },
            };
            // A person's name without what describes it after ("Prof. Ana Ruiz of the
            // institute" → "Prof. Ana Ruiz").
            let att = match att.source {
                Some(p) if d.kind == SourceKind::Person && d.resolved.is_none() => Att {
                    source: Some(Phrase {
                        lo: p.lo,
                        hi: finder.ctx.head(p) + 1,
                    }),
                    ..att
                },
                _ => att,
            };
            let text = match (att.source, &d.resolved) {
                (_, Some(name)) => name.clone(),
                (Some(p), None) => self.text(p.lo, p.hi),
                (None, None) => String::new(),
            };
            let same = found
                .last()
                .is_some_and(|(_, _, t)| t.to_lowercase() == text.to_lowercase());
            if !same {
                found.push((att, d, text));
            }
        }
        // Each later source opens a clause of its own where a join word allows it; where none
        // does, the sentence stays one claim of the earlier source.
        let mut clauses: Vec<(usize, usize)> = Vec::new();
        for (k, (att, _, _)) in found.iter().enumerate() {
            let Some(&(prev, _)) = clauses.last() else {
                clauses.push((k, s.lo));
                continue;
            };
            // Search only between neighbours, so a long sentence is read once.
            let a = &found[k - 1].0;
            let from = a.source.map_or(a.cue.1, |p| p.hi.max(a.cue.1));
            let a = &found[prev].0;
            let to = att.source.map_or(att.cue.0, |p| p.lo.min(att.cue.0));
            match split_point(self.toks, from, to.max(from)) {
                Some(at) => clauses.push((k, at)),
                None if rank(att) < rank(a) => {
                    if let Some(last) = clauses.last_mut() {
                        last.0 = k;
                    }
                }
                None => {}
            }
        }
        let mut out = Vec::new();
        for (c, &(k, lo)) in clauses.iter().enumerate() {
            let hi = clauses.get(c + 1).map_or(s.hi, |n| n.1);
            let (att, d, text) = &found[k];
            let mut kind = d.kind;
            if anonymous && kind != SourceKind::None {
                kind = SourceKind::Anonymous;
            }
            if let (Some(p), None) = (att.source, &d.resolved) {
                mem.remember(&finder.ctx, p, kind, text);
            }
            out.push(Found {
                lo,
                hi,
                cue: Some(att.cue),
                source: att.source.map(|p| SuggestedSource {
                    span: self.span(p.lo, p.hi),
                    text: text.clone(),
                }),
                kind,
                confidence: confidence(att, d, anonymous),
                quotes: self.has_quote(lo, hi),
            });
        }
        out
    }
}

fn open_at_end(toks: &[Token], s: Sentence) -> bool {
    let last = &toks[s.hi - 1];
    last.quoted || last.kind == Kind::OpenQuote
}

fn opens_quote(toks: &[Token], s: Sentence) -> bool {
    let first = &toks[s.lo];
    first.kind == Kind::OpenQuote || first.quoted
}

/// A claim carried by the quotation of an attributed one: same kind, no source of its own.
fn continuing(of: &Found, lo: usize, hi: usize) -> Found {
    Found {
        lo,
        hi,
        cue: None,
        source: None,
        kind: of.kind,
        confidence: (of.confidence - 0.3).max(0.3),
        quotes: true,
    }
}

pub(super) fn suggest_with(text: &str, lex: &Lexicon) -> Vec<Suggestion> {
    let chars: Vec<char> = text.chars().collect();
    let toks = tokenize(&chars, lex);
    let sents = sentences(&toks);
    let names = Names::scan(&toks, &sents);
    let pass = Pass {
        chars: &chars,
        toks: &toks,
        lex,
        names: &names,
    };
    let mut marks = vec![Mark::None; toks.len()];
    let mut mem = Memory::default();
    let mut per: Vec<Vec<Found>> = sents
        .iter()
        .map(|s| pass.sentence(*s, &mut marks, &mut mem))
        .collect();
    let mut merged = vec![false; sents.len()];
    // 2: a quotation opened in earlier sentences of the line and closed by an attributed one.
    // `owner[i]`: the sentence whose claim sentence `i` has joined.
    let mut owner: Vec<usize> = (0..sents.len()).collect();
    for i in (0..sents.len().saturating_sub(1)).rev() {
        let (s, next) = (sents[i], sents[i + 1]);
        let o = owner[i + 1];
        let joins = per[i].is_empty()
            && open_at_end(&toks, s)
            && toks[s.lo].line == toks[next.lo].line
            && per[o].len() == 1
            && per[o][0].lo == next.lo;
        if joins {
            per[o][0].lo = s.lo;
            merged[i] = true;
            owner[i] = o;
        }
    }
    // 3: continuations, then the merged claims in order.
    let claimed: Vec<bool> = per.iter().map(|p| !p.is_empty()).collect();
    let mut out: Vec<Found> = Vec::new();
    let mut i = 0;
    while i < sents.len() {
        let s = sents[i];
        if merged[i] {
            i += 1;
            continue;
        }
        // A quotation still open when its attributed sentence ends runs on in the same claim.
        let runs_on = |j: usize| {
            open_at_end(&toks, sents[j])
                && j + 1 < sents.len()
                && !claimed[j + 1]
                && !merged[j + 1]
                && toks[sents[j + 1].lo].line == toks[s.lo].line
        };
        if !per[i].is_empty() {
            out.append(&mut per[i]);
            let mut j = i;
            while runs_on(j) {
                j += 1;
            }
            if let Some(last) = out.last_mut().filter(|f| f.hi == s.hi) {
                last.hi = sents[j].hi;
            }
            i = j + 1;
            continue;
        }
        let prev = out
            .last()
            .filter(|f| f.quotes && i > 0 && f.hi == sents[i - 1].hi && opens_quote(&toks, s));
        if let Some(prev) = prev {
            let mut j = i;
            while runs_on(j) {
                j += 1;
            }
            let c = continuing(prev, s.lo, sents[j].hi);
            out.push(c);
            i = j + 1;
            continue;
        }
        i += 1;
    }
    out.into_iter()
        .map(|f| Suggestion {
            claim: pass.span(f.lo, f.hi),
            cue: f.cue.map(|(lo, hi)| pass.span(lo, hi)),
            source: f.source,
            source_kind: f.kind,
            confidence: f.confidence,
        })
        .collect()
}
