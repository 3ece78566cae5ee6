//! `cargo xtask eval-summary [JSONL] [--sentences N]`: ROUGE of tomtat's summaries
//! beside the LEAD baselines, in one run.
//!
//! Each article is read as the CLI reads a JSONL line (`title`, a blank line, `body`)
//! and digested by the library with the default options except the sentence count.
//! The reference is the article's `summary` (the newsroom's sapo). LEAD-k is the first
//! k sentences after the title, split by tomtat's own splitter.

use std::time::Instant;

use crate::corpus;
use crate::rouge::{self, Scores};

const DEFAULT: &str = "../shared/data/news-dev.jsonl";

pub fn run(args: &[String]) -> Result<(), String> {
    let (path, sentences) = parse(args)?;
    let articles: Vec<corpus::Article> = corpus::read(&path)?;
    let options = tomtat::Options { sentences: Some(sentences), ..tomtat::Options::default() };
    let mut ours = Scores::default();
    let mut leads = [Scores::default(); 3];
    let mut summary_tokens = 0usize;
    let mut digest_seconds = 0.0;
    for article in &articles {
        let text = article.text();
        let started = Instant::now();
        let digest = tomtat::digest(&text, &options).map_err(|e| e.to_string())?;
        digest_seconds += started.elapsed().as_secs_f64();
        let reference = rouge::tokens(&article.summary);
        let summary: Vec<&str> = digest.summary.iter().map(|s| digest.sentences[s.sentence].text.as_str()).collect();
        let summary = rouge::tokens(&summary.join(" "));
        summary_tokens += summary.len();
        ours.add(rouge::scores(&summary, &reference));
        let skip = usize::from(tomtat::score::title(&tomtat::Document::new(&text)).is_some());
        for (k, lead) in leads.iter_mut().enumerate() {
            let first: Vec<&str> = digest.sentences.iter().skip(skip).take(k + 1).map(|s| s.text.as_str()).collect();
            lead.add(rouge::scores(&rouge::tokens(&first.join(" ")), &reference));
        }
    }
    let n = articles.len().max(1) as f64;
    println!("{path}: {} articles, summaries of {sentences} sentences", articles.len());
    println!("{:<12} {:>6} {:>6} {:>6}", "system", "R1", "R2", "RL");
    let row = |name: &str, s: &Scores| {
        println!("{name:<12} {:>6.2} {:>6.2} {:>6.2}", 100.0 * s.r1 / n, 100.0 * s.r2 / n, 100.0 * s.rl / n)
    };
    row(&format!("tomtat-{sentences}"), &ours);
    for (k, lead) in leads.iter().enumerate() {
        row(&format!("LEAD-{}", k + 1), lead);
    }
    println!(
        "tomtat summaries: {:.1} syllables on average; digest {:.0} articles/s (library, one core)",
        summary_tokens as f64 / n,
        n / digest_seconds.max(f64::EPSILON)
    );
    Ok(())
}

fn parse(args: &[String]) -> Result<(String, usize), String> {
    let mut path = DEFAULT.to_string();
    let mut sentences = 2;
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        if arg == "--sentences" {
            let n = args.next().ok_or("--sentences needs a value")?;
            sentences = n.parse().map_err(|_| format!("--sentences needs a whole number, got `{n}`"))?;
        } else if arg.starts_with("--") {
            return Err(format!("unknown option `{arg}`"));
        } else {
            path = arg.clone();
        }
    }
    Ok((path, sentences))
}
