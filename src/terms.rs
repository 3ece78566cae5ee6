//! The document's syllables as lower-cased term ids, the stop-word list and the
//! function words.
//!
//! Scoring and keywords compare syllables by their lower-cased normalised text; this
//! module does that once per document, so both see the same terms and the same stop
//! words, and looks each distinct syllable up once in the word tables.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use crate::document::Document;
use crate::tokens::TokenKind;

/// The stop-word table: syllables so common in news that they say nothing about an
/// article (see its header for how it was made).
const STOPWORDS: &str = crate::data::table!("stopwords.txt");

/// Function words (`data/function-words.txt`, rebuilt by `cargo xtask
/// function-words`): pronouns, conjunctions, numerals, kinship words used as pronouns
/// ("ông", "chị"), which a key phrase neither is nor starts or ends with.
const FUNCTION_WORDS: &str = crate::data::table!("function-words.txt");

/// What the word tables say of a lower-cased syllable, as bits.
const STOP: u32 = 1;
const FUNCTION: u32 = 2;
/// The first syllable of a function word of several syllables.
const OPENS: u32 = 4;

/// The word tables by lower-cased syllable (and function words of several syllables
/// whole), read once.
fn tables() -> &'static IdMap<&'static str, u32> {
    static TABLES: OnceLock<IdMap<&'static str, u32>> = OnceLock::new();
    TABLES.get_or_init(|| {
        let mut flags: IdMap<&'static str, u32> = IdMap::default();
        for syllable in crate::data::lines(STOPWORDS) {
            *flags.entry(syllable).or_default() |= STOP;
        }
        for word in crate::data::lines(FUNCTION_WORDS) {
            *flags.entry(word).or_default() |= FUNCTION;
            if let Some((first, _)) = word.split_once(' ') {
                *flags.entry(first).or_default() |= OPENS;
            }
        }
        flags
    })
}

/// Whether the lower-cased syllable `syllable` is a stop word.
pub fn is_stop_word(syllable: &str) -> bool {
    tables().get(syllable).is_some_and(|f| f & STOP != 0)
}

/// Whether the lower-cased word `word` (syllables joined by a space) is a function
/// word.
pub fn is_function_word(word: &str) -> bool {
    tables().get(word).is_some_and(|f| f & FUNCTION != 0)
}

/// Every token's term: syllables get a dense id shared by all their spellings in
/// case; numbers and punctuation get none.
#[derive(Debug, Clone)]
pub struct Terms {
    /// For each token of the document, its term id, if it is a syllable.
    pub ids: Vec<Option<u32>>,
    /// For each term id, whether it is a stop word.
    pub stop: Vec<bool>,
    /// For each term id, whether it is a function word of one syllable.
    pub function: Vec<bool>,
    /// For each term id, whether a function word of several syllables starts with it.
    pub opens: Vec<bool>,
}

impl Terms {
    /// The terms of `doc`'s tokens.
    pub fn new(doc: &Document) -> Terms {
        let lower = doc.lower();
        // Ids are handed out in order of first appearance, so the hasher does not
        // change them; the fast one saves a third of this function's time.
        // Room for a distinct syllable every other token, up to about the syllables
        // Vietnamese has, so the map is not rebuilt nor the flags moved as they fill.
        let capacity = (doc.tokens.len() / 2).min(1 << 13);
        let mut by_text: IdMap<&str, u32> = IdMap::with_capacity_and_hasher(capacity, Default::default());
        let (mut stop, mut function, mut opens) =
            (Vec::with_capacity(capacity), Vec::with_capacity(capacity), Vec::with_capacity(capacity));
        let tables = tables();
        let ids = doc
            .tokens
            .iter()
            .map(|token| {
                if token.kind != TokenKind::Syllable {
                    return None;
                }
                let syllable = &lower[token.range.clone()];
                let next = by_text.len() as u32;
                let id = *by_text.entry(syllable).or_insert_with(|| {
                    let flags = tables.get(syllable).copied().unwrap_or(0);
                    stop.push(flags & STOP != 0);
                    function.push(flags & FUNCTION != 0);
                    opens.push(flags & OPENS != 0);
                    next
                });
                Some(id)
            })
            .collect();
        Terms { ids, stop, function, opens }
    }

