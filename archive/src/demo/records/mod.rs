//! The demo's health records: conditions with their notes and codes, laboratory tests
//! with reference ranges, the vaccination programme, risk information, imaging and
//! procedures, written into service events over each person's years.

use rand::seq::IndexedRandom;
use rand::Rng;
use time::{Date, Duration, Month, PrimitiveDateTime};

mod measured;

use super::{gauss, office_time, org_of, Profile, Writer, PROFESSIONALS};
use crate::clock::{age_on, format_stamp};
use crate::db::Sql;
use crate::error::ArchiveError;
use crate::model::{systems, AbnormalFlag, DocumentKind};

struct Condition {
    icd: &'static str,
    fi: &'static str,
    sv: &'static str,
    reason_fi: &'static str,
    reason_sv: &'static str,
    plan_fi: &'static str,
    plan_sv: &'static str,
    labs: &'static [&'static str],
    chronic: bool,
}

const CONDITIONS: &[Condition] = &[
    Condition { icd: "J06.9", fi: "Äkillinen ylähengitystieinfektio", sv: "Akut övre luftvägsinfektion",
        reason_fi: "Kolme päivää kestänyt nuha, kurkkukipu ja lievä kuume.", reason_sv: "Snuva, halsont och lätt feber sedan tre dagar.",
        plan_fi: "Oireenmukainen hoito, runsaasti nestettä. Uusi yhteydenotto, jos kuume jatkuu yli viisi päivää.", plan_sv: "Symtomatisk behandling, rikligt med vätska. Ny kontakt om febern varar över fem dagar.",
        labs: &["P-CRP"], chronic: false },
    Condition { icd: "H66.9", fi: "Välikorvatulehdus", sv: "Mellanöreinflammation",
        reason_fi: "Korvakipua ja yöllistä itkuisuutta kahden päivän ajan.", reason_sv: "Öronvärk och nattlig gråt i två dagar.",
        plan_fi: "Tärykalvo punoittava ja pullottava. Amoksisilliinikuuri 7 vrk. Kontrolli tarvittaessa.", plan_sv: "Trumhinnan rodnad och buktande. Amoxicillinkur 7 dygn. Kontroll vid behov.",
        labs: &[], chronic: false },
    Condition { icd: "N30.0", fi: "Äkillinen virtsarakon tulehdus", sv: "Akut cystit",
        reason_fi: "Kirvelyä virtsatessa ja tihentynyttä virtsaamisen tarvetta.", reason_sv: "Sveda vid miktion och täta trängningar.",
        plan_fi: "Virtsan kemiallinen seulonta positiivinen. Nitrofurantoiinikuuri 5 vrk.", plan_sv: "Urinsticka positiv. Nitrofurantoinkur 5 dygn.",
        labs: &["P-CRP"], chronic: false },
    Condition { icd: "M54.5", fi: "Alaselkäkipu", sv: "Ländryggssmärta",
        reason_fi: "Alaselkäkipu nostamisen jälkeen, ei säteilyä alaraajoihin.", reason_sv: "Ländryggssmärta efter lyft, ingen utstrålning till benen.",
        plan_fi: "Neurologinen status normaali. Liikkuminen kivun sallimissa rajoissa, tulehduskipulääke tarvittaessa.", plan_sv: "Neurologiskt status normalt. Rörelse inom smärtgränsen, antiinflammatoriskt läkemedel vid behov.",
        labs: &[], chronic: false },
    Condition { icd: "S93.4", fi: "Nilkan nyrjähdys", sv: "Stukning av fotled",
        reason_fi: "Nilkka nyrjähti urheillessa, turvotusta ulkokehräksen alueella.", reason_sv: "Stukade foten vid idrott, svullnad kring laterala malleolen.",
        plan_fi: "Ottawan kriteerit eivät täyty, ei kuvantamistarvetta. Kylmähoito, kohoasento ja tukiside.", plan_sv: "Ottawakriterierna uppfylls inte, ingen bilddiagnostik. Kyla, högläge och stödförband.",
        labs: &[], chronic: false },
    Condition { icd: "J03.9", fi: "Äkillinen nielurisatulehdus", sv: "Akut tonsillit",
        reason_fi: "Voimakas nielukipu ja kuume 38,6 °C.", reason_sv: "Kraftig halsont och feber 38,6 °C.",
        plan_fi: "Streptokokkipikatesti positiivinen. Fenoksimetyylipenisilliini 10 vrk.", plan_sv: "Snabbtest för streptokocker positivt. Fenoximetylpenicillin 10 dygn.",
        labs: &["P-CRP"], chronic: false },
    Condition { icd: "I10", fi: "Verenpainetauti", sv: "Essentiell hypertoni",
        reason_fi: "Verenpaineen seurantakäynti. Kotimittausten keskiarvo 142/88 mmHg.", reason_sv: "Uppföljning av blodtrycket. Medelvärde av hemmamätningar 142/88 mmHg.",
        plan_fi: "Jatketaan nykyistä lääkitystä. Suolan käytön vähentäminen ja liikunta. Kontrolli vuoden kuluttua.", plan_sv: "Nuvarande medicinering fortsätter. Mindre salt och mer motion. Kontroll om ett år.",
        labs: &["P-K", "P-Na", "P-Krea"], chronic: true },
    Condition { icd: "E11.9", fi: "Tyypin 2 diabetes", sv: "Typ 2-diabetes",
        reason_fi: "Diabeteksen vuosikontrolli. Ei hypoglykemioita.", reason_sv: "Årskontroll av diabetes. Inga hypoglykemier.",
        plan_fi: "Sokeritasapaino kohtalainen. Metformiiniannos ennallaan, ravitsemusterapeutin ohjaus.", plan_sv: "Glukoskontrollen måttlig. Metformindosen oförändrad, handledning av näringsterapeut.",
        labs: &["B-HbA1c", "fP-Gluk", "P-Krea", "fP-Kol-LDL"], chronic: true },
    Condition { icd: "J45.9", fi: "Astma", sv: "Astma",
        reason_fi: "Astman seuranta. Oireita lähinnä rasituksessa ja flunssien yhteydessä.", reason_sv: "Uppföljning av astma. Symtom främst vid ansträngning och förkylning.",
        plan_fi: "PEF-seuranta kotona. Inhaloitava kortikosteroidi jatkuu.", plan_sv: "PEF-uppföljning hemma. Inhalerad kortikosteroid fortsätter.",
        labs: &[], chronic: true },
    Condition { icd: "E78.0", fi: "Hyperkolesterolemia", sv: "Hyperkolesterolemi",
        reason_fi: "Kolesteroliarvojen seuranta.", reason_sv: "Uppföljning av kolesterolvärden.",
        plan_fi: "Statiinihoito jatkuu. Uusi laboratoriokontrolli vuoden kuluttua.", plan_sv: "Statinbehandlingen fortsätter. Ny laboratoriekontroll om ett år.",
        labs: &["fP-Kol-LDL", "P-ALAT"], chronic: true },
    Condition { icd: "I48.9", fi: "Eteisvärinä", sv: "Förmaksflimmer",
        reason_fi: "Tykytystuntemuksia. EKG:ssä eteisvärinä, kammiovaste 96/min.", reason_sv: "Hjärtklappning. EKG visar förmaksflimmer, kammarfrekvens 96/min.",
        plan_fi: "Antikoagulaatio aloitettu (CHA2DS2-VASc 4). Kardiologin konsultaatio.", plan_sv: "Antikoagulation påbörjad (CHA2DS2-VASc 4). Konsultation hos kardiolog.",
        labs: &["B-Hb", "P-Krea", "P-TSH"], chronic: true },
    Condition { icd: "M17.9", fi: "Polven nivelrikko", sv: "Knäledsartros",
        reason_fi: "Oikean polven rasituskipu, portaissa kävely vaikeutunut.", reason_sv: "Belastningssmärta i höger knä, svårt att gå i trappor.",
        plan_fi: "Fysioterapeutin ohjaus, painonhallinta, parasetamoli tarvittaessa.", plan_sv: "Handledning av fysioterapeut, viktkontroll, paracetamol vid behov.",
        labs: &[], chronic: true },
    Condition { icd: "E03.9", fi: "Kilpirauhasen vajaatoiminta", sv: "Hypotyreos",
        reason_fi: "Väsymystä ja palelua. Aiemmin todettu kilpirauhasen vajaatoiminta.", reason_sv: "Trötthet och frusenhet. Tidigare konstaterad hypotyreos.",
        plan_fi: "Tyroksiiniannosta nostetaan 25 µg. TSH-kontrolli kahden kuukauden kuluttua.", plan_sv: "Tyroxindosen höjs med 25 µg. TSH-kontroll om två månader.",
        labs: &["P-TSH"], chronic: true },
    Condition { icd: "I50.9", fi: "Sydämen vajaatoiminta", sv: "Hjärtsvikt",
        reason_fi: "Lisääntynyt hengenahdistus ja nilkkaturvotus.", reason_sv: "Ökad andfåddhet och ankelsvullnad.",
        plan_fi: "Diureettiannosta nostettu, painon seuranta kotona päivittäin.", plan_sv: "Diuretikadosen höjd, daglig viktkontroll hemma.",
        labs: &["P-K", "P-Na", "P-Krea", "B-Hb"], chronic: true },
    Condition { icd: "F41.1", fi: "Yleistynyt ahdistuneisuushäiriö", sv: "Generaliserat ångestsyndrom",
        reason_fi: "Jatkuvaa huolestuneisuutta ja univaikeuksia puolen vuoden ajan.", reason_sv: "Ständig oro och sömnsvårigheter i ett halvt år.",
        plan_fi: "Ohjaus psykiatriselle sairaanhoitajalle, lyhytterapia. Seurantakäynti kuukauden kuluttua.", plan_sv: "Remiss till psykiatrisk sjukskötare, korttidsterapi. Uppföljning om en månad.",
        labs: &["P-TSH"], chronic: false },
    Condition { icd: "Z30.0", fi: "Ehkäisyneuvonta", sv: "Preventivmedelsrådgivning",
        reason_fi: "Nuori hakeutui ehkäisyneuvontaan.", reason_sv: "Den unga sökte preventivmedelsrådgivning.",
        plan_fi: "Ehkäisymenetelmät käyty läpi. Nuori kykenee päättämään hoidostaan itse.", plan_sv: "Preventivmetoderna genomgångna. Den unga kan själv besluta om sin vård.",
        labs: &[], chronic: false },
];

