//! Who may act for whom. Access is a value you obtain from [`Archive::access`], not a
//! check you remember: every operation on a person's data is a method of [`Access`],
//! and only this module can make one.

use std::sync::Arc;

use sqlx::{Any, Transaction};
use time::OffsetDateTime;

pub use crate::audit::Action;
use crate::audit::Refusal;
use crate::audit_writer::{write_audit, AuditEvent};
use crate::clock::Clock;
use crate::db::Db;
use crate::error::ArchiveError;
use crate::hetu::Hetu;
use crate::model::PersonId;
use crate::rights::{decide, DocumentRule, Right, Section};

mod app;

/// The archive: storage, the clock, and the rules.
#[derive(Debug, Clone)]
pub struct Archive {
    pub(crate) db: Db,
    pub(crate) clock: Arc<dyn Clock>,
    /// Writes the events of reads, many in one commit.
    pub(crate) audit: crate::audit_writer::AuditWriter,
}

/// Someone who has proved who they are (strong identification, a session).
/// Made only by the archive, from an identity code or a session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    person: PersonId,
    /// When the person's previous visit ended (UTC milliseconds), as their session
    /// keeps it; `None` on a first visit or without a session.
    previous_visit_ms: Option<i64>,
    /// Their birth date, as their session read it with them (so their own pages need
    /// not ask the register again for a section's age); `None` without a session.
    birth_date: Option<time::Date>,
}

impl Actor {
    /// An actor by identification alone, not (yet) in a session.
    pub(crate) const fn new(person: PersonId) -> Self {
        Self {
            person,
            previous_visit_ms: None,
            birth_date: None,
        }
    }

    /// An actor resumed from a session, which knows when their previous visit ended,
    /// and their birth date.
    pub(crate) const fn resumed(
        person: PersonId,
        previous_visit_ms: Option<i64>,
        birth_date: Option<time::Date>,
    ) -> Self {
        Self {
            person,
            previous_visit_ms,
            birth_date,
        }
    }

    #[must_use]
    pub const fn person(&self) -> PersonId {
        self.person
    }
}

/// Why data is used; written into every audit event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// The citizen (or a proxy) looking after the citizen's own affairs in OmaKanta.
    CitizenService,
    /// A care organisation's query ([`crate::providers`]), for its stated purpose.
    Provider(crate::providers::model::QueryPurpose),
    /// An app of the person's, through the FHIR interface, with what its access
    /// token's scopes let it do ([`Archive::app_access`]); within what the person
    /// allowed it ([`crate::wellbeing::sharing`]), checked at every operation.
    App {
        app: crate::wellbeing::sharing::AppId,
        scopes: crate::wellbeing::sharing::AppScopes,
    },
}

impl Purpose {
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Self::CitizenService => "citizen-service",
            Self::Provider(purpose) => purpose.code(),
            Self::App { .. } => "app",
        }
    }
}

/// Proof that `actor` may act for `subject` now, by `right`.
#[derive(Debug, Clone)]
pub struct Access {
    pub(crate) archive: Archive,
    actor: PersonId,
    /// The actor's previous visit, from their session ([`Actor`]): what is new is
    /// counted from it.
    pub(crate) previous_visit_ms: Option<i64>,
    subject: PersonId,
    /// The subject's birth date when it is known already (their own access, from
    /// their session).
    subject_birth: Option<time::Date>,
    right: Right,
    at: OffsetDateTime,
    purpose: Purpose,
}

/// A read under way: its transaction, and the event it will be recorded by.
#[derive(Debug)]
pub(crate) struct AuditedRead {
    pub tx: Transaction<'static, Any>,
    event: AuditEvent,
    ending: crate::db::ReadEnding,
}

/// A read of several sections at once (the front page's news): one transaction, and
/// an event for each section read, written together when it ends.
pub(crate) struct SectionsRead {
    pub tx: crate::db::ReadOn,
    events: Vec<AuditEvent>,
    ending: crate::db::ReadEnding,
}

