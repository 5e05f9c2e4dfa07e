//! The front page's part of what is new: what the person's apps recorded or changed
//! since the previous visit.

use crate::access::Access;
use crate::db::Sql;
use crate::error::ArchiveError;
use crate::news::part::NewsPart;
use crate::wellbeing::model::WellbeingNews;

#[derive(sqlx::FromRow)]
struct NewsRow {
    wellbeing_from_apps: i64,
}

/// What the person's apps recorded or changed since the previous visit, by the
/// `(person_id, updated_ms)` index.
impl NewsPart for WellbeingNews {
    fn push(access: &Access, sql: &mut Sql, since_ms: i64) {
        sql.push(
            "(SELECT COUNT(*) AS wellbeing_from_apps FROM wellbeing_observation o \
             WHERE o.person_id = ",
        )
        .bind(access.subject().get())
        .push(" AND o.updated_ms > ")
        .bind(since_ms)
        .push(" AND o.source <> '')");
    }

    fn of_row(row: &sqlx::any::AnyRow) -> Result<Self, ArchiveError> {
        let row = <NewsRow as sqlx::FromRow<_>>::from_row(row)?;
        Ok(Self {
            from_apps: row.wellbeing_from_apps,
        })
    }
}
