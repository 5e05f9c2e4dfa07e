//! The messages in `locales/{fi,sv,en}`: every file and key in every language, every
//! code the archive's enums and the registry of sections can give has its words, every
//! variable a message uses is passed by the code that asks for it, and every message
//! the code asks for by name exists.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use app::i18n::Lang;
use archive::model::{
    DocumentKind, PrescriptionStatus, RenewalBlock, RenewalStatus, RightKind, Treatment,
    TreatmentWish,
};
use archive::{Action, Refusal, Section};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("workspace")
        .to_path_buf()
}

/// A message: its id and the variables it uses.
type Messages = BTreeMap<String, BTreeSet<String>>;

/// The messages of one `.ftl` file. Fluent's syntax as these files use it: `id = text`,
/// continuation lines indented, variables as `{ $name }`.
fn parse(text: &str) -> Messages {
    let mut out = Messages::new();
    let mut current: Option<String> = None;
    for line in text.lines() {
        if line.starts_with(char::is_alphabetic) {
            let (id, _) = line.split_once('=').expect("a message line has =");
            current = Some(id.trim().to_owned());
            out.insert(id.trim().to_owned(), BTreeSet::new());
        } else if !line.starts_with([' ', '\t', '}']) {
            // A comment or a blank line ends nothing and starts nothing.
            continue;
        }
        if let Some(id) = &current {
            let vars = out.get_mut(id).expect("current");
            for part in line.split('$').skip(1) {
                let name: String = part
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '-')
                    .collect();
                vars.insert(name);
            }
        }
    }
    out
}

/// Every language's files, each with its messages.
fn locales() -> BTreeMap<&'static str, BTreeMap<String, Messages>> {
    Lang::ALL
        .iter()
        .map(|lang| {
            let dir = root().join("locales").join(lang.code());
            let files = std::fs::read_dir(&dir)
                .expect("locale dir")
                .map(|e| e.expect("entry").path())
                .filter(|p| p.extension().is_some_and(|x| x == "ftl"))
                .map(|p| {
                    let name = p.file_name().expect("name").to_string_lossy().into_owned();
                    (name, parse(&std::fs::read_to_string(&p).expect("read")))
                })
                .collect();
            (lang.code(), files)
        })
        .collect()
}

#[test]
fn every_language_has_the_same_files_and_messages_and_no_message_twice() {
    let all = locales();
    let fi = &all["fi"];
    assert!(fi.contains_key("main.ftl"), "the frame's file");
    for section in Section::ALL {
        if !section.spec().pages.is_empty() {
            let file = format!("{}.ftl", section.spec().code);
            assert!(
                fi.contains_key(&file),
                "{file}: each built section has its file"
            );
        }
    }
    for (lang, files) in &all {
        assert_eq!(
            files.keys().collect::<Vec<_>>(),
            fi.keys().collect::<Vec<_>>(),
            "{lang}: the same files as fi"
        );
        let mut seen = BTreeSet::new();
        for (file, messages) in files {
            let want: BTreeSet<&String> = fi[file].keys().collect();
            let have: BTreeSet<&String> = messages.keys().collect();
            assert_eq!(
                have.symmetric_difference(&want).collect::<Vec<_>>(),
                Vec::<&&String>::new(),
                "{lang}/{file}: missing or extra against fi"
            );
            for id in messages.keys() {
                assert!(seen.insert(id.clone()), "{lang}: {id} is defined twice");
            }
        }
    }
}

