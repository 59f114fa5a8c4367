// The structural type model both sides are normalised into, its one-line rendering, and the
// comparison that names every place where two types differ.
//
// A type is a plain object with a `kind`:
//   prim     { name }            u8…u256, i8…i256, bool, char, Text
//   bytes    { bounded? }        Vec<u8> (and every newtype wrapper of it)
//   seq      { of, bounded? }    Vec<T>
//   array    { len, of }         [T; N]; len is null when the reference does not say (U8aFixed)
//   tuple    { items }           (A, B, …); no items is the unit type, rendered Null
//   compact  { of }              Compact<T>
//   option   { of }              Option<T>
//   result   { ok, err }         Result<T, E>
//   struct   { fields }          fields: [{ name, type }], names camelCased as polkadot.js does
//   enum     { variants }        variants: [{ index, name, payload }] in index order
//   call     {}                  the runtime's outer call enum (not expanded)
//   event    {}                  the runtime's outer event enum (not expanded)
//   bitseq   {}                  BitVec
//   cycle    { name }            a type met again while it was being expanded
//
// `bounded` says whether a sequence is a plain one (false) or a bounded collection (the name of
// the wrapper: 'BoundedVec', 'WeakBoundedVec', 'BoundedBTreeMap', 'BoundedBTreeSet'). Both encode
// alike, but metadata-driven clients see a composite with the wrapper's type path instead of a
// plain sequence, so two sides that both know it must agree. It is absent where a side does not
// know it: the reference knows it only for call arguments (see reference-facts.js).
//
// A payload (the data of an enum variant, a call's arguments, an event's fields) is
// { named, fields: [{ name, type }] }; unnamed fields have name null. A lone unnamed tuple is
// spread into its items, because polkadot.js prints `Foo(A, B)` and `Foo((A, B))` alike and both
// encode the same bytes.

export const prim = (name) => ({ kind: 'prim', name });
export const BYTES = Object.freeze({ kind: 'bytes' });
export const NULL = Object.freeze({ kind: 'tuple', items: [] });
export const CALL = Object.freeze({ kind: 'call' });
export const EVENT = Object.freeze({ kind: 'event' });
/** `Vec<of>` (`Bytes` for u8); `bounded` (false or a wrapper name) when the side knows it. */
export function seq(of, bounded) {
  if (bounded === undefined) return of.kind === 'prim' && of.name === 'u8' ? BYTES : { kind: 'seq', of };
  return of.kind === 'prim' && of.name === 'u8' ? { kind: 'bytes', bounded } : { kind: 'seq', of, bounded };
}
/** The collection names that wrap a sequence and that clients see by their own type path. */
export const BOUNDED_WRAPPERS = Object.freeze(['BoundedVec', 'WeakBoundedVec', 'BoundedBTreeMap', 'BoundedBTreeSet']);
/** A sequence or byte vector `t` as the bounded collection `wrapper`. */
export const boundedAs = (t, wrapper) => ({ ...t, bounded: wrapper });
export const array = (len, of) => ({ kind: 'array', len, of });
export const tuple = (items) => (items.length === 1 ? items[0] : { kind: 'tuple', items });
export const compact = (of) => ({ kind: 'compact', of });
export const option = (of) => ({ kind: 'option', of });
export const result = (ok, err) => ({ kind: 'result', ok, err });
export const struct = (fields) => ({ kind: 'struct', fields });
export const cycle = (name) => ({ kind: 'cycle', name });

/**
 * An enum from its variants, recognising the shapes of Option and Result by their variants (so a
 * node-side `Option` and the reference's `Option<T>` meet, whatever their type paths say).
 */
