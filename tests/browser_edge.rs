#![cfg(target_arch = "wasm32")]
//! The browser edge in real headless Chromium: DOM selections ↔ code-point offsets (with emoji,
//! combining accents, CJK and right-to-left text), localStorage (including a full quota),
//! downloads, and the `window.claimcheck` API over the running app.

use claimcheck::app::backup::{LAST_BACKUP_KEY, PERSISTENCE_ASKED_KEY};
use claimcheck::app::view_model::highlight_layout::layout;
use claimcheck::app::view_model::paragraph_markup::{runs_markup, Shown};
use claimcheck::core::anchoring::selectors::describe;
use claimcheck::core::library::store::{KeyValue, WriteError};
use claimcheck::core::model::Claim;
use claimcheck::core::text::offsets::{char_len, slice, trim_range};
use claimcheck::web::local_storage::LocalStorage;
use claimcheck::web::text_selection::{
    caret_offset, dom_range, range_offsets, selection_offsets, write_runs, ARTICLE_BODY_ID,
};
use claimcheck::web::{clipboard, download, persistence};
use js_sys::Reflect;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;
use web_sys::{Element, Node};

wasm_bindgen_test_configure!(run_in_browser);

const TEXT: &str =
    "Café said 👩‍👩‍👧 «e\u{301}» ok.\n\n北京 officials said 世界.\n\nقال الوزير إن التقرير كاذب";

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A new, empty article body in the page for `text`, in place of any earlier one.
fn fresh_body(text: &str) -> Element {
    if let Some(old) = document().get_element_by_id(ARTICLE_BODY_ID) {
        old.remove();
    }
    let root = document().create_element("div").unwrap();
    root.set_id(ARTICLE_BODY_ID);
    root.set_attribute("data-len", &char_len(text).to_string())
        .unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    root
}

/// Renders `text` as paragraphs of runs carrying `data-o`, cut finer than the view cuts them.
fn render(text: &str) -> Element {
    let root = fresh_body(text);
    for para in layout(text, &[]) {
        let p = document().create_element("p").unwrap();
        // Split each paragraph into runs of 3 code points, to cross run boundaries often.
        let chars: Vec<char> = para.runs[0].text.chars().collect();
        for (i, chunk) in chars.chunks(3).enumerate() {
            let span = document().create_element("span").unwrap();
            span.set_attribute("data-o", &(para.start + i * 3).to_string())
                .unwrap();
            span.set_text_content(Some(&chunk.iter().collect::<String>()));
            p.append_child(&span).unwrap();
        }
        root.append_child(&p).unwrap();
    }
    root
}

#[wasm_bindgen_test]
fn every_range_maps_to_code_points_and_back() {
    let root = render(TEXT);
    let n = char_len(TEXT);
    let mut checked = 0;
    for start in 0..n {
        for end in (start + 1)..=n {
            let Some(range) = dom_range(&root, start, end) else {
                // Only offsets inside the "\n\n" between paragraphs have no DOM point.
                let gap = |o: usize| slice(TEXT, o.saturating_sub(1), o + 1) == Some("\n\n");
                assert!(gap(start) || gap(end), "{start}..{end}");
                continue;
            };
            // What the browser itself says the range holds must be the core's text, less the
            // paragraph breaks (which are not DOM text).
            let dom_text: String = range.to_string().into();
            let core_text = slice(TEXT, start, end).unwrap().replace("\n\n", "");
            assert_eq!(dom_text, core_text, "{start}..{end}");
            assert_eq!(
                range_offsets(&root, &range),
                Some((start, end)),
                "{start}..{end}"
            );
            checked += 1;
        }
    }
    assert!(checked > 1000, "{checked}");
}

#[wasm_bindgen_test]
fn element_points_and_outside_ends_are_handled() {
    let root = render(TEXT);
    let range = document().create_range().unwrap();
    // From before the first paragraph to after the second, as a triple-click can produce.
    range.set_start(&root, 0).unwrap();
    range.set_end(&root, 2).unwrap();
    let (start, end) = range_offsets(&root, &range).unwrap();
    assert_eq!(start, 0);
    // The end is the start of the third paragraph; trimming takes the break off.
    let (_, trimmed_end) = trim_range(TEXT, start, end).unwrap();
    assert_eq!(slice(TEXT, trimmed_end - 3, end), Some("世界.\n\n"));
    // Starting in a heading above the article clips to the article's start.
    let heading = document().create_element("h1").unwrap();
    heading.set_text_content(Some("Headline"));
    root.before_with_node_1(&heading).unwrap();
    let first_run = root.query_selector("[data-o='3']").unwrap().unwrap();
    range.set_start(&heading.first_child().unwrap(), 2).unwrap();
    range.set_end(&first_run.first_child().unwrap(), 2).unwrap();
    assert_eq!(range_offsets(&root, &range), Some((0, 5)));
    // Wholly outside: nothing.
    range.set_end(&heading.first_child().unwrap(), 5).unwrap();
    assert_eq!(range_offsets(&root, &range), None);
    heading.remove();
}

