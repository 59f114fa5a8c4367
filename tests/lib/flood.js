// Floods of pre-signed extrinsics: signing with nonces tracked here, sending them as fast as the
// node's RPC answers, and following them into blocks (what each block held and weighed, and how each
// extrinsic fared). Used by the throughput benchmark (bench/throughput.js) and e2e/block-weights.
import { setTimeout as sleep } from 'node:timers/promises';

import { providerOf } from './chain.js';
import { describeDispatchError } from './tx.js';

/** The terms and conditions an account accepts before it may create a twin. */
export const TERMS_AND_CONDITIONS = {
  link: 'https://library.threefold.me/info/legal/#/legal__terms_conditions_chain',
  hash: 'a7f4e1b3c9d2e5f60718293a4b5c6d7e',
};

/** Signs immortal extrinsics with consecutive nonces per account, counted locally. */
export class Signer {
  constructor(api) {
    this.api = api;
    this.nonces = new Map();
  }

  /** Reads the next nonce of each pair from the node (500 requests at a time). */
  async sync(pairs) {
    for (let i = 0; i < pairs.length; i += 500) {
      const chunk = pairs.slice(i, i + 500);
      const got = await Promise.all(chunk.map((p) => this.api.rpc.system.accountNextIndex(p.address)));
      chunk.forEach((p, j) => this.nonces.set(p.address, got[j].toNumber()));
    }
  }

  /** Sets the next nonce of each pair (0 for accounts that never sent anything). */
  reset(pairs, nonce = 0) {
    for (const p of pairs) this.nonces.set(p.address, nonce);
  }

  /** The nonce the next extrinsic signed for `pair` gets. */
  next(pair) {
    return this.nonces.get(pair.address) ?? 0;
  }

  /** Signs `tx` by `pair` with its next nonce, immortal. */
  async sign(tx, pair) {
    const nonce = this.next(pair);
    this.nonces.set(pair.address, nonce + 1);
    return tx.signAsync(pair, { nonce, era: 0 });
  }

  /** Signs `[pair, tx]` items in order. */
  async signAll(items) {
    const out = [];
    for (const [pair, tx] of items) out.push(await this.sign(tx, pair));
    return out;
  }
}

/** The Aura slot of a block header (its pre-runtime digest), or null when it has none. */
export function auraSlotOf(api, header) {
  const log = header.digest.logs.find((item) => item.isPreRuntime && item.asPreRuntime[0].toString() === 'aura');
  return log ? api.registry.createType('u64', log.asPreRuntime[1]).toBigInt() : null;
}

/** A node seen through polkadot.js: its blocks, and floods of signed extrinsics sent to it. */
export class Chain {
  /** `log(message)` receives progress messages (none by default). */
  constructor(api, { log = () => {} } = {}) {
    this.api = api;
    this.log = log;
    this.provider = providerOf(api);
    const normal = api.consts.system.blockWeights.perClass.normal;
    this.normalWeightLimit = (normal.maxTotal.isSome ? normal.maxTotal.unwrap() : api.consts.system.blockWeights.maxBlock)
      .refTime.toBigInt();
    this.normalLengthLimit = api.consts.system.blockLength.max.normal.toNumber();
    this.blockCache = new Map();
  }

  async bestNumber() {
    return (await this.api.rpc.chain.getHeader()).number.toNumber();
  }

