//! Social welfare: the documents by service task, one document, and what is new. Every
//! read shows only documents of a task and kind ever shown ([`ServiceTask::ever_shown`],
//! [`SocialDocumentKind::ever_shown`]) and visible to this right
//! ([`Access::visible_rows`]): all in [`Access::push_shown_social`].

use std::collections::BTreeMap;

use super::model::{
    DesignatedWorker, ServiceTask, ServiceTaskRecords, SocialDocument, SocialDocumentId,
    SocialDocumentKind, SocialDocumentSummary, SocialWelfare, SocialWelfareNews, WorkerRole,
};
use crate::access::{Access, Action, AuditedRead};
use crate::clock::{format_stamp, parse_stamp};
use crate::db::Sql;
use crate::error::ArchiveError;
use crate::model::{Language, OrganisationId, OrganisationRef};
use crate::news::part::NewsPart;

const COLUMNS: &str = "SELECT d.id, d.service_task, d.kind, d.recorded_at, d.title, d.language, \
     d.organisation_id, o.name AS organisation_name, u.name AS unit_name";
const FROM: &str = " FROM social_document d JOIN organisation o ON o.id = d.organisation_id \
     JOIN care_unit u ON u.id = d.unit_id WHERE d.person_id = ";

/// A listed document as [`COLUMNS`] reads it.
#[derive(sqlx::FromRow)]
struct SummaryRow {
    id: i64,
    service_task: String,
    kind: String,
    recorded_at: String,
    title: String,
    language: String,
    organisation_id: i64,
    organisation_name: String,
    unit_name: String,
}

impl TryFrom<SummaryRow> for SocialDocumentSummary {
    type Error = ArchiveError;

    fn try_from(row: SummaryRow) -> Result<Self, ArchiveError> {
        Ok(Self {
            id: SocialDocumentId::from_raw(row.id),
            task: ServiceTask::from_code(&row.service_task)
                .ok_or(ArchiveError::Corrupt("service task"))?,
            kind: SocialDocumentKind::from_code(&row.kind)
                .ok_or(ArchiveError::Corrupt("social document kind"))?,
            recorded_at: parse_stamp(&row.recorded_at)?,
            title: row.title,
            organisation: OrganisationRef {
                id: OrganisationId::from_raw(row.organisation_id),
                name: row.organisation_name,
            },
            unit: row.unit_name,
            language: Language::from_code(&row.language)
                .ok_or(ArchiveError::Corrupt("language"))?,
        })
    }
}

/// A document in full: its summary and its text.
#[derive(sqlx::FromRow)]
struct DocumentRow {
    #[sqlx(flatten)]
    summary: SummaryRow,
    body: Option<String>,
}

/// A client relationship as stored.
#[derive(sqlx::FromRow)]
struct ClientRow {
    service_task: String,
    organisation_id: i64,
    started_on: String,
    worker_name: String,
    worker_role: String,
    worker_phone: Option<String>,
}

impl ClientRow {
    fn worker(&self) -> Result<DesignatedWorker, ArchiveError> {
        Ok(DesignatedWorker {
            name: self.worker_name.clone(),
            role: WorkerRole::from_code(&self.worker_role)
                .ok_or(ArchiveError::Corrupt("worker role"))?,
            phone: self.worker_phone.clone(),
        })
    }
}

impl Access {
    /// The condition, on social documents aliased `d`, that limits them to those this
    /// right is shown: of a task and a kind ever shown, and visible to this right.
    fn push_shown_social(&self, sql: &mut Sql) {
        sql.push(" AND d.service_task NOT IN (")
            .bind_list(ServiceTask::never_shown().map(ServiceTask::code))
            .push(") AND d.kind NOT IN (")
            .bind_list(SocialDocumentKind::never_shown().map(SocialDocumentKind::code))
            .push(") AND ");
        self.visible_rows(sql, "d", "recorded_at");
    }

    /// The person's client relationships, by (task, organisation).
    async fn clients(
        &self,
        read: &mut AuditedRead,
    ) -> Result<BTreeMap<(String, i64), ClientRow>, ArchiveError> {
        let rows: Vec<ClientRow> = sqlx::query_as(
            "SELECT service_task, organisation_id, started_on, worker_name, worker_role, worker_phone \
             FROM social_client WHERE person_id = $1",
        )
        .bind(self.subject().get())
        .fetch_all(&mut *read.tx)
        .await?;
        Ok(rows
            .into_iter()
            .map(|r| ((r.service_task.clone(), r.organisation_id), r))
            .collect())
    }

