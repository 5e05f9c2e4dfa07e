//! Health records: the list by service event, a document, what is new; the summaries
//! (`summaries`) and laboratory results (`lab`) in files of their own.
//! Every operation here is a method of [`Access`] and a read: it runs on a transaction
//! of its own and returns only once its audit event is durable (`Access::finish_read`).

mod lab;
mod summaries;

use sqlx::any::AnyRow;
use sqlx::FromRow;
use time::Duration;

use crate::access::{Access, Action};
use crate::clock::{parse_stamp, DAY};
use crate::db::Sql;
use crate::error::ArchiveError;
use crate::model::{Coding, Language, OrganisationId, OrganisationRef, Page, RecordsNews};
use crate::news::part::NewsPart;
use crate::records::model::{
    AbnormalFlag, DelayedDocument, Document, DocumentId, DocumentKind, DocumentSummary, LabValue,
    MaybeDelayed, MeasuredValue, RecordFilter, RecordsPage, ServiceEventId, ServiceEventKind,
    ServiceEventRef, MAX_PAGE,
};

/// What narrowed a list of records, for its audit event: "name=value" pairs.
fn filter_detail(filter: &RecordFilter, after: Option<&str>) -> String {
    let day = |d: Option<time::Date>| d.map(|d| d.to_string()).unwrap_or_default();
    format!(
        "from={};to={};organisation={};kind={};after={}",
        day(filter.range.from),
        day(filter.range.to),
        filter
            .organisation
            .map(|o| o.to_string())
            .unwrap_or_default(),
        filter.kind.map(DocumentKind::code).unwrap_or_default(),
        after.unwrap_or_default()
    )
}

/// A keyset cursor: the last row's (time, id). Opaque to the web side.
fn encode_cursor(at: &str, id: i64) -> String {
    format!("{at}~{id}")
}

fn decode_cursor(s: &str) -> Result<(String, i64), ArchiveError> {
    let (at, id) = s
        .split_once('~')
        .ok_or(ArchiveError::invalid("after", "request"))?;
    parse_stamp(at).map_err(|_| ArchiveError::invalid("after", "request"))?;
    let id = id
        .parse()
        .map_err(|_| ArchiveError::invalid("after", "request"))?;
    Ok((at.to_owned(), id))
}

const SUMMARY_COLUMNS: &str =
    "d.id, d.kind, d.recorded_at, d.title, d.professional, d.language, d.code, \
     d.organisation_id, o.name AS organisation_name, u.name AS unit_name, \
     e.id AS event_id, e.kind AS event_kind, e.title AS event_title, e.language AS event_language";

/// A stored language code as a [`Language`].
fn language_of(code: &str) -> Result<Language, ArchiveError> {
    Language::from_code(code).ok_or(ArchiveError::Corrupt("language"))
}

const SUMMARY_JOINS: &str = "JOIN organisation o ON o.id = d.organisation_id \
     JOIN care_unit u ON u.id = d.unit_id \
     JOIN service_event e ON e.person_id = d.person_id AND e.id = d.service_event_id";

/// The column, named `delayed_until`, that holds when a delayed document appears and
/// is NULL for one shown now; the clock's minute bound.
fn push_delayed_until(access: &Access, sql: &mut Sql) {
    sql.push("CASE WHEN ");
    access.released(sql, "d");
    sql.push(" THEN NULL ELSE d.shown_from END AS delayed_until");
}

/// What every document row says of itself, delayed or not: its id, kind and
/// organisation.
#[derive(sqlx::FromRow)]
pub(super) struct HeadRow {
    id: i64,
    kind: String,
    organisation_id: i64,
    organisation_name: String,
}

impl HeadRow {
    fn kind(&self) -> Result<DocumentKind, ArchiveError> {
        DocumentKind::from_code(&self.kind).ok_or(ArchiveError::Corrupt("document kind"))
    }

    /// The document as one still delayed is shown: it exists, and appears at `appears_at`.
    fn delayed(self, appears_at: &str) -> Result<DelayedDocument, ArchiveError> {
        Ok(DelayedDocument {
            id: DocumentId::from_raw(self.id),
            kind: self.kind()?,
            organisation: OrganisationRef {
                id: OrganisationId::from_raw(self.organisation_id),
                name: self.organisation_name,
            },
            appears_at: parse_stamp(appears_at)?,
        })
    }
}

