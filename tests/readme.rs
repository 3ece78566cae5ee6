//! The README's contract example is what the digest of the seed really is.

mod common;

use serde_json::Value;

#[test]
fn readme_example_is_part_of_the_seeds_digest() {
    let readme = include_str!("../README.md");
    let start = readme.find("Example, from the seed").expect("the README has the example");
    let block = &readme[start..];
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