/// Every message id: what a code of the archive or an entry of the registry names.
fn ids_the_codes_name() -> Vec<String> {
    let mut ids = Vec::new();
    ids.extend(
        Refusal::ALL
            .iter()
            .map(|r| format!("error-forbidden-{}", r.code())),
    );
    ids.extend(
        Action::ALL
            .iter()
            .map(|a| format!("action-{}", a.code().replace('.', "-"))),
    );
    ids.extend(
        RenewalBlock::ALL
            .iter()
            .map(|b| format!("error-invalid-{}", b.error_code()))
            .chain([format!(
                "error-invalid-{}",
                archive::prescriptions::model::KEY_REUSED
            )]),
    );
    ids.extend(
        RenewalStatus::ALL
            .iter()
            .map(|s| format!("renewal-status-{}", s.code())),
    );
    ids.extend(
        PrescriptionStatus::ALL
            .iter()
            .map(|s| format!("prescription-status-{}", s.code())),
    );
    ids.extend(
        DocumentKind::ALL
            .iter()
            .map(|k| format!("kind-{}", k.code())),
    );
    for t in Treatment::ALL {
        ids.push(format!("living-will-{}", t.code()));
        for w in TreatmentWish::ALL {
            ids.push(format!("living-will-{}-{}", t.code(), w.code()));
        }
    }
    ids.extend(
        archive::prescriptions::medication::ATC_GROUPS
            .iter()
            .map(|g| format!("atc-group-{g}")),
    );
    ids.extend(
        [RightKind::Own, RightKind::Guardian, RightKind::Mandate]
            .iter()
            .map(|r| format!("right-{}", r.code())),
    );
    ids.push("right-none".into());
    for section in Section::ALL {
        for page in section.spec().pages {
            ids.push(page.nav.into());
            ids.push(page.front.into());
        }
    }
    ids
}

#[test]
fn every_code_and_section_has_its_words_in_every_language() {
    for id in ids_the_codes_name() {
        for lang in Lang::ALL {
            assert_ne!(lang.tr(&id), id, "{id} in {}", lang.code());
        }
    }
}

/// The Rust sources that ask for messages.
fn sources() -> Vec<(PathBuf, String)> {
    fn walk(dir: &Path, out: &mut Vec<(PathBuf, String)>) {
        for entry in std::fs::read_dir(dir).expect("dir") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|x| x == "rs") {
                let text = std::fs::read_to_string(&path).expect("read");
                out.push((path, text));
            }
        }
    }
    let mut out = Vec::new();
    for dir in ["app/src", "server/src"] {
        walk(&root().join(dir), &mut out);
    }
    out
}

/// The calls with a literal message id: `t("id")`, `tr("id")`, and
/// `t_args("id", &[("var", …), …])` or `tr_args`, with the variables each passes (`None` for a call without arguments).
fn calls(text: &str) -> Vec<(String, Option<BTreeSet<String>>)> {
    let mut out = Vec::new();
    for (open, with_args) in [
        ("t(", false),
        ("tr(", false),
        ("t_args(", true),
        ("tr_args(", true),
    ] {
        let mut rest = text;
        while let Some(i) = rest.find(open) {
            let before = rest[..i].chars().last();
            rest = &rest[i + open.len()..];
            // `t(` as a whole word only (not `set(`, `get_t(` …), with a literal id.
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue;
            }
            let Some(literal) = rest.trim_start().strip_prefix('"') else {
                continue;
            };
            rest = literal;
            let Some(end) = rest.find('"') else { break };
            let id = rest[..end].to_owned();
            if !with_args {
                out.push((id, None));
                continue;
            }
            // The argument list: up to the call's closing `])`.
            let args = rest[end..].split("])").next().unwrap_or("");
            let vars = args
                .split("(\"")
                .skip(1)
                .filter_map(|a| a.split('"').next())
                .map(str::to_owned)
                .collect();
            out.push((id, Some(vars)));
        }
    }
    out
}

#[test]
fn every_variable_is_passed_and_every_message_asked_for_exists() {
    let all = locales();
    let mut used: Messages = Messages::new();
    for files in all.values() {
        for messages in files.values() {
            for (id, vars) in messages {
                used.entry(id.clone())
                    .or_default()
                    .extend(vars.iter().cloned());
            }
        }
    }
    let mut passed: BTreeMap<String, Vec<BTreeSet<String>>> = BTreeMap::new();
    for (path, text) in sources() {
        for (id, vars) in calls(&text) {
            assert!(
                used.contains_key(&id),
                "{}: asks for {id}, which no locale has",
                path.display()
            );
            if let Some(vars) = vars {
                passed.entry(id).or_default().push(vars);
            }
        }
    }
    for (id, vars) in &used {
        // Plural selectors and the like only read variables too: each must be passed.
        let variables: BTreeSet<&String> = vars.iter().filter(|v| !v.is_empty()).collect();
        if variables.is_empty() {
            continue;
        }
        let calls = passed
            .get(id)
            .unwrap_or_else(|| panic!("{id} uses {variables:?}, but no call passes them"));
        for call in calls {
            for v in &variables {
                assert!(
                    call.contains(*v),
                    "{id} uses ${v}, which a call does not pass"
                );
            }
        }
    }
}
