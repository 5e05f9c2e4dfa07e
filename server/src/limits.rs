//! Rate limits: sign-in attempts per client, and state-changing requests per signed-in
//! person. A refusal is a translated page with `Retry-After`.
//!
//! - The client is the connection's peer, or, when the peer is a configured trusted
//!   proxy (`OMAKANTA_TRUSTED_PROXIES`), the address it forwards (`Forwarded`, else
//!   `X-Forwarded-For`, the nearest address not itself a trusted proxy). An IPv6 client
//!   is counted by its /64, which one subscriber holds.
//! - Counters live in this process's memory (capped: when full, new keys share one
//!   overflow counter) or, with `OMAKANTA_SHARED_LIMITS=database`, in the database that
//!   every server shares.

use std::collections::HashMap;
use std::net::{IpAddr, Ipv6Addr, SocketAddr};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use app::i18n::Lang;
use axum::body::Body;
use axum::extract::{ConnectInfo, State};
use axum::http::{header, HeaderMap, HeaderValue, Request, StatusCode};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};

use crate::AppState;

/// How many keys a counter in memory holds at most.
pub const MEMORY_KEYS: usize = 50_000;

/// Counts events per key in fixed windows, in memory.
#[derive(Debug)]
pub struct Limiter {
    per_window: u32,
    window: Duration,
    capacity: usize,
    counts: Mutex<HashMap<String, (Instant, u32)>>,
}

impl Limiter {
    #[must_use]
    pub fn new(per_window: u32, window: Duration) -> Self {
        Self::with_capacity(per_window, window, MEMORY_KEYS)
    }

    /// A limiter holding at most `capacity` keys.
    #[must_use]
    pub fn with_capacity(per_window: u32, window: Duration, capacity: usize) -> Self {
        Self {
            per_window,
            window,
            capacity: capacity.max(2),
            counts: Mutex::new(HashMap::new()),
        }
    }

    /// Counts one event for `key`; `false` when the key has used its window up. When
    /// the map is full of live windows, a new key is counted in one shared overflow
    /// key: a flood of new addresses is limited together and memory stays bounded.
    pub fn allow(&self, key: &str) -> bool {
        const OVERFLOW: &str = "\u{0}overflow";
        let now = Instant::now();
        let mut counts = self
            .counts
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        // Real keys take all places but one, which the overflow key keeps.
        let real =
            |c: &HashMap<String, (Instant, u32)>| c.len() - usize::from(c.contains_key(OVERFLOW));
        let key = if counts.contains_key(key) || real(&counts) < self.capacity - 1 {
            key
        } else {
            counts
                .retain(|k, (start, _)| k == OVERFLOW || now.duration_since(*start) < self.window);
            if real(&counts) < self.capacity - 1 {
                key
            } else {
                OVERFLOW
            }
        };
        let entry = counts.entry(key.to_owned()).or_insert((now, 0));
        if now.duration_since(entry.0) >= self.window {
            *entry = (now, 0);
        }
        entry.1 += 1;
        entry.1 <= self.per_window
    }

