//! Whom a signed-in person may act for, and the mandates they gave that end soon.

use super::{handle_of, SessionToken};
use crate::access::{Action, Actor, Archive};
use crate::audit::Refusal;
use crate::audit_writer::AuditEvent;
use crate::error::ArchiveError;
use crate::model::{MandateEnding, PersonId, ProxyOption, ProxyOverview};

impl Archive {
    /// The persons `actor` is registered to act for: id and name.
    pub(super) async fn registered(
        &self,
        actor: PersonId,
    ) -> Result<Vec<(i64, String, String)>, ArchiveError> {
        Ok(sqlx::query_as(
            "SELECT p.id, p.given_name, p.family_name FROM person p WHERE p.id IN ( \
               SELECT child_id FROM guardianship WHERE guardian_id = $1 \
               UNION SELECT principal_id FROM mandate WHERE holder_id = $1) \
             ORDER BY p.birth_date",
        )
        .bind(actor.get())
        .fetch_all(self.db.pool())
        .await?)
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
        let overview = self.proxy_overview(actor.person(), session).await?;
        self.audit
            .record(AuditEvent::own(
                actor.person(),
                Action::ListProxies,
                self.clock.now(),
            ))
            .await?;
        Ok(overview)
    }

    /// [`Archive::proxy_options`] unaudited, for a read that records it with its own
    /// events (the front page's).
    pub(crate) async fn proxy_overview(
        &self,
        actor: PersonId,
        session: &SessionToken,
    ) -> Result<ProxyOverview, ArchiveError> {
        let rows = self.registered(actor).await?;
        let today = self.clock.today();
        let mut options = Vec::with_capacity(rows.len());
        for (id, given, family) in rows {
            let person = PersonId::from_raw(id);
            let facts = self.facts(actor, person).await?;
            let decided = crate::rights::decide(&facts, today);
            options.push(ProxyOption {
                handle: handle_of(session, person),
                display_name: format!("{given} {family}"),
                right: decided.ok().map(crate::rights::Right::kind),
                refusal: decided.err().map(Refusal::as_told),
                ends_on: decided.ok().and_then(|r| r.ending_soon(today)),
            });
        }
        let given: Vec<(String, String, String, String, String)> = sqlx::query_as(
            "SELECT m.scope, m.valid_from, m.valid_until, p.given_name, p.family_name \
             FROM mandate m JOIN person p ON p.id = m.holder_id WHERE m.principal_id = $1 \
             ORDER BY m.valid_until, p.family_name, p.given_name",
        )
        .bind(actor.get())
        .fetch_all(self.db.pool())
        .await?;
        let mandates_ending = given
            .into_iter()
            .filter_map(|(scope, from, until, given, family)| {
                let mandate = crate::rights::Mandate::from_stored(scope, &from, &until)?;
                Some(MandateEnding {
                    holder_name: format!("{given} {family}"),
                    ends_on: mandate.ending_soon(today)?,
                })
            })
            .collect();
        Ok(ProxyOverview {
            options,
            mandates_ending,
        })
    }
}
