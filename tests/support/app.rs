//! What a person does in Claimcheck, as verbs the tests are written in: open an article, add a
//! claim by selecting its words, mark it, name its source, wait for the work to be saved,
//! export and read the file that downloads.
//!
//! The app has no "saved" indicator; it saves a moment after each change (and at once when the
//! page is hidden). [`Browser::wait_saved`] therefore polls the real thing: localStorage holding
//! the open article's document exactly as the app would export it now.

use std::path::Path;

use serde_json::Value;

use crate::{poll, Browser};

/// The title of the first bundled sample, the article a fresh profile opens on.
pub const SAMPLE_TITLE: &str =
    "Port authority chief approved dredging contract for firm tied to his brother, records show";
/// A sentence of that sample, the claim most tests start with.
pub const DENIAL: &str = "Port Authority director Tomas Reyl denied any wrongdoing.";

/// True when some stored value is the open article's document as exported now.
const SAVED_JS: &str = "const doc = window.claimcheck.exportJson();
    return Object.keys(localStorage).some(k => localStorage.getItem(k) === doc);";

impl Browser {
    /// Opens a bundled sample by typing the start of its title into the Samples menu, as a
    /// keyboard user would.
    pub async fn open_sample(&self, title_start: &str) {
        let select = self.find("select[aria-label='Sample article']").await;
        select.send_keys(title_start).await.unwrap();
        poll(async || {
            let title = self.text("#article-title").await;
            if title.starts_with(title_start) {
                Ok(())
            } else {
                Err(format!(
                    "the sample {title_start:?} did not open; showing {title:?}"
                ))
            }
        })
        .await
    }

    /// Opens the Paste article dialog, types `text` and chooses Use this article.
    pub async fn paste_article(&self, text: &str) {
        self.press("Paste article").await;
        self.wait_for("#paste-text")
            .await
            .send_keys(text)
            .await
            .unwrap();
        self.press("Use this article").await;
    }

    /// Chooses `path` in the page's Open file input, as the file picker would.
    pub async fn open_file(&self, path: &Path) {
        self.choose_file_in("#open-file", path).await;
    }

    /// Chooses `path` in the Import input.
    pub async fn import_file(&self, path: &Path) {
        self.choose_file_in("#import-file", path).await;
    }

    /// The counts line: "2 claims · 1 verified · 1 unverified".
    pub async fn counts(&self) -> String {
        self.text(".counts").await
    }

    pub async fn wait_counts(&self, expected: &str) {
        self.wait_text(".counts", expected).await;
    }

    /// The article's claims, as `window.claimcheck.claims()` gives them.
    pub async fn claims(&self) -> Value {
        self.script("return window.claimcheck.claims();", vec![])
            .await
    }

    async fn claim_count(&self) -> usize {
        self.script("return window.claimcheck.claims().length;", vec![])
            .await
            .as_u64()
            .unwrap() as usize
    }

    async fn wait_claim_count(&self, expected: usize) {
        poll(async || match self.claim_count().await {
            n if n == expected => Ok(()),
            n => Err(format!("the article has {n} claims, not {expected}")),
        })
        .await
    }

    /// Selects `quote` in the article with the mouse and adds it with the toolbar's Add claim.
    pub async fn add_claim(&self, quote: &str) {
        let before = self.claim_count().await;
        self.drag_select(quote).await;
        self.press("Add claim").await;
        self.wait_claim_count(before + 1).await;
    }

    /// Selects `quote` in the article with the mouse and adds it with the A key.
    pub async fn add_claim_by_key(&self, quote: &str) {
        let before = self.claim_count().await;
        self.drag_select(quote).await;
        self.press_key("a").await;
        self.wait_claim_count(before + 1).await;
    }

    /// Marks the selected claim Verified with its button.
    pub async fn mark_verified(&self) {
        self.mark("Verified", "verified").await;
    }

    /// Marks the selected claim Unverified with its button.
    pub async fn mark_unverified(&self) {
        self.mark("Unverified", "unverified").await;
    }

    async fn mark(&self, button: &str, status: &str) {
        self.press(button).await;
        self.wait_for(&format!(
            ".claim-editor .status-{status}[aria-pressed='true']"
        ))
        .await;
    }

    /// Types `name` into the selected claim's (empty) Source field.
    pub async fn set_source(&self, name: &str) {
        self.field("Source").await.send_keys(name).await.unwrap();
    }

    /// Types `text` into the selected claim's (empty) Note field.
    pub async fn write_note(&self, text: &str) {
        self.field("Note").await.send_keys(text).await.unwrap();
    }

    /// Selects `phrase` in the article and links it to the selected claim with Set as source.
    pub async fn set_source_phrase(&self, phrase: &str) {
        self.drag_select(phrase).await;
        self.press("Set as source").await;
        self.wait_text(".source-phrase q", phrase).await;
    }