fn condition(icd: &str) -> &'static Condition {
    CONDITIONS
        .iter()
        .find(|c| c.icd == icd)
        .unwrap_or(&CONDITIONS[0])
}

struct LabSpec {
    code: &'static str,
    fi: &'static str,
    sv: &'static str,
    unit: &'static str,
    /// (low, high) for women and men; `None` where one side has no limit.
    range_f: (Option<f64>, Option<f64>),
    range_m: (Option<f64>, Option<f64>),
    decimals: i32,
}

const LABS: &[LabSpec] = &[
    LabSpec {
        code: "B-Hb",
        fi: "Hemoglobiini",
        sv: "Hemoglobin",
        unit: "g/L",
        range_f: (Some(117.0), Some(155.0)),
        range_m: (Some(134.0), Some(167.0)),
        decimals: 0,
    },
    LabSpec {
        code: "P-Krea",
        fi: "Kreatiniini",
        sv: "Kreatinin",
        unit: "µmol/L",
        range_f: (Some(50.0), Some(90.0)),
        range_m: (Some(60.0), Some(100.0)),
        decimals: 0,
    },
    LabSpec {
        code: "fP-Gluk",
        fi: "Glukoosi, paastonäyte",
        sv: "Glukos, fasteprov",
        unit: "mmol/L",
        range_f: (Some(4.0), Some(6.0)),
        range_m: (Some(4.0), Some(6.0)),
        decimals: 1,
    },
    LabSpec {
        code: "B-HbA1c",
        fi: "Glykoitunut hemoglobiini",
        sv: "Glykerat hemoglobin",
        unit: "mmol/mol",
        range_f: (Some(20.0), Some(42.0)),
        range_m: (Some(20.0), Some(42.0)),
        decimals: 0,
    },
    LabSpec {
        code: "fP-Kol-LDL",
        fi: "LDL-kolesteroli",
        sv: "LDL-kolesterol",
        unit: "mmol/L",
        range_f: (None, Some(3.0)),
        range_m: (None, Some(3.0)),
        decimals: 1,
    },
    LabSpec {
        code: "P-CRP",
        fi: "C-reaktiivinen proteiini",
        sv: "C-reaktivt protein",
        unit: "mg/L",
        range_f: (None, Some(10.0)),
        range_m: (None, Some(10.0)),
        decimals: 0,
    },
    LabSpec {
        code: "P-K",
        fi: "Kalium",
        sv: "Kalium",
        unit: "mmol/L",
        range_f: (Some(3.3), Some(4.9)),
        range_m: (Some(3.3), Some(4.9)),
        decimals: 1,
    },
    LabSpec {
        code: "P-Na",
        fi: "Natrium",
        sv: "Natrium",
        unit: "mmol/L",
        range_f: (Some(137.0), Some(145.0)),
        range_m: (Some(137.0), Some(145.0)),
        decimals: 0,
    },
    LabSpec {
        code: "P-TSH",
        fi: "Tyreotropiini",
        sv: "Tyreotropin",
        unit: "mU/L",
        range_f: (Some(0.5), Some(3.6)),
        range_m: (Some(0.5), Some(3.6)),
        decimals: 2,
    },
    LabSpec {
        code: "P-ALAT",
        fi: "Alaniiniaminotransferaasi",
        sv: "Alaninaminotransferas",
        unit: "U/L",
        range_f: (None, Some(35.0)),
        range_m: (None, Some(50.0)),
        decimals: 0,
    },
];

