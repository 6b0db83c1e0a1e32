//! JSON values with trouble at their leaves, and structured mutations of valid files: a node
//! replaced, nudged, removed, duplicated, copied from elsewhere, renamed, spliced, or replaced
//! by raw text a `Value` cannot hold; then the file written pretty or compact, with a byte-order
//! mark, cut short.

use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::{select, Index};
use serde_json::Value;

use super::unicode;

/// Strings the formats give meaning to (format names, selector types, times, addresses), and
/// some that are trouble (empty, blank, NUL, bidi controls).
const KEYWORDS: &[&str] = &[
    "",
    " ",
    "\u{0}",
    "\u{202e}\u{200f}",
    "claimcheck",
    "claimcheck-library",
    "claimcheck-exercise",
    "claimcheck-key",
    "claimcheck-submission",
    "claimcheck-other",
    "Annotation",
    "AnnotationPage",
    "AnnotationCollection",
    "TextQuoteSelector",
    "TextPositionSelector",
    "TextualBody",
    "SpecificResource",
    "tagging",
    "commenting",
    "describing",
    "classifying",
    "linking",
    "verified",
    "unverified",
    "person",
    "contradicts",
    "paragraph",
    "heading",
    "2026-11-29T10:00:00Z",
    "2026-11-29T10:00:00.123+01:00",
    "2026-13-45T99:99:99Z",
    "https://news.example/story",
    "javascript:alert(1)",
    "urn:claimcheck:claim:",
    "urn:claimcheck:claim:c0",
    "urn:claimcheck:article:a-1",
    "sha256:",
    "a-1",
    "c0",
];

pub fn nasty_number() -> impl Strategy<Value = Value> {
    prop_oneof![
        select(vec![
            0i64,
            -1,
            1,
            2,
            3,
            i64::MIN,
            i64::MAX,
            4_294_967_295,
            4_294_967_296
        ])
        .prop_map(Value::from),
        Just(Value::from(u64::MAX)),
        select(vec![
            0.5,
            -0.5,
            1.5,
            2.0,
            1e308,
            -1e308,
            f64::MIN_POSITIVE,
            -0.0,
            4_294_967_296.5
        ])
        .prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
    ]
}

pub fn nasty_string() -> impl Strategy<Value = String> {
    prop_oneof![
        select(KEYWORDS).prop_map(str::to_string),
        unicode(),
        (1usize..40_000).prop_map(|n| "x".repeat(n)),
    ]
}

/// `[[[…]]]`, `depth` deep.
pub fn nested_arrays(depth: usize) -> String {
    format!("{}{}", "[".repeat(depth), "]".repeat(depth))
}

/// `{"a":{"a":…}}`, `depth` deep.
pub fn nested_objects(depth: usize) -> String {
    format!("{}null{}", "{\"a\":".repeat(depth), "}".repeat(depth))
}

/// Any JSON value, shallow, with the numbers and strings above at its leaves.
pub fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        nasty_number(),
        nasty_string().prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            vec(inner.clone(), 0..4).prop_map(Value::Array),
            vec((select(KEYWORDS), inner), 0..4).prop_map(|kv| {
                Value::Object(kv.into_iter().map(|(k, v)| (k.to_string(), v)).collect())
            }),
        ]
    })
}

