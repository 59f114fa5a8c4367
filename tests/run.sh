#!/usr/bin/env bash
# Runs the end-to-end tests against a built tfchain binary, one test file at a time.
#
#   tests/run.sh                 all files under tests/conformance/ and tests/e2e/
#   tests/run.sh e2e/restart.test.js
#
# The binary is $TFCHAIN_BIN, else $CARGO_TARGET_DIR/release/tfchain, else <repo>/target/release/tfchain.
# KEEP_E2E_DATA=1 keeps the nodes' base paths and logs (under $TMPDIR/tfchain-e2e-*).
set -uo pipefail

tests_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(dirname "$tests_dir")"
cd "$tests_dir" || exit 1

if [ -z "${TFCHAIN_BIN:-}" ]; then
  TFCHAIN_BIN="${CARGO_TARGET_DIR:-$repo/target}/release/tfchain"
fi
export TFCHAIN_BIN
if [ ! -x "$TFCHAIN_BIN" ]; then
  echo "run.sh: warning: tfchain binary not found at $TFCHAIN_BIN; the tests will fail (build it or set TFCHAIN_BIN)" >&2
fi

command -v node >/dev/null || { echo "run.sh: error: node (v20+) is not installed" >&2; exit 1; }

# Install the pinned dependencies when they are missing or older than the lockfile.
if [ ! -d node_modules ] || [ ! -f node_modules/.package-lock.json ] \
   || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "run.sh: npm ci" >&2
  npm ci --no-audit --no-fund --loglevel=error || { echo "run.sh: error: npm ci failed" >&2; exit 1; }
fi

if [ "$#" -eq 0 ]; then
  set -- conformance/ e2e/
fi
node --test --test-concurrency=1 "$@"
exit $?