struct Vaccine {
    atc: &'static str,
    fi: &'static str,
    sv: &'static str,
}

const ROTA: Vaccine = Vaccine {
    atc: "J07BH01",
    fi: "Rotavirusrokote",
    sv: "Rotavirusvaccin",
};
const DTAP_IPV_HIB: Vaccine = Vaccine {
    atc: "J07CA06",
    fi: "DTaP-IPV-Hib-rokote",
    sv: "DTaP-IPV-Hib-vaccin",
};
const PCV: Vaccine = Vaccine {
    atc: "J07AL02",
    fi: "Pneumokokkikonjugaattirokote",
    sv: "Pneumokockkonjugatvaccin",
};
const MMR: Vaccine = Vaccine {
    atc: "J07BD52",
    fi: "MPR-rokote (tuhkarokko, sikotauti, vihurirokko)",
    sv: "MPR-vaccin (mässling, påssjuka, röda hund)",
};
const HPV: Vaccine = Vaccine {
    atc: "J07BM03",
    fi: "HPV-rokote",
    sv: "HPV-vaccin",
};
const INFLUENZA: Vaccine = Vaccine {
    atc: "J07BB02",
    fi: "Influenssarokote",
    sv: "Influensavaccin",
};
const COVID: Vaccine = Vaccine {
    atc: "J07BX03",
    fi: "Koronavirusrokote",
    sv: "Coronavirusvaccin",
};
const DT: Vaccine = Vaccine {
    atc: "J07AM51",
    fi: "dT-rokote (jäykkäkouristus, kurkkumätä)",
    sv: "dT-vaccin (stelkramp, difteri)",
};

