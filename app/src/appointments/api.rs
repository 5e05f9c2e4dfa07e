//! The appointments' server functions.

use archive::model::{Appointment, Appointments, PastPeriod};
use leptos::prelude::*;

use crate::error::AppError;

/// The period a page's address asks past appointments for (`?past=3y`); a year when it
/// asks none.
///
/// # Errors
/// `Invalid` (field `past`) for a period there is not.
pub fn past_period(code: Option<&str>) -> Result<PastPeriod, AppError> {
    match code.map(str::trim) {
        None | Some("") => Ok(PastPeriod::default()),
        Some(code) => {
            PastPeriod::from_code(code).ok_or_else(|| AppError::invalid("past", "choice"))
        }
    }
}

/// The appointments of the person the session acts for: all to come, and the past
/// within the period asked for.
#[server(prefix = "/api", endpoint = "appointments")]
pub async fn list_appointments(past: Option<String>) -> Result<Appointments, AppError> {
    use crate::ssr::subject_access;
    let period = past_period(past.as_deref())?;
    Ok(subject_access().await?.appointments(period).await?)
}

/// One appointment.
#[server(prefix = "/api", endpoint = "appointment")]
pub async fn read_appointment(id: String) -> Result<Appointment, AppError> {
    use crate::ssr::subject_access;
    let id = id.parse().map_err(|_| AppError::NotFound)?;
    Ok(subject_access().await?.appointment(id).await?)
}
