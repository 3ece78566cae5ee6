//! Per-sentence scores made of named parts, so a reader can see why a sentence was
//! chosen.
//!
//! Each sentence gets a few signals ([`FEATURES`]): where it stands among the
//! sentences a summary may take (first, second, how early), how much it shares with
//! the title and with the article as a whole (TF-ISF cosine on content syllables; and
//! with the lead, the first sentences, which news writes as a summary, and with the
//! photo captions, which show what the article is about), how many of its
//! names and numbers come back later, how dense it is in content syllables, its
//! length, cue phrases, and what readers do not want in a summary (photo captions,
//! bylines, "Mời quý vị theo dõi...", questions, sub-headings, quotations without
//! context, sentences that lean on the one before). The score is a weighted sum of
//! the signals with weights fitted on news-train-20k (`data/summary-weights.txt`), one
//! set for a text with a title and one for a body alone, and each feature's
//! contribution goes to the part its name starts with ("position", "title",
//! "centrality", "length", "cue", "penalty").
//!
//! Everything here is linear in the size of the text: centrality compares each
//! sentence with the document vector, never with every other sentence.

use std::cell::OnceCell;
use std::sync::OnceLock;

use crate::document::Document;
use crate::order;
use crate::phrases::Phrases;
use crate::segment;
use crate::terms::{IdMap, IdSet, Terms};
use crate::tokens::{Token, TokenKind};

/// The signals of a sentence, named `part.signal`; the weights file gives one weight
/// per name and the part is what the page shows.
pub const FEATURES: [&str; 29] = [
    "centrality.caption",
    "centrality.cosine",
    "centrality.first",
    "centrality.lead",
    "centrality.repeated",
    "centrality.topics",
    "cue.content",
    "cue.date",
    "cue.names",
    "cue.number",
    "cue.place",
    "cue.report",
    "length.long",
    "length.short",
    "length.words",
    "penalty.caption",
    "penalty.connective",
    "penalty.heading",
    "penalty.invitation",
    "penalty.question",
    "penalty.quote",
    "position.first",
    "position.lead",
    "position.paragraph",
    "position.relative",
    "position.second",
    "title.bigrams",
    "title.cosine",
    "title.terms",
];

/// Index of each feature in [`FEATURES`], so the code names what it sets.
pub mod feature {
    pub const CAPTION_SIMILARITY: usize = 0;
    pub const CENTRALITY: usize = 1;
    pub const FIRST_SIMILARITY: usize = 2;
    pub const LEAD_SIMILARITY: usize = 3;
    pub const REPEATED: usize = 4;
    pub const TOPICS: usize = 5;
    pub const CONTENT: usize = 6;
    pub const DATE: usize = 7;
    pub const NAMES: usize = 8;
    pub const NUMBER: usize = 9;
    pub const PLACE: usize = 10;
    pub const REPORT: usize = 11;
    pub const LONG: usize = 12;
    pub const SHORT: usize = 13;
    pub const WORDS: usize = 14;
    pub const CAPTION: usize = 15;
    pub const CONNECTIVE: usize = 16;
    pub const HEADING: usize = 17;
    pub const INVITATION: usize = 18;
    pub const QUESTION: usize = 19;
    pub const QUOTE: usize = 20;
    pub const FIRST: usize = 21;
    pub const LEAD: usize = 22;
    pub const PARAGRAPH: usize = 23;
    pub const RELATIVE: usize = 24;
    pub const SECOND: usize = 25;
    pub const TITLE_BIGRAMS: usize = 26;
    pub const TITLE: usize = 27;
    pub const TITLE_TERMS: usize = 28;
}

/// The signal values of one sentence, in the order of [`FEATURES`].
pub type Signals = [f32; FEATURES.len()];

/// The fitted weights compiled into the crate.
const WEIGHTS: &str = crate::data::table!("summary-weights.txt");

/// How many sentences after the title make the lead.
const LEAD_SENTENCES: usize = 3;
/// Sentences shorter than this many syllables and numbers are fragments.
const SHORT_WORDS: usize = 8;
/// Beyond this many syllables and numbers a sentence is a run-on.
const LONG_WORDS: usize = 60;

/// How many of the content syllables most sentences share make the article's topic
/// (at most 16, the bits of [`Analysis::topics`]).
const TOPIC_TERMS: usize = 10;

/// A sentence of at most this many syllables that is all names ("Minh Anh") or
/// starts with "Theo"/"Nguồn" ("Theo Reuters") is a byline or a source credit.
const BYLINE_WORDS: usize = 6;
/// A body's first sentence of at most this many syllables and numbers, without a
/// comma, colon or semicolon, a reporting verb or a clause marker, is the caption of
/// the article's photo ("Tổng thống Iran Hassan Rouhani.", "Hiện trường vụ tai nạn.").
const CAPTION_WORDS: usize = 18;
/// A sentence of at most this many syllables and numbers just before a photo credit
/// ("Ảnh: AFP") is the photo's caption, whatever it says ("Các ngoại trưởng ASEAN tham
/// dự hội nghị ... tại Côn Minh hồi tháng 6."); a longer one is the article's text.
const CREDITED_WORDS: usize = 36;
/// A sentence of at most this many syllables and numbers, without a clause marker or a
/// reporting verb, is a photo's caption whatever its verb when it is the body's first
/// and ends with its only date ("Những ngôi nhà ở ven biển thành phố Palu bị san bằng
/// sau trận sóng thần hôm 28/9."; a lede opens with its date or has a clause: "Sáng
/// 15-12, ... đã ..."), or when it opens with what a picture is ("Phối cảnh ...",
/// "Hiện trường ...") or tells where it was taken from ("... nhìn từ trên cao").
const VERB_CAPTION_WORDS: usize = 30;
/// The body's first sentence of at most this many syllables and numbers, without a
/// clause marker, a reporting verb or a date, that names a place and sets off no
/// adverbial or clause with a comma (every comma after a name: "... tại Aleppo, Syria."),
/// is a photo's caption whatever its verb ("Chiến đấu cơ Mỹ tấn công vào nơi IS đóng quân
/// tại Aleppo, Syria."); a lede says when, or what happened with a clause.
const PLACED_CAPTION_WORDS: usize = 24;
/// A paragraph of one sentence of at most this many syllables and numbers, not ended
/// by a full stop, is a sub-heading.
const HEADING_WORDS: usize = 20;
/// How many syllables into a sentence a word pointing back ("này", "đó") makes it
/// lean on the one before ("Đó là", "Ông này", "Người phụ nữ này", "Vụ việc đó").
const POINTING_REACH: usize = 4;

/// What a cue phrase of `data/summary-cues.txt` says of its sentence.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Cue {
    /// Reported speech or a decision, anywhere.
    Report,
    /// A photo or video credit, anywhere.
    Caption,
    /// A photo credit ("Ảnh: AFP"), anywhere a caption; a sentence that opens with one
    /// credits the photo whose caption is the sentence before.
    Credit,
    /// A closing formula of broadcast and web news, anywhere.
    Invitation,
    /// An imperative that opens a sentence ("Hãy ..."), not a quotation (`"Hãy ...",
    /// Bộ Ngoại giao khuyến cáo`, which is news): it addresses the reader and tells no
    /// news, so it is an invitation too.
    Imperative,
    /// A reference back to the previous sentence, at the start.
    Connective,
    /// The opening of a source credit, at the start of a short sentence.
    Byline,
    /// A tense or aspect marker or the copula: a clause, which a caption is not.
    Clause,
    /// A word pointing back ("đó", "ấy"), near the start.
    Pointer,
    /// What was said above ("nói trên", "nêu trên"), anywhere: it names nothing itself.
    Above,
    /// A demonstrative that closes a noun phrase ("tình trạng trên", "các tàu cá trên"),
    /// anywhere after the first word (no noun stands before it there), when the phrase
    /// ends there: not a preposition before its object ("trên đường").
    Back,
    /// "này" ("this"), near the start: pointing back ("Ông này"), unless it follows a
    /// word of time, where it means the time of writing ("Trong tuần này").
    Near,
    /// A personal pronoun or kinship word used as one ("ông", "chị"), at the start,
    /// followed by its predicate ("Ông cho biết", not "Bà con", "Ông Bình") and not
    /// written as a name elsewhere in the article (not "Anh" of "nước Anh").
    Person,
    /// A preposition of place ("ở", "tại"), which a caption of a news photo has.
    Place,
    /// What a picture is ("phối cảnh", "sơ đồ", "hiện trường"), at the start of a
    /// caption, before what it shows (not before a verb: "Bức ảnh nhận được ...").
    Picture,
    /// Where a picture was taken from ("nhìn từ"), anywhere in a caption.
    View,
    /// A person pictured at an event ("phát biểu tại"), right after the subject that
    /// opens a caption: someone speaking at it whose words the sentence does not give.
    Appearance,
    /// What a picture's name is the subject of when a sentence is about the picture
    /// ("Bức ảnh được ...", "Hình ảnh cho thấy ..."), not its caption.
    Showing,
    /// A word of time, that a date follows ("ngày 12/10", "sáng 9/4") and after which
    /// "này" is the time of writing ("tuần này").
    Time,
    /// A word that starts with a cue's syllable but is another word ("riêng tư",
    /// privacy, not the opener "Riêng ...", as for): the longer match says nothing.
    Word,
}

