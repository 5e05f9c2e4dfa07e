#!/usr/bin/env bash
# Renewal requests under faults: one command that prints what it counted, asserts nothing.
#
#   bash bench/faults.sh [SECONDS]
#
# Builds the release server and site (as the run command does), then on SQLite and on
# PostgreSQL (127.0.0.1:5432, or skipped when there is none) runs bench/src/faults.rs:
# eight clients post renewal requests while the server is killed (SIGKILL) and started
# again, and then PostgreSQL is restarted (on SQLite: the server is killed a second
# time); afterwards every key answered 303 is looked up in the database.
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/tools.sh"
ensure_rust_tools
ensure_npm_packages
seconds="${1:-30}"

say "Building the release server and site, and the fault harness"
cargo leptos build --release --precompress >/dev/null
cargo build --release -p bench >/dev/null
faults="$CARGO_TARGET_DIR/release/omakanta-faults"
server="$CARGO_TARGET_DIR/release/omakanta"

say "Machine"
echo "$(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "command: bash bench/faults.sh $seconds"

work="$(mktemp -d)"
ON_EXIT+=('rm -rf "$work"')
# A site root of its own: the run command's stays as it is.
cp -r "$ROOT/target/site" "$work/site"

say "SQLite"
"$faults" "$server" "sqlite://$work/faults.db?mode=rwc" "$work/site" "$seconds"

cluster=$(pg_lsclusters -h 2>/dev/null | awk '$3 == 5432 {print $1, $2; exit}')
if [ -n "$cluster" ] && pg_isready -q -h 127.0.0.1 -p 5432; then
  psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS omakanta_faults" -c "CREATE DATABASE omakanta_faults" >/dev/null
  say "PostgreSQL (cluster $cluster)"
  # shellcheck disable=SC2086 # the version and the cluster's name, two words
  "$faults" "$server" "postgres://postgres@127.0.0.1:5432/omakanta_faults" "$work/site" "$seconds" \
    pg_ctlcluster $cluster restart -m fast
  pg_isready -q -h 127.0.0.1 -p 5432 || pg_ctlcluster $cluster start
else
  say "PostgreSQL: no cluster of this machine's on 127.0.0.1:5432 that it may restart, skipped"
fi
