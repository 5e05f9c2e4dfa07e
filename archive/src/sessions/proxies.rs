//! Whom a signed-in person may act for, and the mandates they gave that end soon.

use sqlx::AnyConnection;

use super::{handle_of, SessionToken};
use crate::access::{Access, Action, Actor, Archive};
use crate::audit::Refusal;
use crate::audit_writer::AuditEvent;
use crate::db::Sql;
use crate::error::ArchiveError;
use crate::facts::{facts_of, push_registered};
use crate::model::{MandateEnding, PersonId, ProxyOption, ProxyOverview};
use crate::news::part::NewsPart;

impl Archive {
    /// The persons `actor` is registered to act for: id and name.
    pub(super) async fn registered(
        &self,
        actor: PersonId,
    ) -> Result<Vec<(i64, String, String)>, ArchiveError> {
        let mut sql =
            Sql::new("SELECT p.id, p.given_name, p.family_name FROM person p WHERE p.id IN (");
        push_registered(&mut sql, actor);
        sql.push(") ORDER BY p.birth_date, p.id");
        Ok(sql.query_as().fetch_all(self.db.pool()).await?)
    }

    /// The persons `actor` is registered to act for (as guardian or mandate holder),
    /// each with today's right or the reason there is none (and when a mandate right
    /// ends soon), the opaque handle by which `session`'s forms name them, and the
    /// mandates `actor` has given that end soon. Audited as the actor's own look-up.
    ///
    /// # Errors
    /// `Storage` when the database fails.
    pub async fn proxy_options(
        &self,
        actor: &Actor,
        session: &SessionToken,
    ) -> Result<ProxyOverview, ArchiveError> {
        let mut conn = self.db.pool().acquire().await?;
        let overview = self
            .proxy_overview_in(&mut conn, actor.person(), session, None)
            .await?;
        drop(conn);
        self.audit
            .record(AuditEvent::own(
                actor.person(),
                Action::ListProxies,
                self.clock.now(),
            ))
            .await?;
        Ok(overview)
    }

    /// [`Archive::proxy_options`] unaudited, on `conn` (the front page's read, which
    /// records it with its own events). With `counted` (the front page's [`NewsPart`]),
    /// only what there is any of is asked: most people act for no one and gave no
    /// mandate, and then nothing is.
    pub(crate) async fn proxy_overview_in(
        &self,
        conn: &mut AnyConnection,
        actor: PersonId,
        session: &SessionToken,
        counted: Option<ProxyCounts>,
    ) -> Result<ProxyOverview, ArchiveError> {
        let today = self.clock.today();
        let mut overview = ProxyOverview::default();
        if counted.is_none_or(|c| c.registered > 0) {
            for subject in facts_of(&mut *conn, actor, None).await? {
                let decided = crate::rights::decide(&subject.facts, today);
                overview.options.push(ProxyOption {
                    handle: handle_of(session, subject.person),
                    display_name: format!("{} {}", subject.given_name, subject.family_name),
                    right: decided.ok().map(crate::rights::Right::kind),
                    refusal: decided.err().map(Refusal::as_told),
                    ends_on: decided.ok().and_then(|r| r.ending_soon(today)),
                });
            }
        }
        if counted.is_none_or(|c| c.mandates_given > 0) {
            let given: Vec<(String, String, String, String, String)> = sqlx::query_as(
                "SELECT m.scope, m.valid_from, m.valid_until, p.given_name, p.family_name \
                 FROM mandate m JOIN person p ON p.id = m.holder_id WHERE m.principal_id = $1 \
                 ORDER BY m.valid_until, p.family_name, p.given_name",
            )
            .bind(actor.get())
            .fetch_all(&mut *conn)
            .await?;
            overview.mandates_ending = given
                .into_iter()
                .filter_map(|(scope, from, until, given, family)| {
                    let mandate = crate::rights::Mandate::from_stored(scope, &from, &until)?;
                    Some(MandateEnding {
                        holder_name: format!("{given} {family}"),
                        ends_on: mandate.ending_soon(today)?,
                    })
                })
                .collect();
        }
        Ok(overview)
    }
}

/// How many the actor is registered to act for, and how many mandates they gave: the
/// front page counts them with the sections' news, and asks for them only when there
/// are any ([`Archive::proxy_overview_in`]).
#[derive(Debug, Clone, Copy, sqlx::FromRow)]
pub(crate) struct ProxyCounts {
    #[sqlx(rename = "proxies_registered")]
    registered: i64,
    #[sqlx(rename = "proxies_mandates_given")]
    mandates_given: i64,
}

/// The actor's own, not a section's: read only with one's own access (the front page
/// asks it so).
impl NewsPart for ProxyCounts {
    fn push(access: &Access, sql: &mut Sql, _since_ms: i64) {
        let actor = access.actor();
        sql.push("(SELECT (SELECT COUNT(*) FROM (");
        push_registered(sql, actor);
        sql.push(
            ") r) AS proxies_registered, (SELECT COUNT(*) FROM mandate m WHERE m.principal_id = ",
        )
        .bind(actor.get())
        .push(") AS proxies_mandates_given)");
    }

    fn of_row(row: &sqlx::any::AnyRow) -> Result<Self, ArchiveError> {
        Ok(<Self as sqlx::FromRow<_>>::from_row(row)?)
    }
}
