//! The app over HTTP, as the tests drive it: the real application on a random port with
//! its own SQLite database filled with the demo data, a client that does not follow
//! redirects, and the steps a person takes (sign in, act for someone, post a form).

use std::net::SocketAddr;

use reqwest::redirect::Policy;
use reqwest::{Client, StatusCode};
use server::Config;

pub struct TestApp {
    pub base: String,
    pub client: Client,
    pub archive: archive::Archive,
    /// The folder of the app's database, for a second server on the same one.
    pub dir: std::sync::Arc<tempfile::TempDir>,
}

pub async fn spawn_app() -> TestApp {
    spawn_app_with(None, |_| {}).await
}

/// Starts the app with its configuration changed by `tweak`, on the database in `dir`
/// (another app's, to run several servers on one database) or a new one.
pub async fn spawn_app_with(
    dir: Option<std::sync::Arc<tempfile::TempDir>>,
    tweak: impl FnOnce(&mut Config),
) -> TestApp {
    let dir = dir.unwrap_or_else(|| std::sync::Arc::new(tempfile::tempdir().expect("temp dir")));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr: SocketAddr = listener.local_addr().expect("addr");
    let mut config = Config::development(
        format!("sqlite://{}?mode=rwc", dir.path().join("app.db").display()),
        addr,
        dir.path().display().to_string(),
    );
    tweak(&mut config);
    let archive = server::open_archive(&config).await.expect("archive");
    let served = archive.clone();
    tokio::spawn(async move {
        let _ = server::run(listener, config, served, None).await;
    });
    TestApp {
        base: format!("http://{addr}"),
        client: Client::builder()
            .redirect(Policy::none())
            // A request that hangs fails its test instead of holding up the whole run.
            .timeout(std::time::Duration::from_secs(30))
            .build()
            .expect("client"),
        archive,
        dir,
    }
}

impl TestApp {
    /// A demo person's access to their own data, straight from the app's archive.
    pub async fn own(&self, person: archive::model::PersonId) -> archive::Access {
        let actor = self.archive.demo_actor(person).await.expect("actor");
        self.archive
            .access(&actor, person, archive::Purpose::CitizenService)
            .await
            .expect("own")
    }

    /// A GET.
    pub async fn get(&self, path: &str, cookie: Option<&str>) -> reqwest::Response {
        let mut req = self.client.get(format!("{}{path}", self.base));
        if let Some(c) = cookie {
            req = req.header("cookie", c);
        }
        req.send().await.expect("request")
    }

    pub async fn post_form(
        &self,
        path: &str,
        form: &[(&str, &str)],
        cookie: Option<&str>,
    ) -> reqwest::Response {
        let body: String = form
            .iter()
            .map(|(k, v)| format!("{}={}", form_encode(k), form_encode(v)))
            .collect::<Vec<_>>()
            .join("&");
        let mut req = self
            .client
            .post(format!("{}{path}", self.base))
            .header("content-type", "application/x-www-form-urlencoded")
            .header("origin", &self.base)
            .body(body);
        if let Some(c) = cookie {
            req = req.header("cookie", c);
        }
        req.send().await.expect("request")
    }

    /// Signs in a demo person and returns the session cookie ("name=value").
    pub async fn sign_in(&self, person: &str) -> String {
        let res = self
            .post_form("/dev/sign-in", &[("person", person)], None)
            .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        let set = res
            .headers()
            .get("set-cookie")
            .expect("set-cookie")
            .to_str()
            .expect("ascii")
            .to_owned();
        assert!(set.contains("HttpOnly"), "{set}");
        assert!(set.contains("SameSite=Lax"), "{set}");
        assert!(set.contains("Path=/"), "{set}");
        set.split(';').next().expect("pair").to_owned()
    }
}

/// Switches whom the session acts for: `"self"`, or a person by the name the front page
/// offers (whose form names them by an opaque handle). Returns the new session cookie.
pub async fn act_for(app: &TestApp, cookie: &str, person: &str) -> String {
    let handle = if person == "self" {
        "self".to_owned()
    } else {
        let front = app.get("/", Some(cookie)).await.text().await.expect("body");
        let button = front
            .find(&format!("Asioi henkilön {person} puolesta"))
            .unwrap_or_else(|| panic!("an option to act for {person}"));
        let marker = r#"name="person" value=""#;
        let start = front[..button].rfind(marker).expect("the form's handle") + marker.len();
        front[start..].split('"').next().expect("handle").to_owned()
    };
    let res = app
        .post_form("/acting-for", &[("person", &handle)], Some(cookie))
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    res.headers()
        .get("set-cookie")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .expect("a new session cookie")
        .to_owned()
}

/// The seconds a refusal's `Retry-After` asks to wait.
pub fn retry_after(res: &reqwest::Response) -> u64 {
    res.headers()["retry-after"]
        .to_str()
        .expect("ascii")
        .parse()
        .expect("seconds")
}

pub fn form_key(html: &str) -> String {
    let at = html
        .find(r#"name="key" value=""#)
        .expect("the form has a key");
    html[at + 18..].split('"').next().expect("key").to_owned()
}

pub async fn renewable(
    app: &TestApp,
    person: archive::model::PersonId,
) -> archive::model::Prescription {
    let actor = app.archive.demo_actor(person).await.expect("actor");
    app.archive
        .access(&actor, person, archive::Purpose::CitizenService)
        .await
        .expect("own")
        .prescriptions()
        .await
        .expect("list")
        .into_iter()
        .find(|p| p.renewal_block.is_none() && !p.narcotic)
        .expect("renewable")
}

/// A value as a browser encodes it in a form body (application/x-www-form-urlencoded).
pub fn form_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'*' => {
                out.push(char::from(b));
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// The text a page's text area `id` holds, as the browser reads it: character
/// references decoded, and the one newline HTML drops after the start tag dropped.
pub fn text_area(html: &str, id: &str) -> String {
    let start = html
        .find(&format!("<textarea id=\"{id}\""))
        .unwrap_or_else(|| panic!("a text area {id}"));
    let open_end = start + html[start..].find('>').expect("start tag") + 1;
    let close = open_end + html[open_end..].find("</textarea>").expect("end tag");
    let raw = &html[open_end..close];
    let raw = raw.strip_prefix('\n').unwrap_or(raw);
    decode_references(raw)
}

/// Decodes the character references HTML escaping writes.
pub fn decode_references(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest.find(';').filter(|e| *e < 12);
        let decoded = end.and_then(|e| match &rest[1..e] {
            "lt" => Some('<'),
            "gt" => Some('>'),
            "amp" => Some('&'),
            "quot" => Some('"'),
            "apos" | "#39" | "#x27" => Some('\''),
            r if r.starts_with("#x") => u32::from_str_radix(&r[2..], 16)
                .ok()
                .and_then(char::from_u32),
            r if r.starts_with('#') => r[1..].parse().ok().and_then(char::from_u32),
            _ => None,
        });
        match (decoded, end) {
            (Some(c), Some(e)) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            _ => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}
