# Shared by scripts/run.sh and scripts/test.sh: where builds go, and installing what is
# missing (each install is skipped when the right version is already there).
# Only package registries are used: crates.io, npm, Debian.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

# One target directory shared by every build of a run: the clone's own target/, as
# cargo users expect, unless CARGO_TARGET_DIR says another (CI keeps one outside the
# clone between runs).
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"

CARGO_LEPTOS_VERSION=0.3.10
# Must equal the wasm-bindgen pinned in Cargo.toml; cargo-leptos would otherwise try to
# download it from GitHub, which is not reachable.
WASM_BINDGEN_VERSION=0.2.130

# Each stage says its name when it begins and its seconds when it ends; at the end
# the whole run's seconds, and what was set up to be undone (a throwaway database).
STAGE=""
STAGE_START=$SECONDS
ON_EXIT=()
stage_end() {
  if [ -n "$STAGE" ]; then printf '<== %s: %d s\n' "$STAGE" "$((SECONDS - STAGE_START))"; fi
  STAGE=""
}
say() {
  stage_end
  STAGE="$*"
  STAGE_START=$SECONDS
  printf '\n==> %s\n' "$*"
}
finish() {
  local rc=$?
  stage_end
  printf '\n==> %s in %d s\n' "$([ "$rc" = 0 ] && echo 'Done' || echo "FAILED (exit $rc)")" "$SECONDS"
  local undo
  for undo in "${ON_EXIT[@]}"; do eval "$undo"; done
}
trap finish EXIT

# The tools are built once per machine, and their own release profiles ask for the
# slowest build there is (cargo-leptos: fat LTO and one codegen unit, about 25 minutes
# on 2 cores). They only drive other programs, so an optimised build without LTO is
# as fast where it matters and takes a fraction of the time to build.
install_tool() {
  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    CARGO_PROFILE_RELEASE_OPT_LEVEL=1 cargo install "$@"
}

ensure_rust_tools() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "Adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
  if ! cargo leptos --version 2>/dev/null | grep -q " $CARGO_LEPTOS_VERSION\$"; then
    say "Installing cargo-leptos $CARGO_LEPTOS_VERSION (about 9 minutes on 2 cores, once)"
    install_tool cargo-leptos --locked --version "$CARGO_LEPTOS_VERSION"
  fi
  if ! wasm-bindgen --version 2>/dev/null | grep -q " $WASM_BINDGEN_VERSION\$"; then
    say "Installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (a few minutes, once)"
    # Without --locked: its lock file wants a crate version the registry lacks.
    install_tool wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
  fi
}

CARGO_DENY_VERSION=0.20.2

ensure_cargo_deny() {
  if ! cargo deny --version 2>/dev/null | grep -q " $CARGO_DENY_VERSION\$"; then
    say "Installing cargo-deny $CARGO_DENY_VERSION (a few minutes, once)"
    install_tool cargo-deny --locked --version "$CARGO_DENY_VERSION"
  fi
}

ensure_npm_packages() {
  local want have=""
  want="$(sha256sum package-lock.json | cut -d' ' -f1)"
  [ -f node_modules/.omakanta-lock ] && have="$(cat node_modules/.omakanta-lock)"
  if [ "$want" != "$have" ]; then
    say "Installing npm packages (Tailwind, playwright-core, axe-core, binaryen)"
    npm ci --no-audit --no-fund
    echo "$want" > node_modules/.omakanta-lock
  fi
}

ensure_chromium() {
  if [ ! -x /usr/bin/chromium ]; then
    say "Installing Debian's Chromium for the browser tests"
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y chromium
  fi
}

# Sets TEST_DATABASE_URL: the given one, the PostgreSQL this kind of machine runs on
# 127.0.0.1:5432, or a throwaway cluster started here from Debian's postgresql package.
ensure_postgres() {
  if [ -n "${TEST_DATABASE_URL:-}" ]; then return; fi
  if pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null \
    && psql -q -h 127.0.0.1 -U postgres -d test -c 'select 1' >/dev/null 2>&1; then
    export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:5432/test"
    return
  fi
  say "No PostgreSQL on 127.0.0.1:5432: starting a throwaway cluster"
  if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql
  fi
  local bin dir port=54329
  bin="$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")"
  dir="$(mktemp -d /tmp/omakanta-pg.XXXXXX)"
  chown postgres "$dir" 2>/dev/null || true
  local as=()
  [ "$(id -u)" = 0 ] && as=(runuser -u postgres --)
  "${as[@]}" "$bin/initdb" -D "$dir/data" -A trust -U postgres >/dev/null
  "${as[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -o "-p $port -k $dir -c listen_addresses=127.0.0.1" -w start >/dev/null
  "${as[@]}" "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres test
  export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$port/test"
  PG_STOP=("${as[@]}" "$bin/pg_ctl" -D "$dir/data" -m fast stop)
  PG_DIR="$dir"
  ON_EXIT+=('"${PG_STOP[@]}" >/dev/null 2>&1 || true; rm -rf "$PG_DIR"')
}