/// A delayed document as [`Access::delayed`] reads it.
#[derive(sqlx::FromRow)]
struct DelayedRow {
    #[sqlx(flatten)]
    head: HeadRow,
    shown_from: String,
}

/// A document's listing as [`SUMMARY_COLUMNS`] reads it.
#[derive(sqlx::FromRow)]
pub(super) struct SummaryRow {
    #[sqlx(flatten)]
    head: HeadRow,
    recorded_at: String,
    title: String,
    professional: Option<String>,
    language: String,
    code: Option<String>,
    unit_name: String,
    event_id: i64,
    event_kind: String,
    event_title: String,
    event_language: String,
}

impl TryFrom<SummaryRow> for DocumentSummary {
    type Error = ArchiveError;

    fn try_from(row: SummaryRow) -> Result<Self, ArchiveError> {
        Ok(Self {
            id: DocumentId::from_raw(row.head.id),
            kind: row.head.kind()?,
            recorded_at: parse_stamp(&row.recorded_at)?,
            title: row.title,
            organisation: OrganisationRef {
                id: OrganisationId::from_raw(row.head.organisation_id),
                name: row.head.organisation_name,
            },
            unit: row.unit_name,
            professional: row.professional,
            service_event: ServiceEventRef {
                id: ServiceEventId::from_raw(row.event_id),
                kind: ServiceEventKind::from_code(&row.event_kind)
                    .ok_or(ArchiveError::Corrupt("service event kind"))?,
                title: row.event_title,
                language: language_of(&row.event_language)?,
            },
            language: language_of(&row.language)?,
            code: row.code,
        })
    }
}

/// A listed row of [`Access::page_query`]: the summary, whether it is still delayed
/// (`delayed_until`), and `T`, what the query added.
#[derive(sqlx::FromRow)]
pub(super) struct ListedRow<T> {
    #[sqlx(flatten)]
    summary: SummaryRow,
    delayed_until: Option<String>,
    #[sqlx(flatten)]
    extra: T,
}

impl<T> ListedRow<T> {
    /// The row as the person may see it now: a row still delayed gives its id, kind,
    /// organisation and time of appearing, and `shown` is not asked for the rest.
    pub(super) fn maybe_delayed<U>(
        self,
        shown: impl FnOnce(DocumentSummary, T) -> Result<U, ArchiveError>,
    ) -> Result<MaybeDelayed<U>, ArchiveError> {
        match self.delayed_until {
            Some(at) => Ok(MaybeDelayed::Delayed(self.summary.head.delayed(&at)?)),
            None => Ok(MaybeDelayed::Shown(shown(
                self.summary.try_into()?,
                self.extra,
            )?)),
        }
    }
}

/// Nothing more than the summary.
#[derive(sqlx::FromRow)]
pub(super) struct NoExtra {}

/// A document's text.
#[derive(sqlx::FromRow)]
pub(super) struct BodyRow {
    pub(super) body: Option<String>,
}

/// What [`Access::document`] reads beside the summary: the text, the coding and a
/// laboratory result's value (NULL where the document has none).
#[derive(sqlx::FromRow)]
struct DocumentRow {
    body: Option<String>,
    code_system: Option<String>,
    code_display: Option<String>,
    test_code: Option<String>,
    test_name: Option<String>,
    value: Option<f64>,
    unit: Option<String>,
    reference_low: Option<f64>,
    reference_high: Option<f64>,
    flag: Option<String>,
}

impl Access {
    /// The condition, on documents aliased `d`, that limits them to those this right
    /// may know of (some perhaps delayed); its date bound.
    fn push_listed(&self, sql: &mut Sql) {
        self.visible_rows(sql, "d", "recorded_at");
    }

    /// The condition, on documents aliased `d`, that limits them to those this right
    /// may read now: listed, and not delayed; its values bound.
    fn push_visible(&self, sql: &mut Sql) {
        self.push_listed(sql);
        sql.push(" AND ");
        self.released(sql, "d");
    }

