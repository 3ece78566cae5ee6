//! Figures a task prints, written by that task into the docs page that shows them.
//!
//! `docs/performance.md` holds, between two marker lines for each task, what the last
//! `cargo xtask build`, `bench` and `bench-browser` printed, so that the page never
//! shows figures older than the last run, and a change of them shows in `git diff`.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use crate::build::write_file;

/// The page of the build's sizes and the benchmarks' figures.
pub const PERFORMANCE: &str = "docs/performance.md";

/// Replaces what lies between the marker lines of `task` in `page` with `body`.
pub fn write_block(page: &str, task: &str, body: &str) -> Result<(), String> {
    let text = std::fs::read_to_string(page).map_err(|e| format!("cannot read {page}: {e}"))?;
    let begin = format!("<!-- begin: written by `cargo xtask {task}` -->\n");
    let end = format!("<!-- end: written by `cargo xtask {task}` -->");
    let start = text.find(&begin).ok_or_else(|| format!("{page} has no line {}", begin.trim_end()))? + begin.len();
    let stop = start + text[start..].find(&end).ok_or_else(|| format!("{page} has no line {end}"))?;
    let updated = format!("{}{body}{}", &text[..start], &text[stop..]);
    if updated != text {
        write_file(std::path::Path::new(page), &updated)?;
        println!("wrote these figures into {page}");
    }
    Ok(())
}

/// Runs `command`, showing its standard output as it comes and returning it, for a task
/// that writes what a benchmark printed; fails when it fails or cannot start.
pub fn run_and_keep_output(command: &mut Command, what: &str) -> Result<String, String> {
    let mut child = command.stdout(Stdio::piped()).spawn().map_err(|e| format!("cannot run `{what}`: {e}"))?;
    let mut kept = String::new();
    if let Some(stdout) = child.stdout.take() {
        for line in BufReader::new(stdout).lines() {
            let line = line.map_err(|e| format!("cannot read the output of `{what}`: {e}"))?;
            println!("{line}");
            kept.push_str(&line);
            kept.push('\n');
        }
    }
    let status = child.wait().map_err(|e| format!("cannot run `{what}`: {e}"))?;
    if status.success() {
        Ok(kept)
    } else {
        Err(format!("`{what}` failed ({status})"))
    }
}

/// A benchmark's output as a block of the page: the machine it ran on (figures move with
/// the other load on it), then the output as printed.
pub fn benchmark_block(output: &str) -> String {
    let cores = std::thread::available_parallelism().map_or(0, usize::from);
    let load = std::fs::read_to_string("/proc/loadavg")
        .map(|l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "unknown".into());
    format!("```\n{cores} cores, load average {load} when it ended\n{output}```\n")
}
