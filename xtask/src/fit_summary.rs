//! `cargo xtask fit-summary [JSONL.gz] [--reading title|body] [--sentences N]
//! [--redundancy] [--feature NAME]`: fits the sentence-score weights of both readings at
//! each summary size (or of one reading, or one size, keeping the others; or the weight
//! of one feature alone, a new signal's, the others kept) and writes
//! `data/summary-weights.txt`; with `--redundancy`, fits only the costs of redundancy
//! under the weights compiled in, and prints them.
//!
//! The fit reads news-train-20k's first [`corpus::FIT_ARTICLES`] articles only: the
//! rest is the check set that `eval-summary` decides on, and news-dev is for
//! reporting. Every article is read twice, with its title and as the body alone, and
//! each reading is analysed once by the library (the same `score::analyse` the digest
//! runs); each sentence's syllables are kept as ids of the reference's syllables, so
//! an objective is sums of small counts. Then, for each reading and each summary size
//! apart (1, 2 and 3 sentences, each its own column of weights), coordinate ascent
//! ([`crate::ascent`]) from the weights compiled in (where the last fit stopped; a new
//! signal enters the table at 0) maximises the mean ROUGE-1 F1 against the sapos of the
//! summaries of that size that the library's `summary::select` chooses, with its cost
//! of redundancy, less a cost for summaries longer on average than [`LENGTH_BUDGET`].
//! `position.lead` stays at 1: scaling every weight changes nothing, so one is fixed;
//! `penalty.*` weights stay at or below 0, so a penalty part never speaks in favour.
//! Last (not with `--feature`), for 2 and 3 sentences, the cost of redundancy under the
//! weights reached, by the same ascent: `summary::REDUNDANCY` is set from it (and the
//! fit run again when it moves far); longer summaries keep theirs.

use std::collections::HashMap;

use tomtat::score::{self, Signals, Weights, FEATURES};
use tomtat::summary;

use crate::corpus;
use crate::rouge;

const OUTPUT: &str = "data/summary-weights.txt";
const FIXED: &str = "position.lead";
/// The summary sizes fitted, each in its own column of weights (3 stands for longer
/// summaries too).
const SENTENCES: [usize; score::SIZES] = [1, 2, 3];
/// The most times the ascent starts its steps over.
const ROUNDS: usize = 2;
/// The most mean syllables of 1-, 2- and 3-sentence summaries, with a title and of the
/// body alone: those of the summaries of main `5ebb0b1` (38.0, 62.6, 84.4 and 38.1,
/// 63.2, 85.6 on the check set) plus 10 %, less a margin of 2 % for articles the fit
/// never saw.
const LENGTH_BUDGET: [[f64; score::SIZES]; 2] = [[41.0, 67.6, 91.2], [41.1, 68.3, 92.4]];
/// What a syllable over the budget costs the objective, in points of R1.
const OVER_BUDGET: f64 = 0.5;

/// One reading of a training article, analysed, with its sentences as reference
/// syllable ids.
struct Example {
    analysis: score::Analysis,
    /// Each sentence's syllables that the reference has, as ids into `reference`.
    hits: Vec<Vec<u16>>,
    /// Each sentence's number of syllables.
    lengths: Vec<usize>,
    /// How often the reference has each of its syllables.
    reference: Vec<u16>,
    /// The reference's number of syllables.
    reference_length: usize,
}

impl Example {
    fn new(text: &str, summary: &str) -> Example {
        let doc = tomtat::Document::new(text);
        let analysis = score::analyse(&doc, &tomtat::terms::Terms::new(&doc));
        let mut ids: HashMap<String, u16> = HashMap::new();
        let mut reference: Vec<u16> = Vec::new();
        let reference_tokens = rouge::tokens(summary);
        for token in &reference_tokens {
            let next = ids.len() as u16;
            let id = *ids.entry(token.clone()).or_insert(next);
            if usize::from(id) == reference.len() {
                reference.push(0);
            }
            reference[usize::from(id)] += 1;
        }
        let (hits, lengths) = (0..doc.sentences.len())
            .map(|i| {
                let tokens = rouge::tokens(&doc.span(doc.sentences[i].range.clone()).text);
                (tokens.iter().filter_map(|t| ids.get(t).copied()).collect(), tokens.len())
            })
            .unzip();
        Example { analysis, hits, lengths, reference, reference_length: reference_tokens.len() }
    }

