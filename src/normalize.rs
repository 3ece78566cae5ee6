//! Normalisation with an offset map.
//!
//! Pasted Vietnamese arrives in NFC or NFD, with CRLF, non-breaking and zero-width
//! spaces, bidi controls, and with either tone placement ("hoà" / "hòa"). Every
//! analysis works on one normalised form so that a cue word or a stop word matches
//! however it was typed, while every reported span must still point into the text the
//! caller gave. [`Normalized`] holds both: the normalised text and, for each of its
//! characters, the range of original bytes it came from.

use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// The normalised form of an original text, with the map back to the original.
///
/// The normalised text is NFC, has `\n` as its only line break, ASCII space as its
/// only horizontal space, no invisible characters, and the older ("hòa", "thủy")
/// tone placement on the syllables that are written both ways.
#[derive(Debug, Clone)]
pub struct Normalized {
    text: String,
    /// `starts[i]`: where, in the original, the source of the character starting at
    /// normalised byte `i` begins. Set at every char boundary of `text`.
    starts: Vec<u32>,
    /// `ends[i]`: where, in the original, the source of the character ending at
    /// normalised byte `i` ends. Set at every char boundary of `text`.
    ends: Vec<u32>,
}

impl Normalized {
    /// Normalises `original`. Offsets are kept as `u32`: callers bound the input size
    /// well below 4 GiB (see [`crate::MAX_INPUT_BYTES`]).
    pub fn new(original: &str) -> Self {
        let mut out = Builder::with_capacity(original.len());
        let mut group = Group::default();
        let mut chars = original.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            let j = i + c.len_utf8();
            if c.is_ascii() && c != '\r' && (c == '\n' || !c.is_ascii_control()) {
                out.flush(&mut group);
                if chars.peek().is_some_and(|&(_, next)| !next.is_ascii()) {
                    // A base letter of NFD text: the marks that follow compose with it.
                    group.start(c, i, j);
                } else {
                    out.push(c, i, j);
                }
                continue;
            }
            match classify(c) {
                Class::Invisible => {}
                Class::Space => {
                    out.flush(&mut group);
                    out.push(' ', i, j);
                }
                Class::LineBreak => {
                    out.flush(&mut group);
                    let mut end = j;
                    if c == '\r' {
                        if let Some(&(k, '\n')) = chars.peek() {
                            chars.next();
                            end = k + 1;
                        }
                    }
                    out.push('\n', i, end);
                }
                Class::Mark => group.extend(c, j),
                Class::Other => {
                    out.flush(&mut group);
                    group.start(c, i, j);
                }
            }
        }
        out.flush(&mut group);
        out.finish()
    }

    /// The normalised text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The original byte range that the normalised byte range `start..end` came from.
    /// Both ends must be char boundaries of the normalised text; an empty range maps
    /// to an empty range.
    pub fn original_range(&self, start: usize, end: usize) -> (usize, usize) {
        let s = self.starts[start] as usize;
        if end <= start {
            return (s, s);
        }
        (s, (self.ends[end] as usize).max(s))
    }
}

/// What normalisation does with a character outside plain ASCII text.
enum Class {
    /// Dropped: zero-width spaces and joiners, BOM, soft hyphen, bidi controls,
    /// other control characters.
    Invisible,
    /// Becomes one ASCII space.
    Space,
    /// Becomes `\n`.
    LineBreak,
    /// A combining mark: composed with the character before it.
    Mark,
    /// Kept (after NFC composition).
    Other,
}

fn classify(c: char) -> Class {
    match c {
        '\r' | '\n' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}' => Class::LineBreak,
        '\t' | '\u{A0}' | '\u{1680}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => Class::Space,
        '\u{AD}'
        | '\u{034F}'
        | '\u{061C}'
        | '\u{180E}'
        | '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{206F}'
        | '\u{FEFF}'
        | '\u{FFF9}'..='\u{FFFB}' => Class::Invisible,
        c if c.is_control() => Class::Invisible,
        c if unicode_normalization::char::is_combining_mark(c) => Class::Mark,
        _ => Class::Other,
    }
}

/// A base character with the combining marks that follow it, composed together.
#[derive(Default)]
struct Group {
    chars: String,
    start: usize,
    end: usize,
}

