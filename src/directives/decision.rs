//! The decision: which candidates the rules propose are directives a reader is shown.
//!
//! Boosted trees of depth two over the features of [`super::features`]: each tree asks
//! whether the candidate has one feature, then, on either side, whether it has a
//! second, and gives one of four values; the values of all trees are summed, and the
//! candidate is kept when the sum reaches the threshold. A tree of depth two can weigh
//! a feature differently beside another (a cue word with or without a quotation), which
//! a weight per feature cannot. Values and threshold are integers (the logit times
//! [`SCALE`]) in `data/directive-weights.txt`, fitted by `cargo xtask fit-directives`
//! on the annotated articles; the threshold was chosen there for precision. The table
//! names each feature by the hash of its name ([`super::feature_hash`]), with the names
//! in a comment line above each tree for the reader (the build strips comments).

use std::sync::OnceLock;

/// Units of a value per unit of logit.
pub const SCALE: f64 = 64.0;

/// One tree of depth two: whether the candidate has feature `features[0]`; if not,
/// whether it has `features[1]` (values 0 and 1 for without and with); if so, whether it
/// has `features[2]` (values 2 and 3). A side that asks nothing more asks again for
/// the first feature, whose answer it knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tree {
    /// The feature hashes it asks about: first, then on the side without it, then on
    /// the side with it.
    pub features: [u32; 3],
    /// The value of each of the four leaves.
    pub values: [i32; 4],
}

impl Tree {
    /// The leaf (0 to 3) reached by a candidate that `has` the features it has (the fit
    /// asks by its own numbering of the features).
    pub fn leaf(&self, has: impl Fn(u32) -> bool) -> usize {
        let (side, next) = if has(self.features[0]) { (2, self.features[2]) } else { (0, self.features[1]) };
        side + usize::from(has(next))
    }
}

/// The trees and the threshold a candidate's score must reach.
#[derive(Debug, Clone, Default)]
pub struct Model {
    trees: Vec<Tree>,
    threshold: i32,
}

impl Model {
    /// Reads a table: `#` comment lines, a `threshold N` line, then one line per tree,
    /// its three feature hashes and its four values (see [`Tree`]). `None` when a line
    /// does not read so.
    pub fn parse(table: &str) -> Option<Model> {
        let mut model = Model::default();
        for line in crate::data::lines(table) {
            if let Some(threshold) = line.strip_prefix("threshold ") {
                model.threshold = threshold.parse().ok()?;
                continue;
            }
            let mut numbers = line.split(' ');
            let mut features = [0; 3];
            for f in &mut features {
                *f = numbers.next()?.parse().ok()?;
            }
            let mut values = [0; 4];
            for v in &mut values {
                *v = numbers.next()?.parse().ok()?;
            }
            if numbers.next().is_some() {
                return None;
            }
            model.trees.push(Tree { features, values });
        }
        Some(model)
    }

    /// The table [`Model::parse`] reads: `threshold` and the `trees`, each with the
    /// names of its features written in a comment above it.
    pub fn table(threshold: i32, trees: &[(Tree, String)]) -> String {
        let mut table = format!("threshold {threshold}\n");
        for (tree, names) in trees {
            let [a, b, c] = tree.features;
            let [v, w, x, y] = tree.values;
            table.push_str(&format!("# {names}\n{a} {b} {c} {v} {w} {x} {y}\n"));
        }
        table
    }

    /// The candidate's score: the sum of the values its features reach in each tree.
    pub fn score(&self, features: &[u32]) -> i32 {
        self.trees.iter().map(|t| t.values[t.leaf(|f| features.contains(&f))]).sum()
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
    use crate::directives::feature_hash;

    #[test]
    fn a_candidate_is_kept_when_the_values_it_reaches_reach_the_threshold() {
        let [bias, cue, quoted, me] = ["bias", "cue yêu cầu", "cue quoted", "marker tôi"].map(feature_hash);
        let trees = [
            // The cue counts, less inside a quotation.
            (Tree { features: [cue, cue, quoted], values: [0, 0, 12, 4] }, "cue yêu cầu | cue quoted".to_string()),
            // A first person before the cue counts against, whatever else.
            (Tree { features: [me, bias, me], values: [-2, 0, -20, -20] }, "marker tôi | bias".to_string()),
        ];
        let model = Model::parse(&Model::table(10, &trees)).unwrap();
        assert!(model.keeps(&[bias, cue]));
        assert!(!model.keeps(&[bias]));
        assert!(!model.keeps(&[bias, cue, quoted]), "the quotation weighs the cue less");
        assert!(!model.keeps(&[bias, cue, me]));
        assert_eq!(model.score(&[cue, quoted]), 2, "the second tree's side without 'tôi' asks for 'bias'");
        assert!(Model::parse("threshold x\n").is_none());
        assert!(Model::parse("threshold 10\n1 2 3 4 5 6\n").is_none(), "a value missing");
        assert!(Model::parse("threshold 10\n1 2 3 4 5 6 7 8\n").is_none(), "a number too many");
    }

    #[test]
    fn the_shipped_table_parses_and_has_trees() {
        let model = Model::parse(include_str!("../../data/directive-weights.txt")).unwrap();
        assert!(model.trees.len() > 10);
    }
}
