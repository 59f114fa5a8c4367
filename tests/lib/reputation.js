// Helpers for the Reputation end-to-end test: a raw `dev` chain spec with a short reputation period
// and a validator started from it, the `reputation_*` JSON-RPC methods, and a model of the score
// written from docs/reputation.md (not from the pallet's code) to compare the chain's answers with.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import { u8aToHex } from '@polkadot/util';
import { xxhashAsHex } from '@polkadot/util-crypto';

import { findBinary } from './binary.js';
import { E2eError } from './errors.js';
import { NODE_KEYS } from './networks.js';
import { TfchainNode } from './node-process.js';
import { freePort } from './ports.js';

/** The pallet's index in the runtime. */
export const REPUTATION_PALLET_INDEX = 32;

/** Storage key of the runtime's reputation period parameter: twox128(":ReputationPeriodSecs:"). */
export const PERIOD_SECS_KEY = xxhashAsHex(':ReputationPeriodSecs:', 128);

/**
 * Storage key of tfgrid's uptime-report rate limit: twox128(":UptimeReportIntervalBlocks:"). The
 * short-period specs set it to 0 (no limit) so that a node may report in every block.
 */
export const UPTIME_INTERVAL_KEY = xxhashAsHex(':UptimeReportIntervalBlocks:', 128);

/** The RPC error codes of docs/rpc.md. */
export const RPC_ERROR = { runtime: 1, unknownNode: 2, unknownFarm: 3, invalidPageSize: 4 };

/** SCALE encoding of a u64 as hex (little-endian). */
export function u64Hex(value) {
  const bytes = new Uint8Array(8);
  new DataView(bytes.buffer).setBigUint64(0, BigInt(value), true);
  return u8aToHex(bytes);
}

function run(binary, args) {
  return new Promise((resolve, reject) => {
    execFile(binary, args, { maxBuffer: 256 * 1024 * 1024, timeout: 120_000 }, (err, stdout, stderr) => {
      if (err) reject(new E2eError(`${binary} ${args.join(' ')} failed (${err.message}): ${stderr.slice(-2000)}`));
      else resolve(stdout);
    });
  });
}

/**
 * Writes `<root>/<name>.json`: the raw `dev` chain spec (`build-spec --chain dev --raw`) whose
 * genesis sets the reputation period to `periodSecs` seconds through the `:ReputationPeriodSecs:`
 * storage key, and lifts the uptime-report rate limit (`:UptimeReportIntervalBlocks:` = 0). Returns
 * its path.
 */
export async function writeShortPeriodSpec({ root, periodSecs, name = 'dev-short-reputation' }) {
  const stdout = await run(findBinary(), ['build-spec', '--chain', 'dev', '--raw', '--disable-default-bootnode']);
  let spec;
  try {
    spec = JSON.parse(stdout);
  } catch (err) {
    throw new E2eError(`build-spec did not print JSON (${err.message}): ${stdout.slice(0, 300)}`);
  }
  const top = spec?.genesis?.raw?.top;
  if (!top) throw new E2eError('build-spec --raw printed no genesis.raw.top');
  top[PERIOD_SECS_KEY] = u64Hex(periodSecs);
  top[UPTIME_INTERVAL_KEY] = '0x00000000';
  const file = path.join(root, `${name}.json`);
  await fs.promises.writeFile(file, JSON.stringify(spec));
  return file;
}

/**
 * Alice as the sole validator of the chain in the spec file `chainSpec` (a `dev` spec): what `--dev`
 * runs, but with a chain spec of our own and a base path that is not temporary.
 */
export async function aliceOnSpec({ root, chainSpec, name = 'alice' }) {
  const binary = findBinary();
  const basePath = path.join(root, name);
  const rpcPort = await freePort();
  const p2pPort = await freePort();
  const args = [
    '--chain', chainSpec,
    '--alice',
    '--validator',
    '--force-authoring',
    '--base-path', basePath,
    '--rpc-port', String(rpcPort),
    '--port', String(p2pPort),
    '--no-prometheus',
    '--no-telemetry',
    '--no-mdns',
    '--rpc-cors', 'all',
    // A validator needs a network key of its own (`--dev` would make one up).
    '--node-key', NODE_KEYS.alice,
  ];
  return new TfchainNode({ name, binary, args, basePath, rpcPort, p2pPort });
}

// ---------------------------------------------------------------------------------------------------
// The JSON-RPC methods (docs/rpc.md)

/** `reputation_node(nodeId, at?)`. */
export function reputationNode(node, nodeId, at) {
  return node.rpc('reputation_node', at ? [nodeId, at] : [nodeId]);
}

/** `reputation_farm(farmId, at?)`. */
export function reputationFarm(node, farmId, at) {
  return node.rpc('reputation_farm', at ? [farmId, at] : [farmId]);
}

/**
 * `reputation_rankedNodes(minScore, minFreeCapacity, after, pageSize, at?)`: one page
 * `{ nodes, next }`, starting just after the cursor `after` (`null`: from the best node).
 */
export function rankedPage(node, { minScore = 0, minFreeCapacity = 0, after = null, pageSize = 100, at } = {}) {
  const params = [minScore, minFreeCapacity, after, pageSize];
  if (at) params.push(at);
  return node.rpc('reputation_rankedNodes', params);
}

/** The nodes of one page of `reputation_rankedNodes` (see `rankedPage`). */
export async function rankedNodes(node, options = {}) {
  return (await rankedPage(node, options)).nodes;
}

/** The JSON-RPC error `{ code, message }` the call rejects with (fails when it succeeds). */
export async function rpcErrorOf(promise, what) {
  let result;
  try {
    result = await promise;
  } catch (err) {
    if (err.rpcError) return err.rpcError;
    throw err;
  }
  throw new E2eError(`${what} must fail with an RPC error, but returned ${JSON.stringify(result)}`);
}

