//! Consents and denials on SQLite and PostgreSQL: the notice acknowledged once a
//! version; each choice given and withdrawn at once, a repeat changing nothing, every
//! change kept and audited; nothing of another person's can be denied; no proxy reaches
//! any of it.

use crate::common;

use archive::demo::{self, ids};
use archive::inspect::{audit_trail, events_and_prescriptions};
use archive::model::{
    Choice, OrganisationId, PrescriptionId, Register, ServiceEventId, NOTICE_VERSION,
};
use archive::{ArchiveError, Purpose, Refusal};
use common::TestArchive;
use time::Duration;

async fn the_person_gives_and_withdraws_each_choice_with_history_kept(t: &TestArchive) {
    demo::load_demo(&t.archive).await.expect("demo");
    let a = &t.archive;
    let own = t.own(ids::ADULT).await;
    let start = own.consents().await.expect("read");
    assert_eq!(start.notice, None);
    assert!(start.in_force.is_empty() && start.history.is_empty());
    assert!(!start.organisations.is_empty(), "those who wrote for her");

    // The notice: acknowledged once.
    let read = own.acknowledge_notice().await.expect("ack");
    assert!(read.notice_current());
    t.clock.advance(Duration::minutes(5));
    let again = own.acknowledge_notice().await.expect("again");
    assert_eq!(
        again.notice, read.notice,
        "the first acknowledgement is kept"
    );
    assert_eq!(
        again.notice.as_ref().map(|n| n.version.as_str()),
        Some(NOTICE_VERSION)
    );

    let (events, prescriptions) = events_and_prescriptions(a, ids::ADULT).await.expect("hers");
    let (event, _) = events[0];
    let (rx, rx_org) = prescriptions[0];
    let choices = [
        Choice::DisclosureConsent,
        Choice::DenyServiceEvent(ServiceEventId::from_raw(event)),
        Choice::DenyOrganisation(OrganisationId::from_raw(rx_org)),
        Choice::DenyRegister(Register::Occupational),
        Choice::DenyPrescription(PrescriptionId::from_raw(rx)),
        Choice::DenyResearchContact,
    ];
    for (i, choice) in choices.iter().enumerate() {
        t.clock.advance(Duration::minutes(1));
        let consents = own.change_consent(*choice, true).await.expect("give");
        assert_eq!(consents.in_force.len(), i + 1, "{choice:?}");
        assert!(consents.since(*choice).is_some());
        // What it is about is named in words where it is one thing.
        let about = consents
            .in_force
            .iter()
            .find(|c| c.choice == *choice)
            .and_then(|c| c.about.clone());
        match choice {
            Choice::DenyServiceEvent(_)
            | Choice::DenyOrganisation(_)
            | Choice::DenyPrescription(_) => assert!(about.is_some(), "{choice:?}"),
            _ => assert_eq!(about, None),
        }
        // A repeat (a double submit) changes nothing.
        let again = own.change_consent(*choice, true).await.expect("again");
        assert_eq!(again.history.len(), consents.history.len());
        assert_eq!(again.since(*choice), consents.since(*choice));
    }
    let all = own.consents().await.expect("read");
    assert_eq!(all.in_force.len(), 6);
    assert_eq!(all.history.len(), 6);

    // Withdrawn at once; withdrawing again changes nothing; history kept, newest first.
    t.clock.advance(Duration::minutes(1));
    let withdrawn = own
        .change_consent(Choice::DenyRegister(Register::Occupational), false)
        .await
        .expect("withdraw");
    assert_eq!(withdrawn.in_force.len(), 5);
    assert_eq!(
        withdrawn.since(Choice::DenyRegister(Register::Occupational)),
        None
    );
    let again = own
        .change_consent(Choice::DenyRegister(Register::Occupational), false)
        .await
        .expect("again");
    assert_eq!(again.history.len(), 7);
    assert!(!again.history[0].given);
    assert_eq!(
        again.history[0].choice,
        Choice::DenyRegister(Register::Occupational)
    );
    assert!(again.history[0].at >= again.history[1].at);
    // Given again: in force from the new time.
    t.clock.advance(Duration::minutes(1));
    let regiven = own
        .change_consent(Choice::DenyRegister(Register::Occupational), true)
        .await
        .expect("again");
    assert!(
        regiven.since(Choice::DenyRegister(Register::Occupational))
            > withdrawn.history.first().map(|e| e.at)
    );

    let trail = audit_trail(a, ids::ADULT).await.expect("trail");
    let count = |action: &str| trail.iter().filter(|e| e.action == action).count();
    assert_eq!(count("consents.notice"), 2);
    assert_eq!(count("consents.give"), 13, "each give, repeated or not");
    assert_eq!(count("consents.withdraw"), 2);
    assert!(trail.iter().any(|e| e.action == "consents.give"
        && e.detail.as_deref() == Some("deny-register occupational")));
    assert!(trail.iter().any(|e| e.action == "consents.give"
        && e.detail.as_deref() == Some("deny-prescription")
        && e.object == Some(rx)));
}
on_both!(
    give_and_withdraw,
    the_person_gives_and_withdraws_each_choice_with_history_kept
);

