//! Per-sentence scores made of named parts, so a reader can see why a sentence was
//! chosen.
//!
//! Each sentence gets a few signals ([`FEATURES`]): where it stands in the article,
//! how much it shares with the title and with the article as a whole (TF-ISF cosine on
//! content syllables; and with the lead, the first sentences, which news writes as a
//! summary), its length, cue phrases, and what readers do not want in a
//! summary (photo captions, bylines, "Mời quý vị theo dõi...", questions, quotations
//! without context, sentences that lean on the one before). The score is a weighted
//! sum of the signals with weights fitted on news-train (`data/summary-weights.txt`),
//! and each feature's contribution goes to the part its name starts with ("position",
//! "title", "centrality", "length", "cue", "penalty").
//!
//! Everything here is linear in the size of the text: centrality compares each
//! sentence with the document vector, never with every other sentence.

use std::sync::OnceLock;

use crate::document::Document;
use crate::phrases::Phrases;
use crate::segment;
use crate::terms::{IdSet, Terms};
use crate::tokens::TokenKind;

/// The signals of a sentence, named `part.signal`; the weights file gives one weight
/// per name and the part is what the page shows.
pub const FEATURES: [&str; 19] = [
    "centrality.cosine",
    "centrality.lead",
    "cue.names",
    "cue.number",
    "cue.report",
    "length.long",
    "length.short",
    "length.words",
    "penalty.caption",
    "penalty.connective",
    "penalty.invitation",
    "penalty.question",
    "penalty.quote",
    "position.first",
    "position.lead",
    "position.paragraph",
    "position.relative",
    "title.bigrams",
    "title.cosine",
];

/// Index of each feature in [`FEATURES`], so the code names what it sets.
mod feature {
    pub const CENTRALITY: usize = 0;
    pub const LEAD_SIMILARITY: usize = 1;
    pub const NAMES: usize = 2;
    pub const NUMBER: usize = 3;
    pub const REPORT: usize = 4;
    pub const LONG: usize = 5;
    pub const SHORT: usize = 6;
    pub const WORDS: usize = 7;
    pub const CAPTION: usize = 8;
    pub const CONNECTIVE: usize = 9;
    pub const INVITATION: usize = 10;
    pub const QUESTION: usize = 11;
    pub const QUOTE: usize = 12;
    pub const FIRST: usize = 13;
    pub const LEAD: usize = 14;
    pub const PARAGRAPH: usize = 15;
    pub const RELATIVE: usize = 16;
    pub const TITLE_BIGRAMS: usize = 17;
    pub const TITLE: usize = 18;
}

/// The signal values of one sentence, in the order of [`FEATURES`].
pub type Signals = [f32; FEATURES.len()];

/// The fitted weights compiled into the crate.
const WEIGHTS: &str = include_str!("../data/summary-weights.txt");

/// How many sentences after the title make the lead.
const LEAD_SENTENCES: usize = 3;
/// Sentences shorter than this many syllables and numbers are fragments.
const SHORT_WORDS: usize = 8;
/// Beyond this many syllables and numbers a sentence is a run-on.
const LONG_WORDS: usize = 60;

/// A sentence of at most this many syllables that is all names ("Minh Anh") or
/// starts with "Theo"/"Nguồn" ("Theo Reuters") is a byline or a source credit.
const BYLINE_WORDS: usize = 6;
/// A body's first sentence of at most this many syllables and numbers, without a
/// comma, colon or semicolon, a reporting verb or a clause marker, is the caption of
/// the article's photo ("Tổng thống Iran Hassan Rouhani.", "Hiện trường vụ tai nạn.").
const CAPTION_WORDS: usize = 18;

/// What a cue phrase of `data/summary-cues.txt` says of its sentence.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Cue {
    /// Reported speech or a decision, anywhere.
    Report,
    /// A photo or video credit, anywhere.
    Caption,
    /// A closing formula of broadcast and web news, anywhere.
    Invitation,
    /// A reference back to the previous sentence, at the start.
    Connective,
    /// The opening of a source credit, at the start of a short sentence.
    Byline,
    /// A tense or aspect marker or the copula: a clause, which a caption is not.
    Clause,
}

