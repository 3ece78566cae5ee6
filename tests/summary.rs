//! The summary and keywords of the digest: scores that explain themselves, reading
//! order, lengths, no repeats, spans that slice the original.

mod common;

use common::{assert_spans_slice_original, SEED};
use tomtat::{digest, Length, Options};

fn with(sentences: Option<usize>, length: Length) -> Options {
    Options { sentences, length, ..Options::default() }
}

#[test]
fn seed_short_summary_has_the_working_session_or_the_main_directive() {
    let d = digest(SEED, &with(None, Length::Short)).unwrap();
    assert!((2..=3).contains(&d.summary.len()), "{:?}", d.summary);
    let chosen: Vec<&str> = d.summary.iter().map(|s| d.sentences[s.sentence].text.as_str()).collect();
    assert!(
        chosen.iter().any(|s| s.contains("đã làm việc với Ban Thường vụ Tỉnh ủy Điện Biên")
            || s.contains("Thủ tướng Phạm Minh Chính yêu cầu tỉnh tập trung")),
        "{chosen:#?}"
    );
    assert!(!chosen.iter().any(|s| s.starts_with("Mời quý vị")), "{chosen:#?}");
}

#[test]
fn parts_sum_to_the_score_and_the_summary_is_in_reading_order() {
    for options in
        [with(None, Length::Short), with(None, Length::Medium), with(None, Length::Long), with(Some(7), Length::Medium)]
    {
        let d = digest(SEED, &options).unwrap();
        assert!(d.summary.windows(2).all(|w| w[0].sentence < w[1].sentence), "{:?}", d.summary);
        for s in &d.summary {
            assert_eq!(s.parts.values().sum::<f32>(), s.score, "{s:?}");
            assert!(!s.parts.is_empty());
        }
        assert_ne!(d.summary[0].sentence, 0, "the title is not part of the summary");
    }
}

#[test]
fn captions_credits_and_invitations_are_never_chosen() {
    let text = "Hiện trường vụ tai nạn. Sáng 12/10, một xe tải đã đâm vào nhà dân ở huyện Võ Nhai, khiến ba người \
                bị thương. Ảnh: Thành Chung. Công an huyện đang điều tra nguyên nhân vụ việc. Mời quý vị theo dõi \
                video.";
    for title in ["", "Xe tải đâm vào nhà dân ở Võ Nhai\n\n"] {
        let text = format!("{title}{text}");
        for n in 1..=5 {
            let d = digest(&text, &with(Some(n), Length::Medium)).unwrap();
            let chosen: Vec<&str> = d.summary.iter().map(|s| d.sentences[s.sentence].text.as_str()).collect();
            assert_eq!(chosen.len(), n.min(2), "{chosen:?}");
            assert!(chosen.iter().all(|s| s.starts_with("Sáng") || s.starts_with("Công an")), "{chosen:?}");
        }
    }
}

#[test]
fn datelines_on_a_line_of_their_own_are_never_chosen() {
    let text = "Giá xăng tăng mạnh\n\n(Dân trí) –\n\nSáng 12/10, giá xăng đã tăng 500 đồng mỗi lít. Bộ Công Thương \
                cho biết giá sẽ còn tăng.\n\nHÀ NỘI\n\nNgười dân đang lo lắng về giá cả.";
    let d = digest(text, &with(Some(5), Length::Medium)).unwrap();
    let chosen: Vec<&str> = d.summary.iter().map(|s| d.sentences[s.sentence].text.as_str()).collect();
    assert_eq!(chosen.len(), 3, "{chosen:?}");
    assert!(!chosen.iter().any(|s| s.starts_with("(Dân trí)") || *s == "HÀ NỘI"), "{chosen:?}");
}

#[test]
fn asking_for_more_sentences_than_there_are_returns_them_all() {
    let text = "Sáng 9/4, Thủ tướng làm việc với tỉnh Điện Biên. Tỉnh đạt nhiều kết quả tích cực. \
                Thủ tướng yêu cầu tỉnh phát triển hạ tầng.";
    let d = digest(text, &with(Some(10), Length::Medium)).unwrap();
    assert_eq!(d.summary.iter().map(|s| s.sentence).collect::<Vec<_>>(), [0, 1, 2]);
}

