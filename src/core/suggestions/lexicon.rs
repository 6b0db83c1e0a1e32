//! The suggester's words, read from a data file (`lexicon/en.txt`): the code names sections,
//! never words, so another language is another data file.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::core::ordering;

/// What a cue phrase does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Class {
    /// A verb of saying.
    Speech,
    /// A verb of saying only before a reported clause.
    SpeechClause,
    /// A verb of finding (documents show, a study found).
    Finding,
    /// The source follows ("according to").
    SourceAfter,
    /// A source behind the sentence's own follows ("citing").
    Citing,
    /// The source precedes a fixed phrase ("declined to comment").
    SubjectPhrase,
    /// Attribution without a source ("reportedly").
    Adverb,
    /// Marks a source as unnamed.
    Anonymity,
    /// Looks like attribution and is not.
    Trap,
}

/// How an abbreviation's full stop behaves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Abbrev {
    /// Never ends a sentence (titles, initials).
    Title,
    /// Does not end a sentence before a number (months).
    BeforeNumber,
    /// Ends a sentence only before a sentence starter.
    MayEnd,
}

pub(super) const STARTER: u32 = 1;
pub(super) const MODIFIER: u32 = 1 << 1;
pub(super) const NEGATION: u32 = 1 << 2;
pub(super) const NP_STOP: u32 = 1 << 3;
pub(super) const NP_POST: u32 = 1 << 4;
pub(super) const COMPLEMENTIZER: u32 = 1 << 5;
pub(super) const STRONG_JOIN: u32 = 1 << 6;
pub(super) const WEAK_JOIN: u32 = 1 << 7;
pub(super) const FIRST_PERSON: u32 = 1 << 8;
pub(super) const PERSON_PRONOUN: u32 = 1 << 9;
pub(super) const GROUP_PRONOUN: u32 = 1 << 10;
pub(super) const DETERMINER: u32 = 1 << 11;
pub(super) const PUBLICATION: u32 = 1 << 12;
pub(super) const DOCUMENT: u32 = 1 << 13;
pub(super) const ORGANIZATION: u32 = 1 << 14;
pub(super) const ORG_VOICE: u32 = 1 << 15;
pub(super) const ROLE: u32 = 1 << 16;
pub(super) const TITLE: u32 = 1 << 17;
pub(super) const PASSIVE: u32 = 1 << 18;
pub(super) const NOUN_FORM: u32 = 1 << 19;
pub(super) const RELATIVE: u32 = 1 << 20;
pub(super) const NAME_PARTICLE: u32 = 1 << 21;

const WORD_SECTIONS: [(&str, u32); 22] = [
    ("passive", PASSIVE),
    ("noun_forms", NOUN_FORM),
    ("relatives", RELATIVE),
    ("name_particles", NAME_PARTICLE),
    ("starters", STARTER),
    ("modifiers", MODIFIER),
    ("negations", NEGATION),
    ("np_stops", NP_STOP),
    ("np_post", NP_POST),
    ("complementizers", COMPLEMENTIZER),
    ("strong_joins", STRONG_JOIN),
    ("weak_joins", WEAK_JOIN),
    ("first_person", FIRST_PERSON),
    ("person_pronouns", PERSON_PRONOUN),
    ("group_pronouns", GROUP_PRONOUN),
    ("determiners", DETERMINER),
    ("publications", PUBLICATION),
    ("documents", DOCUMENT),
    ("organizations", ORGANIZATION),
    ("org_voices", ORG_VOICE),
    ("roles", ROLE),
    ("titles", TITLE),
];

const PHRASE_SECTIONS: [(&str, Class); 9] = [
    ("speech", Class::Speech),
    ("citing", Class::Citing),
    ("speech_clause", Class::SpeechClause),
    ("finding", Class::Finding),
    ("source_after", Class::SourceAfter),
    ("subject_phrase", Class::SubjectPhrase),
    ("adverb", Class::Adverb),
    ("anonymity", Class::Anonymity),
    ("trap", Class::Trap),
];

const ABBREV_SECTIONS: [(&str, Abbrev); 3] = [
    ("abbrev_title", Abbrev::Title),
    ("abbrev_number", Abbrev::BeforeNumber),
    ("abbrev_may_end", Abbrev::MayEnd),
];

#[derive(Debug)]
struct Phrase {
    /// The words after the first.
    rest: Vec<String>,
    class: Class,
}

/// One language's words.
#[derive(Debug, Default)]
pub struct Lexicon {
    /// By first word, longest first.
    phrases: HashMap<String, Vec<Phrase>>,
    abbrevs: HashMap<String, Abbrev>,
    sets: HashMap<String, u32>,
}

enum Section {
    None,
    Words(u32),
    Phrases(Class),
    Abbrevs(Abbrev),
}

