//! The access matrix: every operation × every right situation gives exactly one expected
//! result, on SQLite and PostgreSQL, and every allowed operation leaves an audit event
//! naming actor and subject. Whether a right reaches an operation at all comes from the
//! registry of sections (`Section::spec`, through `Action::section`); what it finds of
//! one object (a document, a lab series, a prescription, a renewal) each case states.
//! The operations are the audited actions themselves (`Action::ALL`): `run` matches on
//! every action, so a new one does not compile until it says what it does here, and
//! each granted case checks that every action with a section was run.

use crate::common;

use archive::demo::{self, ids};
use archive::inspect::{
    appointment_marks, audit_trail, certificate_marks, document_marks, mark_document, set_mandate,
    set_person_flags, social_marks,
};
use archive::model::{
    AppointmentId, CertificateId, DocumentId, MandateScope, Measure, MeasurementId, OrganisationId,
    PersonId, PrescriptionId, RecordFilter, Scopes, ServiceTask, SocialDocumentId,
    SocialDocumentKind,
};
use archive::rights::{HEALTH_CARE_SCOPE, SOCIAL_WELFARE_SCOPE};
use archive::{Access, Action, ArchiveError, Holder, Purpose, Refusal, MAX_PAGE};
use common::TestArchive;
use time::Duration;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Allowed,
    NotFound,
    Refused(Refusal),
    /// A rule refuses (its code).
    Blocked(&'static str),
}

fn outcome<T>(r: Result<T, ArchiveError>) -> Outcome {
    match r {
        Ok(_) => Outcome::Allowed,
        Err(ArchiveError::NotFound) => Outcome::NotFound,
        Err(ArchiveError::Refused(refusal)) => Outcome::Refused(refusal),
        Err(ArchiveError::Blocked(code)) => Outcome::Blocked(code),
        Err(e) => panic!("unexpected error: {e}"),
    }
}

/// Does `action` as `access`, and says how it ended; `None` for an action that is not
/// an operation on a person's data (the session's, the prescription centre's, an
/// import's).
#[allow(clippy::too_many_lines)]
async fn run(access: &Access, action: Action, case: &Case) -> Option<Outcome> {
    Some(match action {
        Action::ListRecords => outcome(
            access
                .health_records(&RecordFilter::default(), None, 10)
                .await,
        ),
        Action::ReadDocument => outcome(access.document(case.document.0).await),
        Action::ReadSummaries => outcome(access.summaries().await),
        Action::ReadKindSummary => outcome(
            access
                .kind_summary(
                    archive::model::DocumentKind::Measurement,
                    archive::model::DateRange::default(),
                    None,
                    10,
                )
                .await,
        ),
        Action::ListLabTests => outcome(access.lab_tests().await),
        Action::ReadLabSeries => outcome(access.lab_series(case.lab.0).await),
        Action::ReadDisclosureLog => outcome(
            access
                .disclosure_log(&archive::model::LogFilter::default(), None, 50)
                .await,
        ),
        Action::RecordsNews => outcome(access.records_news(0).await),
        Action::PrescriptionsNews => outcome(access.prescriptions_news(0).await),
        Action::DisclosureLogNews => outcome(access.disclosure_news(0).await),
        Action::ListPrescriptions => outcome(access.prescriptions().await),
        Action::ReadPrescription => outcome(access.prescription(case.prescription.0).await),
        Action::ListRenewalRequests => outcome(access.renewal_requests(50).await),
        Action::ReadMedicationList => outcome(access.medication_list().await),
        Action::ReadLivingWill => outcome(access.living_will().await),
        Action::ListAppointments => {
            outcome(access.appointments(archive::model::PastPeriod::All).await)
        }
        Action::ReadAppointment => outcome(access.appointment(case.appointment.0).await),
        // One appointment's calendar file: the same rule as opening it.
        Action::ExportAppointments => outcome(
            access
                .appointments_for_calendar(Some(case.appointment.0))
                .await,
        ),
        Action::AppointmentsNews => outcome(access.appointments_news(0).await),
        Action::ListSocialWelfare => outcome(access.social_welfare().await),
        Action::ReadSocialDocument => outcome(access.social_document(case.social.0).await),
        Action::SocialWelfareNews => outcome(access.social_welfare_news(0).await),
        Action::ListCertificates => outcome(access.certificates().await),
        Action::ReadCertificate => outcome(access.certificate(case.certificate.0).await),
        Action::CertificatesNews => outcome(access.certificates_news(0).await),
        Action::WriteLivingWill => outcome(
            access
                .write_living_will(&archive::model::LivingWillText {
                    wishes: "En halua elvytystä.".into(),
                    treatments: archive::model::Treatment::ALL
                        .iter()
                        .map(|t| (*t, archive::model::TreatmentWish::Refuse))
                        .collect(),
                })
                .await,
        ),
        // Follows the write above, so there is a will to withdraw.
        Action::WithdrawLivingWill => outcome(access.withdraw_living_will().await),
        Action::ReadOrganDonation => outcome(access.organ_donation().await),
        Action::WriteOrganDonation => outcome(
            access
                .write_organ_donation(&archive::model::OrganDonationText::new(
                    archive::model::DonationDecision::YesExcept,
                    &[archive::model::Donatable::Corneas],
                    "Sarveiskalvoja ei.",
                ))
                .await,
        ),
        Action::ReadConsents => outcome(access.consents().await),
        Action::AcknowledgeNotice => outcome(access.acknowledge_notice().await),
        Action::GiveConsent => outcome(
            access
                .change_consent(
                    archive::model::Choice::DenyRegister(archive::model::Register::Occupational),
                    true,
                )
                .await,
        ),
        // Follows the denial above, so there is one to withdraw.
        Action::WithdrawConsent => outcome(
            access
                .change_consent(
                    archive::model::Choice::DenyRegister(archive::model::Register::Occupational),
                    false,
                )
                .await,
        ),
        Action::ReadAbroad => outcome(access.abroad().await),
        Action::ReadPatientSummary => outcome(access.patient_summary().await),
        Action::ReadDownload => outcome(access.download_contents().await),
        // Begun and read to its end.
        Action::Download => outcome(
            async {
                let mut download = access.download().await?;
                while download.next().await?.is_some() {}
                Ok::<_, ArchiveError>(())
            }
            .await,
        ),
        Action::GiveAbroadConsent => outcome(
            access
                .change_abroad_consent(
                    archive::model::CrossBorderService::PatientSummary,
                    true,
                    true,
                )
                .await,
        ),
        // Follows the consent above, so there is one to withdraw.
        Action::WithdrawAbroadConsent => outcome(
            access
                .change_abroad_consent(
                    archive::model::CrossBorderService::PatientSummary,
                    false,
                    false,
                )
                .await,
        ),
        // Follows the write above, so there is a testament to withdraw.
        Action::WithdrawOrganDonation => outcome(access.withdraw_organ_donation().await),
        // A real request, with a key of the case's own.
        Action::RequestRenewal => {
            let (rx, organisation, _) = case.renewal;
            outcome(
                access
                    .request_renewal(
                        rx,
                        &archive::model::RenewalForm {
                            organisation,
                            message: None,
                            share_other_prescriptions: false,
                        },
                        // One key per case: each case asks anew.
                        &format!(
                            "matrix-key-{}-case",
                            case.name.replace(|c: char| !c.is_ascii_alphanumeric(), "-")
                        ),
                    )
                    .await,
            )
        }
        Action::ReadWellbeing => outcome(access.wellbeing().await),
        Action::ReadMeasurement => outcome(access.measurement(case.measurement.0).await),
        Action::AddMeasurement => outcome(
            access
                .add_measurement(
                    archive::model::Measure::BodyWeight,
                    &weight_form("72,4"),
                    "6a1f4a52-2d7e-4c4e-9a51-0c7d3c1e0001",
                    &phr::KantaPhr,
                )
                .await,
        ),
        Action::ChangeMeasurement => outcome(
            access
                .change_measurement(case.measurement.0, &case.measurement_form(), &phr::KantaPhr)
                .await,
        ),
        // Follows the change above: the measurement read and changed goes.
        Action::DeleteMeasurement => outcome(access.delete_measurement(case.measurement.0).await),
        Action::ReadPatient => outcome(access.patient_resources().await),
        // The person's own Patient at their patient id, over the version there is (a
        // case of the same person may have written it before).
        Action::WritePatient => {
            let id = access.wellbeing_patient().await.unwrap_or_default();
            let version = access
                .patient_resources()
                .await
                .ok()
                .and_then(|found| found.first().map(|p| p.version));
            outcome(
                access
                    .write_patient(
                        &id,
                        version,
                        r#"{"resourceType":"Patient","name":[{"family":"Matriisi"}]}"#,
                        &phr::KantaPhr,
                    )
                    .await,
            )
        }
        Action::ReadWellbeingSharing => outcome(access.wellbeing_sharing().await),
        Action::ShareWellbeing => outcome(
            access
                .share_wellbeing(
                    archive::model::Grantee::App(case.app),
                    Some(archive::model::Permission::Read),
                )
                .await,
        ),
        // Follows the share above: there is one to withdraw.
        Action::StopSharingWellbeing => outcome(
            access
                .share_wellbeing(archive::model::Grantee::App(case.app), None)
                .await,
        ),
        // Done by the prescription centre or a care organisation, not on anyone's
        // behalf (`providers.rs`); the session's own.
        Action::ProcessRenewal
        | Action::ProviderDocuments
        | Action::ProviderPrescriptions
        | Action::ProviderDeclarations
        | Action::ProviderWellbeing
        | Action::ImportSummary
        | Action::AccessRefused
        | Action::SignIn
        | Action::SignOut
        | Action::ChooseLanguage
        | Action::ListProxies
        | Action::ActFor => return None,
    })
}

