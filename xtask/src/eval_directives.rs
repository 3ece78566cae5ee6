//! `cargo xtask eval-directives [TEXTS GOLD] [--show]`: directive extraction against
//! hand annotations in the format of `gov-directives-dev.jsonl` (see shared/DIRECTIVES.md).
//!
//! Without paths it scores the first annotated set (gov-news), the second (gov-news-2)
//! and both, with the shipped gate; since that gate is fitted on both sets, it then
//! cross-validates the gate: fitted on one set by `fit_directives::fit` and scored on
//! the other, both ways, and the two summed. The rules alone (every candidate kept)
//! are scored beside it.
//!
//! Each annotated article's `body` alone is digested (the annotations index the body,
//! in code points). A predicted directive matches a gold one when their sentences
//! overlap by at least half of the shorter; each gold directive takes at most one
//! prediction, preferring the one with the same addressee. Printed: sentence-level
//! precision, recall and F1; issuer and addressee accuracy on matched pairs (exact text,
//! trimmed, case-insensitive; both absent counts as equal); and action F1 by syllable
//! overlap, where each gold item is paired with the predicted item it shares the most
//! syllables with (one-to-one) and the shared syllables are counted against all
//! predicted and all gold action syllables. The keyword baseline (every sentence with
//! yêu cầu, chỉ đạo, đề nghị, giao, phải or cần is a directive) is scored beside it.

use std::collections::BTreeMap;

use serde::Deserialize;
use tomtat::directives::{self, Gate};
use tomtat::Document;

use crate::corpus;
use crate::eval_words::Counts;
use crate::fit_directives;

/// The annotated sets: name, texts, annotations.
pub const SETS: [(&str, &str, &str); 2] = [
    ("set 1", "../shared/data/gov-news.jsonl", "../shared/data/gov-directives-dev.jsonl"),
    ("set 2", "../shared/data/gov-news-2.jsonl", "../shared/data/gov-directives-dev-2.jsonl"),
];
const KEYWORDS: &[&str] = &["yêu cầu", "chỉ đạo", "đề nghị", "giao", "phải", "cần"];

#[derive(Deserialize)]
struct Article {
    id: String,
    body: String,
}

#[derive(Deserialize)]
struct Annotated {
    id: String,
    directives: Vec<GoldDirective>,
}

#[derive(Deserialize)]
struct GoldDirective {
    sentence: GoldSpan,
    issuer: Option<GoldSpan>,
    addressee: Option<GoldSpan>,
    actions: Vec<GoldSpan>,
}

#[derive(Deserialize)]
struct GoldSpan {
    start: usize,
    end: usize,
    text: String,
}

/// One directive reduced to what is scored: code point range of its sentence and texts.
pub struct Scored {
    pub sentence: (usize, usize),
    issuer: Option<String>,
    addressee: Option<String>,
    actions: Vec<String>,
}

/// What one system got right, over all articles.
#[derive(Default)]
struct Tally {
    /// Directives matched (by sentence) against the gold ones.
    directives: Counts,
    /// Of the matched ones, those with the gold issuer and addressee.
    issuer_ok: usize,
    addressee_ok: usize,
    /// Action syllables shared with the gold actions.
    actions: Counts,
}

impl Tally {
    fn add(&mut self, other: &Tally) {
        for (a, b) in [(&mut self.directives, &other.directives), (&mut self.actions, &other.actions)] {
            a.matched += b.matched;
            a.predicted += b.predicted;
            a.gold += b.gold;
        }
        self.issuer_ok += other.issuer_ok;
        self.addressee_ok += other.addressee_ok;
    }
}

/// One annotated article as the rules read it.
pub struct Read {
    body: String,
    /// The gold directives.
    pub expected: Vec<Scored>,
    /// The rules' candidates with their gate features.
    pub candidates: Vec<(Scored, Vec<u32>)>,
    /// The keyword baseline's directives.
    keyword: Vec<Scored>,
}

