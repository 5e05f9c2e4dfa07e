//! The demo's appointments: for every person, some to come and some past, across
//! organisations, in person, by phone and by video, with what to prepare; and some the
//! service never shows — not yet told to the client, or of a kind never shown
//! (psychiatry, clinical genetics) — so that a page that showed them would be caught.

use rand::seq::IndexedRandom;
use rand::Rng;
use time::{Date, Duration, PrimitiveDateTime};

use super::{office_time, Profile, Writer};
use crate::appointments::model::{AppointmentKind, AttendanceMode, ProfessionalRole};
use crate::clock::format_stamp;
use crate::error::ArchiveError;

/// The demo's own stream of random numbers, apart from the records'.
const STREAM: u64 = 0x0041_5050_4F49_4E54; // "APPOINT"

/// One kind of appointment the demo books: where, with whom, how, and what to prepare
/// (in Finnish and Swedish).
struct Template {
    kind: AppointmentKind,
    role: ProfessionalRole,
    unit: i64,
    minutes: i64,
    mode: AttendanceMode,
    preparation: Option<(&'static str, &'static str)>,
}

const FASTING: (&str, &str) = (
    "Tule ravinnotta: älä syö 10–12 tuntia ennen näytteenottoa. Vettä saat juoda. Ota aamun lääkkeet vasta näytteenoton jälkeen.",
    "Kom fastande: ät inte 10–12 timmar före provtagningen. Du får dricka vatten. Ta morgonens mediciner först efter provtagningen.",
);
const REFERRAL: (&str, &str) = (
    "Ota mukaan henkilöllisyystodistus ja lista käyttämistäsi lääkkeistä. Varaa aikaa noin tunti.",
    "Ta med identitetsbevis och en lista över dina mediciner. Reservera ungefär en timme.",
);
const VIDEO: (&str, &str) = (
    "Avaa yhteys 5 minuuttia ennen aikaa. Tarvitset laitteen, jossa on kamera ja mikrofoni.",
    "Öppna förbindelsen 5 minuter före tiden. Du behöver en enhet med kamera och mikrofon.",
);
const PHONE: (&str, &str) = (
    "Ammattilainen soittaa sinulle noin sovittuun aikaan. Pidä puhelin lähelläsi.",
    "Yrkespersonen ringer dig ungefär vid den överenskomna tiden. Ha telefonen nära dig.",
);
const VACCINE: (&str, &str) = (
    "Pukeudu niin, että olkavarsi on helppo paljastaa. Kerro, jos sinulla on kuumetta.",
    "Klä dig så att överarmen är lätt att blotta. Berätta om du har feber.",
);

const fn template(
    kind: AppointmentKind,
    role: ProfessionalRole,
    unit: i64,
    minutes: i64,
    mode: AttendanceMode,
    preparation: Option<(&'static str, &'static str)>,
) -> Template {
    Template {
        kind,
        role,
        unit,
        minutes,
        mode,
        preparation,
    }
}

/// What an adult is booked for, by their home unit's organisation and the hospitals.
fn adult_templates(home: i64) -> Vec<Template> {
    use AppointmentKind as K;
    use AttendanceMode as M;
    use ProfessionalRole as R;
    let lab = if home / 100 == 3 { 303 } else { 202 };
    vec![
        template(K::DoctorVisit, R::Doctor, home, 30, M::InPerson, None),
        template(K::NurseVisit, R::Nurse, home, 20, M::Phone, Some(PHONE)),
        template(
            K::Laboratory,
            R::LaboratoryNurse,
            lab,
            15,
            M::InPerson,
            Some(FASTING),
        ),
        template(K::FollowUp, R::Doctor, home, 20, M::Video, Some(VIDEO)),
        template(
            K::Imaging,
            R::Radiographer,
            203,
            30,
            M::InPerson,
            Some(REFERRAL),
        ),
        template(
            K::Vaccination,
            R::Nurse,
            home,
            15,
            M::InPerson,
            Some(VACCINE),
        ),
        template(
            K::Physiotherapy,
            R::Physiotherapist,
            501,
            45,
            M::InPerson,
            None,
        ),
        template(
            K::OralHealth,
            R::DentalHygienist,
            home,
            45,
            M::InPerson,
            None,
        ),
    ]
}

