//! A deterministic generator of realistic Finnish demo data: wellbeing services
//! counties and their units, persons with test identity codes (individual numbers
//! 900–999), service events over years with notes, diagnoses (ICD-10), risk
//! information, vaccinations (ATC), procedures (NCSP), laboratory results with
//! reference ranges, and imaging studies with reports. Finnish, with some
//! Swedish-speaking persons.
//!
//! One file per section: [`records`], [`prescriptions`] and [`appointments`] write
//! what each person has of them; this module the persons, their relations and the organisations.

use rand::seq::IndexedRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use sqlx::{Any, Transaction};
use time::{Date, Duration, Month, PrimitiveDateTime, Time};

use crate::access::Archive;
use crate::clock::age_on;
use crate::error::ArchiveError;
use crate::hetu::Hetu;
use crate::model::{Language, PersonId};

mod abroad;
mod appointments;
mod certificates;
mod consents;
mod organ_donation;
mod prescriptions;
mod provider_queries;
mod records;
mod social_welfare;
mod wellbeing;

pub use wellbeing::{load_wellbeing, DEMO_APPS};

/// The seed the demo data is made from.
pub const DEMO_SEED: u64 = 0x4F4D_414B_414E_5441; // "OMAKANTA"

/// The demo persons' ids, for tests and documentation.
pub mod ids {
    use crate::model::PersonId;
    /// Aino Virtanen, 41: a typical adult; holds her mother's mandate.
    pub const ADULT: PersonId = PersonId::from_raw(1001);
    /// Mikko Korhonen, 73: a heavy user with thousands of documents.
    pub const HEAVY_USER: PersonId = PersonId::from_raw(1002);
    /// Laura Nieminen, 38: guardian of Eetu and Ella.
    pub const GUARDIAN: PersonId = PersonId::from_raw(1003);
    /// Eetu Nieminen, 7.
    pub const CHILD: PersonId = PersonId::from_raw(1004);
    /// Ella Nieminen, 15: some documents not visible to guardians.
    pub const TEEN: PersonId = PersonId::from_raw(1005);
    /// Helvi Virtanen, 84: has given Aino a mandate.
    pub const ELDER: PersonId = PersonId::from_raw(1006);
    /// Johan Lindqvist, 52: Swedish-speaking.
    pub const SWEDISH: PersonId = PersonId::from_raw(1007);
}

/// The random numbers of one of a person's streams (a section's own, so that what one
/// section writes leaves every other as it was); `0` is the records'.
fn stream(stream: u64, person: PersonId) -> ChaCha8Rng {
    ChaCha8Rng::seed_from_u64(DEMO_SEED ^ stream ^ person.get().unsigned_abs())
}

/// The instant `days_ago` days before `today` at `hour`:`minute` (UTC), as stored
/// (unix milliseconds): when a demo person made a choice.
fn days_ago_ms(today: Date, days_ago: i64, hour: u8, minute: u8) -> i64 {
    crate::access::unix_ms(
        (today - Duration::days(days_ago))
            .with_time(Time::from_hms(hour, minute, 0).unwrap_or(Time::MIDNIGHT))
            .assume_utc(),
    )
}

/// What was loaded.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DemoReport {
    pub persons: u64,
    pub documents: u64,
}

struct Org {
    id: i64,
    oid: &'static str,
    name: &'static str,
    sector: &'static str,
    units: &'static [(i64, &'static str)],
}

