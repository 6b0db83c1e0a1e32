//! The side panel: counts, the selected claim's editor, and every claim in reading order.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::app::state::SharedClaims;

use crate::app::actions::Action;
use crate::app::view_model::claim_filter::ClaimFilter;
use crate::core::model::Claim;
use crate::core::ordering;
use crate::view::article::article_view::scroll_to_claim;
use crate::view::claims::claim_editor::ClaimEditor;
use crate::view::claims::claim_filters::ClaimFilters;
use crate::view::claims::claim_list::ClaimList;
use crate::view::claims::orphan_list::OrphanList;

#[derive(Properties, PartialEq)]
pub struct ClaimPanelProps {
    pub claims: SharedClaims,
    pub orphans: Vec<Claim>,
    pub selected: Option<String>,
    pub dispatch: Callback<Action>,
    pub on_message: Callback<Option<String>>,
    /// Which claims are listed; the article dims the others, so the page holds it.
    pub filter: UseStateHandle<ClaimFilter>,
    /// Teacher mode: the claims are the answer key (so titled; the key needs no evidence
    /// warnings, the teacher's Verified is the answer itself).
    #[prop_or_default]
    pub answer_key: bool,
    /// Shown under the counts: the claim suggestions.
    #[prop_or_default]
    pub children: Html,
}

/// The source names already used in the article, each once, offered as suggestions.
fn source_names(claims: &[Rc<Claim>]) -> Vec<String> {
    let mut names: Vec<String> = claims
        .iter()
        .map(|c| c.source.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect();
    ordering::sort(&mut names);
    names.dedup();
    names
}

/// Claims as the source suggestions see them: equal while every source stays as it was, so
/// typing a note does not gather and sort every source name again.
#[derive(Clone)]
struct SameSources(SharedClaims);

impl PartialEq for SameSources {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
            || (self.0.len() == other.0.len()
                && self
                    .0
                    .iter()
                    .zip(other.0.iter())
                    .all(|(a, b)| Rc::ptr_eq(a, b) || a.source == b.source))
    }
}

thread_local! {
    /// How many times the editor was asked for (see `show_editor_next`).
    static EDITOR_REQUESTS: Cell<u32> = const { Cell::new(0) };
}

/// Asks the panel, when it next draws, to bring the selected claim's editor into view, top
/// first (its status and source), and to put the focus on its first control: after Add claim,
/// the editor is where the work goes on.
pub fn show_editor_next() {
    EDITOR_REQUESTS.with(|n| n.set(n.get() + 1));
}

/// Keeps the selected claim in view in the list; or, when asked for, its editor.
#[hook]
fn use_selected_in_view(selected: Option<String>, filter: ClaimFilter) {
    // Read while drawing, so a request makes the effect below run even when the selection
    // stays the same (Add claim on words that already are that claim).
    let requests = EDITOR_REQUESTS.with(Cell::get);
    let handled = use_mut_ref(|| requests);
    use_effect_with(
        (selected, filter, requests),
        move |(selected, _, requests)| {
            if *handled.borrow() != *requests {
                *handled.borrow_mut() = *requests;
                show_editor();
            } else if let Some(id) = selected {
                let item = gloo::utils::document()
                    .query_selector(&format!(".claim-list [data-claim=\"{id}\"]"))
                    .ok()
                    .flatten();
                if let Some(item) = item {
                    let options = web_sys::ScrollIntoViewOptions::new();
                    options.set_block(web_sys::ScrollLogicalPosition::Nearest);
                    item.scroll_into_view_with_scroll_into_view_options(&options);
                }
            }
        },
    );
}

