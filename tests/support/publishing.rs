//! Verbs for publishing and moving work between browsers: the Export menu's **Publishing as**
//! setting, and the library as its dialog lists it.

use serde_json::Value;

use crate::Browser;

impl Browser {
    /// Opens the Export menu and saves `name` (an organisation) as **Publishing as**; waits
    /// for the app to say so.
    pub async fn set_publisher(&self, name: &str) {
        self.click(".export-menu summary").await;
        let field = self.wait_for("#publisher-name").await;
        field.clear().await.unwrap();
        field.send_keys(name).await.unwrap();
        self.press("Save name").await;
        self.wait_text_containing(".toasts", &format!("name “{name}”"))
            .await;
    }

    /// The Library dialog's entries, as "title | counts", then the dialog closed again.
    pub async fn library_entries(&self) -> Value {
        self.press("Library").await;
        self.wait_for(".library-entry").await;
        let entries = self
            .script(
                "return [...document.querySelectorAll('.library-entry')].map(e => \
                 e.querySelector('.library-title').textContent + ' | ' + \
                 e.querySelector('.library-counts').textContent);",
                vec![],
            )
            .await;
        self.script("document.querySelector('dialog[open]')?.close();", vec![])
            .await;
        entries
    }
}
