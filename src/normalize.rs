//! Normalisation with an offset map.
//!
//! Pasted Vietnamese arrives in NFC or NFD, with CRLF, non-breaking and zero-width
//! spaces, bidi controls, and with either tone placement ("hoà" / "hòa"). Every
//! analysis works on one normalised form so that a cue word or a stop word matches
//! however it was typed, while every reported span must still point into the text the
//! caller gave. [`Normalized`] holds both: the normalised text and the map back to the
//! original.
//!
//! The map stores only the places where the two texts differ ([`Edit`]s); between
//! them a normalised byte is the original byte at a constant shift. Clean NFC text
//! with `\n` line ends has no edit at all, so the map costs nothing on the common case.

use crate::nfc::{combining_class, compose, decompose, quick_check, QuickCheck};

/// The normalised form of an original text, with the map back to the original.
///
/// The normalised text is NFC, has `\n` as its only line break, ASCII space as its
/// only horizontal space, no invisible characters, and the older ("hòa", "thủy")
/// tone placement on the syllables that are written both ways.
#[derive(Debug, Clone)]
pub struct Normalized {
    text: String,
    /// The differences from the original, in text order.
    edits: Vec<Edit>,
}

/// Normalised bytes `norm` replace original bytes `orig` as a whole: a composed
/// character, a CRLF that became `\n`, a wide space that became `" "`, a dropped
/// invisible character (`norm` empty), a vowel pair whose tone mark moved.
#[derive(Debug, Clone, Copy)]
struct Edit {
    norm: (u32, u32),
    orig: (u32, u32),
}

impl Normalized {
    /// Normalises `original`. Offsets are kept as `u32`: callers bound the input size
    /// well below 4 GiB (see [`crate::MAX_INPUT_BYTES`]).
    pub fn new(original: &str) -> Self {
        let mut out = Builder::with_capacity(original.len());
        let mut group = Group::default();
        let mut i = 0;
        while let Some(c) = original[i..].chars().next() {
            let run = plain_run(&original[i..]);
            if run > 0 {
                out.flush(&mut group);
                if out.orig_end == i {
                    out.copy(&original[i..i + run]);
                    i += run;
                    continue;
                }
            }
            let j = i + c.len_utf8();
            let next = original[j..].chars().next();
            let class = if c.is_ascii() && c != '\r' && (c == '\n' || !c.is_ascii_control()) {
                Class::Other
            } else {
                classify(c)
            };
            let mut end = j;
            match class {
                Class::Invisible => out.drop(i, j, &group),
                Class::Space | Class::LineBreak => {
                    out.flush(&mut group);
                    if c == '\r' && next == Some('\n') {
                        end = j + 1;
                    }
                    out.push(if matches!(class, Class::Space) { ' ' } else { '\n' }, i, end);
                }
                Class::Mark => group.extend(c, j),
                Class::Other => {
                    out.flush(&mut group);
                    if next.is_some_and(is_mark) || !is_nfc(c) {
                        group.start(c, i, j);
                    } else {
                        out.push(c, i, j);
                    }
                }
            }
            i = end;
        }
        out.flush(&mut group);
        fold_tone_placement(Normalized { text: out.text, edits: out.edits })
    }

    /// The normalised text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The original byte range that the normalised byte range `start..end` came from.
    /// Both ends must be char boundaries of the normalised text; an empty range maps
    /// to an empty range. Invisible characters at either end are left out.
    pub fn original_range(&self, start: usize, end: usize) -> (usize, usize) {
        let s = self.original_start(start as u32) as usize;
        if end <= start {
            return (s, s);
        }
        (s, (self.original_end(end as u32) as usize).max(s))
    }

    /// Where the source of the character starting at normalised byte `p` begins.
    fn original_start(&self, p: u32) -> u32 {
        let k = self.edits.partition_point(|e| e.norm.0 <= p);
        match k.checked_sub(1).map(|k| self.edits[k]) {
            None => p,
            Some(e) if p == e.norm.0 && e.norm.0 < e.norm.1 => e.orig.0,
            Some(e) if p < e.norm.1 => e.orig.1,
            Some(e) => e.orig.1 + (p - e.norm.1),
        }
    }

    /// Where the source of the character ending at normalised byte `p` ends.
    fn original_end(&self, p: u32) -> u32 {
        let k = self.edits.partition_point(|e| e.norm.0 < p);
        match k.checked_sub(1).map(|k| self.edits[k]) {
            None => p,
            Some(e) if p <= e.norm.1 => e.orig.1,
            Some(e) => e.orig.1 + (p - e.norm.1),
        }
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
        c if is_mark(c) => Class::Mark,
        _ => Class::Other,
    }
}

