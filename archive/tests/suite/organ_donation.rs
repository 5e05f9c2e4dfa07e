//! The organ donation testament on SQLite and PostgreSQL: written, changed and withdrawn
//! by the person only, with every version kept and every step audited.

use crate::common;

use archive::demo::{self, ids};
use archive::inspect::audit_trail;
use archive::model::{
    Donatable, DonationDecision as D, Language, OrganDonation, OrganDonationText,
};
use archive::{ArchiveError, Purpose, Refusal};
use common::TestArchive;
use time::Duration;

async fn the_person_writes_changes_and_withdraws_with_history_kept(t: &TestArchive) {
    demo::load_demo(&t.archive).await.expect("demo");
    let a = &t.archive;
    let aino = a.demo_actor(ids::ADULT).await.expect("actor");
    let own = a
        .access(&aino, ids::ADULT, Purpose::CitizenService)
        .await
        .expect("own");
    assert_eq!(own.organ_donation().await.expect("read").current, None);

    // Exclusions given in any order, repeated: stored in order, once; text trimmed.
    let first = OrganDonationText {
        decision: D::YesExcept,
        excluded: vec![Donatable::Skin, Donatable::Corneas, Donatable::Skin],
        notes: "  Sarveiskalvoja ja ihoa en luovuta.\n".into(),
        language: Language::Sv,
    };
    let testament = own.write_organ_donation(&first).await.expect("write");
    let current = testament.current.expect("in force");
    assert_eq!(current.version, 1);
    let saved = current.text.expect("text");
    assert_eq!(saved.decision, D::YesExcept);
    assert_eq!(saved.excluded, [Donatable::Corneas, Donatable::Skin]);
    assert_eq!(saved.notes, "Sarveiskalvoja ja ihoa en luovuta.");
    assert_eq!(
        saved.language,
        Language::Sv,
        "the language it was written in"
    );

    // The same again (as typed, or as stored) changes nothing: a double submit.
    let again = own.write_organ_donation(&first).await.expect("again");
    assert_eq!(again.history.len(), 1);
    let again = own.write_organ_donation(&saved).await.expect("as stored");
    assert_eq!(again.history.len(), 1);

    t.clock.advance(Duration::days(30));
    let yes = OrganDonationText::new(D::Yes, &[], "");
    let testament = own.write_organ_donation(&yes).await.expect("change");
    assert_eq!(testament.history.len(), 2);
    assert_eq!(testament.in_force(), Some(&yes));
    assert!(testament.history[0].written_at > testament.history[1].written_at);

    // Withdrawn: nothing in force, all three versions kept; nothing more to withdraw.
    let testament = own.withdraw_organ_donation().await.expect("withdraw");
    assert_eq!(testament.current, None);
    assert_eq!(testament.history.len(), 3);
    assert_eq!(testament.history[0].text, None);
    assert_eq!(testament.history[2].text.as_ref(), Some(&saved));
    let again = own.withdraw_organ_donation().await.expect("withdraw again");
    assert_eq!(again.history.len(), 3, "a second withdrawal adds nothing");

    // A "no" after the withdrawal is a version of its own.
    let no = OrganDonationText::new(D::No, &[], "En halua luovuttaa.");
    let testament = own.write_organ_donation(&no).await.expect("no");
    assert_eq!(testament.current.map(|v| v.version), Some(4));

    // Bad input stores nothing.
    for (bad, field, code) in [
        (
            OrganDonationText::new(D::YesExcept, &[], ""),
            "excluded",
            "choose-excluded",
        ),
        (
            OrganDonationText::new(D::No, &[Donatable::Heart], ""),
            "excluded",
            "excluded-without-exceptions",
        ),
        (
            OrganDonationText::new(
                D::Yes,
                &[],
                &"a".repeat(archive::model::MAX_DONATION_NOTES_CHARS + 1),
            ),
            "notes",
            "donation-notes-too-long",
        ),
    ] {
        let result = own.write_organ_donation(&bad).await;
        assert!(
            matches!(result, Err(ArchiveError::Invalid { field: f, code: c }) if f == field && c == code),
            "{field} {code}"
        );
    }
    assert_eq!(own.organ_donation().await.expect("read").history.len(), 4);

    let trail = audit_trail(a, ids::ADULT).await.expect("trail");
    let count = |action: &str| trail.iter().filter(|e| e.action == action).count();
    assert_eq!(
        count("organ-donation.write"),
        5,
        "every valid write, changed or not; bad input is refused before"
    );
    assert_eq!(count("organ-donation.withdraw"), 2);
    assert_eq!(count("organ-donation.read"), 2);
}
on_both!(
    write_change_withdraw,
    the_person_writes_changes_and_withdraws_with_history_kept
);

async fn no_proxy_reads_or_writes_a_testament(t: &TestArchive) {
    demo::load_demo(&t.archive).await.expect("demo");
    let a = &t.archive;
    for (actor, subject) in [
        (ids::GUARDIAN, ids::CHILD),
        (ids::GUARDIAN, ids::TEEN),
        (ids::ADULT, ids::ELDER),
    ] {
        let actor = a.demo_actor(actor).await.expect("actor");
        let access = a
            .access(&actor, subject, Purpose::CitizenService)
            .await
            .expect("a right");
        let refused = |r: Result<OrganDonation, ArchiveError>| {
            matches!(r, Err(ArchiveError::Refused(Refusal::NotCovered)))
        };
        assert!(refused(access.organ_donation().await));
        assert!(refused(
            access
                .write_organ_donation(&OrganDonationText::new(D::No, &[], ""))
                .await
        ));
        assert!(refused(access.withdraw_organ_donation().await));
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
on_both!(no_proxy, no_proxy_reads_or_writes_a_testament);
