//! `cargo xtask summary-openers`: writes `data/summary-openers.txt`, the openings of
//! sentences that lean on the one before, found by where they never stand.
//!
//! A sentence that leans on one before it ("Thấy vậy, ...", "Theo ông, ...", "Nạn nhân
//! ...", "Phương Anh cho biết ...") cannot open an article: nothing comes before it. So an
//! opening is counted by how often it opens a body against how often it would if
//! openings were spread evenly over the sentences, on the articles that fits may read
//! (news-train-20k's first 18,000, never its check set nor news-dev), body alone, split
//! and tokenised by the library; an opening is the sentence's first 1, 2 and 3 tokens
//! as `score::opening` keys them, and its rate is smoothed toward its one-shorter
//! opening's rate (the one-token opening's toward 1) by [`PRIOR`] expected sentences.
//!
//! Openings whose second token is a name (`vũ N`, `phương N`) are left out: mostly a
//! full name ("Vũ Đức Đam"), which bodies seldom open with (they open with a time, a
//! title, a place) but which leans on nothing; a short name is `Analysis::needs`'s.
//!
//! An opening is written when [`MIN_SENTENCES`] sentences open with it and it leans
//! (log rate at most `score::LEANING_LOG_RATE`) where the longest shorter opening
//! written does not (none written: it does not), or the other way: the least that makes
//! `score::opener_log_rate` say of every counted opening what its own count says.

use std::collections::HashMap;

use tomtat::score;

use crate::corpus::{self, Article};

const OUTPUT: &str = "data/summary-openers.txt";
/// Sentences an opening needs to be written.
const MIN_SENTENCES: f64 = 100.0;
/// Expected first sentences of the shorter opening's rate an opening's rate is smoothed with.
const PRIOR: f64 = 3.0;

pub fn run(args: &[String]) -> Result<(), String> {
    let path = crate::path_arg(args, corpus::TRAIN_20K);
    if path != corpus::TRAIN_20K {
        return Err(format!("summary-openers counts on {} only, not {path}", corpus::TRAIN_20K));
    }
    let articles: Vec<Article> = corpus::read(path)?;
    let read = articles.len().min(corpus::FIT_ARTICLES);
    // Every opening of 1 to `score::OPENING_TOKENS` tokens: the sentences that open with it,
    // and how many of them open a body.
    let mut openings: HashMap<Vec<String>, (f64, f64)> = HashMap::new();
    let (mut sentences, mut bodies) = (0usize, 0usize);
    for article in &articles[..read] {
        let doc = tomtat::Document::new(&article.body);
        bodies += usize::from(!doc.sentences.is_empty());
        for i in 0..doc.sentences.len() {
            let lower = doc.sentence_lower_tokens(i);
            let key = score::opening(doc.sentence_tokens(i), &lower, doc.text());
            sentences += 1;
            for n in 1..=key.len() {
                let counts = openings.entry(key[..n].iter().map(|t| t.to_string()).collect()).or_default();
                counts.0 += f64::from(u8::from(i == 0));
                counts.1 += 1.0;
            }
        }
    }
    let share = bodies as f64 / sentences.max(1) as f64;
    // Shorter openings first, so each one's shorter opening has its rate and its written value.
    let mut keys: Vec<&Vec<String>> =
        openings.keys().filter(|k| openings[*k].1 >= MIN_SENTENCES && k.get(1).is_none_or(|t| t != "N")).collect();
    keys.sort_by(|a, b| a.len().cmp(&b.len()).then(a.cmp(b)));
    let mut rates: HashMap<&[String], f64> = HashMap::new();
    let mut written: HashMap<&[String], f64> = HashMap::new();
    let leans = |log_rate: f64| log_rate <= f64::from(score::LEANING_LOG_RATE);
    for key in keys {
        let parent = &key[..key.len() - 1];
        let prior = if parent.is_empty() { 1.0 } else { rates[parent] };
        let (first, all) = openings[key];
        let rate = (first + PRIOR * prior) / (all * share + PRIOR);
        rates.insert(key, rate);
        let shorter = (1..key.len()).rev().find_map(|n| written.get(&key[..n]).copied()).unwrap_or(0.0);
        if leans(rate.ln()) != leans(shorter) {
            written.insert(key, rate.ln());
        }
    }
    let mut lines: Vec<(String, f64)> = written.iter().map(|(k, &v)| (k.join(" "), v)).collect();
    // In byte order: the scorer searches the table by halves.
    lines.sort_by(|a, b| a.0.cmp(&b.0));
    let mut out = format!(
        "# Openings of sentences and how often they open an article's body, as `log-rate opening` lines in byte\n\
         # order of the opening (src/score.rs: a sentence that opens with one at or below {} is chosen only\n\
         # with the one before). Counted on the bodies of news-train-20k's first {read} articles (never its\n\
         # check set nor news-dev), {sentences} sentences: the rate is the bodies' first sentences that open so\n\
         # over as many as {:.1}% of the sentences that do (the first sentences' share of all), smoothed toward\n\
         # the one-token-shorter opening's rate by {PRIOR} expected. An opening is a sentence's first 1-{} tokens\n\
         # past leading punctuation, lower case, a capitalised syllable past the first `N`, a number `0`;\n\
         # written when {MIN_SENTENCES}+ sentences open so, its second token is no name, and it leans where the\n\
         # longest shorter opening written does not, or the other way (none written: it does not). Rebuild\n\
         # with `cargo xtask summary-openers`.\n",
        score::LEANING_LOG_RATE,
        100.0 * share,
        score::OPENING_TOKENS,
    );
    for (opening, log_rate) in &lines {
        out.push_str(&format!("{log_rate:.2} {opening}\n"));
    }
    crate::build::write_file(std::path::Path::new(OUTPUT), &out)?;
    println!("{OUTPUT}: {} openings from {read} articles", lines.len());
    Ok(())
}
