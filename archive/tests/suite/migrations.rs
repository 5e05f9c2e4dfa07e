//! The SQLite and PostgreSQL migrations stay in step: the same files, and in each the
//! same statements, apart from the one listed difference (how each database makes the
//! audit table append-only). Migrations keep their numbers and are never edited; a new
//! one is added to both folders.

use std::collections::BTreeMap;
use std::path::Path;

/// The statements of a migration, comments and spacing aside, with the audit trigger's
/// statements (which differ by design) taken out and returned apart.
fn statements(sql: &str) -> (Vec<String>, Vec<String>) {
    let mut text = String::new();
    for line in sql.lines() {
        let line = line.split("--").next().unwrap_or("").trim();
        if !line.is_empty() {
            text.push_str(line);
            text.push('\n');
        }
    }
    // A PL/pgSQL body holds semicolons of its own: keep it whole.
    let mut parts = Vec::new();
    let mut current = String::new();
    let mut in_body = false;
    for line in text.lines() {
        current.push_str(line);
        current.push(' ');
        if line.matches("$$").count() % 2 == 1 {
            in_body = !in_body;
        }
        if !in_body && line.ends_with(';') {
            parts.push(current.split_whitespace().collect::<Vec<_>>().join(" "));
            current.clear();
        }
    }
    assert!(
        current.trim().is_empty(),
        "a statement without its semicolon"
    );
    parts.into_iter().partition(|s| !is_audit_trigger(s))
}

/// The listed difference: the triggers (and PostgreSQL's trigger function) that keep
/// `audit_event` append-only, against UPDATE, DELETE and (PostgreSQL) TRUNCATE.
fn is_audit_trigger(statement: &str) -> bool {
    let s = statement.to_ascii_uppercase();
    (s.starts_with("CREATE TRIGGER") || s.starts_with("CREATE FUNCTION"))
        && s.contains("AUDIT_EVENT")
}

fn folder(backend: &str) -> BTreeMap<String, String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("migrations")
        .join(backend);
    std::fs::read_dir(dir)
        .expect("migrations")
        .map(|e| e.expect("entry").path())
        .map(|p| {
            (
                p.file_name().expect("name").to_string_lossy().into_owned(),
                std::fs::read_to_string(&p).expect("read"),
            )
        })
        .collect()
}

#[test]
fn sqlite_and_postgres_migrations_are_the_same_but_for_the_audit_trigger() {
    let sqlite = folder("sqlite");
    let postgres = folder("postgres");
    assert_eq!(
        sqlite.keys().collect::<Vec<_>>(),
        postgres.keys().collect::<Vec<_>>(),
        "the same files in both folders"
    );
    for (i, name) in sqlite.keys().enumerate() {
        assert!(
            name.starts_with(&format!("{:04}_", i + 1)),
            "{name}: numbered in order, none missing"
        );
        // How each keeps the audit table append-only may differ (PostgreSQL also
        // needs a statement trigger for TRUNCATE); nothing else may.
        let (lite, _) = statements(&sqlite[name]);
        let (pg, _) = statements(&postgres[name]);
        assert_eq!(lite, pg, "{name}: the same statements");
    }
}

#[test]
fn the_comparison_sees_a_difference() {
    let (a, _) = statements("CREATE TABLE t (a BIGINT);\n-- a comment\nCREATE INDEX i ON t (a);");
    let (b, _) = statements("CREATE TABLE t (a BIGINT);  CREATE INDEX i ON t (b);");
    assert_eq!(a.len(), 2);
    assert_ne!(a, b);
    let (rest, triggers) = statements(
        "CREATE FUNCTION audit_event_x() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n RAISE EXCEPTION 'no';\nEND;\n$$;\nCREATE TRIGGER t BEFORE DELETE ON audit_event FOR EACH ROW EXECUTE FUNCTION audit_event_x();",
    );
    assert!(rest.is_empty());
    assert_eq!(triggers.len(), 2);
}
