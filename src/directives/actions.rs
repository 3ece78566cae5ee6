//! The actions of a directive: the stretch after the addressee, split into items.
//!
//! Items are separated by ";", by "," between verb phrases (", đồng thời", a negated
//! verb, an adverb with its verb and a modal with its verb, also after a subject ("mọi
//! thay đổi phải báo cáo"), a purpose clause or in a noun; ", nếu ... thì X" gives X),
//! and by "và" joining verb phrases that each have their own object or a modal with its
//! verb. Verbs that share one object ("kiểm tra, chỉ đạo và xử lý X", also with verbs
//! of the treebank that the action verbs miss: "tăng cường tuần tra, xử lý X") stay one
//! item: a joint splits only when what comes before it already has an object. The
//! actions end before a clause that is no task ([`own_clause_end`]). An item starts at
//! its verb, keeping the adverbs just before it ("khẩn trương", "tiếp tục") and
//! dropping what is not the task in front of it: a modal (with the passive marker of
//! "cần được") or a deadline ("chậm nhất đến 25/12 phải gỡ ..." → "gỡ ..."), a
//! condition ("nếu ... thì"), the noun of an assigned task ("nhiệm vụ"), and the
//! subject or time of an obligation when an item opens with no verb before its modal.

use std::ops::Range;

use super::grammar::{list, List};
use super::lexicon::{Action, Lexicon, Party};
use super::parties;
use super::words::Words;

/// Where the actions that start at `start` end: at `end`, at a clause break, at the
/// close of a quotation opened before them ("... bằng cấp”, vị này khẳng định"), or
/// where another sentence starts inside this one.
pub fn region_end(words: &Words, lexicon: &Lexicon, start: usize, end: usize) -> usize {
    let mut quoted = false;
    for k in start..end {
        // A closing mark: a curly one, or a straight one before a mark or the end.
        let closing = words.at(k) == "”" || (words.at(k) == "\"" && (k + 1 == words.len() || words.is_punct(k + 1)));
        let closes = closing && !quoted && k > start;
        quoted ^= words.is_quote(k);
        if closes || words.phrase_at(k, list(List::ClauseBreaks)).is_some() || sentence_starts(words, lexicon, k) {
            return k;
        }
    }
    end
}

/// Whether another sentence starts at `k` inside the one being read: after a full stop
/// that the splitter kept because it stands inside a quotation ("... cụ thể. Nếu ..."),
/// or, where a headline or sub-heading without a stop runs into the text, at a
/// capitalised connective glued to the word before ("... từ chính quyền Trước đó, ...")
/// or at a glued speaker ([`speaker_at`]). A capitalised verb does not tell: names
/// hold them ("Bộ Kế hoạch và Đầu tư").
fn sentence_starts(words: &Words, lexicon: &Lexicon, k: usize) -> bool {
    if k == 0 || !words.is_capital(k) || words.is_punct(k) {
        return false;
    }
    if words.is(k - 1, &[".", "!", "?"]) {
        // Not the dot of an initial ("Nam Ô.") or of an abbreviation ("TP. Hà Nội").
        let Some(before) = k.checked_sub(2) else { return false };
        let initial = words.at(before).chars().count() == 1 && words.is_capital(before);
        return !initial && !crate::segment::is_abbreviation(words.at(before));
    }
    let glued = !words.is_punct(k - 1) && !words.is_capital(k - 1);
    (glued && words.phrase_at(k, list(List::Connectives)).is_some()) || speaker_at(words, lexicon, k)
}

