//! Finding the cue of a directive in a sentence and telling a cue from the same word
//! used otherwise: "yêu cầu" as a noun ("đáp ứng yêu cầu"), "giao" inside another word
//! ("giao thông", "bàn giao"), "phải"/"cần" that state a fact ("người dân phải chịu",
//! "cần 5 năm"), a request going up ("đề nghị Chính phủ hỗ trợ"): the reasons against
//! a cue are its vetoes, which the decision weighs.

use std::ops::Range;

use super::grammar::{list, List};
use super::lexicon::{Cue, Lexicon, Role};
use super::parties;
use super::words::Words;
use super::DirectiveKind;

/// A cue found in a sentence.
#[derive(Debug, Clone)]
pub struct Found {
    /// Token range of the cue.
    pub at: Range<usize>,
    /// What the cue makes of the sentence.
    pub cue: Cue,
    /// For a modal or passive cue, its subject: the addressee.
    pub subject: Option<Range<usize>>,
    /// The quotation that carries the cue, when the sentence is a quote with a speaker.
    pub quote: Option<Quote>,
    /// Why the cue may not give an order here; empty for a plain cue.
    pub vetoes: Vec<Veto>,
}

/// A quotation followed by its speaker: `"...", Thủ tướng nhấn mạnh.`, or what the
/// speaker goes on to say after the speech verb: `"...", ông Thọ nói và yêu cầu ...`.
#[derive(Debug, Clone)]
pub struct Quote {
    /// Token range of what the speaker says: inside the quotation marks, or after
    /// the speech verb.
    pub inside: Range<usize>,
    /// Token range of the speaker's noun phrase.
    pub speaker: Option<Range<usize>>,
}

/// How many cue words of one sentence are tried: real sentences have a handful, and the
/// bound keeps a pathological one linear.
const MAX_CANDIDATES: usize = 32;

/// How many tokens after a quotation its speaker and speech verb are looked for when
/// the sentence goes on after them: a title and a full name with a verb.
const SPEAKER_WORDS: usize = 12;

/// The directive of a sentence, if it carries one, with the reasons its cue may not
/// give an order: `read` (which builds the directive around a cue) applied to the first
/// cue for which it gives one, looked for first inside the quotation when the sentence
/// is a quote with a speaker. A cue with no veto is preferred to one with vetoes, so a
/// cue word that is a noun here ("các văn bản chỉ đạo trước đó") does not hide a later
/// order ("..., Chủ tịch UBND thành phố yêu cầu: ..."); the first vetoed cue is kept
/// when there is no other, for the decision to weigh.
pub fn find<T>(words: &Words, lexicon: &Lexicon, mut read: impl FnMut(Found) -> Option<T>) -> Option<(T, Vec<Veto>)> {
    let (quote, went_on) = quote_with_speaker(words, lexicon).unzip();
    let mut vetoed = None;
    let mut tried = 0;
    // The whole sentence, or inside the quotation first and then what its speaker went
    // on to say.
    for scoped in std::iter::once(quote.clone()).chain(went_on.flatten().map(Some)) {
        let scope = scoped.as_ref().map_or(0..words.len(), |q| q.inside.clone());
        let mut i = scope.start;
        while i < scope.end && tried < MAX_CANDIDATES {
            match words.longest(&lexicon.cues, i) {
                Some((n, _)) if lexicon.in_name(words, i) => i += n,
                Some((n, cue)) => {
                    tried += 1;
                    if let Some(found) = validate(words, lexicon, i..i + n, cue, scope.start) {
                        let vetoes = found.vetoes.clone();
                        if vetoes.is_empty() || vetoed.is_none() {
                            if let Some(directive) = read(Found { quote: scoped.clone(), ..found }) {
                                if vetoes.is_empty() {
                                    return Some((directive, vetoes));
                                }
                                vetoed = Some((directive, vetoes));
                            }
                        }
                    }
                    i += n;
                }
                None => i += 1,
            }
        }
    }
    // A quoted instruction with no cue inside: "“Hoàn thành trước ngày 30/6”, Bộ trưởng chỉ đạo."
    let quoted = quote.and_then(|q| {
        let start = parties::skip_connectives(words, q.inside.start, q.inside.end);
        let n = parties::action_at(words, lexicon, start).filter(|_| !named_body(words, lexicon, start))?;
        let cue = Cue { kind: DirectiveKind::Rule, role: Role::Modal };
        read(Found { at: start..start + n, cue, subject: None, quote: Some(q), vetoes: Vec::new() })
    });
    quoted.map(|d| (d, Vec::new())).or(vetoed)
}

