//! What the decision reads of a candidate directive: short named features of its cue,
//! its parties, the marker words before and after the cue, the verb heading its action
//! and the sentence and article around it.
//!
//! The rules ([`super::cues`], [`super::parties`]) propose candidates; these features
//! let a fitted model ([`super::decision`]) tell an order from an opinion, a report,
//! a penalty, a proposal or a cue word inside a name. Each feature is named by words
//! ("cue yêu cầu", "issuer title thủ tướng"); the digest reads only the hash of the name
//! ([`Feature`] for `u32`), so no string is formatted per candidate and the decision's
//! table holds hashes; the fit reads the names ([`Feature`] for `String`). The fit
//! chooses which features the model asks about, so a new feature needs only a refit.

use std::ops::Range;

use super::cues::Veto;
use super::grammar::{list, List};
use super::lexicon::{Action, Lexicon, Party};
use super::parties;
use super::words::Words;
use super::{DirectiveKind, Extracted};

/// How the rules reached a candidate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// A cue word of its own sentence.
    Cue,
    /// A task after a directive or a colon, with no cue word.
    FollowOn,
    /// A second order joined to the first by a coordinated verb of requesting.
    Coordinated,
}

/// What the sentences before a candidate say, and what the rules found against it.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    /// How the rules reached it.
    pub source: Source,
    /// The kind of the previous sentence's candidate, if it had one.
    pub previous: Option<DirectiveKind>,
    /// Whether the previous sentence ends with a colon.
    pub after_colon: bool,
    /// Whether it is the first sentence of the text (often a heading).
    pub first: bool,
    /// How many sentences back the nearest sentence that names an authority is (0:
    /// its own), if one does: orders are given where authorities are written about,
    /// opinions and reports often farther from them.
    pub since_authority: Option<usize>,
    /// Why its cue may not give an order here.
    pub vetoes: &'a [Veto],
}

/// A feature made from the words of its name: the hash of the name, which the decision
/// reads, or the name itself, which the fit writes beside it.
pub trait Feature: Ord + Clone {
    /// The feature named by `words` joined by spaces.
    fn named<'w>(words: impl IntoIterator<Item = &'w str>) -> Self;
}

impl Feature for u32 {
    fn named<'w>(words: impl IntoIterator<Item = &'w str>) -> Self {
        let mut hash = FNV_OFFSET;
        for (i, word) in words.into_iter().enumerate() {
            if i > 0 {
                hash = fnv(hash, b" ");
            }
            hash = fnv(hash, word.as_bytes());
        }
        fold(hash)
    }
}

impl Feature for String {
    fn named<'w>(words: impl IntoIterator<Item = &'w str>) -> Self {
        words.into_iter().collect::<Vec<_>>().join(" ")
    }
}

/// The hash of feature `name`, as the decision reads it: FNV-1a of its UTF-8 folded to
/// [`HASH_BITS`] bits. Short code; the fit reads features that share a hash as one.
pub fn hash(name: &str) -> u32 {
    fold(fnv(FNV_OFFSET, name.as_bytes()))
}

/// The bits of a feature's hash: with a few hundred features in the table, one the fit
/// never saw meets one of them by chance once in some 50,000 look-ups, and each hash
/// takes eight digits or fewer in the table.
pub const HASH_BITS: u32 = 24;

const FNV_OFFSET: u32 = 0x811c_9dc5;

/// The 32 bits of FNV-1a folded to [`HASH_BITS`] by exclusive or, as its authors
/// advise for shorter hashes.
fn fold(hash: u32) -> u32 {
    (hash >> HASH_BITS) ^ (hash & ((1 << HASH_BITS) - 1))
}

/// `hash` carried over `bytes` by FNV-1a.
fn fnv(hash: u32, bytes: &[u8]) -> u32 {
    bytes.iter().fold(hash, |h, &b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193))
}

/// The small numbers of feature names.
const NUMBERS: [&str; 9] = ["0", "1", "2", "3", "4", "5", "6", "7", "8"];

