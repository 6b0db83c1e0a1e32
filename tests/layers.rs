//! The layering that docs/ARCHITECTURE.md promises, checked on the source text itself, so a
//! change that breaks it fails `cargo test` instead of waiting for a reviewer to notice.
//!
//! - `src/core/` names no browser crate and never reaches into `app`, `web` or `view`;
//! - `src/app/` names no browser crate and never reaches into `web` or `view`;
//! - no two files of `src/` import each other, directly or round a longer circle;
//! - and two rules that keep the bundle from carrying the same code twice: lists are sorted by
//!   `core::ordering`, and typed data is read from JSON by `core::formats::value_reader`.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

const BROWSER_CRATES: [&str; 5] = ["web_sys", "yew", "js_sys", "wasm_bindgen", "gloo"];

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The source without its comments, so a doc comment that names a crate is no violation.
fn code_of(path: &Path) -> String {
    fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|line| match line.find("//") {
            Some(at) => &line[..at],
            None => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn words(code: &str) -> impl Iterator<Item = &str> {
    code.split(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
        .filter(|w| !w.is_empty())
}

/// Every `crate::…` path a file names, as its segments.
fn crate_paths(code: &str) -> Vec<Vec<String>> {
    let mut paths = Vec::new();
    // Grouped imports (`use crate::core::{a, b::c}`) are flattened first, one level deep, which is
    // all rustfmt leaves in this code base.
    let mut flat = String::new();
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        flat.push_str(&rest[..at]);
        let tail = &rest[at..];
        let prefix_end = tail
            .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
            .unwrap_or(tail.len());
        let prefix = &tail[..prefix_end];
        if prefix.ends_with("::") && tail[prefix_end..].starts_with('{') {
            let close = tail[prefix_end..]
                .find('}')
                .map_or(tail.len(), |c| prefix_end + c);
            for item in tail[prefix_end + 1..close].split(',') {
                flat.push(' ');
                flat.push_str(prefix);
                flat.push_str(item.trim().trim_start_matches('{'));
            }
            rest = &tail[close..];
        } else {
            flat.push_str(prefix);
            rest = &tail[prefix_end..];
        }
    }
    flat.push_str(rest);
    for word in words(&flat) {
        if let Some(path) = word.strip_prefix("crate::") {
            paths.push(
                path.split("::")
                    .filter(|s| !s.is_empty())
                    .map(str::to_owned)
                    .collect(),
            );
        }
    }
    paths
}

/// The file a `crate::` path lands in: its longest prefix that is a module file.
fn file_of(segments: &[String]) -> Option<PathBuf> {
    let mut found = None;
    let mut dir = src();
    for segment in segments {
        let file = dir.join(format!("{segment}.rs"));
        let folder = dir.join(segment);
        if file.is_file() {
            found = Some(file);
        } else if folder.join("mod.rs").is_file() {
            found = Some(folder.join("mod.rs"));
        } else {
            break;
        }
        dir = folder;
    }
    found
}

fn relative(path: &Path) -> String {
    path.strip_prefix(src().parent().unwrap())
        .unwrap()
        .display()
        .to_string()
}

fn layer_violations(folder: &str, forbidden_layers: &[&str]) -> Vec<String> {
    let mut files = Vec::new();
    rust_files(&src().join(folder), &mut files);
    assert!(!files.is_empty(), "src/{folder} has no Rust files");
    let mut found = Vec::new();
    for file in &files {
        let code = code_of(file);
        for word in words(&code) {
            let head = word.trim_start_matches("::").split("::").next().unwrap();
            if BROWSER_CRATES.contains(&head) && word.contains("::") {
                found.push(format!("{} names {word}", relative(file)));
            }
        }
        for path in crate_paths(&code) {
            if let Some(layer) = path.first() {
                if forbidden_layers.contains(&layer.as_str()) {
                    found.push(format!(
                        "{} uses crate::{}",
                        relative(file),
                        path.join("::")
                    ));
                }
            }
        }
    }
    found
}

#[test]
fn the_core_names_no_browser_crate_and_no_upper_layer() {
    let found = layer_violations("core", &["app", "web", "view"]);
    assert!(
        found.is_empty(),
        "src/core breaks its layer:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_app_layer_names_no_browser_crate_and_neither_web_nor_view() {
    let found = layer_violations("app", &["web", "view"]);
    assert!(
        found.is_empty(),
        "src/app breaks its layer:\n{}",
        found.join("\n")
    );
}

/// The module files each file imports from (a `mod.rs` that only declares submodules is left out:
/// a parent declaring its children is no import).
fn import_graph() -> BTreeMap<PathBuf, BTreeSet<PathBuf>> {
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    let mut graph = BTreeMap::new();
    for file in files.into_iter().filter(|f| !is_test_only(f)) {
        let code = with_super_resolved(&without_tests(&code_of(&file)), &module_path(&file));
        let targets: BTreeSet<PathBuf> = crate_paths(&code)
            .iter()
            .filter_map(|p| file_of(p))
            .filter(|target| *target != file && !target.ends_with("mod.rs"))
            .collect();
        graph.insert(file, targets);
    }
    graph
}

/// Test builders (`test_*.rs`, declared under `#[cfg(test)]`) are no part of the import graph.
fn is_test_only(file: &Path) -> bool {
    file.file_name()
        .is_some_and(|n| n.to_string_lossy().starts_with("test_"))
}

/// The code before the file's `#[cfg(test)]` module: a unit test importing a test builder that
/// imports the file back is no circle of the program.
fn without_tests(code: &str) -> String {
    let lines: Vec<&str> = code.lines().collect();
    let test_module = lines.iter().enumerate().position(|(i, line)| {
        line.trim_start().starts_with("#[cfg(")
            && line.contains("test")
            && lines[i + 1..]
                .iter()
                .find(|l| !l.trim_start().starts_with("#["))
                .is_some_and(|l| {
                    l.trim_start()
                        .trim_start_matches("pub(crate) ")
                        .starts_with("mod ")
                })
    });
    lines[..test_module.unwrap_or(lines.len())].join("\n")
}

/// A file's module path: `src/core/text/offsets.rs` is `core::text::offsets`, a `mod.rs` its folder.
fn module_path(file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(src()).unwrap().with_extension("");
    let mut segments: Vec<String> = rel
        .iter()
        .map(|s| s.to_string_lossy().into_owned())
        .collect();
    if matches!(
        segments.last().map(String::as_str),
        Some("mod" | "lib" | "main")
    ) {
        segments.pop();
    }
    segments
}

/// `super::x` written as the `crate::` path it means, so relative imports count as well.
fn with_super_resolved(code: &str, module: &[String]) -> String {
    let mut out = String::new();
    let mut rest = code;
    while let Some(at) = rest.find("super::") {
        let before_is_ident = rest[..at]
            .chars()
            .last()
            .is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':');
        out.push_str(&rest[..at]);
        if before_is_ident {
            out.push_str("super::");
            rest = &rest[at + 7..];
            continue;
        }
        let mut tail = &rest[at..];
        let mut up = 0;
        while let Some(t) = tail.strip_prefix("super::") {
            tail = t;
            up += 1;
        }
        let base = &module[..module.len().saturating_sub(up)];
        out.push_str("crate::");
        for segment in base {
            out.push_str(segment);
            out.push_str("::");
        }
        rest = tail;
    }
    out.push_str(rest);
    out
}

fn reachable(from: &PathBuf, graph: &BTreeMap<PathBuf, BTreeSet<PathBuf>>) -> BTreeSet<PathBuf> {
    let mut seen = BTreeSet::new();
    let mut todo: Vec<&PathBuf> = graph.get(from).into_iter().flatten().collect();
    while let Some(next) = todo.pop() {
        if seen.insert(next.clone()) {
            todo.extend(graph.get(next).into_iter().flatten());
        }
    }
    seen
}

/// Every circle of imports, as the groups of files that all reach each other.
fn circles(graph: &BTreeMap<PathBuf, BTreeSet<PathBuf>>) -> Vec<BTreeSet<PathBuf>> {
    let reach: BTreeMap<&PathBuf, BTreeSet<PathBuf>> =
        graph.keys().map(|n| (n, reachable(n, graph))).collect();
    let mut found: Vec<BTreeSet<PathBuf>> = Vec::new();
    for (node, from_node) in &reach {
        if !from_node.contains(*node) || found.iter().any(|c| c.contains(*node)) {
            continue;
        }
        let group = from_node
            .iter()
            .filter(|other| reach.get(other).is_some_and(|r| r.contains(*node)))
            .cloned()
            .collect();
        found.push(group);
    }
    found
}

#[test]
fn no_files_import_each_other() {
    let graph = import_graph();
    assert!(graph.len() > 20, "the import graph covers too few files");
    let found: Vec<String> = circles(&graph)
        .iter()
        .map(|c| {
            c.iter()
                .map(|p| relative(p))
                .collect::<Vec<_>>()
                .join(" <-> ")
        })
        .collect();
    assert!(found.is_empty(), "import circles:\n{}", found.join("\n"));
}

#[test]
fn the_checks_see_what_they_check() {
    // Each check above must be able to fail: run them on text that breaks each rule.
    let code = code_of(&src().join("lib.rs"));
    let grouped = crate_paths("use crate::core::{model::Claim, text::offsets};");
    assert!(grouped.contains(&vec!["core".into(), "text".into(), "offsets".into()]));
    assert!(grouped.contains(&vec!["core".into(), "model".into(), "Claim".into()]));
    assert!(!code.contains("//"), "comments are stripped");
    assert!(file_of(&["core".into(), "model".into(), "Claim".into()])
        .is_some_and(|f| f.ends_with("core/model.rs")));
    let module = module_path(&src().join("view/claims/orphan_list.rs"));
    assert_eq!(module, ["view", "claims", "orphan_list"]);
    assert_eq!(
        with_super_resolved("use super::badges::status_badge;", &module),
        "use crate::view::claims::badges::status_badge;"
    );
    let code = "use crate::a::b;\n#[cfg(test)]\nmod tests {\n    use crate::c::d;\n}\n";
    assert_eq!(without_tests(code), "use crate::a::b;");
    let mut circle = BTreeMap::new();
    circle.insert(PathBuf::from("a"), BTreeSet::from([PathBuf::from("b")]));
    circle.insert(PathBuf::from("b"), BTreeSet::from([PathBuf::from("a")]));
    circle.insert(PathBuf::from("c"), BTreeSet::from([PathBuf::from("a")]));
    assert_eq!(
        circles(&circle),
        [BTreeSet::from([PathBuf::from("a"), PathBuf::from("b")])]
    );
    circle.insert(PathBuf::from("b"), BTreeSet::new());
    assert!(circles(&circle).is_empty());
    // The source rules see the code they look for, and skip the file they exempt.
    assert!(lines_with(&["fn sort_by<"], None)
        .iter()
        .any(|l| l.starts_with("src/core/ordering.rs:")));
    assert!(lines_with(&["fn sort_by<"], Some("core/ordering.rs")).is_empty());
    assert!(!lines_with(&["serde_json::from_str::<Value>"], None).is_empty());
}

/// The lines of `src/` outside tests (and outside `except`) that hold one of `patterns`.
fn lines_with(patterns: &[&str], except: Option<&str>) -> Vec<String> {
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    let mut found = Vec::new();
    for file in files
        .iter()
        .filter(|f| !is_test_only(f) && !except.is_some_and(|e| f.ends_with(e)))
    {
        for (n, line) in without_tests(&code_of(file)).lines().enumerate() {
            if patterns.iter().any(|p| line.contains(p)) {
                found.push(format!("{}:{}: {}", relative(file), n + 1, line.trim()));
            }
        }
    }
    found
}

#[test]
fn lists_are_sorted_by_the_one_sort() {
    // Each comparator sort compiles its own copy of the standard sort (core/ordering.rs).
    let found = lines_with(
        &[
            ".sort_by(",
            ".sort_by_key(",
            ".sort_by_cached_key(",
            ".sort_unstable_by",
        ],
        Some("core/ordering.rs"),
    );
    assert!(
        found.is_empty(),
        "sort with core::ordering instead:\n{}",
        found.join("\n")
    );
}

#[test]
fn typed_data_is_read_by_the_one_deserializer() {
    // Every other deserializer compiles each type's reading code again (core/formats/value_reader.rs).
    let found: Vec<String> = lines_with(
        &[
            "serde_json::from_str",
            "serde_json::from_value",
            "serde_json::from_slice",
        ],
        Some("core/formats/value_reader.rs"),
    )
    .into_iter()
    .filter(|line| !line.contains("from_str::<Value>"))
    .collect();
    assert!(
        found.is_empty(),
        "read typed data with value_reader instead:\n{}",
        found.join("\n")
    );
}
