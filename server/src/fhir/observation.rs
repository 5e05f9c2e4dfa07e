//! `/fhir/Observation`: the person's measurements searched, read, created (once by
//! identifier), updated by version and deleted, and a batch of creates at `/fhir`.

use archive::wellbeing::{Create, Created};
use archive::ArchiveError;
use axum::body::Body;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use phr::rest::{self, EntryAnswer, Issue};

use super::{
    answer, app, app_and_body, app_and_query, base, if_match, now, outcome, refusal_answer,
    refused, resource, searchset,
};
use crate::AppState;

pub(super) async fn search(
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Response {
    let (access, pairs) = match app_and_query(&state, &headers, query.as_deref()).await {
        Ok(both) => both,
        Err(response) => return response,
    };
    let search = match phr::rest::search_of(&pairs) {
        Ok(search) => search,
        Err(refusal) => {
            return outcome(
                StatusCode::BAD_REQUEST,
                Issue::NotSupported,
                &refusal.problem,
                Some(&refusal.location),
            )
        }
    };
    match access.search_observations(&search).await {
        Ok(found) => searchset(&state, "Observation", query.as_deref(), &found),
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
    match access.observation_resource(&id).await {
        Ok(stored) => resource(&state, "Observation", StatusCode::OK, &stored),
        Err(e) => refused(&e),
    }
}

pub(super) async fn create(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let (access, json) = match app_and_body(&state, &headers, body).await {
        Ok(both) => both,
        Err(response) => return response,
    };
    let if_none_exist = match headers.get("if-none-exist").map(HeaderValue::to_str) {
        None => None,
        Some(Ok(query)) => match rest::if_none_exist(query) {
            Some(identifier) => Some(identifier),
            None => {
                return outcome(
                    StatusCode::BAD_REQUEST,
                    Issue::NotSupported,
                    "If-None-Exist must be identifier=system|value",
                    None,
                )
            }
        },
        Some(Err(_)) => {
            return outcome(
                StatusCode::BAD_REQUEST,
                Issue::Invalid,
                "If-None-Exist is not readable",
                None,
            )
        }
    };
    let (now, today) = now(&state);
    let incoming = match phr::incoming(&json, now, today) {
        Ok(incoming) => incoming,
        Err(refusal) => return refusal_answer(&refusal),
    };
    let create = Create {
        incoming,
        if_none_exist,
    };
    match access
        .create_observations(std::slice::from_ref(&create), &phr::KantaPhr)
        .await
    {
        Ok(created) => match created.into_iter().next() {
            Some(Created::New(stored)) => {
                resource(&state, "Observation", StatusCode::CREATED, &stored)
            }
            Some(Created::Existing(stored)) => {
                resource(&state, "Observation", StatusCode::OK, &stored)
            }
            None => refused(&ArchiveError::NotFound),
        },
        Err(e) => refused(&e),
    }
}

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
    // A REST update must name the version it replaces (a batch's may not).
    let version = match if_match(&headers) {
        Ok(Some(version)) => version,
        Ok(None) => return refused(&ArchiveError::Blocked("version-required")),
        Err(response) => return response,
    };
    // The body's id must be the address's.
    let body_id = serde_json::from_str::<serde_json::Value>(&json)
        .ok()
        .and_then(|v| v.get("id").and_then(|id| id.as_str()).map(str::to_owned));
    if body_id.as_deref() != Some(id.as_str()) {
        return outcome(
            StatusCode::BAD_REQUEST,
            Issue::Invalid,
            "the resource's id must be the one in the address",
            Some("Observation.id"),
        );
    }
    let (now, today) = now(&state);
    let incoming = match phr::incoming(&json, now, today) {
        Ok(incoming) => incoming,
        Err(refusal) => return refusal_answer(&refusal),
    };
    match access
        .update_observation(&id, Some(version), &incoming, &phr::KantaPhr)
        .await
    {
        Ok(stored) => resource(&state, "Observation", StatusCode::OK, &stored),
        Err(e) => refused(&e),
    }
}

pub(super) async fn delete(
    State(state): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Response {
    let access = match app(&state, &headers).await {
        Ok(access) => access,
        Err(response) => return response,
    };
    match access.delete_observation(&id).await {
        Ok(()) => StatusCode::NO_CONTENT.into_response(),
        Err(e) => refused(&e),
    }
}

/// A batch (or transaction) of creates, stored all or none in one transaction.
pub(super) async fn batch(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let (access, json) = match app_and_body(&state, &headers, body).await {
        Ok(both) => both,
        Err(response) => return response,
    };
    let (now, today) = now(&state);
    let creates = match rest::read_batch(&json, now, today) {
        Ok(creates) => creates,
        Err(refusal) if refusal.location == "Bundle.entry" => {
            return outcome(
                StatusCode::PAYLOAD_TOO_LARGE,
                Issue::TooLong,
                &refusal.problem,
                Some(&refusal.location),
            )
        }
        Err(refusal) => return refusal_answer(&refusal),
    };
    match access.create_observations(&creates, &phr::KantaPhr).await {
        Ok(created) => {
            let answers: Vec<EntryAnswer> = created
                .into_iter()
                .map(|c| match c {
                    Created::New(stored) => EntryAnswer {
                        status: "201 Created",
                        stored,
                    },
                    Created::Existing(stored) => EntryAnswer {
                        status: "200 OK",
                        stored,
                    },
                })
                .collect();
            answer(
                StatusCode::OK,
                rest::batch_response(&base(&state), &answers, now),
            )
        }
        Err(e) => refused(&e),
    }
}
