//! Teacher mode: scoring a class. Load the key and the submissions (several at once, or dropped
//! together), weigh the rubric, and read the class table, the heat strip of key claims over the
//! article, and the extra claims most students marked. Grades download as CSV.

use yew::prelude::*;

use crate::app::review::class_overrides;
use crate::core::classroom::scoring::grades::grades_csv;
use crate::core::classroom::scoring::report::StudentRow;
use crate::core::classroom::scoring::score::{Counted, StudentScore};
use crate::core::classroom::scoring::sorting::{sort_students, SortColumn};
use crate::core::classroom::scoring::{score_class_reviewed, ClassReport, Rubric};
use crate::core::classroom::scoring_session::ScoringSession;
use crate::core::classroom::session::Classroom;
use crate::core::text::offsets::char_len;
use crate::core::text::paragraphs::slug;
use crate::core::text::plural::counted;
use crate::view::classroom::heat_strip::heat_strip;
use crate::view::classroom::rubric_weights::RubricWeights;
use crate::view::form_values::open_chooser;
use crate::view::SameRc;
use crate::web::{download, file_open};

/// Files read for scoring (names and texts), and why the others could not be read.
pub type ReadFiles = (Vec<(String, String)>, Vec<String>);

#[derive(Properties, PartialEq)]
pub struct ScoringPanelProps {
    /// The classroom state: the files loaded for scoring and the rubric.
    pub classroom: SameRc<Classroom>,
    pub on_load: Callback<ReadFiles>,
    pub on_clear: Callback<()>,
    pub on_rubric: Callback<Rubric>,
    pub on_message: Callback<Option<String>>,
    /// Opens a student's work for review (`view::classroom::student_review`).
    #[prop_or_default]
    pub on_open_student: Callback<String>,
}

fn percent(x: f64) -> String {
    format!("{:.0}%", x * 100.0)
}

/// A figure with the counts behind it: "75% (3/4)"; "—" when there is nothing to count.
fn fraction(c: Counted) -> String {
    if c.whole == 0 {
        "— (0/0)".to_string()
    } else {
        format!(
            "{} ({}/{})",
            percent(c.part as f64 / c.whole as f64),
            c.part,
            c.whole
        )
    }
}

/// Each column: how it sorts, its heading, the id of its explanation, and the explanation in
/// plain words (the heading's tooltip and accessible description).
const COLUMNS: [(SortColumn, &str, &str, &str); 9] = [
    (SortColumn::Name, "Student", "help-student", "The student's name, from their submission file."),
    (SortColumn::Total, "Total", "help-total", "The parts to the right, each counted by its rubric weight, as one score from 0% to 100%."),
    (SortColumn::Found, "Found", "help-found", "Key claims the student marked, out of all key claims (with any extra claim you marked valid). A span that runs on into the next sentence or clause still counts; one over several key claims or most of a paragraph counts for none."),
    (SortColumn::Extra, "Extra", "help-extra", "Claims the student marked that match no key claim. Some may be good claims the key leaves out."),
    (SortColumn::Precision, "Precision", "help-precision", "Of all the claims the student marked, the share that found a key claim."),
    (SortColumn::StatusAgreement, "Status agreement", "help-status", "Of the key claims the student found, how many they marked verified or unverified as the key does. Claims not found are not judged."),
    (SortColumn::SourceAgreement, "Source agreement", "help-source", "Of the key claims the student found, how many have the key's source kind. A key claim with no kind set accepts any."),
    (SortColumn::SpanFit, "Span fit", "help-span-fit", "How closely the found claims' spans match the key's, on average: 100% when a span is (nearly) the key claim, less when it runs on past it or stops short."),
    (SortColumn::TooBroad, "Too broad", "help-too-broad", "Spans that cover several key claims, are over three times the claim, or mark most of a paragraph. They find nothing."),
];

