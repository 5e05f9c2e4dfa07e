//! Social welfare on SQLite and PostgreSQL: shelter and domestic-violence services and
//! payment commitments are never read; documents come by service task, newest first,
//! with the designated worker; a person with none gets none; a mandate's scope decides
//! the section; a guardian of a teen sees what a professional marked for guardians.

use crate::common;

use archive::demo::{self, ids};
use archive::inspect::{set_mandate, social_marks, SocialMarks};
use archive::model::{ServiceTask, SocialDocumentKind};
use archive::rights::{HEALTH_CARE_SCOPE, SOCIAL_WELFARE_SCOPE};
use archive::{ArchiveError, Refusal};
use common::TestArchive;
use time::Duration;

fn shown(m: &SocialMarks) -> bool {
    ServiceTask::from_code(&m.task).is_some_and(ServiceTask::ever_shown)
        && SocialDocumentKind::from_code(&m.kind).is_some_and(SocialDocumentKind::ever_shown)
}

async fn what_is_never_shown_is_never_read(t: &TestArchive) {
    demo::load_demo(&t.archive).await.expect("demo");
    let a = &t.archive;
    let mut hidden_seen = 0;
    for person in [
        ids::ADULT,
        ids::HEAVY_USER,
        ids::GUARDIAN,
        ids::CHILD,
        ids::TEEN,
        ids::ELDER,
        ids::SWEDISH,
    ] {
        let marks = social_marks(a, person).await.expect("marks");
        let own = t.own(person).await;
        let welfare = own.social_welfare().await.expect("list");
        let mut listed: Vec<_> = welfare
            .tasks
            .iter()
            .flat_map(|g| g.documents.iter().map(|d| d.id))
            .collect();
        listed.sort_unstable();
        let mut expected: Vec<_> = marks.iter().filter(|m| shown(m)).map(|m| m.id).collect();
        expected.sort_unstable();
        assert_eq!(listed, expected, "{person:?}");
        for g in &welfare.tasks {
            assert!(g.task.ever_shown());
            assert!(g
                .documents
                .windows(2)
                .all(|w| w[0].recorded_at >= w[1].recorded_at));
            assert!(
                g.worker.is_some(),
                "each relationship names whom to contact"
            );
        }
        assert!(
            welfare.tasks.windows(2).all(|w| w[0].task <= w[1].task),
            "in the tasks' order"
        );
        for m in marks.iter().filter(|m| !shown(m)) {
            hidden_seen += 1;
            assert!(
                matches!(own.social_document(m.id).await, Err(ArchiveError::NotFound)),
                "{person:?}: {} {} not opened",
                m.task,
                m.kind
            );
        }
        let news = own.social_welfare_news(0).await.expect("news");
        assert_eq!(
            news.documents,
            i64::try_from(expected.len()).expect("count")
        );
    }
    assert!(
        hidden_seen >= 2,
        "the demo has a payment commitment and a domestic-violence service"
    );
    // Some have none: an empty list, which the page says.
    assert!(t
        .own(ids::ADULT)
        .await
        .social_welfare()
        .await
        .expect("list")
        .tasks
        .is_empty());
}
on_both!(never_shown, what_is_never_shown_is_never_read);

async fn a_mandate_s_scope_decides_and_a_teen_s_guardian_sees_what_is_marked(t: &TestArchive) {
    demo::load_demo(&t.archive).await.expect("demo");
    let a = &t.archive;
    let today = a.clock().today();
    // Helvi gave Aino both: health records and social welfare.
    let both = t.access(ids::ADULT, ids::ELDER).await;
    assert!(!both.social_welfare().await.expect("list").tasks.is_empty());
    assert!(both.records_news(0).await.is_ok());
    // Health care only: social welfare is not covered.
    set_mandate(
        a,
        ids::ELDER,
        ids::ADULT,
        HEALTH_CARE_SCOPE,
        today - Duration::days(5),
        today + Duration::days(5),
    )
    .await
    .expect("mandate");
    let health = t.access(ids::ADULT, ids::ELDER).await;
    assert!(matches!(
        health.social_welfare().await,
        Err(ArchiveError::Refused(Refusal::NotCovered))
    ));
    // Social welfare only: health records are not covered.
    set_mandate(
        a,
        ids::ELDER,
        ids::ADULT,
        SOCIAL_WELFARE_SCOPE,
        today - Duration::days(5),
        today + Duration::days(5),
    )
    .await
    .expect("mandate");
    let social = t.access(ids::ADULT, ids::ELDER).await;
    assert!(social.social_welfare().await.is_ok());
    assert!(matches!(
        social.records_news(0).await,
        Err(ArchiveError::Refused(Refusal::NotCovered))
    ));
    // Laura sees of Ella's child-welfare documents only those marked for guardians.
    let marks = social_marks(a, ids::TEEN).await.expect("marks");
    let laura = t.access(ids::GUARDIAN, ids::TEEN).await;
    let seen: Vec<_> = laura
        .social_welfare()
        .await
        .expect("list")
        .tasks
        .iter()
        .flat_map(|g| g.documents.iter().map(|d| d.id))
        .collect();
    let marked: Vec<_> = marks
        .iter()
        .filter(|m| shown(m) && m.visible_to_guardian)
        .map(|m| m.id)
        .collect();
    let mut seen_sorted = seen.clone();
    seen_sorted.sort_unstable();
    let mut marked_sorted = marked.clone();
    marked_sorted.sort_unstable();
    assert_eq!(seen_sorted, marked_sorted);
    let hers = marks
        .iter()
        .find(|m| shown(m) && !m.visible_to_guardian)
        .expect("hers alone");
    assert!(matches!(
        laura.social_document(hers.id).await,
        Err(ArchiveError::NotFound)
    ));
    let ella = t.own(ids::TEEN).await;
    let doc = ella.social_document(hers.id).await.expect("her own");
    assert!(doc.worker.is_some() && doc.text.is_some());
}
on_both!(
    scopes_and_guardians,
    a_mandate_s_scope_decides_and_a_teen_s_guardian_sees_what_is_marked
);