struct Risk {
    system: &'static str,
    code: &'static str,
    fi: &'static str,
    sv: &'static str,
    text_fi: &'static str,
    text_sv: &'static str,
}

const RISKS: &[Risk] = &[
    Risk {
        system: systems::ATC,
        code: "J01C",
        fi: "Penisilliiniallergia",
        sv: "Penicillinallergi",
        text_fi: "Laaja nokkosihottuma amoksisilliinikuurin aikana. Vältettävä penisilliinejä.",
        text_sv: "Utbredd urtikaria under amoxicillinkur. Penicilliner ska undvikas.",
    },
    Risk {
        system: systems::FI_RISK,
        code: "PAHKINA",
        fi: "Pähkinäallergia",
        sv: "Nötallergi",
        text_fi: "Huulten turvotusta ja hengitysvaikeutta pähkinöistä. Adrenaliinikynä määrätty.",
        text_sv: "Svullna läppar och andningssvårigheter av nötter. Adrenalinpenna förskriven.",
    },
    Risk {
        system: systems::FI_RISK,
        code: "AMPIAINEN",
        fi: "Ampiaisen pistoallergia",
        sv: "Allergi mot getingstick",
        text_fi: "Anafylaktinen reaktio ampiaisen pistosta.",
        text_sv: "Anafylaktisk reaktion efter getingstick.",
    },
    Risk {
        system: systems::ATC,
        code: "M01A",
        fi: "Tulehduskipulääkeyliherkkyys",
        sv: "Överkänslighet mot NSAID",
        text_fi: "Astman paheneminen tulehduskipulääkkeistä.",
        text_sv: "Försämrad astma av NSAID-preparat.",
    },
];

