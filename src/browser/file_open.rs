//! Reading a file the user chose (or dropped) into an article.

use wasm_bindgen_futures::JsFuture;

use super::html_import::article_from_html;
use crate::article_import::{
    article_from_markdown, article_from_text_file, decode_text, file_kind, title_from_file_name,
    FileKind, FileProblem,
};
use crate::article_text::MAX_PASTE_BYTES;
use crate::model::Article;

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
