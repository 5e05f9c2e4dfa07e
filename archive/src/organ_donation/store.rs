//! The organ donation testament: the person's own, written, changed and withdrawn only
//! by them (no right to act for another reaches it: the registry's
//! `Coverage::OWN_ONLY`). Every change adds a version, so its history is kept; saving
//! the same testament again adds nothing.

use super::model::{
    Donatable, DonationDecision, OrganDonation, OrganDonationText, OrganDonationVersion,
};
use crate::access::{unix_ms, Access, Action};
use crate::db::Sql;
use crate::declaration::store::{news_of, next_version, push_news};
use crate::declaration::DeclarationNews;
use crate::error::ArchiveError;
use crate::model::Language;
use crate::news::part::NewsPart;

type Tx = sqlx::Transaction<'static, sqlx::Any>;

/// The table, and the name of its news part's columns.
const TABLE: &str = "organ_donation";

/// One version as [`versions`] reads it.
#[derive(sqlx::FromRow)]
struct VersionRow {
    version: i64,
    decision: String,
    /// The codes of what is excluded, separated by spaces.
    excluded: String,
    notes: String,
    language: String,
    withdrawn: i64,
    written_ms: i64,
}

impl TryFrom<VersionRow> for OrganDonationVersion {
    type Error = ArchiveError;

    fn try_from(row: VersionRow) -> Result<Self, ArchiveError> {
        let corrupt = || ArchiveError::Corrupt("organ donation testament");
        let text = if row.withdrawn != 0 {
            None
        } else {
            let excluded = row
                .excluded
                .split_whitespace()
                .map(|code| Donatable::from_code(code).ok_or_else(corrupt))
                .collect::<Result<Vec<_>, _>>()?;
            Some(OrganDonationText {
                decision: DonationDecision::from_code(&row.decision).ok_or_else(corrupt)?,
                excluded,
                notes: row.notes,
                language: Language::from_code(&row.language).ok_or_else(corrupt)?,
            })
        };
        Ok(Self {
            version: row.version,
            text,
            written_at: crate::clock::finnish_at_ms(row.written_ms),
        })
    }
}

pub(crate) async fn versions(
    tx: &mut Tx,
    person: i64,
) -> Result<Vec<OrganDonationVersion>, ArchiveError> {
    sqlx::query_as::<_, VersionRow>(
        "SELECT version, decision, excluded, notes, language, withdrawn, written_ms FROM organ_donation \
         WHERE person_id = $1 ORDER BY version DESC",
    )
    .bind(person)
    .fetch_all(&mut **tx)
    .await?
    .into_iter()
    .map(OrganDonationVersion::try_from)
    .collect()
}

impl Access {
    /// The person's organ donation testament and its history.
    ///
    /// # Errors
    /// `Refused` for anyone but the person; `Storage` when the database fails.
    pub async fn organ_donation(&self) -> Result<OrganDonation, ArchiveError> {
        let mut read = self
            .begin_read(Action::ReadOrganDonation, None, None)
            .await?;
        let history = versions(&mut read.tx, self.subject().get()).await?;
        self.finish_read(read).await?;
        Ok(OrganDonation::of_history(history))
    }

    /// Writes the testament anew (a new version), unless it already says exactly
    /// this.
    ///
    /// # Errors
    /// `Invalid` naming the first wrong field ([`OrganDonationText::problems`], which a
    /// form asks for all of them);
    /// `Refused` for anyone but the person; `Storage` when the database fails.
    pub async fn write_organ_donation(
        &self,
        text: &OrganDonationText,
    ) -> Result<OrganDonation, ArchiveError> {
        // As given, in order and trimmed: what is stored is what is compared.
        let text = OrganDonationText::new(text.decision, &text.excluded, &text.notes)
            .written_in(text.language);
        if let Some(&(field, code)) = text.problems().first() {
            return Err(ArchiveError::invalid(field, code));
        }
        self.add_donation_version(Action::WriteOrganDonation, Some(&text))
            .await
    }

    /// Withdraws the testament; its history stays. With none in force, nothing
    /// changes.
    ///
    /// # Errors
    /// `Refused` for anyone but the person; `Storage` when the database fails.
    pub async fn withdraw_organ_donation(&self) -> Result<OrganDonation, ArchiveError> {
        self.add_donation_version(Action::WithdrawOrganDonation, None)
            .await
    }

    async fn add_donation_version(
        &self,
        action: Action,
        text: Option<&OrganDonationText>,
    ) -> Result<OrganDonation, ArchiveError> {
        let person = self.subject().get();
        let mut tx = self.begin_audited(action, None).await?;
        let history = versions(&mut tx, person).await?;
        // The same testament again, or withdrawing none (a double submit): nothing
        // changes.
        let Some(version) = next_version(&history, text) else {
            tx.commit().await?;
            return Ok(OrganDonation::of_history(history));
        };
        let excluded: Vec<&str> = text
            .map(|t| t.excluded.iter().map(|d| d.code()).collect())
            .unwrap_or_default();
        sqlx::query(
            "INSERT INTO organ_donation \
             (person_id, version, decision, excluded, notes, language, withdrawn, written_by, written_ms) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(person)
        .bind(version)
        .bind(text.map_or("", |t| t.decision.code()))
        .bind(excluded.join(" "))
        .bind(text.map_or("", |t| t.notes.as_str()))
        .bind(text.map_or(Language::default(), |t| t.language).code())
        .bind(i64::from(text.is_none()))
        .bind(self.actor().get())
        .bind(unix_ms(self.archive.clock.now()))
        .execute(&mut *tx)
        .await?;
        let history = versions(&mut tx, person).await?;
        tx.commit().await?;
        Ok(OrganDonation::of_history(history))
    }
}

/// The testament's part of the news statement ([`NewsPart`]): where it stands.
pub(crate) struct OrganDonationNews(pub(crate) DeclarationNews);

/// Only the person changes it: the front page says where it stands, read as the
/// testament (whatever the time of the previous visit).
impl NewsPart for OrganDonationNews {
    fn push(access: &Access, sql: &mut Sql, _since_ms: i64) {
        push_news(sql, TABLE, access.subject().get());
    }

    fn of_row(row: &sqlx::any::AnyRow) -> Result<Self, ArchiveError> {
        news_of(row, TABLE).map(Self)
    }
}
