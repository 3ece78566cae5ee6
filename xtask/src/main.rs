//! Project tasks run with `cargo xtask <task>`: evaluations, fitting tools and the
//! build. None of this code goes into the wasm.

mod eval_finder;
mod eval_sentences;
mod test;

use std::process::ExitCode;

const USAGE: &str = "\
cargo xtask <task>

Tasks:
  test                      every test (what CI runs); installs what the tests need
  eval-sentences [CONLLU]   sentence-boundary F1 on a UD treebank (default: VTB test)
  eval-finder [PAGES]       article-finder word F1 on real pages (default: ../shared/data/pages)";

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
        Some("test") => test::run(rest),
        Some("eval-sentences") => eval_sentences::run(rest),
        Some("eval-finder") => eval_finder::run(rest),
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
