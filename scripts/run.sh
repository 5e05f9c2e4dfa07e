#!/usr/bin/env bash
# Runs OmaKanta on http://127.0.0.1:3000 with an embedded SQLite database
# (./omakanta.db), created and filled with demo data on first start.
source "$(dirname "${BASH_SOURCE[0]}")/tools.sh"
ensure_rust_tools
ensure_npm_packages
say "Building (release) and serving on http://127.0.0.1:3000"
# The server must be told it runs in development (demo data, development sign-in).
export OMAKANTA_ENV="${OMAKANTA_ENV:-development}"
# Assets are named by their hashes and compressed (brotli, gzip) once, at build time.
exec cargo leptos serve --release --precompress
