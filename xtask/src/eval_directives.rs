//! `cargo xtask eval-directives [TEXTS GOLD] [--show | --show-rules] [--ranked N]`: directive extraction
//! against hand annotations in the format of `gov-directives-dev.jsonl` (see
//! shared/DIRECTIVES.md).
//!
//! Without paths it scores the four annotated sets (gov-news 1 to 4), each, 1+2, 3+4 and
//! all. The rules propose candidates and a fitted decision keeps some (see
//! `fit-directives`), so the headline is 5-fold cross-validation by article over all
//! the sets: the decision is fitted on four fifths of the articles and scores the
//! fifth. Which articles share a fold moves the figures by a point or two, so the
//! headline is the mean over [`ASSIGNMENTS`] assignments of the articles to folds, with
//! the standard deviation between them below it. Beside it: every candidate of the
//! rules, the shipped decision (fitted on everything, so optimistic) and a keyword
//! baseline; the false directives shown on the everyday articles (groups "other" and
//! "negative"); each set scored by a decision fitted on the other three (a batch of
//! articles chosen and annotated apart from the fit's, as unseen ones are); the
//! headline's issuer and addressee errors by kind; and how many news-dev articles show
//! a directive.
//!
//! `--show` adds the misses, extras and differences of the headline's first run (with
//! paths, of the shipped decision). Without paths only: `--show-rules` prints those of
//! every candidate of the rules and nothing else (no fitting), for counting what a rule
//! fixes and breaks; `--ranked N` adds the N highest-scored candidates that are no
//! directive and the N lowest-scored that are, by their cross-validated margins, with
//! their features: the ranking's errors, to read.
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
use tomtat::directives::decision::{Model, SCALE};
use tomtat::directives::feature_hash;
use tomtat::Document;

use crate::corpus;
use crate::eval_words::Counts;

/// The annotated sets: name, texts, annotations.
pub const SETS: [(&str, &str, &str); 4] = [
    ("set 1", "../shared/data/gov-news.jsonl", "../shared/data/gov-directives-dev.jsonl"),
    ("set 2", "../shared/data/gov-news-2.jsonl", "../shared/data/gov-directives-dev-2.jsonl"),
    ("set 3", "../shared/data/gov-news-3.jsonl", "../shared/data/gov-directives-dev-3.jsonl"),
    ("set 4", "../shared/data/gov-news-4.jsonl", "../shared/data/gov-directives-dev-4.jsonl"),
];
/// General news, for counting the articles that show a directive.
const NEWS: &str = "../shared/data/news-dev.jsonl";
/// The groups of everyday articles, where a directive shown is most likely false.
const EVERYDAY: [&str; 2] = ["other", "negative"];
/// Folds of the cross-validation.
pub const FOLDS: usize = 5;
/// Assignments of the articles to folds that the cross-validated figures average over.
const ASSIGNMENTS: usize = 10;
const KEYWORDS: &[&str] = &["yêu cầu", "chỉ đạo", "đề nghị", "giao", "phải", "cần"];

#[derive(Deserialize)]
struct Article {
    id: String,
    body: String,
    #[serde(default)]
    group: Option<String>,
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
#[derive(Clone)]
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
    /// Directives shown on everyday articles that match no gold one.
    everyday_false: usize,
    /// Of the matched ones, those with the gold issuer and addressee.
    issuer_ok: usize,
    addressee_ok: usize,
    /// Action syllables shared with the gold actions.
    actions: Counts,
}

/// One annotated article as the extractor reads it.
pub struct Read {
    body: String,
    /// Whether it is an everyday article (group "other" or "negative").
    everyday: bool,
    /// The gold directives.
    expected: Vec<Scored>,
    /// The rules' candidates, with their features' names.
    candidates: Vec<(Scored, Vec<String>)>,
    /// The hashes of each candidate's features, as the decision reads them.
    hashes: Vec<Vec<u32>>,
    /// Whether each candidate matches a gold directive, paired once here as every fit
    /// and figure reads it.
    labels: Vec<bool>,
    /// The vetoes of each candidate.
    vetoes: Vec<Vec<&'static str>>,
    /// The keyword baseline's directives.
    keyword: Vec<Scored>,
}

