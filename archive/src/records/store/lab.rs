//! Laboratory results: the tests with their latest result, and one test's series.

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
        let tests = self.latest_lab_results(&mut read.tx).await?;
        let delayed = self.delayed(&mut read, &[DocumentKind::LabResult]).await?;
        self.finish_read(read).await?;
        Ok(LabTests { tests, delayed })
    }

    /// Each laboratory test this right sees, with its latest result and how many
    /// there are, by the test's name.
    pub(crate) async fn latest_lab_results(
        &self,
        tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    ) -> Result<Vec<LabTest>, ArchiveError> {
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
        let rows = sql.query_as::<LatestRow>().fetch_all(&mut **tx).await?;
        let mut tests: Vec<LabTest> = Vec::with_capacity(rows.len());
        for row in rows {
            if tests
                .last()
                .is_some_and(|t| t.test_code == row.result.test.test_code)
            {
                continue; // two results at the same minute: keep the one listed first
            }
            let (test, latest) = row.result.split()?;
            tests.push(LabTest {
                test_code: test.test_code,
                test_name: test.test_name,
                unit: test.unit,
                reference_low: test.reference_low,
                reference_high: test.reference_high,
                latest,
                count: row.times,
            });
        }
        Ok(tests)
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
        let rows = sql.query_as::<ResultRow>().fetch_all(&mut *read.tx).await?;
        let mut points = Vec::with_capacity(rows.len());
        let mut test = None;
        for row in rows {
            let (of, point) = row.split()?;
            points.push(point);
            test = Some(of); // the test as its latest result names it
        }
        let Some(test) = test else {
            return Err(ArchiveError::NotFound);
        };
        let series = LabSeries {
            test_code: test.test_code,
            test_name: test.test_name,
            unit: test.unit,
            reference_low: test.reference_low,
            reference_high: test.reference_high,
            points,
        };
        self.finish_read(read).await?;
        Ok(series)
    }
}

/// A laboratory test as a result names it.
#[derive(sqlx::FromRow)]
struct TestRow {
    test_code: String,
    test_name: String,
    unit: String,
    reference_low: Option<f64>,
    reference_high: Option<f64>,
}

/// One laboratory result with its test.
#[derive(sqlx::FromRow)]
struct ResultRow {
    #[sqlx(flatten)]
    test: TestRow,
    document_id: i64,
    taken_at: String,
    value: f64,
    flag: String,
}

impl ResultRow {
    fn split(self) -> Result<(TestRow, LabPoint), ArchiveError> {
        let point = LabPoint {
            document: DocumentId::from_raw(self.document_id),
            taken_at: parse_stamp(&self.taken_at)?,
            value: self.value,
            flag: AbnormalFlag::from_code(&self.flag),
        };
        Ok((self.test, point))
    }
}

/// A test's latest result and how many it has.
#[derive(sqlx::FromRow)]
struct LatestRow {
    #[sqlx(flatten)]
    result: ResultRow,
    times: i64,
}
