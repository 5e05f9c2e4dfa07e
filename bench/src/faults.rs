//! Renewal requests under faults; prints what it counted and asserts nothing.
//!
//! Starts the server (the release binary) on a database of its own with the demo data
//! and the renewal desk at a one-second pace (so that a prescription can be asked for
//! again within the run), signs in every demo person and finds the prescriptions whose
//! page offers the renewal form. Several clients then post renewal requests as the
//! form does, each with a key of its own; a request that meets a broken connection or
//! a server error is sent again with the same key (as a browser's resubmission would)
//! until it is answered. A third of the way through, the server is killed (SIGKILL)
//! and started again; two thirds through, PostgreSQL is restarted (given a command for
//! it) or the server is killed again.
//!
//! Afterwards it reads the database: every key answered 303 must be stored once, every
//! key answered with a refusal not at all, no key twice, and every stored request must
//! have the audit event it was written with.
//!
//! `omakanta-faults SERVER DATABASE_URL SITE_ROOT SECONDS [RESTART-POSTGRES-COMMAND...]`

use std::collections::BTreeMap;
use std::process::{Child, Command};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use reqwest::{redirect, Client, StatusCode};

/// Clients posting at once.
const CLIENTS: usize = 8;

/// How long a request may wait to be answered after the load has stopped.
const GRACE: Duration = Duration::from_secs(60);

/// What the run prints; the figures are this program's output.
macro_rules! say {
    ($($arg:tt)*) => {{
        #[allow(clippy::print_stdout)]
        {
            println!($($arg)*);
        }
    }};
}

struct Server {
    binary: String,
    database: String,
    site: String,
    port: u16,
    log: String,
    child: Option<Child>,
}

impl Server {
    fn base(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    fn start(&mut self) -> std::io::Result<()> {
        let log = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&self.log)?;
        // The server logs to standard output.
        let out = log.try_clone()?;
        let child = Command::new(&self.binary)
            .env("OMAKANTA_ENV", "development")
            .env("OMAKANTA_ADDR", format!("127.0.0.1:{}", self.port))
            .env("OMAKANTA_DATABASE_URL", &self.database)
            .env("OMAKANTA_RENEWAL_DESK_SECONDS", "1")
            .env("OMAKANTA_WRITES_PER_MINUTE", "1000000")
            .env("OMAKANTA_READS_PER_MINUTE", "1000000")
            .env("OMAKANTA_READS_PER_DAY", "1000000")
            .env("LEPTOS_SITE_ROOT", &self.site)
            .env("RUST_LOG", "warn")
            .stdout(out)
            .stderr(log)
            .spawn()?;
        self.child = Some(child);
        Ok(())
    }

