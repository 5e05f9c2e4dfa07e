//! Server-side sign-in sessions. The browser holds a random token; the archive keeps
//! only its SHA-256, so a copy of the database signs nobody in. Whom a session may act
//! for is in `proxies`, the language a person chose in `language`, the sign-in under
//! way at the identity provider in `login`, the demo persons in `demo`.

mod demo;
mod language;
mod login;
mod proxies;
pub(crate) use proxies::ProxyCounts;

pub use login::{LoginAttempt, LOGIN_ATTEMPT_LIFETIME};

use std::fmt;

use rand::TryRngCore;
use sha2::{Digest, Sha256};
use time::Duration;

use crate::access::{unix_ms, Action, Actor, Archive, Purpose};
use crate::audit_writer::{write_audit, AuditEvent};
use crate::error::ArchiveError;
use crate::model::{ActingFor, PersonId, SignedIn};

/// The secret the browser holds. Its `Debug` does not show it.
#[derive(Clone, PartialEq, Eq)]
pub struct SessionToken(String);

impl SessionToken {
    /// Wraps a token read from a cookie. Anything not shaped like a token is refused
    /// here, before it reaches the database.
    #[must_use]
    pub fn from_cookie(value: &str) -> Option<Self> {
        (value.len() == 64 && value.bytes().all(|b| b.is_ascii_hexdigit()))
            .then(|| Self(value.to_ascii_lowercase()))
    }

    /// A fresh random token; `None` only if the operating system's generator fails.
    #[must_use]
    pub fn random() -> Option<Self> {
        let mut bytes = [0u8; 32];
        rand::rngs::OsRng.try_fill_bytes(&mut bytes).ok()?;
        Some(Self(hex::encode(bytes)))
    }

    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub(crate) fn hash(&self) -> String {
        hex::encode(Sha256::digest(self.0.as_bytes()))
    }
}

impl fmt::Debug for SessionToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SessionToken(redacted)")
    }
}

/// How long a session may live.
#[derive(Debug, Clone, Copy)]
pub struct SessionLimits {
    pub idle: Duration,
    pub absolute: Duration,
}

impl Default for SessionLimits {
    fn default() -> Self {
        Self {
            idle: Duration::minutes(30),
            absolute: Duration::hours(12),
        }
    }
}

/// Whom a form asks to act for: oneself, or someone by the handle the session's proxy
/// options gave (never a person's id).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActFor<'a> {
    Own,
    Handle(&'a str),
}

/// A SHA-256 in hex.
fn sha256_hex(s: &str) -> String {
    hex::encode(Sha256::digest(s.as_bytes()))
}

/// The handle by which a session's forms name a person to act for: opaque, and
/// different in every session.
fn handle_of(session: &SessionToken, person: PersonId) -> String {
    let mut h = sha256_hex(&format!("act-for:{}:{}", session.hash(), person.get()));
    h.truncate(32);
    h
}

/// How long a session's last-seen time may lag behind: a page view writes it only once
/// it has moved more, so reads stay reads and the idle limit holds to this margin.
pub const LAST_SEEN_GRANULARITY: Duration = Duration::minutes(1);

/// When a session begins: the sign-in's time and the end of the visit before it (UTC
/// milliseconds). Switching whom to act for keeps both.
#[derive(Debug, Clone, Copy)]
struct Begun {
    created_ms: i64,
    previous_visit_ms: Option<i64>,
}