    /// How many keys are held.
    #[must_use]
    pub fn len(&self) -> usize {
        self.counts
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .len()
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Where the counters are kept.
#[derive(Debug)]
enum Store {
    Memory {
        sign_in: Limiter,
        writes: Limiter,
    },
    /// In the shared database (the archive's `rate_limit` table).
    Database,
}

/// The limits of one running app.
#[derive(Debug)]
pub struct Limits {
    sign_ins_per_minute: u32,
    writes_per_minute: u32,
    store: Store,
}

impl Limits {
    /// Limits counted in this process's memory.
    #[must_use]
    pub fn new(sign_ins_per_minute: u32, writes_per_minute: u32) -> Self {
        Self {
            sign_ins_per_minute,
            writes_per_minute,
            store: Store::Memory {
                sign_in: Limiter::new(sign_ins_per_minute, Duration::from_secs(60)),
                writes: Limiter::new(writes_per_minute, Duration::from_secs(60)),
            },
        }
    }

    /// Limits counted in the database, shared by every server that uses it.
    #[must_use]
    pub fn shared(sign_ins_per_minute: u32, writes_per_minute: u32) -> Self {
        Self {
            sign_ins_per_minute,
            writes_per_minute,
            store: Store::Database,
        }
    }

    /// Counts one event of `kind` for `key`; `false` when its window is used up. A
    /// database that cannot count fails closed for sign-ins and open for writes (which
    /// need a session, and the database, anyway).
    async fn allow(&self, state: &AppState, kind: Kind, key: &str) -> bool {
        let per_minute = match kind {
            Kind::SignIn => self.sign_ins_per_minute,
            Kind::Writes => self.writes_per_minute,
        };
        match &self.store {
            Store::Memory { sign_in, writes } => match kind {
                Kind::SignIn => sign_in.allow(key),
                Kind::Writes => writes.allow(key),
            },
            Store::Database => {
                match state
                    .archive
                    .count_event(&format!("{}:{key}", kind.code()), 60_000)
                    .await
                {
                    Ok(events) => events <= i64::from(per_minute),
                    Err(e) => {
                        tracing::error!(error = %e, limit = kind.code(), "cannot count");
                        kind == Kind::Writes
                    }
                }
            }
        }
    }
}

/// The two limits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    SignIn,
    Writes,
}

impl Kind {
    const fn code(self) -> &'static str {
        match self {
            Self::SignIn => "sign-in",
            Self::Writes => "writes",
        }
    }
}

/// Requests anyone may send signed out, counted per client with the sign-in
/// allowance: the sign-ins, and the accessibility feedback form.
fn is_sign_in(path: &str) -> bool {
    matches!(
        path,
        "/dev/sign-in" | "/auth/start" | "/auth/callback" | "/accessibility"
    )
}

/// The client a request comes from: the peer, or what a trusted proxy forwards.
#[must_use]
pub fn client_address(peer: IpAddr, headers: &HeaderMap, trusted: &[IpAddr]) -> IpAddr {
    let peer = canonical(peer);
    if !trusted.contains(&peer) {
        return peer;
    }
    // The addresses the proxies recorded, nearest last.
    let forwarded: Vec<IpAddr> = match headers.get(header::FORWARDED) {
        Some(v) => v
            .to_str()
            .unwrap_or("")
            .split(',')
            .filter_map(|element| {
                element.split(';').find_map(|pair| {
                    let (k, v) = pair.trim().split_once('=')?;
                    k.eq_ignore_ascii_case("for").then(|| parse_node(v))?
                })
            })
            .collect(),
        None => headers
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .filter_map(parse_node)
            .collect(),
    };
    forwarded
        .into_iter()
        .rev()
        .map(canonical)
        .find(|a| !trusted.contains(a))
        .unwrap_or(peer)
}

/// An address as `Forwarded` or `X-Forwarded-For` writes it: bare, quoted, bracketed
/// IPv6, with or without a port.
fn parse_node(raw: &str) -> Option<IpAddr> {
    let s = raw.trim().trim_matches('"');
    if let Ok(a) = s.parse::<IpAddr>() {
        return Some(a);
    }
    if let Some(rest) = s.strip_prefix('[') {
        return rest.split(']').next()?.parse().ok();
    }
    s.parse::<SocketAddr>()
        .ok()
        .map(|a| a.ip())
        .or_else(|| s.rsplit_once(':').and_then(|(h, _)| h.parse().ok()))
}

/// An IPv4 address in IPv6 clothing is the IPv4 address.
fn canonical(a: IpAddr) -> IpAddr {
    match a {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(a, IpAddr::V4),
        v4 @ IpAddr::V4(_) => v4,
    }
}

/// The key a client is counted by: an IPv4 address, or an IPv6 address's /64.
#[must_use]
pub fn client_key(a: IpAddr) -> String {
    match canonical(a) {
        IpAddr::V4(v4) => v4.to_string(),
        IpAddr::V6(v6) => {
            let s = v6.segments();
            format!("{}/64", Ipv6Addr::new(s[0], s[1], s[2], s[3], 0, 0, 0, 0))
        }
    }
}

