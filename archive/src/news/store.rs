//! Gathering the news: each covered section's count since the previous visit, all in
//! one read.

use super::model::News;
use crate::access::{Access, Action};
use crate::error::ArchiveError;
use crate::section::Section;

impl Access {
    /// What is new since the acting person was last here (their last action before
    /// this sign-in, kept with their session), in each section this right covers;
    /// nothing on a first visit or without a session.
    /// Every covered section is read in one transaction, each read audited as a read
    /// of its section, the events written together: the front page costs one read
    /// however many sections there are. A section says here what its news is, or that
    /// it has none (the `match` has an arm for every section).
    ///
    /// # Errors
    /// `Storage` when the database fails.
    pub async fn news(&self) -> Result<News, ArchiveError> {
        let Some(since_ms) = self.previous_visit_ms else {
            return Ok(News::default());
        };
        let mut read = self.begin_sections_read().await?;
        let mut news = News {
            since: Some(crate::clock::finnish_at_ms(since_ms)),
            ..News::default()
        };
        for &section in Section::ALL {
            if !self.covers(section) {
                continue;
            }
            let action = match section {
                Section::HealthRecords => {
                    news.records = Some(self.records_news_in(&mut read.tx, since_ms).await?);
                    Action::RecordsNews
                }
                Section::Prescriptions => {
                    news.prescriptions =
                        Some(self.prescriptions_news_in(&mut read.tx, since_ms).await?);
                    Action::PrescriptionsNews
                }
                Section::DisclosureLog => {
                    news.disclosures = Some(self.disclosure_news_in(&mut read.tx, since_ms).await?);
                    Action::DisclosureLogNews
                }
                // Only the person changes it: the front page says where it stands.
                Section::LivingWill => {
                    news.living_will = Some(self.living_will_news_in(&mut read.tx).await?);
                    Action::ReadLivingWill
                }
                Section::Appointments => {
                    news.appointments =
                        Some(self.appointments_news_in(&mut read.tx, since_ms).await?);
                    Action::AppointmentsNews
                }
                Section::SocialWelfare => {
                    news.social_welfare =
                        Some(self.social_welfare_news_in(&mut read.tx, since_ms).await?);
                    Action::SocialWelfareNews
                }
                Section::Certificates => {
                    news.certificates =
                        Some(self.certificates_news_in(&mut read.tx, since_ms).await?);
                    Action::CertificatesNews
                }
                // No news yet.
                Section::OrganDonation | Section::WellbeingData | Section::Consents => continue,
            };
            self.read_section(&mut read, action).await?;
        }
        self.finish_sections_read(read).await?;
        Ok(news)
    }
}
