//! The browser bindings: `digest(text, options)` for JavaScript, compiled only for
//! wasm32. A thin shell over [`crate::digest`], so the page, the widget and the CLI
//! cannot drift apart; the only module of the crate that knows about JavaScript.

use js_sys::Object;
use serde::de::value::MapDeserializer;
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

use crate::options::Options;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = r#"
/** A range of the original text in UTF-16 code units, with the text it covers. */
export interface Span { start: number; end: number; text: string; }

/** A sentence of the original text. */
export interface Sentence extends Span {
  /** Index of its paragraph, 0 for the first. */
  paragraph: number;
  /** Its words, with the `words` option. */
  words?: Span[];
}

/** A summary sentence and why it was chosen. */
export interface SummarySentence {
  /** Index into `Digest.sentences`. */
  sentence: number;
  /** The sum of `parts`. */
  score: number;
  /** Named contributions to the score. */
  parts: Record<string, number>;
}

/** What kind of directive the cue makes. */
export type DirectiveKind = "require" | "direct" | "request" | "assign" | "prohibit" | "rule";

/** Who orders whom to do what, in one sentence. */
export interface Directive {
  /** Index into `Digest.sentences`. */
  index: number;
  sentence: Span;
  issuer: Span | null;
  cue: Span;
  addressee: Span | null;
  actions: Span[];
  kind: DirectiveKind;
}

/** A key phrase with every place it occurs. */
export interface Keyword { text: string; score: number; occurrences: Span[]; }

/** Everything tomtat says about one text; offsets are UTF-16 code units of the text given. */
export interface Digest {
  sentences: Sentence[];
  summary: SummarySentence[];
  directives: Directive[];
  keywords: Keyword[];
}

/** How a digest is made; unknown keys are errors. */
export interface Options {
  /** Exact number of summary sentences, 1 to 100; overrides `length`. */
  sentences?: number | null;
  /** Summary length preset (default "medium"). */
  length?: "short" | "medium" | "long";
  /** Whether each sentence lists its words. */
  words?: boolean;
}
"#;

/// The digest of `text` (sentences, summary, directives, keywords), every offset a
/// UTF-16 code unit of `text`. `options` may be omitted or null for the defaults;
/// an unknown option, a wrong type or a value out of range throws an `Error` that
/// names the option.
#[wasm_bindgen(unchecked_return_type = "Digest")]
pub fn digest(
    text: &str,
    #[wasm_bindgen(unchecked_optional_param_type = "Options | null")] options: Option<JsValue>,
) -> Result<JsValue, JsError> {
    // Once per module (a `Once` inside): a panic then shows its message in the console
    // instead of a bare "unreachable". Here rather than in a start function, which
    // would also be exported to JavaScript.
    console_error_panic_hook::set_once();
    let options = parse_options(options.as_ref())?;
    let digest = crate::digest(text, &options).map_err(|e| JsError::new(&e.to_string()))?;
    // json_compatible: `parts` becomes a plain object, not a Map.
    digest.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(|e| JsError::new(&e.to_string()))
}

/// Reads the options object. Keys with `undefined` values count as absent, as in
/// JavaScript. Each key is first read on its own so that serde's message (unknown
/// field, wrong type) can name its option; serde-wasm-bindgen's struct reading would
/// skip unknown keys, so the object is read as a map, where `deny_unknown_fields`
/// applies.
fn parse_options(value: Option<&JsValue>) -> Result<Options, JsError> {
    let Some(value) = value.filter(|v| !v.is_undefined() && !v.is_null()) else {
        return Ok(Options::default());
    };
    if !value.is_object() || js_sys::Array::is_array(value) {
        return Err(JsError::new("options must be an object such as { length: \"short\" }"));
    }
    let mut entries = Vec::new();
    for entry in Object::entries(value.unchecked_ref::<Object>()).iter() {
        let pair: js_sys::Array = entry.unchecked_into();
        let (key, field) = (pair.get(0).as_string().unwrap_or_default(), pair.get(1));
        if field.is_undefined() {
            continue;
        }
        read_options(vec![(key.clone(), field.clone())]).map_err(|e| JsError::new(&format!("option `{key}`: {e}")))?;
        entries.push((key, field));
    }
    let options = read_options(entries).map_err(|e| JsError::new(&format!("options: {e}")))?;
    options.validate().map_err(|e| JsError::new(&e.to_string()))?;
    Ok(options)
}

/// Deserialises `entries` as the fields of an [`Options`]; the error is serde's
/// message without the "Error: " that JavaScript puts in front.
fn read_options(entries: Vec<(String, JsValue)>) -> Result<Options, String> {
    let map = MapDeserializer::<_, serde_wasm_bindgen::Error>::new(
        entries.into_iter().map(|(key, value)| (key, serde_wasm_bindgen::Deserializer::from(value))),
    );
    Options::deserialize(map).map_err(|e| e.to_string().trim_start_matches("Error: ").to_owned())
}
