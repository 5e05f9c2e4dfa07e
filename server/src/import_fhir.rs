//! `omakanta import-fhir [--person HETU] FILE...`: keeps HL7 IPS documents (FHIR R4
//! JSON, one Bundle a file) as their persons' data, so that summaries written
//! elsewhere show in the service, marked with where they came from.
//!
//! Each file on its own, all of it or nothing: read and checked by `phr::ips` (the IPS
//! guide's rules, typed R4), made into what the archive keeps
//! (`phr::ips::foreign_summary`: the person by the Finnish identity code among the
//! Patient's identifiers, else the one `--person` gives), then kept in one transaction
//! (`Archive::import_summary`). For each file the report says what was kept, what the
//! archive does not hold (entries of sections such as vital signs), or why it was
//! refused, by resource and field; it never prints a value of the summary.

use std::path::Path;
use std::process::ExitCode;

use archive::hetu::Hetu;
use archive::imports::ImportOutcome;
use archive::{Archive, ArchiveError};
use phr::ips::NotImported;

/// What became of one file.
#[derive(Debug)]
pub enum FileReport {
    Imported {
        outcome: ImportOutcome,
        /// Entries of sections the archive does not hold.
        not_imported: Vec<NotImported>,
    },
    /// Nothing of it was stored: each reason, by resource and field.
    Refused(Vec<NotImported>),
}

/// Reads, checks and keeps one file.
pub async fn import_file(archive: &Archive, path: &Path, person: Option<&Hetu>) -> FileReport {
    let refused = |field: &str, why: String| {
        FileReport::Refused(vec![NotImported {
            resource: "file".into(),
            field: field.into(),
            why,
        }])
    };
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => return refused("file", format!("cannot be read: {}", e.kind())),
    };
    let json: serde_json::Value = match serde_json::from_str(&text) {
        Ok(j) => j,
        Err(e) => {
            return refused(
                "JSON",
                format!("not JSON (line {}, column {})", e.line(), e.column()),
            )
        }
    };
    let imported = match phr::ips::read(&json) {
        Ok(i) => i,
        Err(reasons) => return FileReport::Refused(reasons),
    };
    let summary = match phr::ips::foreign_summary(&imported, person) {
        Ok(s) => s,
        Err(reasons) => return FileReport::Refused(reasons),
    };
    match archive.import_summary(&summary).await {
        Ok(outcome) => FileReport::Imported {
            outcome,
            not_imported: imported.not_imported,
        },
        Err(ArchiveError::Invalid {
            field: "birth-date",
            code: "not-the-person",
        }) => FileReport::Refused(vec![NotImported {
            resource: "Patient".into(),
            field: "Patient.birthDate".into(),
            why: "not the birth date of the person it would be kept for".into(),
        }]),
        Err(e) => refused("archive", format!("not stored: {e}")),
    }
}

/// The command: imports each file named, prints a report of each, and fails when any
/// was refused (the others are kept).
pub async fn run(archive: &Archive, args: &[String]) -> ExitCode {
    let mut person = None;
    let mut files = Vec::new();
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        if arg == "--person" {
            match args.next().map(|h| Hetu::parse(h)) {
                Some(Ok(h)) => person = Some(h),
                _ => {
                    eprintln!("--person needs a valid Finnish personal identity code");
                    return ExitCode::FAILURE;
                }
            }
        } else {
            files.push(arg);
        }
    }
    if files.is_empty() {
        eprintln!("usage: omakanta import-fhir [--person HETU] FILE...");
        return ExitCode::FAILURE;
    }
    let mut failed = false;
    for file in files {
        let report = import_file(archive, Path::new(file), person.as_ref()).await;
        failed |= matches!(report, FileReport::Refused(_));
        let mut out = std::io::stdout().lock();
        if std::io::Write::write_all(&mut out, describe(file, &report).as_bytes()).is_err() {
            return ExitCode::FAILURE;
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// The report of one file, as the command prints it.
#[must_use]
pub fn describe(file: &str, report: &FileReport) -> String {
    let mut out = String::new();
    let line = |out: &mut String, n: &NotImported| {
        out.push_str(&format!("  {}: {}: {}\n", n.resource, n.field, n.why));
    };
    match report {
        FileReport::Imported {
            outcome,
            not_imported,
        } => {
            if outcome.already {
                out.push_str(&format!("{file}: imported before; nothing changed\n"));
            } else {
                out.push_str(&format!(
                    "{file}: imported {} entries and {} medicines{}\n",
                    outcome.documents,
                    outcome.medicines,
                    if outcome.person_added {
                        " (the person was added)"
                    } else {
                        ""
                    }
                ));
            }
            if !not_imported.is_empty() {
                out.push_str(&format!(
                    "  not imported (the archive does not hold these), {}:\n",
                    not_imported.len()
                ));
                for n in not_imported {
                    line(&mut out, n);
                }
            }
        }
        FileReport::Refused(reasons) => {
            out.push_str(&format!("{file}: refused; nothing of it was stored:\n"));
            for n in reasons {
                line(&mut out, n);
            }
        }
    }
    out
}
