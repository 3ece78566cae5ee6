//! `cargo xtask test`: every test of the project, on a fresh machine too.
//!
//! This is the README's test command and what `.ci/run` calls. It installs what the
//! tests need that cargo does not fetch by itself (the wasm target, Debian's Chromium,
//! Firefox ESR, WebKitWebDriver and xvfb, playwright-core and puppeteer-core from npm),
//! then runs the Rust tests, builds the wasm, the npm package and the extension
//! (`cargo xtask build`) and runs the browser tests against them (Chromium's, and the
//! smaller suite of `tests/browser/engines/` in Firefox ESR and WebKitGTK), then the
//! Python package's and the Spark job's tests (`python.rs`).

use std::path::Path;
use std::process::Command;

const CHROMIUM: &str = "/usr/bin/chromium";
/// The other engines' Debian packages, each with the file that shows it installed and the
/// variable that names another one instead (as `tests/browser/engines/drivers.mjs` reads it).
const OTHER_ENGINES: [(&str, &str, &str); 3] = [
    ("firefox-esr", "/usr/bin/firefox-esr", "FIREFOX"),
    ("webkit2gtk-driver", "/usr/bin/WebKitWebDriver", "WEBKIT_DRIVER"),
    ("xvfb", "/usr/bin/xvfb-run", "XVFB_RUN"),
];
const BROWSER_TESTS: &str = "tests/browser";

pub fn run(_args: &[String]) -> Result<(), String> {
    ensure_wasm_target()?;
    ensure_chromium()?;
    ensure_other_engines()?;
    ensure_playwright()?;
    // The Python extension has no Rust tests: the wheel's build and python/tests check it.
    cargo(&["test", "--workspace", "--exclude", "tomtat-python", "--all-targets"])?;
    cargo(&["test", "--doc"])?;
    // The wasm's configuration: no word model compiled in.
    cargo(&["test", "--no-default-features", "--test", "word_model"])?;
    // The browser tests load www/ as it ships (dist/www/, the npm package, the extension
    // and the offline file), with a fresh wasm, never a stale one.
    crate::build::build()?;
    run_in(Command::new("node").arg("--test").current_dir(BROWSER_TESTS), "node --test (browser tests)")?;
    crate::python::wheel()?;
    crate::python::test()
}

/// Runs the cargo that runs this xtask with `args`, failing when it fails.
pub fn cargo(args: &[&str]) -> Result<(), String> {
    run_in(cargo_command().args(args), &format!("cargo {}", args.join(" ")))
}

/// A command of the cargo that runs this xtask.
pub fn cargo_command() -> Command {
    Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
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
    apt_install(&["chromium"])
}

/// Installs the Debian packages of Firefox ESR, WebKitWebDriver (with WebKitGTK's
/// MiniBrowser) and xvfb that are missing, for the engines' browser tests.
fn ensure_other_engines() -> Result<(), String> {
    let missing: Vec<&str> = OTHER_ENGINES
        .iter()
        .filter(|(_, file, variable)| {
            !Path::new(&std::env::var(variable).unwrap_or_else(|_| file.to_string())).exists()
        })
        .map(|(package, _, _)| *package)
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    apt_install(&missing)
}

/// `apt-get install` of `packages`, after an `apt-get update`.
pub fn apt_install(packages: &[&str]) -> Result<(), String> {
    eprintln!("xtask: installing Debian's {} for the tests", packages.join(", "));
    run_in(Command::new("apt-get").arg("update").arg("-qq"), "apt-get update")?;
    run_in(
        Command::new("apt-get").args(["install", "-y", "-qq"]).args(packages).env("DEBIAN_FRONTEND", "noninteractive"),
        &format!("apt-get install {}", packages.join(" ")),
    )
}

/// Installs the browser tests' npm packages (playwright-core and puppeteer-core, no
/// browser download) from the lock file when one is missing.
pub fn ensure_playwright() -> Result<(), String> {
    let modules = Path::new(BROWSER_TESTS).join("node_modules");
    if ["playwright-core", "puppeteer-core"].iter().all(|name| modules.join(name).exists()) {
        return Ok(());
    }
    run_in(
        Command::new("npm").args(["ci", "--no-audit", "--no-fund"]).current_dir(BROWSER_TESTS),
        "npm ci (tests/browser)",
    )
}