const ORGS: &[Org] = &[
    Org {
        id: 1,
        oid: "1.2.246.10.1234567.10.1",
        name: "Helsingin kaupunki, sosiaali-, terveys- ja pelastustoimiala",
        sector: "public",
        units: &[
            (101, "Kallion terveysasema"),
            (102, "Vuosaaren terveysasema"),
            (103, "Helsingin kaupungin neuvola, Kallio"),
            (104, "Kouluterveydenhuolto, Kallion yhteiskoulu"),
            (105, "Ikääntyneiden palvelut, Kallion seniorikeskus"),
            (106, "Aikuissosiaalityö, Sörnäisten toimipiste"),
            (107, "Lastensuojelu, Kallion toimipiste"),
        ],
    },
    Org {
        id: 2,
        oid: "1.2.246.10.1234567.10.2",
        name: "HUS-yhtymä",
        sector: "public",
        units: &[
            (201, "Meilahden tornisairaala, sisätautien poliklinikka"),
            (202, "HUS Diagnostiikkakeskus, laboratorio"),
            (203, "HUS Kuvantaminen, Meilahti"),
            (204, "Jorvin sairaala, päivystys"),
            (205, "Silmäklinikka"),
        ],
    },
    Org {
        id: 3,
        oid: "1.2.246.10.1234567.10.3",
        name: "Pirkanmaan hyvinvointialue",
        sector: "public",
        units: &[
            (301, "Hervannan sosiaali- ja terveysasema"),
            (302, "Tays Keskussairaala, kardiologian poliklinikka"),
            (303, "Fimlab Laboratoriot, Tampere"),
            (304, "Ikäihmisten palvelut, Tampere"),
        ],
    },
    Org {
        id: 4,
        oid: "1.2.246.10.1234567.10.4",
        name: "Länsi-Uudenmaan hyvinvointialue",
        sector: "public",
        units: &[
            (401, "Raaseporin terveysasema / Raseborgs hälsostation"),
            (
                402,
                "Länsi-Uudenmaan sairaala, Tammisaari / Västra Nylands sjukhus, Ekenäs",
            ),
            (
                403,
                "Vammaispalvelut, Raasepori / Handikappservice, Raseborg",
            ),
        ],
    },
    Org {
        id: 5,
        oid: "1.2.246.10.1234567.10.5",
        name: "Lääkäriasema Kaleva Oy",
        sector: "private",
        units: &[(501, "Lääkäriasema Kaleva, Helsinki")],
    },
    Org {
        id: 6,
        oid: "1.2.246.10.1234567.10.6",
        name: "Työterveys Virta Oy",
        sector: "occupational",
        units: &[(601, "Työterveys Virta, Pasila")],
    },
    // Those who ask but write no records: the prescription centre (Kela's
    // reimbursements) and pharmacies, of no health-care register.
    Org {
        id: 7,
        oid: "1.2.246.10.1234567.10.7",
        name: "Kela, Reseptikeskus",
        sector: "public",
        units: &[(701, "Kela, lääkekorvaukset")],
    },
    Org {
        id: 8,
        oid: "1.2.246.10.1234567.10.8",
        name: "Kallion apteekki",
        sector: "pharmacy",
        units: &[(801, "Kallion apteekki, Helsinki")],
    },
    Org {
        id: 9,
        oid: "1.2.246.10.1234567.10.9",
        name: "Ekenäs apotek",
        sector: "pharmacy",
        units: &[(901, "Ekenäs apotek, Raseborg")],
    },
    Org {
        id: 10,
        oid: "1.2.246.10.1234567.10.10",
        name: "Hervannan apteekki",
        sector: "pharmacy",
        units: &[(1001, "Hervannan apteekki, Tampere")],
    },
];

const PROFESSIONALS: &[&str] = &[
    "LL Anna Mäkinen",
    "LL Mikael Lehtonen",
    "TtM Sari Heikkinen",
    "Th Jenni Laine",
    "LT Pekka Koskinen",
    "LL Maria Sjöberg",
    "Th Emilia Karvonen",
    "LT Oskari Salo",
    "Th Hanna Rantanen",
    "LL Johanna Berg",
];

/// What makes each person's history.
struct Profile {
    id: PersonId,
    given: &'static str,
    family: &'static str,
    /// Age today, and how many days past the last birthday.
    age: i32,
    days_past_birthday: i64,
    individual: u16,
    lang: Language,
    note: &'static str,
    chronic: &'static [&'static str],
    visits_per_year: f64,
    risks: &'static [usize],
    home_unit: i64,
}

