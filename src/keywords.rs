//! Key phrases of a document, ranked, with every occurrence.
//!
//! A candidate is a run of 1 to [`MAX_UNITS`] units (the words of
//! [`Document::words`](crate::document::Document::words), or syllables when no word
//! model is loaded) inside one sentence, with no punctuation, number or date inside,
//! not next to a number ("tháng 9", "3.000 người" are quantities, not topics), and
//! cased as Vietnamese writes a term: all capitalised ("Điện Biên", "Phạm Minh
//! Chính"), all lower case ("hạ tầng"), or one capital then lower case ("Thủ tướng").
//! Occurrences are counted by lower-cased syllables.
//!
//! Ranking uses the C-value of terminology extraction (Frantzi, Ananiadou & Mima
//! 2000): a phrase's frequency minus the mean frequency of the longer candidates that
//! contain it, so "Minh Chính" (always inside "Phạm Minh Chính") scores nothing. A
//! phrase said at least twice or in the title, not starting or ending with a stop
//! word, a function word ("ông", "có thể", "chúng tôi") or a lone letter, is kept
//! unless it is a fragment: most of its occurrences extend to the same longer phrase
//! ("triển" in "phát triển"). The C-value is one of the [`SIGNALS`] of a candidate's rank, with
//! the title, the lead and the phrase's shape, weighted by a fit on news-train.
//! Everything is linear in the size of the text.

use std::ops::Range;

use crate::document::Document;
use crate::terms::{IdMap, Terms};
use crate::tokens::TokenKind;

/// The most units a key phrase has.
pub const MAX_UNITS: usize = 4;
/// The most tokens a key phrase spans (units may be words of several syllables).
const MAX_TOKENS: usize = 8;
/// How many tokens from the start of the text the phrase statistics read.
const WINDOW_TOKENS: usize = 100_000;
/// Share of occurrences with the same neighbour that makes a phrase a fragment.
const FRAGMENT_SHARE: f32 = 0.7;
/// The signals of a candidate that its rank weighs, by name, as in
/// `data/keyword-weights.txt`: the log of one plus its C-value (frequency less the
/// mean frequency of the longer candidates containing it), the log of its frequency,
/// whether the title says it, whether the lead (the first sentence after the title)
/// does, how early it is first said (1 at the start, 0 at the end), its words after
/// the first, its syllables, whether it is written capitalised inside a sentence, and
/// whether it is a lone lower-case syllable (most often a piece of a word).
pub const SIGNALS: [&str; 9] =
    ["cvalue", "frequency", "title", "lead", "early", "words", "syllables", "capitalised", "lone"];

/// The weights of the [`SIGNALS`]; a candidate's rank is their weighted sum.
#[derive(Debug, Clone, PartialEq)]
pub struct Weights(pub [f32; SIGNALS.len()]);

/// The fitted weights (`cargo xtask fit-keywords`).
const WEIGHTS: &str = crate::data::table!("keyword-weights.txt");

impl Weights {
    /// Reads a weights table: one `signal weight` line for each of the [`SIGNALS`].
    pub fn parse(table: &str) -> Result<Weights, String> {
        crate::score::named_weights(table, &SIGNALS).map(|[weights]| Weights(weights))
    }

    /// The weights compiled in from `data/keyword-weights.txt`.
    pub fn fitted() -> &'static Weights {
        static FITTED: std::sync::OnceLock<Weights> = std::sync::OnceLock::new();
        // A table that does not parse can only come from a broken build (a unit test
        // parses it): rank by C-value alone then.
        FITTED.get_or_init(|| Weights::parse(WEIGHTS).unwrap_or(Weights(std::array::from_fn(|i| f32::from(i == 0)))))
    }
}

/// A key phrase: its score and its occurrences as token-index ranges.
#[derive(Debug, Clone, PartialEq)]
pub struct KeyPhrase {
    /// How key the phrase is; higher is more.
    pub score: f32,
    /// Each occurrence as a range of indices into the document's tokens, in order.
    pub occurrences: Vec<Range<usize>>,
}

/// How a token is written, for the casing rule.
#[derive(Clone, Copy, PartialEq)]
enum Case {
    Upper,
    Lower,
    /// First of a sentence: capitalised by position, so either.
    Either,
}

/// A phrase's syllables as term ids, and where its words start.
struct Key {
    ids: [u32; MAX_TOKENS],
    len: usize,
    /// Bit `j` set when a word starts at syllable `j`, and bit `len`.
    word_starts: u16,
}

/// The root of the phrase trie, and "no node" or "no candidate".
const NONE: u32 = u32::MAX;