/// The actions `run` must run: every one with a section, but the prescription centre's.
fn operations() -> Vec<Action> {
    Action::ALL
        .iter()
        .copied()
        .filter(|a| a.section().is_some() && *a != Action::ProcessRenewal)
        .collect()
}

/// One situation: who acts for whom, the objects the object operations open, and what
/// each gives.
struct Case {
    name: &'static str,
    actor: PersonId,
    subject: PersonId,
    /// `None`: access itself is granted; otherwise the refusal.
    refused: Option<Refusal>,
    /// Whether a relation (a guardianship, a mandate) is registered between them.
    related: bool,
    /// By which right access is granted (the registry decides what it covers).
    holder: Option<Holder>,
    /// The document opened, and what opening it gives.
    document: (DocumentId, Outcome),
    /// The laboratory result whose test's series is read, and what reading it gives.
    lab: (DocumentId, Outcome),
    /// The prescription opened, and what opening it gives.
    prescription: (PrescriptionId, Outcome),
    /// The prescription asked to be renewed, from which unit, and what asking gives.
    renewal: (PrescriptionId, OrganisationId, Outcome),
    /// The appointment opened (and written into a calendar file), and what it gives.
    appointment: (AppointmentId, Outcome),
    /// The social-welfare document opened, and what opening it gives.
    social: (SocialDocumentId, Outcome),
    /// The certificate opened, and what opening it gives.
    certificate: (CertificateId, Outcome),
    /// The wellbeing measurement read, changed and deleted, and what each gives.
    measurement: (MeasurementId, Outcome),
    /// An app in the register, allowed to read and then withdrawn.
    app: archive::model::AppId,
}

/// A body weight as the form sends it, in the past of any clock.
fn weight_form(value: &str) -> archive::model::ReadingForm {
    archive::model::ReadingForm {
        date: "2.1.2020".into(),
        time: "8.00".into(),
        values: vec![value.into()],
    }
}

impl Case {
    /// The form that changes the case's measurement: its own kind's, with values
    /// within every kind's range (blood pressure's two, one for the others).
    fn measurement_form(&self) -> archive::model::ReadingForm {
        archive::model::ReadingForm {
            values: vec!["120".into(), "80".into()],
            ..weight_form("")
        }
    }

