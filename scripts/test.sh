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

# The browser tests drive the server binary `cargo test` has just built (for the
# HTTP tests) beside this site: the product's code, with the tests' dependencies'
# features unified in (which add only the archive's read-outs for tests, which nothing
# in the binary calls). Building it once more without them would compile the whole
# web stack a second time, so cargo-leptos builds only the browser's side.
say "Building the site for the browser tests (into $LEPTOS_SITE_ROOT)"
cargo leptos build --frontend-only
# The binary as cargo names it for the tests just run (nothing is built again), put
# where the site's hash file is, beside which the server looks for it.
built="$(cargo test --no-run --message-format=json 2>/dev/null | node -e '
  const lines = require("fs").readFileSync(0, "utf8").split("\n").filter(Boolean).map(JSON.parse);
  const bin = lines.find((m) => m.reason === "compiler-artifact" && m.target.kind.includes("bin") && m.target.name === "omakanta");
  if (!bin?.executable) process.exit(1);
  console.log(bin.executable);
')"
export OMAKANTA_BIN="$CARGO_TARGET_DIR/debug/omakanta"
[ "$built" -ef "$OMAKANTA_BIN" ] || cp "$built" "$OMAKANTA_BIN"

# Each file starts its own server and database and Chromium, so two run at once: a
# journey waits on its pages most of the time. The crawl, which keeps both cores busy
# by itself, runs alone after them.
say "Browser journeys"
node --test --test-concurrency=2 $(ls end2end/*.test.mjs | grep -v '/crawl\.test\.mjs$')

say "The accessibility crawl"
node --test end2end/crawl.test.mjs