/// The cue phrases, one table of whole syllables.
fn cues() -> &'static Phrases<Cue> {
    static CUES: OnceLock<Phrases<Cue>> = OnceLock::new();
    CUES.get_or_init(|| {
        Phrases::new(crate::data::lines(include_str!("../data/summary-cues.txt")).filter_map(|line| {
            let (kind, phrase) = line.split_once(' ')?;
            let cue = match kind {
                "report" => Cue::Report,
                "caption" => Cue::Caption,
                "invitation" => Cue::Invitation,
                "connective" => Cue::Connective,
                "byline" => Cue::Byline,
                "clause" => Cue::Clause,
                _ => return None,
            };
            Some((phrase.to_string(), cue))
        }))
    })
}

/// Weights of the features, in the order of [`FEATURES`].
#[derive(Debug, Clone, PartialEq)]
pub struct Weights(pub Signals);

impl Weights {
    /// Reads a weights table: `name value` lines after `#` comments, one for every
    /// feature.
    pub fn parse(table: &str) -> Result<Weights, String> {
        named_weights(table, &FEATURES).map(Weights)
    }

    /// The weights compiled in from `data/summary-weights.txt`.
    pub fn fitted() -> &'static Weights {
        static FITTED: OnceLock<Weights> = OnceLock::new();
        FITTED.get_or_init(|| Weights::parse(WEIGHTS).expect("data/summary-weights.txt is checked by a unit test"))
    }

    /// The score of a sentence with `signals`, as named parts.
    pub fn score(&self, signals: &Signals) -> Score {
        let mut parts: Vec<(&'static str, f32)> = Vec::new();
        for (k, name) in FEATURES.iter().enumerate() {
            let contribution = self.0[k] * signals[k];
            if contribution == 0.0 {
                continue;
            }
            let part = name.split_once('.').map_or(*name, |(part, _)| part);
            match parts.last_mut() {
                Some((last, sum)) if *last == part => *sum += contribution,
                _ => parts.push((part, contribution)),
            }
        }
        parts.retain(|&(_, value)| value != 0.0);
        // Summed in the parts' (alphabetical) order, so the parts add up to the score
        // exactly however a reader sums them in that order.
        let total = parts.iter().fold(0.0f32, |sum, &(_, value)| sum + value);
        Score { total, parts }
    }
}

