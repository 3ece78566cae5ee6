//! The offline single file, written by `cargo xtask build`: `dist/tomtat.html`, the
//! paste page with its CSS, its scripts, the worker, the wasm and the seed inlined.
//!
//! Chromium loads neither a module script nor the wasm from separate files over
//! `file://` (both are CORS requests there), so one HTML file that needs nothing else
//! is what can be mailed or carried on a USB stick. The page's ES modules are inlined
//! by a small bundler made for them: each imported module becomes an expression
//! evaluating to its exports (`(() => { ...; return { a, b }; })()`), which covers the
//! forms `www/` and the bindgen glue use (`import x, { a, b as c } from './m.js';`,
//! `export function|const|class`, `export { a, b as default };`) and fails the build on
//! anything else. The worker runs as a classic worker from a Blob URL of its bundled
//! source (worker.js with the glue) and gets the wasm and the word model as bytes
//! decoded from base64.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use base64::Engine as _;

use crate::build::{read, shipped};

/// Where the file goes (git-ignored).
pub const OUT: &str = "dist/tomtat.html";
const PAGE: &str = "index.html";

/// Writes `dist/tomtat.html` from the shipped `dist/www/`.
pub fn write() -> Result<(), String> {
    let html = read(Path::new(&shipped(PAGE)))?;
    let css = read(Path::new(&shipped("style.css")))?;
    let seed = read(Path::new(&shipped("pkg/seed.txt")))?;
    let wasm = std::fs::read(shipped("pkg/tomtat_bg.wasm")).map_err(|e| format!("cannot read the wasm: {e}"))?;
    let words = std::fs::read(shipped("pkg/words.bin")).map_err(|e| format!("cannot read the word model: {e}"))?;

    // A classic worker (Chromium starts no module worker from a Blob URL over file://),
    // where `import.meta` does not exist: the glue only reads it for a default wasm URL,
    // which is never used here since the worker is given the bytes.
    let worker = bundle(Path::new(&shipped("worker.js")), &|_, module| Ok(module))?
        .replace("import.meta.url", "self.location.href");
    // The page's digester starts that worker from a Blob URL and hands it the wasm bytes.
    let app = bundle(Path::new(&shipped("app.js")), &|file, module| {
        if file.file_name().is_some_and(|name| name == "digester.js") {
            Ok(format!("(({{ createDigester }}) => ({{ createDigester: (options = {{}}) => createDigester({{ workerUrl: URL.createObjectURL(new Blob([WORKER_SOURCE], {{ type: 'text/javascript' }})), workerType: 'classic', wasm: Uint8Array.from(atob(WASM_BASE64), (c) => c.charCodeAt(0)), words: Uint8Array.from(atob(WORDS_BASE64), (c) => c.charCodeAt(0)), ...options }}) }}))({module})"))
        } else {
            Ok(module)
        }
    })?;
    let script = format!(
        "// tomtat, offline: the page's modules, the worker's source, the wasm and the word model in one script.\nconst WORKER_SOURCE = {};\nconst WASM_BASE64 = \"{}\";\nconst WORDS_BASE64 = \"{}\";\n{app}",
        js_string(&worker)?,
        base64::engine::general_purpose::STANDARD.encode(&wasm),
        base64::engine::general_purpose::STANDARD.encode(&words),
    );
    for (what, text) in [("the page's script", &script), ("style.css", &css)] {
        let lower = text.to_lowercase();
        if lower.contains("</script") || lower.contains("</style") || lower.contains("<!--") {
            return Err(format!("{what} holds `</script`, `</style` or `<!--` and cannot be inlined in HTML"));
        }
    }
    let html = replace_once(&html, r#"<link rel="stylesheet" href="style.css">"#, &format!("<style>\n{css}</style>"))?;
    let html = replace_once(
        &html,
        r#"<script type="module" src="app.js"></script>"#,
        &format!("<script type=\"module\">\n{script}</script>"),
    )?;
    // app.js takes the "Bài mẫu" text from #seed-text when a bundle put it there.
    let html =
        replace_once(&html, "</body>", &format!("<div id=\"seed-text\" hidden>{}</div>\n</body>", escape_html(&seed)))?;

    let out = PathBuf::from(OUT);
    if let Some(dir) = out.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    crate::build::write_file(&out, &html)
}

/// `text` with its one occurrence of `from` replaced; an error when there is not exactly one.
fn replace_once(text: &str, from: &str, to: &str) -> Result<String, String> {
    match text.matches(from).count() {
        1 => Ok(text.replacen(from, to, 1)),
        n => Err(format!("{PAGE}: expected `{from}` once, found it {n} times")),
    }
}

/// A JSON string literal (valid JavaScript) with `<` escaped, so it cannot end a script.
fn js_string(text: &str) -> Result<String, String> {
    serde_json::to_string(text).map(|json| json.replace('<', "\\u003c")).map_err(|e| e.to_string())
}

fn escape_html(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// The source of the module at `path` with every relative import inlined; `wrap(file,
/// expression)` may wrap the expression that stands for an imported module.
pub fn bundle(path: &Path, wrap: &dyn Fn(&Path, String) -> Result<String, String>) -> Result<String, String> {
    let (body, _) = inline(path, wrap)?;
    Ok(body)
}

/// The module's body with its imports inlined and its `export` keywords removed, and
/// the names it exports as `(exported, local)`.
fn inline(
    path: &Path,
    wrap: &dyn Fn(&Path, String) -> Result<String, String>,
) -> Result<(String, Vec<(String, String)>), String> {
    let source = read(path)?;
    let mut body = String::with_capacity(source.len());
    let mut exports = Vec::new();
    let at = |line: usize, why: &str| format!("{}:{}: {why}", path.display(), line + 1);
    for (n, line) in source.lines().enumerate() {
        if let Some(rest) = line.strip_prefix("import ") {
            let (clause, specifier) = rest
                .trim_end()
                .strip_suffix(';')
                .and_then(|r| r.split_once(" from "))
                .ok_or_else(|| at(n, "an import the bundler does not read (one line, `import ... from '...';`)"))?;
            let specifier = specifier.trim().trim_matches(['\'', '"']);
            if !specifier.starts_with("./") {
                return Err(at(n, "only relative imports can be inlined"));
            }
            let file = path.parent().unwrap_or(Path::new(".")).join(specifier);
            let (inner, names) = inline(&file, wrap)?;
            let module = wrap(&file, module_expression(&inner, &names))?;
            writeln!(body, "const {} = {module};", destructure(clause).map_err(|e| at(n, &e))?)
                .map_err(|e| e.to_string())?;
        } else if let Some(rest) = line.strip_prefix("export ") {
            if let Some(list) = rest.strip_prefix('{') {
                let list = list.trim_end().strip_suffix(';').unwrap_or(list).trim_end().trim_end_matches('}');
                for item in list.split(',').map(str::trim).filter(|item| !item.is_empty()) {
                    let (local, name) = item.split_once(" as ").unwrap_or((item, item));
                    exports.push((name.trim().to_string(), local.trim().to_string()));
                }
            } else {
                let name = declared_name(rest).ok_or_else(|| at(n, "an export the bundler does not read"))?;
                exports.push((name.clone(), name));
                body.push_str(rest);
                body.push('\n');
            }
        } else {
            body.push_str(line);
            body.push('\n');
        }
    }
    Ok((body, exports))
}

/// `(() => { body; return { exported: local, ... }; })()`.
fn module_expression(body: &str, exports: &[(String, String)]) -> String {
    let names: Vec<String> = exports
        .iter()
        .map(|(name, local)| if name == local { name.clone() } else { format!("{name}: {local}") })
        .collect();
    format!("(() => {{\n{body}return {{ {} }};\n}})()", names.join(", "))
}

/// The name an `export` declaration declares: `function f(`, `async function f(`,
/// `const x =`, `let x`, `class C`.
fn declared_name(declaration: &str) -> Option<String> {
    let rest = declaration.strip_prefix("async ").unwrap_or(declaration);
    let rest = ["function ", "const ", "let ", "class "].iter().find_map(|k| rest.strip_prefix(k))?;
    let name: String = rest
        .trim_start_matches('*')
        .trim_start()
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '$')
        .collect();
    (!name.is_empty()).then_some(name)
}

/// An import clause (`x`, `{ a, b as c }`, `x, { a }`) as an object pattern.
fn destructure(clause: &str) -> Result<String, String> {
    let clause = clause.trim();
    let (default, named) = match clause.split_once('{') {
        Some((before, after)) => {
            (before.trim().trim_end_matches(',').trim(), after.trim().strip_suffix('}').ok_or("no `}` in the import")?)
        }
        None => (clause, ""),
    };
    let mut parts = Vec::new();
    if !default.is_empty() {
        parts.push(format!("default: {default}"));
    }
    for item in named.split(',').map(str::trim).filter(|item| !item.is_empty()) {
        parts.push(match item.split_once(" as ") {
            Some((name, local)) => format!("{}: {}", name.trim(), local.trim()),
            None => item.to_string(),
        });
    }
    Ok(format!("{{ {} }}", parts.join(", ")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn import_clauses_become_patterns() {
        assert_eq!(destructure("init, { digest }").unwrap(), "{ default: init, digest }");
        assert_eq!(destructure("{ a, b as c }").unwrap(), "{ a, b: c }");
        assert_eq!(destructure("x").unwrap(), "{ default: x }");
    }

    #[test]
    fn export_declarations_are_named() {
        assert_eq!(declared_name("function digest(text) {").as_deref(), Some("digest"));
        assert_eq!(declared_name("async function run() {").as_deref(), Some("run"));
        assert_eq!(declared_name("const $x = 1;").as_deref(), Some("$x"));
        assert_eq!(declared_name("default 1;"), None);
    }

    #[test]
    fn strings_cannot_end_a_script() {
        assert_eq!(js_string("a</script>\"b").unwrap(), r#""a\u003c/script>\"b""#);
    }
}
