//! The medication list: what prescriptions and care's records say is in use.

use super::{day, Access, Action, ArchiveError};
use crate::model::Language;
use crate::prescriptions::model::{CareSetting, MedicationList, RecordedMedication};

/// A row of recorded medication: product, strength, form, code, its system (NULL:
/// ATC), dose, language, setting, organisation, start and end day.
type RecordedRow = (
    String,
    String,
    String,
    String,
    Option<String>,
    String,
    String,
    String,
    String,
    String,
    Option<String>,
);

impl Access {
    /// What the person takes now: [`crate::medication::compile`] over the valid
    /// prescriptions and the medication care recorded that this right sees.
    ///
    /// # Errors
    /// `Refused` when the right does not cover prescriptions; `Storage` when the
    /// database fails.
    pub async fn medication_list(&self) -> Result<MedicationList, ArchiveError> {
        let mut read = self
            .begin_read_after_expiry(Action::ReadMedicationList, None)
            .await?;
        let list = self.medication_in(&mut read.tx).await?;
        self.finish_read(read).await?;
        Ok(list)
    }

    /// The medication list, read in `tx`.
    pub(crate) async fn medication_in(
        &self,
        tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    ) -> Result<MedicationList, ArchiveError> {
        let list = self.load_prescriptions(tx, None).await?;
        let recorded = self.load_recorded_medication(tx).await?;
        Ok(crate::prescriptions::medication::compile(
            &list,
            &recorded,
            crate::clock::finnish_local(self.archive.clock.now()),
        ))
    }

    /// The medication care recorded for the person without a prescription, as this
    /// right sees it (the guardian rule on its start day).
    async fn load_recorded_medication(
        &self,
        tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    ) -> Result<Vec<RecordedMedication>, ArchiveError> {
        let mut sql = crate::db::Sql::new(
            "SELECT r.product, r.strength, r.form, r.atc, r.code_system, r.dose, r.language, r.setting, \
             o.name, r.started_on, r.ended_on \
             FROM recorded_medication r JOIN organisation o ON o.id = r.organisation_id \
             WHERE r.person_id = ",
        );
        sql.bind(self.subject().get()).push(" AND ");
        self.visible_rows(&mut sql, "r", "started_on");
        sql.push(" ORDER BY r.started_on, r.id");
        let rows: Vec<RecordedRow> = sql.query_as().fetch_all(&mut **tx).await?;
        rows.into_iter()
            .map(
                |(
                    product,
                    strength,
                    form,
                    atc,
                    system,
                    dose,
                    language,
                    setting,
                    organisation,
                    from,
                    to,
                )| {
                    Ok(RecordedMedication {
                        product,
                        strength,
                        form,
                        atc,
                        system: system.unwrap_or_else(|| crate::model::systems::ATC.to_owned()),
                        dose,
                        language: Language::from_code(&language)
                            .ok_or(ArchiveError::Corrupt("language"))?,
                        setting: CareSetting::from_code(&setting)
                            .ok_or(ArchiveError::Corrupt("care setting"))?,
                        organisation,
                        started_on: day(&from)?,
                        ended_on: to.as_deref().map(day).transpose()?,
                    })
                },
            )
            .collect()
    }
}