/// The cue of a sentence that follows "X giao:" or a directive with no cue of its own
/// ("Tổ chức kiểm điểm ... trước ngày 30/5.", "Bộ Công an triển khai ..."): its first
/// action verb, at the start or after a subject noun phrase, in the present.
pub fn follow_on(words: &Words, lexicon: &Lexicon, kind: DirectiveKind) -> Option<Found> {
    if words.is(words.len().saturating_sub(1), &["?"]) {
        return None;
    }
    let start = main_clause(words);
    if let Some(n) = negated_task(words, lexicon, start) {
        // "Không cấp thêm vốn ...": a task negated is a prohibition, its cue the negation.
        let cue = Cue { kind: DirectiveKind::Prohibit, role: Role::Modal };
        return Some(Found { at: start..start + n, cue, subject: None, quote: None, vetoes: Vec::new() });
    }
    let cue = Cue { kind, role: Role::Modal };
    let body = parties::party_at(words, lexicon, start).is_some();
    if let Some(n) = parties::action_at(words, lexicon, start).filter(|_| !body).or_else(|| {
        (words.is_capital(start) && start > 0 && !named_body(words, lexicon, start))
            .then(|| words.longest(&lexicon.actions, start).map(|(n, _)| n))
            .flatten()
    }) {
        // A verb followed by a tense marker or "của"/"từ" is the subject noun of a
        // report ("Thông tin từ Bộ ...", "Thanh tra đã kiến nghị ...").
        if words.phrase_at(start + n, list(List::NotATask)).is_some() {
            return None;
        }
        return Some(Found { at: start..start + n, cue, subject: None, quote: None, vetoes: Vec::new() });
    }
    parties::party_at(words, lexicon, start)?;
    let (stop, verb) = parties::np_forward(words, lexicon, start, words.len());
    // "Các tập đoàn ..., trong quý IV / 2018 chủ động ...": a dated time phrase may
    // stand between the subject and its verb.
    let dated = if verb { None } else { dated_phrase_after(words, lexicon, stop) };
    let (verb_at, verb) = match dated {
        Some(k) => (k, true),
        None => (stop, verb),
    };
    if !verb || words.is(stop.saturating_sub(1), list(List::Aspect)) {
        return None;
    }
    // "Tổng cục ... đề xuất Bộ ...": a party that proposes reports its proposal going
    // up, and "Bộ ... chưa đưa ra ..." what it has not done; neither is given a task.
    if words.phrase_at(verb_at, list(List::Proposal)).is_some()
        || words.phrase_before(stop, list(List::Negation)).is_some()
    {
        return None;
    }
    let n = parties::action_at(words, lexicon, verb_at)?;
    let end = parties::trim_punct_back(words, parties::skip_back(words, stop, start + 1), start + 1);
    Some(Found { at: verb_at..verb_at + n, cue, subject: Some(start..end), quote: None, vetoes: Vec::new() })
}

/// Where the verb after a time phrase at `at` starts, when the phrase opens with a word
/// of deadline ("trong", "trước", "chậm nhất"), holds a number ("quý IV / 2018") and
/// no clause mark; a few tokens ahead at most.
fn dated_phrase_after(words: &Words, lexicon: &Lexicon, at: usize) -> Option<usize> {
    words.phrase_at(at, list(List::Deadline))?;
    let mut dated = false;
    for k in at + 1..(at + 12).min(words.len()) {
        if words.is(k, &[",", ";", ":"]) || words.is_quote(k) {
            return None;
        }
        dated |= words.is_number(k);
        if dated && parties::action_at(words, lexicon, k).is_some() {
            return Some(k);
        }
    }
    None
}

/// Where the sentence's main clause starts: past connectives and a fronted frame.
fn main_clause(words: &Words) -> usize {
    let start = parties::skip_connectives(words, 0, words.len());
    parties::skip_frame(words, start, words.len())
}

/// Whether the sentence opens, past connectives, with an action verb that is not a cue
/// ("Kiểm điểm ...", "Đồng thời sửa đổi ...").
pub fn opens_with_task(words: &Words, lexicon: &Lexicon) -> bool {
    let start = main_clause(words);
    let verb = words.longest(&lexicon.actions, start).is_some()
        && words.longest(&lexicon.cues, start).is_none()
        && parties::party_at(words, lexicon, start).is_none();
    verb || negated_task(words, lexicon, start).is_some()
}

/// The length of a negation at `start` that an action verb follows ("Không cấp ..."),
/// when one does.
fn negated_task(words: &Words, lexicon: &Lexicon, start: usize) -> Option<usize> {
    let n = words.phrase_at(start, list(List::Negation))?;
    (words.longest(&lexicon.cues, start).is_none() && parties::action_at(words, lexicon, start + n).is_some())
        .then_some(n)
}

