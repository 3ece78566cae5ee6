//! Phrases of whole lower-case syllables, matched token by token.
//!
//! A table phrase is normalised like the text (NFC, folded tone placement), split into
//! tokens and lower-cased, so "Uỷ ban" in an article matches "Ủy ban" in a table and a
//! phrase never matches inside a longer syllable. Indexed by first syllable, a look-up
//! costs one map probe per token. The directive lexicons and the summary's cue phrases
//! use it.

use crate::case::lower_case;
use crate::normalize::Normalized;
use crate::terms::IdMap;

/// Phrases of lower-case syllables indexed by their first syllable, for longest match.
#[derive(Debug)]
pub struct Phrases<T> {
    index: Index,
    /// The [`signature`]s of the first syllables, one bit each: most tokens start no
    /// phrase, and a bit that is not set says so without hashing the token.
    firsts: [u64; SIGNATURES / 64],
    /// The value of each phrase, by its place in the entries given to [`Phrases::new`].
    values: Vec<T>,
}

/// For each first syllable, the phrases that start with it, longest first, as their
/// syllables and the place of their value. Not generic: the code that builds and
/// searches it is compiled once, not once for each kind of value (five tables).
type Index = IdMap<String, Vec<(Vec<String>, u32)>>;

impl<T: Copy> Phrases<T> {
    /// The phrases of `entries`, each with its value; a phrase of no token is left out.
    pub fn new(entries: impl Iterator<Item = (String, T)>) -> Self {
        let (phrases, values): (Vec<String>, Vec<T>) = entries.unzip();
        let index = index(&phrases);
        Phrases { firsts: firsts(&index), index, values }
    }

    /// The longest phrase that starts at `words[at]`: its length in words and value.
    pub fn longest(&self, words: &[impl AsRef<str>], at: usize) -> Option<(usize, T)> {
        self.longest_where(words, at, |_| true)
    }

    /// The longest phrase that starts at `words[at]` and whose length in words `accept`
    /// takes (the directive rules take only phrases that end where a word does).
    pub fn longest_where(
        &self,
        words: &[impl AsRef<str>],
        at: usize,
        accept: impl Fn(usize) -> bool,
    ) -> Option<(usize, T)> {
        let word = words.get(at)?.as_ref();
        let bit = signature(word);
        if self.firsts[bit >> 6] >> (bit & 63) & 1 == 0 {
            return None;
        }
        let list = self.index.get(word)?;
        list.iter()
            .find(|(phrase, _)| {
                accept(phrase.len())
                    && words
                        .get(at..at + phrase.len())
                        .is_some_and(|w| w.iter().zip(phrase).all(|(a, b)| a.as_ref() == b))
            })
            .map(|(phrase, value)| (phrase.len(), self.values[*value as usize]))
    }
}

/// How many values a [`signature`] takes.
const SIGNATURES: usize = 1 << 12;

/// A number below [`SIGNATURES`] standing for a syllable, from its first two bytes,
/// its last and its length: cheaper than the map's hash, and spread enough that few
/// tokens share one with the first syllable of a phrase (from one first byte into 256
/// values, two of three tokens let through started none).
fn signature(word: &str) -> usize {
    let bytes = word.as_bytes();
    let (first, last) = (bytes.first_chunk::<2>().copied().unwrap_or_default(), bytes.last().copied().unwrap_or(0));
    let key = u32::from(u16::from_le_bytes(first)) | u32::from(last) << 16 | (bytes.len() as u32) << 24;
    (key.wrapping_mul(0x9e37_79b1) >> 20) as usize
}

/// The set of the [`signature`]s of the first syllables of `index`. Not a method of
/// [`Phrases`], so compiled once.
fn firsts(index: &Index) -> [u64; SIGNATURES / 64] {
    let mut firsts = [0; SIGNATURES / 64];
    for first in index.keys() {
        let bit = signature(first);
        firsts[bit >> 6] |= 1 << (bit & 63);
    }
    firsts
}

/// The index of `phrases`, each standing for its place in the list.
fn index(phrases: &[String]) -> Index {
    let mut index = Index::default();
    for (place, phrase) in phrases.iter().enumerate() {
        let syllables = syllables(phrase);
        if let Some(first) = syllables.first() {
            index.entry(first.clone()).or_default().push((syllables, place as u32));
        }
    }
    for list in index.values_mut() {
        crate::order::sort_by_key(list, |entry| !(entry.0.len() as u64));
    }
    index
}

/// The lower-case syllables and punctuation marks of a phrase, normalised like the text.
pub fn syllables(phrase: &str) -> Vec<String> {
    let normalized = Normalized::new(phrase);
    let text = normalized.text();
    crate::tokens::tokenize(text, 0..text.len()).into_iter().map(|t| lower_case(&text[t.range])).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_match_whole_syllables_in_any_case_and_tone_placement() {
        let phrases = Phrases::new(["cho biết", "hoà bình"].into_iter().map(|p| (p.to_string(), ())));
        let occurs = |text: &str| {
            let words = syllables(text);
            (0..words.len()).any(|at| phrases.longest(&words, at).is_some())
        };
        assert!(occurs("Ông Nam CHO BIẾT thêm"));
        assert!(occurs("vì hòa bình"));
        assert!(!occurs("cho biếtx"));
        assert!(!occurs("cho, biết"));
        assert_eq!(phrases.longest(&syllables("cho biết"), 0), Some((2, ())));
        assert_eq!(phrases.longest(&syllables("cho biết"), 1), None);
    }
}
