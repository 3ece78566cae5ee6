//! The shipped copies of our own ES modules: `strip` removes comments, indentation,
//! trailing spaces and blank lines, and keeps everything else byte for byte.
//!
//! A reader downloads the scripts a site serves, and 9.5 of the widget's 25.0 KB gzip
//! were comments and indentation. This is not a minifier: names, lines and the spaces
//! between tokens stay, so a stripped module reads like the source without its
//! comments, and a stack trace still names the same functions. It is a small lexer
//! made for `www/` and `extension/`: it knows string, template and regular-expression
//! literals (a `/` starts a regular expression where an operand is expected: at the
//! start, after an operator or an opening bracket, after `}` and after keywords like
//! `return`; after a name, a literal, `)`, `]`, `++` or `--` it divides). Line breaks
//! in code stay (a comment that held one becomes one), so automatic semicolon
//! insertion reads the copy as it read the source; the text inside literals is never
//! touched.

use std::io::{ErrorKind, Write as _};
use std::path::Path;
use std::process::{Command, Stdio};

/// Keywords after which a `/` starts a regular expression, not a division.
const BEFORE_OPERAND: [&str; 14] = [
    "return",
    "typeof",
    "instanceof",
    "in",
    "of",
    "new",
    "delete",
    "void",
    "throw",
    "case",
    "do",
    "else",
    "yield",
    "await",
];

/// `source` without comments, indentation, trailing spaces and blank lines; runs of
/// spaces between tokens become one space. An error names the line of a literal or
/// comment that does not end.
pub fn strip(source: &str) -> Result<String, String> {
    let mut lexer =
        Lexer { chars: source.chars().collect(), at: 0, out: String::with_capacity(source.len()), space: false };
    lexer.code_until(false)?;
    if !lexer.out.is_empty() && !lexer.out.ends_with('\n') {
        lexer.out.push('\n');
    }
    Ok(lexer.out)
}

/// The stripped copy of the ES module at `path`, checked with `node --check` as a module
/// when node is installed (the browser tests need it; the build does not).
pub fn stripped_module(path: &Path) -> Result<String, String> {
    let stripped = strip(&crate::build::read(path)?).map_err(|e| format!("{}: {e}", path.display()))?;
    check_module(&stripped).map_err(|e| format!("the stripped copy of {} does not parse: {e}", path.display()))?;
    Ok(stripped)
}