/// Why a cue word may not give an order where it stands. A reason does not drop the
/// candidate: it is a feature the decision weighs ([`super::features`]), as every one
/// of them is sometimes wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Veto {
    /// After a request by a person named without an office ("Ông Châu đề nghị ...").
    ProposedByPerson,
    /// A noun's word stands before the verb ("các văn bản chỉ đạo").
    NounBefore,
    /// A noun's word or a number follows the verb ("yêu cầu của", "yêu cầu 3").
    NounAfter,
    /// The verb is negated ("không chỉ đạo").
    Negated,
    /// A verb of proposing stands earlier in the sentence.
    ProposalEarlier,
    /// The public asks: a petition going up.
    Petition,
    /// A request to a superior ("đề nghị Chính phủ ...").
    ToSuperior,
    /// A passive cue with no subject to act.
    NoSubject,
    /// A modal that states a fact ("phải chịu", "cần 3 năm").
    Fact,
    /// The modal's subject names no one who can act.
    NoAgent,
    /// A bare modal inside a clause, not opening it.
    NotInitial,
    /// A bare modal after the speaker's own "tôi".
    SpeakerBound,
    /// Inside what an earlier request asks of a party ("đề nghị Thủ tướng chỉ đạo ...").
    InsideRequest,
    /// Inside the duty of helping a party ("giúp Thủ tướng theo dõi, chỉ đạo ...").
    Helping,
}

impl Veto {
    /// What kind of reason it is, in features: the order goes up or belongs to another
    /// party's act ("up"), the cue is a noun ("noun"), the modal states a fact or has no
    /// one to act ("fact"), or its clause does not give orders ("clause"). Each reason
    /// alone is rare (the ones that send an order up fire on 8 to 20 annotated
    /// candidates each, almost none a directive), too rare for the fit to ask about; as
    /// a kind they are not.
    pub fn group(self) -> &'static str {
        match self {
            Veto::ProposedByPerson
            | Veto::ProposalEarlier
            | Veto::Petition
            | Veto::ToSuperior
            | Veto::InsideRequest
            | Veto::Helping => "up",
            Veto::NounBefore | Veto::NounAfter => "noun",
            Veto::Fact | Veto::NoAgent | Veto::NoSubject => "fact",
            Veto::NotInitial | Veto::SpeakerBound | Veto::Negated => "clause",
        }
    }

    /// The reason's name, in features.
    pub fn name(self) -> &'static str {
        match self {
            Veto::ProposedByPerson => "proposed by person",
            Veto::NounBefore => "noun before",
            Veto::NounAfter => "noun after",
            Veto::Negated => "negated",
            Veto::ProposalEarlier => "proposal earlier",
            Veto::Petition => "petition",
            Veto::ToSuperior => "to superior",
            Veto::NoSubject => "no subject",
            Veto::Fact => "fact",
            Veto::NoAgent => "no agent",
            Veto::NotInitial => "not initial",
            Veto::SpeakerBound => "speaker bound",
            Veto::InsideRequest => "inside request",
            Veto::Helping => "helping",
        }
    }
}

