//! Appointments: the list (to come, and past within a period), one appointment, the
//! calendar file's, and what is new. Every read shows only what the provider told the
//! client (`released`), never a kind that is never shown
//! ([`AppointmentKind::ever_shown`]), and to a guardian of a teen only what the
//! documents' rule allows ([`Access::visible_rows`]): all in [`Access::push_shown`].

use super::model::{
    safe_link, Appointment, AppointmentId, AppointmentKind, Appointments, AppointmentsNews,
    AttendanceMode, PastPeriod, ProfessionalRole, MAX_PAST,
};
use crate::access::{Access, Action, AuditedRead};
use crate::clock::{format_stamp, parse_stamp, DAY};
use crate::db::Sql;
use crate::error::ArchiveError;
use crate::model::{Language, OrganisationId, OrganisationRef};
use crate::news::part::NewsPart;

const COLUMNS: &str = "SELECT a.id, a.starts_at, a.minutes, a.kind, a.mode, a.professional_role, \
     a.organisation_id, o.name AS organisation_name, u.name AS unit_name, u.street_address, \
     a.join_url, a.preparation, a.language, a.booking_reference, a.booking_service_url \
     FROM appointment a JOIN organisation o ON o.id = a.organisation_id \
     JOIN care_unit u ON u.id = a.unit_id WHERE a.person_id = ";

/// An appointment as [`COLUMNS`] reads it.
#[derive(sqlx::FromRow)]
struct AppointmentRow {
    id: i64,
    starts_at: String,
    minutes: i64,
    kind: String,
    mode: String,
    professional_role: String,
    organisation_id: i64,
    organisation_name: String,
    unit_name: String,
    street_address: Option<String>,
    join_url: Option<String>,
    preparation: Option<String>,
    language: String,
    booking_reference: String,
    booking_service_url: String,
}

impl TryFrom<AppointmentRow> for Appointment {
    type Error = ArchiveError;

    fn try_from(row: AppointmentRow) -> Result<Self, ArchiveError> {
        let mode =
            AttendanceMode::from_code(&row.mode).ok_or(ArchiveError::Corrupt("attendance"))?;
        Ok(Self {
            id: AppointmentId::from_raw(row.id),
            starts_at: parse_stamp(&row.starts_at)?,
            minutes: row.minutes,
            kind: AppointmentKind::from_code(&row.kind)
                .ok_or(ArchiveError::Corrupt("appointment kind"))?,
            mode,
            role: ProfessionalRole::from_code(&row.professional_role)
                .ok_or(ArchiveError::Corrupt("professional role"))?,
            organisation: OrganisationRef {
                id: OrganisationId::from_raw(row.organisation_id),
                name: row.organisation_name,
            },
            unit: row.unit_name,
            address: row.street_address,
            join_link: row
                .join_url
                .as_deref()
                .filter(|_| mode == AttendanceMode::Video)
                .and_then(safe_link),
            preparation: row.preparation.filter(|p| !p.trim().is_empty()),
            language: Language::from_code(&row.language)
                .ok_or(ArchiveError::Corrupt("language"))?,
            booking_reference: row.booking_reference,
            booking_service: safe_link(&row.booking_service_url),
        })
    }
}

impl Access {
    /// The condition, on appointments aliased `a`, that limits them to those this right
    /// is shown: told to the client, of a kind ever shown, and visible to this right.
    fn push_shown(&self, sql: &mut Sql) {
        sql.push(" AND a.released = 1 AND a.kind NOT IN (")
            .bind_list(AppointmentKind::never_shown().map(AppointmentKind::code))
            .push(") AND ");
        self.visible_rows(sql, "a", "starts_at");
    }

    /// The start of today, as appointments' times are stored: from it on, an
    /// appointment is to come (today's stay listed to come all day).
    fn today_stamp(&self) -> String {
        self.archive.clock.today().format(DAY).unwrap_or_default()
    }

    async fn fetch(read: &mut AuditedRead, sql: &Sql) -> Result<Vec<Appointment>, ArchiveError> {
        sql.query_as::<AppointmentRow>()
            .fetch_all(&mut *read.tx)
            .await?
            .into_iter()
            .map(Appointment::try_from)
            .collect()
    }