impl Read {
    /// Whether each candidate matches a gold directive (as scored): what the decision
    /// learns.
    pub fn labels(&self) -> impl Iterator<Item = bool> + '_ {
        self.labels.iter().copied()
    }

    /// The names of each candidate's features.
    pub fn features(&self) -> impl Iterator<Item = &[String]> {
        self.candidates.iter().map(|(_, f)| f.as_slice())
    }

    /// The hashes of each candidate's features, in the order of their names.
    pub fn hashes(&self) -> impl Iterator<Item = &[u32]> {
        self.hashes.iter().map(Vec::as_slice)
    }

    /// The number of gold directives.
    pub fn gold(&self) -> usize {
        self.expected.len()
    }

    /// The candidates `model` keeps.
    fn kept(&self, model: &Model) -> Vec<Scored> {
        self.candidates.iter().zip(&self.hashes).filter(|(_, h)| model.keeps(h)).map(|((s, _), _)| s.clone()).collect()
    }
}

/// Every annotated article of a set, read by the extractor.
fn read_set(texts_path: &str, gold_path: &str) -> Result<Vec<Read>, String> {
    let texts: BTreeMap<String, Article> =
        corpus::read::<Article>(texts_path)?.into_iter().map(|a| (a.id.clone(), a)).collect();
    let gold = corpus::read::<Annotated>(gold_path)?;
    gold.iter()
        .map(|article| {
            let text = texts.get(&article.id).ok_or_else(|| format!("{texts_path}: no text for {}", article.id))?;
            let body = &text.body;
            let everyday = text.group.as_deref().is_some_and(|g| EVERYDAY.contains(&g));
            let expected: Vec<Scored> = article
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
            let (mut candidates, mut hashes, mut vetoes) = (Vec::new(), Vec::new(), Vec::new());
            for c in tomtat::directives::candidates_as::<String>(&doc) {
                let d = c.directive;
                let sentence = doc.span(doc.sentences[d.sentence].range.clone());
                let scored = Scored {
                    sentence: (points.at(sentence.start), points.at(sentence.end)),
                    issuer: d.issuer.map(|r| doc.span(r).text),
                    addressee: d.addressee.map(|r| doc.span(r).text),
                    actions: d.actions.into_iter().map(|r| doc.span(r).text).collect(),
                };
                hashes.push(c.features.iter().map(|n| feature_hash(n)).collect());
                vetoes.push(c.vetoes);
                candidates.push((scored, c.features));
            }
            let predicted: Vec<Scored> = candidates.iter().map(|(s, _)| s.clone()).collect();
            let labels = pair(&expected, &predicted).1;
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
            Ok(Read { body: body.clone(), everyday, expected, candidates, hashes, labels, vetoes, keyword })
        })
        .collect()
}

/// Every annotated set, read: its name and articles.
pub fn read_all() -> Result<Vec<(&'static str, Vec<Read>)>, String> {
    SETS.iter().map(|(name, texts, gold)| Ok((*name, read_set(texts, gold)?))).collect()
}

