// The `billing` workload of the throughput benchmark (tests/bench/throughput.js): --contracts live
// node contracts on the chain, then one full billing cycle measured from its blocks.
//
// How the chain bills (pallets/smart-contract, issue 14): contract `id` sits in the billing-loop bucket
// `id % BillingFrequency` (at most 10,000 contracts a bucket), and bucket `n % BillingFrequency` is
// due at block n. The runtime bills by itself: each block's `on_initialize` bills the contracts of
// the due buckets, in order, within a fifth of the block, carrying over what does not fit. Its
// events are in the block's Initialization phase; no transaction takes part. `bill_contract_for_block`
// extrinsics (sent by validators' offchain workers of earlier releases) are still counted if any.
import fs from 'node:fs';

import { blake2AsHex } from '@polkadot/util-crypto';

import { preparedBlocks, refTimeMs } from '../lib/blocks.js';
import { waitFor } from '../lib/chain.js';
import { contractIdOf } from '../lib/contracts.js';
import { callWeight } from '../lib/governance.js';
import { describeDispatchError } from '../lib/tx.js';

/** Contracts put on one node: below the runtime's 4096 active node contracts per node. */
const CONTRACTS_PER_NODE = 4000;
/** Contracts of one twin on one node: below MaxNodeContractsPerTwinPerNode (128). */
const CONTRACTS_PER_PAIR = 100;
/** Contracts of one twin at most: their fees and bills come out of the benchmark's funding. */
const CONTRACTS_PER_TWIN = 1000;
/** createNodeContract calls in one utility.batchAll of the set-up. */
const CREATE_BATCH = 100;
/** Bills per block that the default billing frequency aims at. */
const BILLS_PER_BLOCK = 500;
/** The runtime's MAX_CONTRACTS_PER_BILLING_BUCKET. */
const BUCKET_CAP = 10_000;
/** The runtime's BILLING_WINDOW_BLOCKS. */
const WINDOW_BLOCKS = 10;
/** Blocks to wait at most after the set-up for the pool to hold only the best block's bills. */
const SETTLE_BLOCKS = 20;
/** Contract ids listed per kind of anomaly in the summary. */
const LISTED = 20;

const BILL_CALL = 'smartContractModule.billContractForBlock';

const mod = (a, n) => ((a % n) + n) % n;
const median = (sorted) => (sorted.length ? sorted[Math.floor(sorted.length / 2)] : 0);

/**
 * How `contracts` node contracts are laid out: on `nodes` nodes, `perTwin` per twin; contract k
 * belongs to twin floor(k / perTwin) and sits on node k mod nodes, so that no node holds more than
 * CONTRACTS_PER_NODE and no twin more than CONTRACTS_PER_PAIR on one node.
 */
export function billingPlan(contracts) {
  const nodes = Math.ceil(contracts / CONTRACTS_PER_NODE);
  const perTwin = Math.min(CONTRACTS_PER_TWIN, nodes * CONTRACTS_PER_PAIR);
  return { contracts, nodes, perTwin, twins: Math.ceil(contracts / perTwin) };
}

/** The runtime's billing window under `frequency`: bills are accepted that many blocks late. */
function billingWindow(frequency) {
  return Math.min(WINDOW_BLOCKS, Math.floor(frequency / 2));
}

/**
 * Sets the chain's billing frequency for the workload: `requested`, or by default the one that
 * gives each block about BILLS_PER_BLOCK bills (never below the chain's, which can only increase).
 * A council motion of Alice and Bob (the dev chain's council) passes changeBillingFrequency; then
 * on_idle's move of the contracts to their new buckets is waited for. Run it before the chain has
 * contracts: Alice's offchain worker signs bills with Alice's nonces.
 *
 * @returns {Promise<{frequency: number, previous: number, window: number, motion: boolean}>}
 */
