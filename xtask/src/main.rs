//! Project tasks run with `cargo xtask <task>`: evaluations, fitting tools and the
//! build. None of this code goes into the wasm.

mod corpus;
mod eval_sentences;
mod eval_summary;
mod fit_summary;
mod rouge;
mod stopwords;
mod test;

use std::process::ExitCode;

const USAGE: &str = "\
cargo xtask <task>

Tasks:
  test                      every test (what CI runs); installs what the tests need
  eval-sentences [CONLLU]   sentence-boundary F1 on a UD treebank (default: VTB test)
  eval-summary [JSONL] [--sentences N]
                            ROUGE-1/2/L of summaries beside LEAD-1/2/3 (default: news-dev, 2)
  fit-summary [JSONL]       fit data/summary-weights.txt on news-train.jsonl
  stopwords [JSONL]         rebuild data/stopwords.txt from news-train.jsonl";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let rest = args.get(1..).unwrap_or_default();
    let result = match args.first().map(String::as_str) {
        Some("test") => test::run(rest),
        Some("eval-sentences") => eval_sentences::run(rest),
        Some("eval-summary") => eval_summary::run(rest),
        Some("fit-summary") => fit_summary::run(rest),
        Some("stopwords") => stopwords::run(rest),
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
