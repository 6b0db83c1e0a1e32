//! The page: header, banners, the classroom panels, the article with its highlights, the claims
//! panel, the selection toolbar, dialogs and toasts. This file is the layout and what is open on
//! the page; what the controls do is in `commands`, what the page listens to in `input`.

use std::rc::Rc;

use yew::prelude::*;

use crate::app::actions::Action;
use crate::app::backup;
use crate::app::details::Details;
use crate::app::state::AppState;
use crate::app::view_model::claim_filter::ClaimFilter;
use crate::app::view_model::suggestion_list::SuggestionList;
use crate::core::classroom::session::{work_article_id, Mode};
use crate::view::article::article_editor::ArticleEditor;
use crate::view::article::article_view::{scroll_to_claim, ArticleView};
use crate::view::article::details_form::DetailsForm;
use crate::view::article::print_claims::PrintClaims;
use crate::view::article::selection_toolbar::{SelectionToolbar, ToolbarSpot};
use crate::view::chrome::banners::Banners;
use crate::view::chrome::bottom_sheet::BottomSheet;
use crate::view::chrome::header_bar::HeaderBar;
use crate::view::chrome::library_dialog::LibraryDialog;
use crate::view::chrome::paste_dialog::PasteDialog;
use crate::view::chrome::publisher_settings::PublisherSettings;
use crate::view::chrome::shortcuts_dialog::ShortcutsDialog;
use crate::view::chrome::toast::Toast;
use crate::view::claims::claim_panel::ClaimPanel;
use crate::view::claims::label_picker::LabelSet;
use crate::view::classroom::feedback_view::FeedbackView;
use crate::view::classroom::print_sheets::PrintSheets;
use crate::view::classroom::scoring_panel::ScoringPanel;
use crate::view::classroom::student_banner::StudentBanner;
use crate::view::classroom::student_review::StudentReview;
use crate::view::classroom::teacher_panel::TeacherPanel;
use crate::view::commands::{use_commands, use_library_commands, Commands, LibraryCommands};
use crate::view::input::{file_drop, keyboard, links, selection, touch};
use crate::view::suggestions::suggestion_panel::SuggestionPanel;
use crate::view::SameRc;
use crate::web::store::AppStore;
use crate::web::{file_open, frames, location, persistence};

#[derive(Properties)]
pub struct AppProps {
    pub store: Rc<AppStore>,
}

impl PartialEq for AppProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.store, &other.store)
    }
}

/// A part of the page that opens and closes (a dialog, a form, editing the article), with
/// callbacks for both that stay the same on every render.
struct Toggle {
    on: bool,
    open: Callback<()>,
    close: Callback<()>,
}

#[hook]
fn use_toggle() -> Toggle {
    let state = use_state(|| false);
    let open = use_callback(state.setter(), |(), state| state.set(true));
    let close = use_callback(state.setter(), |(), state| state.set(false));
    Toggle {
        on: *state,
        open,
        close,
    }
}

/// Opens an article from a file, or says what is wrong with the file; the open article and its
/// claims are untouched when it cannot be opened. JSON files are imports, or classroom files.
fn open_file(store: &Rc<AppStore>, message: &Callback<Option<String>>, file: web_sys::File) {
    let (store, message) = (store.clone(), message.clone());
    let for_import = file_open::chosen_for_import(&file);
    if for_import || file_open::is_import(&file) {
        wasm_bindgen_futures::spawn_local(async move {
            let text = match file_open::read_import(&file).await {
                Ok(text) => text,
                Err(e) => return message.emit(Some(format!("Nothing was imported: {e}"))),
            };
            if for_import {
                store.import_named_file(&file.name(), text);
            } else {
                store.open_json(&file.name(), text);
            }
        });
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        match file_open::read_article(&file).await {
            Ok(article) => {
                let title = article.title.clone();
                store.open_article(article);
                message.emit(Some(format!("Opened “{title}”")));
            }
            Err(problem) => message.emit(Some(problem)),
        }
    });
}

