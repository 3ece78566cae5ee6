//! The crate's one error type, with messages a user can act on.

use std::fmt;

/// Why a digest could not be made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// The input is longer than [`crate::MAX_INPUT_BYTES`].
    InputTooLarge {
        /// Size of the input in UTF-8 bytes.
        bytes: usize,
        /// The largest accepted size.
        limit: usize,
    },
    /// An option has a wrong value.
    InvalidOption {
        /// The option's name as the caller writes it.
        option: &'static str,
        /// What is wrong and what is accepted.
        message: String,
    },
    /// A digest was asked of a build without a word model (the wasm) before the model
    /// was loaded: the directives, key phrases and words read words.
    NoWordModel,
    /// A line of a JSONL batch is not an article object (`jsonl`); says what is wrong.
    InvalidLine(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::InputTooLarge { bytes, limit } => {
                // Tenths of a megabyte in integers: float formatting would add its
                // tables to the wasm for this one message.
                let tenths = (bytes + 50_000) / 100_000;
                write!(
                    f,
                    "the text is too long: {}.{} MB, the limit is {} MB; split it into parts",
                    tenths / 10,
                    tenths % 10,
                    limit / 1_000_000
                )
            }
            Error::InvalidOption { option, message } => write!(f, "option `{option}`: {message}"),
            Error::NoWordModel => f.write_str(
                "the digest needs the word model (its directives, keywords and words read words), which is not \
                 loaded: load words.bin first",
            ),
            Error::InvalidLine(message) => f.write_str(message),
        }
    }
}

impl std::error::Error for Error {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_size_is_said_in_megabytes_to_one_decimal() {
        let message = |bytes| Error::InputTooLarge { bytes, limit: 8_000_000 }.to_string();
        assert_eq!(message(8_000_001), "the text is too long: 8.0 MB, the limit is 8 MB; split it into parts");
        assert!(message(12_345_678).contains(" 12.3 MB,"));
        assert!(message(9_960_000).contains(" 10.0 MB,"));
    }
}
