// The reference interface: TFChain 2.9 as the generated files of @threefold/tfchain_client 2.9.2
// describe it, turned into the structural model of types.js (see model.js for the pallet shape).
//
// How typegen encodes the runtime in dist/node/interfaces/chain:
//   lookup.js            every named type of the metadata, keyed by a name built from its Rust path
//                        and preceded by a `/** LookupN: rust::path<…> **/` comment. A value is
//                        a type expression string ("Vec<(Bytes,u64)>"), a struct (an object whose
//                        keys are the camelCased field names, in order), or an enum `{ _enum }`:
//                        an array of names for an enum of unit variants with indices 0…n-1, else an
//                        object whose keys are the variant names in index order, with
//                        `__UnusedN: "Null"` filling each unused index N; a variant's value is
//                        "Null" (no data), a type expression (unnamed fields; "(A,B)" for two) or an
//                        object (named fields). `_alias: { hash_: "hash" }` maps a key that would
//                        clash with a JavaScript name to the real field name. Newtypes (one unnamed
//                        field) are written as their inner type; Vec<u8> and bounded byte vectors
//                        are "Bytes"; AccountId32, H256, MultiAddress, Call and Event are polkadot.js
//                        built-ins. A pallet's calls, events and errors are the entries whose paths
//                        are `<crate>::pallet::Call`, `::Event` and `::Error`.
//   augment-api-query.d.ts   storage per pallet section (camelCased names): `name:
//                        AugmentedQuery<ApiType, (keys) => Observable<VALUE>, [KEY TYPES]>`; the
//                        value is `Option<…>` for an OptionQuery. No hashers.
//   augment-api-consts.d.ts  constants: `name: TYPE & AugmentedConst<ApiType>`.
//   augment-api-tx/events/errors.d.ts  the same calls, events and errors by camelCased name; used
//                        here only to check that the lookup.js entries were found correctly.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { stringCamelCase } from '@polkadot/util';

import { STANDARD_PALLETS, TFCHAIN_PALLETS } from './reference-facts.js';
import { parseTypeExpr, splitTopLevel } from './type-expr.js';
import { cycle, enumOf, payload, struct } from './types.js';

const TESTS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The pinned client package, its version, and where its generated interface lives. */
export const REFERENCE_PACKAGE = '@threefold/tfchain_client';
export const REFERENCE_VERSION = '2.9.2';

/** The directory holding lookup.js and augment-api-*.d.ts of the installed reference package. */
export function referenceDir(testsDir = TESTS_DIR) {
  const pkgDir = path.join(testsDir, 'node_modules', ...REFERENCE_PACKAGE.split('/'));
  const pkgFile = path.join(pkgDir, 'package.json');
  if (!fs.existsSync(pkgFile)) {
    throw new Error(`${REFERENCE_PACKAGE} is not installed in ${testsDir}/node_modules; run \`npm ci\` in tests/`);
  }
  const { version } = JSON.parse(fs.readFileSync(pkgFile, 'utf8'));
  if (version !== REFERENCE_VERSION) {
    throw new Error(`${REFERENCE_PACKAGE} ${version} is installed, the reference is ${REFERENCE_VERSION}; run \`npm ci\` in tests/`);
  }
  return path.join(pkgDir, 'dist', 'node', 'interfaces', 'chain');
}

/** The Rust path (without generics) of each lookup.js entry, from the `LookupN:` comments. */
export function lookupPaths(lookupSource) {
  const paths = new Map();
  const re = /\*\s*Lookup\d+:\s*([^\s<]+)[^\n]*\n\s*\*+\/\s*\n\s*([A-Za-z0-9_]+)\s*:/g;
  for (const m of lookupSource.matchAll(re)) paths.set(m[2], m[1]);
  return paths;
}

/** Resolves lookup.js names into structural types (memoised; a name met again while expanding is a cycle). */
export class LookupTypes {
  constructor(defs) {
    this.defs = defs;
    this.done = new Map();
    this.busy = new Set();
  }

