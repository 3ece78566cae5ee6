//! `cargo xtask eval-summary [JSONL...] [--sentences N] [--against WEIGHTS] [--pairs]
//! [--list FILE]`: ROUGE of tomtat's summaries beside the LEAD baselines, each article
//! read with its title and without, for 1, 2 and 3 sentences (or N alone), in one run.
//!
//! By default it reads two sets: the check set, news-train-20k's articles after the
//! first [`corpus::FIT_ARTICLES`] (2,000 that no fit reads: the set that decides), and
//! news-dev (300). Given news-train-20k, it reads its check set only.
//!
//! With its title, an article is read as the CLI reads a JSONL line (`title`, a blank
//! line, `body`); without, as the body alone, as a reader pastes it. Each is summarised
//! by the library as the digest does, with the default options except the sentence
//! count. The reference is the article's `summary` (the newsroom's sapo). LEAD-k is
//! the first k sentences after the title, split by tomtat's own splitter. Beside each
//! mean R1 stands its standard error, and beside tomtat's its gain over LEAD-k with the
//! standard error of that paired difference. Then the caption check: how many bodies
//! open with a sentence the scorer takes for a photo caption, a credit or a byline
//! (`score::unwanted`), and how many summaries hold such a sentence anywhere; and how
//! many summaries hold the lede (readers judging against LEAD miss it when it is out).
//! With `--pairs`, then the 2-sentence summaries of the body alone by which pair they
//! are (the lede, the first sentence one may hold, and the one after it; the lede and
//! a later one; ...), each kind with its R1 and recall beside those of the lede and the
//! one after it, and their lengths: whether passing over the sentence after the lede
//! costs or gains.
//! With `--against`, a table of sentence-score weights (as `data/summary-weights.txt`,
//! say main's), last the change in R1 from the summaries those weights choose to the
//! library's, article by article, with its standard error: what decides a refit.
//! With `--list`, every body sentence of every set, read body only, goes to FILE as a
//! tab-separated line (set; article, from 0 in the set read, for news-train-20k in its
//! check set; sentence; syllables and numbers as the scorer counts them, not ROUGE's
//! `\w+` runs; unwanted; the summary sizes that choose it; text): what a reader of
//! captions and filler reads, and what two versions of a rule are compared by
//! (sentences newly unwanted, and whether a LEAD-3 or a summary held them).

use std::io::Write;

use crate::corpus;
use crate::rouge;

const NEWS_DEV: &str = "../shared/data/news-dev.jsonl";

/// The scores of one system on one reading of the articles, article by article.
#[derive(Default, Clone)]
struct Row {
    r1: Vec<f64>,
    r2: f64,
    rl: f64,
    /// Summed ROUGE-1 recall (for `--pairs`).
    recall: f64,
    syllables: usize,
}

impl Row {
    /// Adds one article's summary: its scores and its length in syllables.
    fn add(&mut self, (scores, syllables): (rouge::Scores, usize)) {
        self.syllables += syllables;
        self.r1.push(scores.r1);
        self.r2 += scores.r2;
        self.recall += scores.r1_recall;
        self.rl += scores.rl;
    }
}

/// Mean and standard error of the mean of `values`.
fn mean_and_error(values: impl ExactSizeIterator<Item = f64> + Clone) -> (f64, f64) {
    let n = values.len().max(1) as f64;
    let mean = values.clone().sum::<f64>() / n;
    let variance = values.map(|v| (v - mean) * (v - mean)).sum::<f64>() / (n - 1.0).max(1.0);
    (mean, (variance / n).sqrt())
}

/// Mean and standard error of the change from `before` to `after`, article by article,
/// in points: paired, so what the two share does not count as noise.
fn change(after: &[f64], before: &[f64]) -> (f64, f64) {
    mean_and_error(after.iter().zip(before).map(|(a, b)| 100.0 * (a - b)))
}

