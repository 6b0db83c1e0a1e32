//! What the page's controls do: each named action App hands its components, as a callback bound
//! to the store once. Every render hands out the same callbacks, so a component given them
//! re-renders only when the data it shows changes.

use std::rc::Rc;

use yew::prelude::*;

use crate::app::actions::Action;
use crate::app::notices;
use crate::core::classroom::exercise::Settings;
use crate::core::classroom::scoring::Rubric;
use crate::core::classroom::session::Mode;
use crate::core::formats::claimreview::Publisher;
use crate::core::formats::export::{self, ExportFormat};
use crate::view::classroom::scoring_panel::ReadFiles;
use crate::view::input::selection::add_claim_from_selection;
use crate::view::SameRc;
use crate::web::store::AppStore;
use crate::web::{clipboard, clock, download, persistence, text_selection};

pub struct Commands {
    /// Any action: for the components that edit the article and its claims.
    pub dispatch: Callback<Action>,
    pub undo: Callback<()>,
    pub redo: Callback<()>,
    pub set_mode: Callback<Mode>,
    pub dismiss_warning: Callback<usize>,
    /// Marks the selection in the article as a claim.
    pub add_claim: Callback<()>,
    /// Links claim `id` to the selected words, where the text names its source.
    pub set_source_phrase: Callback<String>,
    pub export_article: Callback<ExportFormat>,
    pub export_library: Callback<ExportFormat>,
    /// The whole library as Claimcheck JSON: the backup the reminder and the Library offer.
    pub backup_library: Callback<()>,
    pub copy_json: Callback<()>,
    /// Downloads the stored data Claimcheck could not read (kept aside for the user).
    pub download_kept_data: Callback<()>,
    pub set_student_name: Callback<String>,
    pub leave_exercise: Callback<()>,
    pub set_instructions: Callback<String>,
    pub set_exercise_settings: Callback<Settings>,
    /// The open article's exercise was exported under an id with a hash.
    pub exercise_exported: Callback<(String, String)>,
    pub load_scoring_files: Callback<ReadFiles>,
    pub clear_scoring: Callback<()>,
    pub set_rubric: Callback<Rubric>,
    /// Saves the **Publishing as** setting (ClaimReview's author).
    pub set_publisher: Callback<Publisher>,
    /// Teacher mode: the answer key drafted from the claim suggestions.
    pub draft_key: Callback<()>,
}

/// The page's commands, made once for the store (and again only if `on_message` changed).
#[hook]
pub fn use_commands(store: &Rc<AppStore>, on_message: &Callback<Option<String>>) -> Rc<Commands> {
    use_memo(
        (SameRc(store.clone()), on_message.clone()),
        |(store, on_message)| Commands::new(&store.0, on_message),
    )
}

impl Commands {
    fn new(store: &Rc<AppStore>, on_message: &Callback<Option<String>>) -> Self {
        let dispatch = {
            let store = store.clone();
            Callback::from(move |action: Action| store.dispatch(action))
        };
        Commands {
            undo: dispatch.reform(|()| Action::Undo),
            redo: dispatch.reform(|()| Action::Redo),
            set_mode: {
                let store = store.clone();
                Callback::from(move |mode| store.set_mode(mode))
            },
            dismiss_warning: dispatch.reform(Action::DismissWarning),
            add_claim: {
                let store = store.clone();
                Callback::from(move |()| {
                    add_claim_from_selection(&store);
                })
            },
            set_source_phrase: set_source_phrase(&dispatch),
            export_article: export_article(store, on_message),
            export_library: export_library(store, on_message),
            backup_library: export_library(store, on_message).reform(|()| ExportFormat::Claimcheck),
            copy_json: copy_json(store, on_message),
            download_kept_data: download_kept_data(store, on_message),
            set_student_name: dispatch.reform(Action::SetStudentName),
            leave_exercise: {
                let store = store.clone();
                Callback::from(move |()| store.set_mode(Mode::Reader))
            },
            set_instructions: dispatch.reform(Action::SetInstructions),
            set_exercise_settings: dispatch.reform(Action::SetExerciseSettings),
            exercise_exported: dispatch.reform(|(id, hash)| Action::ExerciseExported { id, hash }),
            load_scoring_files: dispatch
                .reform(|(files, unreadable)| Action::LoadScoringFiles { files, unreadable }),
            clear_scoring: dispatch.reform(|()| Action::ClearScoring),
            set_rubric: dispatch.reform(Action::SetRubric),
            set_publisher: {
                let store = store.clone();
                Callback::from(move |p: Publisher| store.set_publisher(p))
            },
            draft_key: dispatch.reform(|()| Action::DraftKeyFromSuggestions {
                id_prefix: clock::new_id("c"),
                at: clock::now(),
            }),
            dispatch,
        }
    }
}

