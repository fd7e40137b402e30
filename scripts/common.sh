# Shared set-up for scripts/demo and scripts/test: installs what a fresh machine lacks
# (wasm target, the matching wasm-bindgen CLI) and builds the site assets.
# Sourced, not run.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

# Reuse a build cache outside the clone when the machine has one (CI runs on a fresh clone).
if [ -z "${CARGO_TARGET_DIR:-}" ]; then
  if [ -d /var/cache ] && [ -w /var/cache ]; then
    export CARGO_TARGET_DIR=/var/cache/shelfwise/target
  else
    export CARGO_TARGET_DIR="$ROOT/target"
  fi
fi
mkdir -p "$CARGO_TARGET_DIR"
export PATH="$HOME/.cargo/bin:$PATH"

# A shared cache grows with every build (incremental state above all) until the disk is
# full and a link fails: past 15 GB the incremental state goes (a rebuild of our own
# crates, not of the dependencies).
if [ -d "$CARGO_TARGET_DIR/debug/incremental" ] &&
   [ "$(du -sm "$CARGO_TARGET_DIR/debug/incremental" | cut -f1)" -gt 15000 ]; then
  rm -rf "$CARGO_TARGET_DIR/debug/incremental"
fi
# Every checkout path (each fresh CI clone) builds our crates and test binaries under new
# hashes and the old ones stay: of each large artifact (test binaries, our rlibs,
# examples) only the newest of a name is kept before a build.
prune_superseded() {
  local dir="$1" name
  [ -d "$dir" ] || return 0
  find "$dir" -maxdepth 1 -type f -size +50M -printf '%f\n' |
    sed -E 's/-[0-9a-f]{16}(\.[a-z]+)?$//' | sort | uniq -d |
    while read -r name; do
      find "$dir" -maxdepth 1 -type f -size +50M -regextype posix-extended \
        -regex ".*/${name}-[0-9a-f]{16}(\.[a-z]+)?" -printf '%T@ %p\n' |
        sort -rn | tail -n +2 | cut -d' ' -f2- | xargs -r rm -f
    done
}
prune_superseded "$CARGO_TARGET_DIR/debug/deps"
prune_superseded "$CARGO_TARGET_DIR/debug/examples"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

ensure_wasm_toolchain() {
  if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
  # The CLI must be exactly the version of the wasm-bindgen crate in Cargo.lock.
  local want have
  want=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/[^0-9.]/,""); print; exit}' Cargo.lock)
  have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
  if [ "$have" != "$want" ]; then
    say "installing wasm-bindgen-cli $want (one-off, a few minutes)"
    cargo install wasm-bindgen-cli --version "$want"
  fi
}

# Builds the browser bundle into site/pkg (portal.js, portal_bg.wasm, portal.css).
build_site() {
  ensure_wasm_toolchain
  say "building the browser bundle"
  cargo build --quiet -p frontend --lib --target wasm32-unknown-unknown
  mkdir -p site/pkg
  wasm-bindgen --target web --no-typescript --out-dir site/pkg --out-name portal \
    "$CARGO_TARGET_DIR/wasm32-unknown-unknown/debug/frontend.wasm"
  cp app/style/portal.css site/pkg/portal.css
}

build_server() {
  say "building the server"
  cargo build --quiet -p server --bin shelfwise
}
