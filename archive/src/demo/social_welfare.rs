//! The demo's social-welfare documents, by service task: services for older people
//! (Helvi, Mikko), disability services (Johan, in Swedish), child welfare (Ella, some
//! of it hers alone), adult social work (Laura); and what the service never shows — a
//! payment commitment, Laura's domestic-violence service — so that a page that showed
//! them would be caught. The family's child welfare reaches Eetu too. Aino has none.

use time::{Date, Duration, PrimitiveDateTime};

use super::{ids, office_time, Profile, Writer};
use crate::clock::format_stamp;
use crate::error::ArchiveError;
use crate::social_welfare::model::{ServiceTask, SocialDocumentKind, WorkerRole};

/// The demo's own stream of random numbers, apart from the records'.
const STREAM: u64 = 0x0053_4F43_4941_4C00; // "SOCIAL"

/// A client relationship the demo writes: where, since how many days, and with whom.
struct Client {
    task: ServiceTask,
    unit: i64,
    days_ago: i64,
    worker: (&'static str, WorkerRole, &'static str),
    /// Each document: kind, days after the start, title and text (as written, in the
    /// person's language), and whether a guardian is shown it (for a minor).
    documents: &'static [(SocialDocumentKind, i64, &'static str, &'static str, bool)],
}

use ServiceTask as T;
use SocialDocumentKind as K;

const HELVI: &[Client] = &[Client {
    task: T::OlderPeople,
    unit: 105,
    days_ago: 900,
    worker: ("Sari Lindholm", WorkerRole::SocialCounsellor, "09 3104 0001"),
    documents: &[
        (K::ClientRelationshipStarted, 0, "Asiakkuus alkanut: ikääntyneiden palvelut", "Asiakkuus ikääntyneiden palveluissa on alkanut omaisen yhteydenoton perusteella.", true),
        (K::ServiceNeedAssessment, 14, "Palvelutarpeen arviointi", "Helvi asuu yksin kerrostalokodissa. Liikkuminen rollaattorin kanssa onnistuu, kauppa-asiointi ja siivous vaativat apua. Tytär käy kahdesti viikossa. Arvioidaan tarvittavan kotihoitoa aamuisin sekä ateriapalvelua.", true),
        (K::Decision, 30, "Päätös kotihoidosta", "Myönnetään säännöllinen kotihoito (käynti aamuisin) ja ateriapalvelu toistaiseksi. Päätökseen saa hakea oikaisua 30 päivän kuluessa tiedoksisaannista.", true),
        (K::ClientPlan, 45, "Asiakassuunnitelma", "Tavoitteena on, että Helvi voi asua kotona turvallisesti. Kotihoito avustaa aamutoimissa ja lääkkeissä. Suunnitelma tarkistetaan puolen vuoden välein tai tarpeen muuttuessa.", true),
        (K::PaymentCommitment, 60, "Maksusitoumus: ateriapalvelu", "Maksusitoumus ateriapalvelun tuottajalle.", true),
        (K::ClientPlan, 600, "Asiakassuunnitelman tarkistus", "Kotihoidon käynnit lisätään kahteen päivässä. Turvapuhelin asennettu.", true),
    ],
}];

const MIKKO: &[Client] = &[Client {
    task: T::OlderPeople,
    unit: 304,
    days_ago: 420,
    worker: ("Pekka Aaltonen", WorkerRole::ServiceCoordinator, "03 5650 0002"),
    documents: &[
        (K::ClientRelationshipStarted, 0, "Asiakkuus alkanut: ikäihmisten palvelut", "Asiakkuus alkanut seniorineuvonnan kautta.", true),
        (K::ServiceNeedAssessment, 21, "Palvelutarpeen arviointi", "Mikko asuu puolisonsa kanssa omakotitalossa. Pihatyöt ja raskaat kotityöt eivät enää onnistu. Arvioidaan tukipalvelujen tarve.", true),
        (K::Decision, 40, "Päätös tukipalveluista", "Myönnetään siivouspalvelu kahdesti kuukaudessa ja kuljetuspalvelu asiointimatkoihin.", true),
    ],
}];

const JOHAN: &[Client] = &[Client {
    task: T::Disability,
    unit: 403,
    days_ago: 700,
    worker: ("Annika Holm", WorkerRole::SocialWorker, "019 289 0003"),
    documents: &[
        (K::ClientRelationshipStarted, 0, "Klientrelation inledd: handikappservice", "Klientrelationen inleddes på basis av Johans ansökan.", true),
        (K::ServiceNeedAssessment, 20, "Bedömning av servicebehovet", "Johan behöver hjälp med förflyttningar och vissa dagliga sysslor efter ryggmärgsskadan. Bedömningen görs tillsammans med fysioterapeuten.", true),
        (K::Decision, 35, "Beslut om personlig assistans", "Johan beviljas personlig assistans 60 timmar i månaden. Beslutet kan omprövas inom 30 dagar.", true),
        (K::ClientPlan, 50, "Klientplan", "Målet är att Johan kan arbeta och röra sig självständigt. Assistansen används för arbetsresor och hushållssysslor.", true),
    ],
}];

