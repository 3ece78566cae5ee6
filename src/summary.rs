//! Choosing the summary: the best-scored sentences, no two saying the same thing, in
//! reading order.
//!
//! Sentences are taken by score, skipping any that repeats one already taken (same
//! text, or content-syllable cosine at or above [`NEAR_DUPLICATE`]); when that leaves
//! fewer than asked for, the skipped near-duplicates fill the gap, identical sentences
//! never. The title is never part of the summary, nor is a photo caption or credit, a
//! byline or an invitation to watch ([`score::unwanted`]). Presets scale with the
//! article.

use std::collections::HashSet;

use crate::document::Document;
use crate::options::{Length, Options};
use crate::order;
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
    let candidates = doc.sentences.len() - usize::from(analysis.title.is_some());
    let mut ranked: Vec<Chosen> = (0..doc.sentences.len())
        .filter(|&i| Some(i) != analysis.title && !score::unwanted(&analysis.signals[i]))
        .map(|i| Chosen { sentence: i, score: weights.score(&analysis.signals[i]) })
        .collect();
    let count = length(options, candidates);
    order::sort_by_key(&mut ranked, |c| order::descending(c.score.total) | c.sentence as u64);
    let mut texts: HashSet<&str> = HashSet::new();
    let mut chosen: Vec<Chosen> = Vec::with_capacity(count);
    let mut skipped: Vec<Chosen> = Vec::new();
    for candidate in ranked {
        if chosen.len() == count {
            break;
        }
        let vector = &analysis.vectors[candidate.sentence];
        if chosen.iter().any(|c| score::dot(vector, &analysis.vectors[c.sentence]) >= NEAR_DUPLICATE) {
            skipped.push(candidate);
        } else if texts.insert(doc.sentence_lower(candidate.sentence)) {
            chosen.push(candidate);
        }
    }
    for candidate in skipped {
        if chosen.len() == count {
            break;
        }
        if texts.insert(doc.sentence_lower(candidate.sentence)) {
            chosen.push(candidate);
        }
    }
    order::sort_by_key(&mut chosen, |c| c.sentence as u64);
    chosen
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::terms::Terms;

    fn summary(text: &str, options: &Options) -> Vec<usize> {
        let doc = Document::new(text);
        let analysis = score::analyse(&doc, &Terms::new(&doc));
        summarize(&doc, &analysis, Weights::fitted(), options).into_iter().map(|c| c.sentence).collect()
    }

    fn sentences(n: usize) -> Options {
        Options { sentences: Some(n), ..Options::default() }
    }

    #[test]
    fn presets_grow_with_the_article_and_never_exceed_it() {
        let preset = |length| Options { length, ..Options::default() };
        assert_eq!(length(&preset(Length::Short), 10), 2);
        assert_eq!(length(&preset(Length::Short), 40), 3);
        assert_eq!(length(&preset(Length::Medium), 10), 3);
        assert_eq!(length(&preset(Length::Long), 60), 10);
        assert_eq!(length(&preset(Length::Long), 4), 4);
        assert_eq!(length(&sentences(7), 3), 3);
    }

    #[test]
    fn identical_sentences_are_never_both_chosen_even_when_more_are_asked() {
        let text = "Giá xăng tăng mạnh. Giá xăng tăng mạnh. Hà Nội mưa to. Giá xăng tăng mạnh.";
        let chosen = summary(text, &sentences(4));
        assert_eq!(chosen.len(), 2, "{chosen:?}");
        assert!(chosen.contains(&2));
    }

    #[test]
    fn a_near_duplicate_waits_until_the_other_sentences_are_taken() {
        let text = "Điện Biên đã đẩy mạnh phát triển du lịch cộng đồng. \
                    Điện Biên đã đẩy mạnh phát triển du lịch cộng đồng bền vững. \
                    Tỉnh cũng chú trọng giữ gìn văn hóa các dân tộc.";
        assert_eq!(summary(text, &sentences(2)), [0, 2]);
        assert_eq!(summary(text, &sentences(3)), [0, 1, 2]);
    }

    #[test]
    fn the_title_is_never_chosen() {
        let text =
            "Điện Biên phát triển du lịch\n\nĐiện Biên đang phát triển du lịch cộng đồng. Tỉnh có nhiều bản đẹp.";
        assert_eq!(summary(text, &sentences(5)), [1, 2]);
    }
}