/// The cue phrases read on every syllable of every sentence, one table of whole
/// syllables.
fn cues() -> &'static Phrases<Cue> {
    static CUES: OnceLock<Phrases<Cue>> = OnceLock::new();
    CUES.get_or_init(|| cue_table(|cue| !depiction(cue)))
}

/// The cue phrases of pictures read at one place of a sentence short and bare enough to
/// be a caption: a table of their own, so that their frequent syllables ("được",
/// "hiện") cost nothing on every syllable of the others.
fn depictions() -> &'static Phrases<Cue> {
    static DEPICTIONS: OnceLock<Phrases<Cue>> = OnceLock::new();
    DEPICTIONS.get_or_init(|| cue_table(depiction))
}

/// Whether a cue is one of [`depictions`].
fn depiction(cue: Cue) -> bool {
    matches!(cue, Cue::Picture | Cue::Showing)
}

/// The cue phrases of `data/summary-cues.txt` of the kinds `keep` takes.
fn cue_table(keep: impl Fn(Cue) -> bool) -> Phrases<Cue> {
    Phrases::new(
        crate::data::kinds(crate::data::table!("summary-cues.txt"))
            .filter_map(|(kind, phrase)| Some((phrase.to_string(), cue_kind(kind).filter(|&cue| keep(cue))?))),
    )
}

/// The cue of a kind named in `data/summary-cues.txt`.
fn cue_kind(kind: &str) -> Option<Cue> {
    Some(match kind {
        "report" => Cue::Report,
        "caption" => Cue::Caption,
        "credit" => Cue::Credit,
        "invitation" => Cue::Invitation,
        "imperative" => Cue::Imperative,
        "connective" | "leaning" => Cue::Connective,
        "byline" => Cue::Byline,
        "clause" => Cue::Clause,
        "pointer" => Cue::Pointer,
        "above" => Cue::Above,
        "back" => Cue::Back,
        "near" => Cue::Near,
        "person" => Cue::Person,
        "place" => Cue::Place,
        "picture" => Cue::Picture,
        "view" => Cue::View,
        "appearance" => Cue::Appearance,
        "showing" => Cue::Showing,
        "time" => Cue::Time,
        "word" => Cue::Word,
        _ => return None,
    })
}

/// The summary sizes each reading has weights of its own for: 1 sentence, 2, and 3 or
/// more. A sentence that is the best alone is not what a second sentence should be (the
/// lede tells the news; the second adds its figure, reason or outcome), so each size is
/// fitted on its own summaries.
pub const SIZES: usize = 3;

/// Weights of the features, in the order of [`FEATURES`], for each reading and summary
/// size ([`Weights::column`]): with a title and of the body alone, where the text
/// itself has to say what matters, for 1, 2, and 3 or more sentences.
#[derive(Debug, Clone, PartialEq)]
pub struct Weights(pub [Signals; 2 * SIZES]);

impl Weights {
    /// Reads a weights table: `name` lines after `#` comments, one for every feature, each
    /// with a value per column (with a title at 1, 2, 3 sentences, then of the body alone).
    pub fn parse(table: &str) -> Result<Weights, String> {
        named_weights(table, &FEATURES).map(Weights)
    }

    /// The column of the weights of a summary of `sentences` sentences of a text with a
    /// title (`titled`) or of the body alone.
    pub fn column(titled: bool, sentences: usize) -> usize {
        usize::from(!titled) * SIZES + sentences.clamp(1, SIZES) - 1
    }

    /// The weights of a summary of `sentences` sentences of a text with a title
    /// (`titled`) or of the body alone.
    pub fn reading(&self, titled: bool, sentences: usize) -> &Signals {
        &self.0[Weights::column(titled, sentences)]
    }

