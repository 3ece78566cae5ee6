//! Paragraphs and sentences of a normalised text.
//!
//! Vietnamese news is not split by `[.!?]` alone: "TP. Hà Nội" and "PGS.TS. Lê A"
//! carry dots inside a sentence, "3.000" and "1.500.000" are numbers, "..." often
//! stands for an omission in mid-sentence, a stop is followed by closing quotes or
//! brackets that belong to the sentence, and a title line has no final stop at all.
//! All ranges here are byte ranges of the normalised text.

use std::ops::Range;
use std::sync::OnceLock;

use crate::case::{is_title_case, lower_case, lower_char};

/// A sentence: its byte range in the normalised text and the index of its paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// Byte range in the normalised text, without surrounding spaces.
    pub range: Range<usize>,
    /// The index of its paragraph, counting a line glued to the next sentence (see
    /// [`sentences`]) as one.
    pub paragraph: usize,
}

/// Splits `text` into paragraphs: blank lines separate them, and so does a single
/// line break after a line that ends a sentence or a title (a line without final
/// punctuation followed by a capital). A line that ends mid-sentence and continues in
/// lower case is a wrapped line of the same paragraph. Each list item (a line starting
/// with a bullet or a number such as "1." or "a)") is a paragraph of its own, without
/// its marker.
pub fn paragraphs(text: &str) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut open = false;
    let mut offset = 0;
    for line in text.split('\n') {
        let line_start = offset;
        offset += line.len() + 1;
        let trimmed = line.trim_matches(' ');
        if trimmed.is_empty() {
            open = false;
            continue;
        }
        let mut start = line_start + (line.len() - line.trim_start_matches(' ').len());
        let end = start + trimmed.len();
        let marker = list_marker_len(trimmed);
        start += marker;
        if start == end {
            continue;
        }
        let continues = open
            && marker == 0
            && text[start..].chars().next().is_some_and(char::is_lowercase)
            && out.last().is_some_and(|p| !ends_with_stop(&text[p.clone()]));
        match out.last_mut() {
            Some(last) if continues => last.end = end,
            _ => out.push(start..end),
        }
        open = true;
    }
    out
}

/// Splits each paragraph into sentences, in reading order: at the stops that end one,
/// and where a sentence starts that no stop announced ([`glued_starts`]). The line
/// before such a start (a sub-heading, a credit, a caption that lost its line breaks)
/// is numbered as a paragraph of its own, as it was on its page, and so is what
/// follows it.
pub fn sentences(text: &str, paragraphs: &[Range<usize>]) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut paragraph = 0;
    let mut words = Vec::new();
    for range in paragraphs {
        let mut start = range.start;
        let ends = sentence_ends(&text[range.clone()]).into_iter().map(|end| range.start + end);
        for end in ends.chain([range.end]) {
            let piece = start;
            for glued in glued_starts(&text[piece..end], &mut words) {
                if out.last().is_some_and(|s: &Sentence| s.paragraph == paragraph) {
                    paragraph += 1;
                }
                push_trimmed(text, start..piece + glued, paragraph, &mut out);
                paragraph += 1;
                start = piece + glued;
            }
            push_trimmed(text, start..end, paragraph, &mut out);
            start = end;
        }
        paragraph += 1;
    }
    out
}

fn push_trimmed(text: &str, range: Range<usize>, paragraph: usize, out: &mut Vec<Sentence>) {
    let piece = &text[range.clone()];
    let trimmed = piece.trim_start_matches([' ', '\n']);
    let start = range.start + piece.len() - trimmed.len();
    let end = start + trimmed.trim_end_matches([' ', '\n']).len();
    if start < end {
        out.push(Sentence { range: start..end, paragraph });
    }
}

