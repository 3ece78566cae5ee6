//! The `tomtat` command: same digest as the library, JSONL batch mode, clear errors.

mod common;

use std::io::Write;
use std::process::{Command, Output, Stdio};

use common::SEED;

fn tomtat(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_tomtat"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A file in the temporary directory holding `bytes`, named for the test that writes it.
fn temp_file(name: &str, bytes: &[u8]) -> String {
    let path = std::env::temp_dir().join(format!("tomtat-cli-{}-{name}", std::process::id()));
    std::fs::write(&path, bytes).unwrap();
    path.to_string_lossy().into_owned()
}

#[test]
fn help_goes_to_stdout_and_succeeds_however_it_is_asked_for() {
    let usage = stdout(&tomtat(&["--help"], b""));
    assert!(usage.contains("Usage:") && usage.contains("--no-keywords"), "{usage}");
    for args in
        [&[][..], &["-h"], &["help"], &["digest", "--help"], &["digest", "-h"], &["digest", "--pretty", "--help"]]
    {
        let out = tomtat(args, b"");
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        assert_eq!(stdout(&out), usage, "{args:?}");
        assert_eq!(stderr(&out), "", "{args:?}");
    }
}

#[test]
fn docs_show_the_help_as_the_command_prints_it() {
    let docs = include_str!("../docs/cli.md");
    let block = &docs[docs.find("```\n").expect("docs/cli.md shows the help") + 4..];
    let block = &block[..block.find("```").expect("the block ends")];
    assert_eq!(block, stdout(&tomtat(&["--help"], b"")));
}

#[test]
fn text_that_is_not_utf8_is_named_with_the_offset_of_its_first_bad_byte() {
    // "Câu một." is 11 bytes: the bad byte is the twelfth, at offset 11 counting from 0.
    let path = temp_file("latin1.txt", b"C\xc3\xa2u m\xe1\xbb\x99t.\xff rest");
    let out = tomtat(&["digest", &path], b"");
    std::fs::remove_file(&path).unwrap();
    assert!(!out.status.success());
    assert_eq!(
        stderr(&out).trim_end(),
        format!(
            "tomtat: {path}: not UTF-8 text: the byte 0xFF at offset 11 of the file (counting from 0) begins no \
             UTF-8 character; save the text as UTF-8"
        )
    );
    let out = tomtat(&["digest"], b"ab\xfe");
    assert!(stderr(&out).starts_with("tomtat: stdin: not UTF-8 text: the byte 0xFE at offset 2 of the input"));
    let input = b"{\"id\": 1, \"text\": \"M\xe1\xbb\x99t.\"}\n{\"id\": 2, \"text\": \"\xc3\"}\n";
    let out = tomtat(&["digest", "--jsonl"], input);
    assert!(stderr(&out).starts_with("tomtat: line 2: not UTF-8 text: the byte 0xC3 at offset 19 of the line"));
    assert_eq!(stdout(&out).lines().count(), 1, "the good line is still digested");
}

#[test]
fn a_directory_is_named_like_a_missing_file() {
    let dir = env!("CARGO_MANIFEST_DIR");
    for args in [&["digest", dir][..], &["digest", "--jsonl", dir]] {
        let out = tomtat(args, b"");
        assert!(!out.status.success());
        let err = stderr(&out);
        assert!(err.starts_with(&format!("tomtat: cannot read {dir}: ")), "{args:?}: {err}");
    }
    let err = stderr(&tomtat(&["digest", "/no/such/file"], b""));
    assert!(err.starts_with("tomtat: cannot read /no/such/file: "), "{err}");
}

#[test]
fn digest_of_stdin_equals_the_library_digest() {
    let out = tomtat(&["digest"], SEED.as_bytes());
    assert!(out.status.success(), "{}", stderr(&out));
    let cli: tomtat::Digest = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(cli, tomtat::digest(SEED, &tomtat::Options::default()).unwrap());
}

#[test]
fn digest_of_a_file_with_options() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds/000_5dea1911c32d1e71.txt");
    let out = tomtat(&["digest", path, "--words", "--sentences", "2", "--length", "long"], b"");
    assert!(out.status.success(), "{}", stderr(&out));
    let cli: tomtat::Digest = serde_json::from_slice(&out.stdout).unwrap();
    let options = tomtat::Options { words: true, sentences: Some(2), length: tomtat::Length::Long, keywords: true };
    assert_eq!(cli, tomtat::digest(SEED, &options).unwrap());
    let out = tomtat(&["digest", path, "--no-keywords"], b"");
    let cli: tomtat::Digest = serde_json::from_slice(&out.stdout).unwrap();
    let options = tomtat::Options { keywords: false, ..tomtat::Options::default() };
    assert_eq!(cli, tomtat::digest(SEED, &options).unwrap());
    assert!(cli.keywords.is_empty());
}

#[test]
fn jsonl_writes_one_line_per_input_line_with_its_id() {
    let input = concat!(
        r#"{"id": "a", "text": "Câu một. Câu hai."}"#,
        "\n\n",
        r#"{"id": 7, "title": "Tiêu đề", "body": "Thân bài."}"#,
        "\n"
    );
    let out = tomtat(&["digest", "--jsonl"], input.as_bytes());
    assert!(out.status.success(), "{}", stderr(&out));
    let lines: Vec<serde_json::Value> =
        String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["id"], "a");
    assert_eq!(lines[0]["sentences"].as_array().unwrap().len(), 2);
    assert_eq!(lines[1]["id"], 7);
    assert_eq!(lines[1]["sentences"][0]["text"], "Tiêu đề");
    assert_eq!(lines[1]["sentences"][1]["text"], "Thân bài.");
}

#[test]
fn jsonl_reports_a_bad_line_by_number_and_goes_on() {
    let input = "{\"id\": 1, \"text\": \"Một.\"}\nnot json\n{\"id\": 3}\n{\"id\": 4, \"text\": \"Bốn.\"}\n";
    let out = tomtat(&["digest", "--jsonl"], input.as_bytes());
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(err.contains("line 2") && err.contains("line 3"), "{err}");
    assert_eq!(String::from_utf8(out.stdout).unwrap().lines().count(), 2);
}

#[test]
fn empty_input_gives_an_empty_digest() {
    let out = tomtat(&["digest"], b"");
    assert!(out.status.success(), "{}", stderr(&out));
    let d: tomtat::Digest = serde_json::from_slice(&out.stdout).unwrap();
    assert!(d.sentences.is_empty());
}

#[test]
fn bad_input_and_options_fail_with_a_message_not_a_panic() {
    for (args, stdin, expected) in [
        (&["digest"][..], &b"\xff\xfe binary"[..], "not UTF-8"),
        (&["digest", "--sentences", "zero"], b"", "--sentences"),
        (&["digest", "--sentences", "0"], b"", "sentences"),
        (&["digest", "--length", "huge"], b"", "length"),
        (&["digest", "--frobnicate"], b"", "--frobnicate"),
        (&["digest", "/no/such/file"], b"", "cannot read"),
        (&["summarise"], b"", "unknown command"),
    ] {
        let out = tomtat(args, stdin);
        assert!(!out.status.success(), "{args:?} should fail");
        let err = stderr(&out);
        assert!(err.contains(expected), "{args:?}: {err}");
        assert!(!err.contains("panicked"), "{args:?}: {err}");
        assert!(!err.contains("tomtat: tomtat:"), "{args:?}: {err}");
    }
}
