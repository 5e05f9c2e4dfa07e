//! Summaries: diagnoses, risk information and vaccinations each code once; and every
//! document of one kind in a range, with its text and values.

use super::{filter_detail, language_of, measured_values, Access, Action, ArchiveError, BodyRow};
use crate::clock::parse_stamp;
use crate::db::Sql;
use crate::model::{Coding, DateRange, Page};
use crate::records::model::{
    DocumentId, DocumentKind, KindEntry, MaybeDelayed, RecordFilter, Summaries, SummaryEntry,
    MAX_PAGE,
};

impl Access {
    /// Diagnoses, risk information and vaccinations, each code once with its first
    /// and latest record.
    ///
    /// # Errors
    /// `Storage` when the database fails.
    pub async fn summaries(&self) -> Result<Summaries, ArchiveError> {
        const KINDS: [DocumentKind; 3] = [
            DocumentKind::Diagnosis,
            DocumentKind::RiskInformation,
            DocumentKind::Vaccination,
        ];
        let mut read = self.begin_read(Action::ReadSummaries, None, None).await?;
        let mut lists = Vec::with_capacity(3);
        for kind in KINDS {
            lists.push(self.summary_entries(&mut read.tx, kind).await?);
        }
        let delayed = self.delayed(&mut read, &KINDS).await?;
        self.finish_read(read).await?;
        let vaccinations = lists.pop().unwrap_or_default();
        let risks = lists.pop().unwrap_or_default();
        let diagnoses = lists.pop().unwrap_or_default();
        Ok(Summaries {
            diagnoses,
            risks,
            vaccinations,
            delayed,
        })
    }

    /// Each code of `kind` once, with its first and latest record and the latest's
    /// text, newest first: as this right sees them (delayed ones left out).
    pub(crate) async fn summary_entries(
        &self,
        tx: &mut sqlx::Transaction<'static, sqlx::Any>,
        kind: DocumentKind,
    ) -> Result<Vec<SummaryEntry>, ArchiveError> {
        let mut sql = Sql::new(
            "SELECT d.code_system, d.code, \
             MIN(d.recorded_at) AS first_at, MAX(d.recorded_at) AS last_at, COUNT(*) AS times \
             FROM document d WHERE d.person_id = ",
        );
        sql.bind(self.subject().get())
            .push(" AND d.kind = ")
            .bind(kind.code())
            .push(" AND d.code IS NOT NULL AND ");
        self.push_visible(&mut sql);
        sql.push(" GROUP BY d.code_system, d.code ORDER BY last_at DESC, d.code");
        let rows = sql
            .query_as::<(String, String, String, String, i64)>()
            .fetch_all(&mut **tx)
            .await?;
        let mut entries = Vec::with_capacity(rows.len());
        for (system, code, first_at, last_at, times) in rows {
            let mut sql = Sql::new(
                "SELECT d.id, d.body, d.code_display, d.language FROM document d WHERE d.person_id = ",
            );
            sql.bind(self.subject().get())
                .push(" AND d.kind = ")
                .bind(kind.code())
                .push(" AND d.code = ")
                .bind(code.as_str())
                .push(" AND d.recorded_at = ")
                .bind(last_at.as_str())
                .push(" AND ");
            self.push_visible(&mut sql);
            sql.push(" ORDER BY d.id DESC LIMIT 1");
            let (id, body, display, language): (i64, Option<String>, String, String) =
                sql.query_as().fetch_one(&mut **tx).await?;
            entries.push(SummaryEntry {
                coding: Coding {
                    system,
                    code,
                    display,
                },
                first_recorded: parse_stamp(&first_at)?,
                last_recorded: parse_stamp(&last_at)?,
                times,
                latest_document: DocumentId::from_raw(id),
                text: body,
                language: language_of(&language)?,
            });
        }
        Ok(entries)
    }

    /// Every document of one kind in a date range, newest first, a page at a time,
    /// with its text and what it measured: a summary of diagnoses, measurements,
    /// imaging studies with their reports, referrals or care plans. A delayed one is
    /// listed as such.
    ///
    /// # Errors
    /// `Invalid` for a malformed cursor; `Storage` when the database fails.
    pub async fn kind_summary(
        &self,
        kind: DocumentKind,
        range: DateRange,
        after: Option<&str>,
        limit: u32,
    ) -> Result<Page<MaybeDelayed<KindEntry>>, ArchiveError> {
        let limit = limit.clamp(1, MAX_PAGE);
        let filter = RecordFilter {
            range,
            organisation: None,
            kind: Some(kind),
        };
        let query = self.page_query(&filter, after, limit, ", d.body")?;
        let mut read = self
            .begin_read(
                Action::ReadKindSummary,
                None,
                Some(filter_detail(&filter, after)),
            )
            .await?;
        let (rows, next) = Self::fetch_page::<BodyRow>(&mut read, query, limit).await?;
        let mut items = rows
            .into_iter()
            .map(|row| {
                row.maybe_delayed(|summary, BodyRow { body }| {
                    Ok(KindEntry {
                        summary,
                        text: body,
                        values: Vec::new(),
                    })
                })
            })
            .collect::<Result<Vec<_>, ArchiveError>>()?;
        let shown: Vec<i64> = items
            .iter()
            .filter_map(|e| e.shown().map(|e| e.summary.id.get()))
            .collect();
        if kind == DocumentKind::Measurement && !shown.is_empty() {
            let mut values = measured_values(&mut read.tx, self.subject().get(), &shown).await?;
            for entry in &mut items {
                if let MaybeDelayed::Shown(e) = entry {
                    e.values = values.remove(&e.summary.id.get()).unwrap_or_default();
                }
            }
        }
        self.finish_read(read).await?;
        Ok(Page { items, next })
    }
}
