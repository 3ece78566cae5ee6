//! Lines that lost their line breaks (VietNews bodies, text copied from a page): a photo
//! credit, a sub-heading or a headline run into the next sentence. The digest gives
//! each its own sentence, with spans that still slice the original (also NFD with CRLF),
//! and no summary takes one. The article is made up.

mod common;

use common::*;
use tomtat::{digest, Options};

/// A body as VietNews keeps it: one line, a caption with its credit, two sub-headings.
const BODY: &str = "Công nhân lắp đặt tấm pin mặt trời trên mái nhà xưởng. Ảnh: Minh Khang \
Thời gian qua, tỉnh Bình Phước đã cấp phép cho 12 dự án điện mặt trời mái nhà với tổng công suất 40 MW. \
Sở Công Thương cho biết các dự án sẽ hoà lưới trong tháng 6 và cung cấp điện cho các khu công nghiệp. \
Giá điện hấp dẫn doanh nghiệp Theo các doanh nghiệp, giá mua điện mặt trời cao giúp dự án hoàn vốn sau 7 năm. \
Nhiều nhà đầu tư cho biết sẽ mở rộng dự án nếu giá mua điện giữ nguyên đến năm 2025. \
Lo ngại quá tải lưới điện Trong khi đó, ngành điện cảnh báo lưới điện tại một số huyện đã đầy tải vào giờ cao điểm.";

const GLUED_LINES: [&str; 3] = ["Ảnh: Minh Khang", "Giá điện hấp dẫn doanh nghiệp", "Lo ngại quá tải lưới điện"];

fn texts(text: &str) -> Vec<String> {
    digest(text, &Options::default()).unwrap().sentences.into_iter().map(|s| s.text).collect()
}

#[test]
fn a_credit_and_sub_headings_run_into_sentences_are_sentences_of_their_own() {
    let sentences = texts(BODY);
    for line in GLUED_LINES {
        assert!(sentences.iter().any(|s| s == line), "{line:?} in {sentences:#?}");
    }
    assert!(sentences.iter().any(|s| s.starts_with("Thời gian qua, tỉnh Bình Phước")));
    assert!(sentences.iter().any(|s| s.starts_with("Theo các doanh nghiệp,")));
    assert!(sentences.iter().any(|s| s.starts_with("Trong khi đó, ngành điện")));
    assert_eq!(sentences.len(), 9);
}

#[test]
fn glued_lines_are_cut_alike_in_nfd_with_crlf_and_their_spans_slice_the_original() {
    use unicode_normalization::UnicodeNormalization;
    let text = format!("Điện mặt trời mái nhà tăng nhanh\r\n\r\n{}", BODY.nfd().collect::<String>());
    let d = digest(&text, &Options { words: true, ..Options::default() }).unwrap();
    assert_spans_slice_original(&text, &d);
    assert_sentences_ordered(&d);
    let clean = texts(&format!("Điện mặt trời mái nhà tăng nhanh\n\n{BODY}"));
    let messy: Vec<String> = d.sentences.iter().map(|s| s.text.nfc().collect()).collect();
    assert_eq!(messy, clean);
}

#[test]
fn no_summary_takes_a_credit_or_a_sub_heading() {
    for text in [BODY.to_string(), format!("Điện mặt trời mái nhà tăng nhanh\n\n{BODY}")] {
        for n in 1..=4 {
            let d = digest(&text, &Options { sentences: Some(n), ..Options::default() }).unwrap();
            for chosen in &d.summary {
                let sentence = &d.sentences[chosen.sentence].text;
                assert!(!GLUED_LINES.contains(&sentence.as_str()), "{n} sentences chose {sentence:?}");
            }
        }
    }
}