/// A cue candidate with its subject when it has one and the reasons it may not be an
/// order here; `None` only when the word cannot start a candidate at all (at the end of
/// the sentence, or a modal before the verb of ordering that is the cue).
fn validate(words: &Words, lexicon: &Lexicon, at: Range<usize>, cue: Cue, floor: usize) -> Option<Found> {
    let (i, next) = (at.start, at.end);
    // A colon or an opening quotation mark introduces what is ordered.
    if next >= words.len() || (words.is_punct(next) && words.at(next) != ":" && !words.is(next, &["“", "\""])) {
        return None;
    }
    let mut vetoes = Vec::new();
    let mut veto = |v: Veto, tripped: bool| {
        if tripped {
            vetoes.push(v);
        }
    };
    veto(Veto::ProposedByPerson, proposed_by_person(words, lexicon, i + 1, floor));
    // A verb of proposing earlier in the sentence makes every order after it part of
    // the proposal, a modal's too ("Tổng cục đề xuất, các trung tâm phải ..."); "các
    // kiến nghị" is a noun.
    veto(Veto::ProposalEarlier, proposal_before(words, i, floor));
    let subject = match cue.role {
        Role::Verb => {
            if super::lexicon::giao_in_word(words, i) {
                return None;
            }
            veto(Veto::NounBefore, words.phrase_before(i, list(List::NounBefore)).is_some());
            veto(Veto::NounAfter, words.phrase_at(next, list(List::NounAfter)).is_some() || words.is_number(next));
            veto(Veto::Negated, negated_cue(words, lexicon, i, floor));
            veto(Veto::Petition, petition(words, lexicon, i, cue, floor));
            // "Tỉnh đề nghị Thủ tướng chỉ đạo Bộ ...": the order is what the request asks
            // for, and the request, read on its own cue, decides.
            let request = |k: usize| {
                words
                    .longest(&lexicon.cues, k)
                    .filter(|(_, c)| c.kind == DirectiveKind::Request && c.role == Role::Verb)
                    .map(|(n, _)| n)
            };
            veto(Veto::InsideRequest, governed_by(words, lexicon, i, floor, request));
            veto(Veto::Helping, governed_by(words, lexicon, i, floor, |k| words.phrase_at(k, list(List::Helping))));
            let object = if words.at(next) == "cho" { next + 1 } else { next };
            veto(
                Veto::ToSuperior,
                cue.kind == DirectiveKind::Request && words.phrase_at(object, list(List::Superiors)).is_some(),
            );
            None
        }
        Role::Passive => {
            // "Các Bộ, ngành khác tuỳ chức năng, ..., có trách nhiệm ...": the subject
            // may stand clauses before its task.
            let subject = parties::subject_before(words, lexicon, i, floor)
                .or_else(|| parties::earlier_subject(words, lexicon, i, floor));
            veto(Veto::NoSubject, subject.is_none());
            subject
        }
        Role::Modal => {
            // "Sở phải ra văn bản yêu cầu các trường ...": the verb of ordering after
            // the modal is the cue, the modal's subject its issuer.
            let mut verb = next;
            while let Some(n) = words.phrase_at(verb, list(List::BeforeVerb)) {
                verb += n;
            }
            if matches!(words.longest(&lexicon.cues, verb), Some((_, c)) if c.role == Role::Verb) {
                return None;
            }
            veto(
                Veto::Fact,
                words.phrase_before(i, list(List::FactBefore)).is_some()
                    || words.phrase_at(next, list(List::FactAfter)).is_some()
                    || words.is_number(next),
            );
            let subject = parties::subject_before(words, lexicon, i, floor);
            match &subject {
                // "mọi thứ ... phải khoá": a subject that names no one who can act states
                // a necessity, unless the modal is passive ("những việc này cần được
                // quan tâm"), where the subject is what is acted on.
                Some(s) => {
                    veto(Veto::NoAgent, words.at(next) != "được" && !parties::names_agent(words, lexicon, s.clone()));
                }
                None => {
                    veto(Veto::NotInitial, !clause_initial(words, i, floor));
                    veto(Veto::SpeakerBound, speaker_bound(words, i, floor));
                }
            }
            subject
        }
    };
    Some(Found { at, cue, subject, quote: None, vetoes })
}

/// Whether a verb of proposing, not a noun ("các kiến nghị"), stands between `floor`
/// and `i`.
fn proposal_before(words: &Words, i: usize, floor: usize) -> bool {
    (floor..i).any(|k| {
        words.phrase_at(k, list(List::Proposal)).is_some() && words.phrase_before(k, list(List::NounBefore)).is_none()
    })
}

/// Whether the verb cue at `i` stands in the clause of a governing verb (where `head`
/// gives its length) that has a party for its object: "đề nghị Thủ tướng chỉ đạo",
/// "giúp Thủ tướng theo dõi, chỉ đạo". The cue is then that party's act, asked for or
/// helped with, not an order of the sentence's subject. The clause ends at a semicolon;
/// a noun use of the head ("theo đề nghị của") governs nothing.
fn governed_by(
    words: &Words,
    lexicon: &Lexicon,
    i: usize,
    floor: usize,
    head: impl Fn(usize) -> Option<usize>,
) -> bool {
    let from = i.saturating_sub(parties::WINDOW).max(floor);
    for k in (from..i).rev() {
        if words.is(k, &[";"]) {
            return false;
        }
        if let Some(n) = head(k) {
            if k + n < i
                && words.phrase_before(k, list(List::NounBefore)).is_none()
                && parties::party_at(words, lexicon, k + n).is_some()
            {
                return true;
            }
        }
    }
    false
}

/// Whether a request at `i` is the public's petition going up: the subject of the cue's
/// clause or of the sentence is a word for the public, unless the public reports an
/// order ("Người dân cho biết, UBND xã đã yêu cầu ...").
fn petition(words: &Words, lexicon: &Lexicon, i: usize, cue: Cue, floor: usize) -> bool {
    if !matches!(cue.kind, DirectiveKind::Require | DirectiveKind::Request) {
        return false;
    }
    let clause = parties::skip_connectives(words, parties::clause_start(words, lexicon, i, floor), i);
    let sentence = parties::skip_connectives(words, floor, i);
    let reported = || {
        (sentence..i).any(|k| {
            words.phrase_at(k, list(List::Speech)).is_some()
                || ["cho biết", "cho hay"].iter().any(|p| words.has_phrase(k, p))
        })
    };
    petitioner_at(words, clause, i) || (!reported() && petitioner_at(words, sentence, i))
}

