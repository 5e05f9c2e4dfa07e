//! The living will: the person's own, written, changed and withdrawn only by them (no
//! right to act for another reaches it: [`crate::rights::Right::covers`]). Every change
//! adds a version, so its history is kept; saving the same text again adds nothing.

use super::model::{LivingWill, LivingWillText, LivingWillVersion, Treatment, TreatmentWish};
use crate::access::{unix_ms, Access, Action};
use crate::db::Sql;
use crate::declaration::store::{news_of, next_version, push_news};
use crate::declaration::DeclarationNews;
use crate::error::ArchiveError;
use crate::news::part::NewsPart;

/// The columns of the treatments, in [`Treatment::ALL`]'s order.
const TREATMENT_COLUMNS: [&str; 5] = [
    "resuscitation",
    "ventilation",
    "tube_feeding",
    "dialysis",
    "pain_relief",
];

type Tx = sqlx::Transaction<'static, sqlx::Any>;

/// One version as [`versions`] reads it.
#[derive(sqlx::FromRow)]
struct VersionRow {
    version: i64,
    wishes: String,
    resuscitation: String,
    ventilation: String,
    tube_feeding: String,
    dialysis: String,
    pain_relief: String,
    withdrawn: i64,
    written_ms: i64,
}

impl VersionRow {
    /// The stored wish about `treatment` (its column in [`TREATMENT_COLUMNS`]).
    fn wish(&self, treatment: Treatment) -> Result<TreatmentWish, ArchiveError> {
        let code = match treatment {
            Treatment::Resuscitation => &self.resuscitation,
            Treatment::Ventilation => &self.ventilation,
            Treatment::TubeFeeding => &self.tube_feeding,
            Treatment::Dialysis => &self.dialysis,
            Treatment::PainRelief => &self.pain_relief,
        };
        TreatmentWish::from_code(code).ok_or(ArchiveError::Corrupt("living will wish"))
    }
}

impl TryFrom<VersionRow> for LivingWillVersion {
    type Error = ArchiveError;

    fn try_from(row: VersionRow) -> Result<Self, ArchiveError> {
        let text = if row.withdrawn != 0 {
            None
        } else {
            let treatments = Treatment::ALL
                .iter()
                .map(|&t| Ok((t, row.wish(t)?)))
                .collect::<Result<Vec<_>, ArchiveError>>()?;
            Some(LivingWillText {
                wishes: row.wishes,
                treatments,
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
) -> Result<Vec<LivingWillVersion>, ArchiveError> {
    sqlx::query_as::<_, VersionRow>(&format!(
        "SELECT version, wishes, {}, withdrawn, written_ms FROM living_will \
         WHERE person_id = $1 ORDER BY version DESC",
        TREATMENT_COLUMNS.join(", ")
    ))
    .bind(person)
    .fetch_all(&mut **tx)
    .await?
    .into_iter()
    .map(LivingWillVersion::try_from)
    .collect()
}

impl Access {
    /// The person's living will and its history.
    ///
    /// # Errors
    /// `Refused` for anyone but the person; `Storage` when the database fails.
    pub async fn living_will(&self) -> Result<LivingWill, ArchiveError> {
        let mut read = self.begin_read(Action::ReadLivingWill, None, None).await?;
        let history = versions(&mut read.tx, self.subject().get()).await?;
        self.finish_read(read).await?;
        Ok(LivingWill::of_history(history))
    }

    /// Writes the living will anew (a new version), unless it already says exactly this.
    ///
    /// # Errors
    /// `Invalid` for a text too long ([`LivingWillText::check_wishes`], field `wishes`) or treatments
    /// unless every treatment has one wish; `Refused` for anyone but the person.
    pub async fn write_living_will(
        &self,
        text: &LivingWillText,
    ) -> Result<LivingWill, ArchiveError> {
        LivingWillText::check_wishes(&text.wishes)
            .map_err(|code| ArchiveError::invalid("wishes", code))?;
        let wishes = text.wishes.trim();
        let in_order = text.treatments.len() == Treatment::ALL.len()
            && text
                .treatments
                .iter()
                .zip(Treatment::ALL)
                .all(|((t, _), want)| t == want);
        if !in_order {
            return Err(ArchiveError::invalid("treatments", "choose-wish"));
        }
        let text = LivingWillText {
            wishes: wishes.to_owned(),
            treatments: text.treatments.clone(),
        };
        self.add_version(Action::WriteLivingWill, Some(&text)).await
    }

    /// Withdraws the living will; its history stays. With none in force, nothing changes.
    ///
    /// # Errors
    /// `Refused` for anyone but the person; `Storage` when the database fails.
    pub async fn withdraw_living_will(&self) -> Result<LivingWill, ArchiveError> {
        self.add_version(Action::WithdrawLivingWill, None).await
    }

    async fn add_version(
        &self,
        action: Action,
        text: Option<&LivingWillText>,
    ) -> Result<LivingWill, ArchiveError> {
        let person = self.subject().get();
        let mut tx = self.begin_audited(action, None).await?;
        let history = versions(&mut tx, person).await?;
        // The same will again, or withdrawing none (a double submit): nothing changes.
        let Some(version) = next_version(&history, text) else {
            tx.commit().await?;
            return Ok(LivingWill::of_history(history));
        };
        let wish = |i: usize| {
            text.and_then(|t| t.treatments.get(i))
                .map_or(TreatmentWish::Undecided, |(_, w)| *w)
                .code()
        };
        sqlx::query(&format!(
            "INSERT INTO living_will (person_id, version, wishes, {}, withdrawn, written_by, written_ms) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
            TREATMENT_COLUMNS.join(", ")
        ))
        .bind(person)
        .bind(version)
        .bind(text.map_or("", |t| t.wishes.as_str()))
        .bind(wish(0))
        .bind(wish(1))
        .bind(wish(2))
        .bind(wish(3))
        .bind(wish(4))
        .bind(i64::from(text.is_none()))
        .bind(self.actor().get())
        .bind(unix_ms(self.archive.clock.now()))
        .execute(&mut *tx)
        .await?;
        let history = versions(&mut tx, person).await?;
        tx.commit().await?;
        Ok(LivingWill::of_history(history))
    }
}

/// The living will's part of the news statement ([`NewsPart`]): where it stands.
pub(crate) struct LivingWillNews(pub(crate) DeclarationNews);

/// Only the person changes it: the front page says where it stands, read as the
/// living will (whatever the time of the previous visit).
impl NewsPart for LivingWillNews {
    fn push(access: &Access, sql: &mut Sql, _since_ms: i64) {
        push_news(sql, "living_will", access.subject().get());
    }

    fn of_row(row: &sqlx::any::AnyRow) -> Result<Self, ArchiveError> {
        news_of(row, "living_will").map(Self)
    }
}
