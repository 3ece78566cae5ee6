//! Words of a sentence: which neighbouring syllables belong to one word.
//!
//! Vietnamese writes syllables, not words: "kết cấu hạ tầng" is two words of two
//! syllables each. Each gap between two syllable tokens of a sentence is classified as
//! a word boundary or not by a linear model over the tokens around it: lower-cased
//! syllables, their pairs and triples, shapes (capitalised, numeric, punctuation), and
//! which runs of 2 to 4 syllables around the gap are lexicon words. The features are
//! hashed into a fixed table of `i8` weights and the lexicon is a Bloom filter, so the
//! model is a few tens of kilobytes and segmenting costs a few table lookups per
//! syllable. Punctuation marks and numbers are always words of their own.
//!
//! The model (`data/words.bin`) is fitted by `cargo xtask train-words` on UD
//! Vietnamese-VTB (CC BY-SA 4.0) and pyvi's word list (MIT); the file's header says so.

use std::ops::Range;
use std::sync::OnceLock;

use crate::document::Document;
use crate::tokens::{Token, TokenKind};

/// Number of features of each gap between two tokens.
pub const FEATURES: usize = 22;

/// The longest lexicon word, in syllables.
pub const LONGEST_WORD: usize = 4;

/// The shipped model: `#` comment lines, then the table sizes and tables (see
/// [`Model::parse`]). Compiled in with the `embedded-words` feature (the CLI and the
/// Rust API); the wasm is built without it and gets the file through [`load`].
#[cfg(feature = "embedded-words")]
const SHIPPED: &[u8] = include_bytes!("../data/words.bin");

/// The word ranges of sentence `index` of `doc`: byte ranges of the normalised text
/// that cover the sentence's tokens in order, each from the start of its first token
/// to the end of its last; one word per token when no model is loaded.
pub fn segment(doc: &Document, index: usize) -> Vec<Range<usize>> {
    let tokens = doc.sentence_tokens(index);
    match shipped() {
        Some(model) => model.words(doc.text(), tokens),
        None => tokens.iter().map(|t| t.range.clone()).collect(),
    }
}

/// Every word of `doc` as a range of indices into `doc.tokens`, sentence after
/// sentence: the units of key phrases; one per token when no model is loaded.
pub fn token_units(doc: &Document) -> Vec<Range<usize>> {
    let Some(model) = shipped() else {
        return (0..doc.tokens.len()).map(|k| k..k + 1).collect();
    };
    let mut units: Vec<Range<usize>> = Vec::with_capacity(doc.tokens.len());
    let mut first = 0;
    for index in 0..doc.sentences.len() {
        let tokens = doc.sentence_tokens(index);
        for (k, starts) in model.boundaries(doc.text(), tokens).into_iter().enumerate() {
            match units.last_mut() {
                Some(unit) if !starts => unit.end = first + k + 1,
                _ => units.push(first + k..first + k + 1),
            }
        }
        first += tokens.len();
    }
    units
}

/// The model in use: the compiled-in one, or the one given to [`load`]; `None` in a
/// build without `embedded-words` before [`load`].
pub fn shipped() -> Option<&'static Model<'static>> {
    #[cfg(feature = "embedded-words")]
    {
        // A model that does not parse can only come from a broken build; falling back
        // to one word per token keeps every caller working.
        Some(MODEL.get_or_init(|| Model::parse(SHIPPED).unwrap_or(Model { bits: 0, weights: &[], lexicon: &[] })))
    }
    #[cfg(not(feature = "embedded-words"))]
    MODEL.get()
}

/// Loads the model from the bytes of `data/words.bin`, for a build without
/// `embedded-words` (the wasm): the page fetches the file, the widget, which shows
/// neither keywords nor words, never does. The first model loaded stays; `false` when
/// `bytes` is not a model.
#[cfg(not(feature = "embedded-words"))]
pub fn load(bytes: Vec<u8>) -> bool {
    if MODEL.get().is_some() {
        return true;
    }
    // Kept for the life of the program, as a compiled-in model would be.
    let bytes: &'static [u8] = Box::leak(bytes.into_boxed_slice());
    Model::parse(bytes).is_some_and(|model| MODEL.set(model).is_ok())
}