#[test]
fn identical_sentences_are_never_both_selected() {
    let repeated = "Thủ tướng yêu cầu tỉnh Điện Biên phát triển hạ tầng giao thông.";
    let text = format!("{repeated} Tỉnh có nhiều tiềm năng du lịch. {repeated}\n\n{repeated} Người dân vui mừng.");
    for n in 1..=5 {
        let d = digest(&text, &with(Some(n), Length::Medium)).unwrap();
        let texts: Vec<&str> = d.summary.iter().map(|s| d.sentences[s.sentence].text.as_str()).collect();
        assert!(texts.iter().filter(|t| **t == repeated).count() <= 1, "{n}: {texts:?}");
    }
}

#[test]
fn keywords_are_whole_phrases_whose_spans_slice_the_original() {
    let d = digest(SEED, &Options::default()).unwrap();
    assert_spans_slice_original(SEED, &d);
    let texts: Vec<&str> = d.keywords.iter().map(|k| k.text.as_str()).collect();
    assert_eq!(texts[0], "Điện Biên", "{texts:?}");
    // The seed's title names Điện Biên and its growth; the Prime Minister's name, said
    // three times inside longer titles, ranks just below the first ten.
    assert!(texts.contains(&"Thủ tướng"), "{texts:?}");
    assert!(!texts.iter().any(|t| ["Minh Chính", "Chính", "Biên", "triển"].contains(t)), "a fragment: {texts:?}");
    assert!(d.keywords.windows(2).all(|w| w[0].score >= w[1].score));
    for k in &d.keywords {
        assert!(k.occurrences.iter().all(|o| o.text.to_lowercase() == k.text.to_lowercase()), "{k:?}");
        assert!(k.occurrences.windows(2).all(|w| w[0].end <= w[1].start));
    }
}

#[test]
fn keyword_and_summary_spans_hold_on_nfd_and_crlf_text() {
    use unicode_normalization::UnicodeNormalization;
    let nfd: String = SEED.replace("\n", "\r\n").nfd().collect();
    let d = digest(&nfd, &Options::default()).unwrap();
    assert_spans_slice_original(&nfd, &d);
    assert_eq!(d.summary, digest(SEED, &Options::default()).unwrap().summary);
    assert!(!d.keywords.is_empty());
}

#[test]
fn dev_articles_get_summaries_without_their_title() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data/news-dev.jsonl");
    let Ok(lines) = std::fs::read_to_string(path) else {
        eprintln!("skipped: {path} is absent");
        return;
    };
    for line in lines.lines().take(50) {
        let article: serde_json::Value = serde_json::from_str(line).unwrap();
        let text = format!("{}\n\n{}", article["title"].as_str().unwrap(), article["body"].as_str().unwrap());
        let d = digest(&text, &with(Some(2), Length::Medium)).unwrap();
        assert_eq!(d.summary.len(), 2.min(d.sentences.len() - 1), "{}", article["id"]);
        assert!(d.summary.iter().all(|s| s.sentence > 0), "{}", article["id"]);
        assert_spans_slice_original(&text, &d);
    }
}

/// The sentences of the `n`-sentence summary of `text`.
fn chosen(text: &str, n: usize) -> Vec<String> {
    let d = digest(text, &with(Some(n), Length::Medium)).unwrap();
    d.summary.iter().map(|s| d.sentences[s.sentence].text.clone()).collect()
}

#[test]
fn captions_credits_and_bylines_anywhere_in_the_body_are_never_chosen() {
    // Made-up articles in VietNews's shape (one paragraph), with and without a title.
    let body = "Hàng nghìn người di cư từ Trung Mỹ đã tới thành phố biên giới Tijuana của Mexico trong tuần qua. \
                Một người di cư ở Tijuana ngày 18/11. Chính quyền thành phố cho biết số người di cư đã vượt quá \
                sức chứa của các nơi tạm trú. Thị trưởng Tijuana kêu gọi chính phủ Mexico hỗ trợ thành phố. \
                Theo Reuters. Nhiều người dân Tijuana biểu tình phản đối đoàn người di cư. Ảnh: AFP. \
                Minh Anh. Vũ Anh (theo Reuters). Thi Thi (Tổng hợp).";
    let unwanted = [
        "Một người di cư ở Tijuana ngày 18/11.",
        "Theo Reuters.",
        "Ảnh: AFP.",
        "Minh Anh.",
        "Vũ Anh (theo Reuters).",
        "Thi Thi (Tổng hợp).",
    ];
    for text in [body.to_string(), format!("Người di cư dồn về Tijuana\n\n{body}")] {
        for n in 1..=8 {
            let summary = chosen(&text, n);
            for unwanted in unwanted {
                assert!(!summary.iter().any(|s| s == unwanted), "{n}: {summary:?}");
            }
        }
    }
}

