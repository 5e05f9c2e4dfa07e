//! The messages in `locales/{fi,sv,en}`: every file and key in every language, every
//! code the archive's enums and the registry of sections can give has its words, every
//! variable a message uses is passed by the code that asks for it, and every message
//! the code asks for by name exists.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use app::i18n::{Lang, LangExt as _};
use archive::model::{
    AppointmentKind, AttendanceMode, CertificateForm, ChoiceKind, DocumentKind, Donatable,
    DonatableKind, DonationDecision, IssuerRole, PastPeriod, PrescriptionStatus, ProfessionalRole,
    Recipient, Register, RenewalBlock, RenewalStatus, RightKind, ServiceTask, SocialDocumentKind,
    Treatment, TreatmentWish, WorkerRole,
};
use archive::{Action, NavGroup, Refusal, Section};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("workspace")
        .to_path_buf()
}

/// A message: its id and the variables it uses.
type Messages = BTreeMap<String, BTreeSet<String>>;

/// A message as written: its text (every line) and the variables it chooses a
/// variant by (`{ $count -> …`).
#[derive(Debug, Default)]
struct Written {
    text: String,
    selectors: BTreeSet<String>,
}

/// Every message of a language as written, by id.
fn written(lang: &str) -> BTreeMap<String, Written> {
    let mut out: BTreeMap<String, Written> = BTreeMap::new();
    let dir = root().join("locales").join(lang);
    for entry in std::fs::read_dir(&dir).expect("locale dir") {
        let path = entry.expect("entry").path();
        if path.extension().is_none_or(|x| x != "ftl") {
            continue;
        }
        let mut current: Option<String> = None;
        for line in std::fs::read_to_string(&path).expect("read").lines() {
            if line.starts_with(char::is_alphabetic) {
                let (id, _) = line.split_once('=').expect("a message line has =");
                current = Some(id.trim().to_owned());
            } else if !line.starts_with([' ', '\t', '}']) {
                current = None;
                continue;
            }
            if let Some(id) = &current {
                let w = out.entry(id.clone()).or_default();
                w.text
                    .push_str(line.split_once(" = ").map_or(line, |(_, v)| v));
                w.text.push('\n');
                let mut rest = line;
                while let Some(i) = rest.find("{ $") {
                    rest = &rest[i + 3..];
                    let name: String = rest
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '-')
                        .collect();
                    if rest[name.len()..].trim_start().starts_with("->") {
                        w.selectors.insert(name);
                    }
                }
            }
        }
    }
    out
}

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
    for m in archive::model::Measure::ALL {
        ids.push(format!("wellbeing-measure-{}", m.code()));
        ids.push(format!("wellbeing-unit-{}", m.code()));
    }
    // Abroad: each service's words, each country of the dated list, the refusal.
    for s in archive::model::CrossBorderService::ALL {
        for what in ["title", "explain", "give", "withdraw"] {
            ids.push(format!("abroad-{}-{what}", s.code()));
        }
    }
    ids.extend(
        archive::model::service_countries()
            .iter()
            .map(|c| format!("country-{}", c.country)),
    );
    ids.push(format!(
        "error-invalid-{}",
        archive::model::DENIALS_NOT_READ
    ));
    ids.extend(
        archive::model::WellbeingPeriod::ALL
            .iter()
            .map(|p| format!("wellbeing-period-{}", p.code())),
    );
    ids.extend(
        app::wellbeing::api::ERROR_CODES
            .iter()
            .map(|c| format!("error-invalid-{c}")),
    );
    ids.extend(
        ["systolic", "diastolic"]
            .iter()
            .map(|f| format!("wellbeing-field-{f}")),
    );
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
        ChoiceKind::ALL
            .iter()
            .map(|k| format!("consents-kind-{}", k.code())),
    );
    ids.extend(
        Register::ALL
            .iter()
            .map(|r| format!("consents-register-{}", r.code())),
    );
    ids.extend(
        DonationDecision::ALL
            .iter()
            .map(|d| format!("donation-decision-{}", d.code())),
    );
    ids.extend(
        Donatable::ALL
            .iter()
            .map(|d| format!("donatable-{}", d.code())),
    );
    ids.extend(
        DonatableKind::ALL
            .iter()
            .map(|k| format!("donatable-kind-{}", k.code())),
    );
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
    ids.extend(
        archive::model::QueryRole::ALL
            .iter()
            .map(|r| format!("query-role-{}", r.code())),
    );
    ids.extend(
        archive::model::QueryPurpose::ALL
            .iter()
            .map(|p| format!("purpose-{}", p.code())),
    );
    ids.extend(
        AppointmentKind::ALL
            .iter()
            .map(|k| format!("appointment-kind-{}", k.code())),
    );
    ids.extend(
        AttendanceMode::ALL
            .iter()
            .map(|m| format!("appointment-mode-{}", m.code())),
    );
    ids.extend(
        ProfessionalRole::ALL
            .iter()
            .map(|r| format!("appointment-role-{}", r.code())),
    );
    ids.extend(
        PastPeriod::ALL
            .iter()
            .map(|p| format!("appointments-past-{}", p.code())),
    );
    ids.extend((1..=7).map(|d| format!("weekday-{d}")));
    ids.extend(
        ServiceTask::ALL
            .iter()
            .map(|t| format!("social-task-{}", t.code())),
    );
    ids.extend(
        SocialDocumentKind::ALL
            .iter()
            .map(|k| format!("social-kind-{}", k.code())),
    );
    ids.extend(
        CertificateForm::ALL
            .iter()
            .map(|f| format!("certificate-form-{}", f.code())),
    );
    ids.extend(
        Recipient::ALL
            .iter()
            .map(|r| format!("certificate-recipient-{}", r.code())),
    );
    ids.extend(
        IssuerRole::ALL
            .iter()
            .map(|r| format!("certificate-role-{}", r.code())),
    );
    ids.extend(
        WorkerRole::ALL
            .iter()
            .map(|r| format!("social-worker-{}", r.code())),
    );
    ids.extend(NavGroup::ALL.iter().map(|g| g.message().to_owned()));
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

