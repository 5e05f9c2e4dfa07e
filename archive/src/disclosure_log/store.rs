//! The disclosure log: what others did with the person's data. The person's own
//! section; every read of it is audited like any other. Others' events are read from
//! the index that holds only them ([`others_events`]), so the person's own events,
//! however many, are not scanned.

use super::model::{DisclosureLog, LogEntry, LogFilter, LoggedAction, ProviderActor, MAX_LOG_PAGE};
use crate::access::{Access, Action};
use crate::audit::Outcome;
use crate::db::Sql;
use crate::error::ArchiveError;
use crate::model::{
    DisclosureNews, OrganisationId, OrganisationRef, QueryPurpose, QueryRole, RightKind,
};
use crate::news::part::NewsPart;

/// The columns of the trail a log entry is read from.
const ENTRY_COLUMNS: &str = "id, at_ms, actor_id, actor_organisation_id, actor_unit_id, \
     actor_role, acting_right, action, outcome, purpose, object_detail";

/// A log entry's row: the event's columns, the person's or organisation's name, the
/// unit's, and how many objects the event disclosed.
#[derive(sqlx::FromRow)]
struct EntryRow {
    id: i64,
    at_ms: i64,
    actor_id: Option<i64>,
    actor_role: Option<String>,
    acting_right: String,
    action: String,
    outcome: String,
    purpose: String,
    object_detail: Option<String>,
    given_name: Option<String>,
    family_name: Option<String>,
    organisation_name: Option<String>,
    unit_name: Option<String>,
    disclosed: i64,
}

impl EntryRow {
    fn entry(self) -> Result<LoggedAction, ArchiveError> {
        let corrupt = || ArchiveError::Corrupt("audit actor");
        let (actor_name, provider) = match self.actor_id {
            Some(_) => (
                format!(
                    "{} {}",
                    self.given_name.unwrap_or_default(),
                    self.family_name.unwrap_or_default()
                ),
                None,
            ),
            None => {
                let withheld = self
                    .object_detail
                    .as_deref()
                    .unwrap_or_default()
                    .split(';')
                    .find_map(|p| p.strip_prefix("withheld="))
                    .and_then(|n| n.parse().ok())
                    .unwrap_or(0);
                (
                    self.organisation_name.ok_or_else(corrupt)?,
                    Some(ProviderActor {
                        unit: self.unit_name,
                        role: self
                            .actor_role
                            .as_deref()
                            .and_then(QueryRole::from_code)
                            .ok_or_else(corrupt)?,
                        purpose: QueryPurpose::from_code(&self.purpose).ok_or_else(corrupt)?,
                        disclosed: u32::try_from(self.disclosed).unwrap_or(u32::MAX),
                        withheld,
                    }),
                )
            }
        };
        Ok(LoggedAction {
            key: encode_key(self.at_ms, self.id),
            at: crate::clock::finnish_at_ms(self.at_ms),
            actor_name,
            right: self
                .actor_id
                .and_then(|_| RightKind::from_code(&self.acting_right)),
            provider,
            action: Action::from_code(&self.action).ok_or(ArchiveError::Corrupt("audit action"))?,
            outcome: Outcome::from_code(&self.outcome).as_told(),
        })
    }
}

/// An entry's key: its time and id. Opaque to the web side.
fn encode_key(at_ms: i64, id: i64) -> String {
    format!("{at_ms}~{id}")
}

fn decode_key(s: &str, field: &'static str) -> Result<(i64, i64), ArchiveError> {
    s.split_once('~')
        .and_then(|(at, id)| Some((at.parse().ok()?, id.parse().ok()?)))
        .ok_or(ArchiveError::invalid(field, "request"))
}

