//! Compact forms of tables, made when the crate is built, for the bytes every reader of
//! the wasm downloads:
//! - each `data/*.txt` table without its `#` comment and blank lines (5.8 KB gzip of the
//!   wasm), which no reader of a table looks at (`data::lines` skips them); the
//!   crate includes them through `data::table!`;
//! - the lower case of every character as runs (`lower_runs.rs`, for `case::lower_case`):
//!   about 160 entries in place of the standard library's table of 1,400 pairs and the
//!   code around it (7.6 KB gzip of the wasm). Made from this toolchain's own
//!   `char::to_lowercase`, so it follows its Unicode version; a unit test compares every
//!   character.

use std::fmt::Write as _;
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
    write(&out.join("lower_runs.rs"), &lower_runs());
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

/// The lower case of `c` when it is one character of the same UTF-8 length, else `c`
/// (`document::lower_char`'s rule).
fn lower(c: char) -> char {
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) if l.len_utf8() == c.len_utf8() => l,
        _ => c,
    }
}

/// `LOWER_RUNS`: the non-ASCII characters that [`lower`] changes, as runs of
/// characters that all move by one offset, every character (step 1) or every second
/// one (step 2, the capital-small alternation of most Latin, Greek and Cyrillic blocks).
fn lower_runs() -> String {
    // (first, last, step, offset)
    let mut runs: Vec<(u32, u32, u32, i64)> = Vec::new();
    for c in (0x80..=u32::from(char::MAX)).filter_map(char::from_u32) {
        let (code, lower) = (u32::from(c), u32::from(lower(c)));
        if lower == code {
            continue;
        }
        let offset = i64::from(lower) - i64::from(code);
        match runs.last_mut() {
            Some(run) if run.3 == offset && code - run.1 <= 2 && (run.0 == run.1 || code - run.1 == run.2) => {
                run.2 = code - run.1;
                run.1 = code;
            }
            _ => runs.push((code, code, 1, offset)),
        }
    }
    let mut out = String::from(
        "/// The lower case of the non-ASCII characters, made by build.rs: `(first, last | step << 24, offset)`,\n\
         /// each run moving `first`, `first + step`, ... up to `last` by `offset`; sorted.\n",
    );
    writeln!(out, "const LOWER_RUNS: [(u32, u32, i32); {}] = [", runs.len()).unwrap();
    for (first, last, step, offset) in runs {
        writeln!(out, "    ({first:#x}, {:#x}, {offset}),", last | step << 24).unwrap();
    }
    out.push_str("];\n");
    out
}
