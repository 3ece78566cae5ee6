//! Syllable tokens of a sentence.
//!
//! Vietnamese is written one syllable per space-separated unit, so the basic token is a
//! run of letters (with any digits glued to them, "U23", "COVID"), a number (digits with
//! the separators of thousands, decimals, dates and times inside: "3.000", "7,5",
//! "9/4", "15-12", "10:30"), or one punctuation mark (a run of the same mark, "...", is
//! one token). Words of several syllables are built on these by the word segmenter.

use std::ops::Range;

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters, possibly with digits: a syllable or a foreign word.
    Syllable,
    /// Digits, possibly with inner separators.
    Number,
    /// Anything else that is not a space: punctuation and symbols.
    Punct,
}

/// One token: its byte range in the normalised text and its kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte range in the normalised text.
    pub range: Range<usize>,
    /// What the token is made of.
    pub kind: TokenKind,
}

/// The tokens of `text[range]`, in order, with ranges into `text`.
pub fn tokenize(text: &str, range: Range<usize>) -> Vec<Token> {
    let base = range.start;
    let piece = &text[range];
    let chars: Vec<(usize, char)> = piece.char_indices().collect();
    let end_of = |k: usize| chars.get(k).map_or(piece.len(), |&(i, _)| i);
    let mut out = Vec::new();
    let mut k = 0;
    while k < chars.len() {
        let (start, c) = chars[k];
        let kind;
        if c.is_whitespace() {
            k += 1;
            continue;
        } else if c.is_alphanumeric() {
            let mut letters = false;
            while let Some(&(_, d)) = chars.get(k) {
                let inner_separator = matches!(d, '.' | ',' | '/' | '-' | ':')
                    && !letters
                    && k > 0
                    && chars[k - 1].1.is_ascii_digit()
                    && chars.get(k + 1).is_some_and(|&(_, e)| e.is_ascii_digit());
                if d.is_alphanumeric() || is_mark(d) {
                    letters |= !d.is_numeric();
                    k += 1;
                } else if inner_separator {
                    k += 1;
                } else {
                    break;
                }
            }
            kind = if letters { TokenKind::Syllable } else { TokenKind::Number };
        } else {
            while chars.get(k).is_some_and(|&(_, d)| d == c) {
                k += 1;
            }
            kind = TokenKind::Punct;
        }
        out.push(Token { range: base + start..base + end_of(k), kind });
    }
    out
}

/// Combining marks left after NFC (rare: letters with no precomposed form).
fn is_mark(c: char) -> bool {
    unicode_normalization::char::is_combining_mark(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(&str, TokenKind)> {
        tokenize(text, 0..text.len()).into_iter().map(|t| (&text[t.range], t.kind)).collect()
    }

    #[test]
    fn syllables_numbers_and_punctuation() {
        use TokenKind::*;
        assert_eq!(
            kinds("Ngày 9/4, Điện Biên có 3.000 người (7,5%)..."),
            [
                ("Ngày", Syllable),
                ("9/4", Number),
                (",", Punct),
                ("Điện", Syllable),
                ("Biên", Syllable),
                ("có", Syllable),
                ("3.000", Number),
                ("người", Syllable),
                ("(", Punct),
                ("7,5", Number),
                ("%", Punct),
                (")", Punct),
                ("...", Punct),
            ]
        );
    }

    #[test]
    fn letters_with_digits_are_one_syllable_token_and_separators_need_digits_on_both_sides() {
        use TokenKind::*;
        assert_eq!(
            kinds("U23 Army-2017 lúc 10:30. 2023."),
            [
                ("U23", Syllable),
                ("Army", Syllable),
                ("-", Punct),
                ("2017", Number),
                ("lúc", Syllable),
                ("10:30", Number),
                (".", Punct),
                ("2023", Number),
                (".", Punct),
            ]
        );
    }
}
