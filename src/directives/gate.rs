//! The gate: a linear classifier, learned from the annotated directives, that says
//! whether a sentence the rules propose is a directive at all.
//!
//! Hand-made negative rules grow one sentence at a time; what tells an order from
//! "phải" of hardship, a reported proposal, a headline or a speaker's own plan is the
//! cue, the words around it, whether an issuer and an addressee stand where they
//! should, the quotes, the question mark and the first person. Each of these is a
//! feature hashed into [`BUCKETS`] buckets; the weights are an averaged perceptron
//! fitted by `cargo xtask fit-directives` and quantised to small integers
//! (`data/directive-gate.txt`). A candidate is kept when its weights sum above zero.

use std::ops::Range;
use std::sync::OnceLock;

use super::cues::Found;
use super::words::Words;

/// How many hashed feature buckets the gate has: a power of two.
pub const BUCKETS: usize = 1 << 12;

/// First-person words: a speaker's own plans are not orders.
const FIRST_PERSON: &[&str] = &["tôi", "chúng tôi", "chúng ta", "mình"];

/// The weights of the gate, one per bucket.
#[derive(Debug, Clone)]
pub struct Gate {
    weights: Vec<i32>,
}

impl Gate {
    /// A gate with these bucket weights (missing buckets weigh 0).
    pub fn new(mut weights: Vec<i32>) -> Gate {
        weights.resize(BUCKETS, 0);
        Gate { weights }
    }

    /// The gate fitted on the annotated articles, from `data/directive-gate.txt`.
    pub fn shipped() -> &'static Gate {
        static GATE: OnceLock<Gate> = OnceLock::new();
        GATE.get_or_init(|| {
            let mut weights = vec![0; BUCKETS];
            for line in crate::data::lines(include_str!("../../data/directive-gate.txt")) {
                let mut fields = line.split(' ');
                let bucket = fields.next().and_then(|b| b.parse::<usize>().ok());
                let weight = fields.next().and_then(|w| w.parse::<i32>().ok());
                if let (Some(bucket), Some(weight)) = (bucket, weight) {
                    if let Some(slot) = weights.get_mut(bucket) {
                        *slot = weight;
                    }
                }
            }
            Gate { weights }
        })
    }

    /// The gate's score of a candidate's features: above zero is a directive.
    pub fn score(&self, features: &[u32]) -> i32 {
        features.iter().map(|&f| self.weights.get(f as usize).copied().unwrap_or(0)).sum()
    }

    /// Whether a candidate with these features is a directive.
    pub fn accepts(&self, features: &[u32]) -> bool {
        self.score(features) > 0
    }
}

/// What the gate looks at in one candidate, as token ranges of its sentence.
pub struct Parts<'a> {
    /// The cue as found.
    pub found: &'a Found,
    /// The issuer, when one was found.
    pub issuer: Option<Range<usize>>,
    /// The addressee, when one was found.
    pub addressee: Option<Range<usize>>,
    /// The action items.
    pub actions: &'a [Range<usize>],
    /// Whether the cue came from a run of follow-on tasks rather than a cue word.
    pub follow_on: bool,
    /// The sentence's index in the document.
    pub sentence: usize,
}

/// The hashed features of a candidate.
pub fn features(words: &Words, parts: &Parts) -> Vec<u32> {
    let at = parts.found.at.clone();
    let mut out = Vec::with_capacity(32);
    let mut add = |name: &str, value: &str| out.push(hash(name, value));
    let cue = words.lower[at.clone()].join(" ");
    add("bias", "");
    add("cue", &cue);
    add("kind", &format!("{:?} {:?}", parts.found.cue.kind, parts.found.cue.role));
    add("parties", &format!("{} {}", parts.issuer.is_some(), parts.addressee.is_some()));
    add("follow-on", &parts.follow_on.to_string());
    add("quote", &format!("{} {}", parts.found.quote.is_some(), (0..words.len()).any(|i| words.is_quote(i))));
    let last = words.len().saturating_sub(1);
    add(
        "ends",
        if words.is(last, &["?"]) {
            "?"
        } else if words.is_punct(last) {
            "."
        } else {
            "none"
        },
    );
    add("first-person", &(0..at.start).any(|i| words.phrase_at(i, FIRST_PERSON).is_some()).to_string());
    add("opens", &(at.start == 0 || words.is_punct(at.start - 1)).to_string());
    add("first-sentence", &(parts.sentence == 0).to_string());
    add("length", &(words.len() / 10).min(6).to_string());
    add("items", &parts.actions.len().min(3).to_string());
    out
}

/// FNV-1a of a feature's name and value, folded into a bucket.
fn hash(name: &str, value: &str) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for b in name.bytes().chain([0]).chain(value.bytes()) {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    h & (BUCKETS as u32 - 1)
}