    /// The weights compiled in from `data/summary-weights.txt`.
    pub fn fitted() -> &'static Weights {
        static FITTED: OnceLock<Weights> = OnceLock::new();
        FITTED.get_or_init(|| Weights::parse(WEIGHTS).expect("data/summary-weights.txt is checked by a unit test"))
    }

    /// The score of a sentence with `signals` in a summary of `sentences` sentences of a
    /// text with a title (`titled`) or without, as named parts.
    pub fn score(&self, signals: &Signals, titled: bool, sentences: usize) -> Score {
        let weights = self.reading(titled, sentences);
        let mut parts: Vec<(&'static str, f32)> = Vec::new();
        for (k, name) in FEATURES.iter().enumerate() {
            let contribution = weights[k] * signals[k];
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

/// The weights of a table of `name value...` lines after `#` comments, `C` values
/// (columns) for each of `names` (the sentence scores' here, two readings; the key
/// phrases' in `keywords`, one).
pub(crate) fn named_weights<const N: usize, const C: usize>(
    table: &str,
    names: &[&str; N],
) -> Result<[[f32; N]; C], String> {
    let mut weights = [[f32::NAN; N]; C];
    for line in crate::data::lines(table) {
        let mut fields = line.split_whitespace();
        let name = fields.next().unwrap_or_default();
        let index = names.iter().position(|f| *f == name).ok_or(format!("unknown feature `{name}`"))?;
        for column in &mut weights {
            let value = fields.next().ok_or(format!("too few values in `{line}`"))?;
            column[index] = decimal(value).ok_or(format!("bad weight in `{line}`"))?;
        }
        if fields.next().is_some() {
            return Err(format!("too many values in `{line}`"));
        }
    }
    match weights.iter().flat_map(|column| column.iter().enumerate()).find(|(_, w)| !w.is_finite()) {
        Some((missing, _)) => Err(format!("no weight for `{}`", names[missing])),
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
    /// For every sentence, whether an earlier one has the same text (in lower case).
    pub repeats: Vec<bool>,
    /// For every sentence, which of the article's topic syllables it holds (bit `k`
    /// for the `k`th), so a summary counts each once however many sentences hold it.
    pub topics: Vec<u16>,
    /// How many topic syllables the article has (at most 16).
    pub topic_count: usize,
    /// For every sentence, which of the title's content syllables it holds (bit `k` for
    /// the `k`th of the first 16), so a summary counts each once.
    pub title_terms: Vec<u16>,
    /// How many content syllables the title has (at most 16).
    pub title_term_count: usize,
    /// For every sentence whose subject is a person named by a title and one name ("Ông
    /// Hùng ...") or by the name alone, the earlier sentence that introduced them by a
    /// fuller name ("Nguyễn Văn Hùng"), which a summary takes it only with.
    pub needs: Vec<Option<usize>>,
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
    let counts = term_counts(doc, terms);
    // The share of a sentence's syllables and numbers that are content syllables: a
    // sapo is dense with them.
    let content: Vec<f32> = counts
        .iter()
        .enumerate()
        .map(|(i, tf)| tf.iter().map(|(_, f)| f).sum::<f32>() / words(doc, i).max(1) as f32)
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
    // Each sentence's tokens in lower case, read by the signals, the credit and the
    // names below: built once.
    let lowered: Vec<Vec<&str>> = (0..count).map(|i| doc.sentence_lower_tokens(i)).collect();
    let bigrams = |index: usize| {
        let ids = &terms.ids[doc.sentence_token_range(index)];
        ids.windows(2).filter_map(|pair| Some((pair[0]?, pair[1]?)))
    };
    let title_bigrams: IdSet<(u32, u32)> = title.map(|t| bigrams(t).collect()).unwrap_or_default();
    let mut signals = vec![[0.0; FEATURES.len()]; count];
    // Syllables the article writes capitalised inside a sentence: names ("nước Anh"),
    // which a sentence that opens with one does not use as a pronoun.
    let mut named = vec![false; terms.len()];
    for i in 0..count {
        let range = doc.sentence_token_range(i);
        let first = range.clone().find(|&k| doc.tokens[k].kind == TokenKind::Syllable);
        for k in range.filter(|&k| Some(k) > first) {
            if let Some(id) = terms.ids[k].filter(|_| doc.tokens[k].is_capitalised(doc.text())) {
                named[id as usize] = true;
            }
        }
    }
    // Whether a quotation the splitter cut at an inner full stop is open: the sentence
    // that closes it (an odd number of quotation marks again) is its tail, and leans on
    // the one that opened it (`Ai sai sẽ bị xử lý", ông nói.` after `Ông nói: "Chúng tôi
    // sẽ làm rõ.`).
    let mut quotation_open = false;
    for (k, &i) in body.iter().enumerate() {
        signals[i][feature::HEADING] = f32::from(heading(doc, i));
        let start = doc.sentence_token_range(i).start;
        let named = |token: usize| terms.ids[start + token].is_some_and(|id| named[id as usize]);
        sentence_signals(doc, i, &lowered[i], k == 0, named, &mut signals[i]);
        if i == 0 || doc.sentences[i - 1].paragraph != doc.sentences[i].paragraph {
            quotation_open = false;
        }
        if quotation_marks(doc, i) % 2 == 1 {
            if quotation_open {
                signals[i][feature::CONNECTIVE] = 1.0;
            }
            quotation_open = !quotation_open;
        }
    }
    // A sentence before a photo credit is the photo's caption, whatever it says; inside
    // the body, unless it is dated, as a paragraph of news that a photo follows is.
    for (k, pair) in body.windows(2).enumerate() {
        if words(doc, pair[0]) <= CREDITED_WORDS
            && (k == 0 || signals[pair[0]][feature::DATE] == 0.0)
            && opens_with_credit(doc, pair[1], &lowered[pair[1]])
        {
            signals[pair[0]][feature::CAPTION] = 1.0;
        }
    }
    // Rank, the lead and the document are those of the sentences a summary may take:
    // in a body that opens with a photo caption, the lede is the second sentence.
    let kept: Vec<usize> = body.iter().copied().filter(|&i| !unwanted(&signals[i])).collect();
    let mut document = vec![0.0f32; terms.len()];
    for &i in &kept {
        for &(id, w) in &vectors[i] {
            document[id as usize] += w;
        }
    }
    let document_norm_squared = document.iter().map(|w| w * w).sum::<f32>();
    // The lead: the first sentences after the title, which news writes as a summary.
    let mut lead: Vec<f32> = vec![0.0; terms.len()];
    for &i in kept.iter().take(LEAD_SENTENCES) {
        for &(id, w) in &vectors[i] {
            lead[id as usize] += w;
        }
    }
    let lead_norm_squared = lead.iter().map(|w| w * w).sum::<f32>();
    // The photo captions: no summary takes one, but what the photos show is what the
    // article is about, as a title is.
    let mut captions: Vec<f32> = vec![0.0; terms.len()];
    for &i in body.iter().filter(|&&i| signals[i][feature::CAPTION] > 0.0) {
        for &(id, w) in &vectors[i] {
            captions[id as usize] += w;
        }
    }
    let captions_norm_squared = captions.iter().map(|w| w * w).sum::<f32>();
    let topics = topics(&kept, &vectors, terms.len());
    let mut held = vec![0u16; count];
    let title_terms: Vec<usize> = title
        .map(|t| vectors[t].iter().take(u16::BITS as usize).map(|&(id, _)| id as usize).collect())
        .unwrap_or_default();
    let mut title_held = vec![0u16; count];
    let repeated = later_repetition(doc, terms);
    let paragraphs_in_body = match (body.first(), body.last()) {
        (Some(&first), Some(&last)) => doc.sentences[first].paragraph != doc.sentences[last].paragraph,
        _ => false,
    };
    for (k, &i) in kept.iter().enumerate() {
        let s = &mut signals[i];
        let v = &vectors[i];
        s[feature::FIRST] = f32::from(k == 0);
        s[feature::SECOND] = f32::from(k == 1);
        s[feature::CONTENT] = content[i];
        s[feature::LEAD] = 1.0 / (1.0 + k as f32);
        s[feature::RELATIVE] = 1.0 - k as f32 / kept.len() as f32;
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
        s[feature::REPEATED] = repeated[i];
        s[feature::CAPTION_SIMILARITY] = cosine_with(v, &captions, captions_norm_squared);
        s[feature::FIRST_SIMILARITY] = if k == 0 { 0.0 } else { dot(v, &vectors[kept[0]]) };
        held[i] = mask(v, &topics);
        s[feature::TOPICS] = held[i].count_ones() as f32 / topics.len().max(1) as f32;
        title_held[i] = mask(v, &title_terms);
        s[feature::TITLE_TERMS] = title_held[i].count_ones() as f32 / title_terms.len().max(1) as f32;
    }
    let mut seen = IdSet::with_capacity_and_hasher(count, Default::default());
    let repeats = (0..count).map(|i| !seen.insert(doc.sentence_lower(i))).collect();
    let needs = introductions(doc, title, &signals, &lowered);
    Analysis {
        title,
        signals,
        vectors,
        repeats,
        topics: held,
        topic_count: topics.len(),
        title_terms: title_held,
        title_term_count: title_terms.len(),
        needs,
    }
}

/// For every sentence whose subject is a person named by a title and one name ("Ông
/// Hùng cho biết ...", "Bà Stoneman nói ...", also after a phrase fronted before it:
/// "Đến nay, bà Mùi chưa nhận ...") or by that name alone ("Esper khẳng định ..."), the
/// earlier sentence that introduced them: the first a summary may take (or the `title`)
/// that writes a fuller name ending with that name ("Nguyễn Văn Hùng", "Claire
/// Stoneman", "Bộ trưởng Mark Esper"), when the sentence itself writes none. A reader of
/// the short name alone does not know who is meant; a name the title writes in full is
/// known to the reader of a summary with its title.
fn introductions(
    doc: &Document,
    title: Option<usize>,
    signals: &[Signals],
    lowered: &[Vec<&str>],
) -> Vec<Option<usize>> {
    let text = doc.text();
    let mut introduced = vec![None; doc.sentences.len()];
    // The last syllable of each fuller name (two capitalised syllables or more), with
    // the first sentence that wrote it.
    let mut full: IdMap<&str, usize> = IdMap::default();
    // Whether the article writes a syllable in lower case: then it is no name alone, as
    // a sentence's first word is capitalised whatever it is ("Chủ tịch nước ..." after
    // "Phủ Chủ tịch"). Asked only of a name that a fuller one introduced, a few times
    // an article, so the syllables written in lower case are gathered when first asked,
    // not for every article, and once: a long text that asks it of many sentences must
    // not read the whole text for each.
    let lower_case: OnceCell<IdSet<&str>> = OnceCell::new();
    let written_lower = |syllable: &str| {
        lower_case
            .get_or_init(|| {
                (doc.tokens.iter())
                    .filter(|t| t.kind == TokenKind::Syllable && !t.is_capitalised(text))
                    .map(|t| &doc.lower()[t.range.clone()])
                    .collect()
            })
            .contains(syllable)
    };
    for i in 0..doc.sentences.len() {
        let tokens = doc.sentence_tokens(i);
        let syllables = &lowered[i];
        let person = |k: usize| matches!(cues().longest(syllables, k), Some((1, Cue::Person)));
        let syllable = |k: usize| tokens.get(k).is_some_and(|t| t.kind == TokenKind::Syllable);
        // A title is no part of the name it comes before ("Ông Hùng" is a short name).
        // Read once for each syllable: the run below asks it of `k` and of `k + 1`.
        let capitals: Vec<bool> =
            (0..syllables.len()).map(|k| syllable(k) && tokens[k].is_capitalised(text) && !person(k)).collect();
        let capitalised = |k: usize| capitals.get(k).copied().unwrap_or(false);
        let mut ends: Vec<&str> = Vec::new();
        let mut run = 0;
        for (k, &lower) in syllables.iter().enumerate() {
            run = if capitalised(k) { run + 1 } else { 0 };
            if run >= 2 && !capitalised(k + 1) {
                ends.push(lower);
            }
        }
        let opening = first_word(tokens);
        // A source frame ("Theo ông Hùng, ...") sets the person the sentence tells about
        // before its comma.
        let source = matches!(cues().longest(syllables, opening), Some((1, Cue::Byline))) && person(opening + 1);
        // A phrase fronted before the subject ("Phát biểu sau vụ nổ, ông Putin cho biết
        // ...") puts a titled subject right after its comma.
        let opening_titled = source || person(opening);
        let fronted = if opening_titled {
            None
        } else {
            syllables.iter().position(|&s| s == ",").map(|comma| comma + 1).filter(|&k| person(k))
        };
        let titled = opening_titled || fronted.is_some();
        let name = fronted.unwrap_or(opening) + usize::from(source) + usize::from(titled);
        // A name shortened to its initial keeps the dot ("Anh T. cho biết", after "anh
        // Nguyễn Văn T.").
        let next = name + 1 + usize::from(syllables.get(name + 1) == Some(&"."));
        let after_name = if source { syllables.get(next) == Some(&",") } else { syllable(next) };
        if capitalised(name) && after_name && !capitalised(next) && !ends.contains(&syllables[name]) {
            introduced[i] = (full.get(syllables[name]).copied())
                .filter(|&j| Some(j) != title && (titled || !written_lower(syllables[name])));
        }
        if Some(i) == title || !unwanted(&signals[i]) {
            for name in ends {
                full.entry(name).or_insert(i);
            }
        }
    }
    introduced
}

/// Which of `terms` (at most 16) the sentence of vector `v` holds, as bits.
fn mask(v: &Vector, terms: &[usize]) -> u16 {
    v.iter().filter_map(|&(id, _)| terms.iter().position(|&t| t == id as usize)).fold(0u16, |mask, k| mask | 1 << k)
}

/// For each sentence, its content terms by increasing id, each with the number of
/// times the sentence has it. One counting sort of the whole document's occurrences by
/// term, rather than a sort for each sentence: the terms come out in order, and each
/// term's sentences too.
fn term_counts(doc: &Document, terms: &Terms) -> Vec<Vec<(u32, f32)>> {
    let count = doc.sentences.len();
    // `starts[id]..starts[id + 1]`: where term `id`'s occurrences go in `sentences`.
    let mut starts = vec![0usize; terms.len() + 1];
    let mut lengths = vec![0usize; count];
    for (i, length) in lengths.iter_mut().enumerate() {
        for k in doc.sentence_token_range(i) {
            if let Some(id) = terms.content(k) {
                starts[id as usize + 1] += 1;
                *length += 1;
            }
        }
    }
    for id in 0..terms.len() {
        starts[id + 1] += starts[id];
    }
    // The sentence of every occurrence, grouped by term, each term's in reading order.
    let mut sentences = vec![0u32; starts[terms.len()]];
    let mut next = starts.clone();
    for i in 0..count {
        for k in doc.sentence_token_range(i) {
            if let Some(id) = terms.content(k) {
                sentences[next[id as usize]] = i as u32;
                next[id as usize] += 1;
            }
        }
    }
    let mut counts: Vec<Vec<(u32, f32)>> = lengths.into_iter().map(Vec::with_capacity).collect();
    for id in 0..terms.len() {
        for &i in &sentences[starts[id]..starts[id + 1]] {
            let tf = &mut counts[i as usize];
            match tf.last_mut() {
                Some((last, f)) if *last == id as u32 => *f += 1.0,
                _ => tf.push((id as u32, 1.0)),
            }
        }
    }
    counts
}

/// The article's topic: the [`TOPIC_TERMS`] content syllables that the most of the
/// `kept` sentences have (at least two), the first met first among equals; what a
/// headline would be made of.
fn topics(kept: &[usize], vectors: &[Vector], terms: usize) -> Vec<usize> {
    let mut frequency = vec![0u32; terms];
    // Term ids as `usize`, the type the crate's other sorts sort: one compiled sort.
    // Room for every term, so it is not regrown as the terms are met.
    let mut met: Vec<usize> = Vec::with_capacity(terms);
    for &i in kept {
        for &(id, _) in &vectors[i] {
            if frequency[id as usize] == 0 {
                met.push(id as usize);
            }
            frequency[id as usize] += 1;
        }
    }
    met.retain(|&id| frequency[id] >= 2);
    order::sort_by_key(&mut met, |&id| u64::from(u32::MAX - frequency[id]));
    met.truncate(TOPIC_TERMS);
    met
}

/// Whether a sentence with `signals` is one no summary takes: a photo caption or
/// credit, a byline, an invitation to watch or read on, a question, a sub-heading.
/// None of them tells the news on its own.
pub fn unwanted(signals: &Signals) -> bool {
    [feature::CAPTION, feature::INVITATION, feature::QUESTION, feature::HEADING].iter().any(|&f| signals[f] > 0.0)
}

/// Whether a sentence with `signals` leans on the one before it (opens with a
/// connective, a pronoun or a noun pointed back at with "này", names what was said
/// above, or is the tail of a quotation): a summary takes it only with that one.
pub fn leans_back(signals: &Signals) -> bool {
    signals[feature::CONNECTIVE] > 0.0
}

/// For every sentence, the share of its names (capitalised syllables past its first)
/// and numbers that a later sentence writes again: what the rest of the article keeps
/// talking about.
fn later_repetition(doc: &Document, terms: &Terms) -> Vec<f32> {
    let count = doc.sentences.len();
    let mut last_syllable = vec![0usize; terms.len()];
    let mut last_number: IdMap<&str, usize> = IdMap::default();
    for i in 0..count {
        for k in doc.sentence_token_range(i) {
            match (doc.tokens[k].kind, terms.ids[k]) {
                (TokenKind::Syllable, Some(id)) => last_syllable[id as usize] = i,
                (TokenKind::Number, _) => {
                    last_number.insert(&doc.lower()[doc.tokens[k].range.clone()], i);
                }
                _ => {}
            }
        }
    }
    (0..count)
        .map(|i| {
            let (mut named, mut again) = (0usize, 0usize);
            for k in doc.sentence_token_range(i).skip(1) {
                let token = &doc.tokens[k];
                let last = match (token.kind, terms.ids[k]) {
                    (TokenKind::Syllable, Some(id)) if token.is_capitalised(doc.text()) => last_syllable[id as usize],
                    (TokenKind::Number, _) => last_number.get(&doc.lower()[token.range.clone()]).copied().unwrap_or(i),
                    _ => continue,
                };
                named += 1;
                again += usize::from(last > i);
            }
            if named == 0 {
                0.0
            } else {
                again as f32 / named as f32
            }
        })
        .collect()
}

/// Whether sentence `index` is a sub-heading: a short paragraph of its own between
/// paragraphs, not ended as a sentence is, or any sentence that ends with a colon, which
/// announces what follows ("Một số hình ảnh tại hiện trường:", "Điểm chuẩn xét tuyển đợt
/// 1 ... năm 2019:"), photos, a list or a table that a summary does not hold.
fn heading(doc: &Document, index: usize) -> bool {
    let end = segment::without_closers(doc.sentence_text(index));
    let paragraph = doc.sentences[index].paragraph;
    let alone = index > 0
        && doc.sentences[index - 1].paragraph != paragraph
        && doc.sentences.get(index + 1).is_some_and(|next| next.paragraph != paragraph);
    end.trim_end().ends_with(':')
        || alone
            && words(doc, index) <= HEADING_WORDS
            && !matches!(end.chars().next_back(), Some('.' | '…' | '!' | ';' | ','))
}

/// The signals that depend on the sentence alone (its tokens in lower case are
/// `syllables`) and on whether it opens the body. `named(k)` says whether the article writes the sentence's `k`th token as a name
/// (capitalised inside a sentence).
fn sentence_signals(
    doc: &Document,
    index: usize,
    syllables: &[&str],
    opening: bool,
    named: impl Fn(usize) -> bool,
    s: &mut Signals,
) {
    let text = doc.sentence_text(index);
    let tokens = doc.sentence_tokens(index);
    let words = words(doc, index);
    let capitalised =
        tokens.iter().skip(1).filter(|t| t.kind == TokenKind::Syllable && t.is_capitalised(doc.text())).count();
    s[feature::WORDS] = ((1 + words) as f32).ln() / ((1 + LONG_WORDS) as f32).ln();
    s[feature::SHORT] = f32::from(words < SHORT_WORDS);
    s[feature::LONG] = (words.saturating_sub(LONG_WORDS) as f32 / LONG_WORDS as f32).min(1.0);
    s[feature::NAMES] = capitalised as f32 / words.max(1) as f32;
    s[feature::NUMBER] = f32::from(tokens.iter().any(|t| t.kind == TokenKind::Number));
    let (mut byline_opening, mut clause, mut place, mut time) = (false, false, false, false);
    // Whether a source is credited in brackets ("Vũ Anh (theo Reuters)", "(Tổng hợp)").
    let mut bracketed_source = false;
    // How many dates the sentence holds and where the last one is (a caption ends with
    // its only one), and whether it says where a picture was taken from.
    let (mut dates, mut last_date, mut view) = (0usize, None, false);
    // Whether the capitalised subject that opens the sentence is pictured at an event
    // ("Tổng thống X phát biểu tại ...").
    let mut appearance = false;
    // Where the words start: a sentence that opens a quotation or a line of dialogue
    // leans back as the same words without the mark do ("\" Tuy nhiên, ...").
    let opening_word = first_word(tokens);
    for at in 0..syllables.len() {
        // A number after a word of time, or written as a day and month, is a date.
        if tokens[at].kind == TokenKind::Number && (time || syllables[at].contains('/')) {
            s[feature::DATE] = 1.0;
            dates += 1;
            last_date = Some(at);
        }
        let after_time = std::mem::take(&mut time);
        let near_start = at < opening_word + POINTING_REACH;
        match cues().longest(syllables, at).map(|(_, cue)| cue) {
            Some(Cue::Report) => s[feature::REPORT] = 1.0,
            Some(Cue::Clause) => clause = true,
            Some(Cue::Caption | Cue::Credit) => s[feature::CAPTION] = 1.0,
            Some(Cue::Invitation) => s[feature::INVITATION] = 1.0,
            Some(Cue::Imperative) if at == 0 => s[feature::INVITATION] = 1.0,
            Some(Cue::Connective) if at == opening_word => s[feature::CONNECTIVE] = 1.0,
            Some(Cue::Pointer) if near_start => s[feature::CONNECTIVE] = 1.0,
            Some(Cue::Above) => s[feature::CONNECTIVE] = 1.0,
            Some(Cue::Back) if at > opening_word && phrase_ends(syllables, tokens, at + 1) => {
                s[feature::CONNECTIVE] = 1.0
            }
            Some(Cue::Near) if near_start && !after_time => s[feature::CONNECTIVE] = 1.0,
            Some(Cue::Person)
                if at == opening_word && !named(at) && predicate(syllables, tokens, doc.text(), at + 1) =>
            {
                s[feature::CONNECTIVE] = 1.0
            }
            Some(Cue::Byline) if at == 0 => byline_opening = true,
            Some(Cue::Byline) if at > 0 && syllables[at - 1] == "(" => bracketed_source = true,
            Some(Cue::Place) => place = true,
            Some(Cue::View) => view = true,
            Some(Cue::Appearance) => {
                appearance = at > opening_word
                    && tokens[opening_word].is_capitalised(doc.text())
                    && tokens[opening_word..at].iter().all(|t| t.kind != TokenKind::Punct)
            }
            Some(Cue::Time) => time = true,
            _ => {}
        }
    }
    // A name followed by a word of content, its predicate ("Hà Nội đẹp."), is a
    // clause too; a title ("Tổng Bí thư ...") is no name of a subject, nor is the start
    // of a title that runs past the capitals ("Quyền Bộ trưởng ...", "Nguyên Thứ trưởng
    // ..."), and a stop syllable after the name may open a noun phrase ("Hà Nội những
    // ngày ...").
    let name = tokens.iter().take_while(|t| t.kind == TokenKind::Syllable && t.is_capitalised(doc.text())).count();
    let lexicon = crate::directives::lexicon::get();
    let title_runs_past = |k: usize| lexicon.parties.longest(syllables, k).is_some_and(|(n, _)| k + n > name);
    if name >= 2
        && lexicon.parties.longest(syllables, 0).is_none()
        && !(1..name).any(title_runs_past)
        && predicate(syllables, tokens, doc.text(), name)
        && !crate::terms::is_stop_word(syllables[name])
    {
        clause = true;
    }
    s[feature::PLACE] = f32::from(place);
    if words <= BYLINE_WORDS && (capitalised + 1 >= words || byline_opening || bracketed_source) {
        s[feature::CAPTION] = 1.0;
    }
    // The last word is a date ("18/11", "ngày 18", "hôm 28", "năm 2017").
    let ends_with_date = last_date.is_some() && last_date == tokens.iter().rposition(|t| t.kind != TokenKind::Punct);
    let clause_punctuation = syllables.iter().any(|t| matches!(*t, "," | ";" | ":"));
    // Inside the body a caption is told from a short sentence of news by what it
    // lacks (any verb) or by what it has: a place and, at its end, a date
    // ("Người biểu tình ở Tijuana ngày 18/11."); a comma is a clause's, unless it only
    // sets a name beside what it is ("Ông Imad Moustapha, Đại sứ Syria tại Trung Quốc.").
    // Opening the body, what the name is may hold a verb ("Ông Harry Roque, phát ngôn
    // viên ...", "Omar Mateen, nghi phạm xả súng ở Orlando."): no clause, a caption still,
    // unless the name is a source ("Theo Reuters, ...").
    // Read only of a short sentence without a clause: the apposition's passes over the
    // tokens and the verb lexicon's look-ups are no cost on every sentence.
    let short_caption = || {
        if !clause_punctuation {
            return opening || (place && ends_with_date) || !has_verb(syllables, tokens, doc.text());
        }
        match named_apposition(tokens, syllables, doc.text()) {
            Some(Apposition::Name) => (opening && !byline_opening) || !has_verb(syllables, tokens, doc.text()),
            Some(Apposition::Place) => !has_verb(syllables, tokens, doc.text()),
            None => false,
        }
    };
    if words <= CAPTION_WORDS && !clause && s[feature::REPORT] == 0.0 && short_caption() {
        s[feature::CAPTION] = 1.0;
    }
    s[feature::QUESTION] = f32::from(segment::without_closers(text).ends_with('?'));
    s[feature::QUOTE] = f32::from(text.starts_with(['"', '“', '‘', '\'', '«', '-', '–', '—']));
    // Someone's words are no caption but by their date ("\"Nhìn từ bản đồ vệ tinh, ...").
    let quoted = s[feature::QUOTE] > 0.0;
    if words <= VERB_CAPTION_WORDS && !clause && s[feature::REPORT] == 0.0 {
        let opening = (opening && !byline_opening).then_some(Opening { dates, place, ends_with_date });
        if !quoted && (view || appearance)
            || caption_with_a_verb(doc, index, syllables, words, opening_word, opening, quoted)
        {
            s[feature::CAPTION] = 1.0;
        }
    }
    if continues_the_one_before(text) {
        s[feature::CONNECTIVE] = 1.0;
    }
}

/// How a sentence sets a name beside what it is, as photo captions are written.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Apposition {
    /// A name of two capitalised syllables or more, then what it is ("Ông Imad Moustapha,
    /// Đại sứ Syria tại Trung Quốc.").
    Name,
    /// Only capitalised syllables after the comma, a place ("Đại sứ quán Mỹ tại Havana,
    /// Cuba.").
    Place,
}

/// Whether and how a sentence is a name and what it is: one comma, no colon or
/// semicolon (read from its lower-case `syllables`, one per token), and a name just
/// before the comma or a place after it.
fn named_apposition(tokens: &[Token], syllables: &[&str], text: &str) -> Option<Apposition> {
    let capitalised = |t: &Token| t.kind == TokenKind::Syllable && t.is_capitalised(text);
    let mark = |k: usize, marks: &[&str]| tokens[k].kind == TokenKind::Punct && marks.contains(&syllables[k]);
    let mut commas = (0..tokens.len()).filter(|&k| mark(k, &[","]));
    let (Some(comma), None) = (commas.next(), commas.next()) else { return None };
    if (0..tokens.len()).any(|k| mark(k, &[";", ":"])) {
        return None;
    }
    let mut after = tokens[comma + 1..].iter().filter(|t| t.kind != TokenKind::Punct).peekable();
    if comma >= 2 && capitalised(&tokens[comma - 1]) && capitalised(&tokens[comma - 2]) {
        Some(Apposition::Name)
    } else if after.peek().is_some() && after.all(capitalised) {
        Some(Apposition::Place)
    } else {
        None
    }
}

/// Whether sentence `index`, whose tokens in lower case are `syllables`, opens with a
/// photo credit ("Ảnh: Gia Chính").
fn opens_with_credit(doc: &Document, index: usize, syllables: &[&str]) -> bool {
    let opening = first_word(doc.sentence_tokens(index));
    matches!(cues().longest(syllables, opening), Some((_, Cue::Credit)))
}

/// Where a sentence's words start among its `tokens`: after any opening marks
/// (quotation, dash), at 0 when it has no word.
fn first_word(tokens: &[Token]) -> usize {
    tokens.iter().position(|t| t.kind != TokenKind::Punct).unwrap_or(0)
}

/// How many quotation marks sentence `index` holds, straight or curly: read from its
/// punctuation tokens (each a run of one mark), not from every character.
fn quotation_marks(doc: &Document, index: usize) -> usize {
    let text = doc.text();
    (doc.sentence_tokens(index).iter().filter(|t| t.kind == TokenKind::Punct))
        .map(|t| match text[t.range.clone()].chars().next() {
            Some(mark @ ('"' | '“' | '”' | '«' | '»')) => t.range.len() / mark.len_utf8(),
            _ => 0,
        })
        .sum()
}

/// Whether a sentence is the tail of the one before, cut off after a quotation the
/// splitter ended at its "?" or "!": it opens with a comma, colon, semicolon, full stop
/// or closing bracket (", nói xấu thầy cô."), or with a closing quote then one of those
/// or a dash ("\", AFP dẫn câu hỏi của ...", "\" - ông Dũng nói.").
fn continues_the_one_before(text: &str) -> bool {
    let rest = text.trim_start_matches(|c: char| matches!(c, '"' | '”' | '’' | '»') || c.is_whitespace());
    match rest.chars().next() {
        Some(',' | ';' | ':' | '.' | ')') => true,
        Some('-' | '–' | '—') => rest.len() < text.len(),
        _ => false,
    }
}

/// Whether a predicate starts at `syllables[at]`, after a subject: a lower-case word
/// of content (not a function word: "Bà con"), a stop syllable ("đã", "cũng"), a
/// verb of the treebank, a reporting verb or a clause marker.
fn predicate(syllables: &[&str], tokens: &[Token], text: &str, at: usize) -> bool {
    if !tokens.get(at).is_some_and(|t| t.kind == TokenKind::Syllable && !t.is_capitalised(text)) {
        return false;
    }
    let syllable = syllables[at];
    crate::terms::is_stop_word(syllable)
        || !crate::terms::is_function_word(syllable)
        || verb_at(syllables, at)
        || marks_predicate(syllables, at)
}

/// Whether a noun phrase ends before `syllables[at]`: the sentence or a clause ends
/// there, or a predicate starts with a clause marker or a reporting word. (A verb of
/// the treebank is no sign: read by syllables, "trên bầu trời" holds "bầu", to elect.)
fn phrase_ends(syllables: &[&str], tokens: &[Token], at: usize) -> bool {
    tokens.get(at).is_none_or(|t| t.kind == TokenKind::Punct) || marks_predicate(syllables, at)
}

/// Whether a clause marker ("đã", "là") or a reporting word ("cho biết") starts at
/// `syllables[at]`: whatever stands before it is a subject, its noun phrase ended.
fn marks_predicate(syllables: &[&str], at: usize) -> bool {
    matches!(cues().longest(syllables, at), Some((_, Cue::Report | Cue::Clause)))
}

/// What [`caption_with_a_verb`] reads of a sentence that opens the body (not with a
/// source: "Theo Reuters, ...").
struct Opening {
    /// How many dates it holds.
    dates: usize,
    /// Whether its last word is a date.
    ends_with_date: bool,
    /// Whether it names a place ("ở", "tại").
    place: bool,
}

/// Whether sentence `index` (its lower-case `syllables`, one per token; `words`
/// syllables and numbers, the first at `first`), short and without a clause marker or a
/// reporting verb, is a photo's caption for what it is rather than for what it lacks:
/// opening the body (`opening`) and ending with its only date, or with no date, a place
/// and commas only after names ([`PLACED_CAPTION_WORDS`]); or opening with what a
/// picture is followed by what it shows ("Phối cảnh cầu ..."), unless it is someone's
/// words (`quoted`). (Where a picture was taken from, "... nhìn từ trên cao", is a cue
/// of every syllable.)
fn caption_with_a_verb(
    doc: &Document,
    index: usize,
    syllables: &[&str],
    words: usize,
    first: usize,
    opening: Option<Opening>,
    quoted: bool,
) -> bool {
    let (tokens, text) = (doc.sentence_tokens(index), doc.text());
    match opening {
        Some(Opening { dates: 1, ends_with_date: true, .. }) => return true,
        Some(Opening { dates: 0, place: true, .. })
            if !quoted && words <= PLACED_CAPTION_WORDS && commas_after_names(tokens, syllables, text) =>
        {
            return true
        }
        _ => {}
    }
    !quoted
        && matches!(depictions().longest(syllables, first), Some((length, Cue::Picture))
            if !names_an_action(syllables, tokens, text, first + length))
}

/// Whether every comma of a sentence follows a capitalised word ("tại Aleppo, Syria.")
/// and it has no colon or semicolon: no clause or adverbial set off before its subject
/// ("Hôm nay, UBND ...", "Tôm hùm chết hàng loạt, người dân ...").
fn commas_after_names(tokens: &[Token], syllables: &[&str], text: &str) -> bool {
    (0..tokens.len()).all(|k| match syllables[k] {
        "," => k > 0 && tokens[k - 1].kind == TokenKind::Syllable && tokens[k - 1].is_capitalised(text),
        ":" | ";" => false,
        _ => true,
    })
}

/// Whether the picture's name that ends before `syllables[next]` is the subject of a
/// verb ("Bức ảnh nhận được ...", "Hình ảnh cho thấy ...", "Bức ảnh được ...") or
/// pointed back at ("Hình ảnh này ..."), a sentence about the picture, rather than
/// followed by what it shows ("Phối cảnh cầu ...").
fn names_an_action(syllables: &[&str], tokens: &[Token], text: &str, next: usize) -> bool {
    tokens.get(next).is_some_and(|t| t.kind == TokenKind::Syllable && !t.is_capitalised(text))
        && (verb_at(syllables, next)
            || matches!(depictions().longest(syllables, next), Some((_, Cue::Showing)))
            || matches!(
                cues().longest(syllables, next),
                Some((_, Cue::Report | Cue::Clause | Cue::Pointer | Cue::Near))
            ))
}

/// Whether any word of `syllables` (one per token of `tokens`) is mostly a verb in the
/// treebank, leaving out the capitalised syllables inside the sentence, which are names'
/// ("Nguyễn Thành Phong" holds "thành", to become).
fn has_verb(syllables: &[&str], tokens: &[Token], text: &str) -> bool {
    let opening = first_word(tokens);
    (0..syllables.len()).any(|at| (at == opening || !tokens[at].is_capitalised(text)) && verb_at(syllables, at))
}

/// Whether a word that is mostly a verb in the treebank starts at `syllables[at]`.
fn verb_at(syllables: &[&str], at: usize) -> bool {
    crate::directives::lexicon::get().verbs.longest(syllables, at).is_some_and(|(_, verb)| verb)
}

/// The share of `reference`'s items that `items` has too (0 when it has none). Only
/// the few items found in `reference` are collected, not a set of all of `items`.
fn shared_share(items: impl Iterator<Item = (u32, u32)>, reference: &IdSet<(u32, u32)>) -> f32 {
    if reference.is_empty() {
        return 0.0;
    }
    let mut shared: Vec<(u32, u32)> = items.filter(|item| reference.contains(item)).collect();
    crate::order::sort_by_key(&mut shared, |&(a, b)| u64::from(a) << 32 | u64::from(b));
    shared.dedup();
    shared.len() as f32 / reference.len() as f32
}

/// The number of syllables and numbers of sentence `index`: the length every bound of
/// this module counts (and `eval-summary --list` prints).
pub fn words(doc: &Document, index: usize) -> usize {
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
            let kind = line.split(' ').next().unwrap_or_default();
            assert!(cue_kind(kind).is_some(), "{line}");
        }
        assert_eq!(cues().longest(&["ông", "cho", "biết"], 1), Some((2, Cue::Report)));
        assert_eq!(cues().longest(&["cho"], 0), None);
        assert_eq!(cues().longest(&["mời", "quý", "vị"], 0), Some((3, Cue::Invitation)));
        assert_eq!(cues().longest(&["tuy", "nhiên", ","], 0), Some((2, Cue::Connective)));
        assert_eq!(cues().longest(&["(", "ảnh", ":"], 0), Some((2, Cue::Caption)));
        assert_eq!(depictions().longest(&["phối", "cảnh", "cầu"], 0), Some((2, Cue::Picture)));
        assert_eq!(cues().longest(&["được"], 0), None, "a picture's cue is only in its own table");
        assert_eq!(cues().longest(&["nhìn", "từ", "trên"], 0), Some((2, Cue::View)), "a view is read anywhere");
    }

    const SEED: &str = include_str!("../seeds/000_5dea1911c32d1e71.txt");

    fn analysed(text: &str) -> (Document<'_>, Analysis) {
        let doc = Document::new(text);
        let analysis = analyse(&doc, &Terms::new(&doc));
        (doc, analysis)
    }

    /// Whether each sentence of `text` is one no summary takes.
    fn unwanted_sentences(text: &str) -> Vec<bool> {
        analysed(text).1.signals.iter().map(unwanted).collect()
    }

    /// Whether each sentence of `text` leans on the one before it.
    fn leaning_sentences(text: &str) -> Vec<bool> {
        analysed(text).1.signals.iter().map(leans_back).collect()
    }

    fn signal(analysis: &Analysis, sentence: usize, name: &str) -> f32 {
        analysis.signals[sentence][FEATURES.iter().position(|f| *f == name).unwrap()]
    }

    #[test]
    fn feature_indices_name_their_features() {
        use feature::*;
        let named = [
            (CAPTION_SIMILARITY, "centrality.caption"),
            (CENTRALITY, "centrality.cosine"),
            (FIRST_SIMILARITY, "centrality.first"),
            (LEAD_SIMILARITY, "centrality.lead"),
            (REPEATED, "centrality.repeated"),
            (TOPICS, "centrality.topics"),
            (CONTENT, "cue.content"),
            (DATE, "cue.date"),
            (NAMES, "cue.names"),
            (NUMBER, "cue.number"),
            (PLACE, "cue.place"),
            (REPORT, "cue.report"),
            (LONG, "length.long"),
            (SHORT, "length.short"),
            (WORDS, "length.words"),
            (CAPTION, "penalty.caption"),
            (CONNECTIVE, "penalty.connective"),
            (HEADING, "penalty.heading"),
            (INVITATION, "penalty.invitation"),
            (QUESTION, "penalty.question"),
            (QUOTE, "penalty.quote"),
            (FIRST, "position.first"),
            (LEAD, "position.lead"),
            (PARAGRAPH, "position.paragraph"),
            (RELATIVE, "position.relative"),
            (SECOND, "position.second"),
            (TITLE_BIGRAMS, "title.bigrams"),
            (TITLE, "title.cosine"),
            (TITLE_TERMS, "title.terms"),
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
        assert!(weights.0.iter().flatten().all(|w| w.is_finite()));
        assert!(Weights::parse("title.cosine 1 1 1 1 1 1").unwrap_err().contains("no weight"));
        assert!(Weights::parse("title.cosine 1 1").unwrap_err().contains("too few values"));
        assert!(Weights::parse("title.cosine 1 1 1 1 1 1 1").unwrap_err().contains("too many values"));
        assert!(Weights::parse("title.colour 1").unwrap_err().contains("unknown feature"));
    }

    #[test]
    fn parts_add_up_to_the_score_exactly_and_are_named_by_their_part() {
        let (_, analysis) = analysed(SEED);
        for signals in &analysis.signals {
            let score = Weights::fitted().score(signals, true, 2);
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
            Weights::fitted().score(&analysis.signals[5], true, 2).total
                < Weights::fitted().score(&analysis.signals[4], true, 2).total
        );
    }

    #[test]
    fn a_short_opening_without_a_clause_is_a_caption_and_unwanted() {
        let text = "Tổng thống Iran Hassan Rouhani. Ngày 12/10, ông Rouhani cho biết Iran sẽ giữ thỏa thuận hạt nhân. \
                    Tổng thống Iran Hassan Rouhani.";
        let (_, analysis) = analysed(text);
        assert!(unwanted(&analysis.signals[0]), "a photo caption opens the body");
        assert!(!unwanted(&analysis.signals[1]));
        assert!(unwanted(&analysis.signals[2]), "the same words later, without a verb, are a caption too");
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
    fn a_caption_anywhere_in_the_body_is_unwanted_and_a_short_sentence_of_news_is_not() {
        let text = "Hàng nghìn người di cư đã tới thành phố Tijuana của Mexico trong tuần qua. \
                    Một người di cư ở Tijuana ngày 18/11. \
                    Giá xăng tăng từ ngày 1/4. Chính quyền thành phố đang tìm nơi ở cho họ.";
        assert_eq!(unwanted_sentences(text), [false, true, false, false]);
    }

    #[test]
    fn someone_speaking_at_an_event_is_a_caption_only_after_the_subject_that_opens_it() {
        let text = "Diễn đàn đã khai mạc tại Hà Nội với sự tham dự của 40 nước. \
                    Thủ tướng Nguyễn Văn An phát biểu tại lễ khai mạc. \
                    Phát biểu tại lễ khai mạc diễn đàn hôm nay. Diễn đàn sẽ kéo dài hai ngày.";
        assert_eq!(unwanted_sentences(text), [false, true, false, false]);
    }

    #[test]
    fn a_name_that_holds_a_verb_is_no_verb_of_its_caption() {
        // "Thành" is a name here, not "thành" (to become): the sentence has no verb.
        let text = "Thành phố đã khởi công dự án nhà ở xã hội lớn nhất trong năm nay. \
                    Chủ tịch UBND thành phố Nguyễn Thành Phong. \
                    Dự án sẽ hoàn thành sau hai năm với 5.000 căn hộ.";
        assert_eq!(unwanted_sentences(text), [false, true, false]);
    }

    #[test]
    fn a_title_that_runs_past_the_capitals_is_no_name_with_its_predicate() {
        // "Quyền Bộ trưởng" (acting minister): "trưởng" is the title's, not a verb of a
        // subject "Quyền Bộ"; a name with its predicate is a clause, and news.
        let text = "Mỹ đã công bố kế hoạch quốc phòng mới trong tuần qua. \
                    Quyền Bộ trưởng Quốc phòng Mỹ Patrick Shanahan. \
                    Hà Nội đẹp. Kế hoạch sẽ được thực hiện trong năm tới.";
        assert_eq!(unwanted_sentences(text), [false, true, false, false]);
    }

    #[test]
    fn a_name_and_what_it_is_after_a_comma_is_a_caption_and_a_short_sentence_of_news_is_not() {
        let text = "Ông Imad Moustapha, Đại sứ Syria tại Trung Quốc. Syria muốn vay tiền để tái thiết. \
                    Đại sứ quán Mỹ tại Havana, Cuba. Hậu quả, 2 mẹ con tử vong tại chỗ. \
                    Jaafar, một công dân Singapore, cũng lâm vào hoàn cảnh tương tự. Tại Hà Nội, giá xăng tăng.";
        assert_eq!(unwanted_sentences(text), [true, false, true, false, false, false]);
        let text = "Ông Harry Roque, phát ngôn viên của Tổng thống Philippines. Philippines muốn mua vũ khí của Nga. \
                    Omar Mateen, nghi phạm xả súng ở Orlando.";
        let (_, analysis) = analysed(text);
        let captions: Vec<bool> = analysis.signals.iter().map(super::unwanted).collect();
        assert_eq!(captions, [true, false, false], "what the name is may hold a verb at the opening only");
        let (_, analysis) = analysed("Theo Reuters Mỹ, Iran có thể giành được một cảng. Iran muốn mua vũ khí.");
        assert!(!super::unwanted(&analysis.signals[0]), "a source is no name of a caption");
    }

    #[test]
    fn a_sentence_needs_the_introduction_of_a_short_name() {
        let text = "Anh Nguyễn Văn Nghĩa đã tử vong ở Angola. \"Anh Nghĩa sang Angola đã được 3 năm. \
                    Anh là lao động giỏi. Chúng tôi rất tiếc\", ông Trụ nói. Ông Trụ là trưởng công an xã.";
        let (_, analysis) = analysed(text);
        assert_eq!(analysis.needs, [None, Some(0), None, None, None], "\"Ông Trụ\" is introduced by no fuller name");
        let (_, analysis) = analysed(
            "Chủ tịch nước đã tiếp ông Mark Esper tại Phủ Chủ tịch. Esper khẳng định Mỹ tôn trọng chủ quyền của Việt Nam. \
             Chủ tịch nước đề nghị Mỹ hỗ trợ tẩy độc sân bay Đà Nẵng.",
        );
        assert_eq!(analysis.needs, [None, Some(0), None], "a word the article writes in lower case is no name alone");
        let (_, analysis) = analysed(
            "Ông Nguyễn Văn Hùng là giám đốc sở. Theo ông Hùng, giá xăng tăng. Theo Hùng, giá tăng. Theo ông Hùng Anh, giá tăng.",
        );
        assert_eq!(analysis.needs, [None, Some(0), None, None], "the person a source frame names before its comma");
        let (_, analysis) = analysed(
            "Bà Phan Thị Mùi là chủ nhà hàng. Đến nay, bà Mùi chưa nhận được tiền. Đến nay, bà Mùi Hoa chưa nhận. \
             Đến nay, nhà hàng của bà Mùi vẫn mở cửa.",
        );
        assert_eq!(analysis.needs, [None, Some(0), None, None], "the subject after a phrase fronted before it");
        let (_, analysis) =
            analysed("Nạn nhân là chị Nguyễn Thị T. (SN 1993). Chị T. đã được đưa vào bệnh viện. Chị T. Hà đã về nhà.");
        assert_eq!(analysis.needs, [None, Some(0), None], "a name shortened to its initial");
    }

    #[test]
    fn questions_and_sub_headings_are_unwanted() {
        let text = "Giá xăng tăng\n\nGiá xăng đã tăng mạnh. Vì sao giá xăng tăng?\n\nGiá sẽ còn tăng\n\n\
                    Họ nói vậy.\n\nCác chuyên gia dự báo giá sẽ còn tăng.";
        let (doc, analysis) = analysed(text);
        assert_eq!(doc.sentences.len(), 6);
        let unwanted: Vec<bool> = analysis.signals.iter().map(unwanted).collect();
        assert_eq!(unwanted, [false, false, true, true, false, false], "the title is scored elsewhere");
        assert_eq!(signal(&analysis, 3, "penalty.heading"), 1.0);
        assert_eq!(signal(&analysis, 4, "penalty.heading"), 0.0, "a paragraph that ends as a sentence does");
    }

    #[test]
    fn sentences_that_point_back_or_open_with_a_bare_pronoun_lean_on_the_one_before() {
        let text = "Anh Nguyễn Văn Bình lái xe tải. Ông này từng bị phạt. Người phụ nữ này đã báo công an. \
                    Ông cho biết xe chạy nhanh. Ông Bình cho biết xe chạy chậm. Đây cũng là lần thứ ba. \
                    Vụ việc đang được điều tra. Trong tuần qua, giá xăng tăng. Ở gần đấy, ông Sáu chạy tới.";
        assert_eq!(leaning_sentences(text), [false, true, true, true, false, true, true, false, true]);
    }

    #[test]
    fn title_syllables_are_held_as_bits_so_a_summary_counts_each_once() {
        let (_, analysis) = analysed(
            "Hà Nội cấm xe máy\n\nHà Nội sẽ cấm xe máy từ năm 2030. Thành phố Hà Nội đã có chín triệu dân. Giá vàng đã tăng.",
        );
        assert!(analysis.title_term_count >= 4, "{}", analysis.title_term_count);
        let share = |i: usize| signal(&analysis, i, "title.terms");
        assert!(share(1) > share(2) && share(2) > 0.0 && share(3) == 0.0);
        assert_eq!(share(2), analysis.title_terms[2].count_ones() as f32 / analysis.title_term_count as f32);
        assert_ne!(analysis.title_terms[1] & analysis.title_terms[2], 0, "\"Hà Nội\" in both");
        let (_, analysis) = analysed("Hà Nội sẽ cấm xe máy từ năm 2030. Thành phố Hà Nội đông dân.");
        assert_eq!(analysis.title_term_count, 0, "no title, no title syllables");
    }

    #[test]
    fn what_was_said_above_and_the_tail_of_a_quotation_lean_on_the_one_before() {
        let text = "Công an đã thu giữ 500 kg ma túy. Số ma túy nêu trên được cất giấu trong xe tải. \
                    Tài xế đã bị bắt giữ trên đường tỉnh. Vụ án đang được điều tra.";
        assert_eq!(
            leaning_sentences(text),
            [false, true, false, false],
            "\"trên\" alone is a place, not what was said"
        );
        assert_eq!(
            leaning_sentences("Dự án đã được phê duyệt. \" Tuy nhiên, dự án chưa có vốn. - Ông cho biết sẽ chờ."),
            [false, true, true],
            "a connective or a pronoun after a quotation mark or a dash"
        );
        for tail in ["\", AFP dẫn câu hỏi của nhà sản xuất.", "\" - ông Dũng nói.", ", nói xấu thầy cô.", ") cho biết."]
        {
            assert!(continues_the_one_before(tail), "{tail}");
        }
        for whole in ["\"Có một thỏa thuận giữa hai nước.", "- Con đi đâu?", "Giá xăng tăng.", "(Dân trí) - Giá tăng."]
        {
            assert!(!continues_the_one_before(whole), "{whole}");
        }
    }

    #[test]
    fn this_week_britain_and_folk_lean_on_nothing_and_a_name_with_its_predicate_is_no_caption() {
        let text = "Thủ tướng Anh Theresa May đã tới Brussels. Trong tuần này, giá xăng đã tăng ba lần. \
                    Trong tuần đó, giá xăng tăng. Anh đã rời Liên minh châu Âu. Bà con nông dân đã thu hoạch lúa. \
                    Bà cho biết lúa được giá. Hà Nội đẹp. Hà Nội những ngày cuối năm.";
        assert_eq!(leaning_sentences(text), [false, false, true, false, false, true, false, false]);
        let (_, analysis) = analysed(text);
        let kept: Vec<bool> = analysis.signals.iter().map(|s| !unwanted(s)).collect();
        assert_eq!(kept, [true, true, true, true, true, true, true, false]);
        let (_, analysis) = analysed("Anh đã rời Liên minh châu Âu. Giá xăng tăng.");
        assert!(leans_back(&analysis.signals[0]), "no sign that \"Anh\" is a name: a pronoun");
        let (_, analysis) = analysed("Hà Nội đẹp. Giá xăng tăng.");
        assert!(!unwanted(&analysis.signals[0]), "a short sentence of news opening the body");
        let (_, analysis) = analysed("Tổng Bí thư Nguyễn Phú Trọng. Giá xăng tăng.");
        assert!(unwanted(&analysis.signals[0]), "a title and a name: a photo caption");
    }

    #[test]
    fn sentences_about_what_the_photos_show_share_the_captions_words() {
        let text = "Hàng nghìn người di cư đã tới thành phố Tijuana của Mexico trong tuần qua. \
                    Người biểu tình ở Tijuana ngày 18/11. \
                    Giá xăng tăng từ ngày 1/4. Chính quyền thành phố đang tìm nơi ở cho người biểu tình.";
        let (_, analysis) = analysed(text);
        assert!(unwanted(&analysis.signals[1]), "the caption itself is never chosen");
        assert!(signal(&analysis, 0, "centrality.caption") > 0.0, "Tijuana");
        assert!(signal(&analysis, 3, "centrality.caption") > 0.0, "người biểu tình");
        assert_eq!(signal(&analysis, 2, "centrality.caption"), 0.0, "nothing the photo shows");
        let (_, analysis) =
            analysed("Hàng nghìn người di cư đã tới Tijuana. Chính quyền cho biết người biểu tình đã tới Tijuana.");
        assert!(analysis.signals.iter().all(|s| s[feature::CAPTION_SIMILARITY] == 0.0), "no caption");
    }

    #[test]
    fn dates_and_places_are_signals() {
        let (_, analysis) = analysed("Sáng 12/10, giá xăng tăng tại Hà Nội. Năm 2019 giá giảm. Giá tăng 500 đồng.");
        assert_eq!(signal(&analysis, 0, "cue.date"), 1.0);
        assert_eq!(signal(&analysis, 0, "cue.place"), 1.0);
        assert_eq!(signal(&analysis, 1, "cue.date"), 1.0);
        assert_eq!(signal(&analysis, 2, "cue.date"), 0.0, "a number that is no date");
        assert_eq!(signal(&analysis, 2, "cue.place"), 0.0);
    }

    #[test]
    fn names_and_numbers_that_come_back_later_count_for_their_sentence() {
        let text = "Công ty Vinamilk đã lãi 500 tỷ đồng. Thời tiết đẹp. Vinamilk sẽ chia 500 tỷ đồng cho cổ đông.";
        let (_, analysis) = analysed(text);
        assert_eq!(signal(&analysis, 0, "centrality.repeated"), 1.0, "Vinamilk and 500 again in the last");
        assert_eq!(signal(&analysis, 1, "centrality.repeated"), 0.0, "no name or number");
        assert_eq!(signal(&analysis, 2, "centrality.repeated"), 0.0, "nothing after it");
    }

    #[test]
    fn the_tail_of_a_quotation_cut_at_its_full_stop_and_chinh_vi_the_lean_on_the_one_before() {
        let text = "Vụ cháy đã làm 3 người chết. Ông Minh nói: \"Chúng tôi sẽ làm rõ. Ai sai sẽ bị xử lý\", ông nói. \
             Công an đang điều tra. Bà Lan nói: \"Tôi rất sợ\". Chính vì thế, nhiều người đã chọn xe buýt.";
        assert_eq!(leaning_sentences(text), [false, false, true, false, false, true]);
    }

    #[test]
    fn and_apart_because_and_the_same_day_lean_on_the_one_before() {
        let text = "Sáng 3/5, bão số 2 đổ bộ vào Quảng Ninh. Và nhiều nhà bị tốc mái. Riêng huyện Cô Tô bị mất điện. \
                    Bởi gió giật cấp 12. Chiều cùng ngày, tỉnh đã cho học sinh nghỉ học. Vậy nên trường học đóng cửa. \
                    Quan trọng hơn, không ai bị thương. Cùng với học sinh, giáo viên nghỉ. Bà Vân và chồng đã sơ tán. Thế là cả xã mất điện. \
                    Thấy vậy, người dân đi sơ tán. Thế nhưng trường vẫn mở. Ngược lại, chợ đóng cửa.";
        assert_eq!(
            leaning_sentences(text),
            [false, true, true, true, true, true, true, false, false, true, true, true, true],
            "\"và\" past the opening leans on nothing"
        );
    }

    #[test]
    fn a_noun_closed_by_tren_leans_on_the_one_before_and_tren_before_its_object_does_not() {
        let text = "Công an đã thu giữ 6 gói tinh thể rắn. Qua giám định, tinh thể rắn trên là ma túy đá. \
                    Quân đội chưa bình luận về sự việc trên. Hết thời hạn trên, vé không còn giá trị. \
                    Máy bay bay trên bầu trời Syria. Tài xế đã bị bắt trên đường đi làm về.";
        assert_eq!(leaning_sentences(text), [false, true, true, true, false, false]);
    }

    #[test]
    fn an_imperative_to_the_reader_is_unwanted_and_a_quoted_one_is_not() {
        let text = "Lễ hội rượu Tây Bắc đã khai mạc, kéo dài đến 16/7. Hãy xách ba lô lên và đi ngay trong tuần này. \
                    \"Hãy thảo di chúc trước khi đi\", Bộ Ngoại giao Mỹ khuyến cáo. Du khách nên mua vé sớm.";
        let (_, analysis) = analysed(text);
        let kept: Vec<bool> = analysis.signals.iter().map(|s| !unwanted(s)).collect();
        assert_eq!(kept, [true, false, true, true]);
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

    #[test]
    fn a_word_that_starts_with_a_connective_is_not_one() {
        let text = "Tiêu đề\n\nNgân hàng ban hành quy định mới. Riêng tư của khách hàng phải được bảo vệ. \
                    Riêng tỉnh Nam Sơn có 30 tàu cá.";
        let (_, analysis) = analysed(text);
        assert_eq!(signal(&analysis, 2, "penalty.connective"), 0.0, "\"Riêng tư\" is privacy");
        assert_eq!(signal(&analysis, 3, "penalty.connective"), 1.0, "\"Riêng tỉnh\" is \"as for\"");
    }
}
