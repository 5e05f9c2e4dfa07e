#!/usr/bin/env bash
# Runs every test: formatting and lints, unit and archive tests on SQLite and
# PostgreSQL, server integration tests over HTTP, and browser tests in Debian's
# Chromium with JavaScript on and off.
source "$(dirname "${BASH_SOURCE[0]}")/tools.sh"
ensure_rust_tools
ensure_cargo_deny
ensure_npm_packages
ensure_chromium
ensure_postgres

say "Formatting"
cargo fmt --all -- --check

say "Dependencies: licences, bans, sources (deny.toml)"
# cargo-deny runs offline (its advisory database lives on GitHub); the crates of every
# platform in Cargo.lock must be there for its metadata, so fetch them first.
cargo fetch --locked
cargo deny --offline check bans licenses sources

say "Lints (server side, then the browser side for wasm)"
cargo clippy --all-targets -- -D warnings
cargo clippy -p frontend --target wasm32-unknown-unknown -- -D warnings

say "Unit, archive (SQLite and PostgreSQL at $TEST_DATABASE_URL) and HTTP tests"
cargo test

# A site root of the tests' own: the run command's (target/site) stays as the app it
# serves left it, even while the tests run beside it.
export LEPTOS_SITE_ROOT="$ROOT/target/test-site"

say "Building the site for the browser tests (into $LEPTOS_SITE_ROOT)"
cargo leptos build

say "Browser tests"
OMAKANTA_BIN="$CARGO_TARGET_DIR/debug/omakanta" node --test --test-concurrency=1 end2end/