/// Phrases interned as dense ids: the id of a phrase is found from the id of the
/// phrase without its last syllable and that syllable's term id. Equal ids are equal
/// lower-cased syllable sequences, so candidates live in a vector indexed by id
/// instead of a map hashing whole phrases.
struct Trie {
    /// The id of each one-syllable phrase, by term id (a vector: every run starts here).
    roots: Vec<u32>,
    /// The id of each longer phrase, by the id of its prefix (high half) and the term
    /// id of its last syllable (low half): one word to hash.
    next: IdMap<u64, u32>,
    /// How many ids are handed out.
    len: u32,
}

impl Trie {
    /// An empty trie over `terms` term ids, with room for about `capacity` phrases.
    fn new(terms: usize, capacity: usize) -> Trie {
        let next = IdMap::with_capacity_and_hasher(capacity, Default::default());
        Trie { roots: vec![NONE; terms], next, len: 0 }
    }

    /// The id of the phrase `prefix` (or [`NONE`] for the empty one) followed by
    /// term `id`, handed out if new.
    fn add(&mut self, prefix: u32, id: u32) -> u32 {
        let fresh = self.len;
        let slot = match prefix {
            NONE => match self.roots.get_mut(id as usize) {
                Some(slot) => slot,
                None => return NONE,
            },
            _ => self.next.entry(u64::from(prefix) << 32 | u64::from(id)).or_insert(NONE),
        };
        if *slot == NONE {
            *slot = fresh;
            self.len += 1;
        }
        *slot
    }

    /// The id of the phrase `prefix` followed by term `id`, if it is in the trie.
    fn find(&self, prefix: u32, id: u32) -> Option<u32> {
        let found = match prefix {
            NONE => self.roots.get(id as usize),
            _ => self.next.get(&(u64::from(prefix) << 32 | u64::from(id))),
        };
        found.copied().filter(|&node| node != NONE)
    }
}

/// A run of units that may be a key phrase, with its statistics. Indices are `u32`
/// (texts are bounded well below 4 GiB, see [`crate::MAX_INPUT_BYTES`]): there is one
/// candidate for nearly every two units of a text, so their size is the memory of this
/// module.
struct Candidate {
    /// Its node in the phrase trie.
    node: u32,
    units: u32,
    /// Index of the first unit of its first occurrence.
    first_unit: u32,
    /// Its first occurrence as token indices.
    first: Range<u32>,
    /// Occurrences counted (overlapping ones are not) and where the last one ends.
    frequency: u32,
    last_end: u32,
    in_title: bool,
    /// Whether it is ever written capitalised inside a sentence.
    capitalised: bool,
    /// Sum and count of the frequencies of the longer candidates that contain it.
    nested_sum: u32,
    nested_count: u32,
}

impl Candidate {
    /// Its first occurrence as token indices.
    fn first(&self) -> Range<usize> {
        self.first.start as usize..self.first.end as usize
    }
}

/// A token range as `u32` indices, as candidates keep them.
fn narrow(tokens: &Range<usize>) -> Range<u32> {
    tokens.start as u32..tokens.end as u32
}

/// The best `limit` key phrases of `doc`, best first. `units` are consecutive
/// token-index ranges covering the document's tokens (its words, see
/// [`Document::words`](crate::document::Document::words), or its syllables one by one);
/// `title` is the title sentence, if any.
pub fn key_phrases(
    doc: &Document,
    terms: &Terms,
    units: &[Range<usize>],
    title: Option<usize>,
    limit: usize,
) -> Vec<KeyPhrase> {
    key_phrases_weighted(doc, terms, units, title, limit, Weights::fitted())
}