/// Scrolls the panel so the editor's top is at the top of the part of the panel on screen,
/// and focuses the editor's first control.
fn show_editor() {
    let document = gloo::utils::document();
    let Ok(Some(editor)) = document.query_selector(".panel .claim-editor") else {
        return;
    };
    let first = editor
        .query_selector("button, input, select, textarea, a[href]")
        .ok()
        .flatten()
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(first) = first {
        let _ = first.focus();
    }
    // After the focus, which scrolls only as far as the button itself. The panel's top can be
    // above the window (the page scrolled to the article's end): the editor goes below that.
    if let Some(panel) = editor.closest(".panel").ok().flatten() {
        let visible_top = panel.get_bounding_client_rect().top().max(0.0);
        let gap = editor.get_bounding_client_rect().top() - visible_top;
        // A little room stays above the editor.
        panel.set_scroll_top(panel.scroll_top() + gap as i32 - 8);
    }
}

/// Resets every filter: the list shows all claims again, and the filter controls are drawn
/// afresh (keyed by `generation`), with the focus on the search, where the reader was.
fn clear_filters(
    filter: &UseStateHandle<ClaimFilter>,
    generation: &UseStateHandle<u32>,
) -> Callback<MouseEvent> {
    let (filter, generation) = (filter.clone(), generation.clone());
    Callback::from(move |_: MouseEvent| {
        filter.set(ClaimFilter::default());
        generation.set(*generation + 1);
    })
}

#[function_component(ClaimPanel)]
pub fn claim_panel(props: &ClaimPanelProps) -> Html {
    let filter = props.filter.clone();
    let generation = use_state(|| 0u32);
    use_effect_with(*generation, |generation| {
        if *generation > 0 {
            if let Some(search) = gloo::utils::document()
                .get_element_by_id("filter-search")
                .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = search.focus();
            }
        }
    });
    let selected = props.selected.as_deref().and_then(|id| {
        props
            .claims
            .iter()
            .map(|c| &**c)
            .chain(&props.orphans)
            .find(|c| c.id == id)
    });
    let shown = Rc::new(filter.listed(&props.claims, props.selected.as_deref()));
    let counts = {
        let listed: Vec<&Claim> = shown.iter().map(|&i| &*props.claims[i]).collect();
        filter.counts_line(&props.claims, &listed)
    };
    let names = use_memo(SameSources(props.claims.clone()), |claims| {
        source_names(&claims.0)
    });
    use_selected_in_view(props.selected.clone(), (*filter).clone());
    let on_select = use_callback(props.dispatch.clone(), |id: String, dispatch| {
        dispatch.emit(Action::Select(Some(id.clone())));
        scroll_to_claim(&id);
    });
    html! {
        <aside class="panel" aria-labelledby="claims-heading">
            <h2 id="claims-heading">{ if props.answer_key { "Answer key" } else { "Claims" } }</h2>
            <p class="counts" aria-live="polite">{ counts }</p>
            { props.children.clone() }
            if let Some(claim) = selected {
                <ClaimEditor key={claim.id.clone()} claim={claim.clone()} source_names={(*names).clone()} key_claim={props.answer_key} dispatch={props.dispatch.clone()} />
            }
            // Rendered only when there is something to show: a component that renders nothing
            // leaves Yew no DOM node to place its siblings against.
            if !props.orphans.is_empty() {
                <OrphanList
                    orphans={props.orphans.clone()}
                    selected={props.selected.clone()}
                    dispatch={props.dispatch.clone()}
                    on_message={props.on_message.clone()}
                />
            }
            if !props.claims.is_empty() {
                <ClaimFilters key={*generation} filter={filter.clone()} />
            }
            if props.claims.is_empty() {
                <p class="empty">
                    { "No claims yet. Select a passage in the article — a statement it attributes to someone — and choose " }
                    <strong>{ "Add claim" }</strong>{ " (or press A)." }
                </p>
            } else if shown.is_empty() {
                <div class="no-match" role="status">
                    <p>{ filter.nothing_shown() }</p>
                    <button type="button" onclick={clear_filters(&filter, &generation)}>{ "Clear filters" }</button>
                </div>
            } else {
                <ClaimList claims={props.claims.clone()} shown={shown} selected={props.selected.clone()} key_claims={props.answer_key} on_select={on_select} />
            }
        </aside>
    }
}