/// Reads log entries of `from` (rows of [`ENTRY_COLUMNS`] aliased `a`) with their
/// names and disclosed counts.
fn push_entries(sql: &mut Sql, subject: i64, from: impl FnOnce(&mut Sql)) {
    sql.push(
        "SELECT a.id, a.at_ms, a.actor_id, a.actor_role, a.acting_right, a.action, a.outcome, \
         a.purpose, a.object_detail, p.given_name, p.family_name, o.name AS organisation_name, \
         u.name AS unit_name, (SELECT COUNT(*) FROM audit_event_object x WHERE x.subject_id = ",
    )
    .bind(subject)
    .push(" AND x.at_ms = a.at_ms AND x.event_id = a.id) AS disclosed FROM (");
    from(sql);
    sql.push(
        ") a LEFT JOIN person p ON p.id = a.actor_id \
         LEFT JOIN organisation o ON o.id = a.actor_organisation_id \
         LEFT JOIN care_unit u ON u.id = a.actor_unit_id \
         WHERE (a.actor_id IS NULL OR p.id IS NOT NULL)",
    );
}

/// The first and the last instant (UTC milliseconds) of a range of days.
fn range_ms(range: &crate::model::DateRange) -> (Option<i64>, Option<i64>) {
    let midnight = |d: time::Date| crate::access::unix_ms(crate::clock::from_finnish(d.midnight()));
    (
        range.from.map(midnight),
        range.to.map(|d| midnight(d + time::Duration::days(1))),
    )
}

impl Access {
    /// What others did with the person's data, newest first, as `filter` narrows it, a
    /// page of at most `limit` after the cursor `after`: proxies (who, by which right,
    /// what, and whether it was refused — as the person may be told it, never the
    /// register's facts about the proxy, [`Outcome::as_told`]) and care organisations
    /// (which, its unit, the role, why, what was disclosed and how much the denials
    /// held back); with the organisation filter, that organisation's queries only. And
    /// the certificates forwarded to other organisations. The person's own section.
    ///
    /// # Errors
    /// `Refused` for a proxy; `Invalid` for a malformed cursor; `Storage` when the
    /// database fails.
    pub async fn disclosure_log(
        &self,
        filter: &LogFilter,
        after: Option<&str>,
        limit: u32,
    ) -> Result<DisclosureLog, ArchiveError> {
        let cursor = after.map(|a| decode_key(a, "after")).transpose()?;
        let detail = format!(
            "from={};to={};organisation={};after={}",
            filter.range.from.map(|d| d.to_string()).unwrap_or_default(),
            filter.range.to.map(|d| d.to_string()).unwrap_or_default(),
            filter
                .organisation
                .map(|o| o.to_string())
                .unwrap_or_default(),
            after.unwrap_or_default()
        );
        let mut read = self
            .begin_read(Action::ReadDisclosureLog, None, Some(detail))
            .await?;
        let limit = i64::from(limit.clamp(1, MAX_LOG_PAGE));
        let rows = self
            .entry_rows(&mut read.tx, filter, cursor, limit + 1)
            .await?;
        let forwardings = self.forwarded_certificates_in(&mut read.tx, limit).await?;
        let organisations = self.askers_in(&mut read.tx).await?;
        self.finish_read(read).await?;
        let mut actions = rows
            .into_iter()
            .map(EntryRow::entry)
            .collect::<Result<Vec<_>, ArchiveError>>()?;
        let next = if actions.len() > usize::try_from(limit).unwrap_or(usize::MAX) {
            actions.truncate(usize::try_from(limit).unwrap_or(usize::MAX));
            actions.last().map(|a| a.key.clone())
        } else {
            None
        };
        Ok(DisclosureLog {
            actions,
            next,
            forwardings,
            organisations,
        })
    }

