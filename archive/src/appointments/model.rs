//! Appointments as the person sees them: what a provider booked and told them of.
//! Shared with the web side.

use serde::{Deserialize, Serialize};
use time::{Date, Duration, PrimitiveDateTime};

use crate::model::{id_type, Language, OrganisationRef};

id_type!(
    /// An appointment of one person.
    AppointmentId
);

/// What an appointment is for, as the provider booked it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AppointmentKind {
    DoctorVisit,
    NurseVisit,
    Laboratory,
    Imaging,
    Vaccination,
    Physiotherapy,
    OralHealth,
    /// A child health clinic's (neuvola) check-up.
    ChildHealthClinic,
    FollowUp,
    /// Psychiatric care: never shown in the service (the provider handles it).
    Psychiatry,
    /// Clinical genetics: never shown in the service.
    ClinicalGenetics,
}

crate::codes! {
    /// The stored code, also the end of its message id.
    AppointmentKind {
        DoctorVisit => "doctor-visit",
        NurseVisit => "nurse-visit",
        Laboratory => "laboratory",
        Imaging => "imaging",
        Vaccination => "vaccination",
        Physiotherapy => "physiotherapy",
        OralHealth => "oral-health",
        ChildHealthClinic => "child-health-clinic",
        FollowUp => "follow-up",
        Psychiatry => "psychiatry",
        ClinicalGenetics => "clinical-genetics",
    }
}

impl AppointmentKind {
    /// Whether appointments of this kind are ever shown to the citizen: psychiatric and
    /// clinical-genetics appointments are not (OmaKanta leaves them to the provider).
    #[must_use]
    pub const fn ever_shown(self) -> bool {
        !matches!(self, Self::Psychiatry | Self::ClinicalGenetics)
    }

    /// The kinds never shown, for the archive's queries.
    pub fn never_shown() -> impl Iterator<Item = Self> {
        Self::ALL.iter().copied().filter(|k| !k.ever_shown())
    }
}

/// How the person attends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AttendanceMode {
    InPerson,
    Phone,
    Video,
}

crate::codes! {
    /// The stored code, also the end of its message id.
    AttendanceMode {
        InPerson => "in-person",
        Phone => "phone",
        Video => "video",
    }
}

/// Who the person meets, by profession (never a name: the provider may change who).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ProfessionalRole {
    Doctor,
    Nurse,
    PublicHealthNurse,
    LaboratoryNurse,
    Radiographer,
    Physiotherapist,
    Dentist,
    DentalHygienist,
}

crate::codes! {
    /// The stored code, also the end of its message id.
    ProfessionalRole {
        Doctor => "doctor",
        Nurse => "nurse",
        PublicHealthNurse => "public-health-nurse",
        LaboratoryNurse => "laboratory-nurse",
        Radiographer => "radiographer",
        Physiotherapist => "physiotherapist",
        Dentist => "dentist",
        DentalHygienist => "dental-hygienist",
    }
}

/// A link given by a provider, kept only when it is an `https` address: a page links
/// to it, and anything else (a `javascript:` address, a typo) must never be a link.
#[must_use]
pub fn safe_link(url: &str) -> Option<String> {
    let url = url.trim();
    let rest = url.strip_prefix("https://")?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let well_formed = !host.is_empty()
        && host
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-' || b == b':')
        && !url
            .bytes()
            .any(|b| b.is_ascii_whitespace() || b.is_ascii_control() || b == b'"' || b == b'<');
    well_formed.then(|| url.to_owned())
}

/// One appointment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Appointment {
    pub id: AppointmentId,
    /// Finnish time.
    pub starts_at: PrimitiveDateTime,
    pub minutes: i64,
    pub kind: AppointmentKind,
    pub mode: AttendanceMode,
    pub role: ProfessionalRole,
    pub organisation: OrganisationRef,
    pub unit: String,
    /// The unit's street address, when the provider gave one.
    pub address: Option<String>,
    /// The address to join a video appointment (`https` only).
    pub join_link: Option<String>,
    /// How to prepare, as the provider wrote it, in `language`.
    pub preparation: Option<String>,
    pub language: Language,
    pub booking_reference: String,
    /// The provider's booking service, where the appointment is cancelled or moved
    /// (`https` only; `None` when the provider gave none that is).
    pub booking_service: Option<String>,
}

