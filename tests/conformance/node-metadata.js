// The node side: fetching metadata and the runtime version from a node, and turning metadata V14
// (its portable type registry and pallet list) into the same structural model as reference.js.
import { Metadata, TypeRegistry } from '@polkadot/types';
import { WsProvider } from '@polkadot/api';
import { stringCamelCase } from '@polkadot/util';

import {
  BOUNDED_WRAPPERS, CALL, EVENT, array, boundedAs, compact, composite, cycle, enumOf, payload, prim, seq, tuple,
} from './types.js';

/** Calls one JSON-RPC method on an http(s) or ws(s) URL. */
async function rpcCall(url, method, params, provider) {
  if (provider) return provider.send(method, params);
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
    signal: AbortSignal.timeout(30_000),
  });
  const body = await response.json();
  if (body.error) throw new Error(`${method}: RPC error ${body.error.code}: ${body.error.message}`);
  return body.result;
}

/**
 * `state_getMetadata` (hex) and `state_getRuntimeVersion` of the node at `url`
 * (ws://, wss://, http:// or https://).
 */
export async function fetchNodeInterface(url, { timeoutMs = 30_000 } = {}) {
  let provider = null;
  if (/^wss?:\/\//.test(url)) {
    provider = new WsProvider(url, false, {}, timeoutMs);
    let timer;
    try {
      await Promise.race([
        provider.connect().then(() => provider.isReady),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`could not connect to ${url} within ${timeoutMs / 1000} s`)), timeoutMs);
          provider.on('error', (err) => reject(new Error(`could not connect to ${url}: ${err?.message ?? err}`)));
        }),
      ]);
    } catch (err) {
      await provider.disconnect().catch(() => {});
      throw err;
    } finally {
      clearTimeout(timer);
    }
  } else if (!/^https?:\/\//.test(url)) {
    throw new Error(`unsupported node URL ${url}: use ws://, wss://, http:// or https://`);
  }
  try {
    const metadataHex = await rpcCall(url, 'state_getMetadata', [], provider);
    const runtimeVersion = await rpcCall(url, 'state_getRuntimeVersion', [], provider);
    return { metadataHex, runtimeVersion };
  } finally {
    await provider?.disconnect().catch(() => {});
  }
}

/** Metadata bytes (hex) decoded into plain JSON of V14; throws for any other version. */
export function decodeMetadataV14(metadataHex) {
  const metadata = new Metadata(new TypeRegistry(), metadataHex);
  if (metadata.version !== 14) {
    throw new Error(`state_getMetadata returned metadata V${metadata.version}; TFChain clients expect V14`);
  }
  return metadata.asV14.toJSON();
}

const PRIMITIVES = {
  Bool: 'bool', Char: 'char', Str: 'Text',
  U8: 'u8', U16: 'u16', U32: 'u32', U64: 'u64', U128: 'u128', U256: 'u256',
  I8: 'i8', I16: 'i16', I32: 'i32', I64: 'i64', I128: 'i128', I256: 'i256',
};

/** Resolves ids of a V14 portable registry (as JSON) into structural types. */
export class PortableTypes {
  constructor(lookupTypes) {
    this.byId = new Map(lookupTypes.map((t) => [t.id, t.type]));
    this.done = new Map();
    this.busy = new Set();
  }

  /** The structure of type `id`. */
  resolve(id) {
    if (this.done.has(id)) return this.done.get(id);
    const entry = this.byId.get(id);
    if (!entry) throw new Error(`metadata refers to unknown type id ${id}`);
    const name = entry.path.join('::') || `#${id}`;
    if (this.busy.has(id)) return cycle(name);
    this.busy.add(id);
    try {
      const type = this.define(entry);
      this.done.set(id, type);
      return type;
    } finally {
      this.busy.delete(id);
    }
  }

  define(entry) {
    const last = entry.path.at(-1);
    // The runtime's outer enums are compared by the pallets they are made of, not expanded.
    if (last === 'RuntimeCall') return CALL;
    if (last === 'RuntimeEvent') return EVENT;
    const [kind, def] = Object.entries(entry.def)[0];
    switch (kind) {
      case 'composite': {
        const type = composite(this.fields(def.fields));
        // A bounded collection is a composite with its own type path around a sequence.
        const wrapsSequence = type.kind === 'seq' || type.kind === 'bytes';
        return wrapsSequence && BOUNDED_WRAPPERS.includes(last) ? boundedAs(type, last) : type;
      }
      case 'variant':
        return enumOf(def.variants.map((v) => ({ index: v.index, name: v.name, payload: payload(this.fields(v.fields)) })));
      case 'sequence':
        return seq(this.resolve(def.type), false);
      case 'array':
        return array(def.len, this.resolve(def.type));
      case 'tuple':
        return tuple(def.map((id) => this.resolve(id)));
      case 'primitive': {
        const name = PRIMITIVES[def];
        if (!name) throw new Error(`unknown primitive ${def}`);
        return prim(name);
      }
      case 'compact':
        return compact(this.resolve(def.type));
      case 'bitSequence':
        return { kind: 'bitseq' };
      default:
        throw new Error(`unsupported type definition ${kind}`);
    }
  }

  /** `[{ name, type }]` of metadata fields, names camelCased as polkadot.js shows them. */
  fields(fields) {
    return fields.map((f) => ({ name: f.name ? stringCamelCase(f.name) : null, type: this.resolve(f.type) }));
  }
}

function storageItem(item, types) {
  const [shape, def] = Object.entries(item.type)[0];
  let keys = [];
  let hashers = [];
  let valueId;
  if (shape === 'plain') {
    valueId = def;
  } else {
    hashers = def.hashers;
    valueId = def.value;
    const key = types.resolve(def.key);
    // Several hashers: the key is a tuple with one item per hasher (a double map or an n-map).
    keys = hashers.length > 1 && key.kind === 'tuple' ? key.items : [key];
  }
  let value = types.resolve(valueId);
  if (item.modifier === 'Optional') value = { kind: 'option', of: value };
  const kind = ['plain', 'map', 'doubleMap'][keys.length] ?? `nmap${keys.length}`;
  return { name: stringCamelCase(item.name), rustName: item.name, kind, hashers, keys, value };
}

/**
 * The node model: { specName, extrinsicVersion, signedExtensions: [identifier], pallets: Map name ->
 * { name, index, calls, events, errors, storage, constants } } (items as in reference.js).
 */
export function nodeModel(v14, runtimeVersion) {
  const types = new PortableTypes(v14.lookup.types);
  const variantItems = (ref) => {
    if (!ref) return [];
    const type = types.resolve(ref.type);
    if (type.kind !== 'enum') throw new Error(`pallet call/event/error type ${ref.type} is not an enum`);
    return type.variants.map((v) => ({ index: v.index, name: v.name, payload: v.payload }));
  };
  const pallets = new Map();
  for (const p of v14.pallets) {
    pallets.set(p.name, {
      name: p.name,
      index: p.index,
      calls: variantItems(p.calls),
      events: variantItems(p.events),
      errors: variantItems(p.errors),
      storage: (p.storage?.items ?? []).map((item) => storageItem(item, types)),
      constants: p.constants.map((c) => ({ name: stringCamelCase(c.name), rustName: c.name, type: types.resolve(c.type) })),
    });
  }
  return {
    specName: runtimeVersion?.specName ?? null,
    specVersion: runtimeVersion?.specVersion ?? null,
    extrinsicVersion: v14.extrinsic.version,
    signedExtensions: v14.extrinsic.signedExtensions.map((e) => e.identifier),
    pallets,
  };
}