    /// The right the audit trail names.
    fn right(&self) -> &'static str {
        match self.holder {
            Some(Holder::Own) => "own",
            Some(Holder::GuardianUnderTen | Holder::GuardianOfTeen) => "guardian",
            Some(Holder::MandateHolder(_)) => "mandate",
            None => "",
        }
    }

    /// What `op` must give: refused where the registry says the right does not reach its
    /// section; otherwise what the case says of its object, or allowed.
    fn expected(&self, op: Action, holder: Holder) -> Outcome {
        let section = op.section().expect("an operation on data has a section");
        if !section.covers(holder) {
            return Outcome::Refused(Refusal::NotCovered);
        }
        // Ella is 15: wellbeing data is hers from 16.
        if section.spec().coverage.own_from_age > 0 && self.subject == ids::TEEN {
            return Outcome::Refused(Refusal::UnderAge);
        }
        match op {
            Action::ReadDocument => self.document.1,
            Action::ReadLabSeries => self.lab.1,
            Action::ReadPrescription => self.prescription.1,
            Action::RequestRenewal => self.renewal.2,
            Action::ReadAppointment | Action::ExportAppointments => self.appointment.1,
            Action::ReadSocialDocument => self.social.1,
            Action::ReadCertificate => self.certificate.1,
            Action::ReadMeasurement | Action::ChangeMeasurement | Action::DeleteMeasurement => {
                self.measurement.1
            }
            _ => Outcome::Allowed,
        }
    }
}

/// A laboratory result of `person`'s test `code` (their newest), from their own view.
async fn lab(t: &TestArchive, person: PersonId, code: &str) -> DocumentId {
    let a = &t.archive;
    let me = a.demo_actor(person).await.expect("actor");
    a.access(&me, person, Purpose::CitizenService)
        .await
        .expect("own")
        .lab_tests()
        .await
        .expect("tests")
        .tests
        .into_iter()
        .find(|l| l.test_code == code)
        .unwrap_or_else(|| panic!("{code}"))
        .latest
        .document
}

/// A person's own view of their prescriptions: the newest, and the first that may be
/// renewed (with the unit that wrote it).
async fn own_prescriptions(
    t: &TestArchive,
    person: PersonId,
) -> (PrescriptionId, (PrescriptionId, OrganisationId)) {
    let a = &t.archive;
    let me = a.demo_actor(person).await.expect("actor");
    let list = a
        .access(&me, person, Purpose::CitizenService)
        .await
        .expect("own")
        .prescriptions()
        .await
        .expect("list");
    let renewable = list
        .iter()
        .find(|p| p.renewal_block.is_none())
        .expect("a renewable prescription");
    (list[0].id, (renewable.id, renewable.organisation.id))
}

/// An appointment of `person` that the service shows (told to the client, of a kind
/// ever shown) and that meets `also`.
async fn shown_appointment(
    a: &archive::Archive,
    person: PersonId,
    also: impl Fn(&archive::inspect::AppointmentMarks) -> bool,
) -> AppointmentId {
    let never: Vec<&str> = archive::model::AppointmentKind::never_shown()
        .map(archive::model::AppointmentKind::code)
        .collect();
    appointment_marks(a, person)
        .await
        .expect("marks")
        .into_iter()
        .find(|m| m.released && !never.contains(&m.kind.as_str()) && also(m))
        .expect("an appointment")
        .id
}

/// A social-welfare document of `person` that the service shows (of a task and kind
/// ever shown) and that meets `also`.
async fn shown_social(
    a: &archive::Archive,
    person: PersonId,
    also: impl Fn(&archive::inspect::SocialMarks) -> bool,
) -> SocialDocumentId {
    social_marks(a, person)
        .await
        .expect("marks")
        .into_iter()
        .find(|m| {
            ServiceTask::from_code(&m.task).is_some_and(ServiceTask::ever_shown)
                && SocialDocumentKind::from_code(&m.kind)
                    .is_some_and(SocialDocumentKind::ever_shown)
                && also(m)
        })
        .expect("a social-welfare document")
        .id
}

/// `person`'s newest measurement of a kind, from their own view.
async fn latest_measurement(t: &TestArchive, person: PersonId, measure: Measure) -> MeasurementId {
    let a = &t.archive;
    let me = a.demo_actor(person).await.expect("actor");
    a.access(&me, person, Purpose::CitizenService)
        .await
        .expect("own")
        .wellbeing()
        .await
        .expect("wellbeing")
        .measures
        .into_iter()
        .find(|m| m.measure == measure)
        .and_then(|m| m.latest)
        .expect("a measurement")
        .id
}

async fn newest_document(t: &TestArchive, person: PersonId) -> DocumentId {
    document_marks(&t.archive, person).await.expect("marks")[0].0
}

async fn check(t: &TestArchive, case: &Case) {
    let a = &t.archive;
    let actor = a.demo_actor(case.actor).await.expect("actor");
    let refusals = |trail: &[archive::inspect::AuditRow], code: &str| {
        trail
            .iter()
            .filter(|e| {
                e.action == "access.refused" && e.actor == Some(case.actor) && e.outcome == code
            })
            .count()
    };
    // An attempt without any registered relation is a security matter: it goes on the
    // actor's own trail ("no-relation"), never onto the subject's.
    let (trail_of, code_of) = if case.related {
        (case.subject, None)
    } else {
        (case.actor, Some("no-relation"))
    };
    let trail = audit_trail(a, trail_of).await.expect("trail");
    let subject_before = audit_trail(a, case.subject).await.expect("trail").len();
    let refused_before: Vec<usize> = Refusal::ALL
        .iter()
        .map(|r| refusals(&trail, code_of.unwrap_or(r.code())))
        .collect();
    match a
        .access(&actor, case.subject, Purpose::CitizenService)
        .await
    {
        Err(ArchiveError::Refused(told)) => {
            let refusal = case.refused.expect("a refused case names its refusal");
            assert_eq!(
                told,
                refusal.as_told(),
                "{}: the actor is told no more than this",
                case.name
            );
            let trail = audit_trail(a, trail_of).await.expect("trail");
            let i = Refusal::ALL
                .iter()
                .position(|r| *r == refusal)
                .expect("known");
            assert_eq!(
                refusals(&trail, code_of.unwrap_or(refusal.code())),
                refused_before[i] + 1,
                "{}: the refusal is audited with its reason",
                case.name
            );
            if !case.related {
                assert_eq!(
                    audit_trail(a, case.subject).await.expect("trail").len(),
                    subject_before,
                    "{}: nothing on the subject's trail",
                    case.name
                );
            }
        }
        Err(e) => panic!("{}: {e}", case.name),
        Ok(access) => {
            assert_eq!(case.refused, None, "{}: access granted", case.name);
            let holder = case.holder.expect("a granted case names its holder");
            assert_eq!(access.right().holder(), holder, "{}", case.name);
            let right = case.right();
            // Events in the same millisecond have no order: count them instead.
            let ours = |trail: &[archive::inspect::AuditRow]| {
                trail
                    .iter()
                    .filter(|e| {
                        e.outcome == "ok" && e.actor == Some(case.actor) && e.right == right
                    })
                    .count()
            };
            let mut ran = Vec::new();
            for &op in Action::ALL {
                let trail = audit_trail(a, case.subject).await.expect("trail");
                let (before, total_before) = (ours(&trail), trail.len());
                let Some(got) = run(&access, op, case).await else {
                    continue;
                };
                ran.push(op);
                assert_eq!(got, case.expected(op, holder), "{}: {op:?}", case.name);
                if got == Outcome::Allowed {
                    let trail = audit_trail(a, case.subject).await.expect("trail");
                    let added = trail.len() - total_before;
                    assert!(added >= 1, "{}: {op:?} left no audit event", case.name);
                    assert_eq!(
                        ours(&trail) - before,
                        added,
                        "{}: {op:?}: every new event names this actor and right",
                        case.name
                    );
                }
            }
            assert_eq!(ran, operations(), "{}: every operation on data", case.name);
        }
    }
}

