//! Rate limits, each an allowance of events per key in a fixed window; a refusal is a
//! translated page with `Retry-After`. What each request is counted against
//! ([`counted`]):
//!
//! | allowance | counts | per | window |
//! |---|---|---|---|
//! | sign-ins | `POST /dev/sign-in`, `POST /auth/start`, `GET /auth/callback` | client | minute |
//! | anonymous writes | every other request that changes something, without a session | client | minute |
//! | writes | every request that changes something, signed in | person | minute |
//! | reads | every page or read, signed in (each writes audit rows for good) | person | minute and day |
//! | feedback | accessibility feedback sent | client, or person signed in | day |
//! | anonymous feedback | accessibility feedback sent without a session | everyone together | day |
//!
//! - The client is the connection's peer, or, when the peer is a configured trusted
//!   proxy (`OMAKANTA_TRUSTED_PROXIES`), the address that proxy added to the one header
//!   it is configured to write (`OMAKANTA_FORWARDED_HEADER`): [`client_address`]. An
//!   IPv6 client is counted by its /64, which one subscriber holds.
//! - Counters live in this process's memory (capped: when full, new clients share one
//!   overflow counter; new persons, who each need a strong identification, are let
//!   through) or, with `OMAKANTA_SHARED_LIMITS=database`, in the database that every
//!   server shares.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use app::i18n::{Lang, LangExt as _};
use axum::body::Body;
use axum::extract::{ConnectInfo, State};
use axum::http::{header, HeaderValue, Method, Request, StatusCode};
use axum::middleware::Next;
use axum::response::Response;

use crate::AppState;

/// How many client keys a counter in memory holds at most.
pub const CLIENT_KEYS: usize = 50_000;
/// How many persons a counter in memory holds at most.
pub const PERSON_KEYS: usize = 200_000;

const MINUTE: Duration = Duration::from_secs(60);
const DAY: Duration = Duration::from_secs(24 * 60 * 60);

/// One allowance: what it counts, per what, in which window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, strum::VariantArray)]
pub enum Kind {
    SignIn,
    AnonymousWrites,
    Writes,
    Reads,
    ReadsToday,
    Feedback,
    AnonymousFeedback,
}

impl Kind {
    pub const ALL: &'static [Self] = <Self as strum::VariantArray>::VARIANTS;

    /// Its name in logs and in the shared counters' keys.
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Self::SignIn => "sign-in",
            Self::AnonymousWrites => "anonymous-writes",
            Self::Writes => "writes",
            Self::Reads => "reads",
            Self::ReadsToday => "reads-today",
            Self::Feedback => "feedback",
            Self::AnonymousFeedback => "anonymous-feedback",
        }
    }

    /// The environment variable that sets its allowance.
    #[must_use]
    pub const fn setting(self) -> &'static str {
        match self {
            Self::SignIn => "OMAKANTA_SIGN_INS_PER_MINUTE",
            Self::AnonymousWrites => "OMAKANTA_ANONYMOUS_WRITES_PER_MINUTE",
            Self::Writes => "OMAKANTA_WRITES_PER_MINUTE",
            Self::Reads => "OMAKANTA_READS_PER_MINUTE",
            Self::ReadsToday => "OMAKANTA_READS_PER_DAY",
            Self::Feedback => "OMAKANTA_FEEDBACK_PER_DAY",
            Self::AnonymousFeedback => "OMAKANTA_ANONYMOUS_FEEDBACK_PER_DAY",
        }
    }

    #[must_use]
    pub const fn window(self) -> Duration {
        match self {
            Self::SignIn | Self::AnonymousWrites | Self::Writes | Self::Reads => MINUTE,
            Self::ReadsToday | Self::Feedback | Self::AnonymousFeedback => DAY,
        }
    }

    /// Whether its keys are persons (who each signed in with a strong identification)
    /// rather than network addresses (which one attacker may hold many of).
    const fn per_person(self) -> bool {
        matches!(self, Self::Writes | Self::Reads | Self::ReadsToday)
    }
}

/// How many events each allowance lets a key have in its window (README.md lists the
/// settings and their defaults).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Allowances {
    pub sign_ins_per_minute: u32,
    pub anonymous_writes_per_minute: u32,
    pub writes_per_minute: u32,
    /// Generous: a person reading, even quickly, makes a few requests a minute.
    pub reads_per_minute: u32,
    pub reads_per_day: u32,
    /// Feedback messages one client (or person) may send a day.
    pub feedback_per_day: u32,
    /// Feedback messages without a session that all clients together may send a day.
    pub anonymous_feedback_per_day: u32,
}

