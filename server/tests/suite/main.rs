//! The server's integration tests, one binary (a module per concern): the real
//! application on a random port with its own database, driven over HTTP.

#![allow(dead_code)]

mod common;

mod abroad;
mod appointments;
mod certificates;
mod consents;
mod crash;
mod disclosure_log;
mod download;
mod fhir;
mod hostile_text;
mod http;
mod import_fhir;
mod limits;
mod oidc;
mod organ_donation;
mod postgres;
mod provider_query;
mod social_welfare;
mod stress;
