//! `cargo xtask eval-keywords [JSONL] [--no-peers] [--show]`: a proxy measure of key
//! phrases, tomtat's beside the peers of `../shared/bench/keyword_peers.py` run on the
//! same file in the same run.
//!
//! A newsroom names a story in its headline and sapo. For each article the first
//! [`K`] key phrases are judged: a phrase is a *hit* when its syllables (lower case,
//! NFC, `\w+` runs) occur in a row in the title or in the sapo (`summary`); it is
//! *junk* when it is one character, a number, or made only of the function words of
//! the peers script (the list that defines junk is read from that script, so the
//! measure and the peers share it). P@5 and P@10 divide the hits among the first 5
//! and 10 by 5 and 10 (fewer phrases count as misses); the junk rate is junk phrases
//! over phrases listed.
//!
//! Limits: the measure rewards phrases the headline uses, whatever their worth
//! elsewhere; a good key phrase the headline words otherwise ("Hà Nội" for a title
//! saying "thủ đô") is a miss; a fragment and the phrase it comes from both count as
//! hits ("triều", "triều tiên"), so a list of pieces scores well; it says nothing of
//! the phrases' occurrences.
//!
//! Each article is read as the CLI reads a JSONL line (`title`, a blank line, `body`),
//! digested with the library's default options; the peers read the same text. The
//! TF-IDF peer is run twice: with document frequencies from the file itself and from
//! `news-train-20k`.

use std::collections::HashMap;
use std::path::Path;
use std::process::Command;

use serde::Deserialize;
use unicode_normalization::UnicodeNormalization;

use crate::corpus;

const DEFAULT: &str = "../shared/data/news-dev.jsonl";
const PEERS: &str = "../shared/bench/keyword_peers.py";
const TRAIN_DF: &str = "../shared/data/news-train-20k.jsonl.gz";
/// How many phrases of each article are judged.
const K: usize = 10;

/// An article as the measure reads it.
#[derive(Deserialize)]
struct Row {
    #[serde(default)]
    id: String,
    #[serde(flatten)]
    article: corpus::Article,
}

/// One peer's phrases for one article, as the peers script writes them.
#[derive(Deserialize)]
struct PeerRow {
    id: String,
    keywords: Vec<String>,
}

/// The sums behind P@5, P@10 and the junk rate.
#[derive(Default)]
struct Tally {
    articles: usize,
    hits5: usize,
    hits10: usize,
    listed: usize,
    junk: usize,
}

impl Tally {
    fn row(&self, name: &str) {
        let n = self.articles.max(1) as f64;
        println!(
            "{name:<22} {:>6.1} {:>6.1} {:>6.1}",
            100.0 * self.hits5 as f64 / (5.0 * n),
            100.0 * self.hits10 as f64 / (K as f64 * n),
            100.0 * self.junk as f64 / self.listed.max(1) as f64
        );
    }
}

/// The judge: the function words that make junk.
struct Judge {
    function: Vec<String>,
}

impl Judge {
    /// Whether `phrase` is junk: one character, a number, or function words only.
    fn junk(&self, phrase: &str) -> bool {
        let syllables = syllables(phrase);
        phrase.trim().chars().count() <= 1
            || syllables.is_empty()
            || syllables.iter().all(|s| s.chars().all(|c| c.is_numeric()))
            || syllables.iter().all(|s| self.function.contains(s))
    }

    /// Adds one article's phrases to `tally`; `shown` prints the judged phrases.
    fn add(&self, tally: &mut Tally, phrases: &[String], references: &[Vec<String>], shown: Option<&str>) {
        tally.articles += 1;
        let mut marks = Vec::new();
        for (rank, phrase) in phrases.iter().take(K).enumerate() {
            let hit = is_hit(phrase, references);
            let junk = self.junk(phrase);
            tally.listed += 1;
            tally.junk += usize::from(junk);
            tally.hits10 += usize::from(hit);
            tally.hits5 += usize::from(hit && rank < 5);
            marks.push(format!(
                "{phrase}{}",
                if junk {
                    "✗"
                } else if hit {
                    "✓"
                } else {
                    ""
                }
            ));
        }
        if let Some(id) = shown {
            println!("{id}: {}", marks.join(" | "));
        }
    }
}

