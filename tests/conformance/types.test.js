// The structural type model: parsing typegen expressions, the lookup.js encodings, the metadata V14
// registry, and the differences reported between two types.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { PortableTypes } from './node-metadata.js';
import { LookupTypes } from './reference.js';
import { parseTypeExpr, splitTopLevel } from './type-expr.js';
import { diffPayloads, diffTypes, typeToString } from './types.js';

const noNames = (name) => {
  throw new Error(`unexpected name ${name}`);
};
const expr = (text, named = noNames) => typeToString(parseTypeExpr(text, named));

describe('type expressions', () => {
  it('splits at top-level commas only', () => {
    assert.deepEqual(splitTopLevel('u32, Vec<(u8,u16)>, [u8;4]'), ['u32', 'Vec<(u8,u16)>', '[u8;4]']);
    assert.deepEqual(splitTopLevel(''), []);
  });

  it('parses the lookup.js forms', () => {
    assert.equal(expr('Vec<(Bytes,u64)>'), 'Vec<(Bytes,u64)>');
    assert.equal(expr('[u8;32]'), '[u8;32]');
    assert.equal(expr('Option<(u32,u32)>'), 'Option<(u32,u32)>');
    assert.equal(expr('Compact<u128>'), 'Compact<u128>');
    assert.equal(expr('Result<Null, u8>'), 'Result<Null,u8>');
    assert.equal(expr('Vec<u8>'), 'Bytes');
    assert.equal(expr('Text'), 'Text');
    assert.equal(expr('BTreeMap<u32,Bytes>'), 'Vec<(u32,Bytes)>');
  });

  it('parses the TypeScript forms of the augment files', () => {
    assert.equal(expr('ITuple<[u32, u32]>'), '(u32,u32)');
    assert.equal(expr('Vec<ITuple<[AccountId32, u8]>>'), 'Vec<([u8;32],u8)>');
    assert.equal(expr('U8aFixed'), '[u8;?]');
  });

  it('gives the polkadot.js built-ins their structure', () => {
    assert.equal(expr('AccountId32'), '[u8;32]');
    assert.equal(expr('H256'), '[u8;32]');
    assert.equal(expr('Call'), 'Call');
    assert.equal(expr('MultiAddress'), 'enum{Id([u8;32]),Index(Compact<Null>),Raw(Bytes),Address32([u8;32]),Address20([u8;20])}');
  });

  it('resolves other names through the lookup and rejects what it cannot read', () => {
    assert.equal(expr('Vec<Foo>', () => parseTypeExpr('u16', noNames)), 'Vec<u16>');
    assert.throws(() => expr('Vec<Unknown>'), /unexpected name Unknown/);
    assert.throws(() => expr('HashMap<u8,u8>'), /unknown generic type HashMap/);
    assert.throws(() => expr('Vec<u8'), /cannot parse/);
    assert.throws(() => expr('Option<(u8>'), /unbalanced/);
  });
});

describe('lookup.js encodings', () => {
  const defs = {
    Point: { x: 'u32', y: 'Option<u64>' },
    Aliased: { _alias: { hash_: 'hash' }, who: 'AccountId32', hash_: 'H256' },
    Units: { _enum: ['Bytes', 'Kilobytes'] },
    Gapped: { _enum: { Other: 'Bytes', __Unused1: 'Null', __Unused2: 'Null', Seal: '([u8;4],Bytes)', Named: { id: 'u32' } } },
    Key: '[u8;32]',
    Tree: { children: 'Vec<Tree>' },
  };
  const types = new LookupTypes(defs);

  it('reads structs in field order, with aliases resolved', () => {
    assert.equal(typeToString(types.named('Point')), '{x:u32,y:Option<u64>}');
    assert.equal(typeToString(types.named('Aliased')), '{who:[u8;32],hash:[u8;32]}');
  });

  it('numbers enum variants by position, skipping __UnusedN placeholders', () => {
    assert.equal(typeToString(types.named('Units')), 'enum{Bytes,Kilobytes}');
    const gapped = types.named('Gapped');
    assert.deepEqual(gapped.variants.map((v) => [v.index, v.name]), [[0, 'Other'], [3, 'Seal'], [4, 'Named']]);
    assert.equal(typeToString(gapped), 'enum{0:Other(Bytes),3:Seal([u8;4],Bytes),4:Named{id:u32}}');
  });

  it('treats a string definition as the type it names and stops at cycles', () => {
    assert.equal(typeToString(types.named('Key')), '[u8;32]');
    assert.equal(typeToString(types.named('Tree')), '{children:Vec<<recursive Tree>>}');
  });
});

/** A tiny metadata V14 registry (as polkadot.js `toJSON()` gives it). */
function portable(entries) {
  return new PortableTypes(entries.map(([id, path, def]) => ({ id, type: { path, params: [], def, docs: [] } })));
}