    /// SIGKILL: nothing of the server's own shutdown runs.
    fn kill(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    /// How long until a page read from the database is served again.
    async fn wait_serving(&self, client: &Client, target: &Target) -> Option<Duration> {
        let started = Instant::now();
        while started.elapsed() < Duration::from_secs(120) {
            if let Ok(res) = client
                .get(format!("{}{}", self.base(), target.path))
                .header("cookie", &target.cookie)
                .send()
                .await
            {
                if res.status().is_success() {
                    return Some(started.elapsed());
                }
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        None
    }

    async fn wait_ready(&self, client: &Client) -> Option<Duration> {
        let started = Instant::now();
        while started.elapsed() < Duration::from_secs(120) {
            if let Ok(res) = client.get(self.base()).send().await {
                if res.status().is_success() {
                    return Some(started.elapsed());
                }
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        None
    }
}

/// A prescription whose page offers the renewal form, as one person sees it.
#[derive(Clone)]
struct Target {
    cookie: String,
    path: String,
    organisation: String,
}

/// How one request (one key) ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Answer {
    /// 303: the request was taken.
    SeeOther,
    /// A refusal the client saw (422 for a rule, 429, ...).
    Refused(u16),
    /// Never answered within the grace time.
    Unanswered,
}

#[derive(Default)]
struct Counters {
    attempts: AtomicUsize,
    broken: AtomicUsize,
    server_errors: AtomicUsize,
}

/// Every piece of `text` that follows `start`, up to `end`.
fn between<'a>(text: &'a str, start: &str, end: char) -> Vec<&'a str> {
    text.match_indices(start)
        .filter_map(|(at, _)| {
            let rest = &text[at + start.len()..];
            rest.find(end).map(|stop| &rest[..stop])
        })
        .collect()
}

/// A form body as a browser encodes it (application/x-www-form-urlencoded).
fn form_body(fields: &[(&str, &str)]) -> String {
    let encode = |s: &str| {
        s.bytes()
            .map(|b| match b {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'*' => {
                    char::from(b).to_string()
                }
                b' ' => "+".to_owned(),
                _ => format!("%{b:02X}"),
            })
            .collect::<String>()
    };
    fields
        .iter()
        .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

async fn sign_in(client: &Client, base: &str, person: &str) -> Option<String> {
    let res = client
        .post(format!("{base}/dev/sign-in"))
        .header("origin", base)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(form_body(&[("person", person)]))
        .send()
        .await
        .ok()?;
    let cookie = res.headers().get("set-cookie")?.to_str().ok()?;
    Some(cookie.split(';').next()?.to_owned())
}

async fn page(client: &Client, base: &str, path: &str, cookie: &str) -> String {
    match client
        .get(format!("{base}{path}"))
        .header("cookie", cookie)
        .send()
        .await
    {
        Ok(res) => res.text().await.unwrap_or_default(),
        Err(_) => String::new(),
    }
}

async fn targets(client: &Client, base: &str) -> Vec<Target> {
    let mut found = Vec::new();
    for person in 1001..=1007 {
        let Some(cookie) = sign_in(client, base, &person.to_string()).await else {
            continue;
        };
        let list = page(client, base, "/prescriptions", &cookie).await;
        let mut paths: Vec<String> = between(&list, "href=\"/prescriptions/", '"')
            .into_iter()
            .filter(|id| !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit()))
            .map(|id| format!("/prescriptions/{id}"))
            .collect();
        paths.dedup();
        for path in paths {
            let html = page(client, base, &path, &cookie).await;
            if !html.contains("name=\"key\"") {
                continue;
            }
            if let Some(organisation) = between(&html, "<option value=\"", '"')
                .into_iter()
                .find(|v| !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit()))
            {
                found.push(Target {
                    cookie: cookie.clone(),
                    path,
                    organisation: organisation.to_owned(),
                });
            }
        }
    }
    found
}

/// Sends one request until it is answered (the same key each time).
async fn send(
    client: &Client,
    base: &str,
    target: &Target,
    key: &str,
    until: Instant,
    counters: &Counters,
) -> Answer {
    let form = form_body(&[
        ("organisation", target.organisation.as_str()),
        ("message", "Lääke loppuu."),
        ("key", key),
    ]);
    while Instant::now() < until {
        counters.attempts.fetch_add(1, Ordering::Relaxed);
        match client
            .post(format!("{base}{}", target.path))
            .header("origin", base)
            .header("cookie", &target.cookie)
            .header("content-type", "application/x-www-form-urlencoded")
            .body(form.clone())
            .send()
            .await
        {
            Ok(res) if res.status() == StatusCode::SEE_OTHER => return Answer::SeeOther,
            Ok(res) if res.status().is_server_error() => {
                counters.server_errors.fetch_add(1, Ordering::Relaxed);
            }
            Ok(res) => {
                // Read the page through: a refusal is an answer only when it arrived.
                let status = res.status().as_u16();
                if res.bytes().await.is_ok() {
                    return Answer::Refused(status);
                }
                counters.broken.fetch_add(1, Ordering::Relaxed);
            }
            Err(_) => {
                counters.broken.fetch_add(1, Ordering::Relaxed);
            }
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    Answer::Unanswered
}

/// What the database holds of the run's keys.
struct Stored {
    rows_by_key: BTreeMap<String, i64>,
    without_event: i64,
}

async fn stored(database: &str, prefix: &str) -> Result<Stored, sqlx::Error> {
    sqlx::any::install_default_drivers();
    let pool = sqlx::AnyPool::connect(database).await?;
    let rows: Vec<(String, i64)> = sqlx::query_as(
        "SELECT idempotency_key, COUNT(*) FROM renewal_request \
         WHERE idempotency_key LIKE $1 GROUP BY idempotency_key",
    )
    .bind(format!("{prefix}%"))
    .fetch_all(&pool)
    .await?;
    // A request stored without the event its transaction wrote would be half-written.
    let (without_event,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM renewal_request r WHERE r.idempotency_key LIKE $1 \
         AND NOT EXISTS (SELECT 1 FROM audit_event a WHERE a.subject_id = r.person_id \
         AND a.action = 'prescriptions.renewal-request' AND a.object_id = r.prescription_id \
         AND a.outcome = 'ok' AND a.at_ms BETWEEN r.created_ms - 60000 AND r.created_ms + 60000)",
    )
    .bind(format!("{prefix}%"))
    .fetch_one(&pool)
    .await?;
    pool.close().await;
    Ok(Stored {
        rows_by_key: rows.into_iter().collect(),
        without_event,
    })
}

#[allow(clippy::too_many_lines)]
#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [binary, database, site, seconds, restart_postgres @ ..] = args.as_slice() else {
        eprintln!(
            "usage: omakanta-faults SERVER DATABASE_URL SITE_ROOT SECONDS [RESTART-POSTGRES-COMMAND...]"
        );
        std::process::exit(2);
    };
    let length = Duration::from_secs(seconds.parse().unwrap_or(30));
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .unwrap_or(3999);
    let mut server = Server {
        binary: binary.clone(),
        database: database.clone(),
        site: site.clone(),
        port,
        log: format!("{site}/../faults-server.log"),
        child: None,
    };
    let client = Client::builder()
        .redirect(redirect::Policy::none())
        .timeout(Duration::from_secs(10))
        .build()
        .unwrap_or_default();
    if let Err(e) = server.start() {
        eprintln!("the server did not start: {e}");
        std::process::exit(1);
    }
    if server.wait_ready(&client).await.is_none() {
        eprintln!("the server did not answer");
        server.kill();
        std::process::exit(1);
    }
    let base = server.base();
    let targets = Arc::new(targets(&client, &base).await);
    if targets.is_empty() {
        eprintln!("no prescription offers the renewal form");
        server.kill();
        std::process::exit(1);
    }
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or_default();
    let prefix = format!("faults-{nanos:x}-");
    let counters = Arc::new(Counters::default());
    let started = Instant::now();
    let stop = started + length;
    let until = stop + GRACE;

    let clients: Vec<_> = (0..CLIENTS)
        .map(|c| {
            let (client, base, targets, counters, prefix) = (
                client.clone(),
                base.clone(),
                Arc::clone(&targets),
                Arc::clone(&counters),
                prefix.clone(),
            );
            tokio::spawn(async move {
                let mut answers = Vec::new();
                let mut n = 0_usize;
                while Instant::now() < stop {
                    let target = &targets[(c + n) % targets.len()];
                    let key = format!("{prefix}{c:02}-{n:06}");
                    let answer = send(&client, &base, target, &key, until, &counters).await;
                    answers.push((key, answer));
                    n += 1;
                    tokio::time::sleep(Duration::from_millis(20)).await;
                }
                answers
            })
        })
        .collect();

    // The faults, while the clients post.
    tokio::time::sleep(length / 3).await;
    server.kill();
    let killed_at = started.elapsed();
    if let Err(e) = server.start() {
        eprintln!("the server did not start again: {e}");
    }
    let back_after = server.wait_ready(&client).await;
    tokio::time::sleep_until((started + length * 2 / 3).into()).await;
    let second = if let [command, rest @ ..] = restart_postgres {
        let at = started.elapsed();
        let restarted = Command::new(command).args(rest).status();
        let answered_after = server.wait_serving(&client, &targets[0]).await;
        format!(
            "PostgreSQL restarted at {:.1} s ({}); pages read from it served again {} after the restart command returned",
            at.as_secs_f64(),
            restarted.map_or_else(|e| e.to_string(), |s| s.to_string()),
            answered_after.map_or("never".to_owned(), |d| format!("{:.1} s", d.as_secs_f64()))
        )
    } else {
        server.kill();
        let at = started.elapsed();
        let _ = server.start();
        let back = server.wait_ready(&client).await;
        format!(
            "server killed again at {:.1} s, answering again {} later",
            at.as_secs_f64(),
            back.map_or("never".to_owned(), |d| format!("{:.1} s", d.as_secs_f64()))
        )
    };

    let mut answers = Vec::new();
    for task in clients {
        if let Ok(mut a) = task.await {
            answers.append(&mut a);
        }
    }
    // Let the desk settle nothing more: the rows are what they are once answered.
    let still_serving = client
        .get(format!("{base}/prescriptions"))
        .header("cookie", &targets[0].cookie)
        .send()
        .await
        .map(|r| r.status().as_u16())
        .unwrap_or(0);
    server.kill();

    let stored = match stored(database, &prefix).await {
        Ok(s) => s,
        Err(e) => {
            eprintln!("the database could not be read: {e}");
            std::process::exit(1);
        }
    };
    let rows = |key: &str| stored.rows_by_key.get(key).copied().unwrap_or(0);
    let mut by_answer: BTreeMap<Answer, usize> = BTreeMap::new();
    let (mut seen_once, mut seen_missing, mut refused_stored, mut unanswered_stored) = (0, 0, 0, 0);
    for (key, answer) in &answers {
        *by_answer.entry(*answer).or_default() += 1;
        match (answer, rows(key)) {
            (Answer::SeeOther, 1) => seen_once += 1,
            (Answer::SeeOther, _) => seen_missing += 1,
            (Answer::Refused(_), n) if n > 0 => refused_stored += 1,
            (Answer::Unanswered, n) if n > 0 => unanswered_stored += 1,
            _ => {}
        }
    }
    let doubled = stored.rows_by_key.values().filter(|&&n| n > 1).count();
    let stored_total: i64 = stored.rows_by_key.values().sum();
    let log = std::fs::read_to_string(&server.log).unwrap_or_default();

    say!(
        "load: {CLIENTS} clients for {} s over {} prescriptions of the demo persons; desk pace 1 s",
        length.as_secs(),
        targets.len()
    );
    say!(
        "faults: server killed (SIGKILL) at {:.1} s, answering again {} later; {second}",
        killed_at.as_secs_f64(),
        back_after.map_or("never".to_owned(), |d| format!("{:.1} s", d.as_secs_f64()))
    );
    say!("requests (keys) sent                 {:>7}", answers.len());
    say!(
        "  posts, with resubmissions          {:>7}",
        counters.attempts.load(Ordering::Relaxed)
    );
    say!(
        "  resubmitted after a broken link   {:>7}",
        counters.broken.load(Ordering::Relaxed)
    );
    say!(
        "  resubmitted after a 5xx            {:>7}",
        counters.server_errors.load(Ordering::Relaxed)
    );
    for (answer, n) in &by_answer {
        let what = match answer {
            Answer::SeeOther => "answered 303 (taken)".to_owned(),
            Answer::Refused(code) => format!("answered {code} (refused)"),
            Answer::Unanswered => "never answered".to_owned(),
        };
        say!("{what:<37}{n:>7}");
    }
    say!("stored (rows under the run's keys)   {stored_total:>7}");
    say!("answered 303 and stored once         {seen_once:>7}");
    say!("answered 303 and not stored once     {seen_missing:>7}");
    say!("refused yet stored                   {refused_stored:>7}");
    say!("never answered, stored               {unanswered_stored:>7}");
    say!("stored twice (doubled)               {doubled:>7}");
    say!(
        "stored without its audit event       {:>7}",
        stored.without_event
    );
    say!("after the faults, /prescriptions     {still_serving:>7}");
    say!(
        "server log lines at warn or above    {:>7}",
        log.lines().count()
    );
}