pub(crate) fn unix_ms(at: OffsetDateTime) -> i64 {
    i64::try_from(at.unix_timestamp_nanos() / 1_000_000).unwrap_or(i64::MAX)
}

impl Archive {
    /// Opens the archive at a database URL, migrating it.
    ///
    /// # Errors
    /// When the database cannot be reached or migrated.
    pub async fn open(database_url: &str, clock: Arc<dyn Clock>) -> Result<Self, ArchiveError> {
        let db = Db::connect(database_url).await?;
        let audit = crate::audit_writer::AuditWriter::start(db.audit_pool().clone());
        Ok(Self { db, clock, audit })
    }

    #[must_use]
    pub fn clock(&self) -> &Arc<dyn Clock> {
        &self.clock
    }

    #[must_use]
    pub fn db(&self) -> &Db {
        &self.db
    }

    /// The actor an identity code belongs to, after strong identification.
    ///
    /// # Errors
    /// `NotFound` when the archive holds no such person.
    pub async fn authenticate(&self, hetu: &Hetu) -> Result<Actor, ArchiveError> {
        let (id,): (i64,) = sqlx::query_as("SELECT id FROM person WHERE hetu = $1")
            .bind(hetu.as_str())
            .fetch_one(self.db.pool())
            .await?;
        Ok(Actor::new(PersonId::from_raw(id)))
    }

    /// Resolves by which right `actor` may act for `subject` now, or refuses and
    /// records the refusal (the audit row keeps the reason; the actor is told
    /// [`Refusal::as_told`]).
    ///
    /// # Errors
    /// `Refused` when there is no right; `Storage` when the database fails.
    pub async fn access(
        &self,
        actor: &Actor,
        subject: PersonId,
        purpose: Purpose,
    ) -> Result<Access, ArchiveError> {
        let at = self.clock.now();
        if actor.person == subject {
            return Ok(Access {
                archive: self.clone(),
                actor: actor.person,
                previous_visit_ms: actor.previous_visit_ms,
                subject,
                subject_birth: actor.birth_date,
                right: Right::Own,
                at,
                purpose,
            });
        }
        let facts = self.facts(actor.person, subject).await?;
        match decide(&facts, crate::clock::finnish_local(at).date()) {
            Ok(right) => Ok(Access {
                archive: self.clone(),
                actor: actor.person,
                previous_visit_ms: actor.previous_visit_ms,
                subject,
                subject_birth: None,
                right,
                at,
                purpose,
            }),
            Err(refusal) => {
                if !facts.guardian && facts.mandates.is_empty() {
                    return Err(self.no_relation(actor.person, Some(subject)).await);
                }
                self.audit
                    .record(AuditEvent {
                        subject,
                        actor: actor.person,
                        right: "none",
                        action: Action::AccessRefused,
                        object: None,
                        detail: None,
                        purpose,
                        outcome: refusal.code(),
                        at,
                    })
                    .await?;
                Err(ArchiveError::Refused(refusal.as_told()))
            }
        }
    }

    /// Refuses an attempt to act for someone the actor has no registered relation to
    /// (or for a handle that names no one): a matter of security, not of anyone's
    /// disclosures. It goes on the actor's own trail (naming whom it tried, when it is
    /// known) and into the log without personal data; never onto another's trail.
    pub(crate) async fn no_relation(
        &self,
        actor: PersonId,
        tried: Option<PersonId>,
    ) -> ArchiveError {
        tracing::warn!(
            action = Action::AccessRefused.code(),
            outcome = "no-relation",
            "an attempt to act for someone without a registered relation"
        );
        let recorded = self
            .audit
            .record(AuditEvent {
                subject: actor,
                actor,
                right: "none",
                action: Action::AccessRefused,
                object: tried.map(PersonId::get),
                detail: None,
                purpose: Purpose::CitizenService,
                outcome: "no-relation",
                at: self.clock.now(),
            })
            .await;
        match recorded {
            Ok(()) => ArchiveError::Refused(Refusal::NoRight),
            Err(e) => e,
        }
    }
}

