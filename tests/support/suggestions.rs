//! Claim suggestions, as verbs: ask for them, accept or dismiss one from the panel's list, and
//! what `window.claimcheck.suggestClaims` finds in a text (so tests follow whatever the
//! suggester finds rather than a fixed list).

use serde_json::Value;

use crate::{poll, Browser};

impl Browser {
    /// `window.claimcheck.suggestClaims(text)`.
    pub async fn suggest_claims_in(&self, text: &str) -> Vec<Value> {
        let found = self
            .script(
                "return window.claimcheck.suggestClaims(arguments[0]);",
                vec![text.into()],
            )
            .await;
        found
            .as_array()
            .unwrap_or_else(|| panic!("suggestClaims gave {found}"))
            .clone()
    }

    /// The open article's text, as exported.
    pub async fn article_text(&self) -> String {
        let doc: Value = serde_json::from_str(&self.export_json().await).unwrap();
        doc["article"]["text"].as_str().unwrap().to_string()
    }

    /// How many suggestions the panel lists.
    pub async fn suggestion_count(&self) -> usize {
        self.count(".suggestion-list .suggestion").await
    }

    pub async fn wait_suggestion_count(&self, expected: usize) {
        poll(async || match self.suggestion_count().await {
            n if n == expected => Ok(()),
            n => Err(format!("the panel lists {n} suggestions, not {expected}")),
        })
        .await
    }

    /// Chooses Suggest claims and waits for the list (or its empty message).
    pub async fn suggest_claims(&self) {
        self.press("Suggest claims").await;
        self.wait_for(".suggestion-list, .suggestions-empty").await;
    }

    /// The start offsets of the listed suggestions, in order.
    pub async fn listed_suggestions(&self) -> Vec<usize> {
        let starts = self
            .script(
                "return [...document.querySelectorAll('.suggestion-list .suggestion')].map(li => Number(li.dataset.suggestion));",
                vec![],
            )
            .await;
        serde_json::from_value(starts).unwrap()
    }

    /// Chooses `button` (`accept-suggestion`, `adjust-suggestion`, `dismiss-suggestion`) on the
    /// suggestion starting at `start`.
    async fn on_suggestion(&self, start: usize, button: &str) {
        self.click(&format!(
            ".suggestion-list .suggestion[data-suggestion='{start}'] .{button}"
        ))
        .await;
    }

    /// Accepts the suggestion starting at `start` and waits for its claim.
    pub async fn accept_suggestion(&self, start: usize) {
        let before = self.claims().await.as_array().unwrap().len();
        self.on_suggestion(start, "accept-suggestion").await;
        poll(
            async || match self.claims().await.as_array().unwrap().len() {
                n if n == before + 1 => Ok(()),
                n => Err(format!("{n} claims after accepting, not {}", before + 1)),
            },
        )
        .await
    }

    /// Dismisses the suggestion starting at `start` and waits for it to leave the list.
    pub async fn dismiss_suggestion(&self, start: usize) {
        self.on_suggestion(start, "dismiss-suggestion").await;
        self.wait_gone(&format!(
            ".suggestion-list .suggestion[data-suggestion='{start}']"
        ))
        .await;
    }
}
