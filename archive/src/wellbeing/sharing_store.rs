//! The person's choices of who may use their wellbeing data: each change writes an
//! event (`wellbeing_share_event`, kept) and what is in force (`wellbeing_share`, one
//! row a grantee, which every app request reads) in one transaction with its audit
//! event; giving what is in force, or withdrawing what is not, changes nothing.

use super::sharing::{App, AppId, Grantee, Permission, Share, ShareEvent, WellbeingSharing};
use crate::access::{unix_ms, Access, Action, Archive};
use crate::error::ArchiveError;

type Tx = sqlx::Transaction<'static, sqlx::Any>;

#[derive(sqlx::FromRow)]
struct AppRow {
    id: i64,
    client_id: String,
    name: String,
    maker: String,
}

impl From<AppRow> for App {
    fn from(row: AppRow) -> Self {
        Self {
            id: AppId::from_raw(row.id),
            client_id: row.client_id,
            name: row.name,
            maker: row.maker,
        }
    }
}

#[derive(sqlx::FromRow)]
struct ShareRow {
    recipient_kind: String,
    recipient_id: i64,
    permission: String,
    at_ms: i64,
}

fn corrupt() -> ArchiveError {
    ArchiveError::Corrupt("wellbeing share")
}

impl Archive {
    /// Admits an app to Kanta PHR (or renames it): its OAuth client id, name and maker.
    ///
    /// # Errors
    /// `Storage` when the database fails.
    pub async fn register_app(
        &self,
        client_id: &str,
        name: &str,
        maker: &str,
    ) -> Result<AppId, ArchiveError> {
        let id: i64 = crate::db::new_row_id();
        sqlx::query(
            "INSERT INTO phr_app (id, client_id, name, maker) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (client_id) DO UPDATE SET name = excluded.name, maker = excluded.maker",
        )
        .bind(id)
        .bind(client_id)
        .bind(name)
        .bind(maker)
        .execute(self.db.pool())
        .await?;
        let id: i64 = sqlx::query_scalar("SELECT id FROM phr_app WHERE client_id = $1")
            .bind(client_id)
            .fetch_one(self.db.pool())
            .await?;
        Ok(AppId::from_raw(id))
    }
}

async fn apps(tx: &mut Tx) -> Result<Vec<App>, ArchiveError> {
    Ok(sqlx::query_as::<_, AppRow>(
        "SELECT id, client_id, name, maker FROM phr_app ORDER BY name, id",
    )
    .fetch_all(&mut **tx)
    .await?
    .into_iter()
    .map(App::from)
    .collect())
}

async fn read_sharing(tx: &mut Tx, person: i64) -> Result<WellbeingSharing, ArchiveError> {
    let organisations = crate::consents::store::organisations_of(tx, person).await?;
    let apps = apps(tx).await?;
    let mut sharing = WellbeingSharing {
        in_force: Vec::new(),
        organisations,
        apps,
        history: Vec::new(),
    };
    let name = |sharing: &WellbeingSharing, grantee| {
        sharing.name_of(grantee).unwrap_or_default().to_owned()
    };
    let in_force: Vec<ShareRow> = sqlx::query_as(
        "SELECT recipient_kind, recipient_id, permission, since_ms AS at_ms FROM wellbeing_share \
         WHERE person_id = $1 ORDER BY since_ms, recipient_kind, recipient_id",
    )
    .bind(person)
    .fetch_all(&mut **tx)
    .await?;
    for row in in_force {
        let grantee =
            Grantee::of_stored(&row.recipient_kind, row.recipient_id).ok_or_else(corrupt)?;
        sharing.in_force.push(Share {
            grantee,
            name: name(&sharing, grantee),
            permission: Permission::from_code(&row.permission).ok_or_else(corrupt)?,
            since: crate::clock::finnish_at_ms(row.at_ms),
        });
    }
    sharing.in_force.sort_by(|a, b| a.name.cmp(&b.name));
    let history: Vec<ShareRow> = sqlx::query_as(
        "SELECT recipient_kind, recipient_id, permission, at_ms FROM wellbeing_share_event \
         WHERE person_id = $1 ORDER BY at_ms DESC, id DESC",
    )
    .bind(person)
    .fetch_all(&mut **tx)
    .await?;
    for row in history {
        let grantee =
            Grantee::of_stored(&row.recipient_kind, row.recipient_id).ok_or_else(corrupt)?;
        let permission = match row.permission.as_str() {
            "" => None,
            code => Some(Permission::from_code(code).ok_or_else(corrupt)?),
        };
        sharing.history.push(ShareEvent {
            grantee,
            name: name(&sharing, grantee),
            permission,
            at: crate::clock::finnish_at_ms(row.at_ms),
        });
    }
    Ok(sharing)
}

