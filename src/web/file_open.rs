//! Reading a file the user chose (or dropped) into an article.

use wasm_bindgen_futures::JsFuture;

use super::html_import::article_from_html;
use crate::core::formats::sniff::{too_large, MAX_IMPORT_BYTES};
use crate::core::intake::files::{
    article_from_text_file, decode_text, decode_text_up_to, file_kind, title_from_file_name,
    FileKind, FileProblem,
};
use crate::core::intake::markdown::article_from_markdown;
use crate::core::model::Article;
use crate::core::text::paragraphs::MAX_PASTE_BYTES;

/// The text of a file to import (Claimcheck, W3C or Hypothesis JSON), checked as any opened
/// file is.
pub async fn read_import(file: &web_sys::File) -> Result<String, String> {
    let size = file.size() as usize;
    if size > MAX_IMPORT_BYTES {
        return Err(too_large(size));
    }
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| format!("\"{}\" could not be read.", file.name()))?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    // The same checks as for articles, with the import's own size limit and words.
    decode_text_up_to(&bytes, MAX_IMPORT_BYTES).map_err(|e| match e {
        FileProblem::NotText => format!(
            "\"{}\" is not UTF-8 or UTF-16 text, so it cannot be a Claimcheck, W3C or Hypothesis JSON file.",
            file.name()
        ),
        FileProblem::TooLarge { bytes } => too_large(bytes),
        other => other.to_string(),
    })
}

/// Whether `file` is the one just chosen in Import's file chooser (`#import-file`) rather than
/// in Open file's or dropped: what is chosen for Import goes to Import, whatever its kind, so a
/// wrong kind gets Import's advice, not Open file's.
pub fn chosen_for_import(file: &web_sys::File) -> bool {
    use wasm_bindgen::JsCast;
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("import-file"))
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
        .and_then(|input| input.files())
        .and_then(|files| files.get(0))
        .is_some_and(|chosen| js_sys::Object::is(&chosen, file))
}

/// Whether a file is one to import rather than to open as an article.
pub fn is_import(file: &web_sys::File) -> bool {
    let name = file.name().to_ascii_lowercase();
    name.ends_with(".json") || name.ends_with(".jsonld")
}

/// The article in `file`, or what is wrong with the file, in words for the user.
pub async fn read_article(file: &web_sys::File) -> Result<Article, String> {
    let name = file.name();
    let kind = file_kind(&name).map_err(|e| e.to_string())?;
    // Refuse large files before reading them at all.
    let size = file.size() as usize;
    if size > MAX_PASTE_BYTES {
        return Err(FileProblem::TooLarge { bytes: size }.to_string());
    }
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| format!("\"{name}\" could not be read."))?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    let text = decode_text(&bytes).map_err(|e| e.to_string())?;
    let fallback = title_from_file_name(&name);
    match kind {
        FileKind::Text => article_from_text_file(&text),
        FileKind::Markdown => article_from_markdown(&text, &fallback),
        FileKind::Html => article_from_html(&text, &fallback),
    }
    .map_err(|e| e.to_string())
}

/// The names and texts of several JSON files (a class's submissions), and what went wrong
/// with the ones that could not be read.
pub async fn read_all(files: Vec<web_sys::File>) -> (Vec<(String, String)>, Vec<String>) {
    let mut read = Vec::new();
    let mut problems = Vec::new();
    for file in files {
        match read_import(&file).await {
            Ok(text) => read.push((file.name(), text)),
            Err(e) => problems.push(format!("{}: {e}", file.name())),
        }
    }
    (read, problems)
}

/// The files of a file list, in order.
pub fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else {
        return Vec::new();
    };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}
