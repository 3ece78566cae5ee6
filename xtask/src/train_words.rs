//! `cargo xtask train-words`: fits the word segmenter's model (`data/words.bin`).
//!
//! Training data: UD Vietnamese-VTB train and dev, nothing else (test is for
//! `eval-words` only), and the word list of the `pyvi` package (MIT licence), fetched
//! from PyPI with pip unless `--lexicon FILE` names a copy. Every gap between two
//! syllable tokens that the segmenter does not decide by rule is one example: a word
//! boundary or not. Logistic regression (AdaGrad, L2) fits one weight per hashed
//! feature; features seen fewer than [`MIN_FEATURE_COUNT`] times are left out, so that
//! most of the table stays zero (it compresses, and an unseen feature that collides
//! with an empty slot adds nothing). The weights are rounded to 15 values (stored as
//! `i8`), which keeps the table small once compressed.
//!
//! The lexicon is the word list plus the treebank's multi-syllable words. So that the
//! model does not learn to trust the lexicon more than it deserves on unseen text, each
//! training sentence sees the lexicon without the words of its own fold (jackknife).
//!
//! `--holdout` fits on train alone and prints F1 on dev instead of writing the model:
//! that is how the settings were chosen. `--data DIR` reads the treebank from DIR
//! instead of `../shared/data/ud-vi`.

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::process::Command;

use tomtat::words::{self, Lexicon, Model, FEATURES, MODEL_HEADER};
use tomtat::Document;

use crate::eval_words::{self, Sentence};

const DATA: &str = "../shared/data/ud-vi";
const OUT: &str = "data/words.bin";
/// The word list's package, pinned.
const PYVI: &str = "pyvi==0.1.1";
const PYVI_DIR: &str = "target/pyvi";
/// Weight table: 2^BITS entries. 2^15 segmented VTB test at F1 97.04 (dev with
/// `--holdout` 95.04); 2^14 at 96.95 (94.79), with 0.9 KB less of the file gzip, which
/// every reader of the widget downloads.
const BITS: u32 = 14;
/// Lexicon fingerprints: a word not in the lexicon is taken for one with probability
/// 2^-FINGERPRINT_BITS.
const FINGERPRINT_BITS: u32 = 7;
const EPOCHS: usize = 10;
const RATE: f64 = 0.1;
const L2: f64 = 1e-5;
/// Chosen with `--holdout` (dev F1 95.04; 5: 94.95; 12: 95.04 with 30% fewer non-zero
/// weights, but "Phạm Minh Chính" falls apart into two words).
const MIN_FEATURE_COUNT: u32 = 8;
/// The weights are rounded to the integers from -LARGEST_WEIGHT to LARGEST_WEIGHT: 15
/// values segment as well as 255 do (dev F1 with `--holdout`) and compress far better.
const LARGEST_WEIGHT: f64 = 7.0;
const FOLDS: usize = 5;
/// Stands for a dropped feature: an index past the table.
const DROPPED: u64 = u64::MAX;

/// The gaps of the training text: hashed features and whether a word starts there.
struct Examples {
    features: Vec<[u64; FEATURES]>,
    boundary: Vec<bool>,
}