/// Whether a party named with a capital at `k` is followed by a verb of ordering or
/// speaking, past the markers between a subject and its verb: the subject of another
/// sentence ("... hầm sông Hàn Thủ tướng yêu cầu ...", "... thị trường mới Thủ tướng
/// Chính phủ nhấn mạnh: ...").
fn speaker_at(words: &Words, lexicon: &Lexicon, k: usize) -> bool {
    // Not the object of a verb or a preposition ("phối hợp với Bộ Xây dựng chỉ đạo
    // ...") nor inside a party's phrase ("Chủ tịch | UBND TP"); after a name only a
    // title, which no name ends with ("sông Hàn Thủ tướng").
    let before = words.whole(k - 1..k).start;
    let bound = words.is_punct(k - 1)
        || words.phrase_before(k, list(List::Prepositions)).is_some()
        || words.longest(&lexicon.actions, before).is_some()
        || lexicon.cue_word_at(words, before)
        || parties::party_at(words, lexicon, before).is_some();
    let title = matches!(parties::party_at(words, lexicon, k), Some((_, Party::Title)));
    let after_name = words.is_capital(k - 1) && !title;
    if bound || after_name || !parties::starts_np(words, lexicon, k) {
        return false;
    }
    let verb = parties::skip_forward(words, parties::np_end(words, lexicon, k, words.len()), words.len());
    lexicon.cue_word_at(words, verb) || words.phrase_at(verb, list(List::Speech)).is_some()
}

/// The actions in tokens `range` of a sentence, one token range per item.
pub fn split(words: &Words, lexicon: &Lexicon, range: Range<usize>) -> Vec<Range<usize>> {
    let start = modal_ahead(words, lexicon, range.clone()).unwrap_or(range.start);
    let range = start..own_clause_end(words, lexicon, start..range.end);
    let verbish = verbish(words, lexicon, range.clone());
    let is_verbish = |i: usize| i.checked_sub(range.start).and_then(|j| verbish.get(j)).copied().unwrap_or(false);
    let mut items = Vec::new();
    let mut start = range.start;
    let mut object = false;
    let mut purpose = false;
    let mut nominal = false;
    // Where the verb named by the last nominaliser starts ("việc |trùng tu, tôn tạo").
    let mut named = None;
    // Where the verb of the treebank that follows the item's verbs ends.
    let mut verb_end = 0;
    for k in range.clone() {
        // "tập trung các nội dung: Giữ nguyên ...": a verb and its object that announce a
        // list are not a task; the items after the colon are. After "như" (such as) they
        // are examples of the task before.
        let announced = words.at(k) == ":" && !words.is(k.saturating_sub(1), &["như"]);
        if announced && object && parties::action_at(words, lexicon, k + 1).is_some() {
            (start, object, purpose, nominal) = (k + 1, false, false, false);
            continue;
        }
        let joint = match words.at(k) {
            ";" => true,
            // ", chậm nhất đến 25/12 phải gỡ ...": a new obligation, after its deadline.
            "," if object && obligation_after(words, lexicon, k + 1, range.end) => true,
            // ", nếu có dấu hiệu vi phạm thì chuyển ...": the task after a condition.
            "," if object && task_after_frame(words, lexicon, k + 1, range.end).is_some() => true,
            // ", phải báo cáo ...", "và không được ...": a modal with its verb opens
            // another obligation, also after a purpose.
            "," | "và" if object && modal_then_verb(words, lexicon, k + 1) => true,
            // ", mọi thay đổi phải báo cáo ...": a subject with its modal and verb.
            "," if object && modal_ahead(words, lexicon, k + 1..range.end).is_some() => true,
            // ", đồng thời" (at the same time) adds another task, also after a purpose.
            "," if object && words.has_phrase(k + 1, "đồng thời") => {
                parties::action_at(words, lexicon, k + 3).is_some()
            }
            // ", kịp thời báo cáo ...": an adverb with its verb starts a verb phrase.
            "," if object && adverb_then_verb(words, lexicon, k + 1) => true,
            // ", không gây khó khăn ...": a negated verb phrase is an item of its own.
            "," if object && negated_verb(words, lexicon, k + 1) => true,
            // ", đặc biệt là ...", ", nhất là ...": an elaboration of the same item.
            "," if words.phrase_at(k + 1, list(List::Elaboration)).is_some() => false,
            // "việc trùng tu, tôn tạo", "công tác duy tu, bảo trì": verbs named as nouns.
            "," if named.is_some_and(|n| n < k && k <= n + 2) => false,
            "," if !purpose && k > range.start && !is_verbish(k - 1) => {
                let next = if words.is(k + 1, &["và"]) { k + 2 } else { k + 1 };
                object
                    && parties::action_at(words, lexicon, next).is_some()
                    && parties::party_at(words, lexicon, next).is_none()
                    && words.phrase_at(next, list(List::Goals)).is_none()
            }
            // "việc ... và nhanh chóng xử lý ...": the same after "và", even in a noun.
            "và" if object && adverb_then_verb(words, lexicon, k + 1) => true,
            "và" if !nominal && k > range.start => {
                object && !is_verbish(k - 1) && parties::action_at(words, lexicon, k + 1).is_some()
            }
            _ => false,
        };
        if joint {
            items.push(start..k);
            start = k + 1;
            object = false;
            purpose = false;
            nominal = false;
        } else if !object && k < verb_end {
            // The next syllable of a verb of the treebank met below: no object yet.
        } else if let Some(n) = parties::treebank_verb(words, lexicon, k).filter(|_| !object) {
            // "tập trung thảo luận, kiểm tra lại X": a verb the action verbs miss, still
            // before any object, is one more of the verbs that share the object to come.
            verb_end = k + n;
        } else if !words.is_punct(k) && !is_verbish(k) {
            object = true;
            // Verbs after "để"/"nhằm" are the purpose of the item, not new items.
            purpose |= words.is(k, &["để", "nhằm"]);
            // After "công tác", "việc" the verbs joined by "và" are nouns of one object.
            if let Some(n) = words.phrase_at(k, list(List::Nominalisers)) {
                nominal = true;
                named = Some(k + n);
            }
        }
    }
    items.push(start..range.end);
    items.into_iter().filter_map(|item| trim(words, lexicon, item)).collect()
}

