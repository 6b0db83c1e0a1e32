//! An article's details (title, outlet, byline, date, address) as the details form edits them,
//! and their reducer.

use std::rc::Rc;

use crate::app::state::AppState;
use crate::core::model::Article;
use crate::core::text::links::check_link;

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Details {
    pub title: String,
    pub outlet: String,
    pub byline: String,
    pub date: String,
    pub url: String,
}

impl Details {
    pub fn of(article: &Article) -> Self {
        Details {
            title: article.title.clone(),
            outlet: article.outlet.clone(),
            byline: article.byline.clone(),
            date: article.date.clone(),
            url: article.url.clone(),
        }
    }
}

/// Sets the open article's details, tidied; a blank title keeps the old one. The id stays, so
/// the article's claims and links stay too.
pub(super) fn set_details(next: &mut AppState, details: Details) {
    let mut article = (*next.article).clone();
    let title = details
        .title
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    article.title = if title.is_empty() {
        article.title
    } else {
        title
    };
    article.outlet = details.outlet.trim().to_string();
    article.byline = details.byline.trim().to_string();
    article.date = details.date.trim().to_string();
    // Blank clears the address; one that fails the link rule (the form refuses it first)
    // leaves the old one.
    if details.url.trim().is_empty() {
        article.url.clear();
    } else if let Ok(url) = check_link(&details.url, "Original address") {
        article.url = url;
    }
    if article != *next.article {
        next.article = Rc::new(article);
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::app::actions::Action;
    use crate::app::reducer::reduce;
    use crate::app::test_state::{add, state};
    use crate::core::model::Link;

    #[test]
    fn details_change_but_the_id_and_links_stay() {
        let mut s = add(&state(), "c", 4, 17);
        let mut article = (*s.article).clone();
        article.links = vec![Link {
            start: 4,
            end: 8,
            href: "https://post.example/".into(),
        }];
        article.blocks = vec![
            crate::core::model::BlockKind::Quote,
            crate::core::model::BlockKind::Paragraph,
        ];
        s.article = Rc::new(article);
        let s = reduce(
            &s,
            Action::SetDetails(Details {
                title: "  New   title ".into(),
                outlet: " The Post ".into(),
                byline: "By A. Writer".into(),
                date: "2026-11-02".into(),
                url: "https://post.example/story".into(),
            }),
        );
        assert_eq!(s.article.id, "a");
        assert_eq!(s.article.title, "New title");
        assert_eq!(s.article.outlet, "The Post");
        assert_eq!(Details::of(&s.article).url, "https://post.example/story");
        // A blank title keeps the old one.
        let kept = reduce(
            &s,
            Action::SetDetails(Details {
                title: " ".into(),
                ..Details::of(&s.article)
            }),
        );
        assert_eq!(kept.article.title, "New title");
        // An address that fails the link rule never becomes the article's; a blank one clears it.
        let refused = reduce(
            &s,
            Action::SetDetails(Details {
                url: "java\tscript:alert(1)".into(),
                ..Details::of(&s.article)
            }),
        );
        assert_eq!(refused.article.url, "https://post.example/story");
        let cleared = reduce(
            &s,
            Action::SetDetails(Details {
                url: " ".into(),
                ..Details::of(&s.article)
            }),
        );
        assert_eq!(cleared.article.url, "");
        // An edit that keeps the blocks keeps their kinds and the link on its words.
        let edited = reduce(
            &s,
            Action::EditText {
                text: format!("Breaking. {}", s.article.text),
            },
        );
        assert_eq!(edited.article.blocks.len(), 2);
        assert_eq!(edited.article.links[0].start, 14);
        let merged = reduce(
            &s,
            Action::EditText {
                text: "The Times reported nothing.".into(),
            },
        );
        assert!(merged.article.blocks.is_empty() && merged.article.links.is_empty());
    }
}