pub fn run(args: &[String]) -> Result<(), String> {
    let (mut paths, mut show, mut show_every_rule, mut ranked) = (Vec::new(), false, false, None);
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--show" => show = true,
            "--show-rules" => show_every_rule = true,
            "--ranked" => {
                let n = args.next().and_then(|n| n.parse::<usize>().ok());
                ranked = Some(n.ok_or("--ranked takes a number: --ranked 50")?);
            }
            _ => paths.push(arg),
        }
    }
    let shipped = tomtat::directives::decision::shipped();
    if let [texts, gold] = paths[..] {
        let set = read_set(texts, gold)?;
        let shown: Vec<Vec<Scored>> = set.iter().map(|a| a.kept(shipped)).collect();
        print_set(gold, &[set.iter().zip(&shown).collect()], &[], show);
        return Ok(());
    }
    if !paths.is_empty() {
        return Err("give both TEXTS and GOLD, or neither".into());
    }
    let sets = read_all()?;
    let all: Vec<&Read> = sets.iter().flat_map(|(_, set)| set).collect();
    let rules: Vec<Vec<Scored>> = all.iter().map(|a| a.candidates.iter().map(|(s, _)| s.clone()).collect()).collect();
    if show_every_rule {
        show_rules(&all, &rules);
        return Ok(());
    }
    let margins: Vec<Vec<Vec<i32>>> = (0..ASSIGNMENTS).map(|r| cross_validate(&all, &folds(all.len(), r))).collect();
    let cv: Vec<Vec<Vec<Scored>>> = margins.iter().map(|m| shown_at(&all, m, 0)).collect();
    let fitted: Vec<Vec<Scored>> = all.iter().map(|a| a.kept(shipped)).collect();
    let mut groups: Vec<(String, Vec<usize>)> = Vec::new();
    let mut first = 0;
    for (name, set) in &sets {
        groups.push((format!("{name} ({} articles)", set.len()), (first..first + set.len()).collect()));
        first += set.len();
    }
    let (one_two, three_four) = (sets[0].1.len() + sets[1].1.len(), all.len());
    groups.push(("sets 1+2".into(), (0..one_two).collect()));
    groups.push(("sets 3+4".into(), (one_two..three_four).collect()));
    groups.push(("all sets: the headline".into(), (0..all.len()).collect()));
    for (title, members) in &groups {
        let others = [
            ("rules (every candidate)", pick(&all, members, &rules)),
            ("fit on all (shipped)", pick(&all, members, &fitted)),
        ];
        let headline: Vec<_> = cv.iter().map(|shown| pick(&all, members, shown)).collect();
        print_set(title, &headline, &others, show && members.len() == all.len());
    }
    for (title, members) in groups.iter().rev().take(2) {
        trade_off(title, &all, members, &margins);
    }
    print_by_set(&groups, &all, &leave_one_set_out(&sets));
    party_errors(&all, &cv);
    vetoes_used(&all);
    if let Some(n) = ranked {
        print_ranked(&all, &margins, n);
    }
    news_shown(shipped)
}

/// Prints `rules`, every candidate of the rules, against the annotations: the misses,
/// extras and differences, each party's error named by its kind, for counting what a
/// rule fixes and breaks (compare two runs' lists).
fn show_rules(all: &[&Read], rules: &[Vec<Scored>]) {
    for (article, candidates) in all.iter().zip(rules) {
        score(&article.expected, candidates, &mut Tally::default(), Some(&article.body));
    }
}

/// Prints the headline's issuer and addressee errors by kind, on the directives it
/// matches (the mean over the fold assignments of `cv`): missing (annotated, none
/// found), extra (found, none annotated), inside the annotated span (too short), around
/// it (too long) or elsewhere.
fn party_errors(all: &[&Read], cv: &[Vec<Vec<Scored>>]) {
    let mut counts = [[0.0; 5]; 2];
    for (article, shown) in cv.iter().flat_map(|shown| all.iter().zip(shown)) {
        let (pairs, _) = pair(&article.expected, shown);
        for (gold, p) in article.expected.iter().zip(pairs) {
            let Some(p) = p else { continue };
            let parts = [(&gold.issuer, &shown[p].issuer), (&gold.addressee, &shown[p].addressee)];
            for (row, (gold, found)) in counts.iter_mut().zip(parts) {
                if let Some(kind) = party_error(gold, found) {
                    row[kind] += 1.0 / cv.len() as f64;
                }
            }
        }
    }
    println!("the headline's party errors on matched directives:");
    let [missing, extra, short, long, elsewhere] = ERROR_KINDS;
    println!("  {:<10} {missing:>8} {extra:>6} {short:>10} {long:>9} {elsewhere:>10}", "");
    for (name, row) in ["issuer", "addressee"].iter().zip(counts) {
        println!("  {name:<10} {:>8.1} {:>6.1} {:>10.1} {:>9.1} {:>10.1}", row[0], row[1], row[2], row[3], row[4]);
    }
}

/// The kinds of party error, as [`party_error`] numbers them.
const ERROR_KINDS: [&str; 5] = ["missing", "extra", "too short", "too long", "elsewhere"];

