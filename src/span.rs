//! Spans of the original text, as every surface reports them.
//!
//! JavaScript indexes strings in UTF-16 code units, so that is what `start`/`end`
//! count, and each span carries its `text` so a consumer can check
//! `original.slice(start, end) === text`. This module is the one place where byte
//! offsets of the original become UTF-16 offsets.

use serde::{Deserialize, Serialize};

/// A range of the original text in UTF-16 code units, with the text it covers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    /// First UTF-16 code unit of the span in the original text.
    pub start: u32,
    /// One past the last UTF-16 code unit of the span.
    pub end: u32,
    /// `original[start..end]`.
    pub text: String,
}

/// Converts byte offsets of one text to UTF-16 offsets in O(1) after an O(n) setup.
#[derive(Debug, Clone)]
pub struct Utf16Index {
    /// UTF-16 length of the text's first `k * STRIDE` bytes, for every `k`.
    checkpoints: Vec<u32>,
}

const STRIDE: usize = 64;

impl Utf16Index {
    /// Indexes `text`.
    pub fn new(text: &str) -> Self {
        let mut checkpoints = Vec::with_capacity(text.len() / STRIDE + 1);
        let mut units = 0u32;
        for chunk in text.as_bytes().chunks(STRIDE) {
            checkpoints.push(units);
            units += utf16_units(chunk);
        }
        checkpoints.push(units);
        Utf16Index { checkpoints }
    }

    /// The UTF-16 offset of byte offset `byte` (a char boundary) of `text`.
    pub fn utf16(&self, text: &str, byte: usize) -> u32 {
        let k = byte / STRIDE;
        self.checkpoints[k] + utf16_units(&text.as_bytes()[k * STRIDE..byte])
    }
}

/// Converts UTF-16 offsets of one text to code-point offsets, for the surfaces whose
/// strings index code points (Python): the two differ by one for every character
/// outside the BMP before the offset.
#[derive(Debug, Clone)]
pub struct CodePointIndex {
    /// UTF-16 offset of every character outside the BMP, in order; empty for most texts.
    astral: Vec<u32>,
}

impl CodePointIndex {
    /// Indexes `text`.
    pub fn new(text: &str) -> Self {
        let mut units = 0u32;
        let mut astral = Vec::new();
        for c in text.chars() {
            if c.len_utf16() == 2 {
                astral.push(units);
            }
            units += c.len_utf16() as u32;
        }
        CodePointIndex { astral }
    }

    /// The code-point offset of UTF-16 offset `utf16` (on a character boundary).
    pub fn code_points(&self, utf16: u32) -> u32 {
        utf16 - self.astral.partition_point(|&at| at < utf16) as u32
    }
}

impl Span {
    /// The span with its offsets in code points of the text `index` was made of.
    pub fn in_code_points(self, index: &CodePointIndex) -> Span {
        Span { start: index.code_points(self.start), end: index.code_points(self.end), text: self.text }
    }
}

/// UTF-16 code units encoded by a run of UTF-8 bytes that starts and ends on char
/// boundaries, or by the whole chars that start inside it: every byte that starts a
/// char counts one, and a 4-byte char (outside the BMP) counts one more.
fn utf16_units(bytes: &[u8]) -> u32 {
    bytes.iter().map(|&b| u32::from((b & 0xC0) != 0x80) + u32::from(b >= 0xF0)).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_offsets_match_encode_utf16() {
        let text = "Điện Biên 😀 phát triển ".repeat(20) + "𝄞x";
        let index = Utf16Index::new(&text);
        for (byte, _) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
            let expected = text[..byte].encode_utf16().count() as u32;
            assert_eq!(index.utf16(&text, byte), expected, "at byte {byte}");
        }
    }

    #[test]
    fn code_point_offsets_match_chars() {
        let text = "😀a 𝄞𝄞 Điện b😀".to_string();
        let index = CodePointIndex::new(&text);
        for (byte, _) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
            let utf16 = text[..byte].encode_utf16().count() as u32;
            assert_eq!(index.code_points(utf16), text[..byte].chars().count() as u32, "at byte {byte}");
        }
    }
}