/// A call's argument list: up to its closing `]` and `)`, however the two are spaced
/// (and with rustfmt's trailing comma between).
fn argument_list(tail: &str) -> &str {
    let mut from = 0;
    while let Some(j) = tail[from..].find(']') {
        let k = from + j;
        let after = tail[k + 1..].trim_start();
        let after = after.strip_prefix(',').map_or(after, str::trim_start);
        if after.starts_with(')') {
            return &tail[..k];
        }
        from = k + 1;
    }
    tail
}

/// The variables a call passes, each with whether it is a count (`count(…)`, the only
/// way a number reaches a message: `app::i18n::Arg`).
type Passed = BTreeMap<String, bool>;

/// The calls with a literal message id: `t("id")`, `tr("id")`, and
/// `t_args("id", &[("var", …), …])` or `tr_args`, with the variables each passes (`None` for a call without arguments).
fn calls(text: &str) -> Vec<(String, Option<Passed>)> {
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
            let args = argument_list(&rest[end..]);
            let vars = args
                .split("(\"")
                .skip(1)
                .filter_map(|a| {
                    let (name, value) = a.split_once('"')?;
                    let value = value.trim_start_matches([',', ' ', '\n']);
                    let is_count = value.starts_with("count(") || value.contains("i18n::count(");
                    Some((name.to_owned(), is_count))
                })
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
    let mut passed: BTreeMap<String, Vec<Passed>> = BTreeMap::new();
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
                    call.contains_key(*v),
                    "{id} uses ${v}, which a call does not pass"
                );
            }
        }
    }
}

/// Every message the code gives a count, with the variables that are counts.
fn count_messages() -> BTreeMap<String, BTreeSet<String>> {
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (_, text) in sources() {
        for (id, vars) in calls(&text) {
            for (var, is_count) in vars.unwrap_or_default() {
                if is_count {
                    out.entry(id.clone()).or_default().insert(var);
                }
            }
        }
    }
    out
}

#[test]
fn every_count_message_chooses_its_plural_form_and_every_selector_is_given_a_count() {
    let counts = count_messages();
    assert!(
        counts.contains_key("records-count"),
        "the scan finds counts"
    );
    for lang in Lang::ALL {
        let messages = written(lang.code());
        for (id, vars) in &counts {
            // The whole message is a choice by one of its counts (the one its noun
            // agrees with); a count beside it ("2 / 3 packages") is shown in each variant.
            let message = &messages[id];
            let chosen_by = message
                .text
                .trim_start()
                .strip_prefix("{ $")
                .map(|rest| rest.split(|c: char| c.is_whitespace()).next().unwrap_or(""));
            assert!(
                chosen_by.is_some_and(|v| vars.contains(v)),
                "{}: {id} shows the counts {vars:?} without a plural selector on one of them",
                lang.code()
            );
        }
        for (id, message) in &messages {
            for var in &message.selectors {
                assert!(
                    counts.get(id).is_some_and(|c| c.contains(var)),
                    "{}: {id} selects by ${var}, which no call gives as a count",
                    lang.code()
                );
            }
        }
    }
}

