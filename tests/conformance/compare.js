// Comparing the node model with the reference model, pallet by pallet, and applying the allowlist.
import fs from 'node:fs';

import { EXTRINSIC_VERSION, SIGNED_EXTENSIONS, SPEC_NAME } from './reference-facts.js';
import { diffPayloads, diffTypes, payloadToString, typeToString } from './types.js';

/** One difference: `id` names the item (`Pallet/section/name`), `what` the aspect that differs. */
function difference(id, what, ours, ref) {
  return { id, what, ours, ref, allowlisted: null };
}

const describeVariant = (v) => `${v.index}:${v.name}${payloadToString(v.payload)}`;
const describeStorage = (s) => `${s.kind}${s.hashers?.length ? `[${s.hashers.join(',')}]` : ''}`
  + `(${s.keys.map(typeToString).join(', ')}) -> ${typeToString(s.value)}`;
const describeConstant = (c) => typeToString(c.type);

/** Differences of two same-named calls, events or errors; `label` names their fields ("arg", "field"). */
function diffVariantItem(label) {
  return (id, ours, ref) => {
    const out = [];
    if (ours.index !== ref.index) out.push(difference(id, 'index', String(ours.index), String(ref.index)));
    for (const d of diffPayloads(ours.payload, ref.payload)) {
      out.push(difference(id, d.path ? `${label} ${d.path.replace(/^\./, '')}` : `${label}s`, d.ours, d.ref));
    }
    return out;
  };
}

/** Differences of two same-named storage items. */
function diffStorageItem(id, ours, ref) {
  const out = [];
  if (ours.rustName !== ref.rustName) {
    out.push(difference(id, 'name (hashed into the storage key)', ours.rustName, ref.rustName));
  }
  if (ours.kind !== ref.kind) {
    out.push(difference(id, 'kind', describeStorage(ours), describeStorage(ref)));
    return out;
  }
  if (ref.hashers !== null && ours.hashers.join(',') !== ref.hashers.join(',')) {
    out.push(difference(id, 'hashers', ours.hashers.join(',') || '(none)', ref.hashers.join(',') || '(none)'));
  }
  ours.keys.forEach((key, i) => {
    for (const d of diffTypes(key, ref.keys[i])) out.push(difference(id, `key ${i}${d.path}`, d.ours, d.ref));
  });
  const queryKind = (s) => (s.value.kind === 'option' ? 'OptionQuery' : 'ValueQuery');
  for (const d of diffTypes(ours.value, ref.value)) {
    const what = d.path === '' && queryKind(ours) !== queryKind(ref) ? 'value (query kind)' : `value${d.path}`;
    out.push(difference(id, what, d.ours, d.ref));
  }
  return out;
}

function diffConstant(id, ours, ref) {
  return diffTypes(ours.type, ref.type).map((d) => difference(id, `type${d.path}`, d.ours, d.ref));
}

const SECTIONS = [
  { key: 'calls', label: 'call', diff: diffVariantItem('arg'), describe: describeVariant },
  { key: 'events', label: 'event', diff: diffVariantItem('field'), describe: describeVariant },
  { key: 'errors', label: 'error', diff: diffVariantItem('field'), describe: describeVariant },
  { key: 'storage', label: 'storage', diff: diffStorageItem, describe: describeStorage },
  { key: 'constants', label: 'constant', diff: diffConstant, describe: describeConstant },
];

/**
 * Compares one pallet present on the node with its reference. A 'full' reference pallet is
 * compared item by item both ways (items missing on the node and extra items on the node are
 * differences); a 'client' one only for the items it lists.
 */
export function comparePallet(ours, ref) {
  const differences = [];
  const counts = { matching: 0, differing: 0, missing: 0, extra: 0 };
  if (ours.index !== ref.index) {
    differences.push(difference(`${ref.name}/index`, 'pallet index', String(ours.index), String(ref.index)));
  }
  for (const section of SECTIONS) {
    const mine = new Map(ours[section.key].map((x) => [x.name, x]));
    const theirs = new Map(ref[section.key].map((x) => [x.name, x]));
    for (const [name, item] of theirs) {
      const id = `${ref.name}/${section.key}/${name}`;
      const own = mine.get(name);
      if (!own) {
        counts.missing += 1;
        differences.push(difference(id, `${section.label} missing on node`, '—', section.describe(item)));
        continue;
      }
      const found = section.diff(id, own, item);
      counts[found.length ? 'differing' : 'matching'] += 1;
      differences.push(...found);
    }
    if (ref.scope !== 'full') continue;
    for (const [name, item] of mine) {
      if (theirs.has(name)) continue;
      counts.extra += 1;
      differences.push(difference(`${ref.name}/${section.key}/${name}`, `${section.label} not in reference`, section.describe(item), '—'));
    }
  }
  return { differences, counts };
}