#[test]
fn a_caption_of_a_name_and_what_it_is_is_never_chosen() {
    // A made-up article in VietNews's shape that opens with the caption of its photo, a
    // name and a comma, and holds another, of a place, further on: both rich in the
    // article's words, neither with a verb.
    let body = "Ông Trần Văn Hùng, Giám đốc Sở Y tế tỉnh Nghệ An. \
                Sáng 12/10, mưa lớn đã gây ngập nặng nhiều tuyến phố ở thành phố Vinh, tỉnh Nghệ An. \
                Giám đốc Sở Y tế Trần Văn Hùng cho biết nhiều trạm y tế đã bị ngập. \
                Một góc phố Lê Lợi ở thành phố Vinh, Nghệ An. \
                Hậu quả, nhiều trường học ở thành phố Vinh phải cho học sinh nghỉ.";
    for text in [body.to_string(), format!("Thành phố Vinh ngập nặng\n\n{body}")] {
        for n in 1..=4 {
            let summary = chosen(&text, n);
            assert_eq!(summary.len(), n.min(3), "{n}: {summary:?}");
            assert!(!summary.iter().any(|s| s.starts_with("Ông Trần") || s.starts_with("Một góc")), "{n}: {summary:?}");
        }
    }
}

#[test]
fn an_opening_sentence_credited_as_a_photo_is_never_chosen() {
    // A made-up article in VietNews's shape that opens with the caption of its photo,
    // a clause rich in the article's words that only the credit after it tells apart.
    let body = "Lực lượng cứu hộ đã tìm kiếm các nạn nhân vụ sạt lở đất ở huyện Lạc Thủy, tỉnh Hòa Bình, chiều 12/10. \
                Ảnh: Nguyệt Triều. \
                Mưa lớn kéo dài đã gây sạt lở đất vùi lấp nhiều ngôi nhà ở huyện Lạc Thủy, tỉnh Hòa Bình. \
                Chủ tịch UBND huyện Lạc Thủy cho biết lực lượng cứu hộ đã tìm thấy ba nạn nhân. \
                Nhiều hộ dân ở vùng sạt lở đất đã được đưa tới nơi an toàn.";
    for text in [body.to_string(), format!("Sạt lở đất ở Hòa Bình\n\n{body}")] {
        for n in 1..=3 {
            let summary = chosen(&text, n);
            assert_eq!(summary.len(), n, "{n}: {summary:?}");
            assert!(!summary.iter().any(|s| s.starts_with("Lực lượng") || s.starts_with("Ảnh")), "{n}: {summary:?}");
        }
    }
}

#[test]
fn a_sentence_that_leans_on_another_is_chosen_only_with_it() {
    let text = "Sáng 12/10, một xe tải chở cát đã đâm vào nhà dân ở huyện Võ Nhai, tỉnh Thái Nguyên. \
                Người dân trong vùng cho biết đoạn đường này thường xuyên xảy ra tai nạn. \
                Tài xế xe tải là anh Nguyễn Văn Bình, 35 tuổi, đã bỏ trốn khỏi hiện trường vụ tai nạn xe tải. \
                Ông này từng bị phạt vì chở cát quá tải trên đường tỉnh. \
                Tuy nhiên, xe tải đâm vào nhà dân đã gây thiệt hại lớn cho gia đình ông Bình ở Võ Nhai. \
                Vụ việc đang được công an huyện Võ Nhai điều tra làm rõ. \
                Số cát chở quá tải nói trên đã được công an huyện Võ Nhai tạm giữ.";
    let leaning = [("Ông này", "Tài xế"), ("Tuy nhiên", "Ông này"), ("Vụ việc", "Tuy nhiên"), ("Số cát", "Vụ việc")];
    assert_chosen_only_with(text, "Xe tải đâm vào nhà dân ở Võ Nhai", 6, &leaning);
}

