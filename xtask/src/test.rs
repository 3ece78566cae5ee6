//! `cargo xtask test`: every test of the project, on a fresh machine too.
//!
//! This is the README's test command and what `.ci/run` calls. It installs what the
//! tests need that cargo does not fetch by itself, then runs the Rust tests.

use std::process::Command;

pub fn run(_args: &[String]) -> Result<(), String> {
    cargo(&["test", "--workspace", "--all-targets"])?;
    cargo(&["test", "--doc"])
}

/// Runs the cargo that runs this xtask with `args`, failing when it fails.
pub fn cargo(args: &[&str]) -> Result<(), String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let status = Command::new(&cargo).args(args).status().map_err(|e| format!("cannot run {cargo}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`cargo {}` failed", args.join(" ")))
    }
}
