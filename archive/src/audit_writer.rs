//! The audit writer of reads: one task that writes the events of concurrent reads in
//! one transaction and one commit (group commit), answering each reader once its event
//! is durable. A read runs on a transaction of its own and returns nothing before its
//! event is written, so reads no longer queue behind one another's audit writes.
//! Changes (a renewal request, the living will) keep their event inside their own
//! transaction: both by [`write_audit_all`], here with the event it writes ([`AuditEvent`]).

use rand::Rng;
use sqlx::{Any, AnyPool, Transaction};
use time::OffsetDateTime;
use tokio::sync::{mpsc, oneshot};

use crate::access::{unix_ms, Purpose};
use crate::audit::Action;
use crate::error::ArchiveError;
use crate::model::PersonId;

/// How many reads' events one commit takes at most.
const BATCH: usize = 256;

type Reply = oneshot::Sender<Result<(), String>>;

/// The handle by which reads hand their events to the writer.
#[derive(Debug, Clone)]
pub(crate) struct AuditWriter {
    queue: mpsc::Sender<(Vec<AuditEvent>, Reply)>,
}

impl AuditWriter {
    /// Starts the writer on `pool`; it ends when the last handle is dropped.
    pub(crate) fn start(pool: AnyPool) -> Self {
        let (queue, mut incoming) = mpsc::channel::<(Vec<AuditEvent>, Reply)>(4 * BATCH);
        tokio::spawn(async move {
            while let Some(first) = incoming.recv().await {
                let mut batch = vec![first];
                while batch.len() < BATCH {
                    match incoming.try_recv() {
                        Ok(next) => batch.push(next),
                        Err(_) => break,
                    }
                }
                let written = async {
                    let events: Vec<AuditEvent> = batch
                        .iter()
                        .flat_map(|(events, _)| events.iter().cloned())
                        .collect();
                    let mut tx = pool.begin().await?;
                    write_audit_all(&mut tx, &events).await?;
                    tx.commit().await?;
                    Ok::<(), ArchiveError>(())
                }
                .await
                .map_err(|e| e.to_string());
                for (_, reply) in batch {
                    // A reader that gave up no longer waits: nothing to tell it.
                    let _ = reply.send(written.clone());
                }
            }
        });
        Self { queue }
    }

    /// Writes `event` with whatever else is waiting, and returns once it is durable.
    ///
    /// # Errors
    /// `Corrupt` when the writer is gone or the events could not be written (the read
    /// must then not return what it read).
    pub(crate) async fn record(&self, event: AuditEvent) -> Result<(), ArchiveError> {
        self.record_all(vec![event]).await
    }

    /// Writes the events of one read of several parts together (in the same commit),
    /// with whatever else is waiting, and returns once they are durable.
    ///
    /// # Errors
    /// As [`AuditWriter::record`].
    pub(crate) async fn record_all(&self, events: Vec<AuditEvent>) -> Result<(), ArchiveError> {
        if events.is_empty() {
            return Ok(());
        }
        let (reply, answer) = oneshot::channel();
        self.queue
            .send((events, reply))
            .await
            .map_err(|_| ArchiveError::Corrupt("the audit writer has stopped"))?;
        match answer.await {
            Ok(Ok(())) => Ok(()),
            Ok(Err(e)) => {
                tracing::error!(error = %e, "audit events could not be written");
                Err(ArchiveError::Corrupt("audit events could not be written"))
            }
            Err(_) => Err(ArchiveError::Corrupt("the audit writer has stopped")),
        }
    }
}

/// One row of the audit trail, as written.
#[derive(Debug, Clone)]
pub(crate) struct AuditEvent {
    pub subject: PersonId,
    pub actor: PersonId,
    pub right: &'static str,
    pub action: Action,
    pub object: Option<i64>,
    /// What narrowed a list ("name=value" pairs), when it was one.
    pub detail: Option<String>,
    pub purpose: Purpose,
    pub outcome: &'static str,
    pub at: OffsetDateTime,
}

impl AuditEvent {
    /// An event of a person's own doing on their own trail (signing in or out, looking
    /// up whom they may act for).
    pub(crate) const fn own(person: PersonId, action: Action, at: OffsetDateTime) -> Self {
        Self {
            subject: person,
            actor: person,
            right: "own",
            action,
            object: None,
            detail: None,
            purpose: Purpose::CitizenService,
            outcome: "ok",
            at,
        }
    }
}

/// Writes an audit event inside the caller's transaction, so the event and what it
/// records commit or roll back together.
pub(crate) async fn write_audit(
    tx: &mut Transaction<'static, Any>,
    event: AuditEvent,
) -> Result<(), ArchiveError> {
    write_audit_all(tx, std::slice::from_ref(&event)).await
}

