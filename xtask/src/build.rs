//! `cargo xtask build`: the wasm module and the page's files in `www/pkg/`.
//!
//! Compiles the crate for `wasm32-unknown-unknown` in the size-optimised `wasm` profile,
//! runs the bindgen step in-process through `wasm-bindgen-cli-support`
//! (pinned to the crate's `wasm-bindgen` version, so no separate CLI to install),
//! copies the word model (`words.bin`, which the wasm does not embed: the page, the
//! widget and the extension load it beside the wasm) and the seed article for the
//! page's "Bài mẫu" button, writes the offline single file (`offline.rs`), the npm
//! package (`npm.rs`) and the browser extension (`extension.rs`) and prints the sizes a
//! reader downloads, which it also writes into `docs/performance.md`; `cargo xtask
//! build` then writes the Python wheel (`python.rs`).
//! Debian's `wasm-opt` is deliberately not run: its version breaks
//! externref tables.

use std::io::Write;
use std::path::{Path, PathBuf};

use flate2::write::GzEncoder;
use flate2::Compression;
use wasm_bindgen_cli_support::Bindgen;

use crate::test::{cargo, ensure_wasm_target};

/// Where the generated module, wasm, types and seed go (git-ignored).
pub const PKG: &str = "www/pkg";
/// The word model, loaded beside the wasm: every digest reads words.
const WORDS: &str = "data/words.bin";
/// The reference article, loaded by the page's "Bài mẫu" button.
const SEED: &str = "seeds/000_5dea1911c32d1e71.txt";
/// `www/` as it ships (git-ignored): its scripts without comments and indentation
/// (`strip.rs`), its other files and the built `pkg/` as they are. Sites copy it, the
/// npm package, the extension and the offline file are made from it, the sizes count
/// it and the browser tests load it; `www/` stays the readable source that `cargo
/// xtask serve` serves.
pub const SITE: &str = "dist/www";
/// The page's own scripts, counted in the size report.
const PAGE_SCRIPTS: [&str; 6] = ["app.js", "digest-view.js", "kinds.js", "digester.js", "worker.js", "highlight.js"];
/// What a news site's reader downloads besides the wasm, its glue and the word model:
/// the widget and the modules it imports (its CSS is inside widget.js), and the worker.
pub const WIDGET_SCRIPTS: [&str; 7] =
    ["widget.js", "digest-view.js", "kinds.js", "find-article.js", "digester.js", "highlight.js", "worker.js"];
/// What a news site's reader may download (widget, worker, glue, wasm), gzip (150 KB).
const READER_BUDGET_GZIP: usize = 150_000;
/// The ceiling past the budget, allowed only for models that buy real quality (the word
/// model and the directive decision) and only because the widget loads its worker and
/// wasm lazily (near the viewport or opened).
const READER_CEILING_GZIP: usize = 200_000;

pub fn run(args: &[String]) -> Result<(), String> {
    if let Some(arg) = args.first() {
        return Err(format!("build takes no arguments, got `{arg}`"));
    }
    build()?;
    // Not in `build()`: `serve` and `bench-browser` need no wheel.
    crate::python::wheel()
}

/// Builds `www/pkg/` and prints the sizes.
pub fn build() -> Result<(), String> {
    ensure_wasm_target()?;
    // Without the default `embedded-words`: the word model is a file of its own.
    cargo(&[
        "build",
        "--lib",
        "--profile",
        "wasm",
        "--target",
        "wasm32-unknown-unknown",
        "--package",
        "tomtat",
        "--no-default-features",
    ])?;
    let input = target_dir().join("wasm32-unknown-unknown/wasm/tomtat.wasm");
    Bindgen::new()
        .input_path(&input)
        .web(true)
        .map_err(|e| format!("bindgen: {e}"))?
        // Without the default path, `init()` with no argument fails in the browser.
        .omit_default_module_path(false)
        .typescript(true)
        // The function names cost about 58 KB that every reader would download.
        .remove_name_section(true)
        .remove_producers_section(true)
        .out_name("tomtat")
        .generate(PKG)
        .map_err(|e| format!("bindgen on {}: {e:#}", input.display()))?;
    copy(Path::new(WORDS), &Path::new(PKG).join("words.bin"))?;
    copy(Path::new(SEED), &Path::new(PKG).join("seed.txt"))?;
    println!("built {PKG}/ (tomtat.js, tomtat_bg.wasm, tomtat.d.ts, words.bin, seed.txt)");
    write_site()?;
    println!("wrote {SITE}/ (www/ as it ships: scripts without comments and indentation, and pkg/)");
    crate::offline::write()?;
    println!("wrote {} (the page in one file, for file:// and no network)", crate::offline::OUT);
    // Measured once: the npm README and the size report both give these figures.
    let reader = Reader::sizes()?;
    crate::npm::write(&reader)?;
    crate::extension::write()?;
    report_sizes(&reader)
}

