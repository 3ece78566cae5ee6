//! An analysed text: the original, its normalised form, paragraphs, sentences and
//! syllable tokens, built once and shared by every analysis.
//!
//! Analyses work on byte ranges of the normalised text; [`Document::span`] is the one
//! way such a range becomes a [`Span`] of the original.

use std::ops::Range;

use crate::normalize::Normalized;
use crate::segment::{self, Sentence};
use crate::span::{Span, Utf16Index};
use crate::tokens::{self, Token};

/// A text split into paragraphs, sentences and tokens.
#[derive(Debug, Clone)]
pub struct Document<'a> {
    original: &'a str,
    normalized: Normalized,
    lower: String,
    utf16: Utf16Index,
    /// Byte ranges of the paragraphs in the normalised text, in reading order.
    pub paragraphs: Vec<Range<usize>>,
    /// The sentences in reading order.
    pub sentences: Vec<Sentence>,
    /// Every sentence's tokens, one sentence after the other.
    pub tokens: Vec<Token>,
    /// For each sentence, its range of indices into `tokens`.
    sentence_tokens: Vec<Range<usize>>,
}

impl<'a> Document<'a> {
    /// Normalises and segments `original`.
    pub fn new(original: &'a str) -> Self {
        let normalized = Normalized::new(original);
        let text = normalized.text();
        let paragraphs = segment::paragraphs(text);
        let sentences = segment::sentences(text, &paragraphs);
        let mut tokens = Vec::new();
        let mut sentence_tokens = Vec::with_capacity(sentences.len());
        for sentence in &sentences {
            let first = tokens.len();
            tokens.extend(tokens::tokenize(text, sentence.range.clone()));
            sentence_tokens.push(first..tokens.len());
        }
        Document {
            original,
            lower: lower_case(text),
            utf16: Utf16Index::new(original),
            normalized,
            paragraphs,
            sentences,
            tokens,
            sentence_tokens,
        }
    }

    /// The text as the caller gave it.
    pub fn original(&self) -> &'a str {
        self.original
    }

    /// The normalised text that every range of this document indexes.
    pub fn text(&self) -> &str {
        self.normalized.text()
    }

    /// The normalised text in lower case, byte for byte where [`Document::text`] is, so
    /// every range of the document indexes it too. Lexicons, terms and cue phrases
    /// compare lower-cased text: lowering it once here serves them all.
    pub fn lower(&self) -> &str {
        &self.lower
    }

    /// The normalised text of sentence `index`.
    pub fn sentence_text(&self, index: usize) -> &str {
        &self.text()[self.sentences[index].range.clone()]
    }

    /// The lower-cased text of sentence `index` (see [`Document::lower`]).
    pub fn sentence_lower(&self, index: usize) -> &str {
        &self.lower[self.sentences[index].range.clone()]
    }

    /// The lower-cased text of each token of sentence `index`: what phrase tables
    /// ([`crate::phrases::Phrases`]) are matched against.
    pub fn sentence_lower_tokens(&self, index: usize) -> Vec<&str> {
        self.sentence_tokens(index).iter().map(|t| &self.lower[t.range.clone()]).collect()
    }

    /// The tokens of sentence `index`.
    pub fn sentence_tokens(&self, index: usize) -> &[Token] {
        &self.tokens[self.sentence_tokens[index].clone()]
    }

    /// The span of the original text that the normalised byte range `range` came from.
    pub fn span(&self, range: Range<usize>) -> Span {
        let (start, end) = self.normalized.original_range(range.start, range.end);
        Span {
            start: self.utf16.utf16(self.original, start),
            end: self.utf16.utf16(self.original, end),
            text: self.original[start..end].to_string(),
        }
    }
}

/// `text` lower-cased character by character, keeping every character whose lower case
/// is not one character of the same UTF-8 length (a dotted capital I, a stroked A):
/// byte ranges must stay where they are, and such characters are not Vietnamese.
fn lower_case(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    text.chars()
        .map(|c| {
            // Most letters of a Vietnamese text are lower case already: a bit-set test
            // spares them the case table's search.
            if c.is_ascii() || c.is_lowercase() {
                return c.to_ascii_lowercase();
            }
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) if l.len_utf8() == c.len_utf8() => l,
                _ => c,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_case_keeps_every_byte_range() {
        let doc = Document::new("Thủ Tướng YÊU CẦU Bộ GTVT; İstanbul ȺΣΟΦΙΑΣ 5.");
        assert_eq!(doc.lower(), "thủ tướng yêu cầu bộ gtvt; İstanbul Ⱥσοφιασ 5.");
        for token in &doc.tokens {
            assert!(doc.lower().is_char_boundary(token.range.start) && doc.lower().is_char_boundary(token.range.end));
        }
    }
}
