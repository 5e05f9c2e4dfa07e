//! The disclosure log: what others did with the person's data. The person's own
//! section; every read of it is audited like any other. Others' events are read as two
//! ranges of the (subject, actor, time) index ([`others_events`]), so the person's own
//! events, however many, are not scanned.

use super::model::{DisclosureLog, LoggedAction};
use crate::access::{Access, Action};
use crate::audit::Outcome;
use crate::db::Sql;
use crate::error::ArchiveError;
use crate::model::{DisclosureNews, RightKind};
use crate::news::part::NewsPart;

impl Access {
    /// What others (proxies, so far) did with the person's data, newest first: who, by
    /// which right, what, and whether it was refused — as the person may be told it,
    /// never the register's facts about the proxy ([`Outcome::as_told`]); and the
    /// certificates forwarded to other organisations. At most `limit` of each. The
    /// person's own section.
    ///
    /// # Errors
    /// `Refused` for a proxy; `Storage` when the database fails.
    pub async fn disclosure_log(&self, limit: u32) -> Result<DisclosureLog, ArchiveError> {
        let mut read = self
            .begin_read(Action::ReadDisclosureLog, None, None)
            .await?;
        let limit = i64::from(limit.clamp(1, 1000));
        let mut sql = Sql::new(
            "SELECT a.at_ms, p.given_name, p.family_name, a.acting_right, a.action, a.outcome FROM (",
        );
        others_events(
            &mut sql,
            self,
            "id, at_ms, actor_id, acting_right, action, outcome",
            |sql| {
                sql.push(" ORDER BY at_ms DESC, id DESC LIMIT ").bind(limit);
            },
        );
        sql.push(") a JOIN person p ON p.id = a.actor_id ORDER BY a.at_ms DESC, a.id DESC LIMIT ")
            .bind(limit);
        let rows: Vec<(i64, String, String, String, String, String)> = sql
            .query_as()
            .persistent(false)
            .fetch_all(&mut *read.tx)
            .await?;
        let forwardings = self.forwarded_certificates_in(&mut read.tx, limit).await?;
        self.finish_read(read).await?;
        let actions = rows
            .into_iter()
            .map(|(at_ms, given, family, right, action, outcome)| {
                Ok(LoggedAction {
                    at: crate::clock::finnish_at_ms(at_ms),
                    actor_name: format!("{given} {family}"),
                    right: RightKind::from_code(&right),
                    action: Action::from_code(&action)
                        .ok_or(ArchiveError::Corrupt("audit action"))?,
                    outcome: Outcome::from_code(&outcome).as_told(),
                })
            })
            .collect::<Result<Vec<_>, ArchiveError>>()?;
        Ok(DisclosureLog {
            actions,
            forwardings,
        })
    }

    /// What others did with the person's data since `since_ms` (UTC milliseconds, the
    /// previous visit): how many entries the disclosure log gained, and by whom, and
    /// how many certificates were forwarded, and to whom; read as the front page reads
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
        sql.push(") AS disclosures_forwarded)");
    }

    fn of_row(row: &sqlx::any::AnyRow) -> Result<Self, ArchiveError> {
        let row = <DisclosureNewsRow as sqlx::FromRow<_>>::from_row(row)?;
        Ok(Self {
            entries: row.disclosures_entries,
            forwarded: row.disclosures_forwarded,
            ..Self::default()
        })
    }
}

/// Others' events on the person's trail, `columns` of each: two ranges of the
/// (subject, actor, time) index, actors before the person and after, each narrowed by
/// `then` (a time bound, or an order and a limit), so that the person's own events,
/// however many their visits write, are never read. (One `actor_id <> subject`, or the
/// two ranges joined by OR, let SQLite read the subject's whole trail by time instead:
/// 0.6 ms a front page after a few hundred visits, and growing.)
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
    let subject = access.subject().get();
    for (i, (alias, actors)) in [("b", " AND actor_id < "), ("c", " AND actor_id > ")]
        .into_iter()
        .enumerate()
    {
        if i > 0 {
            sql.push(" UNION ALL ");
        }
        sql.push(&format!(
            "SELECT * FROM (SELECT {columns} FROM audit_event WHERE subject_id = "
        ))
        .bind(subject)
        .push(actors)
        .bind(subject);
        then(sql);
        sql.push(&format!(") {alias}"));
    }
}
