//! Words of a sentence: which neighbouring syllables belong to one word.
//!
//! Vietnamese writes syllables, not words: "kết cấu hạ tầng" is two words of two
//! syllables each. Each gap between two syllable tokens of a sentence is classified as
//! a word boundary or not by a linear model over the tokens around it: the lower-cased
//! syllables on either side and the one before, the pair across the gap, shapes
//! (capitalised, numeric, punctuation), and which runs of 2 to 4 syllables around the
//! gap are lexicon words. The features are hashed into a fixed table of small `i8`
//! weights and the lexicon is a table of word fingerprints ([`Lexicon`]), so the model
//! is a few tens of kilobytes and segmenting costs a few table lookups per syllable.
//! Punctuation marks and numbers are always words of their own.
//!
//! The model (`data/words.bin`) is fitted by `cargo xtask train-words` on UD
//! Vietnamese-VTB (CC BY-SA 4.0) and pyvi's word list (MIT); the file's header says so.

use std::ops::Range;
use std::sync::OnceLock;

use crate::document::Document;
use crate::tokens::{Token, TokenKind};

/// Number of features of each gap between two tokens.
pub const FEATURES: usize = 17;

/// The longest lexicon word, in syllables.
pub const LONGEST_WORD: usize = 4;

/// The shipped model: `#` comment lines, then the table sizes and tables (see
/// [`Model::parse`]). Compiled in with the `embedded-words` feature (the CLI and the
/// Rust API); the wasm is built without it and gets the file through [`load`].
#[cfg(feature = "embedded-words")]
const SHIPPED: &[u8] = include_bytes!("../data/words.bin");

/// The words of a text, as [`segment`] finds them.
#[derive(Debug, Clone)]
pub struct Segmentation {
    /// Every word as a range of indices into the document's tokens, sentence after
    /// sentence; one per token when no model is loaded.
    pub units: Vec<Range<usize>>,
    /// For each of `units`, whether the lexicon holds it ([`Model::knows`]), read off the
    /// lexicon look-ups the segmenter made anyway.
    pub known: Vec<bool>,
}

/// The words of `doc` (see [`Segmentation`]): the units of key phrases and the words
/// the directives read (see [`Document::words`], which keeps them).
pub fn segment(doc: &Document) -> Segmentation {
    let model = shipped();
    let mut out =
        Segmentation { units: Vec::with_capacity(doc.tokens.len()), known: Vec::with_capacity(doc.tokens.len()) };
    for index in 0..doc.sentences.len() {
        let (first, tokens) = (doc.sentence_token_range(index).start, doc.sentence_tokens(index));
        // Without a model, every token is a word and none is known.
        let (starts, matches) = match model {
            Some(model) => model.read(doc, tokens),
            None => (vec![true; tokens.len()], vec![0; tokens.len()]),
        };
        for run in runs(starts) {
            // The run's own bit among the lexicon words that start where it does.
            let len = run.len();
            out.known.push((2..=LONGEST_WORD).contains(&len) && matches[run.start] & 1 << (len - 2) != 0);
            out.units.push(first + run.start..first + run.end);
        }
    }
    out
}

/// The model in use: the compiled-in one, or the one given to [`load`]; `None` in a
/// build without `embedded-words` before [`load`].
pub fn shipped() -> Option<&'static Model<'static>> {
    #[cfg(feature = "embedded-words")]
    {
        // A model that does not parse can only come from a broken build; falling back
        // to one word per token keeps every caller working.
        Some(
            MODEL
                .get_or_init(|| Model::parse(SHIPPED).unwrap_or_else(|| Model::new(0, Vec::new(), Lexicon::default()))),
        )
    }
    #[cfg(not(feature = "embedded-words"))]
    MODEL.get()
}

/// Loads the model from the bytes of `data/words.bin`, for a build without
/// `embedded-words` (the wasm): the page, the widget and the extension fetch the file
/// beside the wasm. The first model loaded stays; `false` when `bytes` is not a model
/// file (see [`Model::parse`]).
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

/// How every model file's first line begins (after `# `).
pub const MODEL_HEADER: &str = "tomtat word segmentation model";