/// Asserts that in summaries of 1 to `most` sentences of `body`, with `title` and
/// without, each sentence opening with the first of a pair comes only with the one
/// opening with the second.
fn assert_chosen_only_with(body: &str, title: &str, most: usize, leaning: &[(&str, &str)]) {
    for text in [body.to_string(), format!("{title}\n\n{body}")] {
        for n in 1..=most {
            let summary = chosen(&text, n);
            let has = |start: &str| summary.iter().any(|s| s.starts_with(start));
            for (leans, on) in leaning {
                assert!(!has(leans) || has(on), "{n}, {leans}: {summary:?}");
            }
        }
    }
}

#[test]
fn the_tail_of_a_quotation_and_chinh_vi_the_come_only_with_the_sentence_before() {
    // A made-up article in VietNews's shape: the splitter cuts the quotation at its inner
    // full stop, and its tail, rich in the article's words, names no speaker of its own.
    let text = "Sáng 12/10, một vụ cháy lớn đã thiêu rụi xưởng gỗ ở huyện Thạch Thất, Hà Nội. \
                Chủ tịch huyện Thạch Thất nói: \"Huyện sẽ làm rõ nguyên nhân vụ cháy xưởng gỗ. \
                Xưởng gỗ ở Thạch Thất không có giấy phép phòng cháy, huyện sẽ xử lý nghiêm\", ông nói. \
                Lực lượng cứu hỏa Hà Nội đã dập tắt đám cháy sau 3 giờ. \
                Chính vì thế, các xưởng gỗ ở Thạch Thất sẽ bị kiểm tra phòng cháy.";
    let leaning = [("Xưởng gỗ ở", "Chủ tịch"), ("Chính vì thế", "Lực lượng")];
    assert_chosen_only_with(text, "Cháy xưởng gỗ ở Thạch Thất", 4, &leaning);
}

#[test]
fn openers_and_pointers_come_only_with_the_sentence_before() {
    // A made-up article in VietNews's shape: each leaning sentence holds the title's words
    // and follows one a summary seldom takes (short and off the topic, or long), so
    // without its rule each is chosen alone (checked rule by rule: "Riêng", "Và" and
    // "Hãy" at 1 and 2 sentences, "cùng ngày" and "trên" at 6).
    let text = "Sáng 3/7, bão số 2 đã đổ bộ vào các tỉnh ven biển miền Bắc. Nhiều cây xanh ở Hà Nội bị gãy đổ. \
                Riêng tỉnh Thanh Hóa có 257 tàu cá của ngư dân còn trên biển khi bão đổ bộ. \
                Chiều cùng ngày, bão số 2 gây mưa lớn ở Quảng Ninh, Thanh Hóa và Hải Phòng. \
                Ông Lê Văn Hải, Giám đốc Sở Nông nghiệp Thanh Hóa, đã họp với ngư dân. \
                Trong những năm qua, tỉnh đã đầu tư nhiều tỷ đồng để xây dựng khu neo đậu, nâng cấp hệ thống \
                đê điều và cải tạo hệ thống thoát nước ở các khu dân cư ven sông. \
                Và bão đổ bộ làm 12 tàu cá ở Thanh Hóa bị chìm, 3 ngư dân mất tích trên biển. \
                Lũ trên sẽ được các tỉnh ven biển theo dõi trong suốt đêm 3/7. \
                Hãy theo dõi 257 tàu cá của ngư dân Thanh Hóa còn trên biển khi bão đổ bộ.";
    let title = "257 tàu cá Thanh Hóa còn trên biển khi bão đổ bộ";
    let leaning =
        [("Riêng", "Nhiều cây"), ("Chiều cùng ngày", "Riêng"), ("Và bão", "Trong những năm"), ("Lũ trên", "Và bão")];
    assert_chosen_only_with(text, title, 6, &leaning);
    for text in [text.to_string(), format!("{title}\n\n{text}")] {
        for n in 1..=8 {
            assert!(!chosen(&text, n).iter().any(|s| s.starts_with("Hãy")), "{n}: an imperative to the reader");
        }
    }
}