const ELLA: &[Client] = &[Client {
    task: T::ChildWelfare,
    unit: 107,
    days_ago: 300,
    worker: ("Minna Kallio", WorkerRole::SocialWorker, "09 3104 0004"),
    documents: &[
        (K::ClientRelationshipStarted, 0, "Lastensuojelun asiakkuus alkanut", "Asiakkuus alkoi koulun tekemän lastensuojeluilmoituksen perusteella.", true),
        (K::ServiceNeedAssessment, 30, "Palvelutarpeen arviointi", "Perhe tarvitsee tukea arjen rytmiin ja koulunkäyntiin. Ella toivoo mahdollisuutta keskustella nuorten tukihenkilön kanssa.", true),
        (K::ClientPlan, 50, "Asiakassuunnitelma", "Ellan omat toiveet: tukihenkilö ja mahdollisuus tavata sosiaalityöntekijää ilman vanhempia. Tätä suunnitelmaa ei näytetä huoltajalle.", false),
        (K::Decision, 60, "Päätös avohuollon tukitoimista", "Myönnetään tukihenkilö kerran viikossa ja perhetyötä kahdesti kuukaudessa.", true),
    ],
}];

const EETU: &[Client] = &[Client {
    task: T::ChildWelfare,
    unit: 107,
    days_ago: 300,
    worker: ("Minna Kallio", WorkerRole::SocialWorker, "09 3104 0004"),
    documents: &[
        (
            K::ClientRelationshipStarted,
            0,
            "Lastensuojelun asiakkuus alkanut",
            "Asiakkuus alkoi perheen tuen tarpeen arvioinnin yhteydessä.",
            true,
        ),
        (
            K::Decision,
            60,
            "Päätös avohuollon tukitoimista",
            "Perheelle myönnetään perhetyötä kahdesti kuukaudessa.",
            true,
        ),
    ],
}];

const LAURA: &[Client] = &[
    Client {
        task: T::AdultSocialWork,
        unit: 106,
        days_ago: 200,
        worker: ("Jussi Peltonen", WorkerRole::SocialWorker, "09 3104 0005"),
        documents: &[
            (K::ClientRelationshipStarted, 0, "Asiakkuus alkanut: aikuissosiaalityö", "Asiakkuus alkoi Lauran yhteydenotosta.", true),
            (K::ClientPlan, 25, "Asiakassuunnitelma", "Tavoitteena taloudellisen tilanteen selvittäminen ja arjen tuki. Ohjataan talous- ja velkaneuvontaan.", true),
        ],
    },
    Client {
        task: T::DomesticViolence,
        unit: 106,
        days_ago: 150,
        worker: ("Eeva Saari", WorkerRole::SocialWorker, "09 3104 0006"),
        documents: &[(K::ServiceNeedAssessment, 5, "Palvelutarpeen arviointi", "Ei näytetä OmaKannassa.", true)],
    },
];

/// The client relationships of a demo person.
fn clients_of(p: &Profile) -> &'static [Client] {
    match p.id {
        ids::ELDER => HELVI,
        ids::HEAVY_USER => MIKKO,
        ids::SWEDISH => JOHAN,
        ids::TEEN => ELLA,
        ids::CHILD => EETU,
        ids::GUARDIAN => LAURA,
        _ => &[],
    }
}

/// Writes the person's social-welfare documents; returns how many.
pub(super) async fn insert_social_welfare(
    w: &mut Writer<'_>,
    p: &Profile,
    today: Date,
) -> Result<u64, ArchiveError> {
    let mut rng = super::stream(STREAM, p.id);
    let mut w = w.drawing_from(&mut rng);
    let mut count = 0;
    for client in clients_of(p) {
        let organisation = super::org_of(client.unit);
        let started = today - Duration::days(client.days_ago);
        let (name, role, phone) = client.worker;
        sqlx::query(
            "INSERT INTO social_client (person_id, service_task, organisation_id, started_on, worker_name, worker_role, worker_phone) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(p.id.get())
        .bind(client.task.code())
        .bind(organisation)
        .bind(started.to_string())
        .bind(name)
        .bind(role.code())
        .bind(phone)
        .execute(&mut **w.tx)
        .await?;
        for &(kind, after, title, text, visible) in client.documents {
            // Never after yesterday (a weekend day moves to the Monday after).
            let day = (started + Duration::days(after)).min(today - Duration::days(2));
            let at: PrimitiveDateTime = office_time(w.rng, day);
            let id = w.new_id();
            sqlx::query(
                "INSERT INTO social_document (person_id, id, service_task, kind, recorded_at, organisation_id, unit_id, \
                 title, body, language, guardian_may_see, denied_to_guardian) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 0)",
            )
            .bind(p.id.get())
            .bind(id)
            .bind(client.task.code())
            .bind(kind.code())
            .bind(format_stamp(at))
            .bind(organisation)
            .bind(client.unit)
            .bind(title)
            .bind(text)
            .bind(w.lang.code())
            .bind(i64::from(visible))
            .execute(&mut **w.tx)
            .await?;
            count += 1;
        }
    }
    Ok(count)
}
