//! Choosing the summary: a set of well-scored sentences that say different things, in
//! reading order.
//!
//! Sentences are taken one at a time, each time the one whose score less its
//! redundancy with those taken ([`REDUNDANCY`] times its highest cosine with one of
//! them) is highest, skipping any that repeats one already taken (same text, or
//! content-syllable cosine at or above [`NEAR_DUPLICATE`]); when that leaves fewer
//! than asked for, the skipped near-duplicates fill the gap, identical sentences
//! never. The title is never part of the summary, nor is a photo caption or credit, a
//! byline, an invitation to watch, a question or a sub-heading ([`score::unwanted`]);
//! a sentence that leans on the one before ([`score::leans_back`]) is taken only when
//! that one is. Presets scale with the article.

use crate::document::Document;
use crate::options::{Length, Options};
use crate::order;
use crate::score::{self, Analysis, Score, Weights};

/// Cosine of content-syllable vectors from which two sentences say the same thing.
pub const NEAR_DUPLICATE: f32 = 0.6;

/// What a sentence's cosine with one already taken costs it, with a title and of the
/// body alone: two sentences that say much the same tell the reader less than two
/// that do not. Chosen on news-train-20k's first 18,000 articles (`cargo xtask
/// fit-summary` prints the mean R1 under each of a few costs).
pub const REDUNDANCY: [f32; 2] = [6.0, 2.0];

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
    let titled = analysis.title.is_some();
    let totals: Vec<f32> = analysis.signals.iter().map(|s| weights.total(s, titled)).collect();
    let count = length(options, doc.sentences.len() - usize::from(titled));
    select(analysis, &totals, count, REDUNDANCY[usize::from(!titled)])
        .into_iter()
        .map(|sentence| Chosen { sentence, score: weights.score(&analysis.signals[sentence], titled) })
        .collect()
}

/// The `count` sentences of the summary of an article analysed as `analysis` whose
/// sentences score `totals`, with `redundancy` the cost of a cosine with a sentence
/// taken, in reading order: what [`summarize`] chooses, for a fit that tries many
/// weights on one analysis.
pub fn select(analysis: &Analysis, totals: &[f32], count: usize, redundancy: f32) -> Vec<usize> {
    let mut ranked: Vec<usize> = (0..totals.len())
        .filter(|&i| Some(i) != analysis.title && !analysis.repeats[i] && !score::unwanted(&analysis.signals[i]))
        .collect();
    order::sort_by_key(&mut ranked, |&i| order::descending(totals[i]) | i as u64);
    let mut chosen: Vec<usize> = Vec::with_capacity(count);
    let mut skipped = vec![false; totals.len()];
    while chosen.len() < count {
        let mut best: Option<(f32, usize)> = None;
        for &i in &ranked {
            // Redundancy only lowers a score, so none further down the ranking can win.
            if best.is_some_and(|(value, _)| totals[i] <= value) {
                break;
            }
            if chosen.contains(&i) || skipped[i] {
                continue;
            }
            if score::leans_back(&analysis.signals[i]) && !(i > 0 && chosen.contains(&(i - 1))) {
                continue;
            }
            let overlap =
                chosen.iter().map(|&c| score::dot(&analysis.vectors[i], &analysis.vectors[c])).fold(0.0, f32::max);
            if overlap >= NEAR_DUPLICATE {
                skipped[i] = true;
                continue;
            }
            let value = totals[i] - redundancy * overlap;
            if best.is_none_or(|(top, _)| value > top) {
                best = Some((value, i));
            }
        }
        match best {
            Some((_, i)) => chosen.push(i),
            None => break,
        }
    }
    let fill: Vec<usize> = ranked.iter().copied().filter(|&i| skipped[i]).take(count - chosen.len()).collect();
    chosen.extend(fill);
    order::sort_by_key(&mut chosen, |&i| i as u64);
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
        let text = "Giá xăng đã tăng mạnh. Giá xăng đã tăng mạnh. Hà Nội đang mưa to. Giá xăng đã tăng mạnh.";
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
