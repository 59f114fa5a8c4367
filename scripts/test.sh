#!/usr/bin/env bash
# Runs the whole test suite: the Rust unit tests of every crate, then the end-to-end tests that
# start real tfchain nodes and talk to them with @polkadot/api. Installs what is missing first.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/env.sh
source "$repo/scripts/env.sh"

"$repo/scripts/setup.sh" --tests
use_wasm_toolchain
cd "$repo"

# Everything is compiled once, in the release profile, and shared by the binary and the tests.
echo "==> cargo build --release -p tfchain-node"
cargo build --locked --release -p tfchain-node

echo "==> cargo test --release --workspace (unit tests)"
cargo test --locked --release --workspace

# Every benchmark of tfchain's pallets runs once as a test, at the lowest and highest value of each
# component, against the pallet's mock runtime (no wasm needed).
benchmarked_pallets=()
for pallet in tfgrid smart-contract tft-bridge tft-price burning kvstore dao validator validator-set \
              reputation; do
  benchmarked_pallets+=(-p "pallet-$pallet")
done
echo "==> cargo test --release --features runtime-benchmarks (benchmarks as tests)"
SKIP_WASM_BUILD=1 cargo test --locked --release --features runtime-benchmarks \
  "${benchmarked_pallets[@]}" --lib -- benchmarking

echo "==> end-to-end tests (tests/)"
TFCHAIN_BIN="$CARGO_TARGET_DIR/release/tfchain" "$repo/tests/run.sh"