export async function setBillingFrequency(ctx, plan, requested) {
  const { api, chain, node, sign, syncNonces, floodOpts, alice, bob, log } = ctx;
  const previous = (await api.query.smartContractModule.billingFrequency()).toNumber();
  const wanted = requested ?? Math.max(previous, Math.ceil(plan.contracts / BILLS_PER_BLOCK));
  if (wanted < previous) {
    throw new Error(`the chain bills every ${previous} blocks; its billing frequency can only increase ` +
      `(--billing-frequency ${wanted})`);
  }
  if (Math.ceil(plan.contracts / wanted) > BUCKET_CAP) {
    throw new Error(`--billing-frequency ${wanted}: ${plan.contracts} contracts would overflow the ` +
      `${BUCKET_CAP}-contract billing buckets`);
  }
  const result = { frequency: wanted, previous, window: billingWindow(wanted), motion: wanted !== previous };
  if (!result.motion) return result;

  const call = api.tx.smartContractModule.changeBillingFrequency(wanted).method;
  const hash = call.hash.toHex();
  const index = (await api.query.council.proposalCount()).toNumber();
  await syncNonces([alice, bob]);
  await chain.setup([
    await sign(api.tx.council.propose(2, call, call.encodedLength), alice),
    await sign(api.tx.council.vote(hash, index, true), alice),
  ], `council motion changeBillingFrequency(${wanted}): Alice proposes and votes`, floodOpts);
  const bound = await callWeight(api, { rpc: (method, params = []) => chain.provider.send(method, params) }, call);
  await chain.setup([
    await sign(api.tx.council.vote(hash, index, true), bob),
    await sign(api.tx.council.close(hash, index, bound, call.encodedLength), bob),
  ], 'council motion: Bob votes and closes', floodOpts);
  const now = (await api.query.smartContractModule.billingFrequency()).toNumber();
  if (now !== wanted) throw new Error(`the council motion left the billing frequency at ${now}, not ${wanted}`);
  await waitFor('on_idle to move the contracts to their new billing buckets',
    async () => (await api.query.smartContractModule.pendingBillingFrequencyMove()).isNone, { node });
  log(`billing frequency ${previous} -> ${wanted} blocks (billing window ${result.window} blocks)`);
  return result;
}

/**
 * The bills waiting in the pool at the best block: `fresh` ones are for the bucket of the best
 * block (its offchain worker's), `stale` ones for other buckets (bills that earlier blocks left
 * behind; while they wait, the offchain worker's new bills that get their nonces are refused).
 */
async function poolBills(api, chain, frequency) {
  for (;;) {
    const best = await chain.bestNumber();
    const pool = await api.rpc.author.pendingExtrinsics();
    if ((await chain.bestNumber()) !== best) continue;
    let fresh = 0;
    let stale = 0;
    for (const x of pool) {
      if (`${x.method.section}.${x.method.method}` !== BILL_CALL) continue;
      if (x.method.args[0].toNumber() % frequency === best % frequency) fresh += 1;
      else stale += 1;
    }
    return { best, fresh, stale };
  }
}

/**
 * What block `number` did for billing: the contracts it billed (ContractBilled, and
 * ContractPaymentOverdrawn for bills that could not be paid in full), its bill extrinsics and their
 * signers, and its weight (Chain.block; the events and extrinsics are read here, as Chain.block keeps
 * only their outline).
 */
async function billingRecord(api, chain, number) {
  const b = await chain.block(number);
  const [signed, events] = await Promise.all([
    api.rpc.chain.getBlock(b.hash),
    api.at(b.hash).then((at) => at.query.system.events()),
  ]);
  const billed = [];
  let overdrawn = 0;
  let graceStarted = 0;
  for (const { phase, event } of events) {
    if (event.section !== 'smartContractModule' || !(phase.isApplyExtrinsic || phase.isInitialization)) continue;
    if (event.method === 'ContractBilled') billed.push(contractIdOf(event));
    else if (event.method === 'ContractPaymentOverdrawn') {
      billed.push(contractIdOf(event));
      overdrawn += 1;
    } else if (event.method === 'ContractGracePeriodStarted') graceStarted += 1;
  }
  let bills = 0;
  const failedBills = []; // [contract id, error]
  const signers = new Set();
  signed.block.extrinsics.forEach((x, i) => {
    if (b.calls[i] !== BILL_CALL) return;
    bills += 1;
    signers.add(x.signer.toString());
    const err = b.outcome.get(i);
    if (err) failedBills.push([x.method.args[0].toNumber(), describeDispatchError(api, err).text]);
  });
  return {
    number: b.number,
    hash: b.hash,
    timestamp: b.timestamp,
    extrinsics: b.extrinsicCount,
    billed,
    overdrawn,
    graceStarted,
    bills,
    failedBills,
    signers: [...signers],
    totalRefTime: b.totalRefTime,
    normalRefTime: b.normalRefTime,
  };
}