/// `node --input-type=module --check` on `source`; Ok when node is not installed.
fn check_module(source: &str) -> Result<(), String> {
    let child = Command::new("node")
        .args(["--input-type=module", "--check"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn();
    let mut child = match child {
        Err(e) if e.kind() == ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(format!("cannot run node: {e}")),
        Ok(child) => child,
    };
    child
        .stdin
        .take()
        .ok_or("no stdin for node")?
        .write_all(source.as_bytes())
        .map_err(|e| format!("cannot write to node: {e}"))?;
    let output = child.wait_with_output().map_err(|e| format!("node: {e}"))?;
    if output.status.success() {
        Ok(())
    } else {
        Err(String::from_utf8_lossy(&output.stderr).lines().take(5).collect::<Vec<_>>().join("\n"))
    }
}

/// One source being stripped.
struct Lexer {
    chars: Vec<char>,
    /// The next character to read.
    at: usize,
    /// The stripped copy so far.
    out: String,
    /// Whitespace (or a one-line comment) came after the last token on this line.
    space: bool,
}

impl Lexer {
    fn peek(&self, ahead: usize) -> Option<char> {
        self.chars.get(self.at + ahead).copied()
    }

    /// The line of the source the lexer is at, counting from 1, for errors.
    fn line(&self, at: usize) -> usize {
        1 + self.chars[..at.min(self.chars.len())].iter().filter(|&&c| c == '\n').count()
    }

    /// Starts a token: the one space before it, unless it begins a line.
    fn token(&mut self) {
        if self.space && !self.out.is_empty() && !self.out.ends_with('\n') {
            self.out.push(' ');
        }
        self.space = false;
    }

    /// Ends a line of code: blank lines and trailing spaces are dropped.
    fn newline(&mut self) {
        self.space = false;
        if !self.out.is_empty() && !self.out.ends_with('\n') {
            self.out.push('\n');
        }
    }

    /// Copies code up to the end of the source, or up to the `}` that closes the
    /// template substitution it was called for (`in_template`), which it copies too.
    fn code_until(&mut self, in_template: bool) -> Result<(), String> {
        let mut depth = 0usize;
        let mut operand = true;
        while let Some(c) = self.peek(0) {
            match c {
                '\n' => {
                    self.newline();
                    self.at += 1;
                }
                _ if c.is_whitespace() => {
                    self.space = true;
                    self.at += 1;
                }
                '/' if self.peek(1) == Some('/') => {
                    while self.peek(0).is_some_and(|c| c != '\n') {
                        self.at += 1;
                    }
                    self.space = true;
                }
                '/' if self.peek(1) == Some('*') => {
                    let start = self.at;
                    self.at += 2;
                    let mut line_break = false;
                    loop {
                        match self.peek(0) {
                            None => return Err(format!("line {}: a comment that does not end", self.line(start))),
                            Some('*') if self.peek(1) == Some('/') => break,
                            Some(c) => line_break |= c == '\n',
                        }
                        self.at += 1;
                    }
                    self.at += 2;
                    if line_break {
                        self.newline();
                    } else {
                        self.space = true;
                    }
                }
                '/' if operand => {
                    self.token();
                    self.regex()?;
                    operand = false;
                }
                '\'' | '"' => {
                    self.token();
                    self.string(c)?;
                    operand = false;
                }
                '`' => {
                    self.token();
                    self.template()?;
                    operand = false;
                }
                _ if is_word(c) => {
                    self.token();
                    let start = self.at;
                    while self.peek(0).is_some_and(is_word) {
                        self.at += 1;
                    }
                    let word: String = self.chars[start..self.at].iter().collect();
                    operand = BEFORE_OPERAND.contains(&word.as_str());
                    self.out.push_str(&word);
                }
                _ => {
                    self.token();
                    self.out.push(c);
                    self.at += 1;
                    match c {
                        '{' => depth += 1,
                        '}' if depth == 0 && in_template => return Ok(()),
                        '}' => depth = depth.saturating_sub(1),
                        _ => {}
                    }
                    let doubled = matches!(c, '+' | '-') && self.chars.get(self.at.wrapping_sub(2)) == Some(&c);
                    operand = !matches!(c, ')' | ']') && !doubled;
                }
            }
        }
        if in_template {
            return Err("a template substitution `${` that does not end".to_string());
        }
        Ok(())
    }

    /// Copies the character that opens a literal; where it starts, for errors.
    fn open(&mut self) -> usize {
        let start = self.at;
        self.out.push(self.chars[start]);
        self.at += 1;
        start
    }

    /// Copies the next character of `what` (a literal opened at `start`), and the one
    /// after a backslash with it: the character (a backslash for an escape). A line
    /// break ends a literal that must stay on its line (`one_line`) with an error.
    fn literal_char(&mut self, what: &str, start: usize, one_line: bool) -> Result<char, String> {
        let c = self.peek(0).ok_or_else(|| format!("line {}: {what} that does not end", self.line(start)))?;
        self.out.push(c);
        self.at += 1;
        if c == '\\' {
            if let Some(escaped) = self.peek(0) {
                self.out.push(escaped);
                self.at += 1;
            }
        } else if c == '\n' && one_line {
            return Err(format!("line {}: {what} that does not end on its line", self.line(start)));
        }
        Ok(c)
    }

    /// Copies a string literal opened by `quote`, escapes included.
    fn string(&mut self, quote: char) -> Result<(), String> {
        let start = self.open();
        while self.literal_char("a string", start, true)? != quote {}
        Ok(())
    }

    /// Copies a template literal, its text as it is and its substitutions as code.
    fn template(&mut self) -> Result<(), String> {
        let start = self.open();
        loop {
            match self.literal_char("a template", start, false)? {
                '`' => return Ok(()),
                '$' if self.peek(0) == Some('{') => {
                    self.out.push('{');
                    self.at += 1;
                    self.code_until(true).map_err(|e| format!("line {}: {e}", self.line(start)))?;
                }
                _ => {}
            }
        }
    }

    /// Copies a regular-expression literal with its flags; a `/` inside a class
    /// (`[/]`) or escaped does not end it.
    fn regex(&mut self) -> Result<(), String> {
        let start = self.open();
        let mut class = false;
        loop {
            match self.literal_char("a regular expression", start, true)? {
                '[' => class = true,
                ']' => class = false,
                '/' if !class => break,
                _ => {}
            }
        }
        while let Some(flag) = self.peek(0).filter(|&c| is_word(c)) {
            self.out.push(flag);
            self.at += 1;
        }
        Ok(())
    }
}

/// A character of a name, keyword or number (a `#` starts a private name; any
/// non-ASCII character is taken as a letter, which our sources only use in literals).
fn is_word(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '_' | '$' | '#' | '\\') || !c.is_ascii()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stripped(source: &str) -> String {
        strip(source).unwrap()
    }

    #[test]
    fn comments_and_indentation_go_and_lines_stay() {
        let source = "// header\n/** Doc. */\nexport function f(a,  b) {\n    return a + b; // sum\n\n\n  }  \n";
        assert_eq!(stripped(source), "export function f(a, b) {\nreturn a + b;\n}\n");
    }

    #[test]
    fn a_comment_that_held_a_line_break_is_one() {
        // Without the line break `a` and `b` would be one statement, or none.
        assert_eq!(stripped("let a = 1 /* two\nlines */ let b = 2"), "let a = 1\nlet b = 2\n");
        assert_eq!(stripped("f(a /* one line */, b)"), "f(a , b)\n");
    }

    #[test]
    fn strings_keep_what_looks_like_comments() {
        let source = r#"const u = 'http://x/*y*/'; const q = "it's \" // not"; // gone"#;
        assert_eq!(stripped(source), r#"const u = 'http://x/*y*/'; const q = "it's \" // not";"#.to_string() + "\n");
    }

    #[test]
    fn templates_keep_their_text_and_strip_their_code() {
        let source = "const css = `\n  .a { color: red; } /* kept */\n  // kept\n`;\nconst t = `${ {a: 1}.a /* gone */ } and ${`in ${x}`} \\` ${'}'}`;\n";
        assert_eq!(
            stripped(source),
            "const css = `\n  .a { color: red; } /* kept */\n  // kept\n`;\nconst t = `${ {a: 1}.a } and ${`in ${x}`} \\` ${'}'}`;\n"
        );
    }

    #[test]
    fn a_slash_divides_after_an_operand_and_starts_a_regex_elsewhere() {
        let source = "x = a / b / c; // d\ny = /\\/\\/[/*]// 2; // e\nreturn /'/g.test(s) ? /a/ : i++ / 2;\nz = (a) / 2 /* f */;";
        assert_eq!(
            stripped(source),
            "x = a / b / c;\ny = /\\/\\/[/*]// 2;\nreturn /'/g.test(s) ? /a/ : i++ / 2;\nz = (a) / 2 ;\n"
        );
        // After `}` (the end of a block) a statement may start with a regex.
        assert_eq!(stripped("if (a) {}\n/x'y/.test(s) // c"), "if (a) {}\n/x'y/.test(s)\n");
    }

    #[test]
    fn node_refuses_a_broken_module() {
        if Command::new("node").arg("--version").output().is_err() {
            eprintln!("node is not installed: not checked");
            return;
        }
        assert!(check_module("export const a = 1 +;\n").is_err());
        assert!(check_module("import { a } from './a.js';\nexport const b = a;\n").is_ok());
    }

    #[test]
    fn unterminated_literals_and_comments_are_errors() {
        for source in ["a = 'b\n';", "a = `b", "/* a", "a = /b\n/;", "`${a`"] {
            assert!(strip(source).is_err(), "{source:?}");
        }
    }

    /// Every script we ship, stripped: shorter, with no comment left, and stripping it
    /// again changes nothing (a literal misread as code, or code as a literal, would
    /// show in one or the other).
    #[test]
    fn our_sources_strip_to_a_fixed_point() {
        let mut checked = 0;
        for dir in ["../www", "../extension"] {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.extension().is_none_or(|e| e != "js") {
                    continue;
                }
                let source = std::fs::read_to_string(&path).unwrap();
                let once = strip(&source).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
                assert!(once.len() < source.len(), "{}", path.display());
                assert_eq!(strip(&once).unwrap(), once, "{}", path.display());
                assert!(
                    !once.lines().any(|line| line.starts_with("//") || line.starts_with("/*")),
                    "{}",
                    path.display()
                );
                checked += 1;
            }
        }
        assert!(checked >= 10, "found {checked} scripts");
    }
}
