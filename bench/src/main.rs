//! Loads one server with requests and prints what it measured; asserts nothing.
//!
//! For each target (a page, and the same bytes as a static file), it runs closed loops
//! at 1, 4 and 16 connections (each connection sends its next request when the last
//! is answered: throughput and latency), then an open loop at a fixed rate (requests
//! leave on a schedule whether or not earlier ones were answered, and latency counts
//! from when each was due, so a stall is not hidden).
//!
//! `omakanta-bench BASE COOKIE SECONDS RATE NAME=PATH[,STATIC] ...`
//!
//! `OMAKANTA_BENCH_CONNECTIONS` chooses the closed loops (default `1,4,16`; empty for
//! the open loop alone, as when the server's CPU time per request is read at a fixed
//! rate); a RATE of 0 leaves the open loop out.

use std::time::{Duration, Instant};

use reqwest::Client;

/// Latencies of one run and how long it took.
struct Run {
    latencies: Vec<Duration>,
    errors: usize,
    elapsed: Duration,
}

impl Run {
    fn percentile(&self, p: f64) -> f64 {
        if self.latencies.is_empty() {
            return f64::NAN;
        }
        let mut sorted = self.latencies.clone();
        sorted.sort_unstable();
        let rank = ((p / 100.0) * (sorted.len() - 1) as f64).round() as usize;
        sorted[rank.min(sorted.len() - 1)].as_secs_f64() * 1000.0
    }

    fn throughput(&self) -> f64 {
        self.latencies.len() as f64 / self.elapsed.as_secs_f64()
    }
}

fn client(connections: usize) -> Client {
    Client::builder()
        .pool_max_idle_per_host(connections)
        .timeout(Duration::from_secs(30))
        .build()
        .unwrap_or_default()
}

async fn one(client: &Client, url: &str, cookie: &str) -> bool {
    match client
        .get(url)
        .header("cookie", cookie)
        .header("accept-encoding", "gzip, br")
        .send()
        .await
    {
        Ok(res) => res.status().is_success() && res.bytes().await.is_ok(),
        Err(_) => false,
    }
}

/// `connections` loops, each sending its next request when its last is answered.
async fn closed(url: &str, cookie: &str, connections: usize, length: Duration) -> Run {
    let started = Instant::now();
    let tasks: Vec<_> = (0..connections)
        .map(|_| {
            let (url, cookie) = (url.to_owned(), cookie.to_owned());
            let client = client(1);
            tokio::spawn(async move {
                let (mut latencies, mut errors) = (Vec::new(), 0);
                while started.elapsed() < length {
                    let sent = Instant::now();
                    if one(&client, &url, &cookie).await {
                        latencies.push(sent.elapsed());
                    } else {
                        errors += 1;
                    }
                }
                (latencies, errors)
            })
        })
        .collect();
    let mut run = Run {
        latencies: Vec::new(),
        errors: 0,
        elapsed: Duration::ZERO,
    };
    for task in tasks {
        if let Ok((latencies, errors)) = task.await {
            run.latencies.extend(latencies);
            run.errors += errors;
        }
    }
    run.elapsed = started.elapsed();
    run
}

/// Requests at `rate` a second on a schedule; latency from when each was due.
async fn open(url: &str, cookie: &str, rate: u32, length: Duration) -> Run {
    let client = client(64);
    let started = Instant::now();
    let gap = Duration::from_secs_f64(1.0 / f64::from(rate.max(1)));
    let mut tasks = Vec::new();
    let mut due = started;
    while due.duration_since(started) < length {
        tokio::time::sleep_until(due.into()).await;
        let (client, url, cookie) = (client.clone(), url.to_owned(), cookie.to_owned());
        let scheduled = due;
        tasks.push(tokio::spawn(async move {
            let ok = one(&client, &url, &cookie).await;
            (ok, scheduled.elapsed())
        }));
        due += gap;
    }
    let mut run = Run {
        latencies: Vec::new(),
        errors: 0,
        elapsed: Duration::ZERO,
    };
    for task in tasks {
        match task.await {
            Ok((true, latency)) => run.latencies.push(latency),
            _ => run.errors += 1,
        }
    }
    run.elapsed = started.elapsed();
    run
}

fn line(target: &str, load: &str, run: &Run) {
    let out = format!(
        "{target:<24} {load:<12} {:>9.0} {:>9.2} {:>9.2} {:>7}",
        run.throughput(),
        run.percentile(50.0),
        run.percentile(99.0),
        run.errors
    );
    // The figures are this program's output.
    #[allow(clippy::print_stdout)]
    {
        println!("{out}");
    }
}

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [base, cookie, seconds, rate, targets @ ..] = args.as_slice() else {
        eprintln!("usage: omakanta-bench BASE COOKIE SECONDS RATE NAME=PATH[,STATIC] ...");
        std::process::exit(2);
    };
    let length = Duration::from_secs(seconds.parse().unwrap_or(5));
    let rate: u32 = rate.parse().unwrap_or(200);
    let loops: Vec<usize> = std::env::var("OMAKANTA_BENCH_CONNECTIONS")
        .unwrap_or_else(|_| "1,4,16".to_owned())
        .split(',')
        .filter_map(|n| n.trim().parse().ok())
        .collect();
    #[allow(clippy::print_stdout)]
    {
        println!(
            "{:<24} {:<12} {:>9} {:>9} {:>9} {:>7}",
            "target", "load", "req/s", "p50 ms", "p99 ms", "errors"
        );
    }
    for target in targets {
        let Some((name, paths)) = target.split_once('=') else {
            continue;
        };
        let (page, file) = paths.split_once(',').unwrap_or((paths, ""));
        for (label, path) in [(name.to_owned(), page), (format!("{name} (static)"), file)] {
            if path.is_empty() {
                continue;
            }
            let url = format!("{base}{path}");
            for &connections in &loops {
                let run = closed(&url, cookie, connections, length).await;
                line(&label, &format!("{connections} conn"), &run);
            }
            if rate > 0 {
                let run = open(&url, cookie, rate, length).await;
                line(&label, &format!("{rate}/s open"), &run);
            }
        }
    }
}
