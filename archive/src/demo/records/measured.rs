//! The demo's measurements by professionals (height, weight, blood pressure), referrals
//! and care plans, for the named persons who would have them. Drawn from a generator of
//! their own, so the rest of the demo stays as it was.

use rand::Rng;
use time::{Date, Duration};

use super::super::{gauss, office_time, Profile, Writer};
use crate::error::ArchiveError;
use crate::model::{systems, DocumentKind};

/// Mixed into the demo seed so that this generator's draws are its own.
const STREAM: u64 = 0x4D45_4153; // "MEAS"

/// LOINC: blood pressure panel, its systolic and diastolic parts, body weight, height.
const BLOOD_PRESSURE: &str = "85354-9";
const SYSTOLIC: &str = "8480-6";
const DIASTOLIC: &str = "8462-4";
const WEIGHT: &str = "29463-7";
const HEIGHT: &str = "8302-2";

/// How a person is measured: where, how often, from what values.
struct Plan {
    unit: i64,
    /// Months between measurements, and how many years back they reach.
    every_months: i64,
    years: i64,
    /// Mean blood pressure (none for children), weight, and adult height.
    pressure: Option<(f64, f64)>,
    weight: f64,
    height: Option<f64>,
}

fn plan(note: &str) -> Option<Plan> {
    let adult = |unit, every_months, years, pressure, weight, height| Plan {
        unit,
        every_months,
        years,
        pressure: Some(pressure),
        weight,
        height: Some(height),
    };
    Some(match note {
        "typical-adult" => adult(101, 12, 3, (122.0, 78.0), 68.0, 166.0),
        "heavy-user" => adult(301, 3, 2, (144.0, 86.0), 92.0, 176.0),
        "guardian" => adult(101, 12, 2, (118.0, 76.0), 62.0, 169.0),
        "elderly-mandate-giver" => adult(102, 4, 2, (148.0, 84.0), 58.0, 158.0),
        "swedish-speaking" => adult(401, 6, 3, (138.0, 88.0), 84.0, 181.0),
        // Children: height and weight at the child health clinic and school.
        "child-7" | "teen-15" => Plan {
            unit: if note == "child-7" { 103 } else { 104 },
            every_months: 12,
            years: 4,
            pressure: None,
            weight: 0.0,
            height: None,
        },
        _ => return None,
    })
}

/// A child's typical height (cm) and weight (kg) at an age in years.
fn growth(age: f64) -> (f64, f64) {
    let height = if age < 12.0 {
        77.0 + 6.2 * age
    } else {
        151.0 + 4.5 * (age - 12.0).min(3.0)
    };
    let weight = if age < 12.0 {
        9.5 + 2.6 * age
    } else {
        41.0 + 4.5 * (age - 12.0).min(3.0)
    };
    (height, weight)
}

