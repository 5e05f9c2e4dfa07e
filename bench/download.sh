#!/usr/bin/env bash
# The download of all one's data, measured: one command that prints figures and
# asserts nothing.
#
#   bash bench/download.sh [TIMES]
#
# Builds the release server (as the run command does), then for SQLite and for
# PostgreSQL (127.0.0.1:5432, or skipped when there is none) starts it with the demo
# data, signs in the heavy user and downloads all their data TIMES times (default 3):
# for each, the seconds, the bytes, and the server's peak resident memory during the
# download (its high-water mark, reset before each: /proc/PID/clear_refs), beside its
# memory before and the archive's size (the SQLite file, or the PostgreSQL database).
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/tools.sh"
ensure_rust_tools
ensure_npm_packages
times="${1:-3}"

say "Building the release server and site"
cargo leptos build --release --precompress >/dev/null

say "Machine"
echo "$(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "command: bash bench/download.sh $times"

work="$(mktemp -d)"
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"; }
ON_EXIT+=(cleanup)

kib() { awk -v k="$1" '/^'"$1"':/ {print $2}' "/proc/$pid/status"; }

run_backend() {
  local name="$1" url="$2" size_of="$3"
  rm -rf "$work/site" && cp -r "$ROOT/target/site" "$work/site"
  local port
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  OMAKANTA_ENV=development OMAKANTA_ADDR="127.0.0.1:$port" OMAKANTA_DATABASE_URL="$url" \
    OMAKANTA_RENEWAL_DESK_SECONDS=off LEPTOS_SITE_ROOT="$work/site" RUST_LOG=warn \
    OMAKANTA_READS_PER_MINUTE=100000000 OMAKANTA_READS_PER_DAY=100000000 \
    "$CARGO_TARGET_DIR/release/omakanta" &
  pid=$!
  local base="http://127.0.0.1:$port"
  for _ in $(seq 300); do curl -sf "$base/" >/dev/null && break; sleep 0.2; done
  local cookie
  cookie=$(curl -s -D - -o /dev/null -H "origin: $base" -d person=1002 "$base/dev/sign-in" \
    | sed -n 's/^set-cookie: \([^;]*\).*/\1/Ip')
  say "$name: the heavy user's download; archive $($size_of) MB"
  for i in $(seq "$times"); do
    local before
    before=$(kib VmRSS)
    echo 5 > "/proc/$pid/clear_refs"
    local figures
    figures=$(curl -s -o "$work/download.json" -w '%{time_total} %{size_download}' \
      -H "cookie: $cookie" "$base/download/omakanta.json")
    local entries
    entries=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["entry"]))' "$work/download.json")
    echo "run $i: ${figures%% *} s, $(( ${figures##* } / 1024 )) KiB, $entries entries; server memory $(( before / 1024 )) MiB before, peak $(( $(kib VmHWM) / 1024 )) MiB during"
  done
  kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true; pid=""
}

# The database with its write-ahead log.
sqlite_size() { du -cm "$work"/bench.db* | tail -n 1 | cut -f1; }
run_backend SQLite "sqlite://$work/bench.db?mode=rwc" sqlite_size

if pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
  schema="bench_download_$$"
  psql -q -h 127.0.0.1 -U postgres -d test -c "CREATE SCHEMA $schema" >/dev/null
  pg_size() {
    psql -At -h 127.0.0.1 -U postgres -d test -c \
      "SELECT (COALESCE(SUM(pg_total_relation_size(c.oid)), 0) / 1048576)::bigint FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = '$schema'"
  }
  run_backend PostgreSQL "postgres://postgres@127.0.0.1:5432/test?options=-c%20search_path%3D$schema" pg_size
  psql -q -h 127.0.0.1 -U postgres -d test -c "DROP SCHEMA $schema CASCADE" >/dev/null
else
  say "PostgreSQL: none at 127.0.0.1:5432, skipped"
fi