/// Once: redraws the page on every change of the store, listens to the document (selection,
/// keys, touch, dropped files), and follows the address's deep link.
#[hook]
fn use_page_listeners(
    store: &Rc<AppStore>,
    update: &UseForceUpdateHandle,
    toolbar: UseStateSetter<Option<ToolbarSpot>>,
    on_help: &Callback<()>,
    on_message: &Callback<Option<String>>,
    on_file: &Callback<web_sys::File>,
) {
    let (store, update) = (store.clone(), update.clone());
    let (on_help, on_message, on_file) = (on_help.clone(), on_message.clone(), on_file.clone());
    use_effect_with((), move |_| {
        store.subscribe(move || update.force_update());
        let on_spot = Callback::from(move |spot| toolbar.set(spot));
        let on_selection = selection::toolbar_follows_selection(&store, on_spot);
        let on_key = keyboard::shortcuts(&store, on_help);
        let long_press = touch::long_press_selects_a_word(&store);
        // A restored selection is scrolled into view once the article is on screen.
        if let Some(id) = store.state().selected.clone() {
            scroll_to_claim(&id);
        }
        links::follow_deep_links(&store, on_message);
        let on_drop = file_drop::open_dropped_files(on_file);
        move || {
            drop(on_selection);
            drop(on_key);
            drop(on_drop);
            drop(long_press);
        }
    });
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let store = props.store.clone();
    let update = use_force_update();
    let toolbar = use_state(|| None::<ToolbarSpot>);
    let paste_open = use_toggle();
    let editing = use_toggle();
    let help_open = use_toggle();
    let details_open = use_toggle();
    let library_open = use_toggle();
    // The panel's filter, held here because the article dims what it leaves out.
    let filter = use_state(ClaimFilter::default);
    // Messages are notices in the state, told and dismissed through actions.
    let on_message = use_callback(SameRc(store.clone()), |m: Option<String>, store| {
        store
            .0
            .dispatch(m.map_or(Action::DismissMessage, Action::Tell))
    });
    let on_file = use_callback(
        (SameRc(store.clone()), on_message.clone()),
        |file, (store, on_message)| open_file(&store.0, on_message, file),
    );
    let on_help = &help_open.open;
    use_page_listeners(
        &store,
        &update,
        toolbar.setter(),
        on_help,
        &on_message,
        &on_file,
    );
    let commands = use_commands(&store, &on_message);
    let library = use_library_commands(&store, &on_message, &library_open.close, &update);
    let on_open_article = use_callback(
        (SameRc(store.clone()), paste_open.close.clone()),
        |article, (store, close_paste)| {
            store.0.open_article(article);
            close_paste.emit(());
        },
    );

    let state = store.state();
    // The address follows the article once it is on screen: a history entry costs the browser
    // some milliseconds the first frame need not wait for.
    use_effect_with(state.article.id.clone(), |id| {
        let id = id.clone();
        frames::after_frames(1, move || location::show_article(&id));
    });
    let has_claims = !state.claims.is_empty() || !state.orphans.is_empty();
    use_effect_with(has_claims, |has| {
        if *has {
            persistence::claims_exist();
        }
    });
    let backup_due =
        backup::backup_due(has_claims, persistence::last_backup(), js_sys::Date::now());
    let classroom = &state.classroom;
    let on_set_source = state
        .selected
        .clone()
        .filter(|id| !state.is_orphan(id))
        .map(|id| commands.set_source_phrase.reform(move |()| id.clone()));
    let removed_title = state
        .notices
        .removed_article
        .as_ref()
        .map(|r| r.entry.title.clone());
    html! {
        <>
            <HeaderBar
                mode={classroom.mode}
                student={classroom.is_student()}
                read_only={state.article_is_read_only()}
                article_id={state.article.id.clone()}
                can_undo={state.can_undo()}
                can_redo={state.can_redo()}
                editing={editing.on}
                on_undo={commands.undo.clone()}
                on_redo={commands.redo.clone()}
                on_mode={commands.set_mode.clone()}
                on_edit={editing.open.clone()}
                on_file={on_file}
                on_library={library_open.open.clone()}
                on_details={details_open.open.clone()}
                on_paste={paste_open.open.clone()}
                on_open={on_open_article.clone()}
                on_export_article={commands.export_article.clone()}
                on_export_library={commands.export_library.clone()}
                on_copy_json={commands.copy_json.clone()}
                publishing={html! { <PublisherSettings publisher={store.publisher()} on_save={commands.set_publisher.clone()} on_message={on_message.clone()} /> }}
            />
            <main id="main">
            <Banners
                storage={state.notices.storage.clone()}
                warnings={state.notices.warnings.clone()}
                kept_data={!state.notices.warnings.is_empty() && !store.unreadable_keys().is_empty()}
                on_download_kept_data={commands.download_kept_data.clone()}
                on_dismiss_warning={commands.dismiss_warning.clone()}
                backup_due={backup_due}
                on_backup={commands.backup_library.clone()}
            />
            { classroom_panels(&state, &commands, &on_message) }
            <ContextProvider<LabelSet> context={LabelSet::of(&state)}>
            { reading_and_claims(&state, &commands, &on_message, &details_open, &editing, &filter) }
            </ContextProvider<LabelSet>>
            if let Some(spot) = *toolbar {
                <SelectionToolbar spot={spot} on_add={commands.add_claim.clone()} on_set_source={on_set_source} />
            }
            <ShortcutsDialog open={help_open.on} on_close={help_open.close.clone()} />
            <PasteDialog open={paste_open.on} on_close={paste_open.close.clone()} on_open={on_open_article} />
            { library_and_toast(&state, &store, &commands, library, &library_open, on_message, removed_title) }
            </main>
            if classroom.mode == Mode::Teacher {
                <PrintSheets article={state.article.clone()} claims={state.claims_vec()} draft={classroom.draft(&state.article.id)} source_kind_scored={classroom.rubric.source > 0.0} />
            }
        </>
    }
}

