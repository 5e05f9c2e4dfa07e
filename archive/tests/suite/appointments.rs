//! Appointments on SQLite and PostgreSQL: what the service never shows (not told to
//! the client yet; psychiatric and clinical-genetics appointments) is filtered in the
//! archive from every read; what is to come comes first, nearest first; the past by a
//! period; a guardian of a teen sees only what was marked visible to guardians.

use crate::common;

use archive::demo::{self, ids};
use archive::inspect::{appointment_marks, audit_trail, AppointmentMarks};
use archive::model::{AppointmentKind, PastPeriod, PersonId, MAX_PAST};
use archive::ArchiveError;
use common::TestArchive;

/// Whether the service shows an appointment as stored.
fn shown(m: &AppointmentMarks) -> bool {
    m.released && AppointmentKind::from_code(&m.kind).is_some_and(AppointmentKind::ever_shown)
}

async fn what_is_never_shown_is_not_read_at_all(t: &TestArchive) {
    demo::load_demo(&t.archive).await.expect("demo");
    let a = &t.archive;
    for person in [
        ids::ADULT,
        ids::HEAVY_USER,
        ids::GUARDIAN,
        ids::CHILD,
        ids::TEEN,
        ids::ELDER,
        ids::SWEDISH,
    ] {
        let marks = appointment_marks(a, person).await.expect("marks");
        let own = t.own(person).await;
        let list = own.appointments(PastPeriod::All).await.expect("list");
        let mut listed: Vec<_> = list
            .upcoming
            .iter()
            .chain(&list.past)
            .map(|x| x.id)
            .collect();
        listed.sort_unstable();
        let mut expected: Vec<_> = marks.iter().filter(|m| shown(m)).map(|m| m.id).collect();
        expected.sort_unstable();
        assert!(!expected.is_empty(), "{person:?} has appointments");
        assert_eq!(listed, expected, "{person:?}: exactly what is shown");
        let upcoming: Vec<_> = own
            .appointments_for_calendar(None)
            .await
            .expect("calendar")
            .into_iter()
            .map(|x| x.id)
            .collect();
        assert_eq!(
            upcoming,
            list.upcoming.iter().map(|x| x.id).collect::<Vec<_>>(),
            "{person:?}: the calendar holds what is to come, as listed"
        );
        for hidden in marks.iter().filter(|m| !shown(m)) {
            assert!(
                matches!(
                    own.appointment(hidden.id).await,
                    Err(ArchiveError::NotFound)
                ),
                "{person:?}: {} not opened",
                hidden.kind
            );
            assert!(
                matches!(
                    own.appointments_for_calendar(Some(hidden.id)).await,
                    Err(ArchiveError::NotFound)
                ),
                "{person:?}: {} not in a calendar file",
                hidden.kind
            );
        }
    }
    // The adults of the demo have one of each never shown, and one not told yet.
    let marks = appointment_marks(a, ids::ADULT).await.expect("marks");
    for kind in ["psychiatry", "clinical-genetics"] {
        assert!(marks.iter().any(|m| m.kind == kind), "{kind}");
    }
    assert!(marks.iter().any(|m| !m.released), "one not told");
}
on_both!(never_shown, what_is_never_shown_is_not_read_at_all);

async fn to_come_nearest_first_and_the_past_by_its_period(t: &TestArchive) {
    demo::load_demo(&t.archive).await.expect("demo");
    let a = &t.archive;
    let today = a.clock().today();
    let own = t.own(ids::HEAVY_USER).await;
    let all = own.appointments(PastPeriod::All).await.expect("list");
    assert!(all.upcoming.len() >= 2 && all.past.len() >= 10);
    assert!(all
        .upcoming
        .windows(2)
        .all(|w| w[0].starts_at <= w[1].starts_at));
    assert!(all.upcoming.iter().all(|x| x.starts_at.date() >= today));
    assert!(all
        .past
        .windows(2)
        .all(|w| w[0].starts_at >= w[1].starts_at));
    assert!(all.past.iter().all(|x| x.starts_at.date() < today));
    assert!(!all.more_past && all.past.len() <= MAX_PAST);
    for period in [
        PastPeriod::ThreeMonths,
        PastPeriod::Year,
        PastPeriod::ThreeYears,
    ] {
        let since = period.since(today).expect("a start");
        let within = own.appointments(period).await.expect("list");
        let expected: Vec<_> = all
            .past
            .iter()
            .filter(|x| x.starts_at.date() >= since)
            .map(|x| x.id)
            .collect();
        assert_eq!(
            within.past.iter().map(|x| x.id).collect::<Vec<_>>(),
            expected,
            "{period:?}"
        );
        assert_eq!(
            within.upcoming, all.upcoming,
            "what is to come, whatever the period"
        );
    }
    // Links are the provider's https addresses only; a video appointment has one to join.
    for x in all.upcoming.iter().chain(&all.past) {
        assert!(x
            .booking_service
            .as_deref()
            .is_some_and(|u| u.starts_with("https://")));
        assert_eq!(
            x.join_link.is_some(),
            x.mode == archive::model::AttendanceMode::Video,
            "{x:?}"
        );
    }
    // The list is audited with its period.
    let trail = audit_trail(a, ids::HEAVY_USER).await.expect("trail");
    assert!(trail
        .iter()
        .any(|e| e.action == "appointments.list" && e.detail.as_deref() == Some("past=3m")));
}
on_both!(
    order_and_period,
    to_come_nearest_first_and_the_past_by_its_period
);