/**
 * What the node's log says: how long it took to prepare each block it proposed (preparedBlocks,
 * by hash), and the contracts its offchain worker logged as "not submitted" (id -> the error) after
 * the node prepared blocks `from`..`to`.
 */
function readNodeLog(file, { from, to }) {
  const notSubmitted = new Map();
  if (!file || !fs.existsSync(file)) return { proposed: new Map(), notSubmitted, available: false };
  const prepared = /Prepared block for proposing at (\d+) /;
  const refused = /billing contract (\d+) not submitted: (\S+)/;
  let last = null; // the block the node prepared last
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const p = prepared.exec(line);
    if (p) last = Number(p[1]);
    const m = refused.exec(line);
    if (m && last !== null && last >= from && last <= to) notSubmitted.set(Number(m[1]), m[2]);
  }
  return { proposed: preparedBlocks(file), notSubmitted, available: true };
}

/**
 * Creates the plan's contracts (batchAll of CREATE_BATCH createNodeContract per twin, the twins
 * being `accounts[0..plan.twins)` and the nodes `nodeIds[0..plan.nodes)`), waits until the pool holds
 * only the bills of the best block's bucket (none once the chain bills by itself), then reads one
 * full billing cycle: the F blocks whose due buckets cover every bucket once (S0..S0+F-1) and the
 * billing window after them.
 */
export async function runBillingWorkload(ctx, { plan, billing, accounts, nodeIds, setupStart }) {
  const { api, chain, node, sign, floodOpts, alice, runId, log } = ctx;
  const { frequency: F, window: W } = billing;
  if (nodeIds.length < plan.nodes || accounts.length < plan.twins) {
    throw new Error(`billing needs ${plan.nodes} nodes and ${plan.twins} twins`);
  }

  // Set-up: the contracts.
  const contractsStart = Date.now();
  const txs = [];
  for (let t = 0; t < plan.twins; t += 1) {
    const end = Math.min(plan.contracts, (t + 1) * plan.perTwin);
    for (let k = t * plan.perTwin; k < end; k += CREATE_BATCH) {
      const calls = [];
      for (let j = k; j < Math.min(end, k + CREATE_BATCH); j += 1) {
        calls.push(api.tx.smartContractModule.createNodeContract(nodeIds[j % plan.nodes],
          blake2AsHex(`bench-${runId}-billing-${j}`, 256), 'bench', 0, null));
      }
      txs.push(await sign(api.tx.utility.batchAll(calls), accounts[t]));
    }
  }
  const setupFrom = await chain.bestNumber();
  await chain.setup(txs, `${plan.contracts} node contracts of ${plan.twins} twins on ${plan.nodes} nodes ` +
    `(${txs.length} batchAll of ${CREATE_BATCH})`, floodOpts);
  const setupTo = await chain.bestNumber();
  const contractsSeconds = (Date.now() - contractsStart) / 1000;
  const setupSeconds = (Date.now() - setupStart) / 1000;

  // The set-up's full blocks may have left bills behind in the pool: start the cycle once the pool
  // holds only the bills of the best block's bucket.
  let pool = await poolBills(api, chain, F);
  while (pool.stale > 0 && pool.best - setupTo < SETTLE_BLOCKS) {
    await chain.nextBlock(pool.best);
    pool = await poolBills(api, chain, F);
  }
  const start = pool.best + 1;
  log(`billing: set-up done at #${setupTo} (${setupSeconds.toFixed(0)} s); at #${pool.best} the pool held ` +
    `${pool.fresh} bills of its bucket and ${pool.stale} others; cycle from #${start}, ${F} blocks, bills read up ` +
    `to #${start + F - 1 + W}`);

  // The cycle: blocks start..start+F-1 bill each bucket once (late when a block's budget is short,
  // so the billing window's W blocks are read too).
  const records = [];
  const cycleStart = Date.now();
  let live = null;
  for (let n = start; n <= start + F - 1 + W; n += 1) {
    await chain.nextBlock(n - 1, 120_000);
    const r = await billingRecord(api, chain, n);
    if (n === start) {
      const at = await api.at(r.hash);
      live = new Set();
      for (const [, ids] of await at.query.smartContractModule.contractsToBillAt.entries()) {
        for (const id of ids) live.add(id.toNumber());
      }
    }
    records.push(r);
    if ((n - start) % 20 === 0) log(`billing: #${n}: ${r.billed.length} contracts billed, ${r.failedBills.length} bills failed`);
  }
  const cycleSeconds = (Date.now() - cycleStart) / 1000;
  return analyze({
    plan, billing, live, records, start, nodeLog: readNodeLog(node.logFile, { from: start, to: start + F - 1 }),
    setupSeconds, contractsSeconds, contractBlocks: setupTo - setupFrom, setupLastBlock: setupTo, poolAtStart: pool, cycleSeconds,
  });
}

