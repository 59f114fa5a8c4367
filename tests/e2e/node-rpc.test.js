// The node's JSON-RPC methods beyond the state and author ones: GRANDPA's (light clients and bridges
// read finality from them), `sync_state_genSyncSpec` (`subxt chain-spec`, smoldot checkpoints), the
// `archive_v1_*` methods of the new JSON-RPC spec on an archive node, and the chain properties.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';

import { TypeRegistry } from '@polkadot/types';
import WebSocket from 'ws';

import { blockHashAt, finalizedHead, waitForFinalized } from '../lib/chain.js';
import { Fixture, nodeSuite, printNodeLogsOnFailure } from '../lib/harness.js';

/** Alice's ed25519 GRANDPA key (`//Alice`), the dev chain's one authority. */
const ALICE_GRANDPA_KEY = '0x88dc3417d5058ec4b4503e0c12ea1a0a89be200fe98922423d4334014fa6b0ee';

/** The first `count` notifications of a subscription opened over a raw WebSocket. */
async function firstNotifications(node, method, params, count, { timeoutMs = 120_000 } = {}) {
  const ws = new WebSocket(node.wsUrl);
  const received = [];
  try {
    return await new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${method}: ${received.length} of ${count} notifications within ${timeoutMs / 1000} s`)),
        timeoutMs,
      );
      ws.on('error', reject);
      ws.on('open', () => ws.send(JSON.stringify({ id: 1, jsonrpc: '2.0', method, params })));
      ws.on('message', (data) => {
        const message = JSON.parse(data.toString());
        if (message.id === 1 && message.error) reject(new Error(`${method}: ${JSON.stringify(message.error)}`));
        if (message.params?.result === undefined) return;
        received.push(message.params.result);
        if (received.length === count) {
          clearTimeout(timer);
          resolve(received);
        }
      });
    });
  } finally {
    ws.close();
  }
}

/** The node's RPC method names. */
async function methodNames(node) {
  return (await node.rpc('rpc_methods')).methods;
}

nodeSuite('node JSON-RPC: grandpa, sync_state, archive, properties', { timeout: 15 * 60_000 }, () => {
  const fx = new Fixture();
  let node;
  let api;

  printNodeLogsOnFailure(() => fx.nodes);

  before(async () => {
    await fx.init();
    // An archive node (state and bodies of every block kept): the one kind that serves archive_v1_*.
    ({ node, api } = await fx.startDevNode({ name: 'rpc-archive', extraArgs: ['--state-pruning', 'archive'] }));
    await waitForFinalized(node, 2, { timeoutMs: 120_000 });
  }, { timeout: 240_000 });

  after(() => fx.close(), { timeout: 60_000 });

  it('serves grandpa_roundState with the dev authority set', async () => {
    const state = await node.rpc('grandpa_roundState');
    assert.equal(state.setId, 0, 'the genesis authority set');
    assert.equal(state.best.totalWeight, 1, "Alice's weight is the set's total");
    assert.equal(state.best.thresholdWeight, 1);
    assert.ok(state.best.round >= 1, `a voting round is running (round ${state.best.round})`);
  });

  it('streams GRANDPA justifications of finalized blocks (grandpa_subscribeJustifications)', async () => {
    const [first, second] = await firstNotifications(node, 'grandpa_subscribeJustifications', [], 2);
    for (const justification of [first, second]) {
      assert.match(justification, /^0x[0-9a-f]+$/, 'a SCALE-encoded justification');
    }
    const decoded = api.registry.createType('GrandpaJustification', second);
    const number = decoded.commit.targetNumber.toNumber();
    assert.equal(
      decoded.commit.targetHash.toHex(),
      await blockHashAt(node, number),
      `the justification commits to the canonical block #${number}`,
    );
  });

  it('answers grandpa_proveFinality as polkadot-sdk does before any authority set change', async () => {
    // Proofs cover the blocks of ended authority sets (see validators.test.js, where a set changes); a
    // dev chain has only its genesis set, and a block beyond the finalized head has no proof at all.
    const finalized = await finalizedHead(node);
    await assert.rejects(node.rpc('grandpa_proveFinality', [1]), /not covered by authority set changes/);
    await assert.rejects(node.rpc('grandpa_proveFinality', [finalized.number + 1000]), /not yet finalized|finalized/i);
  });

  it('generates the sync spec with a light-client checkpoint (sync_state_genSyncSpec)', async () => {
    const finalizedBefore = await finalizedHead(node);
    const spec = await node.rpc('sync_state_genSyncSpec', [true]);
    assert.equal(spec.id, 'dev');
    assert.equal(spec.properties.ss58Format, 42);
    assert.ok(Object.keys(spec.genesis.raw.top).length > 10, 'the raw genesis storage is included');

    const { finalizedBlockHeader, grandpaAuthoritySet } = spec.lightSyncState;
    const registry = new TypeRegistry();
    const header = registry.createType('Header', finalizedBlockHeader);
    assert.ok(
      header.number.toNumber() >= finalizedBefore.number,
      `the checkpoint (#${header.number}) is at least the finalized head when asked (#${finalizedBefore.number})`,
    );
    assert.equal(header.hash.toHex(), await blockHashAt(node, header.number.toNumber()), 'a canonical block');
    // AuthoritySet starts with Vec<(AuthorityId, u64)>: here one entry (1 + 32 + 8 bytes), Alice's
    // GRANDPA key with weight 1.
    const authorities = registry.createType('Vec<([u8; 32], u64)>', grandpaAuthoritySet.slice(0, 2 + 2 * 41));
    assert.equal(authorities.length, 1, 'one GRANDPA authority on the dev chain');
    assert.equal(authorities[0][0].toHex(), ALICE_GRANDPA_KEY);
    assert.equal(authorities[0][1].toNumber(), 1);

    const plain = await node.rpc('sync_state_genSyncSpec', [false]);
    assert.equal(plain.genesis.raw, undefined, 'raw=false: no raw genesis storage');
    assert.ok(plain.lightSyncState.finalizedBlockHeader, 'the checkpoint is there too');
  });

  it('serves archive_v1_* on an archive node, agreeing with the legacy methods', async () => {
    const names = await methodNames(node);
    for (const method of ['archive_v1_genesisHash', 'archive_v1_hashByHeight', 'archive_v1_header', 'archive_v1_body', 'archive_v1_storage', 'archive_v1_call', 'archive_v1_finalizedHeight']) {
      assert.ok(names.includes(method), `${method} is served`);
    }
    assert.equal(await node.rpc('archive_v1_genesisHash'), await blockHashAt(node, 0));
    const [hashOfOne] = await node.rpc('archive_v1_hashByHeight', [1]);
    assert.equal(hashOfOne, await blockHashAt(node, 1));
    const header = api.registry.createType('Header', await node.rpc('archive_v1_header', [hashOfOne]));
    assert.equal(header.number.toNumber(), 1);
    const finalizedHeight = await node.rpc('archive_v1_finalizedHeight');
    assert.ok(finalizedHeight >= 2, `finalized height ${finalizedHeight}`);
  });

  it('serves archive_v1_* only on archive nodes', async () => {
    const { node: pruned } = await fx.startDevNode({ name: 'rpc-pruned', firstBlock: 0 });
    const names = await methodNames(pruned);
    assert.ok(!names.some((name) => name.startsWith('archive_v1_')), 'a pruning node does not offer archive_v1_*');
    assert.ok(names.includes('grandpa_roundState') && names.includes('sync_state_genSyncSpec'));
    await pruned.stop();
  });

  it('declares ss58Format 42 in the chain properties', async () => {
    const properties = await node.rpc('system_properties');
    assert.deepEqual(properties, { ss58Format: 42, tokenDecimals: 7, tokenSymbol: 'TFT' });
  });
});