/// Whether a body word at `i` is followed by a name ("Thanh tra Bộ Tài chính"): the
/// body, not the verb the same word also is.
fn named_body(words: &Words, lexicon: &Lexicon, i: usize) -> bool {
    parties::party_at(words, lexicon, i).is_some_and(|(n, _)| words.is_capital(i + n))
}

/// Whether a request ("đề nghị") at or before `end` comes from a person named without
/// an office, an honorific and a name ("Ông Châu đề nghị ..."): a proposal, and every
/// order after it in the sentence is part of it.
fn proposed_by_person(words: &Words, lexicon: &Lexicon, end: usize, floor: usize) -> bool {
    let from = end.saturating_sub(parties::WINDOW).max(floor);
    let Some(k) = (from..end).rev().find(|&k| words.has_phrase(k, "đề nghị")) else { return false };
    parties::issuer_before(words, lexicon, k, floor).is_some_and(|np| {
        np.len() > 1 && words.is(np.start, &["ông", "bà"]) && (np.start + 1..np.end).all(|j| words.is_capital(j))
    })
}

/// Whether the verb cue at `i` is negated, alone or as one of a list of verbs after
/// the negation ("không tổ chức, chỉ đạo khắc phục"): a failure reported, not an order. A few verbs
/// back at most, so the work per cue stays constant.
fn negated_cue(words: &Words, lexicon: &Lexicon, i: usize, floor: usize) -> bool {
    let mut k = i;
    for _ in 0..8 {
        if k <= floor {
            return false;
        }
        if words.phrase_before(k, list(List::Negation)).is_some() {
            return true;
        }
        let Some(comma) = k.checked_sub(1).filter(|&c| words.is(c, &[","])) else { return false };
        let verb = (comma.saturating_sub(3).max(floor)..comma)
            .find(|&v| words.longest(&lexicon.actions, v).is_some_and(|(n, _)| v + n == comma));
        match verb {
            Some(v) => k = v,
            None => return false,
        }
    }
    false
}

/// Whether the noun phrase from `start` (before the cue at `cue`) is headed by a word
/// for the public ("Riêng phụ huynh ở thôn Bắc Hà", "có 171 trường hợp"), past
/// determiners, numbers and an existential "có".
fn petitioner_at(words: &Words, start: usize, cue: usize) -> bool {
    let mut k = start;
    while k < cue && (words.is_number(k) || words.is(k, &["các", "những", "nhiều", "riêng", "có"])) {
        k += 1;
    }
    words.phrase_at(k, list(List::Petitioner)).is_some()
}

/// Whether a bare modal at `i` binds the speaker: an exclusive first person stands
/// before it in the sentence ("Chúng tôi xác định ... là phải giải quyết"), so it
/// states the speaker's own duty, not an order. The inclusive "chúng ta" of an
/// exhortation does not count.
fn speaker_bound(words: &Words, i: usize, floor: usize) -> bool {
    (floor..i).any(|k| words.is(k, &["tôi"]))
}

/// Whether `i` opens its sentence, quotation or list item, past connectives: where a
/// bare "Phải ..." or "Cần ..." is an instruction.
fn clause_initial(words: &Words, i: usize, floor: usize) -> bool {
    let floor = floor.max(i.saturating_sub(parties::WINDOW));
    if parties::skip_frame(words, parties::skip_connectives(words, floor, i), i) == i {
        return true;
    }
    let mut j = i;
    loop {
        if j <= floor {
            return true;
        }
        // "thì" opens the main clause after a condition ("Khi ... thì phải ..."), and
        // "là phải" states what must be done ("Cùng với đó là phải ...").
        if words.is(j - 1, &[";", ":", "thì", "là"]) || words.is_quote(j - 1) {
            return true;
        }
        if words.at(j - 1) == "," {
            j -= 1;
            continue;
        }
        // "Trong quý 3-2018 phải tổ chức ...", "Năm 2015 phải làm ...": a date before
        // the modal is the deadline of the instruction, not its subject.
        if let Some(p) = date_before(words, j, floor) {
            j = p;
            continue;
        }
        match words.phrase_before(j, list(List::Connectives)) {
            Some(n) => j -= n,
            None => return false,
        }
    }
}

/// Where a date that ends at `end` starts: a word of deadline or time ("trước",
/// "chậm nhất", "năm", "quý") followed by nothing but numbers, time words and their
/// separators, with a number among them ("trong quý 3-2018", "trước ngày 30/6").
fn date_before(words: &Words, end: usize, floor: usize) -> Option<usize> {
    let dated = |k: usize| words.phrase_at(k, list(List::Deadline)).or_else(|| words.phrase_at(k, list(List::Dated)));
    let mut k = end;
    while k > floor && end - k < 10 {
        let word = words
            .phrase_before(k, list(List::Deadline))
            .or_else(|| words.phrase_before(k, list(List::Dated)))
            .filter(|&n| n <= k - floor);
        match word {
            Some(n) => k -= n,
            None if words.is_number(k - 1) || words.is(k - 1, &["-", "/"]) => k -= 1,
            None => break,
        }
    }
    // It opens at its first word of deadline or time: "2 năm" is a length of time.
    let start = (k..end).find(|&p| dated(p).is_some())?;
    (start..end).any(|p| words.is_number(p)).then_some(start)
}

