//! What the user does with whole articles and files, as methods of `Session`: open, list,
//! rename, remove and restore articles of the library (`library`), import files and route the
//! JSON files the user opens (`import`), work on an exercise as a student (`exercise`), keep
//! in memory the work storage did not take (`unsaved`), merge what other tabs saved
//! (`other_tabs`), keep who publishes ClaimReviews (`publisher`) and the claim suggestions
//! dismissed on each article (`dismissals`), and keep the teacher's scoring session and open a
//! student's feedback (`scoring_session`).

mod dismissals;
mod exercise;
mod import;
mod library;
mod other_tabs;
mod publisher;
mod scoring_session;
mod unsaved;