async fn the_matrix_holds(t: &TestArchive) {
    demo::load_demo(&t.archive).await.expect("demo");
    demo::load_wellbeing(&t.archive, &phr::KantaPhr)
        .await
        .expect("wellbeing");
    let a = &t.archive;
    let today = a.clock().today();
    let adult_measurement = latest_measurement(t, ids::ADULT, Measure::BodyWeight).await;
    let heavy_measurement = latest_measurement(t, ids::HEAVY_USER, Measure::BloodPressure).await;
    let (client, name, maker) = demo::DEMO_APPS[1];
    let app = a.register_app(client, name, maker).await.expect("app");

    // The teen's documents: one from before her tenth birthday, marked not visible
    // (stays visible), one marked visible, one not marked, one marked but denied by her.
    let marks = document_marks(a, ids::TEEN).await.expect("marks");
    let persons = a.demo_persons().await.expect("persons");
    let teen_birth = persons
        .iter()
        .find(|p| p.person == ids::TEEN)
        .expect("teen")
        .birth_date;
    let tenth = teen_birth
        .replace_year(teen_birth.year() + 10)
        .expect("date")
        .to_string();
    let after: Vec<DocumentId> = marks.iter().filter(|m| m.1 >= tenth).map(|m| m.0).collect();
    let before_ten = marks
        .iter()
        .find(|m| m.1 < tenth)
        .expect("a document from before ten")
        .0;
    let (visible, unmarked, denied) = (after[0], after[1], after[2]);
    mark_document(a, ids::TEEN, before_ten, false, false)
        .await
        .expect("mark");
    mark_document(a, ids::TEEN, visible, true, false)
        .await
        .expect("mark");
    mark_document(a, ids::TEEN, unmarked, false, false)
        .await
        .expect("mark");
    mark_document(a, ids::TEEN, denied, true, true)
        .await
        .expect("mark");

    // The teen's thyroid test was taken after her tenth birthday and is not marked
    // visible to guardians: her own.
    let teen = a.demo_actor(ids::TEEN).await.expect("actor");
    let tsh = a
        .access(&teen, ids::TEEN, Purpose::CitizenService)
        .await
        .expect("own")
        .lab_series(lab(t, ids::TEEN, "P-TSH").await)
        .await
        .expect("the teen's own series");
    for point in &tsh.points {
        assert!(point.taken_at.date().to_string() >= tenth, "after ten");
        mark_document(a, ids::TEEN, point.document, false, false)
            .await
            .expect("mark");
    }

    let adult_doc = newest_document(t, ids::ADULT).await;
    let heavy_doc = newest_document(t, ids::HEAVY_USER).await;
    let child_doc = newest_document(t, ids::CHILD).await;
    let elder_doc = newest_document(t, ids::ELDER).await;
    let adult_crp = lab(t, ids::ADULT, "P-CRP").await;
    let heavy_alat = lab(t, ids::HEAVY_USER, "P-ALAT").await;
    let child_crp = lab(t, ids::CHILD, "P-CRP").await;
    // The teen's first CRP result, from before her tenth birthday: her guardian sees it.
    let teen_crp = {
        let newest = lab(t, ids::TEEN, "P-CRP").await;
        let series = a
            .access(&teen, ids::TEEN, Purpose::CitizenService)
            .await
            .expect("own")
            .lab_series(newest)
            .await
            .expect("series");
        let first = &series.points[0];
        assert!(first.taken_at.date().to_string() < tenth, "before ten");
        first.document
    };
    let teen_tsh = lab(t, ids::TEEN, "P-TSH").await;
    let elder_k = lab(t, ids::ELDER, "P-K").await;
    let (adult_rx, adult_renewal) = own_prescriptions(t, ids::ADULT).await;
    let (heavy_rx, heavy_renewal) = own_prescriptions(t, ids::HEAVY_USER).await;
    let (child_rx, child_renewal) = own_prescriptions(t, ids::CHILD).await;
    let (teen_rx, teen_renewal) = own_prescriptions(t, ids::TEEN).await;
    let (elder_rx, elder_renewal) = own_prescriptions(t, ids::ELDER).await;
    let adult_appt = shown_appointment(a, ids::ADULT, |_| true).await;
    let heavy_appt = shown_appointment(a, ids::HEAVY_USER, |_| true).await;
    let child_appt = shown_appointment(a, ids::CHILD, |_| true).await;
    let elder_appt = shown_appointment(a, ids::ELDER, |_| true).await;
    let teen_appt_visible = shown_appointment(a, ids::TEEN, |m| m.visible_to_guardian).await;
    let teen_appt_own = shown_appointment(a, ids::TEEN, |m| !m.visible_to_guardian).await;
    let elder_social = shown_social(a, ids::ELDER, |_| true).await;
    let certificates = |person| async move { certificate_marks(a, person).await.expect("marks") };
    let adult_cert = certificates(ids::ADULT).await[0].0;
    let heavy_cert = certificates(ids::HEAVY_USER).await[0].0;
    let child_cert = certificates(ids::CHILD).await[0].0;
    let elder_cert = certificates(ids::ELDER).await[0].0;
    let teen_certs = certificates(ids::TEEN).await;
    let teen_cert_before_ten = teen_certs
        .iter()
        .find(|c| c.1 < tenth)
        .expect("a certificate from before ten")
        .0;
    let teen_cert_own = teen_certs
        .iter()
        .find(|c| c.1 >= tenth && !c.2)
        .expect("a certificate of her own")
        .0;
    let teen_social_visible = shown_social(a, ids::TEEN, |m| m.visible_to_guardian).await;
    let teen_social_own = shown_social(a, ids::TEEN, |m| !m.visible_to_guardian).await;
    use Outcome::{Allowed, NotFound};
    // A renewal asked for in an earlier case of the same person is still open.
    const OPEN: Outcome = Outcome::Blocked("renewal-already-requested");
    let granted = |name,
                   actor,
                   subject,
                   holder,
                   document,
                   lab,
                   prescription,
                   renewal: ((PrescriptionId, OrganisationId), Outcome),
                   appointment,
                   social,
                   certificate| Case {
        name,
        actor,
        subject,
        refused: None,
        related: true,
        holder: Some(holder),
        document,
        lab,
        prescription,
        renewal: (renewal.0 .0, renewal.0 .1, renewal.1),
        appointment,
        social,
        certificate,
        // Another's: none but the person reaches it.
        measurement: (heavy_measurement, NotFound),
        app,
    };
    let refused = |name, actor, subject, refusal| Case {
        name,
        actor,
        subject,
        refused: Some(refusal),
        related: true,
        holder: None,
        document: (adult_doc, NotFound),
        lab: (adult_crp, NotFound),
        prescription: (adult_rx, NotFound),
        renewal: (adult_renewal.0, adult_renewal.1, NotFound),
        appointment: (adult_appt, NotFound),
        social: (elder_social, NotFound),
        certificate: (adult_cert, NotFound),
        measurement: (adult_measurement, NotFound),
        app,
    };
    let open = [
        Case {
            measurement: (adult_measurement, Allowed),
            ..granted(
                "self",
                ids::ADULT,
                ids::ADULT,
                Holder::Own,
                (adult_doc, Allowed),
                (adult_crp, Allowed),
                (adult_rx, Allowed),
                (adult_renewal, Allowed),
                (adult_appt, Allowed),
                (elder_social, NotFound),
                (adult_cert, Allowed),
            )
        },
        granted(
            "self, another's document, test and prescriptions",
            ids::ADULT,
            ids::ADULT,
            Holder::Own,
            (heavy_doc, NotFound),
            (heavy_alat, NotFound),
            (heavy_rx, NotFound),
            (heavy_renewal, NotFound),
            (heavy_appt, NotFound),
            (teen_social_visible, NotFound),
            (heavy_cert, NotFound),
        ),
        Case {
            related: false,
            ..refused("stranger", ids::ADULT, ids::HEAVY_USER, Refusal::NoRight)
        },
        granted(
            "guardian, child under 10",
            ids::GUARDIAN,
            ids::CHILD,
            Holder::GuardianUnderTen,
            (child_doc, Allowed),
            (child_crp, Allowed),
            (child_rx, Allowed),
            (child_renewal, Allowed),
            (child_appt, Allowed),
            (teen_social_visible, NotFound),
            (child_cert, Allowed),
        ),
        granted(
            "guardian of a teen, visible document",
            ids::GUARDIAN,
            ids::TEEN,
            Holder::GuardianOfTeen,
            (visible, Allowed),
            (teen_crp, Allowed),
            (teen_rx, Allowed),
            (teen_renewal, Allowed),
            (teen_appt_visible, Allowed),
            (teen_social_visible, Allowed),
            (teen_cert_before_ten, Allowed),
        ),
        granted(
            "guardian of a teen, not marked",
            ids::GUARDIAN,
            ids::TEEN,
            Holder::GuardianOfTeen,
            (unmarked, NotFound),
            (teen_tsh, NotFound),
            (teen_rx, Allowed),
            (teen_renewal, OPEN),
            (teen_appt_own, NotFound),
            (teen_social_own, NotFound),
            (teen_cert_own, NotFound),
        ),
        granted(
            "guardian of a teen, denied by the minor",
            ids::GUARDIAN,
            ids::TEEN,
            Holder::GuardianOfTeen,
            (denied, NotFound),
            (teen_tsh, NotFound),
            (teen_rx, Allowed),
            (teen_renewal, OPEN),
            (teen_appt_own, NotFound),
            (teen_social_own, NotFound),
            (teen_cert_own, NotFound),
        ),
        granted(
            "guardian of a teen, recorded before 10",
            ids::GUARDIAN,
            ids::TEEN,
            Holder::GuardianOfTeen,
            (before_ten, Allowed),
            (teen_crp, Allowed),
            (teen_rx, Allowed),
            (teen_renewal, OPEN),
            (teen_appt_visible, Allowed),
            (teen_social_visible, Allowed),
            (teen_cert_before_ten, Allowed),
        ),
        granted(
            "the teen herself, not marked",
            ids::TEEN,
            ids::TEEN,
            Holder::Own,
            (unmarked, Allowed),
            (teen_tsh, Allowed),
            (teen_rx, Allowed),
            (teen_renewal, OPEN),
            (teen_appt_own, Allowed),
            (teen_social_own, Allowed),
            (teen_cert_own, Allowed),
        ),
        Case {
            related: false,
            ..refused(
                "a child is not the guardian's guardian",
                ids::CHILD,
                ids::GUARDIAN,
                Refusal::NoRight,
            )
        },
        granted(
            "mandate holder in scope",
            ids::ADULT,
            ids::ELDER,
            Holder::MandateHolder(Scopes::HEALTH_CARE.with(MandateScope::SocialWelfare)),
            (elder_doc, Allowed),
            (elder_k, Allowed),
            (elder_rx, Allowed),
            (elder_renewal, Allowed),
            (elder_appt, Allowed),
            (elder_social, Allowed),
            (elder_cert, Allowed),
        ),
        Case {
            related: false,
            ..refused(
                "the principal does not hold the holder's mandate",
                ids::ELDER,
                ids::ADULT,
                Refusal::NoRight,
            )
        },
    ];
    for c in &open {
        check(t, c).await;
    }

    // The guardian sees exactly the teen's documents the rule allows.
    let laura = a.demo_actor(ids::GUARDIAN).await.expect("actor");
    let as_guardian = a
        .access(&laura, ids::TEEN, Purpose::CitizenService)
        .await
        .expect("guardian");
    let seen = as_guardian
        .health_records(&RecordFilter::default(), None, MAX_PAGE)
        .await
        .expect("list")
        .documents
        .items;
    let marks = document_marks(a, ids::TEEN).await.expect("marks");
    let expected: Vec<DocumentId> = marks
        .iter()
        .filter(|m| m.1 < tenth || (m.2 && !m.3))
        .map(|m| m.0)
        .collect();
    assert_eq!(seen.iter().map(|d| d.id()).collect::<Vec<_>>(), expected);
    assert!(
        expected.len() < marks.len(),
        "some documents are the teen's alone"
    );

    // Each block refuses the guardian.
    for (name, person, in_care, non_disclosure, court, refusal) in [
        (
            "guardian has a court-appointed guardian",
            ids::GUARDIAN,
            false,
            false,
            true,
            Refusal::GuardianUnderGuardianship,
        ),
        (
            "guardian has a non-disclosure order",
            ids::GUARDIAN,
            false,
            true,
            false,
            Refusal::NonDisclosure,
        ),
        (
            "child has a non-disclosure order",
            ids::CHILD,
            false,
            true,
            false,
            Refusal::NonDisclosure,
        ),
        (
            "child taken into care",
            ids::CHILD,
            true,
            false,
            false,
            Refusal::ChildInCare,
        ),
    ] {
        set_person_flags(a, person, in_care, non_disclosure, court)
            .await
            .expect("flags");
        check(t, &refused(name, ids::GUARDIAN, ids::CHILD, refusal)).await;
        set_person_flags(a, person, false, false, false)
            .await
            .expect("flags");
    }

    // A mandate from a minor gives no right: a minor's matters go through the guardian.
    set_mandate(
        a,
        ids::TEEN,
        ids::ADULT,
        HEALTH_CARE_SCOPE,
        today - Duration::days(10),
        today + Duration::days(10),
    )
    .await
    .expect("mandate");
    check(
        t,
        &refused(
            "a mandate from a minor",
            ids::ADULT,
            ids::TEEN,
            Refusal::NoRight,
        ),
    )
    .await;

    // The mandate: out of scope, before its start, after its end, on its last day.
    for (name, scope, from, until, refusal) in [
        (
            "mandate out of scope",
            "taxation",
            today - Duration::days(10),
            today + Duration::days(10),
            Some(Refusal::MandateOutOfScope),
        ),
        (
            "mandate before its start",
            HEALTH_CARE_SCOPE,
            today + Duration::days(1),
            today + Duration::days(10),
            Some(Refusal::MandateNotStarted),
        ),
        (
            "mandate after its end",
            HEALTH_CARE_SCOPE,
            today - Duration::days(10),
            today - Duration::days(1),
            Some(Refusal::MandateEnded),
        ),
        (
            "mandate on its last day",
            HEALTH_CARE_SCOPE,
            today - Duration::days(10),
            today,
            None,
        ),
        // Opens social welfare only: health records, prescriptions and appointments
        // are refused as not covered (the registry), social welfare allowed.
        (
            "social-welfare mandate only",
            SOCIAL_WELFARE_SCOPE,
            today - Duration::days(10),
            today + Duration::days(10),
            None,
        ),
    ] {
        set_mandate(a, ids::ELDER, ids::ADULT, scope, from, until)
            .await
            .expect("mandate");
        let case = match refusal {
            Some(refusal) => refused(name, ids::ADULT, ids::ELDER, refusal),
            // The renewal asked for in scope is still open.
            None => granted(
                name,
                ids::ADULT,
                ids::ELDER,
                Holder::MandateHolder(Scopes::of(
                    MandateScope::from_code(scope).expect("a scope the service knows"),
                )),
                (elder_doc, Allowed),
                (elder_k, Allowed),
                (elder_rx, Allowed),
                (elder_renewal, OPEN),
                (elder_appt, Allowed),
                (elder_social, Allowed),
                (elder_cert, Allowed),
            ),
        };
        check(t, &case).await;
    }
}

