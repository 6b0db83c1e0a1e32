//! One paragraph's runs as HTML markup: a `<span>` per plain run and a `<mark>` per highlighted
//! one, each carrying `data-o` (its code-point offset), which `web::text_selection` reads back.
//!
//! The view writes this string into the paragraph in one go instead of building each run as a
//! virtual-DOM element: the browser's parser makes the ~4,000 runs of a long article with 2,000
//! claims in a fraction of the time element-by-element creation across the wasm boundary takes.
//! The escaping (`markup`) is therefore all that stands between article text and the DOM.

use crate::app::view_model::highlight_layout::{Paragraph, Run};
use crate::app::view_model::markup::{push_attr, push_classes, push_content};
use crate::core::model::Status;

/// What a paragraph shows beyond its runs: the selected claim, the claims the list's filter
/// leaves out (dimmed), and the current suggestion's start.
#[derive(Debug, Clone, Copy, Default)]
pub struct Shown<'a> {
    pub selected: Option<&'a str>,
    pub dimmed: &'a [String],
    pub suggestion: Option<usize>,
}

/// The runs of `paragraph`, as the markup of its block element's children.
pub fn runs_markup(paragraph: &Paragraph, shown: Shown<'_>) -> String {
    let mut out = String::with_capacity(paragraph.runs.iter().map(|r| r.text.len() + 64).sum());
    for run in &paragraph.runs {
        push_run(&mut out, run, shown);
    }
    out
}

fn status_class(status: Status) -> &'static str {
    match status {
        Status::Verified => "claim-verified",
        Status::Unverified => "claim-unverified",
    }
}

