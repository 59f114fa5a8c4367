// Throughput benchmark: floods a node with pre-signed extrinsics of one kind at a time and measures,
// from the blocks that include them, how many the chain takes per second of chain time (block
// timestamps), per block at most, and how full those blocks are. Run it through
// scripts/bench/throughput (see --help); it is not part of the test suite.
//
// Workloads (each one flood of --count extrinsics, one per sender unless said otherwise):
//   transfer   balances.transferKeepAlive, 1 TFT from each of N funded accounts to the next
//   twin       tfgridModule.createTwin by N accounts that accepted the terms and conditions
//   contract   smartContractModule.createNodeContract, 16 per twin (sequential nonces), spread so
//              that no twin has two contracts on the same node
//   kvstore    tfkvStore.set, one distinct key per account
//   uptime     tfgridModule.reportUptimeV2, one report per node (N nodes, each its own twin)
// Set-up (funding, terms and conditions, twins, farm, nodes) is not measured; funding is batched in
// utility.batchAll, the per-account set-up (T&C, twin, node) is one extrinsic per account.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';

import { blake2AsHex } from '@polkadot/util-crypto';

import { makeKeyring, TFT } from '../lib/accounts.js';
import { connectApi, providerOf } from '../lib/chain.js';
import { devNode } from '../lib/networks.js';
import { makeTempRoot, removeTempRoot } from '../lib/tempdir.js';
import { describeDispatchError } from '../lib/tx.js';

const WORKLOADS = ['transfer', 'twin', 'contract', 'kvstore', 'uptime'];
const LABEL = {
  transfer: 'balances.transferKeepAlive',
  twin: 'tfgridModule.createTwin',
  contract: 'smartContractModule.createNodeContract',
  kvstore: 'tfkvStore.set',
  uptime: 'tfgridModule.reportUptimeV2',
};
const CONTRACTS_PER_TWIN = 16;
const TC_LINK = 'https://library.threefold.me/info/legal/#/legal__terms_conditions_chain';
const TC_HASH = 'a7f4e1b3c9d2e5f60718293a4b5c6d7e';
const RELAY = 'relay.bench.grid.tf';
const FUNDING = 100n * TFT;
const FUNDING_BATCH = 500;

const USAGE = `usage: scripts/bench/throughput [options]

Starts a fresh --dev node (the binary is $TFCHAIN_BIN, else $CARGO_TARGET_DIR/release/tfchain, else
target/release/tfchain) on free ports with a temporary base path, or uses --url, and floods it with
pre-signed extrinsics, one workload at a time.

  --count N          extrinsics per workload (default 2000; the default ready pool holds 8192)
  --workloads LIST   comma-separated subset of ${WORKLOADS.join(',')} (default: all)
  --url WS           use a running node (a dev chain where //Alice is funded) instead of starting one
  --json FILE        also write the results, with every block's figures, as JSON
  --timeout S        seconds to wait for a flood's inclusion after it was sent (default 180)
  --in-flight N      submissions awaiting their RPC answer at once (default 1000)
  --keep             keep the node's base path (and its node.log)
  -h, --help         this text`;

class UsageError extends Error {}

function parseArgs(argv) {
  const opts = { count: 2000, workloads: WORKLOADS, url: null, json: null, timeout: 180, inFlight: 1000, keep: false };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new UsageError(`${arg} needs a value`);
      i += 1;
      return argv[i];
    };
    const int = (s) => {
      const n = Number(s);
      if (!Number.isInteger(n) || n <= 0) throw new UsageError(`${arg}: a positive integer expected, got ${s}`);
      return n;
    };
    switch (arg) {
      case '--count': opts.count = int(value()); break;
      case '--workloads': {
        opts.workloads = value().split(',').map((s) => s.trim()).filter(Boolean);
        const bad = opts.workloads.filter((w) => !WORKLOADS.includes(w));
        if (bad.length) throw new UsageError(`unknown workload(s) ${bad.join(', ')}; known: ${WORKLOADS.join(', ')}`);
        break;
      }
      case '--url': opts.url = value(); break;
      case '--json': opts.json = value(); break;
      case '--timeout': opts.timeout = int(value()); break;
      case '--in-flight': opts.inFlight = int(value()); break;
      case '--keep': opts.keep = true; break;
      case '-h': case '--help': console.log(USAGE); process.exit(0); break;
      default: throw new UsageError(`unknown argument ${arg}\n${USAGE}`);
    }
  }
  return opts;
}

