//! Helpers shared by the integration tests and the fuzz target: the seed and the
//! checks of the digest contract.

#![allow(dead_code)]

use tomtat::{Digest, Error, Options, Span, MAX_INPUT_BYTES};

/// The reference article.
pub const SEED: &str = include_str!("../../seeds/000_5dea1911c32d1e71.txt");

/// `original.slice(start, end)` as JavaScript computes it, given the original's
/// UTF-16 code units.
pub fn slice_utf16(units: &[u16], start: u32, end: u32) -> String {
    String::from_utf16(&units[start as usize..end as usize]).expect("a span never splits a surrogate pair")
}

/// Every span of `digest`, with a label saying where it sits.
pub fn all_spans(digest: &Digest) -> Vec<(String, Span)> {
    let mut spans = Vec::new();
    for (i, s) in digest.sentences.iter().enumerate() {
        spans.push((format!("sentence {i}"), Span { start: s.start, end: s.end, text: s.text.clone() }));
        for (j, w) in s.words.iter().flatten().enumerate() {
            spans.push((format!("sentence {i} word {j}"), w.clone()));
        }
    }
    for (i, d) in digest.directives.iter().enumerate() {
        let label = |part: &str| format!("directive {i} {part}");
        spans.push((label("sentence"), d.sentence.clone()));
        spans.push((label("cue"), d.cue.clone()));
        spans.extend(d.issuer.iter().map(|s| (label("issuer"), s.clone())));
        spans.extend(d.addressee.iter().map(|s| (label("addressee"), s.clone())));
        spans.extend(d.actions.iter().map(|s| (label("action"), s.clone())));
    }
    for (i, k) in digest.keywords.iter().enumerate() {
        spans.extend(k.occurrences.iter().map(|s| (format!("keyword {i} ({})", k.text), s.clone())));
    }
    spans
}

/// Asserts the contract on every span: `original.slice(start, end) === text`.
pub fn assert_spans_slice_original(original: &str, digest: &Digest) {
    let units: Vec<u16> = original.encode_utf16().collect();
    for (label, span) in all_spans(digest) {
        assert!(span.start <= span.end, "{label}: start {} > end {}", span.start, span.end);
        assert_eq!(slice_utf16(&units, span.start, span.end), span.text, "{label}");
    }
}

/// Asserts that sentences are in reading order and do not overlap.
pub fn assert_sentences_ordered(digest: &Digest) {
    for pair in digest.sentences.windows(2) {
        assert!(pair[0].end <= pair[1].start, "sentences overlap or are out of order: {:?}", pair);
        assert!(pair[0].paragraph <= pair[1].paragraph);
    }
}

/// Asserts that `span` lies within the sentence span `outer` (by UTF-16 offsets).
fn assert_within(label: &str, span: &Span, outer: (u32, u32)) {
    assert!(
        outer.0 <= span.start && span.end <= outer.1,
        "{label} {}..{} lies outside its sentence {}..{}",
        span.start,
        span.end,
        outer.0,
        outer.1
    );
}

/// Asserts every invariant of `result`, the digest of `original` with `options`: an
/// error only for invalid options or a text over the limit; otherwise every span
/// slices the original, sentences are ordered and disjoint, summary indices are valid
/// and strictly increasing (reading order) and no more than asked for, scores are
/// finite, a directive's index is valid and its sentence span is that sentence's, and
/// words and directive parts lie inside their sentence. The one list of invariants for
/// the property tests and the fuzz target.
pub fn assert_digest_contract(original: &str, options: &Options, result: &Result<Digest, Error>) {
    let digest = match result {
        Ok(digest) => digest,
        Err(error) => {
            assert!(
                options.validate().is_err() || original.len() > MAX_INPUT_BYTES,
                "valid options and a text of {} bytes gave {error}",
                original.len()
            );
            return;
        }
    };
    assert!(options.validate().is_ok(), "invalid options {options:?} gave a digest");
    assert_spans_slice_original(original, digest);
    assert_sentences_ordered(digest);
    let count = digest.sentences.len();
    for pair in digest.summary.windows(2) {
        assert!(
            pair[0].sentence < pair[1].sentence,
            "summary out of reading order: {} then {}",
            pair[0].sentence,
            pair[1].sentence
        );
    }
    for item in &digest.summary {
        assert!(item.sentence < count, "summary sentence {} of {count}", item.sentence);
        assert!(item.score.is_finite() && item.parts.values().all(|p| p.is_finite()), "score {item:?}");
    }
    assert!(
        digest.summary.len() <= options.sentences.unwrap_or(count).min(count),
        "summary of {} sentences",
        digest.summary.len()
    );
    for (i, sentence) in digest.sentences.iter().enumerate() {
        for word in sentence.words.iter().flatten() {
            assert_within(&format!("sentence {i} word"), word, (sentence.start, sentence.end));
        }
    }
    for (i, directive) in digest.directives.iter().enumerate() {
        assert!(directive.index < count, "directive {i} indexes sentence {} of {count}", directive.index);
        let sentence = &digest.sentences[directive.index];
        let range = (sentence.start, sentence.end);
        assert_eq!((directive.sentence.start, directive.sentence.end), range, "directive {i} sentence span");
        assert_eq!(directive.sentence.text, sentence.text, "directive {i} sentence text");
        let parts = directive.issuer.iter().chain(&directive.addressee).chain(&directive.actions);
        for part in parts.chain([&directive.cue]) {
            assert_within(&format!("directive {i} part"), part, range);
        }
    }
    assert!(digest.keywords.iter().all(|k| k.score.is_finite() && !k.occurrences.is_empty()), "keywords");
}