/// Text put in place of a value after serializing, for what a `Value` cannot hold: lone
/// surrogates, numbers out of range, nesting past the parser's limit, JavaScript's literals.
#[derive(Debug, Clone, Copy)]
pub enum Raw {
    Text(&'static str),
    Arrays(usize),
    Objects(usize),
}

const RAW_TEXT: &[&str] = &[
    r#""\ud800""#,
    r#""\udfff""#,
    r#""x\ud83d""#,
    r#""\ud83d\ude00""#,
    r#""\u0000""#,
    r#""\u202e\u200f""#,
    "1e999",
    "-1e999",
    "18446744073709551616",
    "-9223372036854775809",
    "1e-400",
    "-0",
    "4294967296",
    "1.0",
    "2.5e1",
    "NaN",
    "Infinity",
    "undefined",
    "'x'",
    "[1,]",
    r#"{"a":1,"a":2}"#,
    r#"{"id":"x","id":"y"}"#,
    "",
];

impl Raw {
    fn text(self) -> String {
        match self {
            Raw::Text(t) => t.to_string(),
            Raw::Arrays(depth) => nested_arrays(depth),
            Raw::Objects(depth) => nested_objects(depth),
        }
    }
}

fn raw() -> impl Strategy<Value = Raw> {
    let depth = || select(vec![2usize, 127, 128, 129, 10_000]);
    prop_oneof![
        4 => select(RAW_TEXT).prop_map(Raw::Text),
        1 => depth().prop_map(Raw::Arrays),
        1 => depth().prop_map(Raw::Objects),
    ]
}

#[derive(Debug, Clone)]
pub enum Edit {
    /// The node becomes this value.
    Replace(Value),
    /// A number moves by this much (other nodes become it): off-by-one positions, negatives.
    Nudge(i64),
    /// The node leaves its object or list.
    Remove,
    /// The node appears twice in its list.
    Duplicate,
    /// The node becomes a copy of another node of the same file.
    CopyFrom(Index),
    /// The node's key is renamed.
    RenameKey(&'static str),
    /// Text goes into the string at a code point (other nodes become the text).
    Splice(Index, String),
    /// The node becomes raw JSON text, see [`Raw`].
    Inject(Raw),
}

#[derive(Debug, Clone)]
pub struct Mutation {
    pub at: Index,
    pub edit: Edit,
}

/// Mutations of one file, then how it is written: pretty or compact, with a byte-order mark,
/// cut short at a byte.
#[derive(Debug, Clone)]
pub struct Mutations {
    pub edits: Vec<Mutation>,
    pub pretty: bool,
    pub bom: bool,
    pub cut: Option<Index>,
}

const KEYS: &[&str] = &[
    "format", "version", "article", "claims", "orphans", "text", "id", "quote", "position",
    "exact", "start", "end", "items", "first", "target", "selector", "exercise", "x",
];

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        2 => json_value().prop_map(Edit::Replace),
        4 => select(vec![-1i64, 1, -2, 2, 100, -100, 1 << 32]).prop_map(Edit::Nudge),
        2 => Just(Edit::Remove),
        2 => Just(Edit::Duplicate),
        2 => any::<Index>().prop_map(Edit::CopyFrom),
        1 => select(KEYS).prop_map(Edit::RenameKey),
        4 => (any::<Index>(), nasty_string()).prop_map(|(i, s)| Edit::Splice(i, s)),
        1 => raw().prop_map(Edit::Inject),
    ]
}

/// One to four mutations, almost always some: a file that is not changed at all is a valid one.
pub fn mutations() -> impl Strategy<Value = Mutations> {
    (
        vec(
            (any::<Index>(), edit()).prop_map(|(at, edit)| Mutation { at, edit }),
            0..5,
        ),
        any::<bool>(),
        prop::bool::weighted(0.1),
        prop::option::weighted(0.15, any::<Index>()),
    )
        .prop_map(|(edits, pretty, bom, cut)| Mutations {
            edits,
            pretty,
            bom,
            cut,
        })
}

#[derive(Debug, Clone)]
enum Step {
    Key(String),
    At(usize),
}

fn paths(v: &Value, here: &mut Vec<Step>, out: &mut Vec<Vec<Step>>) {
    out.push(here.clone());
    match v {
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                here.push(Step::At(i));
                paths(item, here, out);
                here.pop();
            }
        }
        Value::Object(map) => {
            for (k, item) in map {
                here.push(Step::Key(k.clone()));
                paths(item, here, out);
                here.pop();
            }
        }
        _ => {}
    }
}

fn node_mut<'a>(mut v: &'a mut Value, path: &[Step]) -> &'a mut Value {
    for step in path {
        v = match step {
            Step::Key(k) => &mut v[k.as_str()],
            Step::At(i) => &mut v[*i],
        };
    }
    v
}

fn node<'a>(mut v: &'a Value, path: &[Step]) -> &'a Value {
    for step in path {
        v = match step {
            Step::Key(k) => &v[k.as_str()],
            Step::At(i) => &v[*i],
        };
    }
    v
}

fn marker(n: usize) -> String {
    format!("\u{1}fuzz-inject-{n}\u{1}")
}