export function enumOf(variants) {
  const sorted = [...variants].sort((a, b) => a.index - b.index);
  const unnamedOne = (v) => !v.payload.named && v.payload.fields.length === 1;
  if (sorted.length === 2 && sorted[0].index === 0 && sorted[1].index === 1) {
    const [a, b] = sorted;
    if (a.name === 'None' && a.payload.fields.length === 0 && b.name === 'Some' && unnamedOne(b)) {
      return option(b.payload.fields[0].type);
    }
    // `Ok(())` has no fields once its empty tuple is flattened: that is `Result<Null, E>`.
    const okEmpty = a.payload.fields.length === 0;
    if (a.name === 'Ok' && (unnamedOne(a) || okEmpty) && b.name === 'Err' && unnamedOne(b)) {
      return result(okEmpty ? NULL : a.payload.fields[0].type, b.payload.fields[0].type);
    }
  }
  return { kind: 'enum', variants: sorted };
}

/** A payload from fields [{ name, type }]; all named or all unnamed (name null). */
export function payload(fields) {
  if (fields.length === 0) return { named: false, fields: [] };
  const named = fields.every((f) => f.name !== null && f.name !== undefined && f.name !== '');
  if (!named && fields.length === 1 && fields[0].type.kind === 'tuple') {
    return { named: false, fields: fields[0].type.items.map((type) => ({ name: null, type })) };
  }
  return { named, fields: fields.map((f) => ({ name: named ? f.name : null, type: f.type })) };
}

/** A struct from named fields, or a tuple / the inner type from unnamed ones (newtypes vanish). */
export function composite(fields) {
  if (fields.length === 0) return NULL;
  const named = fields.every((f) => f.name !== null && f.name !== undefined && f.name !== '');
  if (named) return struct(fields.map((f) => ({ name: f.name, type: f.type })));
  return tuple(fields.map((f) => f.type));
}

/** The one-line rendering of a type. */
export function typeToString(t) {
  switch (t.kind) {
    case 'prim':
      return t.name;
    case 'bytes':
      return t.bounded ? `${t.bounded}<u8>` : 'Bytes';
    case 'seq':
      return `${t.bounded || 'Vec'}<${typeToString(t.of)}>`;
    case 'array':
      return `[${typeToString(t.of)};${t.len === null ? '?' : t.len}]`;
    case 'tuple':
      return t.items.length === 0 ? 'Null' : `(${t.items.map(typeToString).join(',')})`;
    case 'compact':
      return `Compact<${typeToString(t.of)}>`;
    case 'option':
      return `Option<${typeToString(t.of)}>`;
    case 'result':
      return `Result<${typeToString(t.ok)},${typeToString(t.err)}>`;
    case 'struct':
      return `{${t.fields.map((f) => `${f.name}:${typeToString(f.type)}`).join(',')}}`;
    case 'enum': {
      const dense = t.variants.every((v, i) => v.index === i);
      const parts = t.variants.map((v) => `${dense ? '' : `${v.index}:`}${v.name}${payloadToString(v.payload)}`);
      return `enum{${parts.join(',')}}`;
    }
    case 'call':
      return 'Call';
    case 'event':
      return 'Event';
    case 'bitseq':
      return 'BitVec';
    case 'cycle':
      return `<recursive ${t.name}>`;
    default:
      throw new Error(`unknown type kind ${t.kind}`);
  }
}

/** The rendering of a payload: '' when empty, `(A,B)` when unnamed, `{a:A}` when named. */
export function payloadToString(p) {
  if (p.fields.length === 0) return '';
  if (p.named) return `{${p.fields.map((f) => `${f.name}:${typeToString(f.type)}`).join(',')}}`;
  return `(${p.fields.map((f) => typeToString(f.type)).join(',')})`;
}

/**
 * Every place where `ours` differs from `ref`, as [{ path, ours, ref }] with one-line renderings of
 * the two sides at that place. `path` is '' at the top, then `.field`, `[]` (element), `?` (Some),
 * `::Variant` (the data of a variant; `.0`, `.1` when it has several unnamed fields), `.0` (tuple
 * item). Compact types are reported whole. An array of unknown length in the reference matches an
 * array of any length. A bounded collection differs from a plain sequence (and from another
 * wrapper) where both sides know which it is.
 */
