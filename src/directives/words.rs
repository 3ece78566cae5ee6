//! One sentence seen as a list of words: its tokens with their lower-case text and the
//! segmenter's word boundaries, so the rules can match lexicon phrases as whole words
//! and look at capitals and punctuation by index.
//!
//! Rules index tokens (syllables), but a phrase of the lexicons (cues, parties, action
//! verbs, the treebank's words: [`Words::longest`]) matches only where it starts and
//! ends on a word boundary: "buộc" of "cáo buộc", "cần" of "Cần Thơ" or "cấm" of "cấm
//! vận" is no cue, and no span cuts a word ([`Words::whole`]). The segmenter's words are
//! trusted where they are words its lexicon knows or names; any other word of several
//! syllables may be two glued by mistake ("đề nghị toàn bộ"), and there the lexicons'
//! phrases win, as they did on syllables.

use std::ops::Range;

use super::grammar::Class;
use crate::document::Document;
use crate::phrases::Phrases;
use crate::tokens::{Token, TokenKind};

/// The tokens of one sentence with their lower-case forms and word boundaries.
#[derive(Debug)]
pub struct Words<'a> {
    text: &'a str,
    tokens: &'a [Token],
    /// `lower[i]`: token `i` in lower case.
    pub lower: Vec<&'a str>,
    /// `edges[i]`: whether a word boundary stands before token `i` (one entry more than
    /// there are tokens: the end is one).
    edges: Vec<bool>,
}

impl<'a> Words<'a> {
    /// Views the tokens and words of sentence `index` of `doc`.
    pub fn new(doc: &'a Document, index: usize) -> Self {
        let tokens = doc.sentence_tokens(index);
        let lower = doc.sentence_lower_tokens(index);
        let first = doc.sentence_token_range(index).start;
        let (words, known) = doc.sentence_words(index);
        let words = words.iter().zip(known).map(|(w, &known)| (w.start - first..w.end - first, known));
        let edges = edges(words, tokens.len(), |word, known| {
            // A run of capitals is a name, but where an item opens, a capitalised verb
            // may be glued to the name after it ("Giao Sở | Xây dựng").
            let opens = word.start == 0 || matches!(lower[word.start - 1], ":" | ";" | "“" | "\"" | "(");
            known || (!opens && word.clone().all(|k| tokens[k].is_capitalised(doc.text())))
        });
        Words { text: doc.text(), tokens, lower, edges }
    }

    /// Whether a word boundary stands before token `i` (true at and past the end).
    pub fn edge(&self, i: usize) -> bool {
        self.edges.get(i).copied().unwrap_or(true)
    }

    /// The longest phrase of `phrases` that starts at token `i` and is whole words: its
    /// length in tokens and value.
    pub fn longest<T: Copy>(&self, phrases: &Phrases<T>, i: usize) -> Option<(usize, T)> {
        if !self.edge(i) {
            return None;
        }
        phrases.longest_where(&self.lower, i, |n| self.edge(i + n))
    }

    /// The longest phrase of `phrases` that starts at token `i` and is whole words, or,
    /// when none is, the one that starts the word at `i`, taken for the whole word: a
    /// party's compound names what its first word does ("cơ quan chức năng" is a "cơ
    /// quan"). Not for cues or verbs, whose compounds are other words ("cấm vận",
    /// "có thể").
    pub fn longest_heading<T: Copy>(&self, phrases: &Phrases<T>, i: usize) -> Option<(usize, T)> {
        self.longest(phrases, i).or_else(|| {
            let (n, value) = phrases.longest(&self.lower, i).filter(|_| self.edge(i))?;
            Some((self.whole(i..i + n).end - i, value))
        })
    }

