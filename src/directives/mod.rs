//! Directives: who orders whom to do what (see `shared/DIRECTIVES.md`).
//!
//! Each sentence is read as words; a cue ([`cues`]) makes it a candidate, the noun
//! phrases around the cue give the issuer and the addressee ([`parties`]), and the
//! rest, split into items, gives the actions ([`actions`]). The rules propose; a fitted
//! model over each candidate's features ([`features`]) decides which are shown
//! ([`decision`]). A directive that ends a
//! list opener ("Thủ tướng giao:") or any directive opens a run: the sentences right
//! after it that start with an action verb, bare or after a subject, are tasks of the
//! same order and directives too. The modules build on one another in that order:
//! [`lexicon`] (which also knows where a cue word starts), then [`parties`], then
//! [`cues`] and [`actions`], then [`features`] and [`decision`]. Every range is a byte range of the normalised text;
//! the digest maps them to the original. The work is linear in the text: each sentence
//! is scanned a bounded number of times with lexicon look-ups by first syllable.

mod actions;
mod cues;
pub mod decision;
mod features;
mod grammar;
pub(crate) mod lexicon;
mod parties;
mod words;

use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::document::Document;
pub use features::{hash as feature_hash, Feature, HASH_BITS};
use features::{Context, Source};
use words::Words;

/// What kind of directive a cue makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DirectiveKind {
    /// "yêu cầu": requires.
    Require,
    /// "chỉ đạo", "chỉ thị": directs.
    Direct,
    /// "đề nghị", "kêu gọi": requests, urges.
    Request,
    /// "giao": assigns a task.
    Assign,
    /// "nghiêm cấm", "không được": prohibits.
    Prohibit,
    /// "phải", "cần": states an obligation.
    Rule,
}

/// A directive found in a document, as byte ranges of its normalised text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Extracted {
    /// Index of the sentence that carries it.
    pub sentence: usize,
    /// Who gives it, when written in the sentence.
    pub issuer: Option<Range<usize>>,
    /// The cue word or phrase.
    pub cue: Range<usize>,
    /// Who must act, when written.
    pub addressee: Option<Range<usize>>,
    /// What is to be done, one range per item.
    pub actions: Vec<Range<usize>>,
    /// What kind of directive the cue makes it.
    pub kind: DirectiveKind,
}

/// A directive the rules propose, with what the decision reads of it.
#[derive(Debug, Clone)]
pub struct Candidate<F = u32> {
    /// The directive as the rules read it.
    pub directive: Extracted,
    /// Its features (see [`features`]): hashes for the decision, names for the fit.
    pub features: Vec<F>,
    /// The reasons the rules found that its cue may not give an order here (vetoes,
    /// read by the decision among its features); empty for a plain candidate.
    pub vetoes: Vec<&'static str>,
}

/// The directives of `doc` that the shipped decision keeps, in reading order.
pub fn extract(doc: &Document) -> Vec<Extracted> {
    extract_with(doc, decision::shipped())
}

/// The directives of `doc` that `model` keeps, in reading order.
pub fn extract_with(doc: &Document, model: &decision::Model) -> Vec<Extracted> {
    candidates(doc).into_iter().filter(|c| model.keeps(&c.features)).map(|c| c.directive).collect()
}

/// Every candidate directive the rules propose in `doc`, in reading order.
pub fn candidates(doc: &Document) -> Vec<Candidate> {
    candidates_as(doc)
}

