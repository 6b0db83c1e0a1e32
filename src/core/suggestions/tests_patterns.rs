//! One test per attribution pattern, on sentences written for these tests.

use super::*;
use crate::core::model::SourceKind as K;

/// (claim, source text, kind) of every suggestion.
pub(super) fn found(text: &str) -> Vec<(String, Option<String>, K)> {
    let chars: Vec<char> = text.chars().collect();
    let cut = |s: Span| chars[s.start..s.end].iter().collect::<String>();
    suggest(text)
        .into_iter()
        .map(|s| {
            (
                cut(s.claim),
                s.source.map(|src| {
                    assert!(!cut(src.span).is_empty());
                    src.text
                }),
                s.source_kind,
            )
        })
        .collect()
}

fn one(text: &str) -> (String, Option<String>, K) {
    let mut all = found(text);
    assert_eq!(all.len(), 1, "{all:?}");
    all.remove(0)
}

fn source_of(text: &str) -> (String, K) {
    let (_, src, kind) = one(text);
    (src.expect("a source"), kind)
}

#[test]
fn x_said_names_a_person() {
    let (claim, src, kind) =
        one("The bridge opens in May. Mayor Tom Reyes said the work was on time.");
    assert_eq!(claim, "Mayor Tom Reyes said the work was on time.");
    assert_eq!((src.as_deref(), kind), (Some("Mayor Tom Reyes"), K::Person));
}

#[test]
fn every_form_of_a_cue_verb_counts() {
    for verb in [
        "says",
        "told reporters",
        "wrote",
        "announced",
        "denied",
        "argued",
        "estimated",
        "claimed",
    ] {
        let text = format!("Priya Nair {verb} that the plant would close.");
        assert_eq!(source_of(&text), ("Priya Nair".into(), K::Person), "{verb}");
    }
}

#[test]
fn a_trailing_attribution_after_a_comma() {
    assert_eq!(
        source_of("The plant will close in June, Priya Nair said."),
        ("Priya Nair".into(), K::Person)
    );
    assert_eq!(
        source_of("The plant will close in June, said Priya Nair, who runs it."),
        ("Priya Nair".into(), K::Person)
    );
}

#[test]
fn an_inverted_attribution_after_a_quote() {
    let (claim, src, kind) = one("\"We were close,\" said Dr. Helena Oduya, the mediator.");
    assert_eq!(
        claim,
        "\"We were close,\" said Dr. Helena Oduya, the mediator."
    );
    assert_eq!(
        (src.as_deref(), kind),
        (Some("Dr. Helena Oduya"), K::Person)
    );
}

#[test]
fn according_to_takes_the_phrase_after_it() {
    assert_eq!(
        source_of("Exports fell 4 percent, according to the Trade Ministry."),
        ("the Trade Ministry".into(), K::Organization)
    );
}

#[test]
fn citing_takes_the_phrase_after_it() {
    assert_eq!(
        source_of("The port will shut for a week, citing internal records."),
        ("internal records".into(), K::Document)
    );
}

#[test]
fn a_publication_reported() {
    assert_eq!(
        source_of("The Harbor Times reported on Monday that the mayor would resign."),
        ("The Harbor Times".into(), K::Publication)
    );
}

#[test]
fn reportedly_and_allegedly_have_no_source() {
    let (claim, src, kind) = one("The minister reportedly resigned on Friday.");
    assert_eq!(claim, "The minister reportedly resigned on Friday.");
    assert_eq!((src, kind), (None, K::None));
    assert_eq!(one("The money was allegedly moved abroad.").2, K::None);
}

#[test]
fn documents_show_and_documents_obtained_by() {
    assert_eq!(
        source_of("U.S. government documents obtained by the Post show the plan was dropped."),
        (
            "U.S. government documents obtained by the Post".into(),
            K::Document
        )
    );
    assert_eq!(
        source_of("Court records show the firm owed $1.1 million.").1,
        K::Document
    );
}

#[test]
fn a_study_found() {
    assert_eq!(
        source_of("A study published in March found that the drug cut deaths by a third."),
        ("A study published in March".into(), K::Document)
    );
    assert_eq!(
        source_of("A new survey suggests most parents support the change.").1,
        K::Document
    );
}

#[test]
fn people_familiar_with_the_matter_are_anonymous() {
    assert_eq!(
        source_of("The deal could close this week, people familiar with the matter said."),
        ("people familiar with the matter".into(), K::Anonymous)
    );
}

#[test]
fn speaking_on_condition_of_anonymity_makes_the_source_anonymous() {
    assert_eq!(
        one("One official, speaking on condition of anonymity, said the talks had stalled.").2,
        K::Anonymous
    );
}