    /// Waits until the open article, with its claims as they are now, has been saved: some
    /// localStorage value is exactly what `window.claimcheck.exportJson()` gives. (The app
    /// writes the index and the selection in the same save, just after.) Changes only to the
    /// selection or to classroom state do not show here: wait for those with [`Self::wait_stored`].
    pub async fn wait_saved(&self) {
        poll(async || {
            if self.script(SAVED_JS, vec![]).await == Value::Bool(true) {
                Ok(())
            } else {
                Err("the open article's latest changes were not saved".to_string())
            }
        })
        .await
    }

    /// Waits until localStorage's `key` holds `needle`.
    pub async fn wait_stored(&self, key: &str, needle: &str) {
        poll(async || {
            let stored = self
                .script(
                    "return localStorage.getItem(arguments[0]);",
                    vec![key.into()],
                )
                .await;
            match stored.as_str() {
                Some(s) if s.contains(needle) => Ok(()),
                _ => Err(format!("{key} holds {stored}, which lacks {needle:?}")),
            }
        })
        .await
    }

    /// Hides the page, as switching to another tab does: the app then saves at once what it has
    /// not saved yet (its `visibilitychange` handler). For a save that cannot show in storage
    /// (when storage is full, say), this is how a test knows it was attempted.
    pub async fn hide_page(&self) {
        self.script(
            "document.dispatchEvent(new Event('visibilitychange'));",
            vec![],
        )
        .await;
    }

    /// Every localStorage key and value, sorted by key, as one JSON string.
    pub async fn storage_snapshot(&self) -> Value {
        self.script(
            "return JSON.stringify(Object.keys(localStorage).sort().map(k => [k, localStorage.getItem(k)]));",
            vec![],
        )
        .await
    }

    /// `window.claimcheck.exportJson()`: the open article and its claims, as Export JSON writes
    /// them.
    pub async fn export_json(&self) -> String {
        self.script("return window.claimcheck.exportJson();", vec![])
            .await
            .as_str()
            .unwrap()
            .to_string()
    }

    /// `window.claimcheck.exportAs(format, scope)`.
    pub async fn export_as(&self, format: &str, scope: Option<&str>) -> String {
        let js = "return window.claimcheck.exportAs(...arguments);";
        let mut args = vec![format.into()];
        args.extend(scope.map(Value::from));
        let file = self.script(js, args).await;
        file.as_str()
            .unwrap_or_else(|| panic!("exportAs gave {file}"))
            .to_string()
    }

    /// `window.claimcheck.importJson(text)`: the report of what was imported, or why not.
    pub async fn import_json(&self, text: &str) -> Value {
        self.script(
            "return window.claimcheck.importJson(arguments[0]);",
            vec![text.into()],
        )
        .await
    }

    /// Types `url` into the selected claim's Evidence address and chooses Add evidence; the
    /// caller waits for the evidence (or the form's message).
    pub async fn add_evidence(&self, url: &str) {
        let field = self.field("Evidence address").await;
        field.clear().await.unwrap();
        field.send_keys(url).await.unwrap();
        self.press("Add evidence").await;
    }

    /// Waits for a message among the toasts containing `expected`; returns the toasts' text.
    pub async fn wait_toast(&self, expected: &str) -> String {
        self.wait_text_containing(".toasts", expected).await
    }

    /// Chooses `item` in the Export menu, as a mouse user does.
    pub async fn export(&self, item: &str) {
        self.click(".export-menu summary").await;
        self.press(item).await;
    }

    /// Chooses `item` in the Export menu and returns the file `name` it downloads.
    pub async fn export_download(&self, item: &str, name: &str) -> String {
        self.export(item).await;
        self.downloaded(name).await
    }

    /// The contents of a downloaded file, once the browser has finished writing it (the file
    /// is then removed, so the next download of the same name is read afresh).
    pub async fn downloaded(&self, name: &str) -> String {
        let path = self.downloads.join(name);
        poll(async || {
            if let Ok(text) = std::fs::read_to_string(&path) {
                if !text.is_empty() {
                    let _ = std::fs::remove_file(&path);
                    return Ok(text);
                }
            }
            let present: Vec<_> = std::fs::read_dir(&self.downloads)
                .unwrap()
                .filter_map(|e| e.ok().map(|e| e.file_name()))
                .collect();
            Err(format!(
                "{name} was not downloaded; the folder has {present:?}"
            ))
        })
        .await
    }

    /// Fills localStorage up to its quota, as another page of the same site might: after
    /// this, any write that makes storage grow fails with QuotaExceededError.
    pub async fn fill_storage(&self) {
        let error = self
            .script(
                "let i = 0, size = 1024 * 1024, error = null;
                 while (size >= 1) {
                   try { localStorage.setItem('filler:' + Date.now() + ':' + i++, 'x'.repeat(size)); }
                   catch (e) { error = e.name; size = Math.floor(size / 2); }
                 }
                 return error;",
                vec![],
            )
            .await;
        assert_eq!(error, "QuotaExceededError");
    }

    /// Takes away what [`Self::fill_storage`] put in.
    pub async fn free_storage(&self) {
        self.script(
            "Object.keys(localStorage).filter(k => k.startsWith('filler:')).forEach(k => localStorage.removeItem(k));",
            vec![],
        )
        .await;
    }
}