struct Imaging {
    code: &'static str,
    fi: &'static str,
    sv: &'static str,
    report_fi: &'static str,
    report_sv: &'static str,
}

const IMAGING: &[Imaging] = &[
    Imaging { code: "GD1AA", fi: "Keuhkojen röntgenkuvaus", sv: "Lungröntgen",
              report_fi: "Keuhkokentät ilmavat, ei infiltraatteja. Sydämen koko normaali. Ei pleuranestettä.", report_sv: "Lungfälten luftiga, inga infiltrat. Normal hjärtstorlek. Ingen pleuravätska." },
    Imaging { code: "NG1AA", fi: "Polven röntgenkuvaus", sv: "Knäröntgen",
              report_fi: "Mediaalinen nivelrako lievästi kaventunut, reunaosteofyyttejä. Sopii lievään nivelrikkoon.", report_sv: "Medialt ledspringan lätt minskad, kantosteofyter. Förenligt med lindrig artros." },
    Imaging { code: "JN3AD", fi: "Ylävatsan ultraäänitutkimus", sv: "Ultraljud av övre buken",
              report_fi: "Maksa normaalikokoinen, parenkyymi tasainen. Sappirakossa ei kiviä. Haima ja munuaiset normaalit.", report_sv: "Levern normalstor, jämnt parenkym. Inga gallsten. Pankreas och njurar normala." },
    Imaging { code: "AA1BB", fi: "Pään tietokonetomografia", sv: "Datortomografi av huvudet",
              report_fi: "Ei vuotoa eikä tuoretta infarktia. Kammiosto keskiviivassa.", report_sv: "Ingen blödning eller färsk infarkt. Ventrikelsystemet i mittlinjen." },
];

struct Procedure {
    code: &'static str,
    fi: &'static str,
    sv: &'static str,
}

const PROCEDURES: &[Procedure] = &[
    Procedure {
        code: "JEA00",
        fi: "Umpilisäkkeen poisto",
        sv: "Appendektomi",
    },
    Procedure {
        code: "CJE20",
        fi: "Kaihileikkaus ja tekomykiön asennus",
        sv: "Kataraktoperation med insättning av intraokulär lins",
    },
    Procedure {
        code: "UJF32",
        fi: "Paksusuolen tähystys",
        sv: "Koloskopi",
    },
];