  /** The structure of the lookup entry `name`. */
  named(name) {
    if (this.done.has(name)) return this.done.get(name);
    if (!Object.hasOwn(this.defs, name)) throw new Error(`unknown type name "${name}" in the reference lookup`);
    if (this.busy.has(name)) return cycle(name);
    this.busy.add(name);
    try {
      const type = this.define(this.defs[name]);
      this.done.set(name, type);
      return type;
    } finally {
      this.busy.delete(name);
    }
  }

  /** The structure of a type expression string; `bounded` as parseTypeExpr takes it. */
  expr(text, bounded) {
    return parseTypeExpr(text, (name) => this.named(name), bounded);
  }

  /**
   * The variants of the call enum `name` with what lookup.js does not say: whether each sequence
   * an argument's type writes is plain or bounded. Upstream's arguments are plain `Vec`s except
   * those `boundedArgs` lists ({ call: [Rust argument names] }), which are `BoundedVec`s.
   */
  callVariants(name, boundedArgs = {}) {
    if (!Object.hasOwn(this.defs, name)) throw new Error(`unknown type name "${name}" in the reference lookup`);
    const variants = this.variants(this.defs[name]._enum, (call, field) => {
      const bounded = (boundedArgs[call] ?? []).some((arg) => stringCamelCase(arg) === field);
      return bounded ? 'BoundedVec' : false;
    });
    for (const [call, args] of Object.entries(boundedArgs)) {
      const fields = variants.find((v) => v.name === call)?.payload.fields ?? [];
      for (const arg of args) {
        if (!fields.some((f) => f.name === stringCamelCase(arg))) {
          throw new Error(`reference: ${name} has no call ${call} with an argument ${arg}`);
        }
      }
    }
    return variants;
  }

  define(def) {
    if (typeof def === 'string') return this.expr(def);
    if (def && typeof def === 'object' && '_enum' in def) return enumOf(this.variants(def._enum));
    if (def && typeof def === 'object' && '_set' in def) throw new Error('bit-flag sets (_set) are not supported');
    if (def && typeof def === 'object') return struct(this.namedFields(def));
    throw new Error(`unsupported lookup definition ${JSON.stringify(def)}`);
  }

  /**
   * `[{ name, type }]` of an object of named fields (camelCased, `_alias` resolved);
   * `boundOf(name)` gives the `bounded` of each field's expression (absent: not known).
   */
  namedFields(obj, boundOf = () => undefined) {
    const alias = obj._alias ?? {};
    return Object.entries(obj)
      .filter(([key]) => key !== '_alias')
      .map(([key, value]) => {
        const name = stringCamelCase(alias[key] ?? key);
        return { name, type: this.expr(value, boundOf(name)) };
      });
  }

  /**
   * The variants of an `_enum` (array or object form), `__UnusedN` placeholders dropped;
   * `boundOf(variant, field)` as in namedFields, for fields of named variants.
   */
  variants(spec, boundOf = () => undefined) {
    if (Array.isArray(spec)) return spec.map((name, index) => ({ index, name, payload: payload([]) }));
    return Object.entries(spec)
      .map(([name, value], index) => ({ index, name, value }))
      .filter(({ name }) => !/^__Unused\d+$/.test(name))
      .map(({ index, name, value }) => ({ index, name, payload: this.payloadOf(value, (field) => boundOf(name, field)) }));
  }

  /** The payload of one variant value: "Null", a type expression, or an object of named fields. */
  payloadOf(value, boundOf = () => undefined) {
    if (value === 'Null') return payload([]);
    if (typeof value === 'string') return payload([{ name: null, type: this.expr(value) }]);
    return payload(this.namedFields(value, boundOf));
  }
}

