//! Words in the digest: `--words` on the command line and `words: true` in the API list
//! each sentence's words, from the word segmenter, covering the sentence in order.

mod common;

use std::process::Command;

use common::{assert_spans_slice_original, SEED};
use tomtat::{digest, Options};

#[test]
fn words_option_lists_multi_syllable_words_of_the_seed() {
    let d = digest(SEED, &Options { words: true, ..Options::default() }).unwrap();
    assert_spans_slice_original(SEED, &d);
    let first: Vec<&str> = d.sentences[0].words.as_ref().unwrap().iter().map(|w| w.text.as_str()).collect();
    assert_eq!(&first[..3], ["Phát huy", "tinh thần", "chiến thắng"]);
    for sentence in &d.sentences {
        let words = sentence.words.as_ref().expect("every sentence lists its words");
        assert!(!words.is_empty());
        assert_eq!(words[0].start, sentence.start, "{}", sentence.text);
        assert_eq!(words[words.len() - 1].end, sentence.end, "{}", sentence.text);
        for pair in words.windows(2) {
            assert!(pair[0].end <= pair[1].start, "words in order, not overlapping: {pair:?}");
        }
    }
}

#[test]
fn without_the_option_no_words_are_listed() {
    let d = digest(SEED, &Options::default()).unwrap();
    assert!(d.sentences.iter().all(|s| s.words.is_none()));
}

#[test]
fn cli_words_flag_prints_the_segmented_words() {
    let out = Command::new(env!("CARGO_BIN_EXE_tomtat"))
        .args(["digest", concat!(env!("CARGO_MANIFEST_DIR"), "/seeds/000_5dea1911c32d1e71.txt"), "--words"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let words = json["sentences"][1]["words"].as_array().unwrap();
    let texts: Vec<&str> = words.iter().map(|w| w["text"].as_str().unwrap()).collect();
    assert!(texts.contains(&"chương trình"), "{texts:?}");
    assert!(texts.contains(&"Thủ tướng"), "{texts:?}");
    assert!(texts.contains(&","), "{texts:?}");
}
