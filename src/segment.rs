//! Paragraphs and sentences of a normalised text.
//!
//! Vietnamese news is not split by `[.!?]` alone: "TP. Hà Nội" and "PGS.TS. Lê A"
//! carry dots inside a sentence, "3.000" and "1.500.000" are numbers, "..." often
//! stands for an omission in mid-sentence, a stop is followed by closing quotes or
//! brackets that belong to the sentence, and a title line has no final stop at all.
//! All ranges here are byte ranges of the normalised text.

use std::ops::Range;
use std::sync::OnceLock;

use crate::case::{lower_case, lower_char};

/// A sentence: its byte range in the normalised text and the index of its paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// Byte range in the normalised text, without surrounding spaces.
    pub range: Range<usize>,
    /// Index into the paragraphs of the same text.
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

/// Splits each paragraph into sentences, in reading order.
pub fn sentences(text: &str, paragraphs: &[Range<usize>]) -> Vec<Sentence> {
    let mut out = Vec::new();
    for (paragraph, range) in paragraphs.iter().enumerate() {
        let mut start = range.start;
        for end in sentence_ends(&text[range.clone()]) {
            push_trimmed(text, start..range.start + end, paragraph, &mut out);
            start = range.start + end;
        }
        push_trimmed(text, start..range.end, paragraph, &mut out);
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
/// makes the dot part of an abbreviation or an initial rather than a full stop.
fn dot_is_inside(before: &str) -> bool {
    let word = &before[before.rfind([' ', '\n', '(']).map_or(0, |p| p + 1)..];
    let mut letters = word.chars();
    if let (Some(c), None) = (letters.next(), letters.next()) {
        return c.is_uppercase();
    }
    is_abbreviation(word)
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
    fn empty_and_blank_text_have_no_sentences() {
        assert!(split("").is_empty());
        assert!(split(" \n\n  \n").is_empty());
    }
}
