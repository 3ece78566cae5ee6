//! Issuers and addressees: the noun phrases that stand before and after a cue.
//!
//! Vietnamese puts the subject before the verb and the object right after it, so the
//! issuer of "Thủ tướng yêu cầu tỉnh tập trung ..." is the noun phrase that ends at the
//! cue (past adverbs such as "đã", "cũng" and document phrases such as "có văn bản"),
//! and the addressee is the noun phrase between the cue and the first action verb. A
//! noun phrase starts at a title ("Thủ tướng"), the head of a body's name ("Bộ",
//! "UBND") or a group noun ("các", "địa phương"); it may hold lower-case words
//! ("Bộ Thông tin - truyền thông", "các cơ quan chức năng liên quan") but no verb.

use std::ops::Range;

use super::grammar::{list, List};
use super::lexicon::{Action, Lexicon, Party, Role};
use super::words::Words;

/// How many tokens back from a cue its parties are looked for: far beyond any real
/// clause, and a bound that keeps the work per cue constant on pathological text.
pub const WINDOW: usize = 80;

/// The kind of party a phrase at `i` names, and its length. A longer verb at the same
/// place wins ("ban hành" is not the body "Ban", "báo cáo" not a newspaper).
pub fn party_at(words: &Words, lexicon: &Lexicon, i: usize) -> Option<(usize, Party)> {
    let party = words.longest_heading(&lexicon.parties, i)?;
    match words.longest(&lexicon.actions, i) {
        Some((n, _)) if n > party.0 && !words.is_capital(i) => None,
        _ => Some(party),
    }
}

/// Whether token `i` starts a noun phrase: a title, head or group word.
pub fn starts_np(words: &Words, lexicon: &Lexicon, i: usize) -> bool {
    matches!(party_at(words, lexicon, i), Some((_, Party::Title | Party::Head | Party::Group)))
}

/// Whether the phrase `np` names someone who can be told to act: it holds a title, the
/// head of a body's name, a group noun or a name (a capital inside the sentence: "Điện
/// Biên"), not only a quantifier and a common noun ("mọi thứ", sentence-initial "Nay").
pub fn names_agent(words: &Words, lexicon: &Lexicon, np: Range<usize>) -> bool {
    np.into_iter().any(|k| {
        (k > 0 && words.is_capital(k))
            || (starts_np(words, lexicon, k) && words.phrase_at(k, list(List::Quantifier)).is_none())
    })
}

/// The length of the action verb or adverb at `i`, when one starts there. A capital
/// inside a sentence marks a name ("Bộ Kế hoạch và Đầu tư"), not a verb, except at the
/// start of an item after ";" or ":" or a quotation mark.
pub fn action_at(words: &Words, lexicon: &Lexicon, i: usize) -> Option<usize> {
    let item_start = i == 0 || words.is(i - 1, &[";", ":", "“", "\"", "("]);
    if words.is_capital(i) && !item_start {
        return None;
    }
    let (n, _) = words.longest(&lexicon.actions, i)?;
    // A longer word of the treebank that is not a verb wins ("có thể" is not "có").
    match words.longest(&lexicon.verbs, i) {
        Some((m, false)) if m > n => None,
        _ => Some(n),
    }
}

/// The length of a modal or passive cue at `i` ("phải", "cần", "có trách nhiệm").
pub fn modal_at(words: &Words, lexicon: &Lexicon, i: usize) -> Option<usize> {
    match words.longest(&lexicon.cues, i) {
        Some((n, cue)) if cue.role != Role::Verb => Some(n),
        _ => None,
    }
}

/// Whether `range` holds a word that cannot be inside a noun phrase: a lower-case verb
/// or a break word outside any party phrase or fixed name.
pub fn has_break(words: &Words, lexicon: &Lexicon, range: Range<usize>) -> bool {
    breaks_phrase(words, lexicon, range, true)
}

/// [`has_break`], with `verbs` false when the action verbs of `range` do not break it:
/// they are the task that names a body ([`task_named`]).
fn breaks_phrase(words: &Words, lexicon: &Lexicon, range: Range<usize>, verbs: bool) -> bool {
    let mut i = range.start;
    while i < range.end {
        if let Some((n, _)) = party_at(words, lexicon, i) {
            i += n;
            continue;
        }
        if !words.is_capital(i)
            && ((verbs && words.longest(&lexicon.actions, i).is_some())
                || lexicon.cue_word_at(words, i)
                || words.phrase_at(i, list(List::Breaks)).is_some()
                || words.phrase_at(i, list(List::Aspect)).is_some())
        {
            return true;
        }
        i += 1;
    }
    false
}

/// The end of the noun phrase that starts at `start`, read narrowly: party phrases,
/// fixed names, capitalised words, the joints inside names ("-", "&", "và" before a
/// capital) and tail words such as "liên quan".
pub fn np_end(words: &Words, lexicon: &Lexicon, start: usize, limit: usize) -> usize {
    let mut j = start;
    while j < limit {
        if let Some((n, _)) = party_at(words, lexicon, j) {
            j += n;
        } else if let Some(n) = words.phrase_at(j, list(List::NpTail)) {
            j += n;
        } else if words.is_capital(j) && !words.is_punct(j) {
            j += 1;
            // A name capitalises only the first syllable of each of its words
            // ("Tài nguyên", "Quản lý"): the next syllable belongs to it unless it is
            // a word of another kind.
            if j < limit && continues_word(words, lexicon, j) {
                j = words.whole(j..j + 1).end;
            }
        } else if words.is(j, &["-", "–", "&", ".", "và", ","])
            && j > start
            && (words.is_capital(j + 1) || starts_np(words, lexicon, j + 1))
        {
            j += 1;
        } else {
            break;
        }
    }
    j.min(limit)
}