on_both!(access_matrix, the_matrix_holds);

async fn a_document_that_says_nothing_is_not_shown_to_a_teens_guardian(t: &TestArchive) {
    demo::load_demo(&t.archive).await.expect("demo");
    let a = &t.archive;
    let today = a.clock().today();
    let new = archive::inspect::record_unmarked_document(
        a,
        ids::TEEN,
        9_000_000_001,
        &format!("{today}T09:00"),
    )
    .await
    .expect("recorded");
    let laura = a.demo_actor(ids::GUARDIAN).await.expect("actor");
    let as_guardian = a
        .access(&laura, ids::TEEN, Purpose::CitizenService)
        .await
        .expect("guardian");
    assert!(
        matches!(as_guardian.document(new).await, Err(ArchiveError::NotFound)),
        "not marked visible: not shown"
    );
    let ella = a.demo_actor(ids::TEEN).await.expect("actor");
    let own = a
        .access(&ella, ids::TEEN, Purpose::CitizenService)
        .await
        .expect("own");
    assert!(own.document(new).await.is_ok(), "the teen sees her own");
}
on_both!(
    unmarked_is_hidden_from_a_guardian,
    a_document_that_says_nothing_is_not_shown_to_a_teens_guardian
);

async fn a_guardianship_ends_at_eighteen_and_the_teen_becomes_ten_on_her_birthday(t: &TestArchive) {
    demo::load_demo(&t.archive).await.expect("demo");
    let a = &t.archive;
    let laura = a.demo_actor(ids::GUARDIAN).await.expect("actor");
    let persons = a.demo_persons().await.expect("persons");
    let eetu_birth = persons
        .iter()
        .find(|p| p.person == ids::CHILD)
        .expect("child")
        .birth_date;
    let right = a
        .access(&laura, ids::CHILD, Purpose::CitizenService)
        .await
        .expect("guardian")
        .right();
    assert!(matches!(
        right,
        archive::Right::Guardian { child_age: 7, .. }
    ));
    // Move the clock to the eve of Eetu's tenth birthday, and then to the day.
    let eve = eetu_birth
        .replace_year(eetu_birth.year() + 10)
        .expect("date")
        - Duration::days(1);
    let now = a.clock().now();
    let to_eve = eve.midpoint_noon_utc() - now;
    t.clock.advance(to_eve);
    let right = a
        .access(&laura, ids::CHILD, Purpose::CitizenService)
        .await
        .expect("guardian")
        .right();
    assert_eq!(
        right.document_rule(),
        archive::rights::DocumentRule::All,
        "still nine"
    );
    t.clock.advance(Duration::days(1));
    let right = a
        .access(&laura, ids::CHILD, Purpose::CitizenService)
        .await
        .expect("guardian")
        .right();
    assert_ne!(
        right.document_rule(),
        archive::rights::DocumentRule::All,
        "ten today"
    );
    // Eight more years: Eetu is an adult and Laura's right has ended.
    t.clock.advance(Duration::days(8 * 366));
    assert!(matches!(
        a.access(&laura, ids::CHILD, Purpose::CitizenService).await,
        Err(ArchiveError::Refused(Refusal::NoRight))
    ));
}

