//! `cargo xtask function-words`: writes `data/function-words.txt`, the words a key
//! phrase neither is nor starts or ends with.
//!
//! A function word is what UD Vietnamese-VTB (train and dev) tags as a pronoun,
//! conjunction, adposition, auxiliary, adverb, determiner, numeral, particle or
//! interjection, or as a classifier noun (VTB's `Nc`, which holds the kinship words
//! Vietnamese uses as pronouns: "ông", "bà", "anh", "chị"), in at least
//! [`FUNCTION_SHARE`] of its uses: what the word *is*, not a list grown from examples.
//! Words of one syllable that are already stop syllables (`data/stopwords.txt`) are
//! left out, as the key phrases drop those anyway.

use std::collections::BTreeMap;

use crate::treebank::{tagged_words, DATA};

const OUTPUT: &str = "data/function-words.txt";
const TREEBANK: [&str; 2] = ["vi_vtb-ud-train.conllu", "vi_vtb-ud-dev.conllu"];
/// Share of a word's uses tagged as a function word that makes it one: the kinship
/// words are tagged `Nc` in 12–30 % of their uses, the rest as nouns.
const FUNCTION_SHARE: f64 = 0.1;
/// Uses a word needs in the treebank to be judged.
const MIN_USES: usize = 5;
/// The universal tags of function words (beside VTB's `Nc`).
const FUNCTION_TAGS: [&str; 10] = ["PRON", "CCONJ", "SCONJ", "ADP", "AUX", "ADV", "DET", "NUM", "PART", "INTJ"];

pub fn run(args: &[String]) -> Result<(), String> {
    let data = crate::path_arg(args, DATA);
    let mut uses: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for file in TREEBANK {
        for word in tagged_words(&format!("{data}/{file}"))? {
            if word.upos == "PUNCT" || word.form.chars().any(|c| c.is_ascii_digit()) {
                continue;
            }
            let function = FUNCTION_TAGS.contains(&word.upos.as_str()) || word.xpos == "Nc";
            let entry = uses.entry(word.form).or_default();
            entry.0 += 1;
            entry.1 += usize::from(function);
        }
    }
    let words: Vec<String> = uses
        .into_iter()
        .filter(|(_, (all, function))| *all >= MIN_USES && *function as f64 >= FUNCTION_SHARE * *all as f64)
        .map(|(word, _)| word)
        .filter(|word| word.contains(' ') || !tomtat::terms::is_stop_word(word))
        .collect();
    let mut out = format!(
        "# Function words (src/keywords.rs): words that UD Vietnamese-VTB train + dev tags PRON, CCONJ, SCONJ, ADP,\n\
         # AUX, ADV, DET, NUM, PART, INTJ or Nc in at least {FUNCTION_SHARE} of {MIN_USES} or more uses, lower case,\n\
         # less the one-syllable stop syllables of data/stopwords.txt. Rebuild with `cargo xtask function-words`.\n\
         # Derived from UD Vietnamese-VTB (VietTreebank by the VLSP project, converted to Universal Dependencies by\n\
         # the UD Vietnamese contributors), https://github.com/UniversalDependencies/UD_Vietnamese-VTB, licensed\n\
         # CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/). Changes: only the list of words whose\n\
         # tags say they are function words is kept. This file is shared under CC BY-SA 4.0.\n"
    );
    for word in &words {
        out.push_str(word);
        out.push('\n');
    }
    crate::build::write_file(std::path::Path::new(OUTPUT), &out)?;
    println!("{OUTPUT}: {} function words", words.len());
    Ok(())
}
