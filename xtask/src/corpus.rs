//! Reading the news corpora: JSONL lines `{"id","title","summary","body"}`.

use std::collections::{HashMap, HashSet};

use serde::Deserialize;

/// One article with its reference summary.
#[derive(Deserialize)]
pub struct Article {
    /// Its headline.
    #[serde(default)]
    pub title: String,
    /// The reference summary (the newsroom's sapo).
    #[serde(default)]
    pub summary: String,
    /// The article without title and sapo.
    pub body: String,
}

impl Article {
    /// The text the summarizer reads: title and body as two paragraphs, as the CLI's
    /// `--jsonl` joins them.
    pub fn text(&self) -> String {
        if self.title.trim().is_empty() {
            self.body.clone()
        } else {
            format!("{}\n\n{}", self.title, self.body)
        }
    }
}

/// news-train-20k: VietNews training articles, for fitting (its first [`FIT_ARTICLES`])
/// and for deciding (the rest, the check set, never fitted on).
pub const TRAIN_20K: &str = "../shared/data/news-train-20k.jsonl.gz";
/// How many of news-train-20k's articles, from the first, a summary fit may read.
pub const FIT_ARTICLES: usize = 18_000;

/// Every line of the JSONL file at `path` (gzipped when its name ends in `.gz`), as a
/// `T` (an [`Article`], an annotation).
pub fn read<T: for<'de> Deserialize<'de>>(path: &str) -> Result<Vec<T>, String> {
    let text = if path.ends_with(".gz") {
        let file = std::fs::File::open(path).map_err(|e| format!("cannot read {path}: {e}"))?;
        let mut text = String::new();
        std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(file), &mut text)
            .map_err(|e| format!("cannot unzip {path}: {e}"))?;
        text
    } else {
        std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?
    };
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(n, line)| serde_json::from_str(line).map_err(|e| format!("{path}:{}: {e}", n + 1)))
        .collect()
}

/// How a lower-cased syllable is used across a corpus.
#[derive(Default)]
pub struct SyllableCounts {
    /// Articles it appears in.
    pub documents: usize,
    /// Its occurrences.
    pub occurrences: usize,
    /// Its occurrences that are not the first token of a sentence.
    pub inner: usize,
    /// Of those, the ones written in lower case.
    pub inner_lower: usize,
}

/// The statistics of every lower-cased syllable of `articles` (title and body, split
/// by tomtat's own tokenizer).
pub fn syllable_counts(articles: &[Article]) -> HashMap<String, SyllableCounts> {
    let mut counts: HashMap<String, SyllableCounts> = HashMap::new();
    for article in articles {
        let text = article.text();
        let doc = tomtat::Document::new(&text);
        let mut seen = HashSet::new();
        for index in 0..doc.sentences.len() {
            for (k, token) in doc.sentence_tokens(index).iter().enumerate() {
                if token.kind != tomtat::tokens::TokenKind::Syllable {
                    continue;
                }
                let written = &doc.text()[token.range.clone()];
                let lower = written.to_lowercase();
                let entry = counts.entry(lower.clone()).or_default();
                entry.occurrences += 1;
                if k > 0 {
                    entry.inner += 1;
                    entry.inner_lower += usize::from(written == lower);
                }
                if seen.insert(lower) {
                    entry.documents += 1;
                }
            }
        }
    }
    counts
}
