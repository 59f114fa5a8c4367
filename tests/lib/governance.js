// Helpers for the governance and network end-to-end tests (TFKVStore, Dao, Validator with the council,
// ValidatorSet and Session): module errors and events of any pallet, DAO farm weights, farmers with a
// farm and a node, council motions, a raw `local` chain spec with short sessions, validators started
// from it, session keys with their ownership proof, and who authored a block.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import { u8aToHex } from '@polkadot/util';
import { xxhashAsHex } from '@polkadot/util-crypto';

import { findBinary } from './binary.js';
import { E2eError } from './errors.js';
import { NODE_KEYS, ALICE_PEER_ID } from './networks.js';
import { TfchainNode } from './node-process.js';
import { freePort } from './ports.js';
import { describeDispatchError, eventSummary, sendAndFinalize } from './tx.js';

/** Pallet indices TFChain 2.9 clients hard-code. */
export const PALLET_INDEX = {
  validatorSet: 10,
  session: 11,
  tfkvStore: 30,
  council: 40,
  councilMembership: 41,
  dao: 43,
  validator: 50,
};

/** Error indices of the pallets under test, in TFChain 2.9 declaration order. */
export const ERROR_INDEX = {
  tfkvStore: { NoValueStored: 0, KeyIsTooLarge: 1, ValueIsTooLarge: 2 },
  dao: {
    NotCouncilMember: 3,
    DuplicateProposal: 5,
    NotAuthorizedToVote: 6,
    ProposalMissing: 7,
    DuplicateVote: 9,
    DuplicateVeto: 10,
    OngoingVoteAndTresholdStillNotMet: 14,
    FarmHasNoNodes: 15,
    InvalidProposalDuration: 16,
    ThresholdTooLow: 17,
    ProposerFarmCannotVote: 18,
    FarmWeightTooLow: 19,
  },
  validator: {
    BadOrigin: 0,
    NotCouncilMember: 1,
    AlreadyBonded: 2,
    DuplicateValidator: 6,
    ValidatorNotFound: 7,
    ValidatorNotApproved: 8,
    ValidatorValidatingAlready: 10,
  },
};

// ---------------------------------------------------------------------------------------------------
// Outcomes and events

/** The plain-JS fields of an event: an object for named fields, else an array. */
export function eventFields(event) {
  if (event.data.names) {
    return Object.fromEntries(event.data.names.map((name, i) => [name, event.data[i].toPrimitive()]));
  }
  return event.data.map((field) => field.toPrimitive());
}

/** The events `section.method` among an extrinsic's events (every method when `method` is omitted). */
export function eventsOf(result, section, method) {
  return result.events
    .filter(({ event }) => event.section === section && (method === undefined || event.method === method))
    .map(({ event }) => event);
}

/** The only event `section.method` of the extrinsic (asserts there is exactly one). */
export function eventOf(result, section, method) {
  const found = eventsOf(result, section, method);
  assert.equal(found.length, 1,
    `${result.what}: exactly one ${section}.${method} expected: ${JSON.stringify(eventSummary(result.events))}`);
  return found[0];
}

/** The method names of the extrinsic's events of `section`, in order. */
export function eventNames(result, section) {
  return eventsOf(result, section).map((event) => event.method);
}

/** Asserts that the extrinsic succeeded (ExtrinsicSuccess); returns its result. */
export function expectOk(api, result) {
  if (result.dispatchError) {
    assert.fail(`${result.what} failed with ${describeDispatchError(api, result.dispatchError).text}: ` +
      JSON.stringify(eventSummary(result.events)));
  }
  assert.ok(result.events.some(({ event }) => api.events.system.ExtrinsicSuccess.is(event)),
    `${result.what}: ExtrinsicSuccess expected: ${JSON.stringify(eventSummary(result.events))}`);
  return result;
}

/**
 * Asserts that the extrinsic failed in ExtrinsicFailed with the module error `section.name`, at the
 * pallet index and error index TFChain gives it (PALLET_INDEX, ERROR_INDEX), and emitted no event of
 * that pallet.
 */
export function expectModuleError(api, result, section, name) {
  const summary = JSON.stringify(eventSummary(result.events));
  assert.ok(result.dispatchError, `${result.what} must fail with ${section}.${name}, but succeeded: ${summary}`);
  const failed = result.events.find(({ event }) => api.events.system.ExtrinsicFailed.is(event));
  assert.ok(failed, `${result.what}: ExtrinsicFailed expected: ${summary}`);
  assert.equal(describeDispatchError(api, result.dispatchError).text, `${section}.${name}`,
    `${result.what}: the error`);
  const { index, error } = result.dispatchError.asModule;
  if (section in PALLET_INDEX) {
    assert.equal(index.toNumber(), PALLET_INDEX[section], `${result.what}: the error's pallet index`);
  }
  const errorIndex = ERROR_INDEX[section]?.[name];
  if (errorIndex !== undefined) assert.equal(error[0], errorIndex, `${result.what}: the index of ${section}.${name}`);
  assert.equal(failed.event.data[0].toHex(), result.dispatchError.toHex(), `${result.what}: ExtrinsicFailed's error`);
  assert.deepEqual(eventSummary(result.events.filter(({ event }) => event.section === section)), [],
    `${result.what}: a failed call emits no ${section} event`);
}

