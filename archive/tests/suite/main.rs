//! The archive's integration tests, one binary (a module per concern), on SQLite and
//! on PostgreSQL (`TEST_DATABASE_URL`): every case of `on_both!` runs on each.

#![allow(dead_code)]

#[macro_use]
mod common;

mod abroad;
mod access_matrix;
mod appointments;
mod certificates;
mod consents;
mod delayed_display;
mod download;
mod imports;
mod living_will;
mod migrations;
mod news;
mod organ_donation;
mod prescriptions;
mod providers;
mod rules;
mod social_welfare;
mod wellbeing;
mod wellbeing_sharing;
