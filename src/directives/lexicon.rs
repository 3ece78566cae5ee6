//! The directive lexicons (`data/directive-cues.txt`, `data/titles.txt`,
//! `data/organisations.txt`, `data/action-verbs.txt`, and the verbs of the UD
//! Vietnamese treebank in `data/treebank-verbs.txt`), loaded once and matched on whole
//! syllables.
//!
//! Every phrase is normalised like the text (NFC, folded tone placement) and lower-cased,
//! so "Uỷ ban" in an article matches "Ủy ban" in a table.

use std::sync::OnceLock;

use super::grammar::{list, List};
use super::words::Words;
use super::DirectiveKind;
use crate::phrases::Phrases;

/// Where a cue's parties stand in its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Issuer before, addressee after: "Thủ tướng yêu cầu tỉnh ...".
    Verb,
    /// The subject before is the addressee: "tỉnh phải ...".
    Modal,
    /// The subject before is the addressee, given a task: "Bộ được giao ...".
    Passive,
}

/// What a cue phrase makes of a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cue {
    /// The digest's kind of directive.
    pub kind: DirectiveKind,
    /// Where its parties stand.
    pub role: Role,
}

/// What a party word is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Party {
    /// A title of a person: "Thủ tướng", "Bộ trưởng".
    Title,
    /// The head of a body's name: "Bộ", "UBND", "tỉnh".
    Head,
    /// A group noun or determiner: "các", "địa phương", "nhà đầu tư".
    Group,
    /// A fixed name inside a body's name: "Kế hoạch và Đầu tư".
    Name,
}

/// What an action word is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// A verb that starts an action.
    Verb,
    /// An adverb kept before the verb.
    Adverb,
}

/// Every directive lexicon.
#[derive(Debug)]
pub struct Lexicon {
    /// Cue phrases.
    pub cues: Phrases<Cue>,
    /// Titles, heads, group nouns and fixed names of parties.
    pub parties: Phrases<Party>,
    /// Action verbs and adverbs.
    pub actions: Phrases<Action>,
    /// Words of the UD Vietnamese treebank, true when mostly a verb.
    pub verbs: Phrases<bool>,
}

impl Lexicon {
    /// Whether a cue word starts at `i`, not counting "giao" inside another word
    /// ("giao thông", "bàn giao") or a cue inside a body's name ("Ban Chỉ đạo"). Here,
    /// below the parties and the cues, because a party's phrase ends where a cue begins.
    pub fn cue_word_at(&self, words: &Words, i: usize) -> bool {
        words.longest(&self.cues, i).is_some() && !giao_in_word(words, i) && !self.in_name(words, i)
    }

    /// Whether token `i` is inside the name of a party that a capital starts one or two
    /// tokens before it: "chỉ đạo" of "Ban chỉ đạo", "Trưởng Ban Chỉ đạo", "Văn phòng
    /// Ban chỉ đạo" is the body's name, and the cue of its sentence comes after it.
    /// Matched on syllables: the segmenter may glue the head to the title before it
    /// ("Phó trưởng Ban Chỉ đạo").
    pub fn in_name(&self, words: &Words, i: usize) -> bool {
        (i.saturating_sub(2)..i)
            .any(|j| words.is_capital(j) && self.parties.longest(&words.lower, j).is_some_and(|(n, _)| j + n > i))
    }
}

/// Whether token `i` is "giao" as a syllable of another word.
pub fn giao_in_word(words: &Words, i: usize) -> bool {
    words.at(i) == "giao"
        && (words.is(i + 1, list(List::GiaoAfter))
            || i.checked_sub(1).is_some_and(|before| words.is(before, list(List::GiaoBefore))))
}