    /// Number of distinct terms.
    pub fn len(&self) -> usize {
        self.stop.len()
    }

    /// Whether the document has no syllables.
    pub fn is_empty(&self) -> bool {
        self.stop.is_empty()
    }

    /// The id of token `index` if it is a syllable that is not a stop word.
    pub fn content(&self, index: usize) -> Option<u32> {
        self.ids[index].filter(|&id| !self.stop[id as usize])
    }
}

/// A hash map keyed by term ids (or tuples and arrays of them), by the strings of a
/// table the crate builds, or by pieces of the one text being digested.
pub type IdMap<K, V> = HashMap<K, V, BuildHasherDefault<IdHasher>>;
/// A hash set of term ids (or tuples and arrays of them), of the strings of a table
/// the crate builds, or of pieces of the one text being digested.
pub type IdSet<K> = HashSet<K, BuildHasherDefault<IdHasher>>;

/// A multiply-rotate hasher for term ids, table keys and a text's own syllables,
/// numbers and sentences. The default SipHash guards a long-lived map against keys an
/// attacker chooses; these maps live for one digest, so keys made to collide could only
/// slow the digest of the text that holds them, and in the wasm the standard hasher's
/// keys come from memory addresses anyway. A hasher several times faster is worth it:
/// keyword counting hashes every n-gram, the terms every syllable; and the standard
/// one's code (SipHash, its seeding) stays out of the wasm.
#[derive(Debug, Clone, Copy, Default)]
pub struct IdHasher(u64);

impl IdHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

impl Hasher for IdHasher {
    fn write(&mut self, mut bytes: &[u8]) {
        while let Some((word, rest)) = bytes.split_first_chunk::<8>() {
            self.add(u64::from_le_bytes(*word));
            bytes = rest;
        }
        // The last 1 to 7 bytes (most syllables are no longer) as two overlapping
        // reads and the count, rather than copied into a padded word: a copy of a
        // length known only at run time is a call to `memcpy`.
        let n = bytes.len() as u64;
        let tail = match (bytes.first_chunk::<4>(), bytes.last_chunk::<4>()) {
            (Some(first), Some(last)) => {
                u64::from(u32::from_le_bytes(*first)) | u64::from(u32::from_le_bytes(*last)) << 32
            }
            _ => match bytes {
                [] => return,
                [a, .., b] => u64::from(*a) | u64::from(*b) << 8 | u64::from(bytes[1]) << 16,
                [a] => u64::from(*a),
            },
        };
        self.add(tail ^ n << 59);
    }

    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }

    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    /// Brings the well-mixed high bits of the last multiplication down: the table picks
    /// buckets by the low bits, which a multiplication alone leaves poorly mixed.
    fn finish(&self) -> u64 {
        self.0.rotate_left(26)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_in_any_case_share_a_term_and_function_syllables_are_stop_words() {
        let doc = Document::new("Điện Biên phát triển. Tỉnh ĐIỆN BIÊN và điện biên của 2023.");
        let terms = Terms::new(&doc);
        let id = |k: usize| terms.ids[k];
        assert_eq!(id(0), id(6));
        assert_eq!(id(0), id(9));
        assert_eq!(id(1), id(10));
        assert!(terms.content(0).is_some());
        assert!(terms.content(8).is_none(), "và");
        assert!(terms.content(11).is_none(), "của");
        assert_eq!(id(12), None, "2023 is a number");
        assert!(is_stop_word("những") && !is_stop_word("tỉnh") && !is_stop_word("việt"));
        assert!(is_function_word("ông") && is_function_word("có thể") && !is_function_word("có"));
        let doc = Document::new("Chúng tôi có thể gặp ông.");
        let terms = Terms::new(&doc);
        let id = |k: usize| terms.ids[k].unwrap() as usize;
        assert!(terms.opens[id(0)] && terms.opens[id(2)] && terms.function[id(5)] && !terms.function[id(4)]);
    }
}