/// Where the actions of `range` end: where a clause that is no task of the addressee's
/// begins. That is a "," or "và" before a named party whose verb is marked for tense
/// ("..., và Sở Thông tin và Truyền thông sẽ có nghiên cứu": a report of what others
/// did or will do), "đồng thời" before a tense marker (a report of what is already
/// under way), a ";" before another party's task ([`party_clause`]), or a conjunction
/// of contrast or consequence ([`conjunction_at`]).
fn own_clause_end(words: &Words, lexicon: &Lexicon, range: Range<usize>) -> usize {
    (range.start + 1..range.end)
        .find(|&k| {
            let subject = k + 1;
            let named = words.is(k, &[",", "và"])
                && words.is_capital(subject)
                && parties::starts_np(words, lexicon, subject)
                && words.phrase_at(parties::np_end(words, lexicon, subject, range.end), list(List::Tense)).is_some();
            // "...; Bộ Giáo dục có trách nhiệm ...": another party's task.
            let other_task = party_clause_at(words, lexicon, k).is_some();
            // "dỡ bỏ phần sai phạm đồng thời đang yêu cầu ...": a report of work under way.
            let report = words.has_phrase(k, "đồng thời") && words.phrase_at(k + 2, list(List::Tense)).is_some();
            named || other_task || report || conjunction_at(words, k)
        })
        .unwrap_or(range.end)
}

/// Whether a conjunction of contrast or consequence, a word of its own, stands at `k`
/// (the grammar's `conjunctions`: "song" (but), "nên" (so), ", còn" (whereas)), not
/// inside a phrase where its word is another (`not-conjunction`: the modal of "không
/// nên", "còn lại" (the rest)). The clause it opens says what came of the task or what
/// others do ("... chia sẻ dữ liệu song chưa được thực hiện", "... nên đơn vị tư vấn
/// phải làm lại", "..., còn các xã khác đều thu 100%"), not another task.
fn conjunction_at(words: &Words, k: usize) -> bool {
    words.edge(k)
        && words.edge(k + 1)
        && words.phrase_before(k + 1, list(List::Conjunctions)).is_some()
        && words.phrase_before(k + 1, list(List::NotConjunction)).is_none()
        && words.phrase_at(k, list(List::NotConjunction)).is_none()
}

