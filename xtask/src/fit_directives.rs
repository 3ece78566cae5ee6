//! `cargo xtask fit-directives`: fits the directive gate and writes
//! `data/directive-gate.txt`.
//!
//! Every annotated article of both sets is read by the rules; each candidate is an
//! example, labelled a directive when its sentence overlaps a gold directive's (the
//! scorer's sentence match). An averaged perceptron over the candidates' hashed
//! features (see `tomtat::directives::Gate`) learns the weights, which are scaled so the
//! largest is 127 and rounded. `eval-directives` cross-validates the same fit.

use tomtat::directives::{Gate, BUCKETS};

use crate::eval_directives::{self, is_directive, Read, SETS};

const OUTPUT: &str = "data/directive-gate.txt";
/// Passes over the examples.
const EPOCHS: usize = 5;
/// The largest weight after quantisation.
const SCALE: f64 = 127.0;

pub fn run(_args: &[String]) -> Result<(), String> {
    let sets =
        SETS.iter().map(|(_, texts, gold)| eval_directives::read_set(texts, gold)).collect::<Result<Vec<_>, _>>()?;
    let articles: Vec<&Read> = sets.iter().flatten().collect();
    let weights = weights(&articles);
    let examples: usize = articles.iter().map(|a| a.candidates.len()).sum();
    let mut out = format!(
        "# Weights of the directive gate (src/directives/gate.rs), one `bucket weight` line per\n\
         # non-zero bucket. Fitted by `cargo xtask fit-directives` (averaged perceptron, {EPOCHS} epochs,\n\
         # quantised to ±{SCALE}) on the {examples} candidates of the {} annotated articles of\n\
         # gov-directives-dev.jsonl and gov-directives-dev-2.jsonl (annotated for this project).\n",
        articles.len()
    );
    for (bucket, weight) in weights.iter().enumerate().filter(|(_, w)| **w != 0) {
        out.push_str(&format!("{bucket} {weight}\n"));
    }
    std::fs::write(OUTPUT, out).map_err(|e| format!("cannot write {OUTPUT}: {e}"))?;
    println!("{OUTPUT}: {} non-zero weights from {examples} candidates", weights.iter().filter(|w| **w != 0).count());
    Ok(())
}

/// The gate fitted on the candidates of `articles`.
pub fn fit(articles: &[&Read]) -> Gate {
    Gate::new(weights(articles))
}

/// Quantised averaged-perceptron weights over the candidates of `articles`.
fn weights(articles: &[&Read]) -> Vec<i32> {
    let examples: Vec<(&[u32], f64)> = articles
        .iter()
        .flat_map(|a| {
            a.candidates.iter().map(move |(c, f)| (f.as_slice(), if is_directive(a, c) { 1.0 } else { -1.0 }))
        })
        .collect();
    let (mut w, mut total) = (vec![0.0f64; BUCKETS], vec![0.0f64; BUCKETS]);
    // A fixed shuffle (a linear congruential order) so the fit is reproducible.
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut state: u64 = 0x2545_f491;
    for _ in 0..EPOCHS {
        for i in (1..order.len()).rev() {
            state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            order.swap(i, (state >> 33) as usize % (i + 1));
        }
        for &e in &order {
            let (features, label) = examples[e];
            let score: f64 = features.iter().map(|&f| w[f as usize]).sum();
            if label * score <= 0.0 {
                for &f in features {
                    w[f as usize] += label;
                }
            }
            for (t, x) in total.iter_mut().zip(&w) {
                *t += x;
            }
        }
    }
    let largest = total.iter().fold(0.0f64, |m, t| m.max(t.abs())).max(f64::EPSILON);
    total.iter().map(|t| (t / largest * SCALE).round() as i32).collect()
}