/// Whether the lower-case syllable at `i` may be the second syllable of the
/// capitalised word before it: not a verb, cue, modal, preposition, marker or break.
fn continues_word(words: &Words, lexicon: &Lexicon, i: usize) -> bool {
    let lists = [List::Prepositions, List::Adverbial, List::BeforeVerb, List::Breaks, List::NpTail, List::Aspect];
    !words.is_capital(i)
        && !words.is_punct(i)
        && !words.is_number(i)
        && party_at(words, lexicon, i).is_none()
        && words.longest(&lexicon.actions, i).is_none()
        && words.longest(&lexicon.cues, i).is_none()
        && !treebank_verb_at(words, lexicon, i)
        && lists.iter().all(|&l| words.phrase_at(i, list(l)).is_none())
}

/// `end` moved back over adverbs and document phrases that stand between a subject and
/// its verb.
pub fn skip_back(words: &Words, mut end: usize, floor: usize) -> usize {
    while end > floor {
        match words.phrase_before(end, list(List::BeforeVerb)) {
            Some(n) if end - n >= floor => end -= n,
            _ => break,
        }
    }
    end
}

/// `end` moved back past the punctuation before it, no further than `floor`.
pub fn trim_punct_back(words: &Words, mut end: usize, floor: usize) -> usize {
    while end > floor && words.is_punct(end - 1) {
        end -= 1;
    }
    end
}

/// Where the clause that ends at `end` starts: after the last comma, semicolon, colon,
/// bracket or quotation mark, but a comma after a bare title is inside the phrase
/// ("Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ Mai Tiến Dũng").
pub fn clause_start(words: &Words, lexicon: &Lexicon, end: usize, floor: usize) -> usize {
    let mut i = end;
    while i > floor {
        let k = i - 1;
        // A bracket that closes the phrase is a gloss of the name before it: "Tổng cục
        // Quản lý thị trường (QLTT) yêu cầu ...".
        if k + 1 == end && words.at(k) == ")" {
            if let Some(open) =
                (floor..k).rev().find(|&o| words.at(o) == "(").filter(|&o| o > floor && !words.is_punct(o - 1))
            {
                i = open;
                continue;
            }
        }
        if words.is(k, &[",", ";", ":", "(", ")"]) || words.is_quote(k) {
            if words.at(k) == "," && bare_title_before(words, lexicon, k, floor) {
                i = k;
                while i > floor && !words.is_punct(i - 1) {
                    i -= 1;
                }
                return i;
            }
            return i;
        }
        i -= 1;
    }
    floor
}

/// Whether the clause that ends at the comma `comma` is nothing but a title.
fn bare_title_before(words: &Words, lexicon: &Lexicon, comma: usize, floor: usize) -> bool {
    let mut s = comma;
    while s > floor && !words.is_punct(s - 1) {
        s -= 1;
    }
    matches!(party_at(words, lexicon, s), Some((n, Party::Title)) if s + n == comma)
}

/// Moves `start` left over capitalised words glued to it ("Nghị quyết Quốc hội").
fn extend_left(words: &Words, mut start: usize, floor: usize) -> usize {
    while start > floor && words.is_capital(start - 1) && !words.is_punct(start - 1) {
        start -= 1;
    }
    start
}

/// The noun phrase of `clause` that ends at its end: from the leftmost party word with
/// no verb between it and the end. When every party word is followed by a verb, the
/// narrow phrase of the first one (the clause's subject); a short clause of capitalised
/// words is a name ("Quảng Bình").
pub fn np_ending_at(words: &Words, lexicon: &Lexicon, clause: Range<usize>) -> Option<Range<usize>> {
    let clause = clause.start.max(clause.end.saturating_sub(WINDOW))..clause.end;
    if words.phrase_at(clause.start, list(List::FirstPerson)).is_some() {
        return None;
    }
    let first = (clause.start..clause.end).find(|&h| starts_np(words, lexicon, h));
    if let Some(first) = first {
        let mut h = first;
        while h < clause.end {
            if !starts_np(words, lexicon, h) {
                h += 1;
                continue;
            }
            if h > clause.start
                && words.phrase_before(h, list(List::Prepositions)).is_some()
                && !is_author_of_order(words, lexicon, h)
            {
                // The object of a preposition, with the rest of its phrase.
                h = np_end(words, lexicon, h, clause.end).max(h + 1);
                continue;
            }
            let task = task_named(words, lexicon, h, clause.end);
            if !breaks_phrase(words, lexicon, h..clause.end, !task) {
                // A body's name may start with capitalised words ("Nghị quyết Quốc
                // hội"); a person's title starts the phrase itself.
                let title = matches!(party_at(words, lexicon, h), Some((_, Party::Title)));
                let start = if title { h } else { extend_left(words, h, clause.start) };
                return Some(titled_person(words, lexicon, start, clause.end).unwrap_or(start)..clause.end);
            }
            h += 1;
        }
        let end = np_end(words, lexicon, first, clause.end);
        return Some(titled_person(words, lexicon, first, end).unwrap_or(first)..end);
    }
    let len = clause.end.saturating_sub(clause.start);
    let capitals = (clause.start..clause.end).all(|i| words.is_capital(i) || words.is(i, &["-", "–", "."]));
    (len > 0 && len <= 6 && capitals && words.is_capital(clause.start)).then_some(clause)
}

