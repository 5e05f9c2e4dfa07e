//! The medication list: what a person takes now, derived from their prescriptions.
//!
//! - Only prescriptions in force count ([`PrescriptionStatus::in_force`]). Expired and
//!   cancelled ones do not.
//! - One line per medicine (product and strength): the newest prescription of it gives
//!   the dosage and validity, and the last purchase from any of them is shown.
//! - Medication care recorded without a prescription (in hospital, at a health centre,
//!   in social care) is a line of its own from its start day to its end day, saying
//!   where it was given.
//! - Lines are grouped by the ATC anatomical main group (the code's first letter), in
//!   the order of the classification, and by product name within a group.

use std::collections::BTreeMap;

use time::PrimitiveDateTime;

use super::model::{
    Medication, MedicationGroup, MedicationList, MedicationSource, Prescription,
    PrescriptionStatus, RecordedMedication,
};

/// The ATC anatomical main groups, in the classification's order.
pub const ATC_GROUPS: [char; 14] = [
    'A', 'B', 'C', 'D', 'G', 'H', 'J', 'L', 'M', 'N', 'P', 'R', 'S', 'V',
];

/// The group an ATC code belongs to, or "?" for a code that names none.
#[must_use]
pub fn atc_group(atc: &str) -> String {
    atc.chars()
        .next()
        .map(|c| c.to_ascii_uppercase())
        .filter(|c| ATC_GROUPS.contains(c))
        .map_or_else(|| "?".to_owned(), String::from)
}

