//! Fuzzes `tomtat::digest` with arbitrary bytes as text (lossily decoded as UTF-8) and
//! arbitrary options, checking the contract's invariants on every digest: no panic,
//! every span slices the original to its text, sentences ordered and disjoint, summary
//! and directive indices valid and in reading order.

#![no_main]

#[path = "../../common/mod.rs"]
mod common;

use libfuzzer_sys::fuzz_target;
use tomtat::{Length, Options};

fuzz_target!(|data: &[u8]| {
    let (head, body) = data.split_at(data.len().min(3));
    let byte = |i: usize| head.get(i).copied().unwrap_or(0);
    let options = Options {
        sentences: (byte(0) != 0).then(|| usize::from(byte(0)) % 110),
        length: [Length::Short, Length::Medium, Length::Long][usize::from(byte(1)) % 3],
        words: byte(2) & 1 == 1,
    };
    let text = String::from_utf8_lossy(body);
    let digest = match tomtat::digest(&text, &options) {
        Ok(digest) => digest,
        Err(error) => {
            assert!(options.validate().is_err(), "valid options gave {error}");
            return;
        }
    };
    common::assert_spans_slice_original(&text, &digest);
    common::assert_sentences_ordered(&digest);
    for pair in digest.summary.windows(2) {
        assert!(pair[0].sentence < pair[1].sentence, "summary out of reading order");
    }
    assert!(digest.summary.iter().all(|s| s.sentence < digest.sentences.len()));
    for directive in &digest.directives {
        let sentence = &digest.sentences[directive.index];
        assert_eq!((directive.sentence.start, directive.sentence.end), (sentence.start, sentence.end));
    }
});