describe('metadata V14 registry', () => {
  const types = portable([
    [0, [], { primitive: 'U8' }],
    [1, [], { array: { len: 32, type: 0 } }],
    [2, ['sp_core', 'crypto', 'AccountId32'], { composite: { fields: [{ name: null, type: 1 }] } }],
    [3, [], { sequence: { type: 0 } }],
    [4, ['bounded_collections', 'bounded_vec', 'BoundedVec'], { composite: { fields: [{ name: null, type: 3 }] } }],
    [5, ['Option'], { variant: { variants: [{ name: 'None', index: 0, fields: [] }, { name: 'Some', index: 1, fields: [{ name: null, type: 4 }] }] } }],
    [6, ['tfchain_support', 'types', 'Twin'], {
      composite: {
        fields: [
          { name: 'account_id', type: 2 },
          { name: 'relay', type: 5 },
        ],
      },
    }],
    [7, ['tfchain_runtime', 'RuntimeCall'], { variant: { variants: [] } }],
    [8, [], { sequence: { type: 7 } }],
    [9, [], { primitive: 'U32' }],
    [10, [], { tuple: [9, 4] }],
    [11, [], { sequence: { type: 10 } }],
    [12, ['BTreeMap'], { composite: { fields: [{ name: null, type: 11 }] } }],
    [13, [], { compact: { type: 14 } }],
    [14, [], { tuple: [] }],
  ]);

  it('unwraps newtypes, keeps bounded vectors apart from plain ones, and recognises Option', () => {
    assert.equal(typeToString(types.resolve(2)), '[u8;32]');
    assert.equal(typeToString(types.resolve(3)), 'Bytes');
    assert.equal(typeToString(types.resolve(4)), 'BoundedVec<u8>');
    assert.equal(types.resolve(3).bounded, false);
    assert.equal(types.resolve(4).bounded, 'BoundedVec');
    assert.equal(typeToString(types.resolve(6)), '{accountId:[u8;32],relay:Option<BoundedVec<u8>>}');
  });

  it('keeps the runtime call opaque and maps to the same structure as the reference', () => {
    assert.equal(typeToString(types.resolve(8)), 'Vec<Call>');
    assert.equal(typeToString(types.resolve(12)), 'Vec<(u32,BoundedVec<u8>)>');
    assert.equal(typeToString(types.resolve(13)), 'Compact<Null>');
    const lookup = new LookupTypes({ TfchainSupportTwin: { accountId: 'AccountId32', relay: 'Option<Bytes>' } });
    assert.deepEqual(diffTypes(types.resolve(6), lookup.named('TfchainSupportTwin')), []);
    assert.deepEqual(diffTypes(types.resolve(12), parseTypeExpr('BTreeMap<u32,Bytes>', noNames)), []);
  });

  it('recognises every bounded collection wrapping a sequence, by its type path', () => {
    const wrappers = portable([
      [0, [], { primitive: 'U32' }],
      [1, [], { sequence: { type: 0 } }],
      [2, ['bounded_collections', 'weak_bounded_vec', 'WeakBoundedVec'], { composite: { fields: [{ name: null, type: 1 }] } }],
      [3, [], { tuple: [0, 0] }],
      [4, [], { sequence: { type: 3 } }],
      [5, ['BTreeMap'], { composite: { fields: [{ name: null, type: 4 }] } }],
      [6, ['bounded_collections', 'bounded_btree_map', 'BoundedBTreeMap'], { composite: { fields: [{ name: null, type: 5 }] } }],
      [7, ['pallet_x', 'Name'], { composite: { fields: [{ name: null, type: 2 }] } }],
    ]);
    assert.equal(typeToString(wrappers.resolve(1)), 'Vec<u32>');
    assert.equal(typeToString(wrappers.resolve(2)), 'WeakBoundedVec<u32>');
    assert.equal(typeToString(wrappers.resolve(5)), 'Vec<(u32,u32)>');
    assert.equal(typeToString(wrappers.resolve(6)), 'BoundedBTreeMap<(u32,u32)>');
    assert.equal(typeToString(wrappers.resolve(7)), 'WeakBoundedVec<u32>', 'a newtype around a bounded vector is that vector');
  });

  it('fails on ids the registry does not have', () => {
    assert.throws(() => portable([[0, [], { sequence: { type: 9 } }]]).resolve(0), /unknown type id 9/);
  });
});