impl Default for Allowances {
    fn default() -> Self {
        Self {
            sign_ins_per_minute: 20,
            anonymous_writes_per_minute: 10,
            writes_per_minute: 60,
            reads_per_minute: 120,
            reads_per_day: 3_000,
            feedback_per_day: 10,
            anonymous_feedback_per_day: 1_000,
        }
    }
}

impl Allowances {
    #[must_use]
    pub const fn of(&self, kind: Kind) -> u32 {
        match kind {
            Kind::SignIn => self.sign_ins_per_minute,
            Kind::AnonymousWrites => self.anonymous_writes_per_minute,
            Kind::Writes => self.writes_per_minute,
            Kind::Reads => self.reads_per_minute,
            Kind::ReadsToday => self.reads_per_day,
            Kind::Feedback => self.feedback_per_day,
            Kind::AnonymousFeedback => self.anonymous_feedback_per_day,
        }
    }

    pub fn of_mut(&mut self, kind: Kind) -> &mut u32 {
        match kind {
            Kind::SignIn => &mut self.sign_ins_per_minute,
            Kind::AnonymousWrites => &mut self.anonymous_writes_per_minute,
            Kind::Writes => &mut self.writes_per_minute,
            Kind::Reads => &mut self.reads_per_minute,
            Kind::ReadsToday => &mut self.reads_per_day,
            Kind::Feedback => &mut self.feedback_per_day,
            Kind::AnonymousFeedback => &mut self.anonymous_feedback_per_day,
        }
    }
}

/// What a full counter in memory does with a key it has no place for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WhenFull {
    /// Counts it in one overflow key that every such key shares: a flood of new
    /// addresses is limited together, and memory stays bounded.
    Share,
    /// Lets it through uncounted.
    Allow,
}

/// Counts events per key in fixed windows, in memory.
#[derive(Debug)]
pub struct Limiter {
    per_window: u32,
    window: Duration,
    capacity: usize,
    when_full: WhenFull,
    counts: Mutex<HashMap<String, (Instant, u32)>>,
}

impl Limiter {
    /// A limiter holding at most `capacity` keys.
    #[must_use]
    pub fn new(per_window: u32, window: Duration, capacity: usize, when_full: WhenFull) -> Self {
        Self {
            per_window,
            window,
            capacity: capacity.max(2),
            when_full,
            counts: Mutex::new(HashMap::new()),
        }
    }

    /// Counts one event for `key`; `Err` with the time until its window ends when the
    /// key has used its window up.
    ///
    /// # Errors
    /// The time to wait, when refused.
    pub fn allow(&self, key: &str) -> Result<(), Duration> {
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
            } else if self.when_full == WhenFull::Allow {
                return Ok(());
            } else {
                OVERFLOW
            }
        };
        let entry = counts.entry(key.to_owned()).or_insert((now, 0));
        if now.duration_since(entry.0) >= self.window {
            *entry = (now, 0);
        }
        entry.1 = entry.1.saturating_add(1);
        if entry.1 <= self.per_window {
            Ok(())
        } else {
            Err(self.window.saturating_sub(now.duration_since(entry.0)))
        }
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
    /// One limiter an allowance, in [`Kind::ALL`]'s order.
    Memory(Vec<Limiter>),
    /// In the shared database (the archive's `rate_limit` table).
    Database,
}

/// The limits of one running app.
#[derive(Debug)]
pub struct Limits {
    allowances: Allowances,
    store: Store,
}

impl Limits {
    /// Limits counted in this process's memory.
    #[must_use]
    pub fn new(allowances: Allowances) -> Self {
        let limiters = Kind::ALL
            .iter()
            .map(|&kind| {
                let (capacity, when_full) = if kind.per_person() {
                    (PERSON_KEYS, WhenFull::Allow)
                } else {
                    (CLIENT_KEYS, WhenFull::Share)
                };
                Limiter::new(allowances.of(kind), kind.window(), capacity, when_full)
            })
            .collect();
        Self {
            allowances,
            store: Store::Memory(limiters),
        }
    }

    /// Limits counted in the database, shared by every server that uses it.
    #[must_use]
    pub fn shared(allowances: Allowances) -> Self {
        Self {
            allowances,
            store: Store::Database,
        }
    }

