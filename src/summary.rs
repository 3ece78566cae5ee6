//! Choosing the summary: the best-scored sentences, no two saying the same thing, in
//! reading order.
//!
//! Sentences are taken by score, skipping any that repeats one already taken (same
//! text, or content-syllable cosine at or above [`NEAR_DUPLICATE`]); when that leaves
//! fewer than asked for, the skipped near-duplicates fill the gap, identical sentences
//! never. The title is never part of the summary. Presets scale with the article.

use std::collections::HashSet;

use crate::document::Document;
use crate::options::{Length, Options};
use crate::score::{self, Analysis, Score, Weights};

/// Cosine of content-syllable vectors from which two sentences say the same thing.
pub const NEAR_DUPLICATE: f32 = 0.6;

/// A summary sentence: its index in the document and its score.
#[derive(Debug, Clone, PartialEq)]
pub struct Chosen {
    /// Index into the document's sentences.
    pub sentence: usize,
    /// Its score with the named parts.
    pub score: Score,
}

/// How many sentences the summary of an article with `candidates` sentences (title
/// excluded) has: `sentences` when asked, else the length preset.
pub fn length(options: &Options, candidates: usize) -> usize {
    let wanted = options.sentences.unwrap_or(match options.length {
        Length::Short => 2 + usize::from(candidates > 20),
        Length::Medium => (candidates / 5).clamp(3, 5),
        Length::Long => (candidates / 3).clamp(5, 10),
    });
    wanted.min(candidates)
}

/// The summary of `doc` under `options`, in reading order.
pub fn summarize(doc: &Document, analysis: &Analysis, weights: &Weights, options: &Options) -> Vec<Chosen> {
    let mut ranked: Vec<Chosen> = (0..doc.sentences.len())
        .filter(|&i| Some(i) != analysis.title)
        .map(|i| Chosen { sentence: i, score: weights.score(&analysis.signals[i]) })
        .collect();
    let count = length(options, ranked.len());
    ranked.sort_by(|a, b| b.score.total.total_cmp(&a.score.total).then(a.sentence.cmp(&b.sentence)));
    let mut texts: HashSet<String> = HashSet::new();
    let mut chosen: Vec<Chosen> = Vec::with_capacity(count);
    let mut skipped: Vec<Chosen> = Vec::new();
    for candidate in ranked {
        if chosen.len() == count {
            break;
        }
        let vector = &analysis.vectors[candidate.sentence];
        if chosen.iter().any(|c| score::dot(vector, &analysis.vectors[c.sentence]) >= NEAR_DUPLICATE) {
            skipped.push(candidate);
        } else if texts.insert(doc.sentence_text(candidate.sentence).to_lowercase()) {
            chosen.push(candidate);
        }
    }
    for candidate in skipped {
        if chosen.len() == count {
            break;
        }
        if texts.insert(doc.sentence_text(candidate.sentence).to_lowercase()) {
            chosen.push(candidate);
        }
    }
    chosen.sort_by_key(|c| c.sentence);
    chosen
}