/// Applies the limits before the request reaches its handler.
pub async fn enforce(State(state): State<AppState>, req: Request<Body>, next: Next) -> Response {
    let kind = if is_sign_in(req.uri().path()) {
        Some(Kind::SignIn)
    } else if req.method() == http::Method::POST {
        Some(Kind::Writes)
    } else {
        None
    };
    let key = match kind {
        Some(Kind::SignIn) => req.extensions().get::<ConnectInfo<SocketAddr>>().map(|c| {
            client_key(client_address(
                c.0.ip(),
                req.headers(),
                &state.config.trusted_proxies,
            ))
        }),
        // Per signed-in person, so a new session (a sign-in, a switch of whom to act
        // for) does not get a fresh allowance.
        Some(Kind::Writes) => req
            .extensions()
            .get::<app::ssr::Authenticated>()
            .map(|who| format!("person-{}", who.actor.person())),
        None => None,
    };
    if let (Some(kind), Some(key)) = (kind, key) {
        if !state.rate_limits.allow(&state, kind, &key).await {
            // Which limit, never the path: an address may name a person's object.
            tracing::warn!(limit = kind.code(), "rate limit hit");
            return too_many(Lang::of_request(req.headers()));
        }
    }
    next.run(req).await
}

fn too_many(lang: Lang) -> Response {
    let page = format!(
        "<!DOCTYPE html><html lang=\"{code}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{title}</title><link rel=\"stylesheet\" href=\"{css}\"></head><body><main class=\"mx-auto max-w-5xl px-4 py-6\"><h1 class=\"mb-4 text-3xl font-bold\">{title}</h1><p>{text}</p><p class=\"mt-4\"><a href=\"/\">{back}</a></p></main></body></html>",
        code = lang.code(),
        css = crate::stylesheet_href(),
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
    fn memory_stays_bounded_and_a_flood_of_new_keys_is_limited_together() {
        let l = Limiter::with_capacity(2, Duration::from_secs(60), 10);
        for i in 0..9 {
            assert!(l.allow(&format!("10.0.0.{i}")));
        }
        // The tenth key is the overflow; every new key after it shares it.
        assert!(l.allow("10.0.1.1") && l.allow("10.0.1.2"));
        assert!(!l.allow("10.0.1.3"), "the flood shares one allowance");
        assert_eq!(l.len(), 10);
        assert!(l.allow("10.0.0.1"), "a known client keeps its own");
    }

    fn ip(s: &str) -> IpAddr {
        s.parse().expect("address")
    }

    #[test]
    fn a_forwarded_client_counts_only_behind_a_trusted_proxy() {
        let proxy = ip("10.0.0.5");
        let mut h = HeaderMap::new();
        h.insert(
            "x-forwarded-for",
            "203.0.113.9, 198.51.100.7".parse().expect("h"),
        );
        assert_eq!(
            client_address(proxy, &h, &[]),
            proxy,
            "not trusted: the peer"
        );
        assert_eq!(
            client_address(proxy, &h, &[proxy]),
            ip("198.51.100.7"),
            "the nearest address the proxy saw"
        );
        assert_eq!(
            client_address(proxy, &h, &[proxy, ip("198.51.100.7")]),
            ip("203.0.113.9"),
            "trusted proxies along the way are skipped"
        );
        let mut f = HeaderMap::new();
        f.insert(
            header::FORWARDED,
            r#"for=192.0.2.60;proto=http, for="[2001:db8:cafe::17]:4711""#
                .parse()
                .expect("h"),
        );
        assert_eq!(client_address(proxy, &f, &[proxy]), ip("2001:db8:cafe::17"));
        // A client cannot pose as another by sending the header itself.
        assert_eq!(
            client_address(ip("203.0.113.9"), &h, &[proxy]),
            ip("203.0.113.9")
        );
    }

    #[test]
    fn an_ipv6_client_is_counted_by_its_64() {
        assert_eq!(
            client_key(ip("2001:db8:1:2:aaaa::1")),
            client_key(ip("2001:db8:1:2:bbbb::9"))
        );
        assert_ne!(
            client_key(ip("2001:db8:1:2::1")),
            client_key(ip("2001:db8:1:3::1"))
        );
        assert_eq!(client_key(ip("::ffff:192.0.2.1")), "192.0.2.1");
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