/// [`key_phrases`] ranked with `weights`: for the fitter.
pub fn key_phrases_weighted(
    doc: &Document,
    terms: &Terms,
    units: &[Range<usize>],
    title: Option<usize>,
    limit: usize,
    weights: &Weights,
) -> Vec<KeyPhrase> {
    let sentence_of = sentence_of_tokens(doc);
    let case = casing(doc, &sentence_of);
    let runs = Runs::new(doc, terms, units, &sentence_of, &case);
    // Statistics come from the first WINDOW_TOKENS tokens (far more than any
    // article), which bounds the memory of a huge text; occurrences are then
    // collected from all of it.
    let window = units.partition_point(|unit| unit.start < WINDOW_TOKENS);
    let mut trie = Trie::new(terms.len(), window * MAX_UNITS);
    // The node of each run of units walked, by first unit and length.
    let mut nodes = vec![NONE; window * MAX_UNITS];
    let mut candidate_of: Vec<u32> = Vec::new();
    // An article has about two candidates a unit: room for them, so the vector is not
    // copied as it grows.
    let mut candidates: Vec<Candidate> = Vec::with_capacity(window * 2);
    // Every counted occurrence as (candidate, tokens), in reading order: at most one
    // for each run walked.
    let mut counted: Vec<(u32, Range<u32>)> = Vec::with_capacity(window * MAX_UNITS);
    runs.walk(0..window, &mut trie, true, |u, n, tokens, sentence, node, term| {
        nodes[u * MAX_UNITS + n - 1] = node;
        if !term {
            return;
        }
        // Nearly every run walked is a new node: grown by doubling, not node by node.
        if candidate_of.len() <= node as usize {
            candidate_of.resize((node as usize + 1).max(2 * candidate_of.len()), NONE);
        }
        if candidate_of[node as usize] == NONE {
            candidate_of[node as usize] = candidates.len() as u32;
            candidates.push(Candidate {
                node,
                units: n as u32,
                first_unit: u as u32,
                first: narrow(&tokens),
                frequency: 0,
                last_end: 0,
                in_title: false,
                capitalised: false,
                nested_sum: 0,
                nested_count: 0,
            });
        }
        let index = candidate_of[node as usize];
        let candidate = &mut candidates[index as usize];
        candidate.in_title |= Some(sentence) == title;
        candidate.capitalised |= case[tokens.start] == Case::Upper;
        if candidate.frequency == 0 || candidate.last_end as usize <= tokens.start {
            candidate.frequency += 1;
            candidate.last_end = tokens.end as u32;
            counted.push((index, narrow(&tokens)));
        }
    });
    let find = |u: usize, n: usize| {
        // Connectors have no term: a run's node is that of its syllables, as walked.
        let mut syllables = terms.ids[units[u].start..units[u + n - 1].end].iter().flatten();
        syllables.try_fold(NONE, |node, &id| trie.find(node, id)).unwrap_or(NONE)
    };
    nest(&mut candidates, &candidate_of, &nodes, find);
    // The occurrences of candidate `i` are `occurrences[offsets[i]..offsets[i + 1]]`.
    let mut offsets = Vec::with_capacity(candidates.len() + 1);
    offsets.push(0);
    for candidate in &candidates {
        offsets.push(offsets[offsets.len() - 1] + candidate.frequency as usize);
    }
    let mut occurrences = vec![0..0; counted.len()];
    let mut fill = offsets.clone();
    for (index, tokens) in counted {
        occurrences[fill[index as usize]] = tokens.start as usize..tokens.end as usize;
        fill[index as usize] += 1;
    }
    let occurrences_of = |i: usize| &occurrences[offsets[i]..offsets[i + 1]];
    let mut unit_of = vec![0; doc.tokens.len()];
    for (u, unit) in units.iter().enumerate() {
        unit_of[unit.clone()].fill(u);
    }
    // A candidate that may be a key phrase: said twice, or in the title, where the
    // newsroom names its story (runs walked never start or end with a stop word).
    let eligible = |c: &Candidate| c.frequency >= 2 || c.in_title;
    let mut longer = vec![0u8; units.len()];
    for (i, c) in candidates.iter().enumerate() {
        if c.units > 1 && eligible(c) {
            for o in occurrences_of(i) {
                let (first, last) = (unit_of[o.start], unit_of[o.end - 1]);
                longer[first] |= 1 << (last - first);
            }
        }
    }
    let context = Context { terms, case: &case, sentence_of: &sentence_of, unit_of: &unit_of, longer: &longer };
    let lead = title.map_or(0, |t| t + 1);
    let sentences = doc.sentences.len().max(1) as f32;
    let signals = |c: &Candidate, c_value: f32| -> [f32; SIGNALS.len()] {
        let first_sentence = sentence_of[c.first.start as usize];
        let lone = c.first.len() == 1 && !c.capitalised;
        [
            (1.0 + c_value).ln(),
            (c.frequency as f32).ln(),
            f32::from(c.in_title),
            f32::from(first_sentence == lead),
            1.0 - first_sentence as f32 / sentences,
            (c.units - 1) as f32,
            c.first.len() as f32,
            f32::from(c.capitalised),
            f32::from(lone),
        ]
    };
    let mut ranked: Vec<(f32, usize)> = candidates
        .iter()
        .enumerate()
        .filter(|(_, c)| eligible(c))
        .filter_map(|(i, c)| {
            let value = c_value(c);
            (value > 0.0).then(|| (signals(c, value).iter().zip(&weights.0).map(|(s, w)| s * w).sum(), i))
        })
        .collect();
    crate::order::sort_by_key(&mut ranked, |&(score, i)| {
        crate::order::descending(score) | u64::from(candidates[i].first.start)
    });
    // A phrase may hold another as whole words ("Trump" and "Donald Trump"), not as
    // a piece of a word ("Triều" of "Triều Tiên").
    let mut chosen: Vec<(f32, usize, Key)> = Vec::new();
    for (score, i) in ranked {
        if chosen.len() == limit {
            break;
        }
        let own = key(terms, units, &unit_of, candidates[i].first());
        let overlaps = chosen.iter().any(|(_, _, other)| splits(other, &own) || splits(&own, other));
        if !overlaps && !context.is_fragment(occurrences_of(i)) {
            chosen.push((score, i, own));
        }
    }
    let mut phrases: Vec<KeyPhrase> =
        chosen.iter().map(|&(score, i, _)| KeyPhrase { score, occurrences: occurrences_of(i).to_vec() }).collect();
    let index: IdMap<u32, usize> = chosen.iter().enumerate().map(|(p, &(_, i, _))| (candidates[i].node, p)).collect();
    runs.walk(window..units.len(), &mut trie, false, |_, _, tokens, _, node, term| {
        if let Some(&p) = index.get(&node).filter(|_| term) {
            let occurrences = &mut phrases[p].occurrences;
            if occurrences.last().is_none_or(|previous| previous.end <= tokens.start) {
                occurrences.push(tokens);
            }
        }
    });
    phrases
}

