//! A bounded load generator for `caucus serve`, on 127.0.0.1 only: `--clients N`
//! threads each keep one HTTP/1.1 keep-alive connection and send requests from a
//! list of paths in turn until `--requests` have been sent in all; it prints the
//! latency percentiles, the throughput and every non-200 answer or socket error.
//!
//!   caucus-serve-load --port 8747 --clients 2 --requests 10000 --paths paths.txt

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

struct Args {
    port: u16,
    clients: usize,
    requests: usize,
    paths: Vec<String>,
    label: String,
}

fn args() -> Result<Args, String> {
    let mut a = Args {
        port: 8747,
        clients: 2,
        requests: 10_000,
        paths: Vec::new(),
        label: String::new(),
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut value = || it.next().ok_or(format!("{flag} needs a value"));
        match flag.as_str() {
            "--port" => a.port = value()?.parse().map_err(|e| format!("--port: {e}"))?,
            "--clients" => a.clients = value()?.parse().map_err(|e| format!("--clients: {e}"))?,
            "--requests" => {
                a.requests = value()?.parse().map_err(|e| format!("--requests: {e}"))?
            }
            "--label" => a.label = value()?,
            "--paths" => {
                let file = value()?;
                let text = std::fs::read_to_string(&file).map_err(|e| format!("{file}: {e}"))?;
                a.paths.extend(
                    text.lines()
                        .map(str::trim)
                        .filter(|l| !l.is_empty() && !l.starts_with('#'))
                        .map(str::to_owned),
                );
            }
            "--path" => a.paths.push(value()?),
            other => return Err(format!("unknown argument {other}")),
        }
    }
    if a.paths.is_empty() {
        return Err("give --paths FILE or --path /api/...".into());
    }
    Ok(a)
}

/// One keep-alive connection.
struct Conn {
    port: u16,
    reader: Option<BufReader<TcpStream>>,
}

impl Conn {
    fn get(&mut self, path: &str) -> Result<u16, String> {
        if self.reader.is_none() {
            let s = TcpStream::connect(("127.0.0.1", self.port)).map_err(|e| e.to_string())?;
            s.set_nodelay(true).map_err(|e| e.to_string())?;
            s.set_read_timeout(Some(Duration::from_secs(30)))
                .map_err(|e| e.to_string())?;
            self.reader = Some(BufReader::new(s));
        }
        let r = self.reader.as_mut().ok_or("no connection")?;
        let req = format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        r.get_mut()
            .write_all(req.as_bytes())
            .map_err(|e| e.to_string())?;
        let mut line = String::new();
        r.read_line(&mut line).map_err(|e| e.to_string())?;
        let status: u16 = line
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .ok_or(format!("bad status line {line:?}"))?;
        let mut len = None;
        let mut close = false;
        loop {
            line.clear();
            r.read_line(&mut line).map_err(|e| e.to_string())?;
            let l = line.trim_end();
            if l.is_empty() {
                break;
            }
            if let Some((k, v)) = l.split_once(':') {
                if k.eq_ignore_ascii_case("content-length") {
                    len = v.trim().parse::<usize>().ok();
                }
                if k.eq_ignore_ascii_case("connection") && v.trim().eq_ignore_ascii_case("close") {
                    close = true;
                }
            }
        }
        let len = len.ok_or("no Content-Length")?;
        let mut body = vec![0; len];
        r.read_exact(&mut body).map_err(|e| e.to_string())?;
        if close {
            self.reader = None;
        }
        Ok(status)
    }
}

fn rss_of(pid: &str) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find(|l| l.starts_with("VmRSS:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|kb| kb.parse().ok())
}

/// User + system CPU time of a process, in clock ticks (100 per second on Linux).
fn cpu_ticks_of(pid: &str) -> Option<u64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // Fields after the command name, which is in parentheses and may hold spaces.
    let rest = &stat[stat.rfind(')')? + 2..];
    let f: Vec<&str> = rest.split_whitespace().collect();
    Some(f.get(11)?.parse::<u64>().ok()? + f.get(12)?.parse::<u64>().ok()?)
}

fn pct(sorted: &[Duration], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i].as_secs_f64() * 1000.0
}

fn main() {
    let a = match args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("caucus-serve-load: {e}");
            std::process::exit(2);
        }
    };
    let server_pid = std::env::var("SERVER_PID").ok();
    let rss_before = server_pid.as_deref().and_then(rss_of);
    let cpu_before = server_pid.as_deref().and_then(cpu_ticks_of);
    let next = Arc::new(AtomicUsize::new(0));
    let paths = Arc::new(a.paths.clone());
    let started = Instant::now();
    let workers: Vec<_> = (0..a.clients)
        .map(|_| {
            let next = Arc::clone(&next);
            let paths = Arc::clone(&paths);
            let (port, total) = (a.port, a.requests);
            std::thread::spawn(move || {
                let mut conn = Conn { port, reader: None };
                let mut times = Vec::new();
                let mut errors: Vec<String> = Vec::new();
                loop {
                    let i = next.fetch_add(1, Ordering::SeqCst);
                    if i >= total {
                        break;
                    }
                    let path = &paths[i % paths.len()];
                    let t = Instant::now();
                    match conn.get(path) {
                        Ok(200) => times.push(t.elapsed()),
                        Ok(code) => errors.push(format!("{code} {path}")),
                        Err(e) => {
                            conn.reader = None;
                            errors.push(format!("{e} {path}"));
                        }
                    }
                }
                (times, errors)
            })
        })
        .collect();
    let mut times = Vec::new();
    let mut errors = Vec::new();
    for w in workers {
        let (t, e) = w.join().unwrap_or_default();
        times.extend(t);
        errors.extend(e);
    }
    let wall = started.elapsed();
    let rss_after = server_pid.as_deref().and_then(rss_of);
    let cpu_per_request = match (cpu_before, server_pid.as_deref().and_then(cpu_ticks_of)) {
        (Some(before), Some(after)) => format!("{:.2} ms", (after - before) as f64 * 10.0 / a.requests.max(1) as f64),
        _ => "-".to_owned(),
    };
    times.sort();
    println!(
        "{}\trequests {}\tclients {}\tok {}\terrors {}\tp50 {:.2} ms\tp90 {:.2} ms\tp99 {:.2} ms\tmax {:.2} ms\t{:.0} req/s\tserver cpu {}/request\trss before {} KiB\trss after {} KiB",
        a.label,
        a.requests,
        a.clients,
        times.len(),
        errors.len(),
        pct(&times, 0.50),
        pct(&times, 0.90),
        pct(&times, 0.99),
        pct(&times, 1.0),
        times.len() as f64 / wall.as_secs_f64(),
        cpu_per_request,
        rss_before.map_or("-".into(), |k| k.to_string()),
        rss_after.map_or("-".into(), |k| k.to_string()),
    );
    for e in errors.iter().take(10) {
        eprintln!("error: {e}");
    }
    if !errors.is_empty() {
        std::process::exit(1);
    }
}
