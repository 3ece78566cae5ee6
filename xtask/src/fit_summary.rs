//! `cargo xtask fit-summary [news-train.jsonl]`: fits the sentence-score weights and
//! writes `data/summary-weights.txt`.
//!
//! Every training article is analysed once by the library (the same `score::analyse`
//! the digest runs); then coordinate ascent, starting from the hand-set [`PRIORS`],
//! moves one weight at a time by a step, keeps a move when the mean ROUGE-1 F1 of
//! the 2-sentence summaries (chosen by the library's `summary::summarize`) against
//! the reference sapos improves, and halves the step when no move helps; then starts
//! the steps over from where it stopped, until a round brings nothing.
//! `position.lead` stays at 1: scaling every weight changes nothing, so one is fixed;
//! `penalty.*` weights stay at or below 0, so a penalty part never speaks in favour.
//! Only news-train is accepted: news-dev is for reporting.

use tomtat::score::{self, Weights, FEATURES};
use tomtat::summary;

use crate::corpus;
use crate::rouge;

const DEFAULT: &str = "../shared/data/news-train.jsonl";
const OUTPUT: &str = "data/summary-weights.txt";
const FIXED: &str = "position.lead";
const SENTENCES: usize = 2;
/// The most times the ascent starts its steps over.
const ROUNDS: usize = 3;

/// Where the fit starts: what each signal should roughly weigh, by hand.
const PRIORS: &str = "\
centrality.cosine 1.0
centrality.lead 0.5
cue.names 0.0
cue.number 0.1
cue.report 0.1
length.long -0.3
length.short -0.5
length.words 0.3
penalty.caption -1.0
penalty.connective -0.3
penalty.invitation -3.0
penalty.question -0.5
penalty.quote -0.3
position.first 0.5
position.lead 1.0
position.paragraph 0.2
position.relative 0.3
title.bigrams 0.5
title.cosine 1.0
";

/// One training article, analysed.
struct Example {
    analysis: score::Analysis,
    sentence_tokens: Vec<Vec<String>>,
    reference: Vec<String>,
}

pub fn run(args: &[String]) -> Result<(), String> {
    let path = crate::path_arg(args, DEFAULT);
    if !path.ends_with("news-train.jsonl") {
        return Err(format!("fit-summary fits on news-train.jsonl only, not {path}"));
    }
    let articles = corpus::read(path)?;
    let texts: Vec<String> = articles.iter().map(corpus::Article::text).collect();
    let docs: Vec<tomtat::Document> = texts.iter().map(|t| tomtat::Document::new(t)).collect();
    let examples: Vec<Example> = docs
        .iter()
        .zip(&articles)
        .map(|(doc, article)| Example {
            analysis: score::analyse(doc, &tomtat::terms::Terms::new(doc)),
            sentence_tokens: (0..doc.sentences.len())
                .map(|i| rouge::tokens(&doc.span(doc.sentences[i].range.clone()).text))
                .collect(),
            reference: rouge::tokens(&article.summary),
        })
        .collect();
    let objective = |weights: &Weights| -> f64 {
        let options = tomtat::Options { sentences: Some(SENTENCES), ..tomtat::Options::default() };
        let half = docs.len().div_ceil(2);
        let part = |range: std::ops::Range<usize>| -> f64 {
            range
                .map(|i| {
                    let example = &examples[i];
                    let chosen = summary::summarize(&docs[i], &example.analysis, weights, &options);
                    let tokens: Vec<String> =
                        chosen.iter().flat_map(|c| example.sentence_tokens[c.sentence].iter().cloned()).collect();
                    rouge::scores(&tokens, &example.reference).r1
                })
                .sum()
        };
        let total = std::thread::scope(|scope| {
            let second = scope.spawn(|| part(half..docs.len()));
            part(0..half) + second.join().unwrap_or(f64::NAN)
        });
        100.0 * total / examples.len().max(1) as f64
    };
    let priors = Weights::parse(PRIORS)?;
    println!("{path}: {} articles; priors: mean ROUGE-1 F1 {:.3}", examples.len(), objective(&priors));
    let fixed = FEATURES.iter().position(|f| *f == FIXED).ok_or("no fixed feature")?;
    let penalty = |k: usize, value: f32| !FEATURES[k].starts_with("penalty.") || value <= 0.0;
    let (weights, best) =
        crate::ascent::ascend(priors.0, &FEATURES, fixed, ROUNDS, penalty, |w| objective(&Weights(*w)));
    let mut out = format!(
        "# Sentence-score weights of src/score.rs, one `feature weight` line each.\n\
         # Fitted by `cargo xtask fit-summary` on news-train.jsonl ({} articles; never news-dev): coordinate\n\
         # ascent from hand-set priors, maximising the mean ROUGE-1 F1 ({best:.2}) of {SENTENCES}-sentence\n\
         # summaries against the reference sapos; {FIXED} fixed at 1 (the scale), penalties at most 0.\n\
         # Signals that never occur in the training bodies (one paragraph each; no invitations) keep their priors.\n",
        examples.len()
    );
    for (name, weight) in FEATURES.iter().zip(weights) {
        out.push_str(&format!("{name} {:.3}\n", weight + 0.0));
    }
    std::fs::write(OUTPUT, out).map_err(|e| format!("cannot write {OUTPUT}: {e}"))?;
    println!("{OUTPUT}: written");
    Ok(())
}