    /// The person's appointments: every one to come (from today on), nearest first,
    /// and those past within `period`, newest first (at most [`MAX_PAST`]).
    ///
    /// # Errors
    /// `Refused` when the right does not cover appointments; `Storage` when the
    /// database fails.
    pub async fn appointments(&self, period: PastPeriod) -> Result<Appointments, ArchiveError> {
        let mut read = self
            .begin_read(
                Action::ListAppointments,
                None,
                Some(format!("past={}", period.code())),
            )
            .await?;
        let today = self.today_stamp();
        let mut sql = Sql::new(COLUMNS);
        sql.bind(self.subject().get());
        self.push_shown(&mut sql);
        sql.push(" AND a.starts_at >= ")
            .bind(today.as_str())
            .push(" ORDER BY a.starts_at, a.id");
        let upcoming = Self::fetch(&mut read, &sql).await?;
        let mut sql = Sql::new(COLUMNS);
        sql.bind(self.subject().get());
        self.push_shown(&mut sql);
        sql.push(" AND a.starts_at < ").bind(today.as_str());
        if let Some(since) = period.since(self.archive.clock.today()) {
            sql.push(" AND a.starts_at >= ")
                .bind(since.format(DAY).unwrap_or_default());
        }
        sql.push(" ORDER BY a.starts_at DESC, a.id DESC LIMIT ")
            .bind(i64::try_from(MAX_PAST).unwrap_or(i64::MAX) + 1);
        let mut past = Self::fetch(&mut read, &sql).await?;
        let more_past = past.len() > MAX_PAST;
        past.truncate(MAX_PAST);
        self.finish_read(read).await?;
        Ok(Appointments {
            upcoming,
            past,
            period,
            more_past,
        })
    }

    /// One appointment in full.
    ///
    /// # Errors
    /// `NotFound` when the person has no such appointment this right is shown;
    /// `Refused` when the right does not cover appointments.
    pub async fn appointment(&self, id: AppointmentId) -> Result<Appointment, ArchiveError> {
        let mut read = self
            .begin_read(Action::ReadAppointment, Some(id.get()), None)
            .await?;
        let mut sql = Sql::new(COLUMNS);
        sql.bind(self.subject().get())
            .push(" AND a.id = ")
            .bind(id.get());
        self.push_shown(&mut sql);
        let Some(found) = Self::fetch(&mut read, &sql).await?.pop() else {
            return Err(self.refuse_read(read, ArchiveError::NotFound).await);
        };
        self.finish_read(read).await?;
        Ok(found)
    }

    /// What goes into a calendar file: one appointment (`Some`), or every one to come.
    /// Audited as such, apart from viewing them.
    ///
    /// # Errors
    /// `NotFound` for an appointment the person does not have or this right is not
    /// shown; `Refused` when the right does not cover appointments.
    pub async fn appointments_for_calendar(
        &self,
        one: Option<AppointmentId>,
    ) -> Result<Vec<Appointment>, ArchiveError> {
        let mut read = self
            .begin_read(
                Action::ExportAppointments,
                one.map(AppointmentId::get),
                None,
            )
            .await?;
        let mut sql = Sql::new(COLUMNS);
        sql.bind(self.subject().get());
        match one {
            Some(id) => sql.push(" AND a.id = ").bind(id.get()),
            None => sql.push(" AND a.starts_at >= ").bind(self.today_stamp()),
        };
        self.push_shown(&mut sql);
        sql.push(" ORDER BY a.starts_at, a.id");
        let found = Self::fetch(&mut read, &sql).await?;
        if one.is_some() && found.is_empty() {
            return Err(self.refuse_read(read, ArchiveError::NotFound).await);
        }
        self.finish_read(read).await?;
        Ok(found)
    }

    /// Appointments booked since `since_ms` (UTC milliseconds, the previous visit) that
    /// are still to come, and when the next one starts.
    ///
    /// # Errors
    /// `Refused` when the right does not cover appointments; `Storage` when the
    /// database fails.
    pub async fn appointments_news(&self, since_ms: i64) -> Result<AppointmentsNews, ArchiveError> {
        self.news_part(Action::AppointmentsNews, since_ms).await
    }
}

/// The appointments' part of the news statement ([`NewsPart`]).
#[derive(sqlx::FromRow)]
struct AppointmentsNewsRow {
    appointments_booked: i64,
    appointments_next: Option<String>,
}

impl NewsPart for AppointmentsNews {
    fn push(access: &Access, sql: &mut Sql, since_ms: i64) {
        let since = format_stamp(crate::clock::finnish_at_ms(since_ms));
        sql.push("(SELECT COUNT(CASE WHEN a.booked_at > ")
            .bind(since)
            .push(
                " THEN 1 END) AS appointments_booked, MIN(a.starts_at) AS appointments_next \
                 FROM appointment a WHERE a.person_id = ",
            )
            .bind(access.subject().get());
        access.push_shown(sql);
        sql.push(" AND a.starts_at >= ")
            .bind(access.today_stamp())
            .push(")");
    }

    fn of_row(row: &sqlx::any::AnyRow) -> Result<Self, ArchiveError> {
        let row = <AppointmentsNewsRow as sqlx::FromRow<_>>::from_row(row)?;
        Ok(Self {
            booked: row.appointments_booked,
            next: row
                .appointments_next
                .as_deref()
                .map(parse_stamp)
                .transpose()?,
        })
    }
}
