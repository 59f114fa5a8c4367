#!/usr/bin/env bash
# Regenerates every weight of the runtime on this machine with the benchmark CLI:
#   - pallets/<name>/src/weights.rs   for tfchain's own pallets (template pallet-weights.hbs)
#   - runtime/src/weights/<pallet>.rs for the standard pallets the runtime configures
#                                     (template runtime-weights.hbs)
#   - runtime/src/weights/paritydb_weights.rs  ParityDB read/write costs (`benchmark storage`),
#                                     the runtime's `DbWeight`
#   - runtime/src/weights/{block,extrinsic}_weights.rs  block and extrinsic base weights
#                                     (`benchmark overhead`)
#
#   scripts/bench/weights.sh [what ...]
#
# what: `own` (tfchain's pallets), `standard` (polkadot-sdk pallets), `storage`, `overhead`, or a
# pallet name such as pallet_tfgrid; nothing means all of them. Builds the node with
# `--features runtime-benchmarks` first, unless TFCHAIN_BENCH_BIN names an already built one.
# STEPS and REPEAT (default 50 and 20) set the sampling, HEAVY_STEPS and HEAVY_REPEAT (default 20
# and 5) that of the pallets whose set-ups are large (see heavy_pallets); STORAGE_ACCOUNTS (default
# 100000) the size of the state `benchmark storage` measures on.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# shellcheck source=scripts/env.sh
source "$repo/scripts/env.sh"
"$repo/scripts/setup.sh"
use_wasm_toolchain
cd "$repo"

steps="${STEPS:-50}"
repeat="${REPEAT:-20}"
heavy_steps="${HEAVY_STEPS:-20}"
heavy_repeat="${HEAVY_REPEAT:-5}"
# Accounts added to the dev genesis for `benchmark storage`.
STORAGE_ACCOUNTS="${STORAGE_ACCOUNTS:-100000}"
bench_dir="$repo/scripts/bench"
header="$bench_dir/header.txt"

# tfchain's pallets, as `crate_name:path`.
own_pallets=(
  pallet_tfgrid:pallets/tfgrid
  pallet_smart_contract:pallets/smart-contract
  pallet_tft_bridge:pallets/tft-bridge
  pallet_tft_price:pallets/tft-price
  pallet_burning:pallets/burning
  pallet_kvstore:pallets/kvstore
  pallet_dao:pallets/dao
  pallet_validator:pallets/validator
  pallet_validator_set:pallets/validator-set
  pallet_reputation:pallets/reputation
)
# Pallets whose benchmarks build up to 10,000 nodes, 4,096 contracts or 5,000 votes per step: sampled
# with HEAVY_STEPS/HEAVY_REPEAT, which keeps the whole run near an hour.
heavy_pallets=" pallet_tfgrid pallet_smart_contract pallet_tft_bridge pallet_dao "
# The polkadot-sdk pallets whose weights the runtime uses from runtime/src/weights/. pallet_session
# is measured by the runtime's own benchmarks of it (pallets/validator-set/src/session_benchmarking.rs;
# polkadot-sdk's need pallet-staking). pallet_scheduler's `service_task_fetched` is not run: the runtime
# has no preimage provider, so no scheduled call is ever fetched (the template emits it as unreachable).
# Not here: pallet_grandpa, whose weights the pallet computes from its own benchmarks' formula.
standard_pallets=(
  frame_system
  frame_system_extensions
  pallet_transaction_payment
  pallet_balances
  pallet_timestamp
  pallet_utility
  pallet_scheduler
  pallet_session
  pallet_collective
  pallet_membership
)
# Benchmarks skipped, as `pallet::benchmark` (see above).
excluded_benchmarks=pallet_scheduler::service_task_fetched

# frame-benchmarking-cli links a test runtime that only `benchmark storage --mode validate-block`
# (parachains) runs; its wasm build cannot find itself in this workspace's metadata (it is not a
# dependency with default features), so it is skipped.
export SKIP_FRAME_STORAGE_ACCESS_TEST_RUNTIME_WASM_BUILD=1

if [ -n "${TFCHAIN_BENCH_BIN:-}" ]; then
  bin="$TFCHAIN_BENCH_BIN"