const log = (msg) => process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${msg}\n`);

function machine() {
  let cpu = 'unknown';
  try {
    const line = fs.readFileSync('/proc/cpuinfo', 'utf8').split('\n').find((l) => l.startsWith('model name'));
    if (line) cpu = line.split(':').slice(1).join(':').trim();
  } catch { /* not Linux */ }
  const nproc = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return { nproc, cpu, memGiB: Math.round(os.totalmem() / 2 ** 30), os: `${os.type()} ${os.release()}` };
}

function binaryVersion(binary) {
  return new Promise((resolve) => {
    execFile(binary, ['--version'], { timeout: 20_000 }, (err, stdout) => resolve(err ? null : stdout.trim()));
  });
}

/** A stand-in for TfchainNode when --url names a node this script did not start. */
function remoteNode(url) {
  return { name: 'remote', wsUrl: url, assertRunning() {} };
}

// ---------------------------------------------------------------------------------------------
// Sending a set of pre-signed extrinsics and following them into blocks.

class Chain {
  constructor(api) {
    this.api = api;
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

  /** Block `number`: its timestamp (ms), extrinsic hashes and lengths, normal weight and events. */
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
    for (const { phase, event } of events) {
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
      timestamp: now.toNumber(),
      hashes: extrinsics.map((x) => x.hash.toHex()),
      calls: extrinsics.map((x) => `${x.method.section}.${x.method.method}`),
      dispatchRefTime,
      length: extrinsics.reduce((sum, x) => sum + x.encodedLength, 0),
      extrinsicCount: extrinsics.length,
      normalRefTime: weight.normal.refTime.toBigInt(),
      outcome,
    };
    this.blockCache.set(number, info);
    if (this.blockCache.size > 64) this.blockCache.delete(this.blockCache.keys().next().value);
    return info;
  }

  /**
   * Submits the signed extrinsics as fast as the RPC answers (at most `inFlight` awaiting an
   * answer), starting right after a block is imported, then reads every new block until all of them
   * are included (or refused at submission) or `timeoutS` seconds pass after the last submission.
   */
  async flood(txs, { inFlight = 1000, timeoutS = 180, what = 'flood' } = {}) {
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
    log(`${what}: ${hexes.length} submitted in ${submitSeconds.toFixed(1)} s (${rejectedCount} refused), from block #${startBlock}`);

    const blocks = [];
    const failures = new Map(); // error text -> count
    const errors = [];
    let included = 0;
    let failed = 0;
    let number = startBlock + 1;
    let lastProgress = Date.now();
    const pending = index.size;
    const submitted = Date.now();
    while (included < pending) {
      if (Date.now() - Math.max(lastProgress, submitted) > timeoutS * 1000) {
        log(`${what}: ${pending - included} extrinsics not included after ${timeoutS} s without progress`);
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
        timestamp: b.timestamp,
        flood: mine,
        extrinsics: b.extrinsicCount,
        length: b.length,
        normalRefTime: b.normalRefTime,
        floodRefTime: mineRefTime,
        others,
      });
      if (mine > 0) lastProgress = Date.now();
      number += 1;
    }
    const wallSeconds = (Date.now() - t0) / 1000;
    return {
      sent: txs.length,
      refused: rejectedCount,
      refusals: Object.fromEntries(rejected),
      included,
      failed,
      failures: Object.fromEntries(failures),
      errors,
      missing: pending - included,
      startBlock,
      parentTimestamp: (await this.block(startBlock)).timestamp,
      blocks,
      submitSeconds,
      wallSeconds,
    };
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
    log(`set-up: ${what}: ${txs.length} extrinsics in ${r.blocks.filter((b) => b.flood).length} blocks ` +
      `(${((Date.now() - t0) / 1000).toFixed(0)} s)`);
  }
}

