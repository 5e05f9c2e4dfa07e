//! The language a person chose for the service, kept for their next sign-in.

use super::SessionToken;
use crate::access::{Action, Archive};
use crate::audit_writer::{write_audit, AuditEvent};
use crate::error::ArchiveError;
use crate::model::{Language, PersonId};

impl Archive {
    /// Keeps the language the session's person chose for the service, so that their
    /// next sign-in, on any device, starts in it; the person's trail records it. A
    /// session that is not live changes nothing (`NotFound`).
    ///
    /// # Errors
    /// `NotFound` for a session that is not live; `Storage` when the database fails.
    pub async fn choose_language(
        &self,
        token: &SessionToken,
        language: Language,
    ) -> Result<(), ArchiveError> {
        let mut tx = self.db.begin().await?;
        let person: Option<(i64,)> = sqlx::query_as(
            "UPDATE person SET chosen_language = $1 \
             WHERE id = (SELECT person_id FROM web_session WHERE token_hash = $2) RETURNING id",
        )
        .bind(language.code())
        .bind(token.hash())
        .fetch_optional(&mut *tx)
        .await?;
        let Some((person,)) = person else {
            return Err(ArchiveError::NotFound);
        };
        write_audit(
            &mut tx,
            AuditEvent::own(
                PersonId::from_raw(person),
                Action::ChooseLanguage,
                self.clock.now(),
            ),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The language the session's person last chose for the service, to start a new
    /// sign-in in; `None` when they never chose (or the session is not live).
    ///
    /// # Errors
    /// `Corrupt` for a stored code that is no language; `Storage` when the database
    /// fails.
    pub async fn chosen_language(
        &self,
        token: &SessionToken,
    ) -> Result<Option<Language>, ArchiveError> {
        let row: Option<(Option<String>,)> = sqlx::query_as(
            "SELECT p.chosen_language FROM web_session s JOIN person p ON p.id = s.person_id \
             WHERE s.token_hash = $1",
        )
        .bind(token.hash())
        .fetch_optional(self.db.pool())
        .await?;
        match row.and_then(|(code,)| code) {
            None => Ok(None),
            Some(code) => Language::from_code(&code)
                .map(Some)
                .ok_or(ArchiveError::Corrupt("chosen language")),
        }
    }
}
