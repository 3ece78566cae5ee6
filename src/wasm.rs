//! The browser bindings: `digest(text, options)` for JavaScript, compiled only for
//! wasm32. A thin shell over [`crate::digest`], so the page, the widget and the CLI
//! cannot drift apart; the only module of the crate that knows about JavaScript.

use js_sys::Object;
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::options::{Length, Options};

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
  /** Whether the digest lists key phrases (default true); false skips their work. */
  keywords?: boolean;
}
"#;

/// The digest of `text` (sentences, summary, directives, keywords), every offset a
/// UTF-16 code unit of `text`. `options` may be omitted or null for the defaults;
/// an unknown option, a wrong type or a value out of range throws an `Error` that
/// names the option.
#[wasm_bindgen(unchecked_return_type = "Digest")]
pub fn digest(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Options | null")] options: Option<JsValue>,
) -> Result<JsValue, JsError> {
    // Once per module (a `Once` inside): a panic then shows its message in the console
    // instead of a bare "unreachable". Here rather than in a start function, which
    // would also be exported to JavaScript.
    console_error_panic_hook::set_once();
    // Taken as a JsValue: the glue of a `&str` parameter assumes a string and traps on
    // anything else.
    let text = text.as_string().ok_or_else(|| JsError::new("text must be a string"))?;
    let options = parse_options(options.as_ref())?;
    let digest = crate::digest(&text, &options).map_err(|e| JsError::new(&e.to_string()))?;
    // json_compatible: `parts` becomes a plain object, not a Map.
    digest.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(|e| JsError::new(&e.to_string()))
}

/// Loads the word model (the bytes of `pkg/words.bin`), which every digest needs: the
/// directives, key phrases and the `words` option read words. The wasm does not embed
/// it, so a caller fetches it beside the wasm (the worker does, at once); the first
/// model loaded stays. Throws on bytes that are not a model.
#[wasm_bindgen(js_name = loadWordModel)]
pub fn load_word_model(bytes: Vec<u8>) -> Result<(), JsError> {
    match crate::words::load(bytes) {
        true => Ok(()),
        false => Err(JsError::new("these bytes are not a tomtat word model (words.bin)")),
    }
}

/// Reads the options object. Keys with `undefined` values count as absent, as in
/// JavaScript. Read by hand rather than through serde: serde's messages for a wrong
/// value print the value, and that brought float formatting and serde's whole
/// deserialiser into the wasm (about 14 KB gzip). The messages are serde's own wording,
/// so they read the same as on the Rust side.
fn parse_options(value: Option<&JsValue>) -> Result<Options, JsError> {
    let Some(value) = value.filter(|v| !v.is_undefined() && !v.is_null()) else {
        return Ok(Options::default());
    };
    if !value.is_object() || js_sys::Array::is_array(value) {
        return Err(JsError::new("options must be an object such as { length: \"short\" }"));
    }
    let mut options = Options::default();
    for entry in Object::entries(value.unchecked_ref::<Object>()).iter() {
        let pair: js_sys::Array = entry.unchecked_into();
        let (key, field) = (pair.get(0).as_string().unwrap_or_default(), pair.get(1));
        if field.is_undefined() {
            continue;
        }
        read_option(&mut options, &key, &field).map_err(|e| JsError::new(&format!("option `{key}`: {e}")))?;
    }
    // Values the types do not bound (`sentences` 0 or over 100) are checked by `digest`.
    Ok(options)
}

/// Sets option `key` of `options` from the JavaScript value `field`.
fn read_option(options: &mut Options, key: &str, field: &JsValue) -> Result<(), String> {
    match key {
        "sentences" if field.is_null() => options.sentences = None,
        "sentences" => match field.as_f64() {
            // As serde-wasm-bindgen reads a usize: a safe integer from 0, at most u32::MAX.
            Some(n) if n >= 0.0 && js_sys::Number::is_safe_integer(field) => {
                if n > f64::from(u32::MAX) {
                    return Err(format!("invalid value: integer `{}`, expected usize", n as u64));
                }
                options.sentences = Some(n as usize);
            }
            _ => return Err(invalid_type(field, "usize")),
        },
        "length" => {
            let name = field.as_string().ok_or_else(|| invalid_type(field, "enum Length"))?;
            options.length = match name.as_str() {
                "short" => Length::Short,
                "medium" => Length::Medium,
                "long" => Length::Long,
                _ => return Err(format!("unknown variant `{name}`, expected one of `short`, `medium`, `long`")),
            };
        }
        "words" => options.words = field.as_bool().ok_or_else(|| invalid_type(field, "a boolean"))?,
        "keywords" => options.keywords = field.as_bool().ok_or_else(|| invalid_type(field, "a boolean"))?,
        _ => return Err(format!("unknown field `{key}`, expected one of `sentences`, `length`, `words`, `keywords`")),
    }
    Ok(())
}

/// serde's "invalid type" message for `value` where `expected` was wanted.
fn invalid_type(value: &JsValue, expected: &str) -> String {
    let found = if value.is_null() {
        "unit value".to_string()
    } else if let Some(b) = value.as_bool() {
        format!("boolean `{b}`")
    } else if let Some(s) = value.as_string() {
        format!("string {s:?}")
    } else if let Some(n) = value.as_f64() {
        format!("floating point `{}`", float(n))
    } else {
        format!("{value:?}")
    };
    format!("invalid type: {found}, expected {expected}")
}

/// `n` as Rust prints an `f64` ("3.0", "2.5", "-0.0", "inf"), through JavaScript's own
/// number printing so that no float formatting is compiled in: whole numbers exactly
/// (through BigInt), others in JavaScript's shortest form, which is Rust's but for an
/// exponent outside 1e-7..1e21.
fn float(n: f64) -> String {
    if n.is_nan() {
        return "NaN".into();
    }
    if n.is_infinite() {
        return if n > 0.0 { "inf" } else { "-inf" }.into();
    }
    if n.fract() != 0.0 {
        return String::from(js_sys::Number::from(n).to_string_with_radix(10).unwrap_or_else(|_| "NaN".into()));
    }
    let sign = if n.is_sign_negative() { "-" } else { "" };
    let whole = js_sys::BigInt::new(&JsValue::from(n.abs())).ok().and_then(|b| b.to_string(10).ok());
    format!("{sign}{}.0", whole.map(String::from).unwrap_or_default())
}