#[wasm_bindgen_test]
fn a_point_inside_a_surrogate_pair_rounds_outward() {
    let root = render("a😀b");
    let run = root.query_selector("[data-o='0']").unwrap().unwrap();
    let text: Node = run.first_child().unwrap();
    let range = document().create_range().unwrap();
    range.set_start(&text, 2).unwrap(); // between the halves of 😀
    range.set_end(&text, 2).unwrap();
    range.set_start(&text, 0).unwrap();
    assert_eq!(range_offsets(&root, &range), Some((0, 2)));
}

/// Renders `text` with `claims` as the article view does: each block's runs written as markup.
fn render_marked(text: &str, claims: &[Claim]) -> Element {
    let root = fresh_body(text);
    for para in layout(text, claims) {
        let p = document().create_element("p").unwrap();
        root.append_child(&p).unwrap();
        write_runs(&p, &runs_markup(&para, Shown::default()));
    }
    root
}

fn claim(text: &str, id: &str, start: usize, end: usize) -> Claim {
    let (quote, position) = describe(text, start, end).unwrap();
    Claim::unverified(id.into(), quote, position, "t", "t")
}

#[wasm_bindgen_test]
fn markup_runs_hold_the_text_exactly_and_map_back_to_offsets() {
    // What an HTML parser would rewrite or run: tags, references, quotes, CR, NUL.
    let text = "The <b>minister</b> said \"5 > 3 & 2 < 4\" &amp;\r ok\0 👩‍👩‍👧.\n\nقال <script>x</script> الوزير";
    let claims = [claim(text, "c1", 4, 20), claim(text, "c2", 62, 70)];
    let root = render_marked(text, &claims);
    assert!(root.query_selector("b, script").unwrap().is_none());
    let runs = root.query_selector_all("[data-o]").unwrap();
    let mut shown = String::new();
    for i in 0..runs.length() {
        let run: Element = runs.item(i).unwrap().dyn_into().unwrap();
        let o: usize = run.get_attribute("data-o").unwrap().parse().unwrap();
        let dom_text = run.text_content().unwrap();
        // A NUL shows as U+FFFD: one code point and one code unit, like the NUL itself.
        let core_text = slice(text, o, o + char_len(&dom_text))
            .unwrap()
            .replace('\0', "\u{fffd}");
        assert_eq!(dom_text, core_text, "run at {o}");
        shown.push_str(&dom_text);
    }
    assert_eq!(shown, text.replace("\n\n", "").replace('\0', "\u{fffd}"));
    assert_eq!(root.query_selector_all("mark").unwrap().length(), 2);
    for (start, end) in [(0, 5), (4, 20), (21, 42), (30, char_len(text))] {
        let range = dom_range(&root, start, end).unwrap();
        assert_eq!(
            range_offsets(&root, &range),
            Some((start, end)),
            "{start}..{end}"
        );
    }
}

fn selection() -> web_sys::Selection {
    web_sys::window().unwrap().get_selection().unwrap().unwrap()
}

/// Selects from text offset `anchor` to `focus` (backwards when `focus` is before `anchor`).
fn select_between(root: &Element, anchor: usize, focus: usize) {
    let (a, f) = (
        dom_range(root, anchor, anchor).unwrap(),
        dom_range(root, focus, focus).unwrap(),
    );
    selection()
        .set_base_and_extent(
            &a.start_container().unwrap(),
            a.start_offset().unwrap(),
            &f.start_container().unwrap(),
            f.start_offset().unwrap(),
        )
        .unwrap();
}

