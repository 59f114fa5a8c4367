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
// and, only when named, billing: --contracts live node contracts, then one full billing cycle read
// from its blocks (see billing.js).
// Set-up (funding, terms and conditions, twins, farm, nodes) is not measured; funding is batched in
// utility.batchAll, the per-account set-up (T&C, twin, node) is one extrinsic per account.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { randomBytes } from 'node:crypto';

import { blake2AsHex } from '@polkadot/util-crypto';

import { makeKeyring, TFT } from '../lib/accounts.js';
import { connectApi } from '../lib/chain.js';
import { Chain, Signer, TERMS_AND_CONDITIONS, fundAccounts } from '../lib/flood.js';
import { devNode } from '../lib/networks.js';
import { makeTempRoot, removeTempRoot } from '../lib/tempdir.js';

import { billingMarkdown, billingPlan, runBillingWorkload, setBillingFrequency } from './billing.js';

const WORKLOADS = ['transfer', 'twin', 'contract', 'kvstore', 'uptime'];
/** Workloads run only when --workloads names them. */
const EXTRA_WORKLOADS = ['billing'];
const LABEL = {
  transfer: 'balances.transferKeepAlive',
  twin: 'tfgridModule.createTwin',
  contract: 'smartContractModule.createNodeContract',
  kvstore: 'tfkvStore.set',
  uptime: 'tfgridModule.reportUptimeV2',
};
const CONTRACTS_PER_TWIN = 16;
const { link: TC_LINK, hash: TC_HASH } = TERMS_AND_CONDITIONS;
const RELAY = 'relay.bench.grid.tf';
const FUNDING = 100n * TFT;
const FUNDING_BATCH = 500;

const USAGE = `usage: scripts/bench/throughput [options]

Starts a fresh --dev node (the binary is $TFCHAIN_BIN, else $CARGO_TARGET_DIR/release/tfchain, else
target/release/tfchain) on free ports with a temporary base path, or uses --url, and floods it with
pre-signed extrinsics, one workload at a time.

  --count N          extrinsics per workload (default 2000; the default ready pool holds 8192)
  --workloads LIST   comma-separated subset of ${[...WORKLOADS, ...EXTRA_WORKLOADS].join(',')} (default: all but
                     billing)
  --contracts N      billing: node contracts live during the billing cycle (default 100000)
  --billing-frequency F
                     billing: blocks between two bills of a contract; raised by a council motion of
                     Alice and Bob before the other workloads run (default: the chain's, or enough
                     blocks for about 500 bills a block)
  --url WS           use a running node (a dev chain where //Alice is funded) instead of starting one
  --json FILE        also write the results, with every block's figures, as JSON
  --timeout S        seconds to wait for a flood's inclusion after it was sent (default 180)
  --in-flight N      submissions awaiting their RPC answer at once (default 1000)
  --keep             keep the node's base path (and its node.log)
  -h, --help         this text`;

class UsageError extends Error {}

