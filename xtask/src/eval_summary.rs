//! `cargo xtask eval-summary [JSONL] [--sentences N]`: ROUGE of tomtat's summaries
//! beside the LEAD baselines, each article read with its title and without, for 1, 2
//! and 3 sentences (or N alone), in one run.
//!
//! With its title, an article is read as the CLI reads a JSONL line (`title`, a blank
//! line, `body`); without, as the body alone, as a reader pastes it. Each is digested
//! by the library with the default options except the sentence count. The reference is
//! the article's `summary` (the newsroom's sapo). LEAD-k is the first k sentences after
//! the title, split by tomtat's own splitter. Then the caption check: how many bodies
//! open with a sentence the scorer takes for a photo caption, a credit or a byline
//! (`score::unwanted`), and how many summaries hold such a sentence anywhere.

use std::time::Instant;

use crate::corpus;
use crate::rouge::{self, Scores};

const DEFAULT: &str = "../shared/data/news-dev.jsonl";

/// The scores of one system on one reading of the articles.
#[derive(Default, Clone, Copy)]
struct Row {
    scores: Scores,
    syllables: usize,
}

pub fn run(args: &[String]) -> Result<(), String> {
    let (path, only) = parse(args)?;
    let articles: Vec<corpus::Article> = corpus::read(&path)?;
    let counts: Vec<usize> = only.map_or(vec![1, 2, 3], |n| vec![n]);
    // [reading][count]: tomtat and LEAD-k.
    let mut ours = [[Row::default(); 3], [Row::default(); 3]];
    let mut leads = [[Row::default(); 3], [Row::default(); 3]];
    let (mut opening_captions, mut chosen_unwanted, mut summaries) = ([0usize; 2], [0usize; 2], 0usize);
    let mut digest_seconds = 0.0;
    for article in &articles {
        let reference = rouge::tokens(&article.summary);
        for (reading, text) in [article.text(), article.body.clone()].iter().enumerate() {
            let doc = tomtat::Document::new(text);
            let analysis = tomtat::score::analyse(&doc, &tomtat::terms::Terms::new(&doc));
            let skip = usize::from(analysis.title.is_some());
            let unwanted = |i: usize| tomtat::score::unwanted(&analysis.signals[i]);
            opening_captions[reading] += usize::from(skip < doc.sentences.len() && unwanted(skip));
            for (c, &n) in counts.iter().enumerate() {
                let options = tomtat::Options { sentences: Some(n), ..tomtat::Options::default() };
                let started = Instant::now();
                let digest = tomtat::digest(text, &options).map_err(|e| e.to_string())?;
                digest_seconds += started.elapsed().as_secs_f64();
                summaries += 1;
                chosen_unwanted[reading] += usize::from(digest.summary.iter().any(|s| unwanted(s.sentence)));
                let summary: Vec<&str> =
                    digest.summary.iter().map(|s| digest.sentences[s.sentence].text.as_str()).collect();
                let first: Vec<&str> = digest.sentences.iter().skip(skip).take(n).map(|s| s.text.as_str()).collect();
                for (row, sentences) in [(&mut ours[reading][c], summary), (&mut leads[reading][c], first)] {
                    let tokens = rouge::tokens(&sentences.join(" "));
                    row.syllables += tokens.len();
                    row.scores.add(rouge::scores(&tokens, &reference));
                }
            }
        }
    }
    let n = articles.len().max(1) as f64;
    println!("{path}: {} articles, read with their title and without", articles.len());
    println!("{:<10} {:<27}   {:<27}", "", "title+body", "body only");
    let columns = format!("{:>6} {:>6} {:>6} {:>6}", "R1", "R2", "RL", "syll.");
    println!("{:<10} {columns}   {columns}", "system");
    for (c, &k) in counts.iter().enumerate() {
        for (name, rows) in [(format!("tomtat-{k}"), &ours), (format!("LEAD-{k}"), &leads)] {
            let cell = |row: &Row| {
                let s = &row.scores;
                format!(
                    "{:>6.2} {:>6.2} {:>6.2} {:>6.1}",
                    100.0 * s.r1 / n,
                    100.0 * s.r2 / n,
                    100.0 * s.rl / n,
                    row.syllables as f64 / n
                )
            };
            println!("{name:<10} {}   {}", cell(&rows[0][c]), cell(&rows[1][c]));
        }
    }
    println!(
        "captions, credits, bylines (score::unwanted): {} / {} bodies open with one (with / without title); \
         summaries holding one: {} / {}",
        opening_captions[0], opening_captions[1], chosen_unwanted[0], chosen_unwanted[1]
    );
    println!("digest {:.0} articles/s (library, one core)", summaries as f64 / digest_seconds.max(f64::EPSILON));
    Ok(())
}

fn parse(args: &[String]) -> Result<(String, Option<usize>), String> {
    let mut path = DEFAULT.to_string();
    let mut sentences = None;
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        if arg == "--sentences" {
            let n = args.next().ok_or("--sentences needs a value")?;
            sentences = Some(n.parse().map_err(|_| format!("--sentences needs a whole number, got `{n}`"))?);
        } else if arg.starts_with("--") {
            return Err(format!("unknown option `{arg}`"));
        } else {
            path = arg.clone();
        }
    }
    Ok((path, sentences))
}
