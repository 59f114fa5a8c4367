# Shared settings for the project's scripts; sourced, not run.
# shellcheck shell=bash

# The rustup name under which setup.sh links Debian's rustc-web when rustup cannot fetch wasm32v1-none.
TFCHAIN_DEBIAN_TOOLCHAIN=debian-wasm

# Where cargo builds; set CARGO_TARGET_DIR to keep builds outside the clone (CI does).
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$repo/target}"
# The runtime's wasm build runs its own cargo; this tells it where the workspace (and Cargo.lock) is
# when the target directory lies outside the clone.
export WASM_BUILD_WORKSPACE_HINT="$repo"

# Points substrate-wasm-builder at a toolchain that can build the runtime's wasm: the project's own
# toolchain when it has wasm32v1-none and rust-src, otherwise the linked Debian one.
use_wasm_toolchain() {
  local host sysroot
  host="$(sed -n 's/^channel *= *"\(.*\)"/\1/p' "$repo/rust-toolchain.toml")"
  [ -n "${WASM_BUILD_TOOLCHAIN:-}" ] && return 0
  if [ "${TFCHAIN_WASM_ROUTE:-}" = debian ]; then
    export WASM_BUILD_TOOLCHAIN="$TFCHAIN_DEBIAN_TOOLCHAIN"
    return 0
  fi
  sysroot="$(rustup run "$host" rustc --print sysroot)"
  if [ -n "$(ls "$sysroot/lib/rustlib/wasm32v1-none/lib/"libcore-*.rlib 2>/dev/null)" ] \
     && [ -d "$sysroot/lib/rustlib/src/rust/library" ]; then
    return 0
  fi
  export WASM_BUILD_TOOLCHAIN="$TFCHAIN_DEBIAN_TOOLCHAIN"
}