async fn nothing_of_another_person_can_be_denied(t: &TestArchive) {
    demo::load_demo(&t.archive).await.expect("demo");
    let a = &t.archive;
    let own = t.own(ids::ADULT).await;
    let (events, prescriptions) = events_and_prescriptions(a, ids::HEAVY_USER)
        .await
        .expect("his");
    let (_, aino_rx) = events_and_prescriptions(a, ids::ADULT).await.expect("hers");
    let aino_orgs: Vec<i64> = aino_rx.iter().map(|(_, o)| *o).collect();
    let not_hers_org = events
        .iter()
        .map(|(_, o)| *o)
        .find(|o| !aino_orgs.contains(o));
    let mut others = vec![
        Choice::DenyServiceEvent(ServiceEventId::from_raw(events[0].0)),
        Choice::DenyPrescription(PrescriptionId::from_raw(prescriptions[0].0)),
        Choice::DenyServiceEvent(ServiceEventId::from_raw(424_242)),
    ];
    let hers = own.consents().await.expect("read");
    if let Some(org) = not_hers_org {
        if !hers.organisations.iter().any(|o| o.id.get() == org) {
            others.push(Choice::DenyOrganisation(OrganisationId::from_raw(org)));
        }
    }
    for choice in others {
        assert!(
            matches!(
                own.change_consent(choice, true).await,
                Err(ArchiveError::NotFound)
            ),
            "{choice:?}"
        );
    }
    assert!(own.consents().await.expect("read").history.is_empty());
    let trail = audit_trail(a, ids::ADULT).await.expect("trail");
    assert!(
        trail
            .iter()
            .filter(|e| e.action == "consents.give")
            .all(|e| e.outcome == "not-found"),
        "each refusal recorded as such"
    );
}
on_both!(not_another_persons, nothing_of_another_person_can_be_denied);

async fn no_proxy_reaches_consents(t: &TestArchive) {
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
        let refused = |r: Result<archive::model::Consents, ArchiveError>| {
            matches!(r, Err(ArchiveError::Refused(Refusal::NotCovered)))
        };
        assert!(refused(access.consents().await));
        assert!(refused(access.acknowledge_notice().await));
        assert!(refused(
            access
                .change_consent(Choice::DenyResearchContact, true)
                .await
        ));
        assert!(refused(
            access
                .change_consent(Choice::DisclosureConsent, false)
                .await
        ));
        assert!(t
            .own(subject)
            .await
            .consents()
            .await
            .expect("read")
            .history
            .is_empty());
    }
}
on_both!(no_proxy, no_proxy_reaches_consents);
