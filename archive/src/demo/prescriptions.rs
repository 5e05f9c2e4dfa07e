//! The demo's prescriptions: a medicine for each chronic condition, written yearly and
//! bought every three months, some particular ones (a narcotic, a CNS drug, a teen's
//! own, a child's allergy medicine), and the typical adult's renewal history.

use rand::seq::IndexedRandom;
use rand::Rng;
use time::{Date, Duration, PrimitiveDateTime, Time};

use super::{org_of, Profile, Writer, PROFESSIONALS};
use crate::error::ArchiveError;
use crate::model::RenewalStatus;

struct Medicine {
    product: &'static str,
    atc: &'static str,
    strength: &'static str,
    form_fi: &'static str,
    form_sv: &'static str,
    package_size: &'static str,
    dosage_fi: &'static str,
    dosage_sv: &'static str,
    narcotic: bool,
    cns: bool,
}

/// The medicine for a chronic condition, or for a demo person's particular need.
fn medicine_for(key: &str) -> Option<Medicine> {
    let m = |product, atc, strength, package_size, dosage_fi, dosage_sv| Medicine {
        product,
        atc,
        strength,
        form_fi: "tabletti",
        form_sv: "tablett",
        package_size,
        dosage_fi,
        dosage_sv,
        narcotic: false,
        cns: false,
    };
    Some(match key {
        "I10" => m(
            "Amlodipin Orion",
            "C08CA01",
            "5 mg",
            "100 tabl",
            "1 tabletti kerran päivässä verenpaineeseen.",
            "1 tablett en gång om dagen mot högt blodtryck.",
        ),
        "E11.9" => m(
            "Metformin Orion",
            "A10BA02",
            "500 mg",
            "200 tabl",
            "1 tabletti kaksi kertaa päivässä aterian yhteydessä.",
            "1 tablett två gånger om dagen i samband med måltid.",
        ),
        "E78.0" => m(
            "Simvastatin Orion",
            "C10AA01",
            "20 mg",
            "100 tabl",
            "1 tabletti illalla kolesteroliin.",
            "1 tablett på kvällen mot högt kolesterol.",
        ),
        "I48.9" => m(
            "Eliquis",
            "B01AF02",
            "5 mg",
            "168 tabl",
            "1 tabletti kaksi kertaa päivässä veren hyytymisen estoon.",
            "1 tablett två gånger om dagen för att förebygga blodproppar.",
        ),
        "I50.9" => m(
            "Furesis",
            "C03CA01",
            "40 mg",
            "100 tabl",
            "1 tabletti aamulla nesteenpoistoon.",
            "1 tablett på morgonen som vätskedrivande.",
        ),
        "E03.9" => m(
            "Thyroxin",
            "H03AA01",
            "100 mikrog",
            "100 tabl",
            "1 tabletti aamulla tyhjään vatsaan.",
            "1 tablett på morgonen på fastande mage.",
        ),
        "M17.9" => m(
            "Panadol Forte",
            "N02BE01",
            "1 g",
            "100 tabl",
            "1 tabletti enintään kolme kertaa päivässä kipuun.",
            "1 tablett högst tre gånger om dagen mot smärta.",
        ),
        "J45.9" => Medicine {
            form_fi: "inhalaatiojauhe",
            form_sv: "inhalationspulver",
            ..m(
                "Symbicort Turbuhaler",
                "R03AK07",
                "160/4,5 mikrog/annos",
                "120 annosta",
                "1 inhalaatio kaksi kertaa päivässä.",
                "1 inhalation två gånger om dagen.",
            )
        },
        "narcotic" => Medicine {
            narcotic: true,
            ..m(
                "Oxynorm",
                "N02AA05",
                "5 mg",
                "28 kaps",
                "1 kapseli tarvittaessa kovaan kipuun, enintään 4 kertaa päivässä.",
                "1 kapsel vid behov mot svår smärta, högst 4 gånger om dagen.",
            )
        },
        "cns" => Medicine {
            cns: true,
            ..m(
                "Zopinox",
                "N05CF01",
                "7,5 mg",
                "30 tabl",
                "1 tabletti tarvittaessa illalla nukahtamiseen.",
                "1 tablett vid behov på kvällen för insomning.",
            )
        },
        "allergy" => m(
            "Cetirizin Sandoz",
            "R06AE07",
            "10 mg",
            "30 tabl",
            "1/2 tablettia kerran päivässä siitepölyaikana.",
            "1/2 tablett en gång om dagen under pollensäsongen.",
        ),
        "contraception" => m(
            "Desogestrel Stada",
            "G03AC09",
            "75 mikrog",
            "3 x 28 tabl",
            "1 tabletti päivittäin samaan aikaan.",
            "1 tablett dagligen vid samma tid.",
        ),
        _ => return None,
    })
}

const PHARMACIES: &[&str] = &[
    "Yliopiston Apteekki, Helsinki",
    "Kallion apteekki, Helsinki",
    "Tampereen Keskusapteekki",
    "Ekenäs Apotek",
    "Vuosaaren apteekki",
];

