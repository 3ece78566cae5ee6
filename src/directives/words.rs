//! One sentence seen as a list of words: its tokens with their lower-case text, so the
//! rules can match lexicon phrases and look at capitals and punctuation by index.

use std::ops::Range;

use crate::document::Document;
use crate::tokens::{Token, TokenKind};

/// The tokens of one sentence with their lower-case forms.
#[derive(Debug)]
pub struct Words<'a> {
    text: &'a str,
    tokens: &'a [Token],
    /// `lower[i]`: token `i` in lower case.
    pub lower: Vec<&'a str>,
}

impl<'a> Words<'a> {
    /// Views the tokens of sentence `index` of `doc`.
    pub fn new(doc: &'a Document, index: usize) -> Self {
        Words { text: doc.text(), tokens: doc.sentence_tokens(index), lower: doc.sentence_lower_tokens(index) }
    }

    /// The number of tokens.
    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    /// Token `i` in lower case, or "" past the end.
    pub fn at(&self, i: usize) -> &str {
        self.lower.get(i).copied().unwrap_or("")
    }

    /// Whether token `i` is one of `words` (lower case).
    pub fn is(&self, i: usize, words: &[&str]) -> bool {
        words.contains(&self.at(i))
    }

    /// Whether tokens from `i` spell `phrase` (lower-case words separated by spaces).
    /// Walks the phrase word by word against the tokens rather than splitting it: the
    /// rules ask this for every token and every lexicon phrase, and in the wasm the
    /// splitting was a third of the digest's time.
    pub fn has_phrase(&self, i: usize, phrase: &str) -> bool {
        let (mut rest, mut k) = (phrase, i);
        loop {
            let Some(after) = rest.strip_prefix(self.at(k)) else { return false };
            match after.strip_prefix(' ') {
                Some(next) => (rest, k) = (next, k + 1),
                None => return after.is_empty(),
            }
        }
    }

    /// The length in tokens of the first of `phrases` that starts at `i`.
    pub fn phrase_at(&self, i: usize, phrases: &[&str]) -> Option<usize> {
        phrases.iter().find(|p| self.has_phrase(i, p)).map(|p| word_count(p))
    }

    /// The length in tokens of the first of `phrases` that ends just before `end`.
    pub fn phrase_before(&self, end: usize, phrases: &[&str]) -> Option<usize> {
        phrases
            .iter()
            .map(|p| (p, word_count(p)))
            .find(|&(p, n)| end >= n && self.has_phrase(end - n, p))
            .map(|(_, n)| n)
    }

    /// Whether token `i` is punctuation.
    pub fn is_punct(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| t.kind == TokenKind::Punct)
    }

    /// Whether token `i` is a number.
    pub fn is_number(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| t.kind == TokenKind::Number)
    }

    /// Whether token `i` starts with a capital letter.
    pub fn is_capital(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| t.is_capitalised(self.text))
    }

    /// Whether token `i` is an opening or closing quotation mark.
    pub fn is_quote(&self, i: usize) -> bool {
        self.is(i, &["\"", "“", "”", "'", "‘", "’", "«", "»"])
    }

    /// The byte range of the normalised text that tokens `range` cover.
    pub fn bytes(&self, range: Range<usize>) -> Range<usize> {
        match (self.tokens.get(range.start), range.end.checked_sub(1).and_then(|e| self.tokens.get(e))) {
            (Some(first), Some(last)) if range.start < range.end => first.range.start..last.range.end,
            _ => 0..0,
        }
    }

    /// The tokens that the byte range `bytes` covers: the inverse of [`Words::bytes`].
    pub fn tokens(&self, bytes: Range<usize>) -> Range<usize> {
        let start = self.tokens.partition_point(|t| t.range.start < bytes.start);
        let end = self.tokens.partition_point(|t| t.range.end <= bytes.end);
        start..end.max(start)
    }
}

/// The number of space-separated words of `phrase` (as `split(' ').count()` counts).
fn word_count(phrase: &str) -> usize {
    phrase.bytes().filter(|&b| b == b' ').count() + 1
}

/// Asserts that every phrase of `lists` is written as the rules compare it: in normal
/// form (NFC, the text's tone placement: "hòa", not "hoà"), lower case, one space
/// between tokens. A phrase written otherwise never matches.
#[cfg(test)]
pub fn assert_written_as_compared(lists: &[&[&str]]) {
    for phrase in lists.iter().copied().flatten() {
        assert_eq!(crate::phrases::syllables(phrase).join(" "), *phrase);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_match_whole_lower_case_tokens() {
        let doc = Document::new("Thủ tướng yêu cầu các bộ, ngành");
        let words = Words::new(&doc, 0);
        assert!(words.has_phrase(0, "thủ tướng yêu cầu"));
        assert!(words.has_phrase(2, "yêu"));
        assert!(!words.has_phrase(2, "yê"), "a prefix of a token is not the token");
        assert!(!words.has_phrase(2, "yêu cầ"));
        assert!(!words.has_phrase(7, "ngành ngành"), "no token past the end");
        assert_eq!(words.phrase_at(2, &["yêu", "yêu cầu các"]), Some(1));
        assert_eq!(words.phrase_at(2, &["yêu cầu các", "yêu"]), Some(3));
        assert_eq!(words.phrase_before(5, &["bộ", "cầu các"]), Some(2));
        assert_eq!(words.phrase_at(0, &["bộ"]), None);
    }
}
