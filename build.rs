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
//! - the character properties NFC needs (`nfc_tables.rs`, for `nfc`): canonical
//!   combining classes and NFC quick-check values as runs, and the characters that
//!   decompose, sorted, each with two characters whose decompositions make its own (a
//!   composite's own pair, marked as one that composes), made from
//!   unicode-normalization's own functions, whose perfect-hash tables barely compress
//!   (17.2 KB gzip of the wasm). A unit test compares every character.

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
    write(&out.join("nfc_tables.rs"), &nfc_tables());
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

/// The Hangul syllables: decomposed and composed by arithmetic (`nfc`), so not listed.
const HANGUL: std::ops::RangeInclusive<u32> = 0xAC00..=0xD7A3;

/// The tables of `nfc`: `COMBINING_CLASS` and `QUICK_CHECK` as runs (`code <<
/// RUN_VALUE_BITS | value` where a run of one value starts), and the characters that
/// decompose (`DECOMPOSED`, sorted) with two characters each (`FIRSTS`, `SECONDS`; 0 for none)
/// whose decompositions, one after the other, make theirs: a composite's own pair
/// where it has one, marked [`COMPOSES`] in `SECONDS`. Hangul is left out of the last
/// three.
fn nfc_tables() -> String {
    use unicode_normalization::char::{canonical_combining_class, compose, decompose_canonical};
    use unicode_normalization::{is_nfc_quick, IsNormalized};
    let chars = || (0..=u32::from(char::MAX)).filter_map(char::from_u32);
    let runs = |value: &dyn Fn(char) -> u32| {
        let mut runs: Vec<u32> = Vec::new();
        let mut last = None;
        for c in chars() {
            let v = value(c);
            assert!(v < 1 << RUN_VALUE_BITS, "{c:?}: {v} does not fit a run");
            if last != Some(v) {
                runs.push(u32::from(c) << RUN_VALUE_BITS | v);
                last = Some(v);
            }
        }
        runs
    };
    let classes = runs(&|c| u32::from(canonical_combining_class(c)));
    let quick = runs(&|c| match is_nfc_quick(std::iter::once(c)) {
        IsNormalized::Yes => 0,
        IsNormalized::No => 1,
        IsNormalized::Maybe => 2,
    });
    let decomposition = |c: char| {
        let mut parts = Vec::new();
        decompose_canonical(c, |d| parts.push(d));
        parts
    };
    let mut by_decomposition = std::collections::HashMap::new();
    for c in chars().filter(|&c| !HANGUL.contains(&u32::from(c))) {
        by_decomposition.entry(decomposition(c)).or_insert(c);
    }
    let mut decomposed: Vec<(u32, u32, u32)> = Vec::new();
    for c in chars().filter(|&c| !HANGUL.contains(&u32::from(c))) {
        let parts = decomposition(c);
        if parts == [c] {
            continue;
        }
        if let [only] = parts[..] {
            decomposed.push((u32::from(c), u32::from(only), 0));
            continue;
        }
        // Every split of the decomposition into the decompositions of two characters;
        // the composite's own pair if it is one of them.
        let splits: Vec<(char, char)> = (1..parts.len())
            .rev()
            .filter_map(|k| Some((*by_decomposition.get(&parts[..k])?, *by_decomposition.get(&parts[k..])?)))
            .collect();
        let own = splits.iter().find(|&&(first, second)| compose(first, second) == Some(c));
        let &(first, second) = own.or(splits.first()).unwrap_or_else(|| panic!("no split of {c:?}"));
        let composes = if own.is_some() { COMPOSES } else { 0 };
        decomposed.push((u32::from(c), u32::from(first), u32::from(second) | composes));
    }
    let mut out = String::from("// NFC's character tables, made by build.rs from unicode-normalization.\n");
    let mut table = |name: &str, values: &mut dyn Iterator<Item = u32>| {
        let values: Vec<String> = values.map(|v| format!("{v:#x}")).collect();
        writeln!(out, "const {name}: [u32; {}] = [{}];", values.len(), values.join(",")).unwrap();
    };
    table("COMBINING_CLASS", &mut classes.into_iter());
    table("QUICK_CHECK", &mut quick.into_iter());
    table("DECOMPOSED", &mut decomposed.iter().map(|d| d.0));
    table("FIRSTS", &mut decomposed.iter().map(|d| d.1));
    table("SECONDS", &mut decomposed.iter().map(|d| d.2));
    writeln!(out, "/// The bit of `SECONDS` that marks a composite's own pair.\nconst COMPOSES: u32 = {COMPOSES:#x};")
        .unwrap();
    writeln!(out, "/// The low bits of a run that hold its value.\nconst RUN_VALUE_BITS: u32 = {RUN_VALUE_BITS};")
        .unwrap();
    out
}

/// The low bits of a run (`code << RUN_VALUE_BITS | value`) that hold its value: a
/// combining class is at most 240.
const RUN_VALUE_BITS: u32 = 8;

/// The bit of a second character (a code point has 21) that says the pair composes.
const COMPOSES: u32 = 1 << 31;