impl Mutations {
    /// The file `json` with these mutations applied, as text.
    pub fn apply(&self, json: &str) -> String {
        let mut root: Value = serde_json::from_str(json).expect("the writers write JSON");
        let mut injected = Vec::new();
        for m in &self.edits {
            let mut all = Vec::new();
            paths(&root, &mut Vec::new(), &mut all);
            // Numbers are nudged, strings spliced and list items duplicated, so most edits keep
            // the file's shape and reach the checks past it.
            let fits = |p: &Vec<Step>| match &m.edit {
                Edit::Nudge(_) => node(&root, p).is_number(),
                Edit::Splice(..) => node(&root, p).is_string(),
                Edit::Duplicate => matches!(p.last(), Some(Step::At(_))),
                _ => true,
            };
            let targets: Vec<&Vec<Step>> = all.iter().filter(|p| fits(p)).collect();
            let path = if targets.is_empty() {
                all[m.at.index(all.len())].clone()
            } else {
                targets[m.at.index(targets.len())].clone()
            };
            let (parent_path, last) = match path.split_last() {
                Some((last, parent)) => (parent.to_vec(), Some(last.clone())),
                None => (Vec::new(), None),
            };
            match &m.edit {
                Edit::Replace(v) => *node_mut(&mut root, &path) = v.clone(),
                Edit::Nudge(d) => {
                    let n = node_mut(&mut root, &path);
                    *n = match (n.as_i64(), n.as_u64(), n.as_f64()) {
                        (Some(i), _, _) => i.checked_add(*d).map_or(Value::from(*d), Value::from),
                        (_, Some(u), _) => Value::from(u.saturating_add_signed(*d)),
                        (_, _, Some(f)) => Value::from(f + *d as f64),
                        _ => Value::from(*d),
                    };
                }
                Edit::Remove => {
                    let parent = node_mut(&mut root, &parent_path);
                    match (parent, last) {
                        (Value::Object(o), Some(Step::Key(k))) => {
                            o.remove(&k);
                        }
                        (Value::Array(a), Some(Step::At(i))) => {
                            a.remove(i);
                        }
                        (root, _) => *root = Value::Null,
                    }
                }
                Edit::Duplicate => {
                    let copy = node(&root, &path).clone();
                    let parent = node_mut(&mut root, &parent_path);
                    match (parent, last) {
                        (Value::Array(a), Some(Step::At(i))) => a.insert(i, copy),
                        _ => *node_mut(&mut root, &path) = Value::Array(vec![copy.clone(), copy]),
                    }
                }
                Edit::CopyFrom(from) => {
                    let copy = node(&root, &all[from.index(all.len())]).clone();
                    *node_mut(&mut root, &path) = copy;
                }
                Edit::RenameKey(to) => {
                    if let (Value::Object(o), Some(Step::Key(k))) =
                        (node_mut(&mut root, &parent_path), last)
                    {
                        if let Some(v) = o.remove(&k) {
                            o.insert(to.to_string(), v);
                        }
                    }
                }
                Edit::Splice(at, s) => {
                    let n = node_mut(&mut root, &path);
                    *n = match n {
                        Value::String(old) => {
                            let chars: Vec<char> = old.chars().collect();
                            let i = at.index(chars.len() + 1);
                            let mut new: String = chars[..i].iter().collect();
                            new.push_str(s);
                            new.extend(&chars[i..]);
                            Value::String(new)
                        }
                        _ => Value::String(s.clone()),
                    };
                }
                Edit::Inject(raw) => {
                    *node_mut(&mut root, &path) = Value::String(marker(injected.len()));
                    injected.push(*raw);
                }
            }
        }
        let mut text = if self.pretty {
            serde_json::to_string_pretty(&root)
        } else {
            serde_json::to_string(&root)
        }
        .expect("values serialize");
        for (n, raw) in injected.iter().enumerate() {
            let quoted = serde_json::to_string(&marker(n)).expect("strings serialize");
            text = text.replace(&quoted, &raw.text());
        }
        if self.bom {
            text.insert(0, '\u{feff}');
        }
        if let Some(cut) = self.cut {
            let mut at = cut.index(text.len() + 1);
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            text.truncate(at);
        }
        text
    }
}