/// The model, once read.
static MODEL: OnceLock<Model<'static>> = OnceLock::new();

/// Hashed `i8` weights of the gap features (a positive sum means a word boundary) and
/// a lexicon of multi-syllable words as a Bloom filter over their syllable hashes.
#[derive(Debug, Clone)]
pub struct Model<'a> {
    bits: u32,
    weights: &'a [u8],
    lexicon: &'a [u8],
}

/// Bit positions a lexicon entry sets in the Bloom filter.
const LEXICON_PROBES: u64 = 7;

impl<'a> Model<'a> {
    /// Reads a model file: `#` comment lines (each ending in `\n`); one byte `w` and one
    /// byte `l`; `2^w` weights; a lexicon filter of `2^l` bits (none when `l` is 0).
    /// `None` when the sizes disagree.
    pub fn parse(bytes: &'a [u8]) -> Option<Model<'a>> {
        let mut rest = bytes;
        while rest.first() == Some(&b'#') {
            let newline = rest.iter().position(|&b| b == b'\n')?;
            rest = &rest[newline + 1..];
        }
        let (&[bits, lexicon_bits], rest) = rest.split_first_chunk::<2>()?;
        if bits > 30 || !(lexicon_bits == 0 || (3..=30).contains(&lexicon_bits)) {
            return None;
        }
        let lexicon_bytes = if lexicon_bits == 0 { 0 } else { 1usize << (lexicon_bits - 3) };
        (rest.len() == (1usize << bits) + lexicon_bytes).then(|| {
            let (weights, lexicon) = rest.split_at(1usize << bits);
            Model { bits: u32::from(bits), weights, lexicon }
        })
    }

    /// Writes a model file in the form [`Model::parse`] reads; `header` becomes `#`
    /// comment lines, `lexicon` is the filter built by [`lexicon_filter`]. Used by the
    /// trainer.
    pub fn encode(header: &str, weights: &[i8], lexicon: &[u8]) -> Option<Vec<u8>> {
        let bits = weights.len().trailing_zeros();
        let lexicon_bits = if lexicon.is_empty() { 0 } else { lexicon.len().trailing_zeros() + 3 };
        if !weights.len().is_power_of_two() || bits > 24 || !(lexicon.is_empty() || lexicon.len().is_power_of_two()) {
            return None;
        }
        let mut out = Vec::with_capacity(header.len() + weights.len() + lexicon.len() + 2);
        for line in header.lines() {
            out.extend_from_slice(b"# ");
            out.extend_from_slice(line.as_bytes());
            out.push(b'\n');
        }
        out.extend([bits as u8, lexicon_bits as u8]);
        out.extend(weights.iter().map(|&w| w as u8));
        out.extend_from_slice(lexicon);
        Some(out)
    }

    /// The number of weights in the table.
    pub fn len(&self) -> usize {
        self.weights.len()
    }

    /// Whether the table is empty (the fallback model: every token is a word).
    pub fn is_empty(&self) -> bool {
        self.weights.is_empty()
    }

    /// For each token of a sentence, whether a word starts at it.
    pub fn boundaries(&self, text: &str, tokens: &[Token]) -> Vec<bool> {
        let keys = keys(text, tokens);
        let matches = lexicon_matches(&keys, |hash| filter_contains(self.lexicon, hash));
        let mask = (1u64 << self.bits) - 1;
        let mut hashes = [0u64; FEATURES];
        (0..tokens.len())
            .map(|i| {
                if forced_boundary(tokens, i) || self.weights.is_empty() {
                    return true;
                }
                gap_hashes(&keys, &matches, i, &mut hashes);
                let score: i32 = hashes.iter().map(|&h| i32::from(self.weights[(h & mask) as usize] as i8)).sum();
                score > 0
            })
            .collect()
    }

    /// The word ranges of a sentence's tokens (byte ranges of `text`).
    pub fn words(&self, text: &str, tokens: &[Token]) -> Vec<Range<usize>> {
        let mut words: Vec<Range<usize>> = Vec::new();
        for (token, starts) in tokens.iter().zip(self.boundaries(text, tokens)) {
            match words.last_mut() {
                Some(word) if !starts => word.end = token.range.end,
                _ => words.push(token.range.clone()),
            }
        }
        words
    }
}

/// Whether a word must start at token `i` whatever the model says: at the first token,
/// and before and after punctuation marks and numbers, which are words of their own.
pub fn forced_boundary(tokens: &[Token], i: usize) -> bool {
    let standalone = |k: usize| tokens.get(k).is_some_and(|t| t.kind != TokenKind::Syllable);
    i == 0 || standalone(i) || standalone(i - 1)
}

/// The feature hashes of every gap of a sentence: entry `i` describes the gap before
/// token `i`. `in_lexicon` says whether a word hash (see [`word_hash`]) is a lexicon
/// word. Used by the trainer, which masks the hashes to its own table size.
pub fn sentence_features(text: &str, tokens: &[Token], in_lexicon: impl Fn(u64) -> bool) -> Vec<[u64; FEATURES]> {
    let keys = keys(text, tokens);
    let matches = lexicon_matches(&keys, in_lexicon);
    let mut hashes = [0u64; FEATURES];
    (0..tokens.len())
        .map(|i| {
            gap_hashes(&keys, &matches, i, &mut hashes);
            hashes
        })
        .collect()
}

/// The hash under which a lexicon holds the word made of `tokens`, all of them
/// syllables; `None` for a word of one syllable, of more than [`LONGEST_WORD`], or with
/// a number or punctuation mark inside.
pub fn word_hash(text: &str, tokens: &[Token]) -> Option<u64> {
    let standalone = tokens.iter().any(|t| t.kind != TokenKind::Syllable);
    (!standalone && (2..=LONGEST_WORD).contains(&tokens.len())).then(|| ngram_hash(&keys(text, tokens)))
}

/// A Bloom filter of `2^bits` bits (8 to 2^30) holding the word hashes `words`.
pub fn lexicon_filter(words: impl Iterator<Item = u64>, bits: u32) -> Vec<u8> {
    let size = 1usize << bits.clamp(3, 30);
    let mut filter = vec![0u8; size / 8];
    for word in words {
        for bit in probes(word, size) {
            filter[bit / 8] |= 1 << (bit % 8);
        }
    }
    filter
}

/// Whether the Bloom filter `filter` (from [`lexicon_filter`]) holds the word hash
/// `hash`; an empty filter holds nothing.
pub fn filter_contains(filter: &[u8], hash: u64) -> bool {
    !filter.is_empty() && probes(hash, filter.len() * 8).all(|bit| filter[bit / 8] & 1 << (bit % 8) != 0)
}

/// The filter bits of a word hash (double hashing).
fn probes(hash: u64, size: usize) -> impl Iterator<Item = usize> {
    let step = mix(99, &[hash]) | 1;
    (0..LEXICON_PROBES).map(move |k| (hash.wrapping_add(k.wrapping_mul(step)) % size as u64) as usize)
}

fn ngram_hash(keys: &[Key]) -> u64 {
    keys.iter().fold(mix(98, &[keys.len() as u64]), |h, k| mix(h, &[k.text]))
}

/// For each token, which runs starting at it are lexicon words: bit `n - 2` for the
/// run of `n` tokens.
fn lexicon_matches(keys: &[Key], in_lexicon: impl Fn(u64) -> bool) -> Vec<u8> {
    (0..keys.len())
        .map(|start| {
            let mut found = 0;
            for len in 2..=LONGEST_WORD.min(keys.len() - start) {
                let word = &keys[start..start + len];
                if word.iter().all(|k| k.shape < Shape::Number as u64) && in_lexicon(ngram_hash(word)) {
                    found |= 1 << (len - 2);
                }
            }
            found
        })
        .collect()
}

/// The lexicon words around the gap before token `i`, one bit each: bits 0-3 for words
/// across the gap (2 tokens; 3 from `l2`; 3 from `l1`; any 4), bits 4-7 for words that
/// end or start at it (`l2 l1`, `r1 r2`, `l3 l2 l1`, `r1 r2 r3`).
fn lexicon_mask(matches: &[u8], i: usize) -> u64 {
    let at = |offset: isize, len: usize| {
        i.checked_add_signed(offset).and_then(|k| matches.get(k)).is_some_and(|&m| m & 1 << (len - 2) != 0)
    };
    let across_four = at(-3, 4) || at(-2, 4) || at(-1, 4);
    [at(-1, 2), at(-2, 3), at(-1, 3), across_four, at(-2, 2), at(0, 2), at(-3, 3), at(0, 3)]
        .iter()
        .enumerate()
        .fold(0, |mask, (bit, &on)| mask | u64::from(on) << bit)
}

/// What the features know of one token: a hash of its lower-cased text and its shape.
#[derive(Debug, Clone, Copy)]
struct Key {
    text: u64,
    shape: u64,
}

/// Shapes of tokens; `Edge` stands for the positions before and after the sentence.
#[derive(Debug, Clone, Copy)]
enum Shape {
    Edge,
    Lower,
    Capitalised,
    Upper,
    Number,
    Punct,
}

const EDGE: Key = Key { text: 0x005e_ed0f_ed9e, shape: Shape::Edge as u64 };

fn keys(text: &str, tokens: &[Token]) -> Vec<Key> {
    tokens.iter().map(|t| key(&text[t.range.clone()], t.kind)).collect()
}

fn key(token: &str, kind: TokenKind) -> Key {
    let shape = match kind {
        // Every number is the same to the model: what matters is that it is a number.
        TokenKind::Number => return Key { text: 0x6e75_6d62_6572, shape: Shape::Number as u64 },
        TokenKind::Punct => Shape::Punct,
        TokenKind::Syllable => {
            let mut chars = token.chars();
            let first_upper = chars.next().is_some_and(char::is_uppercase);
            let (mut upper, mut lower) = (0, 0);
            for c in chars {
                upper += usize::from(c.is_uppercase());
                lower += usize::from(c.is_lowercase());
            }
            match (first_upper, upper, lower) {
                (true, u, 0) if u > 0 => Shape::Upper,
                (true, _, _) => Shape::Capitalised,
                _ => Shape::Lower,
            }
        }
    };
    // FNV-1a over the lower-cased characters: fixed, so native and wasm agree.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for c in token.chars().flat_map(char::to_lowercase) {
        hash = (hash ^ u64::from(c)).wrapping_mul(0x0000_0100_0000_01b3);
    }
    Key { text: hash, shape: shape as u64 }
}