    /// The person's social-welfare documents this right is shown, by service task and
    /// organisation (tasks in their order), each newest first, with the designated
    /// worker of each client relationship.
    ///
    /// # Errors
    /// `Refused` when the right does not cover social welfare; `Storage` when the
    /// database fails.
    pub async fn social_welfare(&self) -> Result<SocialWelfare, ArchiveError> {
        let mut read = self
            .begin_read(Action::ListSocialWelfare, None, None)
            .await?;
        let mut sql = Sql::new(&format!("{COLUMNS}{FROM}"));
        sql.bind(self.subject().get());
        self.push_shown_social(&mut sql);
        sql.push(" ORDER BY d.recorded_at DESC, d.id DESC");
        let documents = sql
            .query_as::<SummaryRow>()
            .fetch_all(&mut *read.tx)
            .await?
            .into_iter()
            .map(SocialDocumentSummary::try_from)
            .collect::<Result<Vec<_>, _>>()?;
        let clients = self.clients(&mut read).await?;
        self.finish_read(read).await?;
        let mut groups: BTreeMap<(ServiceTask, i64), ServiceTaskRecords> = BTreeMap::new();
        for d in documents {
            let key = (d.task, d.organisation.id.get());
            let group = groups.entry(key).or_insert_with(|| ServiceTaskRecords {
                task: d.task,
                organisation: d.organisation.clone(),
                started_on: None,
                worker: None,
                documents: Vec::new(),
            });
            group.documents.push(d);
        }
        for group in groups.values_mut() {
            if let Some(client) =
                clients.get(&(group.task.code().to_owned(), group.organisation.id.get()))
            {
                group.worker = Some(client.worker()?);
                group.started_on = time::Date::parse(
                    &client.started_on,
                    &time::format_description::well_known::Iso8601::DATE,
                )
                .ok();
            }
        }
        Ok(SocialWelfare {
            tasks: groups.into_values().collect(),
        })
    }

    /// One social-welfare document in full, with the designated worker of its client
    /// relationship.
    ///
    /// # Errors
    /// `NotFound` when the person has no such document this right is shown.
    pub async fn social_document(
        &self,
        id: SocialDocumentId,
    ) -> Result<SocialDocument, ArchiveError> {
        let mut read = self
            .begin_read(Action::ReadSocialDocument, Some(id.get()), None)
            .await?;
        let mut sql = Sql::new(&format!("{COLUMNS}, d.body{FROM}"));
        sql.bind(self.subject().get())
            .push(" AND d.id = ")
            .bind(id.get());
        self.push_shown_social(&mut sql);
        let Some(row) = sql
            .query_as::<DocumentRow>()
            .fetch_optional(&mut *read.tx)
            .await?
        else {
            return Err(self.refuse_read(read, ArchiveError::NotFound).await);
        };
        let key = (
            row.summary.service_task.clone(),
            row.summary.organisation_id,
        );
        let clients = self.clients(&mut read).await?;
        self.finish_read(read).await?;
        let worker = clients.get(&key).map(ClientRow::worker).transpose()?;
        Ok(SocialDocument {
            summary: row.summary.try_into()?,
            text: row.body.filter(|b| !b.trim().is_empty()),
            worker,
        })
    }

    /// Client documents recorded since `since_ms` (UTC milliseconds, the previous
    /// visit).
    ///
    /// # Errors
    /// `Refused` when the right does not cover social welfare; `Storage` when the
    /// database fails.
    pub async fn social_welfare_news(
        &self,
        since_ms: i64,
    ) -> Result<SocialWelfareNews, ArchiveError> {
        self.news_part(Action::SocialWelfareNews, since_ms).await
    }
}

/// The social welfare's part of the news statement ([`NewsPart`]).
#[derive(sqlx::FromRow)]
struct SocialWelfareNewsRow {
    social_welfare_documents: i64,
}

impl NewsPart for SocialWelfareNews {
    fn push(access: &Access, sql: &mut Sql, since_ms: i64) {
        let since = format_stamp(crate::clock::finnish_at_ms(since_ms));
        sql.push(
            "(SELECT COUNT(*) AS social_welfare_documents FROM social_document d \
             WHERE d.person_id = ",
        )
        .bind(access.subject().get());
        access.push_shown_social(sql);
        sql.push(" AND d.recorded_at > ").bind(since).push(")");
    }

    fn of_row(row: &sqlx::any::AnyRow) -> Result<Self, ArchiveError> {
        let row = <SocialWelfareNewsRow as sqlx::FromRow<_>>::from_row(row)?;
        Ok(Self {
            documents: row.social_welfare_documents,
        })
    }
}
