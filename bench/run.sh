#!/usr/bin/env bash
# The benchmark: one command that prints figures and asserts nothing.
#
#   bash bench/run.sh [SECONDS] [RATE]
#
# Builds the release server and site (as the run command does), then for SQLite and for
# PostgreSQL (127.0.0.1:5432, or skipped when there is none) starts the server with the
# demo data, signs in the heavy user (5,800 documents) and loads the front page, the
# records list, a document, a lab trend and the prescriptions list, each beside the same
# bytes served as a static file by the same server in the same run, and the icon (a
# 200-byte static file): closed loops at 1,
# 4 and 16 connections, and an open loop at RATE requests a second (default 200).
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/tools.sh"
ensure_rust_tools
ensure_npm_packages
seconds="${1:-5}"
rate="${2:-200}"

say "Building the release server and site, and the load generator"
cargo leptos build --release --precompress >/dev/null
cargo build --release -p bench >/dev/null
bench="$CARGO_TARGET_DIR/release/omakanta-bench"

say "Machine"
echo "$(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "command: bash bench/run.sh $seconds $rate"

work="$(mktemp -d)"
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"; }
ON_EXIT+=(cleanup)

run_backend() {
  local name="$1" url="$2"
  # A site root of its own: the run command's stays as it is.
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
  local cookie doc lab
  cookie=$(curl -s -D - -o /dev/null -H "origin: $base" -d person=1002 "$base/dev/sign-in" \
    | sed -n 's/^set-cookie: \([^;]*\).*/\1/Ip')
  doc=$(curl -s -H "cookie: $cookie" "$base/records" | grep -o 'href="/records/[0-9]*"' | head -n 1 | grep -o '[0-9]*')
  lab=$(curl -s -H "cookie: $cookie" "$base/lab" | grep -o 'href="/lab/[0-9]*"' | head -n 1 | grep -o '[0-9]*')
  local targets=()
  for t in "front=/" "records=/records" "document=/records/$doc" "lab-trend=/lab/$lab" "prescriptions=/prescriptions"; do
    local label="${t%%=*}" path="${t#*=}"
    # The same bytes as the page, as a static file of the same server.
    curl -s -H "cookie: $cookie" "$base$path" > "$work/site/pkg/bench-$label.html"
    targets+=("$label=$path,/pkg/bench-$label.html")
  done
  # A small static file (the icon, about 200 bytes) on its own.
  targets+=("icon=/favicon.svg")
  say "$name ($(wc -c < "$work/site/pkg/bench-records.html") bytes of records HTML)"
  "$bench" "$base" "$cookie" "$seconds" "$rate" "${targets[@]}"
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""
}

run_backend "SQLite" "sqlite://$work/bench.db?mode=rwc"
if pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
  psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS omakanta_bench" -c "CREATE DATABASE omakanta_bench" >/dev/null
  run_backend "PostgreSQL" "postgres://postgres@127.0.0.1:5432/omakanta_bench"
else
  say "PostgreSQL: none on 127.0.0.1:5432, skipped"
fi