/// A sentence that is a quotation followed by its speaker and a speech verb:
/// `"...", Thủ tướng chỉ đạo.` or `"..." - Bộ trưởng nhấn mạnh.`; else a quotation
/// whose speaker's verb goes on with "và" or a comma, with what the speaker went on to
/// say: `"...", ông Thọ nói và yêu cầu Cục Hàng không ...`.
fn quote_with_speaker(words: &Words, lexicon: &Lexicon) -> Option<(Quote, Option<Quote>)> {
    let mut end = words.len();
    while end > 0 && words.is_punct(end - 1) && !words.is_quote(end - 1) {
        end -= 1;
    }
    let speech_at =
        |k: usize, n: usize| list(List::Speech).iter().any(|s| s.split(' ').count() == n && words.has_phrase(k, s));
    // The opening mark may sit in an earlier sentence when the quotation has several.
    let quote = |close: usize, speaker| Quote {
        inside: (0..close).find(|&k| words.is_quote(k)).map_or(0, |k| k + 1)..close,
        speaker,
    };
    let past_punct = |close: usize| (close + 1..end).find(|&k| !words.is_punct(k)).unwrap_or(end);
    let speaker_of = |start: usize, speech: usize| {
        let speaker_end = parties::skip_back(words, speech, start);
        (start < speaker_end).then(|| parties::np_ending_at(words, lexicon, start..speaker_end)).flatten()
    };
    if let Some(close) = (0..end).rev().take(16).find(|&k| words.is_quote(k)) {
        let speech = (1..=2).rev().find(|&n| end >= n && speech_at(end - n, n)).map(|n| end - n);
        if let Some(speech) = speech.filter(|&s| s > close) {
            return Some((quote(close, speaker_of(past_punct(close), speech)), None));
        }
    }
    // A closing mark, then punctuation, the speaker's noun phrase and a speech verb that
    // goes on with "và" or a comma.
    (1..end).filter(|&k| words.is_quote(k)).find_map(|close| {
        let start = past_punct(close);
        if start == close + 1 && words.at(close) != "”" {
            return None;
        }
        let (speech, n) = (start + 1..end.min(start + SPEAKER_WORDS))
            .find_map(|k| (1..=2).rev().find(|&n| speech_at(k, n)).map(|n| (k, n)))?;
        let speaker = speaker_of(start, speech).filter(|np| np.start == start && words.is(speech + n, &["và", ","]))?;
        let went_on = Quote { inside: speech + n..words.len(), speaker: Some(speaker.clone()) };
        Some((quote(close, Some(speaker)), Some(went_on)))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;

    /// The text of the cue found in `text` with no veto, if any.
    fn cue(text: &str) -> Option<String> {
        let doc = Document::new(text);
        let words = Words::new(&doc, 0);
        find(&words, super::super::lexicon::get(), Some)
            .filter(|(_, vetoes)| vetoes.is_empty())
            .map(|(f, _)| doc.text()[words.bytes(f.at)].to_string())
    }

    /// The names of the vetoes of the cue found in `text`.
    fn vetoes(text: &str) -> Vec<&'static str> {
        on_words(text, |words| {
            find(words, super::super::lexicon::get(), Some)
                .map_or(vec![], |(_, v)| v.iter().map(|v| v.name()).collect())
        })
    }

    /// What `f` reads in the words of `text`'s first sentence.
    fn on_words<T>(text: &str, f: impl FnOnce(&Words) -> T) -> T {
        f(&Words::new(&Document::new(text), 0))
    }

    #[test]
    fn a_vetoed_cue_is_proposed_with_its_reasons() {
        assert_eq!(vetoes("Tỉnh đề nghị Chính phủ hỗ trợ kinh phí."), ["to superior"]);
        assert_eq!(vetoes("Doanh nghiệp đang phải đối diện nhiều khó khăn."), ["fact"]);
        assert_eq!(vetoes("Phía Mỹ không đưa ra bất cứ yêu cầu nào về việc này."), ["noun before", "noun after"]);
        assert_eq!(vetoes("Riêng phụ huynh ở thôn Bắc Hà yêu cầu đền bù đầy đủ."), ["petition"]);
        assert!(vetoes("Thủ tướng yêu cầu Điện Biên phải giữ vững an ninh.").is_empty());
        assert_eq!(vetoes("Ông Toàn giúp Thủ tướng theo dõi, chỉ đạo các lĩnh vực kinh tế."), ["helping"]);
        // The request going up is kept with its own veto, not the order it asks for.
        assert_eq!(vetoes("Tỉnh Yên Bái đề nghị Thủ tướng chỉ đạo Bộ Tài chính bố trí vốn."), ["to superior"]);
    }

    #[test]
    fn a_verb_of_proposing_governs_a_modal_after_it() {
        assert_eq!(
            vetoes("Cục Đường bộ đề xuất, tất cả các trung tâm sát hạch phải lắp camera."),
            ["proposal earlier"]
        );
        assert!(vetoes("Cục Đường bộ yêu cầu tất cả các trung tâm sát hạch phải lắp camera.").is_empty());
    }

    #[test]
    fn a_party_that_proposes_or_has_not_acted_is_given_no_follow_on_task() {
        let task = |text: &str| {
            on_words(text, |words| {
                follow_on(words, super::super::lexicon::get(), DirectiveKind::Require)
                    .map(|f| words.at(f.at.start).to_string())
            })
        };
        assert_eq!(task("Sở Y tế rà soát các quy định về khám sức khỏe.").as_deref(), Some("rà"));
        assert_eq!(task("Sở Y tế đề xuất Bộ sửa các quy định về khám sức khỏe."), None);
        assert_eq!(task("Sở Y tế chưa đưa ra ý kiến về các quy định này."), None);
    }

    #[test]
    fn a_cue_governed_by_a_request_or_help_to_a_party_is_vetoed() {
        let lexicon = super::super::lexicon::get();
        let reasons = |text: &str, cue: &str| {
            on_words(text, |words| {
                let at = (0..words.len()).find(|&k| words.has_phrase(k, cue)).unwrap();
                let c = words.longest(&lexicon.cues, at).unwrap().1;
                validate(words, lexicon, at..at + cue.split(' ').count(), c, 0).unwrap().vetoes
            })
        };
        let text = "Tỉnh đề nghị Thủ tướng chỉ đạo Bộ Tài chính bố trí vốn.";
        assert_eq!(reasons(text, "chỉ đạo"), [Veto::InsideRequest]);
        assert!(reasons("Theo đề nghị của Sở, UBND tỉnh chỉ đạo các huyện rà soát.", "chỉ đạo").is_empty());
        assert!(reasons("Tỉnh đề nghị Thủ tướng hỗ trợ; Bộ trưởng chỉ đạo các cục rà soát.", "chỉ đạo").is_empty());
        assert!(reasons("Thủ tướng chỉ đạo các bộ giúp tỉnh khắc phục hậu quả.", "chỉ đạo").is_empty());
    }

    #[test]
    fn the_first_valid_cue_wins_and_bare_phai_after_a_contrast_is_not_one() {
        assert_eq!(
            cue("Thủ tướng đồng ý xem xét, tuy nhiên phải căn cứ tình hình chung; yêu cầu các bộ phối hợp với tỉnh.")
                .as_deref(),
            Some("yêu cầu")
        );
        assert_eq!(cue("Thủ tướng yêu cầu Điện Biên phải giữ vững an ninh.").as_deref(), Some("yêu cầu"));
    }

    #[test]
    fn nouns_compounds_and_facts_are_not_cues() {
        assert_eq!(cue("Dự án chưa đáp ứng yêu cầu của người dân."), None);
        assert_eq!(cue("Xe tải chạy trên đường giao thông nông thôn."), None);
        assert_eq!(cue("Người dân phải chịu cảnh ngập lụt nhiều ngày."), None);
        assert_eq!(cue("Công trình cần 3 năm để hoàn thành."), None);
        assert_eq!(cue("Tỉnh đề nghị Chính phủ hỗ trợ kinh phí."), None);
        assert_eq!(cue("Thanh tra kiến nghị Thủ tướng chỉ đạo kiểm điểm; đồng thời giao các bộ xử lý sai phạm."), None);
        assert_eq!(cue("Sau khi nghe các kiến nghị, Bộ trưởng giao các cục xử lý sai phạm.").as_deref(), Some("giao"));
        assert_eq!(cue("Phía Mỹ không đưa ra bất cứ yêu cầu nào về việc này."), None);
        assert_eq!(cue("Thứ trưởng tới dự và phát biểu chỉ đạo hội nghị."), None);
        assert_eq!(cue("Doanh nghiệp đang phải đối diện nhiều khó khăn."), None);
    }

    #[test]
    fn a_cue_word_inside_another_word_or_a_name_is_no_cue() {
        assert_eq!(cue("Ông Putin bác cáo buộc của phương Tây."), None);
        assert_eq!(cue("Đoàn công tác của Bộ đến Cần Thơ làm việc."), None);
        assert_eq!(cue("Du khách xếp hàng vào Tử Cấm Thành."), None);
        assert_eq!(cue("Mỹ tiếp tục cấm vận Iran."), None);
        assert_eq!(cue("Nhà hát Giao hưởng thành phố mở cửa."), None);
        assert_eq!(cue("Tòa án buộc bị can bồi thường thiệt hại.").as_deref(), Some("buộc"));
        assert_eq!(cue("Ban Chỉ đạo yêu cầu các tỉnh theo dõi bão.").as_deref(), Some("yêu cầu"));
        assert_eq!(cue("Văn phòng Ban chỉ đạo Trung ương đề nghị các tỉnh trực ban.").as_deref(), Some("đề nghị"));
        assert_eq!(cue("Ban chỉ đạo trung ương về phòng chống thiên tai họp bàn cách đối phó."), None);
        assert_eq!(cue("Ông Cừ, Phó trưởng Ban Chỉ đạo Tây Bắc, được chỉ định giữ chức Phó bí thư."), None);
    }

    #[test]
    fn the_public_asking_is_a_petition_unless_it_reports_an_order() {
        assert_eq!(cue("Riêng phụ huynh ở thôn Bắc Hà (xã Kỳ Hà) yêu cầu đền bù đầy đủ."), None);
        assert_eq!(cue("Trong đó có 171 trường hợp yêu cầu phân loại đất để nâng giá đền bù."), None);
        assert_eq!(cue("Người dân cho biết, UBND xã đã yêu cầu chủ đầu tư dừng thi công.").as_deref(), Some("yêu cầu"));
    }

    #[test]
    fn an_order_reported_in_a_question_is_a_cue() {
        assert_eq!(cue("Công điện của Bộ yêu cầu Sở dừng cuộc thi, Sở đã làm hay chưa?").as_deref(), Some("yêu cầu"));
    }

    #[test]
    fn giao_cho_and_a_passive_with_a_task_assign() {
        assert_eq!(cue("UBND tỉnh giao cho Sở Xây dựng kiểm tra dự án.").as_deref(), Some("giao cho"));
        assert_eq!(cue("Bộ Công an được Thủ tướng giao chủ trì xây dựng đề án.").as_deref(), Some("giao"));
    }

    #[test]
    fn an_imperative_opens_its_sentence_or_item() {
        assert_eq!(cue("Cần tăng cường công tác vận động các tổ chức hỗ trợ thí sinh.").as_deref(), Some("Cần"));
        assert_eq!(cue("Đồng thời, phải xử lý nghiêm các sai phạm.").as_deref(), Some("phải"));
        assert_eq!(
            cue("UBND TP lại có văn bản chỉ đạo “các công ty tạm ứng không quá 80% đơn giá”.").as_deref(),
            Some("chỉ đạo")
        );
    }

    #[test]
    fn a_bare_modal_opens_a_main_clause_after_thi_or_la() {
        let text = "Ngay cả khi phải tăng thuế suất thì phải kết hợp hài hòa với mở rộng cơ sở thuế.";
        let before = on_words(text, |words| {
            let (found, _) = find(words, super::super::lexicon::get(), Some).unwrap();
            words.at(found.at.start - 1).to_string()
        });
        assert_eq!(before, "thì");
        assert_eq!(cue("Thủ tướng cho rằng việc cần làm nhất là phải khắc phục hậu quả.").as_deref(), Some("phải"));
        assert_eq!(cue("Chúng tôi xác định trách nhiệm của mình là phải giải quyết vấn đề."), None);
    }

    #[test]
    fn a_date_before_a_bare_modal_leaves_it_initial_but_a_length_of_time_does_not() {
        assert_eq!(cue("Trong quý 3/2019 phải hoàn thành việc di dời các hộ dân.").as_deref(), Some("phải"));
        assert_eq!(cue("Năm 2020 phải đưa tuyến đường vào sử dụng.").as_deref(), Some("phải"));
        let date = |text: &str| {
            on_words(text, |words| {
                let modal = (0..words.len()).find(|&k| words.is(k, &["phải"])).unwrap();
                date_before(words, modal, 0).map(|p| words.at(p).to_string())
            })
        };
        assert_eq!(date("Theo quy định, chậm nhất tới ngày 1/1/2020 phải xong.").as_deref(), Some("chậm"));
        assert_eq!(date("Con đường mới sửa 2 năm phải làm lại."), None);
        assert_eq!(date("Trong năm nay phải xong."), None);
    }

    #[test]
    fn a_fronted_frame_leaves_the_main_clause_initial_but_a_preposition_does_not() {
        assert_eq!(cue("Trong quá trình sửa chữa, phải bố trí đầy đủ biển báo.").as_deref(), Some("phải"));
        assert_eq!(cue("Trong 260 gói thầu có hơn 33% gói chậm tiến độ, phải bù giá."), None);
    }
}
