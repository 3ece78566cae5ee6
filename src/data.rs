//! Reading the data tables compiled into the crate (`data/*.txt`).
//!
//! Every table is a UTF-8 text file whose first lines are `#` comments saying where it
//! came from and how to rebuild it; each other non-blank line is one entry.

/// The entries of a table: its non-blank lines that are not `#` comments, trimmed.
pub fn lines(table: &str) -> impl Iterator<Item = &str> {
    table.lines().map(str::trim).filter(|line| !line.is_empty() && !line.starts_with('#'))
}

/// The entries of a table of `kind rest` lines, split at their first space: the kind
/// (a cue's, a class's, an opener's) and the rest. An entry without a space is left out.
pub fn kinds(table: &str) -> impl Iterator<Item = (&str, &str)> {
    lines(table).filter_map(|line| line.split_once(' '))
}

/// The table `data/NAME` as a `&'static str` for [`lines`], compiled in without its
/// comments and blank lines (build.rs strips them): the wasm need not carry them.
macro_rules! table {
    ($name:literal) => {
        include_str!(concat!(env!("OUT_DIR"), "/", $name))
    };
}
pub(crate) use table;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_split_each_entry_at_its_first_space_and_skip_comments_and_bare_words() {
        let table = "# kind phrase\nconnective tuy nhiên\n\n  leaning riêng \nbare\n";
        assert_eq!(kinds(table).collect::<Vec<_>>(), [("connective", "tuy nhiên"), ("leaning", "riêng")]);
    }
}