/// The features of candidate `d` of the sentence `words`.
pub fn of<F: Feature>(words: &Words, lexicon: &Lexicon, d: &Extracted, context: &Context) -> Vec<F> {
    let cue = words.tokens(d.cue.clone());
    let cue_words = &words.lower[cue.clone()];
    let before = cue.start.checked_sub(1).map_or("^", |k| words.at(k));
    let after = if cue.end < words.len() { words.at(cue.end) } else { "$" };
    let kind = kind_name(d.kind);
    let source = match context.source {
        Source::Cue => "cue",
        Source::FollowOn => "follow-on",
        Source::Coordinated => "coordinated",
    };
    let issuer = d.issuer.clone().map(|r| party(words, lexicon, words.tokens(r)));
    let addressee = d.addressee.clone().map(|r| party(words, lexicon, words.tokens(r)));
    let issuer_class = issuer.map_or("none", |p| p.0);
    let addressee_class = addressee.map_or("none", |p| p.0);
    let at = if cue.start == 0 {
        "start"
    } else if cue.start < 4 {
        "near start"
    } else {
        "inside"
    };
    // A name: fixed words, then the cue's words, then fixed words.
    let with_cue = |head: &[&str], tail: &[&str]| {
        F::named(head.iter().copied().chain(cue_words.iter().copied()).chain(tail.iter().copied()))
    };
    let with_party = |role: &'static str, p: Option<(&'static str, &[&str])>| match p {
        Some((class, head)) => F::named([role, class].into_iter().chain(head.iter().copied())),
        None => F::named([role, "none"]),
    };
    let mut f = vec![
        F::named(["bias"]),
        with_cue(&["cue"], &[]),
        F::named(["kind", kind, source]),
        with_cue(&["before", before], &[]),
        with_cue(&["after"], &[after]),
        with_cue(&["next"], &[shape(words, lexicon, cue.end)]),
        F::named(["previous word", shape(words, lexicon, cue.start.wrapping_sub(1))]),
        F::named(["issuer", issuer_class]),
        with_party("issuer", issuer),
        F::named(["issuer", issuer_class, kind]),
        F::named(["addressee", addressee_class]),
        with_party("addressee", addressee),
        F::named(["parties", issuer_class, addressee_class]),
        F::named(["actions", NUMBERS[d.actions.len().min(4)]]),
        F::named(["length", NUMBERS[(words.len() / 10).min(6)]]),
        F::named(["at", at]),
    ];
    if let Some(first) = d.actions.first() {
        f.push(F::named(
            ["action head"]
                .into_iter()
                .chain(action_head(words, lexicon, words.tokens(first.clone()).start).iter().copied()),
        ));
    }
    if words.is_capital(cue.start) && cue.start > 0 && !words.is_punct(cue.start - 1) {
        f.push(F::named(["cue capital inside"]));
    }
    let quotes_before = (0..cue.start).filter(|&k| words.is_quote(k)).count();
    if quotes_before % 2 == 1 {
        f.push(F::named(["cue quoted"]));
    } else if (0..words.len()).any(|k| words.is_quote(k)) {
        f.push(F::named(["quote elsewhere"]));
    }
    let last = words.len().saturating_sub(1);
    if words.is(last, &["?"]) {
        f.push(F::named(["question"]));
    }
    if !words.is_punct(last) {
        f.push(F::named(["no end mark"]));
    }
    for k in 0..cue.start {
        if let Some(n) = words.phrase_at(k, list(List::Markers)) {
            let marker = &words.lower[k..k + n];
            let near = if cue.start - k <= 3 { "near" } else { "far" };
            f.push(F::named(["marker"].into_iter().chain(marker.iter().copied())));
            f.push(F::named(["marker", near].into_iter().chain(marker.iter().copied())));
        }
    }
    // The same words after the cue say what follows it: the speaker of a view ("...,
    // ông X nói"), a past or a condition ("đã", "nếu ... thì"), a purpose or a copula.
    for k in cue.end..words.len() {
        if let Some(n) = words.phrase_at(k, list(List::Markers)) {
            f.push(F::named(["marker after"].into_iter().chain(words.lower[k..k + n].iter().copied())));
        }
    }
    f.push(F::named(["previous", context.previous.map_or("none", kind_name)]));
    if context.after_colon {
        f.push(F::named(["after colon"]));
    }
    if context.first {
        f.push(F::named(["first sentence"]));
    }
    let since = match context.since_authority {
        Some(d @ 0..=1) => NUMBERS[d],
        Some(2 | 3) => "2",
        Some(_) => "4",
        None => "none",
    };
    f.push(F::named(["since authority", since]));
    for veto in context.vetoes {
        f.push(F::named(["veto", veto.name()]));
        f.push(F::named(["veto", veto.name(), kind]));
        f.push(F::named(["veto group", veto.group()]));
    }
    if !context.vetoes.is_empty() {
        f.push(F::named(["vetoed"]));
    }
    f.sort_unstable();
    f.dedup();
    f
}

