//! Certificates: the list with where each went, one certificate in full, what is new,
//! and the forwardings the disclosure log shows. Every read of a certificate shows only
//! those visible to this right ([`Access::visible_rows`]).

use std::collections::HashMap;

use super::model::{
    Certificate, CertificateForm, CertificateId, CertificateSummary, CertificatesNews,
    ForwardedCertificate, Forwarding, IssuerRole, Recipient,
};
use crate::access::{Access, Action, AuditedRead};
use crate::clock::{format_stamp, parse_stamp};
use crate::db::Sql;
use crate::error::ArchiveError;
use crate::model::{Language, OrganisationId, OrganisationRef};
use crate::news::part::NewsPart;

const COLUMNS: &str = "SELECT c.id, c.form, c.issued_at, c.issuer_role, c.organisation_id, \
     o.name AS organisation_name, u.name AS unit_name";
const FROM: &str = " FROM certificate c JOIN organisation o ON o.id = c.organisation_id \
     JOIN care_unit u ON u.id = c.unit_id WHERE c.person_id = ";

/// A certificate as [`COLUMNS`] reads it.
#[derive(sqlx::FromRow)]
struct SummaryRow {
    id: i64,
    form: String,
    issued_at: String,
    issuer_role: String,
    organisation_id: i64,
    organisation_name: String,
    unit_name: String,
}

impl SummaryRow {
    fn summary(self, forwardings: Vec<Forwarding>) -> Result<CertificateSummary, ArchiveError> {
        Ok(CertificateSummary {
            id: CertificateId::from_raw(self.id),
            form: CertificateForm::from_code(&self.form)
                .ok_or(ArchiveError::Corrupt("certificate form"))?,
            issued_at: parse_stamp(&self.issued_at)?,
            role: IssuerRole::from_code(&self.issuer_role)
                .ok_or(ArchiveError::Corrupt("issuer role"))?,
            organisation: OrganisationRef {
                id: OrganisationId::from_raw(self.organisation_id),
                name: self.organisation_name,
            },
            unit: self.unit_name,
            forwardings,
        })
    }
}

/// A certificate in full.
#[derive(sqlx::FromRow)]
struct CertificateRow {
    #[sqlx(flatten)]
    summary: SummaryRow,
    content: String,
    language: String,
}

impl Access {
    /// Where the certificates `ids` (already found visible) were forwarded, by
    /// certificate, first first.
    async fn forwardings(
        &self,
        read: &mut AuditedRead,
        ids: &[i64],
    ) -> Result<HashMap<i64, Vec<Forwarding>>, ArchiveError> {
        let mut by_certificate: HashMap<i64, Vec<Forwarding>> = HashMap::new();
        if ids.is_empty() {
            return Ok(by_certificate);
        }
        let mut sql = Sql::new(
            "SELECT certificate_id, recipient, sent_at FROM certificate_forwarding WHERE person_id = ",
        );
        sql.bind(self.subject().get())
            .push(" AND certificate_id IN (")
            .bind_list(ids.iter().copied())
            .push(") ORDER BY sent_at, recipient");
        let rows: Vec<(i64, String, String)> = sql.query_as().fetch_all(&mut *read.tx).await?;
        for (id, recipient, sent_at) in rows {
            by_certificate.entry(id).or_default().push(Forwarding {
                recipient: Recipient::from_code(&recipient)
                    .ok_or(ArchiveError::Corrupt("recipient"))?,
                sent_at: parse_stamp(&sent_at)?,
            });
        }
        Ok(by_certificate)
    }

    /// The person's certificates and statements this right sees, newest first, each
    /// with where it was forwarded.
    ///
    /// # Errors
    /// `Refused` when the right does not cover certificates; `Storage` when the
    /// database fails.
    pub async fn certificates(&self) -> Result<Vec<CertificateSummary>, ArchiveError> {
        let mut read = self
            .begin_read(Action::ListCertificates, None, None)
            .await?;
        let mut sql = Sql::new(&format!("{COLUMNS}{FROM}"));
        sql.bind(self.subject().get()).push(" AND ");
        self.visible_rows(&mut sql, "c", "issued_at");
        sql.push(" ORDER BY c.issued_at DESC, c.id DESC");
        let rows = sql
            .query_as::<SummaryRow>()
            .fetch_all(&mut *read.tx)
            .await?;
        let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
        let mut forwardings = self.forwardings(&mut read, &ids).await?;
        self.finish_read(read).await?;
        rows.into_iter()
            .map(|r| {
                let sent = forwardings.remove(&r.id).unwrap_or_default();
                r.summary(sent)
            })
            .collect()
    }