/// The kind of error of a found party against the annotated one (see [`party_errors`]),
/// or `None` when they agree.
fn party_error(gold: &Option<String>, found: &Option<String>) -> Option<usize> {
    if same(gold, found) {
        return None;
    }
    let (gold, found) = match (gold, found) {
        (Some(_), None) => return Some(0),
        (None, Some(_)) => return Some(1),
        (Some(g), Some(f)) => (g.trim().to_lowercase(), f.trim().to_lowercase()),
        (None, None) => return None,
    };
    Some(if gold.contains(&found) {
        2
    } else if found.contains(&gold) {
        3
    } else {
        4
    })
}

/// Articles, each with the directives shown on it.
type Shown<'a> = Vec<(&'a Read, &'a Vec<Scored>)>;

/// The `members` of `all` with what `shown` shows of each.
fn pick<'a>(all: &[&'a Read], members: &[usize], shown: &'a [Vec<Scored>]) -> Shown<'a> {
    members.iter().map(|&i| (all[i], &shown[i])).collect()
}

/// The fold of each of `n` articles in assignment `r`: the articles are dealt to the
/// folds in their order five at a time, in the order of a shuffle of each five (none
/// in assignment 0), so each fold holds as many of each set and the assignments differ.
fn folds(n: usize, r: usize) -> Vec<usize> {
    let mut folds: Vec<usize> = (0..n).map(|i| i % FOLDS).collect();
    if r > 0 {
        let mut seed = r as u64;
        for five in folds.chunks_mut(FOLDS) {
            shuffle(five, &mut seed);
        }
    }
    folds
}

/// Shuffles `items` in place (Fisher-Yates) with the linear congruential generator
/// at `seed`, which it moves on: the same seed gives the same order.
fn shuffle<T>(items: &mut [T], seed: &mut u64) {
    for i in (1..items.len()).rev() {
        *seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        items.swap(i, (*seed >> 33) as usize % (i + 1));
    }
}

/// The margins of 5-fold cross-validation by article, article `i` in fold `folds[i]`:
/// for each article, each candidate's score less the threshold of a decision fitted on
/// the other folds (a candidate is kept at margin 0 and up).
fn cross_validate(all: &[&Read], folds: &[usize]) -> Vec<Vec<i32>> {
    let mut margins = vec![Vec::new(); all.len()];
    for fold in 0..FOLDS {
        let training: Vec<&Read> = all.iter().zip(folds).filter(|(_, &f)| f != fold).map(|(a, _)| *a).collect();
        let model = crate::fit_directives::fit(&training).model;
        for (i, article) in all.iter().enumerate().filter(|(i, _)| folds[*i] == fold) {
            margins[i] = margins_under(&model, article);
        }
    }
    margins
}

/// Each candidate's score under `model` less its threshold: kept at 0 and up.
fn margins_under(model: &Model, article: &Read) -> Vec<i32> {
    article.hashes.iter().map(|h| model.score(h) - model.threshold()).collect()
}

/// The margins of each article of `sets` (in their order) under a decision fitted on
/// the other sets: what a batch of articles chosen and annotated apart from the fit's
/// meets, as unseen articles do, where cross-validation by article mixes each set's
/// articles into every fold.
fn leave_one_set_out(sets: &[(&str, Vec<Read>)]) -> Vec<Vec<i32>> {
    let mut margins = Vec::new();
    for (held_out, (_, set)) in sets.iter().enumerate() {
        let training: Vec<&Read> =
            sets.iter().enumerate().filter(|(s, _)| *s != held_out).flat_map(|(_, (_, set))| set).collect();
        let model = crate::fit_directives::fit(&training).model;
        margins.extend(set.iter().map(|article| margins_under(&model, article)));
    }
    margins
}

/// Prints the figures of each of `groups` of `all` when each set is scored by a decision
/// fitted on the other sets (`margins`, from [`leave_one_set_out`]), with the average
/// precision of the candidates.
fn print_by_set(groups: &[(String, Vec<usize>)], all: &[&Read], margins: &[Vec<i32>]) {
    println!("each set scored by a decision fitted on the other sets:");
    println!("{} {:>6}", heading(), "AP");
    let shown = shown_at(all, margins, 0);
    for (title, members) in groups {
        let scored: Vec<(f64, bool)> =
            members.iter().flat_map(|&i| margins[i].iter().map(|&m| f64::from(m)).zip(all[i].labels())).collect();
        let figures = tally(&pick(all, members, &shown), false).figures();
        // The group's name without what it is in the cross-validated tables (": the headline").
        let name = title.split(':').next().unwrap_or_default();
        println!("{} {:>6.1}", row(name, &figures, true), 100.0 * average_precision(&scored));
    }
}

