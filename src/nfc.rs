//! The character properties NFC needs, for [`crate::normalize`]: canonical combining
//! classes, the NFC quick check, canonical decomposition and composition.
//!
//! The tables are made by `build.rs` from unicode-normalization's own functions and
//! kept as sorted lists and runs: its perfect-hash tables, about 26 KB of every
//! reader's wasm gzipped, barely compress. Hangul syllables are decomposed and composed
//! by arithmetic (the Unicode Standard, section 3.12). A test compares every character.

use std::sync::OnceLock;

include!(concat!(env!("OUT_DIR"), "/nfc_tables.rs"));

/// What NFC's quick check says of a character on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuickCheck {
    /// It stays as it is.
    Yes,
    /// It never occurs in NFC (it decomposes, and its parts do not compose back).
    No,
    /// It may compose with the character before it.
    Maybe,
}

/// The canonical combining class of `c` (0 for a starter).
pub fn combining_class(c: char) -> u8 {
    run_value(&COMBINING_CLASS, c) as u8
}

/// NFC's quick check of `c` alone.
pub fn quick_check(c: char) -> QuickCheck {
    match run_value(&QUICK_CHECK, c) {
        0 => QuickCheck::Yes,
        1 => QuickCheck::No,
        _ => QuickCheck::Maybe,
    }
}

/// The value of the run (`code << RUN_VALUE_BITS | value`, sorted) that holds `c`.
fn run_value(runs: &[u32], c: char) -> u32 {
    let after = runs.partition_point(|&run| run >> RUN_VALUE_BITS <= u32::from(c));
    after.checked_sub(1).and_then(|k| runs.get(k)).map_or(0, |&run| run & ((1 << RUN_VALUE_BITS) - 1))
}

// Hangul's syllable arithmetic (the Unicode Standard, section 3.12): the first
// syllable, leading consonant, vowel and trailing consonant (the last one before the
// first), and their counts.
const S_BASE: u32 = 0xAC00;
const L_BASE: u32 = 0x1100;
const V_BASE: u32 = 0x1161;
const T_BASE: u32 = 0x11A7;
const L_COUNT: u32 = 19;
const V_COUNT: u32 = 21;
const T_COUNT: u32 = 28;
const N_COUNT: u32 = V_COUNT * T_COUNT;
const S_COUNT: u32 = L_COUNT * N_COUNT;

/// Gives the full canonical decomposition of `c` to `emit`, char by char (`c` itself
/// when it has none).
pub fn decompose(c: char, mut emit: impl FnMut(char)) {
    decompose_into(c, &mut emit);
}

/// [`decompose`] through a `dyn` closure, as its recursion needs one type.
fn decompose_into(c: char, emit: &mut dyn FnMut(char)) {
    let code = u32::from(c);
    if (S_BASE..S_BASE + S_COUNT).contains(&code) {
        let index = code - S_BASE;
        let t = index % T_COUNT;
        let parts = [L_BASE + index / N_COUNT, V_BASE + index % N_COUNT / T_COUNT, T_BASE + t];
        parts.iter().take(if t == 0 { 2 } else { 3 }).filter_map(|&p| char::from_u32(p)).for_each(emit);
        return;
    }
    let Ok(k) = DECOMPOSED.binary_search(&code) else {
        emit(c);
        return;
    };
    // Each of the two decomposes in turn (a few levels at most: "ệ" is "ẹ" and a
    // circumflex, "ẹ" is "e" and a dot below).
    for part in [FIRSTS[k], SECONDS[k] & !COMPOSES] {
        if let Some(part) = char::from_u32(part).filter(|&p| p != '\0') {
            decompose_into(part, emit);
        }
    }
}