    /// The documents of `kinds` this right may know of that are still delayed, soonest
    /// first: what a summary or the laboratory results say will appear.
    pub(crate) async fn delayed(
        &self,
        read: &mut crate::access::AuditedRead,
        kinds: &[DocumentKind],
    ) -> Result<Vec<DelayedDocument>, ArchiveError> {
        let mut sql = Sql::new(
            "SELECT d.id, d.kind, d.organisation_id, o.name AS organisation_name, d.shown_from \
             FROM document d JOIN organisation o ON o.id = d.organisation_id WHERE d.person_id = ",
        );
        sql.bind(self.subject().get())
            .push(" AND d.kind IN (")
            .bind_list(kinds.iter().map(|k| k.code()))
            .push(") AND ");
        self.push_listed(&mut sql);
        sql.push(" AND NOT ");
        self.released(&mut sql, "d");
        sql.push(" ORDER BY d.shown_from, d.id");
        sql.query_as::<DelayedRow>()
            .fetch_all(&mut *read.tx)
            .await?
            .into_iter()
            .map(|row| row.head.delayed(&row.shown_from))
            .collect()
    }

    /// The query of a page of the documents this right may know of, newest first,
    /// narrowed by `filter`, one row more than `limit` (so that the caller knows of a
    /// next page); `extra` adds columns of `d`.
    fn page_query(
        &self,
        filter: &RecordFilter,
        after: Option<&str>,
        limit: u32,
        extra: &str,
    ) -> Result<Sql, ArchiveError> {
        let mut sql = Sql::new(&format!("SELECT {SUMMARY_COLUMNS}{extra}, "));
        push_delayed_until(self, &mut sql);
        sql.push(&format!(
            " FROM document d {SUMMARY_JOINS} WHERE d.person_id = "
        ))
        .bind(self.subject().get())
        .push(" AND ");
        self.push_listed(&mut sql);
        if let Some(from) = filter.range.from {
            sql.push(" AND d.recorded_at >= ")
                .bind(from.format(DAY).unwrap_or_default());
        }
        if let Some(to) = filter.range.to {
            let next_day = to.saturating_add(Duration::days(1));
            sql.push(" AND d.recorded_at < ")
                .bind(next_day.format(DAY).unwrap_or_default());
        }
        if let Some(org) = filter.organisation {
            sql.push(" AND d.organisation_id = ").bind(org.get());
        }
        if let Some(kind) = filter.kind {
            sql.push(" AND d.kind = ").bind(kind.code());
        }
        if let Some(cursor) = after {
            let (at, id) = decode_cursor(cursor)?;
            sql.push(" AND (d.recorded_at < ")
                .bind(at.clone())
                .push(" OR (d.recorded_at = ")
                .bind(at)
                .push(" AND d.id < ")
                .bind(id)
                .push("))");
        }
        sql.push(" ORDER BY d.recorded_at DESC, d.id DESC LIMIT ")
            .bind(i64::from(limit) + 1);
        Ok(sql)
    }

    /// Runs a [`Access::page_query`] whose added columns are `T` and keeps `limit`
    /// rows, with the cursor of the next page when there is one.
    async fn fetch_page<T>(
        read: &mut crate::access::AuditedRead,
        sql: Sql,
        limit: u32,
    ) -> Result<(Vec<ListedRow<T>>, Option<String>), ArchiveError>
    where
        T: for<'r> sqlx::FromRow<'r, AnyRow> + Send + Unpin,
    {
        let mut rows = sql
            .query_as::<ListedRow<T>>()
            .fetch_all(&mut *read.tx)
            .await?;
        let next = if rows.len() > limit as usize {
            rows.truncate(limit as usize);
            rows.last()
                .map(|last| encode_cursor(&last.summary.recorded_at, last.summary.head.id))
        } else {
            None
        };
        Ok((rows, next))
    }