else
  echo "==> cargo build --release -p tfchain-node --features runtime-benchmarks"
  cargo build --locked --release -p tfchain-node --features runtime-benchmarks
  bin="$CARGO_TARGET_DIR/release/tfchain"
fi
"$bin" benchmark pallet --help >/dev/null 2>&1 \
  || { echo "weights.sh: $bin was not built with --features runtime-benchmarks" >&2; exit 1; }
mkdir -p runtime/src/weights

bench_pallet() {
  local pallet="$1" output="$2" template="$3" pallet_steps="$steps" pallet_repeat="$repeat"
  if [[ "$heavy_pallets" == *" $pallet "* ]]; then
    pallet_steps="$heavy_steps"
    pallet_repeat="$heavy_repeat"
  fi
  echo "==> benchmark pallet $pallet -> $output (steps $pallet_steps, repeat $pallet_repeat)"
  "$bin" benchmark pallet \
    --chain dev \
    --pallet "$pallet" --extrinsic '*' \
    --steps "$pallet_steps" --repeat "$pallet_repeat" \
    --wasm-execution compiled \
    --heap-pages 4096 \
    --ignore-unknown-pov-mode \
    --exclude-extrinsics "$excluded_benchmarks" \
    --header "$header" \
    --template "$template" \
    --output "$output"
}

bench_storage() {
  local base spec
  base="$(mktemp -d)"
  spec="$base/spec.json"
  echo "==> benchmark storage (ParityDB, dev chain with $STORAGE_ACCOUNTS extra accounts) -> runtime/src/weights/paritydb_weights.rs"
  # A state to measure: the dev chain's genesis plus STORAGE_ACCOUNTS funded accounts (pallet-balances
  # derives them from //Sender//<i>), so that reads and writes walk a trie of a realistic depth.
  "$bin" build-spec --chain dev 2>/dev/null | python3 -c '
import json, sys
spec = json.load(sys.stdin)
spec["genesis"]["runtimeGenesis"]["patch"]["balances"]["devAccounts"] = [int(sys.argv[1]), 10**12, "//Sender//{}"]
json.dump(spec, sys.stdout)
' "$STORAGE_ACCOUNTS" > "$spec"
  "$bin" benchmark storage --chain "$spec" --base-path "$base" --database paritydb \
    --state-version 1 --header "$header" --weight-path runtime/src/weights/ \
    --template-path "$bench_dir/storage-weights.hbs" \
    --batch-size 1000 --mul 1.1 --warmups 1
  rm -rf "$base"
}

bench_overhead() {
  echo "==> benchmark overhead -> runtime/src/weights/{block,extrinsic}_weights.rs"
  "$bin" benchmark overhead --chain dev --header "$header" --weight-path runtime/src/weights/ \
    --warmup 10 --repeat 100
}

targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(overhead storage standard own)
for target in "${targets[@]}"; do
  case "$target" in
    own)
      for entry in "${own_pallets[@]}"; do
        bench_pallet "${entry%%:*}" "${entry#*:}/src/weights.rs" "$bench_dir/pallet-weights.hbs"
      done ;;
    standard)
      for pallet in "${standard_pallets[@]}"; do
        bench_pallet "$pallet" "runtime/src/weights/$pallet.rs" "$bench_dir/runtime-weights.hbs"
      done ;;
    storage) bench_storage ;;
    overhead) bench_overhead ;;
    *)
      matched=0
      for entry in "${own_pallets[@]}"; do
        if [ "${entry%%:*}" = "$target" ]; then
          bench_pallet "$target" "${entry#*:}/src/weights.rs" "$bench_dir/pallet-weights.hbs"
          matched=1
        fi
      done
      for pallet in "${standard_pallets[@]}"; do
        if [ "$pallet" = "$target" ]; then
          bench_pallet "$pallet" "runtime/src/weights/$pallet.rs" "$bench_dir/runtime-weights.hbs"
          matched=1
        fi
      done
      [ "$matched" -eq 1 ] || { echo "weights.sh: unknown target $target" >&2; exit 2; } ;;
  esac
done
echo "==> weights regenerated; review with git diff and run scripts/test.sh"
