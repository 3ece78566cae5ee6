//! The word model of a build without `embedded-words` (the wasm's configuration): every
//! digest waits for the model, since the directives, key phrases and words read words.
//! Run by `cargo xtask test` as `cargo test --no-default-features --test word_model`;
//! with the default features this file compiles to nothing.
#![cfg(not(feature = "embedded-words"))]

mod common;

use common::*;
use tomtat::{digest, words, Error, Options};

#[test]
fn every_digest_waits_for_the_model() {
    let lean = Options { keywords: false, ..Options::default() };
    assert_eq!(digest(SEED, &Options::default()), Err(Error::NoWordModel));
    assert_eq!(digest(SEED, &lean), Err(Error::NoWordModel), "the directives read words too");

    let model = include_bytes!("../data/words.bin");
    assert!(!words::load(b"not a model".to_vec()), "garbage is refused");
    assert!(!words::load(vec![1, 2, 3]), "so are a few bytes that would parse as a tiny model");
    assert!(!words::load(model[..model.len() - 100].to_vec()), "a truncated model is refused");
    assert_eq!(digest(SEED, &lean), Err(Error::NoWordModel), "and nothing is loaded");
    assert!(words::load(model.to_vec()));
    assert!(words::load(b"ignored: the first model stays".to_vec()));
    let full = digest(SEED, &Options::default()).expect("the model is loaded");
    assert!(full.keywords.iter().any(|k| k.text.contains(' ')), "keywords of several syllables");
    let without = digest(SEED, &lean).expect("the model is loaded");
    assert_eq!(without.directives.len(), 4);
    assert_eq!(tomtat::Digest { keywords: Vec::new(), ..full }, without);
}
