#!/usr/bin/env bash
# Installs what a fresh machine lacks to build and test tfchain, and nothing it already has.
# Safe to run any number of times. Prints each step; stops with one clear line when a step fails.
#
#   scripts/setup.sh            build prerequisites (protoc, clang, the wasm toolchain)
#   scripts/setup.sh --tests    the same, plus the end-to-end test dependencies (npm packages and the
#                               Python venvs of tests/clients/)
#
# TFCHAIN_WASM_ROUTE=debian skips the rustup route and installs the Debian fallback (for testing it).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/env.sh
source "$repo/scripts/env.sh"

step() { printf '==> %s\n' "$*"; }
fail() { printf 'setup: error: %s\n' "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    fail "need root to run: $* (run as root or install sudo)"; fi
}

apt_updated=0
apt_install() {
  command -v apt-get >/dev/null || fail "apt-get not found; install these packages by hand: $*"
  if [ "$apt_updated" -eq 0 ]; then
    step "apt-get update"
    as_root apt-get update -qq >/dev/null || fail "apt-get update failed (is the Debian mirror reachable?)"
    apt_updated=1
  fi
  step "apt-get install $*"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null \
    || fail "apt-get install $* failed"
}

command -v rustup >/dev/null || fail "rustup not found: install Rust with rustup (https://rustup.rs) first"
command -v cargo >/dev/null || fail "cargo not found on PATH"

