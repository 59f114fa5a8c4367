// The checker without a node: what it reads from the reference package, how it models a node's
// metadata (polkadot.js' bundled Substrate metadata stands in for a node), the comparison, the
// allowlist and the command line.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

import substrateMetadata from '@polkadot/types-support/metadata/static-substrate';

import { DEFAULT_ALLOWLIST, parseArgs, runCheck, runtimeVersionFromMetadata } from './check.js';
import { applyAllowlist, compareAll, comparePallet, loadAllowlist } from './compare.js';
import { EXTRINSIC_VERSION, SIGNED_EXTENSIONS, SPEC_NAME } from './reference-facts.js';
import { PortableTypes, decodeMetadataV14, nodeModel } from './node-metadata.js';
import { augmentSections, loadReference, lookupPaths, parseConstSection, parseQuerySection } from './reference.js';
import { jsonSummary } from './report.js';
import { payloadToString, typeToString } from './types.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const reference = loadReference();
const substrate = decodeMetadataV14(substrateMetadata);

const byName = (list, name) => list.find((x) => x.name === name);

describe('reference (@threefold/tfchain_client 2.9.2)', () => {
  it('reads the TfgridModule calls with their upstream indices and gaps', () => {
    const tfgrid = reference.pallets.get('TfgridModule');
    assert.equal(tfgrid.index, 25);
    assert.equal(tfgrid.calls.length, 37);
    const indices = new Set(tfgrid.calls.map((c) => c.index));
    for (const unused of [7, 21]) assert.ok(!indices.has(unused), `call index ${unused} is unused upstream`);
    const createFarm = byName(tfgrid.calls, 'create_farm');
    assert.equal(createFarm.index, 1);
    assert.equal(payloadToString(createFarm.payload), '{name:BoundedVec<u8>,publicIps:BoundedVec<{ip:Bytes,gw:Bytes}>}');
    assert.equal(byName(tfgrid.calls, 'report_uptime_v2').index, 38);
  });

  it('knows which call arguments upstream declares as BoundedVec and which as plain Vec', () => {
    const tfgrid = reference.pallets.get('TfgridModule');
    const contracts = reference.pallets.get('SmartContractModule');
    const args = (pallet, call) => payloadToString(byName(pallet.calls, call).payload);
    assert.equal(args(tfgrid, 'create_twin'), '{relay:Option<BoundedVec<u8>>,pk:Option<BoundedVec<u8>>}');
    assert.equal(args(tfgrid, 'set_zos_version'), '{zosVersion:Bytes}');
    assert.equal(args(contracts, 'report_contract_resources'),
      '{contractResources:Vec<{contractId:u64,used:{hru:u64,sru:u64,cru:u64,mru:u64}}>}');
    const createNode = byName(tfgrid.calls, 'create_node').payload.fields;
    assert.equal(byName(createNode, 'interfaces').type.bounded, 'BoundedVec');
    // Inside named types (here LocationInput) the reference does not say.
    assert.equal(byName(createNode, 'location').type.fields[0].type.bounded, undefined);
    // Events, storage and constants do not say either.
    const stored = byName(contracts.events, 'UpdatedUsedResources');
    assert.equal(JSON.stringify(stored).includes('"bounded"'), false);
  });

  it('reads events and errors in declaration order', () => {
    const tfgrid = reference.pallets.get('TfgridModule');
    assert.equal(tfgrid.events.length, 31);
    assert.equal(tfgrid.errors.length, 116);
    assert.deepEqual(tfgrid.errors.at(-1), { index: 115, name: 'InvalidStorageInput', payload: { named: false, fields: [] } });
    assert.deepEqual(tfgrid.errors.map((e) => e.index), [...Array(116).keys()]);
  });

  it('reads storage kinds, keys, query kinds and the hashers the notes give', () => {
    const kv = byName(reference.pallets.get('TFKVStore').storage, 'tfkvStore');
    assert.equal(kv.rustName, 'TFKVStore', 'the storage key hashes the Rust name, which camelCase loses');
    assert.equal(byName(reference.pallets.get('TfgridModule').storage, 'nodeIdByTwinID').rustName, 'NodeIdByTwinID');
    assert.equal(kv.kind, 'doubleMap');
    assert.deepEqual(kv.hashers, ['Blake2_128Concat', 'Blake2_128Concat']);
    assert.deepEqual(kv.keys.map(typeToString), ['[u8;32]', 'Bytes']);
    assert.equal(typeToString(kv.value), 'Bytes');
    const state = byName(reference.pallets.get('SmartContractModule').storage, 'contractPaymentState');
    assert.equal(state.value.kind, 'option', 'ContractPaymentState is an OptionQuery');
    assert.deepEqual(byName(reference.pallets.get('Dao').storage, 'voting').hashers, ['Identity']);
    assert.deepEqual(byName(reference.pallets.get('Validator').storage, 'bonded').hashers, ['Twox64Concat']);
  });

  it('keeps only the client-used items of standard pallets', () => {
    const balances = reference.pallets.get('Balances');
    assert.equal(balances.scope, 'client');
    assert.deepEqual(balances.calls.map((c) => `${c.index}:${c.name}`).sort(),
      ['0:transfer_allow_death', '2:force_transfer', '3:transfer_keep_alive', '7:transfer', '8:force_set_balance']);
    assert.deepEqual(reference.pallets.get('Aura').calls, []);
  });

  it('parses the augment file layouts', () => {
    const sections = augmentSections([
      '    interface AugmentedQueries<ApiType extends ApiTypes> {',
      '        demo: {',
      '            /** docs */',
      '            pairs: AugmentedQuery<ApiType, (arg: ITuple<[u8, u16]> | [u8, u16]) => Observable<Option<ITuple<[u32, u32]>>>, [',
      '                ITuple<[u8, u16]>',
      '            ]> & QueryableStorageEntry<ApiType, [ITuple<[u8, u16]>]>;',
      '            plain: AugmentedQuery<ApiType, () => Observable<u32>, []> & QueryableStorageEntry<ApiType, []>;',
      '            limit: u32 & AugmentedConst<ApiType>;',
      '        };',
    ].join('\n'));
    const demo = sections.get('demo');
    assert.deepEqual(parseQuerySection(demo), [
      { name: 'pairs', value: 'Option<ITuple<[u32, u32]>>', keys: ['ITuple<[u8, u16]>'] },
      { name: 'plain', value: 'u32', keys: [] },
    ]);
    assert.deepEqual(parseConstSection(demo), [{ name: 'limit', type: 'u32' }]);
    const paths = lookupPaths('    /**\n     * Lookup46: pallet_tfgrid::pallet::Event<T>\n     **/\n    PalletTfgridEvent: {\n');
    assert.equal(paths.get('PalletTfgridEvent'), 'pallet_tfgrid::pallet::Event');
  });
});