impl Writer<'_> {
    async fn event(
        &mut self,
        unit: i64,
        kind: &str,
        title: &str,
        at: PrimitiveDateTime,
        minor_decides: bool,
    ) -> Result<i64, ArchiveError> {
        let id = self.new_id();
        sqlx::query(
            "INSERT INTO service_event (person_id, id, organisation_id, kind, title, started_at, minor_decides, language) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(self.person)
        .bind(id)
        .bind(org_of(unit))
        .bind(kind)
        .bind(title)
        .bind(format_stamp(at))
        .bind(i64::from(minor_decides))
        .bind(self.lang.code())
        .execute(&mut **self.tx)
        .await?;
        Ok(id)
    }

    #[allow(clippy::too_many_arguments)]
    async fn document(
        &mut self,
        event: i64,
        unit: i64,
        kind: DocumentKind,
        at: PrimitiveDateTime,
        title: &str,
        body: Option<&str>,
        coding: Option<(&str, &str, &str)>,
    ) -> Result<i64, ArchiveError> {
        let id = self.new_id();
        let professional = PROFESSIONALS.choose(self.rng).copied();
        sqlx::query(
            "INSERT INTO document (person_id, id, service_event_id, kind, recorded_at, organisation_id, unit_id, \
             professional, title, body, code_system, code, code_display, guardian_may_see, language, shown_from) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)",
        )
        .bind(self.person)
        .bind(id)
        .bind(event)
        .bind(kind.code())
        .bind(format_stamp(at))
        .bind(org_of(unit))
        .bind(unit)
        .bind(professional)
        .bind(title)
        .bind(body)
        .bind(coding.map(|c| c.0))
        .bind(coding.map(|c| c.1))
        .bind(coding.map(|c| c.2))
        .bind(i64::from(self.visible_to_guardian))
        .bind(self.lang.code())
        .bind(self.shown_from.map(format_stamp))
        .execute(&mut **self.tx)
        .await?;
        self.documents += 1;
        Ok(id)
    }

    async fn lab(
        &mut self,
        event: i64,
        unit: i64,
        at: PrimitiveDateTime,
        code: &str,
        shift: f64,
    ) -> Result<(), ArchiveError> {
        let Some(spec) = LABS.iter().find(|l| l.code == code) else {
            return Ok(());
        };
        let (low, high) = if self.male {
            spec.range_m
        } else {
            spec.range_f
        };
        let (mid, spread) = match (low, high) {
            (Some(l), Some(h)) => ((l + h) / 2.0, (h - l) / 4.0),
            (None, Some(h)) => (h * 0.6, h * 0.2),
            (Some(l), None) => (l * 1.3, l * 0.15),
            (None, None) => (1.0, 0.1),
        };
        let raw = mid + spread * (gauss(self.rng) + shift);
        let factor = 10_f64.powi(spec.decimals);
        let value = ((raw.max(0.0)) * factor).round() / factor;
        let flag = AbnormalFlag::of(value, low, high);
        let name = self.t(spec.fi, spec.sv).to_owned();
        let title = format!("{} ({})", name, spec.code);
        let doc = self
            .document(
                event,
                unit,
                DocumentKind::LabResult,
                at,
                &title,
                None,
                Some((systems::FI_LAB, spec.code, &name)),
            )
            .await?;
        let mut sql = Sql::new(
            "INSERT INTO lab_result (person_id, document_id, test_code, test_name, value, unit, flag, taken_at, reference_low, reference_high) VALUES (",
        );
        sql.bind(self.person)
            .push(", ")
            .bind(doc)
            .push(", ")
            .bind(spec.code)
            .push(", ")
            .bind(name.as_str())
            .push(", ")
            .bind(value)
            .push(", ")
            .bind(spec.unit)
            .push(", ")
            .bind(flag.code())
            .push(", ")
            .bind(format_stamp(at))
            .push(", ")
            .bind_real(low)
            .push(", ")
            .bind_real(high)
            .push(")");
        sql.query().execute(&mut **self.tx).await?;
        Ok(())
    }

    async fn vaccination(
        &mut self,
        unit: i64,
        at: PrimitiveDateTime,
        v: &Vaccine,
    ) -> Result<(), ArchiveError> {
        let title = self.t("Rokotus", "Vaccination").to_owned();
        let event = self.event(unit, "visit", &title, at, false).await?;
        let name = self.t(v.fi, v.sv).to_owned();
        let body = format!("{} {}", self.t("Annettu rokote:", "Given vaccin:"), name);
        self.document(
            event,
            unit,
            DocumentKind::Vaccination,
            at,
            &name,
            Some(&body),
            Some((systems::ATC, v.atc, &name)),
        )
        .await?;
        Ok(())
    }
}

