//! `cargo xtask bench`: the native digest benchmark (`benches/digest.rs`), with the
//! Python peers beside it when `PEERS_PYTHON` (or `python3`) has them.
//!
//! A thin wrapper so the command is listed with the others: it runs
//! `cargo bench --bench digest` (the `bench` profile, which is `release`: what the
//! native CLI is built with).

use crate::test::cargo;

pub fn run(args: &[String]) -> Result<(), String> {
    if let Some(arg) = args.first() {
        return Err(format!("bench takes no arguments, got `{arg}` (set PEERS_PYTHON for the peers)"));
    }
    cargo(&["bench", "--bench", "digest"])
}
