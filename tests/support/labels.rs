//! Claim labels, as a teacher and a student use them: the teacher's label set in Teacher mode
//! (a preset, a label typed in) and the label picker of the selected claim.

use crate::{poll, Browser};

impl Browser {
    /// Teacher mode: starts the exercise's label set from the preset named `name`.
    pub async fn use_label_preset(&self, name: &str) {
        self.press(&format!("Use “{name}”")).await;
        self.wait_for(".label-set-editor .label-set").await;
    }

    /// Teacher mode: types `label` into New label and chooses Add label; the caller waits for
    /// the label (or the editor's message).
    pub async fn add_label(&self, label: &str) {
        let field = self.field("New label").await;
        field.clear().await.unwrap();
        field.send_keys(label).await.unwrap();
        self.press("Add label").await;
    }

    /// The labels of the teacher's label set, in order.
    pub async fn label_set(&self) -> Vec<String> {
        self.texts(".label-set-editor .label-set .claim-label")
            .await
    }

    /// Waits until the teacher's label set is `expected`.
    pub async fn wait_label_set(&self, expected: &[&str]) {
        poll(async || {
            let set = self.label_set().await;
            if set == expected {
                Ok(())
            } else {
                Err(format!("the label set is {set:?}, not {expected:?}"))
            }
        })
        .await
    }

    /// Tags the selected claim with `label` with its button in the claim editor, and waits for
    /// the button to show it pressed.
    pub async fn tag_claim(&self, label: &str) {
        poll(async || {
            self.labelled(".claim-editor .label-group button", label)
                .await
                .map_err(|names| format!("no label button {label:?}; there are {names:?}"))
        })
        .await
        .click()
        .await
        .unwrap();
        poll(async || {
            let pressed = self.texts(".claim-editor .label-button.pressed").await;
            if pressed.iter().any(|p| p == label) {
                Ok(())
            } else {
                Err(format!("{label:?} is not pressed; pressed: {pressed:?}"))
            }
        })
        .await
    }

    /// The labels the claims list shows, in reading order (claims without one show none).
    pub async fn listed_labels(&self) -> Vec<String> {
        self.texts(".claim-list .claim-label").await
    }
}