/// The primary composite of `a` followed by `b`, if there is one.
pub fn compose(a: char, b: char) -> Option<char> {
    let (a, b) = (u32::from(a), u32::from(b));
    let composite = if (L_BASE..L_BASE + L_COUNT).contains(&a) && (V_BASE..V_BASE + V_COUNT).contains(&b) {
        S_BASE + ((a - L_BASE) * V_COUNT + b - V_BASE) * T_COUNT
    } else if (S_BASE..S_BASE + S_COUNT).contains(&a)
        && (a - S_BASE) % T_COUNT == 0
        && (T_BASE + 1..T_BASE + T_COUNT).contains(&b)
    {
        a + b - T_BASE
    } else {
        let pairs = composing_pairs();
        let k = pairs.binary_search_by_key(&pair_key(a, b), |&(key, _)| key).ok()?;
        pairs[k].1
    };
    char::from_u32(composite)
}

/// The pairs that compose, by their two characters, with their composite: sorted on
/// first use, which spares the wasm a second table.
fn composing_pairs() -> &'static [(u64, u32)] {
    static PAIRS: OnceLock<Vec<(u64, u32)>> = OnceLock::new();
    PAIRS.get_or_init(|| {
        let mut pairs: Vec<(u64, u32)> = (0..DECOMPOSED.len())
            .filter(|&k| SECONDS[k] & COMPOSES != 0)
            .map(|k| (pair_key(FIRSTS[k], SECONDS[k] & !COMPOSES), DECOMPOSED[k]))
            .collect();
        crate::order::sort_by_key(&mut pairs, |&(key, _)| key);
        pairs
    })
}

/// Two code points as one sort key.
fn pair_key(a: u32, b: u32) -> u64 {
    u64::from(a) << CODE_POINT_BITS | u64::from(b)
}

/// The bits of the highest code point, U+10FFFF.
const CODE_POINT_BITS: u32 = 21;

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::char as reference;
    use unicode_normalization::{is_nfc_quick, IsNormalized};

    fn chars() -> impl Iterator<Item = char> {
        (0..=u32::from(char::MAX)).filter_map(char::from_u32)
    }

    fn decomposition(c: char, decompose: impl Fn(char, &mut dyn FnMut(char))) -> Vec<char> {
        let mut parts = Vec::new();
        decompose(c, &mut |d| parts.push(d));
        parts
    }

    #[test]
    fn every_character_has_unicode_normalizations_class_quick_check_and_decomposition() {
        for c in chars() {
            assert_eq!(combining_class(c), reference::canonical_combining_class(c), "{c:?}");
            let quick = match is_nfc_quick(std::iter::once(c)) {
                IsNormalized::Yes => QuickCheck::Yes,
                IsNormalized::No => QuickCheck::No,
                IsNormalized::Maybe => QuickCheck::Maybe,
            };
            assert_eq!(quick_check(c), quick, "{c:?}");
            assert_eq!(
                decomposition(c, |c, emit| decompose(c, emit)),
                decomposition(c, |c, emit| reference::decompose_canonical(c, emit)),
                "{c:?}"
            );
        }
    }

    #[test]
    fn every_pair_that_composes_composes_as_unicode_normalization_says() {
        // A composite's decomposition is its first part's followed by its second's, so
        // the first is a character that decomposes (Hangul syllables included) or one a
        // decomposition holds, and the second is a mark or a "maybe" of the quick check.
        // Both lists come from unicode-normalization, not from the tables under test, so
        // a pair that the tables leave out is tried all the same.
        let mut firsts = std::collections::BTreeSet::new();
        for c in chars() {
            let decomposition = decomposition(c, |c, emit| reference::decompose_canonical(c, emit));
            if decomposition != [c] {
                firsts.insert(c);
                firsts.extend(decomposition);
            }
        }
        let seconds: Vec<char> = chars()
            .filter(|&c| {
                reference::canonical_combining_class(c) != 0 || is_nfc_quick(std::iter::once(c)) == IsNormalized::Maybe
            })
            .collect();
        let mut composed = 0;
        for &a in &firsts {
            for &b in &seconds {
                assert_eq!(compose(a, b), reference::compose(a, b), "{a:?} {b:?}");
                composed += usize::from(compose(a, b).is_some());
            }
        }
        assert!(composed > 900, "{composed} pairs compose");
    }
}
