//! The closed word classes the directive rules test (`data/directive-grammar.txt`):
//! aspect markers, prepositions, connectives, quantifiers, speech verbs, the fixed
//! phrases that tell a cue word from a noun, a fact from an order, and where a noun
//! phrase or an action ends, and the marker words the directive decision reads. Each class is described in the table beside its entries.

use std::sync::OnceLock;

/// A word class of the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum List {
    /// `not-a-task` in the table.
    NotATask,
    /// `noun-before` in the table.
    NounBefore,
    /// `noun-after` in the table.
    NounAfter,
    /// `giao-after` in the table.
    GiaoAfter,
    /// `giao-before` in the table.
    GiaoBefore,
    /// `superiors` in the table.
    Superiors,
    /// `fact-after` in the table.
    FactAfter,
    /// `fact-before` in the table.
    FactBefore,
    /// `before-verb` in the table.
    BeforeVerb,
    /// `connectives` in the table, and the summary's connectives (one list for both).
    Connectives,
    /// `breaks` in the table.
    Breaks,
    /// `adverbial` in the table.
    Adverbial,
    /// `np-tail` in the table.
    NpTail,
    /// `prepositions` in the table.
    Prepositions,
    /// `first-person` in the table.
    FirstPerson,
    /// `speech` in the table.
    Speech,
    /// `opinion` in the table.
    Opinion,
    /// `goals` in the table.
    Goals,
    /// `nominalisers` in the table.
    Nominalisers,
    /// `elaboration` in the table.
    Elaboration,
    /// `task-nouns` in the table.
    TaskNouns,
    /// `deadline` in the table.
    Deadline,
    /// `clause-breaks` in the table.
    ClauseBreaks,
    /// `aspect` in the table.
    Aspect,
    /// `tense` in the table.
    Tense,
    /// `frame` in the table.
    Frame,
    /// `units` in the table.
    Units,
    /// `link` in the table.
    Link,
    /// `negation` in the table.
    Negation,
    /// `petitioner` in the table.
    Petitioner,
    /// `document` in the table.
    Document,
    /// `sending` in the table.
    Sending,
    /// `legal` in the table.
    Legal,
    /// `proposal` in the table.
    Proposal,
    /// `quantifier` in the table.
    Quantifier,
    /// `markers` in the table.
    Markers,
    /// `determiners` in the table.
    Determiners,
    /// `helping` in the table.
    Helping,
    /// `dated` in the table.
    Dated,
    /// `conjunctions` in the table.
    Conjunctions,
    /// `not-conjunction` in the table.
    NotConjunction,
}

/// The name of each class in the table.
const NAMES: [(&str, List); 41] = [
    ("not-a-task", List::NotATask),
    ("noun-before", List::NounBefore),
    ("noun-after", List::NounAfter),
    ("giao-after", List::GiaoAfter),
    ("giao-before", List::GiaoBefore),
    ("superiors", List::Superiors),
    ("fact-after", List::FactAfter),
    ("fact-before", List::FactBefore),
    ("before-verb", List::BeforeVerb),
    ("connectives", List::Connectives),
    ("breaks", List::Breaks),
    ("adverbial", List::Adverbial),
    ("np-tail", List::NpTail),
    ("prepositions", List::Prepositions),
    ("first-person", List::FirstPerson),
    ("speech", List::Speech),
    ("opinion", List::Opinion),
    ("goals", List::Goals),
    ("nominalisers", List::Nominalisers),
    ("elaboration", List::Elaboration),
    ("task-nouns", List::TaskNouns),
    ("deadline", List::Deadline),
    ("clause-breaks", List::ClauseBreaks),
    ("aspect", List::Aspect),
    ("tense", List::Tense),
    ("frame", List::Frame),
    ("units", List::Units),
    ("link", List::Link),
    ("negation", List::Negation),
    ("petitioner", List::Petitioner),
    ("document", List::Document),
    ("sending", List::Sending),
    ("legal", List::Legal),
    ("proposal", List::Proposal),
    ("quantifier", List::Quantifier),
    ("markers", List::Markers),
    ("determiners", List::Determiners),
    ("helping", List::Helping),
    ("dated", List::Dated),
    ("conjunctions", List::Conjunctions),
    ("not-conjunction", List::NotConjunction),
];

