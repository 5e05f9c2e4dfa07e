//! Gathering the news: the previous visit, then each covered section's count, all in
//! one read.

use super::model::News;
use crate::access::{Access, Action};
use crate::error::ArchiveError;
use crate::section::Section;

impl Access {
    /// What is new since the acting person was last here (their last action before
    /// this sign-in), in each section this right covers; nothing on a first visit.
    /// Every covered section is read in one transaction, each read audited as a read
    /// of its section, the events written together: the front page costs one read
    /// however many sections there are. A section says here what its news is, or that
    /// it has none (the `match` has an arm for every section).
    ///
    /// # Errors
    /// `Storage` when the database fails.
    pub async fn news(&self) -> Result<News, ArchiveError> {
        let mut read = self.begin_sections_read().await?;
        let Some(since_ms) = self.previous_visit(&mut read.tx).await? else {
            self.finish_sections_read(read).await?;
            return Ok(News::default());
        };
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

    /// When the acting person was last here before this visit (UTC milliseconds):
    /// their last audited action before their latest sign-in (the newest of their
    /// live sessions' starts; switching whom to act for keeps a session's start). Two
    /// probes of indexes, however long the trail; `None` without a live session or an
    /// earlier action.
    async fn previous_visit(
        &self,
        tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    ) -> Result<Option<i64>, ArchiveError> {
        let (at,): (Option<i64>,) = sqlx::query_as(
            "SELECT MAX(a.at_ms) FROM audit_event a WHERE a.actor_id = $1 AND a.at_ms < ( \
             SELECT MAX(s.created_ms) FROM web_session s WHERE s.person_id = $1)",
        )
        .bind(self.actor().get())
        // Planned with its value each time, as reads of the trail are (`others_events`).
        .persistent(false)
        .fetch_one(&mut **tx)
        .await?;
        Ok(at)
    }
}
