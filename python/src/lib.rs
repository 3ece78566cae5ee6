//! tomtat for Python: the crate's digest as the CPython extension module `tomtat`.
//!
//! A thin layer: options come in as keyword arguments, the core digests with the GIL
//! released (so threads digest in parallel), and the digest goes out as plain Python
//! objects. Python strings index code points, not UTF-16 units, so `digest` asks the
//! core for code-point offsets ([`tomtat::Digest::in_code_points`]); `digest_json` and
//! `digest_record` keep the UTF-16 offsets of the CLI and the wasm, byte for byte what
//! the CLI writes.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use tomtat::{jsonl, Options};

/// The options of every function, from its keyword arguments; a wrong value raises
/// `ValueError` with the CLI's message.
fn options(length: &str, sentences: Option<i64>, keywords: bool, words: bool) -> PyResult<Options> {
    let sentences = sentences
        .map(|n| usize::try_from(n).map_err(|_| tomtat::options::sentences_out_of_range(n)))
        .transpose()
        .map_err(value_error)?;
    let options = Options { length: length.parse().map_err(value_error)?, sentences, keywords, words };
    options.validate().map_err(value_error)?;
    Ok(options)
}

fn value_error(error: tomtat::Error) -> PyErr {
    PyValueError::new_err(error.to_string())
}

/// The digest of `text` as JSON with its offsets in code points.
fn code_point_json(text: &str, options: &Options) -> Result<String, tomtat::Error> {
    Ok(jsonl::to_json(&tomtat::digest(text, options)?.in_code_points(text), false))
}

/// JSON text as Python objects, through the standard library's parser (C code, faster
/// than building the objects one by one from Rust).
fn loads<'py>(py: Python<'py>, json: &str) -> PyResult<Bound<'py, PyAny>> {
    py.import("json")?.call_method1("loads", (json,))
}

/// The digest of a Vietnamese article: a dict with "sentences", "summary", "directives"
/// and "keywords", every offset in code points, so `text[s["start"]:s["end"]] == s["text"]`
/// for every span. Raises ValueError for a wrong option or a text over MAX_INPUT_BYTES.
#[pyfunction]
#[pyo3(signature = (text, *, length = "medium", sentences = None, keywords = true, words = false))]
fn digest<'py>(
    py: Python<'py>,
    text: String,
    length: &str,
    sentences: Option<i64>,
    keywords: bool,
    words: bool,
) -> PyResult<Bound<'py, PyAny>> {
    let options = options(length, sentences, keywords, words)?;
    let json = py.detach(|| code_point_json(&text, &options)).map_err(value_error)?;
    loads(py, &json)
}

/// The digests of many texts, in order, as `digest` gives each, with the GIL released
/// for the whole batch. A text that cannot be digested raises ValueError naming its
/// index.
#[pyfunction]
#[pyo3(signature = (texts, *, length = "medium", sentences = None, keywords = true, words = false))]
fn digest_many<'py>(
    py: Python<'py>,
    texts: Vec<String>,
    length: &str,
    sentences: Option<i64>,
    keywords: bool,
    words: bool,
) -> PyResult<Vec<Bound<'py, PyAny>>> {
    let options = options(length, sentences, keywords, words)?;
    let digests: Result<Vec<String>, String> = py.detach(|| {
        texts
            .iter()
            .enumerate()
            .map(|(i, text)| code_point_json(text, &options).map_err(|e| format!("text {i}: {e}")))
            .collect()
    });
    digests.map_err(PyValueError::new_err)?.iter().map(|json| loads(py, json)).collect()
}

/// The digest as the JSON text `tomtat digest FILE` prints, offsets in UTF-16 code
/// units as the CLI and the wasm give them, for pipelines that pass JSON on.
#[pyfunction]
#[pyo3(signature = (text, *, length = "medium", sentences = None, keywords = true, words = false))]
fn digest_json(
    py: Python<'_>,
    text: String,
    length: &str,
    sentences: Option<i64>,
    keywords: bool,
    words: bool,
) -> PyResult<String> {
    let options = options(length, sentences, keywords, words)?;
    py.detach(|| tomtat::digest(&text, &options).map(|digest| jsonl::to_json(&digest, false))).map_err(value_error)
}

/// One line of a JSONL batch in, one record out: `line` is a JSON object with "id"
/// and "text" (or "title" and "body"), and the result is the line `tomtat digest
/// --jsonl` writes for it, byte for byte. A bad line raises ValueError with the CLI's
/// message.
#[pyfunction]
#[pyo3(signature = (line, *, length = "medium", sentences = None, keywords = true, words = false))]
fn digest_record(
    py: Python<'_>,
    line: String,
    length: &str,
    sentences: Option<i64>,
    keywords: bool,
    words: bool,
) -> PyResult<String> {
    let options = options(length, sentences, keywords, words)?;
    py.detach(|| jsonl::record(&line, &options, false)).map_err(value_error)
}

/// Digests of Vietnamese articles: the sentences, an extractive summary, the directives
/// (who orders whom to do what) and the key phrases, each a span of the text.
#[pymodule(name = "tomtat")]
mod module {
    use pyo3::prelude::*;

    #[pymodule_export]
    use super::{digest, digest_json, digest_many, digest_record};

    #[pymodule_init]
    fn init(m: &Bound<'_, PyModule>) -> PyResult<()> {
        m.add("__version__", env!("CARGO_PKG_VERSION"))?;
        m.add("MAX_INPUT_BYTES", tomtat::MAX_INPUT_BYTES)
    }
}