/// Mixes a feature template number and its parts into one well-spread hash.
fn mix(template: u64, parts: &[u64]) -> u64 {
    let mut h = template.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    for &p in parts {
        h = (h ^ p).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        h ^= h >> 31;
    }
    h ^ (h >> 29)
}

/// The features of the gap before token `i`: `l1`/`r1` are the tokens left and right
/// of the gap, `l2` and `r2` the ones further out.
fn gap_hashes(keys: &[Key], matches: &[u8], i: usize, out: &mut [u64; FEATURES]) {
    let at = |offset: isize| i.checked_add_signed(offset).and_then(|k| keys.get(k)).copied().unwrap_or(EDGE);
    let (l2, l1, r1, r2) = (at(-2), at(-1), at(0), at(1));
    let shapes = l2.shape | l1.shape << 8 | r1.shape << 16 | r2.shape << 24;
    let lexicon = lexicon_mask(matches, i);
    let bit = |b: u64| lexicon >> b & 1;
    *out = [
        mix(0, &[]),
        mix(1, &[l1.text]),
        mix(2, &[r1.text]),
        mix(3, &[l2.text]),
        mix(4, &[r2.text]),
        mix(5, &[l1.text, r1.text]),
        mix(6, &[l2.text, l1.text]),
        mix(7, &[r1.text, r2.text]),
        mix(8, &[l2.text, l1.text, r1.text]),
        mix(9, &[l1.text, r1.text, r2.text]),
        mix(10, &[shapes]),
        mix(11, &[l1.shape, r1.text]),
        mix(12, &[l1.text, r1.shape]),
        mix(13, &[lexicon]),
        mix(14, &[bit(0)]),
        mix(15, &[bit(1)]),
        mix(16, &[bit(2)]),
        mix(17, &[bit(3)]),
        mix(18, &[bit(4)]),
        mix(19, &[bit(5)]),
        mix(20, &[bit(6)]),
        mix(21, &[bit(7)]),
    ];
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The words of the first sentence of `text`, as strings.
    fn words(text: &str) -> Vec<String> {
        let doc = Document::new(text);
        segment(&doc, 0).into_iter().map(|word| doc.text()[word].to_string()).collect()
    }

    #[test]
    fn the_shipped_model_parses() {
        assert!(!shipped().is_empty());
    }

    #[test]
    fn two_syllable_words_are_joined() {
        assert_eq!(words("Phát triển kết cấu hạ tầng"), ["Phát triển", "kết cấu", "hạ tầng"]);
        assert_eq!(
            words("Thủ tướng yêu cầu tỉnh tập trung phát triển."),
            ["Thủ tướng", "yêu cầu", "tỉnh", "tập trung", "phát triển", "."]
        );
    }

    #[test]
    fn names_are_one_word() {
        assert_eq!(
            words("Thủ tướng Phạm Minh Chính làm việc tại Hà Nội"),
            ["Thủ tướng", "Phạm Minh Chính", "làm việc", "tại", "Hà Nội"]
        );
    }

    #[test]
    fn punctuation_and_numbers_are_words_of_their_own() {
        let got = words("Sáng 9/4, kinh tế - xã hội tăng 7,5%.");
        assert_eq!(got, ["Sáng", "9/4", ",", "kinh tế", "-", "xã hội", "tăng", "7,5", "%", "."]);
    }

    #[test]
    fn words_cover_the_tokens_in_order() {
        let text = "Trong chương trình công tác tại tỉnh Điện Biên, sáng 9/4, Thủ tướng Chính phủ đã làm việc.";
        let doc = Document::new(text);
        let tokens = doc.sentence_tokens(0);
        let words = segment(&doc, 0);
        assert!(words.len() < tokens.len(), "some syllables are joined");
        let mut next = tokens.iter();
        for word in &words {
            let first = next.next().expect("a word starts at a token");
            assert_eq!(first.range.start, word.start);
            let mut end = first.range.end;
            while end < word.end {
                end = next.next().expect("a word ends at a token").range.end;
            }
            assert_eq!(end, word.end);
        }
        assert!(next.next().is_none(), "every token is in a word");
    }

    #[test]
    fn a_broken_model_file_is_refused() {
        let bytes = Model::encode("test\nmodel", &[1, -1, 0, 2], &[0u8; 2]).expect("sizes are powers of two");
        assert_eq!(Model::parse(&bytes).map(|m| m.len()), Some(4));
        assert!(Model::parse(&bytes[..bytes.len() - 1]).is_none());
        assert!(Model::parse(b"# only a header\n").is_none());
    }

    #[test]
    fn odd_input_gives_one_word_per_token_at_worst() {
        for text in ["", "...", "ABC DEF GHI", "\u{1F600} \u{1F600}", "x"] {
            let doc = Document::new(text);
            for index in 0..doc.sentences.len() {
                assert!(segment(&doc, index).len() <= doc.sentence_tokens(index).len());
            }
        }
    }
}
