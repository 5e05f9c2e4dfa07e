//! The audit's promise under a crash: the server is killed (SIGKILL) while clients load
//! documents, and afterwards every document a client received has its audit event.

use std::collections::HashMap;
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use reqwest::redirect::Policy;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_document_a_client_received_has_its_audit_event_after_a_kill() {
    let dir = tempfile::tempdir().expect("temp dir");
    let url = format!(
        "sqlite://{}?mode=rwc",
        dir.path().join("crash.db").display()
    );
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port();
    let base = format!("http://127.0.0.1:{port}");
    let mut server = Command::new(env!("CARGO_BIN_EXE_omakanta"))
        .env("OMAKANTA_ENV", "development")
        .env("OMAKANTA_ADDR", format!("127.0.0.1:{port}"))
        .env("OMAKANTA_DATABASE_URL", &url)
        .env("OMAKANTA_RENEWAL_DESK_SECONDS", "off")
        .env("OMAKANTA_WRITES_PER_MINUTE", "100000")
        .env("LEPTOS_SITE_ROOT", dir.path())
        .env("RUST_LOG", "error")
        .stdout(Stdio::null())
        .spawn()
        .expect("the server starts");
    let client = reqwest::Client::builder()
        .redirect(Policy::none())
        .timeout(Duration::from_secs(30))
        .build()
        .expect("client");
    let started = Instant::now();
    while client.get(format!("{base}/")).send().await.is_err() {
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "the server did not start"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let signed_in = client
        .post(format!("{base}/dev/sign-in"))
        .header("content-type", "application/x-www-form-urlencoded")
        .header("origin", &base)
        .body("person=1002")
        .send()
        .await
        .expect("sign in");
    let cookie = signed_in
        .headers()
        .get("set-cookie")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .expect("a session")
        .to_owned();
    let list = client
        .get(format!("{base}/records"))
        .header("cookie", &cookie)
        .send()
        .await
        .expect("records")
        .text()
        .await
        .expect("body");
    let documents: Vec<String> = list
        .split("href=\"/records/")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(str::to_owned)
        .collect();
    assert!(documents.len() >= 20, "documents to open");

    // Sixteen clients open documents until the server dies under them.
    let received: Arc<Mutex<HashMap<String, usize>>> = Arc::default();
    let clients: Vec<_> = (0..16)
        .map(|c| {
            let (client, base, cookie) = (client.clone(), base.clone(), cookie.clone());
            let (documents, received) = (documents.clone(), received.clone());
            tokio::spawn(async move {
                for i in 0.. {
                    let doc = &documents[(c * 7 + i) % documents.len()];
                    let Ok(res) = client
                        .get(format!("{base}/records/{doc}"))
                        .header("cookie", &cookie)
                        .send()
                        .await
                    else {
                        break;
                    };
                    let ok = res.status().is_success();
                    // Received means the whole page arrived.
                    match res.text().await {
                        Ok(body) if ok && body.contains("</html>") => {
                            *received
                                .lock()
                                .expect("lock")
                                .entry(doc.clone())
                                .or_default() += 1;
                        }
                        _ => break,
                    }
                }
            })
        })
        .collect();
    tokio::time::sleep(Duration::from_millis(1500)).await;
    server.kill().expect("SIGKILL");
    let _ = server.wait();
    for c in clients {
        let _ = c.await;
    }

    let received = received.lock().expect("lock").clone();
    let pages: usize = received.values().sum();
    assert!(
        pages > 16,
        "the clients received pages before the kill ({pages})"
    );
    let archive = archive::Archive::open(&url, Arc::new(archive::clock::SystemClock))
        .await
        .expect("the database after the kill");
    let trail = archive::inspect::audit_trail(&archive, archive::demo::ids::HEAVY_USER)
        .await
        .expect("trail");
    let mut recorded: HashMap<String, usize> = HashMap::new();
    for e in trail
        .iter()
        .filter(|e| e.action == "records.read" && e.outcome == "ok")
    {
        if let Some(object) = e.object {
            *recorded.entry(object.to_string()).or_default() += 1;
        }
    }
    for (doc, times) in &received {
        let events = recorded.get(doc).copied().unwrap_or(0);
        assert!(
            events >= *times,
            "document {doc} was received {times} times but has {events} audit events"
        );
    }
    // Printed for the record: how much went through before the kill.
    eprintln!(
        "{pages} pages received before the kill, each with its audit event ({} documents)",
        received.len()
    );
}