/** The fee an extrinsic paid, from its TransactionFeePaid event. */
export function feeOf(api, result) {
  const paid = result.events.find(({ event }) => api.events.transactionPayment.TransactionFeePaid.is(event));
  assert.ok(paid, `${result.what}: TransactionFeePaid expected: ${JSON.stringify(eventSummary(result.events))}`);
  return paid.event.data[1].toBigInt();
}

/**
 * Signs `items` ({ what, signer, tx }) with consecutive nonces per signer and sends them together;
 * resolves, in the same order, when the blocks that include them are finalized (see sendAndFinalize).
 * For networks of several validators, where a block only in a best chain may still be reverted.
 */
export async function submitAllFinalized(api, items, { timeoutMs = 180_000 } = {}) {
  const nextNonce = new Map();
  const signed = [];
  for (const { what, signer, tx } of items) {
    if (!nextNonce.has(signer.address)) {
      nextNonce.set(signer.address, (await api.rpc.system.accountNextIndex(signer.address)).toNumber());
    }
    const nonce = nextNonce.get(signer.address);
    nextNonce.set(signer.address, nonce + 1);
    await tx.signAsync(signer, { nonce });
    signed.push({ what, tx });
  }
  return Promise.all(signed.map(async ({ what, tx }) => ({ what, ...(await sendAndFinalize(tx, { what, timeoutMs })) })));
}

// ---------------------------------------------------------------------------------------------------
// DAO: farm weights and farmers

const GIB = 1024n ** 3n;
const THOUSAND = 1000n;

/**
 * The DAO weight of a node with `resources` ({ hru, sru, cru, mru } in bytes and cores), computed
 * here from TFChain's formula: `2 * cu + su`, with cu = 2 * (min(cru * 2 GiB * 1000,
 * (mru - 1) * GiB * 1000 / 4, sru * 1000 / 50) / GiB / 1000) (0 when the minimum is a tie) and
 * su = (hru * 1000 / 1200 + sru * 1000 / 250) / GiB / 1000, in integer arithmetic.
 */
export function nodeWeight({ hru, sru, cru, mru }) {
  const [h, s, c, m] = [hru, sru, cru, mru].map(BigInt);
  const terms = [c * 2n * GIB * THOUSAND, ((m > 0n ? m - 1n : 0n) * GIB * THOUSAND) / 4n, (s * THOUSAND) / 50n];
  const min = terms.reduce((a, b) => (b < a ? b : a));
  const strict = terms.filter((t) => t === min).length === 1;
  const cu = strict ? 2n * (min / GIB / THOUSAND) : 0n;
  const su = ((h * THOUSAND) / 1200n + (s * THOUSAND) / 250n) / GIB / THOUSAND;
  return Number(2n * cu + su);
}

/** The arguments of tfgridModule.createNode for a node of `resources` in `farmId`. */
export function createNodeArgs(farmId, resources, city = 'Ghent') {
  return [farmId, resources, { city, country: 'Belgium', latitude: '51.05', longitude: '3.71' }, [], false, false,
    null];
}

const TC_LINK = 'https://library.threefold.me/info/legal/#/legal__terms_conditions_chain';
const TC_HASH = 'a7f4e1b3c9d2e5f60718293a4b5c6d7e';

/**
 * The extrinsics that make `who` a farmer: accept the terms and conditions, create a twin, create a
 * farm named `farmName`, and (when `resources` is given) register a node of the farmer's own twin in
 * that farm. The farm id is not known yet when they are signed: `farmId` is the id it will get.
 */
export function farmerSetupItems(api, { who, label, farmName, farmId, resources }) {
  const items = [
    { what: `${label} accepts the T&C`, signer: who, tx: api.tx.tfgridModule.userAcceptTc(TC_LINK, TC_HASH) },
    { what: `${label} creates a twin`, signer: who, tx: api.tx.tfgridModule.createTwin('relay.e2e.grid.tf', null) },
    { what: `${label} creates farm ${farmName}`, signer: who, tx: api.tx.tfgridModule.createFarm(farmName, []) },
  ];
  if (resources) {
    items.push({ what: `${label} registers a node in farm ${farmId}`, signer: who,
      tx: api.tx.tfgridModule.createNode(...createNodeArgs(farmId, resources)) });
  }
  return items;
}

// ---------------------------------------------------------------------------------------------------
// Council motions

/**
 * The weight the runtime gives `call` (TransactionPaymentCallApi_query_call_info through a raw
 * state_call, as tx.js's queryPartialFee does for extrinsics), as { refTime, proofSize } bigints.
 */