/// Whether the head at `h` names a body by its task, and the phrase from it to `end`
/// is that name: a capitalised head that holds a verb ("Ban Chỉ huy", "Ban Quản lý")
/// or is followed by one, capitalised when the head opens the sentence ("Trung tâm
/// Điều hành chống ngập ...", "Cục Chống tham nhũng"), and a phrase that ends on a name or a party word, the body's
/// place ("Ban chỉ huy phòng chống thiên tai và tìm kiếm cứu nạn TP. HCM"). Its verbs
/// are then the name's, not the clause's.
fn task_named(words: &Words, lexicon: &Lexicon, h: usize, end: usize) -> bool {
    let Some((n, Party::Head)) = party_at(words, lexicon, h) else { return false };
    if !words.is_capital(h) || end <= h + n + 1 {
        return false;
    }
    let verb = |k: usize| verb_word_at(words, lexicon, k) || words.longest(&lexicon.actions, k).is_some();
    // The head is capitalised; opening the sentence that says nothing ("Tỉnh kiểm tra
    // ..." is a clause), so there the word after it must be.
    let capital_name = h > 0 || words.is_capital(h + n);
    let task = (h + 1..h + n).any(verb) || (verb(h + n) && capital_name);
    let place = || {
        (h + n..end).any(|k| matches!(party_at(words, lexicon, k), Some((m, _)) if k + m == end))
            || (words.is_capital(end - 1) && !words.is_punct(end - 1))
    };
    task && place()
}

/// Where a person named by a capitalised title and a name starts inside the phrase
/// `start..end` that ends with them: "lãnh đạo tỉnh Bắc Ninh Thủ tướng Nguyễn Xuân
/// Phúc", "ý kiến Phó Thủ tướng Vũ Đức Đam" (a comma lost before the subject, or the
/// person whose words are passed on). A title and name is a whole noun phrase; what
/// stands before it is another. Not inside a title that opens the phrase ("Phó Thủ
/// tướng Thường trực Trương Hòa Bình").
fn titled_person(words: &Words, lexicon: &Lexicon, start: usize, end: usize) -> Option<usize> {
    let opens_titled = words.is_capital(start) && matches!(party_at(words, lexicon, start), Some((_, Party::Title)));
    if opens_titled {
        return None;
    }
    let name = (start..end).rev().take_while(|&k| words.is_capital(k) && !words.is_punct(k)).last()?;
    if end - name < 2 || (name..end).any(|k| party_at(words, lexicon, k).is_some()) {
        return None;
    }
    (start + 1..name).find(|&k| {
        words.is_capital(k)
            && matches!(party_at(words, lexicon, k), Some((_, Party::Title)))
            && !(k..end).any(|j| words.is(j, &[",", "(", ")"]))
    })
}

/// The subject of the clause that ends just before `cue`: its noun phrase.
pub fn subject_before(words: &Words, lexicon: &Lexicon, cue: usize, floor: usize) -> Option<Range<usize>> {
    let floor = floor.max(cue.saturating_sub(WINDOW));
    let end = skip_back(words, cue, floor);
    let start = clause_start(words, lexicon, end, floor);
    let start = skip_connectives(words, start, end);
    if start >= end {
        return None;
    }
    np_ending_at(words, lexicon, start..end)
        .filter(|np| np.end == end)
        .map(|np| listed_before(words, lexicon, np, floor))
}

/// `np` widened to the parties listed before it with commas when it opens its clause:
/// "UBND các quận huyện, sở ban ngành phải ...", "Nga, Trung Quốc kêu gọi ...". Each
/// item must be a whole noun phrase that opens the sentence or follows another comma.
fn listed_before(words: &Words, lexicon: &Lexicon, np: Range<usize>, floor: usize) -> Range<usize> {
    let mut start = np.start;
    while start > floor + 1 && words.is(start - 1, &[","]) {
        let comma = start - 1;
        let mut item = comma;
        while item > floor && !words.is_punct(item - 1) {
            item -= 1;
        }
        let opens = item == floor || words.is(item - 1, &[","]);
        let whole = item < comma
            && skip_connectives(words, item, comma) == item
            && (starts_np(words, lexicon, item) || name(words, lexicon, item..comma))
            && np_end(words, lexicon, item, comma) == comma;
        if !(opens && whole) {
            break;
        }
        start = item;
    }
    start..np.end
}

/// The issuer of a verb cue at `cue`: the noun phrase of its clause, else the subject
/// that opens an earlier clause of the sentence ("Thủ tướng đồng ý ...; yêu cầu ..."),
/// else the authority of a leading "Theo X,".
pub fn issuer_before(words: &Words, lexicon: &Lexicon, cue: usize, floor: usize) -> Option<Range<usize>> {
    let floor = floor.max(cue.saturating_sub(WINDOW));
    let end = skip_back(words, cue, floor);
    let start = clause_start(words, lexicon, end, floor);
    let own = skip_connectives(words, start, end);
    // "Theo chỉ đạo của X, ...": the cue word is the noun of X's order, and X gives it.
    if own + 1 == end && words.at(own) == "theo" {
        if let Some(x) = author_of_order_at(words, lexicon, cue).filter(|&x| starts_np(words, lexicon, x)) {
            let comma = (x..words.len()).find(|&k| words.is(k, &[","])).unwrap_or(words.len());
            return Some(x..np_end(words, lexicon, x, comma));
        }
    }
    if own < end {
        if let Some(np) = np_ending_at(words, lexicon, own..end) {
            return Some(if np.start == own { listed_before(words, lexicon, np, floor) } else { np });
        }
        // A speaker reporting an order they gave: "Chúng tôi đã yêu cầu ...".
        if words.phrase_at(own, list(List::FirstPerson)) == Some(end - own) {
            return Some(own..end);
        }
        if start == floor {
            return named_subject(words, lexicon, own, end);
        }
    }
    earlier_subject(words, lexicon, start, floor)
}

