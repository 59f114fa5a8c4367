// A `--dev` node with a persistent base path is stopped and started again: it must resume its own chain
// (same blocks, same balances) and carry on producing and finalizing blocks.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';

import { TFT, freeBalance, freshPair, makeKeyring } from '../lib/accounts.js';
import { bestHead, blockHashAt, connectApi, finalizedHead, waitForBest, waitForFinalized } from '../lib/chain.js';
import { Fixture, nodeSuite, printNodeLogsOnFailure, withNodeLogsOnError } from '../lib/harness.js';
import { sendAndFinalize } from '../lib/tx.js';

nodeSuite('dev node restart on the same base path', { timeout: 20 * 60_000 }, () => {
  const fx = new Fixture();
  let node;
  let api;
  let keyring;
  // What the chain looked like just before the restart.
  let recorded;

  printNodeLogsOnFailure(() => fx.nodes);

  before(async () => {
    await fx.init();
    ({ node, api } = await fx.startDevNode({ name: 'persistent-dev', firstBlock: 0 }));
    keyring = await makeKeyring();
  }, { timeout: 180_000 });

  after(() => fx.close(), { timeout: 60_000 });

  it('builds some finalized state before the restart', { timeout: 300_000 }, async (t) => {
    await waitForFinalized(node, 3, { timeoutMs: 120_000 });

    const bob = keyring.addFromUri('//Bob');
    const recipient = freshPair(keyring, 'restart');
    const amount = 3n * TFT + 777n;
    const tx = api.tx.balances.transferKeepAlive(recipient.address, amount);
    await tx.signAsync(bob, { nonce: -1 });
    const result = await sendAndFinalize(tx, { what: 'transfer Bob -> recipient' });
    assert.equal(result.dispatchError, undefined, 'the transfer succeeds');
    await waitForFinalized(node, (await api.rpc.chain.getHeader(result.blockHash)).number.toNumber());

    const best = await bestHead(node);
    recorded = {
      best,
      finalized: await finalizedHead(node),
      genesisHash: await blockHashAt(node, 0),
      block1Hash: await blockHashAt(node, 1),
      addresses: { bob: bob.address, recipient: recipient.address },
      balances: {
        bob: await freeBalance(api, bob.address, best.hash),
        recipient: await freeBalance(api, recipient.address, best.hash),
      },
    };
    assert.equal(recorded.balances.recipient, amount);
    t.diagnostic(`before restart: best #${best.number}, finalized #${recorded.finalized.number}`);
  });

  it('stops cleanly on SIGINT and resumes the same chain with the same balances', { timeout: 300_000 }, async (t) => {
    assert.ok(recorded, 'the previous step must have recorded the chain state');
    await fx.disconnect(api);
    api = null;
    const exit = await node.stop();
    t.diagnostic(`node stopped with ${JSON.stringify(exit)}`);
    assert.notEqual(exit.signal, 'SIGKILL', 'the node shuts down by itself after SIGINT');

    await withNodeLogsOnError(() => fx.nodes, 'dev node restart failed', async () => {
      await node.start();
      api = fx.trackApi(await connectApi(node));
    });

    const best = await bestHead(node);
    t.diagnostic(`after restart: best #${best.number}`);
    assert.ok(best.number >= recorded.best.number,
      `best #${best.number} after restart must not be below #${recorded.best.number} before it`);
    assert.equal(await blockHashAt(node, 0), recorded.genesisHash, 'same genesis');
    assert.equal(await blockHashAt(node, 1), recorded.block1Hash, 'block 1 is the same block as before');
    assert.equal(await blockHashAt(node, recorded.best.number), recorded.best.hash,
      'the best block from before the restart is still canonical');
    const fin = await finalizedHead(node);
    assert.ok(fin.number >= recorded.finalized.number, 'finality is not lost across the restart');

    const { bob, recipient } = recorded.addresses;
    assert.equal(await freeBalance(api, bob, best.hash), recorded.balances.bob, "Bob's balance is unchanged");
    assert.equal(await freeBalance(api, recipient, best.hash), recorded.balances.recipient,
      "the recipient's balance is unchanged");
  });

  it('produces and finalizes new blocks after the restart', { timeout: 300_000 }, async (t) => {
    assert.ok(recorded && node.isRunning, 'the node must have been restarted');
    const best = await waitForBest(node, recorded.best.number + 2, { timeoutMs: 90_000 });
    const fin = await waitForFinalized(node, recorded.best.number + 1, { timeoutMs: 120_000 });
    t.diagnostic(`after restart: best #${best.number}, finalized #${fin.number}`);
    assert.equal(await blockHashAt(node, 1), recorded.block1Hash, 'still the same chain');
  });
});