pub fn run(args: &[String]) -> Result<(), String> {
    let Asked { paths, sentences, against, pairs, list } = parse(args)?;
    let mut listing = match &list {
        Some(path) => {
            Some(std::io::BufWriter::new(std::fs::File::create(path).map_err(|e| format!("cannot write {path}: {e}"))?))
        }
        None => None,
    };
    let against = match against {
        Some(path) => {
            let table = std::fs::read_to_string(&path).map_err(|e| format!("cannot read {path}: {e}"))?;
            Some(tomtat::score::Weights::parse(&table).map_err(|e| format!("{path}: {e}"))?)
        }
        None => None,
    };
    let counts: Vec<usize> = sentences.map_or(vec![1, 2, 3], |n| vec![n]);
    for path in paths {
        let mut articles: Vec<corpus::Article> = corpus::read(&path)?;
        let name = if path == corpus::TRAIN_20K {
            articles.drain(..corpus::FIT_ARTICLES.min(articles.len()));
            format!("{path} check set (articles {}-)", corpus::FIT_ARTICLES + 1)
        } else {
            path.clone()
        };
        let listing = listing.as_mut().map(|out| (out as &mut dyn Write, path.as_str()));
        evaluate(&name, &articles, &counts, against.as_ref(), pairs, listing)
            .map_err(|e| format!("cannot write the listing: {e}"))?;
    }
    // Dropping a BufWriter flushes it but loses the error: a full disk would leave a
    // short listing without a word.
    if let Some(out) = listing.as_mut() {
        out.flush().map_err(|e| format!("cannot write the listing: {e}"))?;
    }
    Ok(())
}