trait Noon {
    fn midpoint_noon_utc(self) -> time::OffsetDateTime;
}

impl Noon for time::Date {
    fn midpoint_noon_utc(self) -> time::OffsetDateTime {
        self.with_hms(10, 0, 0).expect("time").assume_utc()
    }
}

on_both!(
    ages_move_with_the_clock,
    a_guardianship_ends_at_eighteen_and_the_teen_becomes_ten_on_her_birthday
);

async fn proxies_switch_and_the_principal_sees_what_they_did(t: &TestArchive) {
    demo::load_demo(&t.archive).await.expect("demo");
    let a = &t.archive;
    let aino = a.demo_actor(ids::ADULT).await.expect("actor");
    let first = a.start_session(&aino).await.expect("session");
    let options = a
        .proxy_options(&aino, &first)
        .await
        .expect("options")
        .options;
    assert_eq!(options.len(), 1);
    assert_eq!(options[0].display_name, "Helvi Virtanen");
    assert_eq!(options[0].right, Some(archive::model::RightKind::Mandate));
    assert!(
        !options[0].handle.contains(&ids::ELDER.to_string()),
        "a handle, not an id"
    );
    let laura = a.demo_actor(ids::GUARDIAN).await.expect("actor");
    let lauras = a.start_session(&laura).await.expect("session");
    let options = a
        .proxy_options(&laura, &lauras)
        .await
        .expect("options")
        .options;
    assert_eq!(
        options
            .iter()
            .map(|o| o.display_name.as_str())
            .collect::<Vec<_>>(),
        ["Ella Nieminen", "Eetu Nieminen"]
    );
    let other_session = a.start_session(&laura).await.expect("session");
    assert_ne!(
        a.proxy_options(&laura, &other_session)
            .await
            .expect("options")
            .options[0]
            .handle,
        options[0].handle,
        "handles differ by session"
    );

    // Switching starts a new session acting for Helvi; the old one is gone.
    let helvi_handle = a
        .proxy_options(&aino, &first)
        .await
        .expect("options")
        .options[0]
        .handle
        .clone();
    let second = a
        .switch_acting_for(&first, &aino, archive::ActFor::Handle(&helvi_handle))
        .await
        .expect("switch");
    assert_ne!(first, second);
    assert!(a
        .resume_session(&first, archive::SessionLimits::default())
        .await
        .expect("lookup")
        .is_none());
    let (_, who) = a
        .resume_session(&second, archive::SessionLimits::default())
        .await
        .expect("lookup")
        .expect("live");
    assert_eq!(who.acting_for.map(|f| f.person), Some(ids::ELDER));
    // Nobody can switch to someone they have no relation to, whatever the form says:
    // the attempt is on Aino's own trail, not on anyone else's.
    let heavy_before = audit_trail(a, ids::HEAVY_USER).await.expect("trail").len();
    assert!(matches!(
        a.switch_acting_for(
            &second,
            &aino,
            archive::ActFor::Handle(&ids::HEAVY_USER.to_string())
        )
        .await,
        Err(ArchiveError::Refused(Refusal::NoRight))
    ));
    assert!(
        matches!(
            a.switch_acting_for(&second, &aino, archive::ActFor::Handle(&helvi_handle))
                .await,
            Err(ArchiveError::Refused(Refusal::NoRight))
        ),
        "a handle of another session names no one"
    );
    assert_eq!(
        audit_trail(a, ids::HEAVY_USER).await.expect("trail").len(),
        heavy_before
    );
    assert!(audit_trail(a, ids::ADULT)
        .await
        .expect("trail")
        .iter()
        .any(|e| e.outcome == "no-relation"));

    // Aino reads Helvi's records; Helvi's disclosure log shows it, by mandate.
    let as_proxy = a
        .access(&aino, ids::ELDER, Purpose::CitizenService)
        .await
        .expect("mandate");
    as_proxy
        .health_records(&RecordFilter::default(), None, 10)
        .await
        .expect("list");
    let helvi = a.demo_actor(ids::ELDER).await.expect("actor");
    let log = a
        .access(&helvi, ids::ELDER, Purpose::CitizenService)
        .await
        .expect("own")
        .disclosure_log(&archive::model::LogFilter::default(), None, 100)
        .await
        .expect("log");
    assert!(log.actions.iter().any(|e| e.actor_name == "Aino Virtanen"
        && e.right == Some(archive::model::RightKind::Mandate)
        && e.action == Action::ListRecords));
    assert!(log.actions.iter().any(|e| e.action == Action::ActFor));
    assert!(
        log.actions.iter().all(|e| e.actor_name != "Helvi Virtanen"),
        "her own reads are not disclosures"
    );
}
on_both!(
    proxies_and_the_log,
    proxies_switch_and_the_principal_sees_what_they_did
);

