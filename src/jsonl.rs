//! One line of a JSONL batch in, one line of digest JSON out: what `tomtat digest
//! --jsonl` writes for each input line, kept in the library so that every surface that
//! writes records (the CLI, the Python package and so the Spark job) writes the same
//! bytes.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::error::Error;
use crate::options::Options;

/// One input line: `{"id", "text"}`, or `{"id", "title", "body"}`.
#[derive(Deserialize)]
struct Line {
    #[serde(default)]
    id: Value,
    text: Option<String>,
    title: Option<String>,
    body: Option<String>,
}

impl Line {
    /// The text to digest: `text`, else `title` and `body` as two paragraphs.
    fn text(self) -> Result<String, Error> {
        match (self.text, self.title, self.body) {
            (Some(text), _, _) => Ok(text),
            (None, Some(title), Some(body)) => Ok(format!("{title}\n\n{body}")),
            (None, None, Some(body)) => Ok(body),
            _ => Err(Error::InvalidLine("needs a \"text\" field (or \"title\" and \"body\")".into())),
        }
    }
}

/// One output line: the input's `id`, then the digest's fields. Written straight from
/// the digest (a `serde_json::Value` in between took a third of a batch's time).
#[derive(Serialize)]
struct Record {
    id: Value,
    #[serde(flatten)]
    digest: crate::Digest,
}

/// The JSON record of one input line, compact or indented: the line's `id` and the
/// digest of its text. A line that is not such an object, or whose text cannot be
/// digested, gives an [`Error`] that says why.
pub fn record(line: &str, options: &Options, pretty: bool) -> Result<String, Error> {
    let line: Line = serde_json::from_str(line).map_err(|e| Error::InvalidLine(format!("not a JSON object: {e}")))?;
    let id = line.id.clone();
    let digest = crate::digest(&line.text()?, options)?;
    Ok(to_json(&Record { id, digest }, pretty))
}

/// `value` as JSON, compact or indented: the one writer of the JSON every surface
/// outside the wasm prints.
pub fn to_json(value: &impl Serialize, pretty: bool) -> String {
    let json = if pretty { serde_json::to_string_pretty(value) } else { serde_json::to_string(value) };
    json.expect("a digest and its record always serialise")
}
