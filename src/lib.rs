//! tomtat ("tóm tắt"): reads a Vietnamese article and returns its digest: the
//! sentences, an extractive summary, the directives (who orders whom to do what) and
//! the key phrases, every part a span of the original text in UTF-16 offsets.
//!
//! ```
//! let digest = tomtat::digest("Thủ tướng yêu cầu tỉnh tập trung phát triển.", &tomtat::Options::default())?;
//! assert_eq!(digest.sentences[0].text, "Thủ tướng yêu cầu tỉnh tập trung phát triển.");
//! # Ok::<(), tomtat::Error>(())
//! ```

pub mod case;
pub mod data;
pub mod digest;
pub mod directives;
pub mod document;
pub mod error;
pub mod jsonl;
pub mod keywords;
pub mod nfc;
pub mod normalize;
pub mod options;
pub mod order;
pub mod phrases;
pub mod score;
pub mod segment;
pub mod span;
pub mod summary;
pub mod terms;
pub mod tokens;
#[cfg(target_arch = "wasm32")]
mod wasm;
pub mod words;

pub use digest::Digest;
pub use document::Document;
pub use error::Error;
pub use options::{Length, Options};
pub use span::Span;

/// The largest text accepted, in UTF-8 bytes: far above any article, low enough that
/// a digest stays well under a second and its memory bounded.
pub const MAX_INPUT_BYTES: usize = 8_000_000;

/// The digest of `text`: an empty text gives an empty digest; a text over
/// [`MAX_INPUT_BYTES`], an invalid option, or a build whose word model is not loaded
/// (the directives, key phrases and words all read words) give an [`Error`].
pub fn digest(text: &str, options: &Options) -> Result<Digest, Error> {
    options.validate()?;
    if words::shipped().is_none() {
        return Err(Error::NoWordModel);
    }
    if text.len() > MAX_INPUT_BYTES {
        return Err(Error::InputTooLarge { bytes: text.len(), limit: MAX_INPUT_BYTES });
    }
    Ok(Digest::build(&Document::new(text), options))
}
