//! ROUGE-1, ROUGE-2 and ROUGE-L F1 on syllables, as the issue defines them: the text
//! in NFC, lower-cased, split into `\w+` runs; ROUGE-L is the longest common
//! subsequence of the whole summary against the whole reference. Beside them, ROUGE-1
//! recall, which F1 trades against length.

use std::collections::HashMap;

use unicode_normalization::UnicodeNormalization;

/// The `\w+` tokens of `text`, NFC and lower-cased.
pub fn tokens(text: &str) -> Vec<String> {
    let lower: String = text.nfc().collect::<String>().to_lowercase();
    lower.split(|c: char| !is_word(c)).filter(|t| !t.is_empty()).map(str::to_string).collect()
}

/// Unicode `\w`: letters, marks, decimal digits, connector punctuation and joiners.
fn is_word(c: char) -> bool {
    c.is_alphabetic()
        || c.is_numeric()
        || c == '_'
        || c == '\u{200C}'
        || c == '\u{200D}'
        || unicode_normalization::char::is_combining_mark(c)
}

/// F1 scores of one summary against one reference, and its ROUGE-1 recall.
#[derive(Debug, Clone, Copy)]
pub struct Scores {
    pub r1: f64,
    pub r2: f64,
    pub rl: f64,
    /// The share of the reference's syllables the summary holds: what a reader wanting
    /// the core fact asks, where F1 also pays for being short.
    pub r1_recall: f64,
}

/// ROUGE-1/2/L F1 and ROUGE-1 recall of `summary` against `reference`, both token lists.
pub fn scores(summary: &[String], reference: &[String]) -> Scores {
    let unigrams = overlap(&ngrams(summary, 1), &ngrams(reference, 1));
    Scores {
        r1: f1(unigrams, summary.len(), reference.len()),
        r1_recall: if unigrams == 0 { 0.0 } else { unigrams as f64 / reference.len() as f64 },
        r2: f1(
            overlap(&ngrams(summary, 2), &ngrams(reference, 2)),
            summary.len().saturating_sub(1),
            reference.len().saturating_sub(1),
        ),
        rl: f1(lcs(summary, reference), summary.len(), reference.len()),
    }
}

fn ngrams(tokens: &[String], n: usize) -> HashMap<&[String], usize> {
    let mut counts = HashMap::new();
    for gram in tokens.windows(n) {
        *counts.entry(gram).or_insert(0) += 1;
    }
    counts
}

fn overlap(a: &HashMap<&[String], usize>, b: &HashMap<&[String], usize>) -> usize {
    a.iter().map(|(gram, &n)| n.min(b.get(gram).copied().unwrap_or(0))).sum()
}

fn f1(hits: usize, predicted: usize, expected: usize) -> f64 {
    if hits == 0 {
        return 0.0;
    }
    let precision = hits as f64 / predicted as f64;
    let recall = hits as f64 / expected as f64;
    2.0 * precision * recall / (precision + recall)
}

/// Length of the longest common subsequence, in O(|a|·|b|) time and O(|b|) memory.
fn lcs(a: &[String], b: &[String]) -> usize {
    let mut row = vec![0usize; b.len() + 1];
    for x in a {
        let mut diagonal = 0;
        for (j, y) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = if x == y { diagonal + 1 } else { above.max(row[j]) };
            diagonal = above;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_nfc_lower_case_word_runs() {
        assert_eq!(tokens("Thủ tướng, \"ĐIỆN\" Biên-2023!"), ["thủ", "tướng", "điện", "biên", "2023"]);
        assert_eq!(tokens("Tho\u{301}"), tokens("Thó"));
    }

    #[test]
    fn scores_of_a_known_pair() {
        let reference = tokens("a b c d");
        let s = scores(&tokens("a b x d"), &reference);
        assert!((s.r1 - 0.75).abs() < 1e-9);
        assert!((s.r2 - 1.0 / 3.0).abs() < 1e-9);
        assert!((s.rl - 0.75).abs() < 1e-9);
        assert_eq!(scores(&[], &reference).r1, 0.0);
        let short = scores(&tokens("a b"), &reference);
        assert!((short.r1_recall - 0.5).abs() < 1e-9);
        assert!((short.r1 - 2.0 / 3.0).abs() < 1e-9);
        assert_eq!(scores(&reference, &[]).r1_recall, 0.0);
    }
}
