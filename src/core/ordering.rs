//! The one stable sort for lists of the app's own values (claims, rows, matches, names).
//!
//! Why not `slice::sort_by` at each call site: the standard sort is generic over the element
//! and the comparator, so every call site compiled its own ~4 KB copy of it into the bundle
//! (16 copies, 63 KB of wasm, issue 14). Here the sorting itself runs once, over indices with a
//! `dyn` comparator; what stays generic is only a short loop that puts the items in that order.
//! Sorting plain numbers (`u32`, `(u32, u32)`) with the standard `sort_unstable` stays as it is:
//! those copies are shared by type, and the anchoring's hot paths want them.

use std::cmp::Ordering;

/// Sorts `items` by `cmp`, keeping equal items in their order (a stable sort).
pub fn sort_by<T>(items: &mut [T], cmp: impl Fn(&T, &T) -> Ordering) {
    let mut order = sorted_indices(items.len(), &|a, b| cmp(&items[a], &items[b]));
    put_in_order(items, &mut order);
}

/// Sorts `items` by the key `key` gives each, keeping equal keys in their order.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` in their natural order.
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

// The only instance of the standard sort this module makes: one element type, one comparator
// type.
fn sorted_indices(len: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|&a, &b| cmp(a, b));
    order
}

// Moves the item at `order[k]` to `k`, in place: each cycle of the permutation is followed once,
// swapping, and `order` is used up as the record of which places are done.
fn put_in_order<T>(items: &mut [T], order: &mut [usize]) {
    const DONE: usize = usize::MAX;
    for start in 0..items.len() {
        let mut k = start;
        while order[k] != DONE {
            let from = order[k];
            order[k] = DONE;
            if from == start {
                break;
            }
            items.swap(k, from);
            k = from;
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn equal_keys_keep_their_order() {
        let mut words = vec!["pear", "fig", "apple", "kiwi", "date", "plum"];
        sort_by_key(&mut words, |w| w.len());
        assert_eq!(words, ["fig", "pear", "kiwi", "date", "plum", "apple"]);
        let mut none: Vec<String> = Vec::new();
        sort(&mut none);
        assert!(none.is_empty());
    }

    proptest! {
        // The standard library's stable sort is the reference: same order, ties included.
        #[test]
        fn sorts_as_the_standard_stable_sort(pairs in prop::collection::vec((0u8..6, any::<u16>()), 0..60)) {
            let mut ours = pairs.clone();
            sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            let mut theirs = pairs.clone();
            theirs.sort_by_key(|a| a.0);
            prop_assert_eq!(&ours, &theirs);
            let mut natural = pairs;
            sort(&mut natural);
            theirs.sort();
            prop_assert_eq!(natural, theirs);
        }
    }
}
