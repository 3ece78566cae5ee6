//! The `tomtat` command: a thin shell around [`tomtat::digest`] that reads text from
//! a file or stdin and prints the digest JSON, one document or one JSONL line at a time.

use std::io::{self, BufRead, Read, Write};
use std::process::ExitCode;

use tomtat::{jsonl, Length, Options};

const USAGE: &str = "\
tomtat: digest of a Vietnamese article (sentences, summary, directives, keywords)

Usage:
  tomtat digest [FILE] [OPTIONS]     read FILE (or stdin), print the digest as JSON
  tomtat digest --jsonl [FILE] ...   read lines {\"id\",\"text\"} (or {\"id\",\"title\",\"body\"}),
                                     write one line {\"id\", ...digest} for each

Options:
  --sentences N          summary of exactly N sentences (1-100)
  --length short|medium|long
                         summary length preset (default: medium)
  --words                list each sentence's words
  --no-keywords          leave out the key phrases (faster; no word segmentation
                         unless --words)
  --pretty               indent the JSON
  -h, --help             this help
  -V, --version          the version";

/// What the command line asks for.
struct Command {
    file: Option<String>,
    jsonl: bool,
    pretty: bool,
    options: Options,
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("-h" | "--help") | None => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Some("-V" | "--version") => {
            println!("tomtat {}", env!("CARGO_PKG_VERSION"));
            return ExitCode::SUCCESS;
        }
        Some("digest") => {}
        Some(other) => return fail(&format!("unknown command `{other}`; try `tomtat --help`")),
    }
    let command = match parse(&args[1..]) {
        Ok(command) => command,
        Err(message) => return fail(&message),
    };
    let result = if command.jsonl { run_jsonl(&command) } else { run_one(&command) };
    match result {
        Ok(code) => code,
        Err(message) => fail(&message),
    }
}

fn fail(message: &str) -> ExitCode {
    eprintln!("tomtat: {message}");
    ExitCode::FAILURE
}

fn parse(args: &[String]) -> Result<Command, String> {
    let mut command = Command { file: None, jsonl: false, pretty: false, options: Options::default() };
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or_else(|| format!("{name} needs a value"));
        match arg.as_str() {
            "--jsonl" => command.jsonl = true,
            "--pretty" => command.pretty = true,
            "--words" => command.options.words = true,
            "--no-keywords" => command.options.keywords = false,
            "--sentences" => {
                let n = value("--sentences")?;
                let n = n.parse().map_err(|_| format!("--sentences needs a whole number, got `{n}`"))?;
                command.options.sentences = Some(n);
            }
            "--length" => command.options.length = value("--length")?.parse::<Length>().map_err(|e| e.to_string())?,
            "-h" | "--help" => return Err(USAGE.to_string()),
            flag if flag.starts_with('-') && flag != "-" => return Err(format!("unknown option `{flag}`")),
            file if command.file.is_none() => command.file = Some(file.to_string()),
            extra => return Err(format!("unexpected argument `{extra}`: give one FILE at most")),
        }
    }
    command.options.validate().map_err(|e| e.to_string())?;
    Ok(command)
}

fn input(command: &Command) -> Result<Box<dyn BufRead>, String> {
    match command.file.as_deref() {
        None | Some("-") => Ok(Box::new(io::BufReader::new(io::stdin()))),
        Some(path) => std::fs::File::open(path)
            .map(|f| Box::new(io::BufReader::new(f)) as Box<dyn BufRead>)
            .map_err(|e| format!("cannot read {path}: {e}")),
    }
}

fn run_one(command: &Command) -> Result<ExitCode, String> {
    let mut bytes = Vec::new();
    input(command)?.read_to_end(&mut bytes).map_err(|e| format!("cannot read input: {e}"))?;
    let text = String::from_utf8(bytes)
        .map_err(|e| format!("input is not UTF-8 text (byte {})", e.utf8_error().valid_up_to()))?;
    let digest = tomtat::digest(&text, &command.options).map_err(|e| e.to_string())?;
    write_line(&mut io::stdout().lock(), &jsonl::to_json(&digest, command.pretty))?;
    Ok(ExitCode::SUCCESS)
}

/// Digests each line; a bad line is reported on stderr with its number and the run
/// goes on, ending with a failure code.
fn run_jsonl(command: &Command) -> Result<ExitCode, String> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut failed = 0usize;
    for (number, line) in input(command)?.lines().enumerate() {
        let line = line.map_err(|e| format!("cannot read line {}: {e}", number + 1))?;
        if line.trim().is_empty() {
            continue;
        }
        match jsonl::record(&line, &command.options, command.pretty) {
            Ok(record) => write_line(&mut out, &record)?,
            Err(message) => {
                failed += 1;
                eprintln!("tomtat: line {}: {message}", number + 1);
            }
        }
    }
    out.flush().or_else(quiet_broken_pipe)?;
    Ok(if failed == 0 { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}

/// Writes `line` and a newline; a reader that went away (`| head`) is not an error.
fn write_line(out: &mut impl Write, line: &str) -> Result<(), String> {
    writeln!(out, "{line}").or_else(quiet_broken_pipe)
}

fn quiet_broken_pipe(e: io::Error) -> Result<(), String> {
    if e.kind() == io::ErrorKind::BrokenPipe {
        Ok(())
    } else {
        Err(format!("cannot write output: {e}"))
    }
}