const PROFILES: &[Profile] = &[
    Profile {
        id: ids::ADULT,
        given: "Aino",
        family: "Virtanen",
        age: 41,
        days_past_birthday: 75,
        individual: 942,
        lang: Language::Fi,
        note: "typical-adult",
        chronic: &["J45.9"],
        visits_per_year: 8.0,
        risks: &[0],
        home_unit: 101,
    },
    Profile {
        id: ids::HEAVY_USER,
        given: "Mikko",
        family: "Korhonen",
        age: 73,
        days_past_birthday: 200,
        individual: 913,
        lang: Language::Fi,
        note: "heavy-user",
        chronic: &["I10", "E11.9", "I48.9", "I50.9", "E78.0", "M17.9"],
        visits_per_year: 55.0,
        risks: &[3],
        home_unit: 301,
    },
    Profile {
        id: ids::GUARDIAN,
        given: "Laura",
        family: "Nieminen",
        age: 38,
        days_past_birthday: 12,
        individual: 954,
        lang: Language::Fi,
        note: "guardian",
        chronic: &["E03.9"],
        visits_per_year: 2.0,
        risks: &[],
        home_unit: 101,
    },
    Profile {
        id: ids::CHILD,
        given: "Eetu",
        family: "Nieminen",
        age: 7,
        days_past_birthday: 150,
        individual: 937,
        lang: Language::Fi,
        note: "child-7",
        chronic: &[],
        visits_per_year: 3.0,
        risks: &[1],
        home_unit: 103,
    },
    Profile {
        id: ids::TEEN,
        given: "Ella",
        family: "Nieminen",
        age: 15,
        days_past_birthday: 40,
        individual: 968,
        lang: Language::Fi,
        note: "teen-15",
        chronic: &["J45.9"],
        visits_per_year: 2.5,
        risks: &[],
        home_unit: 104,
    },
    Profile {
        id: ids::ELDER,
        given: "Helvi",
        family: "Virtanen",
        age: 84,
        days_past_birthday: 300,
        individual: 926,
        lang: Language::Fi,
        note: "elderly-mandate-giver",
        chronic: &["I10", "E03.9", "M17.9"],
        visits_per_year: 9.0,
        risks: &[2],
        home_unit: 102,
    },
    Profile {
        id: ids::SWEDISH,
        given: "Johan",
        family: "Lindqvist",
        age: 52,
        days_past_birthday: 220,
        individual: 985,
        lang: Language::Sv,
        note: "swedish-speaking",
        chronic: &["I10", "E78.0"],
        visits_per_year: 3.0,
        risks: &[],
        home_unit: 401,
    },
];