/// Where a modal stands when the actions open with no verb before it: the words before
/// it are the subject or a time of the obligation, not a task ("yêu cầu từ tháng 5,
/// các đơn vị phải trình ...", "... các doanh nghiệp lớn phải đẩy nhanh ..."). A few
/// tokens ahead at most, before a ";", ":" or quotation mark.
fn modal_ahead(words: &Words, lexicon: &Lexicon, range: Range<usize>) -> Option<usize> {
    (range.start..range.end.min(range.start + LEAD))
        .take_while(|&k| !words.is(k, &[";", ":"]) && !words.is_quote(k))
        .take_while(|&k| parties::action_at(words, lexicon, k).is_none())
        .find(|&k| {
            k > range.start
                && parties::modal_at(words, lexicon, k)
                    .is_some_and(|n| parties::action_at(words, lexicon, k + n).is_some())
        })
}

/// How many tokens a subject or time phrase before a modal may hold in [`modal_ahead`].
const LEAD: usize = 16;

/// The first task of another party after a semicolon in tokens `from..`: the
/// subject's range and where its verb or modal starts ("...; Bộ Giáo dục có trách
/// nhiệm tăng cường ...", "...; Bộ Giao thông Vận tải báo cáo ..."). It ends the
/// actions before it ([`own_clause_end`]) and is a second directive of the sentence.
pub fn party_clause(words: &Words, lexicon: &Lexicon, from: usize) -> Option<(Range<usize>, usize)> {
    (from..words.len()).find_map(|k| party_clause_at(words, lexicon, k))
}

/// [`party_clause`] when its semicolon is token `k`.
fn party_clause_at(words: &Words, lexicon: &Lexicon, k: usize) -> Option<(Range<usize>, usize)> {
    let subject = k + 1;
    if !words.is(k, &[";"]) || !words.is_capital(subject) || !parties::starts_np(words, lexicon, subject) {
        return None;
    }
    let end = parties::np_end(words, lexicon, subject, words.len());
    let verb = parties::skip_forward(words, end, words.len());
    let task = parties::action_at(words, lexicon, verb).is_some() || parties::modal_at(words, lexicon, verb).is_some();
    task.then(|| (subject..parties::trim_punct_back(words, end, subject), verb))
}

/// Whether an adverb at `i` is followed by an action verb ("nhanh chóng xử lý").
fn adverb_then_verb(words: &Words, lexicon: &Lexicon, i: usize) -> bool {
    match words.longest(&lexicon.actions, i) {
        Some((n, Action::Adverb)) => {
            matches!(words.longest(&lexicon.actions, i + n), Some((_, Action::Verb)))
        }
        _ => false,
    }
}

/// Where the task after a condition or time frame at `i` starts ("nếu ... thì chuyển
/// ...", "khi ... thì phải ..."): after the "thì" that closes it, when a verb or a
/// modal with its verb follows.
fn task_after_frame(words: &Words, lexicon: &Lexicon, i: usize, end: usize) -> Option<usize> {
    words.phrase_at(i, list(List::Frame))?;
    let then = (i + 1..end.min(i + parties::WINDOW))
        .take_while(|&k| !words.is(k, &[";", ":"]))
        .find(|&k| words.is(k, &["thì"]))?;
    let task = parties::verb_at(words, lexicon, then + 1) || parties::modal_at(words, lexicon, then + 1).is_some();
    task.then_some(then + 1)
}

/// Whether a modal at `i`, after an adverb at most ("đồng thời phải"), is followed
/// by a word: its verb, which the action verbs and the treebank's verbs often miss
/// ("phải sẵn sàng", "phải tận dụng").
fn modal_then_verb(words: &Words, lexicon: &Lexicon, i: usize) -> bool {
    let i = match words.longest(&lexicon.actions, i) {
        Some((n, Action::Adverb)) => i + n,
        _ => i,
    };
    parties::modal_at(words, lexicon, i).is_some_and(|n| i + n < words.len() && !words.is_punct(i + n))
}