/// The lexicons, built on first use.
pub fn get() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| Lexicon {
        cues: Phrases::new(tagged(crate::data::table!("directive-cues.txt"), 2).filter_map(|(tags, phrase)| {
            let mut tags = tags.split(' ');
            let kind = kind(tags.next()?)?;
            let role = match tags.next()? {
                "verb" => Role::Verb,
                "modal" => Role::Modal,
                "passive" => Role::Passive,
                _ => return None,
            };
            Some((phrase, Cue { kind, role }))
        })),
        parties: Phrases::new(
            crate::data::lines(crate::data::table!("titles.txt")).map(|line| (line.to_string(), Party::Title)).chain(
                tagged(crate::data::table!("organisations.txt"), 1).filter_map(|(tag, phrase)| {
                    let party = match tag {
                        "head" => Party::Head,
                        "group" => Party::Group,
                        "name" => Party::Name,
                        _ => return None,
                    };
                    Some((phrase, party))
                }),
            ),
        ),
        actions: Phrases::new(tagged(crate::data::table!("action-verbs.txt"), 1).filter_map(|(tag, phrase)| {
            let action = match tag {
                "verb" => Action::Verb,
                "adverb" => Action::Adverb,
                _ => return None,
            };
            Some((phrase, action))
        })),
        verbs: Phrases::new(treebank(crate::data::table!("treebank-verbs.txt"))),
    })
}

/// The lines of a table whose entries start with `tags` space-separated tags: the tags
/// and the phrase after them.
fn tagged(table: &'static str, tags: usize) -> impl Iterator<Item = (&'static str, String)> {
    crate::data::lines(table).filter_map(move |line| {
        let split = line.match_indices(' ').nth(tags.checked_sub(1)?)?.0;
        Some((&line[..split], line[split..].trim().to_string()))
    })
}

/// The words of the treebank table, true when mostly a verb. A line holds a tag, a
/// first syllable and the rests of the words that start with it: "verb chỉ |đạo|định"
/// is "chỉ", "chỉ đạo" and "chỉ định" (an empty rest is the syllable alone).
fn treebank(table: &'static str) -> impl Iterator<Item = (String, bool)> {
    crate::data::lines(table).flat_map(|line| {
        let mut parts = line.splitn(3, ' ');
        let (tag, first) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
        parts.next().unwrap_or("").split('|').map(move |rest| match rest {
            "" => (first.to_string(), tag == "verb"),
            _ => (format!("{first} {rest}"), tag == "verb"),
        })
    })
}

fn kind(name: &str) -> Option<DirectiveKind> {
    Some(match name {
        "require" => DirectiveKind::Require,
        "direct" => DirectiveKind::Direct,
        "request" => DirectiveKind::Request,
        "assign" => DirectiveKind::Assign,
        "prohibit" => DirectiveKind::Prohibit,
        "rule" => DirectiveKind::Rule,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        crate::phrases::syllables(text)
    }

    #[test]
    fn every_table_loads_with_its_tags() {
        let lexicon = get();
        let w = words("Thủ tướng yêu cầu UBND tỉnh khẩn trương kiểm tra");
        assert_eq!(lexicon.parties.longest(&w, 0), Some((2, Party::Title)));
        assert_eq!(
            lexicon.cues.longest(&w, 2).map(|(n, c)| (n, c.role, c.kind)),
            Some((2, Role::Verb, DirectiveKind::Require))
        );
        assert_eq!(lexicon.parties.longest(&w, 4), Some((1, Party::Head)));
        assert_eq!(lexicon.actions.longest(&w, 6), Some((2, Action::Adverb)));
        assert_eq!(lexicon.actions.longest(&w, 8), Some((2, Action::Verb)));
    }

    #[test]
    fn longest_phrase_wins_and_tone_placement_is_folded() {
        let lexicon = get();
        let w = words("Phó Thủ tướng Chính phủ gửi Uỷ ban nhân dân");
        assert_eq!(lexicon.parties.longest(&w, 0), Some((5, Party::Title)));
        assert_eq!(lexicon.parties.longest(&w, 6), Some((4, Party::Head)));
        let w = words("không được phép");
        assert_eq!(lexicon.cues.longest(&w, 0).map(|(n, _)| n), Some(3));
    }
}
