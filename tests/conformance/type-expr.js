// Parsing the type expressions that @polkadot/typegen writes: the strings of lookup.js
// ("Vec<(Bytes,u64)>", "[u8;32]", "Option<TfchainSupportIp6>") and the TypeScript types of the
// augment-api-*.d.ts files ("ITuple<[u32, u32]>", "U8aFixed").
import { prim, seq } from './types.js';

/**
 * Types polkadot.js knows by name, as structure. `named(name)` resolves every other name;
 * `bounded` marks `Bytes` (see parseTypeExpr).
 */
function builtin(name, named, bounded) {
  switch (name) {
    case 'u8': case 'u16': case 'u32': case 'u64': case 'u128': case 'u256':
    case 'i8': case 'i16': case 'i32': case 'i64': case 'i128': case 'i256':
    case 'bool': case 'char':
      return { kind: 'prim', name };
    case 'Text': case 'Str': case 'String':
      return { kind: 'prim', name: 'Text' };
    case 'Bytes':
      return seq(prim('u8'), bounded);
    case 'Null':
      return { kind: 'tuple', items: [] };
    case 'AccountId32': case 'AccountId': case 'H256': case 'Hash':
      return { kind: 'array', len: 32, of: { kind: 'prim', name: 'u8' } };
    case 'H160':
      return { kind: 'array', len: 20, of: { kind: 'prim', name: 'u8' } };
    case 'H512':
      return { kind: 'array', len: 64, of: { kind: 'prim', name: 'u8' } };
    case 'U8aFixed':
      return { kind: 'array', len: null, of: { kind: 'prim', name: 'u8' } };
    case 'Call':
      return { kind: 'call' };
    case 'Event':
      return { kind: 'event' };
    case 'BitVec':
      return { kind: 'bitseq' };
    case 'MultiAddress':
      // sp_runtime::MultiAddress<AccountId32, ()>, the runtime's `Address`.
      return multiAddress();
    default:
      return named(name);
  }
}

function multiAddress() {
  const u8 = { kind: 'prim', name: 'u8' };
  const one = (type) => ({ named: false, fields: [{ name: null, type }] });
  return {
    kind: 'enum',
    variants: [
      { index: 0, name: 'Id', payload: one({ kind: 'array', len: 32, of: u8 }) },
      { index: 1, name: 'Index', payload: one({ kind: 'compact', of: { kind: 'tuple', items: [] } }) },
      { index: 2, name: 'Raw', payload: one({ kind: 'bytes' }) },
      { index: 3, name: 'Address32', payload: one({ kind: 'array', len: 32, of: u8 }) },
      { index: 4, name: 'Address20', payload: one({ kind: 'array', len: 20, of: u8 }) },
    ],
  };
}

/** Splits "A<B,C>,D" at the commas that are not inside <>, (), []. */
export function splitTopLevel(text, separator = ',') {
  const parts = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (c === '<' || c === '(' || c === '[') depth += 1;
    else if (c === '>' || c === ')' || c === ']') depth -= 1;
    else if (c === separator && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  if (depth !== 0) throw new Error(`unbalanced brackets in type expression "${text}"`);
  const last = text.slice(start);
  if (last.trim() !== '' || parts.length > 0) parts.push(last);
  return parts.map((p) => p.trim());
}

/**
 * Parses one type expression into the structural model of types.js. `named(name)` must return
 * the structure of a name that is not a built-in (a lookup.js entry), or throw. `bounded`, when
 * given (false, or a wrapper name such as 'BoundedVec'), is set on every sequence the expression
 * itself writes (`Vec<…>`, `Bytes`, `BTreeMap<…>`), not on those inside the named types it uses.
 */
export function parseTypeExpr(text, named, bounded) {
  const parse = (x) => parseTypeExpr(x, named, bounded);
  const s = text.trim();
  if (s === '') throw new Error('empty type expression');
  if (s.startsWith('(') && s.endsWith(')')) {
    const items = splitTopLevel(s.slice(1, -1)).map(parse);
    return items.length === 1 ? items[0] : { kind: 'tuple', items };
  }
  if (s.startsWith('[') && s.endsWith(']')) {
    const inner = s.slice(1, -1);
    const parts = splitTopLevel(inner, ';');
    if (parts.length === 2) {
      const of = parse(parts[0]);
      return { kind: 'array', len: Number.parseInt(parts[1], 10), of };
    }
    // A TypeScript tuple inside ITuple<[A, B]>.
    const items = splitTopLevel(inner).map(parse);
    return items.length === 1 ? items[0] : { kind: 'tuple', items };
  }
  const generic = /^([A-Za-z_][A-Za-z0-9_]*)\s*<(.*)>$/s.exec(s);
  if (generic) {
    const [, name, inner] = generic;
    const args = splitTopLevel(inner).map(parse);
    const one = () => {
      if (args.length !== 1) throw new Error(`${name} takes one type argument in "${s}"`);
      return args[0];
    };
    switch (name) {
      case 'Vec': case 'BTreeSet': case 'BoundedVec': case 'WeakBoundedVec':
        return seq(args[0], bounded);
      case 'BTreeMap':
        return seq({ kind: 'tuple', items: [args[0], args[1]] }, bounded);
      case 'Option':
        return { kind: 'option', of: one() };
      case 'Compact':
        return { kind: 'compact', of: one() };
      case 'Box':
        return one();
      case 'Result':
        return { kind: 'result', ok: args[0], err: args[1] };
      case 'ITuple':
        return one();
      default:
        throw new Error(`unknown generic type ${name} in "${s}"`);
    }
  }
  if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(s)) return builtin(s, named, bounded);
  throw new Error(`cannot parse type expression "${s}"`);
}
