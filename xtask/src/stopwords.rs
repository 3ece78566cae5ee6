//! `cargo xtask stopwords [JSONL]`: writes `data/stopwords.txt` from corpus statistics.
//!
//! A stop word is a syllable that is common across articles, spread evenly over them
//! rather than bunched in the articles that are about it, and written in lower case
//! inside sentences. "Evenly" is measured by residual IDF (Church & Gale 1995): the
//! IDF a syllable has minus the IDF a Poisson distribution of its occurrences would
//! give it. Function syllables ("và", "của", "được", "những") follow Poisson closely;
//! content syllables that are just as frequent ("tỉnh", "kinh", "triển") are bursty,
//! and names ("Việt", "Hà") are capitalised. Only `news-train.jsonl` is read.

use crate::corpus;

const DEFAULT: &str = "../shared/data/news-train.jsonl";
const OUTPUT: &str = "data/stopwords.txt";
/// Share of articles a syllable must appear in.
const MIN_DOCUMENT_SHARE: f64 = 0.1;
/// Share of its mid-sentence occurrences that must be in lower case.
const MIN_LOWER_SHARE: f64 = 0.9;
/// Residual IDF (bits) allowed: `BASE + SLOPE * document share`, as a very common
/// syllable may be a little bursty and still carry no topic.
const RESIDUAL_BASE: f64 = 0.3;
const RESIDUAL_SLOPE: f64 = 0.3;

pub fn run(args: &[String]) -> Result<(), String> {
    let path = crate::path_arg(args, DEFAULT);
    let articles = corpus::read(path)?;
    let counts = corpus::syllable_counts(&articles);
    let n = articles.len().max(1) as f64;
    let mut stop: Vec<(&String, &corpus::SyllableCounts)> = counts
        .iter()
        .filter(|(_, c)| {
            let share = c.documents as f64 / n;
            let residual = -share.log2() + (1.0 - (-(c.occurrences as f64) / n).exp()).log2();
            share >= MIN_DOCUMENT_SHARE
                && residual <= RESIDUAL_BASE + RESIDUAL_SLOPE * share
                && c.inner_lower as f64 >= MIN_LOWER_SHARE * c.inner.max(1) as f64
        })
        .collect();
    stop.sort_by(|a, b| b.1.documents.cmp(&a.1.documents).then(a.0.cmp(b.0)));
    let mut out = format!(
        "# Vietnamese stop syllables, most common first, from news-train.jsonl ({} articles, title and body):\n\
         # in at least {:.0}% of the articles, residual IDF at most {RESIDUAL_BASE} + {RESIDUAL_SLOPE} x document share\n\
         # (spread evenly, not bunched by topic), lower case in at least {:.0}% of mid-sentence uses.\n\
         # Rebuild with `cargo xtask stopwords`.\n",
        articles.len(),
        100.0 * MIN_DOCUMENT_SHARE,
        100.0 * MIN_LOWER_SHARE,
    );
    for (syllable, _) in &stop {
        out.push_str(syllable);
        out.push('\n');
    }
    crate::build::write_file(std::path::Path::new(OUTPUT), &out)?;
    println!("{OUTPUT}: {} stop syllables from {} articles", stop.len(), articles.len());
    Ok(())
}