/// Writes `dist/www/`: `www/` with its own scripts stripped and checked, and the built
/// `pkg/` as it is (the glue is bindgen's, not ours).
fn write_site() -> Result<(), String> {
    let site = Path::new(SITE);
    if site.exists() {
        std::fs::remove_dir_all(site).map_err(|e| format!("cannot remove {SITE}: {e}"))?;
    }
    std::fs::create_dir_all(site.join("pkg")).map_err(|e| format!("cannot create {SITE}/pkg: {e}"))?;
    for path in files_under(Path::new("www"))? {
        let path = Path::new(&path);
        let name = path.strip_prefix("www").map_err(|e| e.to_string())?;
        if name.starts_with("pkg") {
            copy(path, &site.join(name))?;
        } else {
            ship(path, &site.join(name))?;
        }
    }
    Ok(())
}

/// Copies `from` to `to` as it ships: a script of ours stripped and checked
/// (`strip.rs`), any other file as it is.
pub fn ship(from: &Path, to: &Path) -> Result<(), String> {
    if from.extension().is_some_and(|e| e == "js") {
        write_file(to, &crate::strip::stripped_module(from)?)
    } else {
        copy(from, to)
    }
}

/// The path of `name` in the shipped `dist/www/`.
pub fn shipped(name: &str) -> String {
    format!("{SITE}/{name}")
}

/// The text of the file at `path`, saying which file failed.
pub fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

/// Copies `from` to `to`, saying which file failed.
pub fn copy(from: &Path, to: &Path) -> Result<(), String> {
    std::fs::copy(from, to).map(drop).map_err(|e| format!("cannot copy {} to {}: {e}", from.display(), to.display()))
}

/// The `version` of the `[package]` in the crate's `Cargo.toml`.
pub fn crate_version() -> Result<String, String> {
    let manifest = std::fs::read_to_string("Cargo.toml").map_err(|e| format!("cannot read Cargo.toml: {e}"))?;
    manifest
        .lines()
        .skip_while(|line| line.trim() != "[package]")
        .take_while(|line| !line.starts_with('[') || line.trim() == "[package]")
        .find_map(|line| line.strip_prefix("version = ")?.trim().strip_prefix('"')?.strip_suffix('"').map(String::from))
        .ok_or_else(|| "Cargo.toml: no version in [package]".to_string())
}

/// Writes `text` to `path`, saying which file failed.
/// cargo's target directory (git-ignored): the wasm's build, and the Python tools'
/// virtual environments.
pub fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| PathBuf::from("target"), PathBuf::from)
}

