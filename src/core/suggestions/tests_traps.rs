//! One test per trap: text that looks like attribution and is not.

use super::tests_patterns::found;

fn none(text: &str) {
    let got = found(text);
    assert!(got.is_empty(), "{text:?} gave {got:?}");
}

#[test]
fn that_said_is_not_a_cue() {
    none("That said, the bridge is old.");
    none("Having said that, the plan stands.");
}

#[test]
fn said_to_be_is_not_a_cue() {
    none("The bridge is said to be the longest in the region.");
}

#[test]
fn so_called_is_not_a_cue() {
    none("The so-called harbor tax was dropped.");
}

#[test]
fn needless_to_say_is_not_a_cue() {
    none("Needless to say, the vote was late.");
}

#[test]
fn as_planned_is_not_a_cue() {
    none("The bridge opened as planned on Monday.");
}

#[test]
fn the_said_agreement_is_not_a_cue() {
    none("The said agreement was signed in 2019.");
}

#[test]
fn the_authors_own_opinion_is_not_sourced() {
    none("I think the council is wrong.");
    none("We believe the city deserves better.");
    none("I would argue the plan is too expensive.");
}

#[test]
fn narration_is_not_sourced() {
    none("The council met on Tuesday. The vote was delayed by a week.");
    none("The company added 200 jobs last year.");
    none("The fire claimed three lives.");
}

#[test]
fn what_someone_has_not_said_is_not_a_claim() {
    none("The mayor did not say whether she would run.");
    none("Officials have not said when the road will reopen.");
}

#[test]
fn a_plan_to_speak_is_not_a_claim() {
    none("The mayor will announce her decision on Friday.");
    none("Figures due in April should show whether the plan worked.");
}

#[test]
fn a_quote_with_no_attribution_before_it_is_not_continued() {
    none("The hall was empty. \"Nobody came.\"");
}

#[test]
fn a_label_before_a_headline_colon_is_not_a_source() {
    none("Opinion: the bridge is a choice, and we can choose differently\n\nText.");
}

#[test]
fn a_passive_or_adjective_verb_form_is_not_a_cue() {
    none("No deaths had been confirmed by Sunday night.");
    none("The repairs have an estimated cost of $2 million.");
    none("The inspection report was three pages long.");
}

#[test]
fn a_participle_opening_a_narrative_sentence_is_not_a_cue() {
    none("Asked about the report, Vasquez smiled.");
}
