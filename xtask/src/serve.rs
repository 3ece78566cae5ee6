//! `cargo xtask serve [--port N]`: builds, then serves `www/` on 127.0.0.1 and prints
//! the URL. A small std-only static server: the page needs nothing more than files
//! with the right types (`application/wasm` lets the browser compile while it
//! downloads), and it is never exposed beyond this machine.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};

const ROOT: &str = "www";
const DEFAULT_PORT: u16 = 8000;

pub fn run(args: &[String]) -> Result<(), String> {
    let port = match args {
        [] => DEFAULT_PORT,
        [flag, n] if flag == "--port" => n.parse().map_err(|_| format!("--port wants a number 0-65535, got `{n}`"))?,
        _ => return Err(format!("usage: cargo xtask serve [--port N], got `{}`", args.join(" "))),
    };
    crate::build::build()?;
    let listener =
        TcpListener::bind(("127.0.0.1", port)).map_err(|e| format!("cannot listen on 127.0.0.1:{port}: {e}"))?;
    let address = listener.local_addr().map_err(|e| e.to_string())?;
    println!("\ntomtat: open http://{address}/ (Ctrl+C stops)");
    for stream in listener.incoming().flatten() {
        // One thread per connection: a browser opens a few at once and files are small.
        std::thread::spawn(move || {
            if let Err(e) = respond(stream) {
                eprintln!("serve: {e}");
            }
        });
    }
    Ok(())
}

/// Answers one request: GET or HEAD of a file under `www/`.
fn respond(mut stream: TcpStream) -> std::io::Result<()> {
    let mut line = String::new();
    let mut reader = BufReader::new(stream.try_clone()?);
    reader.read_line(&mut line)?;
    // Drain the headers so the browser does not see a reset before reading the reply.
    let mut header = String::new();
    while reader.read_line(&mut header)? > 2 {
        header.clear();
    }
    let mut parts = line.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or("/"));
    if method != "GET" && method != "HEAD" {
        return reply(&mut stream, "405 Method Not Allowed", "text/plain", b"GET only", true);
    }
    let Some(file) = resolve(target) else {
        return reply(&mut stream, "404 Not Found", "text/plain", b"not found", method == "GET");
    };
    match std::fs::read(&file) {
        Ok(body) => reply(&mut stream, "200 OK", content_type(&file), &body, method == "GET"),
        Err(_) => reply(&mut stream, "404 Not Found", "text/plain", b"not found", method == "GET"),
    }
}

/// The file under `www/` that a request target names, or `None` for anything that
/// would leave the folder.
fn resolve(target: &str) -> Option<PathBuf> {
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let path = percent_decode(path)?;
    let mut file = PathBuf::from(ROOT);
    for component in Path::new(path.trim_start_matches('/')).components() {
        match component {
            Component::Normal(part) => file.push(part),
            Component::CurDir => {}
            _ => return None,
        }
    }
    if file.is_dir() {
        file.push("index.html");
    }
    Some(file)
}

/// Decodes `%XX` escapes; `None` when they do not make UTF-8.
fn percent_decode(path: &str) -> Option<String> {
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

fn content_type(file: &Path) -> &'static str {
    match file.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "wasm" => "application/wasm",
        "json" => "application/json",
        "txt" | "ts" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        _ => "application/octet-stream",
    }
}

fn reply(stream: &mut TcpStream, status: &str, kind: &str, body: &[u8], with_body: bool) -> std::io::Result<()> {
    // no-store: after a rebuild the browser must not mix an old wasm with new glue.
    write!(
        stream,
        "HTTP/1.1 {status}\r\ncontent-type: {kind}\r\ncontent-length: {}\r\ncache-control: no-store\r\nconnection: close\r\n\r\n",
        body.len()
    )?;
    if with_body {
        stream.write_all(body)?;
    }
    stream.flush()
}