fn push_run(out: &mut String, run: &Run, shown: Shown<'_>) {
    // Links are shown, not followed: the reader sees where one pointed on hover.
    let link = run.link.as_deref();
    let Some(inner) = run.marks.first() else {
        let current = run.suggestion.is_some() && run.suggestion == shown.suggestion;
        let classes = [
            link.map(|_| "link"),
            run.attribution.then_some("attribution"),
            run.suggestion.map(|_| "suggested"),
            current.then_some("current"),
        ];
        out.push_str("<span");
        push_classes(out, &classes);
        push_attr(out, "data-o", &run.start.to_string());
        if let Some(href) = link {
            push_attr(out, "data-href", href);
        }
        if let Some(s) = run.suggestion {
            push_attr(out, "data-suggestion", &s.to_string());
        }
        if let Some(href) = link {
            push_attr(out, "title", &format!("Link to {href}"));
        }
        push_content(out, "span", &run.text);
        return;
    };
    let ids: Vec<&str> = run.marks.iter().map(|m| m.claim_id.as_str()).collect();
    let selected = shown.selected.is_some_and(|s| ids.contains(&s));
    // Dimmed only where every claim over the words is filtered out.
    let filtered_out = ids.iter().all(|id| shown.dimmed.iter().any(|d| d == id));
    let ending = run.marks.iter().find(|m| m.ends);
    let mut title = if run.marks.len() > 1 {
        format!("{} claims overlap here", run.marks.len())
    } else {
        format!("{} claim", inner.status.label())
    };
    if let Some(label) = inner.label.as_deref() {
        title.push_str(" · ");
        title.push_str(label);
    }
    if let Some(href) = link {
        title.push_str(" · link to ");
        title.push_str(href);
    }
    if filtered_out {
        title.push_str(" · not among the filtered claims");
    }
    let classes = [
        Some("claim"),
        Some(status_class(inner.status)),
        selected.then_some("selected"),
        (run.marks.len() > 1).then_some("overlap"),
        filtered_out.then_some("filtered-out"),
        link.map(|_| "link"),
        run.attribution.then_some("attribution"),
    ];
    out.push_str("<mark");
    push_classes(out, &classes);
    if let Some(href) = link {
        push_attr(out, "data-href", href);
    }
    push_attr(out, "data-o", &run.start.to_string());
    push_attr(out, "data-claims", &ids.join(" "));
    if let Some(end) = ending {
        push_attr(out, "data-end", end.status.as_str());
        if let Some(label) = end.label.as_deref() {
            push_attr(out, "data-label", label);
        }
    }
    push_attr(out, "title", &title);
    push_content(out, "mark", &run.text);
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::app::view_model::highlight_layout::{
        layout_article, layout_article_with_suggestions,
    };
    use crate::core::model::{Article, BlockKind, Claim, Link};
    use crate::core::suggestions::Span;
    use crate::core::test_claims::claim_at;

    fn article(text: &str) -> Article {
        Article {
            text: text.into(),
            blocks: vec![BlockKind::Paragraph; text.split("\n\n").count()],
            ..Article::default()
        }
    }

    /// The text the browser would show for `markup`: tags dropped, references decoded.
    fn shown_text(markup: &str) -> String {
        let mut out = String::new();
        let mut rest = markup;
        while !rest.is_empty() {
            if let Some(tail) = rest.strip_prefix('<') {
                rest = &tail[tail.find('>').unwrap() + 1..];
            } else if let Some(tail) = rest.strip_prefix('&') {
                let end = tail.find(';').unwrap();
                out.push(match &tail[..end] {
                    "amp" => '&',
                    "lt" => '<',
                    "gt" => '>',
                    "quot" => '"',
                    "#13" => '\r',
                    "#0" => '\u{fffd}',
                    other => panic!("unexpected reference {other}"),
                });
                rest = &tail[end + 1..];
            } else {
                let next = rest.find(['<', '&']).unwrap_or(rest.len());
                out.push_str(&rest[..next]);
                rest = &rest[next..];
            }
        }
        out
    }

    #[test]
    fn markup_text_is_the_article_text_with_nothing_active() {
        let text = "The <b>minister</b> said \"5 > 3 & 2 < 4\"\r, a\0b 👩‍👩‍👧 قال.";
        let a = article(text);
        let claims = [claim_at(&a.text, "c1", 4, 16)];
        let layout = layout_article(&a, &claims);
        let markup = runs_markup(&layout[0], Shown::default());
        assert!(!markup.contains("<b>") && !markup.contains('\r') && !markup.contains('\0'));
        // Every character survives, in place: NUL only as the one-code-point U+FFFD.
        assert_eq!(shown_text(&markup), text.replace('\0', "\u{fffd}"));
        assert_eq!(markup.matches("<mark").count(), 1);
        assert_eq!(markup.matches("<span").count(), 2);
    }

    #[test]
    fn each_run_carries_its_offset_and_marks_say_what_they_show() {
        let a = article("Officials said the plan was dropped, according to documents.");
        let mut verified = claim_at(&a.text, "v", 0, 36);
        verified.status = Status::Verified;
        verified.label = Some("cite \"A\"".into());
        let inner = claim_at(&a.text, "u", 15, 35);
        let layout = layout_article(&a, &[verified, inner]);
        let p = &layout[0];
        let dimmed = ["u".to_string()];
        let markup = runs_markup(
            p,
            Shown {
                selected: Some("v"),
                dimmed: &dimmed,
                suggestion: None,
            },
        );
        for run in &p.runs {
            assert!(
                markup.contains(&format!("data-o=\"{}\"", run.start)),
                "{markup}"
            );
        }
        // The overlap lists the inner claim first and is not dimmed (the outer one is kept).
        assert!(markup.contains(
            "<mark class=\"claim claim-unverified selected overlap\" data-o=\"15\" data-claims=\"u v\""
        ));
        assert!(
            markup.contains("title=\"2 claims overlap here\""),
            "{markup}"
        );
        // The outer claim ends last: its status and label go on that run, quotes escaped.
        assert!(markup.contains(
            "data-claims=\"v\" data-end=\"verified\" data-label=\"cite &quot;A&quot;\" title=\"Verified claim · cite &quot;A&quot;\">"
        ), "{markup}");
        let alone = runs_markup(
            p,
            Shown {
                selected: None,
                dimmed: &["u".to_string(), "v".to_string()],
                suggestion: None,
            },
        );
        assert!(!alone.contains("selected"));
        assert_eq!(alone.matches("filtered-out").count(), 3, "{alone}");
    }

    #[test]
    fn links_and_suggestions_show_on_plain_runs() {
        let mut a = article("See the report here, officials said.");
        a.links = vec![Link {
            start: 8,
            end: 14,
            href: "https://example.org/?a=1&b=\"2\"".into(),
        }];
        let layout =
            layout_article_with_suggestions(&a, &[] as &[Claim], &[Span { start: 21, end: 35 }]);
        let markup = runs_markup(
            &layout[0],
            Shown {
                suggestion: Some(21),
                ..Shown::default()
            },
        );
        assert!(markup.contains(
            "<span class=\"link\" data-o=\"8\" data-href=\"https://example.org/?a=1&amp;b=&quot;2&quot;\" title=\"Link to https://example.org/?a=1&amp;b=&quot;2&quot;\">report</span>"
        ), "{markup}");
        assert!(
            markup.contains(
                "<span class=\"suggested current\" data-o=\"21\" data-suggestion=\"21\">"
            ),
            "{markup}"
        );
        assert!(
            markup.starts_with("<span data-o=\"0\">See the </span>"),
            "{markup}"
        );
    }
}
