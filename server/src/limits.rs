//! Rate limits: sign-in attempts per client address, and state-changing requests per
//! session. A refusal is a translated page with `Retry-After`.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use app::i18n::Lang;
use axum::body::Body;
use axum::extract::{ConnectInfo, State};
use axum::http::{header, HeaderValue, Request, StatusCode};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};

use crate::AppState;

/// Counts events per key in fixed windows.
#[derive(Debug)]
pub struct Limiter {
    per_window: u32,
    window: Duration,
    counts: Mutex<HashMap<String, (Instant, u32)>>,
}

impl Limiter {
    #[must_use]
    pub fn new(per_window: u32, window: Duration) -> Self {
        Self {
            per_window,
            window,
            counts: Mutex::new(HashMap::new()),
        }
    }

    /// Counts one event for `key`; `false` when the key has used its window up.
    pub fn allow(&self, key: &str) -> bool {
        let now = Instant::now();
        let mut counts = self
            .counts
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if counts.len() > 50_000 {
            counts.retain(|_, (start, _)| now.duration_since(*start) < self.window);
        }
        let entry = counts.entry(key.to_owned()).or_insert((now, 0));
        if now.duration_since(entry.0) >= self.window {
            *entry = (now, 0);
        }
        entry.1 += 1;
        entry.1 <= self.per_window
    }
}

/// The limits of one running app.
#[derive(Debug)]
pub struct Limits {
    pub sign_in: Limiter,
    pub writes: Limiter,
}

impl Limits {
    #[must_use]
    pub fn new(sign_ins_per_minute: u32, writes_per_minute: u32) -> Self {
        Self {
            sign_in: Limiter::new(sign_ins_per_minute, Duration::from_secs(60)),
            writes: Limiter::new(writes_per_minute, Duration::from_secs(60)),
        }
    }
}

fn is_sign_in(path: &str) -> bool {
    matches!(path, "/dev/sign-in" | "/auth/start" | "/auth/callback")
}

/// Applies the limits before the request reaches its handler.
pub async fn enforce(State(state): State<AppState>, req: Request<Body>, next: Next) -> Response {
    let sign_in = is_sign_in(req.uri().path());
    let limited = if sign_in {
        let ip = req
            .extensions()
            .get::<ConnectInfo<SocketAddr>>()
            .map_or_else(|| "unknown".to_owned(), |c| c.0.ip().to_string());
        !state.rate_limits.sign_in.allow(&ip)
    } else if req.method() == http::Method::POST {
        req.extensions()
            .get::<app::ssr::Authenticated>()
            // Per signed-in person, so a new session (a sign-in, a switch of whom to act
            // for) does not get a fresh allowance.
            .is_some_and(|who| {
                !state
                    .rate_limits
                    .writes
                    .allow(&format!("person-{}", who.actor.person()))
            })
    } else {
        false
    };
    if limited {
        // Which limit, never the path: an address may name a person's object.
        let limit = if sign_in { "sign-in" } else { "writes" };
        tracing::warn!(limit, "rate limit hit");
        return too_many(Lang::of_request(req.headers()));
    }
    next.run(req).await
}

fn too_many(lang: Lang) -> Response {
    let page = format!(
        "<!DOCTYPE html><html lang=\"{code}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{title}</title><link rel=\"stylesheet\" href=\"/pkg/omakanta.css\"></head><body><main class=\"mx-auto max-w-5xl px-4 py-6\"><h1 class=\"mb-4 text-3xl font-bold\">{title}</h1><p>{text}</p><p class=\"mt-4\"><a href=\"/\">{back}</a></p></main></body></html>",
        code = lang.code(),
        title = app::ui::chart::escape(&lang.tr("rate-limited-title")),
        text = app::ui::chart::escape(&lang.tr("rate-limited-text")),
        back = app::ui::chart::escape(&lang.tr("back-to-front-page")),
    );
    let mut res = (StatusCode::TOO_MANY_REQUESTS, Html(page)).into_response();
    res.headers_mut()
        .insert(header::RETRY_AFTER, HeaderValue::from_static("60"));
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_gets_its_window_and_no_more() {
        let l = Limiter::new(3, Duration::from_secs(60));
        assert!((0..3).all(|_| l.allow("a")));
        assert!(!l.allow("a"));
        assert!(l.allow("b"), "keys are counted apart");
    }

    #[test]
    fn a_new_window_starts_afresh() {
        let l = Limiter::new(1, Duration::from_millis(20));
        assert!(l.allow("a"));
        assert!(!l.allow("a"));
        std::thread::sleep(Duration::from_millis(30));
        assert!(l.allow("a"));
    }
}