/** The workload's figures from the blocks read. */
function analyze({ plan, billing, live, records, start, nodeLog, ...timing }) {
  const { frequency: F, window: W } = billing;
  const cycleStartOf = (id, n) => n - mod(n - id, F); // the runtime's billing_cycle_start
  const inCycle = (s) => s >= start && s <= start + F - 1;

  const times = new Map(); // id -> blocks that billed it for the cycle
  const outside = new Map(); // id -> blocks that billed it for another cycle
  const failures = new Map(); // id -> [[block, error]]
  const failureCounts = {};
  for (const r of records) {
    for (const id of r.billed) {
      const target = inCycle(cycleStartOf(id, r.number)) ? times : outside;
      if (!target.has(id)) target.set(id, []);
      target.get(id).push(r.number);
    }
    for (const [id, error] of r.failedBills) {
      failureCounts[error] = (failureCounts[error] ?? 0) + 1;
      if (!failures.has(id)) failures.set(id, []);
      failures.get(id).push([r.number, error]);
    }
  }
  const never = [...live].filter((id) => !times.has(id)).sort((a, b) => a - b);
  const twice = [...times].filter(([, blocks]) => blocks.length > 1).sort((a, b) => a[0] - b[0]);
  const strangers = [...times.keys()].filter((id) => !live.has(id)).sort((a, b) => a - b);
  const once = [...live].filter((id) => times.get(id)?.length === 1).length;

  // Why a contract was not billed: its bucket's block, and what the chain and the node log saw.
  const missReasons = {};
  const missed = never.map((id) => {
    let kind = 'no bill included';
    let detail = '';
    if (failures.has(id)) {
      kind = 'bill failed';
      detail = failures.get(id).map(([n, e]) => `#${n} ${e}`).join(', ');
    } else if (nodeLog.notSubmitted.has(id)) {
      kind = 'not submitted by the offchain worker';
      detail = nodeLog.notSubmitted.get(id);
    } else if (outside.has(id)) {
      kind = 'billed for another cycle only';
      detail = outside.get(id).map((n) => `#${n}`).join(', ');
    }
    missReasons[kind] = (missReasons[kind] ?? 0) + 1;
    return { id, bucket: id % F, dueBlock: start + mod(id - start, F), reason: detail ? `${kind}: ${detail}` : kind };
  });

  // The misses by bucket: how many of each bucket's contracts were not billed.
  const bucketSizes = new Map();
  for (const id of live) bucketSizes.set(id % F, (bucketSizes.get(id % F) ?? 0) + 1);
  const missedBuckets = new Map(); // bucket -> { dueBlock, missed, size }
  for (const m of missed) {
    const entry = missedBuckets.get(m.bucket) ?? { bucket: m.bucket, dueBlock: m.dueBlock, missed: 0, size: bucketSizes.get(m.bucket) };
    entry.missed += 1;
    missedBuckets.set(m.bucket, entry);
  }

  // The cycle's blocks: the F blocks after the first bucket's block.
  const cycle = records.filter((r) => r.number > start && r.number <= start + F);
  const perBlock = cycle.map((r) => r.billed.length).sort((a, b) => a - b);
  const heaviest = cycle.reduce((m, r) => (m === null || r.totalRefTime > m.totalRefTime ? r : m), null);
  const measured = (r) => nodeLog.proposed.get(r.hash.toLowerCase()) ?? null;
  const measuredMs = cycle.map((r) => measured(r)?.ms).filter((x) => x !== undefined).sort((a, b) => a - b);
  const slowest = cycle.filter(measured).reduce((m, r) => (m === null || measured(r).ms > measured(m).ms ? r : m), null);
  const signers = [...new Set(records.flatMap((r) => r.signers))];
  const bills = records.reduce((s, r) => s + r.bills, 0);

  return {
    workload: 'billing',
    contractsCreated: plan.contracts,
    nodes: plan.nodes,
    twins: plan.twins,
    live: live.size,
    frequency: F,
    previousFrequency: billing.previous,
    window: W,
    cycleFirstBlock: start,
    cycleLastBlock: start + F - 1,
    lastBlockRead: start + F - 1 + W,
    blocksInCycle: F,
    billedPerBlock: { min: perBlock[0] ?? 0, median: median(perBlock), max: perBlock.at(-1) ?? 0 },
    heaviest: heaviest && {
      number: heaviest.number,
      declaredMs: refTimeMs(heaviest.totalRefTime),
      normalMs: refTimeMs(heaviest.normalRefTime),
      billed: heaviest.billed.length,
      measuredMs: measured(heaviest)?.ms ?? null,
      end: measured(heaviest)?.end ?? null,
    },
    slowest: slowest && {
      number: slowest.number,
      measuredMs: measured(slowest).ms,
      declaredMs: refTimeMs(slowest.totalRefTime),
      billed: slowest.billed.length,
    },
    measuredMedianMs: measuredMs.length ? median(measuredMs) : null,
    nodeLogRead: nodeLog.available,
    billedOnce: once,
    billedNever: never.length,
    billedMoreThanOnce: twice.length,
    billedNotLive: strangers.length,
    missReasons,
    missed: missed.slice(0, LISTED),
    missedBuckets: [...missedBuckets.values()].sort((a, b) => a.dueBlock - b.dueBlock),
    notSubmitted: nodeLog.notSubmitted.size,
    doubleBilled: twice.slice(0, LISTED).map(([id, blocks]) => ({ id, blocks })),
    notLive: strangers.slice(0, LISTED),
    bills,
    billFailures: failureCounts,
    billSigners: signers,
    overdrawn: records.reduce((s, r) => s + r.overdrawn, 0),
    graceStarted: records.reduce((s, r) => s + r.graceStarted, 0),
    ...timing,
    perBlock: records.map((r) => ({
      number: r.number,
      timestamp: r.timestamp,
      extrinsics: r.extrinsics,
      billed: r.billed.length,
      bills: r.bills,
      failedBills: r.failedBills.length,
      declaredMs: refTimeMs(r.totalRefTime),
      normalMs: refTimeMs(r.normalRefTime),
      measuredMs: measured(r)?.ms ?? null,
      end: measured(r)?.end ?? null,
    })),
  };
}