pub fn write_file(path: &Path, text: &str) -> Result<(), String> {
    std::fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// Prints raw, gzip and brotli sizes of the wasm, the generated glue, the word model, the page's
/// scripts, what a news site's reader downloads (against its budget), the offline
/// file, the npm package and the extension, and writes them into `docs/performance.md`.
fn report_sizes(parts: &Reader) -> Result<(), String> {
    let reader = parts.total();
    let &Reader { widget, glue, wasm, words } = parts;
    let page = sizes(&PAGE_SCRIPTS.map(shipped))?;
    let offline = sizes(&[crate::offline::OUT.to_string()])?;
    let extension = sizes(&files_under(Path::new(crate::extension::DIR))?)?;
    let rows = [
        ("tomtat_bg.wasm".to_string(), wasm),
        ("tomtat.js (bindgen glue)".to_string(), glue),
        ("words.bin (word model: every digest reads words; loaded with the wasm)".to_string(), words),
        (format!("page scripts: {}", script_names(&PAGE_SCRIPTS)), page),
        (format!("widget scripts (CSS inside): {}", script_names(&WIDGET_SCRIPTS)), widget),
        ("a news site's reader: widget scripts + glue + wasm + words.bin".to_string(), reader),
        (format!("{} (offline, all inlined)", crate::offline::OUT), offline),
        (format!("{}/ (every file, as its zip roughly weighs: gzip)", crate::extension::DIR), extension),
    ];
    let tarball = crate::npm::tarball(&crate_version()?);
    let npm = sizes(&files_under(Path::new(crate::npm::DIR))?)?;
    let npm = match std::fs::metadata(&tarball) {
        Ok(packed) => format!("npm package: {tarball} is {} B ({} B unpacked)", packed.len(), npm.raw),
        Err(_) => format!("npm package: {}/ is {} B (not packed: npm is not installed)", crate::npm::DIR, npm.raw),
    };
    let verdict = if reader.gzip <= READER_BUDGET_GZIP {
        "within"
    } else if reader.gzip <= READER_CEILING_GZIP {
        "over the budget, within the ceiling for lazily loaded models"
    } else {
        "OVER the ceiling"
    };
    let budget = format!(
        "reader budget: {} B gzip of {READER_BUDGET_GZIP} B, ceiling {READER_CEILING_GZIP} B ({verdict})",
        reader.gzip
    );
    println!("sizes (raw / gzip -9 / brotli -q 11):");
    let mut table = String::from("| what | raw | gzip -9 | brotli -q 11 |\n| --- | ---: | ---: | ---: |\n");
    for (what, size) in &rows {
        println!("  {what:<86} {:>7} B / {:>7} B / {:>7} B", size.raw, size.gzip, size.brotli);
        table += &format!("| {what} | {} B | {} B | {} B |\n", size.raw, size.gzip, size.brotli);
    }
    println!("{npm}\n{budget}");
    crate::docs::write_block(crate::docs::PERFORMANCE, "build", &format!("{table}\n{npm}.\n\n{budget}.\n"))
}

/// What a news site's reader downloads, as it ships, by part.
pub struct Reader {
    /// The widget's scripts.
    pub widget: Sizes,
    /// The bindgen glue.
    pub glue: Sizes,
    /// The wasm.
    pub wasm: Sizes,
    /// The word model.
    pub words: Sizes,
}

impl Reader {
    /// The sizes of the shipped files in `dist/www/`.
    pub fn sizes() -> Result<Reader, String> {
        Ok(Reader {
            widget: sizes(&WIDGET_SCRIPTS.map(shipped))?,
            glue: sizes(&[shipped("pkg/tomtat.js")])?,
            wasm: sizes(&[shipped("pkg/tomtat_bg.wasm")])?,
            words: sizes(&[shipped("pkg/words.bin")])?,
        })
    }

    /// All of it together.
    pub fn total(&self) -> Sizes {
        self.widget.add(self.glue).add(self.wasm).add(self.words)
    }
}

/// The short names of `scripts` ("app.js" is "app"), for the size table.
fn script_names(scripts: &[&str]) -> String {
    scripts.iter().map(|name| name.trim_end_matches(".js")).collect::<Vec<_>>().join(", ")
}

/// Every file under `dir`, as paths.
pub fn files_under(dir: &Path) -> Result<Vec<String>, String> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(|e| format!("cannot list {}: {e}", dir.display()))? {
        let path = entry.map_err(|e| format!("cannot list {}: {e}", dir.display()))?.path();
        if path.is_dir() {
            files.extend(files_under(&path)?);
        } else {
            files.push(path.to_string_lossy().into_owned());
        }
    }
    Ok(files)
}

/// Sizes of a set of files: raw, and each file compressed on its own as a server sends it.
#[derive(Clone, Copy)]
pub struct Sizes {
    /// Bytes as they are.
    pub raw: usize,
    /// Bytes after gzip -9.
    pub gzip: usize,
    /// Bytes after brotli at quality 11.
    pub brotli: usize,
}

impl Sizes {
    /// The sizes of both sets together.
    pub fn add(self, other: Sizes) -> Sizes {
        Sizes { raw: self.raw + other.raw, gzip: self.gzip + other.gzip, brotli: self.brotli + other.brotli }
    }
}

/// Total sizes of `files`: raw, gzip -9 and brotli at its highest quality.
pub fn sizes(files: &[String]) -> Result<Sizes, String> {
    let mut total = Sizes { raw: 0, gzip: 0, brotli: 0 };
    for file in files {
        let bytes = std::fs::read(file).map_err(|e| format!("cannot read {file}: {e}"))?;
        let mut gz = GzEncoder::new(Vec::new(), Compression::best());
        gz.write_all(&bytes).map_err(|e| format!("gzip {file}: {e}"))?;
        let gzip = gz.finish().map_err(|e| format!("gzip {file}: {e}"))?.len();
        let mut br = brotli::CompressorWriter::new(Vec::new(), 4096, 11, 22);
        br.write_all(&bytes).map_err(|e| format!("brotli {file}: {e}"))?;
        let brotli = br.into_inner().len();
        total = total.add(Sizes { raw: bytes.len(), gzip, brotli });
    }
    Ok(total)
}
