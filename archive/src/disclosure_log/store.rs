//! The disclosure log: what others did with the person's data. The person's own
//! section; every read of it is audited like any other. Others' events are read as two
//! ranges of the (subject, actor, time) index ([`others_events`]), so the person's own
//! events, however many, are not scanned.

use super::model::{DisclosureLog, LoggedAction};
use crate::access::{Access, Action};
use crate::audit::Outcome;
use crate::error::ArchiveError;
use crate::model::{DisclosureNews, RightKind};

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
        let rows: Vec<(i64, String, String, String, String, String)> = sqlx::query_as(&format!(
            "SELECT a.at_ms, p.given_name, p.family_name, a.acting_right, a.action, a.outcome \
             FROM ({}) a JOIN person p ON p.id = a.actor_id ORDER BY a.at_ms DESC, a.id DESC LIMIT $2",
            others_events(
                "id, at_ms, actor_id, acting_right, action, outcome",
                "ORDER BY at_ms DESC, id DESC LIMIT $2"
            )
        ))
        .bind(self.subject().get())
        .bind(i64::from(limit.clamp(1, 1000)))
        .persistent(false)
        .fetch_all(&mut *read.tx)
        .await?;
        let forwardings = self
            .forwarded_certificates_in(&mut read.tx, i64::from(limit.clamp(1, 1000)))
            .await?;
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
    /// how many certificates were forwarded, and to whom.
    ///
    /// # Errors
    /// `Refused` for a proxy; `Storage` when the database fails.
    pub async fn disclosure_news(&self, since_ms: i64) -> Result<DisclosureNews, ArchiveError> {
        let mut read = self.begin_section_read(Action::DisclosureLogNews).await?;
        let news = self.disclosure_news_in(&mut read.tx, since_ms).await?;
        self.finish_sections_read(read).await?;
        Ok(news)
    }

    /// [`Access::disclosure_news`] within a read begun elsewhere (the front page's, of
    /// every section at once), which audits it. Only within a read planned as those
    /// are ([`crate::db::Db::begin_generic`]): by index, so kept prepared.
    pub(crate) async fn disclosure_news_in(
        &self,
        tx: &mut sqlx::Transaction<'static, sqlx::Any>,
        since_ms: i64,
    ) -> Result<DisclosureNews, ArchiveError> {
        let rows: Vec<(String, String, i64)> = sqlx::query_as(&format!(
            "SELECT p.given_name, p.family_name, COUNT(*) AS entries \
             FROM ({}) a JOIN person p ON p.id = a.actor_id \
             GROUP BY p.id, p.given_name, p.family_name ORDER BY MAX(a.at_ms) DESC",
            others_events("actor_id, at_ms", "AND at_ms > $2")
        ))
        .bind(self.subject().get())
        .bind(since_ms)
        .fetch_all(&mut **tx)
        .await?;
        let forwarded = self.forwarded_since_in(tx, since_ms).await?;
        Ok(DisclosureNews {
            entries: rows.iter().map(|r| r.2).sum(),
            actors: rows
                .into_iter()
                .map(|(given, family, _)| format!("{given} {family}"))
                .collect(),
            forwarded: forwarded.iter().map(|(_, n)| n).sum(),
            recipients: forwarded.into_iter().map(|(r, _)| r).collect(),
        })
    }
}

/// Others' events on the person's (`$1`) trail, `columns` of each: two ranges of the
/// (subject, actor, time) index, actors before the person and after, each narrowed by
/// `then` (a time bound, or an order and a limit), so that the person's own events,
/// however many their visits write, are never read. (One `actor_id <> $1`, or the two
/// ranges joined by OR, let SQLite read the subject's whole trail by time instead:
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
fn others_events(columns: &str, then: &str) -> String {
    format!(
        "SELECT * FROM (SELECT {columns} FROM audit_event WHERE subject_id = $1 AND actor_id < $1 {then}) b \
         UNION ALL \
         SELECT * FROM (SELECT {columns} FROM audit_event WHERE subject_id = $1 AND actor_id > $1 {then}) c"
    )
}