async fn imported_relations_give_rights(t: &TestArchive) {
    demo::load_demo(&t.archive).await.expect("demo");
    let a = &t.archive;
    let identities = a.demo_identities().await.expect("identities");
    let code = |id: PersonId| {
        identities
            .iter()
            .find(|(p, _)| *p == id)
            .expect("person")
            .1
            .as_str()
            .to_owned()
    };
    let today = a.clock().today();
    let text = format!(
        "# Mikko becomes Aino's guardian (as if), and Johan holds a mandate from Mikko\n\
         guardian,{},{}\n\
         mandate,{},{},health-care,{},{}\n",
        code(ids::HEAVY_USER),
        code(ids::CHILD),
        code(ids::HEAVY_USER),
        code(ids::SWEDISH),
        today - Duration::days(1),
        today + Duration::days(30),
    );
    let relations = archive::relations::parse(&text).expect("valid");
    assert_eq!(a.import_relations(&relations).await.expect("import"), 2);
    assert_eq!(
        a.import_relations(&relations[..1]).await.expect("again"),
        0,
        "a guardianship is added once"
    );
    let mikko = a.demo_actor(ids::HEAVY_USER).await.expect("actor");
    assert!(a
        .access(&mikko, ids::CHILD, Purpose::CitizenService)
        .await
        .is_ok());
    let johan = a.demo_actor(ids::SWEDISH).await.expect("actor");
    assert!(a
        .access(&johan, ids::HEAVY_USER, Purpose::CitizenService)
        .await
        .is_ok());
    // A person not in the archive: nothing of the batch is added.
    let stranger = archive::hetu::Hetu::parse("131052-308T").expect("valid");
    let bad = vec![archive::relations::Relation::Guardian {
        guardian: stranger.clone(),
        child: stranger,
    }];
    assert!(matches!(
        a.import_relations(&bad).await,
        Err(ArchiveError::NotFound)
    ));
}
on_both!(import, imported_relations_give_rights);

