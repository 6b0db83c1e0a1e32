//! HTML files become articles through the browser's own parser (DOMParser), whose documents are
//! inert: scripts do not run, handlers do not fire, nothing loads. The walk below keeps only
//! readable structure and hands it to the core's `StructureBuilder`; everything else is dropped.

use wasm_bindgen::JsCast;
use web_sys::{DomParser, Element, Node, SupportedType};

use crate::core::intake::files::{FileProblem, StructureBuilder};
use crate::core::model::{Article, BlockKind};

/// Elements whose content is never article text.
const DROPPED: &[&str] = &[
    "script", "style", "noscript", "template", "iframe", "frame", "frameset", "object", "embed",
    "applet", "svg", "math", "canvas", "img", "picture", "video", "audio", "source", "track",
    "map", "form", "input", "button", "select", "textarea", "option", "datalist", "head", "meta",
    "link", "nav", "dialog",
];

/// Elements that separate blocks without being one.
const CONTAINERS: &[&str] = &[
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "aside",
    "figure",
    "figcaption",
    "table",
    "thead",
    "tbody",
    "tr",
    "td",
    "th",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "hr",
    "pre",
    "address",
    "details",
    "summary",
    "body",
    "html",
];

struct Walk {
    builder: StructureBuilder,
    quote_depth: usize,
    ordered: Vec<bool>,
}

impl Walk {
    fn container_kind(&self) -> BlockKind {
        if self.quote_depth > 0 {
            BlockKind::Quote
        } else {
            BlockKind::Paragraph
        }
    }

    fn children(&mut self, node: &Node) {
        let children = node.child_nodes();
        for i in 0..children.length() {
            if let Some(child) = children.item(i) {
                self.node(&child);
            }
        }
    }

    fn node(&mut self, node: &Node) {
        match node.node_type() {
            Node::TEXT_NODE | Node::CDATA_SECTION_NODE => {
                self.builder.text(&node.text_content().unwrap_or_default());
            }
            Node::ELEMENT_NODE => {
                if let Some(el) = node.dyn_ref::<Element>() {
                    self.element(el);
                }
            }
            _ => {}
        }
    }

    fn element(&mut self, el: &Element) {
        let tag = el.local_name().to_ascii_lowercase();
        let tag = tag.as_str();
        if DROPPED.contains(&tag) || el.has_attribute("hidden") {
            return;
        }
        match tag {
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                let level = tag[1..].parse().unwrap_or(2);
                self.builder.start_block(BlockKind::Heading { level });
                self.children(el);
                self.builder.end_block();
            }
            "p" => {
                self.builder.start_block(self.container_kind());
                self.children(el);
                self.builder.end_block();
            }
            "li" => {
                let ordered = self.ordered.last().copied().unwrap_or(false);
                self.builder.start_block(BlockKind::Item { ordered });
                self.children(el);
                self.builder.end_block();
            }
            "blockquote" => {
                self.quote_depth += 1;
                self.builder.start_block(BlockKind::Quote);
                self.children(el);
                self.builder.end_block();
                self.quote_depth -= 1;
            }
            "br" => self.builder.line_break(),
            "a" => {
                self.builder
                    .start_link(&el.get_attribute("href").unwrap_or_default());
                self.children(el);
                self.builder.end_link();
            }
            "ul" | "ol" => {
                self.builder.end_block();
                self.ordered.push(tag == "ol");
                self.children(el);
                self.ordered.pop();
                self.builder.end_block();
            }
            _ if CONTAINERS.contains(&tag) => {
                // Loose text in a container is a paragraph of its own.
                self.builder.end_block();
                if tag != "hr" {
                    self.builder.start_block(self.container_kind());
                    self.children(el);
                }
                self.builder.end_block();
            }
            _ => self.children(el),
        }
    }
}

/// The page's canonical address, if it names one (the builder keeps it only if it passes the
/// link rule).
fn canonical_url(doc: &web_sys::Document) -> Option<String> {
    let from = |selector: &str, attribute: &str| {
        doc.query_selector(selector)
            .ok()
            .flatten()
            .and_then(|el| el.get_attribute(attribute))
    };
    from("link[rel=canonical]", "href").or_else(|| from("meta[property='og:url']", "content"))
}

/// An article from an HTML document's source.
pub fn article_from_html(source: &str, fallback_title: &str) -> Result<Article, FileProblem> {
    let parser = DomParser::new().map_err(|_| FileProblem::NotText)?;
    let doc = parser
        .parse_from_string(source, SupportedType::TextHtml)
        .map_err(|_| FileProblem::NotText)?;
    let mut walk = Walk {
        builder: StructureBuilder::new(),
        quote_depth: 0,
        ordered: Vec::new(),
    };
    let title = doc.title();
    walk.builder.title = (!title.trim().is_empty()).then_some(title);
    walk.builder.url = canonical_url(&doc);
    if let Some(body) = doc.body() {
        walk.children(&body);
    }
    walk.builder.finish(fallback_title)
}
