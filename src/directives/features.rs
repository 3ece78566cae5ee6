//! What the decision reads of a candidate directive: short named features of its cue,
//! its parties, the words before the cue and the sentence and article around it.
//!
//! The rules ([`super::cues`], [`super::parties`]) propose candidates; these features
//! let a fitted model ([`super::decision`]) tell an order from an opinion, a report,
//! a penalty, a proposal or a cue word inside a name. Each feature is a string; the
//! model gives each a weight, so a new feature needs only a refit.

use std::ops::Range;

use super::cues::Veto;
use super::grammar::{list, List};
use super::lexicon::{Lexicon, Party};
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
    /// Why its cue may not give an order here.
    pub vetoes: &'a [Veto],
}

/// The features of candidate `d` of the sentence `words`.
pub fn of(words: &Words, lexicon: &Lexicon, d: &Extracted, context: &Context) -> Vec<String> {
    let cue = words.tokens(d.cue.clone());
    let text = |range: Range<usize>| words.lower[range].join(" ");
    let cue_text = text(cue.clone());
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
    let issuer_class = issuer.as_ref().map_or("none", |p| p.0);
    let addressee_class = addressee.as_ref().map_or("none", |p| p.0);
    let mut f = vec![
        "bias".to_string(),
        format!("cue {cue_text}"),
        format!("kind {kind} {source}"),
        format!("before {before} {cue_text}"),
        format!("after {cue_text} {after}"),
        format!("next {cue_text} {}", shape(words, lexicon, cue.end)),
        format!("previous word {}", shape(words, lexicon, cue.start.wrapping_sub(1))),
        format!("issuer {issuer_class}"),
        format!("issuer {}", issuer.as_ref().map_or("none", |p| p.1.as_str())),
        format!("issuer {issuer_class} {kind}"),
        format!("addressee {addressee_class}"),
        format!("addressee {}", addressee.as_ref().map_or("none", |p| p.1.as_str())),
        format!("parties {issuer_class} {addressee_class}"),
        format!("actions {}", d.actions.len().min(4)),
        format!("length {}", (words.len() / 10).min(6)),
        format!(
            "at {}",
            if cue.start == 0 {
                "start"
            } else if cue.start < 4 {
                "near start"
            } else {
                "inside"
            }
        ),
    ];
    if words.is_capital(cue.start) && cue.start > 0 && !words.is_punct(cue.start - 1) {
        f.push("cue capital inside".into());
    }
    let quotes_before = (0..cue.start).filter(|&k| words.is_quote(k)).count();
    if quotes_before % 2 == 1 {
        f.push("cue quoted".into());
    } else if (0..words.len()).any(|k| words.is_quote(k)) {
        f.push("quote elsewhere".into());
    }
    let last = words.len().saturating_sub(1);
    if words.is(last, &["?"]) {
        f.push("question".into());
    }
    if !words.is_punct(last) {
        f.push("no end mark".into());
    }
    for k in 0..cue.start {
        if let Some(n) = words.phrase_at(k, list(List::Markers)) {
            let marker = text(k..k + n);
            let near = if cue.start - k <= 3 { "near" } else { "far" };
            f.push(format!("marker {marker}"));
            f.push(format!("marker {near} {marker}"));
        }
    }
    f.push(format!("previous {}", context.previous.map_or("none", kind_name)));
    if context.after_colon {
        f.push("after colon".into());
    }
    if context.first {
        f.push("first sentence".into());
    }
    for veto in context.vetoes {
        f.push(format!("veto {}", veto.name()));
        f.push(format!("veto {} {kind}", veto.name()));
    }
    if !context.vetoes.is_empty() {
        f.push("vetoed".into());
    }
    f.sort();
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
pub fn of_article(authority_sentences: usize, sentences: usize, candidates: usize) -> Vec<String> {
    let share = 4 * authority_sentences / sentences.max(1);
    vec![format!("authority {}", share.min(3)), format!("candidates {}", candidates.min(8) / 2)]
}

/// Whether sentence `words` names an authority: a capitalised title or head of a
/// body's name ("Thủ tướng", "Bộ", "UBND"). Only capitalised tokens are looked up, so
/// the pass over every sentence stays cheap.
pub fn names_authority(words: &Words, lexicon: &Lexicon) -> bool {
    (0..words.len()).any(|k| {
        words.is_capital(k) && matches!(lexicon.parties.longest(&words.lower, k), Some((_, Party::Title | Party::Head)))
    })
}

/// A party's class (title, body, group, name, person, other) and its class with the
/// head word.
fn party(words: &Words, lexicon: &Lexicon, range: Range<usize>) -> (&'static str, String) {
    let mut k = range.start;
    while k < range.end && words.is(k, list(List::Determiners)) {
        k += 1;
    }
    match lexicon.parties.longest(&words.lower, k) {
        Some((n, kind)) => {
            let class = match kind {
                Party::Title => "title",
                Party::Head => "body",
                Party::Group => "group",
                Party::Name => "name",
            };
            (class, format!("{class} {}", words.lower[k..k + n].join(" ")))
        }
        None if words.is_capital(k) => ("person", "person".into()),
        None => ("other", format!("other {}", words.at(k))),
    }
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
