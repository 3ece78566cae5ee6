//! `cargo xtask fit-directives`: fits the directive decision (`data/directive-weights.txt`,
//! read by src/directives/decision.rs) on the four annotated sets.
//!
//! Each candidate the rules propose is an example: positive when it matches a gold
//! directive as `eval-directives` scores it. A logistic regression over the
//! candidates' features (those seen in `MIN_COUNT` candidates, read by their hashes as
//! the digest reads them, named in the table's comments) is fitted by Newton's method
//! to the minimum of its loss with an L2 penalty, which is unique: the same candidates
//! give the same weights whatever their order. The threshold is chosen for precision
//! on out-of-fold scores (5-fold by article inside the training articles): the highest
//! sentence F0.5, which weighs precision twice as much as recall, as a wrong directive
//! costs the reader more than a missing one.
//! Weights and threshold are stored as integers (logit times `decision::SCALE`).

use std::collections::{BTreeMap, BTreeSet, HashMap};

use tomtat::directives::decision::{Model, SCALE};
use tomtat::directives::HASH_BITS;

use crate::eval_directives::{self, Read, FOLDS, SETS};

/// Where the fitted table goes.
const OUT: &str = "data/directive-weights.txt";
/// At most this many steps of Newton's method.
const NEWTON_STEPS: usize = 50;
/// At most this many conjugate-gradient steps per Newton step.
const CG_STEPS: usize = 100;
/// The size of the gradient at which the fit has converged.
const TOLERANCE: f64 = 1e-6;
/// The L2 penalty: half of it times the sum of the squared weights is added to the
/// logistic loss summed over the candidates. Chosen by the cross-validated average
/// precision of `eval-directives` (1: 83.0, 3: 83.7, 4: 83.8, 6: 83.8, 12: 83.6).
const L2: f64 = 4.0;
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
         # L2 penalty {L2}, fitted by Newton's method; weights are the logit times {SCALE}. The threshold: the highest\n\
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

/// Weights over the vocabulary fitted on `examples`: those that minimise the logistic
/// loss plus an L2 penalty, found by Newton's method, each step solved by conjugate
/// gradients on Hessian-vector products (no matrix is formed). The objective is convex
/// with one minimum, so the same examples give the same weights in any order.
fn train(examples: &[&Example], size: usize) -> Vec<f64> {
    let objective = |w: &[f64]| -> f64 {
        let loss: f64 = examples
            .iter()
            .map(|e| {
                let z = logit(w, &e.features);
                let log_one_plus = if z > 0.0 { z + (-z).exp().ln_1p() } else { z.exp().ln_1p() };
                log_one_plus - if e.label { z } else { 0.0 }
            })
            .sum();
        loss + 0.5 * L2 * dot(w, w)
    };
    let mut weights = vec![0.0; size];
    let mut value = objective(&weights);
    for _ in 0..NEWTON_STEPS {
        // The gradient, and each example's curvature p (1 - p).
        let mut gradient: Vec<f64> = weights.iter().map(|w| L2 * w).collect();
        let mut curvature = Vec::with_capacity(examples.len());
        for e in examples {
            let p = 1.0 / (1.0 + (-logit(&weights, &e.features)).exp());
            let error = p - f64::from(u8::from(e.label));
            for &f in &e.features {
                gradient[f] += error;
            }
            curvature.push(p * (1.0 - p));
        }
        let norm = dot(&gradient, &gradient).sqrt();
        if norm < TOLERANCE {
            break;
        }
        let hessian_times = |v: &[f64]| -> Vec<f64> {
            let mut out: Vec<f64> = v.iter().map(|v| L2 * v).collect();
            for (e, c) in examples.iter().zip(&curvature) {
                let along = c * logit(v, &e.features);
                for &f in &e.features {
                    out[f] += along;
                }
            }
            out
        };
        let direction = conjugate_gradients(hessian_times, &gradient, 0.1 * norm);
        // Backtracking until the objective falls enough (Armijo).
        let slope = -dot(&gradient, &direction);
        let mut step = 1.0;
        loop {
            let trial: Vec<f64> = weights.iter().zip(&direction).map(|(w, d)| w - step * d).collect();
            let trial_value = objective(&trial);
            if trial_value <= value + 1e-4 * step * slope || step < 1e-8 {
                weights = trial;
                value = trial_value;
                break;
            }
            step /= 2.0;
        }
    }
    weights
}

/// `x` with `times(x)` close to `b` (within `tolerance` of it), for a symmetric positive
/// definite `times`, by conjugate gradients from zero.
fn conjugate_gradients(times: impl Fn(&[f64]) -> Vec<f64>, b: &[f64], tolerance: f64) -> Vec<f64> {
    let mut x = vec![0.0; b.len()];
    let mut residual = b.to_vec();
    let mut direction = residual.clone();
    let mut squared = dot(&residual, &residual);
    for _ in 0..b.len().min(CG_STEPS) {
        if squared.sqrt() <= tolerance {
            break;
        }
        let along = times(&direction);
        let alpha = squared / dot(&direction, &along);
        for k in 0..x.len() {
            x[k] += alpha * direction[k];
            residual[k] -= alpha * along[k];
        }
        let next = dot(&residual, &residual);
        for k in 0..x.len() {
            direction[k] = residual[k] + next / squared * direction[k];
        }
        squared = next;
    }
    x
}

fn dot(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(a, b)| a * b).sum()
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