  /** Waits until a block after `after` is imported; returns its number. */
  async nextBlock(after, timeoutMs = 60_000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const n = await this.bestNumber();
      if (n > after) return n;
      if (Date.now() > deadline) throw new Error(`no block after #${after} within ${timeoutMs / 1000} s`);
      await sleep(100);
    }
  }

  /**
   * Block `number`: its hash, Aura slot, timestamp (ms), extrinsic hashes and lengths, the ref time
   * its normal class and all classes weigh (system.blockWeight), its events counted by
   * "section.method", and each extrinsic's outcome.
   */
  async block(number) {
    if (this.blockCache.has(number)) return this.blockCache.get(number);
    const hash = await this.api.rpc.chain.getBlockHash(number);
    const [signed, at] = await Promise.all([this.api.rpc.chain.getBlock(hash), this.api.at(hash)]);
    const [now, weight, events] = await Promise.all([
      at.query.timestamp.now(),
      at.query.system.blockWeight(),
      at.query.system.events(),
    ]);
    const extrinsics = signed.block.extrinsics;
    const outcome = new Map(); // extrinsic index -> dispatch error (null when it succeeded)
    // extrinsic index -> the ref time it weighs on the block (ps): frame_system's event reports the
    // call's actual weight plus the base extrinsic weight.
    const dispatchRefTime = new Map();
    const eventCounts = new Map(); // "section.method" -> number of such events in the block
    for (const { phase, event } of events) {
      const name = `${event.section}.${event.method}`;
      eventCounts.set(name, (eventCounts.get(name) ?? 0) + 1);
      if (!phase.isApplyExtrinsic) continue;
      const index = phase.asApplyExtrinsic.toNumber();
      if (this.api.events.system.ExtrinsicSuccess.is(event)) {
        outcome.set(index, null);
        dispatchRefTime.set(index, event.data[0].weight.refTime.toBigInt());
      } else if (this.api.events.system.ExtrinsicFailed.is(event)) {
        outcome.set(index, event.data[0]);
        dispatchRefTime.set(index, event.data[1].weight.refTime.toBigInt());
      }
    }
    const info = {
      number,
      hash: hash.toHex(),
      slot: auraSlotOf(this.api, signed.block.header),
      timestamp: now.toNumber(),
      hashes: extrinsics.map((x) => x.hash.toHex()),
      calls: extrinsics.map((x) => `${x.method.section}.${x.method.method}`),
      dispatchRefTime,
      length: extrinsics.reduce((sum, x) => sum + x.encodedLength, 0),
      extrinsicCount: extrinsics.length,
      normalRefTime: weight.normal.refTime.toBigInt(),
      totalRefTime: weight.normal.refTime.toBigInt() + weight.operational.refTime.toBigInt() +
        weight.mandatory.refTime.toBigInt(),
      eventCounts,
      outcome,
    };
    this.blockCache.set(number, info);
    if (this.blockCache.size > 64) this.blockCache.delete(this.blockCache.keys().next().value);
    return info;
  }

  /**
   * Submits the signed extrinsics as fast as the RPC answers (at most `inFlight` awaiting an
   * answer), starting right after a block is imported. Returns what `follow` needs.
   */
  async submit(txs, { inFlight = 1000, what = 'flood' } = {}) {
    const hexes = txs.map((tx) => tx.toHex());
    const index = new Map(txs.map((tx, i) => [tx.hash.toHex(), i]));
    if (index.size !== txs.length) throw new Error(`${what}: ${txs.length - index.size} duplicate extrinsics`);
    const startBlock = await this.nextBlock(await this.bestNumber());
    const rejected = new Map(); // message -> count
    let rejectedCount = 0;
    const t0 = Date.now();
    let next = 0;
    const worker = async () => {
      while (next < hexes.length) {
        const i = next;
        next += 1;
        try {
          await this.provider.send('author_submitExtrinsic', [hexes[i]]);
        } catch (err) {
          rejectedCount += 1;
          index.delete(txs[i].hash.toHex());
          const msg = String(err.message).slice(0, 160);
          rejected.set(msg, (rejected.get(msg) ?? 0) + 1);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(inFlight, hexes.length) }, worker));
    const submitSeconds = (Date.now() - t0) / 1000;
    this.log(`${what}: ${hexes.length} submitted in ${submitSeconds.toFixed(1)} s (${rejectedCount} refused), from block #${startBlock}`);
    return { what, sent: txs.length, index, rejected, rejectedCount, startBlock, t0, submitSeconds, submitted: Date.now() };
  }

  /**
   * Reads every block after the submission's start block until all the submitted extrinsics are
   * included, or `timeoutS` seconds pass without one (counted from the submission at the earliest).
   */
  async follow(submission, { timeoutS = 180 } = {}) {
    const { what, index, startBlock, submitted } = submission;
    const blocks = [];
    const failures = new Map(); // error text -> count
    const errors = [];
    let included = 0;
    let failed = 0;
    let number = startBlock + 1;
    let lastProgress = Date.now();
    const pending = index.size;
    while (included < pending) {
      if (Date.now() - Math.max(lastProgress, submitted) > timeoutS * 1000) {
        this.log(`${what}: ${pending - included} extrinsics not included after ${timeoutS} s without progress`);
        break;
      }
      const best = await this.bestNumber();
      if (best < number) {
        await sleep(200);
        continue;
      }
      const b = await this.block(number);
      let mine = 0;
      let mineRefTime = 0n;
      const others = {};
      b.hashes.forEach((h, i) => {
        if (!index.has(h)) {
          if (b.calls[i] !== 'timestamp.set') others[b.calls[i]] = (others[b.calls[i]] ?? 0) + 1;
          return;
        }
        mine += 1;
        mineRefTime += b.dispatchRefTime.get(i) ?? 0n;
        const txIndex = index.get(h);
        index.delete(h);
        const err = b.outcome.get(i);
        if (err) {
          failed += 1;
          const text = describeDispatchError(this.api, err).text;
          failures.set(text, (failures.get(text) ?? 0) + 1);
          errors[txIndex] = text;
        }
      });
      included += mine;
      blocks.push({
        number: b.number,
        hash: b.hash,
        slot: b.slot,
        timestamp: b.timestamp,
        flood: mine,
        extrinsics: b.extrinsicCount,
        length: b.length,
        normalRefTime: b.normalRefTime,
        totalRefTime: b.totalRefTime,
        floodRefTime: mineRefTime,
        eventCounts: b.eventCounts,
        others,
      });
      if (mine > 0) lastProgress = Date.now();
      number += 1;
    }
    const wallSeconds = (Date.now() - submission.t0) / 1000;
    return {
      sent: submission.sent,
      refused: submission.rejectedCount,
      refusals: Object.fromEntries(submission.rejected),
      included,
      failed,
      failures: Object.fromEntries(failures),
      errors,
      missing: pending - included,
      startBlock,
      parentTimestamp: (await this.block(startBlock)).timestamp,
      blocks,
      submitSeconds: submission.submitSeconds,
      wallSeconds,
    };
  }

  /** Submits `txs` and follows them into blocks (see submit and follow). */
  async flood(txs, { inFlight = 1000, timeoutS = 180, what = 'flood' } = {}) {
    return this.follow(await this.submit(txs, { inFlight, what }), { timeoutS });
  }

  /** Set-up: floods `txs` and throws unless every one of them is included and succeeds. */
  async setup(txs, what, opts = {}) {
    if (txs.length === 0) return;
    const t0 = Date.now();
    const r = await this.flood(txs, { ...opts, what: `set-up: ${what}` });
    if (r.refused || r.missing || r.failed) {
      throw new Error(`set-up "${what}" did not fully succeed: ${r.refused} refused ${JSON.stringify(r.refusals)}, ` +
        `${r.missing} not included, ${r.failed} failed ${JSON.stringify(r.failures)}`);
    }
    this.log(`set-up: ${what}: ${txs.length} extrinsics in ${r.blocks.filter((b) => b.flood).length} blocks ` +
      `(${((Date.now() - t0) / 1000).toFixed(0)} s)`);
  }
}