/** Pallet sections of an augment-api-*.d.ts file: Map camelName -> section text. */
export function augmentSections(source) {
  const text = source.replace(/\/\*\*[\s\S]*?\*\//g, '');
  const sections = new Map();
  let current = null;
  let lines = [];
  for (const line of text.split('\n')) {
    const open = /^ {8}([A-Za-z0-9_]+): \{\s*$/.exec(line);
    if (open) {
      current = open[1];
      lines = [];
    } else if (current && /^ {8}\};\s*$/.test(line)) {
      sections.set(current, lines.join('\n'));
      current = null;
    } else if (current) {
      lines.push(line);
    }
  }
  return sections;
}

/** The text from `open` (an opening bracket at `start`) to its matching close, exclusive. */
function balanced(text, start, open, close) {
  let depth = 0;
  for (let i = start; i < text.length; i += 1) {
    if (text[i] === open) depth += 1;
    else if (text[i] === close) {
      depth -= 1;
      if (depth === 0) return { inner: text.slice(start + 1, i), end: i + 1 };
    }
  }
  throw new Error(`unbalanced ${open}${close} in augment source`);
}

/** Storage entries of one augment-api-query.d.ts section: [{ name, keys: [expr], value: expr }]. */
export function parseQuerySection(section) {
  const entries = [];
  const re = /(^|\n)\s*([A-Za-z0-9_]+): AugmentedQuery<ApiType,/g;
  for (const m of section.matchAll(re)) {
    const name = m[2];
    const from = m.index + m[0].length;
    const obs = section.indexOf('=> Observable<', from);
    if (obs < 0) throw new Error(`storage ${name}: no Observable<…> value type`);
    const value = balanced(section, obs + '=> Observable'.length, '<', '>');
    const keysStart = section.indexOf('[', value.end);
    const keys = balanced(section, keysStart, '[', ']');
    entries.push({ name, value: value.inner.trim(), keys: splitTopLevel(keys.inner).filter((k) => k !== '') });
  }
  return entries;
}

/** Constants of one augment-api-consts.d.ts section: [{ name, type: expr }]. */
export function parseConstSection(section) {
  return [...section.matchAll(/([A-Za-z0-9_]+): ([^;]+?) & AugmentedConst<ApiType>;/g)]
    .map((m) => ({ name: m[1], type: m[2].trim() }));
}

/** Item names of one augment-api-tx/events/errors.d.ts section (`name: Augmented<kind><`). */
export function augmentNames(section, kind) {
  return [...section.matchAll(new RegExp(`([A-Za-z0-9_]+): Augmented${kind}<`, 'g'))].map((m) => m[1]);
}

function storageKind(keyCount) {
  return ['plain', 'map', 'doubleMap'][keyCount] ?? `nmap${keyCount}`;
}

/**
 * Builds the reference model: { pallets: Map name -> pallet }, each pallet
 * { name, index, scope: 'full' | 'client', calls, events, errors, storage, constants } where every
 * list holds items of the shape described in model.js, restricted for 'client' pallets to what
 * clients use. Throws when the files do not look like typegen output of the expected runtime.
 */
export function loadReference(dir = referenceDir()) {
  const read = (file) => fs.readFileSync(path.join(dir, file), 'utf8');
  const lookupFile = path.join(dir, 'lookup.js');
  const defs = createRequire(import.meta.url)(lookupFile).default;
  const paths = lookupPaths(read('lookup.js'));
  const types = new LookupTypes(defs);
  const byPath = new Map([...paths].map(([name, p]) => [p, name]));

  checkOriginCaller(defs);

  const sections = {
    query: augmentSections(read('augment-api-query.d.ts')),
    consts: augmentSections(read('augment-api-consts.d.ts')),
    tx: augmentSections(read('augment-api-tx.d.ts')),
    events: augmentSections(read('augment-api-events.d.ts')),
    errors: augmentSections(read('augment-api-errors.d.ts')),
  };

  const variantItems = (crate, part) => {
    const name = crate && byPath.get(`${crate}::pallet::${part}`);
    if (!name) return [];
    const type = types.named(name);
    return type.variants.map((v) => ({ index: v.index, name: v.name, payload: v.payload }));
  };
  // Calls carry what clients see of their arguments: plain or bounded sequences (facts).
  const callItems = (facts) => {
    const name = facts.crate && byPath.get(`${facts.crate}::pallet::Call`);
    if (!name) return [];
    return types.callVariants(name, facts.boundedCallArgs)
      .map((v) => ({ index: v.index, name: v.name, payload: v.payload }));
  };

  const pallets = new Map();
  const build = (facts, scope) => {
    const section = stringCamelCase(facts.name);
    const calls = callItems(facts);
    const events = variantItems(facts.crate, 'Event');
    const errors = variantItems(facts.crate, 'Error');
    crossCheck(facts.name, 'calls', calls.map((c) => stringCamelCase(c.name)), augmentNames(sections.tx.get(section) ?? '', 'Submittable'));
    crossCheck(facts.name, 'events', events.map((e) => e.name), augmentNames(sections.events.get(section) ?? '', 'Event'));
    crossCheck(facts.name, 'errors', errors.map((e) => e.name), augmentNames(sections.errors.get(section) ?? '', 'Error'));

    const storage = parseQuerySection(sections.query.get(section) ?? '').map((entry) => {
      const keys = entry.keys.map((k) => types.expr(k));
      const hashers = keys.length === 0 ? [] : hashersFor(facts, entry.name, keys.length);
      const rustName = facts.storageNames?.[entry.name] ?? `${entry.name[0].toUpperCase()}${entry.name.slice(1)}`;
      return { name: entry.name, rustName, kind: storageKind(keys.length), hashers, keys, value: types.expr(entry.value) };
    });
    const constants = parseConstSection(sections.consts.get(section) ?? '')
      .map((c) => ({ name: c.name, type: types.expr(c.type) }));

    const pick = (list, wanted, key = (x) => x.name) => (scope === 'full' ? list : list.filter((x) => (wanted ?? []).includes(key(x))));
    const pallet = {
      name: facts.name,
      index: facts.index,
      scope,
      calls: pick(calls, facts.calls),
      events: pick(events, facts.events),
      errors: pick(errors, facts.errors),
      storage: pick(storage, facts.storage),
      constants: pick(constants, facts.constants),
    };
    if (scope === 'client') {
      for (const [part, wanted] of [['calls', facts.calls], ['events', facts.events], ['storage', facts.storage]]) {
        const found = new Set(pallet[part].map((x) => x.name));
        const absent = (wanted ?? []).filter((n) => !found.has(n));
        if (absent.length) throw new Error(`reference: ${facts.name} has no ${part} ${absent.join(', ')}`);
      }
    }
    pallets.set(facts.name, pallet);
  };
  for (const facts of TFCHAIN_PALLETS) build(facts, 'full');
  for (const facts of STANDARD_PALLETS) build(facts, 'client');
  return { dir, pallets };
}

function hashersFor(facts, storageName, keyCount) {
  const explicit = facts.hashers?.[storageName];
  if (explicit) return explicit;
  if (facts.hasher) return Array.from({ length: keyCount }, () => facts.hasher);
  return null; // not known: not compared
}

/** Lists in lookup.js and the augment files must name the same items, or the entries were misread. */
function crossCheck(pallet, part, fromLookup, fromAugment) {
  const a = [...fromLookup].sort().join(',');
  const b = [...fromAugment].sort().join(',');
  if (a !== b) {
    throw new Error(`reference: ${pallet} ${part} in lookup.js (${a || 'none'}) differ from the augment file (${b || 'none'})`);
  }
}

/** The only pallet indices lookup.js proves: System = 0 and Council = 40 (OriginCaller variants). */
function checkOriginCaller(defs) {
  const origin = defs.TfchainRuntimeOriginCaller?._enum;
  const keys = origin ? Object.keys(origin) : [];
  if (keys.indexOf('system') !== 0 || keys.indexOf('Council') !== 40) {
    throw new Error('reference: TfchainRuntimeOriginCaller does not put system at 0 and Council at 40');
  }
}