/// The runs of units that may be phrases, walked unit by unit.
struct Runs<'a> {
    doc: &'a Document<'a>,
    terms: &'a Terms,
    units: &'a [Range<usize>],
    sentence_of: &'a [usize],
    case: &'a [Case],
    /// What each unit is to a phrase.
    kind: Vec<UnitKind>,
}

/// What a unit is to a phrase.
#[derive(Clone, Copy, PartialEq)]
enum UnitKind {
    /// Syllables alone: a word.
    Syllables,
    /// A word a phrase neither starts nor ends with (see [`is_stop`]).
    Stop,
    /// A mark that joins the words of one name or term (see [`is_connector`]); a
    /// phrase neither starts nor ends with it.
    Connector,
    /// A number or any other mark: no phrase runs across it.
    Other,
}

impl<'a> Runs<'a> {
    fn new(
        doc: &'a Document<'a>,
        terms: &'a Terms,
        units: &'a [Range<usize>],
        sentence_of: &'a [usize],
        case: &'a [Case],
    ) -> Self {
        let kind = units
            .iter()
            .map(|unit| match terms.ids[unit.clone()].iter().all(Option::is_some) {
                true if is_stop(doc, terms, unit) => UnitKind::Stop,
                true => UnitKind::Syllables,
                false if unit.len() == 1 && is_connector(doc, sentence_of, unit.start) => UnitKind::Connector,
                false => UnitKind::Other,
            })
            .collect();
        Runs { doc, terms, units, sentence_of, case, kind }
    }

    /// Whether token `k` is a number in sentence `sentence`.
    fn number_at(&self, k: usize, sentence: usize) -> bool {
        self.sentence_of.get(k) == Some(&sentence) && self.doc.tokens[k].kind == TokenKind::Number
    }

    /// Calls `visit(u, n, tokens, sentence, node, term)` for each run of `n` units from
    /// a unit `u` of `from` that may be a phrase, cased as a term, `term` telling
    /// whether it is a candidate (not before a number). `grow` adds the runs' nodes to
    /// the trie; otherwise runs whose node is not in it are skipped.
    fn walk(
        &self,
        from: Range<usize>,
        trie: &mut Trie,
        grow: bool,
        mut visit: impl FnMut(usize, usize, Range<usize>, usize, u32, bool),
    ) {
        for u in from {
            let unit = &self.units[u];
            let sentence = self.sentence_of[unit.start];
            let starts = self.kind[u] == UnitKind::Syllables;
            if !starts || unit.start.checked_sub(1).is_some_and(|k| self.number_at(k, sentence)) {
                continue;
            }
            let mut node = NONE;
            let mut casing = Casing::new(self.case[unit.start]);
            'runs: for n in 1..=MAX_UNITS {
                let Some(last) = self.units.get(u + n - 1) else { break };
                let tokens = unit.start..last.end;
                let kind = self.kind[u + n - 1];
                if kind == UnitKind::Other || self.sentence_of[last.start] != sentence || tokens.len() > MAX_TOKENS {
                    break;
                }
                // A run cased otherwise than a term is the start of no term either.
                casing.extend(&self.case[last.start.max(unit.start + 1)..last.end]);
                if n > 1 && kind != UnitKind::Connector {
                    casing.start_word(self.case[last.start]);
                }
                if !casing.is_term() {
                    break;
                }
                // The run goes on through a connector or a stop word, but is a
                // candidate only when it ends with a word.
                let ends = kind == UnitKind::Syllables;
                for &id in self.terms.ids[last.clone()].iter().flatten() {
                    node = match grow {
                        true => trie.add(node, id),
                        false => match trie.find(node, id) {
                            Some(next) => next,
                            None => break 'runs,
                        },
                    };
                }
                if ends {
                    visit(u, n, tokens.clone(), sentence, node, !self.number_at(tokens.end, sentence));
                }
            }
        }
    }
}

