//! `cargo xtask bench-browser`: the browser benchmark (`tests/browser/bench.mjs`) on a
//! fresh production build in headless Chromium. Prints figures; fails only when it
//! cannot run.

use std::process::Command;

use crate::test::{ensure_chromium, ensure_playwright, run_in};

pub fn run(args: &[String]) -> Result<(), String> {
    if let Some(arg) = args.first() {
        return Err(format!("bench-browser takes no arguments, got `{arg}`"));
    }
    ensure_chromium()?;
    ensure_playwright()?;
    crate::build::build()?;
    run_in(Command::new("node").arg("tests/browser/bench.mjs"), "node tests/browser/bench.mjs")
}
