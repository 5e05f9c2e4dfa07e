//! The demo's certificates and statements: Kela's forms and Traficom's driving-licence
//! health certificate, each written at a unit by a professional and most forwarded
//! through Kanta (each forwarding a disclosure the person's log shows). Ella has one
//! from before she was ten (her guardian sees it) and one since that is hers alone.

use time::{Date, Duration};

use super::{ids, office_time, Profile, Writer};
use crate::certificates::model::{CertificateForm, IssuerRole};
use crate::clock::format_stamp;
use crate::error::ArchiveError;

/// The demo's own stream of random numbers, apart from the records'.
const STREAM: u64 = 0x0043_4552_5449_4649; // "CERTIFI"

use CertificateForm as F;
use IssuerRole as R;

/// One certificate: form, days ago, unit, who wrote it, whether it was forwarded,
/// whether a guardian is shown it (for a minor), and its text in Finnish and Swedish.
type Written = (
    CertificateForm,
    i64,
    i64,
    IssuerRole,
    bool,
    bool,
    &'static str,
    &'static str,
);

const SV6_FLU: (&str, &str) = (
    "Työkyvytön 5 päivää kuumeisen hengitystieinfektion vuoksi. Ei kuntoutustarvetta.",
    "Arbetsoförmögen i 5 dagar på grund av en febril luftvägsinfektion. Inget rehabiliteringsbehov.",
);
const SV7_BACK: (&str, &str) = (
    "Pitkittynyt alaselkäkipu, työkyky alentunut. Suositellaan ammatillista kuntoutusta ja työkokeilua.",
    "Långvarig ländryggssmärta, nedsatt arbetsförmåga. Yrkesinriktad rehabilitering och arbetsprövning rekommenderas.",
);
const SV7_MEDICINE: (&str, &str) = (
    "Lausunto lääkkeiden erityiskorvausoikeutta varten. Sairaus todettu ja hoito aloitettu ohjeiden mukaisesti.",
    "Utlåtande för rätt till specialersättning för läkemedel. Sjukdomen konstaterad och behandlingen inledd enligt riktlinjerna.",
);
const SV10_CHILD: (&str, &str) = (
    "Lapsen sairaalahoito ja kotihoito vaativat vanhemman osallistumista 10 päivän ajan.",
    "Barnets sjukhusvård och hemvård kräver förälderns deltagande i 10 dagar.",
);
const DRIVING: (&str, &str) = (
    "Terveydentila täyttää ryhmän 1 ajokorttiin vaadittavat vähimmäisvaatimukset. Näkökyky tarkastettu.",
    "Hälsotillståndet uppfyller minimikraven för körkort i grupp 1. Synen kontrollerad.",
);

fn written(p: &Profile) -> Vec<Written> {
    let w = |form, days, unit, role, forwarded, visible, (fi, sv): (&'static str, &'static str)| {
        (form, days, unit, role, forwarded, visible, fi, sv)
    };
    match p.id {
        ids::ADULT => vec![
            w(F::Sv6, 40, 101, R::Doctor, true, true, SV6_FLU),
            w(F::Sv7, 380, 501, R::Specialist, true, true, SV7_BACK),
        ],
        ids::HEAVY_USER => vec![
            w(F::DrivingLicence, 200, 301, R::Doctor, true, true, DRIVING),
            w(F::Sv7, 1100, 302, R::Specialist, true, true, SV7_MEDICINE),
        ],
        ids::GUARDIAN => vec![w(
            F::Sv6,
            90,
            601,
            R::OccupationalHealthDoctor,
            true,
            true,
            SV6_FLU,
        )],
        ids::CHILD => vec![w(F::Sv10, 120, 201, R::Specialist, true, true, SV10_CHILD)],
        // From before she was ten (not marked, but seen by her guardian), and one
        // since that is hers alone.
        ids::TEEN => vec![
            w(
                F::Sv10,
                365 * 6,
                201,
                R::Specialist,
                true,
                false,
                SV10_CHILD,
            ),
            w(F::Sv7, 150, 104, R::Doctor, true, false, SV7_MEDICINE),
        ],
        ids::ELDER => vec![w(F::Sv7, 500, 102, R::Doctor, true, true, SV7_MEDICINE)],
        ids::SWEDISH => vec![
            w(F::Sv7, 650, 402, R::Specialist, true, true, SV7_BACK),
            w(F::DrivingLicence, 30, 401, R::Doctor, false, true, DRIVING),
        ],
        _ => Vec::new(),
    }
}

/// Writes the person's certificates and where they went; returns how many.
pub(super) async fn insert_certificates(
    w: &mut Writer<'_>,
    p: &Profile,
    today: Date,
) -> Result<u64, ArchiveError> {
    let mut rng = super::stream(STREAM, p.id);
    let mut w = w.drawing_from(&mut rng);
    let list = written(p);
    for &(form, days, unit, role, forwarded, visible, fi, sv) in &list {
        let issued = office_time(w.rng, today - Duration::days(days.max(2)));
        let id = w.new_id();
        sqlx::query(
            "INSERT INTO certificate (person_id, id, form, issued_at, organisation_id, unit_id, issuer_role, content, \
             language, guardian_may_see, denied_to_guardian) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 0)",
        )
        .bind(p.id.get())
        .bind(id)
        .bind(form.code())
        .bind(format_stamp(issued))
        .bind(super::org_of(unit))
        .bind(unit)
        .bind(role.code())
        .bind(w.t(fi, sv).to_owned())
        .bind(w.lang.code())
        .bind(i64::from(visible))
        .execute(&mut **w.tx)
        .await?;
        if forwarded {
            sqlx::query(
                "INSERT INTO certificate_forwarding (person_id, certificate_id, recipient, sent_at) VALUES ($1, $2, $3, $4)",
            )
            .bind(p.id.get())
            .bind(id)
            .bind(form.recipient().code())
            .bind(format_stamp(issued + Duration::minutes(20)))
            .execute(&mut **w.tx)
            .await?;
        }
    }
    Ok(list.len() as u64)
}
