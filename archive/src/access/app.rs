//! An app's access: the person's own data through their app, within what they allowed
//! it and what its token's scopes reach ([`Purpose::App`]), read anew at each operation.

use super::{Access, Action, Archive, Purpose};
use crate::audit::Refusal;
use crate::audit_writer::AuditEvent;
use crate::error::ArchiveError;
use crate::hetu::Hetu;
use crate::rights::Right;

impl Archive {
    /// The access of an app the person (`hetu`, from the app's access token) uses,
    /// as its client id and scopes name it: the person's own data, within what they
    /// allowed the app (checked at each operation, [`Purpose::App`]). An app not in
    /// the register is refused, and the attempt recorded on the person's trail.
    ///
    /// # Errors
    /// `NotFound` when the archive holds no such person; `Refused(NotShared)` for an
    /// app not in the register; `Storage` when the database fails.
    pub async fn app_access(
        &self,
        hetu: &Hetu,
        client_id: &str,
        scopes: crate::wellbeing::sharing::AppScopes,
    ) -> Result<Access, ArchiveError> {
        let person = self.authenticate(hetu).await?.person;
        let at = self.clock.now();
        let app: Option<i64> = sqlx::query_scalar("SELECT id FROM phr_app WHERE client_id = $1")
            .bind(client_id)
            .fetch_optional(self.db.pool())
            .await?;
        let Some(app) = app else {
            self.audit
                .record(AuditEvent {
                    subject: person,
                    actor: person,
                    right: "none",
                    action: Action::AccessRefused,
                    object: None,
                    detail: Some("app unknown".into()),
                    purpose: Purpose::CitizenService,
                    outcome: Refusal::NotShared.code(),
                    at,
                })
                .await?;
            return Err(ArchiveError::Refused(Refusal::NotShared));
        };
        Ok(Access {
            archive: self.clone(),
            actor: person,
            previous_visit_ms: None,
            subject: person,
            subject_birth: None,
            right: Right::Own,
            at,
            purpose: Purpose::App {
                app: crate::wellbeing::sharing::AppId::from_raw(app),
                scopes,
            },
        })
    }
}

impl Access {
    /// Why an app may not do `action` now, if it may not: only the wellbeing data's
    /// reads and changes (of the measurements, and of the person's own Patient) are
    /// open to apps; reading needs the token's read scope of that resource type and the
    /// person's permission, changing the write scope and permission to write. The
    /// person's permission is read at each operation, so a withdrawal holds at once.
    pub(super) async fn app_refusal(
        &self,
        action: Action,
    ) -> Result<Option<Refusal>, ArchiveError> {
        use crate::wellbeing::sharing::ScopedType;
        let Purpose::App { app, scopes } = self.purpose else {
            return Ok(None);
        };
        let (kind, writes) = match action {
            Action::ReadWellbeing | Action::ReadMeasurement => (ScopedType::Observation, false),
            Action::AddMeasurement | Action::ChangeMeasurement | Action::DeleteMeasurement => {
                (ScopedType::Observation, true)
            }
            Action::ReadPatient => (ScopedType::Patient, false),
            Action::WritePatient => (ScopedType::Patient, true),
            _ => return Ok(Some(Refusal::NotCovered)),
        };
        let rights = scopes.of(kind);
        if !(if writes { rights.write } else { rights.read }) {
            return Ok(Some(Refusal::OutOfScope));
        }
        let permission: Option<String> = sqlx::query_scalar(
            "SELECT permission FROM wellbeing_share WHERE person_id = $1 \
             AND recipient_kind = 'app' AND recipient_id = $2",
        )
        .bind(self.subject.get())
        .bind(app.get())
        .fetch_optional(self.archive.db.pool())
        .await?;
        let allowed = permission
            .as_deref()
            .and_then(crate::wellbeing::sharing::Permission::from_code)
            .is_some_and(|p| !writes || p.writes());
        Ok((!allowed).then_some(Refusal::NotShared))
    }
}
