//! The digest contract, on the seed and on generated hostile text: every span slices
//! the original (in UTF-16 offsets) to its text, sentences are ordered, bad input gets
//! an error or an empty digest. The property tests check, over generated texts and
//! arbitrary options, every invariant the fuzz target checks
//! (`common::assert_digest_contract`).

mod common;

use common::*;
use proptest::prelude::*;
use tomtat::{digest, Digest, Error, Length, Options};

fn with_words() -> Options {
    Options { words: true, ..Options::default() }
}

#[test]
fn seed_title_is_its_own_sentence_and_the_body_has_ten_more() {
    let d = digest(SEED, &Options::default()).unwrap();
    assert_eq!(d.sentences.len(), 11);
    assert_eq!(
        d.sentences[0].text,
        "Phát huy tinh thần chiến thắng Điện Biên Phủ để Điện Biên phát triển nhanh, hiệu quả, bền vững"
    );
    assert_eq!(d.sentences[0].paragraph, 0);
    assert!(d.sentences[1..].iter().all(|s| s.paragraph > 0));
    assert_eq!(d.sentences[10].text, "Mời quý vị và các bạn theo dõi nội dung chi tiết!");
}

#[test]
fn seed_spans_slice_the_original() {
    let d = digest(SEED, &with_words()).unwrap();
    assert_spans_slice_original(SEED, &d);
    assert_sentences_ordered(&d);
}

#[test]
fn nfd_crlf_and_invisible_characters_give_the_same_sentences_as_clean_text() {
    let nfd: String = unicode_nfd(SEED).replace('\n', "\r\n").replace(", ", ",\u{200B} ");
    let clean = digest(SEED, &Options::default()).unwrap();
    let messy = digest(&nfd, &Options::default()).unwrap();
    assert_eq!(clean.sentences.len(), messy.sentences.len());
    assert_spans_slice_original(&nfd, &messy);
    for (a, b) in clean.sentences.iter().zip(&messy.sentences) {
        assert_eq!(a.paragraph, b.paragraph);
        assert_eq!(a.text, recompose(&b.text).replace("\r\n", "\n").replace('\u{200B}', ""));
    }
}

fn unicode_nfd(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    s.nfd().collect()
}

fn recompose(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    s.nfc().collect()
}

#[test]
fn astral_characters_count_two_utf16_units() {
    let text = "😀 Thủ tướng đến. 🇻🇳 Hà Nội đẹp.";
    let d = digest(text, &with_words()).unwrap();
    assert_eq!(d.sentences.len(), 2);
    let flag = text.find("🇻🇳").unwrap();
    assert_eq!(d.sentences[1].start as usize, text[..flag].encode_utf16().count());
    assert_eq!(d.sentences[1].text, "🇻🇳 Hà Nội đẹp.");
    assert_spans_slice_original(text, &d);
}

#[test]
fn empty_and_blank_text_give_an_empty_digest() {
    for text in ["", "   ", "\n\r\n\t", "\u{200B}\u{FEFF}"] {
        let d = digest(text, &Options::default()).unwrap();
        assert!(d.sentences.is_empty() && d.summary.is_empty() && d.directives.is_empty() && d.keywords.is_empty());
    }
}

#[test]
fn text_over_the_limit_is_an_error_that_says_so() {
    let text = "a".repeat(tomtat::MAX_INPUT_BYTES + 1);
    let err = digest(&text, &Options::default()).unwrap_err();
    assert!(matches!(err, Error::InputTooLarge { .. }));
    assert!(err.to_string().contains("too long"), "{err}");
}

#[test]
fn out_of_range_sentence_count_is_an_error_naming_the_option() {
    for n in [0, tomtat::options::MAX_SUMMARY_SENTENCES + 1] {
        let err = digest("Câu một.", &Options { sentences: Some(n), ..Options::default() }).unwrap_err();
        assert!(err.to_string().contains("sentences"), "{err}");
    }
}

