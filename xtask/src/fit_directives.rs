//! `cargo xtask fit-directives`: fits the directive decision (`data/directive-weights.txt`,
//! read by src/directives/decision.rs) on the four annotated sets.
//!
//! Each candidate the rules propose is an example: positive when it matches a gold
//! directive as `eval-directives` scores it. A logistic regression over the
//! candidates' features (those seen in `MIN_COUNT` candidates, read by their hashes as
//! the digest reads them, named in the table's comments) is fitted by
//! stochastic gradient descent with L2 decay; the threshold is chosen for precision on
//! out-of-fold scores (5-fold by article inside the training articles): the highest
//! sentence F0.5, which weighs precision twice as much as recall, as a wrong directive
//! costs the reader more than a missing one.
//! Weights and threshold are stored as integers (logit times `decision::SCALE`).

use std::collections::{BTreeMap, BTreeSet, HashMap};

use tomtat::directives::decision::{Model, SCALE};
use tomtat::directives::HASH_BITS;

use crate::eval_directives::{self, Read, FOLDS, SETS};

/// Where the fitted table goes.
const OUT: &str = "data/directive-weights.txt";
/// Passes over the examples.
const EPOCHS: usize = 40;
/// The step of gradient descent.
const RATE: f64 = 0.05;
/// L2 decay per step of the weights a step touches.
const DECAY: f64 = 0.1;
/// How many candidates must have a feature for it to get a weight.
const MIN_COUNT: usize = 6;
/// The smallest weight kept in the table (in units of the logit times SCALE): the
/// smaller ones barely move a score and each costs bytes in every reader's wasm.
const MIN_WEIGHT: i32 = 12;

/// A fitted decision: the model and its table.
pub struct Fitted {
    /// The decision as the crate reads it.
    pub model: Model,
    /// The table's text (`data/directive-weights.txt`).
    pub table: String,
    /// The out-of-fold scores of the candidates with their labels, best first.
    out_of_fold: Vec<(f64, bool)>,
    /// The gold directives of the articles.
    gold: usize,
    /// How many weights the table holds.
    weights: usize,
}

pub fn run(_args: &[String]) -> Result<(), String> {
    let sets = eval_directives::read_all()?;
    let all: Vec<&Read> = sets.iter().flat_map(|(_, set)| set).collect();
    let fitted = fit(&all);
    crate::build::write_file(std::path::Path::new(OUT), &fitted.table)?;
    println!("{OUT}: {} weights; `cargo xtask eval-directives` scores it, cross-validated", fitted.weights);
    println!("out-of-fold candidates shown, best first: precision and recall (of {} gold directives)", fitted.gold);
    let mut matched = 0;
    for (shown, (score, label)) in fitted.out_of_fold.iter().enumerate() {
        matched += usize::from(*label);
        if (shown + 1) % 100 == 0 || shown + 1 == fitted.out_of_fold.len() {
            let (p, r) = (100.0 * matched as f64 / (shown + 1) as f64, 100.0 * matched as f64 / fitted.gold as f64);
            println!("  {:>5} shown  P {p:>5.1}  R {r:>5.1}  logit >= {score:.2}", shown + 1);
        }
    }
    Ok(())
}

/// One candidate as the fit reads it.
struct Example {
    /// Indices of its features in the vocabulary.
    features: Vec<usize>,
    label: bool,
    /// The article it comes from, for folds.
    article: usize,
}

