// Reading chain heads over JSON-RPC, waiting for them, and connecting polkadot.js.
import { setTimeout as sleep } from 'node:timers/promises';

import { ApiPromise, WsProvider } from '@polkadot/api';

import { E2eError } from './errors.js';

/** Polls `probe` until it returns something other than undefined/false, and returns that value. */
export async function waitFor(what, probe, { node, timeoutMs = 120_000, intervalMs = 1_000 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last = 'not checked yet';
  for (;;) {
    node?.assertRunning(`while waiting for ${what}`);
    try {
      const value = await probe();
      if (value !== undefined && value !== false && value !== null) return value;
      last = 'condition not met';
    } catch (err) {
      last = err.message;
    }
    if (Date.now() >= deadline) break;
    await sleep(intervalMs);
  }
  const where = node ? ` on node ${node.name}` : '';
  throw new E2eError(`timed out after ${timeoutMs / 1000} s waiting for ${what}${where} (last: ${last})`);
}

/** The best block's number and hash, read over HTTP JSON-RPC. */
export async function bestHead(node) {
  const header = await node.rpc('chain_getHeader');
  return { number: Number.parseInt(header.number, 16), hash: await node.rpc('chain_getBlockHash', [header.number]) };
}

/** The finalized block's number and hash, read over HTTP JSON-RPC. */
export async function finalizedHead(node) {
  const hash = await node.rpc('chain_getFinalizedHead');
  const header = await node.rpc('chain_getHeader', [hash]);
  return { number: Number.parseInt(header.number, 16), hash };
}

/** The canonical hash at `number` (null when the node has no such block). */
export async function blockHashAt(node, number) {
  return node.rpc('chain_getBlockHash', [number]);
}

/** Waits until the node's best block number is at least `number`; returns the best head. */
export async function waitForBest(node, number, { timeoutMs = 120_000 } = {}) {
  let seen = null;
  return waitFor(
    `best block >= #${number}`,
    async () => {
      seen = await bestHead(node);
      if (seen.number >= number) return seen;
      throw new Error(`best is #${seen.number}`);
    },
    { node, timeoutMs },
  );
}

/** Waits until the node's finalized block number is at least `number`; returns the finalized head. */
export async function waitForFinalized(node, number, { timeoutMs = 180_000 } = {}) {
  return waitFor(
    `finalized block >= #${number}`,
    async () => {
      const [fin, best] = await Promise.all([finalizedHead(node), bestHead(node)]);
      if (fin.number >= number) return fin;
      throw new Error(`finalized is #${fin.number}, best is #${best.number}`);
    },
    { node, timeoutMs },
  );
}

/** Number of connected peers reported by `system_health`. */
export async function peerCount(node) {
  return (await node.rpc('system_health')).peers;
}

/**
 * Signed extensions a future runtime adds that polkadot.js does not know. They carry no data in the
 * extrinsic nor in the signing payload, so describing them as empty lets polkadot.js sign for them.
 */
const EXTRA_SIGNED_EXTENSIONS = {
  ContractIdProvides: { extrinsic: {}, payload: {} },
};

// The WsProvider behind each ApiPromise made by connectApi, for raw JSON-RPC calls over the same socket.
const providers = new WeakMap();

/** The WsProvider an ApiPromise from connectApi talks through. */
export function providerOf(api) {
  return providers.get(api);
}

/** Connects polkadot.js to the node's WebSocket endpoint; fails after `timeoutMs`. */
export async function connectApi(node, { timeoutMs = 60_000 } = {}) {
  node.assertRunning('before polkadot.js could connect');
  const provider = new WsProvider(node.wsUrl, 2_000, {}, timeoutMs);
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(
      () => reject(new E2eError(`polkadot.js could not connect to node ${node.name} at ${node.wsUrl} within ${timeoutMs / 1000} s`)),
      timeoutMs,
    );
  });
  try {
    const api = await Promise.race([
      ApiPromise.create({ provider, noInitWarn: true, throwOnConnect: true, signedExtensions: EXTRA_SIGNED_EXTENSIONS }),
      timeout,
    ]);
    providers.set(api, provider);
    return api;
  } catch (err) {
    await provider.disconnect().catch(() => {});
    throw err;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * `query.multi(keys)` in requests of `size` keys at a time (a node answers a few hundred storage
 * reads per request without hitting its response limits); the results in the order of `keys`.
 */
export async function multiInChunks(query, keys, size = 500) {
  const out = [];
  for (let i = 0; i < keys.length; i += size) out.push(...(await query.multi(keys.slice(i, i + size))));
  return out;
}