const LABEL_COLUMN: (SortColumn, &str, &str, &str) = (
    SortColumn::LabelAgreement,
    "Label agreement",
    "help-labels",
    "Of the key claims the student found, how many they gave the key's label (fact, opinion…).",
);

/// The columns, with label agreement after source agreement when the exercise has labels.
fn columns(has_labels: bool) -> Vec<(SortColumn, &'static str, &'static str, &'static str)> {
    let mut columns = COLUMNS.to_vec();
    if has_labels {
        columns.insert(7, LABEL_COLUMN);
    }
    columns
}

const HINTS_HELP: &str = "How many hints the student asked for while working.";

/// The column the class table is sorted by, and whether it is sorted descending.
type Sort = (SortColumn, bool);

#[function_component(ScoringPanel)]
pub fn scoring_panel(props: &ScoringPanelProps) -> Html {
    let sort = use_state(|| (SortColumn::Total, true));
    let classroom = &props.classroom.0;
    let session = &classroom.scoring;
    // Scored again only when the classroom state changes, not on every edit of a claim.
    let report = use_memo(props.classroom.clone(), |c| {
        let c = &c.0;
        c.scoring.key.as_ref().map(|key| {
            score_class_reviewed(
                key,
                &c.scoring.submissions,
                &class_overrides(&c.scoring),
                &c.rubric,
            )
        })
    });
    let loaded =
        session.key.is_some() || !session.submissions.is_empty() || !session.problems.is_empty();
    html! {
        <section class="scoring-panel" aria-labelledby="scoring-heading">
            <h2 id="scoring-heading">{ "Score submissions" }</h2>
            <ScoringFiles loaded={loaded} on_load={props.on_load.clone()} on_clear={props.on_clear.clone()} />
            <crate::view::classroom::paste_codes::PasteCodes on_load={props.on_load.clone()} />
            { loaded_files(session) }
            <RubricWeights rubric={classroom.rubric} on_rubric={props.on_rubric.clone()}
                has_labels={session.key.as_ref().is_some_and(|k| k.claims.iter().any(|c| c.label.is_some()))} />
            if let Some(report) = (*report).as_ref() {
                { class_results(report, session, &sort, &props.on_message, &props.on_open_student) }
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct ScoringFilesProps {
    /// Whether any file is loaded (or was refused), so there is something to clear.
    loaded: bool,
    on_load: Callback<ReadFiles>,
    on_clear: Callback<()>,
}

/// Loads files into the scoring session, reading them first.
fn load(files: Vec<web_sys::File>, on_load: Callback<ReadFiles>) {
    if files.is_empty() {
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        on_load.emit(file_open::read_all(files).await);
    });
}

/// Choosing or dropping the key and the submissions, and clearing them.
#[function_component(ScoringFiles)]
fn scoring_files(props: &ScoringFilesProps) -> Html {
    let input_ref = use_node_ref();
    let choose = open_chooser(&input_ref);
    let on_chosen = {
        let on_load = props.on_load.clone();
        Callback::from(move |e: Event| {
            let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() else {
                return;
            };
            load(file_open::files_of(input.files()), on_load.clone());
            input.set_value("");
        })
    };
    let on_drop = {
        let on_load = props.on_load.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            load(
                file_open::files_of(e.data_transfer().and_then(|d| d.files())),
                on_load.clone(),
            );
        })
    };
    html! {
        <div class="scoring-drop" ondragover={Callback::from(|e: DragEvent| e.prevent_default())} ondrop={on_drop}>
            <p>{ "Load the answer key (.key.json) and any number of submissions at once — or drop them here. Plain Claimcheck exports work too (name the key's file “…key…”)." }</p>
            <button type="button" onclick={choose}>{ "Load key and submissions" }</button>
            <input ref={input_ref} id="scoring-files" type="file" multiple=true class="visually-hidden" tabindex="-1"
                aria-label="Key and submission files" accept=".json,application/json" onchange={on_chosen} />
            if props.loaded {
                <button type="button" onclick={confirm_clear(&props.on_clear)}>{ "Clear scoring session" }</button>
            }
        </div>
    }
}