    /// The person's documents, newest first, narrowed by `filter`, a page at a time.
    ///
    /// # Errors
    /// `Invalid` for a malformed cursor; `Storage` when the database fails.
    pub async fn health_records(
        &self,
        filter: &RecordFilter,
        after: Option<&str>,
        limit: u32,
    ) -> Result<RecordsPage, ArchiveError> {
        let limit = limit.clamp(1, MAX_PAGE);
        let query = self.page_query(filter, after, limit, "")?;
        let mut read = self
            .begin_read(
                Action::ListRecords,
                None,
                Some(filter_detail(filter, after)),
            )
            .await?;
        let (rows, next) = Self::fetch_page::<NoExtra>(&mut read, query, limit).await?;
        let items = rows
            .into_iter()
            .map(|row| row.maybe_delayed(|summary, NoExtra {}| Ok(summary)))
            .collect::<Result<Vec<_>, _>>()?;
        // One probe of the (person, organisation) index per organisation, stopping at
        // the first visible document, rather than a pass over every document.
        let mut sql = Sql::new(
            "SELECT o.id, o.name FROM organisation o WHERE EXISTS (SELECT 1 FROM document d \
             WHERE d.person_id = ",
        );
        sql.bind(self.subject().get())
            .push(" AND d.organisation_id = o.id AND ");
        self.push_listed(&mut sql);
        sql.push(") ORDER BY o.name");
        let organisations = sql
            .query_as::<(i64, String)>()
            .fetch_all(&mut *read.tx)
            .await?
            .into_iter()
            .map(|(id, name)| OrganisationRef {
                id: OrganisationId::from_raw(id),
                name,
            })
            .collect();
        self.finish_read(read).await?;
        Ok(RecordsPage {
            documents: Page { items, next },
            organisations,
        })
    }

    /// What is new in the records since `since_ms` (UTC milliseconds, the previous
    /// visit): documents that appeared since, recorded then or released then from a
    /// delay, as this right sees them now (by index: those recorded since, and those
    /// with a release time since; a document recorded since and still delayed is not
    /// visible, so not counted).
    ///
    /// # Errors
    /// `Refused` when the right does not cover the records; `Storage` when the
    /// database fails.
    pub async fn records_news(&self, since_ms: i64) -> Result<RecordsNews, ArchiveError> {
        self.news_part(Action::RecordsNews, since_ms).await
    }
}

/// The records' part of the news statement ([`NewsPart`]).
#[derive(sqlx::FromRow)]
struct RecordsNewsRow {
    records_documents: i64,
    records_lab_results: i64,
}

impl NewsPart for RecordsNews {
    fn push(access: &Access, sql: &mut Sql, since_ms: i64) {
        let since = crate::clock::format_stamp(crate::clock::finnish_at_ms(since_ms));
        sql.push("(SELECT COUNT(*) AS records_documents, COUNT(CASE WHEN d.kind = ")
            .bind(DocumentKind::LabResult.code())
            .push(" THEN 1 END) AS records_lab_results FROM document d WHERE d.person_id = ")
            .bind(access.subject().get())
            .push(" AND ");
        access.push_visible(sql);
        sql.push(" AND (d.recorded_at > ")
            .bind(since.as_str())
            .push(" OR (d.shown_from IS NOT NULL AND d.shown_from > ")
            .bind(since.as_str())
            .push(")))");
    }

    fn of_row(row: &AnyRow) -> Result<Self, ArchiveError> {
        let row = RecordsNewsRow::from_row(row)?;
        Ok(Self {
            documents: row.records_documents,
            lab_results: row.records_lab_results,
        })
    }
}

impl Access {
    /// One document in full, or, while it is delayed, only that it exists.
    ///
    /// # Errors
    /// `NotFound` when the person has no such document this right may know of.
    pub async fn document(&self, id: DocumentId) -> Result<MaybeDelayed<Document>, ArchiveError> {
        let mut read = self
            .begin_read(Action::ReadDocument, Some(id.get()), None)
            .await?;
        let mut sql = self.documents_query();
        sql.push(" AND d.id = ").bind(id.get()).push(" AND ");
        self.push_listed(&mut sql);
        let row = sql
            .query_as::<ListedRow<DocumentRow>>()
            .fetch_optional(&mut *read.tx)
            .await?;
        let Some(row) = row else {
            return Err(self.refuse_read(read, ArchiveError::NotFound).await);
        };
        let mut document = row.maybe_delayed(document_of)?;
        if let MaybeDelayed::Shown(d) = &mut document {
            if d.summary.kind == DocumentKind::Measurement {
                d.values = measured_values(&mut read.tx, self.subject().get(), &[id.get()])
                    .await?
                    .remove(&id.get())
                    .unwrap_or_default();
            }
        }
        self.finish_read(read).await?;
        Ok(document)
    }
}