/// Whether a negation at `i` is followed by a verb or is a prohibition ("không để").
fn negated_verb(words: &Words, lexicon: &Lexicon, i: usize) -> bool {
    words
        .phrase_at(i, list(List::Negation))
        .is_some_and(|n| parties::verb_at(words, lexicon, i + n) || words.longest(&lexicon.cues, i).is_some())
}

/// Whether a deadline phrase at `i` leads, within its own clause, to a modal: the
/// start of another obligation ("chậm nhất đến 25/12 phải ...").
fn obligation_after(words: &Words, lexicon: &Lexicon, i: usize, end: usize) -> bool {
    words.phrase_at(i, list(List::Deadline)).is_some()
        && (i + 1..end.min(i + 8))
            .take_while(|&k| !words.is_punct(k))
            .any(|k| parties::modal_at(words, lexicon, k).is_some())
}

/// Which tokens of `range` belong to an action verb or adverb.
fn verbish(words: &Words, lexicon: &Lexicon, range: Range<usize>) -> Vec<bool> {
    let mut marks = vec![false; range.len()];
    let mut i = range.start;
    while i < range.end {
        // A capital inside an item starts a name ("của Thanh tra"), not a verb.
        let name = i > range.start && words.is_capital(i);
        match words.longest(&lexicon.actions, i).filter(|_| !name) {
            Some((n, _)) => {
                for m in marks.iter_mut().skip(i - range.start).take(n) {
                    *m = true;
                }
                i += n;
            }
            None => i += 1,
        }
    }
    marks
}

