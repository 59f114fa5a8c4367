// Helpers for the TfgridModule end-to-end tests: submitting several extrinsics at once (one block
// per step instead of one per extrinsic), checking their outcome and the module errors they give,
// and reading the chain's time.
import assert from 'node:assert/strict';

import { E2eError } from './errors.js';
import { describeDispatchError, eventSummary } from './tx.js';

/** The pallet's index in the runtime (clients hard-code it). */
export const TFGRID_PALLET_INDEX = 25;

/** Indices of the TfgridModule errors the tests expect, as TFChain 2.9 declares them. */
export const TFGRID_ERROR_INDEX = {
  NodeNotExists: 3,
  NodeWithTwinIdExists: 4,
  NodeUpdateNotAuthorized: 7,
  FarmExists: 8,
  FarmNotExists: 9,
  CannotUpdateFarmWrongTwin: 11,
  IpExists: 16,
  TwinNotExists: 27,
  TwinWithPubkeyExists: 28,
  UserDidNotSignTermsAndConditions: 39,
  InvalidFarmName: 42,
  FarmNameTooShort: 50,
  InvalidPublicIP: 52,
  InvalidInterfaceName: 75,
  InvalidMacAddress: 78,
  InvalidLatitudeInput: 90,
  InvalidDocumentHashInput: 109,
  InvalidPublicConfig: 110,
  UnauthorizedToChangePowerTarget: 111,
  InvalidRelayAddress: 113,
  InvalidTimestampHint: 114,
  InvalidStorageInput: 115,
};

/**
 * Sends a signed extrinsic and resolves when a block includes it (a --dev node has a single author,
 * so blocks are not reverted; waiting for finality would only slow the suite down).
 *
 * @returns {Promise<{blockHash: string, events: Array, dispatchError: any}>} events of this extrinsic only
 */
export function sendInBlock(tx, { timeoutMs = 60_000, what = 'extrinsic' } = {}) {
  return new Promise((resolve, reject) => {
    let unsubscribe = null;
    let settled = false;
    const finish = (fn, value) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (unsubscribe) unsubscribe();
      fn(value);
    };
    const timer = setTimeout(
      () => finish(reject, new E2eError(`${what} was not included in a block within ${timeoutMs / 1000} s`)),
      timeoutMs,
    );
    tx.send((result) => {
      const { status } = result;
      if (status.isInBlock) {
        finish(resolve, {
          blockHash: status.asInBlock.toHex(),
          events: result.events,
          dispatchError: result.dispatchError,
        });
      } else if (status.isInvalid || status.isDropped || status.isUsurped || status.isFinalityTimeout) {
        finish(reject, new E2eError(`${what} ended with status ${status.type}`));
      }
    })
      .then((unsub) => {
        if (settled) unsub();
        else unsubscribe = unsub;
      })
      .catch((err) => finish(reject, new E2eError(`${what} was refused: ${err.message}`)));
  });
}

/**
 * Signs and sends extrinsics together, so that they usually land in the same block. Each item is
 * `{ what, signer, tx }`; items of the same signer get consecutive nonces in the order given.
 * Resolves with the results in the same order (see sendInBlock), each with its `what`.
 */
export async function submitAll(api, items) {
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
  return Promise.all(signed.map(async ({ what, tx }) => ({ what, ...(await sendInBlock(tx, { what })) })));
}

/** Asserts that the extrinsic succeeded; returns its result. */
export function expectSuccess(api, result) {
  const summary = () => JSON.stringify(eventSummary(result.events));
  if (result.dispatchError) {
    assert.fail(`${result.what} failed with ${describeDispatchError(api, result.dispatchError).text}: ${summary()}`);
  }
  assert.ok(result.events.some(({ event }) => api.events.system.ExtrinsicSuccess.is(event)),
    `${result.what}: ExtrinsicSuccess expected: ${summary()}`);
  return result;
}

/**
 * Asserts that the extrinsic failed in ExtrinsicFailed with the TfgridModule error `name`, at the
 * module index 25 and the error index TFChain gives it, and emitted no TfgridModule event.
 */
export function expectTfgridError(api, result, name) {
  const summary = JSON.stringify(eventSummary(result.events));
  assert.ok(result.dispatchError, `${result.what} must fail with TfgridModule.${name}, but succeeded: ${summary}`);
  const failed = result.events.find(({ event }) => api.events.system.ExtrinsicFailed.is(event));
  assert.ok(failed, `${result.what}: ExtrinsicFailed expected: ${summary}`);
  const error = describeDispatchError(api, result.dispatchError);
  assert.equal(error.text, `tfgridModule.${name}`, `${result.what}: the module error`);
  const { index, error: errorBytes } = result.dispatchError.asModule;
  assert.equal(index.toNumber(), TFGRID_PALLET_INDEX, `${result.what}: the error's pallet index`);
  if (name in TFGRID_ERROR_INDEX) {
    assert.equal(errorBytes[0], TFGRID_ERROR_INDEX[name], `${result.what}: the index of error ${name}`);
  }
  // The event carries the same error as the result.
  assert.equal(failed.event.data[0].toHex(), result.dispatchError.toHex(), `${result.what}: ExtrinsicFailed's error`);
  const tfgridEvents = result.events.filter(({ event }) => event.section === 'tfgridModule');
  assert.deepEqual(eventSummary(tfgridEvents), [], `${result.what}: a failed call emits no TfgridModule event`);
}

/** The TfgridModule events named `method` among an extrinsic's events. */
export function tfgridEvents(result, method) {
  return result.events
    .filter(({ event }) => event.section === 'tfgridModule' && event.method === method)
    .map(({ event }) => event);
}

/** The only TfgridModule event named `method` of the extrinsic (asserts there is exactly one). */
export function tfgridEvent(result, method) {
  const found = tfgridEvents(result, method);
  assert.equal(found.length, 1,
    `${result.what}: exactly one TfgridModule.${method} expected: ${JSON.stringify(eventSummary(result.events))}`);
  return found[0];
}

/** The fee an extrinsic paid, from its TransactionFeePaid event. */
export function feePaid(api, result) {
  const paid = result.events.find(({ event }) => api.events.transactionPayment.TransactionFeePaid.is(event));
  assert.ok(paid, `${result.what}: TransactionFeePaid expected: ${JSON.stringify(eventSummary(result.events))}`);
  return paid.event.data[1].toBigInt();
}

/** The chain's time, in whole seconds, at block `blockHash` (or at the best block). */
export async function chainSeconds(api, blockHash) {
  const at = blockHash ? await api.at(blockHash) : api;
  return Math.floor((await at.query.timestamp.now()).toNumber() / 1000);
}

/** The number of block `blockHash`. */
export async function blockNumber(api, blockHash) {
  return (await api.rpc.chain.getHeader(blockHash)).number.toNumber();
}