/**
 * Set-up: `from` gives each of `accounts` `amount` with transferKeepAlive, in utility.batchAll
 * extrinsics of `batch` transfers each, signed by `signer` (whose nonce of `from` must be in sync).
 */
export async function fundAccounts(chain, signer, { from, accounts, amount, batch = 500, ...opts }) {
  const { api } = chain;
  const calls = accounts.map((a) => api.tx.balances.transferKeepAlive(a.address, amount));
  const batches = [];
  for (let i = 0; i < calls.length; i += batch) {
    batches.push(await signer.sign(api.tx.utility.batchAll(calls.slice(i, i + batch)), from));
  }
  await chain.setup(batches, `fund ${accounts.length} accounts with ${amount} units (batchAll of ${batch})`, opts);
}

/**
 * Waits until the on-chain nonce (at the best block) of every account in `targets` (address ->
 * nonce) reached its target, polling every `intervalMs`; gives up when no nonce moved for `idleS`
 * seconds. Reads only account records, so that following a flood costs the node nothing while it
 * authors. Returns whether every target was reached.
 */
export async function waitForNonces(api, targets, { idleS = 60, intervalMs = 2_000 } = {}) {
  const addresses = [...targets.keys()];
  let lastSum = -1;
  let lastMove = Date.now();
  for (;;) {
    const accounts = await api.query.system.account.multi(addresses);
    const nonces = accounts.map((a) => a.nonce.toNumber());
    if (nonces.every((n, i) => n >= targets.get(addresses[i]))) return true;
    const sum = nonces.reduce((a, b) => a + b, 0);
    if (sum !== lastSum) {
      lastSum = sum;
      lastMove = Date.now();
    } else if (Date.now() - lastMove > idleS * 1000) {
      return false;
    }
    await sleep(intervalMs);
  }
}