/// Stores a new session with a fresh token, acting for `acting_for` (or the actor),
/// `begun` as the sign-in began, and seen `now`.
async fn insert_session(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    actor: &Actor,
    acting_for: Option<PersonId>,
    begun: Begun,
    now: time::OffsetDateTime,
) -> Result<SessionToken, ArchiveError> {
    let token = SessionToken::random().ok_or(ArchiveError::Corrupt(
        "the operating system's random number generator failed",
    ))?;
    sqlx::query(
        "INSERT INTO web_session (token_hash, person_id, created_ms, last_seen_ms, acting_for_id, previous_visit_ms) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(token.hash())
    .bind(actor.person().get())
    .bind(begun.created_ms)
    .bind(unix_ms(now))
    .bind(acting_for.map(PersonId::get))
    .bind(begun.previous_visit_ms)
    .execute(&mut **tx)
    .await?;
    Ok(token)
}

impl Archive {
    /// Starts a session for an authenticated actor and records the sign-in.
    ///
    /// # Errors
    /// `Storage` when the database fails.
    pub async fn start_session(&self, actor: &Actor) -> Result<SessionToken, ArchiveError> {
        let now = self.clock.now();
        let mut tx = self.db.begin().await?;
        // The previous visit ended with the person's last action before this sign-in:
        // one probe of the (actor, time) index, once a session.
        let (previous_visit_ms,): (Option<i64>,) =
            sqlx::query_as("SELECT MAX(at_ms) FROM audit_event WHERE actor_id = $1")
                .bind(actor.person().get())
                .persistent(false)
                .fetch_one(&mut *tx)
                .await?;
        let begun = Begun {
            created_ms: unix_ms(now),
            previous_visit_ms,
        };
        let token = insert_session(&mut tx, actor, None, begun, now).await?;
        write_audit(
            &mut tx,
            AuditEvent::own(actor.person(), Action::SignIn, now),
        )
        .await?;
        tx.commit().await?;
        Ok(token)
    }

    /// The actor a live session belongs to, touching it; `None` when the token is
    /// unknown or the session has run out (it is then removed).
    ///
    /// # Errors
    /// `Storage` when the database fails.
    pub async fn resume_session(
        &self,
        token: &SessionToken,
        limits: SessionLimits,
    ) -> Result<Option<(Actor, SignedIn)>, ArchiveError> {
        let now = unix_ms(self.clock.now());
        let hash = token.hash();
        #[derive(sqlx::FromRow)]
        struct Row {
            person_id: i64,
            created_ms: i64,
            last_seen_ms: i64,
            previous_visit_ms: Option<i64>,
            given_name: String,
            family_name: String,
            birth_date: String,
            acting_for_id: Option<i64>,
            acting_given: Option<String>,
            acting_family: Option<String>,
        }
        let row: Option<Row> = sqlx::query_as(
            "SELECT s.person_id, s.created_ms, s.last_seen_ms, s.previous_visit_ms, p.given_name, \
             p.family_name, p.birth_date, s.acting_for_id, q.given_name AS acting_given, \
             q.family_name AS acting_family \
             FROM web_session s JOIN person p ON p.id = s.person_id \
             LEFT JOIN person q ON q.id = s.acting_for_id WHERE s.token_hash = $1",
        )
        .bind(&hash)
        .fetch_optional(self.db.pool())
        .await?;
        let Some(row) = row else {
            return Ok(None);
        };
        let (created, last_seen) = (row.created_ms, row.last_seen_ms);
        let idle_ms = i64::try_from(limits.idle.whole_milliseconds()).unwrap_or(i64::MAX);
        let absolute_ms = i64::try_from(limits.absolute.whole_milliseconds()).unwrap_or(i64::MAX);
        if now - last_seen > idle_ms || now - created > absolute_ms {
            sqlx::query("DELETE FROM web_session WHERE token_hash = $1")
                .bind(&hash)
                .execute(self.db.pool())
                .await?;
            return Ok(None);
        }
        let granularity =
            i64::try_from(LAST_SEEN_GRANULARITY.whole_milliseconds()).unwrap_or(i64::MAX);
        let last_seen = if now - last_seen > granularity {
            sqlx::query("UPDATE web_session SET last_seen_ms = $1 WHERE token_hash = $2")
                .bind(now)
                .bind(&hash)
                .execute(self.db.pool())
                .await?;
            now
        } else {
            last_seen
        };
        let person = PersonId::from_raw(row.person_id);
        let seconds_left = (last_seen + idle_ms)
            .min(created + absolute_ms)
            .saturating_sub(now)
            / 1000;
        let birth = time::Date::parse(
            &row.birth_date,
            &time::format_description::well_known::Iso8601::DATE,
        )
        .ok();
        let age = birth.map_or(0, |b| crate::clock::age_on(b, self.clock.today()));
        let acting_for = row.acting_for_id.map(|id| ActingFor {
            person: PersonId::from_raw(id),
            display_name: format!(
                "{} {}",
                row.acting_given.unwrap_or_default(),
                row.acting_family.unwrap_or_default()
            ),
        });
        Ok(Some((
            Actor::resumed(person, row.previous_visit_ms, birth),
            SignedIn {
                person,
                display_name: format!("{} {}", row.given_name, row.family_name),
                age,
                acting_for,
                seconds_left,
                ends_at: crate::clock::finnish_local(
                    self.clock.now() + Duration::seconds(seconds_left),
                ),
            },
        )))
    }

    /// Starts acting for `target` (someone by the handle this session's proxy options
    /// gave, or oneself again): the right is checked now, the old session ends and a new one begins, so the session
    /// id changes with whom it acts for; the new one ends when the sign-in's would. The
    /// subject's trail records it.
    ///
    /// # Errors
    /// `Refused` when there is no right (a handle that names no one the actor is
    /// registered to act for is recorded on the actor's own trail, not anyone
    /// else's); `NotFound` when the old session is not the actor's live one; `Storage`
    /// when the database fails.
    pub async fn switch_acting_for(
        &self,
        old: &SessionToken,
        actor: &Actor,
        target: ActFor<'_>,
    ) -> Result<SessionToken, ArchiveError> {
        let subject = match target {
            ActFor::Own => actor.person(),
            ActFor::Handle(handle) => {
                let found = self
                    .registered(actor.person())
                    .await?
                    .into_iter()
                    .map(|(id, _, _)| PersonId::from_raw(id))
                    .find(|p| handle_of(old, *p) == handle);
                match found {
                    Some(person) => person,
                    None => return Err(self.no_relation(actor.person(), None).await),
                }
            }
        };
        let right = self
            .access(actor, subject, Purpose::CitizenService)
            .await?
            .right();
        let now = self.clock.now();
        let mut tx = self.db.begin().await?;
        // The new session keeps the sign-in's start (the absolute limit cannot be reset)
        // and the visit before it.
        let (created_ms, previous_visit_ms): (i64, Option<i64>) = sqlx::query_as(
            "SELECT created_ms, previous_visit_ms FROM web_session WHERE token_hash = $1 AND person_id = $2",
        )
        .bind(old.hash())
        .bind(actor.person().get())
        .fetch_one(&mut *tx)
        .await?;
        let begun = Begun {
            created_ms,
            previous_visit_ms,
        };
        sqlx::query("DELETE FROM web_session WHERE token_hash = $1")
            .bind(old.hash())
            .execute(&mut *tx)
            .await?;
        let acting_for = (subject != actor.person()).then_some(subject);
        let token = insert_session(&mut tx, actor, acting_for, begun, now).await?;
        write_audit(
            &mut tx,
            AuditEvent {
                subject,
                actor: actor.person(),
                right: right.kind().code(),
                action: Action::ActFor,
                object: None,
                detail: None,
                purpose: Purpose::CitizenService,
                outcome: "ok",
                at: now,
            },
        )
        .await?;
        tx.commit().await?;
        Ok(token)
    }

    /// Ends a session and records the sign-out. Ending an unknown session does nothing.
    ///
    /// # Errors
    /// `Storage` when the database fails.
    pub async fn end_session(&self, token: &SessionToken) -> Result<(), ArchiveError> {
        let mut tx = self.db.begin().await?;
        let person: Option<(i64,)> =
            sqlx::query_as("DELETE FROM web_session WHERE token_hash = $1 RETURNING person_id")
                .bind(token.hash())
                .fetch_optional(&mut *tx)
                .await?;
        if let Some((person,)) = person {
            let person = PersonId::from_raw(person);
            write_audit(
                &mut tx,
                AuditEvent::own(person, Action::SignOut, self.clock.now()),
            )
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }
}