export function diffTypes(ours, ref, path = '') {
  const here = () => [{ path, ours: typeToString(ours), ref: typeToString(ref) }];
  if (ours.kind !== ref.kind) return here();
  switch (ours.kind) {
    case 'prim':
      return ours.name === ref.name ? [] : here();
    case 'bytes':
      return boundsDiffer(ours, ref) ? here() : [];
    case 'call':
    case 'event':
    case 'bitseq':
      return [];
    case 'cycle':
      return ours.name === ref.name ? [] : here();
    case 'seq':
      return [...(boundsDiffer(ours, ref) ? here() : []), ...diffTypes(ours.of, ref.of, `${path}[]`)];
    case 'array':
      if (ref.len !== null && ours.len !== null && ours.len !== ref.len) return here();
      return diffTypes(ours.of, ref.of, `${path}[]`);
    case 'compact':
      return diffTypes(ours.of, ref.of, path).length ? here() : [];
    case 'option':
      return diffTypes(ours.of, ref.of, `${path}?`);
    case 'result':
      return [...diffTypes(ours.ok, ref.ok, `${path}::Ok`), ...diffTypes(ours.err, ref.err, `${path}::Err`)];
    case 'tuple':
      if (ours.items.length !== ref.items.length) return here();
      return ours.items.flatMap((item, i) => diffTypes(item, ref.items[i], `${path}.${i}`));
    case 'struct': {
      const a = ours.fields.map((f) => f.name).join(',');
      const b = ref.fields.map((f) => f.name).join(',');
      if (a !== b) return here();
      return ours.fields.flatMap((f, i) => diffTypes(f.type, ref.fields[i].type, `${path}.${f.name}`));
    }
    case 'enum':
      return diffVariants(ours.variants, ref.variants, path);
    default:
      throw new Error(`unknown type kind ${ours.kind}`);
  }
}

/** Whether both sequences say whether they are bounded, and say differently. */
function boundsDiffer(ours, ref) {
  if (ours.bounded === undefined || ref.bounded === undefined) return false;
  return (ours.bounded || false) !== (ref.bounded || false);
}

function diffVariants(ours, ref, path) {
  const out = [];
  const byIndex = (list) => new Map(list.map((v) => [v.index, v]));
  const a = byIndex(ours);
  const b = byIndex(ref);
  const indices = [...new Set([...a.keys(), ...b.keys()])].sort((x, y) => x - y);
  for (const index of indices) {
    const va = a.get(index);
    const vb = b.get(index);
    const label = (v) => `${index}:${v.name}${payloadToString(v.payload)}`;
    if (!va) out.push({ path: `${path}::${vb.name}`, ours: `(no variant ${index})`, ref: label(vb) });
    else if (!vb) out.push({ path: `${path}::${va.name}`, ours: label(va), ref: `(no variant ${index})` });
    else if (va.name !== vb.name) out.push({ path: `${path}::${index}`, ours: label(va), ref: label(vb) });
    else out.push(...diffPayloads(va.payload, vb.payload, `${path}::${va.name}`));
  }
  return out;
}

/** Every place where two payloads differ (field count, names, order, types). */
export function diffPayloads(ours, ref, path = '') {
  const names = (p) => p.fields.map((f) => f.name ?? '_').join(',');
  if (ours.fields.length !== ref.fields.length || ours.named !== ref.named || names(ours) !== names(ref)) {
    return [{ path, ours: payloadToString(ours) || '(no fields)', ref: payloadToString(ref) || '(no fields)' }];
  }
  return ours.fields.flatMap((f, i) => {
    const label = ours.named ? `.${f.name}` : ours.fields.length > 1 ? `.${i}` : '';
    return diffTypes(f.type, ref.fields[i].type, `${path}${label}`);
  });
}
