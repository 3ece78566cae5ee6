//! An analysed text: the original, its normalised form, sentences (with their
//! paragraph), syllable tokens and, on first use, words, built once and shared by
//! every analysis.
//!
//! Analyses work on byte ranges of the normalised text; [`Document::span`] is the one
//! way such a range becomes a [`Span`] of the original.

use std::ops::Range;
use std::sync::OnceLock;

use crate::case::lower_case;
use crate::normalize::Normalized;
use crate::segment::{self, Sentence};
use crate::span::{Span, Utf16Index};
use crate::tokens::{self, Token};
use crate::words::Segmentation;

/// A text split into sentences and tokens.
#[derive(Debug, Clone)]
pub struct Document<'a> {
    original: &'a str,
    normalized: Normalized,
    lower: String,
    utf16: Utf16Index,
    /// The sentences in reading order.
    pub sentences: Vec<Sentence>,
    /// Every sentence's tokens, one sentence after the other.
    pub tokens: Vec<Token>,
    /// For each sentence, its range of indices into `tokens`.
    sentence_tokens: Vec<Range<usize>>,
    /// The words (see [`Document::words`]), segmented on first use.
    words: OnceLock<Segmentation>,
}

impl<'a> Document<'a> {
    /// Normalises and segments `original`.
    pub fn new(original: &'a str) -> Self {
        let normalized = Normalized::new(original);
        let text = normalized.text();
        let sentences = segment::sentences(text, &segment::paragraphs(text));
        // About one token per four bytes of Vietnamese text: room for all of them.
        let mut tokens = Vec::with_capacity(text.len() / 4);
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
            sentences,
            tokens,
            sentence_tokens,
            words: OnceLock::new(),
        }
    }

    /// Every word of the text as a range of indices into [`Document::tokens`], sentence
    /// after sentence ([`crate::words::segment`]). Segmented once, on first use: the
    /// key phrases, the `words` option and the directives all read them.
    pub fn words(&self) -> &[Range<usize>] {
        &self.segmentation().units
    }

    /// The words of sentence `index` (see [`Document::words`]), and for each whether the
    /// word model's lexicon knows it ([`Segmentation::known`]).
    pub fn sentence_words(&self, index: usize) -> (&[Range<usize>], &[bool]) {
        let Segmentation { units, known } = self.segmentation();
        let tokens = self.sentence_token_range(index);
        let first = units.partition_point(|w| w.start < tokens.start);
        let end = units.partition_point(|w| w.start < tokens.end);
        (&units[first..end], &known[first..end])
    }

    /// The words and which of them are known, segmented on first use.
    fn segmentation(&self) -> &Segmentation {
        self.words.get_or_init(|| crate::words::segment(self))
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
        &self.tokens[self.sentence_token_range(index)]
    }

    /// The indices into [`Document::tokens`] of the tokens of sentence `index`.
    pub fn sentence_token_range(&self, index: usize) -> Range<usize> {
        self.sentence_tokens[index].clone()
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