/// Byte offsets (within `paragraph`) just after each sentence that is followed by
/// another one in the same paragraph.
fn sentence_ends(paragraph: &str) -> Vec<usize> {
    let mut ends = Vec::new();
    // Where the curly quotation open here started: a stop inside one does not end the
    // sentence around it unless it runs so long that it is plainly unbalanced.
    let mut quote_open: Option<usize> = None;
    let mut i = 0;
    while let Some(stop_start) = next_stop_or_quote(paragraph, i) {
        match char_at(paragraph, stop_start) {
            Some('“') => {
                quote_open = quote_open.or(Some(stop_start));
                i = stop_start + '“'.len_utf8();
                continue;
            }
            Some('”') => {
                quote_open = None;
                i = stop_start + '”'.len_utf8();
                continue;
            }
            _ => {}
        }
        let mut k = stop_start;
        while let Some(c) = char_at(paragraph, k).filter(|&c| is_stop(c)) {
            k += c.len_utf8();
        }
        let stops = &paragraph[stop_start..k];
        let glued = char_at(paragraph, k).is_some_and(|c| !is_space(c) && !is_closer(paragraph, k))
            && !stops.ends_with(is_unspaced_stop);
        // Closing quotes and brackets (and further stops) after the stop belong to this
        // sentence, also when a tokenizer put spaces between them (`? " .`).
        let mut end = k;
        let mut j = k;
        while let Some(c) = char_at(paragraph, j) {
            if is_space(c) {
                j += 1;
            } else if is_stop(c) || is_closer(paragraph, j) {
                j += c.len_utf8();
                end = j;
            } else {
                break;
            }
        }
        i = end;
        if paragraph[k..end].contains('”') {
            quote_open = None;
        }
        let Some(next) = paragraph[end..].chars().find(|&c| !is_space(c)) else {
            break;
        };
        let before = &paragraph[..stop_start];
        let quoted = quote_open.is_some_and(|at| stop_start - at < LONGEST_QUOTE);
        let ellipsis = stops.contains('…') || stops.contains("..");
        let number_after_number =
            next.is_ascii_digit() && before.trim_end_matches(is_space).ends_with(|c: char| c.is_ascii_digit());
        let breaks = !glued
            && !quoted
            && !next.is_lowercase()
            && (!ellipsis || next.is_uppercase() || matches!(next, '"' | '“'))
            && !(stops == "." && (number_after_number || dot_is_inside(before)));
        if breaks {
            ends.push(end);
        }
    }
    ends
}

/// Where sentences start inside `piece` (the text between two stops) that no stop
/// announced: byte offsets in the piece, in order. News copied without its line
/// breaks (VietNews bodies, a page's text) runs a line without a final stop into the
/// next sentence: a photo credit ("Ảnh: Võ Hải Phát biểu tại ...", sometimes with no
/// space left: "Ảnh: REUTERSNgười dân"), a sub-heading or a headline ("Nỗ lực hiện đại hoá Trong những tuần gần đây, ..."),
/// a caption. `words` is a buffer for the piece's words, kept from piece to piece.
fn glued_starts<'a>(piece: &'a str, words: &mut Vec<(usize, &'a str)>) -> Vec<usize> {
    words_of(piece, words);
    let mut starts = Vec::new();
    // A credit's label is followed by a colon: a piece without one holds no credit.
    let credits = piece.contains(':');
    // The word that opens the sentence being read.
    let mut begin = 0;
    let mut i = 0;
    while i < words.len() {
        let (at, word) = words[i];
        // Most words are in lower case, and neither label a credit nor open a sentence.
        let lower = word.starts_with(|c: char| c.is_ascii_lowercase());
        let credit = if lower || !credits { None } else { credit_name(words, i) };
        if let Some(name) = credit {
            match after_credit(words, name) {
                Some((word, at)) => {
                    starts.push(at);
                    begin = word;
                    i = word + 1;
                }
                None => i = name,
            }
            continue;
        }
        let next = words.get(i + 1).map(|&(_, w)| w);
        // The word before the opener ends the line, and is not the end of a name that
        // runs on into it ("Cơ quan Nghiên cứu Các dự án ...").
        let line_ends =
            || follows_a_line(words[i - 1].1) && (i - 1 == begin || !words[i - 2].1.starts_with(char::is_uppercase));
        if !lower && i > begin && i - begin <= LONGEST_GLUED_LINE && opens(word, next) && line_ends() {
            starts.push(at);
            begin = i;
        } else if let Some(inside) = glued_opener(word, next) {
            starts.push(at + inside);
            begin = i;
        }
        i += 1;
    }
    starts
}

/// Words a line glued to the next sentence has at most: a sub-heading, a credit, a
/// headline. A capitalised opener deeper inside a sentence is more likely the title of
/// a work or a name ("bộ phim Về nhà đi con").
const LONGEST_GLUED_LINE: usize = 12;