/// The issuer of a verb cue inside a quotation: its own subject, unless that is the
/// speaker's "tôi" or "chúng tôi" ("Tôi đề nghị hai địa phương ...", Thủ tướng nói): then,
/// as with no subject, the speaker named after the quotation.
pub fn quoted_issuer(words: &Words, own: Option<Range<usize>>, speaker: Option<Range<usize>>) -> Option<Range<usize>> {
    match own {
        Some(own)
            if speaker.is_none() || !own.clone().any(|k| words.phrase_at(k, list(List::FirstPerson)).is_some()) =>
        {
            Some(own)
        }
        _ => speaker,
    }
}

/// Whether the noun phrase `np` is followed, past adverbs, by a speech verb: the
/// speaker of what follows ("Thủ tướng nhấn mạnh, ..."), or the X of "Theo X,".
pub fn is_speaker(words: &Words, np: &Range<usize>) -> bool {
    if np.start > 0 && words.at(np.start - 1) == "theo" {
        return true;
    }
    words.phrase_at(skip_forward(words, np.end, words.len()), list(List::Speech)).is_some()
}

/// The subject that opens the nearest clause before `before` that opens with one, or
/// the X of "Theo X,".
pub fn earlier_subject(words: &Words, lexicon: &Lexicon, before: usize, floor: usize) -> Option<Range<usize>> {
    let floor = floor.max(before.saturating_sub(WINDOW));
    let mut end = before;
    while end > floor {
        let sep = end - 1;
        let start = clause_start(words, lexicon, sep, floor);
        let s = skip_connectives(words, start, sep);
        // "Theo quy định, ...": a document opening the sentence is its issuer.
        if s == 0 && words.at(s) == "theo" {
            if let Some(n) = legal_at(words, s + 1) {
                return Some(s + 1..legal_end(words, s + 1 + n, sep));
            }
        }
        let s = if words.at(s) == "theo" && starts_np(words, lexicon, s + 1) { s + 1 } else { s };
        if s < sep && starts_np(words, lexicon, s) {
            return Some(listed_before(words, lexicon, s..np_end(words, lexicon, s, sep), floor));
        }
        if start == floor {
            return named_subject(words, lexicon, s, sep);
        }
        end = start;
    }
    None
}

/// The name that opens a sentence at `s` as the subject of its verb, before `limit`:
/// two or more capitalised syllables (a state: "Bình Nhưỡng", "Việt Nam"; one alone
/// opening a sentence may be any word, "Nếu", "Việc") that a verb of the treebank or an
/// `aspect` marker (tense, aspect or voice) follows, past adverbs ("Bình Nhưỡng cũng lên án ..., yêu cầu
/// Washington ...").
fn named_subject(words: &Words, lexicon: &Lexicon, s: usize, limit: usize) -> Option<Range<usize>> {
    let end = np_end(words, lexicon, s, limit);
    if end < s + 2 || !name(words, lexicon, s..end) {
        return None;
    }
    let verb = skip_forward(words, end, limit);
    (verb < limit && (treebank_verb_at(words, lexicon, verb) || words.phrase_at(verb, list(List::Aspect)).is_some()))
        .then_some(s..end)
}

/// `start` moved on past the adverbs that stand between a subject and its verb ("cũng",
/// "đã"), no further than `limit`.
pub fn skip_forward(words: &Words, mut start: usize, limit: usize) -> usize {
    while let Some(n) = words.phrase_at(start, list(List::BeforeVerb)).filter(|_| start < limit) {
        start += n;
    }
    start
}

/// The length of the legal document word at `i` ("quy định", "nghị quyết"), when it is
/// a whole word ("luật", not "luật sư").
pub fn legal_at(words: &Words, i: usize) -> Option<usize> {
    words.phrase_at(i, list(List::Legal)).filter(|&n| words.edge(i + n))
}

/// The end of the name of a document whose head word ends at `from`, at most `limit`:
/// its number, name and "này"/"của ..." up to a comma, "thì", "về" or "hiện"
/// ("quyết định số 07 về việc ...", "Luật Giao thông đường bộ hiện nay").
fn legal_end(words: &Words, from: usize, limit: usize) -> usize {
    (from..limit).find(|&k| words.is(k, &["thì", "về", "hiện", ","])).unwrap_or(limit)
}