/// A person's prescriptions with their purchases (and, for the typical adult, the
/// renewal requests that made some of them).
#[allow(clippy::too_many_lines)]
pub(super) async fn insert_prescriptions(
    w: &mut Writer<'_>,
    p: &Profile,
    birth: Date,
    today: Date,
) -> Result<(), ArchiveError> {
    let home = p.home_unit;
    // Prescriptions for the chronic conditions, written yearly, bought every three
    // months; and some particular ones.
    let mut medicines: Vec<(&str, bool)> = p.chronic.iter().map(|c| (*c, true)).collect();
    match p.note {
        "heavy-user" => medicines.push(("narcotic", true)),
        "elderly-mandate-giver" => medicines.push(("cns", true)),
        "teen-15" => medicines.push(("contraception", false)),
        "child-7" => medicines.push(("allergy", true)),
        _ => {}
    }
    let home_org = org_of(home);
    let years = i64::from(p.age.clamp(0, 30).min(if p.age >= 18 { 6 } else { 2 }));
    for (n, (key, visible)) in medicines.into_iter().enumerate() {
        let Some(med) = medicine_for(key) else {
            continue;
        };
        let validity: i64 = if med.narcotic || med.cns { 12 } else { 24 };
        // The newer prescription of this medicine (written after the current one).
        let mut newer: Option<(i64, Date)> = None;
        for k in 0..years.max(1) {
            let issued = today - Duration::days(k * 365 + w.rng.random_range(5..60));
            if issued <= birth + Duration::days(365 * 12) && !matches!(key, "J45.9" | "allergy") {
                continue;
            }
            // One prescription of the first medicine is cancelled, years ago.
            let cancelled = n == 0 && k == 3;
            let id = w.new_id();
            let prescriber = PROFESSIONALS
                .choose(w.rng)
                .copied()
                .unwrap_or("LL Anna Mäkinen");
            sqlx::query(
                "INSERT INTO prescription (person_id, id, product, atc, strength, form, package_size, dosage, amount, packages, \
                 prescriber, organisation_id, issued_on, validity_months, narcotic, cns, cancelled, guardian_may_see, language) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)",
            )
            .bind(p.id.get())
            .bind(id)
            .bind(med.product)
            .bind(med.atc)
            .bind(med.strength)
            .bind(w.t(med.form_fi, med.form_sv).to_owned())
            .bind(med.package_size)
            .bind(w.t(med.dosage_fi, med.dosage_sv).to_owned())
            .bind(format!("4 x {}", med.package_size))
            .bind(4_i64)
            .bind(prescriber)
            .bind(home_org)
            .bind(issued.to_string())
            .bind(validity)
            .bind(i64::from(med.narcotic))
            .bind(i64::from(med.cns))
            .bind(i64::from(cancelled))
            .bind(i64::from(visible))
            .bind(w.lang.code())
            .execute(&mut **w.tx)
            .await?;
            // A history of renewal requests for the typical adult's first medicine: last
            // year's prescription was renewed on request (into this year's), and the one
            // before that was refused, so the person came to a visit.
            if let (Some((newer_id, newer_issued)), "typical-adult", 0, 1 | 2) =
                (newer, p.note, n, k)
            {
                let renewed = k == 1;
                let sent = PrimitiveDateTime::new(
                    newer_issued - Duration::days(if renewed { 3 } else { 20 }),
                    Time::from_hms(6, 40, 0).unwrap_or(Time::MIDNIGHT),
                );
                let answered = sent + Duration::days(if renewed { 3 } else { 2 });
                let ms = |t: PrimitiveDateTime| t.assume_utc().unix_timestamp() * 1000;
                let request = w.new_id();
                sqlx::query(
                    "INSERT INTO renewal_request (person_id, id, prescription_id, organisation_id, message, \
                     share_other_prescriptions, status, reason, idempotency_key, requested_by, created_ms, \
                     updated_ms, renewed_prescription_id) VALUES ($1, $2, $3, $4, NULL, 1, $5, $6, $7, $1, $8, $9, $10)",
                )
                .bind(p.id.get())
                .bind(request)
                .bind(id)
                .bind(home_org)
                .bind(if renewed { "renewed" } else { "rejected" })
                .bind((!renewed).then_some(crate::prescriptions::desk::REJECTION_REASON))
                .bind(format!("demo-renewal-{id}"))
                .bind(ms(sent))
                .bind(ms(answered))
                .bind(renewed.then_some(newer_id))
                .execute(&mut **w.tx)
                .await?;
                // Sent early in the morning, taken up by a nurse the next working
                // morning, answered by the doctor.
                let taken_up = PrimitiveDateTime::new(
                    sent.date() + Duration::days(1),
                    Time::from_hms(8, 20, 0).unwrap_or(Time::MIDNIGHT),
                );
                let answer = if renewed {
                    RenewalStatus::Renewed
                } else {
                    RenewalStatus::Rejected
                };
                for (status, at) in [
                    (RenewalStatus::Sent, sent),
                    (RenewalStatus::InProcessing, taken_up),
                    (answer, answered),
                ] {
                    crate::prescriptions::store::record_step(
                        w.tx,
                        p.id.get(),
                        request,
                        status,
                        ms(at),
                    )
                    .await?;
                }
                if renewed {
                    sqlx::query("UPDATE prescription SET renewed_from = $1 WHERE person_id = $2 AND id = $3")
                        .bind(id)
                        .bind(p.id.get())
                        .bind(newer_id)
                        .execute(&mut **w.tx)
                        .await?;
                }
            }
            newer = Some((id, issued));
            // The newest prescription of the last medicine has not been bought from yet.
            let unbought = k == 0 && n > 0 && n % 3 == 2;
            if cancelled || unbought {
                continue;
            }
            for purchase in 0..4_i64 {
                let on = issued + Duration::days(purchase * 90 + w.rng.random_range(0..10));
                if on >= today {
                    break;
                }
                let pharmacy = PHARMACIES.choose(w.rng).copied().unwrap_or(PHARMACIES[0]);
                sqlx::query(
                    "INSERT INTO dispensation (person_id, prescription_id, id, dispensed_on, pharmacy, packages) VALUES ($1, $2, $3, $4, $5, 1)",
                )
                .bind(p.id.get())
                .bind(id)
                .bind(purchase + 1)
                .bind(on.to_string())
                .bind(pharmacy)
                .execute(&mut **w.tx)
                .await?;
            }
        }
    }
    Ok(())
}