impl Group {
    fn start(&mut self, c: char, start: usize, end: usize) {
        self.chars.clear();
        self.chars.push(c);
        self.start = start;
        self.end = end;
    }

    fn extend(&mut self, c: char, end: usize) {
        if self.chars.is_empty() {
            self.start = end - c.len_utf8();
        }
        self.chars.push(c);
        self.end = end;
    }
}

/// Accumulates the normalised text and its two maps.
struct Builder {
    text: String,
    starts: Vec<u32>,
    ends: Vec<u32>,
}

impl Builder {
    fn with_capacity(n: usize) -> Self {
        let mut starts = Vec::with_capacity(n + 1);
        let mut ends = Vec::with_capacity(n + 1);
        starts.push(0);
        ends.push(0);
        Builder { text: String::with_capacity(n), starts, ends }
    }

    /// Appends `c`, which came from original bytes `start..end`.
    fn push(&mut self, c: char, start: usize, end: usize) {
        let at = self.text.len();
        self.starts[at] = start as u32;
        self.text.push(c);
        // Bytes inside a multi-byte char are never boundaries; fill them so the
        // vectors stay indexable by byte offset.
        for _ in 0..c.len_utf8() {
            self.starts.push(end as u32);
            self.ends.push(start as u32);
        }
        let len = self.text.len();
        self.ends[len] = end as u32;
    }

    fn flush(&mut self, group: &mut Group) {
        if group.chars.is_empty() {
            return;
        }
        let (start, end) = (group.start, group.end);
        let mut only = group.chars.chars();
        let first = only.next();
        if let (Some(c), None) = (first, only.next()) {
            if is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes {
                self.push(c, start, end);
                group.chars.clear();
                return;
            }
        }
        // When composition leaves several characters, the first stands for the whole
        // group and the others for nothing, so that ranges split inside the group
        // still map to ordered, non-overlapping ranges of the original.
        for (k, c) in group.chars.nfc().enumerate() {
            self.push(c, if k == 0 { start } else { end }, end);
        }
        group.chars.clear();
    }

    fn finish(self) -> Normalized {
        let Builder { text, starts, ends } = self;
        fold_tone_placement(Normalized { text, starts, ends })
    }
}

/// Moves the tone mark of "oa", "oe" and "uy" at the end of a syllable to the first
/// vowel ("hoà" → "hòa", "khoẻ" → "khỏe", "thuỷ" → "thủy"), the placement most
/// Vietnamese news uses, so both spellings match the same words. "qu" + "y" keeps its
/// mark ("quý"): there the "u" belongs to the consonant.
fn fold_tone_placement(n: Normalized) -> Normalized {
    if !n.text.chars().any(|c| moved_tone(c).is_some()) {
        return n;
    }
    let mut out = Builder::with_capacity(n.text.len());
    let chars: Vec<(usize, char)> = n.text.char_indices().collect();
    let mut k = 0;
    while k < chars.len() {
        let (i, c) = chars[k];
        if let Some(&(j, next)) = chars.get(k + 1) {
            let after_q = k > 0 && matches!(chars[k - 1].1, 'q' | 'Q');
            let syllable_ends = chars.get(k + 2).is_none_or(|&(_, d)| !d.is_alphanumeric());
            if let (Some((plain, tone)), true) = (moved_tone(next), syllable_ends && !after_q) {
                if let Some(toned) = with_tone(c, plain, tone) {
                    let end = j + next.len_utf8();
                    let (s, e) = (n.starts[i] as usize, n.ends[end] as usize);
                    out.push(toned, s, e);
                    out.push(plain, s, e);
                    k += 2;
                    continue;
                }
            }
        }
        let end = i + c.len_utf8();
        out.push(c, n.starts[i] as usize, n.ends[end] as usize);
        k += 1;
    }
    Normalized { text: out.text, starts: out.starts, ends: out.ends }
}