/** The figures of one measured flood. */
function summarize(chain, name, r) {
  const withFlood = r.blocks.filter((b) => b.flood > 0);
  const first = withFlood[0];
  const last = withFlood.at(-1);
  // Chain time from the parent of the first block holding flood extrinsics to the last such block.
  const parent = first ? r.blocks.find((b) => b.number === first.number - 1) : null;
  const span = last ? (last.timestamp - (parent ? parent.timestamp : r.parentTimestamp)) / 1000 : 0;
  // Blocks from the first to the last one holding flood extrinsics (gaps included).
  const inRange = first ? r.blocks.filter((b) => b.number >= first.number && b.number <= last.number) : [];
  const peak = withFlood.reduce((m, b) => (b.flood > (m?.flood ?? -1) ? b : m), null);
  // Ref time each flood extrinsic weighs on its block, in picoseconds: the call's actual weight plus
  // the base extrinsic weight, as its ExtrinsicSuccess/Failed event reports them.
  const floodRefTime = withFlood.reduce((sum, b) => sum + b.floodRefTime, 0n);
  const refTimePerTx = r.included ? Number(floodRefTime) / r.included : 0;
  // Other extrinsics in the blocks of the flood (such as the validator's billing transactions).
  const others = {};
  for (const b of inRange) for (const [k, v] of Object.entries(b.others)) others[k] = (others[k] ?? 0) + v;
  // The block interval: the median gap between the timestamps of consecutive blocks read.
  const gaps = r.blocks.slice(1).map((b, i) => b.timestamp - r.blocks[i].timestamp).sort((a, b) => a - b);
  const blockSeconds = gaps.length ? gaps[Math.floor(gaps.length / 2)] / 1000 : 6;
  const pct = (a, b) => (b ? (100 * Number(a)) / Number(b) : 0);
  return {
    workload: name,
    call: LABEL[name],
    sent: r.sent,
    refused: r.refused,
    included: r.included,
    failed: r.failed,
    missing: r.missing,
    blocks: inRange.length,
    chainSeconds: span,
    txPerSecond: span > 0 ? r.included / span : 0,
    // All of them fitted in one block: the rate is a lower bound (the flood did not fill a block).
    lowerBound: withFlood.length <= 1,
    peakPerBlock: peak?.flood ?? 0,
    blockSeconds,
    peakTxPerSecond: (peak?.flood ?? 0) / blockSeconds,
    peakBlock: peak?.number ?? null,
    peakBlockWeightPct: peak ? pct(peak.normalRefTime, chain.normalWeightLimit) : 0,
    peakBlockLengthPct: peak ? pct(peak.length, chain.normalLengthLimit) : 0,
    refTimePerTxUs: refTimePerTx / 1e6,
    weightBoundPerBlock: refTimePerTx ? Math.floor(Number(chain.normalWeightLimit) / refTimePerTx) : null,
    submitSeconds: r.submitSeconds,
    wallSeconds: r.wallSeconds,
    refusals: r.refusals,
    failures: r.failures,
    otherExtrinsics: others,
    perBlock: r.blocks.map((b) => ({ ...b, normalRefTime: b.normalRefTime.toString(), floodRefTime: b.floodRefTime.toString() })),
  };
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const N = opts.count;
  const selected = new Set(opts.workloads);
  const info = { date: new Date().toISOString(), machine: machine(), count: N };
  log(`machine: ${info.machine.nproc} CPUs, ${info.machine.cpu}`);

  let node = null;
  let root = null;
  let api = null;
  try {
    if (opts.url) {
      node = remoteNode(opts.url);
    } else {
      root = await makeTempRoot();
      node = await devNode({ root, name: 'bench' });
      info.binary = node.binary;
      info.binaryVersion = await binaryVersion(node.binary);
      log(`starting ${node.binary} --dev (rpc ${node.rpcPort}, base path ${node.basePath})`);
      await node.start();
    }
    api = await connectApi(node);
    const chain = new Chain(api);
    info.nodeVersion = (await api.rpc.system.version()).toString();
    info.chain = (await api.rpc.system.chain()).toString();
    info.runtime = `${api.runtimeVersion.specName} ${api.runtimeVersion.specVersion.toNumber()}`;
    info.normalWeightLimitRefTime = chain.normalWeightLimit.toString();
    info.normalLengthLimit = chain.normalLengthLimit;
    log(`node ${info.nodeVersion}, chain "${info.chain}", runtime ${info.runtime}; normal class: ` +
      `${Number(chain.normalWeightLimit) / 1e12} s ref time, ${chain.normalLengthLimit} bytes`);
    await chain.nextBlock(0, 120_000);

    const keyring = await makeKeyring();
    const alice = keyring.addFromUri('//Alice');
    const seed = `0x${randomBytes(32).toString('hex')}`;
    const runId = randomBytes(4).toString('hex');
    log(`deriving ${N} accounts`);
    const accounts = Array.from({ length: N }, (_, i) => keyring.addFromUri(`${seed}//${i}`));
    const nonces = new Map();
    const syncNonces = async (pairs) => {
      for (let i = 0; i < pairs.length; i += 500) {
        const chunk = pairs.slice(i, i + 500);
        const got = await Promise.all(chunk.map((p) => api.rpc.system.accountNextIndex(p.address)));
        chunk.forEach((p, j) => nonces.set(p.address, got[j].toNumber()));
      }
    };
    /** Signs `tx` by `pair` with its next nonce, immortal. */
    const sign = async (tx, pair) => {
      const nonce = nonces.get(pair.address) ?? 0;
      nonces.set(pair.address, nonce + 1);
      return tx.signAsync(pair, { nonce, era: 0 });
    };
    const signAll = async (items) => {
      const out = [];
      for (const [pair, tx] of items) out.push(await sign(tx, pair));
      return out;
    };
    const floodOpts = { inFlight: opts.inFlight, timeoutS: opts.timeout };
    const tf = api.tx.tfgridModule;

    // --- set-up that every workload shares: fund the accounts.
    await syncNonces([alice]);
    const fundCalls = accounts.map((a) => api.tx.balances.transferKeepAlive(a.address, FUNDING));
    const batches = [];
    for (let i = 0; i < fundCalls.length; i += FUNDING_BATCH) {
      batches.push(await sign(api.tx.utility.batchAll(fundCalls.slice(i, i + FUNDING_BATCH)), alice));
    }
    await chain.setup(batches, `fund ${N} accounts with ${FUNDING / TFT} TFT (batchAll of ${FUNDING_BATCH})`, floodOpts);
    for (const a of accounts) nonces.set(a.address, 0);

    const needTwins = selected.has('twin') || selected.has('contract') || selected.has('uptime');
    const nodeCount = selected.has('uptime') ? N : Math.max(CONTRACTS_PER_TWIN, Math.ceil(N / CONTRACTS_PER_TWIN));
    const twinsNeeded = selected.has('twin') ? N
      : Math.max(selected.has('uptime') ? N : 0, selected.has('contract') ? nodeCount : 0);
    const results = {};
    const measure = async (name, txs) => {
      log(`${name}: flood of ${txs.length} ${LABEL[name]}`);
      const r = await chain.flood(txs, { ...floodOpts, what: name });
      results[name] = summarize(chain, name, r);
      const s = results[name];
      log(`${name}: ${s.included} included (${s.failed} failed${s.failed ? ` ${JSON.stringify(s.failures)}` : ''}, ` +
        `${s.missing} missing, ${s.refused} refused) in ${s.blocks} blocks, ${s.chainSeconds} s chain time: ` +
        `${s.txPerSecond.toFixed(1)} tx/s, peak ${s.peakPerBlock}/block`);
      if (s.refused) log(`${name}: refusals ${JSON.stringify(s.refusals)}`);
      if (s.missing || s.refused) await syncNonces(accounts);
    };

    // 1. transfers: each account sends 1 TFT to the next one.
    if (selected.has('transfer')) {
      const txs = await signAll(accounts.map((a, i) => [a,
        api.tx.balances.transferKeepAlive(accounts[(i + 1) % N].address, TFT)]));
      await measure('transfer', txs);
    }

    // Terms and conditions (set-up for twins).
    if (needTwins) {
      const twinAccounts = accounts.slice(0, twinsNeeded);
      await chain.setup(await signAll(twinAccounts.map((a) => [a, tf.userAcceptTc(TC_LINK, TC_HASH)])),
        `${twinAccounts.length} accounts accept the terms and conditions`, floodOpts);
      // 2. twins.
      const twinTxs = await signAll(twinAccounts.map((a) => [a, tf.createTwin(RELAY, null)]));
      if (selected.has('twin')) await measure('twin', twinTxs);
      else await chain.setup(twinTxs, `${twinAccounts.length} twins`, floodOpts);
    }

    // 4. key-value store: one distinct key per account.
    if (selected.has('kvstore')) {
      const value = 'v'.repeat(32);
      const txs = await signAll(accounts.map((a, i) => [a, api.tx.tfkvStore.set(`bench-${runId}-${i}`, value)]));
      await measure('kvstore', txs);
    }

    // Farm and nodes (set-up for contracts and uptime).
    let nodeIds = [];
    if (selected.has('contract') || selected.has('uptime')) {
      const aliceTwin = await api.query.tfgridModule.twinIdByAccountID(alice.address);
      const farmName = `bench_${runId}`;
      await syncNonces([alice]);
      const calls = [];
      if (!(await api.query.tfgridModule.usersTermsAndConditions(alice.address)).length) {
        calls.push(tf.userAcceptTc(TC_LINK, TC_HASH));
      }
      if (aliceTwin.isNone || aliceTwin.toString() === '0') calls.push(tf.createTwin(RELAY, null));
      calls.push(tf.createFarm(farmName, []));
      await chain.setup([await sign(api.tx.utility.batchAll(calls), alice)], `farm ${farmName}`, floodOpts);
      const farmIdRaw = await api.query.tfgridModule.farmIdByName(farmName);
      const farmId = Number(farmIdRaw.toString());
      const before = (await api.query.tfgridModule.nodeID()).toNumber();
      const resources = { hru: 4n * 2n ** 40n, sru: 512n * 2n ** 30n, cru: 8, mru: 16n * 2n ** 30n };
      const location = { city: 'Ghent', country: 'Belgium', latitude: '51.05', longitude: '3.71' };
      await chain.setup(await signAll(accounts.slice(0, nodeCount).map((a) => [a,
        tf.createNode(farmId, resources, location, [], false, false, null)])), `${nodeCount} nodes in farm ${farmId}`,
      floodOpts);
      const after = (await api.query.tfgridModule.nodeID()).toNumber();
      nodeIds = Array.from({ length: after - before }, (_, i) => before + 1 + i);
      if (nodeIds.length !== nodeCount) throw new Error(`expected ${nodeCount} new nodes, NodeID went ${before} -> ${after}`);
    }

    // 3. node contracts: twin t creates contracts 16t..16t+15, contract k on node k mod #nodes.
    if (selected.has('contract')) {
      const items = [];
      for (let k = 0; k < N; k += 1) {
        const twin = accounts[Math.floor(k / CONTRACTS_PER_TWIN)];
        const nodeId = nodeIds[k % nodeIds.length];
        items.push([twin, api.tx.smartContractModule.createNodeContract(nodeId,
          blake2AsHex(`bench-${runId}-${k}`, 256), 'bench', 0, null)]);
      }
      await measure('contract', await signAll(items));
    }

    // 5. uptime: one report from each node, with a timestamp hint 30 s ahead of the best block's
    // time (the runtime accepts hints within 60 s of the chain's time), so the reports stay valid
    // for about 90 s of chain time.
    if (selected.has('uptime')) {
      const now = Math.floor((await api.query.timestamp.now()).toNumber() / 1000);
      const hint = now + 30;
      const txs = await signAll(accounts.slice(0, nodeCount).map((a, i) => [a, tf.reportUptimeV2(3_600 + i, hint)]));
      await measure('uptime', txs);
    }

    // --- report
    const base = results.transfer?.txPerSecond;
    const basePeak = results.transfer?.peakTxPerSecond;
    for (const r of Object.values(results)) {
      r.vsTransfer = base ? r.txPerSecond / base : null;
      r.peakVsTransfer = basePeak ? r.peakTxPerSecond / basePeak : null;
    }
    const ordered = WORKLOADS.filter((w) => results[w]).map((w) => results[w]);
    const md = table(info, ordered, chain);
    process.stdout.write(`${md}\n`);
    if (opts.json) {
      fs.writeFileSync(opts.json, `${JSON.stringify({ ...info, results: ordered }, null, 2)}\n`);
      log(`wrote ${opts.json}`);
    }
  } finally {
    if (api) await api.disconnect().catch(() => {});
    if (node?.stop) await node.stop();
    if (root) {
      if (opts.keep) log(`node data kept in ${root}`);
      else await removeTempRoot(root);
    }
  }
}

