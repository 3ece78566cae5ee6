//! `cargo xtask eval-directives [TEXTS GOLD] [--show]`: directive extraction against
//! hand annotations in the format of `gov-directives-dev.jsonl` (see shared/DIRECTIVES.md).
//!
//! Without paths it scores the first annotated set (gov-news), the second (gov-news-2)
//! and both. Nothing in the extractor is fitted on them: it is rules and lexicons.
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
use tomtat::Document;

use crate::corpus;
use crate::eval_words::Counts;

/// The annotated sets: name, texts, annotations.
const SETS: [(&str, &str, &str); 2] = [
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
struct Scored {
    sentence: (usize, usize),
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

/// One annotated article as the extractor reads it.
struct Read {
    body: String,
    /// The gold directives.
    expected: Vec<Scored>,
    /// The extractor's directives.
    predicted: Vec<Scored>,
    /// The keyword baseline's directives.
    keyword: Vec<Scored>,
}

/// Every annotated article of a set, read by the extractor.
fn read_set(texts_path: &str, gold_path: &str) -> Result<Vec<Read>, String> {
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
            let predicted = tomtat::directives::extract(&doc)
                .into_iter()
                .map(|d| {
                    let sentence = doc.span(doc.sentences[d.sentence].range.clone());
                    Scored {
                        sentence: (points.at(sentence.start), points.at(sentence.end)),
                        issuer: d.issuer.map(|r| doc.span(r).text),
                        addressee: d.addressee.map(|r| doc.span(r).text),
                        actions: d.actions.into_iter().map(|r| doc.span(r).text).collect(),
                    }
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
            Ok(Read { body: body.clone(), expected, predicted, keyword })
        })
        .collect()
}

pub fn run(args: &[String]) -> Result<(), String> {
    let paths: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    let show = args.iter().any(|a| a == "--show");
    if let [texts, gold] = paths[..] {
        print_set(gold, &read_set(texts, gold)?.iter().collect::<Vec<_>>(), show);
        return Ok(());
    }
    if !paths.is_empty() {
        return Err("give both TEXTS and GOLD, or neither".into());
    }
    let sets = SETS.iter().map(|(_, texts, gold)| read_set(texts, gold)).collect::<Result<Vec<_>, _>>()?;
    for ((name, _, gold), set) in SETS.iter().zip(&sets) {
        print_set(&format!("{name} ({gold})"), &set.iter().collect::<Vec<_>>(), show);
    }
    print_set("both sets", &sets.iter().flatten().collect::<Vec<_>>(), false);
    Ok(())
}

/// Prints the extractor's and the keyword baseline's scores on `articles`, and with
/// `show` the extractor's misses, extras and differences.
fn print_set(title: &str, articles: &[&Read], show: bool) {
    let (mut ours, mut baseline) = (Tally::default(), Tally::default());
    for article in articles {
        score(&article.expected, &article.predicted, &mut ours, show.then_some(article.body.as_str()));
        score(&article.expected, &article.keyword, &mut baseline, None);
    }
    println!("{title}: {} articles, {} gold directives", articles.len(), ours.directives.gold);
    println!("{:<18} {:>6} {:>6} {:>6} {:>8} {:>10} {:>9}", "", "P", "R", "F1", "issuer", "addressee", "action F1");
    print_row("tomtat", &ours, true);
    print_row("keyword baseline", &baseline, false);
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

fn score(expected: &[Scored], predicted: &[Scored], tally: &mut Tally, show: Option<&str>) {
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
