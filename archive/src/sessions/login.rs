//! A sign-in under way at the identity provider: its nonce and PKCE verifier, kept
//! under its `state` and bound to the browser, used once.

use std::fmt;

use time::Duration;

use super::sha256_hex;
use crate::access::{unix_ms, Archive};
use crate::error::ArchiveError;

/// What the archive keeps of a sign-in under way: the nonce the ID token must carry
/// and the PKCE verifier for the code exchange. Its `Debug` shows neither.
#[derive(Clone, PartialEq, Eq)]
pub struct LoginAttempt {
    pub nonce: String,
    pub pkce_verifier: String,
}

impl fmt::Debug for LoginAttempt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("LoginAttempt(redacted)")
    }
}

/// How long a sign-in at the identity provider may take.
pub const LOGIN_ATTEMPT_LIFETIME: Duration = Duration::minutes(10);

impl Archive {
    /// Remembers a sign-in started at the identity provider, under its `state`, bound to
    /// the browser's login cookie. Forgets attempts older than their lifetime.
    ///
    /// # Errors
    /// `Storage` when the database fails.
    pub async fn save_login_attempt(
        &self,
        state: &str,
        browser: &str,
        attempt: &LoginAttempt,
    ) -> Result<(), ArchiveError> {
        let now = unix_ms(self.clock.now());
        let oldest = now - LOGIN_ATTEMPT_LIFETIME.whole_milliseconds() as i64;
        let mut tx = self.db.begin().await?;
        sqlx::query("DELETE FROM login_attempt WHERE created_ms < $1")
            .bind(oldest)
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "INSERT INTO login_attempt (state_hash, browser_hash, nonce, pkce_verifier, created_ms) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(sha256_hex(state))
        .bind(sha256_hex(browser))
        .bind(&attempt.nonce)
        .bind(&attempt.pkce_verifier)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Takes (and so ends) the sign-in under `state`: `None` when there is none, it
    /// belongs to another browser, or it is older than ten minutes.
    ///
    /// # Errors
    /// `Storage` when the database fails.
    pub async fn take_login_attempt(
        &self,
        state: &str,
        browser: &str,
    ) -> Result<Option<LoginAttempt>, ArchiveError> {
        let now = unix_ms(self.clock.now());
        let row: Option<(String, String, String, i64)> = sqlx::query_as(
            "DELETE FROM login_attempt WHERE state_hash = $1 RETURNING browser_hash, nonce, pkce_verifier, created_ms",
        )
        .bind(sha256_hex(state))
        .fetch_optional(self.db.pool())
        .await?;
        Ok(
            row.and_then(|(browser_hash, nonce, pkce_verifier, created)| {
                let fresh = now - created <= LOGIN_ATTEMPT_LIFETIME.whole_milliseconds() as i64;
                (fresh && browser_hash == sha256_hex(browser)).then_some(LoginAttempt {
                    nonce,
                    pkce_verifier,
                })
            }),
        )
    }
}