/// Every annotated article of a set, read by the rules.
pub fn read_set(texts_path: &str, gold_path: &str) -> Result<Vec<Read>, String> {
    let texts: BTreeMap<String, String> =
        corpus::read::<Article>(texts_path)?.into_iter().map(|a| (a.id, a.body)).collect();
    let gold = corpus::read::<Annotated>(gold_path)?;
    gold.iter()
        .map(|article| {
            let body = texts.get(&article.id).ok_or_else(|| format!("{texts_path}: no text for {}", article.id))?;
            let expected = article
                .directives
                .iter()
                .map(|d| Scored {
                    sentence: (d.sentence.start, d.sentence.end),
                    issuer: d.issuer.as_ref().map(|s| s.text.clone()),
                    addressee: d.addressee.as_ref().map(|s| s.text.clone()),
                    actions: d.actions.iter().map(|a| a.text.clone()).collect(),
                })
                .collect();
            let doc = Document::new(body);
            let points = CodePoints::new(body);
            let candidates = directives::candidates(&doc)
                .into_iter()
                .map(|c| {
                    let d = c.directive;
                    let sentence = doc.span(doc.sentences[d.sentence].range.clone());
                    let scored = Scored {
                        sentence: (points.at(sentence.start), points.at(sentence.end)),
                        issuer: d.issuer.map(|r| doc.span(r).text),
                        addressee: d.addressee.map(|r| doc.span(r).text),
                        actions: d.actions.into_iter().map(|r| doc.span(r).text).collect(),
                    };
                    (scored, c.features)
                })
                .collect();
            let keyword = doc
                .sentences
                .iter()
                .map(|s| doc.span(s.range.clone()))
                .filter(|s| has_keyword(&s.text))
                .map(|s| Scored {
                    sentence: (points.at(s.start), points.at(s.end)),
                    issuer: None,
                    addressee: None,
                    actions: vec![],
                })
                .collect();
            Ok(Read { body: body.clone(), expected, candidates, keyword })
        })
        .collect()
}

/// Whether a candidate's sentence is a gold directive's: the gate's label.
pub fn is_directive(read: &Read, candidate: &Scored) -> bool {
    read.expected.iter().any(|g| overlaps(g.sentence, candidate.sentence))
}

pub fn run(args: &[String]) -> Result<(), String> {
    let paths: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    let show = args.iter().any(|a| a == "--show");
    let gate = Gate::shipped();
    let shipped = |features: &[u32]| gate.accepts(features);
    let every = |_: &[u32]| true;
    if let [texts, gold] = paths[..] {
        let set = read_set(texts, gold)?;
        print_set(gold, &set, &[("tomtat", &shipped), ("rules alone", &every)], show);
        return Ok(());
    }
    if !paths.is_empty() {
        return Err("give both TEXTS and GOLD, or neither".into());
    }
    let sets = SETS.iter().map(|(_, texts, gold)| read_set(texts, gold)).collect::<Result<Vec<_>, _>>()?;
    let systems: [(&str, &dyn Fn(&[u32]) -> bool); 2] = [("tomtat", &shipped), ("rules alone", &every)];
    for ((name, _, gold), set) in SETS.iter().zip(&sets) {
        print_set(&format!("{name} ({gold})"), set, &systems, show);
    }
    let both: Vec<&Read> = sets.iter().flatten().collect();
    print_tallies("both sets", &both, &systems);
    println!("(the shipped gate is fitted on both sets: the rows above are training figures for it)");
    // Cross-validation: the gate fitted on one set, scored on the other.
    let mut pooled = Tally::default();
    for (fit_on, score_on) in [(0, 1), (1, 0)] {
        let held = fit_directives::fit(&sets[fit_on].iter().collect::<Vec<_>>());
        let keep = |features: &[u32]| held.accepts(features);
        let tally = tally(&sets[score_on].iter().collect::<Vec<_>>(), &keep, false);
        print_header(&format!("gate fitted on {}, scored on {}", SETS[fit_on].0, SETS[score_on].0));
        print_row("tomtat", &tally, true);
        pooled.add(&tally);
    }
    print_header("cross-validated, both folds summed");
    print_row("tomtat", &pooled, true);
    Ok(())
}

