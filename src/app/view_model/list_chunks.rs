//! The claim list cut into chunks the view draws as one component each, so a change redraws one
//! chunk, not the list.

use std::rc::Rc;

use crate::core::model::Claim;

/// How many items one chunk draws, on average; never more than [`MAX_CHUNK`].
const CHUNK: u64 = 50;
const MAX_CHUNK: usize = 200;

/// Whether a chunk ends with this claim. Why cut by id, not every 50 places: then a claim added or
/// deleted changes only the chunk it is in, where a cut by place shifted every later chunk by one
/// item, and each of those redrew two of its items.
fn ends_chunk(id: &str) -> bool {
    // FNV-1a: cheap, and the same in every build, so chunks do not move between renders.
    let hash = id.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    hash % CHUNK == 0
}

/// `shown` cut into chunks, each keyed by the claim it ends with (the last by "end").
pub fn chunks<'a>(claims: &[Rc<Claim>], shown: &'a [usize]) -> Vec<(String, &'a [usize])> {
    let mut out = Vec::new();
    let mut start = 0;
    for (n, &i) in shown.iter().enumerate() {
        let id = &claims[i].id;
        if ends_chunk(id) || n + 1 - start == MAX_CHUNK {
            out.push((format!("c:{id}"), &shown[start..=n]));
            start = n + 1;
        }
    }
    if start < shown.len() {
        out.push(("end".to_string(), &shown[start..]));
    }
    out
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::core::test_claims::claim_at;

    fn list(ids: &[String]) -> Vec<Rc<Claim>> {
        ids.iter()
            .map(|id| Rc::new(claim_at("text", id, 0, 1)))
            .collect()
    }

    // The chunks as (key, ids), to compare lists of different claims.
    fn cut(ids: &[String]) -> Vec<(String, Vec<String>)> {
        let claims = list(ids);
        let shown: Vec<usize> = (0..claims.len()).collect();
        chunks(&claims, &shown)
            .into_iter()
            .map(|(key, items)| (key, items.iter().map(|&i| claims[i].id.clone()).collect()))
            .collect()
    }

    #[test]
    fn the_chunks_hold_the_list_in_order_and_none_is_too_long() {
        let ids: Vec<String> = (0..2_000).map(|i| format!("claim-{i}")).collect();
        let chunks = cut(&ids);
        let joined: Vec<String> = chunks.iter().flat_map(|(_, c)| c.clone()).collect();
        assert_eq!(joined, ids);
        assert!(chunks
            .iter()
            .all(|(_, c)| !c.is_empty() && c.len() <= MAX_CHUNK));
        // About 50 a chunk: the cut is by id, so the count only averages out.
        assert!((20..=80).contains(&chunks.len()), "{} chunks", chunks.len());
        let keys: std::collections::BTreeSet<&String> = chunks.iter().map(|(k, _)| k).collect();
        assert_eq!(keys.len(), chunks.len(), "keys are unique");
        // A run of ids that never ends a chunk is still cut at the maximum.
        let same: Vec<String> = (0..(MAX_CHUNK * 3)).map(|_| "x".to_string()).collect();
        let lengths: Vec<usize> = cut(&same).iter().map(|(_, c)| c.len()).collect();
        assert!(ends_chunk("x") || lengths == [MAX_CHUNK; 3], "{lengths:?}");
    }

    #[test]
    fn a_claim_added_or_deleted_changes_only_its_own_chunk() {
        let ids: Vec<String> = (0..2_000).map(|i| format!("claim-{i}")).collect();
        let before = cut(&ids);
        for at in [0, 1, 777, 1_999, 2_000] {
            let mut added = ids.clone();
            added.insert(at, "new-claim".to_string());
            let after = cut(&added);
            let changed = after.iter().filter(|c| !before.contains(c)).count();
            // The chunk it joined; two if it ends a chunk itself and splits one.
            assert!(changed <= 2, "adding at {at} changed {changed} chunks");
            let mut deleted = ids.clone();
            deleted.remove(at.min(1_999));
            let after = cut(&deleted);
            let changed = after.iter().filter(|c| !before.contains(c)).count();
            assert!(changed <= 1, "deleting at {at} changed {changed} chunks");
        }
    }
}