/// Prints the table of one set, and the change from the summaries `against` weights
/// choose; lists every body sentence, read body only, to `listing` (a writer and the
/// set's name) when given.
fn evaluate(
    name: &str,
    articles: &[corpus::Article],
    counts: &[usize],
    against: Option<&tomtat::score::Weights>,
    pairs: bool,
    mut listing: Option<(&mut dyn Write, &str)>,
) -> std::io::Result<()> {
    // [reading][count]: tomtat and LEAD-k.
    let mut ours = vec![vec![Row::default(); counts.len()]; 2];
    let mut leads = ours.clone();
    let mut others = ours.clone();
    let (mut opening_captions, mut chosen_unwanted) = ([0usize; 2], [0usize; 2]);
    // [reading][count]: summaries that hold the lede, which readers miss when it is left out.
    let mut with_lede = vec![vec![0usize; counts.len()]; 2];
    // By kind of body-only 2-sentence summary: tomtat's, and the lede with the one after.
    let mut kinds: Vec<(Row, Row)> = vec![Default::default(); PAIR_KINDS.len()];
    for (a, article) in articles.iter().enumerate() {
        let reference = rouge::tokens(&article.summary);
        for (reading, text) in [article.text(), article.body.clone()].iter().enumerate() {
            let doc = tomtat::Document::new(text);
            let analysis = tomtat::score::analyse(&doc, &tomtat::terms::Terms::new(&doc));
            let skip = usize::from(analysis.title.is_some());
            let unwanted = |i: usize| tomtat::score::unwanted(&analysis.signals[i]);
            opening_captions[reading] += usize::from(skip < doc.sentences.len() && unwanted(skip));
            let lede = (skip..doc.sentences.len()).find(|&i| !unwanted(i));
            let sentence = |i: usize| doc.span(doc.sentences[i].range.clone()).text;
            // For each sentence, the summary sizes that choose it, written as `--list` shows them.
            let mut sizes = vec![String::new(); doc.sentences.len()];
            for (c, &n) in counts.iter().enumerate() {
                let options = tomtat::Options { sentences: Some(n), ..tomtat::Options::default() };
                let summary = |weights| -> Vec<usize> {
                    let chosen = tomtat::summary::summarize(&doc, &analysis, weights, &options);
                    chosen.iter().map(|s| s.sentence).collect()
                };
                let chosen = summary(tomtat::score::Weights::fitted());
                chosen.iter().for_each(|&i| sizes[i] += &n.to_string());
                chosen_unwanted[reading] += usize::from(chosen.iter().any(|&i| unwanted(i)));
                with_lede[reading][c] += usize::from(chosen.iter().any(|&i| Some(i) == lede));
                // The scores of the summary of `sentences` and its length.
                let score = |sentences: &[usize]| {
                    let text: Vec<String> = sentences.iter().map(|&i| sentence(i)).collect();
                    let tokens = rouge::tokens(&text.join(" "));
                    (rouge::scores(&tokens, &reference), tokens.len())
                };
                let scored = score(&chosen);
                ours[reading][c].add(scored);
                let lead = score(&(skip..doc.sentences.len()).take(n).collect::<Vec<_>>());
                leads[reading][c].add(lead);
                if let Some(weights) = against {
                    others[reading][c].add(score(&summary(weights)));
                }
                if let (true, 1, 2, Some(lede)) = (pairs, reading, n, lede) {
                    let kind = pair_kind(&chosen, lede);
                    // The lede and the one after it are LEAD-2, scored above, unless the
                    // body opens with an unwanted sentence.
                    let lede_next = if lede == skip {
                        lead
                    } else {
                        score(&(lede..doc.sentences.len()).take(2).collect::<Vec<_>>())
                    };
                    kinds[kind].1.add(lede_next);
                    kinds[kind].0.add(scored);
                }
            }
            if let Some((out, set)) = listing.as_mut().filter(|_| reading == 1) {
                for (i, sizes) in sizes.iter().enumerate().skip(skip) {
                    let words = tomtat::score::words(&doc, i);
                    let text = sentence(i).replace(['\t', '\n'], " ");
                    writeln!(out, "{set}\t{a}\t{i}\t{words}\t{}\t{}\t{text}", u8::from(unwanted(i)), sizes)?;
                }
            }
        }
    }
    let n = articles.len().max(1) as f64;
    println!("{name}: {} articles, read with their title and without", articles.len());
    println!("{:<10} {:<46}   {:<46}", "", "title+body", "body only");
    let columns = format!("{:>12} {:>6} {:>6} {:>6} {:>12}", "R1 ±SE", "R2", "RL", "syll.", "vs LEAD ±SE");
    println!("{:<10} {columns}   {columns}", "system");
    for (c, &k) in counts.iter().enumerate() {
        for (name, rows, is_ours) in [(format!("tomtat-{k}"), &ours, true), (format!("LEAD-{k}"), &leads, false)] {
            let cell = |reading: usize| {
                let row = &rows[reading][c];
                let (r1, se) = mean_and_error(row.r1.iter().map(|v| 100.0 * v));
                let gain = if is_ours {
                    let (d, d_se) = change(&row.r1, &leads[reading][c].r1);
                    format!("{d:>+6.2} ±{d_se:.2}")
                } else {
                    String::new()
                };
                format!(
                    "{:>6.2} ±{se:.2} {:>6.2} {:>6.2} {:>6.1} {gain:>12}",
                    r1,
                    100.0 * row.r2 / n,
                    100.0 * row.rl / n,
                    row.syllables as f64 / n
                )
            };
            println!("{name:<10} {}   {}", cell(0), cell(1));
        }
    }
    println!(
        "captions, credits, bylines (score::unwanted): {} / {} bodies open with one (with / without title); \
         summaries holding one: {} / {}",
        opening_captions[0], opening_captions[1], chosen_unwanted[0], chosen_unwanted[1]
    );
    let joined = |numbers: &[usize]| numbers.iter().map(|n| n.to_string()).collect::<Vec<_>>().join("/");
    println!(
        "summaries holding the lede (the first sentence one may hold) at {} sentences: {} / {} (with / without title)\n",
        joined(counts),
        joined(&with_lede[0]),
        joined(&with_lede[1])
    );
    if pairs {
        print_pairs(&kinds);
    }
    if against.is_some() {
        for (c, &k) in counts.iter().enumerate() {
            let cell = |reading: usize| {
                let (d, se) = change(&ours[reading][c].r1, &others[reading][c].r1);
                format!("{d:+.2} ±{se:.2}")
            };
            println!(
                "R1 change from the --against weights at {k} sentences: {} / {} (with / without title)",
                cell(0),
                cell(1)
            );
        }
        println!();
    }
    Ok(())
}

