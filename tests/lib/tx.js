// Submitting extrinsics with polkadot.js and reading what happened to them.
import { E2eError } from './errors.js';

/**
 * Sends an already signed extrinsic and resolves when the block that includes it is finalized.
 * Rejects when the pool refuses it at submission (the RPC error), or when it becomes invalid, is dropped
 * or usurped, or when `timeoutMs` passes.
 *
 * @returns {Promise<{blockHash: string, events: Array, dispatchError: any, txIndex: number}>}
 *   blockHash of the (finalized) inclusion block; events of this extrinsic only.
 */
export function sendAndFinalize(tx, { timeoutMs = 180_000, what = 'extrinsic' } = {}) {
  return new Promise((resolve, reject) => {
    let unsubscribe = null;
    let inBlock = null;
    let settled = false;
    const finish = (fn, value) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (unsubscribe) unsubscribe();
      fn(value);
    };
    const timer = setTimeout(
      () => finish(reject, new E2eError(
        `${what} was not finalized within ${timeoutMs / 1000} s` + (inBlock ? ` (it was in block ${inBlock})` : ' (never included)'),
      )),
      timeoutMs,
    );
    tx.send((result) => {
      const { status } = result;
      if (status.isInBlock) inBlock = status.asInBlock.toHex();
      if (status.isFinalized) {
        finish(resolve, {
          blockHash: status.asFinalized.toHex(),
          events: result.events,
          dispatchError: result.dispatchError,
          txIndex: result.txIndex,
        });
      } else if (status.isInvalid || status.isDropped || status.isUsurped || status.isFinalityTimeout) {
        finish(reject, new E2eError(`${what} ended with status ${status.type}`));
      }
    })
      .then((unsub) => {
        if (settled) unsub();
        else unsubscribe = unsub;
      })
      .catch((err) => finish(reject, err));
  });
}

/** A readable description of a DispatchError: { kind, section?, name, text }. */
export function describeDispatchError(api, dispatchError) {
  if (dispatchError.isModule) {
    const meta = api.registry.findMetaError(dispatchError.asModule);
    return { kind: 'Module', section: meta.section, name: meta.name, text: `${meta.section}.${meta.name}` };
  }
  if (dispatchError.isToken) {
    const name = dispatchError.asToken.type;
    return { kind: 'Token', name, text: `Token.${name}` };
  }
  if (dispatchError.isArithmetic) {
    const name = dispatchError.asArithmetic.type;
    return { kind: 'Arithmetic', name, text: `Arithmetic.${name}` };
  }
  return { kind: dispatchError.type, name: dispatchError.type, text: dispatchError.toString() };
}

/** The plain-JS form of each event record ("section.method" plus data) for assertion messages. */
export function eventSummary(records) {
  return records.map(({ phase, event }) => ({
    phase: phase.toString(),
    event: `${event.section}.${event.method}`,
    data: event.data.toHuman(),
  }));
}

/** SCALE encoding of a u32, little-endian. */
function u32le(value) {
  const bytes = new Uint8Array(4);
  new DataView(bytes.buffer).setUint32(0, value, true);
  return bytes;
}

/**
 * The fee the runtime predicts for a signed extrinsic at block `atHash`, asked two ways:
 * the `TransactionPaymentApi_query_info(uxt, len)` runtime API through `state_call`, and the
 * `payment_queryInfo` RPC (null when the node does not offer it). Both are sent as raw JSON-RPC:
 * polkadot.js's own wrappers mis-encode the extrinsic (runtime API) or mis-decode the weight (RPC) for
 * this runtime's metadata, which is a client-side problem.
 *
 * @returns {Promise<{runtimeApi: bigint, rpc: bigint|null}>} the partial fees (without tip)
 */
export async function queryPartialFee(api, node, tx, atHash) {
  const args = new Uint8Array([...tx.toU8a(), ...u32le(tx.encodedLength)]);
  const argsHex = `0x${Buffer.from(args).toString('hex')}`;
  const raw = await node.rpc('state_call', ['TransactionPaymentApi_query_info', argsHex, atHash]);
  const info = api.registry.createType('RuntimeDispatchInfo', raw);
  let rpc = null;
  const methods = (await node.rpc('rpc_methods')).methods;
  if (methods.includes('payment_queryInfo')) {
    const viaRpc = await node.rpc('payment_queryInfo', [tx.toHex(), atHash]);
    rpc = BigInt(viaRpc.partialFee);
  }
  return { runtimeApi: info.partialFee.toBigInt(), rpc };
}