function table(info, rows, chain) {
  const f1 = (x) => x.toFixed(1);
  const lines = [
    `Machine: ${info.machine.nproc} CPUs (${info.machine.cpu}), ${info.machine.memGiB} GiB, ${info.machine.os}`,
    `Node: ${info.binaryVersion ?? info.nodeVersion}; chain "${info.chain}", runtime ${info.runtime}; ${info.date}`,
    `Normal class limits per block: ${Number(chain.normalWeightLimit) / 1e12} s ref time, ` +
      `${chain.normalLengthLimit} bytes. Flood: ${info.count} pre-signed extrinsics per workload, ` +
      `each sent in ${rows.map((r) => f1(r.submitSeconds)).join(' / ')} s of wall time.`,
    '',
    '| workload | included (failed) | blocks | chain s | tx/s | vs transfer | peak / block | peak tx/s | ' +
      'peak vs transfer | peak block weight | peak block length | weight / tx (µs) | weight bound / block |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of rows) {
    const notIn = r.sent - r.included;
    const ratio = (x) => (x === null ? '–' : x.toFixed(2));
    lines.push(`| \`${r.call}\` | ${r.included}${notIn ? ` of ${r.sent}` : ''} (${r.failed}) | ${r.blocks} | ` +
      `${f1(r.chainSeconds)} | ${r.lowerBound ? '≥ ' : ''}${f1(r.txPerSecond)} | ${ratio(r.vsTransfer)} | ` +
      `${r.peakPerBlock} | ${r.lowerBound ? '≥ ' : ''}${f1(r.peakTxPerSecond)} | ${ratio(r.peakVsTransfer)} | ` +
      `${f1(r.peakBlockWeightPct)} % | ` +
      `${f1(r.peakBlockLengthPct)} % | ${f1(r.refTimePerTxUs)} | ${r.weightBoundPerBlock ?? '–'} |`);
  }
  const notes = rows.filter((r) => r.failed || r.refused || r.missing).map((r) =>
    `- ${r.workload}: ${r.refused} refused by the pool ${JSON.stringify(r.refusals)}, ${r.missing} never included, ` +
    `${r.failed} failed ${JSON.stringify(r.failures)}`);
  for (const r of rows) {
    const o = Object.entries(r.otherExtrinsics);
    if (o.length) notes.push(`- ${r.workload}: the blocks of the flood also held ${o.map(([k, v]) => `${v} \`${k}\``).join(', ')}`);
  }
  if (notes.length) lines.push('', ...notes);
  return lines.join('\n');
}

main().then(
  () => process.exit(0),
  (err) => {
    let text;
    if (err instanceof UsageError) text = err.message;
    else if (err instanceof Error) text = err.stack ?? err.message;
    else text = `${err?.type === 'error' && err?.target?.url ? `cannot connect to ${err.target.url}` : String(err)}`;
    process.stderr.write(`throughput: ${text}\n`);
    process.exit(1);
  },
);
