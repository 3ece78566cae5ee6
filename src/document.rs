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

    /// The normalised text of sentence `index`.
    pub fn sentence_text(&self, index: usize) -> &str {
        &self.text()[self.sentences[index].range.clone()]
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
