//! Project tasks run with `cargo xtask <task>`: evaluations, fitting tools and the
//! build. None of this code goes into the wasm.

mod ascent;
mod bench;
mod bench_browser;
mod build;
mod corpus;
mod docs;
mod eval_directives;
mod eval_finder;
mod eval_keywords;
mod eval_sentences;
mod eval_summary;
mod eval_words;
mod extension;
mod fit_directives;
mod fit_keywords;
mod fit_summary;
mod function_words;
mod npm;
mod offline;
mod pos_lexicon;
mod python;
mod rouge;
mod sentence_openers;
mod serve;
mod stopwords;
mod strip;
mod test;
mod train_words;
mod treebank;

use std::process::ExitCode;

const USAGE: &str = "\
cargo xtask <task>

Tasks:
  serve [--port N]          build, then serve the page (www/) on 127.0.0.1 (default port 8000)
  build                     the wasm module, its JS glue and types into www/pkg/, www/ as it
                            ships into dist/www/ (scripts without comments), the offline
                            single file dist/tomtat.html, the npm package dist/npm/ and
                            dist/tomtat-<version>.tgz, the browser extension dist/extension/,
                            the Python wheel dist/tomtat-<version>-*.whl; prints sizes
  test                      every test (what CI runs); installs what the tests need
  bench                     native digest speed (dev set, 100 KB/1 MB/5 MB) and the Python
                            peers beside it when PEERS_PYTHON has underthesea, pyvi, sumy
  bench-browser             build, then in headless Chromium: cold start, ms per article, 1 MB,
                            wasm memory, the paste page (0.1-8 MB) and the widget (0.5-4 MB):
                            time to result, longest main-thread block
  eval-sentences [CONLLU]   sentence-boundary F1 on a UD treebank (default: VTB test)
  eval-directives [TEXTS GOLD] [--show | --show-rules] [--ranked N]
                            directive P/R/F1, issuer, addressee and action scores on
                            annotated articles (default: the four shared annotated sets,
                            5-fold cross-validated by article, and fit on all beside it);
                            --show: the misses, extras and differences; without paths,
                            --show-rules: those of every candidate of the rules, alone;
                            --ranked N: the N worst-ranked of each kind, cross-validated
  fit-directives            fit data/directive-weights.txt (the directive decision) on the
                            four annotated sets
  train-words [--holdout] [--data DIR] [--lexicon FILE]
                            fit data/words.bin on VTB train + dev (--holdout: train only, F1 on dev)
  eval-words [CONLLU]       word-segmentation F1 (default: VTB test) and segmenting speed
  eval-finder [--scripts] [--keep] [DIR...]
                            article-finder word F1 on real pages (default: ../shared/data/pages
                            and pages-more) and the aeb benchmark's P/R/F1 beside its seven
                            tools; gzip size, ms per page (--scripts: the pages' scripts on)
  eval-keywords [JSONL] [--no-peers] [--show]
                            key phrases found in the title or sapo (P@5, P@10, junk) beside
                            the peers of keyword_peers.py (PEERS_PYTHON; default: news-dev)
  eval-summary [JSONL...] [--sentences N] [--against WEIGHTS] [--pairs] [--list FILE]
                            ROUGE-1/2/L of 1-3 sentence summaries (or N) beside LEAD-k, with
                            the title and body only, standard errors, lengths, captions;
                            --against: the paired R1 change from that table's summaries;
                            --pairs: body-only 2-sentence summaries by pair beside the lede
                            + next; --list: every body sentence, unwanted or chosen, to FILE
                            (default: news-train-20k's 2,000 check articles, and news-dev)
  fit-keywords [JSONL.gz]   fit data/keyword-weights.txt on news-train-20k (past news-train's 3,000)
  fit-summary [JSONL.gz] [--reading title|body] [--sentences N] [--redundancy] [--feature NAME]
                            fit data/summary-weights.txt on news-train-20k's first 18,000
                            (each reading and summary size its own column; or only those;
                            or one feature's weight alone)
  function-words [UD-DIR]   rebuild data/function-words.txt from the UD Vietnamese-VTB tags
  pos-lexicon [--data DIR]  rebuild data/treebank-verbs.txt from VTB train + dev; UPOS accuracy on test
  stopwords [JSONL]         rebuild data/stopwords.txt from news-train.jsonl
  sentence-openers [JSONL.gz]
                            rebuild data/sentence-openers.txt from news-train-20k's first 18,000";

fn main() -> ExitCode {
    // Every task takes paths relative to the repository root, wherever it is run from.
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("xtask sits in the repository");
    if let Err(e) = std::env::set_current_dir(root) {
        eprintln!("xtask: cannot enter {}: {e}", root.display());
        return ExitCode::FAILURE;
    }
    let args: Vec<String> = std::env::args().skip(1).collect();
    let rest = args.get(1..).unwrap_or_default();
    let result = match args.first().map(String::as_str) {
        Some("serve") => serve::run(rest),
        Some("build") => build::run(rest),
        Some("test") => test::run(rest),
        Some("bench") => bench::run(rest),
        Some("bench-browser") => bench_browser::run(rest),
        Some("eval-sentences") => eval_sentences::run(rest),
        Some("eval-directives") => eval_directives::run(rest),
        Some("pos-lexicon") => pos_lexicon::run(rest),
        Some("train-words") => train_words::run(rest),
        Some("eval-words") => eval_words::run(rest),
        Some("eval-finder") => eval_finder::run(rest),
        Some("eval-keywords") => eval_keywords::run(rest),
        Some("eval-summary") => eval_summary::run(rest),
        Some("fit-directives") => fit_directives::run(rest),
        Some("fit-keywords") => fit_keywords::run(rest),
        Some("fit-summary") => fit_summary::run(rest),
        Some("function-words") => function_words::run(rest),
        Some("stopwords") => stopwords::run(rest),
        Some("sentence-openers") => sentence_openers::run(rest),
        Some("help" | "-h" | "--help") | None => {
            println!("{USAGE}");
            Ok(())
        }
        Some(other) => Err(format!("unknown task `{other}`\n\n{USAGE}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}

/// The task's first argument that is not a `--flag`, or `default`: the input file of
/// the evaluation and fitting tasks.
fn path_arg<'a>(args: &'a [String], default: &'a str) -> &'a str {
    args.iter().find(|a| !a.starts_with("--")).map_or(default, String::as_str)
}
