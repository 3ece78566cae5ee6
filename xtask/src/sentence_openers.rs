//! `cargo xtask sentence-openers`: writes `data/sentence-openers.txt`, the words that
//! open a sentence and are almost never capitalised inside one.
//!
//! VietNews bodies keep no line breaks, so a sub-heading, a photo credit or a caption
//! without a final stop runs into the next sentence ("Nỗ lực hiện đại hoá Trong những
//! tuần gần đây, ..."). The splitter finds such a start by a capitalised word that, in
//! running text, only ever starts a sentence. Which words those are is counted here on
//! the articles that fits may read (news-train-20k's first 18,000, never its check set
//! nor news-dev), on whitespace tokens of the normalised body, so the counts do not
//! depend on the splitter they feed:
//! - a *start* is a title-case word right after a token ending in `.`, `!` or `?`;
//! - an *inner use* is the same word right after a word ending in a letter, at least
//!   [`INNER_DEPTH`] words after the last stop: deep inside a sentence, where a glued
//!   heading (a few words long) cannot be, so what is counted there is a name or a
//!   title of a work ("Tổ chức Theo dõi Nhân quyền", "xã Tuy Lai").
//!
//! A word opens sentences when it has [`MIN_STARTS`] starts and inner uses at most
//! [`MAX_INNER_SHARE`] of them (`lower`: before a word in lower case or a number); it
//! opens them also before a capitalised word (`any`: "Theo Reuters", "Ông Nguyễn Văn
//! A") when the same holds of its starts and inner uses followed by one ("Tuy" starts
//! "Tuy nhiên" but "Tuy Hoà" inside sentences is a place).

use std::collections::HashMap;

use tomtat::case::is_title_case;

use crate::corpus::{self, Article};

const OUTPUT: &str = "data/sentence-openers.txt";
/// Words after the last stop from which a capitalised word counts as an inner use.
const INNER_DEPTH: usize = 15;
/// Starts a word needs to be judged.
const MIN_STARTS: usize = 50;
/// Starts before a capitalised word needed for the `any` kind.
const MIN_STARTS_BEFORE_CAPITAL: usize = 20;
/// Inner uses allowed, as a share of the starts.
const MAX_INNER_SHARE: f64 = 0.03;

/// How one word is used: starts and inner uses, all and before a capitalised word.
#[derive(Default)]
struct Uses {
    starts: usize,
    starts_before_capital: usize,
    inner: usize,
    inner_before_capital: usize,
}

pub fn run(args: &[String]) -> Result<(), String> {
    let path = crate::path_arg(args, corpus::TRAIN_20K);
    let articles: Vec<Article> = corpus::read(path)?;
    let read = articles.len().min(corpus::FIT_ARTICLES);
    let mut uses: HashMap<String, Uses> = HashMap::new();
    for article in &articles[..read] {
        let normalized = tomtat::normalize::Normalized::new(&article.body);
        let words: Vec<&str> = normalized.text().split_whitespace().collect();
        let mut since_stop = 0;
        for pair in words.windows(3) {
            let [before, word, after] = [pair[0], pair[1], pair[2]];
            let start = before.ends_with(['.', '!', '?']);
            since_stop = if start { 0 } else { since_stop + 1 };
            if !is_title_case(word) {
                continue;
            }
            let capital = after.starts_with(char::is_uppercase);
            let inner = !start && before.ends_with(char::is_alphabetic) && since_stop >= INNER_DEPTH;
            if start || inner {
                let entry = uses.entry(tomtat::case::lower_case(word)).or_default();
                if start {
                    entry.starts += 1;
                    entry.starts_before_capital += usize::from(capital);
                } else {
                    entry.inner += 1;
                    entry.inner_before_capital += usize::from(capital);
                }
            }
        }
    }
    let rare = |inner: usize, starts: usize| inner as f64 <= MAX_INNER_SHARE * starts as f64;
    let mut openers: Vec<(&String, &Uses)> =
        uses.iter().filter(|(_, u)| u.starts >= MIN_STARTS && rare(u.inner, u.starts)).collect();
    // In byte order: the splitter searches the table by halves.
    openers.sort_by(|a, b| a.0.cmp(b.0));
    let mut out = format!(
        "# Words that open sentences (src/segment.rs: a glued sentence start), in byte order, from the bodies of\n\
         # news-train-20k's first {read} articles (whitespace words of the normalised text): title case after a stop\n\
         # at least {MIN_STARTS} times, and title case after a word {INNER_DEPTH}+ words inside a sentence at most\n\
         # {:.0}% as often. `any`: also before a capitalised word ({MIN_STARTS_BEFORE_CAPITAL}+ such starts, as rare inside);\n\
         # `lower`: only before a word in lower case or a number. Rebuild with `cargo xtask sentence-openers`.\n",
        100.0 * MAX_INNER_SHARE,
    );
    for (word, u) in &openers {
        let any = u.starts_before_capital >= MIN_STARTS_BEFORE_CAPITAL
            && rare(u.inner_before_capital, u.starts_before_capital);
        out.push_str(&format!("{word} {}\n", if any { "any" } else { "lower" }));
    }
    crate::build::write_file(std::path::Path::new(OUTPUT), &out)?;
    println!("{OUTPUT}: {} openers from {read} articles", openers.len());
    Ok(())
}
