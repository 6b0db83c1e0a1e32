//! Deep links (`#article=…&claim=…`): followed when the page opens, and whenever back, forward
//! or a typed link changes the address.

use std::rc::Rc;

use yew::Callback;

use crate::app::actions::Action;
use crate::core::formats::deep_link::DeepLink;
use crate::web::location;
use crate::web::store::AppStore;

/// Follows the address's link now (or names the open article in it), and on every change;
/// what cannot be followed is said through `on_message`.
pub fn follow_deep_links(store: &Rc<AppStore>, on_message: Callback<Option<String>>) {
    let follow = {
        let s = store.clone();
        move |link: DeepLink| follow_link(&s, &on_message, link)
    };
    let link = location::current();
    if link.article.is_some() {
        follow(link);
    } else {
        location::replace_article(&store.state().article.id);
    }
    location::on_change(follow);
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