/// Whether `c` belongs with the character before it: NFC may reorder it (a non-zero
/// combining class) or compose it with what precedes (a "maybe" of NFC's quick check:
/// Tamil and Kannada vowel signs, Hangul vowel and final jamo). The tables NFC needs
/// answer this, so no table of combining marks is linked; the precomposed Vietnamese
/// letters, most of a text, are answered without a lookup.
pub(crate) fn is_mark(c: char) -> bool {
    match c {
        _ if c < '\u{300}' => false,
        'Ḁ'..='ỿ' => false,
        _ => combining_class(c) != 0 || quick_check(c) == QuickCheck::Maybe,
    }
}

/// The length in bytes of the run at the start of `text` that normalisation copies as
/// it is: printable ASCII, line feeds and the precomposed Latin and Vietnamese letters,
/// but not a letter that combining marks follow (it starts a group). Most of a text is
/// such runs, copied without looking at each character twice.
fn plain_run(text: &str) -> usize {
    let bytes = text.as_bytes();
    let (mut end, mut last) = (0, 0);
    while let Some(&lead) = bytes.get(end) {
        // Read off the UTF-8 bytes rather than decoded: the length of a plain char
        // that starts here, 0 for any other.
        let len = match (lead, bytes.get(end + 1)) {
            (b' '..=b'~' | b'\n', _) => 1,
            // 'À'..='ȿ', then up to 'ɏ'.
            (0xC3..=0xC8, _) | (0xC9, Some(0x80..=0x8F)) => 2,
            // 'Ḁ'..='ỿ'.
            (0xE1, Some(0xB8..=0xBB)) => 3,
            _ => 0,
        };
        if len == 0 {
            let mark = text[end..].chars().next().is_some_and(is_mark);
            return if mark { last } else { end };
        }
        last = end;
        end += len;
    }
    end
}