/// Prints, by their cross-validated margin (the mean over the fold assignments of
/// `margins`), the `n` highest-scored candidates that are no directive and the `n`
/// lowest-scored that are: the errors the ranking makes, to read and group.
fn print_ranked(all: &[&Read], margins: &[Vec<Vec<i32>>], n: usize) {
    let mut ranked: Vec<(f64, usize, usize)> = Vec::new();
    for (i, article) in all.iter().enumerate() {
        for c in 0..article.candidates.len() {
            let mean = margins.iter().map(|m| f64::from(m[i][c])).sum::<f64>() / margins.len().max(1) as f64;
            ranked.push((mean / SCALE, i, c));
        }
    }
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0));
    let false_ones = ranked.iter().filter(|&&(_, i, c)| !all[i].labels[c]).take(n);
    let directives = ranked.iter().rev().filter(|&&(_, i, c)| all[i].labels[c]).take(n);
    for (title, list) in [
        ("highest-scored candidates that are no directive", false_ones.collect::<Vec<_>>()),
        ("lowest-scored candidates that are directives", directives.collect()),
    ] {
        println!("{title} (cross-validated logit from the threshold, article):");
        for &(logit, i, c) in list {
            let (scored, features) = &all[i].candidates[c];
            println!("{logit:+6.2} #{i:<3} {}", slice(&all[i].body, scored.sentence));
            println!(
                "       issuer {:?}, addressee {:?}, vetoes {:?}",
                scored.issuer, scored.addressee, all[i].vetoes[c]
            );
            println!("       {}", features.join(" | "));
        }
    }
}

/// The candidates of each article whose cross-validated margin reaches `at`.
fn shown_at(all: &[&Read], margins: &[Vec<i32>], at: i32) -> Vec<Vec<Scored>> {
    all.iter()
        .zip(margins)
        .map(|(a, m)| a.candidates.iter().zip(m).filter(|(_, &m)| m >= at).map(|((s, _), _)| s.clone()).collect())
        .collect()
}

/// Prints the cross-validated trade-off of precision and recall as the threshold moves
/// (in logits, from the threshold each fold chose), over `members` of `all`: the mean
/// over the fold assignments of `margins`.
fn trade_off(title: &str, all: &[&Read], members: &[usize], margins: &[Vec<Vec<i32>>]) {
    let precision: Vec<[f64; 1]> = margins
        .iter()
        .map(|margins| {
            let scored: Vec<(f64, bool)> =
                members.iter().flat_map(|&i| margins[i].iter().map(|&m| f64::from(m)).zip(all[i].labels())).collect();
            [100.0 * average_precision(&scored)]
        })
        .collect();
    let ([mean], [sd]) = spread(&precision);
    println!(
        "{title}: cross-validated, as the threshold moves (average precision of the candidates {mean:.1} ± {sd:.1})"
    );
    println!("  {:>7} {:>6} {:>6} {:>6} {:>14}", "logit", "P", "R", "F1", "false everyday");
    for step in [-4, -2, -1, 0, 1, 2, 4] {
        let figures: Vec<[f64; 7]> = margins
            .iter()
            .map(|margins| {
                let shown = shown_at(all, margins, step * SCALE as i32 / 4);
                tally(&pick(all, members, &shown), false).figures()
            })
            .collect();
        let ([p, r, f1, .., everyday], _) = spread(&figures);
        println!("  {:>+7.2} {p:>6.1} {r:>6.1} {f1:>6.1} {everyday:>14.1}", step as f64 / 4.0);
    }
}

/// The mean and standard deviation of each figure over `runs`.
fn spread<const N: usize>(runs: &[[f64; N]]) -> ([f64; N], [f64; N]) {
    let n = runs.len().max(1) as f64;
    let mean: [f64; N] = std::array::from_fn(|k| runs.iter().map(|r| r[k]).sum::<f64>() / n);
    let sd = std::array::from_fn(|k| (runs.iter().map(|r| (r[k] - mean[k]).powi(2)).sum::<f64>() / n).sqrt());
    (mean, sd)
}