/// What is loaded, and the files that could not be used.
fn loaded_files(session: &ScoringSession) -> Html {
    html! {
        <>
            <p class="scoring-status">
                { match &session.key {
                    Some(key) => format!("Key: “{}”, {} · {} loaded", key.title, counted(key.claims.len(), "claim", "claims"), counted(session.submissions.len(), "submission", "submissions")),
                    None => format!("No key loaded yet · {} loaded", counted(session.submissions.len(), "submission", "submissions")),
                } }
            </p>
            if !session.problems.is_empty() {
                <ul class="scoring-problems" role="alert">
                    { for session.problems.iter().map(|p| html! { <li>{ p.clone() }</li> }) }
                </ul>
            }
        </>
    }
}

/// The class table, Export grades, the heat strip and the extra claims students marked.
fn class_results(
    report: &ClassReport,
    session: &ScoringSession,
    sort: &UseStateHandle<Sort>,
    on_message: &Callback<Option<String>>,
    on_open_student: &Callback<String>,
) -> Html {
    let mut rows = report.students.clone();
    sort_students(&mut rows, sort.0, sort.1);
    let title = session
        .key
        .as_ref()
        .map(|k| k.title.clone())
        .unwrap_or_default();
    let text_len = session
        .key
        .as_ref()
        .map(|k| char_len(&k.article.text))
        .unwrap_or(1);
    html! {
        <>
            { class_table(report, &rows, sort, on_open_student) }
            { how_scores_work() }
            <button type="button" onclick={export_grades(rows, title, on_message)}>{ "Export grades" }</button>
            { heat_strip(report, text_len) }
            <h3>{ "Extra claims students marked" }</h3>
            if report.common_extras.is_empty() {
                <p>{ "None: every claim students marked is in the key." }</p>
            } else {
                <ol class="common-extras">
                    { for report.common_extras.iter().take(10).map(|x| html! {
                        <li><q>{ x.quote.clone() }</q>{ format!(" — {} {} ({})", x.count,
                            if x.count == 1 { "student" } else { "students" }, x.students.join(", ")) }</li>
                    }) }
                </ol>
            }
        </>
    }
}

/// Downloads the class's grades, in the table's order, as CSV.
fn export_grades(
    rows: Vec<StudentRow>,
    title: String,
    on_message: &Callback<Option<String>>,
) -> Callback<MouseEvent> {
    let on_message = on_message.clone();
    Callback::from(move |_: MouseEvent| {
        let name = format!("{}.grades.csv", slug(&title));
        on_message.emit(Some(
            match download::download_text(&name, "text/csv", &grades_csv(&rows)) {
                Ok(()) => format!("Exported {name}"),
                Err(e) => e,
            },
        ));
    })
}

/// One scored student's row: each figure with the counts behind it.
fn score_row(
    row: &StudentRow,
    s: &StudentScore,
    has_labels: bool,
    on_open_student: &Callback<String>,
) -> Html {
    let fit = if s.counts.status.whole == 0 {
        "—".to_string()
    } else {
        percent(s.span_fit)
    };
    html! {
        <tr>
            { student_cell(&row.name, on_open_student) }
            <td class="total">{ percent(s.total) }</td>
            <td class="found">{ format!("{} of {}", s.counts.found.part, s.counts.found.whole) }</td>
            <td class="extra">{ s.extra }</td>
            <td class="precision">{ fraction(s.counts.precision) }</td>
            <td class="status">{ fraction(s.counts.status) }</td>
            <td class="source">{ fraction(s.counts.source) }</td>
            if has_labels {
                <td class="labels">{ s.counts.labels.map_or("—".to_string(), fraction) }</td>
            }
            <td class="span-fit">{ fit }</td>
            <td class="too-broad">{ s.too_broad }</td>
            <td class="hints-used">{ row.hints_used.map_or("—".to_string(), |n| n.to_string()) }</td>
        </tr>
    }
}

