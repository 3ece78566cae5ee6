//! `cargo xtask eval-finder [--scripts] [--keep] [DIR...]`: how well www/find-article.js finds
//! the article on real pages (issues 10, 18 and 24).
//!
//! A thin dispatcher: the measurement runs in Chromium, so it lives in
//! tests/browser/eval-find-article.mjs; this installs what it needs (as the tests do)
//! and runs it. It prints, per page, on average and at the lowest, the word-multiset F1
//! of `findArticle(document).text` against Readability's extraction, beside the two
//! baselines `document.body.innerText` and the first `<article>` (else body), for each
//! directory given, by default the sets ../shared/data/pages and ../shared/data/pages-more;
//! and on the article-extraction benchmark ../shared/data/aeb (a folder with
//! `ground-truth.json`), the finder's row of the benchmark's own `evaluate.py` beside the
//! seven tools it publishes, the same figures on its two halves by page id (even and odd
//! last hex digit, one to look at and one to check on), and its lowest pages. Then
//! find-article.js's gzip size and the finder's time per page. A default set that is
//! absent is skipped; the pages' own scripts are off, or on with `--scripts`.

use std::process::Command;

use crate::test::{ensure_chromium, ensure_playwright, run_in};

pub fn run(args: &[String]) -> Result<(), String> {
    ensure_chromium()?;
    ensure_playwright()?;
    run_in(Command::new("node").arg("tests/browser/eval-find-article.mjs").args(args), "node eval-find-article.mjs")
}
