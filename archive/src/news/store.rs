//! Gathering the news: the previous visit, then each covered section's count.

use crate::access::Access;
use crate::error::ArchiveError;
use crate::model::{LivingWillNews, News};
use crate::section::Section;

impl Access {
    /// What is new since the acting person was last here (their last action before
    /// this sign-in), in each section this right covers; nothing on a first visit. Each section's count is a read of that
    /// section, audited as such; they run at once.
    ///
    /// # Errors
    /// `Storage` when the database fails.
    pub async fn news(&self) -> Result<News, ArchiveError> {
        let Some(since_ms) = self.previous_visit().await? else {
            return Ok(News::default());
        };
        let covers = |section: Section| self.right().covers(section);
        let (records, prescriptions, disclosures, living_will) = tokio::join!(
            async {
                match covers(Section::HealthRecords) {
                    true => self.records_news(since_ms).await.map(Some),
                    false => Ok(None),
                }
            },
            async {
                match covers(Section::Prescriptions) {
                    true => self.prescriptions_news(since_ms).await.map(Some),
                    false => Ok(None),
                }
            },
            async {
                match covers(Section::DisclosureLog) {
                    true => self.disclosure_news(since_ms).await.map(Some),
                    false => Ok(None),
                }
            },
            async {
                match covers(Section::LivingWill) {
                    true => self
                        .living_will()
                        .await
                        .map(|will| Some(LivingWillNews::of(&will))),
                    false => Ok(None),
                }
            },
        );
        Ok(News {
            since: Some(crate::clock::finnish_at_ms(since_ms)),
            records: records?,
            prescriptions: prescriptions?,
            disclosures: disclosures?,
            living_will: living_will?,
        })
    }

    /// When the acting person was last here before this visit (UTC milliseconds):
    /// their last audited action before their latest sign-in, from the trail.
    async fn previous_visit(&self) -> Result<Option<i64>, ArchiveError> {
        let (at,): (Option<i64>,) = sqlx::query_as(
            "SELECT MAX(a.at_ms) FROM audit_event a WHERE a.actor_id = $1 AND a.at_ms < ( \
             SELECT s.at_ms FROM audit_event s WHERE s.subject_id = $1 AND s.actor_id = $1 \
             AND s.action = $2 ORDER BY s.at_ms DESC LIMIT 1)",
        )
        .bind(self.actor().get())
        .bind(crate::audit::Action::SignIn.code())
        .fetch_one(self.archive.db.pool())
        .await?;
        Ok(at)
    }
}
