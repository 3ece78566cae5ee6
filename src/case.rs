//! Lower case that keeps byte ranges: the text, the tables and the phrases are all
//! lowered by [`lower_case`], so that they compare equal and every range of the text
//! indexes its lower case too.

/// `text` lower-cased character by character, keeping every character whose lower case
/// is not one character of the same UTF-8 length (a dotted capital I, a stroked A):
/// byte ranges must stay where they are, and such characters are not Vietnamese. The
/// crate's one way to lower-case: tables and phrases are lowered as the text is.
pub fn lower_case(text: &str) -> String {
    // Only the characters that start at a lead byte are looked at; the few whose lower
    // case differs (capitals) are written in, the text between them copied whole, and
    // ASCII is lowered all at once at the end. Every byte stays where it was.
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    for (at, &byte) in text.as_bytes().iter().enumerate() {
        if byte < 0xC0 {
            continue;
        }
        let Some(c) = text[at..].chars().next() else { continue };
        let lower = lower_char(c);
        if lower != c {
            out.push_str(&text[copied..at]);
            out.push(lower);
            copied = at + c.len_utf8();
        }
    }
    out.push_str(&text[copied..]);
    out.make_ascii_lowercase();
    out
}

/// Whether `word` is one capital followed by lower-case letters only ("Theo", not
/// "TP", "Theo," or "McCain"): how a word that opens a sentence is written, shared by
/// the splitter and the xtask that counts such words, so both judge a word alike.
pub fn is_title_case(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.clone().next().is_some() && chars.all(char::is_lowercase)
}

/// The lower case of one character under [`lower_case`]'s rule. The Vietnamese
/// letters (Latin-1, Latin Extended-A and Additional) are answered by their blocks'
/// layout, capital then small letter, without a search of the case tables.
pub fn lower_char(c: char) -> char {
    let code = u32::from(c);
    let next = |c: char| char::from_u32(u32::from(c) + 1).unwrap_or(c);
    match code {
        0..=0x7F => c.to_ascii_lowercase(),
        0xC0..=0xDE if c != '×' => char::from_u32(code + 0x20).unwrap_or(c),
        0xDF..=0xFF => c,
        0x100..=0x12F | 0x150..=0x177 | 0x1E00..=0x1E95 | 0x1EA0..=0x1EFF if code % 2 == 0 => next(c),
        0x100..=0x12F | 0x150..=0x177 | 0x1E00..=0x1E95 | 0x1EA0..=0x1EFF => c,
        _ => table_lower_char(c),
    }
}

/// The lower case of `c` from [`LOWER_RUNS`], or `c` when that is not one character
/// of the same UTF-8 length. The standard library's table and its code (7.6 KB of
/// the wasm, gzip) are not linked.
fn table_lower_char(c: char) -> char {
    let code = u32::from(c);
    let after = LOWER_RUNS.partition_point(|&(first, ..)| first <= code);
    let Some(&(first, last_step, offset)) = after.checked_sub(1).and_then(|k| LOWER_RUNS.get(k)) else {
        return c;
    };
    let (last, step) = (last_step & 0xFF_FFFF, last_step >> 24);
    if code > last || (code - first) % step != 0 {
        return c;
    }
    code.checked_add_signed(offset).and_then(char::from_u32).unwrap_or(c)
}

include!(concat!(env!("OUT_DIR"), "/lower_runs.rs"));

#[cfg(test)]
mod tests {
    use super::*;

    /// The lower case of `c` by the standard library, under [`lower_case`]'s rule.
    fn std_lower_char(c: char) -> char {
        let mut lower = c.to_lowercase();
        match (lower.next(), lower.next()) {
            (Some(l), None) if l.len_utf8() == c.len_utf8() => l,
            _ => c,
        }
    }

    #[test]
    fn the_block_layout_and_the_runs_agree_with_the_case_tables_for_every_character() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(lower_char(c), std_lower_char(c), "U+{:04X}", u32::from(c));
            if !c.is_ascii() {
                assert_eq!(table_lower_char(c), std_lower_char(c), "U+{:04X}", u32::from(c));
            }
        }
    }
}