    /// R1 F1 of the summary of `chosen` sentences; `counts` is scratch of the
    /// reference's size or more, all zero, and left so.
    fn r1(&self, chosen: &[usize], counts: &mut [u16]) -> f64 {
        let mut hits = 0usize;
        let mut length = 0usize;
        for &i in chosen {
            length += self.lengths[i];
            for &id in &self.hits[i] {
                let id = usize::from(id);
                counts[id] += 1;
                hits += usize::from(counts[id] <= self.reference[id]);
            }
        }
        for &i in chosen {
            for &id in &self.hits[i] {
                counts[usize::from(id)] = 0;
            }
        }
        if hits == 0 {
            0.0
        } else {
            2.0 * hits as f64 / (length + self.reference_length) as f64
        }
    }

    /// R1 of the summary of `n` sentences under `weights`, and its length in syllables.
    fn summary_r1(&self, weights: &Signals, redundancy: f32, n: usize, counts: &mut [u16]) -> (f64, usize) {
        let candidates = self.lengths.len() - usize::from(self.analysis.title.is_some());
        let chosen = summary::select(&self.analysis, weights, n.min(candidates), redundancy);
        (self.r1(&chosen, counts), chosen.iter().map(|&i| self.lengths[i]).sum())
    }
}

/// Mean objective (in percent) of the `n`-sentence summaries of `examples` under
/// `weights`, on two threads: the mean R1, less [`OVER_BUDGET`] for each syllable by
/// which their mean length exceeds `budget`.
fn objective(examples: &[Example], weights: &Signals, redundancy: f32, n: usize, budget: f64) -> f64 {
    let part = |part: &[Example]| -> (f64, usize) {
        let size = part.iter().map(|e| e.reference.len()).max().unwrap_or(0);
        let mut counts = vec![0u16; size];
        part.iter().fold((0.0, 0), |(r1, length), e| {
            let (r, l) = e.summary_r1(weights, redundancy, n, &mut counts);
            (r1 + r, length + l)
        })
    };
    let (first, second) = examples.split_at(examples.len() / 2);
    let ((r1, length), (other_r1, other_length)) = std::thread::scope(|scope| {
        let other = scope.spawn(|| part(second));
        (part(first), other.join().unwrap_or((f64::NAN, 0)))
    });
    let articles = examples.len().max(1) as f64;
    100.0 * (r1 + other_r1) / articles - OVER_BUDGET * ((length + other_length) as f64 / articles - budget).max(0.0)
}

/// Fits the cost of redundancy of the `n`-sentence summaries of `examples` under
/// `weights` by coordinate ascent from `start` (at least 0), whose objective is `before`
/// (the caller has it: a fresh one is a pass over every example), and prints it: the
/// cost that `summary::REDUNDANCY` holds for that reading and size.
fn fit_redundancy(examples: &[Example], weights: &Signals, (start, before): (f32, f64), n: usize, budget: f64) {
    // The fixed index is past the end: the one cost moves.
    let ([cost], best) = crate::ascent::ascend(
        ([start], before),
        &["redundancy"],
        1,
        ROUNDS,
        |_, cost| cost >= 0.0,
        |costs| objective(examples, weights, costs[0], n, budget),
    );
    println!("  {n} sentences: cost of redundancy {start} ({before:.3}) -> {cost:.3} ({best:.3})");
}