pub fn run(args: &[String]) -> Result<(), String> {
    let holdout = args.iter().any(|a| a == "--holdout");
    let value = |name: &str| args.iter().position(|a| a == name).and_then(|at| args.get(at + 1)).cloned();
    let data = value("--data").unwrap_or(DATA.into());
    let mut training = eval_words::read(&format!("{data}/vi_vtb-ud-train.conllu"))?;
    let dev = eval_words::read(&format!("{data}/vi_vtb-ud-dev.conllu"))?;
    if !holdout {
        training.extend(dev.iter().map(|s| Sentence { text: s.text.clone(), words: s.words.clone() }));
    }
    let list = match value("--lexicon") {
        Some(path) => std::fs::read_to_string(&path).map_err(|e| format!("cannot read {path}: {e}"))?,
        None => pyvi_words()?,
    };
    let listed: HashSet<u64> = list.lines().filter_map(word_hash).collect();
    let treebank: Vec<Vec<u64>> =
        training.iter().map(|s| s.words.iter().filter_map(|w| word_hash(w)).collect()).collect();
    let lexicon = |skip: Option<usize>| {
        let mut all = listed.clone();
        all.extend(treebank.iter().enumerate().filter(|(i, _)| Some(i % FOLDS) != skip).flat_map(|(_, w)| w));
        all
    };
    let folds: Vec<Vec<u8>> =
        (0..FOLDS).map(|fold| Lexicon::build(lexicon(Some(fold)).into_iter(), FINGERPRINT_BITS)).collect();
    let full = lexicon(None);
    let filter = Lexicon::build(full.iter().copied(), FINGERPRINT_BITS);

    let mut examples = examples(&training, &folds);
    drop_rare(&mut examples, MIN_FEATURE_COUNT);
    let weights = quantise(&logistic(&examples));
    let nonzero = weights.iter().filter(|&&w| w != 0).count();
    let source = if holdout { "train" } else { "train + dev" };
    let header = format!(
        "{MODEL_HEADER} (src/words.rs): 2^{BITS} hashed weights (-7 to 7) of gap\n\
         features and a lexicon of {} multi-syllable words ({FINGERPRINT_BITS}-bit fingerprints).\n\
         Derived from UD Vietnamese-VTB ({source}; VietTreebank by the VLSP project, converted to Universal\n\
         Dependencies by the UD Vietnamese contributors), https://github.com/UniversalDependencies/UD_Vietnamese-VTB,\n\
         licensed CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/). Changes: only weights and word\n\
         hashes learnt from its word segmentation are kept, none of its text. This file is shared under CC BY-SA 4.0.\n\
         Word list: pyvi 0.1.1 pyvi/models/words.txt (PyPI), MIT licence, Copyright (c) 2016 Viet-Trung Tran.\n\
         Rebuild: cargo xtask train-words",
        full.len()
    );
    let bytes = Model::encode(&header, &weights, &filter).ok_or("cannot encode the model")?;
    let model = Model::parse(&bytes).ok_or("the encoded model does not parse")?;
    println!(
        "{} sentences, {} gaps, lexicon {} words ({} from the list), {nonzero} of {} weights non-zero",
        training.len(),
        examples.boundary.len(),
        full.len(),
        listed.len(),
        weights.len()
    );
    if holdout {
        let (p, r, f1) = eval_words::score(&model, &dev).f1();
        println!("dev (not trained on): P {p:.2}  R {r:.2}  F1 {f1:.2}");
        return Ok(());
    }
    std::fs::write(OUT, &bytes).map_err(|e| format!("cannot write {OUT}: {e}"))?;
    println!("wrote {OUT} ({} bytes)", bytes.len());
    Ok(())
}

/// The lexicon hash of a word written with spaces between its syllables.
fn word_hash(word: &str) -> Option<u64> {
    let doc = Document::new(word);
    words::word_hash(&doc, &doc.tokens)
}

/// pyvi's word list (`pyvi/models/words.txt`), from the wheel that pip fetches into
/// `target/pyvi`; python's zipfile reads it, so nothing else need be installed.
fn pyvi_words() -> Result<String, String> {
    let run = |program: &str, args: &[&str]| -> Result<Vec<u8>, String> {
        let out = Command::new(program).args(args).output().map_err(|e| format!("cannot run {program}: {e}"))?;
        if out.status.success() {
            Ok(out.stdout)
        } else {
            Err(format!("`{program} {}` failed: {}", args.join(" "), String::from_utf8_lossy(&out.stderr)))
        }
    };
    if !Path::new(PYVI_DIR).join("pyvi-0.1.1-py2.py3-none-any.whl").exists() {
        run("python3", &["-m", "pip", "download", "--no-deps", "--quiet", "-d", PYVI_DIR, PYVI])?;
    }
    let read =
        "import sys, zipfile; sys.stdout.buffer.write(zipfile.ZipFile(sys.argv[1]).read('pyvi/models/words.txt'))";
    let wheel = format!("{PYVI_DIR}/pyvi-0.1.1-py2.py3-none-any.whl");
    String::from_utf8(run("python3", &["-c", read, &wheel])?).map_err(|e| format!("pyvi words.txt: {e}"))
}