# 1. Native build tools: protoc (litep2p's build script), clang (bindgen in -sys crates).
missing=()
command -v protoc >/dev/null || missing+=(protobuf-compiler)
command -v clang >/dev/null || missing+=(clang libclang-dev)
if [ ${#missing[@]} -gt 0 ]; then apt_install "${missing[@]}"; else step "protoc and clang present"; fi

# 2. The host toolchain pinned by rust-toolchain.toml.
host_toolchain="$(sed -n 's/^channel *= *"\(.*\)"/\1/p' "$repo/rust-toolchain.toml")"
rustup run "$host_toolchain" rustc --version >/dev/null 2>&1 \
  || fail "toolchain $host_toolchain (rust-toolchain.toml) is not installed: rustup toolchain install $host_toolchain"
step "host toolchain $host_toolchain present"

# 3. A toolchain that can build the runtime for wasm.
# Marks a wasm32v1-none sysroot that this script built (with bitcode) in the Debian toolchain.
sysroot_marker=.tfchain-sysroot-bitcode
wasm_ready() {
  local tc="$1"
  local sysroot lib
  sysroot="$(rustup run "$tc" rustc --print sysroot 2>/dev/null)" || return 1
  lib="$sysroot/lib/rustlib/wasm32v1-none/lib"
  [ -n "$(ls "$lib/"libcore-*.rlib 2>/dev/null)" ] || return 1
  [ -d "$sysroot/lib/rustlib/src/rust/library" ] || return 1
  if [ "$tc" = "$TFCHAIN_DEBIAN_TOOLCHAIN" ]; then [ -e "$lib/$sysroot_marker" ] || return 1; fi
}

if [ -n "${WASM_BUILD_TOOLCHAIN:-}" ] && [ "$WASM_BUILD_TOOLCHAIN" != "$TFCHAIN_DEBIAN_TOOLCHAIN" ] \
   && wasm_ready "$WASM_BUILD_TOOLCHAIN"; then
  step "wasm toolchain $WASM_BUILD_TOOLCHAIN (from WASM_BUILD_TOOLCHAIN) ready"
elif [ "${TFCHAIN_WASM_ROUTE:-}" != debian ] && wasm_ready "$host_toolchain"; then
  step "wasm32v1-none and rust-src present in $host_toolchain"
elif [ "${TFCHAIN_WASM_ROUTE:-}" != debian ] && step "trying rustup: wasm32v1-none + rust-src for $host_toolchain" \
     && rustup target add wasm32v1-none --toolchain "$host_toolchain" >/dev/null 2>&1 \
     && rustup component add rust-src --toolchain "$host_toolchain" >/dev/null 2>&1; then
  step "installed wasm32v1-none and rust-src with rustup"
else
  if [ "${TFCHAIN_WASM_ROUTE:-}" = debian ]; then
    step "TFCHAIN_WASM_ROUTE=debian: using Debian's rustc-web + rust-web-src"
  else
    step "rustup cannot download them; using Debian's rustc-web + rust-web-src instead"
  fi
  if ! wasm_ready "$TFCHAIN_DEBIAN_TOOLCHAIN"; then
    pkgs=()
    for p in rustc-web cargo-web rust-web-src; do
      dpkg -s "$p" >/dev/null 2>&1 || pkgs+=("$p")
    done
    [ ${#pkgs[@]} -eq 0 ] || apt_install "${pkgs[@]}"
    [ -d /usr/lib/rustlib/src/rust/library ] || fail "rust-web-src did not install /usr/lib/rustlib/src/rust/library"

    if ! rustup run "$TFCHAIN_DEBIAN_TOOLCHAIN" rustc --version >/dev/null 2>&1; then
      step "rustup toolchain link $TFCHAIN_DEBIAN_TOOLCHAIN /usr"
      rustup toolchain link "$TFCHAIN_DEBIAN_TOOLCHAIN" /usr || fail "rustup toolchain link failed"
    fi

    # Debian's rustc looks for rust-lld in its own sysroot; borrow the one rustup ships.
    lld_dir=/usr/lib/rustlib/x86_64-unknown-linux-gnu/bin
    if [ ! -x "$lld_dir/rust-lld" ]; then
      host_lld="$(rustup run "$host_toolchain" rustc --print sysroot)/lib/rustlib/x86_64-unknown-linux-gnu/bin/rust-lld"
      [ -x "$host_lld" ] || fail "no rust-lld in the $host_toolchain toolchain ($host_lld)"
      step "linking rust-lld into $lld_dir"
      as_root mkdir -p "$lld_dir"
      as_root ln -sf "$host_lld" "$lld_dir/rust-lld"
    fi

    # substrate-wasm-builder first compiles a probe crate for wasm32v1-none without build-std, so the
    # sysroot needs prebuilt core/alloc/compiler_builtins for that target: build them from rust-web-src.
    step "building core, alloc and compiler_builtins for wasm32v1-none (about a minute)"
    scratch="$(mktemp -d)"
    trap 'rm -rf "$scratch"' EXIT
    mkdir -p "$scratch/src"
    cat > "$scratch/Cargo.toml" <<'TOML'
[package]
name = "sysroot-probe"
version = "0.0.0"
edition = "2021"
[lib]
crate-type = ["rlib"]
[profile.release]
panic = "abort"
TOML
    echo '#![no_std]' > "$scratch/src/lib.rs"
    # The runtime is linked with LTO, so the sysroot must carry LLVM bitcode (`.llvmbc`).
    ( cd "$scratch" && env -u CARGO_TARGET_DIR RUSTC_BOOTSTRAP=1 RUSTFLAGS="-C embed-bitcode=yes" \
        rustup run "$TFCHAIN_DEBIAN_TOOLCHAIN" cargo build --quiet --release --target wasm32v1-none \
        -Zbuild-std=core,alloc -Zbuild-std-features=compiler-builtins-mem ) \
      || fail "building core/alloc for wasm32v1-none with $TFCHAIN_DEBIAN_TOOLCHAIN failed (see above)"
    target_lib="$(rustup run "$TFCHAIN_DEBIAN_TOOLCHAIN" rustc --print sysroot)/lib/rustlib/wasm32v1-none/lib"
    as_root mkdir -p "$target_lib"
    as_root rm -f "$target_lib"/*.rlib
    as_root cp "$scratch"/target/wasm32v1-none/release/deps/lib{core,alloc,compiler_builtins,rustc_std_workspace_core}-*.rlib \
      "$target_lib"/ 2>/dev/null \
      || as_root cp "$scratch"/target/wasm32v1-none/release/deps/lib{core,alloc,compiler_builtins}-*.rlib "$target_lib"/ \
      || fail "could not install the wasm32v1-none rlibs into $target_lib"
    as_root touch "$target_lib/$sysroot_marker"
    wasm_ready "$TFCHAIN_DEBIAN_TOOLCHAIN" || fail "the $TFCHAIN_DEBIAN_TOOLCHAIN toolchain still cannot build wasm"
  fi
  step "wasm toolchain $TFCHAIN_DEBIAN_TOOLCHAIN ready ($(rustup run "$TFCHAIN_DEBIAN_TOOLCHAIN" rustc --version))"
fi

# 4. End-to-end test dependencies, pinned by tests/package-lock.json.
if [ "${1:-}" = "--tests" ]; then
  command -v node >/dev/null || apt_install nodejs npm
  if [ ! -d "$repo/tests/node_modules" ] || [ "$repo/tests/package-lock.json" -nt "$repo/tests/node_modules/.package-lock.json" ]; then
    step "npm ci (tests/)"
    ( cd "$repo/tests" && npm ci --no-audit --no-fund --loglevel=error ) || fail "npm ci in tests/ failed"
  else
    step "test dependencies present (tests/node_modules)"
  fi

  # The Python clients of tests/e2e/clients.test.js: one venv per tests/clients/requirements-NAME.txt,
  # at tests/clients/.venv-NAME, rebuilt only when its requirements file changed (a stamp inside
  # the venv holds the file's checksum).
  command -v python3 >/dev/null || apt_install python3 python3-venv
  python3 -c 'import ensurepip, venv' 2>/dev/null || apt_install python3-venv
  for requirements in "$repo"/tests/clients/requirements-*.txt; do
    name="$(basename "$requirements" .txt)"
    venv="$repo/tests/clients/.venv-${name#requirements-}"
    sum="$(sha256sum "$requirements" | cut -d' ' -f1)"
    if [ -x "$venv/bin/python" ] && [ "$(cat "$venv/.requirements.sha256" 2>/dev/null)" = "$sum" ]; then
      step "python venv present (tests/clients/$(basename "$venv"))"
      continue
    fi
    step "python venv tests/clients/$(basename "$venv") from $(basename "$requirements")"
    rm -rf "$venv"
    python3 -m venv "$venv" || fail "python3 -m venv $venv failed (is python3-venv installed?)"
    "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$requirements" \
      || fail "pip install -r $requirements failed (is PyPI reachable?)"
    echo "$sum" > "$venv/.requirements.sha256"
  done
fi
step "setup complete"