/// The phrases of a class, in table order (as a slice, through `Deref`), and grouped
/// by first byte for [`Words::phrase_at`](super::words::Words::phrase_at) and by last
/// byte for [`Words::phrase_before`](super::words::Words::phrase_before), which the
/// rules ask at every token: they compare only the phrases that can start or end there.
#[derive(Debug)]
pub struct Class {
    phrases: Vec<&'static str>,
    /// The phrases grouped by their first byte.
    by_first: Buckets,
    /// The phrases grouped by their last byte.
    by_last: Buckets,
}

/// Phrases grouped by one of their bytes.
#[derive(Debug)]
struct Buckets {
    /// The phrases, byte after byte.
    phrases: Vec<&'static str>,
    /// `phrases[starts[b]..starts[b + 1]]` are the phrases whose byte is `b`.
    starts: Vec<usize>,
}

impl Buckets {
    /// `phrases` grouped by the byte `key` picks of each, placed by counting, byte after
    /// byte. Which of a group's phrases comes first does not matter: the rules take the
    /// longest that matches.
    fn new(phrases: &[&'static str], key: impl Fn(&str) -> Option<u8>) -> Buckets {
        let mut starts = vec![0; 257];
        for b in phrases.iter().filter_map(|p| key(p)) {
            starts[usize::from(b) + 1] += 1;
        }
        for b in 0..256 {
            starts[b + 1] += starts[b];
        }
        let mut next = starts.clone();
        let mut grouped = vec![""; starts[256]];
        for p in phrases {
            if let Some(b) = key(p) {
                grouped[next[usize::from(b)]] = p;
                next[usize::from(b)] += 1;
            }
        }
        Buckets { phrases: grouped, starts }
    }

    /// The phrases whose byte is `byte`.
    fn get(&self, byte: u8) -> &[&'static str] {
        &self.phrases[self.starts[usize::from(byte)]..self.starts[usize::from(byte) + 1]]
    }
}

impl Class {
    /// The class of `phrases`, in table order.
    pub(crate) fn new(phrases: Vec<&'static str>) -> Class {
        let by_first = Buckets::new(&phrases, |p| p.as_bytes().first().copied());
        let by_last = Buckets::new(&phrases, |p| p.as_bytes().last().copied());
        Class { phrases, by_first, by_last }
    }

    /// The phrases whose first byte is `byte`.
    pub fn starting_with(&self, byte: u8) -> &[&'static str] {
        self.by_first.get(byte)
    }

    /// The phrases whose last byte is `byte`.
    pub fn ending_with(&self, byte: u8) -> &[&'static str] {
        self.by_last.get(byte)
    }
}

impl std::ops::Deref for Class {
    type Target = [&'static str];

    fn deref(&self) -> &[&'static str] {
        &self.phrases
    }
}

/// The phrases of a class (see [`Class`]).
pub fn list(which: List) -> &'static Class {
    static LISTS: OnceLock<Vec<Class>> = OnceLock::new();
    let lists = LISTS.get_or_init(|| {
        let mut lists = vec![Vec::new(); NAMES.len()];
        for (name, phrase) in crate::data::kinds(crate::data::table!("directive-grammar.txt")) {
            if let Some((_, which)) = NAMES.iter().find(|(n, _)| *n == name) {
                lists[*which as usize].push(phrase.trim());
            }
        }
        // One list of sentence connectives serves the summary and the directives: the
        // summary's (`connective` in data/summary-cues.txt) join the grammar's own.
        for (kind, phrase) in crate::data::kinds(crate::data::table!("summary-cues.txt")) {
            if kind == "connective" {
                lists[List::Connectives as usize].push(phrase.trim());
            }
        }
        lists.into_iter().map(Class::new).collect()
    });
    &lists[which as usize]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_names_a_class_and_every_class_has_entries() {
        for line in crate::data::lines(crate::data::table!("directive-grammar.txt")) {
            let name = line.split_once(' ').map_or(line, |(n, _)| n);
            assert!(NAMES.iter().any(|(n, _)| *n == name), "unknown class in {line:?}");
        }
        for (name, which) in NAMES {
            assert!(!list(which).is_empty(), "{name} has no entries");
        }
    }

    #[test]
    fn phrases_are_written_as_the_rules_compare_them() {
        let lists: Vec<&[&str]> = NAMES.iter().map(|(_, which)| &list(*which)[..]).collect();
        crate::directives::words::assert_written_as_compared(&lists);
    }
}