/// Fits the decision on `articles`.
pub fn fit(articles: &[&Read]) -> Fitted {
    // The vocabulary is of hashes, as the decision reads them: features that share one
    // share a weight, and the table names them all. Each hash, in order, with how many
    // candidates have it and the names that hash to it.
    let mut seen: BTreeMap<u32, (usize, BTreeSet<&str>)> = BTreeMap::new();
    for article in articles {
        for (hashes, named) in article.hashes().zip(article.features()) {
            for (&h, name) in hashes.iter().zip(named) {
                let (count, names) = seen.entry(h).or_default();
                *count += 1;
                names.insert(name);
            }
        }
    }
    let vocabulary: Vec<u32> = seen.iter().filter(|(_, (n, _))| *n >= MIN_COUNT).map(|(h, _)| *h).collect();
    let index: HashMap<u32, usize> = vocabulary.iter().enumerate().map(|(i, h)| (*h, i)).collect();
    let mut examples = Vec::new();
    for (a, article) in articles.iter().enumerate() {
        for (hashes, label) in article.hashes().zip(article.labels()) {
            let mut features: Vec<usize> = hashes.iter().filter_map(|h| index.get(h).copied()).collect();
            features.sort_unstable();
            features.dedup();
            examples.push(Example { features, label, article: a });
        }
    }
    // Out-of-fold scores for the threshold.
    let mut scored = Vec::new();
    for fold in 0..FOLDS {
        let training: Vec<&Example> = examples.iter().filter(|e| e.article % FOLDS != fold).collect();
        let weights = train(&training, vocabulary.len());
        scored.extend(
            examples.iter().filter(|e| e.article % FOLDS == fold).map(|e| (logit(&weights, &e.features), e.label)),
        );
    }
    let gold = articles.iter().map(|a| a.gold()).sum();
    let threshold = choose_threshold(&mut scored, gold);
    let weights = train(&examples.iter().collect::<Vec<_>>(), vocabulary.len());
    let kept: Vec<(u32, i32, String)> = vocabulary
        .iter()
        .zip(&weights)
        .map(|(h, w)| (*h, quantise(*w), seen[h].1.iter().copied().collect::<Vec<_>>().join(" | ")))
        .filter(|(_, w, _)| w.abs() >= MIN_WEIGHT)
        .collect();
    let table = format!(
        "# Directive decision (src/directives/decision.rs): logistic regression over the candidate features of\n\
         # src/directives/features.rs, fitted by `cargo xtask fit-directives` on the annotated sets ({}),\n\
         # {} articles, {} candidates ({} match a gold directive), features seen in {MIN_COUNT}+ candidates,\n\
         # weights under {MIN_WEIGHT} in size left out.\n\
         # SGD, {EPOCHS} epochs, L2 decay {DECAY}; weights are the logit times {SCALE}. The threshold: the highest\n\
         # sentence F0.5 (precision weighed twice) on 5-fold out-of-fold scores. Rebuild with the same command.\n\
         # Each line is WEIGHT STEP: the weight of the features whose name hashes (`directives::feature_hash`,\n\
         # {HASH_BITS} bits) to the key of the line before plus STEP; their names are in the comment above it.\n\
         {}",
        SETS.iter().map(|(_, texts, _)| texts.trim_start_matches("../shared/data/")).collect::<Vec<_>>().join(", "),
        articles.len(),
        examples.len(),
        examples.iter().filter(|e| e.label).count(),
        Model::table(quantise(threshold), &kept),
    );
    let model = Model::parse(&table).expect("the table is written as the crate reads it");
    Fitted { model, table, out_of_fold: scored, gold, weights: kept.len() }
}

/// Weights over the vocabulary fitted on `examples`, visited in a fixed shuffled order.
fn train(examples: &[&Example], size: usize) -> Vec<f64> {
    let mut weights = vec![0.0; size];
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    for epoch in 0..EPOCHS {
        shuffle(&mut order, &mut seed);
        let rate = RATE / (1.0 + epoch as f64 / 10.0);
        for &e in &order {
            let example = examples[e];
            let p = 1.0 / (1.0 + (-logit(&weights, &example.features)).exp());
            let error = f64::from(u8::from(example.label)) - p;
            for &f in &example.features {
                weights[f] += rate * (error - DECAY * weights[f]);
            }
        }
    }
    weights
}

/// Shuffles `items` in place (Fisher-Yates) with the linear congruential generator
/// at `seed`, which it moves on: the same seed gives the same order.
pub fn shuffle<T>(items: &mut [T], seed: &mut u64) {
    for i in (1..items.len()).rev() {
        *seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        items.swap(i, (*seed >> 33) as usize % (i + 1));
    }
}

fn logit(weights: &[f64], features: &[usize]) -> f64 {
    features.iter().map(|&f| weights[f]).sum()
}

fn quantise(w: f64) -> i32 {
    (w * SCALE).round() as i32
}

/// The logit threshold for out-of-fold `scored` candidates (score, label) against
/// `gold` directives: the one of the highest F0.5.
fn choose_threshold(scored: &mut [(f64, bool)], gold: usize) -> f64 {
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    let mut best = (f64::MIN, f64::INFINITY);
    let mut matched = 0;
    for (shown, &(score, label)) in scored.iter().enumerate() {
        matched += usize::from(label);
        let (p, r) = (matched as f64 / (shown + 1) as f64, matched as f64 / gold.max(1) as f64);
        let f_half = 1.25 * p * r / (0.25 * p + r).max(f64::EPSILON);
        if f_half > best.0 {
            best = (f_half, score);
        }
    }
    best.1
}