/// Every gap the model decides, labelled by the gold words; sentence `i` sees the
/// lexicon filter of fold `i % FOLDS`.
fn examples(sentences: &[Sentence], folds: &[Vec<u8>]) -> Examples {
    let mut examples = Examples { features: Vec::new(), boundary: Vec::new() };
    for (n, sentence) in sentences.iter().enumerate() {
        let lexicon = Lexicon::parse(&folds[n % folds.len()]).unwrap_or_default();
        let starts: HashSet<usize> = eval_words::gold_spans(sentence).into_iter().map(|(start, _)| start).collect();
        let position = eval_words::non_space_before(&sentence.text);
        let doc = Document::new(&sentence.text);
        for index in 0..doc.sentences.len() {
            let tokens = doc.sentence_tokens(index);
            let features = words::sentence_features(&doc, tokens, |h| lexicon.contains(h));
            for (i, (token, features)) in tokens.iter().zip(features).enumerate() {
                if words::forced_boundary(tokens, i) {
                    continue;
                }
                let start = doc.span(token.range.clone()).start as usize;
                examples.features.push(features);
                examples.boundary.push(starts.contains(&position[start]));
            }
        }
    }
    examples
}

/// Replaces the features seen fewer than `min` times by [`DROPPED`]: a weight fitted
/// to one or two examples is mostly noise, which every unseen feature that collides
/// with it would pick up.
fn drop_rare(examples: &mut Examples, min: u32) {
    let mut counts: HashMap<u64, u32> = HashMap::new();
    for &h in examples.features.iter().flatten() {
        *counts.entry(h).or_insert(0) += 1;
    }
    for h in examples.features.iter_mut().flatten() {
        if counts[h] < min {
            *h = DROPPED;
        }
    }
}

/// Logistic regression fitted by AdaGrad with an L2 penalty on the weights an example
/// touches, visiting the examples in a fixed pseudo-random order.
fn logistic(examples: &Examples) -> Vec<f64> {
    let size = 1usize << BITS;
    let mask = size as u64 - 1;
    // One slot past the table takes the dropped features and is thrown away.
    let (mut weights, mut squares) = (vec![0f64; size + 1], vec![1e-8f64; size + 1]);
    let mut order: Vec<usize> = (0..examples.boundary.len()).collect();
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    for _ in 0..EPOCHS {
        for k in (1..order.len()).rev() {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            order.swap(k, (seed % (k as u64 + 1)) as usize);
        }
        for &e in &order {
            let slots = examples.features[e].map(|h| if h == DROPPED { size } else { (h & mask) as usize });
            let score: f64 = slots.iter().map(|&s| weights[s]).sum();
            let error = 1.0 / (1.0 + (-score).exp()) - f64::from(u8::from(examples.boundary[e]));
            for &s in &slots {
                let gradient = error + L2 * weights[s];
                squares[s] += gradient * gradient;
                weights[s] -= RATE * gradient / squares[s].sqrt();
            }
            weights[size] = 0.0;
        }
    }
    weights.truncate(size);
    weights
}

/// Scales the weights so that the largest becomes ±[`LARGEST_WEIGHT`] and rounds them.
fn quantise(weights: &[f64]) -> Vec<i8> {
    let largest = weights.iter().fold(0f64, |m, w| m.max(w.abs())).max(f64::EPSILON);
    weights.iter().map(|w| (w * LARGEST_WEIGHT / largest).round() as i8).collect()
}
