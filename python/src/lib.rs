//! tomtat for Python: the crate's digest as the CPython extension module `tomtat`.
//!
//! A thin layer: options come in as keyword arguments, the core digests with the GIL
//! released (so threads digest in parallel), and the digest goes out as plain Python
//! objects. Python strings index code points, not UTF-16 units, so `digest` asks the
//! core for code-point offsets ([`tomtat::Digest::in_code_points`]); `digest_json` and
//! `digest_record` keep the UTF-16 offsets of the CLI and the wasm, byte for byte what
//! the CLI writes.

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyDict;
use tomtat::{jsonl, Options};

/// The options of every function, from its keyword arguments (`length`, `sentences`,
/// `keywords`, `words`, the CLI's defaults for those not given): a wrong value raises
/// `ValueError` with the CLI's message, an unknown name `TypeError`.
fn parse_options(given: Option<&Bound<'_, PyDict>>) -> PyResult<Options> {
    let mut options = Options::default();
    for (name, value) in given.into_iter().flatten() {
        match name.extract::<String>()?.as_str() {
            "length" => options.length = value.extract::<String>()?.parse().map_err(value_error)?,
            "sentences" => {
                options.sentences = value
                    .extract::<Option<i64>>()?
                    .map(|n| usize::try_from(n).map_err(|_| tomtat::options::sentences_out_of_range(n)))
                    .transpose()
                    .map_err(value_error)?
            }
            "keywords" => options.keywords = value.extract()?,
            "words" => options.words = value.extract()?,
            other => {
                return Err(PyTypeError::new_err(format!(
                    "unexpected keyword argument `{other}`: the options are length, sentences, keywords and words"
                )))
            }
        }
    }
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

/// The standard library's JSON parser, which turns a digest's JSON into Python objects
/// (C code, faster than building the objects one by one from Rust).
fn json_loads(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    py.import("json")?.getattr("loads")
}

/// The digest of a Vietnamese article: a dict with "sentences", "summary", "directives"
/// and "keywords", every offset in code points, so `text[s["start"]:s["end"]] == s["text"]`
/// for every span. The options, keyword arguments with the CLI's defaults:
/// length="medium" ("short", "medium" or "long"), sentences=None (1-100, overrides
/// length), keywords=True, words=False. Raises ValueError for a wrong option or a text
/// over MAX_INPUT_BYTES.
#[pyfunction]
#[pyo3(signature = (text, **options))]
fn digest<'py>(py: Python<'py>, text: String, options: Option<&Bound<'_, PyDict>>) -> PyResult<Bound<'py, PyAny>> {
    let options = parse_options(options)?;
    let json = py.detach(|| code_point_json(&text, &options)).map_err(value_error)?;
    json_loads(py)?.call1((json,))
}

/// The digests of many texts, in order, as `digest` gives each (same options), with the GIL released
/// for the whole batch. A text that cannot be digested raises ValueError naming its
/// index.
#[pyfunction]
#[pyo3(signature = (texts, **options))]
fn digest_many<'py>(
    py: Python<'py>,
    texts: Vec<String>,
    options: Option<&Bound<'_, PyDict>>,
) -> PyResult<Vec<Bound<'py, PyAny>>> {
    let options = parse_options(options)?;
    let digests: Result<Vec<String>, String> = py.detach(|| {
        texts
            .iter()
            .enumerate()
            .map(|(i, text)| code_point_json(text, &options).map_err(|e| format!("text {i}: {e}")))
            .collect()
    });
    let loads = json_loads(py)?;
    digests.map_err(PyValueError::new_err)?.into_iter().map(|json| loads.call1((json,))).collect()
}

/// The digest as the JSON text `tomtat digest FILE` prints, offsets in UTF-16 code
/// units as the CLI and the wasm give them, for pipelines that pass JSON on. Options as
/// for `digest`.
#[pyfunction]
#[pyo3(signature = (text, **options))]
fn digest_json(py: Python<'_>, text: String, options: Option<&Bound<'_, PyDict>>) -> PyResult<String> {
    let options = parse_options(options)?;
    py.detach(|| tomtat::digest(&text, &options).map(|digest| jsonl::to_json(&digest, false))).map_err(value_error)
}

/// One line of a JSONL batch in, one record out: `line` is a JSON object with "id"
/// and "text" (or "title" and "body"), and the result is the line `tomtat digest
/// --jsonl` writes for it, byte for byte. Options as for `digest`; a bad line raises
/// ValueError with the CLI's message.
#[pyfunction]
#[pyo3(signature = (line, **options))]
fn digest_record(py: Python<'_>, line: String, options: Option<&Bound<'_, PyDict>>) -> PyResult<String> {
    let options = parse_options(options)?;
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