async fn proxies_see_what_the_rules_let_them(t: &TestArchive) {
    demo::load_demo(&t.archive).await.expect("demo");
    let a = &t.archive;
    let listed = |list: archive::model::Appointments| {
        let mut ids: Vec<_> = list
            .upcoming
            .iter()
            .chain(&list.past)
            .map(|x| x.id)
            .collect();
        ids.sort_unstable();
        ids
    };
    let shown_of = |marks: &[AppointmentMarks], rule: &dyn Fn(&AppointmentMarks) -> bool| {
        let mut ids: Vec<_> = marks
            .iter()
            .filter(|m| shown(m) && rule(m))
            .map(|m| m.id)
            .collect();
        ids.sort_unstable();
        ids
    };
    // A guardian of a child under ten, and a mandate holder: all that is shown.
    for (actor, subject) in [(ids::GUARDIAN, ids::CHILD), (ids::ADULT, ids::ELDER)] {
        let marks = appointment_marks(a, subject).await.expect("marks");
        let proxy = t.access(actor, subject).await;
        assert_eq!(
            listed(proxy.appointments(PastPeriod::All).await.expect("list")),
            shown_of(&marks, &|_| true)
        );
    }
    // A guardian of a teen: only what a professional marked visible to guardians.
    let marks = appointment_marks(a, ids::TEEN).await.expect("marks");
    let laura = t.access(ids::GUARDIAN, ids::TEEN).await;
    let seen = listed(laura.appointments(PastPeriod::All).await.expect("list"));
    assert_eq!(seen, shown_of(&marks, &|m| m.visible_to_guardian));
    assert!(
        seen.len() < shown_of(&marks, &|_| true).len(),
        "some of the teen's appointments are her own"
    );
    let own_only = marks
        .iter()
        .find(|m| shown(m) && !m.visible_to_guardian)
        .expect("one of her own");
    assert!(matches!(
        laura.appointment(own_only.id).await,
        Err(ArchiveError::NotFound)
    ));
    assert!(t
        .own(ids::TEEN)
        .await
        .appointment(own_only.id)
        .await
        .is_ok());
    // The person's own sections stay theirs: nothing here for anyone else.
    let stranger: PersonId = ids::HEAVY_USER;
    let hers = marks.iter().find(|m| shown(m)).expect("one").id;
    assert!(matches!(
        t.own(stranger).await.appointment(hers).await,
        Err(ArchiveError::NotFound)
    ));
}
on_both!(proxies, proxies_see_what_the_rules_let_them);

async fn news_counts_what_was_booked_since_and_names_the_next(t: &TestArchive) {
    demo::load_demo(&t.archive).await.expect("demo");
    let a = &t.archive;
    let own = t.own(ids::ADULT).await;
    let list = own.appointments(PastPeriod::Year).await.expect("list");
    let now_ms = a.clock().now().unix_timestamp() * 1000;
    let week_ago = now_ms - 7 * 24 * 3600 * 1000;
    let news = own.appointments_news(week_ago).await.expect("news");
    assert_eq!(news.next, list.upcoming.first().map(|x| x.starts_at));
    assert_eq!(news.booked, 1, "the demo books one of them five days ago");
    let none = own.appointments_news(now_ms).await.expect("news");
    assert_eq!(none.booked, 0);
}
on_both!(news, news_counts_what_was_booked_since_and_names_the_next);