/// What a child is booked for: the child health clinic or school health care.
fn child_templates(age: i32) -> Vec<Template> {
    use AppointmentKind as K;
    use AttendanceMode as M;
    use ProfessionalRole as R;
    let clinic = if age < 7 { 103 } else { 104 };
    vec![
        template(
            K::ChildHealthClinic,
            R::PublicHealthNurse,
            clinic,
            30,
            M::InPerson,
            None,
        ),
        template(
            K::Vaccination,
            R::PublicHealthNurse,
            clinic,
            15,
            M::InPerson,
            Some(VACCINE),
        ),
        template(K::DoctorVisit, R::Doctor, 101, 30, M::InPerson, None),
        template(K::OralHealth, R::Dentist, 101, 45, M::InPerson, None),
    ]
}

/// The booking service of an organisation, where its appointments are cancelled or
/// moved.
fn booking_service(organisation: i64) -> &'static str {
    match organisation {
        1 => "https://ajanvaraus.hel.example/omat-ajat",
        2 => "https://ajanvaraus.hus.example/",
        3 => "https://omasote.pirha.example/ajanvaraus",
        4 => "https://bokning.vakehyva.example/",
        5 => "https://kaleva.example/ajanvaraus",
        _ => "https://tyoterveys-virta.example/ajat",
    }
}

struct Booking<'t> {
    template: &'t Template,
    starts: PrimitiveDateTime,
    booked: PrimitiveDateTime,
    released: bool,
    visible_to_guardian: bool,
}

/// Writes the person's appointments; returns how many.
pub(super) async fn insert_appointments(
    w: &mut Writer<'_>,
    p: &Profile,
    today: Date,
) -> Result<u64, ArchiveError> {
    let mut rng = super::stream(STREAM, p.id);
    let mut w = w.drawing_from(&mut rng);
    let templates = if p.age < 18 {
        child_templates(p.age)
    } else {
        adult_templates(p.home_unit)
    };
    let heavy = p.note == "heavy-user";
    let (ahead, behind) = match p.note {
        "" => (1, 3),
        "heavy-user" => (5, 40),
        _ => (3, 8),
    };
    let mut bookings = Vec::new();
    for i in 0..ahead {
        let template = templates.choose(w.rng).unwrap_or(&templates[0]);
        let day = today + Duration::days(w.rng.random_range(2..75));
        // Booked before the last visit, or since (so the front page calls it new).
        let booked_days_ago = if i == 0 {
            5
        } else {
            w.rng.random_range(20..60)
        };
        bookings.push(Booking {
            template,
            starts: office_time(w.rng, day),
            booked: office_time(w.rng, today - Duration::days(booked_days_ago)),
            released: true,
            // A teen's first appointment to come is her own.
            visible_to_guardian: !((10..18).contains(&p.age) && i == 0),
        });
    }
    for i in 0..behind {
        let template = templates.choose(w.rng).unwrap_or(&templates[0]);
        let day = today - Duration::days(w.rng.random_range(3..(if heavy { 1400 } else { 1000 })));
        let ahead_of_it = Duration::days(w.rng.random_range(7..40));
        bookings.push(Booking {
            template,
            starts: office_time(w.rng, day),
            booked: office_time(w.rng, day - ahead_of_it),
            released: true,
            visible_to_guardian: !((10..18).contains(&p.age) && i % 3 == 0),
        });
    }
    // Never shown: one the provider has not told the client of yet, and, for adults of
    // the demo, appointments of kinds the service never shows.
    let hidden_templates = [
        template(
            AppointmentKind::Psychiatry,
            ProfessionalRole::Doctor,
            201,
            60,
            AttendanceMode::InPerson,
            None,
        ),
        template(
            AppointmentKind::ClinicalGenetics,
            ProfessionalRole::Doctor,
            201,
            45,
            AttendanceMode::Video,
            Some(VIDEO),
        ),
    ];
    if !p.note.is_empty() {
        bookings.push(Booking {
            template: &templates[0],
            starts: office_time(w.rng, today + Duration::days(9)),
            booked: office_time(w.rng, today - Duration::days(1)),
            released: false,
            visible_to_guardian: true,
        });
        if p.age >= 18 {
            for (template, days) in hidden_templates.iter().zip([12, -40]) {
                bookings.push(Booking {
                    template,
                    starts: office_time(w.rng, today + Duration::days(days)),
                    booked: office_time(w.rng, today - Duration::days(60)),
                    released: true,
                    visible_to_guardian: true,
                });
            }
        }
    }
    let count = bookings.len() as u64;
    for b in bookings {
        insert(&mut w, p, &b).await?;
    }
    Ok(count)
}

