//! The audit writer of reads: one task that writes the events of concurrent reads in
//! one transaction and one commit (group commit), answering each reader once its event
//! is durable. A read runs on a transaction of its own and returns nothing before its
//! event is written, so reads no longer queue behind one another's audit writes.
//! Changes (a renewal request, the living will) keep their event inside their own
//! transaction.

use sqlx::AnyPool;
use tokio::sync::{mpsc, oneshot};

use crate::access::{write_audit_all, AuditEvent};
use crate::error::ArchiveError;

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
