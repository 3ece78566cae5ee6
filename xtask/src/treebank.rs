//! The tagged words of UD Vietnamese-VTB (CoNLL-U), for the tables made from its tags
//! (`pos-lexicon`, `function-words`).

/// Where the shared copy of the treebank sits.
pub const DATA: &str = "../shared/data/ud-vi";

/// One word of a treebank with its gold tags.
pub struct Tagged {
    /// The word's form in lower case (a word of several syllables has spaces).
    pub form: String,
    /// Its universal part of speech.
    pub upos: String,
    /// VTB's own tag (`Nc`: classifier noun, ...).
    pub xpos: String,
}

/// The words of the CoNLL-U file at `path` with their tags; multi-word ranges and empty
/// nodes are skipped.
pub fn tagged_words(path: &str) -> Result<Vec<Tagged>, String> {
    let conllu = std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    Ok(conllu
        .lines()
        .filter(|line| !line.starts_with('#'))
        .filter_map(|line| match line.split('\t').collect::<Vec<_>>()[..] {
            [id, form, _, upos, xpos, ..] if !id.contains(['-', '.']) => {
                Some(Tagged { form: form.to_lowercase(), upos: upos.to_string(), xpos: xpos.to_string() })
            }
            _ => None,
        })
        .collect())
}