/// Words a photo credit ("Ảnh: Nguyễn Văn An") has at most after its label.
const LONGEST_CREDIT: usize = 4;

/// Puts into `words` (cleared first) the words of `text` split at spaces and line
/// breaks, each with its byte offset. Bytes are scanned, as both separators are ASCII:
/// splitting at a pattern of chars decoded every character of the text.
fn words_of<'a>(text: &'a str, words: &mut Vec<(usize, &'a str)>) {
    words.clear();
    let mut start = 0;
    for (at, &byte) in text.as_bytes().iter().enumerate() {
        if byte == b' ' || byte == b'\n' {
            if start < at {
                words.push((start, &text[start..at]));
            }
            start = at + 1;
        }
    }
    if start < text.len() {
        words.push((start, &text[start..]));
    }
}

/// Whether a word can end a line that has no final stop and be followed by a glued
/// sentence: it ends in a letter or a digit (perhaps closed by a bracket or a
/// quotation mark), is not capitalised (a capitalised word before an opener is mostly
/// a name that ends in it: "Nguyễn Văn Tới") and is no function word (a title before a
/// name: "ông Nhiều", "chị Sự"), which no heading ends with.
fn follows_a_line(word: &str) -> bool {
    word.trim_end_matches([')', '"', '”']).ends_with(char::is_alphanumeric)
        && !word.starts_with(char::is_uppercase)
        && !crate::terms::is_function_word(&lower_case(word))
}

/// Whether `word`, followed by `next`, opens a sentence by itself: a word of
/// `data/sentence-openers.txt` in title case, before a word in lower case or a number
/// (or before any word, for the openers that also stand before a name: "Theo Reuters").
fn opens(word: &str, next: Option<&str>) -> bool {
    let word = word.strip_suffix(',').unwrap_or(word);
    let Some(next) = next.and_then(|n| n.chars().next()) else {
        return false;
    };
    is_title_case(word)
        && match opener(word) {
            Some(Opener::BeforeAny) => true,
            Some(Opener::BeforeLower) => next.is_lowercase() || next.is_ascii_digit(),
            None => false,
        }
}

/// Where in `word` a capital starts a word glued to what precedes it without a space:
/// after a letter in lower case or a run of capitals, before one in lower case
/// ("mấtTại", "REUTERSNgười", also "VnExpress", "VPBank").
fn glued_capital(word: &str) -> Option<usize> {
    let mut chars = word.char_indices().peekable();
    let (mut two_before, mut before) = (None::<char>, chars.next()?.1);
    loop {
        let (at, this) = chars.next()?;
        let after = chars.peek()?.1;
        let capitals_before = || before.is_uppercase() && two_before.is_some_and(char::is_uppercase);
        if this.is_uppercase() && after.is_lowercase() && (before.is_lowercase() || capitals_before()) {
            return Some(at);
        }
        (two_before, before) = (Some(before), this);
    }
}

/// Where in `word` a sentence starts that a line without a final stop ran into
/// without a space ("chững lạiTrong tháng này"): at a glued capital that begins an
/// opener ([`opens`]), which brand names are not. Only openers with a capital in ASCII
/// are looked for ("Trong", "Theo", "Ngoài", not "Đây"), as a scan of bytes finds
/// those and this is asked of every word.
fn glued_opener(word: &str, next: Option<&str>) -> Option<usize> {
    if !word.bytes().skip(1).any(|b| b.is_ascii_uppercase()) {
        return None;
    }
    let at = glued_capital(word)?;
    let rest = &word[at..];
    let opener = rest.strip_suffix(',').unwrap_or(rest);
    (opener.chars().all(char::is_alphabetic) && opens(opener, next)).then_some(at)
}

/// Where in `word`, the credit after its label, a sentence starts that was glued to
/// it without a space: at a glued capital that begins a word in title case
/// ("REUTERSNgười dân").
fn glued_to_credit(word: &str) -> Option<usize> {
    let at = glued_capital(word)?;
    let rest = &word[at..];
    is_title_case(&rest[..rest.find(|c: char| !c.is_alphabetic()).unwrap_or(rest.len())]).then_some(at)
}