#[test]
fn a_place_named_by_tai_day_comes_only_with_the_sentence_that_named_it() {
    // A made-up article in VietNews's shape: "Tại đây" ("there") holds the title's words
    // and follows the long sentence that says where, which a summary seldom takes.
    let text = "Sáng 12/10, Công an huyện Chợ Gạo đã bắt quả tang một nhóm thanh niên sử dụng ma túy. \
                Khoảng 23h đêm 11/10, tổ công tác của Công an huyện nhận được tin báo của người dân về \
                việc có nhiều người lạ ra vào một căn nhà trọ nằm sâu trong con hẻm nhỏ ở thị trấn Chợ Gạo. \
                Tại đây, lực lượng công an phát hiện 13 thanh niên đang sử dụng ma túy và thu giữ nhiều gói ma túy đá. \
                Vụ việc đang được Công an huyện Chợ Gạo điều tra làm rõ.";
    let title = "Bắt 13 thanh niên sử dụng ma túy đá trong nhà trọ";
    assert_chosen_only_with(text, title, 3, &[("Tại đây", "Khoảng 23h")]);
}

#[test]
fn a_person_named_by_a_short_name_comes_only_with_the_sentence_that_introduced_them() {
    // A made-up article in VietNews's shape: the sentences that name the director only as
    // "Ông Hùng" or "Hùng" hold the title's words; the one that says who he is does not,
    // and stands well before them.
    let text = "Sáng 12/10, mưa lớn đã gây ngập nặng nhiều tuyến phố ở thành phố Vinh, tỉnh Nghệ An. \
                Ông Trần Văn Hùng, Giám đốc Sở Xây dựng, đã có mặt tại hiện trường từ sáng sớm. \
                Nhiều người dân phải dùng thuyền để đi lại trong khu dân cư. \
                Trường học ở các phường trung tâm đã cho học sinh nghỉ. \
                Ông Hùng cho biết hệ thống thoát nước của thành phố Vinh đã quá tải vì mưa lớn kéo dài. \
                Hùng khẳng định thành phố Vinh sẽ nâng cấp hệ thống thoát nước để chống ngập. \
                Theo ông Hùng, mưa lớn ở Vinh đã làm ngập nhiều tuyến phố vì hệ thống thoát nước quá tải. \
                Bà Nguyễn Thị Lan, người dân phường Hưng Bình, cho biết nước ngập đến đầu gối.";
    let leaning = [
        ("Ông Hùng", "Ông Trần Văn Hùng"),
        ("Hùng khẳng định", "Ông Trần Văn Hùng"),
        ("Theo ông Hùng", "Ông Trần Văn Hùng"),
    ];
    assert_chosen_only_with(text, "Thành phố Vinh ngập vì hệ thống thoát nước quá tải", 5, &leaning);
    // With the title that names him in full, the reader knows who is meant.
    let titled = format!("Ông Trần Văn Hùng: thoát nước ở Vinh đã quá tải\n\n{text}");
    let summary = chosen(&titled, 1);
    assert!(summary[0].starts_with("Ông Hùng"), "{summary:?}");
}

#[test]
fn needs_that_cannot_be_met_do_not_make_the_summary_shorter() {
    // Made-up: the only sentence that introduces the director leans on a question, which
    // no summary takes; the sentences that name him by his short name are all there is.
    let text = "Vì sao giá xăng tăng? \
                Tuy nhiên, ông Trần Văn Hùng, Giám đốc Sở Công Thương, đã giải thích rõ. \
                Ông Hùng cho biết giá xăng tăng vì giá dầu thế giới tăng. \
                Ông Hùng nói giá xăng sẽ giảm trong tháng tới.";
    for n in 1..=2 {
        assert_eq!(chosen(text, n).len(), n, "{n}");
    }
}