// ---------------------------------------------------------------------------------------------------
// The score, from docs/reputation.md, for nodes never on standby and without contracts (so every
// closed period since the first report is counted and there is no SLA miss)

/** Closed periods in the window. */
export const WINDOW = 30;
/** A score below this raises NodeScoreBelowThreshold (the runtime's LowScoreThreshold). */
export const LOW_SCORE_THRESHOLD = 900;
/** Longest gap between two reports that still proves the node online (two 2-hour intervals). */
export const MAX_REPORT_GAP_SECS = 4 * 60 * 60;
/** Slack between the growth of the reported uptime and the chain's clock. */
export const UPTIME_TOLERANCE_SECS = 5 * 60;
/** Share of a period (after the first report), in permill, that must be proven online. */
export const AVAILABLE_PERMILL = 750;

/** ⌊part · 1000 ÷ whole⌋, 1000 when nothing was counted. */
function permill(part, whole) {
  return whole === 0 ? 1000 : Math.floor((part * 1000) / whole);
}

/** The seconds before `cur.now` that report `cur` proves online after report `prev` (docs/reputation.md). */
export function provenSecs(prev, cur) {
  const gap = cur.now - prev.now;
  if (gap <= 0 || gap > MAX_REPORT_GAP_SECS) return 0;
  const expected = prev.uptime + gap;
  if (cur.uptime + UPTIME_TOLERANCE_SECS < expected) return Math.min(cur.uptime, gap);
  if (cur.uptime > expected + UPTIME_TOLERANCE_SECS) return 0;
  return gap;
}

/**
 * A node's reputation as the documentation defines it, replayed from its uptime reports:
 * `reports` (`{ now, uptime }` in inclusion order, chain time in seconds), read in period `current`
 * of `periodSecs`-second periods.
 */
export function expectedReputation({ nodeId, farmId, reports, current, periodSecs }) {
  const periodOf = (secs) => Math.floor(secs / periodSecs);
  const seen = reports.filter((r) => periodOf(r.now) <= current);
  if (seen.length === 0) return null;
  const firstSecs = seen[0].now;
  const first = periodOf(firstSecs);
  // Proven online seconds per period.
  const online = new Map();
  const credit = (from, to) => {
    for (let p = periodOf(from); p * periodSecs < to; p += 1) {
      const secs = Math.min(to, (p + 1) * periodSecs) - Math.max(from, p * periodSecs);
      if (secs > 0) online.set(p, (online.get(p) ?? 0) + secs);
    }
  };
  for (let i = 1; i < seen.length; i += 1) {
    const proven = provenSecs(seen[i - 1], seen[i]);
    if (proven > 0) credit(seen[i].now - proven, seen[i].now);
  }
  // Closed periods: first .. current - 1, each counted; available when proven online for 75 % of
  // the part after the first report.
  const closed = [];
  for (let p = first; p < current; p += 1) {
    const observable = (p + 1) * periodSecs - Math.max(p * periodSecs, firstSecs);
    closed.push((online.get(p) ?? 0) * 1000 >= observable * AVAILABLE_PERMILL);
  }
  const window = closed.slice(-WINDOW);
  const counted30 = window.length;
  const available30 = window.filter(Boolean).length;
  const availability30Permill = permill(available30, counted30);
  const availabilityAllPermill = permill(closed.filter(Boolean).length, closed.length);
  const agePeriods = current - first;
  const age = permill(Math.min(agePeriods, 360), 360);
  // Cert = 0 and S30 = 0 here, so neither the certification term nor the SLA penalty applies.
  const scorePermill = Math.floor((700 * availability30Permill + 200 * availabilityAllPermill + 50 * age) / 1000);
  return {
    nodeId,
    farmId,
    scorePermill,
    availability30Permill,
    availabilityAllPermill,
    slaMisses30: 0,
    slaMissesAll: 0,
    agePeriods,
    certified: false,
    counted30,
  };
}

/** The farm score of docs/reputation.md: ⌊Σ score·capacity ÷ Σ capacity⌋ over `[{ score, capacity }]`. */
export function expectedFarmScore(nodes) {
  const capacity = nodes.reduce((sum, n) => sum + n.capacity, 0);
  const weighted = nodes.reduce((sum, n) => sum + n.score * n.capacity, 0);
  return Math.floor(weighted / capacity);
}

/**
 * The threshold events a node's reports should raise, in order: replays the reports (`reports`,
 * sorted as included, each `{ now, uptime, period }`) and, at each one, scores the node as of that
 * report's period; the first report raises none, a later one raises `NodeScoreBelowThreshold` when
 * the score goes below LOW_SCORE_THRESHOLD and `NodeScoreRecovered` when it is back at or above.
 * Returns one entry per report: `{ score, below, event }` (event null or `{ method, scorePermill }`).
 */
export function expectedObservations({ nodeId, farmId, reports, periodSecs }) {
  const out = [];
  let wasBelow = null;
  for (let i = 0; i < reports.length; i += 1) {
    const { period } = reports[i];
    const rep = expectedReputation({
      nodeId, farmId, reports: reports.slice(0, i + 1), current: period, periodSecs,
    });
    const below = rep.scorePermill < LOW_SCORE_THRESHOLD;
    let event = null;
    if (wasBelow !== null && wasBelow !== below) {
      event = { method: below ? 'NodeScoreBelowThreshold' : 'NodeScoreRecovered', scorePermill: rep.scorePermill };
    }
    out.push({ score: rep.scorePermill, below, event });
    wasBelow = below;
  }
  return out;
}