/// The addressee after a verb cue ending at `after` and where the action starts. The
/// addressee runs to the first action verb, modal or adverbial; when none comes within
/// reach it is read narrowly. No addressee when an action or a punctuation mark
/// follows the cue at once ("chỉ đạo giải quyết ..."). `None` when what follows is
/// neither an addressee nor an action: the cue word was a noun ("yêu cầu thực tiễn").
pub fn addressee_after(
    words: &Words,
    lexicon: &Lexicon,
    after: usize,
    end: usize,
) -> Option<(Option<Range<usize>>, usize)> {
    let mut start = if words.is(after, &["cho"]) { after + 1 } else { after };
    // Serial verbs of ordering ("đôn đốc yêu cầu công ty ...", "chỉ đạo giao TP ..."):
    // the addressee follows the last.
    while let Some((n, cue)) = words.longest(&lexicon.cues, start) {
        if cue.role != Role::Verb || words.is_capital(start) || !lexicon.cue_word_at(words, start) {
            break;
        }
        start += n;
    }
    // "chỉ đạo: Giao Sở Xây dựng chủ trì ...": a verb of ordering that opens what the
    // colon introduces is serial too.
    if words.is(start, &[":"]) && lexicon.cue_word_at(words, start + 1) {
        if let Some((n, _)) = words.longest(&lexicon.cues, start + 1).filter(|(_, c)| c.role == Role::Verb) {
            start += 1 + n;
        }
    }
    // "yêu cầu: Giám đốc Sở Y tế chủ trì ...": the subject of the first task.
    if words.is(start, &[":"]) && starts_np(words, lexicon, start + 1) {
        if let (stop, true) = np_forward(words, lexicon, start + 1, end) {
            return Some((Some(start + 1..skip_back(words, stop, start + 2)), stop));
        }
    }
    if start >= end
        || words.is_punct(start)
        || object_of_cue(words, start)
        || modal_at(words, lexicon, start).is_some()
        || words.phrase_at(start, list(List::Negation)).is_some()
    {
        return Some((None, after));
    }
    // A body's name closed by its bracketed abbreviation holds whatever verbs it names:
    // "Tổng công ty đầu tư và phát triển đường cao tốc Việt Nam (VEC) ...".
    if let Some(close) = glossed_name(words, lexicon, start, end) {
        return Some((Some(start..close), close));
    }
    let (stop, verb) = np_forward(words, lexicon, start, end);
    if action_at(words, lexicon, start).is_some()
        || (treebank_verb_at(words, lexicon, start)
            && !starts_np(words, lexicon, start)
            && !lexicon.cue_word_at(words, start))
    {
        // "thanh tra" is a body before a name or a modal, else a verb; "lãnh đạo" is a
        // title before the party it leads ("lãnh đạo các quận, huyện").
        let body = party_at(words, lexicon, start).is_some_and(|(n, party)| {
            words.is_capital(start + n) || (party == Party::Title && starts_np(words, lexicon, start + n))
        }) || (verb && modal_at(words, lexicon, stop).is_some());
        if !body {
            return Some((None, after));
        }
    }
    if !verb && !starts_np(words, lexicon, start) && !words.is_capital(start) {
        // No verb follows and no party starts here: the cue word was a noun.
        return None;
    }
    let stop = if verb { stop } else { np_end(words, lexicon, start, stop).max(start + 1).min(end) };
    if let Some(close) = gloss_end(words, stop, end) {
        return Some((Some(start..close), close));
    }
    let last = trim_punct_back(words, stop, start);
    if last == start {
        return Some((None, stop));
    }
    Some((Some(start..last), stop))
}

/// The end of the gloss of a body's name that starts with a head at `start` and ends on
/// a capitalised word right before a bracketed abbreviation, with no mark between. A cue
/// word, or a capitalised head or title after a lower-case word, between them starts a
/// second party: "Bộ Y tế chỉ đạo Bệnh viện Bạch Mai (BVBM) ..." names two parties.
fn glossed_name(words: &Words, lexicon: &Lexicon, start: usize, end: usize) -> Option<usize> {
    if !matches!(party_at(words, lexicon, start), Some((_, Party::Head))) {
        return None;
    }
    let open = (start + 1..end.min(start + WINDOW / 4)).find(|&k| words.is_punct(k))?;
    let second_party = |k: usize| {
        words.is_capital(k)
            && !words.is_capital(k - 1)
            && matches!(party_at(words, lexicon, k), Some((_, Party::Head | Party::Title)))
    };
    if (start + 1..open).any(|k| lexicon.cue_word_at(words, k) || second_party(k)) {
        return None;
    }
    // No mark between: `open` is the first; the word before it is the name's last.
    gloss_end(words, open, end).filter(|_| words.is_capital(open - 1))
}

/// The end of a bracketed abbreviation that opens at `open` and glosses the name before
/// it ("Cơ quan Năng lượng Nguyên tử Quốc tế (IAEA)"): the bracket closes within a few
/// capitalised tokens.
fn gloss_end(words: &Words, open: usize, end: usize) -> Option<usize> {
    if words.at(open) != "(" {
        return None;
    }
    let close = (open + 1..end.min(open + 5)).find(|&k| words.at(k) == ")")?;
    (close > open + 1 && (open + 1..close).all(|k| words.is_capital(k) || words.is(k, &["-", "&"])))
        .then_some(close + 1)
}

/// Whether a preposition at `i`, right after a cue, opens the cue's own object ("lưu ý
/// đến tuyến đường ..."): no addressee, and the cue verb is the action's verb.
pub fn object_of_cue(words: &Words, i: usize) -> bool {
    words.is(i, &["đến", "tới", "về", "của", "tại", "ở", "từ"])
}

/// Scans a noun phrase forward from `start` to the first action verb or modal (true)
/// or to a mark or adverbial that ends it without one (false).
pub fn np_forward(words: &Words, lexicon: &Lexicon, start: usize, end: usize) -> (usize, bool) {
    const REACH: usize = 30;
    let mut j = start;
    while j < end && j < start + REACH {
        if let Some((n, _)) = party_at(words, lexicon, j) {
            j += n;
            continue;
        }
        if let Some(n) = words.phrase_at(j, list(List::NpTail)).filter(|_| j > start) {
            j += n;
            continue;
        }
        // A verb, a modal or a nested order ("chỉ đạo Bộ Tài chính yêu cầu ...") ends it.
        let cue = !words.is_capital(j) && lexicon.cue_word_at(words, j);
        // ... unless the verb is the subject's own ([`verb_in_subject`]).
        if let Some(n) = (j > start && !cue).then(|| verb_in_subject(words, lexicon, start, j, end)).flatten() {
            j += n;
            continue;
        }
        if j > start && (action_at(words, lexicon, j).is_some() || cue || adverb_before_verb(words, lexicon, j, end)) {
            return (j, true);
        }
        let verb = words.longest(&lexicon.verbs, j);
        let breaks = j > start && !words.is_capital(j) && breaks_at(words, lexicon, j);
        // A break word that is a verb of its own in the treebank ("làm việc") is the
        // verb of the phrase before it ("Ban giám khảo làm việc ...").
        if breaks && matches!(verb, Some((n, true)) if n > 1) {
            return (j, true);
        }
        if words.is(j, &[";", ":", "(", "!", "?", "…", "..."])
            || words.is_quote(j)
            || (j > start && words.phrase_at(j, list(List::Adverbial)).is_some())
            || breaks
        {
            return (j, false);
        }
        match verb {
            Some((_, true)) if j > start && !words.is_capital(j) => return (j, true),
            Some((n, _)) if n > 1 => {
                j += n;
                continue;
            }
            _ => {}
        }
        j += 1;
    }
    (j.min(end), false)
}

