//! `cargo xtask fit-keywords [JSONL.gz]`: fits the key-phrase rank weights and writes
//! `data/keyword-weights.txt`.
//!
//! The fit reads [`ARTICLES`] articles of `news-train-20k` after its first 3,000 (those
//! are `news-train.jsonl`, kept to check the fit on; news-dev is for reporting). Each
//! is analysed once; then coordinate ascent from [`PRIORS`] moves one weight at a time
//! by a step, keeps a move when the mean P@10 of the measure of `eval-keywords` (a
//! listed phrase found in the title or sapo) improves, and halves the step when no
//! move helps. `cvalue` stays at 1: scaling every weight changes no rank.

use tomtat::keywords::{self, Weights, SIGNALS};

use crate::corpus;
use crate::eval_keywords::{is_hit, syllables};

const DEFAULT: &str = "../shared/data/news-train-20k.jsonl.gz";
const OUTPUT: &str = "data/keyword-weights.txt";
/// Articles of the file left out: the first ones, which are `news-train.jsonl`.
const SKIP: usize = 3000;
/// Articles fitted on.
const ARTICLES: usize = 4000;
const FIXED: &str = "cvalue";
const LISTED: usize = 10;

/// Where the fit starts: the C-value and the title (the rank before the fit: the
/// title's phrases weighed five times, ln 5 = 1.6).
const PRIORS: &str = "cvalue 1\nfrequency 0\ntitle 1.6\nlead 0\nearly 0\nwords 0\nsyllables 0\ncapitalised 0\nlone 0\n";

/// One training article, analysed.
struct Example<'a> {
    doc: tomtat::Document<'a>,
    terms: tomtat::terms::Terms,
    title: Option<usize>,
    references: [Vec<String>; 2],
}

pub fn run(args: &[String]) -> Result<(), String> {
    let path = crate::path_arg(args, DEFAULT);
    let articles: Vec<corpus::Article> = corpus::read(path)?;
    if articles.len() < SKIP + ARTICLES {
        return Err(format!("{path} has {} articles, the fit needs {}", articles.len(), SKIP + ARTICLES));
    }
    let articles = &articles[SKIP..SKIP + ARTICLES];
    let texts: Vec<String> = articles.iter().map(corpus::Article::text).collect();
    let examples: Vec<Example> = texts
        .iter()
        .zip(articles)
        .map(|(text, article)| {
            let doc = tomtat::Document::new(text);
            Example {
                terms: tomtat::terms::Terms::new(&doc),
                title: tomtat::score::title(&doc),
                references: [syllables(&article.title), syllables(&article.summary)],
                doc,
            }
        })
        .collect();
    let objective = |weights: &Weights| -> f64 {
        let half = examples.len().div_ceil(2);
        let part = |examples: &[Example]| -> usize {
            examples
                .iter()
                .map(|e| {
                    let phrases =
                        keywords::key_phrases_weighted(&e.doc, &e.terms, e.doc.words(), e.title, LISTED, weights);
                    phrases
                        .iter()
                        .filter(|p| {
                            let first = &p.occurrences[0];
                            let text = &e.doc.text()
                                [e.doc.tokens[first.start].range.start..e.doc.tokens[first.end - 1].range.end];
                            is_hit(text, &e.references)
                        })
                        .count()
                })
                .sum()
        };
        let hits = std::thread::scope(|scope| {
            let second = scope.spawn(|| part(&examples[half..]));
            part(&examples[..half]) + second.join().unwrap_or(0)
        });
        100.0 * hits as f64 / (LISTED * examples.len()).max(1) as f64
    };
    let priors = Weights::parse(PRIORS)?;
    let before = objective(&priors);
    println!("{path}: {} articles; priors: P@{LISTED} {before:.2}", examples.len());
    let fixed = SIGNALS.iter().position(|f| *f == FIXED).ok_or("no fixed signal")?;
    let (weights, best) =
        crate::ascent::ascend((priors.0, before), &SIGNALS, fixed, 1, |_, _| true, |w| objective(&Weights(*w)));
    let mut out = format!(
        "# Key-phrase rank weights of src/keywords.rs (see SIGNALS there), one `signal weight` line each.\n\
         # Fitted by `cargo xtask fit-keywords` on news-train-20k articles {SKIP}..{} (never news-train.jsonl, the\n\
         # first {SKIP}, nor news-dev): coordinate ascent from the C-value and the title, maximising the share of\n\
         # the first {LISTED} phrases found in the title or sapo (P@{LISTED} {best:.2}); {FIXED} fixed at 1 (the scale).\n",
        SKIP + ARTICLES
    );
    for (name, weight) in SIGNALS.iter().zip(weights) {
        out.push_str(&format!("{name} {:.3}\n", weight + 0.0));
    }
    crate::build::write_file(std::path::Path::new(OUTPUT), &out)?;
    println!("{OUTPUT}: written");
    Ok(())
}
