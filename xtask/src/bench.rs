//! `cargo xtask bench`: the native digest benchmark (`benches/digest.rs`), with the
//! Python peers beside it when `PEERS_PYTHON` (or `python3`) has them.
//!
//! It runs `cargo bench --bench digest` (the `bench` profile, which is `release`: what
//! the native CLI is built with) and writes what it printed into `docs/performance.md`.

use crate::docs::{benchmark_block, run_and_keep_output, write_block, PERFORMANCE};
use crate::test::cargo_command;

pub fn run(args: &[String]) -> Result<(), String> {
    if let Some(arg) = args.first() {
        return Err(format!("bench takes no arguments, got `{arg}` (set PEERS_PYTHON for the peers)"));
    }
    let printed =
        run_and_keep_output(cargo_command().args(["bench", "--bench", "digest"]), "cargo bench --bench digest")?;
    write_block(PERFORMANCE, "bench", &benchmark_block(&printed))
}
