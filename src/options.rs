//! Options of a digest, shared by the Rust API, the CLI and the wasm API.

use serde::{Deserialize, Serialize};

use crate::error::Error;

/// The largest number of summary sentences one may ask for.
pub const MAX_SUMMARY_SENTENCES: usize = 100;

/// How a digest is made. Unknown fields are rejected so that a misspelt option is an
/// error rather than silently ignored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Options {
    /// Exact number of summary sentences; when set it overrides `length`.
    pub sentences: Option<usize>,
    /// Summary length preset, used when `sentences` is not set.
    pub length: Length,
    /// Whether each sentence in the digest lists its words.
    pub words: bool,
    /// Whether the digest lists key phrases (default true). A caller that shows none
    /// (the widget) gets its digest sooner without them.
    pub keywords: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options { sentences: None, length: Length::default(), words: false, keywords: true }
    }
}

/// Summary length presets.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Length {
    /// A glance: two or three sentences.
    Short,
    /// The default.
    #[default]
    Medium,
    /// A fuller reading.
    Long,
}

impl Options {
    /// Checks values that the types alone do not bound.
    pub fn validate(&self) -> Result<(), Error> {
        match self.sentences {
            Some(n) if n == 0 || n > MAX_SUMMARY_SENTENCES => Err(sentences_out_of_range(n)),
            _ => Ok(()),
        }
    }
}

/// The error for a summary of `n` sentences, `n` as the caller gave it: a surface whose
/// numbers can be negative (Python) reports them with the same message.
pub fn sentences_out_of_range(n: impl std::fmt::Display) -> Error {
    Error::InvalidOption {
        option: "sentences",
        message: format!("must be between 1 and {MAX_SUMMARY_SENTENCES}, got {n}"),
    }
}

impl std::str::FromStr for Length {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self, Error> {
        match s {
            "short" => Ok(Length::Short),
            "medium" => Ok(Length::Medium),
            "long" => Ok(Length::Long),
            _ => Err(Error::InvalidOption {
                option: "length",
                message: format!("must be short, medium or long, got `{s}`"),
            }),
        }
    }
}