#[test]
fn a_lede_that_opens_with_a_pointer_leans_on_nothing() {
    // Made-up, in VietNews's shape: the lede opens with "Đây", which points at the news
    // itself, as nothing comes before it; the same opener further on leans.
    let body = "Đây là lần đầu tiên Ngân hàng Nhà nước phát hiện lỗi chính tả trên tờ tiền mệnh giá 500.000 đồng mới. \
                Tờ tiền mới được lưu hành từ tháng 10 năm ngoái với nhiều tính năng chống làm giả. \
                Một người dân ở Hà Nội đã phát hiện lỗi chính tả trên tờ tiền mệnh giá 500.000 đồng. \
                Đây cũng là lỗi mà nhiều người dân đã nhận ra trên tờ tiền mới.";
    for text in [body.to_string(), format!("Tờ tiền 500.000 đồng mới in sai chính tả\n\n{body}")] {
        let summary = chosen(&text, 4);
        assert_eq!(summary.len(), 4, "{summary:?}");
        assert!(summary[0].starts_with("Đây là lần đầu"), "{summary:?}");
        for n in 1..=3 {
            let summary = chosen(&text, n);
            let has = |start: &str| summary.iter().any(|s| s.starts_with(start));
            assert!(!has("Đây cũng") || has("Một người dân"), "{n}: {summary:?}");
        }
    }
}

#[test]
fn a_long_summary_of_many_leaning_sentences_is_found() {
    // Made-up: forty plain sentences of news, then forty that each lean on the one
    // before. A search that tried every set of each size before giving up on it never
    // ended on such a text.
    let places = ["Hà Nội", "Đà Nẵng", "Cần Thơ", "Huế", "Hải Phòng", "Nghệ An", "Quảng Ninh", "Lào Cai"];
    let works = ["cầu", "đường", "trường học", "bệnh viện", "nhà máy nước"];
    let plain = (0..40)
        .map(|k| format!("{} khởi công {} thứ {k} với vốn {} tỷ đồng.", places[k % 8], works[k % 5], 10 + 7 * k));
    let leaning = (0..40)
        .map(|k| format!("Tuy nhiên, {} {} chậm tiến độ {} tháng.", works[k % 5], places[(k + 3) % 8], 2 + k % 9));
    let text = plain.chain(leaning).collect::<Vec<_>>().join(" ");
    let d = digest(&text, &with(Some(60), Length::Medium)).unwrap();
    assert!(!d.summary.is_empty());
    for pair in d.summary.windows(2) {
        if d.sentences[pair[1].sentence].text.starts_with("Tuy nhiên") {
            assert_eq!(pair[0].sentence + 1, pair[1].sentence, "{pair:?}");
        }
    }
    assert!(!d.sentences[d.summary[0].sentence].text.starts_with("Tuy nhiên"));
}

#[test]
fn questions_and_sub_headings_are_never_chosen() {
    let text = "Giá xăng tăng mạnh\n\nSáng 12/10, giá xăng RON 95 đã tăng 500 đồng mỗi lít, mức tăng cao nhất \
                trong năm. Vì sao giá xăng tăng mạnh trong năm nay? Bộ Công Thương cho biết giá xăng tăng vì giá \
                dầu thế giới tăng.\n\nGiá xăng sẽ còn tăng\n\nCác chuyên gia dự báo giá xăng sẽ còn tăng trong \
                quý tới. Người dân đang lo lắng về giá xăng.";
    for n in 1..=5 {
        let summary = chosen(text, n);
        assert!(!summary.iter().any(|s| s.ends_with('?') || s == "Giá xăng sẽ còn tăng"), "{n}: {summary:?}");
    }
}

#[test]
fn this_week_britain_folk_and_a_short_sentence_of_news_open_a_summary() {
    // Each opens its article, so it can be chosen only if it leans on nothing and is
    // no caption: asked for every sentence, the summary holds it.
    for (first, rest) in [
        ("Trong tuần này, giá xăng RON 95 đã tăng ba lần liên tiếp.", "Bộ Công Thương cho biết giá dầu thế giới tăng."),
        ("Anh đã chính thức rời Liên minh châu Âu.", "Thủ tướng Anh Boris Johnson gọi đó là khởi đầu mới."),
        ("Bà con nông dân huyện Võ Nhai đã thu hoạch xong vụ lúa.", "Giá lúa năm nay tăng mạnh."),
        ("Hà Nội đẹp.", "Mùa thu năm nay đến sớm với những ngày nắng nhẹ."),
    ] {
        for title in ["", "Tin trong ngày\n\n"] {
            let summary = chosen(&format!("{title}{first} {rest}"), 2);
            assert_eq!(summary, [first, rest], "{title}");
        }
    }
}