/// How the scores are made, in plain words, beside the table.
fn how_scores_work() -> Html {
    html! {
        <details class="how-scores-work">
            <summary>{ "How scores work" }</summary>
            <p>{ "A student finds a key claim when their span is mostly that claim: it overlaps the claim by half or more, or it holds the claim's main clause (or 80% of it) and at least a third of the span is the claim. So a claim marked together with the quote or clause that follows it is found — its span fit shows how far it ran on." }</p>
            <p>{ "A span is too broad, and finds nothing, when it covers two or more key claims, is over three times the claim it covers, or marks most of a paragraph (two thirds of it, reaching into two more sentences). Marking whole paragraphs never pays." }</p>
            <p>{ "Status and source agreement count only the key claims the student found: “3 of 4” means three of the four found claims were judged as the key judges them." }</p>
            <p>{ "The total weighs found, span fit, precision and the agreements by the rubric weights. Each column's heading explains it; docs/classroom.md has worked examples." }</p>
        </details>
    }
}

/// Each student's score, sortable by any column (Name first up, the others first down).
fn class_table(
    report: &ClassReport,
    rows: &[StudentRow],
    sort: &UseStateHandle<Sort>,
    on_open_student: &Callback<String>,
) -> Html {
    let sort_header = |(column, label, help_id, help): (
        SortColumn,
        &'static str,
        &'static str,
        &'static str,
    )| {
        let current = **sort;
        let aria = if current.0 == column {
            if current.1 {
                "descending"
            } else {
                "ascending"
            }
        } else {
            "none"
        };
        let onclick = {
            let sort = sort.clone();
            Callback::from(move |_: MouseEvent| {
                let descending = if current.0 == column {
                    !current.1
                } else {
                    column != SortColumn::Name
                };
                sort.set((column, descending));
            })
        };
        html! {
            <th scope="col" aria-sort={aria}>
                <button type="button" class="sort" {onclick} title={help} aria-describedby={help_id}>{ label }</button>
                <span id={help_id} class="visually-hidden">{ help }</span>
            </th>
        }
    };
    html! {
        <table class="class-table">
            <caption>{ format!("{} scored · {} flagged", report.scored, report.flagged) }</caption>
            <thead><tr>{ for columns(report.has_labels).into_iter().map(sort_header) }
                <th scope="col"><span title={HINTS_HELP} aria-describedby="help-hints">{ "Hints" }</span>
                    <span id="help-hints" class="visually-hidden">{ HINTS_HELP }</span></th></tr></thead>
            <tbody>
                { for rows.iter().map(|row| match &row.score {
                    Some(s) => score_row(row, s, report.has_labels, on_open_student),
                    None => html! {
                        <tr class="flagged">
                            { student_cell(&row.name, on_open_student) }
                            <td colspan={if report.has_labels { "10" } else { "9" }}>{ format!("Not scored: {}", row.problem.clone().unwrap_or_default()) }</td>
                        </tr>
                    },
                }) }
            </tbody>
        </table>
    }
}

/// A student's name, which opens their work for review.
fn student_cell(name: &str, on_open_student: &Callback<String>) -> Html {
    let name = name.to_string();
    let shown = name.clone();
    html! {
        <th scope="row"><button type="button" class="student-open" title="Review this student's work"
            onclick={on_open_student.reform(move |_: MouseEvent| name.clone())}>{ shown }</button></th>
    }
}

/// Clearing forgets the key, the submissions, and the overrides and comments kept with them:
/// asked first.
fn confirm_clear(on_clear: &Callback<()>) -> Callback<MouseEvent> {
    let on_clear = on_clear.clone();
    Callback::from(move |_: MouseEvent| {
        let sure = gloo::utils::window()
            .confirm_with_message(
                "Clear the scoring session? The key, the submissions and your overrides and comments on them are forgotten in this browser (your files stay as they are).",
            )
            .unwrap_or(false);
        if sure {
            on_clear.emit(());
        }
    })
}