    /// Counts one event of `kind` for `key`; `Err` with the time to wait when its window
    /// is used up. A database that cannot count fails closed for what is counted by
    /// client (anyone may send it) and open for what is counted by person (which needs a
    /// session, and the database, anyway).
    async fn allow(&self, state: &AppState, kind: Kind, key: &str) -> Result<(), Duration> {
        match &self.store {
            Store::Memory(limiters) => {
                let index = Kind::ALL.iter().position(|k| *k == kind).unwrap_or(0);
                limiters.get(index).map_or(Ok(()), |l| l.allow(key))
            }
            Store::Database => {
                let window = kind.window();
                let window_ms = i64::try_from(window.as_millis()).unwrap_or(i64::MAX);
                let left = || {
                    let now_ms = std::time::SystemTime::now()
                        .duration_since(std::time::UNIX_EPOCH)
                        .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(0));
                    Duration::from_millis(
                        u64::try_from(window_ms - now_ms.rem_euclid(window_ms)).unwrap_or(0),
                    )
                };
                match state
                    .archive
                    .count_event(&format!("{}:{key}", kind.code()), window_ms)
                    .await
                {
                    Ok(events) if events <= i64::from(self.allowances.of(kind)) => Ok(()),
                    Ok(_) => Err(left()),
                    Err(e) => {
                        tracing::error!(error = %e, limit = kind.code(), "cannot count");
                        if kind.per_person() {
                            Ok(())
                        } else {
                            Err(MINUTE)
                        }
                    }
                }
            }
        }
    }
}

/// Paths of the accessibility feedback, the one write anyone may make signed out.
fn is_feedback(method: &Method, path: &str) -> bool {
    path == "/api/accessibility-feedback" || (path == "/accessibility" && !is_read(method))
}

fn is_read(method: &Method) -> bool {
    *method == Method::GET || *method == Method::HEAD
}

/// The allowances a request is counted against, in order, each with its key: `person`
/// is the signed-in person's key, `client` the client's ([`client_key`]). The first
/// one used up refuses the request, and the ones after it are not counted.
#[must_use]
pub fn counted(
    method: &Method,
    path: &str,
    person: Option<String>,
    client: Option<String>,
) -> Vec<(Kind, String)> {
    let sign_in = match path {
        "/dev/sign-in" | "/auth/start" => *method == Method::POST,
        "/auth/callback" => true,
        _ => false,
    };
    let feedback = is_feedback(method, path);
    let mut counted = Vec::new();
    let mut add = |kind: Kind, key: Option<String>| {
        if let Some(key) = key {
            counted.push((kind, key));
        }
    };
    if sign_in {
        add(Kind::SignIn, client);
    } else if is_read(method) && !feedback {
        if person.is_some() {
            add(Kind::Reads, person.clone());
            add(Kind::ReadsToday, person);
        }
    } else if person.is_some() {
        add(Kind::Writes, person.clone());
        if feedback {
            add(Kind::Feedback, person);
        }
    } else {
        add(Kind::AnonymousWrites, client.clone());
        if feedback {
            add(Kind::Feedback, client);
            add(Kind::AnonymousFeedback, Some("everyone".to_owned()));
        }
    }
    counted
}

mod client;
pub use client::{client_address, client_key, ForwardedHeader};

/// Applies the limits before the request reaches its handler.
pub async fn enforce(State(state): State<AppState>, req: Request<Body>, next: Next) -> Response {
    // Per signed-in person, so a new session (a sign-in, a switch of whom to act for)
    // does not get a fresh allowance.
    let person = req
        .extensions()
        .get::<app::ssr::Authenticated>()
        .map(|who| format!("person-{}", who.actor.person()));
    let client = req.extensions().get::<ConnectInfo<SocketAddr>>().map(|c| {
        client_key(client_address(
            c.0.ip(),
            req.headers(),
            &state.config.trusted_proxies,
            state.config.forwarded_header,
        ))
    });
    for (kind, key) in counted(req.method(), req.uri().path(), person, client) {
        if let Err(wait) = state.rate_limits.allow(&state, kind, &key).await {
            // Which limit, never the path: an address may name a person's object.
            tracing::warn!(limit = kind.code(), "rate limit hit");
            return too_many(Lang::of_request(req.headers()), kind, wait);
        }
    }
    next.run(req).await
}

