//! The decision: which candidates the rules propose are directives a reader is shown.
//!
//! A logistic regression over the features of [`super::features`]: the weights of the
//! features a candidate has are summed, and the candidate is kept when the sum reaches
//! the threshold. Weights and threshold are integers (the logit times [`SCALE`]) in
//! `data/directive-weights.txt`, fitted by `cargo xtask fit-directives` on the
//! annotated articles; the threshold was chosen there for precision. The table keys
//! each weight by the hash of its feature's name ([`super::feature_hash`]), sorted and
//! written as the difference from the key above (five digits, where the names took
//! twenty letters), with the names in a comment line above it for the reader (the
//! build strips comments).

use std::sync::OnceLock;

/// Units of a weight per unit of logit.
pub const SCALE: f64 = 64.0;

/// Feature weights and the threshold a candidate's score must reach.
#[derive(Debug, Clone, Default)]
pub struct Model {
    /// Sorted by feature hash, for binary search: smaller in the wasm than a map.
    weights: Vec<(u32, i32)>,
    threshold: i32,
}

impl Model {
    /// Reads a weights table: `#` comment lines, a `threshold N` line, then one
    /// `WEIGHT STEP` line per feature in the order of their hashes, each hash the one
    /// before it (0 for the first) plus STEP. `None` when a line does not read so.
    pub fn parse(table: &str) -> Option<Model> {
        let mut model = Model::default();
        let mut key: u32 = 0;
        for line in crate::data::lines(table) {
            let (first, rest) = line.split_once(' ')?;
            if first == "threshold" {
                model.threshold = rest.parse().ok()?;
            } else {
                key = key.checked_add(rest.parse().ok()?)?;
                model.weights.push((key, first.parse().ok()?));
            }
        }
        Some(model)
    }

    /// The table [`Model::parse`] reads: `threshold` and `weights` (feature hash,
    /// weight, names), the names written in a comment above each weight.
    pub fn table(threshold: i32, weights: &[(u32, i32, String)]) -> String {
        let mut sorted: Vec<&(u32, i32, String)> = weights.iter().collect();
        sorted.sort_unstable_by_key(|w| w.0);
        let mut table = format!("threshold {threshold}\n");
        let mut key = 0;
        for (hash, weight, names) in sorted {
            table.push_str(&format!("# {names}\n{weight} {}\n", hash - key));
            key = *hash;
        }
        table
    }

    /// The candidate's score: the sum of its features' weights.
    pub fn score(&self, features: &[u32]) -> i32 {
        let weight = |f: &u32| self.weights.binary_search_by(|(g, _)| g.cmp(f)).ok().map(|i| self.weights[i].1);
        features.iter().filter_map(weight).sum()
    }

    /// The score a candidate must reach to be shown.
    pub fn threshold(&self) -> i32 {
        self.threshold
    }

    /// Whether a candidate with `features` is shown.
    pub fn keeps(&self, features: &[u32]) -> bool {
        self.score(features) >= self.threshold
    }
}

/// The shipped model (`data/directive-weights.txt`), read on first use. A table that
/// does not parse can only come from a broken build; the empty model keeps every
/// candidate the rules propose.
pub fn shipped() -> &'static Model {
    static MODEL: OnceLock<Model> = OnceLock::new();
    MODEL.get_or_init(|| Model::parse(crate::data::table!("directive-weights.txt")).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_candidate_is_kept_when_its_weights_reach_the_threshold() {
        let weight = |weight: i32, name: &str| (crate::directives::feature_hash(name), weight, name.to_string());
        let table = Model::table(10, &[weight(8, "bias"), weight(5, "cue yêu cầu"), weight(-20, "marker tôi")]);
        let model = Model::parse(&table).unwrap();
        let features = |names: &[&str]| names.iter().map(|s| crate::directives::feature_hash(s)).collect::<Vec<_>>();
        assert!(model.keeps(&features(&["bias", "cue yêu cầu"])));
        assert!(!model.keeps(&features(&["bias"])));
        assert!(!model.keeps(&features(&["bias", "cue yêu cầu", "marker tôi"])));
        assert!(Model::parse("threshold x\n").is_none());
        assert!(Model::parse("threshold 10\n8 bias\n").is_none(), "a name where the step goes");
        let steps = Model::parse(&table).unwrap().weights.windows(2).all(|w| w[0].0 < w[1].0);
        assert!(steps, "the keys are read back in order");
    }

    #[test]
    fn the_shipped_table_parses_and_has_weights() {
        let model = Model::parse(include_str!("../../data/directive-weights.txt")).unwrap();
        assert!(model.weights.len() > 10);
    }
}