/// Compiles the list from a person's prescriptions (in any order) and the medication
/// care recorded for them: a recorded line counts until its end day has passed
/// (`today` is the compiling day), and sits in its ATC group beside the prescribed.
#[must_use]
pub fn compile(
    prescriptions: &[Prescription],
    recorded: &[RecordedMedication],
    compiled_at: PrimitiveDateTime,
) -> MedicationList {
    let today = compiled_at.date();
    let mut in_force: Vec<&Prescription> = prescriptions
        .iter()
        .filter(|p| p.status.in_force())
        .collect();
    // Newest first, so the first of each medicine is the one that speaks for it.
    in_force.sort_by(|a, b| b.issued_on.cmp(&a.issued_on).then(b.id.cmp(&a.id)));
    let mut medicines: BTreeMap<(String, String), Medication> = BTreeMap::new();
    for p in in_force {
        let last = p.dispensations.iter().map(|d| d.dispensed_on).max();
        let key = (p.product.to_lowercase(), p.strength.to_lowercase());
        match medicines.get_mut(&key).map(|m| &mut m.source) {
            Some(MedicationSource::Prescription {
                last_dispensed,
                renewal_requested,
                ..
            }) => {
                *last_dispensed = (*last_dispensed).max(last);
                *renewal_requested |= p.status == PrescriptionStatus::RenewalRequested;
            }
            _ => {
                medicines.insert(
                    key,
                    Medication {
                        product: p.product.clone(),
                        strength: p.strength.clone(),
                        form: p.form.clone(),
                        atc: p.atc.clone(),
                        system: crate::model::systems::ATC.to_owned(),
                        dosage: p.dosage.clone(),
                        language: p.language,
                        organisation: p.organisation.name.clone(),
                        narcotic: p.narcotic,
                        central_nervous_system: p.central_nervous_system,
                        source: MedicationSource::Prescription {
                            prescription: p.id,
                            prescriber: p.prescriber.clone(),
                            valid_until: p.valid_until,
                            last_dispensed: last,
                            renewal_requested: p.status == PrescriptionStatus::RenewalRequested,
                        },
                    },
                );
            }
        }
    }
    // Recorded lines stand on their own, each saying where it was given.
    let mut lines: Vec<Medication> = medicines.into_values().collect();
    lines.extend(
        recorded
            .iter()
            .filter(|r| r.started_on <= today && r.ended_on.is_none_or(|end| end >= today))
            .map(|r| Medication {
                product: r.product.clone(),
                strength: r.strength.clone(),
                form: r.form.clone(),
                atc: r.atc.clone(),
                system: r.system.clone(),
                dosage: r.dose.clone(),
                language: r.language,
                organisation: r.organisation.clone(),
                narcotic: false,
                central_nervous_system: false,
                source: MedicationSource::Recorded {
                    setting: r.setting,
                    started_on: r.started_on,
                    ended_on: r.ended_on,
                },
            }),
    );
    lines.sort_by(|a, b| {
        (a.product.to_lowercase(), a.strength.to_lowercase())
            .cmp(&(b.product.to_lowercase(), b.strength.to_lowercase()))
    });
    let mut groups: BTreeMap<usize, MedicationGroup> = BTreeMap::new();
    for m in lines {
        let group = if m.system == crate::model::systems::ATC {
            atc_group(&m.atc)
        } else {
            "?".to_owned()
        };
        let order = group
            .chars()
            .next()
            .and_then(|c| ATC_GROUPS.iter().position(|g| *g == c))
            .unwrap_or(ATC_GROUPS.len());
        groups
            .entry(order)
            .or_insert_with(|| MedicationGroup {
                group,
                medicines: Vec::new(),
            })
            .medicines
            .push(m);
    }
    MedicationList {
        compiled_at,
        groups: groups.into_values().collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Dispensation, OrganisationId, OrganisationRef, PrescriptionId};
    use time::macros::{date, datetime};
    use time::Date;

    fn rx(
        id: i64,
        product: &str,
        atc: &str,
        issued: Date,
        status: PrescriptionStatus,
    ) -> Prescription {
        Prescription {
            id: PrescriptionId::from_raw(id),
            product: product.into(),
            atc: atc.into(),
            strength: "10 mg".into(),
            form: "tabletti".into(),
            package_size: "100".into(),
            dosage: format!("dosage {id}"),
            language: crate::model::Language::Fi,
            amount: "4 x 100".into(),
            packages: 4,
            prescriber: "LL Anna Mäkinen".into(),
            organisation: OrganisationRef {
                id: OrganisationId::from_raw(1),
                name: "Terveyskeskus".into(),
            },
            issued_on: issued,
            valid_until: issued + time::Duration::days(700),
            narcotic: false,
            central_nervous_system: false,
            status,
            dispensations: vec![],
            remaining_packages: 4,
            renewal_block: None,
            renewed_from: None,
        }
    }

    #[test]
    fn only_prescriptions_in_force_count_and_the_newest_speaks_for_a_medicine() {
        use PrescriptionStatus::{Cancelled, Expired, RenewalRequested, Valid};
        let mut old = rx(1, "Amlodipin", "C08CA01", date!(2025 - 01 - 10), Valid);
        old.dispensations.push(Dispensation {
            dispensed_on: date!(2026 - 06 - 01),
            pharmacy: "Apteekki".into(),
            packages: 1,
        });
        let new = rx(2, "Amlodipin", "C08CA01", date!(2026 - 01 - 10), Valid);
        let list = compile(
            &[
                old,
                new,
                rx(3, "Panadol", "N02BE01", date!(2024 - 01 - 01), Expired),
                rx(
                    4,
                    "Ventoline",
                    "R03AC02",
                    date!(2025 - 05 - 01),
                    RenewalRequested,
                ),
                rx(5, "Metformin", "A10BA02", date!(2025 - 05 - 01), Cancelled),
                rx(6, "Oddity", "", date!(2025 - 05 - 01), Valid),
            ],
            &[],
            datetime!(2026 - 11 - 29 10:00),
        );
        let groups: Vec<&str> = list.groups.iter().map(|g| g.group.as_str()).collect();
        assert_eq!(groups, ["C", "R", "?"]);
        let amlodipin = &list.groups[0].medicines;
        assert_eq!(amlodipin.len(), 1, "one line per medicine");
        assert_eq!(amlodipin[0].dosage, "dosage 2");
        assert_eq!(
            amlodipin[0].source,
            MedicationSource::Prescription {
                prescription: PrescriptionId::from_raw(2),
                prescriber: "LL Anna Mäkinen".into(),
                valid_until: date!(2026 - 01 - 10) + time::Duration::days(700),
                last_dispensed: Some(date!(2026 - 06 - 01)),
                renewal_requested: false,
            }
        );
        assert!(matches!(
            list.groups[1].medicines[0].source,
            MedicationSource::Prescription {
                renewal_requested: true,
                ..
            }
        ));
        assert_eq!(list.compiled_at, datetime!(2026 - 11 - 29 10:00));
    }

    #[test]
    fn an_empty_history_gives_an_empty_list() {
        assert!(compile(&[], &[], datetime!(2026 - 11 - 29 10:00))
            .groups
            .is_empty());
    }

    fn given(product: &str, atc: &str, started: Date, ended: Option<Date>) -> RecordedMedication {
        RecordedMedication {
            product: product.into(),
            strength: "1 mg".into(),
            form: "injektio".into(),
            atc: atc.into(),
            system: crate::model::systems::ATC.into(),
            dose: "1 mg lihakseen".into(),
            language: crate::model::Language::Fi,
            setting: crate::model::CareSetting::HealthCentre,
            organisation: "Terveyskeskus".into(),
            started_on: started,
            ended_on: ended,
        }
    }

    #[test]
    fn recorded_medication_joins_its_group_from_its_first_to_its_last_day() {
        let today = datetime!(2026 - 11 - 29 10:00);
        let list = compile(
            &[rx(
                1,
                "Amlodipin",
                "C08CA01",
                date!(2026 - 01 - 10),
                PrescriptionStatus::Valid,
            )],
            &[
                given(
                    "Hydroksokobalamiini",
                    "B03BA03",
                    date!(2025 - 03 - 01),
                    None,
                ),
                given(
                    "Enoksapariini",
                    "B01AB05",
                    date!(2026 - 11 - 20),
                    Some(date!(2026 - 11 - 29)),
                ),
                given(
                    "Keftriaksoni",
                    "J01DD04",
                    date!(2026 - 10 - 01),
                    Some(date!(2026 - 10 - 05)),
                ),
                given("Tuleva", "C01AA05", date!(2026 - 12 - 01), None),
            ],
            today,
        );
        let groups: Vec<(&str, Vec<&str>)> = list
            .groups
            .iter()
            .map(|g| {
                (
                    g.group.as_str(),
                    g.medicines.iter().map(|m| m.product.as_str()).collect(),
                )
            })
            .collect();
        assert_eq!(
            groups,
            [
                ("B", vec!["Enoksapariini", "Hydroksokobalamiini"]),
                ("C", vec!["Amlodipin"])
            ],
            "its last day counts; one that ended or has not begun does not"
        );
        assert!(matches!(
            list.groups[0].medicines[1].source,
            MedicationSource::Recorded {
                setting: crate::model::CareSetting::HealthCentre,
                ended_on: None,
                ..
            }
        ));
    }

    #[test]
    fn groups_follow_the_atc_first_letter() {
        assert_eq!(atc_group("n02be01"), "N");
        assert_eq!(atc_group("X01"), "?");
        assert_eq!(atc_group(""), "?");
    }
}
