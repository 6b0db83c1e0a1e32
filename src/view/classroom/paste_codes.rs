//! Scoring: submission codes pasted by the teacher (one per line, as many as students sent),
//! loaded the way submission files are. A line that cannot be used is named by its number; the
//! good ones still load.

use yew::prelude::*;

use crate::core::classroom::share_codes::{code_lines, pasted_code_name};
use crate::core::text::plural::counted;
use crate::view::form_values::{set_value_by_id, value_by_id};
use crate::web::exercise_link;

const FIELD: &str = "submission-codes";

/// What was read for scoring (names and texts) and why the rest could not be: the scoring
/// panel's `ReadFiles`, spelled out so that the panel, which places this component, is not
/// imported back.
type ReadCodes = (Vec<(String, String)>, Vec<String>);

#[derive(Properties, PartialEq)]
pub struct PasteCodesProps {
    /// Loads what the codes hold, as files read for scoring are loaded.
    pub on_load: Callback<ReadCodes>,
}

/// Unpacks every pasted line: the submissions (named by their line) and the lines refused.
async fn unpack_all(text: String) -> ReadCodes {
    let mut files = Vec::new();
    let mut refused = Vec::new();
    for (line, code) in code_lines(&text) {
        match exercise_link::submission_from_code(code).await {
            Ok(json) => files.push((pasted_code_name(line), json)),
            Err(e) => refused.push(format!("Line {line}: {e}")),
        }
    }
    (files, refused)
}

#[function_component(PasteCodes)]
pub fn paste_codes(props: &PasteCodesProps) -> Html {
    let status = use_state(|| None::<String>);
    let on_click = {
        let (on_load, status) = (props.on_load.clone(), status.clone());
        Callback::from(move |_: MouseEvent| {
            let text = value_by_id(FIELD);
            if code_lines(&text).is_empty() {
                status.set(Some(
                    "Paste the students' submission codes first, one per line.".into(),
                ));
                return;
            }
            let (on_load, status) = (on_load.clone(), status.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let (files, refused) = unpack_all(text).await;
                let told = match (files.len(), refused.len()) {
                    (n, 0) => format!("Unpacked {}.", counted(n, "code", "codes")),
                    (n, bad) => format!(
                        "Unpacked {}; {} could not be used (listed under the loaded files).",
                        counted(n, "code", "codes"),
                        counted(bad, "line", "lines")
                    ),
                };
                if refused.is_empty() {
                    set_value_by_id(FIELD, "");
                }
                on_load.emit((files, refused));
                status.set(Some(told));
            });
        })
    };
    html! {
        <details class="paste-codes">
            <summary>{ "Paste submission codes" }</summary>
            <label class="stacked" for={FIELD}>{ "Submission codes, one per line (students copy theirs with Copy submission code)" }</label>
            <textarea id={FIELD} rows="4" spellcheck="false" placeholder="cs1.…" />
            <button type="button" id="load-codes" onclick={on_click}>{ "Load codes" }</button>
            if let Some(told) = (*status).clone() {
                <p class="paste-codes-status" role="status">{ told }</p>
            }
        </details>
    }
}