/// The kinds of pair a body-only 2-sentence summary is, by where its sentences stand
/// from the lede (the first sentence a summary may hold): [`pair_kind`].
const PAIR_KINDS: [&str; 6] =
    ["lede + next", "lede + 2-4 on", "lede + 5+ on", "next + later", "later pair", "one sentence"];

/// Which of [`PAIR_KINDS`] the summary `chosen` (in reading order) is, `lede` the first
/// sentence a summary may hold.
fn pair_kind(chosen: &[usize], lede: usize) -> usize {
    match chosen {
        [a, b] if *a == lede => match b - a {
            1 => 0,
            2..=4 => 1,
            _ => 2,
        },
        [a, _] if *a == lede + 1 => 3,
        [_, _] => 4,
        _ => 5,
    }
}

/// The table of `--pairs`: for each kind, tomtat's R1 and recall beside those of the
/// lede with the sentence after it (LEAD-2 unless the body opens with a caption), and
/// both lengths: F1 rewards a short summary where recall, and a reader wanting the core
/// fact, may not.
fn print_pairs(kinds: &[(Row, Row)]) {
    println!("body only, 2 sentences, by pair (the lede: the first sentence a summary may hold)");
    println!(
        "{:<14} {:>5} {:>13} {:>13} {:>12} {:>15} {:>15}",
        "kind", "n", "R1 tomtat", "R1 lede+next", "change ±SE", "recall t / l+n", "syll. t / l+n"
    );
    for (name, (ours, lede_next)) in PAIR_KINDS.iter().zip(kinds) {
        let count = ours.r1.len();
        if count == 0 {
            continue;
        }
        let n = count as f64;
        let mean = |row: &Row| mean_and_error(row.r1.iter().map(|v| 100.0 * v)).0;
        let (gain, se) = change(&ours.r1, &lede_next.r1);
        println!(
            "{name:<14} {count:>5} {:>13.2} {:>13.2} {:>12} {:>15} {:>7.1} / {:<5.1}",
            mean(ours),
            mean(lede_next),
            format!("{gain:+.2} ±{se:.2}"),
            format!("{:.2} / {:.2}", 100.0 * ours.recall / n, 100.0 * lede_next.recall / n),
            ours.syllables as f64 / n,
            lede_next.syllables as f64 / n
        );
    }
    println!();
}

/// What the command line asks for.
struct Asked {
    /// The JSONL files to read.
    paths: Vec<String>,
    /// One summary length, if not 1, 2 and 3.
    sentences: Option<usize>,
    /// The weights table to compare against (`--against`).
    against: Option<String>,
    /// Whether to break the body-only 2-sentence summaries down by pair (`--pairs`).
    pairs: bool,
    /// The file to list every body sentence to (`--list`).
    list: Option<String>,
}

fn parse(args: &[String]) -> Result<Asked, String> {
    let mut paths = Vec::new();
    let mut sentences = None;
    let mut against = None;
    let mut pairs = false;
    let mut list = None;
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        if arg == "--sentences" {
            let n = args.next().ok_or("--sentences needs a value")?;
            sentences = Some(n.parse().map_err(|_| format!("--sentences needs a whole number, got `{n}`"))?);
        } else if arg == "--against" {
            against = Some(args.next().ok_or("--against needs a weights file")?.clone());
        } else if arg == "--pairs" {
            pairs = true;
        } else if arg == "--list" {
            list = Some(args.next().ok_or("--list needs a file to write")?.clone());
        } else if arg.starts_with("--") {
            return Err(format!("unknown option `{arg}`"));
        } else {
            paths.push(arg.clone());
        }
    }
    if paths.is_empty() {
        paths = vec![corpus::TRAIN_20K.to_string(), NEWS_DEV.to_string()];
    }
    Ok(Asked { paths, sentences, against, pairs, list })
}