/// Prints the scores of `systems` and the keyword baseline on one set.
fn print_set(title: &str, set: &[Read], systems: &[(&str, &dyn Fn(&[u32]) -> bool)], show: bool) {
    let articles: Vec<&Read> = set.iter().collect();
    if show {
        tally(&articles, systems[0].1, true);
    }
    print_tallies(title, &articles, systems);
}

fn print_tallies(title: &str, articles: &[&Read], systems: &[(&str, &dyn Fn(&[u32]) -> bool)]) {
    let gold: usize = articles.iter().map(|a| a.expected.len()).sum();
    print_header(&format!("{title}: {} articles, {gold} gold directives", articles.len()));
    for (name, keep) in systems {
        print_row(name, &tally(articles, keep, false), true);
    }
    let mut baseline = Tally::default();
    for article in articles {
        score(&article.expected, &article.keyword.iter().collect::<Vec<_>>(), &mut baseline, None);
    }
    print_row("keyword baseline", &baseline, false);
}

/// The scores of the candidates that `keep` keeps, over `articles`.
fn tally(articles: &[&Read], keep: &dyn Fn(&[u32]) -> bool, show: bool) -> Tally {
    let mut tally = Tally::default();
    for article in articles {
        let predicted: Vec<&Scored> =
            article.candidates.iter().filter(|(_, features)| keep(features)).map(|(s, _)| s).collect();
        score(&article.expected, &predicted, &mut tally, show.then_some(article.body.as_str()));
    }
    tally
}

fn print_header(title: &str) {
    println!("{title}");
    println!("{:<18} {:>6} {:>6} {:>6} {:>8} {:>10} {:>9}", "", "P", "R", "F1", "issuer", "addressee", "action F1");
}

fn has_keyword(sentence: &str) -> bool {
    let words: Vec<String> =
        sentence.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect();
    KEYWORDS.iter().any(|k| {
        let k: Vec<&str> = k.split(' ').collect();
        words.windows(k.len()).any(|w| w.iter().zip(&k).all(|(a, b)| a == b))
    })
}

/// Maps UTF-16 offsets of a text to code point offsets.
struct CodePoints {
    /// `points[u]`: code points before UTF-16 offset `u`.
    points: Vec<usize>,
}

impl CodePoints {
    fn new(text: &str) -> Self {
        let mut points = vec![0];
        for (i, c) in text.chars().enumerate() {
            for _ in 0..c.len_utf16() {
                points.push(i + 1);
            }
        }
        CodePoints { points }
    }

    fn at(&self, utf16: u32) -> usize {
        self.points.get(utf16 as usize).copied().unwrap_or(usize::MAX)
    }
}

fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    let shared = a.1.min(b.1).saturating_sub(a.0.max(b.0));
    let shorter = (a.1 - a.0).min(b.1 - b.0);
    shorter > 0 && 2 * shared >= shorter
}

fn same(a: &Option<String>, b: &Option<String>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a.trim().to_lowercase() == b.trim().to_lowercase(),
        (None, None) => true,
        _ => false,
    }
}