/// Vowels "a", "e", "y" carrying a tone mark, as (plain vowel, tone index 0..5).
fn moved_tone(c: char) -> Option<(char, usize)> {
    const TONED: [(char, [char; 5]); 6] = [
        ('a', ['á', 'à', 'ả', 'ã', 'ạ']),
        ('e', ['é', 'è', 'ẻ', 'ẽ', 'ẹ']),
        ('y', ['ý', 'ỳ', 'ỷ', 'ỹ', 'ỵ']),
        ('A', ['Á', 'À', 'Ả', 'Ã', 'Ạ']),
        ('E', ['É', 'È', 'Ẻ', 'Ẽ', 'Ẹ']),
        ('Y', ['Ý', 'Ỳ', 'Ỷ', 'Ỹ', 'Ỵ']),
    ];
    TONED.iter().find_map(|(plain, toned)| toned.iter().position(|&t| t == c).map(|tone| (*plain, tone)))
}

/// `first` ("o"/"u") with tone `tone`, when `first` + `second` is a pair whose
/// placement varies ("oa", "oe", "uy").
fn with_tone(first: char, second: char, tone: usize) -> Option<char> {
    const O: [char; 5] = ['ó', 'ò', 'ỏ', 'õ', 'ọ'];
    const U: [char; 5] = ['ú', 'ù', 'ủ', 'ũ', 'ụ'];
    const O_UP: [char; 5] = ['Ó', 'Ò', 'Ỏ', 'Õ', 'Ọ'];
    const U_UP: [char; 5] = ['Ú', 'Ù', 'Ủ', 'Ũ', 'Ụ'];
    let table = match (first, second.to_ascii_lowercase()) {
        ('o', 'a' | 'e') => &O,
        ('O', 'a' | 'e') => &O_UP,
        ('u', 'y') => &U,
        ('U', 'y') => &U_UP,
        _ => return None,
    };
    Some(table[tone])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn back<'a>(original: &'a str, n: &Normalized, start: usize, end: usize) -> &'a str {
        let (s, e) = n.original_range(start, end);
        &original[s..e]
    }

    #[test]
    fn nfd_is_composed_and_maps_back_to_the_combining_sequence() {
        let original = "Vie\u{0302}\u{0323}t Nam";
        let n = Normalized::new(original);
        assert_eq!(n.text(), "Việt Nam");
        assert_eq!(back(original, &n, 0, "Việt".len()), "Vie\u{0302}\u{0323}t");
    }

    #[test]
    fn crlf_lone_cr_and_unicode_spaces_are_plain() {
        let original = "a\r\nb\rc\u{A0}d\u{2009}e\tf";
        let n = Normalized::new(original);
        assert_eq!(n.text(), "a\nb\nc d e f");
        assert_eq!(back(original, &n, 1, 2), "\r\n");
    }

    #[test]
    fn invisible_characters_are_dropped_but_spans_still_map() {
        let original = "\u{FEFF}Hà\u{200B} Nội\u{202E}";
        let n = Normalized::new(original);
        assert_eq!(n.text(), "Hà Nội");
        assert_eq!(back(original, &n, 0, n.text().len()), "Hà\u{200B} Nội");
        assert_eq!(back(original, &n, "Hà ".len(), n.text().len()), "Nội");
    }

    #[test]
    fn both_tone_placements_fold_to_one() {
        for (new_style, old_style) in [
            ("hoà bình", "hòa bình"),
            ("sức khoẻ", "sức khỏe"),
            ("thuỷ điện", "thủy điện"),
            ("HOÀ", "HÒA"),
            ("Thuỵ Điển", "Thụy Điển"),
        ] {
            assert_eq!(Normalized::new(new_style).text(), old_style, "{new_style}");
            assert_eq!(Normalized::new(old_style).text(), old_style);
        }
    }

    #[test]
    fn tone_folding_leaves_other_syllables_alone() {
        for word in ["hoàn thành", "quý", "quỳnh", "khuya", "toàn", "Thuyền"] {
            assert_eq!(Normalized::new(word).text(), word);
        }
    }

    #[test]
    fn folded_syllable_maps_back_to_the_original_spelling() {
        let original = "hoà bình";
        let n = Normalized::new(original);
        assert_eq!(back(original, &n, 0, "hòa".len()), "hoà");
    }

    #[test]
    fn astral_characters_keep_their_bytes() {
        let original = "Cờ 🇻🇳 và 😀!";
        let n = Normalized::new(original);
        assert_eq!(n.text(), original);
        let at = original.find('😀').unwrap();
        assert_eq!(back(original, &n, at, at + 4), "😀");
    }
}