/// The Library dialog, and the toast that offers to undo what was deleted or removed.
fn library_and_toast(
    state: &AppState,
    store: &Rc<AppStore>,
    commands: &Commands,
    library: LibraryCommands,
    library_open: &Toggle,
    on_message: Callback<Option<String>>,
    removed_title: Option<String>,
) -> Html {
    html! {
        <>
        <LibraryDialog
            open={library_open.on}
            entries={if library_open.on { store.library() } else { Vec::new() }}
            current={state.article.id.clone()}
            exercise_copies={state.classroom.works.values().map(|w| work_article_id(&w.exercise)).collect::<Vec<_>>()}
            usage={if library_open.on { store.usage() } else { 0 }}
            on_close={library_open.close.clone()}
            on_open={library.open}
            on_rename={library.rename}
            on_delete={library.delete}
            removed={removed_title.clone()}
            on_undo_remove={library.undo_remove.clone()}
            on_download_kept_data={commands.download_kept_data.clone()}
            on_backup={commands.backup_library.clone()}
        />
        <Toast
            deleted={state.notices.deleted.clone()}
            removed_article={removed_title}
            on_undo_remove={library.undo_remove}
            on_dismiss_remove={library.dismiss_remove}
            reanchored={state.notices.reanchored}
            message={state.notices.message.clone()}
            dispatch={commands.dispatch.clone()}
            on_message={on_message}
        />
        </>
    }
}

