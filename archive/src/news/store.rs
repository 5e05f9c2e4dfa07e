//! Gathering the news: each covered section's count since the previous visit, all in
//! one read.

use super::model::{FrontPage, News};
use super::part::NewsCounts;
use crate::access::{Access, Action, SectionsRead};
use crate::error::ArchiveError;
use crate::rights::Right;
use crate::section::Section;
use crate::sessions::SessionToken;

impl Access {
    /// What is new since the acting person was last here (their last action before
    /// this sign-in, kept with their session), in each section this right covers;
    /// nothing on a first visit or without a session.
    ///
    /// # Errors
    /// `Storage` when the database fails.
    pub async fn news(&self) -> Result<News, ArchiveError> {
        Ok(self.gather(None).await?.news)
    }

    /// The front page's read: what is new ([`Access::news`]) and, with one's own
    /// access, whom one may act for ([`crate::Archive::proxy_options`], its handles for
    /// `session`). One read: its events (one per section, and the look-up of whom one
    /// may act for) written together, so the front page waits for one commit of the
    /// audit writer, however many sections there are.
    ///
    /// # Errors
    /// `Storage` when the database fails.
    pub async fn front_page(&self, session: &SessionToken) -> Result<FrontPage, ArchiveError> {
        self.gather(Some(session)).await
    }

    /// Every covered section is read in one transaction, each read audited as a read
    /// of its section. A section says here what its news is, or that it has none (the
    /// `match` has an arm for every section).
    async fn gather(&self, session: Option<&SessionToken>) -> Result<FrontPage, ArchiveError> {
        // Whom one may act for is one's own: not while acting for someone else.
        let proxies = match session {
            Some(session) if matches!(self.right(), Right::Own) => {
                Some(self.archive.proxy_overview(self.actor(), session).await?)
            }
            _ => None,
        };
        if proxies.is_none() && self.previous_visit_ms.is_none() {
            return Ok(FrontPage::default());
        }
        let mut read = self.begin_sections_read().await?;
        if proxies.is_some() {
            self.read_own(&mut read, Action::ListProxies);
        }
        let news = match self.previous_visit_ms {
            Some(since_ms) => self.sections_news(&mut read, since_ms).await?,
            None => News::default(),
        };
        self.finish_sections_read(read).await?;
        Ok(FrontPage { news, proxies })
    }

    /// Each covered section's news since `since_ms`, within `read`: the counts in one
    /// statement ([`NewsCounts`]), whatever the number of sections; each section's
    /// read audited as its own.
    async fn sections_news(
        &self,
        read: &mut SectionsRead,
        since_ms: i64,
    ) -> Result<News, ArchiveError> {
        let mut news = News {
            since: Some(crate::clock::finnish_at_ms(since_ms)),
            ..News::default()
        };
        let mut counts = NewsCounts::new();
        for &section in Section::ALL {
            if !self.covers(section) {
                continue;
            }
            let action = match section {
                Section::HealthRecords => {
                    counts.add(self, since_ms, |n, part| n.records = Some(part));
                    Action::RecordsNews
                }
                Section::Prescriptions => {
                    counts.add(self, since_ms, |n, part| n.prescriptions = Some(part));
                    Action::PrescriptionsNews
                }
                // Who did what with the data: rows of the trail, read on their own.
                Section::DisclosureLog => {
                    news.disclosures = Some(self.disclosure_news_in(&mut read.tx, since_ms).await?);
                    Action::DisclosureLogNews
                }
                Section::LivingWill => {
                    counts.add(self, since_ms, |n, part| n.living_will = Some(part));
                    Action::ReadLivingWill
                }
                Section::Appointments => {
                    counts.add(self, since_ms, |n, part| n.appointments = Some(part));
                    Action::AppointmentsNews
                }
                Section::SocialWelfare => {
                    counts.add(self, since_ms, |n, part| n.social_welfare = Some(part));
                    Action::SocialWelfareNews
                }
                Section::Certificates => {
                    counts.add(self, since_ms, |n, part| n.certificates = Some(part));
                    Action::CertificatesNews
                }
                // No news yet.
                Section::OrganDonation | Section::WellbeingData | Section::Consents => continue,
            };
            self.read_section(read, action).await?;
        }
        counts.read_into(&mut read.tx, &mut news).await?;
        Ok(news)
    }
}
