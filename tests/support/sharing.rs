//! Sharing without files, as verbs: the teacher copies an exercise link, a student opens it and
//! copies a submission code, the teacher pastes codes into scoring.

use serde_json::Value;

use crate::{poll, Browser};

impl Browser {
    /// Teacher mode: Copy exercise link, read back from the clipboard (and the same link shown
    /// in the panel).
    pub async fn copy_exercise_link(&self) -> String {
        self.grant("clipboard-read").await;
        self.grant("clipboard-write").await;
        self.press("Copy exercise link").await;
        self.wait_toast("exercise link").await;
        let copied = self
            .script_async("navigator.clipboard.readText().then(arguments[0]);", vec![])
            .await;
        let shown = self
            .script(
                "return document.getElementById('exercise-link').value;",
                vec![],
            )
            .await;
        assert_eq!(
            copied, shown,
            "the clipboard holds the link the panel shows"
        );
        copied.as_str().unwrap().to_string()
    }

    /// Goes to `link` as a typed address would: a page load when it is on another server, a
    /// new fragment when on this one; back once the app has read the link's code.
    pub async fn open_link(&self, link: &str) {
        let origin: String = link.split('#').next().unwrap().trim_end_matches('/').into();
        self.script("location.href = arguments[0];", vec![Value::from(link)])
            .await;
        poll(async || {
            let at = self
                .script("return [location.origin, location.hash];", vec![])
                .await;
            let (here, hash) = (at[0].as_str().unwrap_or(""), at[1].as_str().unwrap_or(""));
            if origin.starts_with(here)
                && !hash.contains("exercise=")
                && self.exists("#article-body").await
            {
                Ok(())
            } else {
                Err(format!("still at {here}{hash}"))
            }
        })
        .await;
    }

    /// Student mode: Copy submission code; the code as shown under Submit.
    pub async fn copy_submission_code(&self) -> String {
        self.grant("clipboard-write").await;
        self.press("Copy submission code").await;
        self.wait_for("#submission-code").await;
        let code = self
            .script(
                "return document.getElementById('submission-code').value;",
                vec![],
            )
            .await;
        code.as_str().unwrap().to_string()
    }

    /// Scoring: pastes `lines` (one code a line) under Paste submission codes and loads them.
    pub async fn paste_codes(&self, lines: &[&str]) {
        self.find(".paste-codes summary")
            .await
            .click()
            .await
            .unwrap();
        self.script(
            "document.getElementById('submission-codes').value = arguments[0];",
            vec![Value::from(lines.join("\n"))],
        )
        .await;
        self.press("Load codes").await;
        self.wait_for(".paste-codes-status").await;
    }
}
