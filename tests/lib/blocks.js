// What the author of a block measured and what the runtime declares: the "Prepared block" line that
// sc-basic-authorship logs (at info level, the node's default) for every block it proposes — how long
// building it took and why it stopped adding extrinsics —, the time importing a block takes
// (`tfchain block-weights` re-executes blocks of a stopped node's database), and the weight an
// extrinsic declares, to size floods that fill blocks.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { promisify } from 'node:util';

import { u8aToHex } from '@polkadot/util';

/** `🎁 Prepared block for proposing at <n> (<ms> ms) hash: <hash>; parent_hash: …; end: <reason>; extrinsics_count: <n>` */
const PREPARED_LINE =
  /Prepared block for proposing at (\d+) \((\d+) ms\) hash: (0x[0-9a-fA-F]{64}); parent_hash: [^;]*; end: ([A-Za-z]+)[^;]*; extrinsics_count: (\d+)/;
/** `🔖 Pre-sealed block for proposal at <n>. Hash now <sealed hash>, previously <prepared hash>.` */
const PRESEALED_LINE = /Pre-sealed block for proposal at \d+\. Hash now (0x[0-9a-fA-F]{64}), previously (0x[0-9a-fA-F]{64})/;
/** Colour codes, in case the log was written with them. */
const ANSI_ESCAPE = /\x1b\[[0-9;]*m/g;

/** The reasons sc-basic-authorship gives for stopping because the block was full. */
export const FULL_BLOCK_REASONS = new Set(['HitBlockWeightLimit', 'HitBlockSizeLimit']);

/**
 * Every block the node proposed and sealed according to its log file, by its sealed hash (lower-case hex):
 * { number, ms, end, extrinsics } — `ms` is the time the proposer took to build the block (inherents,
 * extrinsics, finalization and storage root), `end` why it stopped adding extrinsics.
 */
export function preparedBlocks(logFile) {
  // The proposer logs the hash of the block it built; Aura then seals it (adds the seal digest),
  // which gives the block the hash it is imported under.
  const prepared = new Map();
  const byHash = new Map();
  for (const raw of fs.readFileSync(logFile, 'utf8').split('\n')) {
    const line = raw.replace(ANSI_ESCAPE, '');
    const built = PREPARED_LINE.exec(line);
    if (built) {
      prepared.set(built[3].toLowerCase(),
        { number: Number(built[1]), ms: Number(built[2]), end: built[4], extrinsics: Number(built[5]) });
      continue;
    }
    const sealed = PRESEALED_LINE.exec(line);
    const figures = sealed && prepared.get(sealed[2].toLowerCase());
    if (figures) byHash.set(sealed[1].toLowerCase(), figures);
  }
  return byHash;
}

/**
 * Re-executes blocks `from`..`to` of a stopped node's database (`tfchain block-weights`, as a node
 * importing them executes them) `repeat` times each. Returns, by block number, { extrinsics,
 * declaredMs, medianMs, minMs, maxMs }: the weight the block declares (all classes) and its
 * execution times.
 */
export async function reexecutedBlocks(node, { chain, from, to, repeat = 3 }) {
  const args = ['block-weights', '--chain', chain, '--base-path', node.basePath,
    '--from', String(from), '--to', String(to), '--repeat', String(repeat)];
  const { stdout } = await promisify(execFile)(node.binary, args, { maxBuffer: 64 * 1024 * 1024 });
  const byNumber = new Map();
  for (const line of stdout.split('\n')) {
    if (!line.startsWith('{')) continue;
    const r = JSON.parse(line);
    byNumber.set(r.block, {
      extrinsics: r.extrinsics,
      declaredMs: r.declared_ns / 1e6,
      medianMs: r.median_ns / 1e6,
      minMs: r.min_ns / 1e6,
      maxMs: r.max_ns / 1e6,
    });
  }
  for (let n = from; n <= to; n += 1) {
    if (!byNumber.has(n)) throw new Error(`tfchain block-weights printed no figures for block #${n}`);
  }
  return byNumber;
}

/** Ref time (picoseconds) as milliseconds. */
export const refTimeMs = (ps) => Number(ps) / 1e9;

/**
 * The ref time (ps) a signed extrinsic takes of its block: the weight the runtime declares for it
 * (TransactionPaymentApi_query_info through a raw state_call, as tx.js's queryPartialFee asks it:
 * the call's weight and its extensions') plus the base weight of a normal extrinsic.
 */
export async function extrinsicRefTime(api, node, tx) {
  const len = new Uint8Array(4);
  new DataView(len.buffer).setUint32(0, tx.encodedLength, true);
  const args = u8aToHex(new Uint8Array([...tx.toU8a(), ...len]));
  const raw = await node.rpc('state_call', ['TransactionPaymentApi_query_info', args]);
  const info = api.registry.createType('RuntimeDispatchInfo', raw);
  const base = api.consts.system.blockWeights.perClass.normal.baseExtrinsic.refTime.toBigInt();
  return info.weight.refTime.toBigInt() + base;
}

/**
 * How many extrinsics like the signed `tx` fit in the normal class of one block of `chain` (a
 * flood.js Chain): by ref time, by length, and the smaller of the two.
 */
export async function blockCapacity(chain, node, tx) {
  const refTime = await extrinsicRefTime(chain.api, node, tx);
  const byWeight = Number(chain.normalWeightLimit / refTime);
  const byLength = Math.floor(chain.normalLengthLimit / tx.encodedLength);
  return { refTime, length: tx.encodedLength, byWeight, byLength, perBlock: Math.min(byWeight, byLength) };
}
