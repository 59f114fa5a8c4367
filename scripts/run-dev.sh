#!/usr/bin/env bash
# Builds tfchain (release) and runs a development chain: Alice alone authors and finalizes blocks,
# the database (ParityDB) persists under .local/dev, JSON-RPC listens on ws://127.0.0.1:9944.
#
#   scripts/run-dev.sh                 build if needed, then run the dev node
#   scripts/run-dev.sh --purge         start the dev chain again from genesis
#   scripts/run-dev.sh -- <flags>      pass extra flags to tfchain (e.g. -- --rpc-external)
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/env.sh
source "$repo/scripts/env.sh"

purge=0
extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --purge) purge=1 ;;
    --) shift; extra=("$@"); break ;;
    *) echo "run-dev: unknown argument $1 (see the header of $0)" >&2; exit 2 ;;
  esac
  shift
done

"$repo/scripts/setup.sh"
use_wasm_toolchain

echo "==> cargo build --release -p tfchain-node (the first build takes about 25 minutes on 2 idle cores)"
( cd "$repo" && cargo build --locked --release -p tfchain-node )

bin="$CARGO_TARGET_DIR/release/tfchain"
base="${TFCHAIN_DEV_BASE_PATH:-$repo/.local/dev}"
if [ "$purge" -eq 1 ]; then
  "$bin" purge-chain --dev --base-path "$base" -y
fi

cat <<MSG
==> starting the dev node (base path $base)
    JSON-RPC:    ws://127.0.0.1:9944
    polkadot.js: https://polkadot.js.org/apps/?rpc=ws%3A%2F%2F127.0.0.1%3A9944#/explorer
    stop with Ctrl-C; the chain continues from where it stopped on the next run
MSG
exec "$bin" --dev --base-path "$base" --rpc-port 9944 --rpc-cors all "${extra[@]}"