describe('differences between types', () => {
  const t = (text) => parseTypeExpr(text, noNames);
  const lookup = new LookupTypes({
    A: { ip: 'Bytes', gw: 'Bytes' },
    B: { gw: 'Bytes', ip: 'Bytes' },
    C: { ip: 'Bytes', gw: 'u32' },
    E1: { _enum: ['Up', 'Down'] },
    E2: { _enum: { Up: 'Null', Down: 'u32' } },
    E3: { _enum: { Up: 'Null', __Unused1: 'Null', Down: 'Null' } },
  });

  it('finds nothing between equal structures', () => {
    assert.deepEqual(diffTypes(t('Vec<(u32,Option<Bytes>)>'), t('Vec<(u32,Option<Vec<u8>>)>')), []);
  });

  it('reports a changed field order or name at the struct, a changed type at the field', () => {
    assert.deepEqual(diffTypes(lookup.named('A'), lookup.named('B')), [
      { path: '', ours: '{ip:Bytes,gw:Bytes}', ref: '{gw:Bytes,ip:Bytes}' },
    ]);
    assert.deepEqual(diffTypes(t('Vec<u8>'), t('Bytes')), []);
    const [d] = diffTypes(lookup.named('A'), lookup.named('C'));
    assert.deepEqual(d, { path: '.gw', ours: 'Bytes', ref: 'u32' });
  });

  it('reports enum variants by index: data, names and gaps', () => {
    assert.deepEqual(diffTypes(lookup.named('E1'), lookup.named('E2')), [
      { path: '::Down', ours: '(no fields)', ref: '(u32)' },
    ]);
    const lines = diffTypes(lookup.named('E1'), lookup.named('E3')).map((d) => `${d.path} ${d.ours} | ${d.ref}`);
    assert.deepEqual(lines, ['::Down 1:Down | (no variant 1)', '::Down (no variant 2) | 2:Down']);
  });

  it('reports integer widths, compact wrappers whole, and lets an unknown array length match', () => {
    assert.deepEqual(diffTypes(t('u32'), t('u64')), [{ path: '', ours: 'u32', ref: 'u64' }]);
    assert.deepEqual(diffTypes(t('Compact<u32>'), t('Compact<u64>')), [{ path: '', ours: 'Compact<u32>', ref: 'Compact<u64>' }]);
    assert.deepEqual(diffTypes(t('[u8;32]'), t('U8aFixed')), []);
    assert.equal(diffTypes(t('[u8;32]'), t('[u8;4]')).length, 1);
  });

  it('tells a bounded collection from a plain sequence where both sides know which it is', () => {
    const node = portable([
      [0, [], { primitive: 'U8' }],
      [1, [], { sequence: { type: 0 } }],
      [2, ['bounded_collections', 'bounded_vec', 'BoundedVec'], { composite: { fields: [{ name: null, type: 1 }] } }],
      [3, [], { primitive: 'U64' }],
      [4, [], { sequence: { type: 3 } }],
      [5, ['bounded_collections', 'bounded_vec', 'BoundedVec'], { composite: { fields: [{ name: null, type: 4 }] } }],
    ]);
    const plain = (text) => parseTypeExpr(text, noNames, false);
    const bounded = (text) => parseTypeExpr(text, noNames, 'BoundedVec');
    assert.deepEqual(diffTypes(node.resolve(2), plain('Bytes')), [{ path: '', ours: 'BoundedVec<u8>', ref: 'Bytes' }]);
    assert.deepEqual(diffTypes(node.resolve(5), plain('Vec<u64>')), [{ path: '', ours: 'BoundedVec<u64>', ref: 'Vec<u64>' }]);
    assert.deepEqual(diffTypes(node.resolve(1), bounded('Bytes')), [{ path: '', ours: 'Bytes', ref: 'BoundedVec<u8>' }]);
    assert.deepEqual(diffTypes(node.resolve(1), plain('Vec<u8>')), []);
    assert.deepEqual(diffTypes(node.resolve(4), plain('Vec<u64>')), []);
    assert.deepEqual(diffTypes(node.resolve(5), bounded('Vec<u64>')), []);
    // Where the reference does not say (no `bounded`), either kind matches.
    assert.deepEqual(diffTypes(node.resolve(2), t('Bytes')), []);
    assert.deepEqual(diffTypes(node.resolve(1), t('Bytes')), []);
  });

  it('marks only the sequences an expression writes itself, not those of the names it uses', () => {
    const named = (name) => {
      if (name !== 'Inner') throw new Error(`unexpected name ${name}`);
      return parseTypeExpr('Vec<Bytes>', noNames);
    };
    const type = parseTypeExpr('Option<Vec<(Bytes,Inner)>>', named, false);
    assert.equal(type.of.bounded, false);
    assert.equal(type.of.of.items[0].bounded, false);
    assert.equal(type.of.of.items[1].bounded, undefined);
    assert.equal(typeToString(parseTypeExpr('Option<Bytes>', noNames, 'BoundedVec')), 'Option<BoundedVec<u8>>');
  });

  it('compares payloads by count, naming and field', () => {
    const named = (fields) => ({ named: true, fields: fields.map(([name, type]) => ({ name, type: t(type) })) });
    const unnamed = (types) => ({ named: false, fields: types.map((type) => ({ name: null, type: t(type) })) });
    assert.deepEqual(diffPayloads(named([['a', 'u32']]), named([['a', 'u32']])), []);
    assert.deepEqual(diffPayloads(named([['a', 'u32']]), named([['b', 'u32']])), [{ path: '', ours: '{a:u32}', ref: '{b:u32}' }]);
    assert.deepEqual(diffPayloads(named([['a', 'u32']]), unnamed(['u32'])), [{ path: '', ours: '{a:u32}', ref: '(u32)' }]);
    assert.deepEqual(diffPayloads(unnamed(['u32', 'u8']), unnamed(['u32', 'u16'])), [{ path: '.1', ours: 'u8', ref: 'u16' }]);
  });
});