/// [`candidates`] with their features as `F`: `String` names them, for the fit.
pub fn candidates_as<F: Feature>(doc: &Document) -> Vec<Candidate<F>> {
    let lexicon = lexicon::get();
    let mut out = Vec::new();
    let mut run: Option<DirectiveKind> = None;
    let mut after_colon = false;
    let mut authority = 0;
    let mut last_authority = None;
    for index in 0..doc.sentences.len() {
        let words = Words::new(doc, index);
        if features::names_authority(&words, lexicon) {
            authority += 1;
            last_authority = Some(index);
        }
        if words.phrase_at(0, grammar::list(grammar::List::Link)).is_some() {
            run = None;
            after_colon = false;
            continue;
        }
        // In a run, a sentence that opens with a plain action verb is the next task even
        // when a cue word comes later in it.
        let task = run.filter(|_| cues::opens_with_task(&words, lexicon));
        let read = |found| build(&words, lexicon, index, found);
        // In a run of tasks, a body that opens its sentence and directs others is given
        // the next task ([`passed_on`]).
        let in_run = run.is_some();
        let read_cue = |found| build_cue(&words, lexicon, index, found, in_run);
        // A cue with vetoes comes after a follow-on task: it is proposed only when the
        // sentence has nothing better, and it opens no run.
        let mut vetoed = None;
        let mut cue = || match cues::find(&words, lexicon, read_cue) {
            Some((reached, vetoes)) if vetoes.is_empty() => Some(reached),
            found => {
                vetoed = found.map(|((d, _), vetoes)| (d, vetoes));
                None
            }
        };
        let follow = |kind| cues::follow_on(&words, lexicon, kind).and_then(read).map(|d| (d, Source::FollowOn));
        let directive = match task {
            Some(kind) => follow(kind).or_else(&mut cue),
            None => cue().or_else(|| run.and_then(follow)),
        };
        let previous = run.take();
        let since_authority = last_authority.map(|last| index - last);
        let context =
            |source, vetoes| Context { source, previous, after_colon, first: index == 0, since_authority, vetoes };
        if let Some((directive, source)) = directive {
            run = Some(directive.kind);
            let second = coordinated(&words, lexicon, index, &directive)
                .or_else(|| party_task(&words, lexicon, index, &directive));
            out.push(candidate(&words, lexicon, directive, &context(source, &[])));
            out.extend(second.map(|d| candidate(&words, lexicon, d, &context(Source::Coordinated, &[]))));
        } else if let Some((directive, vetoes)) = vetoed {
            out.push(candidate(&words, lexicon, directive, &context(Source::Cue, &vetoes)));
        }
        after_colon = words.at(words.len().saturating_sub(1)) == ":";
        if after_colon {
            run = run.or(Some(DirectiveKind::Rule));
        }
    }
    if !out.is_empty() {
        let article: [F; 2] = features::of_article(authority, doc.sentences.len(), out.len());
        for c in &mut out {
            c.features.extend(article.iter().cloned());
        }
    }
    out
}

/// The directive of a sentence's cue, and how the rules reached it: in a run of tasks
/// (`in_run`) a cue with no veto that reads as an order (its parties found) may be
/// [`passed_on`], and its actions are then split once, as the task's; else it is read
/// as it stands.
fn build_cue(
    words: &Words,
    lexicon: &lexicon::Lexicon,
    index: usize,
    found: cues::Found,
    in_run: bool,
) -> Option<(Extracted, Source)> {
    let reading = reading_of(words, lexicon, &found)?;
    if in_run && found.vetoes.is_empty() {
        let task = passed_on(words, lexicon, &found, &reading).and_then(|task| build(words, lexicon, index, task));
        if let Some(task) = task {
            return Some((task, Source::FollowOn));
        }
    }
    Some((assemble(words, lexicon, index, &found, reading)?, Source::Cue))
}

/// `found` read as a task of a run given to the body that opens its sentence and
/// directs others, the cue right after it ("Bộ Công an chỉ đạo lực lượng cảnh sát ..."
/// after "Thủ tướng yêu cầu: ..."; not a report, "UBND TP vừa ban hành văn bản chỉ đạo
/// ..."): the cue of a task whose subject, the addressee, is that body, so its order is
/// the action. `reading` is how `found` reads as it stands; `None` when it is no such cue.
fn passed_on(words: &Words, lexicon: &lexicon::Lexicon, found: &cues::Found, reading: &Reading) -> Option<cues::Found> {
    let issuer = words.whole(reading.issuer.clone()?);
    let cue = words.whole(found.at.clone());
    let direct = found.cue.kind == DirectiveKind::Direct && issuer.start == 0 && issuer.end == cue.start;
    if !direct || !matches!(parties::party_at(words, lexicon, issuer.start), Some((_, lexicon::Party::Head))) {
        return None;
    }
    let cue_of_task = lexicon::Cue { kind: DirectiveKind::Direct, role: lexicon::Role::Modal };
    Some(cues::Found { at: cue, cue: cue_of_task, subject: Some(issuer), quote: None, vetoes: Vec::new() })
}

