//! `cargo xtask fit-summary [JSONL.gz] [--body-only]`: fits the sentence-score weights
//! of both readings (or of the body alone, keeping the weights with a title) and writes
//! `data/summary-weights.txt`.
//!
//! The fit reads news-train-20k's first [`corpus::FIT_ARTICLES`] articles only: the
//! rest is the check set that `eval-summary` decides on, and news-dev is for
//! reporting. Every article is read twice, with its title and as the body alone, and
//! each reading is analysed once by the library (the same `score::analyse` the digest
//! runs); each sentence's syllables are kept as ids of the reference's syllables, so
//! an objective is sums of small counts. Then, for each reading apart, coordinate
//! ascent ([`crate::ascent`]) from the weights compiled in (where the last fit stopped;
//! a new signal enters the table at 0) maximises the mean ROUGE-1 F1 against the
//! sapos of the 1-, 2- and 3-sentence summaries that the library's `summary::select`
//! chooses, with its cost of redundancy, less a cost for summaries longer on average
//! than [`LENGTH_BUDGET`]. `position.lead` stays at 1: scaling every weight changes
//! nothing, so one is fixed; `penalty.*` weights stay at or below 0, so a penalty part
//! never speaks in favour. Last, the summaries' mean R1 under a few costs of
//! redundancy, which `summary::REDUNDANCY` is chosen from (and the fit run again).

use std::collections::HashMap;

use tomtat::score::{self, Signals, Weights, FEATURES};
use tomtat::summary;

use crate::corpus;
use crate::rouge;

const OUTPUT: &str = "data/summary-weights.txt";
const FIXED: &str = "position.lead";
/// The summary lengths whose mean R1 is maximised.
const SENTENCES: [usize; 3] = [1, 2, 3];
/// The most times the ascent starts its steps over.
const ROUNDS: usize = 2;
/// The costs of redundancy tried once the weights are fitted.
const REDUNDANCIES: [f32; 7] = [0.0, 1.0, 2.0, 4.0, 6.0, 8.0, 12.0];
/// The most mean syllables of 1-, 2- and 3-sentence summaries, with a title and of the
/// body alone: those of the summaries of main `8bffe57` (35.7, 65.3, 92.6 and 38.0,
/// 63.0, 86.1 on the check set) plus 10 %, less a margin of 2 % for articles the fit
/// never saw.
const LENGTH_BUDGET: [[f64; 3]; 2] = [[38.6, 70.5, 100.0], [41.0, 68.0, 93.0]];
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

    /// Mean R1 of the summaries of [`SENTENCES`] sentences under `weights`, and the
    /// length of each in syllables.
    fn objective(&self, weights: &Signals, redundancy: f32, counts: &mut [u16]) -> (f64, [usize; SENTENCES.len()]) {
        let candidates = self.lengths.len() - usize::from(self.analysis.title.is_some());
        let mut lengths = [0; SENTENCES.len()];
        let mut r1 = 0.0;
        for (c, &n) in SENTENCES.iter().enumerate() {
            let chosen = summary::select(&self.analysis, weights, n.min(candidates), redundancy);
            lengths[c] = chosen.iter().map(|&i| self.lengths[i]).sum();
            r1 += self.r1(&chosen, counts);
        }
        (r1 / SENTENCES.len() as f64, lengths)
    }
}

/// Mean objective (in percent) of `examples` under `weights`, on two threads: the mean
/// R1, less [`OVER_BUDGET`] for each syllable by which the mean length of the summaries
/// of a size exceeds its `budget`.
fn objective(examples: &[Example], weights: &Signals, redundancy: f32, budget: &[f64; 3]) -> f64 {
    let part = |part: &[Example]| -> (f64, [usize; 3]) {
        let size = part.iter().map(|e| e.reference.len()).max().unwrap_or(0);
        let mut counts = vec![0u16; size];
        part.iter().fold((0.0, [0; 3]), |(r1, mut lengths), e| {
            let (r, l) = e.objective(weights, redundancy, &mut counts);
            lengths.iter_mut().zip(l).for_each(|(sum, l)| *sum += l);
            (r1 + r, lengths)
        })
    };
    let (first, second) = examples.split_at(examples.len() / 2);
    let ((r1, lengths), (other_r1, other_lengths)) = std::thread::scope(|scope| {
        let other = scope.spawn(|| part(second));
        (part(first), other.join().unwrap_or((f64::NAN, [0; 3])))
    });
    let n = examples.len().max(1) as f64;
    let over: f64 = (0..3).map(|c| ((lengths[c] + other_lengths[c]) as f64 / n - budget[c]).max(0.0)).sum();
    100.0 * (r1 + other_r1) / n - OVER_BUDGET * over
}