#[test]
fn each_count_message_reads_right_with_0_1_2_and_12() {
    let mut rendered = String::new();
    for (id, counted) in count_messages() {
        let all_vars: BTreeSet<String> = locales()
            .values()
            .flat_map(|files| files.values())
            .filter_map(|messages| messages.get(&id))
            .flatten()
            .cloned()
            .collect();
        for lang in Lang::ALL {
            for n in [0_i64, 1, 2, 12] {
                let args: Vec<(&'static str, app::i18n::Arg)> = all_vars
                    .iter()
                    .map(|v| {
                        let name: &'static str = Box::leak(v.clone().into_boxed_str());
                        let value = if counted.contains(v) {
                            app::i18n::count(n)
                        } else {
                            format!("‹{v}›").into()
                        };
                        (name, value)
                    })
                    .collect();
                let text = lang.tr_args(&id, &args);
                assert_ne!(text, id, "{id} in {}", lang.code());
                assert!(
                    !text.contains('{'),
                    "{}: {id} with {n}: {text}",
                    lang.code()
                );
                rendered.push_str(&format!("{id} {} {n}: {text}\n", lang.code()));
            }
        }
    }
    // Every rendering, for a reader of each language to check; it fails when one changes.
    let file = root().join("app/tests/counts.txt");
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&file, &rendered).expect("write");
    }
    let kept = std::fs::read_to_string(&file).unwrap_or_default();
    assert!(
        kept == rendered,
        "the counts read otherwise than app/tests/counts.txt (UPDATE_SNAPSHOTS=1 rewrites it):\n{rendered}"
    );
}

/// The glossary's terms in the forms it does not use (`forbidden_terms.txt`, beside
/// this test): language, the variant, and what the glossary says instead.
fn forbidden_terms() -> Vec<(String, String, String)> {
    std::fs::read_to_string(root().join("app/tests/forbidden_terms.txt"))
        .expect("forbidden_terms.txt")
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let mut parts = l.split('\t');
            let mut next = || {
                parts
                    .next()
                    .expect("lang, variant, instead")
                    .trim()
                    .to_owned()
            };
            (next(), next(), next())
        })
        .collect()
}

/// Whether `phrase` stands in `text` as whole words, whatever the case.
fn has_phrase(text: &str, phrase: &str) -> bool {
    let (text, phrase) = (text.to_lowercase(), phrase.to_lowercase());
    text.match_indices(&phrase).any(|(i, _)| {
        let before = text[..i].chars().last();
        let after = text[i + phrase.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

#[test]
fn no_message_uses_a_term_in_a_form_the_glossary_does_not() {
    let terms = forbidden_terms();
    assert!(terms.len() > 10, "the list is read");
    assert!(has_phrase("Ditt Vårdtestamente.", "vårdtestamente"));
    assert!(!has_phrase("dokumentation", "dokument"));
    for (lang, variant, instead) in &terms {
        for (id, message) in written(lang) {
            assert!(
                !has_phrase(&message.text, variant),
                "{lang}: {id} says \"{variant}\"; the glossary says \"{instead}\""
            );
        }
    }
}

#[test]
fn large_numbers_are_formatted_in_code_never_written_in_a_message() {
    for lang in Lang::ALL {
        for (id, message) in written(lang.code()) {
            let text = &message.text;
            let mut digits = String::new();
            for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
                if c.is_ascii_digit() {
                    digits.push(c);
                    continue;
                }
                let start = i - digits.len();
                // A year ("2026", a law's "306/2019") is a name, not an amount.
                let year =
                    digits.len() == 4 && (digits.starts_with("19") || digits.starts_with("20"));
                assert!(
                    digits.len() < 4 || year || text[..start].ends_with('/'),
                    "{}: {id} writes the number {digits}: pass it as a count",
                    lang.code()
                );
                digits.clear();
            }
        }
    }
}
