//! The decision: which candidates the rules propose are directives a reader is shown.
//!
//! A logistic regression over the named features of [`super::features`]: the weights
//! of the features a candidate has are summed, and the candidate is kept when the sum
//! reaches the threshold. Weights and threshold are integers (the logit times
//! [`SCALE`]) in `data/directive-weights.txt`, fitted by `cargo xtask fit-directives`
//! on the annotated articles; the threshold was chosen there for precision.

use std::sync::OnceLock;

/// Units of a weight per unit of logit.
pub const SCALE: f64 = 64.0;

/// Feature weights and the threshold a candidate's score must reach.
#[derive(Debug, Clone, Default)]
pub struct Model {
    /// Sorted by feature, for binary search: smaller in the wasm than a map.
    weights: Vec<(String, i32)>,
    threshold: i32,
}

impl Model {
    /// Reads a weights table: `#` comment lines, a `threshold N` line, then one
    /// `WEIGHT FEATURE` line per feature. `None` when a line does not read so.
    pub fn parse(table: &str) -> Option<Model> {
        let mut model = Model::default();
        for line in crate::data::lines(table) {
            let (first, rest) = line.split_once(' ')?;
            if first == "threshold" {
                model.threshold = rest.parse().ok()?;
            } else {
                model.weights.push((rest.to_string(), first.parse().ok()?));
            }
        }
        model.weights.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        Some(model)
    }

    /// The candidate's score: the sum of its features' weights.
    pub fn score(&self, features: &[String]) -> i32 {
        let weight = |f: &String| self.weights.binary_search_by(|(g, _)| g.cmp(f)).ok().map(|i| self.weights[i].1);
        features.iter().filter_map(weight).sum()
    }

    /// The score a candidate must reach to be shown.
    pub fn threshold(&self) -> i32 {
        self.threshold
    }

    /// Whether a candidate with `features` is shown.
    pub fn keeps(&self, features: &[String]) -> bool {
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
        let model = Model::parse("# test\nthreshold 10\n8 bias\n5 cue yêu cầu\n-20 marker tôi\n").unwrap();
        let features = |names: &[&str]| names.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert!(model.keeps(&features(&["bias", "cue yêu cầu"])));
        assert!(!model.keeps(&features(&["bias"])));
        assert!(!model.keeps(&features(&["bias", "cue yêu cầu", "marker tôi"])));
        assert!(Model::parse("threshold x\n").is_none());
    }

    #[test]
    fn the_shipped_table_parses_and_has_weights() {
        let model = Model::parse(include_str!("../../data/directive-weights.txt")).unwrap();
        assert!(model.weights.len() > 10);
    }
}