fn round1(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

impl Writer<'_> {
    /// One measurement document with its values.
    async fn measurement(
        &mut self,
        unit: i64,
        at: time::PrimitiveDateTime,
        (code, fi, sv): (&str, &str, &str),
        values: &[(&str, f64, &str)],
    ) -> Result<(), ArchiveError> {
        let title = self.t(fi, sv).to_owned();
        let event_title = self.t("Mittaus", "Mätning").to_owned();
        let event = self.event(unit, "visit", &event_title, at, false).await?;
        let doc = self
            .document(
                event,
                unit,
                DocumentKind::Measurement,
                at,
                &title,
                None,
                Some((systems::LOINC, code, &title)),
            )
            .await?;
        for (position, (code, value, unit)) in (0_i64..).zip(values) {
            sqlx::query(
                "INSERT INTO measurement_value (person_id, document_id, position, code, value, unit) \
                 VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(self.person)
            .bind(doc)
            .bind(position)
            .bind(*code)
            .bind(*value)
            .bind(*unit)
            .execute(&mut **self.tx)
            .await?;
        }
        Ok(())
    }

    /// A document of text only (a referral, a care plan) in a service event of its own.
    async fn text_document(
        &mut self,
        unit: i64,
        at: time::PrimitiveDateTime,
        kind: DocumentKind,
        (title_fi, title_sv): (&str, &str),
        (text_fi, text_sv): (&str, &str),
    ) -> Result<(), ArchiveError> {
        let title = self.t(title_fi, title_sv).to_owned();
        let text = self.t(text_fi, text_sv).to_owned();
        let event = self.event(unit, "visit", &title, at, false).await?;
        self.document(event, unit, kind, at, &title, Some(&text), None)
            .await?;
        Ok(())
    }
}

/// Writes `p`'s measurements, referrals and care plans; returns the documents written
/// so far in all.
pub(super) async fn insert(
    w: &mut Writer<'_>,
    p: &Profile,
    birth: Date,
    today: Date,
) -> Result<u64, ArchiveError> {
    let mut rng = super::super::stream(STREAM, p.id);
    let mut w = w.drawing_from(&mut rng);
    if let Some(plan) = plan(p.note) {
        let count = plan.years * 12 / plan.every_months;
        for i in (0..count).rev() {
            let day =
                today - Duration::days(i * plan.every_months * 30 + w.rng.random_range(10..40));
            let at = office_time(w.rng, day);
            let mut drawn = |mean: f64, spread: f64| round1(mean + spread * gauss(w.rng));
            match plan.pressure {
                Some((systolic, diastolic)) => {
                    let (s, d) = (drawn(systolic, 6.0).round(), drawn(diastolic, 4.0).round());
                    let weight = drawn(plan.weight, 0.8);
                    w.measurement(
                        plan.unit,
                        at,
                        (BLOOD_PRESSURE, "Verenpaine", "Blodtryck"),
                        &[(SYSTOLIC, s, "mmHg"), (DIASTOLIC, d, "mmHg")],
                    )
                    .await?;
                    w.measurement(
                        plan.unit,
                        at,
                        (WEIGHT, "Paino", "Vikt"),
                        &[(WEIGHT, weight, "kg")],
                    )
                    .await?;
                    if i == count - 1 {
                        if let Some(height) = plan.height {
                            w.measurement(
                                plan.unit,
                                at,
                                (HEIGHT, "Pituus", "Längd"),
                                &[(HEIGHT, height, "cm")],
                            )
                            .await?;
                        }
                    }
                }
                None => {
                    #[allow(clippy::cast_precision_loss)] // days of a childhood
                    let age = (day - birth).whole_days() as f64 / 365.25;
                    let (height, weight) = growth(age);
                    let (height, weight) = (
                        round1(height + gauss(w.rng)),
                        round1(weight + 0.5 * gauss(w.rng)),
                    );
                    w.measurement(
                        plan.unit,
                        at,
                        (HEIGHT, "Pituus", "Längd"),
                        &[(HEIGHT, height, "cm")],
                    )
                    .await?;
                    w.measurement(
                        plan.unit,
                        at,
                        (WEIGHT, "Paino", "Vikt"),
                        &[(WEIGHT, weight, "kg")],
                    )
                    .await?;
                }
            }
        }
    }
    let ago = |w: &mut Writer<'_>, days: i64| office_time(w.rng, today - Duration::days(days));
    match p.note {
        "heavy-user" => {
            let at = ago(&mut w, 700);
            w.text_document(
                301,
                at,
                DocumentKind::Referral,
                ("Lähete: ortopedian poliklinikka", "Remiss: ortopediska polikliniken"),
                (
                    "Polven nivelrikko, kivut lisääntyneet puolessa vuodessa, kävelymatka alle 500 m. Pyydetään arviota tekonivelleikkauksen tarpeesta.",
                    "Knäartros, smärtorna har ökat under ett halvår, gångsträcka under 500 m. Bedömning av behovet av knäprotes önskas.",
                ),
            )
            .await?;
            let at = ago(&mut w, 240);
            w.text_document(
                301,
                at,
                DocumentKind::Referral,
                ("Lähete: kardiologian poliklinikka", "Remiss: kardiologiska polikliniken"),
                (
                    "Eteisvärinä ja sydämen vajaatoiminta. Hengenahdistus lisääntynyt portaissa, nilkkaturvotusta.\n\nPyydetään arviota lääkityksestä ja sydämen ultraäänitutkimusta.",
                    "Förmaksflimmer och hjärtsvikt. Ökad andfåddhet i trappor, ankelsvullnad.\n\nBedömning av medicineringen och ultraljud av hjärtat önskas.",
                ),
            )
            .await?;
            let at = ago(&mut w, 150);
            w.text_document(
                301,
                at,
                DocumentKind::CarePlan,
                ("Terveys- ja hoitosuunnitelma", "Hälso- och vårdplan"),
                (
                    "Tavoitteet: verenpaine alle 140/90, HbA1c alle 53 mmol/mol, paino laskee 3 kg vuodessa.\n\nKeinot: päivittäinen kävely 30 min, suolan vähentäminen, lääkkeet ohjeen mukaan, kotimittaukset kahdesti viikossa.\n\nSeuranta: hoitaja 3 kk välein, lääkäri ja laboratoriokokeet kerran vuodessa.",
                    "Mål: blodtryck under 140/90, HbA1c under 53 mmol/mol, vikten minskar med 3 kg per år.\n\nMedel: promenad 30 min dagligen, mindre salt, läkemedel enligt ordination, hemmamätningar två gånger i veckan.\n\nUppföljning: sjukskötare var 3:e månad, läkare och laboratorieprover en gång per år.",
                ),
            )
            .await?;
        }
        "elderly-mandate-giver" => {
            let at = ago(&mut w, 120);
            w.text_document(
                201,
                at,
                DocumentKind::Referral,
                ("Lähete: geriatrian poliklinikka", "Remiss: geriatriska polikliniken"),
                (
                    "Muistin heikkenemistä vuoden aikana, kaatuillut kotona kahdesti. Pyydetään geriatrista kokonaisarviota.",
                    "Försämrat minne under året, har fallit hemma två gånger. Geriatrisk helhetsbedömning önskas.",
                ),
            )
            .await?;
            let at = ago(&mut w, 60);
            w.text_document(
                102,
                at,
                DocumentKind::CarePlan,
                ("Hoitosuunnitelma", "Vårdplan"),
                (
                    "Tavoitteet: kotona asuminen jatkuu turvallisesti, ei kaatumisia.\n\nKeinot: kotihoidon käynti aamuin illoin, turvaranneke, lääkkeet annosjakelusta, tasapainoharjoitukset fysioterapeutin ohjeen mukaan.\n\nSeuranta: omahoitaja 2 kk välein, omainen mukana sovitusti.",
                    "Mål: att bo hemma fortsätter tryggt, inga fall.\n\nMedel: hemvården besöker morgon och kväll, trygghetsarmband, läkemedel i dosdispensering, balansövningar enligt fysioterapeutens anvisning.\n\nUppföljning: egen skötare var 2:a månad, en anhörig med enligt överenskommelse.",
                ),
            )
            .await?;
        }
        "swedish-speaking" => {
            let at = ago(&mut w, 200);
            w.text_document(
                401,
                at,
                DocumentKind::CarePlan,
                ("Hoitosuunnitelma: verenpaine ja kolesteroli", "Vårdplan: blodtryck och kolesterol"),
                (
                    "Tavoitteet: verenpaine alle 135/85, LDL alle 2,6 mmol/l.\n\nKeinot: liikunta kolmesti viikossa, lääkitys ennallaan, kotimittaukset.\n\nSeuranta: laboratoriokokeet ja käynti vuoden kuluttua.",
                    "Mål: blodtryck under 135/85, LDL under 2,6 mmol/l.\n\nMedel: motion tre gånger i veckan, medicineringen oförändrad, hemmamätningar.\n\nUppföljning: laboratorieprover och besök om ett år.",
                ),
            )
            .await?;
        }
        _ => {}
    }
    Ok(w.documents)
}