/** The workload's Markdown summary. */
export function billingMarkdown(r) {
  const f1 = (x) => (x === null || x === undefined ? '–' : x.toFixed(1));
  const h = r.heaviest;
  const lines = [
    `Billing: ${r.live} contracts live (${r.contractsCreated} node contracts created for the workload by ` +
      `${r.twins} twins on ${r.nodes} nodes); billing frequency ${r.frequency} blocks` +
      (r.frequency === r.previousFrequency ? '' : ` (raised from ${r.previousFrequency} by a council motion)`) +
      `, billing window ${r.window} blocks.`,
    '',
    '| figure | value |',
    '|---|---|',
    `| contracts live | ${r.live} |`,
    `| billing frequency | ${r.frequency} blocks |`,
    `| blocks in the cycle | ${r.blocksInCycle} (buckets' blocks #${r.cycleFirstBlock}–#${r.cycleLastBlock}; ` +
      `bills read up to #${r.lastBlockRead}) |`,
    `| contracts billed per block (min / median / max) | ${r.billedPerBlock.min} / ${r.billedPerBlock.median} / ` +
      `${r.billedPerBlock.max} |`,
    `| heaviest block: declared vs measured | ${h ? `#${h.number} (${h.billed} billed): ${f1(h.declaredMs)} ms ` +
      `declared (normal class ${f1(h.normalMs)} ms), ${h.measuredMs === null ? '– (no node log)' : `${h.measuredMs} ms`} ` +
      `to prepare${h.end ? ` (end: ${h.end})` : ''}` : '–'} |`,
    `| slowest block to prepare | ${r.slowest ? `#${r.slowest.number} (${r.slowest.billed} billed): ` +
      `${r.slowest.measuredMs} ms, ${f1(r.slowest.declaredMs)} ms declared; median ${r.measuredMedianMs} ms` : '–'} |`,
    `| billed exactly once in the cycle | ${r.billedOnce} of ${r.live} (0 times: ${r.billedNever}, more than once: ` +
      `${r.billedMoreThanOnce}) |`,
    `| bill_contract_for_block | ${r.bills} in the blocks read, ${Object.values(r.billFailures).reduce((a, b) => a + b, 0)} ` +
      `failed; ${r.nodeLogRead ? `${r.notSubmitted} refused to the offchain worker by the pool; ` : ''}` +
      `signed by ${r.billSigners.join(', ') || '–'} |`,
    `| set-up | ${r.setupSeconds.toFixed(0)} s (contracts: ${r.contractsSeconds.toFixed(0)} s in ` +
      `${r.contractBlocks} blocks, up to #${r.setupLastBlock}) |`,
    `| cycle | ${r.cycleSeconds.toFixed(0)} s of wall time |`,
  ];
  const notes = [];
  if (Object.keys(r.billFailures).length) notes.push(`- failed bills: ${JSON.stringify(r.billFailures)}`);
  if (r.billedNever) {
    notes.push(`- ${r.billedNever} contracts not billed in the cycle: ${JSON.stringify(r.missReasons)}; ` +
      `the first ${r.missed.length}: ${r.missed.map((m) => `${m.id} (bucket ${m.bucket}, block #${m.dueBlock}: ` +
        `${m.reason})`).join('; ')}`);
    notes.push(`- the misses by bucket (${r.missedBuckets.length} buckets; block of the bucket: missed of its ` +
      `contracts): ${r.missedBuckets.slice(0, 2 * LISTED).map((b) => `#${b.dueBlock}: ${b.missed} of ${b.size}`).join(', ')}` +
      `${r.missedBuckets.length > 2 * LISTED ? ', …' : ''}`);
  }
  if (r.billedMoreThanOnce) {
    notes.push(`- ${r.billedMoreThanOnce} contracts billed more than once in the cycle; the first ` +
      `${r.doubleBilled.length}: ${r.doubleBilled.map((d) => `${d.id} at ${d.blocks.map((n) => `#${n}`).join(', ')}`).join('; ')}`);
  }
  if (r.billedNotLive) notes.push(`- ${r.billedNotLive} billed contracts were not in a billing bucket at the cycle's start: ${r.notLive.join(', ')}`);
  if (r.overdrawn || r.graceStarted) notes.push(`- ${r.overdrawn} bills overdrawn, ${r.graceStarted} contracts entered their grace period`);
  if (r.poolAtStart.stale) {
    notes.push(`- the cycle began with ${r.poolAtStart.stale} bills of other buckets still in the pool ` +
      `(${SETTLE_BLOCKS} blocks after the set-up)`);
  }
  if (!r.nodeLogRead) notes.push('- no node log (--url): the time to prepare each block is not known');
  if (notes.length) lines.push('', ...notes);
  return lines.join('\n');
}
