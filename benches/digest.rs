//! Native digest benchmark: prints figures, passes or fails on nothing.
//!
//! `cargo bench --bench digest` prints throughput over the dev articles
//! (`../shared/data/news-dev.jsonl`, or the seed when that file is absent), the time for
//! one large input of 100 KB, 1 MB and 5 MB made by concatenating the articles (the
//! time must grow linearly), and, when Python with underthesea, pyvi and sumy is
//! present, the peers of `../shared/bench/peers.py` measured in the same run. Under
//! `cargo test` (no `--bench` argument) it runs one quick pass as a smoke test.
//!
//! It runs under the `bench` profile, which is the `release` profile the native CLI is
//! built with (the wasm has its own, size-tuned `wasm` profile).

use std::hint::black_box;
use std::process::Command;
use std::time::{Duration, Instant};

use tomtat::{digest, Options};

const DEV: &str = "../shared/data/news-dev.jsonl";
const PEERS: &str = "../shared/bench/peers.py";
const SEED: &str = include_str!("../seeds/000_5dea1911c32d1e71.txt");

fn main() {
    let full = std::env::args().any(|a| a == "--bench");
    let articles = articles();
    let options = Options::default();
    if !full {
        for text in articles.iter().take(3) {
            black_box(digest(text, &options).expect("an article digests"));
        }
        return;
    }
    let bytes: usize = articles.iter().map(String::len).sum();
    println!("{} articles, {:.2} MB (title + body each)", articles.len(), bytes as f64 / 1e6);
    let per_pass = best_of(5, || {
        for text in &articles {
            black_box(digest(text, &options).expect("an article digests"));
        }
    });
    let secs = per_pass.as_secs_f64();
    let ms_per_article = 1e3 * secs / articles.len() as f64;
    println!(
        "throughput: {:.1} MB/s, {:.0} articles/s, {:.3} ms per article (best of 5 passes)",
        bytes as f64 / 1e6 / secs,
        articles.len() as f64 / secs,
        ms_per_article
    );

    let joined = articles.join("\n\n");
    let mut times = Vec::new();
    for size in [100_000, 1_000_000, 5_000_000] {
        let text = repeat_to(&joined, size);
        let time = best_of(3, || {
            black_box(digest(&text, &options).expect("a large text digests"));
        });
        println!("one input of {:>4} KB: {:8.1} ms", size / 1000, time.as_secs_f64() * 1e3);
        times.push(time.as_secs_f64());
    }
    println!("time(5 MB) / time(1 MB) = {:.2} (linear: 5)", times[2] / times[1]);
    peers(ms_per_article);
}

/// The dev articles as `title\n\nbody`, or the seed alone when the data is absent.
fn articles() -> Vec<String> {
    let Ok(jsonl) = std::fs::read_to_string(DEV) else {
        eprintln!("{DEV} is absent: measuring the seed only");
        return vec![SEED.to_string()];
    };
    jsonl
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .map(|v| format!("{}\n\n{}", v["title"].as_str().unwrap_or(""), v["body"].as_str().unwrap_or("")))
        .collect()
}

/// `text` repeated (and cut at a char boundary) to about `size` bytes.
fn repeat_to(text: &str, size: usize) -> String {
    let mut out = text.repeat(size / text.len().max(1) + 1);
    let mut cut = size.min(out.len());
    while !out.is_char_boundary(cut) {
        cut -= 1;
    }
    out.truncate(cut);
    out
}

fn best_of(runs: usize, mut f: impl FnMut()) -> Duration {
    (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .min()
        .unwrap_or_default()
}

/// Runs the Python peers on the dev set when they are installed and prints each one's
/// time per article beside ours.
fn peers(ours_ms: f64) {
    let out_dir = std::env::temp_dir().join("tomtat-peers");
    let python = std::env::var("PEERS_PYTHON").unwrap_or_else(|_| "python3".into());
    let run = Command::new(&python).arg(PEERS).arg(DEV).arg(&out_dir).output();
    let output = match run {
        Ok(output) if output.status.success() => output,
        _ => {
            println!("peers: skipped ({python} with underthesea, pyvi and sumy is not available; set PEERS_PYTHON to a venv's python)");
            return;
        }
    };
    for line in String::from_utf8_lossy(&output.stdout).lines() {
        // peers.py prints "name: 1.23s total, 4.56 ms/article".
        let ms =
            line.split(", ").nth(1).and_then(|s| s.strip_suffix(" ms/article")).and_then(|s| s.parse::<f64>().ok());
        match ms {
            Some(ms) => println!("peer {line}  → {:.1}× tomtat's time", ms / ours_ms),
            None => println!("peer {line}"),
        }
    }
}
