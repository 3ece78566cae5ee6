//! The README and `docs/` say what is true: the contract's example is the seed's digest,
//! every link between them leads somewhere, the tarball they name is this version's, and
//! the figures of the build and the benchmarks are where those commands write them.

mod common;

use std::path::{Path, PathBuf};

use serde_json::Value;

/// README.md and every `docs/*.md`, as (path, text).
fn pages() -> Vec<(PathBuf, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths = vec![root.join("README.md")];
    for entry in std::fs::read_dir(root.join("docs")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "md") {
            paths.push(path);
        }
    }
    paths.into_iter().map(|p| (p.clone(), std::fs::read_to_string(&p).unwrap())).collect()
}

#[test]
fn contract_example_is_part_of_the_seeds_digest() {
    let contract = include_str!("../docs/contract.md");
    let start = contract.find("Example, from the seed").expect("docs/contract.md has the example");
    let block = &contract[start..];
    let json = &block[block.find("```json").expect("a json block") + 7..];
    let example: Value = serde_json::from_str(&json[..json.find("```").expect("the block ends")]).unwrap();

    let options = tomtat::Options { length: tomtat::Length::Short, ..tomtat::Options::default() };
    // Through the JSON text, as the CLI prints it (f32 scores in their shortest form).
    let printed = serde_json::to_string(&tomtat::digest(common::SEED, &options).unwrap()).unwrap();
    let digest: Value = serde_json::from_str(&printed).unwrap();
    let first = |field: &str, n: usize| Value::Array(digest[field].as_array().unwrap()[..n].to_vec());
    assert_eq!(example["sentences"], first("sentences", 2));
    assert_eq!(example["summary"], digest["summary"]);
    assert_eq!(example["directives"], first("directives", 1));
    let keyword = &example["keywords"][0];
    assert_eq!(keyword["text"], digest["keywords"][0]["text"]);
    assert_eq!(keyword["score"], digest["keywords"][0]["score"]);
    let occurrences = digest["keywords"][0]["occurrences"].as_array().unwrap();
    assert_eq!(keyword["occurrences"], Value::Array(occurrences[..2].to_vec()));
}

/// The targets of the Markdown links and images in `text` (`[..](target)`).
fn link_targets(text: &str) -> Vec<&str> {
    text.match_indices("](").filter_map(|(i, _)| text[i + 2..].split_once(')').map(|(target, _)| target)).collect()
}

/// The anchor a heading gets: lower case, spaces as hyphens, other punctuation dropped.
fn anchor(heading: &str) -> String {
    heading
        .trim()
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
            _ => None,
        })
        .collect()
}

#[test]
fn every_link_between_the_pages_leads_to_a_file_and_heading() {
    for (page, text) in pages() {
        for target in link_targets(text.as_str()) {
            if target.contains("://") {
                continue;
            }
            let (file, fragment) = target.split_once('#').unwrap_or((target, ""));
            let file = if file.is_empty() { page.clone() } else { page.parent().unwrap().join(file) };
            assert!(file.exists(), "{}: link to {target}: no such file", page.display());
            if !fragment.is_empty() {
                let linked = std::fs::read_to_string(&file).unwrap();
                let anchors: Vec<String> = linked
                    .lines()
                    .filter_map(|l| l.strip_prefix('#'))
                    .map(|h| anchor(h.trim_start_matches('#')))
                    .collect();
                assert!(anchors.iter().any(|a| a == fragment), "{}: link to {target}: no such heading", page.display());
            }
        }
    }
}

#[test]
fn the_tarball_named_is_this_versions() {
    let tarball = format!("tomtat-{}.tgz", env!("CARGO_PKG_VERSION"));
    for (page, text) in pages() {
        for (i, _) in text.match_indices("tomtat-") {
            let name: String = text[i..].chars().take_while(|c| !c.is_whitespace() && *c != '`').collect();
            if name.ends_with(".tgz") && name["tomtat-".len()..].starts_with(|c: char| c.is_ascii_digit()) {
                assert_eq!(name, tarball, "{}", page.display());
            }
        }
    }
}

#[test]
fn the_performance_page_holds_what_each_command_last_wrote_there() {
    // `cargo xtask build`, `bench` and `bench-browser` write between these lines
    // (xtask/src/docs.rs); a page without them, or with a block never written, fails here.
    let page = include_str!("../docs/performance.md");
    for task in ["build", "bench", "bench-browser"] {
        let begin = format!("<!-- begin: written by `cargo xtask {task}` -->\n");
        let end = format!("<!-- end: written by `cargo xtask {task}` -->");
        let start = page.find(&begin).unwrap_or_else(|| panic!("no block of {task}")) + begin.len();
        let length = page[start..].find(&end).unwrap_or_else(|| panic!("the block of {task} does not end"));
        assert!(page[start..start + length].trim().len() > 100, "cargo xtask {task} has not written its block");
    }
}