/// Whether a unit of syllables is a word a key phrase neither starts nor ends with: a
/// stop syllable alone (a word of several syllables never is one, though its
/// syllables may be: "phát triển"), a function word, a word made of function words
/// and stop syllables alone ("anh ta", "ông ấy"), or a lone letter (an initial:
/// "Nguyễn Văn H."). Checked before the statistics are counted, as Frantzi et al.
/// filter candidates: a phrase that cannot be listed counts for nothing.
fn is_stop(doc: &Document, terms: &Terms, unit: &Range<usize>) -> bool {
    let id = |k: usize| terms.ids[k].map_or(0, |id| id as usize);
    let (stop, function) = (|k: usize| terms.stop[id(k)], |k: usize| terms.function[id(k)]);
    if unit.len() == 1 {
        let k = unit.start;
        return stop(k) || function(k) || doc.text()[doc.tokens[k].range.clone()].chars().nth(1).is_none();
    }
    (terms.opens[id(unit.start)] && unit_text(doc, unit).is_some_and(crate::terms::is_function_word))
        || (unit.clone().all(|k| stop(k) || function(k)) && unit.clone().any(function))
}

/// The lower-case text of a unit, its syllables joined by a space.
/// `None` when they are written apart otherwise (a line break, several spaces), which a
/// word of the word tables never is.
fn unit_text<'a>(doc: &'a Document, unit: &Range<usize>) -> Option<&'a str> {
    let tokens = &doc.tokens[unit.clone()];
    let whole = &doc.lower()[tokens[0].range.start..tokens[tokens.len() - 1].range.end];
    let spaced = tokens.windows(2).all(|w| &doc.lower()[w[0].range.end..w[1].range.start] == " ");
    spaced.then_some(whole)
}

/// How each token is written; a sentence's first syllable is capitalised by position.
/// A connector takes the case of the name it is in: a hyphen after a capitalised
/// syllable, and the syllable after it, are capitalised ("Kim Jong-un", "Moon Jae -
/// in", "Thừa Thiên - Huế"); otherwise the hyphen is lower case ("kinh tế - xã hội");
/// an inner dot is capitalised ("TP. HCM").
fn casing(doc: &Document, sentence_of: &[usize]) -> Vec<Case> {
    let mut seen_sentence = usize::MAX;
    let mut case: Vec<Case> = doc
        .tokens
        .iter()
        .enumerate()
        .map(|(k, token)| {
            if token.kind == TokenKind::Punct {
                return Case::Lower;
            }
            if seen_sentence != sentence_of[k] {
                seen_sentence = sentence_of[k];
                Case::Either
            } else if token.is_capitalised(doc.text()) {
                Case::Upper
            } else {
                Case::Lower
            }
        })
        .collect();
    for k in 1..case.len().saturating_sub(1) {
        if doc.tokens[k].kind != TokenKind::Punct || !is_connector(doc, sentence_of, k) {
            continue;
        }
        if &doc.text()[doc.tokens[k].range.clone()] == "." {
            case[k] = Case::Upper;
        } else if case[k - 1] != Case::Lower {
            case[k] = Case::Upper;
            case[k + 1] = Case::Upper;
        }
    }
    case
}

/// Whether token `k` joins the words around it into one name or term: a hyphen
/// between two syllables ("Jong-un", "kinh tế - xã hội"), or a dot right after a
/// syllable and before a capitalised one inside a sentence, which the sentence
/// splitter read as an abbreviation's ("TP. HCM").
fn is_connector(doc: &Document, sentence_of: &[usize], k: usize) -> bool {
    let syllable = |j: usize| {
        doc.tokens.get(j).is_some_and(|t| t.kind == TokenKind::Syllable) && sentence_of.get(j) == sentence_of.get(k)
    };
    if k == 0 || !syllable(k - 1) || !syllable(k + 1) {
        return false;
    }
    let (before, token, after) = (&doc.tokens[k - 1], &doc.tokens[k], &doc.tokens[k + 1]);
    match &doc.text()[token.range.clone()] {
        "-" => true,
        "." => before.range.end == token.range.start && after.is_capitalised(doc.text()),
        _ => false,
    }
}

/// The sentence of each token.
fn sentence_of_tokens(doc: &Document) -> Vec<usize> {
    let mut out = Vec::with_capacity(doc.tokens.len());
    for index in 0..doc.sentences.len() {
        out.extend(std::iter::repeat_n(index, doc.sentence_tokens(index).len()));
    }
    out
}

/// Whether a run of syllables is cased as a term: all capitalised, all lower case,
/// or one capital followed by lower case.
fn well_cased(case: &[Case]) -> bool {
    let Some((&first, rest)) = case.split_first() else { return true };
    let mut casing = Casing::new(first);
    casing.extend(rest);
    casing.is_term()
}

/// The casing of a run of syllables, grown syllable by syllable (see [`well_cased`]).
struct Casing {
    first: Case,
    /// Whether every syllable after the first is lower case, or capitalised.
    rest_lower: bool,
    rest_upper: bool,
    /// Whether every word after the first starts with a capital, when the run is
    /// grown word by word ([`Casing::start_word`]): a name or title of several words
    /// ("Thủ tướng Phạm Minh Chính", "Tổ chức Cấm Vũ khí Hoá học").
    words_upper: Option<bool>,
}

