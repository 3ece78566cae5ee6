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

impl Token {
    /// Whether the token starts with a capital letter; `text` is the text it was cut from.
    pub fn is_capitalised(&self, text: &str) -> bool {
        // Most tokens start with an ASCII byte, which is the whole first character:
        // answered without decoding one.
        match text.as_bytes().get(self.range.start) {
            Some(byte) if byte.is_ascii() && !self.range.is_empty() => byte.is_ascii_uppercase(),
            _ => text[self.range.clone()].starts_with(char::is_uppercase),
        }
    }
}

/// The tokens of `text[range]`, in order, with ranges into `text`.
pub fn tokenize(text: &str, range: Range<usize>) -> Vec<Token> {
    let base = range.start;
    let piece = &text[range];
    // About one token per four bytes of Vietnamese text: room for all of them at once.
    let mut out = Vec::with_capacity(piece.len() / 4 + 1);
    let mut chars = piece.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        let mut end = start + c.len_utf8();
        let kind = if c.is_whitespace() {
            continue;
        } else if is_letter_or_digit(c) {
            let mut letters = !is_digit(c);
            let mut last = c;
            while let Some(&(i, d)) = chars.peek() {
                let letter_or_digit = is_letter_or_digit(d);
                let joins = letter_or_digit
                    || is_mark(d)
                    || (matches!(d, '.' | ',' | '/' | '-' | ':')
                        && !letters
                        && last.is_ascii_digit()
                        && piece[i + 1..].starts_with(|e: char| e.is_ascii_digit()));
                if !joins {
                    break;
                }
                // Once a letter is seen the token is a syllable: no more digit tests.
                letters = letters || (letter_or_digit && !is_digit(d));
                last = d;
                end = i + d.len_utf8();
                chars.next();
            }
            if letters {
                TokenKind::Syllable
            } else {
                TokenKind::Number
            }
        } else {
            while let Some((i, _)) = chars.next_if(|&(_, d)| d == c) {
                end = i + c.len_utf8();
            }
            TokenKind::Punct
        };
        out.push(Token { range: base + start..base + end, kind });
    }
    out
}

/// Letters and digits, with a fast path for ASCII and the Vietnamese letters of the
/// Latin blocks, which make up nearly all of a Vietnamese text.
fn is_letter_or_digit(c: char) -> bool {
    match c {
        _ if c.is_ascii() => c.is_ascii_alphanumeric(),
        '×' | '÷' => false,
        'À'..='ɏ' | 'Ḁ'..='ỿ' => true,
        _ => c.is_alphanumeric(),
    }
}

/// Digits of any script, with the Vietnamese letters answered without a table lookup.
fn is_digit(c: char) -> bool {
    match c {
        _ if c.is_ascii() => c.is_ascii_digit(),
        'À'..='ɏ' | 'Ḁ'..='ỿ' => false,
        _ => c.is_numeric(),
    }
}

/// Combining marks left after NFC (rare: letters with no precomposed form).
fn is_mark(c: char) -> bool {
    crate::normalize::is_mark(c)
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