/** Runtime-wide differences: spec name, transaction version, signed extensions, unknown pallets. */
export function compareRuntime(node, reference) {
  const differences = [];
  if (node.specName !== SPEC_NAME) differences.push(difference('runtime/specName', 'spec_name', String(node.specName), SPEC_NAME));
  if (node.extrinsicVersion !== EXTRINSIC_VERSION) {
    differences.push(difference('runtime/extrinsicVersion', 'extrinsic version', String(node.extrinsicVersion), String(EXTRINSIC_VERSION)));
  }
  const expected = SIGNED_EXTENSIONS.filter((e) => !e.pallet || node.pallets.has(e.pallet)).map((e) => e.identifier);
  if (node.signedExtensions.join(',') !== expected.join(',')) {
    differences.push(difference('runtime/signedExtensions', 'signed extensions (in order)', node.signedExtensions.join(', '), expected.join(', ')));
  }
  const pending = SIGNED_EXTENSIONS.filter((e) => e.pallet && !node.pallets.has(e.pallet))
    .map((e) => `${e.identifier} (with ${e.pallet})`);
  for (const [name, pallet] of node.pallets) {
    if (!reference.pallets.has(name)) {
      differences.push(difference(`runtime/pallets/${name}`, 'pallet not in reference', `${name} at ${pallet.index}`, '—'));
    }
  }
  return { differences, pendingSignedExtensions: pending };
}

/** Reads an allowlist file: { entries: [{ id, match?, reason }] }. */
export function loadAllowlist(file) {
  const data = JSON.parse(fs.readFileSync(file, 'utf8'));
  const entries = data.entries ?? [];
  for (const [i, e] of entries.entries()) {
    if (typeof e.id !== 'string' || typeof e.reason !== 'string' || e.reason.trim() === '') {
      throw new Error(`${file}: entry ${i} needs an "id" and a non-empty "reason"`);
    }
  }
  return entries;
}

function globToRegExp(glob) {
  const escaped = glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^]*');
  return new RegExp(`^${escaped}$`);
}

/** The one-line text of a difference. */
export function differenceLine(d, { maxSide = Infinity } = {}) {
  const cut = (s) => (s.length > maxSide ? `${s.slice(0, maxSide - 1)}…` : s);
  return `${d.id}: ${d.what}: ours ${cut(d.ours)} | reference ${cut(d.ref)}`;
}

/**
 * Marks each difference an allowlist entry covers (entry id equal, or a glob with `*`, and the
 * difference line containing `match` when given) with the entry's reason. Returns the entries
 * that covered nothing.
 */
export function applyAllowlist(differences, entries) {
  const used = new Set();
  const compiled = entries.map((e) => ({ ...e, re: globToRegExp(e.id) }));
  for (const d of differences) {
    const line = differenceLine(d);
    const entry = compiled.find((e) => e.re.test(d.id) && (!e.match || line.includes(e.match)));
    if (entry) {
      d.allowlisted = entry.reason;
      used.add(entry);
    }
  }
  return compiled.filter((e) => !used.has(e)).map(({ re, ...e }) => e);
}

/**
 * The whole comparison: runtime-wide checks and one entry per reference pallet, with a status of
 * `missing` (not on the node; never a failure), `matching`, `allowlisted` (every difference is
 * allowlisted) or `differing`. `ok` is false when any difference is not allowlisted.
 */
export function compareAll(node, reference, allowlist = []) {
  const runtime = compareRuntime(node, reference);
  const pallets = [];
  for (const ref of reference.pallets.values()) {
    const ours = node.pallets.get(ref.name);
    if (!ours) {
      pallets.push({ name: ref.name, index: ref.index, scope: ref.scope, status: 'missing', counts: null, differences: [] });
      continue;
    }
    const { differences, counts } = comparePallet(ours, ref);
    pallets.push({ name: ref.name, index: ref.index, nodeIndex: ours.index, scope: ref.scope, status: null, counts, differences });
  }
  const all = [...runtime.differences, ...pallets.flatMap((p) => p.differences)];
  const unusedAllowlist = applyAllowlist(all, allowlist);
  for (const p of pallets) {
    if (p.status === 'missing') continue;
    if (p.differences.length === 0) p.status = 'matching';
    else p.status = p.differences.every((d) => d.allowlisted) ? 'allowlisted' : 'differing';
  }
  const failures = all.filter((d) => !d.allowlisted);
  return {
    ok: failures.length === 0,
    specName: node.specName,
    specVersion: node.specVersion,
    runtime,
    pallets,
    failures: failures.length,
    allowlisted: all.length - failures.length,
    unusedAllowlist,
  };
}
