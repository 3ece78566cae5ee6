//! Stable sorting by integer keys, with one compiled sort for the whole crate.
//!
//! Every `sort_by` over another element type or comparator compiles its own copy of
//! the standard library's sort, about 4.5 KB of wasm each, which every reader
//! downloads. Here the crate's sorts all sort `(key, position)` pairs: one compiled
//! routine, and since no two pairs are equal, the unstable sort of the pairs gives
//! exactly the order a stable sort by key gives.

/// Sorts `items` by `key`, equal keys keeping their order (what `sort_by_key` does).
pub fn sort_by_key<T>(items: &mut Vec<T>, key: impl Fn(&T) -> u64) {
    let mut keyed: Vec<(u64, u32)> = items.iter().enumerate().map(|(i, item)| (key(item), i as u32)).collect();
    keyed.sort_unstable();
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(keyed.into_iter().filter_map(|(_, i)| slots[i as usize].take()));
}

/// A key that orders `f32`s as [`f32::total_cmp`] does, highest first; in the high
/// half of a `u64` key, with a tie-breaker in the low half.
pub fn descending(x: f32) -> u64 {
    let bits = x.to_bits();
    // Negative numbers sort below positive ones and among themselves in reverse.
    let ascending = if bits >> 31 == 1 { !bits } else { bits | 1 << 31 };
    u64::from(!ascending) << 32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_keys_keep_their_order() {
        let mut items = vec![(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
        sort_by_key(&mut items, |&(k, _)| k);
        assert_eq!(items, [(1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c')]);
    }

    #[test]
    fn descending_orders_as_total_cmp_reversed() {
        let values = [2.5, -0.0, 0.0, -3.0, f32::INFINITY, 1e-30, -1e-30, f32::NEG_INFINITY, 0.75, -0.75];
        let mut by_key = values.to_vec();
        sort_by_key(&mut by_key, |&x| descending(x));
        let mut by_cmp = values.to_vec();
        by_cmp.sort_by(|a, b| b.total_cmp(a));
        assert_eq!(
            by_key.iter().map(|x| x.to_bits()).collect::<Vec<_>>(),
            by_cmp.iter().map(|x| x.to_bits()).collect::<Vec<_>>()
        );
    }
}