    /// The log's entries as `filter` narrows it, newest first, after `cursor`, at most
    /// `limit`: its rows read in `tx`.
    async fn entry_rows(
        &self,
        tx: &mut sqlx::Transaction<'static, sqlx::Any>,
        filter: &LogFilter,
        cursor: Option<(i64, i64)>,
        limit: i64,
    ) -> Result<Vec<EntryRow>, ArchiveError> {
        let subject = self.subject().get();
        let (from_ms, to_ms) = range_ms(&filter.range);
        let bounds = |sql: &mut Sql| {
            if let Some(from) = from_ms {
                sql.push(" AND at_ms >= ").bind(from);
            }
            if let Some(to) = to_ms {
                sql.push(" AND at_ms < ").bind(to);
            }
            if let Some((at, id)) = cursor {
                sql.push(" AND (at_ms < ")
                    .bind(at)
                    .push(" OR (at_ms = ")
                    .bind(at)
                    .push(" AND id < ")
                    .bind(id)
                    .push("))");
            }
            sql.push(" ORDER BY at_ms DESC, id DESC LIMIT ").bind(limit);
        };
        let mut sql = Sql::new("");
        push_entries(&mut sql, subject, |sql| {
            if filter.organisation.is_none() {
                // Persons only: the archive's own processes (the prescription
                // centre's desk, imports), which write as a person-shaped actor of
                // their own and are no one, would otherwise fill a range's limit and
                // end the paging early.
                others_events(sql, self, ENTRY_COLUMNS, |sql| {
                    sql.push(" AND actor_id <> ")
                        .bind(crate::audit::ARCHIVE_ITSELF.get());
                    bounds(sql);
                });
                sql.push(" UNION ALL ");
            }
            sql.push(&format!(
                "SELECT * FROM (SELECT {ENTRY_COLUMNS} FROM audit_event WHERE subject_id = "
            ))
            .bind(subject)
            .push(" AND actor_id IS NULL");
            if let Some(org) = filter.organisation {
                sql.push(" AND actor_organisation_id = ").bind(org.get());
            }
            bounds(sql);
            sql.push(") q");
        });
        sql.push(" ORDER BY a.at_ms DESC, a.id DESC LIMIT ")
            .bind(limit);
        let rows = sql
            .query_as()
            .persistent(false)
            .fetch_all(&mut **tx)
            .await?;
        Ok(rows)
    }

    /// Every entry of the log after `after` (an entry's key), newest first, at most
    /// `limit`: a part of the whole log ([`crate::download`]), read in `tx`.
    pub(crate) async fn log_entries_after(
        &self,
        tx: &mut sqlx::Transaction<'static, sqlx::Any>,
        after: Option<&str>,
        limit: u32,
    ) -> Result<Vec<LoggedAction>, ArchiveError> {
        let cursor = after.map(|a| decode_key(a, "after")).transpose()?;
        self.entry_rows(tx, &LogFilter::default(), cursor, i64::from(limit))
            .await?
            .into_iter()
            .map(EntryRow::entry)
            .collect()
    }

    /// One entry of the log, `key` as the log gave it, and what it disclosed: the
    /// documents and prescriptions an organisation's query was given.
    ///
    /// # Errors
    /// `Refused` for a proxy; `NotFound` for a key that names no other's entry on
    /// the person's trail (recorded so); `Invalid` for a malformed key; `Storage`
    /// when the database fails.
    pub async fn disclosure_entry(&self, key: &str) -> Result<LogEntry, ArchiveError> {
        let (at_ms, id) = decode_key(key, "entry")?;
        let mut read = self
            .begin_read(
                Action::ReadDisclosureLog,
                None,
                Some(format!("entry={key}")),
            )
            .await?;
        let subject = self.subject().get();
        let mut sql = Sql::new("");
        push_entries(&mut sql, subject, |sql| {
            sql.push(&format!(
                "SELECT {ENTRY_COLUMNS} FROM audit_event WHERE subject_id = "
            ))
            .bind(subject)
            .push(" AND at_ms = ")
            .bind(at_ms)
            .push(" AND id = ")
            .bind(id)
            .push(" AND (actor_id IS NULL OR actor_id <> ")
            .bind(subject)
            .push(")");
        });
        let row: Option<EntryRow> = sql.query_as().fetch_optional(&mut *read.tx).await?;
        let Some(row) = row else {
            return Err(self.refuse_read(read, ArchiveError::NotFound).await);
        };
        let event = (subject, at_ms, id);
        let documents = crate::providers::store::disclosed_documents(&mut read.tx, event).await?;
        let prescriptions =
            crate::providers::store::disclosed_prescriptions(&mut read.tx, event).await?;
        self.finish_read(read).await?;
        Ok(LogEntry {
            action: row.entry()?,
            documents,
            prescriptions,
        })
    }