/// How many events one INSERT writes at most (ten values each). Not more: SQLite finds
/// each numbered value's place by a walk of the statement's list of them (sqlx binds
/// `$n` by name, `sqlite3_bind_parameter_name`), so binding costs the square of the
/// values: 64 rows' 640 values took more of a saturated front page than the INSERT
/// itself (BENCHMARKS.md), 16 rows' 160 a sixteenth as much a value, for one more
/// statement per 16 events.
const AUDIT_ROWS_PER_INSERT: usize = 16;

/// Writes `events` in `tx`, many rows to an INSERT: a batch of the audit writer (the
/// events of every read waiting for it) costs one round trip per
/// [`AUDIT_ROWS_PER_INSERT`] events, not one per event.
pub(crate) async fn write_audit_all(
    tx: &mut Transaction<'static, Any>,
    events: &[AuditEvent],
) -> Result<(), ArchiveError> {
    for chunk in events.chunks(AUDIT_ROWS_PER_INSERT) {
        let mut sql = crate::db::Sql::new(
            "INSERT INTO audit_event (subject_id, id, at_ms, actor_id, acting_right, action, \
             object_id, object_detail, purpose, outcome) VALUES ",
        );
        for (i, event) in chunk.iter().enumerate() {
            let id: i64 = rand::rng().random_range(1..i64::MAX);
            sql.push(if i == 0 { "(" } else { ", (" })
                .bind(event.subject.get())
                .push(", ")
                .bind(id)
                .push(", ")
                .bind(unix_ms(event.at))
                .push(", ")
                .bind(event.actor.get())
                .push(", ")
                .bind(event.right)
                .push(", ")
                .bind(event.action.code())
                .push(", ");
            // A missing object or detail is a literal NULL (no value is formatted into
            // the text).
            match event.object {
                Some(object) => sql.bind(object),
                None => sql.push("NULL"),
            };
            sql.push(", ");
            match &event.detail {
                Some(detail) => sql.bind(detail.as_str()),
                None => sql.push("NULL"),
            };
            sql.push(", ")
                .bind(event.purpose.code())
                .push(", ")
                .bind(event.outcome)
                .push(")");
        }
        sql.query().execute(&mut **tx).await?;
    }
    Ok(())
}

/// A care organisation's query as its audit event ([`crate::providers`]): an
/// organisation, one of its units and a professional role act, not a person. Its
/// `at_ms` and `id` key the objects it disclosed (`audit_event_object`).
#[derive(Debug, Clone)]
pub(crate) struct ProviderEvent {
    pub subject: PersonId,
    pub at_ms: i64,
    pub id: i64,
    pub organisation: crate::model::OrganisationId,
    pub unit: Option<crate::model::UnitId>,
    pub role: crate::providers::model::QueryRole,
    pub action: Action,
    pub purpose: Purpose,
    pub detail: Option<String>,
    pub outcome: &'static str,
}

impl ProviderEvent {
    /// The time and id of a new event: its time and a random id.
    pub(crate) fn new_key(at: OffsetDateTime) -> (i64, i64) {
        (unix_ms(at), rand::rng().random_range(1..i64::MAX))
    }
}

/// Writes a care organisation's query event in the query's transaction.
pub(crate) async fn write_provider_event(
    tx: &mut Transaction<'static, Any>,
    event: &ProviderEvent,
) -> Result<(), ArchiveError> {
    let mut sql = crate::db::Sql::new(
        "INSERT INTO audit_event (subject_id, id, at_ms, actor_id, actor_organisation_id, \
         actor_unit_id, actor_role, acting_right, action, object_id, object_detail, purpose, \
         outcome) VALUES (",
    );
    sql.bind(event.subject.get())
        .push(", ")
        .bind(event.id)
        .push(", ")
        .bind(event.at_ms)
        .push(", NULL, ")
        .bind(event.organisation.get())
        .push(", ");
    match event.unit {
        Some(unit) => sql.bind(unit.get()),
        None => sql.push("NULL"),
    };
    sql.push(", ")
        .bind(event.role.code())
        .push(", 'provider', ")
        .bind(event.action.code())
        .push(", NULL, ");
    match &event.detail {
        Some(detail) => sql.bind(detail.as_str()),
        None => sql.push("NULL"),
    };
    sql.push(", ")
        .bind(event.purpose.code())
        .push(", ")
        .bind(event.outcome)
        .push(")");
    sql.query().execute(&mut **tx).await?;
    Ok(())
}