/// A sentence's score and what it is made of.
#[derive(Debug, Clone, PartialEq)]
pub struct Score {
    /// The sum of `parts`.
    pub total: f32,
    /// Named contributions, in alphabetical order of name, none zero.
    pub parts: Vec<(&'static str, f32)>,
}

/// A weight written as `-1.234`: an optional sign, digits and an optional fraction of
/// at most 9 digits in all. Not `str::parse::<f32>`, whose tables (about 15 KB) would
/// go into the wasm for one small file; for such short decimals the two agree (a unit
/// test checks every weight from -20.000 to 20.000).
fn decimal(text: &str) -> Option<f32> {
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() || !all_digits(whole) || !all_digits(fraction) || whole.len() + fraction.len() > 9 {
        return None;
    }
    let mantissa = whole.bytes().chain(fraction.bytes()).fold(0u32, |m, b| m * 10 + u32::from(b - b'0'));
    // Both operands are exact in f64, so the quotient is the correctly rounded value.
    let value = (f64::from(mantissa) / 10f64.powi(fraction.len() as i32)) as f32;
    Some(if negative { -value } else { value })
}

/// The weights of a table of `name value` lines after `#` comments, one for each of
/// `names` (the sentence scores' here, the key phrases' in `keywords`).
pub(crate) fn named_weights<const N: usize>(table: &str, names: &[&str; N]) -> Result<[f32; N], String> {
    let mut weights = [f32::NAN; N];
    for line in crate::data::lines(table) {
        let (name, value) = line.split_once(char::is_whitespace).ok_or(format!("no value in `{line}`"))?;
        let index = names.iter().position(|f| *f == name).ok_or(format!("unknown feature `{name}`"))?;
        weights[index] = decimal(value.trim()).ok_or(format!("bad weight in `{line}`"))?;
    }
    match weights.iter().position(|w| !w.is_finite()) {
        Some(missing) => Err(format!("no weight for `{}`", names[missing])),
        None => Ok(weights),
    }
}

/// A sparse vector of term weights, sorted by term id.
pub type Vector = Vec<(u32, f32)>;

/// What scoring learns about a document: its title, each sentence's signals and its
/// TF-ISF vector (which selection reuses to avoid near-duplicates).
#[derive(Debug, Clone)]
pub struct Analysis {
    /// The index of the title sentence, when the text starts with one.
    pub title: Option<usize>,
    /// Every sentence's signals (the title's are all zero).
    pub signals: Vec<Signals>,
    /// Every sentence's TF-ISF vector of content syllables, normalised to length 1
    /// (empty when it has none).
    pub vectors: Vec<Vector>,
}

/// The title sentence of `doc`, if any: a first paragraph that is one sentence not
/// ended by a full stop (a headline may end in "?", "!" or a quotation), followed by
/// more text, as the CLI joins a JSONL line's `title` and `body`.
pub fn title(doc: &Document) -> Option<usize> {
    let first = doc.sentences.first()?;
    let alone = doc.sentences.get(1).is_some_and(|next| next.paragraph != first.paragraph);
    let last = segment::without_closers(doc.sentence_text(0)).chars().next_back()?;
    (alone && !matches!(last, '.' | '…' | ':' | ';' | ',')).then_some(0)
}

/// Analyses every sentence of `doc`.
pub fn analyse(doc: &Document, terms: &Terms) -> Analysis {
    let count = doc.sentences.len();
    let title = title(doc);
    let counts: Vec<Vec<(u32, f32)>> = (0..count)
        .map(|index| {
            let mut ids: Vec<u32> = doc.sentence_token_range(index).filter_map(|k| terms.content(k)).collect();
            ids.sort_unstable();
            let mut tf: Vec<(u32, f32)> = Vec::with_capacity(ids.len());
            for id in ids {
                match tf.last_mut() {
                    Some((last, f)) if *last == id => *f += 1.0,
                    _ => tf.push((id, 1.0)),
                }
            }
            tf
        })
        .collect();
    let mut sentence_frequency = vec![0u32; terms.len()];
    for (id, _) in counts.iter().flatten() {
        sentence_frequency[*id as usize] += 1;
    }
    let n = count as f32;
    // Each term's inverse sentence frequency, once per term rather than per occurrence.
    let idf: Vec<f32> =
        sentence_frequency.iter().map(|&f| if f == 0 { 0.0 } else { (1.0 + n / f as f32).ln() }).collect();
    let vectors: Vec<Vector> = counts
        .into_iter()
        .map(|tf| normalised(tf.into_iter().map(|(id, f)| (id, f * idf[id as usize])).collect()))
        .collect();
    let body: Vec<usize> = (0..count).filter(|&i| Some(i) != title).collect();
    let bigrams = |index: usize| {
        let ids = &terms.ids[doc.sentence_token_range(index)];
        ids.windows(2).filter_map(|pair| Some((pair[0]?, pair[1]?)))
    };
    let title_bigrams: IdSet<(u32, u32)> = title.map(|t| bigrams(t).collect()).unwrap_or_default();
    let mut document = vec![0.0f32; terms.len()];
    for &i in &body {
        for &(id, w) in &vectors[i] {
            document[id as usize] += w;
        }
    }
    let document_norm_squared = document.iter().map(|w| w * w).sum::<f32>();
    // The lead: the first sentences after the title, which news writes as a summary.
    let mut lead: Vec<f32> = vec![0.0; terms.len()];
    for &i in body.iter().take(LEAD_SENTENCES) {
        for &(id, w) in &vectors[i] {
            lead[id as usize] += w;
        }
    }
    let lead_norm_squared = lead.iter().map(|w| w * w).sum::<f32>();
    let paragraphs_in_body = match (body.first(), body.last()) {
        (Some(&first), Some(&last)) => doc.sentences[first].paragraph != doc.sentences[last].paragraph,
        _ => false,
    };
    let mut signals = vec![[0.0; FEATURES.len()]; count];
    for (k, &i) in body.iter().enumerate() {
        let s = &mut signals[i];
        let v = &vectors[i];
        s[feature::FIRST] = f32::from(k == 0);
        s[feature::LEAD] = 1.0 / (1.0 + k as f32);
        s[feature::RELATIVE] = 1.0 - k as f32 / body.len() as f32;
        s[feature::PARAGRAPH] =
            f32::from(paragraphs_in_body && (i == 0 || doc.sentences[i - 1].paragraph != doc.sentences[i].paragraph));
        s[feature::TITLE] = title.map_or(0.0, |t| dot(v, &vectors[t]));
        s[feature::TITLE_BIGRAMS] = shared_share(bigrams(i), &title_bigrams);
        s[feature::CENTRALITY] = cosine_with_rest(v, &document, document_norm_squared);
        s[feature::LEAD_SIMILARITY] = if k < LEAD_SENTENCES {
            cosine_with_rest(v, &lead, lead_norm_squared)
        } else {
            cosine_with(v, &lead, lead_norm_squared)
        };
        sentence_signals(doc, i, k == 0, s);
    }
    Analysis { title, signals, vectors }
}

/// Whether a sentence with `signals` is one no summary takes: a photo caption or
/// credit, a byline, an invitation to watch or read on.
pub fn unwanted(signals: &Signals) -> bool {
    signals[feature::CAPTION] > 0.0 || signals[feature::INVITATION] > 0.0
}

/// The signals that depend on the sentence alone and on whether it opens the body.
fn sentence_signals(doc: &Document, index: usize, opening: bool, s: &mut Signals) {
    let text = doc.sentence_text(index);
    let tokens = doc.sentence_tokens(index);
    let syllables = doc.sentence_lower_tokens(index);
    let words = words(doc, index);
    let capitalised =
        tokens.iter().skip(1).filter(|t| t.kind == TokenKind::Syllable && t.is_capitalised(doc.text())).count();
    s[feature::WORDS] = ((1 + words) as f32).ln() / ((1 + LONG_WORDS) as f32).ln();
    s[feature::SHORT] = f32::from(words < SHORT_WORDS);
    s[feature::LONG] = (words.saturating_sub(LONG_WORDS) as f32 / LONG_WORDS as f32).min(1.0);
    s[feature::NAMES] = capitalised as f32 / words.max(1) as f32;
    s[feature::NUMBER] = f32::from(tokens.iter().any(|t| t.kind == TokenKind::Number));
    let mut byline_opening = false;
    let mut clause = false;
    for at in 0..syllables.len() {
        match cues().longest(&syllables, at).map(|(_, cue)| cue) {
            Some(Cue::Report) => s[feature::REPORT] = 1.0,
            Some(Cue::Clause) => clause = true,
            Some(Cue::Caption) => s[feature::CAPTION] = 1.0,
            Some(Cue::Invitation) => s[feature::INVITATION] = 1.0,
            Some(Cue::Connective) if at == 0 => s[feature::CONNECTIVE] = 1.0,
            Some(Cue::Byline) if at == 0 => byline_opening = true,
            _ => {}
        }
    }
    if words <= BYLINE_WORDS && (capitalised + 1 >= words || byline_opening) {
        s[feature::CAPTION] = 1.0;
    }
    let clause_punctuation = syllables.iter().any(|t| matches!(*t, "," | ";" | ":"));
    if opening && words <= CAPTION_WORDS && !clause_punctuation && !clause && s[feature::REPORT] == 0.0 {
        s[feature::CAPTION] = 1.0;
    }
    s[feature::QUESTION] = f32::from(segment::without_closers(text).ends_with('?'));
    s[feature::QUOTE] = f32::from(text.starts_with(['"', '“', '‘', '\'', '«', '-', '–', '—']));
}

/// The share of `reference`'s items that `items` has too (0 when it has none). Only
/// the few items found in `reference` are collected, not a set of all of `items`.
fn shared_share(items: impl Iterator<Item = (u32, u32)>, reference: &IdSet<(u32, u32)>) -> f32 {
    if reference.is_empty() {
        return 0.0;
    }
    let mut shared: Vec<(u32, u32)> = items.filter(|item| reference.contains(item)).collect();
    shared.sort_unstable();
    shared.dedup();
    shared.len() as f32 / reference.len() as f32
}

/// The number of syllables and numbers of sentence `index`.
fn words(doc: &Document, index: usize) -> usize {
    doc.sentence_tokens(index).iter().filter(|t| t.kind != TokenKind::Punct).count()
}

/// `vector` scaled to length 1 (empty stays empty).
fn normalised(mut vector: Vector) -> Vector {
    let norm = vector.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
    if norm > 0.0 {
        vector.iter_mut().for_each(|(_, w)| *w /= norm);
    }
    vector
}

/// Dot product of two sorted sparse vectors: their cosine when both have length 1.
pub fn dot(a: &Vector, b: &Vector) -> f32 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    sum
}

