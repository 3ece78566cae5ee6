//! The npm package, written by `cargo xtask build`: `dist/npm/` and, packed by `npm pack`,
//! `dist/tomtat-<version>.tgz`.
//!
//! It holds the widget and its modules as the shipped `dist/www/` has them (stripped of
//! comments; laid out as in `www/`, so they find each other, the worker and `pkg/` by the
//! same relative URLs), the wasm with its glue and types, the
//! word model, a README for npm users with the sizes of this build, and the licences.
//! `package.json` is made here, its version read from the crate's `Cargo.toml`.

use std::io::ErrorKind;
use std::path::Path;
use std::process::{Command, Stdio};

use serde_json::json;

use crate::build::{copy, crate_version, read, shipped, write_file, Reader, WIDGET_SCRIPTS};

/// The package's folder (git-ignored).
pub const DIR: &str = "dist/npm";
/// Where the package's own texts live: the README, the licences, the widget's types.
const TEMPLATES: &str = "npm";
/// What the package takes from the shipped `pkg/`.
const PKG_FILES: [&str; 4] = ["tomtat.js", "tomtat_bg.wasm", "tomtat.d.ts", "words.bin"];

/// Writes `dist/npm/` and packs it into `dist/tomtat-<version>.tgz`; its README gives
/// the sizes of `reader`.
pub fn write(reader: &Reader) -> Result<(), String> {
    let version = crate_version()?;
    let dir = Path::new(DIR);
    if dir.exists() {
        std::fs::remove_dir_all(dir).map_err(|e| format!("cannot remove {DIR}: {e}"))?;
    }
    let pkg = dir.join("pkg");
    std::fs::create_dir_all(&pkg).map_err(|e| format!("cannot create {}: {e}", pkg.display()))?;
    let mut files = Vec::new();
    for name in WIDGET_SCRIPTS {
        copy(Path::new(&shipped(name)), &dir.join(name))?;
        files.push(name.to_string());
    }
    for name in PKG_FILES {
        copy(Path::new(&shipped(&format!("pkg/{name}"))), &pkg.join(name))?;
        files.push(format!("pkg/{name}"));
    }
    for name in ["widget.d.ts", "LICENSES.md"] {
        copy(&Path::new(TEMPLATES).join(name), &dir.join(name))?;
        files.push(name.to_string());
    }
    write_file(&dir.join("README.md"), &readme(&version, reader)?)?;
    let manifest = package_json(&version, &files);
    write_file(
        &dir.join("package.json"),
        &format!("{}\n", serde_json::to_string_pretty(&manifest).map_err(|e| e.to_string())?),
    )?;
    // npm is needed by the tests, not by the page: without it the build still serves.
    let packed = Command::new("npm")
        .args(["pack", "--silent", "--pack-destination", ".."])
        .current_dir(dir)
        .stdout(Stdio::null())
        .status();
    match packed {
        Err(e) if e.kind() == ErrorKind::NotFound => {
            println!("wrote {DIR}/ (the npm package; not packed into a tarball: npm is not installed)")
        }
        Err(e) => return Err(format!("cannot run `npm pack`: {e}")),
        Ok(status) if !status.success() => return Err(format!("`npm pack` in {DIR} failed ({status})")),
        Ok(_) => println!("wrote {DIR}/ and {} (the npm package)", tarball(&version)),
    }
    Ok(())
}

/// Where `npm pack` puts the package of `version`.
pub fn tarball(version: &str) -> String {
    format!("dist/tomtat-{version}.tgz")
}

/// `package.json`: the wasm API as `.`, the widget as `./widget`, the wasm and the word
/// model by name for Node's `require.resolve`, and only `files` in the tarball.
fn package_json(version: &str, files: &[String]) -> serde_json::Value {
    json!({
        "name": "tomtat",
        "version": version,
        "description": "Summaries, directives and keywords of Vietnamese articles in the browser and in Node (WebAssembly), and the <tom-tat> widget for news sites",
        "type": "module",
        "main": "./pkg/tomtat.js",
        "types": "./pkg/tomtat.d.ts",
        "exports": {
            ".": { "types": "./pkg/tomtat.d.ts", "default": "./pkg/tomtat.js" },
            "./widget": { "types": "./widget.d.ts", "default": "./widget.js" },
            "./tomtat_bg.wasm": "./pkg/tomtat_bg.wasm",
            "./words.bin": "./pkg/words.bin",
            "./package.json": "./package.json"
        },
        "files": files,
        "sideEffects": ["./widget.js"],
        "engines": { "node": ">=18" },
        "keywords": ["vietnamese", "summary", "summarization", "nlp", "wasm", "widget", "tiếng việt", "tóm tắt"],
        "license": "(MIT OR Apache-2.0) AND CC-BY-SA-4.0"
    })
}

/// The npm README with this build's version and gzip/brotli sizes filled in.
fn readme(version: &str, parts: &Reader) -> Result<String, String> {
    let template = read(&Path::new(TEMPLATES).join("README.md"))?;
    let reader = parts.total();
    Ok([
        ("@VERSION@", version.to_string()),
        ("@READER_GZIP@", reader.gzip.to_string()),
        ("@READER_BROTLI@", reader.brotli.to_string()),
        ("@WASM_GZIP@", parts.wasm.gzip.to_string()),
        ("@GLUE_GZIP@", parts.glue.gzip.to_string()),
        ("@WORDS_GZIP@", parts.words.gzip.to_string()),
    ]
    .iter()
    .fold(template, |text, (from, to)| text.replace(from, to)))
}
