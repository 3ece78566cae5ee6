//! The Python package and the Spark job: `cargo xtask build` writes the wheel
//! `dist/tomtat-<version>-*.whl` with maturin, and `cargo xtask test` installs it in a
//! fresh virtual environment and runs `python/tests/` (the API, then the Spark job in
//! local mode against the CLI).
//!
//! maturin and pyspark come from PyPI into a virtual environment of the build's own
//! (`target/py-venv`), and a JDK from Debian when `java` is missing, as the browser
//! tests install their browsers.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::build::target_dir;
use crate::test::run_in;

/// The build's own Python tools: maturin, and pyspark for the Spark test.
const TOOLS_VENV: &str = "py-venv";
/// Made anew by every test run: only the wheel is installed there.
const TEST_VENV: &str = "py-test";
const MANIFEST: &str = "python/Cargo.toml";

/// The program `name` of the virtual environment `venv`.
fn venv_bin(venv: &Path, name: &str) -> PathBuf {
    venv.join("bin").join(name)
}

/// Makes the virtual environment `venv` (when it does not exist) and pip-installs
/// `packages` into it when `probe` (one of its programs or modules) is missing.
fn venv_with(venv: &Path, probe: &Path, packages: &[&str]) -> Result<(), String> {
    if !venv_bin(venv, "python").exists() {
        run_in(Command::new("python3").args(["-m", "venv"]).arg(venv), "python3 -m venv")?;
    }
    if probe.exists() {
        return Ok(());
    }
    let what = format!("pip install {}", packages.join(" "));
    run_in(Command::new(venv_bin(venv, "pip")).args(["install", "--quiet"]).args(packages), &what)
}

/// Builds the wheel into `dist/` with maturin and says where, or says why not when
/// maturin cannot be installed (no Python, no PyPI): the rest of the build does not
/// need it.
pub fn wheel() -> Result<(), String> {
    let tools = target_dir().join(TOOLS_VENV);
    let maturin = venv_bin(&tools, "maturin");
    if let Err(why) = venv_with(&tools, &maturin, &["maturin>=1.9.4,<2"]) {
        println!("skipped the Python wheel: maturin cannot be installed ({why})");
        return Ok(());
    }
    // An older wheel of this version would make the test's pick ambiguous.
    for old in built()? {
        std::fs::remove_file(&old).map_err(|e| format!("cannot remove {}: {e}", old.display()))?;
    }
    run_in(
        Command::new(&maturin).args(["build", "--release", "--quiet", "--manifest-path", MANIFEST, "--out", "dist"]),
        "maturin build",
    )?;
    let wheel = the_wheel()?;
    let bytes = std::fs::metadata(&wheel).map_err(|e| format!("cannot read {}: {e}", wheel.display()))?.len();
    println!("wrote {} ({bytes} B; the Python package: pip install it)", wheel.display());
    Ok(())
}

/// The wheels of this version in `dist/`.
fn built() -> Result<Vec<PathBuf>, String> {
    let prefix = format!("tomtat-{}-", crate::build::crate_version()?);
    let entries = std::fs::read_dir("dist").map_err(|e| format!("cannot list dist/: {e}"))?;
    Ok(entries
        .filter_map(|entry| Some(entry.ok()?.path()))
        .filter(|path| path.file_name().is_some_and(|name| name.to_string_lossy().starts_with(&prefix)))
        .filter(|path| path.extension().is_some_and(|ext| ext == "whl"))
        .collect())
}

/// The one wheel the build wrote.
fn the_wheel() -> Result<PathBuf, String> {
    match built()?.as_slice() {
        [wheel] => Ok(wheel.clone()),
        other => Err(format!("expected one wheel of this version in dist/, found {}", other.len())),
    }
}

/// Installs the wheel that the build wrote in a fresh virtual environment and runs the
/// API tests there, then the Spark job in local mode against the CLI that `cargo test`
/// built, with pyspark and a JDK.
pub fn test() -> Result<(), String> {
    let wheel = &the_wheel()?;
    let cli = &target_dir().join("debug/tomtat");
    let fresh = target_dir().join(TEST_VENV);
    if fresh.exists() {
        std::fs::remove_dir_all(&fresh).map_err(|e| format!("cannot remove {}: {e}", fresh.display()))?;
    }
    let python = venv_bin(&fresh, "python");
    venv_with(&fresh, &python, &[])?;
    install(&fresh, wheel)?;
    unittest(&python, "python/tests/test_api.py", cli)?;
    ensure_java()?;
    let tools = target_dir().join(TOOLS_VENV);
    venv_with(&tools, &venv_bin(&tools, "pyspark"), &["pyspark"])?;
    install(&tools, wheel)?;
    unittest(&venv_bin(&tools, "python"), "python/tests/test_spark.py", cli)
}

/// Installs `wheel` into `venv`, replacing the tomtat already there.
fn install(venv: &Path, wheel: &Path) -> Result<(), String> {
    run_in(
        Command::new(venv_bin(venv, "pip")).args(["install", "--quiet", "--force-reinstall", "--no-deps"]).arg(wheel),
        &format!("pip install {}", wheel.display()),
    )
}

fn unittest(python: &Path, script: &str, cli: &Path) -> Result<(), String> {
    run_in(Command::new(python).arg(script).env("TOMTAT_CLI", cli), &format!("python {script}"))
}

/// Installs Debian's default JDK runtime when `java` is missing, for Spark.
fn ensure_java() -> Result<(), String> {
    if Command::new("java").arg("-version").output().is_ok_and(|out| out.status.success()) {
        return Ok(());
    }
    crate::test::apt_install(&["default-jre-headless"])
}
