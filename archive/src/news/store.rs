//! Gathering the news: the previous visit, then each covered section's count.

use crate::access::Access;
use crate::error::ArchiveError;
use crate::model::{LivingWillNews, News};
use crate::section::Section;

impl Access {
    /// What is new since the acting person was last here (their last action before
    /// this sign-in), in each section this right covers; nothing on a first visit.
    /// Each section's count is a read of that section, audited as such; they run at
    /// once.
    ///
    /// # Errors
    /// `Storage` when the database fails.
    pub async fn news(&self) -> Result<News, ArchiveError> {
        let Some(since_ms) = self.previous_visit().await? else {
            return Ok(News::default());
        };
        let covers = |section: Section| self.right().covers(section);
        let (records, prescriptions, disclosures, living_will) = tokio::join!(
            read_if(covers(Section::HealthRecords), self.records_news(since_ms)),
            read_if(
                covers(Section::Prescriptions),
                self.prescriptions_news(since_ms)
            ),
            read_if(
                covers(Section::DisclosureLog),
                self.disclosure_news(since_ms)
            ),
            read_if(covers(Section::LivingWill), async {
                self.living_will()
                    .await
                    .map(|will| LivingWillNews::of(&will))
            }),
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
    /// their last audited action before their latest sign-in (the newest of their
    /// live sessions' starts; switching whom to act for keeps a session's start). Two
    /// probes of indexes, however long the trail; `None` without a live session or an
    /// earlier action.
    async fn previous_visit(&self) -> Result<Option<i64>, ArchiveError> {
        let (at,): (Option<i64>,) = sqlx::query_as(
            "SELECT MAX(a.at_ms) FROM audit_event a WHERE a.actor_id = $1 AND a.at_ms < ( \
             SELECT MAX(s.created_ms) FROM web_session s WHERE s.person_id = $1)",
        )
        .bind(self.actor().get())
        .fetch_one(self.archive.db.pool())
        .await?;
        Ok(at)
    }
}

/// Runs `read` when its section is covered; `None` when it is not (the read, never
/// started, is not audited).
async fn read_if<T>(
    covered: bool,
    read: impl std::future::Future<Output = Result<T, ArchiveError>>,
) -> Result<Option<T>, ArchiveError> {
    if covered {
        read.await.map(Some)
    } else {
        Ok(None)
    }
}
