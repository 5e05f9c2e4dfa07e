#!/usr/bin/env bash
# Two revisions side by side: the same pages of each, in interleaved rounds, each run on
# a fresh database with the demo data. Prints figures and asserts nothing.
#
#   bash bench/compare.sh OLD NEW [ROUNDS] [SECONDS] [RATE]
#
# OLD and NEW are git revisions (NEW may be HEAD). Each is built once, as a release,
# from a worktree under ~/.cache/omakanta/bench-src into one shared target directory
# (~/.cache/omakanta/bench: the second build reuses most of the first's); its server
# and site are kept in ~/.cache/omakanta/bench-bin/<commit>, so a later comparison
# with the same commit builds nothing. Each round runs OLD then NEW on SQLite, then
# on PostgreSQL (127.0.0.1:5432; skipped when there is none): the heavy demo user is
# signed in twice (so the front page has what is new since the previous visit), and
# the load generator of this checkout (bench/src/main.rs) loads each page at closed
# loops of CONNECTIONS and an open loop of RATE requests a second.
#
# Environment: PAGES (label=path ..., default "front=/"), CONNECTIONS (default
# 1,4,16), PIN=1 to pin the server (and PostgreSQL's processes) to core 0 and the
# load generator to core 1 with taskset, BACKENDS (default "sqlite postgres").
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/tools.sh"
old="${1:?OLD revision}"
new="${2:?NEW revision}"
rounds="${3:-3}"
seconds="${4:-5}"
rate="${5:-200}"
pages="${PAGES:-front=/}"
backends="${BACKENDS:-sqlite postgres}"
export OMAKANTA_BENCH_CONNECTIONS="${CONNECTIONS:-1,4,16}"
cache="$HOME/.cache/omakanta"
ensure_rust_tools
ensure_npm_packages

say "Building the load generator"
cargo build --release -p bench >/dev/null
bench="$CARGO_TARGET_DIR/release/omakanta-bench"

# Builds REV's release server and site once; prints the directory that holds them.
build_rev() {
  local rev commit src out
  rev="$1"
  commit="$(git rev-parse --verify "$rev^{commit}")"
  out="$cache/bench-bin/$commit"
  if [ ! -x "$out/omakanta" ]; then
    src="$cache/bench-src/$commit"
    [ -d "$src" ] || git worktree add --detach "$src" "$commit" >/dev/null
    ln -sfn "$ROOT/node_modules" "$src/node_modules"
    (cd "$src" && CARGO_TARGET_DIR="$cache/bench" cargo leptos build --release >&2)
    rm -rf "$out.tmp" && mkdir -p "$out.tmp"
    cp "$cache/bench/release/omakanta" "$out.tmp/"
    [ -f "$cache/bench/release/hash.txt" ] && cp "$cache/bench/release/hash.txt" "$out.tmp/"
    cp -r "$src/target/site" "$out.tmp/site"
    mv "$out.tmp" "$out"
  fi
  echo "$out"
}
say "Building $old and $new (release; once each)"
old_dir="$(build_rev "$old")"
new_dir="$(build_rev "$new")"

say "Machine"
echo "$(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "command: PAGES='$pages' CONNECTIONS=$OMAKANTA_BENCH_CONNECTIONS PIN=${PIN:-0} bash bench/compare.sh $old $new $rounds $seconds $rate"
echo "old: $(git log -1 --format='%h %s' "$old" | cut -c1-100)"
echo "new: $(git log -1 --format='%h %s' "$new" | cut -c1-100)"

work="$(mktemp -d)"
pid=""
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null
  [ "${PIN:-0}" = 1 ] && pin_postgres "0-$(($(nproc) - 1))"
  rm -rf "$work"
}
ON_EXIT+=(cleanup)

pin_postgres() {
  local p
  for p in $(pgrep -x postgres || true) $(pgrep -f '^postgres:' || true); do
    taskset -pc "$1" "$p" >/dev/null 2>&1 || true
  done
}

# One run: NAME's server from DIR on database URL; its figures.
run_one() {
  local name="$1" dir="$2" url="$3" port base cookie targets=() t
  rm -rf "$work/site" && cp -r "$dir/site" "$work/site"
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  local server_pin=() bench_pin=()
  if [ "${PIN:-0}" = 1 ]; then server_pin=(taskset -c 0); bench_pin=(taskset -c 1); fi
  OMAKANTA_ENV=development OMAKANTA_ADDR="127.0.0.1:$port" OMAKANTA_DATABASE_URL="$url" \
    OMAKANTA_RENEWAL_DESK_SECONDS=off LEPTOS_SITE_ROOT="$work/site" RUST_LOG=warn \
    OMAKANTA_READS_PER_MINUTE=100000000 OMAKANTA_READS_PER_DAY=100000000 \
    "${server_pin[@]}" "$dir/omakanta" &
  pid=$!
  base="http://127.0.0.1:$port"
  for _ in $(seq 600); do curl -sf "$base/" >/dev/null && break; sleep 0.2; done
  for _ in 1 2; do
    cookie=$(curl -s -D - -o /dev/null -H "origin: $base" -d person=1002 "$base/dev/sign-in" \
      | sed -n 's/^set-cookie: \([^;]*\).*/\1/Ip')
  done
  for t in $pages; do targets+=("$t"); done
  echo "-- $name ($(curl -s -H "cookie: $cookie" "$base/" | wc -c) bytes of front page HTML)"
  "${bench_pin[@]}" "$bench" "$base" "$cookie" "$seconds" "$rate" "${targets[@]}"
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""
}

[ "${PIN:-0}" = 1 ] && pin_postgres 0
for round in $(seq "$rounds"); do
  for backend in $backends; do
    for side in old new; do
      dir="$old_dir"; [ "$side" = new ] && dir="$new_dir"
      case "$backend" in
        sqlite)
          say "Round $round: SQLite, $side"
          rm -f "$work"/bench.db*
          run_one "SQLite $side" "$dir" "sqlite://$work/bench.db?mode=rwc"
          ;;
        postgres)
          if ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
            say "PostgreSQL: none on 127.0.0.1:5432, skipped"; continue
          fi
          say "Round $round: PostgreSQL, $side"
          psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS omakanta_compare" \
            -c "CREATE DATABASE omakanta_compare" >/dev/null
          [ "${PIN:-0}" = 1 ] && pin_postgres 0
          run_one "PostgreSQL $side" "$dir" "postgres://postgres@127.0.0.1:5432/omakanta_compare"
          ;;
      esac
    done
  done
done
