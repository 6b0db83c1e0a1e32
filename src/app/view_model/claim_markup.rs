//! What a claim looks like in a list, wherever it is listed (the claim list, the orphans): its
//! status badge, its label, its quote cut short and its source, as markup. A list of 2,000
//! claims draws each item's contents as one string for the browser's parser, not as ten
//! elements made one call at a time across the wasm boundary.

use crate::app::view_model::markup::{push_element, push_escaped};
use crate::core::model::{Claim, Status};
use crate::core::text::quotes::{shorten, Cut};

/// A claim's quote as lists show it: in quotation marks, on one line, cut after 140 characters.
pub fn list_quote(quote: &str) -> String {
    format!("“{}”", shorten(quote, Cut::FlatChars(140)))
}

/// The status badge: an icon (hidden from screen readers) and the status in words.
fn status_badge(out: &mut String, status: Status) {
    let (class, icon) = match status {
        Status::Verified => ("badge badge-verified", "✓"),
        Status::Unverified => ("badge badge-unverified", "?"),
    };
    out.push_str("<span class=\"");
    out.push_str(class);
    out.push_str("\"><span class=\"icon\" aria-hidden=\"true\">");
    out.push_str(icon);
    out.push_str("</span>");
    out.push_str(status.label());
    out.push_str("</span>");
}

/// The quote as lists show it, in its element.
fn quote(out: &mut String, claim: &Claim) {
    push_element(out, "span", "claim-quote", &list_quote(&claim.quote.exact));
}

/// A claim in brief, as the orphans list shows one: its status and its quote.
pub fn brief(claim: &Claim) -> String {
    let mut out = String::new();
    status_badge(&mut out, claim.status);
    quote(&mut out, claim);
    out
}

/// The inside of a claim list item: status, label (an exercise's category), the warning that a
/// verified claim gives no evidence (not for the teacher's answer key, `key_claim`), the quote
/// and the source.
pub fn item_content(claim: &Claim, key_claim: bool) -> String {
    let mut out = String::with_capacity(claim.quote.exact.len().min(160) + 200);
    status_badge(&mut out, claim.status);
    if let Some(label) = claim.label.as_deref() {
        push_element(&mut out, "span", "claim-label", label);
    }
    if claim.verified_without_evidence() && !key_claim {
        push_element(
            &mut out,
            "span",
            "no-evidence",
            "verified — no evidence given",
        );
    }
    quote(&mut out, claim);
    if !claim.source.is_empty() || claim.source_kind.is_some() {
        out.push_str("<span class=\"claim-source\">Source: ");
        push_escaped(&mut out, &claim.source);
        if let Some(kind) = claim.source_kind {
            out.push_str(" (");
            push_escaped(&mut out, &kind.label().to_lowercase());
            out.push(')');
        }
        out.push_str("</span>");
    }
    out
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::core::test_claims::claim_on;

    #[test]
    fn an_item_shows_status_label_warning_quote_and_source_escaped() {
        let text = "The <minister> said the plan was dropped, according to aides.";
        let mut c = claim_on(text, "c1", "The <minister> said the plan was dropped");
        c.status = Status::Verified;
        c.label = Some("opinion & fact".into());
        c.source = "Aides \"close\" to him".into();
        let shown = item_content(&c, false);
        assert_eq!(
            shown,
            "<span class=\"badge badge-verified\"><span class=\"icon\" aria-hidden=\"true\">✓</span>Verified</span>\
             <span class=\"claim-label\">opinion &amp; fact</span>\
             <span class=\"no-evidence\">verified — no evidence given</span>\
             <span class=\"claim-quote\">“The &lt;minister&gt; said the plan was dropped”</span>\
             <span class=\"claim-source\">Source: Aides &quot;close&quot; to him</span>"
        );
        // The answer key's claims carry no warning; an unsourced, unlabelled claim shows less.
        assert!(!item_content(&c, true).contains("no-evidence"));
        let plain = claim_on(text, "c2", "according to aides");
        let shown = item_content(&plain, false);
        assert!(shown.contains("Unverified") && !shown.contains("claim-label"));
        assert!(!shown.contains("claim-source") && !shown.contains("no-evidence"));
        assert!(shown.starts_with(&brief(&plain)));
        assert!(brief(&plain).ends_with("<span class=\"claim-quote\">“according to aides”</span>"));
    }
}
