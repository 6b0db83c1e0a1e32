//! What the whole text says about capitals, in one pass before the rules: which capitals a
//! sentence start forces (and so say nothing), which words are names wherever they stand (seen
//! with a capital mid-sentence, never in lower case), and which words are people's surnames
//! (the last word of a run of capitalised words, "Mirjam de Vos" → vos).

use std::collections::HashSet;

use super::lexicon::*;
use super::sentences::Sentence;
use super::tokens::{Kind, Token};

#[derive(Debug, Default)]
pub(super) struct Names {
    /// The token's capital comes from where it stands (a sentence's or a quotation's start).
    forced: Vec<bool>,
    proper: HashSet<String>,
    common: HashSet<String>,
    surnames: HashSet<String>,
    /// People's names in the narration (runs of capitals not after a preposition, so not
    /// places): first and last token, in text order.
    people: Vec<(usize, usize)>,
}

impl Names {
    pub fn scan(toks: &[Token], sents: &[Sentence]) -> Names {
        let mut names = Names {
            forced: vec![false; toks.len()],
            ..Names::default()
        };
        for s in sents {
            if let Some(first) = (s.lo..s.hi).find(|&i| toks[i].is_word()) {
                names.forced[first] = true;
            }
        }
        for (i, t) in toks.iter().enumerate() {
            if i > 0 && toks[i - 1].kind == Kind::OpenQuote {
                names.forced[i] = true;
            }
            if !t.is_word() || t.digit {
                continue;
            }
            if !t.cap {
                names.common.insert(t.lower.clone());
            } else if !names.forced[i] {
                names.proper.insert(t.lower.clone());
            }
        }
        (names.surnames, names.people) = surnames(toks);
        names
    }

    /// The last person's name that ends before token `i`.
    pub fn person_before(&self, i: usize) -> Option<(usize, usize)> {
        let k = self.people.partition_point(|&(_, last)| last < i);
        k.checked_sub(1).map(|k| self.people[k])
    }

    /// A capital that shows a name.
    pub fn capital(&self, toks: &[Token], i: usize) -> bool {
        let t = &toks[i];
        t.acronym
            || t.cap
                && (!self.forced.get(i).copied().unwrap_or(false)
                    || self.proper.contains(&t.lower) && !self.common.contains(&t.lower))
    }

    pub fn is_surname(&self, lower: &str) -> bool {
        self.surnames.contains(lower)
    }
}

/// The last words of runs of two or more capitalised words that are not an organisation's,
/// a publication's or a document's name; and the runs that are people's names.
fn surnames(toks: &[Token]) -> (HashSet<String>, Vec<(usize, usize)>) {
    let mut out = HashSet::new();
    let mut people = Vec::new();
    let mut run: Vec<usize> = Vec::new();
    for i in 0..=toks.len() {
        let t = toks.get(i);
        let in_name = t.is_some_and(|t| {
            t.is_word()
                && !t.digit
                && ((t.cap && !t.is(DETERMINER)) || (!run.is_empty() && t.is(NAME_PARTICLE)))
        });
        if in_name {
            run.push(i);
            continue;
        }
        while run.last().is_some_and(|&j| toks[j].is(NAME_PARTICLE)) {
            run.pop();
        }
        if run.len() >= 2 {
            let last = &toks[run[run.len() - 1]];
            let named = !last.is(ORGANIZATION | PUBLICATION | DOCUMENT | ROLE);
            if named && !last.acronym {
                out.insert(last.lower.clone());
                let first = run[0];
                let placed = first > 0 && toks[first - 1].is_word() && toks[first - 1].is(NP_POST);
                if !placed {
                    people.push((first, run[run.len() - 1]));
                }
            }
        }
        run.clear();
    }
    (out, people)
}

#[cfg(test)]
mod tests {
    use super::super::sentences::sentences;
    use super::super::tokens::tokenize;
    use super::*;

    fn scan(text: &str) -> (Vec<Token>, Names) {
        let lex = Lexicon::english();
        let chars: Vec<char> = text.chars().collect();
        let toks = tokenize(&chars, lex);
        let sents = sentences(&toks);
        let names = Names::scan(&toks, &sents);
        (toks, names)
    }

    #[test]
    fn a_sentence_start_capital_shows_a_name_only_if_the_word_is_one_elsewhere() {
        let (toks, names) =
            scan("Forecasters said so. Lumina said no. Ask Lumina, forecasters say.");
        assert!(!names.capital(&toks, 0), "Forecasters");
        assert!(names.capital(&toks, 4), "Lumina");
    }

    #[test]
    fn surnames_come_from_runs_of_capitals_but_not_from_organisations() {
        let (_, names) =
            scan("Chief Executive Mirjam de Vos met the Harbor Police and Lorna Petit.");
        assert!(names.is_surname("vos") && names.is_surname("petit"));
        assert!(!names.is_surname("police") && !names.is_surname("de"));
    }

    #[test]
    fn people_are_runs_of_capitals_not_after_a_preposition() {
        let (toks, names) = scan("Ana Ruiz, 54, of Port Ellin spoke. Later she left.");
        let (first, last) = names.person_before(toks.len()).unwrap();
        assert_eq!(
            (toks[first].lower.as_str(), toks[last].lower.as_str()),
            ("ana", "ruiz")
        );
        assert_eq!(names.person_before(1), None);
    }
}