#[test]
fn was_quoted_as_saying() {
    assert_eq!(
        source_of("Lena Park was quoted as saying the vote was rigged."),
        ("Lena Park".into(), K::Person)
    );
}

#[test]
fn declined_to_comment_records_the_answer() {
    assert_eq!(
        source_of("A spokesman for Halvard Shipping declined to comment."),
        ("A spokesman for Halvard Shipping".into(), K::Organization)
    );
}

#[test]
fn headline_papers_show() {
    let (claim, src, kind) = one("Harbor bridge costs doubled, council papers show\n\nThe rest.");
    assert_eq!(claim, "Harbor bridge costs doubled, council papers show");
    assert_eq!(
        (src.as_deref(), kind),
        (Some("council papers"), K::Document)
    );
}

#[test]
fn headline_x_says() {
    assert_eq!(
        source_of("Mayor says bridge will open in spring\n\nText follows here."),
        ("Mayor".into(), K::Anonymous)
    );
}

#[test]
fn headline_name_and_colon() {
    let (claim, src, kind) = one("Mayor Reyes: bridge will open in spring\n\nText follows.");
    assert_eq!(claim, "Mayor Reyes: bridge will open in spring");
    assert_eq!((src.as_deref(), kind), (Some("Mayor Reyes"), K::Person));
}

#[test]
fn a_quote_after_an_attributed_quote_continues_it() {
    let all =
        found("\"We will appeal,\" Ana Duarte said. \"The ruling is wrong.\" The court closed.");
    assert_eq!(all.len(), 2, "{all:?}");
    assert_eq!(all[1], ("\"The ruling is wrong.\"".into(), None, K::Person));
}

#[test]
fn a_quote_of_several_sentences_closed_by_one_attribution_is_one_claim() {
    let (claim, src, _) = one("\"We waited. We asked. Nobody came,\" said Omar Haddad.");
    assert_eq!(
        claim,
        "\"We waited. We asked. Nobody came,\" said Omar Haddad."
    );
    assert_eq!(src.as_deref(), Some("Omar Haddad"));
}

#[test]
fn a_quote_continued_in_the_next_paragraph() {
    let all = found("\"We will appeal,\" Ana Duarte said.\n\n\"We have the numbers.\"");
    assert_eq!(all.len(), 2, "{all:?}");
    assert_eq!(all[1].0, "\"We have the numbers.\"");
}

#[test]
fn a_pronoun_stands_for_the_last_named_person() {
    let all = found("Ana Duarte said the vote was fair. She added that a recount was not needed.");
    assert_eq!(all.len(), 2, "{all:?}");
    assert_eq!(all[1].1.as_deref(), Some("Ana Duarte"));
    assert_eq!(all[1].2, K::Person);
}

#[test]
fn a_surname_stands_for_the_named_person() {
    let all = found("Ana Duarte spoke first. Duarte said the vote was fair.");
    assert_eq!(
        all,
        [(
            "Duarte said the vote was fair.".into(),
            Some("Duarte".into()),
            K::Person
        )]
    );
    let all = found("Ana Duarte said it was fair. Later, Duarte said it was over.");
    assert_eq!(all[1].2, K::Person);
}

#[test]
fn an_apposition_keeps_the_name() {
    assert_eq!(
        source_of("Maria Lopez, a spokeswoman for the ministry, said the road was closed."),
        ("Maria Lopez".into(), K::Person)
    );
    assert_eq!(
        source_of("The road was closed, Maria Lopez, a spokeswoman, said."),
        ("Maria Lopez".into(), K::Person)
    );
}

#[test]
fn a_spokesperson_speaks_for_the_organization_and_police_are_one() {
    assert_eq!(
        one("The road was closed, a ministry spokeswoman said.").2,
        K::Organization
    );
    assert_eq!(
        one("Two men were arrested, police said.").2,
        K::Organization
    );
}

#[test]
fn unnamed_people_are_anonymous() {
    assert_eq!(
        one("The talks stalled, a senior Western diplomat said.").2,
        K::Anonymous
    );
    assert_eq!(
        one("Several parents said the school was cold.").2,
        K::Anonymous
    );
}

#[test]
fn two_claims_in_one_sentence_are_two_clauses() {
    let all = found("Ortiz said the deal was dead, while Brandt said talks would resume.");
    let claims: Vec<&str> = all.iter().map(|c| c.0.as_str()).collect();
    assert_eq!(
        claims,
        [
            "Ortiz said the deal was dead,",
            "while Brandt said talks would resume."
        ]
    );
    let all = found("The deal is dead, Ortiz said, but talks will resume, Brandt countered.");
    let claims: Vec<&str> = all.iter().map(|c| c.0.as_str()).collect();
    assert_eq!(
        claims,
        [
            "The deal is dead, Ortiz said,",
            "but talks will resume, Brandt countered."
        ]
    );
}