/// Where the author of an order starts when the order's noun stands at `i`: after
/// "chỉ đạo của", "ý kiến của", "ý kiến chỉ đạo của" ("Theo chỉ đạo của Phó Thủ tướng
/// X, cần ...", "thông báo ý kiến của Thủ tướng X giao ..."): the one whose order is
/// passed on gives it.
fn author_of_order_at(words: &Words, lexicon: &Lexicon, i: usize) -> Option<usize> {
    let mut k = i + words.phrase_at(i, list(List::Opinion)).unwrap_or(0);
    if let Some((n, _)) = words.longest(&lexicon.cues, k) {
        k += n;
    }
    (k > i && words.is(k, &["của"])).then_some(k + 1)
}

/// Whether the party at `h` follows the noun of an order and its "của"
/// ([`author_of_order_at`]), sought at most five syllables back: the span of "ý kiến chỉ
/// đạo của".
fn is_author_of_order(words: &Words, lexicon: &Lexicon, h: usize) -> bool {
    (h.saturating_sub(5)..h.saturating_sub(1)).any(|i| author_of_order_at(words, lexicon, i) == Some(h))
}

/// Whether an adverb that stands between a subject and its verb starts at `i` with a
/// verb after it ("các bộ ngành cùng ngồi lại ...", "các gia đình tự theo dõi ..."):
/// the subject ends before it. Not "và", which joins parties as well as verbs, and not
/// before a noun ("Bộ ... cùng Sở ...").
fn adverb_before_verb(words: &Words, lexicon: &Lexicon, i: usize, end: usize) -> bool {
    let verb = skip_forward(words, i, end);
    verb > i && verb < end && !words.is_capital(i) && !words.is(i, &["và"]) && verb_at(words, lexicon, verb)
}

/// Whether an action verb or a verb of the treebank starts within a few words after
/// `from`, before any mark or "và".
fn verb_follows(words: &Words, lexicon: &Lexicon, from: usize, end: usize) -> bool {
    (from..end.min(from + 8)).take_while(|&k| !words.is_punct(k) && !words.is(k, &["và"])).any(|k| {
        matches!(words.longest(&lexicon.actions, k), Some((_, Action::Verb))) || treebank_verb_at(words, lexicon, k)
    })
}

/// Whether the last party listed in `start..at` (after its last "," or "và") is a head
/// that names a unit (`units`: "đơn vị", "lực lượng", "tổ") with only determiners before
/// it ("các đơn vị").
fn bare_unit(words: &Words, start: usize, at: usize) -> bool {
    let item = (start..at).rev().find(|&k| words.is(k, &[",", "và"])).map_or(start, |k| k + 1);
    let k = past_determiners(words, item, at);
    words.phrase_at(k, list(List::Units)).is_some_and(|n| k + n == at)
}

/// `start` moved past the plural and totality words that open a party ("các", "tất
/// cả"), before `end`: where its head is.
pub fn past_determiners(words: &Words, mut start: usize, end: usize) -> usize {
    while start < end && words.is(start, list(List::Determiners)) {
        start += 1;
    }
    start
}

/// The length of the verb at `j` when it belongs to the subject that starts at `start`
/// rather than ending it: a modal follows it at once, so it modifies the modal's
/// subject ("các phương án báo cáo cần thu thập ..."), or it comes right after a bare
/// head that names a unit, with another verb after it, and says which unit ("các đơn
/// vị bảo trì đường bộ | bám sát ...", "tổ kiểm tra | đánh giá ...", "đơn vị tư vấn |
/// rà soát ..."); the unit may be the last party listed ("Bộ Ngoại giao, các cơ quan
/// đại diện ngoại giao ..."). (A capital cannot be that verb: right after the unit's
/// head it is no item's start.)
fn verb_in_subject(words: &Words, lexicon: &Lexicon, start: usize, j: usize, end: usize) -> Option<usize> {
    let n = verb_length(words, lexicon, j)?;
    let modal = modal_at(words, lexicon, j + n).is_some();
    let unit = || {
        !matches!(words.longest(&lexicon.actions, j), Some((_, Action::Adverb)))
            && bare_unit(words, start, j)
            && verb_follows(words, lexicon, j + n, end)
    };
    (modal || unit()).then_some(n)
}

/// Whether a break word starts at `i` and is not the first syllable of a longer word
/// ("dự" attends, "dự án" is a project).
fn breaks_at(words: &Words, lexicon: &Lexicon, i: usize) -> bool {
    let n = words.phrase_at(i, list(List::Breaks)).unwrap_or(0);
    n > 0 && words.longest(&lexicon.verbs, i).is_none_or(|(m, _)| m <= n)
}

/// Whether a word that is mostly a verb in the treebank starts at `i`, in any case: a
/// capital at the start of a sentence may be a verb's ("Theo Bộ ...").
fn verb_word_at(words: &Words, lexicon: &Lexicon, i: usize) -> bool {
    matches!(words.longest(&lexicon.verbs, i), Some((_, true)))
}

