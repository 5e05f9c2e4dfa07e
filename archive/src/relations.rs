//! Importing who may act for whom: guardianships (in reality from the Population
//! Information System) and mandates (from Suomi.fi mandates), as a simple text format
//! so tests and operators can load them.
//!
//! One relation a line, fields separated by commas, `#` starts a comment:
//!
//! ```text
//! guardian,<guardian's identity code>,<child's identity code>
//! mandate,<principal's identity code>,<holder's identity code>,<scope>,<from YYYY-MM-DD>,<until YYYY-MM-DD>
//! ```

use time::format_description::well_known::Iso8601;
use time::Date;

use crate::access::Archive;
use crate::error::ArchiveError;
use crate::hetu::Hetu;

/// One relation to import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Relation {
    Guardian {
        guardian: Hetu,
        child: Hetu,
    },
    Mandate {
        principal: Hetu,
        holder: Hetu,
        scope: String,
        valid_from: Date,
        valid_until: Date,
    },
}

/// Why a line could not be read. Names the line, never its contents.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParseError {
    #[error("line {line}: unknown kind of relation (guardian or mandate)")]
    Kind { line: usize },
    #[error("line {line}: wrong number of fields")]
    Fields { line: usize },
    #[error("line {line}: field {field}: {reason}")]
    IdentityCode {
        line: usize,
        field: usize,
        reason: crate::hetu::HetuError,
    },
    #[error("line {line}: field {field}: a date must be YYYY-MM-DD")]
    Date { line: usize, field: usize },
    #[error("line {line}: the mandate ends before it begins")]
    Period { line: usize },
    #[error("line {line}: field 2: a mandate is given by an adult; the principal is a minor on its first day")]
    MinorPrincipal { line: usize },
}

/// Reads relations; every line must be right, or nothing is returned.
///
/// # Errors
/// The first line that is wrong, and how.
pub fn parse(text: &str) -> Result<Vec<Relation>, ParseError> {
    let mut out = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        let content = raw.split('#').next().unwrap_or("").trim();
        if content.is_empty() {
            continue;
        }
        let fields: Vec<&str> = content.split(',').map(str::trim).collect();
        let hetu = |field: usize| {
            Hetu::parse(fields[field]).map_err(|reason| ParseError::IdentityCode {
                line,
                field: field + 1,
                reason,
            })
        };
        let day = |field: usize| {
            Date::parse(fields[field], &Iso8601::DATE).map_err(|_| ParseError::Date {
                line,
                field: field + 1,
            })
        };
        match fields[0] {
            "guardian" if fields.len() == 3 => out.push(Relation::Guardian {
                guardian: hetu(1)?,
                child: hetu(2)?,
            }),
            "mandate" if fields.len() == 6 => {
                let (valid_from, valid_until) = (day(4)?, day(5)?);
                if valid_until < valid_from {
                    return Err(ParseError::Period { line });
                }
                let principal = hetu(1)?;
                if crate::clock::age_on(principal.birth_date(), valid_from) < 18 {
                    return Err(ParseError::MinorPrincipal { line });
                }
                out.push(Relation::Mandate {
                    principal,
                    holder: hetu(2)?,
                    scope: fields[3].to_owned(),
                    valid_from,
                    valid_until,
                });
            }
            "guardian" | "mandate" => return Err(ParseError::Fields { line }),
            _ => return Err(ParseError::Kind { line }),
        }
    }
    Ok(out)
}

impl Archive {
    /// Adds relations in one transaction: all of them, or none when a person is unknown.
    /// A relation already there is left as it is.
    ///
    /// # Errors
    /// `NotFound` when a person named is not in the archive; `Storage` when the
    /// database fails.
    pub async fn import_relations(&self, relations: &[Relation]) -> Result<u64, ArchiveError> {
        let mut tx = self.db.begin().await?;
        let mut added = 0;
        for relation in relations {
            let mut id_of = async |hetu: &Hetu| -> Result<i64, ArchiveError> {
                let (id,): (i64,) = sqlx::query_as("SELECT id FROM person WHERE hetu = $1")
                    .bind(hetu.as_str())
                    .fetch_one(&mut *tx)
                    .await?;
                Ok(id)
            };
            match relation {
                Relation::Guardian { guardian, child } => {
                    let (g, c) = (id_of(guardian).await?, id_of(child).await?);
                    let done = sqlx::query(
                        "INSERT INTO guardianship (child_id, guardian_id) SELECT $1, $2 \
                         WHERE NOT EXISTS (SELECT 1 FROM guardianship WHERE child_id = $1 AND guardian_id = $2)",
                    )
                    .bind(c)
                    .bind(g)
                    .execute(&mut *tx)
                    .await?;
                    added += done.rows_affected();
                }
                Relation::Mandate {
                    principal,
                    holder,
                    scope,
                    valid_from,
                    valid_until,
                } => {
                    let (p, h) = (id_of(principal).await?, id_of(holder).await?);
                    let (next,): (i64,) = sqlx::query_as(
                        "SELECT COALESCE(MAX(id), 0) + 1 FROM mandate WHERE principal_id = $1",
                    )
                    .bind(p)
                    .fetch_one(&mut *tx)
                    .await?;
                    sqlx::query(
                        "INSERT INTO mandate (principal_id, id, holder_id, scope, valid_from, valid_until) VALUES ($1, $2, $3, $4, $5, $6)",
                    )
                    .bind(p)
                    .bind(next)
                    .bind(h)
                    .bind(scope)
                    .bind(valid_from.to_string())
                    .bind(valid_until.to_string())
                    .execute(&mut *tx)
                    .await?;
                    added += 1;
                }
            }
        }
        tx.commit().await?;
        Ok(added)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_both_kinds_and_says_which_line_is_wrong() {
        let text = "# relations\nguardian, 131052-308T, 010594Y9032\n\nmandate,131052-308T,010594Y9032,health-care,2026-01-01,2027-01-01\n";
        let relations = parse(text).expect("valid");
        assert_eq!(relations.len(), 2);
        assert_eq!(parse("parent,a,b"), Err(ParseError::Kind { line: 1 }));
        assert_eq!(
            parse("\nguardian,131052-308T"),
            Err(ParseError::Fields { line: 2 })
        );
        assert!(matches!(
            parse("guardian,131052-308U,010594Y9032"),
            Err(ParseError::IdentityCode {
                line: 1,
                field: 2,
                ..
            })
        ));
        assert_eq!(
            parse("mandate,131052-308T,010594Y9032,health-care,2026-13-01,2027-01-01"),
            Err(ParseError::Date { line: 1, field: 5 })
        );
        assert_eq!(
            parse("mandate,131052-308T,010594Y9032,health-care,2027-01-01,2026-01-01"),
            Err(ParseError::Period { line: 1 })
        );
        // A mandate needs an adult principal on its first day.
        let teen = Hetu::from_parts(time::macros::date!(2010 - 05 - 01), 905).expect("code");
        let line = |from: &str| {
            format!(
                "mandate,{},010594Y9032,health-care,{from},2029-01-01",
                teen.as_str()
            )
        };
        assert_eq!(
            parse(&line("2026-01-01")),
            Err(ParseError::MinorPrincipal { line: 1 })
        );
        assert!(parse(&line("2028-05-01")).is_ok(), "from the 18th birthday");
        // The error names the line and field, never the identity code.
        let e = parse("guardian,131052-308U,010594Y9032")
            .expect_err("bad")
            .to_string();
        assert!(!e.contains("131052"));
    }
}
