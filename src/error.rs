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
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::InputTooLarge { bytes, limit } => write!(
                f,
                "the text is too long: {:.1} MB, the limit is {} MB; split it into parts",
                *bytes as f64 / 1e6,
                limit / 1_000_000
            ),
            Error::InvalidOption { option, message } => write!(f, "option `{option}`: {message}"),
        }
    }
}

impl std::error::Error for Error {}