pub fn run(args: &[String]) -> Result<(), String> {
    // `--reading title|body` and `--sentences N` fit those columns alone, keeping the
    // others. An option not read here would refit every column and overwrite them all:
    // the `--body-only` of the table's earlier fits is `--reading body` now.
    let mut reading_only = None;
    let mut size_only = None;
    let mut costs_only = false;
    let mut feature_only = None;
    let mut path = corpus::TRAIN_20K;
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--reading" => {
                reading_only = match args.next().map(String::as_str) {
                    Some("title") => Some(0),
                    Some("body") => Some(1),
                    other => return Err(format!("--reading takes title or body, not `{}`", other.unwrap_or(""))),
                }
            }
            "--sentences" => {
                let n = args.next().map_or("", String::as_str);
                size_only =
                    Some(n.parse::<usize>().ok().filter(|n| SENTENCES.contains(n)).ok_or(format!(
                        "--sentences takes 1, 2 or 3 (3 stands for longer summaries too), not `{n}`"
                    ))?);
            }
            "--redundancy" => costs_only = true,
            "--feature" => {
                let name = args.next().map_or("", String::as_str);
                if name == FIXED {
                    return Err(format!("--feature: {FIXED} stays at 1 (it sets the scale), so it is never fitted"));
                }
                feature_only = Some(FEATURES.iter().position(|f| *f == name).ok_or(format!(
                    "--feature takes a feature named in {OUTPUT} (as penalty.quote), not `{name}`"
                ))?);
            }
            flag if flag.starts_with("--") => {
                return Err(format!(
                    "unknown option `{flag}` (one reading alone: --reading title|body; the costs of redundancy alone: --redundancy; one weight alone: --feature NAME)"
                ))
            }
            other => path = other,
        }
    }
    if path != corpus::TRAIN_20K {
        return Err(format!("fit-summary fits on {} only, not {path}", corpus::TRAIN_20K));
    }
    if costs_only && feature_only.is_some() {
        return Err("--redundancy fits the costs of redundancy and --feature one weight: ask for one".to_string());
    }
    let mut articles: Vec<corpus::Article> = corpus::read(path)?;
    articles.truncate(corpus::FIT_ARTICLES);
    let start = Weights::fitted();
    let fixed = FEATURES.iter().position(|f| *f == FIXED).ok_or("no fixed feature")?;
    // Penalties never speak in favour; with `--feature`, only that weight moves.
    let allowed = |k: usize, value: f32| {
        (!FEATURES[k].starts_with("penalty.") || value <= 0.0) && feature_only.is_none_or(|only| k == only)
    };
    let mut fitted = start.0;
    let mut lines = Vec::new();
    for (reading, name) in ["with title", "body only"].iter().enumerate() {
        if reading_only.is_some_and(|r| r != reading) {
            continue;
        }
        let clock = std::time::Instant::now();
        let examples: Vec<Example> = articles
            .iter()
            .map(|a| Example::new(&if reading == 0 { a.text() } else { a.body.clone() }, &a.summary))
            .collect();
        println!("{name}: {} articles analysed in {:.0} s", examples.len(), clock.elapsed().as_secs_f64());
        for (c, &n) in SENTENCES.iter().enumerate() {
            if size_only.is_some_and(|s| s != n) {
                continue;
            }
            let column = Weights::column(reading == 0, n);
            let budget = LENGTH_BUDGET[reading][c];
            let redundancy = summary::redundancy(reading == 0, n);
            // A summary of one sentence has no pair to cost.
            if costs_only && n == 1 {
                continue;
            }
            let before = objective(&examples, &start.0[column], redundancy, n, budget);
            if costs_only {
                fit_redundancy(&examples, &start.0[column], (redundancy, before), n, budget);
                continue;
            }
            println!("  {n} sentences: before {before:.3}");
            let evaluations = std::cell::Cell::new(0usize);
            let clock = std::time::Instant::now();
            let (weights, best) =
                crate::ascent::ascend((start.0[column], before), &FEATURES, fixed, ROUNDS, allowed, |w| {
                    evaluations.set(evaluations.get() + 1);
                    objective(&examples, w, redundancy, n, budget)
                });
            println!("  {} objectives in {:.0} s", evaluations.get(), clock.elapsed().as_secs_f64());
            fitted[column] = weights;
            lines.push(format!("{name} at {n} {before:.2} -> {best:.2}"));
            // One feature fitted alone is a new signal's quick fit: the costs of
            // redundancy, fitted under every weight, stay.
            if n > 1 && feature_only.is_none() {
                fit_redundancy(&examples, &weights, (redundancy, best), n, budget);
            }
        }
    }
    if costs_only {
        return Ok(());
    }
    let mut out = format!(
        "# Sentence-score weights of src/score.rs: `feature with-title-1 with-title-2 with-title-3 body-only-1\n\
         # body-only-2 body-only-3` lines, one per feature: a column for each reading and summary size\n\
         # (3 also for longer summaries). Fitted by `cargo xtask fit-summary` on news-train-20k's first {}\n\
         # articles (never its last 2,000, the check set, nor news-dev): coordinate ascent from the weights\n\
         # before, each column apart, maximising the mean ROUGE-1 F1 of the summaries of its size against\n\
         # the sapos, chosen with summary::REDUNDANCY {:?} (last fit: {});\n\
         # {FIXED} fixed at 1 (the scale), penalties at most 0.\n\
         # Signals that never occur in the training bodies (one paragraph each; no invitations, no\n\
         # sub-headings) keep the weights they entered with.\n",
        articles.len(),
        summary::REDUNDANCY,
        lines.join(", ")
    );
    for (k, name) in FEATURES.iter().enumerate() {
        let values: Vec<String> = fitted.iter().map(|column| format!("{:.3}", column[k] + 0.0)).collect();
        out.push_str(&format!("{name} {}\n", values.join(" ")));
    }
    crate::build::write_file(std::path::Path::new(OUTPUT), &out)?;
    println!("{OUTPUT}: written");
    Ok(())
}