async fn insert(w: &mut Writer<'_>, p: &Profile, b: &Booking<'_>) -> Result<(), ArchiveError> {
    let id = w.new_id();
    let t = b.template;
    let organisation = super::org_of(t.unit);
    let reference = format!(
        "{}-{:06}",
        ["AJ", "VA", "BK"].choose(w.rng).copied().unwrap_or("AJ"),
        w.rng.random_range(0..1_000_000)
    );
    let join = (t.mode == AttendanceMode::Video).then(|| {
        format!(
            "https://video.{}.example/liity/{:08x}",
            if organisation == 2 { "hus" } else { "sote" },
            w.rng.random::<u32>()
        )
    });
    let preparation = t.preparation.map(|(fi, sv)| w.t(fi, sv).to_owned());
    sqlx::query(
        "INSERT INTO appointment (person_id, id, organisation_id, unit_id, starts_at, minutes, kind, mode, \
         professional_role, join_url, preparation, language, booking_reference, booking_service_url, booked_at, \
         released, guardian_may_see, denied_to_guardian) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, 0)",
    )
    .bind(p.id.get())
    .bind(id)
    .bind(organisation)
    .bind(t.unit)
    .bind(format_stamp(b.starts))
    .bind(t.minutes)
    .bind(t.kind.code())
    .bind(t.mode.code())
    .bind(t.role.code())
    .bind(join)
    .bind(preparation)
    .bind(w.lang.code())
    .bind(reference)
    .bind(booking_service(organisation))
    .bind(format_stamp(b.booked))
    .bind(i64::from(b.released))
    .bind(i64::from(b.visible_to_guardian))
    .execute(&mut **w.tx)
    .await?;
    Ok(())
}

/// The street address of a demo unit.
pub(super) fn unit_address(unit: i64) -> Option<&'static str> {
    Some(match unit {
        101 => "Sturenkatu 7, 00510 Helsinki",
        102 => "Kahvikuja 4, 00980 Helsinki",
        103 => "Vaasankatu 8, 00500 Helsinki",
        104 => "Kaarlenkatu 7, 00530 Helsinki",
        105 => "Helsinginkatu 25, 00510 Helsinki",
        106 => "Hämeentie 29, 00500 Helsinki",
        107 => "Toinen linja 4, 00530 Helsinki",
        201 => "Haartmaninkatu 4, 00290 Helsinki",
        202 => "Topeliuksenkatu 32, 00290 Helsinki",
        203 => "Haartmaninkatu 4, 00290 Helsinki",
        204 => "Turuntie 150, 02740 Espoo",
        205 => "Haartmaninkatu 4 C, 00290 Helsinki",
        301 => "Lindforsinkatu 2, 33720 Tampere",
        302 => "Elämänaukio 2, 33520 Tampere",
        303 => "Biokatu 4, 33520 Tampere",
        304 => "Tuomiokirkonkatu 19, 33100 Tampere",
        401 => "Sairaalakatu 1, 10600 Raasepori",
        402 => "Sairaalakatu 1, 10600 Raasepori",
        403 => "Raseborgsvägen 37, 10600 Raasepori",
        501 => "Mannerheimintie 12, 00100 Helsinki",
        601 => "Ratapihantie 11, 00520 Helsinki",
        _ => return None,
    })
}
