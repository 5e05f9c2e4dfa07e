//! Gathering the news: each covered section's count since the previous visit, all in
//! one read.

use super::model::{FrontPage, News};
use super::part::NewsCounts;
use crate::access::{Access, Action, SectionsRead};
use crate::error::ArchiveError;
use crate::living_will::LivingWillNews;
use crate::organ_donation::OrganDonationNews;
use crate::rights::Right;
use crate::section::Section;
use crate::sessions::ProxyCounts;
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
    /// `match` has an arm for every section). The counts, and with one's own access
    /// how many one may act for and gave mandates to, are one statement
    /// ([`NewsCounts`]); names are asked after it only where there is something to
    /// name (others' entries in the disclosure log, relations, mandates), so a front
    /// page with none of those asks the database one statement.
    async fn gather(&self, session: Option<&SessionToken>) -> Result<FrontPage, ArchiveError> {
        // Whom one may act for is one's own: not while acting for someone else.
        let session = session.filter(|_| matches!(self.right(), Right::Own));
        if session.is_none() && self.previous_visit_ms.is_none() {
            return Ok(FrontPage::default());
        }
        let mut read = self.begin_sections_read().await?;
        let mut counts = NewsCounts::new();
        if session.is_some() {
            counts.add(self, 0, |g: &mut Gathered, part| g.proxies = Some(part));
            self.read_own(&mut read, Action::ListProxies);
        }
        let mut gathered = Gathered::default();
        if let Some(since_ms) = self.previous_visit_ms {
            gathered.news.since = Some(crate::clock::finnish_at_ms(since_ms));
            self.sections_news(&mut read, &mut counts, since_ms).await?;
        }
        counts.read_into(&mut read.tx, &mut gathered).await?;
        let Gathered { mut news, proxies } = gathered;
        if let (Some(since_ms), Some(disclosures)) = (self.previous_visit_ms, &mut news.disclosures)
        {
            self.name_disclosures(&mut read.tx, since_ms, disclosures)
                .await?;
        }
        let proxies = match session {
            Some(session) => Some(
                self.archive
                    .proxy_overview_in(&mut read.tx, self.actor(), session, proxies)
                    .await?,
            ),
            None => None,
        };
        self.finish_sections_read(read).await?;
        Ok(FrontPage { news, proxies })
    }

    /// Adds each covered section's news since `since_ms` to `counts`, and notes each
    /// section's read in `read` (audited as its own).
    async fn sections_news(
        &self,
        read: &mut SectionsRead,
        counts: &mut NewsCounts<Gathered>,
        since_ms: i64,
    ) -> Result<(), ArchiveError> {
        for &section in Section::ALL {
            // A section the right does not reach, or the person is too young for, has
            // no news for them (and is not read).
            if !self.covers(section) || self.under_age_for(section).await? {
                continue;
            }
            let action = match section {
                Section::HealthRecords => {
                    counts.add(self, since_ms, |g, part| g.news.records = Some(part));
                    Action::RecordsNews
                }
                Section::Prescriptions => {
                    counts.add(self, since_ms, |g, part| g.news.prescriptions = Some(part));
                    Action::PrescriptionsNews
                }
                // Who did what with the data: counted here, named after if any.
                Section::DisclosureLog => {
                    counts.add(self, since_ms, |g, part| g.news.disclosures = Some(part));
                    Action::DisclosureLogNews
                }
                Section::LivingWill => {
                    counts.add(self, since_ms, |g, part: LivingWillNews| {
                        g.news.living_will = Some(part.0);
                    });
                    Action::ReadLivingWill
                }
                Section::OrganDonation => {
                    counts.add(self, since_ms, |g, part: OrganDonationNews| {
                        g.news.organ_donation = Some(part.0);
                    });
                    Action::ReadOrganDonation
                }
                Section::Consents => {
                    counts.add(self, since_ms, |g, part| g.news.consents = Some(part));
                    Action::ReadConsents
                }
                Section::Appointments => {
                    counts.add(self, since_ms, |g, part| g.news.appointments = Some(part));
                    Action::AppointmentsNews
                }
                Section::SocialWelfare => {
                    counts.add(self, since_ms, |g, part| g.news.social_welfare = Some(part));
                    Action::SocialWelfareNews
                }
                Section::Certificates => {
                    counts.add(self, since_ms, |g, part| g.news.certificates = Some(part));
                    Action::CertificatesNews
                }
                Section::WellbeingData => {
                    counts.add(self, since_ms, |g, part| g.news.wellbeing = Some(part));
                    Action::ReadWellbeing
                }
                Section::Abroad => {
                    counts.add(self, since_ms, |g, part| g.news.abroad = Some(part));
                    Action::ReadAbroad
                }
                // What the person downloads is what the other sections hold: nothing
                // new of its own.
                Section::Download => continue,
            };
            self.read_section(read, action).await?;
        }
        Ok(())
    }
}

/// What the front page's one statement reads: the news, and how many one may act for
/// and gave mandates to.
#[derive(Default)]
struct Gathered {
    news: News,
    proxies: Option<ProxyCounts>,
}