/// A person's health records: vaccinations, risk information, and visits over the
/// years with notes, diagnoses, laboratory results, imaging and procedures.
#[allow(clippy::too_many_lines)]
pub(super) async fn insert_records(
    w: &mut Writer<'_>,
    p: &Profile,
    birth: Date,
    today: Date,
) -> Result<(), ArchiveError> {
    let home = p.home_unit;
    let lab_unit = if home / 100 == 3 { 303 } else { 202 };

    // The national vaccination programme for children born here.
    let programme: &[(i64, &Vaccine)] = &[
        (60, &ROTA),
        (90, &ROTA),
        (90, &DTAP_IPV_HIB),
        (90, &PCV),
        (150, &DTAP_IPV_HIB),
        (150, &PCV),
        (365, &DTAP_IPV_HIB),
        (365, &PCV),
        (550, &MMR),
        (6 * 365, &MMR),
    ];
    let clinic = if p.age < 18 { 103 } else { home };
    for (days, v) in programme {
        let day = birth + Duration::days(*days);
        if day <= today && today - day < Duration::days(365 * 25) {
            let at = office_time(w.rng, day);
            w.vaccination(clinic, at, v).await?;
        }
    }
    if p.age >= 11 && !w.male {
        let at = office_time(w.rng, birth + Duration::days(11 * 365 + 200));
        w.vaccination(104, at, &HPV).await?;
    }
    if p.age >= 18 {
        for years_ago in 0..p.age.min(12) {
            let season = Date::from_calendar_date(today.year() - years_ago, Month::November, 1)
                .unwrap_or(today);
            if season <= today && (p.age >= 65 || w.rng.random_bool(0.3)) {
                let offset = Duration::days(w.rng.random_range(0..25));
                let at = office_time(w.rng, season + offset);
                w.vaccination(home, at, &INFLUENZA).await?;
            }
        }
        for (y, m) in [
            (2021, Month::May),
            (2021, Month::July),
            (2022, Month::January),
        ] {
            let day = Date::from_calendar_date(y, m, 10).unwrap_or(today);
            if day <= today && age_on(birth, day) >= 16 {
                let at = office_time(w.rng, day);
                w.vaccination(home, at, &COVID).await?;
            }
        }
        let dt = birth + Duration::days(365 * (p.age / 10 * 10).max(20) as i64);
        if dt <= today {
            let at = office_time(w.rng, dt);
            w.vaccination(home, at, &DT).await?;
        }
    }

    // Risk information, recorded once.
    for &r in p.risks {
        let risk = &RISKS[r.min(RISKS.len() - 1)];
        let day = (birth + Duration::days(365 * i64::from(p.age.min(30)) / 2)).min(today);
        let at = office_time(w.rng, day);
        let title = w.t("Riskitieto", "Riskinformation").to_owned();
        let event = w.event(home, "visit", &title, at, false).await?;
        let name = w.t(risk.fi, risk.sv).to_owned();
        let text = w.t(risk.text_fi, risk.text_sv).to_owned();
        w.document(
            event,
            home,
            DocumentKind::RiskInformation,
            at,
            &name,
            Some(&text),
            Some((risk.system, risk.code, &name)),
        )
        .await?;
    }

    // Visits over the years: chronic conditions from their onset, acute ones between.
    let history_years = f64::from(p.age.min(if p.note == "heavy-user" { 30 } else { 20 }));
    let visits = (history_years * p.visits_per_year).round() as i64;
    let span_days = (history_years * 365.0) as i64;
    let acute = ["J06.9", "N30.0", "M54.5", "S93.4", "J03.9"];
    let child_acute = ["J06.9", "H66.9", "J03.9"];
    for _ in 0..visits {
        let day = today - Duration::days(w.rng.random_range(1..span_days.max(30)));
        if day <= birth + Duration::days(30) {
            continue;
        }
        let at = office_time(w.rng, day);
        let age_then = age_on(birth, day);
        let chronic_visit = !p.chronic.is_empty() && w.rng.random_bool(0.6);
        let cond = if chronic_visit {
            condition(p.chronic.choose(w.rng).copied().unwrap_or("I10"))
        } else if age_then < 13 {
            condition(child_acute.choose(w.rng).copied().unwrap_or("J06.9"))
        } else {
            condition(acute.choose(w.rng).copied().unwrap_or("J06.9"))
        };
        // A teen's own matters: the professional records that she decides on her care,
        // and marks the documents as not visible to her guardians.
        let teen_private = p.note == "teen-15" && age_then >= 13 && w.rng.random_bool(0.35);
        let cond = if teen_private {
            condition(if w.rng.random_bool(0.5) {
                "Z30.0"
            } else {
                "F41.1"
            })
        } else {
            cond
        };
        w.visible_to_guardian = !teen_private;
        let unit = if teen_private {
            104
        } else if cond.chronic && w.rng.random_bool(0.3) {
            if home / 100 == 3 {
                302
            } else {
                201
            }
        } else if (25..65).contains(&age_then) && w.rng.random_bool(0.15) {
            601
        } else if w.rng.random_bool(0.1) {
            501
        } else {
            home
        };
        let course = cond.chronic && w.rng.random_bool(0.2);
        let event_title = format!(
            "{}: {}",
            w.t("Vastaanottokäynti", "Mottagningsbesök"),
            w.t(cond.fi, cond.sv)
        );
        let event = w
            .event(
                unit,
                if course { "course" } else { "visit" },
                &event_title,
                at,
                teen_private,
            )
            .await?;
        let note = format!(
            "{}\n\n{} {}\n\n{}",
            w.t(cond.reason_fi, cond.reason_sv),
            w.t("Arvio:", "Bedömning:"),
            w.t(cond.fi, cond.sv),
            w.t(cond.plan_fi, cond.plan_sv)
        );
        let note_title = w.t("Käyntiteksti", "Besöksanteckning").to_owned();
        w.document(
            event,
            unit,
            DocumentKind::VisitNote,
            at,
            &note_title,
            Some(&note),
            None,
        )
        .await?;
        let dx = w.t(cond.fi, cond.sv).to_owned();
        w.document(
            event,
            unit,
            DocumentKind::Diagnosis,
            at,
            &dx,
            None,
            Some((systems::ICD10, cond.icd, &dx)),
        )
        .await?;
        if !cond.labs.is_empty() && w.rng.random_bool(0.8) {
            let lab_at = at - Duration::days(w.rng.random_range(2..10));
            let shift = match cond.icd {
                "E11.9" => 1.6,
                "J06.9" | "J03.9" | "N30.0" => 1.2,
                _ => 0.2,
            };
            for code in cond.labs {
                w.lab(event, lab_unit, lab_at, code, shift).await?;
            }
        }
        if w.rng.random_bool(0.04) {
            let img = IMAGING.choose(w.rng).unwrap_or(&IMAGING[0]);
            let name = w.t(img.fi, img.sv).to_owned();
            let report = w.t(img.report_fi, img.report_sv).to_owned();
            let img_at = at + Duration::days(w.rng.random_range(1..14));
            if img_at.date() <= today {
                w.document(
                    event,
                    203,
                    DocumentKind::ImagingStudy,
                    img_at,
                    &name,
                    Some(&report),
                    Some((systems::FI_IMAGING, img.code, &name)),
                )
                .await?;
            }
        }
        if age_then >= 18 && w.rng.random_bool(0.015) {
            let proc = PROCEDURES.choose(w.rng).unwrap_or(&PROCEDURES[0]);
            let name = w.t(proc.fi, proc.sv).to_owned();
            w.document(
                event,
                201,
                DocumentKind::Procedure,
                at,
                &name,
                None,
                Some((systems::NCSP, proc.code, &name)),
            )
            .await?;
        }
    }

    if matches!(p.note, "typical-adult" | "heavy-user") {
        w.documents = delayed_check_up(w, p, today, lab_unit).await?;
    }
    if !p.note.is_empty() {
        w.documents = measured::insert(w, p, birth, today).await?;
    }
    Ok(())
}

