//! `cargo xtask eval-words [CONLLU]`: word-segmentation F1 of tomtat's segmenter, and
//! its speed.
//!
//! The protocol (issue 9): each sentence's `# text` line is analysed as a document;
//! the gold words are the treebank's tokens (a multi-syllable word is one token with
//! spaces inside). A word is the span of syllables it covers, located by counting the
//! non-space characters before it, so the figure is independent of spacing and of
//! case. Precision, recall and F1 count exact spans. The peers on VTB test: pyvi 97.43,
//! underthesea 95.71. VTB test is for this report only: never train or tune on it.

use std::collections::HashSet;
use std::time::Instant;

use tomtat::words::{self, Model};
use tomtat::Document;

const DEFAULT: &str = "../shared/data/ud-vi/vi_vtb-ud-test.conllu";
/// The speed test segments the treebank's text repeated to about this many bytes.
const SPEED_BYTES: usize = 4_000_000;

/// One treebank sentence: its text and its gold words in order.
pub struct Sentence {
    pub text: String,
    pub words: Vec<String>,
}

/// Matched, predicted and gold counts (of word spans, sentence ends, directives), for
/// precision, recall and F1.
#[derive(Default, Clone, Copy)]
pub struct Counts {
    pub matched: usize,
    pub predicted: usize,
    pub gold: usize,
}

impl Counts {
    /// Precision, recall and F1, in percent.
    pub fn f1(&self) -> (f64, f64, f64) {
        let p = self.matched as f64 / self.predicted.max(1) as f64;
        let r = self.matched as f64 / self.gold.max(1) as f64;
        (100.0 * p, 100.0 * r, 100.0 * 2.0 * p * r / (p + r).max(f64::EPSILON))
    }
}

pub fn run(args: &[String]) -> Result<(), String> {
    let path = crate::path_arg(args, DEFAULT);
    let sentences = read(path)?;
    let Some(model) = words::shipped().filter(|model| !model.is_empty()) else {
        return Err("the shipped model did not parse: rebuild it with `cargo xtask train-words`".into());
    };
    let counts = score(model, &sentences);
    if args.iter().any(|a| a == "--show") {
        show(model, &sentences);
    }
    let (p, r, f1) = counts.f1();
    println!("{path}: {} sentences, {} gold words", sentences.len(), counts.gold);
    println!("words: P {p:.2}  R {r:.2}  F1 {f1:.2}   (pyvi 97.43, underthesea 95.71)");
    speed(model, &sentences);
    Ok(())
}

/// The sentences of a CoNLL-U file with their gold words (multiword-token ranges and
/// empty nodes skipped).
pub fn read(path: &str) -> Result<Vec<Sentence>, String> {
    let conllu = std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    let mut out = Vec::new();
    let mut current: Option<Sentence> = None;
    for line in conllu.lines() {
        if let Some(text) = line.strip_prefix("# text =") {
            current = Some(Sentence { text: text.trim().to_string(), words: Vec::new() });
        } else if line.trim().is_empty() {
            out.extend(current.take());
        } else if !line.starts_with('#') {
            let columns: Vec<&str> = line.split('\t').collect();
            let (Some(id), Some(form), Some(sentence)) = (columns.first(), columns.get(1), current.as_mut()) else {
                continue;
            };
            if !id.contains(['-', '.']) {
                sentence.words.push(form.to_string());
            }
        }
    }
    out.extend(current);
    Ok(out)
}

/// Word spans of `sentence` as (first, last + 1) non-space character positions.
pub fn gold_spans(sentence: &Sentence) -> Vec<(usize, usize)> {
    let mut at = 0;
    sentence
        .words
        .iter()
        .map(|w| {
            let start = at;
            at += w.chars().filter(|c| !c.is_whitespace()).count();
            (start, at)
        })
        .collect()
}

/// For each UTF-16 offset of `text`, the number of non-space characters before it.
pub fn non_space_before(text: &str) -> Vec<usize> {
    let mut out = vec![0];
    let mut count = 0;
    for c in text.chars() {
        count += usize::from(!c.is_whitespace());
        out.extend(std::iter::repeat_n(count, c.len_utf16()));
    }
    out
}

/// The span counts of `model` on `sentences`.
pub fn score(model: &Model, sentences: &[Sentence]) -> Counts {
    let mut counts = Counts::default();
    for sentence in sentences {
        let gold: HashSet<(usize, usize)> = gold_spans(sentence).into_iter().collect();
        let doc = Document::new(&sentence.text);
        let position = non_space_before(&sentence.text);
        let mut predicted = HashSet::new();
        for index in 0..doc.sentences.len() {
            for word in model.words(&doc, doc.sentence_tokens(index)) {
                let span = doc.span(word);
                predicted.insert((position[span.start as usize], position[span.end as usize]));
            }
        }
        counts.matched += predicted.intersection(&gold).count();
        counts.predicted += predicted.len();
        counts.gold += gold.len();
    }
    counts
}

/// Prints the first sentences whose words differ from the gold ones, words joined by
/// `_`: gold first, then the segmenter's.
fn show(model: &Model, sentences: &[Sentence]) {
    let mut shown = 0;
    for sentence in sentences {
        let doc = Document::new(&sentence.text);
        let got: Vec<String> = (0..doc.sentences.len())
            .flat_map(|index| model.words(&doc, doc.sentence_tokens(index)))
            .map(|word| doc.span(word).text.replace(' ', "_"))
            .collect();
        let gold: Vec<String> = sentence.words.iter().map(|w| w.replace(' ', "_")).collect();
        if got != gold && shown < 30 {
            println!(
                "gold: {}
 got: {}
",
                gold.join(" "),
                got.join(" ")
            );
            shown += 1;
        }
    }
}

/// Prints segmenting speed: the treebank text repeated into one large document, timed
/// for the segmenter alone and for analysis plus segmenter.
fn speed(model: &Model, sentences: &[Sentence]) {
    let one: String = sentences.iter().map(|s| s.text.as_str()).collect::<Vec<_>>().join("\n\n");
    let text = std::iter::repeat_n(one.as_str(), SPEED_BYTES / one.len().max(1) + 1).collect::<Vec<_>>().join("\n\n");
    let mb = text.len() as f64 / 1e6;
    let started = Instant::now();
    let doc = Document::new(&text);
    let analysed = started.elapsed().as_secs_f64();
    let started = Instant::now();
    let mut count = 0;
    for index in 0..doc.sentences.len() {
        count += model.words(&doc, doc.sentence_tokens(index)).len();
    }
    let segmented = started.elapsed().as_secs_f64();
    println!(
        "speed on {mb:.1} MB ({count} words): segmenter {:.1} MB/s; Document::new + segmenter {:.1} MB/s",
        mb / segmented,
        mb / (analysed + segmented)
    );
}
