//! The living will on SQLite and PostgreSQL: written, changed and withdrawn by the
//! person only, with every version kept and every step audited.

use crate::common;

use archive::demo::{self, ids};
use archive::inspect::audit_trail;
use archive::model::{LivingWillText, Treatment, TreatmentWish};
use archive::{ArchiveError, Purpose, Refusal, MAX_WISHES_CHARS};
use common::TestArchive;
use time::Duration;

fn text(wishes: &str, wish: TreatmentWish) -> LivingWillText {
    LivingWillText {
        wishes: wishes.into(),
        treatments: Treatment::ALL.iter().map(|t| (*t, wish)).collect(),
    }
}

async fn the_person_writes_changes_and_withdraws_with_history_kept(t: &TestArchive) {
    demo::load_demo(&t.archive).await.expect("demo");
    let a = &t.archive;
    let aino = a.demo_actor(ids::ADULT).await.expect("actor");
    let own = a
        .access(&aino, ids::ADULT, Purpose::CitizenService)
        .await
        .expect("own");
    assert_eq!(own.living_will().await.expect("read").current, None);

    let first = text("  Haluan kuolla kotona.  ", TreatmentWish::Refuse);
    let will = own.write_living_will(&first).await.expect("write");
    let current = will.current.expect("in force");
    assert_eq!(current.version, 1);
    let saved = current.text.expect("text");
    assert_eq!(saved.wishes, "Haluan kuolla kotona.", "trimmed");
    assert_eq!(
        saved.treatments[0],
        (Treatment::Resuscitation, TreatmentWish::Refuse)
    );

    // The same again changes nothing (a double submit); a change is a new version.
    let again = own.write_living_will(&first).await.expect("again");
    assert_eq!(again.history.len(), 1);
    t.clock.advance(Duration::days(30));
    let mut second = text("Haluan kuolla kotona.", TreatmentWish::Refuse);
    second.treatments[4] = (Treatment::PainRelief, TreatmentWish::Want);
    let will = own.write_living_will(&second).await.expect("change");
    assert_eq!(will.history.len(), 2);
    assert_eq!(will.current.as_ref().map(|v| v.version), Some(2));
    assert!(will.history[0].written_at > will.history[1].written_at);

    // Withdrawn: nothing in force, all three versions kept; nothing more to withdraw.
    let will = own.withdraw_living_will().await.expect("withdraw");
    assert_eq!(will.current, None);
    assert_eq!(will.history.len(), 3);
    assert_eq!(will.history[0].text, None);
    let again = own.withdraw_living_will().await.expect("withdraw again");
    assert_eq!(again.history.len(), 3, "a second withdrawal adds nothing");

    // Bad input stores nothing.
    let long = text(&"a".repeat(MAX_WISHES_CHARS + 1), TreatmentWish::Want);
    assert!(matches!(
        own.write_living_will(&long).await,
        Err(ArchiveError::Invalid {
            field: "wishes",
            ..
        })
    ));
    let partial = LivingWillText {
        wishes: String::new(),
        treatments: vec![(Treatment::Dialysis, TreatmentWish::Want)],
    };
    assert!(matches!(
        own.write_living_will(&partial).await,
        Err(ArchiveError::Invalid {
            field: "treatments",
            ..
        })
    ));
    assert_eq!(own.living_will().await.expect("read").history.len(), 3);

    let trail = audit_trail(a, ids::ADULT).await.expect("trail");
    let count = |action: &str| trail.iter().filter(|e| e.action == action).count();
    assert_eq!(
        count("living-will.write"),
        3,
        "every valid write, changed or not; bad input is refused before"
    );
    assert_eq!(count("living-will.withdraw"), 2);
}
on_both!(
    write_change_withdraw,
    the_person_writes_changes_and_withdraws_with_history_kept
);

async fn no_proxy_reads_or_writes_a_living_will(t: &TestArchive) {
    demo::load_demo(&t.archive).await.expect("demo");
    let a = &t.archive;
    for (actor, subject) in [(ids::GUARDIAN, ids::CHILD), (ids::ADULT, ids::ELDER)] {
        let actor = a.demo_actor(actor).await.expect("actor");
        let access = a
            .access(&actor, subject, Purpose::CitizenService)
            .await
            .expect("a right");
        let refused = |r: Result<archive::model::LivingWill, ArchiveError>| {
            matches!(r, Err(ArchiveError::Refused(Refusal::NotCovered)))
        };
        assert!(refused(access.living_will().await));
        assert!(refused(
            access
                .write_living_will(&text("", TreatmentWish::Want))
                .await
        ));
        assert!(refused(access.withdraw_living_will().await));
        let trail = audit_trail(a, subject).await.expect("trail");
        assert_eq!(
            trail
                .iter()
                .filter(|e| e.actor == Some(actor.person()) && e.outcome == "not-covered")
                .count(),
            3,
            "each refusal is audited"
        );
    }
}
on_both!(no_proxy, no_proxy_reads_or_writes_a_living_will);