describe('node model from metadata V14', () => {
  const node = nodeModel(substrate, runtimeVersionFromMetadata(substrate));

  it('reads the runtime version from the System.Version constant', () => {
    assert.equal(node.specName, 'node');
    assert.ok(node.specVersion > 0);
  });

  it('models pallets, calls, storage and signed extensions', () => {
    const balances = node.pallets.get('Balances');
    assert.equal(balances.index, 6);
    assert.equal(byName(balances.calls, 'transfer_keep_alive').index, 3);
    const account = byName(node.pallets.get('System').storage, 'account');
    assert.equal(account.kind, 'map');
    assert.deepEqual(account.hashers, ['Blake2_128Concat']);
    assert.equal(typeToString(account.value),
      '{nonce:u32,consumers:u32,providers:u32,sufficients:u32,data:{free:u128,reserved:u128,frozen:u128,flags:u128}}');
    assert.equal(node.signedExtensions[0], 'CheckNonZeroSender');
  });

  it('matches the reference where Substrate and TFChain agree (System events and storage)', () => {
    const { differences } = comparePallet(node.pallets.get('System'), { ...reference.pallets.get('System'), index: 0 });
    assert.deepEqual(differences, []);
  });
});

describe('comparison and allowlist', () => {
  const node = nodeModel(substrate, { specName: 'substrate-threefold', specVersion: 1 });

  it('reports a missing call, an index change and a type change, one line each', () => {
    const { differences, counts } = comparePallet(node.pallets.get('Balances'), reference.pallets.get('Balances'));
    const ids = differences.map((d) => `${d.id} ${d.what}`);
    assert.ok(ids.includes('Balances/index pallet index'));
    assert.ok(ids.includes('Balances/calls/transfer call missing on node'));
    assert.ok(ids.includes('Balances/calls/transfer_keep_alive arg dest::Index'), ids.join('\n'));
    assert.equal(counts.missing, 1);
  });

  it('reports items a fully compared pallet has beyond the reference', () => {
    const ref = { name: 'X', index: 0, scope: 'full', calls: [], events: [], errors: [], storage: [], constants: [] };
    const ours = { ...ref, errors: [{ index: 0, name: 'Extra', payload: { named: false, fields: [] } }] };
    const { differences, counts } = comparePallet(ours, ref);
    assert.equal(counts.extra, 1);
    assert.equal(differences[0].what, 'error not in reference');
  });

  it('fails on a BoundedVec call argument where upstream has a plain Vec, and passes on the Vec', () => {
    // The node side of `report_contract_resources` and `create_node_contract`, from metadata.
    const types = new PortableTypes([
      [0, [], { primitive: 'U64' }],
      [1, ['tfchain_support', 'resources', 'Resources'], {
        composite: { fields: ['hru', 'sru', 'cru', 'mru'].map((name) => ({ name, type: 0 })) },
      }],
      [2, ['pallet_smart_contract', 'types', 'ContractResources'], {
        composite: { fields: [{ name: 'contract_id', type: 0 }, { name: 'used', type: 1 }] },
      }],
      [3, [], { sequence: { type: 2 } }],
      [4, ['bounded_collections', 'bounded_vec', 'BoundedVec'], { composite: { fields: [{ name: null, type: 3 }] } }],
      [5, [], { primitive: 'U8' }],
      [6, [], { sequence: { type: 5 } }],
      [7, ['bounded_collections', 'bounded_vec', 'BoundedVec'], { composite: { fields: [{ name: null, type: 6 }] } }],
    ].map(([id, path, def]) => ({ id, type: { path, params: [], def, docs: [] } })));
    const ref = reference.pallets.get('SmartContractModule');
    const withArg = (call, arg, id) => ({
      ...ref,
      calls: ref.calls.map((c) => (c.name !== call ? c : {
        ...c,
        payload: { ...c.payload, fields: c.payload.fields.map((f) => (f.name === arg ? { ...f, type: types.resolve(id) } : f)) },
      })),
    });
    const lines = (ours) => comparePallet(ours, ref).differences.map((d) => `${d.id}: ${d.what}: ${d.ours} | ${d.ref}`);

    assert.deepEqual(lines(withArg('report_contract_resources', 'contractResources', 4)), [
      'SmartContractModule/calls/report_contract_resources: arg contractResources: '
        + 'BoundedVec<{contractId:u64,used:{hru:u64,sru:u64,cru:u64,mru:u64}}> | Vec<{contractId:u64,used:{hru:u64,sru:u64,cru:u64,mru:u64}}>',
    ]);
    assert.deepEqual(lines(withArg('report_contract_resources', 'contractResources', 3)), []);
    // Upstream's deployment data is a BoundedVec: the same rule the other way round.
    assert.deepEqual(lines(withArg('create_node_contract', 'deploymentData', 7)), []);
    assert.deepEqual(lines(withArg('create_node_contract', 'deploymentData', 6)), [
      'SmartContractModule/calls/create_node_contract: arg deploymentData: Bytes | BoundedVec<u8>',
    ]);

    // The whole check, on a runtime made of this one pallet.
    const runtime = (pallet) => ({
      specName: SPEC_NAME,
      extrinsicVersion: EXTRINSIC_VERSION,
      signedExtensions: SIGNED_EXTENSIONS.map((e) => e.identifier),
      pallets: new Map([[pallet.name, pallet]]),
    });
    const only = { pallets: new Map([[ref.name, ref]]) };
    const bounded = compareAll(runtime(withArg('report_contract_resources', 'contractResources', 4)), only);
    assert.equal(bounded.ok, false);
    assert.equal(bounded.failures, 1);
    assert.equal(compareAll(runtime(withArg('report_contract_resources', 'contractResources', 3)), only).ok, true);
  });

  it('reports a storage item whose Rust name (and so its key) differs', () => {
    const item = { name: 'tfkvStore', kind: 'plain', hashers: [], keys: [], value: { kind: 'bytes' } };
    const ref = { name: 'X', index: 0, scope: 'full', calls: [], events: [], errors: [], constants: [],
      storage: [{ ...item, rustName: 'TFKVStore' }] };
    const { differences } = comparePallet({ ...ref, storage: [{ ...item, rustName: 'TfkvStore' }] }, ref);
    assert.deepEqual(differences.map((d) => [d.what, d.ours, d.ref]), [['name (hashed into the storage key)', 'TfkvStore', 'TFKVStore']]);
  });

  it('never fails for pallets the node does not have, and fails for other differences', () => {
    const result = compareAll(node, reference, []);
    assert.equal(result.pallets.find((p) => p.name === 'TfgridModule').status, 'missing');
    assert.equal(result.ok, false);
    assert.ok(result.pallets.filter((p) => p.status === 'missing').every((p) => p.differences.length === 0));
  });

  it('applies allowlist entries by id, glob and match text, and returns the unused ones', () => {
    const diffs = [
      { id: 'Balances/calls/transfer', what: 'call missing on node', ours: '—', ref: '7:transfer', allowlisted: null },
      { id: 'System/events/ExtrinsicFailed', what: 'field dispatchError::Trie', ours: 'x', ref: 'y', allowlisted: null },
      { id: 'System/events/ExtrinsicFailed', what: 'field dispatchInfo', ours: 'x', ref: 'y', allowlisted: null },
    ];
    const unused = applyAllowlist(diffs, [
      { id: 'Balances/calls/*', reason: 'removed from polkadot-sdk' },
      { id: 'System/events/ExtrinsicFailed', match: 'dispatchError', reason: 'newer DispatchError' },
      { id: 'Dao/errors/Gone', reason: 'stale' },
    ]);
    assert.deepEqual(diffs.map((d) => d.allowlisted), ['removed from polkadot-sdk', 'newer DispatchError', null]);
    assert.deepEqual(unused.map((e) => e.id), ['Dao/errors/Gone']);
  });

  it('marks a pallet allowlisted when all its differences are', () => {
    const allow = [{ id: 'Balances/*', reason: 'test' }, { id: 'runtime/*', reason: 'test' }, { id: '*/index', reason: 'test' },
      { id: 'Session/*', reason: 'test' }, { id: 'Council/*', reason: 'test' }];
    const result = compareAll(node, reference, allow);
    assert.equal(result.pallets.find((p) => p.name === 'Balances').status, 'allowlisted');
    const summary = jsonSummary(result, { url: 'test' });
    assert.equal(summary.ok, result.ok);
    assert.ok(Array.isArray(summary.pallets[0].differences));
  });

  it('has a well-formed allowlist next to docs/compatibility.md', () => {
    const entries = loadAllowlist(DEFAULT_ALLOWLIST);
    for (const e of entries) assert.match(e.id, /^[A-Za-z*]+\/[\w*/]+$/, `allowlist id ${e.id}`);
  });
});