/// When word `i` is the label of a photo credit ("Ảnh:", "Ảnh minh hoạ:", "Nguồn:",
/// "Đồ hoạ:", also in brackets), the index of the credit's first word. A video's or a
/// clip's label is followed by its title, which may start with a name ("Clip: Hoài
/// Phương bị lộ ..."), not by a credit.
fn credit_name(words: &[(usize, &str)], i: usize) -> Option<usize> {
    let first = words[i].1.trim_start_matches(['(', '[']);
    let label = first.strip_suffix(':').unwrap_or(first);
    let labels = |l: &&str| l.len() == label.len() && l.chars().eq(label.chars().map(lower_char));
    if !is_title_case(label) || !CREDIT_LABELS.iter().any(labels) {
        return None;
    }
    let colon = (i..words.len().min(i + 3)).find(|&k| words[k].1.ends_with(':'))?;
    let lower = words[i..colon].iter().skip(1).all(|(_, w)| w.starts_with(char::is_lowercase));
    (lower && colon + 1 < words.len()).then_some(colon + 1)
}

/// The words that label a credit: a photo, a graphic, a source.
const CREDIT_LABELS: [&str; 3] = ["ảnh", "nguồn", "đồ"];

/// Where the sentence after a credit starts (its first word's index and byte offset),
/// if one is glued to it: after the credit's first word (a name, an agency, initials,
/// a site), the words stay capitalised up to a quotation, a number, an opener, a
/// capitalised word before one in lower case ("Ảnh: Phương Sơn Thời gian gần đây") or
/// a number ("Ảnh: AFP Ngày 14/6"), or a word glued to the credit ("Ảnh:
/// REUTERSNgười dân").
fn after_credit(words: &[(usize, &str)], name: usize) -> Option<(usize, usize)> {
    let next_of = |k: usize| words.get(k + 1).map(|&(_, w)| w);
    let (at, first) = words[name];
    if let Some(inside) = glued_to_credit(first) {
        return Some((name, at + inside));
    }
    for k in name + 1..words.len().min(name + 1 + LONGEST_CREDIT) {
        let (at, word) = words[k];
        if !words[k - 1].1.ends_with(char::is_alphanumeric) {
            return None;
        }
        let next = next_of(k);
        if word.starts_with(['"', '“']) || word.starts_with(|c: char| c.is_ascii_digit()) || opens(word, next) {
            return Some((k, at));
        }
        if !word.starts_with(char::is_uppercase) {
            return None;
        }
        if let Some(inside) = glued_to_credit(word) {
            return Some((k, at + inside));
        }
        // A name followed by a comma may be the subject the sentence opens with ("Ảnh:
        // CBS Michael Avenatti, luật sư ..."): no word tells where the credit ends.
        if word.ends_with(',') {
            return None;
        }
        if next.is_some_and(|n| n.starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit())) {
            return Some((k, at));
        }
    }
    None
}

/// How a word of `data/sentence-openers.txt` opens a sentence.
#[derive(Debug, Clone, Copy)]
enum Opener {
    /// Only before a word in lower case or a number ("Tuy nhiên", not "Tuy Hoà").
    BeforeLower,
    /// Also before a capitalised word ("Theo Reuters", "Ông Nguyễn Văn An").
    BeforeAny,
}

/// What `data/sentence-openers.txt` says of `word` (in any case). The table is in
/// byte order, so it is searched by halves without being sorted here.
fn opener(word: &str) -> Option<Opener> {
    static TABLE: OnceLock<Vec<(&'static str, Opener)>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        crate::data::kinds(crate::data::table!("sentence-openers.txt"))
            .map(|(word, kind)| (word, if kind == "any" { Opener::BeforeAny } else { Opener::BeforeLower }))
            .collect()
    });
    let at = table.binary_search_by(|&(opener, _)| opener.chars().cmp(word.chars().map(lower_char))).ok()?;
    Some(table[at].1)
}

/// A curly quotation open longer than this (bytes) is taken as unbalanced.
const LONGEST_QUOTE: usize = 600;

fn char_at(text: &str, at: usize) -> Option<char> {
    text.get(at..)?.chars().next()
}

fn is_space(c: char) -> bool {
    c == ' ' || c == '\n'
}