    /// `range` widened to whole words: its start moved back to the start of its word,
    /// its end on to the end of its word.
    pub fn whole(&self, range: Range<usize>) -> Range<usize> {
        let (mut start, mut end) = (range.start.min(self.len()), range.end.min(self.len()));
        while start > 0 && !self.edge(start) {
            start -= 1;
        }
        while !self.edge(end) {
            end += 1;
        }
        start..end.max(start)
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

    /// Whether tokens from `i` spell `phrase` (lower-case syllables separated by
    /// spaces). The closed classes of the grammar are matched so, on syllables: they are
    /// written as such ("vực" of "khu vực cấm"). Walks the phrase word by word against
    /// the tokens rather than splitting it: the rules ask this for every token and every
    /// phrase, and in the wasm the splitting was a third of the digest's time.
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

    /// The length in tokens of the longest of `phrases` that starts at `i` ("chính vì
    /// vậy", not its "chính"). Only the phrases whose first byte is the token's are
    /// compared (see [`Class`]): most are not, and the features ask the 68 markers at
    /// every token before a cue.
    pub fn phrase_at(&self, i: usize, phrases: &Class) -> Option<usize> {
        let &first = self.at(i).as_bytes().first()?;
        phrases.starting_with(first).iter().filter(|p| self.has_phrase(i, p)).map(|p| word_count(p)).max()
    }

    /// The length in tokens of the longest of `phrases` that ends just before `end`
    /// ("chính vì vậy", not its "vì vậy"). Only the phrases whose last byte is the
    /// token's are compared, as in [`Words::phrase_at`].
    pub fn phrase_before(&self, end: usize, phrases: &Class) -> Option<usize> {
        let &last = self.at(end.checked_sub(1)?).as_bytes().last()?;
        phrases
            .ending_with(last)
            .iter()
            .map(|p| (p, word_count(p)))
            .filter(|&(p, n)| end >= n && self.has_phrase(end - n, p))
            .map(|(_, n)| n)
            .max()
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

/// Where word boundaries stand among `len` tokens split into `words` (ranges of token
/// indices, in order, each with whether the lexicon knows it): before every word and at
/// the end, and between the syllables of a word of several that `trusted` does not
/// take, which may be two words glued by mistake ("đề nghị toàn bộ", "liên quan cần"):
/// there the lexicons' phrases win, as they did on syllables.
fn edges(
    words: impl Iterator<Item = (Range<usize>, bool)>,
    len: usize,
    trusted: impl Fn(Range<usize>, bool) -> bool,
) -> Vec<bool> {
    let mut edges = vec![true; len + 1];
    for (word, known) in words {
        if word.len() > 1 && trusted(word.clone(), known) {
            edges[word.start + 1..word.end].fill(false);
        }
    }
    edges
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
        assert_eq!(words.phrase_at(2, &Class::new(vec!["yêu", "yêu cầu các"])), Some(3), "the longest, in any order");
        assert_eq!(words.phrase_at(2, &Class::new(vec!["yêu cầu các", "yêu"])), Some(3));
        assert_eq!(words.phrase_before(5, &Class::new(vec!["các", "bộ", "cầu các"])), Some(2));
        assert_eq!(words.phrase_before(0, &Class::new(vec!["thủ"])), None);
        assert_eq!(words.phrase_at(0, &Class::new(vec!["bộ"])), None);
    }

    #[test]
    fn lexicon_phrases_match_whole_words_only() {
        let cues = &crate::directives::lexicon::get().cues;
        let cue_at = |text: &str, syllable: &str| {
            let doc = Document::new(text);
            let words = Words::new(&doc, 0);
            let i = (0..words.len()).find(|&i| words.at(i) == syllable).unwrap();
            words.longest(cues, i).map(|(n, _)| words.lower[i..i + n].join(" "))
        };
        assert_eq!(cue_at("Viện kiểm sát cáo buộc bị can.", "buộc"), None, "a syllable of a word");
        assert_eq!(cue_at("Tòa án buộc bị can bồi thường.", "buộc").as_deref(), Some("buộc"));
        assert_eq!(cue_at("Đoàn công tác đến Cần Thơ làm việc.", "cần"), None, "a syllable of a name");
        assert_eq!(cue_at("Mỹ tiếp tục cấm vận Iran.", "cấm"), None);
        assert_eq!(cue_at("Thủ tướng yêu cầu các bộ khẩn trương.", "yêu").as_deref(), Some("yêu cầu"));
    }

    #[test]
    fn a_range_widens_to_whole_words() {
        let doc = Document::new("Các sở phải tôn trọng người dân.");
        let words = Words::new(&doc, 0);
        let respect = (0..words.len()).find(|&i| words.at(i) == "trọng").unwrap();
        let whole = words.whole(respect..respect + 1);
        assert_eq!(&doc.text()[words.bytes(whole)], "tôn trọng");
        assert_eq!(words.whole(0..0), 0..0);
    }

    #[test]
    fn a_word_not_trusted_is_read_as_its_syllables() {
        let words = [(0..1, false), (1..4, true), (4..6, true)];
        let edges = edges(words.iter().cloned(), 6, |word, known| known && word != (1..4));
        assert_eq!(edges, [true, true, true, true, true, false, true]);
    }
}
