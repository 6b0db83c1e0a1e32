//! The **Your name / organisation** setting: read for every ClaimReview export, saved when the
//! user changes it (in the Export menu), and what saving it says.

use crate::app::actions::Action;
use crate::app::notices::{publisher_saved, why_not_saved};
use crate::app::session::Session;
use crate::core::formats::claimreview::Publisher;
use crate::core::library::store::KeyValue;

impl<S: KeyValue> Session<S> {
    /// Who ClaimReview exports name as their author (unset until the user says).
    pub fn publisher(&self) -> Publisher {
        self.store.publisher()
    }

    /// Saves the setting and tells the user what ClaimReview exports will say now, or why it
    /// could not be saved (the exports of this tab still cannot use it then).
    pub fn set_publisher(&mut self, publisher: Publisher) {
        let mut warnings = Vec::new();
        let saved = self.store.set_publisher(&publisher, &mut warnings);
        self.warn_all(warnings);
        let message = match saved {
            Ok(()) => publisher_saved(&publisher),
            Err(e) => format!("Your name was not saved: {}.", why_not_saved(&e)),
        };
        self.dispatch(Action::Tell(message));
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use crate::app::session::tests::fresh;
    use crate::app::session::Session;
    use crate::core::formats::claimreview::{Publisher, PublisherKind};
    use crate::core::formats::export::{article_export, ExportFormat};
    use serde_json::Value;

    #[test]
    fn the_name_set_once_is_the_author_of_every_claimreview_after_a_reload() {
        let mut s = fresh();
        let desk = Publisher::checked("Port Desk", PublisherKind::Organization, "").unwrap();
        s.set_publisher(desk.clone());
        assert_eq!(
            s.state().notices.message.as_deref(),
            Some("Saved: ClaimReview exports name “Port Desk” (an organisation) as their author.")
        );
        // A reload reads it back from storage.
        let reloaded = Session::start(s.store.kv().clone(), None);
        assert_eq!(reloaded.publisher(), desk);
        let mut doc = reloaded.state().document();
        doc.claims.push(crate::core::test_claims::claim_on(
            &doc.article.text,
            "c1",
            &doc.article.text.chars().take(20).collect::<String>(),
        ));
        let file = article_export(ExportFormat::ClaimReview, &doc, &reloaded.publisher());
        let v: Value = serde_json::from_str(&file.text).unwrap();
        assert_eq!(v[0]["author"]["name"], "Port Desk");
    }
}