function parseArgs(argv) {
  const opts = { count: 2000, workloads: WORKLOADS, url: null, json: null, timeout: 180, inFlight: 1000, keep: false,
    contracts: 100_000, billingFrequency: null };
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
        const known = [...WORKLOADS, ...EXTRA_WORKLOADS];
        const bad = opts.workloads.filter((w) => !known.includes(w));
        if (bad.length) throw new UsageError(`unknown workload(s) ${bad.join(', ')}; known: ${known.join(', ')}`);
        break;
      }
      case '--url': opts.url = value(); break;
      case '--json': opts.json = value(); break;
      case '--timeout': opts.timeout = int(value()); break;
      case '--in-flight': opts.inFlight = int(value()); break;
      case '--keep': opts.keep = true; break;
      case '--contracts': opts.contracts = int(value()); break;
      case '--billing-frequency': opts.billingFrequency = int(value()); break;
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
    perBlock: r.blocks.map((b) => ({
      ...b,
      slot: b.slot?.toString() ?? null,
      normalRefTime: b.normalRefTime.toString(),
      totalRefTime: b.totalRefTime.toString(),
      floodRefTime: b.floodRefTime.toString(),
      eventCounts: Object.fromEntries(b.eventCounts),
    })),
  };
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const N = opts.count;
  const selected = new Set(opts.workloads);
  const plan = selected.has('billing') ? billingPlan(opts.contracts) : null;
  if (plan && Math.max(plan.twins, plan.nodes) > N) {
    throw new UsageError(`billing: ${opts.contracts} contracts need ${plan.twins} twins and ${plan.nodes} nodes, ` +
      `one account each: --count at least ${Math.max(plan.twins, plan.nodes)}`);
  }
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
    const chain = new Chain(api, { log });
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
    const setupStart = Date.now();
    const seed = `0x${randomBytes(32).toString('hex')}`;
    const runId = randomBytes(4).toString('hex');
    log(`deriving ${N} accounts`);
    const accounts = Array.from({ length: N }, (_, i) => keyring.addFromUri(`${seed}//${i}`));
    const signer = new Signer(api);
    const syncNonces = (pairs) => signer.sync(pairs);
    const sign = (tx, pair) => signer.sign(tx, pair);
    const signAll = (items) => signer.signAll(items);
    const floodOpts = { inFlight: opts.inFlight, timeoutS: opts.timeout };
    const tf = api.tx.tfgridModule;

    // --- set-up that every workload shares: fund the accounts.
    await syncNonces([alice]);
    await fundAccounts(chain, signer, { from: alice, accounts, amount: FUNDING, batch: FUNDING_BATCH, ...floodOpts });
    signer.reset(accounts);
    // The billing frequency changes while the chain has no contracts (see setBillingFrequency).
    const billingCtx = plan && { api, chain, node, sign, syncNonces, floodOpts, alice, bob: keyring.addFromUri('//Bob'),
      runId, log };
    const billing = plan && await setBillingFrequency(billingCtx, plan, opts.billingFrequency);

    const needTwins = selected.has('twin') || selected.has('contract') || selected.has('uptime') || plan !== null;
    const needNodes = selected.has('contract') || selected.has('uptime') || plan !== null;
    const nodeCount = selected.has('uptime') ? N
      : Math.max(selected.has('contract') ? Math.max(CONTRACTS_PER_TWIN, Math.ceil(N / CONTRACTS_PER_TWIN)) : 0,
        plan?.nodes ?? 0);
    const twinsNeeded = selected.has('twin') ? N
      : Math.max(selected.has('uptime') ? N : 0, needNodes ? nodeCount : 0, plan?.twins ?? 0);
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
    if (needNodes) {
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

    // 6. billing: the contracts, then one full billing cycle.
    const billingResult = plan && await runBillingWorkload(billingCtx, { plan, billing, accounts, nodeIds, setupStart });

    // --- report
    const base = results.transfer?.txPerSecond;
    const basePeak = results.transfer?.peakTxPerSecond;
    for (const r of Object.values(results)) {
      r.vsTransfer = base ? r.txPerSecond / base : null;
      r.peakVsTransfer = basePeak ? r.peakTxPerSecond / basePeak : null;
    }
    const ordered = WORKLOADS.filter((w) => results[w]).map((w) => results[w]);
    const md = [ordered.length ? table(info, ordered, chain) : environment(info).join('\n')];
    if (billingResult) md.push(billingMarkdown(billingResult));
    process.stdout.write(`${md.join('\n\n')}\n`);
    if (opts.json) {
      fs.writeFileSync(opts.json, `${JSON.stringify({ ...info, results: ordered, billing: billingResult }, null, 2)}\n`);
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

/** The machine and the node the figures come from. */
function environment(info) {
  return [
    `Machine: ${info.machine.nproc} CPUs (${info.machine.cpu}), ${info.machine.memGiB} GiB, ${info.machine.os}`,
    `Node: ${info.binaryVersion ?? info.nodeVersion}; chain "${info.chain}", runtime ${info.runtime}; ${info.date}`,
  ];
}

function table(info, rows, chain) {
  const f1 = (x) => x.toFixed(1);
  const lines = [
    ...environment(info),
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