pub fn run(args: &[String]) -> Result<(), String> {
    let path = crate::path_arg(args, DEFAULT).to_string();
    let show = args.iter().any(|a| a == "--show");
    let peers = !args.iter().any(|a| a == "--no-peers");
    if let Some(bad) = args.iter().find(|a| a.starts_with("--") && !["--show", "--no-peers"].contains(&a.as_str())) {
        return Err(format!("unknown option `{bad}`"));
    }
    let rows: Vec<Row> = corpus::read(&path)?;
    let judge = Judge { function: function_words()? };
    let references: HashMap<&str, Vec<Vec<String>>> = rows
        .iter()
        .map(|r| (r.id.as_str(), vec![syllables(&r.article.title), syllables(&r.article.summary)]))
        .collect();
    let mut ours = Tally::default();
    for row in &rows {
        let digest = tomtat::digest(&row.article.text(), &tomtat::Options::default()).map_err(|e| e.to_string())?;
        let phrases: Vec<String> = digest.keywords.iter().map(|k| k.text.clone()).collect();
        judge.add(&mut ours, &phrases, &references[row.id.as_str()], show.then_some(row.id.as_str()));
    }
    println!("{path}: {} articles, the first {K} key phrases of each", rows.len());
    println!("{:<22} {:>6} {:>6} {:>6}", "system", "P@5", "P@10", "junk%");
    ours.row("tomtat");
    if peers {
        run_peers(&path, &judge, &references)?;
    }
    Ok(())
}

/// Runs the peers script on `path` (document frequencies from the file, then from
/// news-train-20k) and prints each system's figures.
fn run_peers(path: &str, judge: &Judge, references: &HashMap<&str, Vec<Vec<String>>>) -> Result<(), String> {
    let python = std::env::var("PEERS_PYTHON").unwrap_or_else(|_| "python3".into());
    let base = std::env::temp_dir().join("tomtat-keyword-peers");
    let runs = [("self", None), ("train-20k", Some(TRAIN_DF))];
    for (df_name, df) in runs {
        if df.is_some_and(|df| !Path::new(df).exists()) {
            println!("tfidf (df {df_name}): skipped, {} is absent", df.unwrap_or_default());
            continue;
        }
        let out = base.join(df_name);
        let mut command = Command::new(&python);
        command.arg(PEERS).arg(path).arg(&out).args(df);
        let output = command.output().map_err(|e| format!("cannot run {python} {PEERS}: {e} (set PEERS_PYTHON)"))?;
        if !output.status.success() {
            return Err(format!("{PEERS} failed: {}", String::from_utf8_lossy(&output.stderr)));
        }
        for system in ["tfidf", "yake"] {
            // YAKE does not read document frequencies: judged once.
            if system == "yake" && df.is_some() {
                continue;
            }
            let file = out.join(format!("{system}.jsonl"));
            if !file.exists() {
                println!("{system}: not run ({})", String::from_utf8_lossy(&output.stdout).trim());
                continue;
            }
            let mut tally = Tally::default();
            for row in corpus::read::<PeerRow>(&file.to_string_lossy())? {
                if let Some(refs) = references.get(row.id.as_str()) {
                    judge.add(&mut tally, &row.keywords, refs, None);
                }
            }
            let name = if system == "tfidf" { format!("tfidf (df {df_name})") } else { system.to_string() };
            tally.row(&name);
        }
    }
    Ok(())
}

/// The function words of the peers script: its `FUNCTION = set("""...""".split())`.
fn function_words() -> Result<Vec<String>, String> {
    let script = std::fs::read_to_string(PEERS).map_err(|e| format!("cannot read {PEERS}: {e}"))?;
    let list = script
        .split_once("FUNCTION = set(\"\"\"")
        .and_then(|(_, rest)| rest.split_once("\"\"\""))
        .map(|(list, _)| list)
        .ok_or_else(|| format!("{PEERS} has no FUNCTION list"))?;
    Ok(list.split_whitespace().map(|w| w.nfc().collect::<String>().to_lowercase()).collect())
}

/// The lower-cased NFC `\w+` runs of `text`, as the peers script splits it.
pub fn syllables(text: &str) -> Vec<String> {
    let text: String = text.nfc().collect::<String>().to_lowercase();
    text.split(|c: char| !(c.is_alphanumeric() || c == '_')).filter(|s| !s.is_empty()).map(str::to_string).collect()
}

/// Whether `phrase` is a hit: its syllables occur in a row in one of `references`
/// (each split by [`syllables`]).
pub fn is_hit(phrase: &str, references: &[Vec<String>]) -> bool {
    let words = syllables(phrase);
    !words.is_empty() && references.iter().any(|r| r.windows(words.len()).any(|w| w == words))
}