/// A candidate with its features.
fn candidate<F: Feature>(
    words: &Words,
    lexicon: &lexicon::Lexicon,
    directive: Extracted,
    context: &Context,
) -> Candidate<F> {
    let features = features::of(words, lexicon, &directive, context);
    Candidate { directive, features, vetoes: context.vetoes.iter().map(|v| v.name()).collect() }
}

/// The noun phrase after a "gửi" ("send to") before the cue at `cue`, if any, past a
/// document and a preposition ("gửi công văn tới"), with the position of "gửi".
fn sent_to(words: &Words, lexicon: &lexicon::Lexicon, cue: usize, floor: usize) -> Option<(usize, Range<usize>)> {
    let send = (floor..cue).rev().take(parties::WINDOW).find(|&k| words.at(k) == "gửi")?;
    let mut to = send + 1;
    // "gửi công văn tới Sở ...": past the document and the preposition that sends it.
    to += words.phrase_at(to, grammar::list(grammar::List::Document)).unwrap_or(0);
    to += words.phrase_at(to, grammar::list(grammar::List::Sending)).unwrap_or(0);
    let end = parties::trim_punct_back(words, parties::skip_back(words, cue, to), to);
    // Only a list of parties: no clause mark, quotation or verb between.
    let parties_only = !(to..end).any(|k| words.is(k, &[";", ":"]) || words.is_quote(k))
        && !parties::has_break(words, lexicon, to..end);
    (to < end && parties_only).then_some((send, to..end))
}

/// A second order joined to `first` by a coordinated verb of requesting (", yêu cầu",
/// "đồng thời yêu cầu", the clause breaks that end an action): a directive of its own
/// when it names its own addressee ("chỉ đạo các cơ quan kiểm tra ..., đồng thời yêu
/// cầu doanh nghiệp khôi phục ..."). Coordinated verbs share their subject, so the
/// issuer is the first order's.
fn coordinated(words: &Words, lexicon: &lexicon::Lexicon, index: usize, first: &Extracted) -> Option<Extracted> {
    let after = words.tokens(first.cue.clone()).end;
    let (at, cue) = (after..words.len()).find_map(|k| {
        let n = words.phrase_at(k, grammar::list(grammar::List::ClauseBreaks))?;
        (k..k + n).find_map(|j| match words.longest(&lexicon.cues, j) {
            Some((m, cue)) if cue.role == lexicon::Role::Verb && j + m == k + n => Some((j..j + m, cue)),
            _ => None,
        })
    })?;
    let found = cues::Found { at, cue, subject: None, quote: None, vetoes: Vec::new() };
    second_order(words, lexicon, index, first, found).filter(|second| second.addressee.is_some())
}

/// A second task given to another party after a semicolon ("yêu cầu UBND tỉnh phối
/// hợp ...; Bộ Giao thông Vận tải báo cáo ..."): a directive of its own with the
/// first's issuer, its subject the addressee, its verb or modal the cue.
fn party_task(words: &Words, lexicon: &lexicon::Lexicon, index: usize, first: &Extracted) -> Option<Extracted> {
    let after = words.tokens(first.cue.clone()).end;
    let (subject, verb) = actions::party_clause(words, lexicon, after)?;
    let (n, cue) = match words.longest(&lexicon.cues, verb) {
        Some((n, cue)) if cue.role != lexicon::Role::Verb => (n, cue),
        _ => (parties::action_at(words, lexicon, verb)?, lexicon::Cue { kind: first.kind, role: lexicon::Role::Modal }),
    };
    let found = cues::Found { at: verb..verb + n, cue, subject: Some(subject), quote: None, vetoes: Vec::new() };
    second_order(words, lexicon, index, first, found)
}

/// The directive built from `found`, a second order of the sentence of `first`, with
/// `first`'s issuer: a coordinated verb shares its subject, and a party's task after a
/// semicolon goes on with the same order.
fn second_order(
    words: &Words,
    lexicon: &lexicon::Lexicon,
    index: usize,
    first: &Extracted,
    found: cues::Found,
) -> Option<Extracted> {
    let second = build(words, lexicon, index, found)?;
    Some(Extracted { issuer: first.issuer.clone(), ..second })
}