#[wasm_bindgen_test]
fn rewriting_a_block_keeps_the_selection_and_its_direction() {
    let text =
        "Officials said the plan was dropped.\n\nThe ministry denied it, according to aides.";
    let root = render_marked(text, &[]);
    let first: Element = root.first_element_child().unwrap();
    let rewrite = |claims: &[Claim]| {
        let para = &layout(text, claims)[0];
        write_runs(&first, &runs_markup(para, Shown::default()));
    };
    let s = selection();
    // Backwards (focus before anchor), as a drag from right to left makes it.
    select_between(&root, 27, 10);
    rewrite(&[claim(text, "c1", 15, 35)]);
    assert_eq!(root.query_selector_all("mark").unwrap().length(), 1);
    assert_eq!(selection_offsets(), Some((10, 27)));
    let focus_run = s.focus_node().unwrap().parent_element().unwrap();
    assert_eq!(focus_run.get_attribute("data-o").as_deref(), Some("0"));
    let anchor_run = s.anchor_node().unwrap().parent_element().unwrap();
    assert_eq!(anchor_run.get_attribute("data-o").as_deref(), Some("15"));
    // A selection into the next block keeps its end there while this block's end moves.
    select_between(&root, 20, 50);
    rewrite(&[]);
    assert_eq!(selection_offsets(), Some((20, 50)));
    // A caret (a collapsed selection, as keyboard reading keeps) stays where it was.
    select_between(&root, 33, 33);
    rewrite(&[claim(text, "c2", 0, 9)]);
    assert!(s.is_collapsed());
    assert_eq!(caret_offset(), Some(33));
    root.remove();
}

#[wasm_bindgen_test]
fn local_storage_reads_writes_and_reports_a_full_quota() {
    let mut store = LocalStorage::open();
    assert!(store.unavailable_reason().is_none());
    store.set("claimcheck:test", "née 😀").unwrap();
    assert_eq!(store.get("claimcheck:test").as_deref(), Some("née 😀"));
    assert!(store.keys().contains(&"claimcheck:test".to_string()));
    // Chromium allows about 5 M UTF-16 units per origin: 6 M cannot fit.
    let huge = "x".repeat(6 * 1024 * 1024);
    assert_eq!(store.set("claimcheck:huge", &huge), Err(WriteError::Full));
    assert_eq!(store.get("claimcheck:huge"), None);
    web_sys::window()
        .unwrap()
        .local_storage()
        .unwrap()
        .unwrap()
        .remove_item("claimcheck:test")
        .unwrap();
}

/// Runs JavaScript `body` (a function body) and gives what it returns.
fn js(body: &str) -> JsValue {
    js_sys::Function::new_no_args(body)
        .call0(&JsValue::NULL)
        .unwrap()
}