impl Casing {
    fn new(first: Case) -> Self {
        Casing { first, rest_lower: true, rest_upper: true, words_upper: None }
    }

    /// Notes the case of the first syllable of a word after the first.
    fn start_word(&mut self, case: Case) {
        self.words_upper = Some(self.words_upper.unwrap_or(true) && case == Case::Upper);
    }

    /// Adds syllables after the first.
    fn extend(&mut self, rest: &[Case]) {
        for &c in rest {
            self.rest_lower &= c == Case::Lower;
            self.rest_upper &= c == Case::Upper;
        }
    }

    fn is_term(&self) -> bool {
        self.rest_lower || (self.first != Case::Lower && (self.rest_upper || self.words_upper == Some(true)))
    }
}

/// The lower-cased term ids of the syllable tokens `tokens`, padded.
fn key(terms: &Terms, units: &[Range<usize>], unit_of: &[usize], tokens: Range<usize>) -> Key {
    let mut key = Key { ids: [NONE; MAX_TOKENS], len: 0, word_starts: 0 };
    for k in tokens.clone() {
        let Some(id) = terms.ids[k] else { continue };
        if units[unit_of[k]].start == k || k == tokens.start {
            key.word_starts |= 1 << key.len;
        }
        key.ids[key.len] = id;
        key.len += 1;
    }
    key.word_starts |= 1 << key.len;
    key
}

/// Whether the syllables of `inner` occur inside `outer` other than as whole words
/// of it.
fn splits(outer: &Key, inner: &Key) -> bool {
    let (o, i) = (&outer.ids[..outer.len], &inner.ids[..inner.len]);
    let whole = |at: usize| outer.word_starts >> at & 1 == 1 && outer.word_starts >> (at + i.len()) & 1 == 1;
    i.len() < o.len() && o.windows(i.len()).enumerate().any(|(at, w)| w == i && !whole(at))
}

/// Records, for each candidate, the frequencies of the longer candidates containing
/// it (the nested term statistics of the C-value). `nodes` has the ids of the runs
/// walked from the units of the window; a first occurrence may run past the window,
/// and the ids of the runs starting there are looked up in the trie.
fn nest(candidates: &mut [Candidate], candidate_of: &[u32], nodes: &[u32], find: impl Fn(usize, usize) -> u32) {
    for outer in 0..candidates.len() {
        let (units, first_unit, frequency) =
            (candidates[outer].units as usize, candidates[outer].first_unit as usize, candidates[outer].frequency);
        for n in 1..units {
            for start in 0..=units - n {
                let u = first_unit + start;
                let node = nodes.get(u * MAX_UNITS + n - 1).copied().unwrap_or_else(|| find(u, n));
                if let Some(&inner) = candidate_of.get(node as usize).filter(|&&inner| inner != NONE) {
                    let inner = &mut candidates[inner as usize];
                    inner.nested_sum += frequency;
                    inner.nested_count += 1;
                }
            }
        }
    }
}

/// The C-value of a candidate without its length factor (the units are words, and
/// the rank weighs words and syllables apart): its frequency less the mean frequency
/// of the longer candidates that contain it.
fn c_value(c: &Candidate) -> f32 {
    let frequency = c.frequency as f32;
    let nested = if c.nested_count > 0 { c.nested_sum as f32 / c.nested_count as f32 } else { 0.0 };
    (frequency - nested).max(0.0)
}

/// What telling a fragment from a phrase needs.
struct Context<'a> {
    terms: &'a Terms,
    case: &'a [Case],
    sentence_of: &'a [usize],
    unit_of: &'a [usize],
    /// Occurrences of the phrases of several units that could be key phrases
    /// themselves: bit `last - first` of `longer[first]` for units `first..=last`.
    longer: &'a [u8],
}