#[test]
fn unknown_option_fields_are_rejected() {
    let err = serde_json::from_str::<Options>(r#"{"sentence": 3}"#).unwrap_err();
    assert!(err.to_string().contains("sentence"), "{err}");
    let err = serde_json::from_str::<Options>(r#"{"length": "tiny"}"#).unwrap_err();
    assert!(err.to_string().contains("tiny"), "{err}");
}

#[test]
fn digest_round_trips_through_json() {
    let d = digest(SEED, &with_words()).unwrap();
    let json = serde_json::to_string(&d).unwrap();
    assert_eq!(serde_json::from_str::<tomtat::Digest>(&json).unwrap(), d);
}

/// Pieces of text that stress the offset map.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("Thủ tướng".to_string()),
        Just("Thu\u{309} tu\u{301}\u{31B}o\u{31B}\u{300}ng".to_string()),
        Just("hoà bình".to_string()),
        Just("hoa\u{300}".to_string()),
        Just("thuy\u{309}".to_string()),
        Just("HOÀ".to_string()),
        Just("o".to_string()),
        Just("ỳ".to_string()),
        Just("TP. Hà Nội".to_string()),
        Just("3.000".to_string()),
        Just(". ".to_string()),
        Just("? ".to_string()),
        Just("...".to_string()),
        Just("“".to_string()),
        Just("” ".to_string()),
        Just("\"".to_string()),
        Just("\r\n".to_string()),
        Just("\r".to_string()),
        Just("\n\n".to_string()),
        Just("\u{200B}".to_string()),
        Just("\u{FEFF}".to_string()),
        Just("\u{A0}".to_string()),
        Just("\u{202E}".to_string()),
        Just("😀".to_string()),
        Just("🇻🇳".to_string()),
        Just("\u{301}".to_string()),
        Just("- ".to_string()),
        Just("1. ".to_string()),
        Just(" ".to_string()),
        Just("Thủ tướng yêu cầu".to_string()),
        Just(" các tỉnh phải ".to_string()),
        Just("Bộ Công an được giao".to_string()),
        Just("đề nghị".to_string()),
        Just("không được".to_string()),
        Just(" tập trung phát triển kinh tế".to_string()),
        Just(": ".to_string()),
        Just("; ".to_string()),
        Just(", ".to_string()),
        Just(" và ".to_string()),
        "[a-zA-Zàáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễđ]{1,6}",
        any::<char>().prop_map(String::from),
    ]
}

/// Any options, invalid ones included (`sentences` 0 and over 100).
fn options() -> impl Strategy<Value = Options> {
    (
        prop::option::of(0..=tomtat::options::MAX_SUMMARY_SENTENCES + 5),
        prop_oneof![Just(Length::Short), Just(Length::Medium), Just(Length::Long)],
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(sentences, length, words, keywords)| Options { sentences, length, words, keywords })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn every_span_slices_the_original(pieces in prop::collection::vec(piece(), 0..40)) {
        let text: String = pieces.concat();
        let d = digest(&text, &with_words()).unwrap();
        assert_spans_slice_original(&text, &d);
        assert_sentences_ordered(&d);
    }

    #[test]
    fn generated_text_with_any_options_keeps_the_contract(
        pieces in prop::collection::vec(piece(), 0..80),
        options in options(),
    ) {
        let text: String = pieces.concat();
        assert_digest_contract(&text, &options, &digest(&text, &options));
    }

    #[test]
    fn arbitrary_bytes_as_text_keep_the_contract(
        bytes in prop::collection::vec(any::<u8>(), 0..600),
        options in options(),
    ) {
        // As the fuzz target reads its input: invalid UTF-8 becomes U+FFFD.
        let text = String::from_utf8_lossy(&bytes);
        assert_digest_contract(&text, &options, &digest(&text, &options));
    }
}

#[test]
fn directive_text_with_every_option_keeps_the_contract() {
    // The seed has four directives, so the directive invariants are exercised for sure.
    let mut directives = 0;
    for sentences in [None, Some(0), Some(1), Some(11), Some(100), Some(101)] {
        for length in [Length::Short, Length::Medium, Length::Long] {
            for (words, keywords) in [(false, true), (true, true), (false, false)] {
                let options = Options { sentences, length, words, keywords };
                let result = digest(SEED, &options);
                assert_digest_contract(SEED, &options, &result);
                directives += result.map_or(0, |d| d.directives.len());
            }
        }
    }
    assert_eq!(directives, 4 * 4 * 3 * 3, "four directives for each valid option set");
}

#[test]
fn without_keywords_the_digest_is_the_same_but_for_its_keywords() {
    let full = digest(SEED, &Options::default()).unwrap();
    let lean = digest(SEED, &Options { keywords: false, ..Options::default() }).unwrap();
    assert!(!full.keywords.is_empty() && lean.keywords.is_empty());
    assert_eq!(Digest { keywords: Vec::new(), ..full }, lean);
    let words = digest(SEED, &Options { keywords: false, words: true, ..Options::default() }).unwrap();
    assert!(
        words.keywords.is_empty() && words.sentences.iter().all(|s| s.words.as_ref().is_some_and(|w| !w.is_empty()))
    );
}
