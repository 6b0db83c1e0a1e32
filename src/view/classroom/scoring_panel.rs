//! Teacher mode: scoring a class. Load the key and the submissions (several at once, or dropped
//! together), weigh the rubric, and read the class table, the heat strip of key claims over the
//! article, and the extra claims most students marked. Grades download as CSV.

use yew::prelude::*;

use crate::app::review::class_overrides;
use crate::core::classroom::scoring::grades::grades_csv;
use crate::core::classroom::scoring::report::StudentRow;
use crate::core::classroom::scoring::sorting::{sort_students, SortColumn};
use crate::core::classroom::scoring::{score_class_reviewed, ClassReport, Rubric};
use crate::core::classroom::session::{Classroom, ScoringSession};
use crate::core::text::offsets::char_len;
use crate::core::text::paragraphs::slug;
use crate::core::text::plural::counted;
use crate::view::form_values::{open_chooser, set_value_by_id};
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

const COLUMNS: [(SortColumn, &str); 7] = [
    (SortColumn::Name, "Student"),
    (SortColumn::Total, "Total"),
    (SortColumn::Found, "Found"),
    (SortColumn::Extra, "Extra"),
    (SortColumn::Precision, "Precision"),
    (SortColumn::StatusAgreement, "Status agreement"),
    (SortColumn::SourceAgreement, "Source agreement"),
];

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
            { loaded_files(session) }
            <RubricWeights rubric={classroom.rubric} on_rubric={props.on_rubric.clone()} />
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

#[derive(Properties, PartialEq)]
struct RubricWeightsProps {
    rubric: Rubric,
    on_rubric: Callback<Rubric>,
}

/// How much each part of a score weighs.
#[function_component(RubricWeights)]
fn rubric_weights(props: &RubricWeightsProps) -> Html {
    let rubric = props.rubric;
    {
        // Filled once: after that the fields are the teacher's, and a re-render in the middle of
        // typing must not put the old number back.
        use_effect_with((), move |_| {
            for (id, value) in [
                ("weight-found", rubric.found),
                ("weight-span-fit", rubric.span_fit),
                ("weight-precision", rubric.precision),
                ("weight-status", rubric.status),
                ("weight-source", rubric.source),
            ] {
                set_value_by_id(id, &format!("{value}"));
            }
        });
    }
    let weight = |label: &'static str, id: &'static str, set: fn(&mut Rubric, f64)| {
        let on_rubric = props.on_rubric.clone();
        let onchange = Callback::from(move |e: Event| {
            let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() else {
                return;
            };
            let v = input.value_as_number();
            let mut next = rubric;
            set(&mut next, if v.is_finite() && v >= 0.0 { v } else { 0.0 });
            on_rubric.emit(next);
        });
        html! {
            <label for={id}>{ label }
                <input {id} type="number" min="0" step="0.05" {onchange} />
            </label>
        }
    };
    html! {
        <fieldset class="rubric">
            <legend>{ "Rubric weights (relative)" }</legend>
            { weight("Claims found", "weight-found", |r, v| r.found = v) }
            { weight("Span fit", "weight-span-fit", |r, v| r.span_fit = v) }
            { weight("Precision", "weight-precision", |r, v| r.precision = v) }
            { weight("Status agreement", "weight-status", |r, v| r.status = v) }
            { weight("Source agreement", "weight-source", |r, v| r.source = v) }
        </fieldset>
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

/// Each student's score, sortable by any column (Name first up, the others first down).
fn class_table(
    report: &ClassReport,
    rows: &[StudentRow],
    sort: &UseStateHandle<Sort>,
    on_open_student: &Callback<String>,
) -> Html {
    let open = |name: &str| {
        let name = name.to_string();
        let shown = name.clone();
        html! {
            <th scope="row"><button type="button" class="student-open" title="Review this student's work"
                onclick={on_open_student.reform(move |_: MouseEvent| name.clone())}>{ shown }</button></th>
        }
    };
    let sort_header = |(column, label): (SortColumn, &'static str)| {
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
                <button type="button" class="sort" {onclick}>{ label }</button>
            </th>
        }
    };
    html! {
        <table class="class-table">
            <caption>{ format!("{} scored · {} flagged", report.scored, report.flagged) }</caption>
            <thead><tr>{ for COLUMNS.into_iter().map(sort_header) }<th scope="col">{ "Hints" }</th></tr></thead>
            <tbody>
                { for rows.iter().map(|row| match &row.score {
                    Some(s) => html! {
                        <tr>
                            { open(&row.name) }
                            <td class="total">{ percent(s.total) }</td>
                            <td>{ format!("{} of {}", s.found, s.key_claims) }</td>
                            <td>{ s.extra }</td>
                            <td>{ percent(s.precision) }</td>
                            <td>{ percent(s.status_agreement) }</td>
                            <td>{ percent(s.source_agreement) }</td>
                            <td class="hints-used">{ row.hints_used.map_or("—".to_string(), |n| n.to_string()) }</td>
                        </tr>
                    },
                    None => html! {
                        <tr class="flagged">
                            { open(&row.name) }
                            <td colspan="7">{ format!("Not scored: {}", row.problem.clone().unwrap_or_default()) }</td>
                        </tr>
                    },
                }) }
            </tbody>
        </table>
    }
}

/// Where the key claims are in the article, each coloured by how many students found it, and
/// the same as a list.
fn heat_strip(report: &ClassReport, text_len: usize) -> Html {
    let scored = report.scored.max(1);
    let len = text_len.max(1) as f64;
    html! {
        <div class="heat">
            <h3>{ "Key claims found by the class" }</h3>
            <div class="heat-strip" role="img"
                aria-label="The article from start to end, with each key claim shaded by how many students found it">
                { for report.key_claims.iter().map(|k| {
                    let share = k.count as f64 / scored as f64;
                    let style = format!(
                        "left:{:.3}%;width:max(4px,{:.3}%);--found:{:.3}",
                        k.start as f64 / len * 100.0,
                        (k.end - k.start) as f64 / len * 100.0,
                        share
                    );
                    html! { <span class="heat-cell" {style} title={format!("“{}” — found by {} of {}", k.quote, k.count, report.scored)}></span> }
                }) }
            </div>
            <ol class="key-claim-counts">
                { for report.key_claims.iter().map(|k| {
                    let share = k.count as f64 / scored as f64;
                    html! {
                        <li>
                            <span class="heat-swatch" style={format!("--found:{share:.3}")} aria-hidden="true"></span>
                            <q>{ k.quote.clone() }</q>
                            <span class="found-by">{ format!(" — found by {} of {}", k.count, report.scored) }</span>
                            if !k.students.is_empty() { <span class="who">{ format!(" ({})", k.students.join(", ")) }</span> }
                        </li>
                    }
                }) }
            </ol>
        </div>
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