/// Collects what the process logs while a test asks for it (SQLite's driver logs from
/// its own thread, so the collector is the process's): the tests share one binary, and
/// the others' statements are not kept while nobody reads them.
#[derive(Clone, Default)]
struct Captured(std::sync::Arc<std::sync::Mutex<Vec<u8>>>);

/// How many tests are reading the log now.
static CAPTURING: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// While it lives, the log is collected.
struct Capturing;

impl Drop for Capturing {
    fn drop(&mut self) {
        CAPTURING.fetch_sub(1, std::sync::atomic::Ordering::SeqCst);
    }
}

fn captured_log() -> (Captured, Capturing) {
    use tracing_subscriber::layer::SubscriberExt;
    use tracing_subscriber::Layer;
    static LOG: std::sync::OnceLock<Captured> = std::sync::OnceLock::new();
    let captured = LOG
        .get_or_init(|| {
            let captured = Captured::default();
            let writer = captured.clone();
            tracing::subscriber::set_global_default(
                tracing_subscriber::registry().with(
                    tracing_subscriber::fmt::layer()
                        .with_writer(move || writer.clone())
                        .with_filter(tracing_subscriber::filter::filter_fn(|_| {
                            CAPTURING.load(std::sync::atomic::Ordering::SeqCst) > 0
                        })),
                ),
            )
            .expect("the only subscriber");
            captured
        })
        .clone();
    CAPTURING.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    (captured, Capturing)
}

impl std::io::Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().expect("lock").extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

async fn the_childs_tenth_birthday_is_bound_never_written_into_sql(t: &TestArchive) {
    demo::load_demo(&t.archive).await.expect("demo");
    let a = &t.archive;
    let teen_birth = a
        .demo_persons()
        .await
        .expect("persons")
        .into_iter()
        .find(|p| p.person == ids::TEEN)
        .expect("teen")
        .birth_date;
    let tenth = teen_birth
        .replace_year(teen_birth.year() + 10)
        .expect("date")
        .to_string();
    let (captured, _capturing) = captured_log();
    let from = captured.0.lock().expect("lock").len();
    let laura = a.demo_actor(ids::GUARDIAN).await.expect("actor");
    let as_guardian = a
        .access(&laura, ids::TEEN, Purpose::CitizenService)
        .await
        .expect("guardian");
    as_guardian
        .health_records(&RecordFilter::default(), None, 10)
        .await
        .expect("list");
    as_guardian.prescriptions().await.expect("prescriptions");
    let log = String::from_utf8_lossy(&captured.0.lock().expect("lock")[from..]).into_owned();
    assert!(
        log.contains("guardian_may_see"),
        "the statements are logged"
    );
    assert!(!log.contains(&tenth), "the birthday in a logged statement");
}
on_both!(
    tenth_birthday_bound,
    the_childs_tenth_birthday_is_bound_never_written_into_sql
);

async fn a_mandate_s_end_is_told_to_its_holder_and_its_giver_from_thirty_days_before(
    t: &TestArchive,
) {
    demo::load_demo(&t.archive).await.expect("demo");
    let a = &t.archive;
    let today = a.clock().today();
    let overview = |person| async move {
        let actor = a.demo_actor(person).await.expect("actor");
        let session = a.start_session(&actor).await.expect("session");
        a.proxy_options(&actor, &session).await.expect("overview")
    };
    // Johan's mandate to Mikko ends in 20 days: both are told the day.
    let mikko = overview(ids::HEAVY_USER).await;
    let johan = mikko
        .options
        .iter()
        .find(|o| o.display_name == "Johan Lindqvist")
        .expect("Johan");
    let ends = today + Duration::days(20);
    assert_eq!(johan.ends_on, Some(ends));
    let given = overview(ids::SWEDISH).await.mandates_ending;
    assert_eq!(given.len(), 1);
    assert_eq!(
        (given[0].holder_name.as_str(), given[0].ends_on),
        ("Mikko Korhonen", ends)
    );
    // Helvi's to Aino lasts three years: nothing to tell either of them.
    assert!(overview(ids::ADULT)
        .await
        .options
        .iter()
        .all(|o| o.ends_on.is_none()));
    assert!(overview(ids::ELDER).await.mandates_ending.is_empty());
    // Looking is recorded on the looker's own trail.
    let trail = audit_trail(a, ids::SWEDISH).await.expect("trail");
    assert!(trail.iter().any(|e| e.action == "proxies.list"));
    // After its last day it is neither a right nor announced.
    t.clock.advance(Duration::days(21));
    let mikko = overview(ids::HEAVY_USER).await;
    let johan = mikko
        .options
        .iter()
        .find(|o| o.display_name == "Johan Lindqvist")
        .expect("Johan");
    assert_eq!((johan.right, johan.ends_on), (None, None));
    assert!(overview(ids::SWEDISH).await.mandates_ending.is_empty());
}
on_both!(
    mandate_end_is_announced,
    a_mandate_s_end_is_told_to_its_holder_and_its_giver_from_thirty_days_before
);
