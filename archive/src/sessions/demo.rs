//! The demo persons: whom the development sign-in and the test identity provider offer.

use crate::access::{Actor, Archive};
use crate::error::ArchiveError;
use crate::model::{DemoPerson, PersonId};

impl Archive {
    /// The demo persons (test identity codes, 900–999) the development sign-in offers.
    /// The web side offers this only when no identity provider is configured.
    ///
    /// # Errors
    /// `Storage` when the database fails.
    pub async fn demo_persons(&self) -> Result<Vec<DemoPerson>, ArchiveError> {
        let rows: Vec<(i64, String, String, String, String, Option<String>)> = sqlx::query_as(
            "SELECT id, hetu, given_name, family_name, birth_date, demo_note FROM person \
             WHERE demo_note IS NOT NULL ORDER BY birth_date",
        )
        .fetch_all(self.db.pool())
        .await?;
        Ok(rows
            .into_iter()
            .filter_map(|(id, hetu, given, family, _, note)| {
                let hetu = crate::hetu::Hetu::parse(&hetu).ok()?;
                hetu.is_test_identity().then(|| DemoPerson {
                    person: PersonId::from_raw(id),
                    display_name: format!("{given} {family}"),
                    birth_date: hetu.birth_date(),
                    note: note.unwrap_or_default(),
                })
            })
            .collect())
    }

    /// An actor for a demo person, for the development sign-in only: refuses anyone
    /// whose identity code is not a test identity.
    ///
    /// # Errors
    /// `NotFound` for an unknown or non-demo person.
    pub async fn demo_actor(&self, person: PersonId) -> Result<Actor, ArchiveError> {
        let (hetu, note): (String, Option<String>) =
            sqlx::query_as("SELECT hetu, demo_note FROM person WHERE id = $1")
                .bind(person.get())
                .fetch_one(self.db.pool())
                .await?;
        let is_test = crate::hetu::Hetu::parse(&hetu).is_ok_and(|h| h.is_test_identity());
        if is_test && note.is_some() {
            Ok(Actor::new(person))
        } else {
            Err(ArchiveError::NotFound)
        }
    }

    /// The demo persons with their test identity codes, for the test identity provider
    /// and the development tools only.
    ///
    /// # Errors
    /// `Storage` when the database fails.
    pub async fn demo_identities(
        &self,
    ) -> Result<Vec<(PersonId, crate::hetu::Hetu)>, ArchiveError> {
        let rows: Vec<(i64, String)> =
            sqlx::query_as("SELECT id, hetu FROM person WHERE demo_note IS NOT NULL ORDER BY id")
                .fetch_all(self.db.pool())
                .await?;
        Ok(rows
            .into_iter()
            .filter_map(|(id, hetu)| {
                let hetu = crate::hetu::Hetu::parse(&hetu).ok()?;
                hetu.is_test_identity()
                    .then_some((PersonId::from_raw(id), hetu))
            })
            .collect())
    }
}