/// Whether `c` alone is in NFC; ASCII and the precomposed Vietnamese letters are.
fn is_nfc(c: char) -> bool {
    matches!(c, '\0'..='ɏ' | 'Ḁ'..='ỿ') || quick_check(c) == QuickCheck::Yes
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

/// Accumulates the normalised text and its edits.
struct Builder {
    text: String,
    edits: Vec<Edit>,
    /// Where the original is after the last pushed or dropped character.
    orig_end: usize,
}

impl Builder {
    fn with_capacity(n: usize) -> Self {
        Builder { text: String::with_capacity(n), edits: Vec::new(), orig_end: 0 }
    }

    /// Appends `c`, which came from original bytes `start..end`.
    fn push(&mut self, c: char, start: usize, end: usize) {
        let at = self.text.len();
        self.text.push(c);
        if start != self.orig_end || end - start != c.len_utf8() {
            self.edit(at, self.text.len(), start, end);
        }
        self.orig_end = end;
    }

    /// Appends `run`, original bytes from where the last character ended, unchanged.
    fn copy(&mut self, run: &str) {
        self.text.push_str(run);
        self.orig_end += run.len();
    }

    /// Drops original bytes `start..end`, unless they sit inside an open `group`,
    /// whose range then covers them.
    fn drop(&mut self, start: usize, end: usize, group: &Group) {
        if group.chars.is_empty() {
            self.edit(self.text.len(), self.text.len(), start, end);
            self.orig_end = end;
        }
    }

    fn edit(&mut self, norm_start: usize, norm_end: usize, orig_start: usize, orig_end: usize) {
        self.edits
            .push(Edit { norm: (norm_start as u32, norm_end as u32), orig: (orig_start as u32, orig_end as u32) });
    }

    fn flush(&mut self, group: &mut Group) {
        if group.chars.is_empty() {
            return;
        }
        let (start, end) = (group.start, group.end);
        let at = self.text.len();
        push_nfc(&group.chars, &mut self.text);
        // The composed characters stand for the group as a whole: when they are longer or
        // shorter than the original bytes (composed, or an invisible character dropped
        // inside the group), and also when they are the original's characters reordered
        // (marks of two classes), as a byte inside them has no place of its own there.
        if start != self.orig_end || end - start != self.text.len() - at || self.text[at..] != group.chars {
            self.edit(at, self.text.len(), start, end);
        }
        group.chars.clear();
        self.orig_end = end;
    }
}

/// Appends the NFC form of `chars` (a character and the marks that follow it) to `out`:
/// canonical decomposition, canonical ordering of the marks, canonical composition,
/// each step on the character tables of [`crate::nfc`]. Not unicode-normalization's
/// `nfc()`: it would link that crate's compatibility tables and its perfect-hash
/// tables, which barely compress, into the wasm.
fn push_nfc(chars: &str, out: &mut String) {
    let mut decomposed: Vec<(u8, char)> = Vec::with_capacity(chars.len());
    for c in chars.chars() {
        decompose(c, |d| decomposed.push((combining_class(d), d)));
    }
    // Canonical ordering: a stable insertion sort of each run of marks by class (runs
    // are a few marks long).
    for i in 1..decomposed.len() {
        let mut k = i;
        while k > 0 && decomposed[k].0 != 0 && decomposed[k - 1].0 > decomposed[k].0 {
            decomposed.swap(k - 1, k);
            k -= 1;
        }
    }
    // Canonical composition: each character joins the last starter unless a character
    // left between them blocks it (a starter, or a mark of the same or a higher class).
    let mut composed: Vec<char> = Vec::with_capacity(decomposed.len());
    let mut starter: Option<usize> = None;
    let mut last_class: Option<u8> = None;
    for (class, c) in decomposed {
        if let Some(s) = starter {
            let blocked = last_class.is_some_and(|last| last >= class);
            if let Some(joined) = compose(composed[s], c).filter(|_| !blocked) {
                composed[s] = joined;
                continue;
            }
        }
        if class == 0 {
            starter = Some(composed.len());
            last_class = None;
        } else {
            last_class = Some(class);
        }
        composed.push(c);
    }
    out.extend(composed);
}

/// Moves the tone mark of "oa", "oe" and "uy" at the end of a syllable to the first
/// vowel ("hoà" → "hòa", "khoẻ" → "khỏe", "thuỷ" → "thủy"), the placement most
/// Vietnamese news uses, so both spellings match the same words. "qu" + "y" keeps its
/// mark ("quý"): there the "u" belongs to the consonant.
fn fold_tone_placement(n: Normalized) -> Normalized {
    // The new placement is rare in news: find its few places by their ASCII first vowel
    // and the lead byte of a non-ASCII second one (toned vowels start at U+00C0, C3 80).
    // A plain loop by index that looks back only from those lead bytes: as an iterator
    // chain over byte pairs, each step went through the adapters' calls, and
    // `enumerate().skip(1)` tested its skip at every byte.
    let bytes = n.text.as_bytes();
    let mut folds: Vec<(usize, char, char)> = Vec::new();
    for i in 1..bytes.len() {
        if bytes[i] >= 0xC3 && matches!(bytes[i - 1] | 0x20, b'o' | b'u') {
            if let Some((toned, plain)) = folded_pair(&n.text, i - 1) {
                folds.push((i - 1, toned, plain));
            }
        }
    }
    if folds.is_empty() {
        return n;
    }
    let mut text = String::with_capacity(n.text.len());
    let mut edits = Vec::with_capacity(n.edits.len() + folds.len());
    let mut old_edits = n.edits.iter().peekable();
    // `text` holds the normalised text up to old byte `copied`, rewritten.
    let mut copied = 0;
    let moved = |e: &Edit, text: &str, copied: usize| {
        let shift = |p: u32| p + text.len() as u32 - copied as u32;
        Edit { norm: (shift(e.norm.0), shift(e.norm.1)), orig: e.orig }
    };
    for (at, toned, plain) in folds {
        let pair_end = at + 1 + n.text[at + 1..].chars().next().map_or(0, char::len_utf8);
        while let Some(e) = old_edits.next_if(|e| e.norm.1 as usize <= at) {
            edits.push(moved(e, &text, copied));
        }
        // Edits inside the pair (an NFD vowel, a dropped invisible) merge into its edit.
        while old_edits.next_if(|e| (e.norm.0 as usize) < pair_end).is_some() {}
        let (orig_start, orig_end) = n.original_range(at, pair_end);
        text.push_str(&n.text[copied..at]);
        let norm_start = text.len() as u32;
        text.push(toned);
        text.push(plain);
        edits.push(Edit { norm: (norm_start, text.len() as u32), orig: (orig_start as u32, orig_end as u32) });
        copied = pair_end;
    }
    edits.extend(old_edits.map(|e| moved(e, &text, copied)));
    text.push_str(&n.text[copied..]);
    Normalized { text, edits }
}

/// The old-style spelling of the vowel pair starting at byte `at` of `text` (an ASCII
/// "o"/"u"), when it is an "oa"/"oe"/"uy" at a syllable's end with the tone on its
/// second vowel.
fn folded_pair(text: &str, at: usize) -> Option<(char, char)> {
    let first = char::from(text.as_bytes()[at]);
    let mut after = text[at + 1..].chars();
    let (plain, tone) = moved_tone(after.next()?)?;
    let after_q = text[..at].ends_with(['q', 'Q']);
    let syllable_ends = after.next().is_none_or(|d| !d.is_alphanumeric() && !is_mark(d));
    if after_q || !syllable_ends {
        return None;
    }
    Some((with_tone(first, plain, tone)?, plain))
}

/// Vowels "a", "e", "y" carrying a tone mark, as (plain vowel, tone index 0..5).
fn moved_tone(c: char) -> Option<(char, usize)> {
    if c < 'À' {
        return None;
    }
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

    /// NFC of `chars` through [`push_nfc`].
    fn nfc(chars: &str) -> String {
        let mut out = String::new();
        push_nfc(chars, &mut out);
        out
    }

    #[test]
    fn composition_agrees_with_the_crates_nfc() {
        use unicode_normalization::UnicodeNormalization;
        // Every character alone, and every base of the lower planes and a Hangul
        // sample followed by marks of different classes in both orders.
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let s = c.to_string();
            assert_eq!(nfc(&s), s.nfc().collect::<String>(), "{c:?}");
        }
        let marks = [
            '\u{300}', '\u{301}', '\u{302}', '\u{303}', '\u{306}', '\u{309}', '\u{31B}', '\u{323}', '\u{327}',
            '\u{345}', '\u{5B0}', '\u{93C}', '\u{3099}',
        ];
        let bases =
            (0..0x3100).chain(0x1100..0x1176).chain(0xAC00..0xAC40).chain(0x1E00..0x1F00).filter_map(char::from_u32);
        for base in bases {
            for (i, a) in marks.iter().enumerate() {
                for b in &marks[i..] {
                    for s in [format!("{base}{a}{b}"), format!("{base}{b}{a}"), format!("{base}{a}{b}{a}\u{1161}")] {
                        assert_eq!(nfc(&s), s.nfc().collect::<String>(), "{s:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn marks_only_reordered_map_back_to_whole_characters() {
        // NFC puts U+0316 (class 220) before U+08CA (class 230): the same bytes in another
        // order, so a boundary between them has no place in the original.
        let original = "x \u{8CA}\u{316} y";
        let n = Normalized::new(original);
        assert_eq!(n.text(), "x \u{316}\u{8CA} y");
        let boundaries: Vec<usize> = n.text().char_indices().map(|(i, _)| i).chain([n.text().len()]).collect();
        for &start in &boundaries {
            for &end in boundaries.iter().filter(|&&end| end >= start) {
                let (s, e) = n.original_range(start, end);
                assert!(original.is_char_boundary(s) && original.is_char_boundary(e), "{start}..{end} -> {s}..{e}");
            }
        }
        assert_eq!(back(original, &n, 1, n.text().len() - 2), " \u{8CA}\u{316}");
    }

    #[test]
    fn marks_around_a_dropped_invisible_map_back_to_whole_characters() {
        // The zero-width space inside the group is dropped, and the marks stay as they
        // were: the group is shorter than its original bytes, so it is an edit.
        let original = "\u{301}\u{200B}\u{301}";
        let n = Normalized::new(original);
        assert_eq!(n.text(), "\u{301}\u{301}");
        for end in [0, 2, 4] {
            let (s, e) = n.original_range(0, end);
            assert!(original.is_char_boundary(s) && original.is_char_boundary(e), "0..{end} -> {s}..{e}");
        }
        assert_eq!(back(original, &n, 0, 4), original);
    }

    #[test]
    fn marks_and_composing_letters_join_their_base() {
        use unicode_normalization::UnicodeNormalization;
        let decomposed = [
            "Vie\u{323}\u{302}t Nam",
            "\u{BC6}\u{BBE} \u{1100}\u{1161}\u{11A8} \u{CBF}\u{CD5}",
            "a\u{301}\u{FE0F}b \u{2764}\u{FE0F} \u{5D1}\u{5BC}\u{5B0}",
        ];
        for text in decomposed {
            assert_eq!(Normalized::new(text).text(), text.nfc().collect::<String>(), "{text:?}");
        }
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
    fn nfd_and_invisible_characters_inside_a_folded_pair_map_to_the_whole_pair() {
        let original = "x ho\u{200B}a\u{300} y";
        let n = Normalized::new(original);
        assert_eq!(n.text(), "x hòa y");
        let start = "x h".len();
        assert_eq!(back(original, &n, start, start + "òa".len()), "o\u{200B}a\u{300}");
        assert_eq!(back(original, &n, start + "òa ".len(), n.text().len()), "y");
    }

    #[test]
    fn clean_text_needs_no_edits() {
        let n = Normalized::new("Thủ tướng yêu cầu tỉnh tập trung.\nHết.");
        assert!(n.edits.is_empty());
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
