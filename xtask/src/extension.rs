//! The browser extension, written by `cargo xtask build`: `dist/extension/`, a Chromium
//! Manifest V3 extension to load unpacked (or to zip for a store).
//!
//! Its own files are in `extension/`: the manifest (its version filled in from
//! `Cargo.toml`), the service worker, the side panel, the content script and the icons.
//! The panel digests with the page's `digester.js`, `worker.js` and `kinds.js` and the
//! built `pkg/`, and draws with the widget's `digest-view.js`, copied from the shipped
//! `dist/www/` beside it as in `www/`; its own scripts are stripped of comments as those
//! are (`strip.rs`); the content script, which Chromium injects as a classic script, is bundled
//! with `find-article.js`, `highlight.js` and `digest-view.js` by the offline file's
//! bundler and wrapped in a function, so injecting it twice declares nothing twice.

use std::path::Path;

use crate::build::{copy, crate_version, read, ship, shipped, write_file};

/// The extension's folder (git-ignored).
pub const DIR: &str = "dist/extension";
/// The extension's own sources.
const SOURCES: &str = "extension";
/// The extension's own files, copied as they are, scripts stripped (the manifest and
/// content.js are made).
const OWN_FILES: [&str; 4] = ["background.js", "panel.html", "panel.css", "panel.js"];
/// Its icons, the sizes the manifest names (drawn by `extension/icons/draw.py`).
const ICONS: [&str; 4] = ["icon-16.png", "icon-32.png", "icon-48.png", "icon-128.png"];
/// The page's modules the panel imports (digest-view.js, shared with the widget, imports
/// kinds.js and highlight.js; the content script's bundle also holds the last three).
const PANEL_MODULES: [&str; 5] = ["digester.js", "worker.js", "kinds.js", "digest-view.js", "highlight.js"];
/// The module only the content script's bundle needs.
const CONTENT_MODULES: [&str; 1] = ["find-article.js"];
/// What the worker loads from the shipped `pkg/`.
const PKG_FILES: [&str; 3] = ["tomtat.js", "tomtat_bg.wasm", "words.bin"];

/// Writes `dist/extension/`.
pub fn write() -> Result<(), String> {
    let dir = Path::new(DIR);
    if dir.exists() {
        std::fs::remove_dir_all(dir).map_err(|e| format!("cannot remove {DIR}: {e}"))?;
    }
    for sub in ["pkg", "icons"] {
        std::fs::create_dir_all(dir.join(sub)).map_err(|e| format!("cannot create {DIR}/{sub}: {e}"))?;
    }
    for name in OWN_FILES {
        ship(&Path::new(SOURCES).join(name), &dir.join(name))?;
    }
    for name in ICONS {
        copy(&Path::new(SOURCES).join("icons").join(name), &dir.join("icons").join(name))?;
    }
    for name in PANEL_MODULES.iter().chain(&CONTENT_MODULES) {
        copy(Path::new(&shipped(name)), &dir.join(name))?;
    }
    for name in PKG_FILES {
        copy(Path::new(&shipped(&format!("pkg/{name}"))), &dir.join("pkg").join(name))?;
    }
    let manifest = read(&Path::new(SOURCES).join("manifest.json"))?;
    write_file(&dir.join("manifest.json"), &manifest.replace("@VERSION@", &crate_version()?))?;
    ship(&Path::new(SOURCES).join("content.js"), &dir.join("content.js"))?;
    let content = crate::offline::bundle(&dir.join("content.js"), &|_, module| Ok(module))?;
    write_file(
        &dir.join("content.js"),
        &format!("// tomtat's content script, bundled by `cargo xtask build`.\n(() => {{\n{content}}})();\n"),
    )?;
    // Only the bundle needs these.
    for name in CONTENT_MODULES {
        let copied = dir.join(name);
        std::fs::remove_file(&copied).map_err(|e| format!("cannot remove {}: {e}", copied.display()))?;
    }
    println!("wrote {DIR}/ (the browser extension, Manifest V3: load it unpacked)");
    Ok(())
}