/// A check-up whose results the doctor wants to talk through first: the note is shown,
/// the results are delayed until the follow-up visit (delayed display). Drawn from a
/// generator of its own, so the rest of the demo stays as it was.
async fn delayed_check_up(
    w: &mut Writer<'_>,
    p: &Profile,
    today: Date,
    lab_unit: i64,
) -> Result<u64, ArchiveError> {
    let mut rng = super::stream(0, p.id);
    let mut w = w.drawing_from(&mut rng);
    let home = p.home_unit;
    let heavy = p.note == "heavy-user";
    let at = office_time(w.rng, today - Duration::days(6));
    let title = w.t("Terveystarkastus", "Hälsokontroll").to_owned();
    let event = w.event(home, "visit", &title, at, false).await?;
    let note = w
        .t(
            "Terveystarkastus. Laboratoriokokeet otettu, tulokset käydään läpi seurantakäynnillä.",
            "Hälsokontroll. Laboratorieprover tagna, resultaten gås igenom vid återbesöket.",
        )
        .to_owned();
    let note_title = w.t("Käyntiteksti", "Besöksanteckning").to_owned();
    w.document(
        event,
        home,
        DocumentKind::VisitNote,
        at,
        &note_title,
        Some(&note),
        None,
    )
    .await?;
    let follow_up = office_time(w.rng, today + Duration::days(if heavy { 30 } else { 21 }));
    w.shown_from = Some(follow_up);
    for code in ["B-Hb", "P-TSH"] {
        w.lab(event, lab_unit, at, code, 0.2).await?;
    }
    if heavy {
        let img = &IMAGING[IMAGING.len() - 1];
        let name = w.t(img.fi, img.sv).to_owned();
        let report = w.t(img.report_fi, img.report_sv).to_owned();
        w.document(
            event,
            203,
            DocumentKind::ImagingStudy,
            at + Duration::days(2),
            &name,
            Some(&report),
            Some((systems::FI_IMAGING, img.code, &name)),
        )
        .await?;
    }
    Ok(w.documents)
}