impl Access {
    /// Who may use the person's wellbeing data: what is in force, whom they could
    /// choose, and every change.
    ///
    /// # Errors
    /// `Refused` for anyone but the person (16 or over); `Storage` when the database
    /// fails.
    pub async fn wellbeing_sharing(&self) -> Result<WellbeingSharing, ArchiveError> {
        let mut read = self
            .begin_read(Action::ReadWellbeingSharing, None, None)
            .await?;
        let sharing = read_sharing(&mut read.tx, self.subject().get()).await?;
        self.finish_read(read).await?;
        Ok(sharing)
    }

    /// Lets `grantee` do what `permission` says (`Some`), or withdraws what it may
    /// (`None`), at once: the next request of the app, or query of the organisation,
    /// meets it. The same choice again changes nothing (a double submit).
    ///
    /// # Errors
    /// `NotFound` when the grantee is not one the person could choose (an
    /// organisation that never wrote for them, an app not in the register); `Invalid`
    /// (`permission`, `not-allowed`) for writing by an organisation; `Refused` for
    /// anyone but the person (16 or over); `Storage` when the database fails.
    pub async fn share_wellbeing(
        &self,
        grantee: Grantee,
        permission: Option<Permission>,
    ) -> Result<WellbeingSharing, ArchiveError> {
        let person = self.subject().get();
        let action = if permission.is_some() {
            Action::ShareWellbeing
        } else {
            Action::StopSharingWellbeing
        };
        let (kind, id) = grantee.stored();
        let detail = format!(
            "{kind}{}",
            permission.map_or(String::new(), |p| format!(" {}", p.code()))
        );
        let mut tx = self
            .begin_audited_with(action, Some(id), Some(detail))
            .await?;
        let sharing = read_sharing(&mut tx, person).await?;
        let refusal = if sharing.name_of(grantee).is_none() {
            Some(ArchiveError::NotFound)
        } else if permission.is_some_and(|p| !grantee.permissions().contains(&p)) {
            Some(ArchiveError::invalid("permission", "not-allowed"))
        } else {
            None
        };
        if let Some(error) = refusal {
            return Err(self.refuse(tx, action, Some(id), error).await);
        }
        if sharing.permission(grantee) == permission {
            tx.commit().await?;
            return Ok(sharing);
        }
        let now = unix_ms(self.archive.clock.now());
        record_share(
            &mut tx,
            person,
            grantee,
            permission,
            self.actor().get(),
            now,
        )
        .await?;
        let sharing = read_sharing(&mut tx, person).await?;
        tx.commit().await?;
        Ok(sharing)
    }
}

/// Records that `person` let `grantee` do what `permission` says (`None`: withdrew), at
/// `at_ms`: the event, and what is in force.
pub(crate) async fn record_share(
    tx: &mut Tx,
    person: i64,
    grantee: Grantee,
    permission: Option<Permission>,
    written_by: i64,
    at_ms: i64,
) -> Result<(), ArchiveError> {
    let (kind, id) = grantee.stored();
    let event_id: i64 = crate::db::new_row_id();
    sqlx::query(
        "INSERT INTO wellbeing_share_event (person_id, at_ms, id, recipient_kind, \
         recipient_id, permission, written_by) VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(person)
    .bind(at_ms)
    .bind(event_id)
    .bind(kind)
    .bind(id)
    .bind(permission.map_or("", Permission::code))
    .bind(written_by)
    .execute(&mut **tx)
    .await?;
    sqlx::query(
        "DELETE FROM wellbeing_share WHERE person_id = $1 AND recipient_kind = $2 \
         AND recipient_id = $3",
    )
    .bind(person)
    .bind(kind)
    .bind(id)
    .execute(&mut **tx)
    .await?;
    if let Some(permission) = permission {
        sqlx::query(
            "INSERT INTO wellbeing_share (person_id, recipient_kind, recipient_id, \
             permission, since_ms) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(person)
        .bind(kind)
        .bind(id)
        .bind(permission.code())
        .bind(at_ms)
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}