describe('command line', () => {
  it('parses its options', () => {
    assert.deepEqual(parseArgs([]), { url: 'ws://127.0.0.1:9944', metadata: null, json: null, allowlist: DEFAULT_ALLOWLIST, help: false });
    assert.equal(parseArgs(['--url', 'http://x:1']).url, 'http://x:1');
    assert.throws(() => parseArgs(['--json']), /needs a value/);
    assert.throws(() => parseArgs(['--bogus']), /unknown argument/);
    assert.throws(() => parseArgs(['--url', 'ws://a', '--metadata', 'f']), /either/);
  });

  it('checks saved metadata, prints the report, writes the summary and exits 1 on differences', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'conformance-'));
    try {
      const hexFile = path.join(dir, 'metadata.hex');
      const jsonFile = path.join(dir, 'summary.json');
      fs.writeFileSync(hexFile, substrateMetadata);
      const run = promisify(execFile);
      const err = await run(process.execPath, [path.join(HERE, 'check.js'), '--metadata', hexFile, '--json', jsonFile])
        .then(() => null, (e) => e);
      assert.ok(err, 'the Substrate node metadata does not conform');
      assert.equal(err.code, 1);
      assert.match(err.stdout, /^TfgridModule \(25\): missing/m);
      assert.match(err.stdout, /RESULT: NOT conforming/);
      const summary = JSON.parse(fs.readFileSync(jsonFile, 'utf8'));
      assert.equal(summary.ok, false);
      assert.equal(summary.node.specName, 'node');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('runs in-process on saved metadata', async () => {
    const { result, report } = await runCheck({ metadataHex: substrateMetadata, allowlistFile: null });
    assert.equal(result.ok, false);
    assert.match(report, /runtime\/specName: spec_name: ours node \| reference substrate-threefold/);
  });
});