/// The translated page that says a limit was met, and when to try again.
fn too_many(lang: Lang, kind: Kind, wait: Duration) -> Response {
    let seconds = wait.as_secs().max(1);
    let text = match kind {
        Kind::AnonymousFeedback => lang.tr("rate-limited-busy-text"),
        _ if kind.window() == MINUTE => lang.tr("rate-limited-text"),
        _ => {
            let hours = seconds.div_ceil(3600);
            lang.tr_args(
                "rate-limited-day-text",
                &[("hours", app::i18n::count(hours))],
            )
        }
    };
    let mut res = crate::plain_page(
        lang,
        StatusCode::TOO_MANY_REQUESTS,
        &lang.tr("rate-limited-title"),
        &text,
    );
    if let Ok(after) = HeaderValue::from_str(&seconds.to_string()) {
        res.headers_mut().insert(header::RETRY_AFTER, after);
    }
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limiter(per_window: u32, window: Duration) -> Limiter {
        Limiter::new(per_window, window, CLIENT_KEYS, WhenFull::Share)
    }

    #[test]
    fn a_key_gets_its_window_and_no_more() {
        let l = limiter(3, MINUTE);
        assert!((0..3).all(|_| l.allow("a").is_ok()));
        let wait = l.allow("a").expect_err("the fourth");
        assert!(wait > Duration::from_secs(59) && wait <= MINUTE, "{wait:?}");
        assert!(l.allow("b").is_ok(), "keys are counted apart");
    }

    #[test]
    fn memory_stays_bounded_and_a_flood_of_new_clients_is_limited_together() {
        let l = Limiter::new(2, MINUTE, 10, WhenFull::Share);
        for i in 0..9 {
            assert!(l.allow(&format!("10.0.0.{i}")).is_ok());
        }
        // The tenth key is the overflow; every new key after it shares it.
        assert!(l.allow("10.0.1.1").is_ok() && l.allow("10.0.1.2").is_ok());
        assert!(
            l.allow("10.0.1.3").is_err(),
            "the flood shares one allowance"
        );
        assert_eq!(l.len(), 10);
        assert!(l.allow("10.0.0.1").is_ok(), "a known client keeps its own");
    }

    #[test]
    fn a_full_counter_of_persons_lets_a_new_person_through_and_stays_bounded() {
        let l = Limiter::new(1, DAY, 4, WhenFull::Allow);
        for i in 0..3 {
            assert!(l.allow(&format!("person-{i}")).is_ok());
        }
        for _ in 0..5 {
            assert!(l.allow("person-99").is_ok(), "no shared allowance to meet");
        }
        assert_eq!(l.len(), 3);
        assert!(
            l.allow("person-0").is_err(),
            "a known person keeps their own"
        );
    }

    #[test]
    fn a_new_window_starts_afresh() {
        let l = limiter(1, Duration::from_millis(20));
        assert!(l.allow("a").is_ok());
        assert!(l.allow("a").is_err());
        std::thread::sleep(Duration::from_millis(30));
        assert!(l.allow("a").is_ok());
    }

    fn kinds(method: Method, path: &str, signed_in: bool) -> Vec<Kind> {
        let person = signed_in.then(|| "person-1".to_owned());
        counted(&method, path, person, Some("192.0.2.1".into()))
            .into_iter()
            .map(|(kind, _)| kind)
            .collect()
    }

    #[test]
    fn each_request_is_counted_against_what_it_uses() {
        use Kind::*;
        assert_eq!(kinds(Method::POST, "/dev/sign-in", false), [SignIn]);
        assert_eq!(kinds(Method::POST, "/auth/start", false), [SignIn]);
        assert_eq!(kinds(Method::GET, "/auth/callback", false), [SignIn]);
        assert!(
            kinds(Method::GET, "/accessibility", false).is_empty(),
            "reading the statement uses no one's sign-in allowance"
        );
        assert!(kinds(Method::GET, "/", false).is_empty());
        for path in ["/accessibility", "/api/accessibility-feedback"] {
            assert_eq!(
                kinds(Method::POST, path, false),
                [AnonymousWrites, Feedback, AnonymousFeedback],
                "{path}"
            );
            assert_eq!(
                kinds(Method::POST, path, true),
                [Writes, Feedback],
                "{path}"
            );
        }
        assert_eq!(
            kinds(Method::GET, "/api/accessibility-feedback", false),
            [AnonymousWrites, Feedback, AnonymousFeedback],
            "however it is asked"
        );
        assert_eq!(kinds(Method::POST, "/language", false), [AnonymousWrites]);
        assert_eq!(kinds(Method::POST, "/living-will", true), [Writes]);
        assert_eq!(kinds(Method::GET, "/records", true), [Reads, ReadsToday]);
        assert_eq!(kinds(Method::HEAD, "/", true), [Reads, ReadsToday]);
    }

    #[test]
    fn every_allowance_has_its_own_setting_and_code() {
        let mut a = Allowances::default();
        for (i, &kind) in Kind::ALL.iter().enumerate() {
            *a.of_mut(kind) = u32::try_from(i).expect("small") + 100;
        }
        for (i, &kind) in Kind::ALL.iter().enumerate() {
            assert_eq!(a.of(kind), u32::try_from(i).expect("small") + 100);
        }
        let codes: std::collections::HashSet<_> = Kind::ALL.iter().map(|k| k.code()).collect();
        let settings: std::collections::HashSet<_> =
            Kind::ALL.iter().map(|k| k.setting()).collect();
        assert_eq!((codes.len(), settings.len()), (7, 7));
    }
}
