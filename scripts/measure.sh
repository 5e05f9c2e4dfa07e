#!/usr/bin/env bash
# Measures what a first visit to each page costs: the release wasm, js and css, and each
# page's HTML, raw and compressed as the server sends them; and how long the server takes
# to render each page for the heaviest demo user (median of 9). Prints figures; asserts
# nothing. Builds the release site first.
source "$(dirname "${BASH_SOURCE[0]}")/tools.sh"
ensure_rust_tools
ensure_npm_packages
say "Building the release site"
cargo leptos build --release --precompress >/dev/null

gz() { gzip -9 -c "$1" | wc -c; }
say "Static files (bytes; names carry their content's hash)"
printf '%-32s %10s %10s\n' file raw gzip
static_gz=0
for ext in wasm js css; do
  f=$(ls target/site/pkg/omakanta*."$ext" | head -n 1)
  printf '%-32s %10s %10s\n' "$(basename "$f")" "$(wc -c < "$f")" "$(gz "$f")"
  static_gz=$(( static_gz + $(gz "$f") ))
done

dir="$(mktemp -d)"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
OMAKANTA_ENV=development OMAKANTA_ADDR="127.0.0.1:$port" OMAKANTA_DATABASE_URL="sqlite://$dir/m.db?mode=rwc" \
  LEPTOS_SITE_ROOT="$ROOT/target/site" RUST_LOG=warn "$CARGO_TARGET_DIR/release/omakanta" &
pid=$!
ON_EXIT+=('kill $pid 2>/dev/null; rm -rf "$dir"')
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/" >/dev/null && break; sleep 0.2; done
base="http://127.0.0.1:$port"
cookie=$(curl -s -D - -o /dev/null -H "origin: $base" -d person=1002 "$base/dev/sign-in" | sed -n 's/^set-cookie: \([^;]*\).*/\1/Ip')
doc=$(curl -s -H "cookie: $cookie" "$base/records" | grep -o 'href="/records/[0-9]*"' | head -n 1 | grep -o '[0-9]*')
rx=$(curl -s -H "cookie: $cookie" "$base/prescriptions" | grep -o 'href="/prescriptions/[0-9]*"' | head -n 1 | grep -o '[0-9]*')
lab=$(curl -s -H "cookie: $cookie" "$base/lab" | grep -o 'href="/lab/[0-9]*"' | head -n 1 | grep -o '[0-9]*')

say "Pages for the heavy user (5,800 documents): bytes and server time"
printf '%-22s %9s %9s %14s %11s\n' page html html-gzip first-load-gz median-ms
for p in / /records "/records?from=&to=" "/records/$doc" /summaries /lab "/lab/$lab" \
  /prescriptions "/prescriptions?show=all" "/prescriptions/$rx" /medication-list /living-will; do
  raw=$(curl -s -H "cookie: $cookie" "$base$p" | wc -c)
  zip=$(curl -s -H "cookie: $cookie" -H 'accept-encoding: gzip' "$base$p" | wc -c)
  ms=$(for _ in $(seq 9); do curl -s -o /dev/null -w '%{time_total}\n' -H "cookie: $cookie" "$base$p"; done \
    | sort -n | sed -n 5p | awk '{printf "%.1f", $1*1000}')
  printf '%-22s %9s %9s %14s %11s\n' "$p" "$raw" "$zip" "$((zip + static_gz))" "$ms"
done
