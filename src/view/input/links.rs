//! Deep links (`#article=…&claim=…`): followed when the page opens, and whenever back, forward
//! or a typed link changes the address.

use std::rc::Rc;

use yew::Callback;

use crate::app::actions::Action;
use crate::core::formats::deep_link::DeepLink;
use crate::web::store::AppStore;
use crate::web::{exercise_link, location};

/// Follows the address's link now (or names the open article in it), and on every change;
/// what cannot be followed is said through `on_message`.
pub fn follow_deep_links(store: &Rc<AppStore>, on_message: Callback<Option<String>>) {
    let follow = {
        let s = store.clone();
        let on_message = on_message.clone();
        move |link: DeepLink| match exercise_link::link_in_address() {
            Some(code) => open_exercise_link(&s, &on_message, code),
            None => follow_link(&s, &on_message, link),
        }
    };
    if let Some(code) = exercise_link::link_in_address() {
        open_exercise_link(store, &on_message, code);
    }
    let link = location::current();
    if link.article.is_some() {
        follow(link);
    } else {
        location::replace_article(&store.state().article.id);
    }
    location::on_change(follow);
}

thread_local! {
    /// The exercise link being opened (unpacking it waits for the browser).
    static OPENING: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// share: an exercise link (`#exercise=…`) starts Student mode on its exercise, as opening its
/// file does; a damaged or foreign one is said, and changes nothing.
fn open_exercise_link(store: &Rc<AppStore>, on_message: &Callback<Option<String>>, code: String) {
    // A typed link fires both popstate and hashchange: it is opened once.
    if OPENING.with(|o| o.replace(Some(code.clone()))).as_ref() == Some(&code) {
        return;
    }
    let (store, on_message) = (store.clone(), on_message.clone());
    wasm_bindgen_futures::spawn_local(async move {
        match exercise_link::exercise_from_code(&code).await {
            Ok(exercise) => store.open_exercise(exercise),
            Err(e) => on_message.emit(Some(e)),
        }
        // The address names the open article again, not the link's code.
        location::replace_article(&store.state().article.id);
        OPENING.with(|o| o.take());
    });
}

/// Opens a deep link's article and shows its claim.
fn follow_link(store: &Rc<AppStore>, on_message: &Callback<Option<String>>, link: DeepLink) {
    if let Some(article) = &link.article {
        if let Err(e) = store.open_by_id(article) {
            on_message.emit(Some(e));
            return;
        }
    }
    if let Some(claim) = link.claim {
        if store.state().claim(&claim).is_none() {
            on_message.emit(Some(
                "The claim this link points to is not in the article.".to_string(),
            ));
            return;
        }
        store.dispatch(Action::Select(Some(claim.clone())));
        // After the view has drawn the article the link opened.
        gloo::timers::callback::Timeout::new(50, move || {
            crate::view::article::article_view::flash_claim(&claim)
        })
        .forget();
    }
}