impl Appointment {
    /// When it ends (Finnish time).
    #[must_use]
    pub fn ends_at(&self) -> PrimitiveDateTime {
        self.starts_at + Duration::minutes(self.minutes)
    }

    /// The host of the booking service, to say where its link leads.
    #[must_use]
    pub fn booking_host(&self) -> Option<&str> {
        let url = self.booking_service.as_deref()?;
        url.strip_prefix("https://")?.split(['/', '?', '#']).next()
    }
}

/// How far back past appointments are listed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PastPeriod {
    ThreeMonths,
    #[default]
    Year,
    ThreeYears,
    All,
}

crate::codes! {
    /// The code the address carries (`?past=3y`), also its message id's end.
    PastPeriod {
        ThreeMonths => "3m",
        Year => "1y",
        ThreeYears => "3y",
        All => "all",
    }
}

impl PastPeriod {
    /// The first day of the period that ends `today`; `None` for all.
    #[must_use]
    pub fn since(self, today: Date) -> Option<Date> {
        let months_back = |n: u8| {
            let mut d = today;
            for _ in 0..n {
                d = d
                    .replace_day(1)
                    .ok()
                    .and_then(|first| first.previous_day())
                    .and_then(|end| end.replace_day(today.day().min(end.day())).ok())
                    .unwrap_or(d);
            }
            d
        };
        match self {
            Self::ThreeMonths => Some(months_back(3)),
            Self::Year => Some(months_back(12)),
            Self::ThreeYears => Some(months_back(36)),
            Self::All => None,
        }
    }
}

/// The most past appointments one list shows; a longer period says there are more.
pub const MAX_PAST: usize = 200;

/// The person's appointments: those to come, nearest first; those past within a
/// period, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Appointments {
    pub upcoming: Vec<Appointment>,
    pub past: Vec<Appointment>,
    pub period: PastPeriod,
    /// More past appointments in the period than [`MAX_PAST`]: a shorter period shows
    /// the rest.
    pub more_past: bool,
}

/// Appointments booked since the previous visit, and the next one to come.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AppointmentsNews {
    pub booked: i64,
    /// When the next one starts (Finnish time).
    pub next: Option<PrimitiveDateTime>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn only_https_links_are_kept() {
        assert_eq!(
            safe_link("https://ajanvaraus.example.fi/omat?id=1").as_deref(),
            Some("https://ajanvaraus.example.fi/omat?id=1")
        );
        for bad in [
            "javascript:alert(1)",
            "http://ajanvaraus.example.fi",
            "https://",
            "https://a b.fi",
            "https://x.fi/\"onmouseover=",
            " JAVASCRIPT:alert(1)",
            "data:text/html,<script>",
        ] {
            assert_eq!(safe_link(bad), None, "{bad}");
        }
    }

    #[test]
    fn psychiatric_and_clinical_genetics_appointments_are_never_shown() {
        let never: Vec<_> = AppointmentKind::never_shown().collect();
        assert_eq!(
            never,
            [
                AppointmentKind::Psychiatry,
                AppointmentKind::ClinicalGenetics
            ]
        );
    }

    #[test]
    fn a_period_reaches_back_by_calendar_months() {
        let today = date!(2026 - 12 - 06);
        assert_eq!(
            PastPeriod::ThreeMonths.since(today),
            Some(date!(2026 - 09 - 06))
        );
        assert_eq!(PastPeriod::Year.since(today), Some(date!(2025 - 12 - 06)));
        assert_eq!(
            PastPeriod::ThreeYears.since(today),
            Some(date!(2023 - 12 - 06))
        );
        assert_eq!(PastPeriod::All.since(today), None);
        // The 31st of a month that a shorter month precedes.
        assert_eq!(
            PastPeriod::ThreeMonths.since(date!(2026 - 05 - 31)),
            Some(date!(2026 - 02 - 28))
        );
    }
}