fn set_source_phrase(dispatch: &Callback<Action>) -> Callback<String> {
    let dispatch = dispatch.clone();
    Callback::from(move |id: String| {
        if let Some((start, end)) = text_selection::selection_offsets() {
            dispatch.emit(Action::SetSourcePhrase {
                id,
                start,
                end,
                at: clock::now(),
            });
            text_selection::clear_selection();
        }
    })
}

fn export_article(
    store: &Rc<AppStore>,
    on_message: &Callback<Option<String>>,
) -> Callback<ExportFormat> {
    let (store, on_message) = (store.clone(), on_message.clone());
    Callback::from(move |format: ExportFormat| {
        let file = export::article_export(format, &store.state().document(), &store.publisher());
        match download::download_text(&file.name, file.mime, &file.text) {
            Ok(()) => {
                persistence::record_backup();
                on_message.emit(Some(notices::exported(&file, None)))
            }
            Err(e) => on_message.emit(Some(e)),
        }
    })
}

fn export_library(
    store: &Rc<AppStore>,
    on_message: &Callback<Option<String>>,
) -> Callback<ExportFormat> {
    let (store, on_message) = (store.clone(), on_message.clone());
    Callback::from(move |format: ExportFormat| {
        let docs = store.library_documents();
        let today = clock::now().get(..10).unwrap_or("").to_string();
        let file = export::library_export(format, &docs, &today, &store.publisher());
        on_message.emit(Some(
            match download::download_text(&file.name, file.mime, &file.text) {
                Ok(()) => {
                    persistence::record_backup();
                    notices::exported(&file, Some(docs.len()))
                }
                Err(e) => e,
            },
        ));
    })
}

fn copy_json(store: &Rc<AppStore>, on_message: &Callback<Option<String>>) -> Callback<()> {
    let (store, on_message) = (store.clone(), on_message.clone());
    Callback::from(move |()| {
        let json = store.state().export_json();
        let on_message = on_message.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let message = match clipboard::copy_text(&json).await {
                Ok(()) => "Copied the claims as JSON".to_string(),
                Err(e) => e,
            };
            on_message.emit(Some(message));
        });
    })
}

fn download_kept_data(store: &Rc<AppStore>, on_message: &Callback<Option<String>>) -> Callback<()> {
    let (store, on_message) = (store.clone(), on_message.clone());
    Callback::from(move |()| {
        for (i, key) in store.unreadable_keys().iter().enumerate() {
            // What is not valid text goes out as the UTF-16 it is, so nothing is changed.
            let result = match store.raw_stored_invalid_text(key) {
                Some(units) => download::download_utf16(
                    &format!("claimcheck-kept-data-{}.utf16.json", i + 1),
                    &units,
                ),
                None => match store.raw_stored(key) {
                    Some(raw) => download::download_text(
                        &format!("claimcheck-kept-data-{}.json", i + 1),
                        "application/json",
                        &raw,
                    ),
                    None => Ok(()),
                },
            };
            if let Err(e) = result {
                on_message.emit(Some(e));
            }
        }
    })
}

/// What the library dialog and the undo toast do. `close_library` closes the dialog once an
/// article is opened; the article just deleted is a notice of the state, while it can be put
/// back; `update` redraws the library after a rename that changed no app state.
pub struct LibraryCommands {
    pub open: Callback<String>,
    pub rename: Callback<(String, String)>,
    pub delete: Callback<String>,
    pub undo_remove: Callback<()>,
    pub dismiss_remove: Callback<()>,
}

#[hook]
pub fn use_library_commands(
    store: &Rc<AppStore>,
    on_message: &Callback<Option<String>>,
    close_library: &Callback<()>,
    update: &UseForceUpdateHandle,
) -> LibraryCommands {
    let deps = (SameRc(store.clone()), on_message.clone());
    let open = use_callback(
        (deps.clone(), close_library.clone()),
        |id: String, ((store, on_message), close_library)| match store.0.open_by_id(&id) {
            Ok(()) => close_library.emit(()),
            Err(e) => on_message.emit(Some(e)),
        },
    );
    let rename = {
        let update = update.clone();
        use_callback(
            deps.clone(),
            move |(id, title): (String, String), (store, on_message)| {
                if let Err(e) = store.0.rename(&id, &title) {
                    on_message.emit(Some(e));
                }
                update.force_update();
            },
        )
    };
    let delete = use_callback(deps.clone(), |id: String, (store, on_message)| {
        if let Err(e) = store.0.remove_article(&id) {
            on_message.emit(Some(e));
        }
    });
    let undo_remove = use_callback(SameRc(store.clone()), |(), store| {
        store.0.undo_remove_article()
    });
    let dismiss_remove = use_callback(SameRc(store.clone()), |(), store| {
        store.0.dispatch(Action::DismissRemovedArticle)
    });
    LibraryCommands {
        open,
        rename,
        delete,
        undo_remove,
        dismiss_remove,
    }
}
