//! `cargo xtask eval-sentences [CONLLU]`: sentence-boundary F1 of tomtat's splitter.
//!
//! The protocol (issue 2): take the `# text` lines of a UD treebank, join each run of
//! 8 consecutive sentences with one space into a paragraph, split it, and compare the
//! sentence end positions ignoring whitespace. The peer `underthesea.sent_tokenize`
//! scores 97.1 F1 on VTB test this way.

use std::collections::BTreeSet;

use crate::eval_words::{self, Counts};

const DEFAULT: &str = "../shared/data/ud-vi/vi_vtb-ud-test.conllu";
const RUN: usize = 8;

pub fn run(args: &[String]) -> Result<(), String> {
    let path = crate::path_arg(args, DEFAULT);
    let sentences = eval_words::read(path)?;
    let gold: Vec<&str> = sentences.iter().map(|s| s.text.as_str()).collect();
    let mut counts = Counts::default();
    let mut misses = Vec::new();
    for group in gold.chunks(RUN) {
        let paragraph = group.join(" ");
        let gold_ends = ends(group.iter().copied());
        let digest = tomtat::digest(&paragraph, &tomtat::Options::default()).map_err(|e| e.to_string())?;
        let got_ends = ends(digest.sentences.iter().map(|s| s.text.as_str()));
        counts.matched += gold_ends.intersection(&got_ends).count();
        counts.predicted += got_ends.len();
        counts.gold += gold_ends.len();
        if gold_ends != got_ends && misses.len() < 5 {
            misses.push(digest.sentences.iter().map(|s| s.text.clone()).collect::<Vec<_>>().join("\n  | "));
        }
    }
    let (precision, recall, f1) = counts.f1();
    if args.iter().any(|a| a == "--show") {
        for miss in &misses {
            println!("  | {miss}\n");
        }
    }
    println!("{path}: {} sentences in paragraphs of {RUN}", gold.len());
    println!("sentence boundaries: P {precision:.2}  R {recall:.2}  F1 {f1:.2}");
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
