//! `/fhir/Patient`: the person's own Patient, at the opaque id their measurements'
//! subject names. Read, found by a search (none or the one), and written by `PUT` at
//! its id: the first without `If-Match` (201), each later one with it (200).

use archive::wellbeing::PatientWritten;
use axum::body::Body;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use phr::rest::Issue;

use super::{
    app, app_and_body, app_and_query, if_match, outcome, refusal_answer, refused, resource,
    searchset,
};
use crate::AppState;

const PATIENT: &str = "Patient";

/// A search of the person's Patient: without parameters, or by `_id`.
pub(super) async fn search(
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Response {
    let (access, pairs) = match app_and_query(&state, &headers, query.as_deref()).await {
        Ok(both) => both,
        Err(response) => return response,
    };
    let mut ids = Vec::new();
    for (name, value) in pairs {
        if name != "_id" {
            return outcome(
                StatusCode::BAD_REQUEST,
                Issue::NotSupported,
                "the person's Patient is searched without parameters or by _id",
                Some(&name),
            );
        }
        ids.push(value);
    }
    match access.patient_resources().await {
        Ok(mut found) => {
            found.retain(|p| ids.iter().all(|id| *id == p.id));
            searchset(&state, PATIENT, query.as_deref(), &found)
        }
        Err(e) => refused(&e),
    }
}

pub(super) async fn read(
    State(state): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Response {
    let access = match app(&state, &headers).await {
        Ok(access) => access,
        Err(response) => return response,
    };
    match access.patient_resource(&id).await {
        Ok(stored) => resource(&state, PATIENT, StatusCode::OK, &stored),
        Err(e) => refused(&e),
    }
}

/// Writes the person's Patient at its id: created by the first, replaced by a later
/// one that names the version it replaces.
pub(super) async fn update(
    State(state): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let (access, json) = match app_and_body(&state, &headers, body).await {
        Ok(both) => both,
        Err(response) => return response,
    };
    let version = match if_match(&headers) {
        Ok(version) => version,
        Err(response) => return response,
    };
    if let Err(refusal) = phr::read_patient(&json, &id) {
        return refusal_answer(&refusal);
    }
    match access
        .write_patient(&id, version, &json, &phr::KantaPhr)
        .await
    {
        Ok(PatientWritten::Created(stored)) => {
            resource(&state, PATIENT, StatusCode::CREATED, &stored)
        }
        Ok(PatientWritten::Updated(stored)) => resource(&state, PATIENT, StatusCode::OK, &stored),
        Err(e) => refused(&e),
    }
}