impl Context<'_> {
    /// Whether a phrase is a piece of longer ones: most of its occurrences have the
    /// same syllable just before (or after) it, making a well-cased longer phrase
    /// ("triển" of "phát triển", "Minh Chính" of "Phạm Minh Chính"), or lie inside
    /// longer key-phrase candidates ("Chính" of "Chính phủ" and "Phạm Minh Chính").
    fn is_fragment(&self, occurrences: &[Range<usize>]) -> bool {
        let frequency = occurrences.len() as f32;
        let same_neighbour = |side: fn(&Range<usize>) -> Option<usize>| {
            let mut counts: IdMap<u32, usize> = IdMap::default();
            for occurrence in occurrences {
                let Some(k) = side(occurrence) else { continue };
                let Some(id) = self.terms.ids.get(k).copied().flatten() else { continue };
                if self.sentence_of[k] != self.sentence_of[occurrence.start] {
                    continue;
                }
                let extended = occurrence.start.min(k)..occurrence.end.max(k + 1);
                if well_cased(&self.case[extended]) {
                    *counts.entry(id).or_insert(0) += 1;
                }
            }
            counts.values().max().copied().unwrap_or(0) as f32 / frequency
        };
        let inside_longer = occurrences
            .iter()
            .filter(|o| {
                let (first, last) = (self.unit_of[o.start], self.unit_of[o.end - 1]);
                let span = last - first + 1;
                (0..=MAX_UNITS.saturating_sub(span)).any(|extra| {
                    (0..=extra).any(|before| {
                        extra > 0
                            && first >= before
                            && self
                                .longer
                                .get(first - before)
                                .is_some_and(|bits| bits >> (last - first + extra) & 1 == 1)
                    })
                })
            })
            .count() as f32;
        same_neighbour(|r| r.start.checked_sub(1)) >= FRAGMENT_SHARE
            || same_neighbour(|r| Some(r.end)) >= FRAGMENT_SHARE
            || inside_longer / frequency >= FRAGMENT_SHARE
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEED: &str = include_str!("../seeds/000_5dea1911c32d1e71.txt");

    /// The key phrases of `text` as the lower-cased text of their first occurrence,
    /// best first.
    fn phrases(text: &str) -> Vec<String> {
        phrases_up_to(text, 10)
    }

    /// The first `limit` key phrases of `text`, as [`phrases`].
    fn phrases_up_to(text: &str, limit: usize) -> Vec<String> {
        let doc = Document::new(text);
        let terms = Terms::new(&doc);
        let title = crate::score::title(&doc);
        key_phrases(&doc, &terms, doc.words(), title, limit)
            .iter()
            .map(|p| {
                let first = &p.occurrences[0];
                doc.text()[doc.tokens[first.start].range.start..doc.tokens[first.end - 1].range.end].to_lowercase()
            })
            .collect()
    }

    #[test]
    fn names_and_terms_of_the_seed_come_out_whole() {
        let found = phrases_up_to(SEED, 20);
        assert_eq!(found[0], "điện biên", "{found:?}");
        // "phát triển" is a word although both its syllables are stop syllables.
        for phrase in ["phạm minh chính", "thủ tướng", "phát triển", "kinh tế"] {
            assert!(found.iter().any(|f| f == phrase), "{phrase} missing from {found:?}");
        }
        for piece in ["minh chính", "chính", "biên", "triển", "tầng"] {
            assert!(!found.iter().any(|f| f == piece), "fragment {piece} in {found:?}");
        }
    }

    #[test]
    fn names_joined_by_a_hyphen_or_an_abbreviation_dot_and_titled_names_stay_whole() {
        let text = "Tổ chức Cấm Vũ khí Hoá học điều tra ở TP. HCM. Ông Kim Jong-un gặp Thủ tướng Phạm Minh Chính. \
                    Phát triển kinh tế - xã hội là việc của TP. HCM. Tổ chức Cấm Vũ khí Hoá học gửi thư. \
                    Thủ tướng Phạm Minh Chính nói về kinh tế - xã hội. Kim Jong-un trả lời.";
        let found = phrases_up_to(text, 20);
        for whole in
            ["tổ chức cấm vũ khí hóa học", "tp. hcm", "kim jong-un", "kinh tế - xã hội", "thủ tướng phạm minh chính"]
        {
            assert!(found.iter().any(|f| f == whole), "{whole} missing from {found:?}");
        }
        for piece in ["tp", "hcm", "un", "jong", "tổ chức cấm"] {
            assert!(!found.iter().any(|f| f == piece), "{piece} in {found:?}");
        }
    }

    #[test]
    fn the_fitted_weights_parse_and_a_missing_or_unknown_signal_is_refused() {
        let fitted = Weights::parse(WEIGHTS).expect("data/keyword-weights.txt parses");
        assert_eq!(&fitted, Weights::fitted());
        assert!(Weights::parse("cvalue 1").is_err(), "signals missing");
        let mut table = WEIGHTS.to_string();
        table.push_str("novelty 1\n");
        assert!(Weights::parse(&table).is_err(), "unknown signal");
    }

    #[test]
    fn pronouns_discourse_words_and_initials_are_no_key_phrases() {
        let text = "Ông Nguyễn Văn H. nói ông có thể đến. Tuy nhiên ông H. nói chúng tôi có thể chờ. \
                    Chúng tôi gặp anh ta ở chợ cá. Anh ta bán cá ở chợ cá. Tuy nhiên chợ cá đóng cửa.";
        let found = phrases(text);
        assert!(found.iter().any(|f| f == "chợ cá"), "{found:?}");
        for junk in ["ông", "h", "có thể", "tuy nhiên", "chúng tôi", "anh ta", "anh"] {
            assert!(!found.iter().any(|f| f == junk), "{junk} in {found:?}");
        }
        assert!(found.iter().all(|f| !f.starts_with("ông ") && !f.ends_with(" h")), "{found:?}");
    }

    #[test]
    fn no_stop_word_at_either_end_and_no_number_or_date() {
        let text = "Ngày 9/4, giá lúa tăng 3 tháng liền. Ngày 9/4, giá lúa ở Cần Thơ tăng 3 tháng liền. \
                    Nông dân Cần Thơ bán lúa cho thương lái. Giá lúa cao giúp nông dân Cần Thơ có lãi.";
        let found = phrases(text);
        assert!(found.iter().any(|f| f == "cần thơ") && found.iter().any(|f| f == "giá lúa"), "{found:?}");
        for phrase in &found {
            let first = phrase.split(' ').next().unwrap();
            let last = phrase.split(' ').next_back().unwrap();
            assert!(!crate::terms::is_stop_word(first) && !crate::terms::is_stop_word(last), "{phrase}");
            assert!(!phrase.chars().any(|c| c.is_ascii_digit()), "{phrase}");
            assert!(!phrase.contains("tháng") && !phrase.starts_with("ngày"), "date in {phrase}");
        }
    }

    #[test]
    fn case_rule_keeps_terms_and_rejects_runs_across_a_name() {
        use Case::*;
        assert!(well_cased(&[Upper, Upper, Upper]), "Phạm Minh Chính");
        assert!(well_cased(&[Upper, Lower]), "Thủ tướng");
        assert!(well_cased(&[Either, Upper]), "Điện Biên at the start of a sentence");
        assert!(!well_cased(&[Upper, Upper, Lower]), "Điện Biên phát");
        assert!(!well_cased(&[Lower, Upper]), "tỉnh Điện");
        assert!(!well_cased(&[Upper, Lower, Upper, Lower]), "Thủ tướng Chính phủ: two terms");
    }

    #[test]
    fn a_text_longer_than_the_window_still_reports_every_occurrence() {
        let sentence = "Du khách đến Điện Biên ngắm hoa ban nở trắng núi rừng. ";
        let per_sentence = Document::new(sentence).tokens.len();
        let repeats = WINDOW_TOKENS / per_sentence + 50;
        let text = sentence.repeat(repeats);
        let doc = Document::new(&text);
        let terms = Terms::new(&doc);
        let phrases = key_phrases(&doc, &terms, doc.words(), None, 10);
        let name = phrases
            .iter()
            .find(|p| {
                &text[doc.tokens[p.occurrences[0].start].range.start..doc.tokens[p.occurrences[0].end - 1].range.end]
                    == "Điện Biên"
            })
            .expect("Điện Biên is a key phrase");
        assert_eq!(name.occurrences.len(), repeats);
    }

    #[test]
    fn a_run_first_said_across_the_window_edge_is_nested_without_a_panic() {
        // The window ends inside the first "nông dân trồng lúa", so some of the runs
        // nested in it start past the window. Said once inside the window, it is no
        // key phrase, however often it is said after.
        let filler = "Trời mưa to. ";
        let phrase = "Bà con nông dân trồng lúa nước ven sông. ";
        let per_filler = Document::new(filler).tokens.len();
        let lead = WINDOW_TOKENS - 4;
        let text = filler.repeat(lead / per_filler) + &"Mưa. ".repeat(lead % per_filler / 2) + &phrase.repeat(3);
        let doc = Document::new(&text);
        assert_eq!(&doc.text()[doc.tokens[lead].range.clone()], "Bà", "the phrase starts where meant");
        let terms = Terms::new(&doc);
        let found = key_phrases(&doc, &terms, doc.words(), None, 10);
        assert!(!found.is_empty(), "the filler has key phrases");
        assert!(found.iter().all(|p| p.occurrences[0].end <= lead), "{found:?}");
    }

    #[test]
    fn occurrences_are_in_reading_order_and_a_phrase_said_once_is_key_in_the_title_alone() {
        let doc = Document::new(SEED);
        let terms = Terms::new(&doc);
        let title = doc.sentence_token_range(0);
        for phrase in key_phrases(&doc, &terms, doc.words(), Some(0), 20) {
            assert!(phrase.occurrences.len() >= 2 || phrase.occurrences[0].end <= title.end, "{phrase:?}");
            assert!(phrase.occurrences.windows(2).all(|w| w[0].end <= w[1].start));
        }
        assert!(phrases("Thủ tướng làm việc với tỉnh Điện Biên.").is_empty());
        let found = phrases("Giá lúa tăng mạnh\n\nNông dân Cần Thơ vui. Giá lúa cao giúp nông dân có lãi.");
        assert!(found.iter().any(|f| f.ends_with("tăng mạnh")), "said once, in the title: {found:?}");
    }
}