/// The average precision of scored candidates (score, label): the mean, over the
/// positive ones, of the precision of the candidates scored at least as high. It needs
/// no threshold, so it compares decisions whose thresholds moved.
fn average_precision(scored: &[(f64, bool)]) -> f64 {
    let mut ranked = scored.to_vec();
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0));
    let (mut hits, mut sum) = (0, 0.0);
    for (shown, (_, label)) in ranked.iter().enumerate() {
        if *label {
            hits += 1;
            sum += hits as f64 / (shown + 1) as f64;
        }
    }
    sum / hits.max(1) as f64
}

/// Prints, for each veto of the rules, the annotated candidates it falls on, how many of
/// them are directives (where it is wrong) and on how many it is the only veto (where
/// it alone makes the candidate vetoed): a rule stays only if it decides three or more.
fn vetoes_used(all: &[&Read]) {
    let mut counts: BTreeMap<&str, (usize, usize, usize)> = BTreeMap::new();
    for article in all {
        for (vetoes, label) in article.vetoes.iter().zip(article.labels()) {
            for v in vetoes {
                let c = counts.entry(v).or_default();
                c.0 += 1;
                c.1 += usize::from(label);
                c.2 += usize::from(vetoes.len() == 1);
            }
        }
    }
    let mut rows: Vec<_> = counts.into_iter().collect();
    rows.sort_by_key(|(_, c)| std::cmp::Reverse(c.0));
    println!("the rules' vetoes on the annotated candidates:");
    println!("  {:<20} {:>7} {:>14} {:>6}", "veto", "fires", "on a directive", "alone");
    for (veto, (fires, directive, alone)) in rows {
        println!("  {veto:<20} {fires:>7} {directive:>14} {alone:>6}");
    }
}

/// Prints how many news-dev articles (title and body) show a directive, with every
/// candidate of the rules and with the shipped decision.
fn news_shown(shipped: &Model) -> Result<(), String> {
    let news = corpus::read::<corpus::Article>(NEWS)?;
    let (mut rules, mut kept, mut rules_articles, mut kept_articles) = (0, 0, 0, 0);
    for article in &news {
        let text = article.text();
        let candidates = tomtat::directives::candidates(&Document::new(&text));
        let shown = candidates.iter().filter(|c| shipped.keeps(&c.features)).count();
        rules += candidates.len();
        kept += shown;
        rules_articles += usize::from(!candidates.is_empty());
        kept_articles += usize::from(shown > 0);
    }
    println!("{NEWS} ({} articles) showing a directive:", news.len());
    println!("  every candidate of the rules: {rules_articles} articles, {rules} directives");
    println!("  the shipped decision:         {kept_articles} articles, {kept} directives");
    Ok(())
}

/// Prints the scores of the headline, `articles` each with the directives shown (the
/// mean of its runs, with their standard deviation when there are several), of `others`
/// beside it and of the keyword baseline, and with `show` the first run's misses, extras
/// and differences.
fn print_set(title: &str, headline: &[Shown], others: &[(&str, Shown)], show: bool) {
    let runs: Vec<[f64; 7]> =
        headline.iter().enumerate().map(|(run, articles)| tally(articles, show && run == 0).figures()).collect();
    let articles = &headline[0];
    let mut baseline = Tally::default();
    for (article, _) in articles {
        score(&article.expected, &article.keyword, &mut baseline, None);
    }
    let everyday = articles.iter().filter(|(a, _)| a.everyday).count();
    println!(
        "{title}: {} articles ({everyday} everyday), {} gold directives",
        articles.len(),
        baseline.directives.gold
    );
    println!("{}", heading());
    let (mean, sd) = spread(&runs);
    if runs.len() == 1 {
        println!("{}", row("tomtat", &mean, true));
    } else {
        println!("{}", row(&format!("cross-validated ({}x 5-fold)", runs.len()), &mean, true));
        println!("{}", row("  ± sd between them", &sd, true));
    }
    for (name, shown) in others {
        println!("{}", row(name, &tally(shown, false).figures(), true));
    }
    println!("{}", row("keyword baseline", &baseline.figures(), false));
}

