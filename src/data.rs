//! Reading the data tables compiled into the crate (`data/*.txt`).
//!
//! Every table is a UTF-8 text file whose first lines are `#` comments saying where it
//! came from and how to rebuild it; each other non-blank line is one entry.

/// The entries of a table: its non-blank lines that are not `#` comments, trimmed.
pub fn lines(table: &str) -> impl Iterator<Item = &str> {
    table.lines().map(str::trim).filter(|line| !line.is_empty() && !line.starts_with('#'))
}

/// The table `data/NAME` as a `&'static str` for [`lines`], compiled in without its
/// comments and blank lines (build.rs strips them): the wasm need not carry them.
macro_rules! table {
    ($name:literal) => {
        include_str!(concat!(env!("OUT_DIR"), "/", $name))
    };
}
pub(crate) use table;
