//! `cargo xtask bench-browser`: the browser benchmark (`tests/browser/bench.mjs`) on a
//! fresh production build in headless Chromium. Prints figures and writes them into
//! `docs/performance.md`; fails only when it cannot run.

use std::process::Command;

use crate::docs::{benchmark_block, run_and_keep_output, write_block, PERFORMANCE};
use crate::test::{ensure_chromium, ensure_playwright};

pub fn run(args: &[String]) -> Result<(), String> {
    if let Some(arg) = args.first() {
        return Err(format!("bench-browser takes no arguments, got `{arg}`"));
    }
    ensure_chromium()?;
    ensure_playwright()?;
    crate::build::build()?;
    let printed =
        run_and_keep_output(Command::new("node").arg("tests/browser/bench.mjs"), "node tests/browser/bench.mjs")?;
    write_block(PERFORMANCE, "bench-browser", &benchmark_block(&printed))
}
