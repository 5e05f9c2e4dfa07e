//! What the register says about an actor and the persons they may act for (birth,
//! care, non-disclosure, guardianship, mandates), as the rights decide on it
//! ([`crate::rights::decide`]): read in one statement, for one subject or for everyone
//! the actor is registered to act for.

use sqlx::Any;
use time::format_description::well_known::Iso8601;
use time::Date;

use crate::access::Archive;
use crate::error::ArchiveError;
use crate::model::PersonId;
use crate::rights::{Facts, Mandate};

impl Archive {
    /// What the register says about `actor` and `subject`: one statement (a row for
    /// each mandate the subject gave the actor, or one without), since every proxy's
    /// every page asks it.
    pub(crate) async fn facts(
        &self,
        actor: PersonId,
        subject: PersonId,
    ) -> Result<Facts, ArchiveError> {
        Ok(facts_of(self.db().pool(), actor, Some(subject))
            .await?
            .pop()
            .map(|s| s.facts)
            .unwrap_or_default())
    }
}

/// A person the register says something about in relation to an actor, and what.
pub(crate) struct SubjectFacts {
    pub person: PersonId,
    pub given_name: String,
    pub family_name: String,
    pub facts: Facts,
}

/// What the register says about `actor` and `subject`, or (`None`) about `actor` and
/// everyone the actor is registered to act for ([`push_registered`]), the eldest
/// first: one statement either way (a row for each mandate a subject gave the actor,
/// or one without), so that a front page asks one whatever the number of relations.
pub(crate) async fn facts_of<'e, E>(
    executor: E,
    actor: PersonId,
    subject: Option<PersonId>,
) -> Result<Vec<SubjectFacts>, ArchiveError>
where
    E: sqlx::Executor<'e, Database = Any>,
{
    #[derive(sqlx::FromRow)]
    struct Row {
        subject_id: i64,
        given_name: String,
        family_name: String,
        birth_date: String,
        in_care: i64,
        subject_non_disclosure: i64,
        actor_non_disclosure: i64,
        has_court_guardian: i64,
        guardian: i64,
        scope: Option<String>,
        valid_from: Option<String>,
        valid_until: Option<String>,
    }
    let mut sql = crate::db::Sql::new(
        "SELECT s.id AS subject_id, s.given_name, s.family_name, s.birth_date, s.in_care, \
         s.non_disclosure AS subject_non_disclosure, \
         a.non_disclosure AS actor_non_disclosure, a.has_court_guardian, \
         CASE WHEN EXISTS (SELECT 1 FROM guardianship g \
           WHERE g.child_id = s.id AND g.guardian_id = a.id) THEN 1 ELSE 0 END AS guardian, \
         m.scope, m.valid_from, m.valid_until \
         FROM person s JOIN person a ON a.id = ",
    );
    sql.bind(actor.get())
        .push(" LEFT JOIN mandate m ON m.principal_id = s.id AND m.holder_id = a.id WHERE s.id ");
    match subject {
        Some(subject) => {
            sql.push("= ").bind(subject.get());
        }
        None => {
            sql.push("IN (");
            push_registered(&mut sql, actor);
            sql.push(")");
        }
    }
    sql.push(" ORDER BY s.birth_date, s.id");
    let rows: Vec<Row> = sql.query_as().fetch_all(executor).await?;
    let mut found: Vec<SubjectFacts> = Vec::new();
    for row in rows {
        let mandate = match (row.scope, row.valid_from, row.valid_until) {
            (Some(scope), Some(from), Some(until)) => Mandate::from_stored(scope, &from, &until),
            _ => None,
        };
        if let Some(last) = found
            .last_mut()
            .filter(|f| f.person.get() == row.subject_id)
        {
            last.facts.mandates.extend(mandate);
            continue;
        }
        found.push(SubjectFacts {
            person: PersonId::from_raw(row.subject_id),
            given_name: row.given_name,
            family_name: row.family_name,
            facts: Facts {
                subject_birth: Date::parse(&row.birth_date, &Iso8601::DATE).ok(),
                subject_in_care: row.in_care != 0,
                subject_non_disclosure: row.subject_non_disclosure != 0,
                actor_non_disclosure: row.actor_non_disclosure != 0,
                actor_has_court_guardian: row.has_court_guardian != 0,
                guardian: row.guardian != 0,
                mandates: mandate.into_iter().collect(),
            },
        });
    }
    Ok(found)
}

/// Everyone `actor` is registered to act for, as a subquery of person ids: the
/// children they are the guardian of, and those who gave them a mandate (in force or
/// not: the rights decide that).
pub(crate) fn push_registered(sql: &mut crate::db::Sql, actor: PersonId) {
    sql.push("SELECT child_id FROM guardianship WHERE guardian_id = ")
        .bind(actor.get())
        .push(" UNION SELECT principal_id FROM mandate WHERE holder_id = ")
        .bind(actor.get());
}
