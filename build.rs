//! Compact forms of tables, made when the crate is built, for the bytes every reader of
//! the wasm downloads: each `data/*.txt` table without its `#` comment and blank lines,
//! which no reader of a table looks at (`data::lines` skips them); the crate includes
//! them through `data::table!`.

use std::path::{Path, PathBuf};

fn main() {
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=data");
    for entry in std::fs::read_dir("data").expect("the crate's data/ folder") {
        let path = entry.expect("a data/ entry").path();
        if path.extension().is_some_and(|e| e == "txt") {
            let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            write(&out.join(path.file_name().expect("a file name")), &entries(&text));
        }
    }
}

/// The lines of a table that are not blank and not `#` comments, as they were.
fn entries(table: &str) -> String {
    table.lines().filter(|line| !line.trim().is_empty() && !line.trim().starts_with('#')).fold(
        String::new(),
        |mut out, line| {
            out.push_str(line);
            out.push('\n');
            out
        },
    )
}

fn write(path: &Path, text: &str) {
    std::fs::write(path, text).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
}
