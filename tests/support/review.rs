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
