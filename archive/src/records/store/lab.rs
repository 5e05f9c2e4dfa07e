//! Laboratory results: the tests with their latest result, and one test's series.

use sqlx::any::AnyRow;
use sqlx::Row;

use super::{Access, Action, ArchiveError};
use crate::clock::parse_stamp;
use crate::db::Sql;
use crate::records::model::{
    AbnormalFlag, DocumentId, DocumentKind, LabPoint, LabSeries, LabTest, LabTests,
};

impl Access {
    /// The laboratory tests the person has results of, with the latest result of each,
    /// and the results not shown yet.
    ///
    /// # Errors
    /// `Storage` when the database fails.
    pub async fn lab_tests(&self) -> Result<LabTests, ArchiveError> {
        let mut read = self.begin_read(Action::ListLabTests, None, None).await?;
        let mut sql = Sql::new(
            "SELECT l.test_code, l.test_name, l.unit, l.reference_low, l.reference_high, \
             l.document_id, l.taken_at, l.value, l.flag, c.times \
             FROM lab_result l \
             JOIN document d ON d.person_id = l.person_id AND d.id = l.document_id \
             JOIN (SELECT l2.test_code, MAX(l2.taken_at) AS last_at, COUNT(*) AS times \
                   FROM lab_result l2 JOIN document d ON d.person_id = l2.person_id AND d.id = l2.document_id \
                   WHERE l2.person_id = ",
        );
        sql.bind(self.subject().get()).push(" AND ");
        self.push_visible(&mut sql);
        sql.push(
            " GROUP BY l2.test_code) c ON c.test_code = l.test_code AND c.last_at = l.taken_at \
             WHERE l.person_id = ",
        )
        .bind(self.subject().get())
        .push(" AND ");
        self.push_visible(&mut sql);
        sql.push(" ORDER BY l.test_name, l.document_id DESC");
        let rows = sql.query().fetch_all(&mut *read.tx).await?;
        let mut tests: Vec<LabTest> = Vec::with_capacity(rows.len());
        for row in rows {
            let test_code: String = row.try_get("test_code")?;
            if tests.last().is_some_and(|t| t.test_code == test_code) {
                continue; // two results at the same minute: keep the one listed first
            }
            tests.push(LabTest {
                test_code,
                test_name: row.try_get("test_name")?,
                unit: row.try_get("unit")?,
                reference_low: row.try_get("reference_low")?,
                reference_high: row.try_get("reference_high")?,
                latest: lab_point(&row)?,
                count: row.try_get("times")?,
            });
        }
        let delayed = self.delayed(&mut read, &[DocumentKind::LabResult]).await?;
        self.finish_read(read).await?;
        Ok(LabTests { tests, delayed })
    }

    /// Every result of one test, oldest first: the test of the laboratory result `of`
    /// (an opaque id, so that no address names a test and its clinical meaning).
    ///
    /// # Errors
    /// `NotFound` when `of` is not a laboratory result this right may see.
    pub async fn lab_series(&self, of: DocumentId) -> Result<LabSeries, ArchiveError> {
        let mut read = self
            .begin_read(Action::ReadLabSeries, Some(of.get()), None)
            .await?;
        let mut sql = Sql::new(
            "SELECT l.test_code FROM lab_result l \
             JOIN document d ON d.person_id = l.person_id AND d.id = l.document_id \
             WHERE l.person_id = ",
        );
        sql.bind(self.subject().get())
            .push(" AND l.document_id = ")
            .bind(of.get())
            .push(" AND ");
        self.push_visible(&mut sql);
        let test: Option<(String,)> = sql.query_as().fetch_optional(&mut *read.tx).await?;
        let Some((test_code,)) = test else {
            return Err(self.refuse_read(read, ArchiveError::NotFound).await);
        };
        let mut sql = Sql::new(
            "SELECT l.test_code, l.test_name, l.unit, l.reference_low, l.reference_high, \
             l.document_id, l.taken_at, l.value, l.flag \
             FROM lab_result l JOIN document d ON d.person_id = l.person_id AND d.id = l.document_id \
             WHERE l.person_id = ",
        );
        sql.bind(self.subject().get())
            .push(" AND l.test_code = ")
            .bind(test_code.as_str())
            .push(" AND ");
        self.push_visible(&mut sql);
        sql.push(" ORDER BY l.taken_at, l.document_id");
        let rows = sql.query().fetch_all(&mut *read.tx).await?;
        let Some(last) = rows.last() else {
            return Err(ArchiveError::NotFound);
        };
        let series = LabSeries {
            test_code: last.try_get("test_code")?,
            test_name: last.try_get("test_name")?,
            unit: last.try_get("unit")?,
            reference_low: last.try_get("reference_low")?,
            reference_high: last.try_get("reference_high")?,
            points: rows.iter().map(lab_point).collect::<Result<_, _>>()?,
        };
        self.finish_read(read).await?;
        Ok(series)
    }
}

fn lab_point(row: &AnyRow) -> Result<LabPoint, ArchiveError> {
    Ok(LabPoint {
        document: DocumentId::from_raw(row.try_get("document_id")?),
        taken_at: parse_stamp(&row.try_get::<String, _>("taken_at")?)?,
        value: row.try_get("value")?,
        flag: AbnormalFlag::from_code(&row.try_get::<String, _>("flag")?),
    })
}
