//! Classroom exercises: the teacher's panel and scoring, one student's review, the student's
//! banner and feedback, printed sheets.

pub(crate) mod feedback_sheet;
pub(crate) mod feedback_view;
pub(crate) mod heat_strip;
pub(crate) mod label_set_editor;
pub(crate) mod paste_codes;
pub(crate) mod print_sheets;
pub(crate) mod review_article;
pub(crate) mod rubric_weights;
pub(crate) mod scoring_panel;
pub(crate) mod student_banner;
pub(crate) mod student_review;
pub(crate) mod teacher_panel;