/// The student's banner while working on an exercise; in Teacher mode, the exercise, scoring,
/// and the sheets to print.
fn classroom_panels(
    state: &AppState,
    commands: &Commands,
    on_message: &Callback<Option<String>>,
) -> Html {
    let classroom = &state.classroom;
    let draft = classroom.draft(&state.article.id);
    html! {
        <>
            if classroom.is_student() {
                <StudentBanner
                    classroom={SameRc(classroom.clone())}
                    claims={state.claims_vec()}
                    on_name={commands.set_student_name.clone()}
                    on_leave={commands.leave_exercise.clone()}
                    on_handed_in={commands.dispatch.reform(|at| Action::HandedIn { at })}
                    on_message={on_message.clone()}
                />
                if let Some(feedback) = classroom.active.as_ref().and_then(|id| classroom.feedback.get(id)) {
                    <FeedbackView feedback={feedback.clone()} showing={classroom.showing_feedback}
                        dispatch={commands.dispatch.clone()} />
                }
            }
            if classroom.mode == Mode::Teacher {
                <div class="classroom">
                    <TeacherPanel
                        key={state.article.id.clone()}
                        article={state.article.clone()}
                        claims={state.claims_vec()}
                        draft={draft}
                        on_instructions={commands.set_instructions.clone()}
                        on_settings={commands.set_exercise_settings.clone()}
                        on_exported={commands.exercise_exported.clone()}
                        on_draft_key={commands.draft_key.clone()}
                        on_message={on_message.clone()}
                    />
                    if let Some(student) = classroom.scoring.reviewing.clone() {
                        <StudentReview
                            classroom={SameRc(classroom.clone())}
                            {student}
                            dispatch={commands.dispatch.clone()}
                            on_message={on_message.clone()}
                        />
                    } else {
                        <ScoringPanel
                            classroom={SameRc(classroom.clone())}
                            on_load={commands.load_scoring_files.clone()}
                            on_clear={commands.clear_scoring.clone()}
                            on_rubric={commands.set_rubric.clone()}
                            on_message={on_message.clone()}
                            on_open_student={commands.dispatch.reform(|name: String| Action::ReviewStudent(Some(name)))}
                        />
                    }
                </div>
            }
        </>
    }
}

/// What the article's text says to a screen reader when it gets the focus (its
/// `aria-describedby`).
const ARTICLE_KEYS: &str = "Arrow keys move by word, up and down by sentence, Shift extends the selection, S selects the sentence, A adds a claim.";

/// The article (or its editor, and its details form) beside the claims panel, which is a
/// bottom sheet on a phone; and the claims list that prints after the article.
fn reading_and_claims(
    state: &AppState,
    commands: &Commands,
    on_message: &Callback<Option<String>>,
    details_open: &Toggle,
    editing: &Toggle,
    filter: &UseStateHandle<ClaimFilter>,
) -> Html {
    let sheet_label = format!("Claims · {}", state.claims.len() + state.orphans.len());
    let suggestions = Rc::new(SuggestionList::of(state));
    let outlined: Rc<Vec<_>> = Rc::new(suggestions.items.iter().map(|i| i.span).collect());
    html! {
        <div class="layout">
            <div class="reading">
            if details_open.on {
                <DetailsForm
                    details={Details::of(&state.article)}
                    dispatch={commands.dispatch.clone()}
                    on_done={details_open.close.clone()}
                />
            }
            if editing.on {
                <ArticleEditor
                    text={state.article.text.clone()}
                    dispatch={commands.dispatch.clone()}
                    on_done={editing.close.clone()}
                />
            } else {
                <ArticleView
                    article={state.article.clone()}
                    claims={state.claims.clone()}
                    selected={state.selected.clone()}
                    dispatch={commands.dispatch.clone()}
                    filter={(**filter).clone()}
                    suggestions={outlined}
                    current_suggestion={suggestions.current}
                />
            }
            <p id="article-keys" class="visually-hidden">{ ARTICLE_KEYS }</p>
            <PrintClaims claims={state.claims.clone()} />
            </div>
            <BottomSheet label={sheet_label} expand_for={state.selected.clone()}>
                <ClaimPanel
                    claims={state.claims.clone()}
                    orphans={state.orphans.clone()}
                    selected={state.selected.clone()}
                    dispatch={commands.dispatch.clone()}
                    on_message={on_message.clone()}
                    filter={filter.clone()}
                    answer_key={state.classroom.mode == Mode::Teacher}
                >
                    <SuggestionPanel list={suggestions} dispatch={commands.dispatch.clone()} />
                </ClaimPanel>
            </BottomSheet>
        </div>
    }
}