    /// The organisations that have asked for the person's data, by name: each looked
    /// up by the (subject, organisation, time) index.
    async fn askers_in(
        &self,
        tx: &mut sqlx::AnyConnection,
    ) -> Result<Vec<OrganisationRef>, ArchiveError> {
        let rows: Vec<(i64, String)> = sqlx::query_as(
            "SELECT o.id, o.name FROM organisation o WHERE EXISTS (SELECT 1 FROM audit_event e \
             WHERE e.subject_id = $1 AND e.actor_organisation_id = o.id) ORDER BY o.name",
        )
        .bind(self.subject().get())
        .fetch_all(&mut *tx)
        .await?;
        Ok(rows
            .into_iter()
            .map(|(id, name)| OrganisationRef {
                id: OrganisationId::from_raw(id),
                name,
            })
            .collect())
    }

    /// What others did with the person's data since `since_ms` (UTC milliseconds, the
    /// previous visit): how many entries the disclosure log gained, and by whom, how
    /// many queries care organisations made, and which, and how many certificates
    /// were forwarded, and to whom; read as the front page reads
    /// it ([`NewsPart`], then [`Access::name_disclosures`]).
    ///
    /// # Errors
    /// `Refused` for a proxy; `Storage` when the database fails.
    pub async fn disclosure_news(&self, since_ms: i64) -> Result<DisclosureNews, ArchiveError> {
        let mut read = self.begin_section_read(Action::DisclosureLogNews).await?;
        let mut news: DisclosureNews = self.read_part(&mut read.tx, since_ms).await?;
        self.name_disclosures(&mut read.tx, since_ms, &mut news)
            .await?;
        self.finish_sections_read(read).await?;
        Ok(news)
    }

    /// Who the others were and where certificates went, within the read that counted
    /// them (`news`, from its [`NewsPart`]): asked only when there were any, as seldom
    /// there are, so a front page with nothing of the kind asks nothing more. Each
    /// count is then taken from the rows named, so the two always agree.
    pub(crate) async fn name_disclosures(
        &self,
        tx: &mut sqlx::AnyConnection,
        since_ms: i64,
        news: &mut DisclosureNews,
    ) -> Result<(), ArchiveError> {
        if news.entries > 0 {
            let mut sql =
                Sql::new("SELECT p.given_name, p.family_name, COUNT(*) AS entries FROM (");
            others_events(&mut sql, self, "actor_id, at_ms", |sql| {
                sql.push(" AND at_ms > ").bind(since_ms);
            });
            sql.push(
                ") a JOIN person p ON p.id = a.actor_id \
                 GROUP BY p.id, p.given_name, p.family_name ORDER BY MAX(a.at_ms) DESC",
            );
            let rows: Vec<(String, String, i64)> = sql.query_as().fetch_all(&mut *tx).await?;
            news.entries = rows.iter().map(|r| r.2).sum();
            news.actors = rows
                .into_iter()
                .map(|(given, family, _)| format!("{given} {family}"))
                .collect();
        }
        if news.queries > 0 {
            let rows: Vec<(String, i64)> = sqlx::query_as(
                "SELECT o.name, COUNT(*) FROM audit_event e \
                 JOIN organisation o ON o.id = e.actor_organisation_id \
                 WHERE e.subject_id = $1 AND e.actor_id IS NULL AND e.at_ms > $2 \
                 GROUP BY o.id, o.name ORDER BY MAX(e.at_ms) DESC",
            )
            .bind(self.subject().get())
            .bind(since_ms)
            .fetch_all(&mut *tx)
            .await?;
            news.queries = rows.iter().map(|r| r.1).sum();
            news.askers = rows.into_iter().map(|(name, _)| name).collect();
        }
        if news.forwarded > 0 {
            let forwarded = self.forwarded_since_in(tx, since_ms).await?;
            news.forwarded = forwarded.iter().map(|(_, n)| n).sum();
            news.recipients = forwarded.into_iter().map(|(r, _)| r).collect();
        }
        Ok(())
    }
}

