//! Certificates and statements as the person sees them. Shared with the web side.

use serde::{Deserialize, Serialize};
use time::PrimitiveDateTime;

use crate::model::{id_type, Language, OrganisationRef};

id_type!(
    /// A certificate or statement of one person.
    CertificateId
);

/// Who a certificate is forwarded to through Kanta.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Recipient {
    /// The Social Insurance Institution of Finland.
    Kela,
    /// The Finnish Transport and Communications Agency (driving licences).
    Traficom,
}

crate::codes! {
    /// The stored code, also the end of its message id.
    Recipient {
        Kela => "kela",
        Traficom => "traficom",
    }
}

/// The form a certificate is written on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CertificateForm {
    /// Medical certificate A (Kela SV 6): a short incapacity for work.
    Sv6,
    /// Medical statement B (Kela SV 7): a detailed account, for longer absences,
    /// rehabilitation or medicine reimbursement.
    Sv7,
    /// Medical certificate D (Kela SV 10): special care allowance for a sick child.
    Sv10,
    /// Kela SV 67.
    Sv67,
    /// The health certificate for a driving licence (Traficom).
    DrivingLicence,
}

crate::codes! {
    /// The stored code, also the end of its message id.
    CertificateForm {
        Sv6 => "sv6",
        Sv7 => "sv7",
        Sv10 => "sv10",
        Sv67 => "sv67",
        DrivingLicence => "driving-licence",
    }
}

impl CertificateForm {
    /// Whom a certificate on this form is for.
    #[must_use]
    pub const fn recipient(self) -> Recipient {
        match self {
            Self::Sv6 | Self::Sv7 | Self::Sv10 | Self::Sv67 => Recipient::Kela,
            Self::DrivingLicence => Recipient::Traficom,
        }
    }
}

/// Who wrote it, by profession.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum IssuerRole {
    Doctor,
    OccupationalHealthDoctor,
    Specialist,
}

crate::codes! {
    /// The stored code, also the end of its message id.
    IssuerRole {
        Doctor => "doctor",
        OccupationalHealthDoctor => "occupational-health-doctor",
        Specialist => "specialist",
    }
}

/// A forwarding of a certificate through Kanta: to whom, and when.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Forwarding {
    pub recipient: Recipient,
    /// Finnish time.
    pub sent_at: PrimitiveDateTime,
}

/// A certificate as listed, with where it went.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CertificateSummary {
    pub id: CertificateId,
    pub form: CertificateForm,
    /// Finnish time.
    pub issued_at: PrimitiveDateTime,
    pub role: IssuerRole,
    pub organisation: OrganisationRef,
    pub unit: String,
    /// Where it was forwarded, first first; empty when it was not.
    pub forwardings: Vec<Forwarding>,
}

/// A certificate in full: what it says, in the language it was written in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Certificate {
    pub summary: CertificateSummary,
    pub content: String,
    pub language: Language,
}

/// A certificate forwarded to another organisation, as the disclosure log shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ForwardedCertificate {
    /// Finnish time.
    pub at: PrimitiveDateTime,
    pub recipient: Recipient,
    pub form: CertificateForm,
}

/// Certificates written since the previous visit.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CertificatesNews {
    pub issued: i64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kela_s_forms_go_to_kela_and_the_driving_licence_s_to_traficom() {
        for form in CertificateForm::ALL {
            let expected = if *form == CertificateForm::DrivingLicence {
                Recipient::Traficom
            } else {
                Recipient::Kela
            };
            assert_eq!(form.recipient(), expected, "{form:?}");
        }
    }
}
