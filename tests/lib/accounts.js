// Keys and balances.
import { randomUUID } from 'node:crypto';

import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';

/** TFT has 7 decimals: 1 TFT = 10^7 units. */
export const TFT = 10_000_000n;

/** An sr25519 keyring with the chain's SS58 prefix (42); waits for the crypto wasm first. */
export async function makeKeyring() {
  await cryptoWaitReady();
  return new Keyring({ type: 'sr25519', ss58Format: 42 });
}

/** A key pair no chain has seen before (a random derivation path). */
export function freshPair(keyring, label = 'fresh') {
  return keyring.addFromUri(`//e2e-${label}-${randomUUID()}`);
}

/** Free balance of `address` as a bigint, at block `blockHash` (or at the best block). */
export async function freeBalance(api, address, blockHash) {
  const at = blockHash ? await api.at(blockHash) : api;
  const account = await at.query.system.account(address);
  return account.data.free.toBigInt();
}