export async function callWeight(api, node, call) {
  const len = new Uint8Array(4);
  new DataView(len.buffer).setUint32(0, call.encodedLength, true);
  const args = u8aToHex(new Uint8Array([...call.toU8a(), ...len]));
  const raw = await node.rpc('state_call', ['TransactionPaymentCallApi_query_call_info', args]);
  const info = api.registry.createType('RuntimeDispatchInfo', raw);
  return { refTime: info.weight.refTime.toBigInt(), proofSize: info.weight.proofSize.toBigInt() };
}

// ---------------------------------------------------------------------------------------------------
// A local network with short sessions

/** Storage key of the runtime's `SessionPeriod` parameter: twox128(":SessionPeriod:"). */
export const SESSION_PERIOD_KEY = xxhashAsHex(':SessionPeriod:', 128);

/** SCALE encoding of a u32 as hex (little-endian). */
export function u32Hex(value) {
  const bytes = new Uint8Array(4);
  new DataView(bytes.buffer).setUint32(0, value, true);
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
 * Writes `<root>/<name>.json`: the raw `local` chain spec (`build-spec --chain local --raw`) with the
 * session period set to `sessionPeriod` blocks through the `:SessionPeriod:` storage key of genesis.
 * Returns its path.
 */
export async function writeShortSessionSpec({ root, sessionPeriod, name = 'local-short-sessions' }) {
  const stdout = await run(findBinary(), ['build-spec', '--chain', 'local', '--raw', '--disable-default-bootnode']);
  let spec;
  try {
    spec = JSON.parse(stdout);
  } catch (err) {
    throw new E2eError(`build-spec did not print JSON (${err.message}): ${stdout.slice(0, 300)}`);
  }
  const top = spec?.genesis?.raw?.top;
  if (!top) throw new E2eError('build-spec --raw printed no genesis.raw.top');
  top[SESSION_PERIOD_KEY] = u32Hex(sessionPeriod);
  const file = path.join(root, `${name}.json`);
  await fs.promises.writeFile(file, JSON.stringify(spec));
  return file;
}

/** Fixed libp2p keys of the validators started from a chain spec file (Alice's matches ALICE_PEER_ID). */
const SPEC_NODE_KEYS = {
  ...NODE_KEYS,
  charlie: '0000000000000000000000000000000000000000000000000000000000000003',
};

/**
 * A validator (`who`: "alice", "bob" or "charlie", whose dev keys `--<who>` puts in the keystore)
 * of the chain in the spec file `chainSpec`; it dials Alice (`bootnode`) when given.
 */
export async function specValidator({ root, who, chainSpec, bootnode }) {
  const binary = findBinary();
  const basePath = path.join(root, who);
  const rpcPort = await freePort();
  const p2pPort = await freePort();
  const args = [
    '--chain', chainSpec,
    `--${who}`,
    '--validator',
    '--base-path', basePath,
    '--rpc-port', String(rpcPort),
    '--port', String(p2pPort),
    '--no-prometheus',
    '--no-telemetry',
    '--no-mdns',
    '--rpc-cors', 'all',
    '--node-key', SPEC_NODE_KEYS[who],
    '--name', `e2e-${who}`,
  ];
  if (bootnode) args.push('--bootnodes', `/ip4/127.0.0.1/tcp/${bootnode.p2pPort}/p2p/${ALICE_PEER_ID}`);
  return new TfchainNode({ name: who, binary, args, basePath, rpcPort, p2pPort });
}

/**
 * New session keys generated in `node`'s keystore with the proof that `owner` (an account's public
 * key) owns them: the `author_rotateKeysWithOwner` RPC, as session.setKeys(keys, proof) wants them.
 */
export async function rotateKeysWithOwner(node, ownerPublicKey) {
  const generated = await node.rpc('author_rotateKeysWithOwner', [u8aToHex(ownerPublicKey)]);
  if (!generated?.keys || !generated?.proof) {
    throw new E2eError(`author_rotateKeysWithOwner on ${node.name} returned no keys or no proof: ` +
      JSON.stringify(generated));
  }
  return generated;
}

/**
 * Who authored block `hash`: the Aura slot of its pre-runtime digest, and the Aura authority at
 * `slot % authorities` in the parent block's state (the set the block was verified against).
 *
 * @returns {Promise<{number: number, slot: bigint, aura: string}>} aura is the author's key (hex)
 */
export async function auraAuthor(api, hash) {
  const header = await api.rpc.chain.getHeader(hash);
  const log = header.digest.logs.find((item) => item.isPreRuntime && item.asPreRuntime[0].toString() === 'aura');
  if (!log) throw new E2eError(`block ${hash} has no Aura pre-runtime digest`);
  const slot = api.registry.createType('u64', log.asPreRuntime[1]).toBigInt();
  const authorities = await (await api.at(header.parentHash)).query.aura.authorities();
  const index = Number(slot % BigInt(authorities.length));
  return { number: header.number.toNumber(), slot, aura: authorities[index].toHex() };
}