#[wasm_bindgen_test]
fn lone_surrogates_in_local_storage_are_told_and_copied_aside_exactly() {
    use claimcheck::core::library::store::{article_key, Store};
    let mut store = LocalStorage::open();
    js(
        "localStorage.setItem('claimcheck:lone', 'a\\uD800b\\uDC00c');
        localStorage.setItem('claimcheck:fffd', 'a\\uFFFDb\\uFFFDc');
        localStorage.removeItem('claimcheck:lone:aside');",
    );
    // As a String, both read the same; only the first is not exact.
    let lossy = store.get("claimcheck:lone").unwrap();
    assert_eq!(lossy, "a\u{FFFD}b\u{FFFD}c");
    assert_eq!(
        store.get("claimcheck:fffd").as_deref(),
        Some(lossy.as_str())
    );
    assert!(!store.is_exact("claimcheck:lone", &lossy));
    assert!(store.is_exact("claimcheck:fffd", &lossy));
    assert!(!store.same("claimcheck:lone", "claimcheck:fffd"));
    assert_eq!(
        store.invalid_text("claimcheck:lone"),
        Some(vec![0x61, 0xD800, 0x62, 0xDC00, 0x63])
    );
    assert_eq!(store.invalid_text("claimcheck:fffd"), None);
    store
        .copy_exact("claimcheck:lone", "claimcheck:lone:aside")
        .unwrap();
    assert_eq!(
        js("return localStorage.getItem('claimcheck:lone:aside') === 'a\\uD800b\\uDC00c';"),
        JsValue::TRUE
    );
    assert!(store.same("claimcheck:lone", "claimcheck:lone:aside"));

    // Through the store: an article with a lone surrogate in a note is read (with U+FFFD) and
    // its exact value is first copied aside, code unit for code unit.
    let doc = claimcheck::core::formats::native::to_json(
        &claimcheck::core::intake::samples::first(),
        &[],
        &[],
    );
    let id = claimcheck::core::intake::samples::first().id;
    let key = article_key(&id);
    let aside = format!("claimcheck:unreadable:{key}");
    let seed = js_sys::Function::new_with_args(
        "key, aside, doc",
        "localStorage.removeItem(aside);
         localStorage.setItem(key, doc.replace(/\"title\":\\s*\"/, m => m + '\\uDBFF'));
         return localStorage.getItem(key);",
    );
    let original = seed
        .call3(
            &JsValue::NULL,
            &key.as_str().into(),
            &aside.as_str().into(),
            &doc.as_str().into(),
        )
        .unwrap();
    let mut library = Store::new(LocalStorage::open());
    let mut warnings = Vec::new();
    let read = library.read_article(&id, &mut warnings).unwrap();
    assert!(
        read.article.title.starts_with('\u{FFFD}'),
        "{}",
        read.article.title
    );
    assert!(warnings[0].contains(&aside), "{warnings:?}");
    let kept = js_sys::Function::new_with_args("aside", "return localStorage.getItem(aside);")
        .call1(&JsValue::NULL, &aside.as_str().into())
        .unwrap();
    assert_eq!(kept, original);
    assert_eq!(library.unreadable_keys(), vec![aside.clone()]);
    js(&format!(
        "for (const k of ['claimcheck:lone', 'claimcheck:fffd', 'claimcheck:lone:aside', '{key}', '{aside}']) localStorage.removeItem(k);"
    ));
}

/// What `start` downloads: the link's file name and the bytes behind it. The download link's
/// click is caught instead of letting the browser save a file.
async fn caught_download(start: impl FnOnce()) -> (String, Vec<u8>) {
    let caught = std::rc::Rc::new(std::cell::RefCell::new(None::<(String, String)>));
    let sink = caught.clone();
    let listener = gloo::events::EventListener::new_with_options(
        &document(),
        "click",
        gloo::events::EventListenerOptions::enable_prevent_default(),
        move |e| {
            if let Some(a) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlAnchorElement>().ok())
            {
                e.prevent_default();
                *sink.borrow_mut() = Some((a.download(), a.href()));
            }
        },
    );
    start();
    drop(listener);
    let (name, href) = caught
        .borrow_mut()
        .take()
        .expect("a download link was clicked");
    let response: web_sys::Response =
        JsFuture::from(web_sys::window().unwrap().fetch_with_str(&href))
            .await
            .unwrap()
            .unchecked_into();
    let buffer = JsFuture::from(response.array_buffer().unwrap())
        .await
        .unwrap();
    (name, js_sys::Uint8Array::new(&buffer).to_vec())
}

#[wasm_bindgen_test]
async fn text_that_is_not_valid_utf16_downloads_as_the_code_units_it_is() {
    let (name, bytes) = caught_download(|| {
        download::download_utf16("kept.utf16.json", &[0x7B, 0xD800, 0x7D]).unwrap()
    })
    .await;
    assert_eq!(name, "kept.utf16.json");
    assert_eq!(bytes, vec![0xFF, 0xFE, 0x7B, 0x00, 0x00, 0xD8, 0x7D, 0x00]);
}

#[wasm_bindgen_test]
async fn downloads_carry_the_name_and_the_text() {
    let (name, bytes) = caught_download(|| {
        download::download_text(
            "café-report.claims.json",
            "application/json",
            "{\"é\":\"😀\"}",
        )
        .unwrap()
    })
    .await;
    assert_eq!(name, "café-report.claims.json");
    assert_eq!(String::from_utf8(bytes).unwrap(), "{\"é\":\"😀\"}");
}

#[wasm_bindgen_test]
async fn copying_either_reaches_the_clipboard_or_says_what_to_do() {
    match clipboard::copy_text("claimcheck clipboard test").await {
        Ok(()) => {
            let clip = web_sys::window().unwrap().navigator().clipboard();
            let back = JsFuture::from(clip.read_text()).await;
            if let Ok(back) = back {
                assert_eq!(back.as_string().unwrap(), "claimcheck clipboard test");
            }
        }
        Err(message) => assert!(message.contains("Export JSON"), "{message}"),
    }
}

#[wasm_bindgen_test]
fn html_files_keep_structure_and_lose_everything_active() {
    use claimcheck::core::model::BlockKind;
    use claimcheck::web::html_import::article_from_html;
    let window = web_sys::window().unwrap();
    let _ = Reflect::delete_property(&window, &"__xss".into());
    let a = article_from_html(include_str!("fixtures/hostile_page.html"), "fallback").unwrap();
    assert_eq!(a.title, "Port audit finds missing invoices");
    assert_eq!(a.url, "https://news.example.com/port-audit");
    assert_eq!(
        a.text,
        "An audit of the port authority found 37 invoices with no matching work orders, according to a report obtained by the Ledger.\n\n\
         The authority said in a statement that the invoices were \"clerical errors\".\nIt declined to comment further.\n\n\
         What the audit found\n\n\
         Payments of $1.2 million without receipts\n\n\
         Click here for the full list\n\n\
         \"We will cooperate fully,\" the port's director said."
    );
    assert_eq!(
        a.blocks,
        vec![
            BlockKind::Paragraph,
            BlockKind::Paragraph,
            BlockKind::Heading { level: 2 },
            BlockKind::Item { ordered: false },
            BlockKind::Item { ordered: false },
            BlockKind::Quote,
        ]
    );
    // Only the http link keeps its address; the javascript: one keeps just its words.
    assert_eq!(a.links.len(), 1);
    assert_eq!(
        slice(&a.text, a.links[0].start, a.links[0].end),
        Some("the Ledger")
    );
    assert_eq!(a.links[0].href, "https://news.example.com/report.pdf");
    // Parsing ran nothing.
    assert!(Reflect::get(&window, &"__xss".into())
        .unwrap()
        .is_undefined());
    for dropped in ["Home", "do not keep", "Send", "display", "__xss"] {
        assert!(!a.text.contains(dropped), "{dropped}");
    }
}

fn call(api: &JsValue, name: &str, args: &[JsValue]) -> Result<JsValue, JsValue> {
    let f: js_sys::Function = Reflect::get(api, &name.into()).unwrap().unchecked_into();
    let array: js_sys::Array = args.iter().collect();
    f.apply(api, &array)
}

#[wasm_bindgen_test]
fn the_javascript_api_loads_articles_and_exports_claims() {
    let window = web_sys::window().unwrap();
    window.local_storage().unwrap().unwrap().clear().unwrap();
    // The app renders into #app; the test runner's own output lives elsewhere in the body.
    let host = document().create_element("div").unwrap();
    host.set_id("app");
    document().body().unwrap().append_child(&host).unwrap();
    claimcheck::view::start();
    let api = Reflect::get(&window, &"claimcheck".into()).unwrap();
    assert_eq!(
        Reflect::get(&api, &"version".into())
            .unwrap()
            .as_string()
            .unwrap(),
        env!("CARGO_PKG_VERSION")
    );
    let input = js_sys::JSON::parse(
        r#"{"title":"Ministry denies 世界 report","text":"The ministry said 😀 no.\n\nOfficials said yes."}"#,
    )
    .unwrap();
    let id = call(&api, "loadArticle", &[input])
        .unwrap()
        .as_string()
        .unwrap();
    assert!(id.starts_with("a-"));
    let claims = call(&api, "claims", &[]).unwrap();
    assert_eq!(js_sys::Array::from(&claims).length(), 0);
    let json = call(&api, "exportJson", &[]).unwrap().as_string().unwrap();
    let doc = claimcheck::core::formats::native::parse(&json).unwrap();
    assert_eq!(doc.article.id, id);
    assert_eq!(
        doc.article.text,
        "The ministry said 😀 no.\n\nOfficials said yes."
    );
    // Anchoring for scripts: describe a passage, then find it again in changed text.
    let text = "Officials said 😀 the port paid twice.";
    let sel = call(&api, "describe", &[text.into(), 15.into(), 36.into()]).unwrap();
    let exact = Reflect::get(
        &Reflect::get(&sel, &"quote".into()).unwrap(),
        &"exact".into(),
    )
    .unwrap();
    assert_eq!(exact.as_string().unwrap(), "😀 the port paid twice");
    let changed = "Update. Officials said 😀 the port had paid twice.";
    let found = call(&api, "resolve", &[sel.clone(), changed.into()]).unwrap();
    let field = |v: &JsValue, k: &str| Reflect::get(v, &k.into()).unwrap();
    assert_eq!(field(&found, "kind").as_string().unwrap(), "fuzzy");
    assert_eq!(field(&found, "start").as_f64(), Some(23.0));
    assert_eq!(field(&found, "end").as_f64(), Some(48.0));
    let many = call(
        &api,
        "resolveMany",
        &[
            js_sys::Array::of2(&sel, &sel).into(),
            "Nothing like it.".into(),
        ],
    )
    .unwrap();
    let many = js_sys::Array::from(&many);
    assert_eq!(many.length(), 2);
    assert_eq!(field(&many.get(0), "kind").as_string().unwrap(), "orphan");
    let bad = call(&api, "describe", &[text.into(), 5.into(), 500.into()]).unwrap_err();
    assert!(field(&bad, "message")
        .as_string()
        .unwrap()
        .contains("not a non-empty range"));
    assert!(call(&api, "resolve", &[JsValue::from(3), text.into()]).is_err());
    // A wrong field is named by its path; a value JSON cannot hold is refused by name too.
    let wrong = js_sys::JSON::parse(r#"{"quote": {"exact": 5}}"#).unwrap();
    let bad = call(&api, "resolve", &[wrong, text.into()]).unwrap_err();
    let message = field(&bad, "message").as_string().unwrap();
    assert!(
        message.starts_with("resolve(selectors, text): selectors: invalid type: integer `5`")
            && message.ends_with(" at quote.exact"),
        "{message}"
    );
    let bad = call(&api, "resolve", &[JsValue::UNDEFINED, text.into()]).unwrap_err();
    let message = field(&bad, "message").as_string().unwrap();
    assert_eq!(
        message,
        "resolve(selectors, text): selectors: it is not a plain value"
    );

    // Bad input is refused with a message, not a crash.
    let bad = call(&api, "loadArticle", &[JsValue::from_str("nope")]).unwrap_err();
    let message = Reflect::get(&bad, &"message".into())
        .unwrap()
        .as_string()
        .unwrap();
    assert!(message.contains("loadArticle expects"), "{message}");
    let empty = js_sys::JSON::parse(r#"{"title":"T","text":"  "}"#).unwrap();
    assert!(call(&api, "loadArticle", &[empty]).is_err());
}

fn file(name: &str, bytes: &[u8]) -> web_sys::File {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    web_sys::File::new_with_u8_array_sequence(&parts, name).unwrap()
}

#[wasm_bindgen_test]
async fn a_class_s_files_are_read_together_and_bad_ones_named() {
    use claimcheck::web::file_open::read_all;
    let (read, problems) = read_all(vec![
        file(
            "ana.submission.json",
            "{\"student\": \"Ana 😀\"}".as_bytes(),
        ),
        file("ben.json", &[b'{', 0xE9, b'}']),
        file("empty.json", b""),
        file("cy.json", &[0xFF, 0xFE, b'{', 0, b'}', 0]),
    ])
    .await;
    let names: Vec<&str> = read.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["ana.submission.json", "cy.json"]);
    assert_eq!(read[0].1, "{\"student\": \"Ana 😀\"}");
    assert_eq!(read[1].1, "{}", "UTF-16 with a byte-order mark is read too");
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(problems[0].starts_with("ben.json: ") && problems[0].contains("not UTF-8"));
    assert!(problems[1].starts_with("empty.json: ") && problems[1].contains("empty"));
}

#[wasm_bindgen_test]
async fn persistence_is_asked_once_and_the_reminder_clock_starts_with_the_first_claim() {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.remove_item(LAST_BACKUP_KEY).unwrap();
    storage.remove_item(PERSISTENCE_ASKED_KEY).unwrap();
    assert_eq!(persistence::last_backup(), None);
    persistence::claims_exist();
    let started = persistence::last_backup().expect("the clock starts");
    assert!((js_sys::Date::now() - started).abs() < 60_000.0);
    assert!(storage.get_item(PERSISTENCE_ASKED_KEY).unwrap().is_some());
    // Chromium answers (true or false); an answer never panics.
    assert!(persistence::persisted().await.is_some());
    storage.set_item(LAST_BACKUP_KEY, "1").unwrap();
    persistence::claims_exist();
    assert_eq!(
        persistence::last_backup(),
        Some(1.0),
        "only an export moves the clock"
    );
    persistence::record_backup();
    assert!(persistence::last_backup().unwrap() > 1.0);
}