/// Whether `range` is a name: capitalised words only, the first not a verb's ("Nga",
/// "Hà Nội"; not "Sáng nay", "Theo Bộ").
fn name(words: &Words, lexicon: &Lexicon, range: Range<usize>) -> bool {
    !verb_word_at(words, lexicon, range.start)
        && range.into_iter().all(|k| words.is_capital(k) || words.is(k, &["-", "–", "."]))
}

/// Whether a lower-case word that is mostly a verb in the treebank starts at `i`.
pub fn treebank_verb_at(words: &Words, lexicon: &Lexicon, i: usize) -> bool {
    treebank_verb(words, lexicon, i).is_some()
}

/// The length of the lower-case word that is mostly a verb in the treebank at `i`
/// ([`treebank_verb_at`]), for the callers that step past it.
pub fn treebank_verb(words: &Words, lexicon: &Lexicon, i: usize) -> Option<usize> {
    words.longest(&lexicon.verbs, i).filter(|&(_, verb)| verb && !words.is_capital(i)).map(|(n, _)| n)
}

/// Whether an action verb or a lower-case verb of the treebank starts at `i`.
pub fn verb_at(words: &Words, lexicon: &Lexicon, i: usize) -> bool {
    verb_length(words, lexicon, i).is_some()
}

/// The length of the action verb or lower-case verb of the treebank at `i`
/// ([`verb_at`]), for the callers that step past it.
fn verb_length(words: &Words, lexicon: &Lexicon, i: usize) -> Option<usize> {
    action_at(words, lexicon, i).or_else(|| treebank_verb(words, lexicon, i))
}

/// `start` moved past a fronted adverbial frame ("Nếu ... thì", "Trong quá trình sửa
/// chữa,") and the connectives after it, when one opens there; the main clause starts
/// after the frame's comma or "thì". Unchanged when no frame opens at `start` or none
/// closes before a ";", ":" or the end.
pub fn skip_frame(words: &Words, start: usize, end: usize) -> usize {
    if words.phrase_at(start, list(List::Frame)).is_none() {
        return start;
    }
    let close = (start + 1..end.min(start + WINDOW))
        .take_while(|&k| !words.is(k, &[";", ":"]))
        .find(|&k| words.is(k, &[",", "thì"]));
    close.map_or(start, |k| skip_connectives(words, k + 1, end))
}