impl Access {
    /// Whole documents' query ([`DocumentRow`]s), the person's rows so far.
    fn documents_query(&self) -> Sql {
        let mut sql = Sql::new(&format!(
            "SELECT {SUMMARY_COLUMNS}, d.body, d.code_system, d.code_display, \
             l.test_code, l.test_name, l.value, l.unit, l.reference_low, l.reference_high, l.flag, "
        ));
        push_delayed_until(self, &mut sql);
        sql.push(&format!(
            " FROM document d {SUMMARY_JOINS} \
             LEFT JOIN lab_result l ON l.person_id = d.person_id AND l.document_id = d.id \
             WHERE d.person_id = "
        ))
        .bind(self.subject().get());
        sql
    }

    /// The whole documents this right may read now whose ids follow `after`, at most
    /// `limit`, in the order of their ids, each measurement with its values: a part of
    /// all of them ([`crate::download`]), read in `tx`.
    pub(crate) async fn documents_after(
        &self,
        tx: &mut sqlx::Transaction<'static, sqlx::Any>,
        after: i64,
        limit: u32,
    ) -> Result<Vec<Document>, ArchiveError> {
        let mut sql = self.documents_query();
        sql.push(" AND d.id > ").bind(after).push(" AND ");
        self.push_visible(&mut sql);
        sql.push(" ORDER BY d.id LIMIT ").bind(i64::from(limit));
        let mut documents = sql
            .query_as::<ListedRow<DocumentRow>>()
            .fetch_all(&mut **tx)
            .await?
            .into_iter()
            .map(|row| match row.maybe_delayed(document_of)? {
                MaybeDelayed::Shown(d) => Ok(d),
                MaybeDelayed::Delayed(_) => Err(ArchiveError::Corrupt("a delayed document")),
            })
            .collect::<Result<Vec<_>, ArchiveError>>()?;
        let measured: Vec<i64> = documents
            .iter()
            .filter(|d| d.summary.kind == DocumentKind::Measurement)
            .map(|d| d.summary.id.get())
            .collect();
        if !measured.is_empty() {
            let mut values = measured_values(tx, self.subject().get(), &measured).await?;
            for d in &mut documents {
                if let Some(v) = values.remove(&d.summary.id.get()) {
                    d.values = v;
                }
            }
        }
        Ok(documents)
    }
}

/// A whole document from a row of [`Access::document`]'s query.
fn document_of(summary: DocumentSummary, row: DocumentRow) -> Result<Document, ArchiveError> {
    let coding = match (row.code_system, summary.code.clone(), row.code_display) {
        (Some(system), Some(code), Some(display)) => Some(Coding {
            system,
            code,
            display,
        }),
        _ => None,
    };
    let lab = match row.test_code {
        Some(test_code) => {
            let missing = || ArchiveError::Corrupt("laboratory result");
            Some(LabValue {
                test_code,
                test_name: row.test_name.ok_or_else(missing)?,
                value: row.value.ok_or_else(missing)?,
                unit: row.unit.ok_or_else(missing)?,
                reference_low: row.reference_low,
                reference_high: row.reference_high,
                flag: AbnormalFlag::from_code(&row.flag.ok_or_else(missing)?),
            })
        }
        None => None,
    };
    Ok(Document {
        summary,
        text: row.body,
        coding,
        lab,
        values: Vec::new(),
    })
}

/// The values of the measurement documents `ids` (already found visible), by document.
async fn measured_values(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    person: i64,
    ids: &[i64],
) -> Result<std::collections::HashMap<i64, Vec<MeasuredValue>>, ArchiveError> {
    let mut sql =
        Sql::new("SELECT document_id, code, value, unit FROM measurement_value WHERE person_id = ");
    sql.bind(person)
        .push(" AND document_id IN (")
        .bind_list(ids.iter().copied())
        .push(") ORDER BY document_id, position");
    let mut by_document: std::collections::HashMap<i64, Vec<MeasuredValue>> =
        std::collections::HashMap::new();
    let rows = sql
        .query_as::<(i64, String, f64, String)>()
        .fetch_all(&mut **tx)
        .await?;
    for (document, code, value, unit) in rows {
        by_document
            .entry(document)
            .or_default()
            .push(MeasuredValue { code, value, unit });
    }
    Ok(by_document)
}