/// An item without what stands before its verb (connectives, a subject before its
/// modal, a condition up to its "thì", quotation marks and a colon, a task noun, a
/// deadline, a modal) and the punctuation after it; `None` when nothing is left.
fn trim(words: &Words, lexicon: &Lexicon, item: Range<usize>) -> Option<Range<usize>> {
    let mut start = parties::skip_connectives(words, item.start, item.end);
    start = modal_ahead(words, lexicon, start..item.end).unwrap_or(start);
    start = task_after_frame(words, lexicon, start, item.end).unwrap_or(start);
    // "yêu cầu: Khắc phục ...": the colon that announces the tasks is none of them.
    while start < item.end && (words.is_quote(start) || words.is(start, &[":"])) {
        start += 1;
    }
    // "được giao nhiệm vụ chủ trì ...": the task's noun is the cue's object.
    if let Some(n) = words.phrase_at(start, list(List::TaskNouns)) {
        if parties::action_at(words, lexicon, start + n).is_some() {
            start += n;
        }
    }
    if words.phrase_at(start, list(List::Deadline)).is_some() {
        if let Some(verb) = (start..item.end).find(|&i| {
            parties::action_at(words, lexicon, i).is_some() || parties::modal_at(words, lexicon, i).is_some()
        }) {
            start = verb;
        }
    }
    while let Some(n) = parties::modal_at(words, lexicon, start).filter(|_| start < item.end) {
        if parties::action_at(words, lexicon, start).is_some() {
            break;
        }
        start += n;
    }
    // "cần được tiêu huỷ" (needs to be destroyed): the task is what is to be done, not
    // its passive marker ("phải được" stays: the annotations keep it there 7 times in 9).
    if start + 1 < item.end && start > 0 && words.is(start, &["được"]) && words.is(start - 1, &["cần"]) {
        start += 1;
    }
    let mut end = item.end;
    while end > start {
        let last = words.at(end - 1);
        let opener = match last {
            ")" => "(",
            "”" => "“",
            _ => "",
        };
        let unmatched = !opener.is_empty() && !(start..end).any(|i| words.at(i) == opener);
        if (words.is_punct(end - 1) && opener.is_empty() && last != "%") || unmatched {
            end -= 1;
        } else {
            break;
        }
    }
    (start < end).then_some(start..end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;

    fn actions(text: &str) -> Vec<String> {
        let doc = Document::new(text);
        let words = Words::new(&doc, 0);
        split(&words, super::super::lexicon::get(), 0..words.len())
            .into_iter()
            .map(|r| doc.text()[words.bytes(r)].to_string())
            .collect()
    }

    #[test]
    fn semicolons_always_split_and_commas_split_verb_phrases_with_objects() {
        assert_eq!(
            actions(
                "giữ vững an ninh, quốc phòng; xây dựng khu vực phòng thủ vững chắc; bảo đảm trật tự, an toàn xã hội."
            ),
            ["giữ vững an ninh, quốc phòng", "xây dựng khu vực phòng thủ vững chắc", "bảo đảm trật tự, an toàn xã hội"]
        );
        assert_eq!(
            actions("tiếp tục thực hiện kiến nghị của Thanh tra, khẩn trương xử lý, chấn chỉnh công tác thu hồi đất."),
            ["tiếp tục thực hiện kiến nghị của Thanh tra", "khẩn trương xử lý, chấn chỉnh công tác thu hồi đất"]
        );
    }

    #[test]
    fn purpose_goal_and_nominalised_verbs_stay_in_their_item() {
        assert_eq!(
            actions("rà soát danh mục hàng hóa để rút ngắn thời gian kiểm tra, giảm các chi phí, tháo gỡ khó khăn."),
            ["rà soát danh mục hàng hóa để rút ngắn thời gian kiểm tra, giảm các chi phí, tháo gỡ khó khăn"]
        );
        assert_eq!(
            actions("hoàn thành lắp đặt hệ thống thu phí, đảm bảo cho các phương tiện lưu hành thuận tiện."),
            ["hoàn thành lắp đặt hệ thống thu phí, đảm bảo cho các phương tiện lưu hành thuận tiện"]
        );
        // "đảm bảo" with an object of its own is another task.
        assert_eq!(
            actions("thường xuyên kiểm tra nguồn gốc vật liệu đầu vào, đảm bảo tính hợp pháp về nguồn gốc xuất xứ."),
            ["thường xuyên kiểm tra nguồn gốc vật liệu đầu vào", "đảm bảo tính hợp pháp về nguồn gốc xuất xứ"]
        );
        assert_eq!(
            actions("tháo dải phân cách này để nước mưa lưu thông, đồng thời tăng cường tuần tra."),
            ["tháo dải phân cách này để nước mưa lưu thông", "tăng cường tuần tra"]
        );
        assert_eq!(
            actions("nghiêm túc thực hiện quy định tuyển sinh, không gây khó khăn cho học sinh."),
            ["nghiêm túc thực hiện quy định tuyển sinh", "không gây khó khăn cho học sinh"]
        );
        assert_eq!(
            actions("chấm dứt việc lưu giữ nước thải trái quy định và nhanh chóng xử lý nước thải."),
            ["chấm dứt việc lưu giữ nước thải trái quy định", "nhanh chóng xử lý nước thải"]
        );
        assert_eq!(
            actions("triển khai các biện pháp bảo đảm an ninh, đặc biệt là bảo mật đề thi."),
            ["triển khai các biện pháp bảo đảm an ninh, đặc biệt là bảo mật đề thi"]
        );
        assert_eq!(
            actions("thực hiện việc trùng tu, tôn tạo các di tích lịch sử."),
            ["thực hiện việc trùng tu, tôn tạo các di tích lịch sử"]
        );
        assert_eq!(
            actions("làm tốt công tác quy hoạch và phát triển kết cấu hạ tầng."),
            ["làm tốt công tác quy hoạch và phát triển kết cấu hạ tầng"]
        );
    }

    #[test]
    fn a_clause_of_a_named_party_with_a_tense_marker_ends_the_actions() {
        assert_eq!(
            actions("thực hiện cung cấp thông tin qua mạng internet và Sở Thông tin và Truyền thông sẽ có nghiên cứu."),
            ["thực hiện cung cấp thông tin qua mạng internet"]
        );
        assert_eq!(
            actions("dỡ bỏ phần sai phạm đồng thời đang yêu cầu thanh tra xây dựng làm rõ trách nhiệm."),
            ["dỡ bỏ phần sai phạm"]
        );
        // A group noun after a comma is part of the object it lists, with its relative clause.
        assert_eq!(
            actions("báo cáo các dự án, doanh nghiệp đã hoàn thành việc xử lý tồn tại."),
            ["báo cáo các dự án, doanh nghiệp đã hoàn thành việc xử lý tồn tại"]
        );
    }

    #[test]
    fn a_deadline_and_a_modal_before_the_verb_are_dropped() {
        assert_eq!(
            actions("sớm tìm giải pháp tiêu thụ cá tồn kho; chậm nhất đến 25/12 phải gỡ niêm phong."),
            ["sớm tìm giải pháp tiêu thụ cá tồn kho", "gỡ niêm phong"]
        );
        assert_eq!(
            actions("sớm tìm giải pháp tiêu thụ cá tồn kho, chậm nhất đến ngày 25 phải gỡ niêm phong."),
            ["sớm tìm giải pháp tiêu thụ cá tồn kho", "gỡ niêm phong"]
        );
    }

    #[test]
    fn a_glued_sentence_of_a_named_speaker_ends_the_actions() {
        let region = |text: &str| {
            let doc = Document::new(text);
            let words = Words::new(&doc, 0);
            let end = region_end(&words, super::super::lexicon::get(), 0, words.len());
            doc.text()[words.bytes(0..end)].to_string()
        };
        assert_eq!(
            region("nâng cấp tuyến đê biển phía nam Bộ trưởng yêu cầu tỉnh lập phương án."),
            "nâng cấp tuyến đê biển phía nam"
        );
        // A party after a preposition is the object, not another sentence's subject.
        assert_eq!(
            region("phối hợp với Sở Y tế chỉ đạo các bệnh viện tăng cường trực."),
            "phối hợp với Sở Y tế chỉ đạo các bệnh viện tăng cường trực."
        );
    }

    #[test]
    fn the_noun_of_an_assigned_task_is_not_part_of_the_action() {
        assert_eq!(actions("nhiệm vụ chủ trì xây dựng đề án."), ["chủ trì xây dựng đề án"]);
        // Before no action verb the noun is the item's own subject.
        assert_eq!(
            actions("nhiệm vụ trọng tâm là giảm nghèo bền vững."),
            ["nhiệm vụ trọng tâm là giảm nghèo bền vững"]
        );
    }

    #[test]
    fn a_subject_or_time_before_a_modal_is_not_part_of_the_task() {
        assert_eq!(actions("các đơn vị phải rà soát hồ sơ thiết kế."), ["rà soát hồ sơ thiết kế"]);
        assert_eq!(actions("mỗi quý một lần, các đơn vị phải rà soát hồ sơ thiết kế."), ["rà soát hồ sơ thiết kế"]);
        // A task that opens with its verb keeps it: a modal inside its clause is inside the item.
        assert_eq!(
            actions("bảo đảm phương án đề xuất phải an toàn, hiệu quả."),
            ["bảo đảm phương án đề xuất phải an toàn, hiệu quả"]
        );
    }

    #[test]
    fn a_subject_and_its_modal_after_a_comma_open_another_obligation() {
        assert_eq!(
            actions("thực hiện đúng quyết định phê duyệt, mọi thay đổi phải báo cáo bằng văn bản."),
            ["thực hiện đúng quyết định phê duyệt", "báo cáo bằng văn bản"]
        );
        assert_eq!(actions("ổn định lại tổ chức; các khoản chi phải công khai."), ["ổn định lại tổ chức", "công khai"]);
    }

    #[test]
    fn a_conjunction_of_contrast_or_consequence_ends_the_actions() {
        assert_eq!(
            actions("rà soát thêm số liệu giao thông nên đơn vị tư vấn phải làm lại."),
            ["rà soát thêm số liệu giao thông"]
        );
        assert_eq!(actions("chia sẻ dữ liệu từ năm 2012 song chưa được thực hiện."), ["chia sẻ dữ liệu từ năm 2012"]);
        assert_eq!(actions("áp dụng cho 8 xã, còn các xã khác đều thu đủ."), ["áp dụng cho 8 xã"]);
        // "còn lại" (the rest) is no conjunction.
        assert_eq!(
            actions("lắp đặt thu phí ở 6 làn xe, còn lại 2 làn xe hỗn hợp."),
            ["lắp đặt thu phí ở 6 làn xe, còn lại 2 làn xe hỗn hợp"]
        );
    }

    #[test]
    fn a_modal_after_a_comma_opens_another_obligation_whatever_word_follows() {
        // "sẵn sàng", "tận dụng": verbs the treebank's verbs and the action verbs miss.
        assert_eq!(
            actions("tìm cách phát huy vai trò của kinh tế tư nhân, phải tận dụng các nguồn lực."),
            ["tìm cách phát huy vai trò của kinh tế tư nhân", "tận dụng các nguồn lực"]
        );
    }

    #[test]
    fn a_modal_with_its_verb_after_a_comma_or_va_starts_another_item() {
        assert_eq!(
            actions("tạm dừng khai thác cát, đồng thời phải thay thế nguồn cát hợp pháp."),
            ["tạm dừng khai thác cát", "thay thế nguồn cát hợp pháp"]
        );
        assert_eq!(actions("tiếp tục thu gom rác và phải xử lý mùi hôi."), ["tiếp tục thu gom rác", "xử lý mùi hôi"]);
    }

    #[test]
    fn the_task_after_a_condition_is_an_item_without_its_condition() {
        assert_eq!(
            actions("kiểm tra các cửa hàng xăng dầu, nếu phát hiện sai phạm thì xử phạt nghiêm."),
            ["kiểm tra các cửa hàng xăng dầu", "xử phạt nghiêm"]
        );
        assert_eq!(
            actions("theo dõi sức khỏe người dân, nếu có biểu hiện sốt, ho thì phải đến trạm y tế."),
            ["theo dõi sức khỏe người dân", "đến trạm y tế"]
        );
    }

    #[test]
    fn a_list_announced_by_a_colon_gives_its_items_not_the_announcement() {
        assert_eq!(
            actions("tập trung các nội dung: Giữ nguyên hiện trạng, thực hiện việc trùng tu, tôn tạo các di tích."),
            ["Giữ nguyên hiện trạng", "thực hiện việc trùng tu, tôn tạo các di tích"]
        );
        // After "như" the items are examples of the task, which stays.
        assert_eq!(
            actions("tập trung khống chế mùi hôi như: tăng nồng độ chế phẩm."),
            ["tập trung khống chế mùi hôi như: tăng nồng độ chế phẩm"]
        );
    }

    #[test]
    fn a_time_and_a_named_subject_before_the_modal_leave_its_task() {
        assert_eq!(actions("mỗi quý, Sở Y tế sẽ phải rà soát hồ sơ bệnh nhân."), ["rà soát hồ sơ bệnh nhân"]);
    }

    #[test]
    fn verbs_the_action_verbs_miss_still_share_the_object_after_them() {
        // "tuần tra" (patrol), "giáo dục" (educate) are verbs of the treebank only.
        assert_eq!(actions("tăng cường tuần tra, xử lý các điểm ngập."), ["tăng cường tuần tra, xử lý các điểm ngập"]);
        assert_eq!(
            actions("tăng cường giáo dục, hướng dẫn kỹ năng cho học sinh."),
            ["tăng cường giáo dục, hướng dẫn kỹ năng cho học sinh"]
        );
        // After an object the next verb phrase is another item, as before.
        assert_eq!(
            actions("tăng cường tuần tra các tuyến đường, xử lý các điểm ngập."),
            ["tăng cường tuần tra các tuyến đường", "xử lý các điểm ngập"]
        );
    }

    #[test]
    fn an_item_does_not_start_at_the_colon_that_announces_it() {
        assert_eq!(actions(": Khắc phục những tồn tại."), ["Khắc phục những tồn tại"]);
    }

    #[test]
    fn the_passive_marker_after_can_is_not_part_of_the_task() {
        assert_eq!(actions("cần được tiêu hủy."), ["tiêu hủy"]);
        assert_eq!(actions("cần được thu gọn để phù hợp với số hộ dân."), ["thu gọn để phù hợp với số hộ dân"]);
    }
}