/// `start` moved past connectives, commas and dashes that open a clause ("Bên cạnh đó,
/// ", the "-" before the speaker of a quotation).
pub fn skip_connectives(words: &Words, mut start: usize, end: usize) -> usize {
    while start < end {
        if words.is(start, &[",", "-", "–"]) {
            start += 1;
        } else if let Some(n) = words.phrase_at(start, list(List::Connectives)) {
            start += n;
        } else {
            break;
        }
    }
    start
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;

    fn position(words: &Words, word: &str) -> usize {
        (0..words.len()).find(|&i| words.at(i) == word).unwrap()
    }

    /// What `read` (`issuer_before`, `subject_before`) finds for the cue at the
    /// syllable `cue` of `text`.
    fn party_of(
        text: &str,
        cue: &str,
        read: fn(&Words, &Lexicon, usize, usize) -> Option<Range<usize>>,
    ) -> Option<String> {
        let doc = Document::new(text);
        let words = Words::new(&doc, 0);
        let at = position(&words, cue);
        read(&words, get(), at, 0).map(|r| doc.text()[words.bytes(r)].to_string())
    }

    fn issuer_of(text: &str, cue: &str) -> Option<String> {
        party_of(text, cue, issuer_before)
    }

    #[test]
    fn the_issuer_is_the_subject_not_an_object_before_the_cue() {
        let text = "Sáng nay, Thủ tướng Nguyễn Xuân Phúc lên Yên Bái làm việc với lãnh đạo tỉnh và chỉ đạo giải quyết vụ việc.";
        assert_eq!(issuer_of(text, "chỉ").as_deref(), Some("Thủ tướng Nguyễn Xuân Phúc"));
    }

    #[test]
    fn a_connective_of_the_summary_opening_the_sentence_is_not_part_of_the_issuer() {
        // "Song", "Nhưng" are connectives of data/summary-cues.txt, which the rules read.
        let text = "Song, ông Hải cũng lưu ý các địa phương linh hoạt trong các giải pháp.";
        assert_eq!(issuer_of(text, "lưu").as_deref(), Some("ông Hải"));
        let text = "Nhưng nhà thầu yêu cầu giải phóng mặt bằng dứt điểm.";
        assert_eq!(issuer_of(text, "yêu").as_deref(), Some("nhà thầu"));
    }

    #[test]
    fn a_title_before_a_comma_belongs_to_the_issuer() {
        let text = "Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ Mai Tiến Dũng đề nghị bộ tập trung vào năm nội dung.";
        assert_eq!(issuer_of(text, "đề").as_deref(), Some("Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ Mai Tiến Dũng"));
    }

    /// The addressee that `addressee_after` finds after the cue that ends with the
    /// syllable `cue` of `text`, and the syllable where the action starts.
    fn addressee_of(text: &str, cue: &str) -> (Option<String>, String) {
        let doc = Document::new(text);
        let words = Words::new(&doc, 0);
        let after = position(&words, cue) + 1;
        let (addressee, start) = addressee_after(&words, get(), after, words.len()).unwrap();
        (addressee.map(|r| doc.text()[words.bytes(r)].to_string()), words.at(start).to_string())
    }

    #[test]
    fn the_addressee_runs_to_the_first_verb_past_fixed_names() {
        let text = "UBND thành phố chỉ đạo Sở Nông nghiệp và phát triển nông thôn thành phố rà soát các cơ sở giết mổ.";
        let found = addressee_of(text, "đạo");
        assert_eq!(found, (Some("Sở Nông nghiệp và phát triển nông thôn thành phố".into()), "rà".into()));
    }

    #[test]
    fn a_body_named_by_its_task_keeps_its_verbs_before_the_cue() {
        let text = "Ban chỉ huy phòng chống lụt bão và cứu hộ tỉnh Nam Sơn đã yêu cầu các xã sơ tán dân.";
        assert_eq!(issuer_of(text, "yêu").as_deref(), Some("Ban chỉ huy phòng chống lụt bão và cứu hộ tỉnh Nam Sơn"));
        // A head that opens the sentence with a lower-case verb after it is a clause,
        // not a name: its verb breaks.
        let text = "Tỉnh kiểm tra các doanh nghiệp và yêu cầu họ nộp phạt.";
        assert_ne!(issuer_of(text, "yêu").as_deref(), Some("Tỉnh kiểm tra các doanh nghiệp"));
    }

    #[test]
    fn a_title_and_name_at_the_cue_is_the_issuer_not_what_stands_before_it() {
        let text = "Làm rõ vụ lấn chiếm đất của lãnh đạo xã Đông Sơn Bộ trưởng Trần Văn Lâm yêu cầu huyện rà soát lại.";
        assert_eq!(issuer_of(text, "yêu").as_deref(), Some("Bộ trưởng Trần Văn Lâm"));
        // A title that opens the phrase holds the titles after it.
        let text = "Phó Thủ tướng Thường trực Lê Văn Hải yêu cầu các bộ báo cáo.";
        assert_eq!(issuer_of(text, "yêu").as_deref(), Some("Phó Thủ tướng Thường trực Lê Văn Hải"));
    }

    #[test]
    fn heads_of_state_and_public_institutions_are_parties() {
        let text = "Tổng thống Lê An cũng yêu cầu quân đội rút về doanh trại.";
        assert_eq!(issuer_of(text, "yêu").as_deref(), Some("Tổng thống Lê An"));
        let text = "Bệnh viện Hòa Bình phải báo cáo số ca bệnh mỗi ngày.";
        assert_eq!(party_of(text, "phải", subject_before).as_deref(), Some("Bệnh viện Hòa Bình"));
    }

    #[test]
    fn an_adverb_before_the_verb_ends_the_addressee() {
        let text = "Bộ trưởng yêu cầu các trường cùng rà soát danh sách học sinh.";
        assert_eq!(addressee_of(text, "cầu"), (Some("các trường".into()), "cùng".into()));
        // Before a party it joins two: "Sở A cùng Sở B kiểm tra ...".
        let text = "Bộ trưởng yêu cầu Sở Y tế cùng Sở Tài chính kiểm tra hồ sơ.";
        assert_eq!(addressee_of(text, "cầu").0.as_deref(), Some("Sở Y tế cùng Sở Tài chính"));
        // "cùng cấp" (of the same level) closes the noun phrase.
        let text = "Bộ Tài chính yêu cầu Sở Tài chính và cơ quan thuế cùng cấp kiểm tra hồ sơ.";
        let found = addressee_of(text, "cầu");
        assert_eq!(found, (Some("Sở Tài chính và cơ quan thuế cùng cấp".into()), "kiểm".into()));
    }

    #[test]
    fn a_bracketed_abbreviation_closes_the_addressee() {
        // The name holds the verbs it names up to its abbreviation.
        let text = "Bộ trưởng yêu cầu Tổng công ty xây dựng đường sắt Miền Nam (TCM) báo cáo tiến độ.";
        let found = addressee_of(text, "cầu");
        assert_eq!(found, (Some("Tổng công ty xây dựng đường sắt Miền Nam (TCM)".into()), "báo".into()));
        // A name read narrowly keeps its whole last word and the gloss after it.
        let text = "Tỉnh yêu cầu Công ty Cấp nước Nam Sơn Một thành viên (NSW) có phương án cấp nước.";
        let found = addressee_of(text, "cầu");
        assert_eq!(found, (Some("Công ty Cấp nước Nam Sơn Một thành viên (NSW)".into()), "có".into()));
        // An order or a second party before the abbreviation: the gloss is the second's.
        let text = "Thủ tướng yêu cầu Bộ Y tế chỉ đạo Bệnh viện Bạch Mai (BVBM) báo cáo tiến độ.";
        assert_eq!(addressee_of(text, "cầu"), (Some("Bộ Y tế".into()), "chỉ".into()));
        let text = "Thủ tướng yêu cầu Sở Y tế phối hợp với Bệnh viện Bạch Mai (BVBM) rà soát hồ sơ.";
        assert_eq!(addressee_of(text, "cầu"), (Some("Sở Y tế".into()), "phối".into()));
    }

    #[test]
    fn the_author_of_an_order_passed_on_is_its_issuer() {
        let text = "Theo chỉ đạo của Bộ trưởng Lê Văn Hải, các trường phải nộp báo cáo trước thứ Sáu.";
        assert_eq!(issuer_of(text, "chỉ").as_deref(), Some("Bộ trưởng Lê Văn Hải"));
        let text = "Văn phòng Bộ vừa thông báo ý kiến của Thứ trưởng Trần An giao Cục Thuế rà soát hồ sơ.";
        assert_eq!(issuer_of(text, "giao").as_deref(), Some("Thứ trưởng Trần An"));
    }

    fn get() -> &'static Lexicon {
        super::super::lexicon::get()
    }
}