/// Whether the char at byte `at`, just after a stop or a closer, closes what the
/// sentence opened. Curly quotes and brackets say so themselves; a straight quote
/// closes when it is glued to what precedes it and not to a following word
/// (`ngay." Sau`), or when a stop or the end follows it (`? " .`, a tokenizer's
/// spacing); otherwise it opens the next sentence (`. "Sau`).
fn is_closer(text: &str, at: usize) -> bool {
    match char_at(text, at) {
        Some('"') => {
            let glued_before = text[..at].chars().next_back().is_some_and(|c| !is_space(c));
            let rest = &text[at + 1..];
            let next_word = rest.chars().find(|&c| !is_space(c));
            (glued_before && rest.chars().next().is_none_or(|c| !c.is_alphanumeric()))
                || next_word.is_none_or(|c| is_stop(c) || matches!(c, ')' | ']' | '”' | '»'))
        }
        Some(c) => matches!(c, '”' | '’' | ')' | ']' | '»' | '}'),
        None => false,
    }
}

/// Whether the word just before a single "." (`before` ends right before the dot)
/// makes the dot part of an abbreviation or of initials rather than a full stop:
/// "V." of "Nguyễn V. Nam", and "H.V." of "ông H.V. H (47 tuổi)" or "chị P. T.B. U.",
/// as news writes the names of suspects and victims.
fn dot_is_inside(before: &str) -> bool {
    let word = &before[before.rfind([' ', '\n', '(']).map_or(0, |p| p + 1)..];
    let initial = |part: &str| {
        let mut letters = part.chars();
        matches!((letters.next(), letters.next()), (Some(c), None) if c.is_uppercase())
    };
    word.split('.').all(initial) || is_abbreviation(word)
}

/// Whether `word` (in any case) is an abbreviation after which "." never ends a
/// sentence ("TP" of "TP. Hà Nội"): the splitter's test, which the directives' actions
/// share (they stop at a stop kept inside a quotation, but not at one of these).
pub(crate) fn is_abbreviation(word: &str) -> bool {
    abbreviations().iter().any(|a| word.len() == a.len() && a.chars().eq(word.chars().map(lower_char)))
}

/// Abbreviations from `data/abbreviations.txt`, lower-cased.
fn abbreviations() -> &'static [String] {
    static LIST: OnceLock<Vec<String>> = OnceLock::new();
    LIST.get_or_init(|| crate::data::lines(crate::data::table!("abbreviations.txt")).map(lower_case).collect())
}

/// The byte offset of the first stop ([`is_stop`]) or curly quotation mark of `text`
/// at or after byte `from` (a char boundary). Bytes are scanned for the first byte of
/// one, and only a char starting at such a byte is decoded: a search char by char
/// decoded every character of the text.
fn next_stop_or_quote(text: &str, from: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut at = from;
    loop {
        // ".", "!", "?"; "؟" starts with D8; "…", "“", "”" with E2; "。" with E3;
        // "！", "？" with EF. None of these is a continuation byte, so `at` is a char
        // boundary.
        at += bytes.get(at..)?.iter().position(|&b| matches!(b, b'.' | b'!' | b'?' | 0xD8 | 0xE2 | 0xE3 | 0xEF))?;
        let c = text[at..].chars().next()?;
        if is_stop(c) || c == '“' || c == '”' {
            return Some(at);
        }
        at += c.len_utf8();
    }
}

fn is_stop(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | '。' | '！' | '？' | '؟')
}

/// Stops of scripts written without spaces, which end a sentence even when glued to
/// the next one.
fn is_unspaced_stop(c: char) -> bool {
    matches!(c, '。' | '！' | '？')
}

/// The quotes and brackets that may close a sentence after its final punctuation.
const CLOSERS: [char; 6] = ['"', '”', '’', ')', ']', '»'];

/// `text` without the closers (and spaces between them) at its end.
pub fn without_closers(text: &str) -> &str {
    text.trim_end_matches(|c| CLOSERS.contains(&c) || c == ' ')
}

/// Whether a line's text ends with punctuation that closes a sentence or introduces
/// what follows (a stop, a colon or semicolon, possibly followed by closers).
fn ends_with_stop(line: &str) -> bool {
    without_closers(line).ends_with(|c: char| is_stop(c) || c == ':' || c == ';')
}

