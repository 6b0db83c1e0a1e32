//! Classroom exercises: the teacher's panel and scoring, the student's banner, printed sheets.

pub(crate) mod label_set_editor;
pub(crate) mod print_sheets;
pub(crate) mod scoring_panel;
pub(crate) mod student_banner;
pub(crate) mod teacher_panel;
