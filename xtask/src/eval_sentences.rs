//! `cargo xtask eval-sentences [CONLLU]`: sentence-boundary F1 of tomtat's splitter.
//!
//! The protocol (issue 2): take the `# text` lines of a UD treebank, join each run of
//! 8 consecutive sentences with one space into a paragraph, split it, and compare the
//! sentence end positions ignoring whitespace. The peer `underthesea.sent_tokenize`
//! scores 97.1 F1 on VTB test this way.

use std::collections::BTreeSet;

const DEFAULT: &str = "../shared/data/ud-vi/vi_vtb-ud-test.conllu";
const RUN: usize = 8;

pub fn run(args: &[String]) -> Result<(), String> {
    let path = crate::path_arg(args, DEFAULT);
    let conllu = std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    let gold: Vec<&str> = conllu.lines().filter_map(|l| l.strip_prefix("# text =")).map(str::trim).collect();
    let (mut tp, mut predicted, mut expected) = (0usize, 0usize, 0usize);
    let mut misses = Vec::new();
    for group in gold.chunks(RUN) {
        let paragraph = group.join(" ");
        let gold_ends = ends(group.iter().copied());
        let digest = tomtat::digest(&paragraph, &tomtat::Options::default()).map_err(|e| e.to_string())?;
        let got_ends = ends(digest.sentences.iter().map(|s| s.text.as_str()));
        tp += gold_ends.intersection(&got_ends).count();
        predicted += got_ends.len();
        expected += gold_ends.len();
        if gold_ends != got_ends && misses.len() < 5 {
            misses.push(digest.sentences.iter().map(|s| s.text.clone()).collect::<Vec<_>>().join("\n  | "));
        }
    }
    let precision = tp as f64 / predicted.max(1) as f64;
    let recall = tp as f64 / expected.max(1) as f64;
    let f1 = 2.0 * precision * recall / (precision + recall).max(f64::EPSILON);
    if args.iter().any(|a| a == "--show") {
        for miss in &misses {
            println!("  | {miss}\n");
        }
    }
    println!("{path}: {} sentences in paragraphs of {RUN}", gold.len());
    println!("sentence boundaries: P {:.2}  R {:.2}  F1 {:.2}", 100.0 * precision, 100.0 * recall, 100.0 * f1);
    Ok(())
}

/// Positions of sentence ends counted in non-whitespace characters from the start.
fn ends<'a>(sentences: impl Iterator<Item = &'a str>) -> BTreeSet<usize> {
    let mut at = 0;
    sentences
        .map(|s| {
            at += s.chars().filter(|c| !c.is_whitespace()).count();
            at
        })
        .collect()
}
