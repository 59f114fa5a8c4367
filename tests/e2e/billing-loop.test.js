// Billing without offchain workers (issue 14): a local network of three validators (Alice, Bob and
// Charlie, on a `local` spec whose genesis has all three) none of which runs an offchain worker bills
// every contract in every cycle, in the contract's due block (`block % BillingFrequency == id %
// BillingFrequency`), once, in the block's initialization, with no billing transaction sent by anyone.
// The exact amounts of bills are checked by contracts.test.js (a dev node without offchain workers).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { after, before, it } from 'node:test';

import { Keyring } from '@polkadot/keyring';

import { makeKeyring } from '../lib/accounts.js';
import { connectApi, peerCount, waitFor, waitForFinalized } from '../lib/chain.js';
import { findBinary } from '../lib/binary.js';
import { TERMS_AND_CONDITIONS } from '../lib/flood.js';
import { contractIdOf, isContractEvent } from '../lib/contracts.js';
import { Fixture, nodeSuite, printNodeLogsOnFailure, withNodeLogsOnError } from '../lib/harness.js';
import { localValidator } from '../lib/networks.js';
import { describeDispatchError, sendAndFinalize } from '../lib/tx.js';

const run = promisify(execFile);

/** Billing cycles watched after the contracts exist. */
const CYCLES = 3;
/** Name contracts Alice registers: one per bucket of the local chain's frequency (5). */
const CONTRACTS = 5;

/** The `local` spec with Charlie as a third genesis validator (session keys from `//Charlie`). */
async function threeValidatorSpec(root) {
  const { stdout } = await run(findBinary(), ['build-spec', '--chain', 'local'], { maxBuffer: 64 * 1024 * 1024 });
  const spec = JSON.parse(stdout);
  const patch = spec.genesis.runtimeGenesis.patch;
  const sr = new Keyring({ type: 'sr25519', ss58Format: 42 }).addFromUri('//Charlie').address;
  const ed = new Keyring({ type: 'ed25519', ss58Format: 42 }).addFromUri('//Charlie').address;
  patch.session.keys.push([sr, sr, { aura: sr, grandpa: ed }]);
  patch.validatorSet.initialValidators.push(sr);
  const file = path.join(root, 'three-validators.json');
  fs.writeFileSync(file, JSON.stringify(spec));
  return file;
}

nodeSuite('billing on a 3-validator network without offchain workers', { timeout: 20 * 60_000 }, () => {
  const fx = new Fixture();
  let nodes;
  let api;
  let ids;
  let frequency;
  let createdAt;

  printNodeLogsOnFailure(() => fx.nodes);

  before(async () => {
    await fx.init();
    const chain = await threeValidatorSpec(fx.root);
    const extraArgs = ['--offchain-worker', 'never'];
    const alice = fx.track(await localValidator({ root: fx.root, who: 'alice', chain, extraArgs }));
    const bob = fx.track(await localValidator({ root: fx.root, who: 'bob', chain, extraArgs, bootnode: alice }));
    const charlie = fx.track(await localValidator({ root: fx.root, who: 'charlie', chain, extraArgs, bootnode: alice }));
    nodes = [alice, bob, charlie];
    await withNodeLogsOnError(() => fx.nodes, 'network setup failed', async () => {
      for (const node of nodes) await node.start();
      for (const node of nodes) {
        await waitFor(`${node.name} to have two peers`, async () => (await peerCount(node)) >= 2, { node, timeoutMs: 120_000 });
      }
      api = fx.trackApi(await connectApi(alice));
    });
  }, { timeout: 300_000 });

  after(() => fx.close(), { timeout: 60_000 });

  it('runs three genesis validators that finalize together', { timeout: 240_000 }, async () => {
    const validators = (await api.query.session.validators()).map((v) => v.toString());
    assert.equal(validators.length, 3, `three validators: ${validators}`);
    for (const node of nodes) await waitForFinalized(node, 3, { timeoutMs: 180_000 });
  });

  it('registers a twin and a name contract in each billing bucket', { timeout: 240_000 }, async () => {
    const keyring = await makeKeyring();
    const alice = keyring.addFromUri('//Alice');
    frequency = (await api.query.smartContractModule.billingFrequency()).toNumber();
    assert.equal(frequency, CONTRACTS, 'one contract per bucket');
    const calls = [
      api.tx.tfgridModule.userAcceptTc(TERMS_AND_CONDITIONS.link, TERMS_AND_CONDITIONS.hash),
      api.tx.tfgridModule.createTwin('relay.example', null),
      ...Array.from({ length: CONTRACTS }, (_, k) => api.tx.smartContractModule.createNameContract(`loop${k}`)),
    ];
    const tx = api.tx.utility.batchAll(calls);
    await tx.signAsync(alice, { nonce: -1 });
    const result = await sendAndFinalize(tx, { what: 'twin and name contracts' });
    assert.equal(result.dispatchError, undefined,
      `the batch succeeds${result.dispatchError ? `: ${describeDispatchError(api, result.dispatchError).text}` : ''}`);
    ids = result.events
      .filter(({ event }) => isContractEvent('ContractCreated')(event))
      .map(({ event }) => contractIdOf(event));
    assert.equal(ids.length, CONTRACTS);
    createdAt = (await api.rpc.chain.getHeader(result.blockHash)).number.toNumber();
    assert.deepEqual(ids.map((id) => id % frequency).sort(), [0, 1, 2, 3, 4], 'one contract per bucket');
  });

  it(`bills every contract in its due block of each of ${CYCLES} cycles, once, with no transaction`,
    { timeout: 600_000 }, async (t) => {
      assert.ok(ids, 'the contracts exist');
      const alice = nodes[0];
      // From a block whose parent comes after the creation (a bill covers the time up to the parent).
      const from = Math.max((await api.rpc.chain.getHeader()).number.toNumber() + 1, createdAt + 2);
      const to = from + CYCLES * frequency - 1;
      await waitForFinalized(alice, to, { timeoutMs: 480_000 });
      const billedAt = new Map(ids.map((id) => [id, []]));
      let billingTransactions = 0;
      for (let number = from; number <= to; number += 1) {
        const hash = await api.rpc.chain.getBlockHash(number);
        const [events, { block }] = await Promise.all([(await api.at(hash)).query.system.events(), api.rpc.chain.getBlock(hash)]);
        billingTransactions += block.extrinsics.filter((xt) => xt.method.method === 'billContractForBlock').length;
        for (const { phase, event } of events) {
          if (!isContractEvent('ContractBilled')(event) || !billedAt.has(contractIdOf(event))) continue;
          assert.ok(phase.isInitialization, `the bill in block #${number} is the chain's own`);
          billedAt.get(contractIdOf(event)).push(number);
        }
      }
      for (const [id, blocks] of billedAt) {
        const due = [];
        for (let number = from; number <= to; number += 1) if (number % frequency === id % frequency) due.push(number);
        assert.deepEqual(blocks, due, `contract ${id} is billed in each of its due blocks, once`);
      }
      assert.equal(billingTransactions, 0, 'no billContractForBlock transaction was sent');
      t.diagnostic(`blocks #${from}..#${to}: ${CONTRACTS} contracts billed ${CYCLES} times each, by the chain`);
    });
});