/// Byte length of a list marker ("- ", "• ", "1. ", "a) ", "IV. ") at the start of
/// `line`, including the spaces after it; 0 when the line has none.
fn list_marker_len(line: &str) -> usize {
    let mut chars = line.char_indices();
    let Some((_, first)) = chars.next() else {
        return 0;
    };
    let after = if matches!(first, '-' | '–' | '—' | '•' | '*' | '+' | '·' | '●' | '○' | '▪' | '■' | '►' | '✓')
    {
        first.len_utf8()
    } else {
        let label_len = line
            .char_indices()
            .find(|&(_, c)| c == '.' || c == ')')
            .map(|(i, _)| i)
            .filter(|&i| i > 0 && i <= 4)
            .filter(|&i| {
                let label = &line[..i];
                label.chars().all(|c| c.is_ascii_digit())
                    || (label.len() == 1 && label.chars().all(|c| c.is_ascii_lowercase()))
                    || label.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
            });
        match label_len {
            Some(i) => i + 1,
            None => return 0,
        }
    };
    let rest = &line[after..];
    let spaces = rest.len() - rest.trim_start_matches(' ').len();
    if spaces == 0 {
        0
    } else {
        after + spaces
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text, &paragraphs(text)).into_iter().map(|s| &text[s.range]).collect()
    }

    #[test]
    fn abbreviations_before_names_do_not_end_a_sentence() {
        assert_eq!(
            split("UBND TP. Hà Nội đã họp. PGS.TS. Nguyễn Văn An phát biểu. ThS. Lê Hoa và GS. Trần Bình dự."),
            ["UBND TP. Hà Nội đã họp.", "PGS.TS. Nguyễn Văn An phát biểu.", "ThS. Lê Hoa và GS. Trần Bình dự."]
        );
    }

    #[test]
    fn single_capital_initials_and_district_letters_do_not_end_a_sentence() {
        assert_eq!(
            split("Trụ sở ở Q. 1, P. Bến Nghé. Ông Nguyễn V. Nam đến."),
            ["Trụ sở ở Q. 1, P. Bến Nghé.", "Ông Nguyễn V. Nam đến."]
        );
        assert_eq!(
            split("Công an bắt ông H.V. H (47 tuổi) để điều tra. H. là cha của bé. Chị P. T.B. U. (27 tuổi) mất xe."),
            ["Công an bắt ông H.V. H (47 tuổi) để điều tra.", "H. là cha của bé.", "Chị P. T.B. U. (27 tuổi) mất xe."]
        );
    }

    #[test]
    fn etcetera_ends_a_sentence_only_before_a_capital() {
        assert_eq!(split("Có cam, quýt v.v. Sau đó là xoài."), ["Có cam, quýt v.v.", "Sau đó là xoài."]);
        assert_eq!(split("Có cam, quýt v.v. và nhiều loại khác."), ["Có cam, quýt v.v. và nhiều loại khác."]);
    }

    #[test]
    fn dotted_numbers_dates_and_decimals_stay_inside() {
        assert_eq!(
            split("Có 3.000 người và 1.500.000 đồng vào ngày 9/4 và 15-12. Tỷ lệ là 3,5% hay 2.5 lần. Hết."),
            ["Có 3.000 người và 1.500.000 đồng vào ngày 9/4 và 15-12.", "Tỷ lệ là 3,5% hay 2.5 lần.", "Hết."]
        );
    }

    #[test]
    fn sentence_ending_in_a_number_still_ends() {
        assert_eq!(
            split("Tăng trưởng đạt 7,5% năm 2023. Năm nay cao hơn."),
            ["Tăng trưởng đạt 7,5% năm 2023.", "Năm nay cao hơn."]
        );
    }

    #[test]
    fn ellipsis_inside_a_sentence_does_not_end_it() {
        assert_eq!(
            split("ưu tiên phát triển ... lợi thế cạnh tranh. Tiếp theo…"),
            ["ưu tiên phát triển ... lợi thế cạnh tranh.", "Tiếp theo…"]
        );
        assert_eq!(split("Anh ấy im lặng… Rồi anh đi."), ["Anh ấy im lặng…", "Rồi anh đi."]);
    }

    #[test]
    fn closing_quotes_and_brackets_stay_with_their_sentence() {
        assert_eq!(
            split("Ông nói: “Phải làm ngay.” Sau đó (như đã nói.) Hết!"),
            ["Ông nói: “Phải làm ngay.”", "Sau đó (như đã nói.)", "Hết!"]
        );
        assert_eq!(
            split("Anh hỏi : \" Tôi trông ông quen quen ? \" . Hùng giật mình ."),
            ["Anh hỏi : \" Tôi trông ông quen quen ? \" .", "Hùng giật mình ."]
        );
    }

    #[test]
    fn a_stop_inside_an_open_quotation_does_not_split_it() {
        assert_eq!(
            split("Ông nói: “Chúng tôi sẽ làm. Dân cần điều đó” và cười. Hết."),
            ["Ông nói: “Chúng tôi sẽ làm. Dân cần điều đó” và cười.", "Hết."]
        );
    }

    #[test]
    fn a_question_or_exclamation_before_lowercase_continues() {
        assert_eq!(split("“Tại sao?” ông hỏi. Sao vậy? Không!"), ["“Tại sao?” ông hỏi.", "Sao vậy?", "Không!"]);
    }

    #[test]
    fn title_line_without_punctuation_is_its_own_sentence() {
        let text = "Thủ tướng làm việc với tỉnh Điện Biên\nSáng 9/4, Thủ tướng đã đến.";
        assert_eq!(split(text), ["Thủ tướng làm việc với tỉnh Điện Biên", "Sáng 9/4, Thủ tướng đã đến."]);
        assert_eq!(paragraphs(text).len(), 2);
    }

    #[test]
    fn a_wrapped_line_continuing_in_lower_case_joins_its_paragraph() {
        let text = "Thủ tướng yêu cầu các bộ\nkhẩn trương hoàn thành.\n\nĐoạn hai.";
        assert_eq!(split(text), ["Thủ tướng yêu cầu các bộ\nkhẩn trương hoàn thành.", "Đoạn hai."]);
        assert_eq!(paragraphs(text).len(), 2);
    }

    #[test]
    fn list_items_are_paragraphs_without_their_markers() {
        let text = "Thủ tướng giao:\n- Bộ Tài chính rà soát\n• Bộ Y tế kiểm tra\n1. Tổ chức kiểm điểm\na) tổng kết";
        assert_eq!(
            split(text),
            ["Thủ tướng giao:", "Bộ Tài chính rà soát", "Bộ Y tế kiểm tra", "Tổ chức kiểm điểm", "tổng kết"]
        );
        assert_eq!(paragraphs(text).len(), 5);
    }

    #[test]
    fn a_number_starting_a_line_is_not_a_list_marker() {
        assert_eq!(split("3.000 người tham dự."), ["3.000 người tham dự."]);
        assert_eq!(split("2019 là năm bản lề."), ["2019 là năm bản lề."]);
    }

    #[test]
    fn chinese_and_arabic_stops_end_sentences() {
        assert_eq!(split("今天下雨。我们在家！你呢？"), ["今天下雨。", "我们在家！", "你呢？"]);
        assert_eq!(split("هل أنت بخير؟ نعم."), ["هل أنت بخير؟", "نعم."]);
    }

    #[test]
    fn a_photo_credit_without_a_stop_is_its_own_sentence() {
        assert_eq!(
            split("Hàng cây mới trồng ven hồ. Ảnh: Minh Khang Thời gian qua, thành phố trồng thêm cây."),
            ["Hàng cây mới trồng ven hồ.", "Ảnh: Minh Khang", "Thời gian qua, thành phố trồng thêm cây."]
        );
        assert_eq!(
            split("Công nhân lắp pin trên mái nhà Ảnh: Minh Khang Thời gian qua, tỉnh cấp phép."),
            ["Công nhân lắp pin trên mái nhà Ảnh: Minh Khang", "Thời gian qua, tỉnh cấp phép."],
            "a caption without a stop stays with its credit"
        );
        assert_eq!(split("Ảnh: Reuters 5 người bị thương."), ["Ảnh: Reuters", "5 người bị thương."]);
        assert_eq!(split("Ảnh: AFP Ngày 3/4, đoàn đã đến."), ["Ảnh: AFP", "Ngày 3/4, đoàn đã đến."]);
        assert_eq!(split("Ảnh minh hoạ: T.L Theo đó, giá tăng."), ["Ảnh minh hoạ: T.L", "Theo đó, giá tăng."]);
        assert_eq!(split("Ảnh: Twitter \"Tôi ở đây\", anh viết."), ["Ảnh: Twitter", "\"Tôi ở đây\", anh viết."]);
    }

    #[test]
    fn a_credit_glued_to_the_next_sentence_without_a_space_is_cut_inside_the_word() {
        assert_eq!(
            split("Người dân xếp hàng mua vé - Ảnh: HOÀNG LONGNgười dân chờ từ sáng sớm."),
            ["Người dân xếp hàng mua vé - Ảnh: HOÀNG LONG", "Người dân chờ từ sáng sớm."]
        );
    }

    #[test]
    fn a_credit_whose_end_no_word_tells_and_a_video_title_stay_whole() {
        let apposition = "Ảnh: CBS Michael Avenatti, luật sư của bà, đã đệ đơn.";
        assert_eq!(split(apposition), [apposition]);
        let clip = "Clip: Hoài Phương bị lộ đoạn ghi âm.";
        assert_eq!(split(clip), [clip]);
    }

    #[test]
    fn a_sub_heading_or_headline_without_a_stop_is_its_own_sentence() {
        assert_eq!(
            split("Giá cả tăng nhanh. Thị trường sôi động Theo các nhà phân tích, giá sẽ còn tăng."),
            ["Giá cả tăng nhanh.", "Thị trường sôi động", "Theo các nhà phân tích, giá sẽ còn tăng."]
        );
        assert_eq!(
            split("Nga sẽ \"làm chủ cuộc chơi\" Theo đó, quân đội được phép ở lại."),
            ["Nga sẽ \"làm chủ cuộc chơi\"", "Theo đó, quân đội được phép ở lại."]
        );
        assert_eq!(
            split("Mưa lớn gây ngập nặng Trong đêm qua, nhiều tuyến phố bị ngập."),
            ["Mưa lớn gây ngập nặng", "Trong đêm qua, nhiều tuyến phố bị ngập."]
        );
        assert_eq!(
            split("Kiểm tra chặt chẽ Ông Trần Văn Bình, giám đốc sở, cho biết sẽ kiểm tra."),
            ["Kiểm tra chặt chẽ", "Ông Trần Văn Bình, giám đốc sở, cho biết sẽ kiểm tra."]
        );
    }

    #[test]
    fn a_sub_heading_glued_without_a_space_is_cut_inside_the_word() {
        assert_eq!(
            split("Thị trường chững lạiTrong tháng này, giá giảm."),
            ["Thị trường chững lại", "Trong tháng này, giá giảm."]
        );
    }

    #[test]
    fn capitalised_openers_inside_names_and_titles_of_works_do_not_split() {
        for text in [
            "Sân bay Tuy Hoà sẽ mở cửa lại.",
            "Bà Lan và chị Sự cùng đi chợ.",
            "Cơ quan Nghiên cứu Các dự án Tiên tiến đã thử.",
            "Khán giả cả nước đã theo dõi rất nhiều tập của bộ phim truyền hình Về nhà đi con.",
            "Lãnh đạo của Nguyễn Văn Tới cho biết thêm.",
            "Khách hàng của VnExpress và VPBank tăng.",
        ] {
            assert_eq!(split(text), [text]);
        }
    }

    #[test]
    fn a_glued_line_and_what_follows_it_are_paragraphs_of_their_own() {
        let text = "Giá tăng. Thị trường sôi động Theo các nhà phân tích, giá sẽ tăng. Hết.\n\nĐoạn hai.";
        let paragraphs: Vec<usize> = sentences(text, &paragraphs(text)).iter().map(|s| s.paragraph).collect();
        assert_eq!(paragraphs, [0, 1, 2, 2, 3]);
    }

    #[test]
    fn the_openers_table_is_in_byte_order_with_a_kind_on_every_line() {
        let lines: Vec<&str> = crate::data::lines(crate::data::table!("sentence-openers.txt")).collect();
        assert!(lines.len() > 100);
        for line in &lines {
            assert!(matches!(line.split_once(' '), Some((_, "any" | "lower"))), "{line:?}");
        }
        assert!(lines.windows(2).all(|pair| pair[0].split_once(' ') < pair[1].split_once(' ')));
        assert!(matches!(opener("Theo"), Some(Opener::BeforeAny)));
        assert!(matches!(opener("TUY"), Some(Opener::BeforeLower)));
        assert!(opener("Hà").is_none());
    }

    #[test]
    fn empty_and_blank_text_have_no_sentences() {
        assert!(split("").is_empty());
        assert!(split(" \n\n  \n").is_empty());
    }
}