#[test]
fn an_acronym_is_an_organization_and_a_lone_name_too() {
    assert_eq!(
        one("NATO said the drills would go ahead.").2,
        K::Organization
    );
    assert_eq!(
        one("Shares of Halvard fell. Halvard said its profit rose.").2,
        K::Organization
    );
    // A capital forced by the sentence start shows no name.
    assert_eq!(one("Forecasters said the rain would ease.").2, K::Anonymous);
}

#[test]
fn spans_are_code_points() {
    let text = "Café prices rose — “a lot,” Zoë Brandt said.";
    let s = &suggest(text)[0];
    assert_eq!(
        s.claim,
        Span {
            start: 0,
            end: text.chars().count()
        }
    );
    let src = s.source.as_ref().unwrap();
    let chars: Vec<char> = text.chars().collect();
    assert_eq!(
        chars[src.span.start..src.span.end]
            .iter()
            .collect::<String>(),
        "Zoë Brandt"
    );
    let cue = s.cue.unwrap();
    assert_eq!(chars[cue.start..cue.end].iter().collect::<String>(), "said");
}

#[test]
fn confidence_is_higher_for_an_explicit_named_source() {
    let named = suggest("Ana Duarte said the vote was fair.")[0].confidence;
    let pronoun = suggest("He said the vote was fair.")[0].confidence;
    let adverb = suggest("The vote was reportedly rigged.")[0].confidence;
    assert!(
        named > pronoun && pronoun > adverb,
        "{named} {pronoun} {adverb}"
    );
}

#[test]
fn after_a_quote_the_phrase_after_said_is_the_speaker_and_a_name_beats_a_role() {
    assert_eq!(
        source_of("\"It's what you do,\" said the baker, Piet Vandermolen, who runs the shop."),
        ("Piet Vandermolen".into(), K::Person)
    );
    assert_eq!(
        source_of("\"It's what you do,\" said the baker.").0,
        "the baker"
    );
}

#[test]
fn a_quote_open_when_its_attributed_sentence_ends_runs_on_in_the_claim() {
    let (claim, _, _) =
        one("She added: \"Most can walk a mile. Few can run one.\" The race began.");
    assert_eq!(
        claim,
        "She added: \"Most can walk a mile. Few can run one.\""
    );
}

#[test]
fn the_head_of_a_source_phrase_is_its_source_noun_before_a_participle() {
    assert_eq!(
        source_of("Prices rose, according to a tally kept by the Red Cross.").1,
        K::Document
    );
}

#[test]
fn citing_unnamed_people_leaves_the_reporting_publication_the_source() {
    assert_eq!(
        source_of("Citing two people familiar with the matter, the Tech Ledger reported the sale."),
        ("the Tech Ledger".into(), K::Publication)
    );
}

#[test]
fn a_relative_speaks_for_the_phrase_before_it() {
    assert_eq!(
        source_of("Prices fell, according to Lorna Petit, 67, a nurse, who said rents rose.").0,
        "Lorna Petit"
    );
    assert_eq!(
        source_of(
            "The case began with a 2024 study from Northfield University, which found leaks."
        )
        .1,
        K::Document
    );
}

#[test]
fn a_hedging_adverb_between_subject_and_verb_leaves_no_source() {
    assert_eq!(
        one("Pruitt allegedly told the board that he would stay.").2,
        K::None
    );
}

#[test]
fn a_time_phrase_before_the_subject_is_not_part_of_the_source() {
    assert_eq!(
        source_of("Last year the firm announced it would build a plant.").0,
        "the firm"
    );
}

#[test]
fn as_x_put_it() {
    assert_eq!(
        source_of("It was, as one diplomat put it, \"a wasted week.\""),
        ("one diplomat".into(), K::Anonymous)
    );
}

#[test]
fn a_pronoun_stands_for_a_person_named_in_the_narration() {
    let all = found(
        "A spokeswoman for the club said the coach would stay. Lena Brandt, 44, has led the \
         team since 2019. She said she was not leaving.",
    );
    assert_eq!(all.len(), 2, "{all:?}");
    assert_eq!(all[1].1.as_deref(), Some("Lena Brandt"));
    assert_eq!(all[1].2, K::Person);
}

#[test]
fn data_and_images_show_like_documents() {
    for (noun, claim) in [
        (
            "Traffic data",
            "Traffic data show the new lane cut delays by a third.",
        ),
        (
            "Satellite images",
            "Satellite images show two new hangars at the base.",
        ),
    ] {
        let text = format!("The works ended in June. {claim}");
        let (found_claim, src, kind) = one(&text);
        assert_eq!(found_claim, claim);
        assert_eq!((src.as_deref(), kind), (Some(noun), K::Document), "{noun}");
    }
}
