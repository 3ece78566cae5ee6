//! `cargo xtask pos-lexicon [--data DIR]`: rebuilds `data/treebank-verbs.txt`, the
//! words that UD Vietnamese-VTB train + dev tag mostly VERB, from which the directive
//! rules tell where a noun phrase ends and an action starts.
//!
//! Each word form (lower case) takes its most frequent UPOS over train + dev. The verbs
//! are written, and so are the other words of several syllables that contain a verb
//! ("giao thông" holds "thông"), so that a longest match reads them whole and does not
//! see a verb inside a noun. Printed on VTB test (held out): the UPOS accuracy of the
//! most-frequent-tag reading with gold words (unknown words read as NOUN), and the
//! precision and recall of "is a verb" by the lexicon.

use std::collections::{BTreeMap, BTreeSet};

use crate::treebank::{tagged_words, Tagged, DATA};

const OUTPUT: &str = "data/treebank-verbs.txt";

/// Writes `words` under `tag` to `out`, one line per first syllable with the rests of
/// the words that start with it joined by "|" (the table's compact form: the wasm
/// carries it, and a shared first syllable is written once).
fn grouped<'a>(out: &mut String, tag: &str, words: impl Iterator<Item = &'a str>) {
    let mut groups: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for word in words {
        let (first, rest) = word.split_once(' ').unwrap_or((word, ""));
        groups.entry(first).or_default().push(rest);
    }
    for (first, rests) in groups {
        match rests.as_slice() {
            [""] => out.push_str(&format!("{tag} {first}\n")),
            _ => out.push_str(&format!("{tag} {first} {}\n", rests.join("|"))),
        }
    }
}

pub fn run(args: &[String]) -> Result<(), String> {
    let data = args.iter().position(|a| a == "--data").and_then(|i| args.get(i + 1)).map_or(DATA, String::as_str);
    let mut counts: BTreeMap<String, BTreeMap<String, usize>> = BTreeMap::new();
    for part in ["train", "dev"] {
        for word in tagged_words(&format!("{data}/vi_vtb-ud-{part}.conllu"))? {
            *counts.entry(word.form).or_default().entry(word.upos).or_default() += 1;
        }
    }
    let tags: BTreeMap<String, String> = counts
        .into_iter()
        .map(|(form, upos)| {
            let best = upos.into_iter().max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0))).map(|(t, _)| t);
            (form, best.unwrap_or_default())
        })
        .collect();
    let verbs: BTreeSet<&str> =
        tags.iter().filter(|(form, t)| *t == "VERB" && plain(form)).map(|(f, _)| f.as_str()).collect();
    let holds_verb = |form: &str| {
        let syllables: Vec<&str> = form.split(' ').collect();
        (0..syllables.len())
            .any(|i| (i + 1..=syllables.len()).any(|j| verbs.contains(syllables[i..j].join(" ").as_str())))
    };
    let others: Vec<&str> = tags
        .iter()
        .filter(|(form, tag)| *tag != "VERB" && form.contains(' ') && plain(form) && holds_verb(form))
        .map(|(f, _)| f.as_str())
        .collect();
    let mut out = String::from(
        "# Words that UD Vietnamese-VTB (UniversalDependencies/UD_Vietnamese-VTB, train + dev,\n\
         # CC BY-SA 4.0) tags mostly VERB (`verb`), and its other words of several syllables that\n\
         # contain a verb (`other`), lower case. Rebuild with `cargo xtask pos-lexicon`.\n\
         # Derived from the treebank and shared under the same licence, CC BY-SA 4.0.\n\
         # One line per tag and first syllable: TAG SYLLABLE REST|REST..., each word being the\n\
         # syllable and one rest (an empty rest is the syllable alone): \"verb chỉ |đạo|định\"\n\
         # holds \"chỉ\", \"chỉ đạo\", \"chỉ định\".\n",
    );
    grouped(&mut out, "verb", verbs.iter().copied());
    grouped(&mut out, "other", others.iter().copied());
    crate::build::write_file(std::path::Path::new(OUTPUT), &out)?;
    println!("{OUTPUT}: {} verbs, {} other words", verbs.len(), others.len());
    let test = tagged_words(&format!("{data}/vi_vtb-ud-test.conllu"))?;
    let right = test.iter().filter(|w| tags.get(&w.form).map_or("NOUN", String::as_str) == w.upos).count();
    let said = |w: &Tagged| verbs.contains(w.form.as_str());
    let (both, predicted, gold) = (
        test.iter().filter(|w| said(w) && w.upos == "VERB").count(),
        test.iter().filter(|w| said(w)).count(),
        test.iter().filter(|w| w.upos == "VERB").count(),
    );
    println!(
        "VTB test, {} words: UPOS accuracy {:.1}% (most frequent tag, unknown as NOUN); VERB P {:.1} R {:.1}",
        test.len(),
        100.0 * right as f64 / test.len().max(1) as f64,
        100.0 * both as f64 / predicted.max(1) as f64,
        100.0 * both as f64 / gold.max(1) as f64
    );
    Ok(())
}

/// Whether a word form is made of letters only (no number, symbol or punctuation).
fn plain(form: &str) -> bool {
    form.chars().all(|c| c.is_alphabetic() || c == ' ')
}