#[test]
fn a_third_sentence_of_a_body_alone_tells_something_new_rather_than_repeat_two_taken() {
    // Made up: the fourth sentence says again what the lede (the market) and the second
    // (its second floor) said; the third tells what neither did (the fire engines). At 3
    // sentences of a body alone a pair's cosine costs more than at 2 (`summary::REDUNDANCY`),
    // so the third sentence taken is the one with news of its own.
    let body = "Sáng 12/3, một vụ cháy lớn đã xảy ra tại chợ Đồng Xuân, quận Hoàn Kiếm, Hà Nội. \
                Lửa bùng lên từ khu vực bán quần áo ở tầng hai của chợ rồi lan rộng. \
                Hơn 20 xe chữa cháy và 200 cán bộ chiến sĩ cảnh sát phòng cháy đã được điều đến hiện trường. \
                Vụ cháy chợ Đồng Xuân khiến nhiều tiểu thương ở tầng hai của chợ mất trắng hàng hóa. \
                Đến trưa cùng ngày, đám cháy cơ bản được khống chế, không có thiệt hại về người. \
                Nguyên nhân vụ cháy đang được cơ quan chức năng điều tra làm rõ. \
                Chợ Đồng Xuân được xây dựng từ năm 1889 và là chợ lớn nhất Hà Nội.";
    let summary = chosen(body, 3);
    assert_eq!(summary.len(), 3, "{summary:#?}");
    assert!(summary[0].starts_with("Sáng 12/3") && summary[1].starts_with("Lửa bùng lên"), "{summary:#?}");
    assert!(summary[2].starts_with("Hơn 20 xe chữa cháy"), "{summary:#?}");
}

/// The summaries of `body`, with `title` and without, asked for more sentences than it
/// has: each holds every sentence but those no summary takes (captions, and sentences
/// that lean on one left out), and so `kept` of them and none that `caption` picks.
fn all_chosen_but_captions(body: &str, title: &str, kept: usize, caption: impl Fn(&str) -> bool) -> Vec<Vec<String>> {
    let summaries = [chosen(body, 20), chosen(&format!("{title}\n\n{body}"), 20)];
    for summary in &summaries {
        assert_eq!(summary.len(), kept, "{summary:#?}");
        assert!(!summary.iter().any(|s| caption(s)), "{summary:#?}");
    }
    summaries.into()
}

#[test]
fn a_caption_before_a_photo_credit_in_the_middle_of_the_body_is_never_chosen() {
    // Made up: the caption, with a verb and the article's words, stands before its
    // credit in the middle of the body, as VietNews bodies carry them.
    let body = "Sáng 13/12, một đám cháy lớn đã bùng lên tại gara ôtô trên đường Lê Quang Đạo, Hà Nội. \
                Lửa nhanh chóng lan rộng, cột khói bốc cao hàng chục mét. \
                Lực lượng chức năng kiểm tra hiện trường vụ cháy gara ôtô. Ảnh: Gia Chính. \
                Nguyên nhân vụ cháy đang được cơ quan chức năng điều tra làm rõ.";
    all_chosen_but_captions(body, "Cháy gara ôtô ở Hà Nội", 3, |s| s.starts_with("Lực lượng chức năng"));
}

#[test]
fn an_opening_caption_with_a_verb_that_ends_with_its_only_date_is_never_chosen() {
    // Made up: what the photo shows, with a verb and a place, then its date; the lede
    // that follows says what happened with a clause and opens with its date.
    let body = "Tổng thống Mỹ Donald Trump phát biểu tại khu nghỉ dưỡng Mar-a-Lago, bang Florida hôm 12/4. \
                Ngày 15/4, Tổng thống Mỹ Donald Trump đã ký sắc lệnh tăng thuế nhập khẩu thép. \
                Nhà Trắng cho biết sắc lệnh có hiệu lực từ tháng sau. \
                Nhiều nước đã phản đối quyết định của Mỹ.";
    all_chosen_but_captions(body, "Mỹ tăng thuế thép", 3, |s| s.contains("Mar-a-Lago"));
}

