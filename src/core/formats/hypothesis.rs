//! Hypothesis JSON exports (the `annotations` of its export, or the `rows` of its API): each
//! highlight with a quote becomes a claim, its tags its status and its text the note. Page notes
//! and replies mark no passage and are skipped.

use serde_json::{Map, Value};

use crate::core::formats::annotations::{
    each, nothing_to_import, quoted_claim, str_field, text_selectors, time_field, Format, Groups,
    Parsed, Part,
};
use crate::core::formats::envelope::{err, FormatError};
use crate::core::model::{Claim, Status};

pub(super) fn parse_hypothesis(obj: &Map<String, Value>, now: &str) -> Result<Parsed, FormatError> {
    let (list, items) = match (obj.get("annotations"), obj.get("rows")) {
        (Some(Value::Array(items)), _) => ("annotations", items),
        (None, Some(Value::Array(items))) => ("rows", items),
        _ => return err("\"annotations\" is not a list."),
    };
    let mut groups = Groups::default();
    let mut skipped = 0;
    for (i, a) in items.iter().enumerate() {
        let at = format!("{list}[{i}]");
        if !a.is_object() {
            return err(format!("{at} is not an annotation object."));
        }
        // Replies carry no passage of their own.
        if each(a.get("references")).iter().any(|r| !r.is_null()) {
            skipped += 1;
            continue;
        }
        let mut found = None;
        for (t, target) in each(a.get("target")).iter().enumerate() {
            let t_at = format!("{at}.target[{t}]");
            if !target.is_object() {
                return err(format!("{t_at} is not an object."));
            }
            if let Some(sel) = text_selectors(target.get("selector"), &t_at)? {
                let source = str_field(target, "source", &t_at)?.unwrap_or_default();
                found = Some((source.to_string(), sel));
                break;
            }
        }
        // Page notes have no selector.
        let Some((target_source, (quote, position))) = found else {
            skipped += 1;
            continue;
        };
        let source = str_field(a, "uri", &at)?
            .map(str::to_string)
            .unwrap_or(target_source);
        let id = match str_field(a, "id", &at)? {
            Some(id) if !id.is_empty() => format!("hyp-{id}"),
            _ => return err(format!("{at}.id is missing.")),
        };
        let tags: Vec<String> = each(a.get("tags"))
            .iter()
            .map(|t| t.as_str().map(|s| s.trim().to_lowercase()))
            .collect::<Option<_>>()
            .ok_or_else(|| FormatError(format!("{at}.tags is not a list of words.")))?;
        let status =
            if tags.iter().any(|t| t == "verified") && !tags.iter().any(|t| t == "unverified") {
                Status::Verified
            } else {
                Status::Unverified
            };
        let created = time_field(a, "created", &at)?.unwrap_or(now).to_string();
        let modified = time_field(a, "updated", &at)?
            .unwrap_or(&created)
            .to_string();
        let title = a
            .get("document")
            .and_then(|d| d.get("title"))
            .and_then(|t| each(Some(t)).first().and_then(|t| t.as_str()))
            .unwrap_or("");
        let claim = Claim {
            status,
            note: str_field(a, "text", &at)?.unwrap_or_default().to_string(),
            ..quoted_claim(id, quote, position, &created, &modified)
        };
        groups.add(&source, title, claim, false, &at)?;
    }
    if groups.sets.is_empty() {
        return err(if skipped > 0 {
            nothing_to_import(
                skipped,
                "this export",
                "page notes and replies are not claims",
            )
        } else {
            "This Hypothesis export holds no annotations.".to_string()
        });
    }
    Ok(Parsed {
        format: Format::Hypothesis,
        parts: groups.sets.into_iter().map(Part::Annotations).collect(),
        skipped,
    })
}