impl Access {
    #[must_use]
    pub const fn actor(&self) -> PersonId {
        self.actor
    }

    #[must_use]
    pub const fn subject(&self) -> PersonId {
        self.subject
    }

    #[must_use]
    pub const fn right(&self) -> Right {
        self.right
    }

    #[must_use]
    pub const fn purpose(&self) -> Purpose {
        self.purpose
    }

    /// When the access was granted; the moment against which rules are applied.
    #[must_use]
    pub const fn at(&self) -> OffsetDateTime {
        self.at
    }

    /// Begins the transaction of one change with its audit event already written in
    /// it: the event commits with the operation or not at all. Writing first also takes
    /// SQLite's write lock up front, so a read cannot meet a stale snapshot when it
    /// comes to write. The action's section ([`Action::section`]) that the right does
    /// not cover is refused (and the refusal audited) here, so no operation can forget
    /// to ask; an action on no section is the person's own.
    pub(crate) async fn begin_audited(
        &self,
        action: Action,
        object: Option<i64>,
    ) -> Result<Transaction<'static, Any>, ArchiveError> {
        self.begin_audited_with(action, object, None).await
    }

    /// [`Access::begin_audited`] with the event's `detail` (what of several kinds
    /// was changed).
    pub(crate) async fn begin_audited_with(
        &self,
        action: Action,
        object: Option<i64>,
        detail: Option<String>,
    ) -> Result<Transaction<'static, Any>, ArchiveError> {
        self.require_cover(action, object).await?;
        let mut tx = self.archive.db.begin().await?;
        let event = self.event_with(action, object, detail);
        write_audit(&mut tx, event).await?;
        Ok(tx)
    }

    /// Refuses (and records the refusal of) an action whose section the right does not
    /// cover ([`Action::section`]); an action on no section is the person's own.
    async fn require_cover(&self, action: Action, object: Option<i64>) -> Result<(), ArchiveError> {
        let covered = action
            .section()
            .map_or(self.right == Right::Own, |s| self.right.covers(s));
        let refusal = if !covered {
            Refusal::NotCovered
        } else if self.under_age(action).await? {
            Refusal::UnderAge
        } else if let Some(refusal) = self.app_refusal(action).await? {
            refusal
        } else {
            return Ok(());
        };
        self.archive
            .audit
            .record(self.event(Action::AccessRefused, object, refusal.code()))
            .await?;
        Err(ArchiveError::Refused(refusal))
    }

    /// Whether the person is younger than the action's section admits them
    /// (`own_from_age`); for such a section only, from their session's birth date or
    /// else the register's.
    async fn under_age(&self, action: Action) -> Result<bool, ArchiveError> {
        match action.section() {
            Some(section) => self.under_age_for(section).await,
            None => Ok(false),
        }
    }

    /// Whether the person is younger than `section` admits them (`own_from_age`).
    pub(crate) async fn under_age_for(&self, section: Section) -> Result<bool, ArchiveError> {
        let from_age = section.spec().coverage.own_from_age;
        if from_age == 0 {
            return Ok(false);
        }
        let birth = match self.subject_birth {
            Some(birth) => birth,
            None => {
                let birth: String =
                    sqlx::query_scalar("SELECT birth_date FROM person WHERE id = $1")
                        .bind(self.subject.get())
                        .fetch_one(self.archive.db.pool())
                        .await?;
                time::Date::parse(&birth, &time::format_description::well_known::Iso8601::DATE)
                    .map_err(|_| ArchiveError::Corrupt("birth date"))?
            }
        };
        let today = crate::clock::finnish_local(self.at).date();
        Ok(crate::clock::age_on(birth, today) < from_age)
    }

    /// Begins a read: the right's reach to the action's section is checked (a refusal
    /// recorded at once), and a transaction of its own is opened for the read. Its
    /// event is written by [`Access::finish_read`] (or [`Access::refuse_read`]) with
    /// the reads of others in one commit, before anything read is returned.
    pub(crate) async fn begin_read(
        &self,
        action: Action,
        object: Option<i64>,
        detail: Option<String>,
    ) -> Result<AuditedRead, ArchiveError> {
        let ending = self.archive.db.read_begins();
        self.require_cover(action, object).await?;
        Ok(AuditedRead {
            ending,
            tx: self.archive.db.begin().await?,
            event: self.event_with(action, object, detail),
        })
    }

    /// Ends a read that found what it looked for: its event is durable when this
    /// returns, and only then may what was read leave the archive.
    pub(crate) async fn finish_read(&self, read: AuditedRead) -> Result<(), ArchiveError> {
        read.tx.commit().await?;
        let recorded = self.archive.audit.record(read.event).await;
        read.ending.ended();
        recorded
    }

    /// Begins a read of several sections in one transaction ([`SectionsRead`]).
    pub(crate) async fn begin_sections_read(&self) -> Result<SectionsRead, ArchiveError> {
        let ending = self.archive.db.read_begins();
        Ok(SectionsRead {
            // Its counts are a person's rows by index, planned once ([`Db::begin_generic`]).
            tx: self.archive.db.begin_generic().await?,
            events: Vec::new(),
            ending,
        })
    }

    /// Begins a read of one section as the front page reads them
    /// ([`Access::begin_sections_read`], its event noted): the right's reach is checked
    /// first, so a refusal (recorded at once) begins nothing.
    pub(crate) async fn begin_section_read(
        &self,
        action: Action,
    ) -> Result<SectionsRead, ArchiveError> {
        self.require_cover(action, None).await?;
        let mut read = self.begin_sections_read().await?;
        read.events.push(self.event(action, None, "ok"));
        Ok(read)
    }

    /// Notes that `read` read `action`'s section: its event is written when the read
    /// ends. Only a section the right covers may be read so (checked; a section not
    /// covered is refused here and recorded so).
    pub(crate) async fn read_section(
        &self,
        read: &mut SectionsRead,
        action: Action,
    ) -> Result<(), ArchiveError> {
        self.require_cover(action, None).await?;
        read.events.push(self.event(action, None, "ok"));
        Ok(())
    }

    /// Notes that `read` also looked up something of the actor's own (`action`, on
    /// their own trail): its event is written with the sections'.
    pub(crate) fn read_own(&self, read: &mut SectionsRead, action: Action) {
        read.events.push(AuditEvent::own(
            self.actor,
            action,
            self.archive.clock.now(),
        ));
    }

    /// Ends a read of several sections: one event a section, written together and
    /// durable before this returns.
    pub(crate) async fn finish_sections_read(
        &self,
        read: SectionsRead,
    ) -> Result<(), ArchiveError> {
        read.tx.end().await?;
        let recorded = self.archive.audit.record_all(read.events).await;
        read.ending.ended();
        recorded
    }

    /// Ends a read that found nothing this right may see: recorded with its outcome.
    pub(crate) async fn refuse_read(&self, read: AuditedRead, error: ArchiveError) -> ArchiveError {
        let answer = self.record_refusal(read.tx, read.event, error).await;
        read.ending.ended();
        answer
    }

    /// The audit event of `action` on `object` by this access, now. An app's names
    /// the app first in its detail (`app 17`).
    fn event(&self, action: Action, object: Option<i64>, outcome: &'static str) -> AuditEvent {
        AuditEvent {
            subject: self.subject,
            actor: self.actor,
            right: self.right.kind().code(),
            action,
            object,
            detail: match self.purpose {
                Purpose::App { app, .. } => Some(format!("app {app}")),
                _ => None,
            },
            purpose: self.purpose,
            outcome,
            at: self.archive.clock.now(),
        }
    }

    /// [`Access::event`] with `detail` (after the app's name, for an app).
    fn event_with(
        &self,
        action: Action,
        object: Option<i64>,
        detail: Option<String>,
    ) -> AuditEvent {
        let event = self.event(action, object, "ok");
        let detail = match (event.detail, detail) {
            (Some(app), Some(detail)) => Some(format!("{app} {detail}")),
            (app, detail) => detail.or(app),
        };
        AuditEvent { detail, ..event }
    }

    /// Ends an operation that found nothing this right may see, or that a rule or the
    /// input refused: what its transaction did is rolled back, and the attempt is
    /// recorded with its outcome (`not-found`, the rule's or the input's code) in a
    /// transaction of its own, so no refusal vanishes from the trail. Returns the error
    /// to answer with (or the storage error that kept it from being recorded).
    pub(crate) async fn refuse(
        &self,
        tx: Transaction<'static, Any>,
        action: Action,
        object: Option<i64>,
        error: ArchiveError,
    ) -> ArchiveError {
        self.record_refusal(tx, self.event(action, object, "ok"), error)
            .await
    }

    /// Rolls back `tx` and records `event` with the outcome `error` names (`not-found`,
    /// the rule's or the input's code); returns the error to answer with, or the one
    /// that kept it from being recorded. Other errors are answered as they are.
    async fn record_refusal(
        &self,
        tx: Transaction<'static, Any>,
        event: AuditEvent,
        error: ArchiveError,
    ) -> ArchiveError {
        let outcome = match &error {
            ArchiveError::NotFound => "not-found",
            ArchiveError::Blocked(code) | ArchiveError::Invalid { code, .. } => code,
            ArchiveError::InvalidFields(problems) => problems.first().map_or("invalid", |p| p.1),
            _ => return error,
        };
        if let Err(e) = tx.rollback().await {
            return e.into();
        }
        match self
            .archive
            .audit
            .record(AuditEvent { outcome, ..event })
            .await
        {
            Ok(()) => error,
            Err(e) => e,
        }
    }

    /// The condition, on rows aliased `alias` that carry `guardian_may_see` and
    /// `denied_to_guardian` marks and a date in `date_column`, that limits them to what
    /// this right may see: [`DocumentRule`] in SQL, for documents and prescriptions
    /// alike, written into `sql` with [`Access::visibility_cutoff`] bound there: no
    /// value is ever formatted into the SQL text (which logs may quote).
    pub(crate) fn visible_rows(&self, sql: &mut crate::db::Sql, alias: &str, date_column: &str) {
        sql.push(&format!("({alias}.{date_column} < "))
            .bind(self.visibility_cutoff())
            .push(&format!(
                " OR ({alias}.guardian_may_see = 1 AND {alias}.denied_to_guardian = 0))"
            ));
    }

    /// The condition, on documents aliased `alias`, that a professional's delayed
    /// display of them (if any) has ended, at the clock's minute (bound in `sql`). A
    /// document that meets [`Access::visible_rows`] but not this is listed as delayed
    /// (that it exists, when it appears), and nothing of it is read.
    pub(crate) fn released(&self, sql: &mut crate::db::Sql, alias: &str) {
        sql.push(&format!(
            "({alias}.shown_from IS NULL OR {alias}.shown_from <= "
        ))
        .bind(self.now_stamp())
        .push(")");
    }

    /// The clock's now as a stored clinical time (Finnish local, to the minute), for
    /// [`Access::released`]: a delay ends at its minute exactly.
    pub(crate) fn now_stamp(&self) -> String {
        crate::clock::format_stamp(crate::clock::finnish_local(self.archive.clock.now()))
    }

    /// The day before which every row is visible to this right: the child's tenth
    /// birthday for a guardian of a child of 10 to 17, after every date otherwise.
    pub(crate) fn visibility_cutoff(&self) -> String {
        match self.right.document_rule() {
            DocumentRule::All => "9999-12-31".to_owned(),
            DocumentRule::GuardianOfTen { tenth_birthday } => tenth_birthday
                .format(crate::clock::DAY)
                .unwrap_or_else(|_| "0000-01-01".to_owned()),
        }
    }

    /// Whether this access reaches a section, for offering it in the interface. The
    /// operations check it themselves.
    #[must_use]
    pub const fn covers(&self, section: Section) -> bool {
        self.right.covers(section)
    }
}
