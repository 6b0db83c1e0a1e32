//! Verbs for a teacher's review of one student and a student's feedback: open a student's work
//! from the class table, write comments, and read what the review says.

use crate::Browser;

impl Browser {
    /// Clicks `student`'s name in the class table and waits for their review.
    pub async fn open_student_review(&self, student: &str) {
        self.press(student).await;
        self.wait_text_containing(".student-review h2", student)
            .await;
    }

    /// Types `text` into the comment box of the `n`-th key claim (from 1) of the review.
    pub async fn comment_on_key_claim(&self, n: usize, text: &str) {
        let field = self
            .find(&format!(".review-keys > li:nth-child({n}) textarea"))
            .await;
        field.send_keys(text).await.unwrap();
    }

    /// Types `text` as the review's overall comment.
    pub async fn write_overall_comment(&self, text: &str) {
        self.find("#overall-comment")
            .await
            .send_keys(text)
            .await
            .unwrap();
    }

    /// The review's summary line ("Total 40% · Found 1 of 2 key claims · …").
    pub async fn review_summary(&self) -> String {
        self.text(".review-summary").await
    }
}

impl Browser {
    /// In the open review, accepts the first near miss offered for a missed key claim
    /// ("Accept “…” as found").
    pub async fn accept_near_miss(&self) {
        let clicked = self
            .script(
                "const b = [...document.querySelectorAll('.review-keys button')]
                    .find(b => b.textContent.startsWith('Accept ') && b.textContent.endsWith(' as found'));
                 if (b) { b.click(); return b.textContent; } return null;",
                vec![],
            )
            .await;
        assert!(clicked.is_string(), "no near miss is offered to accept");
        self.wait_text_containing(".review-keys", "Found (accepted by you)")
            .await;
    }

    /// The class table's row for `student`, as its cells' text joined by " | ".
    pub async fn class_row(&self, student: &str) -> String {
        let row = self
            .script(
                "const r = [...document.querySelectorAll('.class-table tbody tr')]
                    .find(r => r.textContent.includes(arguments[0]));
                 return r ? [...r.cells].map(c => c.textContent.trim()).join(' | ') : null;",
                vec![serde_json::Value::from(student)],
            )
            .await;
        row.as_str()
            .unwrap_or_else(|| panic!("no row for {student} in the class table"))
            .to_string()
    }
}
