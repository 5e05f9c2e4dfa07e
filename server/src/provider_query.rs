//! `omakanta provider-query`: a care organisation's system asks for a person's data,
//! as Kanta's interface would be called. The person's identity code is read from
//! standard input (never an argument, which the process list and shell history
//! show); the answer is written to standard output as JSON.
//!
//! ```text
//! echo 131052-308T | omakanta provider-query --organisation OID [--unit ID] \
//!     --role physician|nurse|pharmacist|reimbursement-handler \
//!     --purpose treatment|dispensing|reimbursement \
//!     --asks documents|prescriptions|declarations|wellbeing [--from YYYY-MM-DD]
//! ```

use std::io::{BufRead, Write};

use archive::hetu::Hetu;
use archive::model::{Asked, ProviderQuery, QueryPurpose, QueryRole, UnitId};
use archive::{Archive, ArchiveError};
use time::format_description::well_known::Iso8601;

/// The command's usage, printed when its arguments are wrong.
pub const USAGE: &str = "usage: omakanta provider-query --organisation OID [--unit ID] \
--role physician|nurse|pharmacist|reimbursement-handler \
--purpose treatment|dispensing|reimbursement --asks documents|prescriptions|declarations|wellbeing \
[--from YYYY-MM-DD], the identity code on standard input";

/// Why the command stopped. None of its texts holds the identity code.
#[derive(Debug, thiserror::Error)]
pub enum QueryError {
    #[error("{0}")]
    Usage(String),
    #[error("the identity code on standard input is not valid")]
    Hetu,
    #[error("the archive answered: {0}")]
    Archive(#[from] ArchiveError),
    #[error("cannot read or write: {0}")]
    Io(#[from] std::io::Error),
}

/// The query the arguments name, the organisation by its OID.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Arguments {
    pub oid: String,
    pub unit: Option<UnitId>,
    pub role: QueryRole,
    pub purpose: QueryPurpose,
    pub asks: Asked,
    pub from: Option<time::Date>,
}

/// Reads the arguments (`--name value` pairs, each once).
///
/// # Errors
/// `Usage` naming what is missing, unknown or malformed.
pub fn parse(args: &[String]) -> Result<Arguments, QueryError> {
    let usage = |what: &str| QueryError::Usage(format!("{what}; {USAGE}"));
    let mut values = std::collections::BTreeMap::new();
    let mut rest = args.iter();
    while let Some(name) = rest.next() {
        let known = [
            "--organisation",
            "--unit",
            "--role",
            "--purpose",
            "--asks",
            "--from",
        ];
        if !known.contains(&name.as_str()) {
            return Err(usage("an unknown argument"));
        }
        let value = rest
            .next()
            .ok_or_else(|| usage("an argument without its value"))?;
        if values.insert(name.as_str(), value.as_str()).is_some() {
            return Err(usage("an argument given twice"));
        }
    }
    let required = |name: &str| {
        values
            .get(name)
            .copied()
            .ok_or_else(|| usage(&format!("{name} is missing")))
    };
    Ok(Arguments {
        oid: required("--organisation")?.to_owned(),
        unit: values
            .get("--unit")
            .map(|u| u.parse().map_err(|_| usage("--unit is not a number")))
            .transpose()?,
        role: QueryRole::from_code(required("--role")?)
            .ok_or_else(|| usage("an unknown --role"))?,
        purpose: QueryPurpose::from_code(required("--purpose")?)
            .ok_or_else(|| usage("an unknown --purpose"))?,
        asks: Asked::from_code(required("--asks")?).ok_or_else(|| usage("an unknown --asks"))?,
        from: values
            .get("--from")
            .map(|d| time::Date::parse(d, &Iso8601::DATE).map_err(|_| usage("--from is not a day")))
            .transpose()?,
    })
}

/// Runs the query: the identity code from `input`, the answer to `out` as JSON.
///
/// # Errors
/// `Usage`, `Hetu`, the archive's refusal, or a failure to read or write.
pub async fn run(
    archive: &Archive,
    args: &[String],
    input: &mut impl BufRead,
    out: &mut impl Write,
) -> Result<(), QueryError> {
    let args = parse(args)?;
    let mut line = String::new();
    input.read_line(&mut line)?;
    let hetu = Hetu::parse(line.trim()).map_err(|_| QueryError::Hetu)?;
    let organisation = archive.organisation_by_oid(&args.oid).await?;
    let answer = archive
        .provider_query(
            &hetu,
            &ProviderQuery {
                organisation,
                unit: args.unit,
                role: args.role,
                purpose: args.purpose,
                asked: args.asks,
                from: args.from,
            },
        )
        .await?;
    serde_json::to_writer_pretty(&mut *out, &answer).map_err(std::io::Error::other)?;
    out.write_all(b"\n")?;
    Ok(())
}