/// Hashed `i8` weights of the gap features (a positive sum means a word boundary) and
/// a lexicon of multi-syllable words.
#[derive(Debug, Clone)]
pub struct Model<'a> {
    bits: u32,
    weights: Vec<u8>,
    lexicon: Lexicon<'a>,
    /// The summed weights of the features that depend on nothing but a gap's lexicon
    /// mask (see [`lexicon_hashes`]), by mask: ten of a gap's seventeen table reads,
    /// done once per model instead of at every gap.
    by_lexicon: [i32; LEXICON_MASKS],
}

impl<'a> Model<'a> {
    /// Reads a model file: `#` comment lines (each ending in `\n`), the first starting
    /// with [`MODEL_HEADER`]; one byte `w`; the `2^w` weights, sparse (see
    /// [`sparse_weights`]); the rest is the lexicon (see [`Lexicon::parse`]; none when
    /// empty). `None` when the header is missing or the sizes disagree: a few stray
    /// bytes would otherwise pass for a tiny model.
    pub fn parse(bytes: &'a [u8]) -> Option<Model<'a>> {
        if !bytes.strip_prefix(b"# ")?.starts_with(MODEL_HEADER.as_bytes()) {
            return None;
        }
        let mut rest = bytes;
        while rest.first() == Some(&b'#') {
            let newline = rest.iter().position(|&b| b == b'\n')?;
            rest = &rest[newline + 1..];
        }
        let (&bits, rest) = rest.split_first()?;
        if bits > 24 {
            return None;
        }
        let (weights, lexicon) = read_weights(rest, 1 << bits)?;
        Some(Model::new(u32::from(bits), weights, Lexicon::parse(lexicon)?))
    }

    /// The model of a table of `2^bits` weights (none: every token is a word) and a
    /// lexicon, with the lexicon masks' sums made from the weights.
    fn new(bits: u32, weights: Vec<u8>, lexicon: Lexicon<'a>) -> Model<'a> {
        let mut model = Model { bits, weights, lexicon, by_lexicon: [0; LEXICON_MASKS] };
        model.by_lexicon = std::array::from_fn(|mask| model.weight_sum(&lexicon_hashes(mask as u64)));
        model
    }

    /// Writes a model file in the form [`Model::parse`] reads; `header`, which starts
    /// with [`MODEL_HEADER`], becomes `#` comment lines, `lexicon` is a lexicon built by
    /// [`Lexicon::build`] (or empty). Used by the trainer.
    pub fn encode(header: &str, weights: &[i8], lexicon: &[u8]) -> Option<Vec<u8>> {
        let bits = weights.len().trailing_zeros();
        if !header.starts_with(MODEL_HEADER)
            || !weights.len().is_power_of_two()
            || bits > 24
            || Lexicon::parse(lexicon).is_none()
        {
            return None;
        }
        let mut out = Vec::with_capacity(header.len() + weights.len() + lexicon.len() + 1);
        for line in header.lines() {
            out.extend_from_slice(b"# ");
            out.extend_from_slice(line.as_bytes());
            out.push(b'\n');
        }
        out.push(bits as u8);
        out.extend(sparse_weights(weights));
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

    /// For each token of a sentence, whether a word starts at it: whether the weights
    /// of the gap's features (see [`gap_hashes`]) sum to more than zero.
    pub fn boundaries(&self, doc: &Document, tokens: &[Token]) -> Vec<bool> {
        self.read(doc, tokens).0
    }

    /// [`Model::boundaries`], and for each token which lexicon words start at it (see
    /// [`lexicon_matches`]).
    fn read(&self, doc: &Document, tokens: &[Token]) -> (Vec<bool>, Vec<u8>) {
        let keys = keys(doc, tokens);
        let matches = lexicon_matches(&keys, |hash| self.lexicon.contains(hash));
        let starts = (0..tokens.len())
            .map(|i| {
                if forced_boundary(tokens, i) || self.weights.is_empty() {
                    return true;
                }
                let lexicon = self.by_lexicon[lexicon_mask(&matches, i) as usize];
                lexicon + self.weight_sum(&token_hashes(&keys, i)) > 0
            })
            .collect();
        (starts, matches)
    }

    /// Whether the lexicon holds the word made of `tokens` (see [`word_hash`]): the
    /// directive rules trust a word of several syllables only when it is a known word
    /// or a name, and read the syllables of any other as the model may have glued them.
    pub fn knows(&self, doc: &Document, tokens: &[Token]) -> bool {
        word_hash(doc, tokens).is_some_and(|hash| self.lexicon.contains(hash))
    }

    /// The sum of the weights of feature hashes (0 for the fallback model).
    fn weight_sum(&self, hashes: &[u64]) -> i32 {
        let mask = (1u64 << self.bits) - 1;
        hashes.iter().filter_map(|&h| self.weights.get((h & mask) as usize)).map(|&w| i32::from(w as i8)).sum()
    }

    /// The word ranges of a sentence's tokens: byte ranges of the normalised text, each
    /// from the start of its first token to the end of its last.
    pub fn words(&self, doc: &Document, tokens: &[Token]) -> Vec<Range<usize>> {
        let runs = runs(self.boundaries(doc, tokens));
        runs.into_iter().map(|run| tokens[run.start].range.start..tokens[run.end - 1].range.end).collect()
    }
}

/// A weight table as the model file holds it: most weights are zero, so the file
/// lists the others: their number `n` (`u32`, little-endian), then for each the zeros
/// before it (a byte from 0 to 254; a byte 255 stands for 255 zeros and no weight),
/// then the `n` weights. Gaps and weights apart compress better than the table
/// itself: about 0.5 KB less of the file gzip.
fn sparse_weights(weights: &[i8]) -> Vec<u8> {
    let mut gaps = Vec::new();
    let mut values = Vec::new();
    let mut zeros = 0;
    for &w in weights {
        if w == 0 {
            zeros += 1;
            continue;
        }
        while zeros >= 255 {
            gaps.push(255);
            zeros -= 255;
        }
        gaps.push(zeros as u8);
        values.push(w as u8);
        zeros = 0;
    }
    let mut out = (values.len() as u32).to_le_bytes().to_vec();
    out.extend(gaps);
    out.extend(values);
    out
}

/// The table of `size` weights that [`sparse_weights`] wrote at the start of `bytes`,
/// and the bytes after it; `None` when they do not fit the table.
fn read_weights(bytes: &[u8], size: usize) -> Option<(Vec<u8>, &[u8])> {
    let (count, mut rest) = bytes.split_first_chunk::<4>()?;
    let count = u32::from_le_bytes(*count) as usize;
    let mut places = Vec::with_capacity(count.min(size));
    let mut at = 0;
    while places.len() < count {
        let (&gap, tail) = rest.split_first()?;
        rest = tail;
        at += usize::from(gap);
        if gap < 255 {
            places.push(at);
            at += 1;
        }
        if at > size {
            return None;
        }
    }
    let (values, rest) = rest.split_at_checked(count)?;
    let mut weights = vec![0u8; size];
    for (&place, &value) in places.iter().zip(values) {
        *weights.get_mut(place)? = value;
    }
    Some((weights, rest))
}

/// The words as runs of token indices (from 0), from whether a word starts at each token.
fn runs(starts: Vec<bool>) -> Vec<Range<usize>> {
    let mut runs: Vec<Range<usize>> = Vec::with_capacity(starts.len());
    for (k, starts) in starts.into_iter().enumerate() {
        match runs.last_mut() {
            Some(run) if !starts => run.end = k + 1,
            _ => runs.push(k..k + 1),
        }
    }
    runs
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
pub fn sentence_features(doc: &Document, tokens: &[Token], in_lexicon: impl Fn(u64) -> bool) -> Vec<[u64; FEATURES]> {
    let keys = keys(doc, tokens);
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
pub fn word_hash(doc: &Document, tokens: &[Token]) -> Option<u64> {
    let standalone = tokens.iter().any(|t| t.kind != TokenKind::Syllable);
    (!standalone && (2..=LONGEST_WORD).contains(&tokens.len())).then(|| ngram_hash(&keys(doc, tokens)))
}

/// A set of word hashes in little more than `f` bits a word, where `f` is the
/// fingerprint width: a hash that is not in the set is taken for one with probability
/// 2^-f. It is a ribbon retrieval structure: each word hash gives a start row `s`, a
/// 64-bit coefficient mask `c` and an `f`-bit fingerprint, and the table holds `f`
/// bit columns chosen (by Gaussian elimination, in [`Lexicon::build`]) so that for
/// every word, bit `j` of its fingerprint is the parity of `c` and bits `s..s + 64` of
/// column `j`. A lookup reads `f` 64-bit windows; nothing is decoded at start-up, and
/// unlike a Bloom filter, whose bits are set independently, the table is close to
/// `f` bits a word.
#[derive(Debug, Clone, Copy, Default)]
pub struct Lexicon<'a> {
    fingerprint_bits: u32,
    seed: u64,
    /// Rows of the table (bits of each column), at least 64.
    rows: u64,
    columns: &'a [u8],
}

/// Bytes of a lexicon before its columns: fingerprint width, seed, rows (`u32` LE).
const LEXICON_HEAD: usize = 6;

impl<'a> Lexicon<'a> {
    /// Reads a lexicon: one byte fingerprint width `f` (1 to 16), one byte seed, the
    /// number of rows `m` (`u32`, little-endian, at least 64), then `f` columns of
    /// [`column_bytes`]`(m)` bytes each. No bytes at all is the empty lexicon. `None`
    /// when the sizes disagree.
    pub fn parse(bytes: &'a [u8]) -> Option<Lexicon<'a>> {
        if bytes.is_empty() {
            return Some(Lexicon::default());
        }
        let (&[bits, seed, r0, r1, r2, r3], columns) = bytes.split_first_chunk::<LEXICON_HEAD>()?;
        let rows = u64::from(u32::from_le_bytes([r0, r1, r2, r3]));
        let valid = (1..=16).contains(&bits) && rows >= 64;
        (valid && columns.len() as u64 == u64::from(bits) * column_bytes(rows) as u64).then_some(Lexicon {
            fingerprint_bits: u32::from(bits),
            seed: u64::from(seed),
            rows,
            columns,
        })
    }

    /// The lexicon of the word hashes `words` with fingerprints of `fingerprint_bits`
    /// bits (1 to 16), encoded as [`Lexicon::parse`] reads it; empty for no words. The
    /// smallest table found, trying a few seeds at each size; the same words give the
    /// same bytes in any order.
    pub fn build(words: impl Iterator<Item = u64>, fingerprint_bits: u32) -> Vec<u8> {
        let mut words: Vec<u64> = words.collect();
        words.sort_unstable();
        words.dedup();
        if words.is_empty() || !(1..=16).contains(&fingerprint_bits) {
            return Vec::new();
        }
        let n = words.len() as u64;
        // About 3% more rows than words usually suffices with 64-bit coefficients; the
        // extra 64 rows cover the last coefficients' reach.
        let mut rows = n + n / 40 + 64;
        loop {
            for seed in 0..4 {
                if let Some(solution) = solve(&words, fingerprint_bits, seed, rows) {
                    return encode_lexicon(&solution, fingerprint_bits, seed, rows);
                }
            }
            rows += n / 200 + 1;
        }
    }

    /// Whether the word hash `hash` is in the lexicon (or taken for one); an empty
    /// lexicon holds nothing.
    pub fn contains(&self, hash: u64) -> bool {
        if self.columns.is_empty() {
            return false;
        }
        let (start, mask, fingerprint) = ribbon(hash, self.seed, self.rows, self.fingerprint_bits);
        // Bits `start..start + 64` of a column are the eight bytes from `start / 8`,
        // shifted, and one bit more of the ninth: rather than shifting each column's
        // window, the mask is shifted once to meet the bytes where they lie (parity is
        // linear, so the two parts' parities add up to the window's). Shifting by 1
        // first makes a shift of 0 take nothing of the ninth byte.
        let (at, shift) = ((start / 8) as usize, start % 8);
        let (low_mask, high_mask) = (mask << shift, (mask >> 1) >> (63 - shift));
        let parity = |column: &[u8]| {
            let Some((low, high)) = column.get(at..at + 9).and_then(|bytes| bytes.split_first_chunk::<8>()) else {
                return 0;
            };
            (u64::from_le_bytes(*low) & low_mask ^ u64::from(high[0]) & high_mask).count_ones() & 1
        };
        let mut columns = self.columns.chunks_exact(column_bytes(self.rows)).enumerate();
        let mut stored = 0;
        // Nine in ten n-grams looked up are no word, and the first two columns already
        // disagree for three in four of those: stopping there skips most of the reads.
        // Not after each column: whether a column agrees is a coin toss to the branch
        // predictor; whether two do is wrong one time in three.
        for (j, column) in columns.by_ref().take(2) {
            stored |= parity(column) << j;
        }
        if stored != fingerprint & 3 {
            return false;
        }
        for (j, column) in columns {
            stored |= parity(column) << j;
        }
        stored == fingerprint
    }
}

/// Bytes of one lexicon column of `rows` bits: whole bytes plus room for the last
/// 64-bit window to be read as nine bytes.
pub fn column_bytes(rows: u64) -> usize {
    (rows / 8 + 2) as usize
}

/// The start row, coefficient mask (bit 0 set) and fingerprint of a word hash.
fn ribbon(hash: u64, seed: u64, rows: u64, fingerprint_bits: u32) -> (u64, u64, u32) {
    let a = mix(100 + seed, &[hash]);
    let start = ((u128::from(a) * u128::from(rows - 63)) >> 64) as u64;
    let mask = mix(200 + seed, &[hash]) | 1;
    (start, mask, (a as u32) & ((1u32 << fingerprint_bits) - 1))
}

/// The solution rows (one fingerprint-wide value each) of the ribbon system of
/// `words`, by on-the-fly Gaussian elimination and back substitution; `None` when the
/// system has no solution with this seed and size.
fn solve(words: &[u64], fingerprint_bits: u32, seed: u64, rows: u64) -> Option<Vec<u32>> {
    // Row r of the echelon form: a coefficient mask whose bit 0 stands for row r, and
    // the value it must give.
    let mut echelon: Vec<(u64, u32)> = vec![(0, 0); rows as usize];
    for &word in words {
        let (mut start, mut mask, mut value) = ribbon(word, seed, rows, fingerprint_bits);
        loop {
            let row = &mut echelon[start as usize];
            if row.0 == 0 {
                *row = (mask, value);
                break;
            }
            mask ^= row.0;
            value ^= row.1;
            if mask == 0 {
                return None;
            }
            let zeros = mask.trailing_zeros();
            start += u64::from(zeros);
            mask >>= zeros;
        }
    }
    let mut solution = vec![0u32; rows as usize];
    for r in (0..rows as usize).rev() {
        let (mask, value) = echelon[r];
        let mut v = value;
        let mut rest = mask >> 1;
        let mut k = r + 1;
        while rest != 0 {
            let zeros = rest.trailing_zeros() as usize;
            k += zeros;
            v ^= solution[k];
            rest >>= zeros + 1;
            k += 1;
        }
        solution[r] = if mask == 0 { 0 } else { v };
    }
    Some(solution)
}

/// The bytes [`Lexicon::parse`] reads for a solved table.
fn encode_lexicon(solution: &[u32], fingerprint_bits: u32, seed: u64, rows: u64) -> Vec<u8> {
    let stride = column_bytes(rows);
    let mut out = vec![0u8; LEXICON_HEAD + fingerprint_bits as usize * stride];
    out[0] = fingerprint_bits as u8;
    out[1] = seed as u8;
    out[2..LEXICON_HEAD].copy_from_slice(&(rows as u32).to_le_bytes());
    for (r, &v) in solution.iter().enumerate() {
        for j in 0..fingerprint_bits as usize {
            if v >> j & 1 != 0 {
                out[LEXICON_HEAD + j * stride + r / 8] |= 1 << (r % 8);
            }
        }
    }
    out
}

/// The hash of a run of tokens as the lexicon stores its words.
fn ngram_hash(keys: &[Key]) -> u64 {
    // Both callers hash runs of 2 to LONGEST_WORD tokens.
    keys.iter().fold(NGRAM_SEEDS[keys.len()], |h, k| mix(h, &[k.text]))
}

/// Where [`ngram_hash`] starts for each word length up to [`LONGEST_WORD`] (template
/// 98, mixed with the length), mixed once at compile time rather than at each of the
/// three look-ups a token makes.
const NGRAM_SEEDS: [u64; LONGEST_WORD + 1] = {
    let mut seeds = [0; LONGEST_WORD + 1];
    let mut len = 0;
    while len <= LONGEST_WORD {
        seeds[len] = mix(98, &[len as u64]);
        len += 1;
    }
    seeds
};

/// For each token, which runs starting at it are lexicon words: bit `n - 2` for the
/// run of `n` tokens.
fn lexicon_matches(keys: &[Key], in_lexicon: impl Fn(u64) -> bool) -> Vec<u8> {
    (0..keys.len())
        .map(|start| {
            let mut found = 0;
            // A number or a mark inside a run is inside every longer run too.
            let syllables = keys[start..].iter().take(LONGEST_WORD).take_while(|k| k.shape < Shape::Number as u64);
            for len in 2..=syllables.count() {
                found |= u8::from(in_lexicon(ngram_hash(&keys[start..start + len]))) << (len - 2);
            }
            found
        })
        .collect()
}

/// The lexicon words around the gap before token `i`, one bit each: bits 0-3 for words
/// across the gap (2 tokens; 3 from `l2`; 3 from `l1`; any 4), bits 4-7 for words that
/// end or start at it (`l2 l1`, `r1 r2`, `l3 l2 l1`, `r1 r2 r3`).
fn lexicon_mask(matches: &[u8], i: usize) -> u64 {
    let at = |offset: isize| i.checked_add_signed(offset).and_then(|k| matches.get(k)).map_or(0, |&m| u64::from(m));
    let (l3, l2, l1, r1) = (at(-3), at(-2), at(-1), at(0));
    // Bit `n - 2` of a token's matches is its word of `n` tokens.
    let (two, three, four) = (1, 2, 4);
    let across_four = (l3 | l2 | l1) & four != 0;
    [l1 & two, l2 & three, l1 & three, u64::from(across_four), l2 & two, r1 & two, l3 & three, r1 & three]
        .iter()
        .enumerate()
        .fold(0, |mask, (bit, &on)| mask | u64::from(on != 0) << bit)
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

/// The keys of `tokens` of `doc`: shapes from the text, hashes from its lower case.
fn keys(doc: &Document, tokens: &[Token]) -> Vec<Key> {
    tokens.iter().map(|t| key(&doc.text()[t.range.clone()], &doc.lower()[t.range.clone()], t.kind)).collect()
}

fn key(token: &str, lower: &str, kind: TokenKind) -> Key {
    let shape = match kind {
        // Every number is the same to the model: what matters is that it is a number.
        TokenKind::Number => return Key { text: 0x6e75_6d62_6572, shape: Shape::Number as u64 },
        TokenKind::Punct => Shape::Punct,
        TokenKind::Syllable => {
            let mut chars = token.chars();
            if chars.next().is_some_and(char::is_uppercase) {
                let (mut upper, mut lower) = (0, 0);
                for c in chars {
                    upper += usize::from(c.is_uppercase());
                    lower += usize::from(c.is_lowercase());
                }
                if upper > 0 && lower == 0 {
                    Shape::Upper
                } else {
                    Shape::Capitalised
                }
            } else {
                Shape::Lower
            }
        }
    };
    // FNV-1a over the lower-cased characters: fixed, so native and wasm agree.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for c in lower.chars() {
        hash = (hash ^ u64::from(c)).wrapping_mul(0x0000_0100_0000_01b3);
    }
    Key { text: hash, shape: shape as u64 }
}

/// Mixes a feature template number and its parts into one well-spread hash.
const fn mix(template: u64, parts: &[u64]) -> u64 {
    let mut h = template.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    let mut i = 0;
    while i < parts.len() {
        h = (h ^ parts[i]).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        h ^= h >> 31;
        i += 1;
    }
    h ^ (h >> 29)
}

/// The features of the eight lexicon bits (templates 14 to 21), for the bit off and on:
/// two values each, so mixed once at compile time rather than at every gap.
const LEXICON_BITS: [[u64; 2]; 8] = {
    let mut table = [[0; 2]; 8];
    let mut bit = 0;
    while bit < 8 {
        table[bit] = [mix(14 + bit as u64, &[0]), mix(14 + bit as u64, &[1])];
        bit += 1;
    }
    table
};

/// How many of a gap's features read its tokens ([`token_hashes`]); the others read
/// only its lexicon mask ([`lexicon_hashes`]).
const TOKEN_FEATURES: usize = 7;

/// How many lexicon masks there are: one bit for each of eight runs.
const LEXICON_MASKS: usize = 256;

/// The features of the gap before token `i`, in the order the model was trained
/// with: the bias, the token features, the lexicon features.
fn gap_hashes(keys: &[Key], matches: &[u8], i: usize, out: &mut [u64; FEATURES]) {
    let [bias, lexicon @ ..] = lexicon_hashes(lexicon_mask(matches, i));
    out[0] = bias;
    out[1..=TOKEN_FEATURES].copy_from_slice(&token_hashes(keys, i));
    out[TOKEN_FEATURES + 1..].copy_from_slice(&lexicon);
}

/// The features of the gap before token `i` that read its tokens: `l1`/`r1` are the
/// tokens left and right of the gap, `l2` and `r2` the ones further out. Template
/// numbers 4 and 6 to 9 (`r2`, the pairs and triples beside the pair across the gap)
/// are gone: on VTB dev they only fitted the training sentences (F1 94.77 with them,
/// 95.04 without).
fn token_hashes(keys: &[Key], i: usize) -> [u64; TOKEN_FEATURES] {
    let at = |offset: isize| i.checked_add_signed(offset).and_then(|k| keys.get(k)).copied().unwrap_or(EDGE);
    let (l2, l1, r1, r2) = (at(-2), at(-1), at(0), at(1));
    let shapes = l2.shape | l1.shape << 8 | r1.shape << 16 | r2.shape << 24;
    [
        mix(1, &[l1.text]),
        mix(2, &[r1.text]),
        mix(3, &[l2.text]),
        mix(5, &[l1.text, r1.text]),
        mix(10, &[shapes]),
        mix(11, &[l1.shape, r1.text]),
        mix(12, &[l1.text, r1.shape]),
    ]
}

/// The bias (template 0) and the features of a gap's lexicon mask (see
/// [`lexicon_mask`]): the whole mask (template 13) and each bit (14 to 21).
fn lexicon_hashes(lexicon: u64) -> [u64; FEATURES - TOKEN_FEATURES] {
    let bit = |b: usize| (lexicon >> b & 1) as usize;
    [
        mix(0, &[]),
        mix(13, &[lexicon]),
        LEXICON_BITS[0][bit(0)],
        LEXICON_BITS[1][bit(1)],
        LEXICON_BITS[2][bit(2)],
        LEXICON_BITS[3][bit(3)],
        LEXICON_BITS[4][bit(4)],
        LEXICON_BITS[5][bit(5)],
        LEXICON_BITS[6][bit(6)],
        LEXICON_BITS[7][bit(7)],
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The word ranges of sentence `index` of `doc`, by the shipped model.
    fn segment(doc: &Document, index: usize) -> Vec<Range<usize>> {
        shipped().expect("the model is compiled in").words(doc, doc.sentence_tokens(index))
    }

    /// The words of the first sentence of `text`, as strings.
    fn words(text: &str) -> Vec<String> {
        let doc = Document::new(text);
        segment(&doc, 0).into_iter().map(|word| doc.text()[word].to_string()).collect()
    }

    #[test]
    fn the_shipped_model_parses() {
        let model = shipped().expect("the model is compiled in");
        assert!(!model.is_empty());
        assert!(model.lexicon.contains(hash("kết cấu")));
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
    fn boundaries_are_the_sign_of_the_summed_weights_of_the_trained_features() {
        // `boundaries` adds the lexicon features from a table made when the model is
        // read; the trainer sees all seventeen features of `gap_hashes`.
        let model = shipped().expect("the model is compiled in");
        let doc = Document::new(include_str!("../seeds/000_5dea1911c32d1e71.txt"));
        let mut gaps = 0;
        for index in 0..doc.sentences.len() {
            let tokens = doc.sentence_tokens(index);
            let features = sentence_features(&doc, tokens, |h| model.lexicon.contains(h));
            for (i, (starts, hashes)) in model.boundaries(&doc, tokens).into_iter().zip(features).enumerate() {
                if !forced_boundary(tokens, i) {
                    assert_eq!(starts, model.weight_sum(&hashes) > 0, "sentence {index}, gap {i}");
                    gaps += 1;
                }
            }
        }
        assert!(gaps > 400, "{gaps} gaps");
    }

    #[test]
    fn known_words_are_the_ones_the_lexicon_holds() {
        let model = shipped().expect("the model is compiled in");
        let doc = Document::new(include_str!("../seeds/000_5dea1911c32d1e71.txt"));
        let Segmentation { units, known } = super::segment(&doc);
        assert_eq!(units.len(), known.len());
        for (word, &known) in units.iter().zip(&known) {
            assert_eq!(known, model.knows(&doc, &doc.tokens[word.clone()]), "{word:?}");
        }
        assert!(known.iter().filter(|&&k| k).count() > 100);
    }

    /// The lexicon hash of a word written with spaces between its syllables.
    fn hash(word: &str) -> u64 {
        let doc = Document::new(word);
        word_hash(&doc, &doc.tokens).expect("a word of 2 to 4 syllables")
    }

    #[test]
    fn a_broken_model_file_is_refused() {
        let lexicon = Lexicon::build(["kết cấu", "hạ tầng"].iter().map(|w| hash(w)), 5);
        let header = format!("{MODEL_HEADER} for a test\nof two lines");
        let bytes = Model::encode(&header, &[1, -1, 0, 2], &lexicon).expect("sizes are powers of two");
        assert_eq!(Model::parse(&bytes).map(|m| m.len()), Some(4));
        assert!(Model::parse(&bytes[..bytes.len() - 1]).is_none());
        assert!(Model::parse(&bytes[header.lines().next().unwrap().len() + 3..]).is_none(), "no header line");
        assert!(Model::parse(&[1, 2, 3]).is_none(), "stray bytes");
        assert!(Model::parse(format!("# {MODEL_HEADER}\n").as_bytes()).is_none());
        assert!(Model::encode(&header, &[1, -1, 0, 2], &lexicon[1..]).is_none());
        assert!(Model::encode("another model", &[1, -1, 0, 2], &lexicon).is_none());
        let doc = Document::new("Phát triển kết cấu hạ tầng");
        for at in 0..bytes.len() {
            let mut broken = bytes.clone();
            broken[at] ^= 0x5a;
            if let Some(model) = Model::parse(&broken) {
                assert!(model.words(&doc, doc.sentence_tokens(0)).len() <= doc.tokens.len());
            }
        }
    }

    #[test]
    fn sparse_weights_read_back_as_written() {
        let mut weights = [0i8; 1024];
        for (at, w) in [(0, 3), (1, -7), (300, 7), (811, -1), (1023, 2)] {
            weights[at] = w;
        }
        let bytes = Model::encode(MODEL_HEADER, &weights, &[]).expect("a table of 2^10 weights");
        let model = Model::parse(&bytes).expect("the encoded model parses");
        assert_eq!(model.weights, weights.map(|w| w as u8));
        assert!(Model::parse(&bytes[..bytes.len() - 1]).is_none(), "a weight short");
    }

    #[test]
    fn the_lexicon_holds_its_words_and_few_others() {
        let words = ["kết cấu", "hạ tầng", "Thủ tướng", "phát triển", "tập trung", "Hà Nội", "kinh tế xã hội"];
        let bytes = Lexicon::build(words.iter().rev().map(|w| hash(w)), 7);
        assert_eq!(bytes, Lexicon::build(words.iter().map(|w| hash(w)), 7), "the order of the words does not matter");
        let lexicon = Lexicon::parse(&bytes).expect("a built lexicon parses");
        assert!(words.iter().all(|w| lexicon.contains(hash(w))));
        assert!(!lexicon.contains(hash("cấu hạ")));
        // Any other hash is taken for a word with probability 2^-7: about 78 in 10,000.
        let others = (0..10_000).filter(|&k| lexicon.contains(mix(7, &[k]))).count();
        assert!(others < 160, "{others} hashes taken for words");
        assert!(!Lexicon::default().contains(hash("kết cấu")));
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
