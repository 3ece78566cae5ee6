//! Hostile and unusual text: every input gets a sensible digest whose spans slice the
//! original, never a panic or a hang.

mod common;

use common::*;
use tomtat::{digest, Digest, Options};

fn check(text: &str) -> Digest {
    let options = Options::default();
    let result = digest(text, &options);
    assert_digest_contract(text, &options, &result);
    result.unwrap()
}

#[test]
fn one_five_megabyte_line_without_punctuation_is_one_sentence() {
    let text = "phát triển kinh tế xã hội ".repeat(5_000_000 / "phát triển kinh tế xã hội ".len());
    let d = check(&text);
    assert_eq!(d.sentences.len(), 1);
    assert_eq!(d.sentences[0].text, text.trim_end());
}

#[test]
fn a_hundred_thousand_one_word_sentences() {
    let text = "Được. ".repeat(100_000);
    let d = check(&text);
    assert_eq!(d.sentences.len(), 100_000);
    assert!(d.summary.len() <= tomtat::options::MAX_SUMMARY_SENTENCES);
}

#[test]
fn only_punctuation() {
    let d = check("!!! ??? ... ,,, ;;; --- *** ### «» “” ()");
    assert!(d.directives.is_empty() && d.keywords.is_empty());
}

#[test]
fn html_source_pasted_as_text_is_just_text() {
    let text = "<html><head><style>p{}</style></head><body><script>alert('x')</script>\n<p>Thủ tướng yêu cầu các bộ, ngành khẩn trương triển khai.</p><img src=x onerror=alert(1)></body></html>";
    let d = check(text);
    assert!(d.sentences.iter().any(|s| s.text.contains("Thủ tướng yêu cầu")));
}

#[test]
fn bidi_controls_zero_width_and_lone_carriage_returns() {
    let text = "\u{202E}Thủ tướng\u{200D} đến.\rSau đó\u{2066} ông về.\u{2069}\r\nHết.";
    let d = check(text);
    assert_eq!(d.sentences.len(), 3);
    assert_eq!(d.sentences[1].text, "Sau đó\u{2066} ông về.");
}

#[test]
fn emoji_and_astral_characters_everywhere() {
    let text = "🇻🇳🇻🇳 Việt Nam 😀 vô địch! 𝄞 Người hâm mộ 👨‍👩‍👧 ăn mừng. 😀";
    let d = check(text);
    assert_eq!(d.sentences.len(), 3);
}

#[test]
fn articles_in_other_languages_get_their_sentences_and_no_directives() {
    let english =
        "The Prime Minister visited the province on Sunday. He met local leaders. They discussed the economy.";
    let chinese = "总理周日访问了该省。他会见了地方领导人。他们讨论了经济问题。";
    let arabic = "زار رئيس الوزراء المحافظة يوم الأحد. التقى بالقادة المحليين. ناقشوا الاقتصاد؟";
    for text in [english, chinese, arabic] {
        let d = check(text);
        assert_eq!(d.sentences.len(), 3, "{text}");
        assert!(d.directives.is_empty(), "{text}");
    }
}

#[test]
fn nfd_mixed_with_nfc_and_old_and_new_tone_placement() {
    let text = "Ho\u{300}a bi\u{300}nh và hoà bình. Thuỷ điện và thủy điện.";
    let d = check(text);
    assert_eq!(d.sentences.len(), 2);
    assert_eq!(d.sentences[0].text, "Ho\u{300}a bi\u{300}nh và hoà bình.");
}
