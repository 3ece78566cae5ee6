//! Reading the news corpora: JSONL lines `{"id","title","summary","body"}`.

use serde::Deserialize;

/// One article with its reference summary.
#[derive(Deserialize)]
pub struct Article {
    /// Its headline.
    #[serde(default)]
    pub title: String,
    /// The reference summary (the newsroom's sapo).
    #[serde(default)]
    pub summary: String,
    /// The article without title and sapo.
    pub body: String,
}

impl Article {
    /// The text the summarizer reads: title and body as two paragraphs, as the CLI's
    /// `--jsonl` joins them.
    pub fn text(&self) -> String {
        if self.title.trim().is_empty() {
            self.body.clone()
        } else {
            format!("{}\n\n{}", self.title, self.body)
        }
    }
}

/// Every article of the JSONL file at `path`.
pub fn read(path: &str) -> Result<Vec<Article>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(n, line)| serde_json::from_str(line).map_err(|e| format!("{path}:{}: {e}", n + 1)))
        .collect()
}