/// Loads the demo persons, their relations and their records, dated relative to `today`.
/// Does nothing when the archive already holds persons.
///
/// # Errors
/// `Storage` when the database fails.
pub async fn load_demo(archive: &Archive) -> Result<DemoReport, ArchiveError> {
    let (persons,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM person")
        .fetch_one(archive.db.pool())
        .await?;
    if persons > 0 {
        return Ok(DemoReport::default());
    }
    let today = archive.clock.today();
    let mut rng = ChaCha8Rng::seed_from_u64(DEMO_SEED);
    let mut tx = archive.db.begin().await?;
    insert_organisations(&mut tx).await?;
    let mut report = DemoReport::default();
    for p in PROFILES {
        let birth = birth_date(today, p.age, p.days_past_birthday);
        report.documents += insert_person(&mut tx, &mut rng, p, birth, today).await?;
        report.persons += 1;
    }
    // The Nieminen family: Laura is the guardian of Eetu and Ella.
    for child in [ids::CHILD, ids::TEEN] {
        sqlx::query("INSERT INTO guardianship (child_id, guardian_id) VALUES ($1, $2)")
            .bind(child.get())
            .bind(ids::GUARDIAN.get())
            .execute(&mut *tx)
            .await?;
    }
    // Helvi has given her daughter Aino a mandate for health-care matters and one for
    // social-welfare matters; Johan gave his friend Mikko one for health care for a
    // year, which ends in three weeks (its end is announced to both of them).
    for (principal, id, holder, scope, days_ago, days_ahead) in [
        (
            ids::ELDER,
            1_i64,
            ids::ADULT,
            crate::rights::HEALTH_CARE_SCOPE,
            400,
            3 * 365,
        ),
        (
            ids::ELDER,
            3,
            ids::ADULT,
            crate::rights::SOCIAL_WELFARE_SCOPE,
            400,
            3 * 365,
        ),
        (
            ids::SWEDISH,
            2,
            ids::HEAVY_USER,
            crate::rights::HEALTH_CARE_SCOPE,
            345,
            20,
        ),
    ] {
        sqlx::query(
            "INSERT INTO mandate (principal_id, id, holder_id, scope, valid_from, valid_until) VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(principal.get())
        .bind(id)
        .bind(holder.get())
        .bind(scope)
        .bind((today - Duration::days(days_ago)).to_string())
        .bind((today + Duration::days(days_ahead)).to_string())
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    refresh_statistics(archive).await?;
    Ok(report)
}

/// Has PostgreSQL gather its statistics after a bulk load, as one would after any:
/// without them it plans the first queries over the new rows blind (the organisations
/// of a records list took 6 ms rather than 0.1 ms until its autovacuum came round), and
/// autovacuum keeps them fresh from then on. Not SQLite: its statistics stay as taken
/// until the next ANALYZE, and taken while the audit trail and the sessions are empty
/// they made its plans for those tables worse as they grew (the records list at 16
/// connections fell from about 550 to 400 a second).
async fn refresh_statistics(archive: &Archive) -> Result<(), ArchiveError> {
    if archive.db.backend() == crate::Backend::Postgres {
        sqlx::query("ANALYZE").execute(archive.db.pool()).await?;
    }
    Ok(())
}

/// Loads `count` generated persons (ordinary adults, test identity codes), for scale tests.
///
/// # Errors
/// `Storage` when the database fails; `Invalid` when the organisations are missing
/// and cannot be added.
pub async fn load_generated(
    archive: &Archive,
    count: u32,
    seed: u64,
) -> Result<DemoReport, ArchiveError> {
    let today = archive.clock.today();
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut report = DemoReport::default();
    {
        let mut tx = archive.db.begin().await?;
        let (orgs,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM organisation")
            .fetch_one(&mut *tx)
            .await?;
        if orgs == 0 {
            insert_organisations(&mut tx).await?;
        }
        tx.commit().await?;
    }
    const GIVEN: &[&str] = &[
        "Matti", "Liisa", "Juha", "Sanna", "Timo", "Kaisa", "Antti", "Riikka", "Jussi", "Tiina",
        "Erik", "Ingrid",
    ];
    const FAMILY: &[&str] = &[
        "Mäkelä",
        "Hämäläinen",
        "Laine",
        "Heikkinen",
        "Koskinen",
        "Järvinen",
        "Lehtonen",
        "Salonen",
        "Holmström",
        "Nyström",
    ];
    for _ in 0..count {
        let mut tx = archive.db.begin().await?;
        let id = rng.random_range(1_000_000..(1_i64 << 53));
        let age = rng.random_range(18..90);
        let chronic: &'static [&'static str] =
            [&[][..], &["I10"], &["E11.9", "I10"], &["J45.9"], &["E03.9"]]
                .choose(&mut rng)
                .copied()
                .unwrap_or(&[]);
        let p = Profile {
            id: PersonId::from_raw(id),
            given: GIVEN.choose(&mut rng).copied().unwrap_or("Matti"),
            family: FAMILY.choose(&mut rng).copied().unwrap_or("Mäkelä"),
            age,
            days_past_birthday: rng.random_range(0..365),
            individual: rng.random_range(900..1000),
            lang: if rng.random_bool(0.06) {
                Language::Sv
            } else {
                Language::Fi
            },
            note: "",
            chronic,
            visits_per_year: rng.random_range(1.0..6.0),
            risks: &[],
            home_unit: [101, 102, 301, 401]
                .choose(&mut rng)
                .copied()
                .unwrap_or(101),
        };
        let birth = birth_date(today, p.age, p.days_past_birthday);
        // A generated identity code may collide with an earlier one; try the next numbers.
        match insert_person(&mut tx, &mut rng, &p, birth, today).await {
            Ok(docs) => {
                tx.commit().await?;
                report.persons += 1;
                report.documents += docs;
            }
            Err(ArchiveError::Storage(e)) if e.constraint().is_some() => {
                tx.rollback().await?;
            }
            Err(e) => return Err(e),
        }
    }
    refresh_statistics(archive).await?;
    Ok(report)
}

fn birth_date(today: Date, age: i32, days_past_birthday: i64) -> Date {
    let anchor = today - Duration::days(days_past_birthday);
    let birth = anchor
        .replace_year(anchor.year() - age)
        .unwrap_or_else(|_| {
            Date::from_calendar_date(anchor.year() - age, Month::March, 1).unwrap_or(anchor)
        });
    debug_assert_eq!(age_on(birth, today), age);
    birth
}

async fn insert_organisations(tx: &mut Transaction<'static, Any>) -> Result<(), ArchiveError> {
    for org in ORGS {
        sqlx::query("INSERT INTO organisation (id, oid, name, sector) VALUES ($1, $2, $3, $4)")
            .bind(org.id)
            .bind(org.oid)
            .bind(org.name)
            .bind(org.sector)
            .execute(&mut **tx)
            .await?;
        for (unit, name) in org.units {
            sqlx::query(
                "INSERT INTO care_unit (id, organisation_id, name, street_address) VALUES ($1, $2, $3, $4)",
            )
            .bind(*unit)
            .bind(org.id)
            .bind(*name)
            .bind(appointments::unit_address(*unit))
            .execute(&mut **tx)
            .await?;
        }
    }
    Ok(())
}

fn org_of(unit: i64) -> i64 {
    unit / 100
}

/// A normal-looking random number (the sum of uniforms), mean 0 and deviation about 1.
fn gauss(rng: &mut ChaCha8Rng) -> f64 {
    (0..6).map(|_| rng.random_range(-1.0..1.0)).sum::<f64>() / 1.414
}

struct Writer<'a> {
    tx: &'a mut Transaction<'static, Any>,
    rng: &'a mut ChaCha8Rng,
    person: i64,
    lang: Language,
    male: bool,
    documents: u64,
    /// Whether documents now being written are marked visible to guardians.
    visible_to_guardian: bool,
    /// Until when documents now being written are delayed (delayed display).
    shown_from: Option<PrimitiveDateTime>,
}

impl Writer<'_> {
    fn t<'s>(&self, fi: &'s str, sv: &'s str) -> &'s str {
        if self.lang == Language::Sv {
            sv
        } else {
            fi
        }
    }

    /// A writer for the same person and transaction that draws from `rng`, so that
    /// what it writes leaves the rest of the demo as it was; it writes documents shown
    /// at once and visible to guardians.
    fn drawing_from<'b>(&'b mut self, rng: &'b mut ChaCha8Rng) -> Writer<'b> {
        Writer {
            tx: &mut *self.tx,
            rng,
            person: self.person,
            lang: self.lang,
            male: self.male,
            documents: self.documents,
            visible_to_guardian: true,
            shown_from: None,
        }
    }

    fn new_id(&mut self) -> i64 {
        self.rng.random_range(1..(1_i64 << 53))
    }
}

/// A weekday working-hours moment on `day`.
fn office_time(rng: &mut ChaCha8Rng, day: Date) -> PrimitiveDateTime {
    let day = match day.weekday() {
        time::Weekday::Saturday => day - Duration::days(1),
        time::Weekday::Sunday => day + Duration::days(1),
        _ => day,
    };
    let hour = rng.random_range(8..16);
    let minute = [0, 15, 30, 45].choose(rng).copied().unwrap_or(0);
    PrimitiveDateTime::new(
        day,
        Time::from_hms(hour, minute, 0).unwrap_or(Time::MIDNIGHT),
    )
}

#[allow(clippy::too_many_lines)]
async fn insert_person(
    tx: &mut Transaction<'static, Any>,
    rng: &mut ChaCha8Rng,
    p: &Profile,
    birth: Date,
    today: Date,
) -> Result<u64, ArchiveError> {
    let hetu = Hetu::from_parts(birth, p.individual)
        .map_err(|_| ArchiveError::Corrupt("demo identity code"))?;
    sqlx::query(
        "INSERT INTO person (id, hetu, given_name, family_name, birth_date, language, demo_note) VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(p.id.get())
    .bind(hetu.as_str())
    .bind(p.given)
    .bind(p.family)
    .bind(birth.to_string())
    .bind(p.lang.code())
    .bind((!p.note.is_empty()).then_some(p.note))
    .execute(&mut **tx)
    .await?;
    let mut w = Writer {
        tx,
        rng,
        person: p.id.get(),
        lang: p.lang,
        male: p.individual % 2 == 1,
        documents: 0,
        visible_to_guardian: true,
        shown_from: None,
    };
    if !p.note.is_empty() {
        // A previous visit two weeks ago, so that the front page has something to
        // call new on the first sign-in to the demo.
        let previous = (today - Duration::days(14)).midnight().assume_utc() + Duration::hours(7);
        crate::audit_writer::write_audit(
            w.tx,
            crate::audit_writer::AuditEvent::own(p.id, crate::audit::Action::SignIn, previous),
        )
        .await?;
    }
    records::insert_records(&mut w, p, birth, today).await?;
    w.visible_to_guardian = true;
    prescriptions::insert_prescriptions(&mut w, p, birth, today).await?;
    prescriptions::insert_recorded_medication(&mut w, p, today).await?;
    appointments::insert_appointments(&mut w, p, today).await?;
    social_welfare::insert_social_welfare(&mut w, p, today).await?;
    certificates::insert_certificates(&mut w, p, today).await?;
    organ_donation::insert_organ_donation(&mut w, p, today).await?;
    consents::insert_consents(&mut w, p, today).await?;
    abroad::insert_abroad(&mut w, p, today).await?;
    if !p.note.is_empty() {
        // The demo's persons only: generated ones are many, and their logs unread.
        provider_queries::replay_queries(&mut w, p, today).await?;
    }
    Ok(w.documents)
}