fn score(expected: &[Scored], predicted: &[&Scored], tally: &mut Tally, show: Option<&str>) {
    tally.directives.gold += expected.len();
    tally.directives.predicted += predicted.len();
    let mut taken = vec![false; predicted.len()];
    for g in expected {
        let candidates = (0..predicted.len()).filter(|&p| !taken[p] && overlaps(g.sentence, predicted[p].sentence));
        let best = candidates.max_by_key(|&p| (same(&g.addressee, &predicted[p].addressee), std::cmp::Reverse(p)));
        let Some(p) = best else {
            if let Some(body) = show {
                println!("MISSED {}", slice(body, g.sentence));
            }
            continue;
        };
        taken[p] = true;
        let p = &predicted[p];
        tally.directives.matched += 1;
        tally.issuer_ok += usize::from(same(&g.issuer, &p.issuer));
        tally.addressee_ok += usize::from(same(&g.addressee, &p.addressee));
        let (shared, predicted_len, expected_len) = action_overlap(&g.actions, &p.actions);
        tally.actions.matched += shared;
        tally.actions.predicted += predicted_len;
        tally.actions.gold += expected_len;
        if let Some(body) = show {
            if !same(&g.issuer, &p.issuer)
                || !same(&g.addressee, &p.addressee)
                || shared < expected_len.max(predicted_len)
            {
                println!("DIFF   {}", slice(body, g.sentence));
                println!("       issuer {:?} / gold {:?}", p.issuer, g.issuer);
                println!("       addressee {:?} / gold {:?}", p.addressee, g.addressee);
                println!("       actions {:?}\n          gold {:?}", p.actions, g.actions);
            }
        }
    }
    if let Some(body) = show {
        for (p, _) in taken.iter().enumerate().filter(|(_, t)| !**t) {
            println!("EXTRA  {}", slice(body, predicted[p].sentence));
        }
    }
}

fn slice(body: &str, (start, end): (usize, usize)) -> String {
    body.chars().skip(start).take(end.saturating_sub(start)).collect()
}

fn syllables(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
}

/// Shared syllables of one-to-one paired action items, and the syllables of all
/// predicted and all gold items.
fn action_overlap(gold: &[String], predicted: &[String]) -> (usize, usize, usize) {
    let gold: Vec<Vec<String>> = gold.iter().map(|a| syllables(a)).collect();
    let predicted: Vec<Vec<String>> = predicted.iter().map(|a| syllables(a)).collect();
    let mut pairs = Vec::new();
    for (g, gs) in gold.iter().enumerate() {
        for (p, ps) in predicted.iter().enumerate() {
            let shared = bag_overlap(gs, ps);
            if shared > 0 {
                pairs.push((shared, g, p));
            }
        }
    }
    pairs.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let (mut used_gold, mut used_predicted) = (vec![false; gold.len()], vec![false; predicted.len()]);
    let mut shared = 0;
    for (n, g, p) in pairs {
        if !used_gold[g] && !used_predicted[p] {
            used_gold[g] = true;
            used_predicted[p] = true;
            shared += n;
        }
    }
    (shared, predicted.iter().map(Vec::len).sum(), gold.iter().map(Vec::len).sum())
}

fn bag_overlap(a: &[String], b: &[String]) -> usize {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for w in a {
        *counts.entry(w).or_default() += 1;
    }
    b.iter()
        .filter(|w| match counts.get_mut(w.as_str()) {
            Some(n) if *n > 0 => {
                *n -= 1;
                true
            }
            _ => false,
        })
        .count()
}

fn percent(part: usize, whole: usize) -> f64 {
    100.0 * part as f64 / whole.max(1) as f64
}

fn print_row(name: &str, t: &Tally, parts: bool) {
    let (p, r, f1) = t.directives.f1();
    if parts {
        let (_, _, action) = t.actions.f1();
        let matched = t.directives.matched;
        println!(
            "{name:<18} {p:>6.1} {r:>6.1} {f1:>6.1} {:>8.1} {:>10.1} {action:>9.1}",
            percent(t.issuer_ok, matched),
            percent(t.addressee_ok, matched)
        );
    } else {
        println!("{name:<18} {p:>6.1} {r:>6.1} {f1:>6.1} {:>8} {:>10} {:>9}", "-", "-", "-");
    }
}
