//! Helpers shared by the integration tests: the seed and the span contract check.

#![allow(dead_code)]

use tomtat::{Digest, Span};

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