/// The parts of a directive around a cue found in a sentence.
fn build(words: &Words, lexicon: &lexicon::Lexicon, index: usize, found: cues::Found) -> Option<Extracted> {
    let reading = reading_of(words, lexicon, &found)?;
    assemble(words, lexicon, index, &found, reading)
}

/// The parties of a directive around its cue and where its actions start and may end:
/// what [`reading_of`] finds before the actions are split.
struct Reading {
    /// Token range of who gives the order.
    issuer: Option<Range<usize>>,
    /// Token range of who must act.
    addressee: Option<Range<usize>>,
    /// The token where the actions start.
    action_start: usize,
    /// The token before which they end at the latest (a quotation's close).
    end: usize,
}

/// The parties around the cue of `found` and where its actions start; `None` when the
/// cue word gives no order here (a noun: nothing that can act follows it).
fn reading_of(words: &Words, lexicon: &lexicon::Lexicon, found: &cues::Found) -> Option<Reading> {
    let floor = found.quote.as_ref().map_or(0, |q| q.inside.start);
    let end = found.quote.as_ref().map_or(words.len(), |q| q.inside.end);
    let speaker = found.quote.as_ref().and_then(|q| q.speaker.clone());
    let (issuer, addressee, action_start) = match found.cue.role {
        lexicon::Role::Verb => {
            let (addressee, start) = parties::addressee_after(words, lexicon, found.at.end, end)?;
            let start = if parties::object_of_cue(words, found.at.end) { found.at.start } else { start };
            let issuer =
                parties::quoted_issuer(words, parties::issuer_before(words, lexicon, found.at.start, floor), speaker);
            match (addressee, sent_to(words, lexicon, found.at.start, floor)) {
                // "X vừa ký văn bản gửi các tỉnh A, B đề nghị ...": the addressee is
                // whom the letter went to, the issuer who sent it.
                (None, Some((send, to))) => (parties::issuer_before(words, lexicon, send, floor), Some(to), start),
                (addressee, _) => (issuer, addressee, start),
            }
        }
        lexicon::Role::Modal | lexicon::Role::Passive => {
            let before = found.subject.as_ref().map_or(found.at.start, |s| s.start);
            let earlier = parties::earlier_subject(words, lexicon, before, floor);
            // Without its own subject, an obligation shares the subject of the clause
            // before ("Thanh tra không phải ...; phải cầu thị"), unless that one speaks.
            let (issuer, addressee) = match (found.subject.clone(), earlier) {
                (Some(subject), earlier) => (earlier.filter(|e| parties::is_speaker(words, e)), Some(subject)),
                (None, Some(e)) if parties::is_speaker(words, &e) => (Some(e), None),
                (None, earlier) => (None, earlier),
            };
            // A follow-on task's cue is its first verb, which stays in the action; a
            // modal, a passive ("có trách nhiệm", "được giao") or a prohibition is not
            // part of what is to be done.
            let verb_cue = found.cue.role == lexicon::Role::Modal
                && found.cue.kind != DirectiveKind::Prohibit
                && words.longest(&lexicon.actions, found.at.start).is_some();
            let start = if verb_cue { found.at.start } else { found.at.end };
            (speaker.or(issuer), addressee, start)
        }
    };
    Some(Reading { issuer, addressee, action_start, end })
}

/// The directive of `found` as `reading` reads it, its actions split into items; `None`
/// when no action is left.
fn assemble(
    words: &Words,
    lexicon: &lexicon::Lexicon,
    index: usize,
    found: &cues::Found,
    reading: Reading,
) -> Option<Extracted> {
    let Reading { issuer, addressee, action_start, end } = reading;
    let end = actions::region_end(words, lexicon, action_start, end);
    let actions = actions::split(words, lexicon, action_start..end);
    if actions.is_empty() {
        return None;
    }
    // Every part is whole words, even where a rule stopped inside one.
    let span = |r: Range<usize>| words.bytes(words.whole(r));
    Some(Extracted {
        sentence: index,
        issuer: issuer.map(span),
        cue: span(found.at.clone()),
        addressee: addressee.map(span),
        actions: actions.into_iter().map(span).collect(),
        kind: found.cue.kind,
    })
}
