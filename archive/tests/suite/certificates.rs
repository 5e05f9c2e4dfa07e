//! Certificates on SQLite and PostgreSQL: listed newest first with where each went;
//! every forwarding is in the person's disclosure log as a disclosure to that
//! organisation; a guardian of a teen sees what is from before ten or marked.

use crate::common;

use archive::demo::{self, ids};
use archive::inspect::{audit_trail, certificate_marks};
use archive::model::{CertificateForm, Recipient};
use archive::ArchiveError;
use common::TestArchive;

async fn listed_with_where_each_went_and_each_forwarding_disclosed(t: &TestArchive) {
    demo::load_demo(&t.archive).await.expect("demo");
    let a = &t.archive;
    let mikko = t.own(ids::HEAVY_USER).await;
    let list = mikko.certificates().await.expect("list");
    assert!(list.windows(2).all(|w| w[0].issued_at >= w[1].issued_at));
    let driving = list
        .iter()
        .find(|c| c.form == CertificateForm::DrivingLicence)
        .expect("a driving-licence certificate");
    assert_eq!(driving.forwardings.len(), 1);
    assert_eq!(driving.forwardings[0].recipient, Recipient::Traficom);
    assert!(driving.forwardings[0].sent_at >= driving.issued_at);
    let full = mikko.certificate(driving.id).await.expect("in full");
    assert!(!full.content.is_empty());
    assert_eq!(full.summary, *driving);
    // The disclosure log shows each forwarding: to whom, what, when.
    let log = mikko
        .disclosure_log(&archive::model::LogFilter::default(), None, 100)
        .await
        .expect("log");
    let mut disclosed: Vec<_> = log
        .forwardings
        .iter()
        .map(|f| (f.at, f.recipient, f.form))
        .collect();
    let mut forwarded: Vec<_> = list
        .iter()
        .flat_map(|c| {
            c.forwardings
                .iter()
                .map(move |f| (f.sent_at, f.recipient, c.form))
        })
        .collect();
    disclosed.sort_by_key(|d| (d.0, d.1.code(), d.2.code()));
    forwarded.sort_by_key(|d| (d.0, d.1.code(), d.2.code()));
    assert_eq!(disclosed, forwarded);
    assert!(!disclosed.is_empty());
    // Johan's driving-licence certificate was not forwarded: nothing disclosed of it.
    let johan = t.own(ids::SWEDISH).await;
    let his = johan.certificates().await.expect("list");
    assert!(his.iter().any(|c| c.forwardings.is_empty()));
    assert_eq!(
        johan
            .disclosure_log(&archive::model::LogFilter::default(), None, 100)
            .await
            .expect("log")
            .forwardings
            .len(),
        his.iter().filter(|c| !c.forwardings.is_empty()).count()
    );
    // Reading them is audited.
    let trail = audit_trail(a, ids::HEAVY_USER).await.expect("trail");
    for action in ["certificates.list", "certificates.read"] {
        assert!(trail.iter().any(|e| e.action == action), "{action}");
    }
}
on_both!(
    forwardings,
    listed_with_where_each_went_and_each_forwarding_disclosed
);

async fn a_teen_s_guardian_sees_what_is_from_before_ten_or_marked(t: &TestArchive) {
    demo::load_demo(&t.archive).await.expect("demo");
    let a = &t.archive;
    let marks = certificate_marks(a, ids::TEEN).await.expect("marks");
    let own: Vec<_> = t
        .own(ids::TEEN)
        .await
        .certificates()
        .await
        .expect("list")
        .into_iter()
        .map(|c| c.id)
        .collect();
    assert_eq!(own.len(), marks.len());
    let laura = t.access(ids::GUARDIAN, ids::TEEN).await;
    let seen: Vec<_> = laura
        .certificates()
        .await
        .expect("list")
        .into_iter()
        .map(|c| c.id)
        .collect();
    assert_eq!(seen.len(), 1, "the one from before she was ten");
    let hers = own
        .iter()
        .find(|id| !seen.contains(id))
        .expect("hers alone");
    assert!(matches!(
        laura.certificate(*hers).await,
        Err(ArchiveError::NotFound)
    ));
}
on_both!(
    guardians,
    a_teen_s_guardian_sees_what_is_from_before_ten_or_marked
);