#[test]
fn a_caption_that_names_a_picture_or_where_it_was_taken_from_is_never_chosen() {
    // Made up: "Phối cảnh ..." (a rendering) and "... nhìn từ trên cao" (a view) hold
    // the article's words; a sentence about a picture ("Bức ảnh được ...") is news.
    let body = "Ngày 20/5, UBND thành phố Hải Phòng đã khởi công cầu Bạch Đằng mới bắc qua sông Bạch Đằng. \
                Phối cảnh cầu Bạch Đằng mới bắc qua sông Bạch Đằng nối Quảng Ninh với Hải Phòng. \
                Cầu dài 3 km, tổng vốn đầu tư hơn 7.000 tỷ đồng. \
                Công trường cầu Bạch Đằng mới nhìn từ trên cao. \
                Bức ảnh được hàng nghìn người chia sẻ trên mạng xã hội.";
    let caption = |s: &str| s.starts_with("Phối cảnh") || s.contains("nhìn từ");
    for summary in all_chosen_but_captions(body, "Khởi công cầu Bạch Đằng mới", 3, caption) {
        assert!(summary.iter().any(|s| s.starts_with("Bức ảnh")), "{summary:#?}");
    }
}

#[test]
fn an_opening_caption_with_a_verb_and_a_place_but_no_clause_is_never_chosen() {
    // Made up: what the photo shows, with a verb, where, and a comma only between names;
    // the same words said as a lede, when first, set off with a comma, are news.
    let rest = "Ngày 12/10, mưa lớn kéo dài đã khiến nhiều tuyến phố ở thành phố Huế ngập sâu. \
                Trung tâm khí tượng cho biết mưa sẽ còn kéo dài đến hết tuần. \
                Nhiều trường học ở Huế đã cho học sinh nghỉ học.";
    let caption = "Người dân chèo thuyền trên đường phố ngập nước tại thành phố Huế, Thừa Thiên Huế.";
    all_chosen_but_captions(&format!("{caption} {rest}"), "Huế ngập sâu", 3, |s| s == caption);
    let lede = "Sáng nay, người dân chèo thuyền trên đường phố ngập nước tại thành phố Huế.";
    assert!(chosen(&format!("{lede} {rest}"), 20).iter().any(|s| s == lede));
}

#[test]
fn a_caption_of_someone_speaking_at_an_event_is_never_chosen_anywhere() {
    // Made up: the photo of the speaker in the middle of the body, the subject opening
    // it and the words not given; the same verb with what was said is news, and so is a
    // sentence that sets its time off before the speaker.
    let body = "Ngày 3/9, Diễn đàn Hợp tác Việt Nam - châu Phi đã khai mạc tại Hà Nội với sự tham dự của 40 nước. \
                Chủ tịch nước Nguyễn Văn An phát biểu tại lễ khai mạc Diễn đàn Hợp tác Việt Nam - châu Phi. \
                Diễn đàn sẽ bàn về hợp tác nông nghiệp, năng lượng và giáo dục trong 5 năm tới. \
                Hôm qua, phát biểu tại lễ khai mạc, Chủ tịch nước cho biết Việt Nam sẽ mở rộng hợp tác.";
    let caption = |s: &str| s.starts_with("Chủ tịch nước Nguyễn Văn An");
    for summary in all_chosen_but_captions(body, "Khai mạc Diễn đàn Việt Nam - châu Phi", 3, caption) {
        assert!(summary.iter().any(|s| s.starts_with("Hôm qua, phát biểu")), "{summary:#?}");
    }
}

#[test]
fn a_sentence_that_announces_what_follows_with_a_colon_is_never_chosen() {
    // Made up: the sentence before the photos of an article, rich in its words, ends its
    // paragraph.
    let body = "Sáng 12/5, nhà máy thủy điện Sơn La đã hoàn thành đợt bảo dưỡng tổ máy số 1. \
                Đợt bảo dưỡng kéo dài 30 ngày với sự tham gia của hơn 200 kỹ sư. \
                Một số hình ảnh đợt bảo dưỡng tổ máy số 1 của nhà máy thủy điện Sơn La:\n\n\
                Tổ máy sẽ phát điện trở lại từ tuần sau.";
    all_chosen_but_captions(body, "Thủy điện Sơn La bảo dưỡng tổ máy", 3, |s| s.ends_with(':'));
}
