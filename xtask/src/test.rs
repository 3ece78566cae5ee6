//! `cargo xtask test`: every test of the project, on a fresh machine too.
//!
//! This is the README's test command and what `.ci/run` calls. It installs what the
//! tests need that cargo does not fetch by itself (the wasm target, Debian's Chromium,
//! playwright-core from npm), then runs the Rust tests, builds the wasm (`cargo xtask build`) and runs the
//! browser tests against it.

use std::path::Path;
use std::process::Command;

const CHROMIUM: &str = "/usr/bin/chromium";
const BROWSER_TESTS: &str = "tests/browser";

pub fn run(_args: &[String]) -> Result<(), String> {
    ensure_wasm_target()?;
    ensure_chromium()?;
    ensure_playwright()?;
    cargo(&["test", "--workspace", "--all-targets"])?;
    cargo(&["test", "--doc"])?;
    // The wasm's configuration: no word model compiled in.
    cargo(&["test", "--no-default-features", "--test", "word_model"])?;
    // The browser tests load www/ with a fresh wasm, never a stale one.
    crate::build::build()?;
    run_in(Command::new("node").arg("--test").current_dir(BROWSER_TESTS), "node --test (browser tests)")
}

/// Runs the cargo that runs this xtask with `args`, failing when it fails.
pub fn cargo(args: &[&str]) -> Result<(), String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    run_in(Command::new(&cargo).args(args), &format!("cargo {}", args.join(" ")))
}

/// Runs `command`, failing with `what` in the message when it fails or cannot start.
pub fn run_in(command: &mut Command, what: &str) -> Result<(), String> {
    let status = command.status().map_err(|e| format!("cannot run `{what}`: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{what}` failed ({status})"))
    }
}

/// Adds the `wasm32-unknown-unknown` target through rustup when it is missing.
pub fn ensure_wasm_target() -> Result<(), String> {
    let installed = Command::new("rustup")
        .args(["target", "list", "--installed"])
        .output()
        .map_err(|e| format!("cannot run rustup (needed for the wasm target): {e}"))?;
    if String::from_utf8_lossy(&installed.stdout).lines().any(|l| l.trim() == "wasm32-unknown-unknown") {
        return Ok(());
    }
    run_in(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]), "rustup target add")
}

/// Installs Debian's `chromium` package when the browser is missing (needs root, as
/// CI and the project's machines are). `CHROMIUM`, as the browser tests read it
/// (`tests/browser/harness.mjs`), names another browser to use instead.
pub fn ensure_chromium() -> Result<(), String> {
    let browser = std::env::var("CHROMIUM").unwrap_or_else(|_| CHROMIUM.to_string());
    if Path::new(&browser).exists() {
        return Ok(());
    }
    eprintln!("xtask: installing Debian's chromium for the browser tests");
    run_in(Command::new("apt-get").arg("update").arg("-qq"), "apt-get update")?;
    run_in(
        Command::new("apt-get").args(["install", "-y", "-qq", "chromium"]).env("DEBIAN_FRONTEND", "noninteractive"),
        "apt-get install chromium",
    )
}

/// Installs the browser tests' npm packages (playwright-core only, no browser
/// download) from the lock file when they are missing.
pub fn ensure_playwright() -> Result<(), String> {
    if Path::new(BROWSER_TESTS).join("node_modules/playwright-core").exists() {
        return Ok(());
    }
    run_in(
        Command::new("npm").args(["ci", "--no-audit", "--no-fund"]).current_dir(BROWSER_TESTS),
        "npm ci (tests/browser)",
    )
}