/// The name of a kind of directive, in features.
fn kind_name(kind: DirectiveKind) -> &'static str {
    match kind {
        DirectiveKind::Require => "require",
        DirectiveKind::Direct => "direct",
        DirectiveKind::Request => "request",
        DirectiveKind::Assign => "assign",
        DirectiveKind::Prohibit => "prohibit",
        DirectiveKind::Rule => "rule",
    }
}

/// The features of the whole text, added to each of its candidates: how much of it
/// speaks of authorities, and how many candidates it has.
pub fn of_article<F: Feature>(authority_sentences: usize, sentences: usize, candidates: usize) -> [F; 2] {
    let share = 4 * authority_sentences / sentences.max(1);
    [F::named(["authority", NUMBERS[share.min(3)]]), F::named(["candidates", NUMBERS[candidates.min(8) / 2]])]
}

/// Whether sentence `words` names an authority: a capitalised title or head of a
/// body's name ("Thủ tướng", "Bộ", "UBND"). Only capitalised tokens are looked up, so
/// the pass over every sentence stays cheap.
pub fn names_authority(words: &Words, lexicon: &Lexicon) -> bool {
    (0..words.len()).any(|k| {
        words.is_capital(k) && matches!(lexicon.parties.longest(&words.lower, k), Some((_, Party::Title | Party::Head)))
    })
}

/// A party's class (title, body, group, name, person, other) and the words that name
/// it with its class: the head word for a party of the lexicons or another word, none
/// for a person. A legal document ("Theo quy định, ...") is in the class of no issuer,
/// with its own head word: a rule the law states, not an authority's order. (A class
/// "document" of its own cost cross-validated precision, 78.6 -> 78.0 averaged over
/// four fit seeds, where this reading gives 79.2.)
fn party<'w>(words: &'w Words, lexicon: &Lexicon, range: Range<usize>) -> (&'static str, &'w [&'w str]) {
    let k = parties::past_determiners(words, range.start, range.end);
    if let Some(n) = parties::legal_at(words, k) {
        return ("none", &words.lower[k..k + n]);
    }
    match lexicon.parties.longest(&words.lower, k) {
        Some((n, kind)) => {
            let class = match kind {
                Party::Title => "title",
                Party::Head => "body",
                Party::Group => "group",
                Party::Name => "name",
            };
            (class, &words.lower[k..k + n])
        }
        None if words.is_capital(k) => ("person", &[]),
        None => ("other", words.lower.get(k..k + 1).unwrap_or(&[""])),
    }
}

/// The verb that heads an action starting at token `start`, past the adverbs it keeps
/// ("khẩn trương | hoàn thiện"): the word of the action verbs or of the treebank that
/// starts there, else its first syllable. An order's verb ("báo cáo", "phối hợp") and a
/// fact's ("có", "chịu", "bổ sung gần 10 tỉ") tell them apart where the cue cannot.
fn action_head<'w>(words: &'w Words, lexicon: &Lexicon, start: usize) -> &'w [&'w str] {
    let mut k = start;
    let n = loop {
        match words.longest(&lexicon.actions, k) {
            Some((n, Action::Adverb)) => k += n,
            Some((n, _)) => break n,
            None => break words.longest(&lexicon.verbs, k).map_or(1, |(n, _)| n),
        }
    };
    words.lower.get(k..(k + n).min(words.len())).unwrap_or(&[])
}

/// What token `k` is, coarsely: the end, punctuation, a party word, a capitalised
/// name, a verb or another word.
fn shape(words: &Words, lexicon: &Lexicon, k: usize) -> &'static str {
    if k >= words.len() {
        "end"
    } else if words.is_punct(k) {
        "punct"
    } else if lexicon.parties.longest(&words.lower, k).is_some() {
        "party"
    } else if words.is_capital(k) {
        "capital"
    } else if matches!(lexicon.verbs.longest(&words.lower, k), Some((_, true))) {
        "verb"
    } else {
        "word"
    }
}