#[derive(sqlx::FromRow)]
struct DisclosureNewsRow {
    disclosures_entries: i64,
    disclosures_forwarded: i64,
    disclosures_queries: i64,
}

/// The counts alone: who did it, and where certificates went, are asked only when
/// there is something to name ([`Access::name_disclosures`]). A news part is read
/// within a read that plans by index ([`crate::db::Db::begin_generic`]), so its read
/// of the trail is kept prepared.
impl NewsPart for DisclosureNews {
    fn push(access: &Access, sql: &mut Sql, since_ms: i64) {
        sql.push("(SELECT (SELECT COUNT(*) FROM (");
        others_events(sql, access, "at_ms", |sql| {
            sql.push(" AND at_ms > ").bind(since_ms);
        });
        sql.push(") e) AS disclosures_entries, (");
        access.push_forwarded_count(sql, since_ms);
        sql.push(
            ") AS disclosures_forwarded, (SELECT COUNT(*) FROM audit_event \
             WHERE subject_id = ",
        )
        .bind(access.subject().get())
        .push(" AND actor_id IS NULL AND at_ms > ")
        .bind(since_ms)
        .push(") AS disclosures_queries)");
    }

    fn of_row(row: &sqlx::any::AnyRow) -> Result<Self, ArchiveError> {
        let row = <DisclosureNewsRow as sqlx::FromRow<_>>::from_row(row)?;
        Ok(Self {
            entries: row.disclosures_entries,
            forwarded: row.disclosures_forwarded,
            queries: row.disclosures_queries,
            ..Self::default()
        })
    }
}

/// Others' events on the person's trail, `columns` of each, narrowed by `then` (a
/// time bound, or an order and a limit): one range of the index that holds only
/// others' events (`audit_event_by_others`, migration 0029, whose condition
/// `actor_id <> subject_id` the query repeats so that both databases can prove it
/// serves), so that the person's own events, however many their visits write, are
/// never read. (Two ranges of the (subject, actor, time) index served only while the
/// planner chose that index: PostgreSQL's plan kept for a connection read the
/// subject's whole trail since the previous visit by the primary key instead, 0.9 ms a
/// front page after 300 pages of one visit, and growing.)
///
/// A query on the trail is kept prepared only within a read that plans by index
/// ([`crate::db::Db::begin_generic`], the news); elsewhere not (`persistent(false)`):
/// PostgreSQL plans it with its values each time. The trail is the one table every
/// request writes to, so it grows from empty in a new database faster than statistics
/// follow; a plan kept from its first pages (a sequential scan, then right) stayed in
/// each connection as the table grew, and on the benchmark's fresh database read the
/// whole trail on every front page (3 ms at 30,000 events). Planning it afresh costs
/// 0.1-0.5 ms.
fn others_events(sql: &mut Sql, access: &Access, columns: &str, then: impl Fn(&mut Sql)) {
    sql.push(&format!(
        "SELECT * FROM (SELECT {columns} FROM audit_event WHERE subject_id = "
    ))
    .bind(access.subject().get())
    .push(" AND actor_id <> subject_id");
    then(sql);
    sql.push(") b");
}