pub fn run(args: &[String]) -> Result<(), String> {
    // `--body-only` refits the reading without a title alone, keeping the other's weights.
    let body_only = args.iter().any(|a| a == "--body-only");
    let path = crate::path_arg(args, corpus::TRAIN_20K);
    if path != corpus::TRAIN_20K {
        return Err(format!("fit-summary fits on {} only, not {path}", corpus::TRAIN_20K));
    }
    let mut articles: Vec<corpus::Article> = corpus::read(path)?;
    articles.truncate(corpus::FIT_ARTICLES);
    let start = Weights::fitted();
    let fixed = FEATURES.iter().position(|f| *f == FIXED).ok_or("no fixed feature")?;
    let penalty = |k: usize, value: f32| !FEATURES[k].starts_with("penalty.") || value <= 0.0;
    let mut fitted = start.0;
    let mut lines = Vec::new();
    for (reading, name) in ["with title", "body only"].iter().enumerate() {
        if body_only && reading == 0 {
            lines.push(format!("{name} kept"));
            continue;
        }
        let clock = std::time::Instant::now();
        let examples: Vec<Example> = articles
            .iter()
            .map(|a| Example::new(&if reading == 0 { a.text() } else { a.body.clone() }, &a.summary))
            .collect();
        let analysed = clock.elapsed().as_secs_f64();
        let before = objective(&examples, &start.0[reading], summary::REDUNDANCY[reading], &LENGTH_BUDGET[reading]);
        println!(
            "{name}: {} articles analysed in {analysed:.0} s, one objective in {:.2} s; before: mean R1 of 1-3 \
             sentences {before:.3}",
            examples.len(),
            clock.elapsed().as_secs_f64() - analysed
        );
        let evaluations = std::cell::Cell::new(0usize);
        let clock = std::time::Instant::now();
        let (weights, best) = crate::ascent::ascend(start.0[reading], &FEATURES, fixed, ROUNDS, penalty, |w| {
            evaluations.set(evaluations.get() + 1);
            objective(&examples, w, summary::REDUNDANCY[reading], &LENGTH_BUDGET[reading])
        });
        println!("  {} objectives in {:.0} s", evaluations.get(), clock.elapsed().as_secs_f64());
        fitted[reading] = weights;
        lines.push(format!("{name} {before:.2} -> {best:.2}"));
        for redundancy in REDUNDANCIES {
            let objective = objective(&examples, &weights, redundancy, &LENGTH_BUDGET[reading]);
            println!("  redundancy {redundancy}: {objective:.3}");
        }
    }
    let mut out = format!(
        "# Sentence-score weights of src/score.rs: `feature with-title body-only` lines, one per feature.\n\
         # Fitted by `cargo xtask fit-summary` on news-train-20k's first {} articles (never its last 2,000,\n\
         # the check set, nor news-dev): coordinate ascent from the weights before, each reading apart,\n\
         # maximising the mean ROUGE-1 F1 of 1-, 2- and 3-sentence summaries against the sapos, chosen\n\
         # with summary::REDUNDANCY {:?} ({});\n\
         # {FIXED} fixed at 1 (the scale), penalties at most 0.\n\
         # Signals that never occur in the training bodies (one paragraph each; no invitations, no\n\
         # sub-headings) keep the weights they entered with.\n",
        articles.len(),
        summary::REDUNDANCY,
        lines.join(", ")
    );
    for (k, name) in FEATURES.iter().enumerate() {
        out.push_str(&format!("{name} {:.3} {:.3}\n", fitted[0][k] + 0.0, fitted[1][k] + 0.0));
    }
    crate::build::write_file(std::path::Path::new(OUTPUT), &out)?;
    println!("{OUTPUT}: written");
    Ok(())
}