/// The scores of `articles`, each with the directives shown on it, against their
/// annotations, with `show` their misses, extras and differences printed.
fn tally(articles: &[(&Read, &Vec<Scored>)], show: bool) -> Tally {
    let mut t = Tally::default();
    for (article, shown) in articles {
        let unmatched = score(&article.expected, shown, &mut t, show.then_some(article.body.as_str()));
        if article.everyday {
            t.everyday_false += unmatched;
        }
    }
    t
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

/// Pairs each gold directive with at most one predicted one whose sentence overlaps
/// its own, preferring the one with the same addressee: for each gold directive its
/// prediction, and for each prediction whether it is paired.
fn pair(expected: &[Scored], predicted: &[Scored]) -> (Vec<Option<usize>>, Vec<bool>) {
    let mut taken = vec![false; predicted.len()];
    let pairs = expected
        .iter()
        .map(|g| {
            let candidates = (0..predicted.len()).filter(|&p| !taken[p] && overlaps(g.sentence, predicted[p].sentence));
            let best =
                candidates.max_by_key(|&p| (same(&g.addressee, &predicted[p].addressee), std::cmp::Reverse(p)))?;
            taken[best] = true;
            Some(best)
        })
        .collect();
    (pairs, taken)
}

/// Adds the scores of `predicted` against `expected` to `tally` (with `show`, prints the
/// misses, extras and differences) and returns how many predictions match no gold one.
fn score(expected: &[Scored], predicted: &[Scored], tally: &mut Tally, show: Option<&str>) -> usize {
    tally.directives.gold += expected.len();
    tally.directives.predicted += predicted.len();
    let (pairs, taken) = pair(expected, predicted);
    for (g, p) in expected.iter().zip(pairs) {
        let Some(p) = p else {
            if let Some(body) = show {
                println!("MISSED {}", slice(body, g.sentence));
            }
            continue;
        };
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
                let kind = |gold, found| party_error(gold, found).map_or("", |k| ERROR_KINDS[k]);
                println!("       issuer {:?} / gold {:?} {}", p.issuer, g.issuer, kind(&g.issuer, &p.issuer));
                println!(
                    "       addressee {:?} / gold {:?} {}",
                    p.addressee,
                    g.addressee,
                    kind(&g.addressee, &p.addressee)
                );
                println!("       actions {:?}\n          gold {:?}", p.actions, g.actions);
            }
        }
    }
    if let Some(body) = show {
        for (p, _) in taken.iter().enumerate().filter(|(_, t)| !**t) {
            println!("EXTRA  {}", slice(body, predicted[p].sentence));
        }
    }
    taken.iter().filter(|t| !**t).count()
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

impl Tally {
    /// P, R, F1, issuer, addressee, action F1 and the false directives on everyday articles.
    fn figures(&self) -> [f64; 7] {
        let (p, r, f1) = self.directives.f1();
        let matched = self.directives.matched;
        let (issuer, addressee) = (percent(self.issuer_ok, matched), percent(self.addressee_ok, matched));
        [p, r, f1, issuer, addressee, self.actions.f1().2, self.everyday_false as f64]
    }
}

/// The heading of the columns of [`row`].
fn heading() -> String {
    format!(
        "{:<26} {:>6} {:>6} {:>6} {:>8} {:>10} {:>9} {:>14}",
        "", "P", "R", "F1", "issuer", "addressee", "action F1", "false everyday"
    )
}

/// One row of `figures` ([`Tally::figures`]) under [`heading`]; without `parts`, only P,
/// R and F1.
fn row(name: &str, figures: &[f64; 7], parts: bool) -> String {
    let [p, r, f1, issuer, addressee, action, everyday] = *figures;
    if parts {
        format!("{name:<26} {p:>6.1} {r:>6.1} {f1:>6.1} {issuer:>8.1} {addressee:>10.1} {action:>9.1} {everyday:>14.1}")
    } else {
        format!("{name:<26} {p:>6.1} {r:>6.1} {f1:>6.1} {:>8} {:>10} {:>9} {:>14}", "-", "-", "-", "-")
    }
}