/// Cosine of a unit sentence vector with `sum`, a dense sum of sentence vectors
/// that includes it, minus the sentence itself: so a sentence is not central for
/// resembling itself. Linear in the sentence's terms, given `sum`'s squared norm.
fn cosine_with_rest(v: &Vector, sum: &[f32], sum_norm_squared: f32) -> f32 {
    let vs: f32 = v.iter().map(|&(id, w)| w * sum[id as usize]).sum();
    // v·(S - v) = v·S - 1 and |S - v|² = |S|² - 2 v·S + 1, as |v| = 1.
    let rest = (sum_norm_squared - 2.0 * vs + 1.0).max(0.0).sqrt();
    if v.is_empty() || rest <= f32::EPSILON {
        0.0
    } else {
        ((vs - 1.0) / rest).clamp(0.0, 1.0)
    }
}

/// Cosine of a unit sentence vector with `sum`, a dense vector of squared norm
/// `sum_norm_squared` that does not include it.
fn cosine_with(v: &Vector, sum: &[f32], sum_norm_squared: f32) -> f32 {
    let norm = sum_norm_squared.sqrt();
    if norm > 0.0 {
        (v.iter().map(|&(id, w)| w * sum[id as usize]).sum::<f32>() / norm).clamp(0.0, 1.0)
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_cue_line_has_a_known_kind() {
        for line in crate::data::lines(include_str!("../data/summary-cues.txt")) {
            let kind = line.split(' ').next();
            assert!(
                matches!(kind, Some("report" | "caption" | "invitation" | "connective" | "byline" | "clause")),
                "{line}"
            );
        }
        assert_eq!(cues().longest(&["ông", "cho", "biết"], 1), Some((2, Cue::Report)));
        assert_eq!(cues().longest(&["cho"], 0), None);
        assert_eq!(cues().longest(&["mời", "quý", "vị"], 0), Some((3, Cue::Invitation)));
        assert_eq!(cues().longest(&["tuy", "nhiên", ","], 0), Some((2, Cue::Connective)));
        assert_eq!(cues().longest(&["(", "ảnh", ":"], 0), Some((2, Cue::Caption)));
    }

    const SEED: &str = include_str!("../seeds/000_5dea1911c32d1e71.txt");

    fn analysed(text: &str) -> (Document<'_>, Analysis) {
        let doc = Document::new(text);
        let analysis = analyse(&doc, &Terms::new(&doc));
        (doc, analysis)
    }

    fn signal(analysis: &Analysis, sentence: usize, name: &str) -> f32 {
        analysis.signals[sentence][FEATURES.iter().position(|f| *f == name).unwrap()]
    }

    #[test]
    fn feature_indices_name_their_features() {
        use feature::*;
        let named = [
            (CENTRALITY, "centrality.cosine"),
            (LEAD_SIMILARITY, "centrality.lead"),
            (NAMES, "cue.names"),
            (NUMBER, "cue.number"),
            (REPORT, "cue.report"),
            (LONG, "length.long"),
            (SHORT, "length.short"),
            (WORDS, "length.words"),
            (CAPTION, "penalty.caption"),
            (CONNECTIVE, "penalty.connective"),
            (INVITATION, "penalty.invitation"),
            (QUESTION, "penalty.question"),
            (QUOTE, "penalty.quote"),
            (FIRST, "position.first"),
            (LEAD, "position.lead"),
            (PARAGRAPH, "position.paragraph"),
            (RELATIVE, "position.relative"),
            (TITLE_BIGRAMS, "title.bigrams"),
            (TITLE, "title.cosine"),
        ];
        assert_eq!(named.len(), FEATURES.len());
        for (index, name) in named {
            assert_eq!(FEATURES[index], name);
        }
    }

    #[test]
    fn weights_read_as_the_standard_parser_reads_them() {
        for thousandths in -20_000..=20_000 {
            for text in [format!("{:.3}", thousandths as f64 / 1e3), format!("{:.2}", thousandths as f64 / 1e3)] {
                assert_eq!(decimal(&text), text.parse::<f32>().ok(), "{text}");
            }
        }
        for text in ["1", "0", "-0", "12.5", "1.", "123456789"] {
            assert_eq!(decimal(text), text.parse::<f32>().ok(), "{text}");
        }
        for bad in ["", "-", ".5", "1e3", "1.2.3", "+1", "x", "1234567890"] {
            assert_eq!(decimal(bad), None, "{bad}");
        }
    }

    #[test]
    fn the_weights_table_names_every_feature_once() {
        let weights = Weights::parse(WEIGHTS).unwrap();
        assert!(weights.0.iter().all(|w| w.is_finite()));
        assert!(Weights::parse("title.cosine 1").unwrap_err().contains("no weight"));
        assert!(Weights::parse("title.colour 1").unwrap_err().contains("unknown feature"));
    }

    #[test]
    fn parts_add_up_to_the_score_exactly_and_are_named_by_their_part() {
        let (_, analysis) = analysed(SEED);
        for signals in &analysis.signals {
            let score = Weights::fitted().score(signals);
            assert_eq!(score.parts.iter().map(|&(_, v)| v).sum::<f32>(), score.total);
            let names: Vec<&str> = score.parts.iter().map(|&(name, _)| name).collect();
            assert!(names.windows(2).all(|w| w[0] < w[1]), "{names:?}");
            assert!(names.iter().all(|n| ["centrality", "cue", "length", "penalty", "position", "title"].contains(n)));
        }
    }

    #[test]
    fn a_first_line_without_final_punctuation_is_the_title() {
        assert_eq!(title(&Document::new(SEED)), Some(0));
        assert_eq!(title(&Document::new("Thủ tướng làm việc tại Điện Biên.\n\nĐoàn công tác đến tỉnh.")), None);
        assert_eq!(title(&Document::new("Thủ tướng làm việc tại Điện Biên")), None);
        assert_eq!(title(&Document::new("Vì sao giá xăng tăng?\n\nGiá xăng tăng vì giá dầu.")), Some(0));
        assert_eq!(title(&Document::new("Những thương vụ “trái khoáy”\n\nCông ty đầu tư.")), Some(0));
        let (_, analysis) = analysed(SEED);
        assert!(analysis.signals[0].iter().all(|&s| s == 0.0), "the title is not scored");
        assert_eq!(signal(&analysis, 1, "position.first"), 1.0, "the first sentence after the title");
    }

    #[test]
    fn title_and_centrality_favour_the_sentence_about_the_article() {
        let (_, analysis) = analysed(SEED);
        // Sentence 1 (the working session in Điện Biên) shares the title's words;
        // the closing invitation shares nothing.
        let last = analysis.signals.len() - 1;
        assert!(signal(&analysis, 1, "title.cosine") > 0.2);
        assert!(signal(&analysis, 1, "title.bigrams") > 0.0);
        assert_eq!(signal(&analysis, last, "title.cosine"), 0.0);
        assert!(signal(&analysis, 1, "centrality.cosine") > signal(&analysis, last, "centrality.cosine"));
    }

    #[test]
    fn penalties_mark_what_readers_do_not_want() {
        let text = "Tiêu đề bài báo\n\nẢnh: Thành Chung. Vì sao giá xăng tăng? \"Chúng tôi sẽ làm,\" ông nói. \
                    Tuy nhiên, giá vẫn cao. Mời quý vị và các bạn theo dõi nội dung chi tiết! Theo Reuters.";
        let (doc, analysis) = analysed(text);
        assert_eq!(doc.sentences.len(), 7);
        assert_eq!(signal(&analysis, 6, "penalty.caption"), 1.0, "a source credit");
        assert_eq!(signal(&analysis, 4, "penalty.caption"), 0.0);
        assert_eq!(signal(&analysis, 1, "penalty.caption"), 1.0);
        assert_eq!(signal(&analysis, 2, "penalty.question"), 1.0);
        assert_eq!(signal(&analysis, 3, "penalty.quote"), 1.0);
        assert_eq!(signal(&analysis, 4, "penalty.connective"), 1.0);
        assert_eq!(signal(&analysis, 5, "penalty.invitation"), 1.0);
        assert_eq!(signal(&analysis, 4, "penalty.invitation"), 0.0);
        assert!(
            Weights::fitted().score(&analysis.signals[5]).total < Weights::fitted().score(&analysis.signals[4]).total
        );
    }

    #[test]
    fn a_short_opening_without_a_clause_is_a_caption_and_unwanted() {
        let text = "Tổng thống Iran Hassan Rouhani. Ngày 12/10, ông Rouhani cho biết Iran sẽ giữ thỏa thuận hạt nhân. \
                    Tổng thống Iran Hassan Rouhani.";
        let (_, analysis) = analysed(text);
        assert!(unwanted(&analysis.signals[0]), "a photo caption opens the body");
        assert!(!unwanted(&analysis.signals[1]));
        assert!(!unwanted(&analysis.signals[2]), "the same words later are not the opening caption");
        for clause in [
            "Giá xăng đã tăng mạnh.",
            "Đêm 22/4 là một đêm kinh hoàng.",
            "Sáng 9/4, giá xăng tăng.",
            "Ông Minh cho biết giá tăng.",
        ] {
            let (_, analysis) = analysed(clause);
            assert!(!unwanted(&analysis.signals[0]), "{clause}");
        }
        let (_, analysis) = analysed("Mời quý vị theo dõi video. Giá xăng tăng. Ảnh: Thành Chung.");
        assert!(unwanted(&analysis.signals[0]) && unwanted(&analysis.signals[2]));
    }

    #[test]
    fn connectives_count_at_the_start_only_and_on_whole_syllables() {
        let (_, analysis) = analysed("Tiêu đề\n\nHọ nói giá sẽ giảm. Học sinh nói họ vui. Giá tăng, tuy nhiên ít.");
        assert_eq!(signal(&analysis, 1, "penalty.connective"), 1.0);
        assert_eq!(
            signal(&analysis, 2, "penalty.connective"),
            0.0,
            "\"học\" is not \"họ\", and a later \"họ\" does not count"
        );
        assert_eq!(signal(&analysis, 3, "penalty.connective"), 0.0);
    }
}