impl Lexicon {
    /// The English lexicon, parsed once.
    pub fn english() -> &'static Lexicon {
        static EN: OnceLock<Lexicon> = OnceLock::new();
        EN.get_or_init(|| {
            Lexicon::parse(include_str!("lexicon/en.txt"))
                .expect("the bundled English lexicon is checked by its tests")
        })
    }

    /// Reads a lexicon file; a bad line gets a message naming it.
    pub fn parse(data: &str) -> Result<Lexicon, String> {
        let mut lex = Lexicon::default();
        let mut section = Section::None;
        for (n, raw) in data.lines().enumerate() {
            let line = raw.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                section = section_named(name)
                    .ok_or_else(|| format!("line {}: unknown section [{name}]", n + 1))?;
                continue;
            }
            for entry in line.split(',').map(str::trim).filter(|e| !e.is_empty()) {
                let entry = entry.to_lowercase();
                match section {
                    Section::None => {
                        return Err(format!("line {}: an entry before any section", n + 1))
                    }
                    Section::Words(flag) => {
                        *lex.sets.entry(word_key(&entry)).or_default() |= flag;
                    }
                    Section::Abbrevs(kind) => {
                        lex.abbrevs.insert(word_key(&entry), kind);
                    }
                    Section::Phrases(class) => lex.add_phrase(&entry, class, n + 1)?,
                }
            }
        }
        for list in lex.phrases.values_mut() {
            ordering::sort_by_key(list, |p| std::cmp::Reverse(p.rest.len()));
        }
        Ok(lex)
    }

    fn add_phrase(&mut self, entry: &str, class: Class, line: usize) -> Result<(), String> {
        let mut words = entry.split_whitespace().map(str::to_string);
        let first = words.next().unwrap_or_default();
        let rest: Vec<String> = words.collect();
        let list = self.phrases.entry(first).or_default();
        if let Some(old) = list.iter().find(|p| p.rest == rest) {
            if old.class != class {
                return Err(format!("line {line}: \"{entry}\" is in two sections"));
            }
            return Ok(());
        }
        list.push(Phrase { rest, class });
        Ok(())
    }

    /// Every set holding `word` (lower case).
    pub(super) fn flags(&self, word: &str) -> u32 {
        self.sets.get(word).copied().unwrap_or(0)
    }

    pub(crate) fn abbrev(&self, word: &str) -> Option<Abbrev> {
        self.abbrevs.get(word).copied()
    }

    /// The phrases starting with `word`, longest first: the words after the first, and the
    /// phrase's class.
    pub(super) fn phrases(&self, word: &str) -> impl Iterator<Item = (&[String], Class)> {
        self.phrases
            .get(word)
            .into_iter()
            .flatten()
            .map(|p| (p.rest.as_slice(), p.class))
    }
}

/// Entries are stored without an abbreviation's final full stop, as tokens are.
fn word_key(entry: &str) -> String {
    entry.strip_suffix('.').unwrap_or(entry).to_string()
}

fn section_named(name: &str) -> Option<Section> {
    if let Some((_, f)) = WORD_SECTIONS.iter().find(|(n, _)| *n == name) {
        return Some(Section::Words(*f));
    }
    if let Some((_, c)) = PHRASE_SECTIONS.iter().find(|(n, _)| *n == name) {
        return Some(Section::Phrases(*c));
    }
    ABBREV_SECTIONS
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, a)| Section::Abbrevs(*a))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_english_lexicon_parses_and_holds_every_section() {
        let lex = Lexicon::parse(include_str!("lexicon/en.txt")).unwrap();
        for (_, flag) in WORD_SECTIONS {
            assert!(lex.sets.values().any(|f| f & flag != 0), "empty set {flag}");
        }
        for (_, class) in PHRASE_SECTIONS {
            assert!(lex.phrases.values().flatten().any(|p| p.class == class));
        }
        assert_eq!(lex.abbrev("u.s"), Some(Abbrev::MayEnd));
        assert_eq!(lex.abbrev("dr"), Some(Abbrev::Title));
        assert!(lex.phrases.contains_key("said"));
        assert!(lex.flags("the") & DETERMINER != 0);
    }

    #[test]
    fn a_bad_lexicon_gets_a_message_naming_the_line() {
        let err = Lexicon::parse("[speech]\nsay\n[nonsense]\n").unwrap_err();
        assert!(err.contains("line 3") && err.contains("nonsense"), "{err}");
        let err = Lexicon::parse("say\n").unwrap_err();
        assert!(err.contains("line 1"), "{err}");
        let err = Lexicon::parse("[speech]\nsay\n[trap]\nsay\n").unwrap_err();
        assert!(err.contains("two sections"), "{err}");
    }

    #[test]
    fn another_language_is_only_another_file() {
        let lex = Lexicon::parse("[speech]\ndijo, dice\n[source_after]\nsegún\n").unwrap();
        let got = super::super::suggest_with("El ministro dijo que no habrá cambios.", &lex);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].source.as_ref().unwrap().text, "El ministro");
    }
}
