//! The digest: the one JSON shape that the Rust API, the CLI and the wasm API return.
//!
//! Every offset is a UTF-16 code unit of the original text and every span carries its
//! text (see [`Span`]). This module is where the analyses' ranges, which index the
//! normalised text, are mapped back to the original.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::directives::{DirectiveKind, Extracted};
use crate::document::Document;
use crate::keywords;
use crate::options::Options;
use crate::score::{self, Weights};
use crate::span::{CodePointIndex, Span};
use crate::summary;
use crate::terms::Terms;

/// How many key phrases a digest lists.
const KEYWORDS: usize = 10;

/// Everything tomtat says about one text.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Digest {
    /// Every sentence, in reading order.
    pub sentences: Vec<SentenceSpan>,
    /// The summary's sentences, in reading order.
    pub summary: Vec<SummarySentence>,
    /// The directives, in reading order.
    pub directives: Vec<Directive>,
    /// Key phrases, best first.
    pub keywords: Vec<Keyword>,
}

/// A sentence of the original text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SentenceSpan {
    /// First UTF-16 code unit of the sentence.
    pub start: u32,
    /// One past its last UTF-16 code unit.
    pub end: u32,
    /// The sentence as written in the original.
    pub text: String,
    /// Index of the sentence's paragraph (0 for the first).
    pub paragraph: usize,
    /// The sentence's words, when the `words` option asks for them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub words: Option<Vec<Span>>,
}

/// A sentence chosen for the summary and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SummarySentence {
    /// Index into [`Digest::sentences`].
    pub sentence: usize,
    /// The sentence's score: the sum of `parts`.
    pub score: f32,
    /// Named contributions to the score ("position", "title", ...).
    pub parts: BTreeMap<String, f32>,
}

/// Who orders whom to do what, in one sentence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Directive {
    /// Index into [`Digest::sentences`] of the sentence that carries it.
    pub index: usize,
    /// That sentence.
    pub sentence: Span,
    /// Who gives the directive, when written.
    pub issuer: Option<Span>,
    /// The word or phrase that makes the sentence a directive.
    pub cue: Span,
    /// Who must act, when written.
    pub addressee: Option<Span>,
    /// What is to be done, one span per item.
    pub actions: Vec<Span>,
    /// What kind of directive the cue makes it.
    pub kind: DirectiveKind,
}

impl Directive {
    /// The directive `d` of `doc` as the digest shows it, in spans of the original.
    pub fn new(doc: &Document, d: Extracted) -> Directive {
        Directive {
            index: d.sentence,
            sentence: doc.span(doc.sentences[d.sentence].range.clone()),
            issuer: d.issuer.map(|r| doc.span(r)),
            cue: doc.span(d.cue),
            addressee: d.addressee.map(|r| doc.span(r)),
            actions: d.actions.into_iter().map(|r| doc.span(r)).collect(),
            kind: d.kind,
        }
    }
}

/// A key phrase of the text with every place it occurs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Keyword {
    /// The phrase as first written in the text.
    pub text: String,
    /// How key it is; higher is more.
    pub score: f32,
    /// Every occurrence, in reading order.
    pub occurrences: Vec<Span>,
}

impl Digest {
    /// Builds the digest of an analysed document.
    pub fn build(doc: &Document, options: &Options) -> Digest {
        // The words are segmented once (see `Document::words`), for the directives, the
        // keywords and the `words` option.
        let units = doc.words();
        let mut next_unit = units.iter().peekable();
        let sentences = doc
            .sentences
            .iter()
            .enumerate()
            .map(|(index, sentence)| {
                let span = doc.span(sentence.range.clone());
                let end = doc.sentence_token_range(index).end;
                let mine = std::iter::from_fn(|| next_unit.next_if(|unit| unit.start < end));
                let words = options.words.then(|| {
                    mine.map(|unit| doc.span(doc.tokens[unit.start].range.start..doc.tokens[unit.end - 1].range.end))
                        .collect()
                });
                SentenceSpan { start: span.start, end: span.end, text: span.text, paragraph: sentence.paragraph, words }
            })
            .collect();
        let directives = crate::directives::extract(doc).into_iter().map(|d| Directive::new(doc, d)).collect();
        let terms = Terms::new(doc);
        let analysis = score::analyse(doc, &terms);
        let summary = summary::summarize(doc, &analysis, Weights::fitted(), options)
            .into_iter()
            .map(|chosen| SummarySentence {
                sentence: chosen.sentence,
                score: chosen.score.total,
                // Inserted one by one: collecting into a BTreeMap compiles another sort.
                parts: chosen.score.parts.into_iter().fold(BTreeMap::new(), |mut parts, (name, value)| {
                    parts.insert(name.to_string(), value);
                    parts
                }),
            })
            .collect();
        let phrases = if options.keywords {
            keywords::key_phrases(doc, &terms, units, analysis.title, KEYWORDS)
        } else {
            Vec::new()
        };
        let keywords = phrases
            .into_iter()
            .map(|phrase| {
                let occurrences: Vec<Span> = phrase
                    .occurrences
                    .iter()
                    .map(|tokens| doc.span(doc.tokens[tokens.start].range.start..doc.tokens[tokens.end - 1].range.end))
                    .collect();
                Keyword { text: occurrences[0].text.clone(), score: phrase.score, occurrences }
            })
            .collect();
        Digest { sentences, summary, directives, keywords }
    }

    /// The digest of `text` with every offset in code points instead of UTF-16 units,
    /// for the surfaces whose strings index code points (Python). Every span of the
    /// digest is mapped here, so a new kind of span is added here too.
    pub fn in_code_points(self, text: &str) -> Digest {
        let index = CodePointIndex::new(text);
        let span = |span: Span| span.in_code_points(&index);
        Digest {
            sentences: self
                .sentences
                .into_iter()
                .map(|s| SentenceSpan {
                    start: index.code_points(s.start),
                    end: index.code_points(s.end),
                    words: s.words.map(|words| words.into_iter().map(span).collect()),
                    ..s
                })
                .collect(),
            summary: self.summary,
            directives: self
                .directives
                .into_iter()
                .map(|d| Directive {
                    sentence: span(d.sentence),
                    issuer: d.issuer.map(span),
                    cue: span(d.cue),
                    addressee: d.addressee.map(span),
                    actions: d.actions.into_iter().map(span).collect(),
                    ..d
                })
                .collect(),
            keywords: self
                .keywords
                .into_iter()
                .map(|k| Keyword { occurrences: k.occurrences.into_iter().map(span).collect(), ..k })
                .collect(),
        }
    }
}