/// Medication care gave without a prescription: the heavy user's injections at the
/// health centre and an antibiotic course in hospital (ended), the older person's pain
/// relief from home care and a hospital infusion (ended). Fixed, drawing nothing from
/// the demo's generator, so the rest of the demo stays as it was.
pub(super) async fn insert_recorded_medication(
    w: &mut Writer<'_>,
    p: &Profile,
    today: Date,
) -> Result<(), ArchiveError> {
    // (setting, unit, product, strength, form fi/sv, ATC, dose fi/sv, began, ended: days from today)
    type Given = (
        &'static str,
        i64,
        &'static str,
        &'static str,
        (&'static str, &'static str),
        &'static str,
        (&'static str, &'static str),
        i64,
        Option<i64>,
    );
    let given: &[Given] = match p.note {
        "heavy-user" => &[
            (
                "health-centre",
                p.home_unit,
                "Hydroksokobalamiini",
                "1 mg/ml",
                ("injektioneste", "injektionsvätska"),
                "B03BA03",
                (
                    "1 mg lihakseen kolmen kuukauden välein terveysasemalla",
                    "1 mg i muskeln var tredje månad på hälsostationen",
                ),
                -700,
                None,
            ),
            (
                "hospital",
                if p.home_unit / 100 == 3 { 302 } else { 201 },
                "Keftriaksoni",
                "2 g",
                ("infuusiokuiva-aine", "pulver till infusionsvätska"),
                "J01DD04",
                (
                    "2 g laskimoon kerran päivässä",
                    "2 g i ven en gång om dagen",
                ),
                -40,
                Some(-34),
            ),
        ],
        "elderly-mandate-giver" => &[
            (
                "social-care",
                p.home_unit,
                "Parasetamoli",
                "500 mg",
                ("tabletti", "tablett"),
                "N02BE01",
                (
                    "1 g tarvittaessa, enintään kolmesti päivässä, kotihoito annostelee",
                    "1 g vid behov, högst tre gånger om dagen, hemvården doserar",
                ),
                -200,
                None,
            ),
            (
                "hospital",
                201,
                "Furosemidi",
                "10 mg/ml",
                ("injektioneste", "injektionsvätska"),
                "C03CA01",
                ("40 mg laskimoon aamuisin", "40 mg i ven på morgonen"),
                -10,
                Some(-8),
            ),
        ],
        _ => &[],
    };
    for (n, (setting, unit, product, strength, form, atc, dose, began, ended)) in
        given.iter().enumerate()
    {
        sqlx::query(
            "INSERT INTO recorded_medication (person_id, id, product, strength, form, atc, dose, \
             language, setting, organisation_id, started_on, ended_on, guardian_may_see) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 1)",
        )
        .bind(w.person)
        .bind(i64::try_from(n).unwrap_or(0) + 1)
        .bind(*product)
        .bind(*strength)
        .bind(w.t(form.0, form.1))
        .bind(*atc)
        .bind(w.t(dose.0, dose.1))
        .bind(w.lang.code())
        .bind(*setting)
        .bind(org_of(*unit))
        .bind((today + Duration::days(*began)).to_string())
        .bind(ended.map(|e| (today + Duration::days(e)).to_string()))
        .execute(&mut **w.tx)
        .await?;
    }
    Ok(())
}
