//! Fuzzes `tomtat::digest` with arbitrary bytes as text (lossily decoded as UTF-8) and
//! arbitrary options, checking the contract's invariants on every digest
//! (`common::assert_digest_contract`, which the property tests of tests/contract.rs
//! check too): no panic, an error only for invalid options, every span slices the
//! original to its text, sentences ordered and disjoint, summary and directive indices
//! valid and in reading order.

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
        keywords: byte(2) & 2 == 0,
    };
    let text = String::from_utf8_lossy(body);
    common::assert_digest_contract(&text, &options, &tomtat::digest(&text, &options));
});