    /// One certificate in full, with where it was forwarded.
    ///
    /// # Errors
    /// `NotFound` when the person has no such certificate this right sees.
    pub async fn certificate(&self, id: CertificateId) -> Result<Certificate, ArchiveError> {
        let mut read = self
            .begin_read(Action::ReadCertificate, Some(id.get()), None)
            .await?;
        let mut sql = Sql::new(&format!("{COLUMNS}, c.content, c.language{FROM}"));
        sql.bind(self.subject().get())
            .push(" AND c.id = ")
            .bind(id.get())
            .push(" AND ");
        self.visible_rows(&mut sql, "c", "issued_at");
        let Some(row) = sql
            .query_as::<CertificateRow>()
            .fetch_optional(&mut *read.tx)
            .await?
        else {
            return Err(self.refuse_read(read, ArchiveError::NotFound).await);
        };
        let sent = self
            .forwardings(&mut read, &[id.get()])
            .await?
            .remove(&id.get())
            .unwrap_or_default();
        self.finish_read(read).await?;
        Ok(Certificate {
            summary: row.summary.summary(sent)?,
            content: row.content,
            language: Language::from_code(&row.language)
                .ok_or(ArchiveError::Corrupt("language"))?,
        })
    }

    /// Certificates written since `since_ms` (UTC milliseconds, the previous visit).
    ///
    /// # Errors
    /// `Refused` when the right does not cover certificates; `Storage` when the
    /// database fails.
    pub async fn certificates_news(&self, since_ms: i64) -> Result<CertificatesNews, ArchiveError> {
        self.news_part(Action::CertificatesNews, since_ms).await
    }

    /// How many of the person's certificates were forwarded since `since_ms` (UTC
    /// milliseconds, the previous visit), as a scalar subquery: the disclosure log's
    /// news part counts them with what others did ([`Access::forwarded_since_in`]
    /// names the recipients).
    pub(crate) fn push_forwarded_count(&self, sql: &mut Sql, since_ms: i64) {
        sql.push("SELECT COUNT(*) FROM certificate_forwarding f WHERE f.person_id = ")
            .bind(self.subject().get())
            .push(" AND f.sent_at > ")
            .bind(format_stamp(crate::clock::finnish_at_ms(since_ms)));
    }

    /// How many of the person's certificates were forwarded since `since_ms` (UTC
    /// milliseconds, the previous visit), by recipient, the latest recipient first: the
    /// disclosure log's news, within its read.
    pub(crate) async fn forwarded_since_in(
        &self,
        tx: &mut sqlx::AnyConnection,
        since_ms: i64,
    ) -> Result<Vec<(Recipient, i64)>, ArchiveError> {
        let rows: Vec<(String, i64)> = sqlx::query_as(
            "SELECT f.recipient, COUNT(*) FROM certificate_forwarding f \
             WHERE f.person_id = $1 AND f.sent_at > $2 \
             GROUP BY f.recipient ORDER BY MAX(f.sent_at) DESC",
        )
        .bind(self.subject().get())
        .bind(format_stamp(crate::clock::finnish_at_ms(since_ms)))
        .fetch_all(&mut *tx)
        .await?;
        rows.into_iter()
            .map(|(recipient, count)| {
                Ok((
                    Recipient::from_code(&recipient).ok_or(ArchiveError::Corrupt("recipient"))?,
                    count,
                ))
            })
            .collect()
    }

    /// The person's certificates forwarded to other organisations, newest first (at
    /// most `limit`), for the disclosure log: a forwarding is a disclosure. Read within
    /// the disclosure log's own read, which audits it.
    pub(crate) async fn forwarded_certificates_in(
        &self,
        tx: &mut sqlx::Transaction<'static, sqlx::Any>,
        limit: i64,
    ) -> Result<Vec<ForwardedCertificate>, ArchiveError> {
        let rows: Vec<(String, String, String)> = sqlx::query_as(
            "SELECT f.sent_at, f.recipient, c.form FROM certificate_forwarding f \
             JOIN certificate c ON c.person_id = f.person_id AND c.id = f.certificate_id \
             WHERE f.person_id = $1 ORDER BY f.sent_at DESC LIMIT $2",
        )
        .bind(self.subject().get())
        .bind(limit)
        .fetch_all(&mut **tx)
        .await?;
        rows.into_iter()
            .map(|(at, recipient, form)| {
                Ok(ForwardedCertificate {
                    at: parse_stamp(&at)?,
                    recipient: Recipient::from_code(&recipient)
                        .ok_or(ArchiveError::Corrupt("recipient"))?,
                    form: CertificateForm::from_code(&form)
                        .ok_or(ArchiveError::Corrupt("certificate form"))?,
                })
            })
            .collect()
    }
}

/// The certificates' part of the news statement ([`NewsPart`]).
#[derive(sqlx::FromRow)]
struct CertificatesNewsRow {
    certificates_issued: i64,
}

impl NewsPart for CertificatesNews {
    fn push(access: &Access, sql: &mut Sql, since_ms: i64) {
        let since = format_stamp(crate::clock::finnish_at_ms(since_ms));
        sql.push("(SELECT COUNT(*) AS certificates_issued FROM certificate c WHERE c.person_id = ")
            .bind(access.subject().get())
            .push(" AND ");
        access.visible_rows(sql, "c", "issued_at");
        sql.push(" AND c.issued_at > ").bind(since).push(")");
    }

    fn of_row(row: &sqlx::any::AnyRow) -> Result<Self, ArchiveError> {
        let row = <CertificatesNewsRow as sqlx::FromRow<_>>::from_row(row)?;
        Ok(Self {
            issued: row.certificates_issued,
        })
    }
}
