// A single `--dev` node: block production and finality, the runtime's public shape (metadata, pallet
// indices, signed extensions, chain properties), balance transfers with exact fee accounting, and the
// rejection of transfers and extrinsics that cannot be applied.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';

import { hexToU8a, u8aToHex } from '@polkadot/util';

import { TFT, freeBalance, freshPair, makeKeyring } from '../lib/accounts.js';
import { bestHead, finalizedHead, providerOf, waitForBest, waitForFinalized } from '../lib/chain.js';
import { Fixture, nodeSuite, printNodeLogsOnFailure } from '../lib/harness.js';
import { describeDispatchError, eventSummary, queryPartialFee, sendAndFinalize } from '../lib/tx.js';

/** Pallets the runtime has, by name, at their fixed indices (clients hard-code these). */
const EXPECTED_PALLETS = {
  System: 0,
  Timestamp: 1,
  Utility: 3,
  Scheduler: 4,
  ValidatorSet: 10,
  Session: 11,
  Aura: 12,
  Grandpa: 13,
  Historical: 14,
  Authorship: 15,
  Balances: 20,
  TransactionPayment: 21,
  TfgridModule: 25,
  SmartContractModule: 26,
  TFTBridgeModule: 27,
  TFTPriceModule: 28,
  BurningModule: 29,
  TFKVStore: 30,
  RuntimeUpgrade: 31,
  // tfchain's own, at an index upstream leaves free.
  Reputation: 32,
  Council: 40,
  CouncilMembership: 41,
  Dao: 43,
  Validator: 50,
};


/** The signed extensions every TFChain runtime has, in this order (hand-built signers depend on it). */
const BASE_SIGNED_EXTENSIONS = [
  'CheckNonZeroSender',
  'CheckSpecVersion',
  'CheckTxVersion',
  'CheckGenesis',
  'CheckMortality',
  'CheckNonce',
  'CheckWeight',
  'ChargeTransactionPayment',
];

/** Signed extensions that come last, and only together with the pallet that defines them. */
const PALLET_SIGNED_EXTENSIONS = [{ identifier: 'ContractIdProvides', pallet: 'SmartContractModule' }];

nodeSuite('dev chain (single --dev node)', { timeout: 20 * 60_000 }, () => {
  const fx = new Fixture();
  let node;
  let api;
  let keyring;
  let metadataV14;

  printNodeLogsOnFailure(() => fx.nodes);

  before(async () => {
    await fx.init();
    ({ node, api } = await fx.startDevNode({ firstBlock: 0 }));
    keyring = await makeKeyring();
  }, { timeout: 180_000 });

  after(() => fx.close(), { timeout: 60_000 });

  /** The metadata exactly as `state_getMetadata` returns it, decoded as V14. */
  async function rawMetadataV14() {
    if (!metadataV14) {
      const raw = await node.rpc('state_getMetadata');
      const metadata = api.registry.createType('Metadata', raw);
      assert.equal(metadata.version, 14, 'state_getMetadata must return metadata V14');
      metadataV14 = metadata.asV14;
    }
    return metadataV14;
  }

  it('produces blocks and finalizes them', { timeout: 240_000 }, async (t) => {
    const firstBest = await waitForBest(node, 1, { timeoutMs: 60_000 });
    const firstFinal = await waitForFinalized(node, 2, { timeoutMs: 90_000 });
    t.diagnostic(`best #${firstBest.number}, finalized #${firstFinal.number}`);

    // Both heads keep moving.
    const laterBest = await waitForBest(node, firstFinal.number + 2, { timeoutMs: 60_000 });
    const laterFinal = await waitForFinalized(node, firstFinal.number + 1, { timeoutMs: 90_000 });
    t.diagnostic(`later best #${laterBest.number}, finalized #${laterFinal.number}`);

    const best = await bestHead(node);
    const fin = await finalizedHead(node);
    assert.ok(fin.number <= best.number, `finalized #${fin.number} must not be ahead of best #${best.number}`);
    assert.equal(await node.rpc('chain_getBlockHash', [fin.number]), fin.hash,
      'the finalized block is the canonical block at its height');
  });

  it('serves metadata V14 from state_getMetadata', async () => {
    const bytes = hexToU8a(await node.rpc('state_getMetadata'));
    assert.equal(u8aToHex(bytes.subarray(0, 4)), '0x6d657461', 'metadata starts with the magic "meta"');
    assert.equal(bytes[4], 14, 'the metadata version byte is 14');
    await rawMetadataV14();
  });

  it('reports the runtime spec name substrate-threefold', async () => {
    const version = await node.rpc('state_getRuntimeVersion');
    assert.equal(version.specName, 'substrate-threefold');
    assert.equal(api.runtimeVersion.specName.toString(), 'substrate-threefold');
  });

  it('has each pallet at its TFChain index and nothing else', async (t) => {
    const metadata = await rawMetadataV14();
    const actual = new Map(metadata.pallets.map((p) => [p.name.toString(), p.index.toNumber()]));
    t.diagnostic(`pallets: ${[...actual].map(([name, index]) => `${index}:${name}`).join(' ')}`);

    for (const [name, index] of Object.entries(EXPECTED_PALLETS)) {
      assert.equal(actual.get(name), index, `pallet ${name} must be at index ${index}`);
    }
    const known = new Set(Object.keys(EXPECTED_PALLETS));
    const unexpected = [...actual].filter(([name]) => !known.has(name));
    assert.deepEqual(unexpected, [], 'no pallets besides the TFChain ones');
  });

  it('uses the TFChain signed extensions in order', async () => {
    const metadata = await rawMetadataV14();
    const pallets = new Set(metadata.pallets.map((p) => p.name.toString()));
    const expected = [
      ...BASE_SIGNED_EXTENSIONS,
      ...PALLET_SIGNED_EXTENSIONS.filter((e) => pallets.has(e.pallet)).map((e) => e.identifier),
    ];
    const fromMetadata = metadata.extrinsic.signedExtensions.map((e) => e.identifier.toString());
    assert.deepEqual(fromMetadata, expected, 'signed extensions in the V14 metadata');
    assert.deepEqual([...api.registry.signedExtensions], expected, 'signed extensions polkadot.js signs with');
    assert.equal(metadata.extrinsic.version.toNumber(), 4, 'extrinsic format version 4');
  });

  it('declares TFT with 7 decimals, SS58 prefix 42 and an existential deposit of 500', async () => {
    const properties = await node.rpc('system_properties');
    const single = (v) => (Array.isArray(v) ? v[0] : v);
    assert.equal(single(properties.tokenDecimals), 7, 'tokenDecimals');
    assert.equal(single(properties.tokenSymbol), 'TFT', 'tokenSymbol');
    // Sidecar and wallets read the address format from the chain properties, not from the constant.
    assert.equal(properties.ss58Format, 42, 'ss58Format in the chain properties');
    assert.equal(api.registry.chainDecimals[0], 7);
    assert.equal(api.registry.chainTokens[0], 'TFT');
    assert.equal(api.consts.system.ss58Prefix.toNumber(), 42, 'SS58 prefix');
    assert.equal(api.consts.balances.existentialDeposit.toBigInt(), 500n, 'existential deposit');
  });

  it('moves a transfer_keep_alive amount exactly, charges the queried fee and pays it to the author',
    { timeout: 240_000 }, async (t) => {
      await waitForBest(node, 1, { timeoutMs: 60_000 });
      const bob = keyring.addFromUri('//Bob');
      const alice = keyring.addFromUri('//Alice');
      const recipient = freshPair(keyring, 'recipient');
      const amount = 10n * TFT + 12_345n;

      const tx = api.tx.balances.transferKeepAlive(recipient.address, amount);
      await tx.signAsync(bob, { nonce: -1 });
      const result = await sendAndFinalize(tx, { what: 'transfer Bob -> recipient' });
      const summary = eventSummary(result.events);
      assert.equal(result.dispatchError, undefined, `transfer failed: ${JSON.stringify(summary)}`);
      assert.ok(result.events.some(({ event }) => api.events.system.ExtrinsicSuccess.is(event)),
        `ExtrinsicSuccess expected: ${JSON.stringify(summary)}`);

      const blockHash = result.blockHash;
      const header = await api.rpc.chain.getHeader(blockHash);
      const parentHash = header.parentHash.toHex();
      t.diagnostic(`included in #${header.number.toNumber()} ${blockHash}`);

      // The fee charged, from the extrinsic's own event.
      const feePaid = result.events.find(({ event }) => api.events.transactionPayment.TransactionFeePaid.is(event));
      assert.ok(feePaid, `TransactionFeePaid expected: ${JSON.stringify(summary)}`);
      const [payer, actualFee, tip] = feePaid.event.data;
      assert.equal(payer.toString(), bob.address, 'Bob paid the fee');
      assert.equal(tip.toBigInt(), 0n, 'no tip was given');
      const fee = actualFee.toBigInt(); // includes the tip, which is zero
      assert.ok(fee > 0n, 'a fee was charged');
      t.diagnostic(`fee ${fee} units`);

      // The same fee, predicted for the same signed extrinsic against the parent block's state.
      const predicted = await queryPartialFee(api, node, tx, parentHash);
      assert.equal(predicted.runtimeApi, fee, 'TransactionPaymentApi_query_info partialFee equals the fee paid');
      if (predicted.rpc === null) {
        t.diagnostic('payment_queryInfo RPC is not offered; checked the runtime API only');
      } else {
        assert.equal(predicted.rpc, fee, 'payment_queryInfo partialFee equals the fee paid');
      }

      // Who authored the block (on --dev: Alice, the only validator).
      const author = (await api.derive.chain.getHeader(blockHash)).author?.toString();
      assert.equal(author, alice.address, 'Alice authored the block');

      const balances = async (hash) => ({
        bob: await freeBalance(api, bob.address, hash),
        recipient: await freeBalance(api, recipient.address, hash),
        author: await freeBalance(api, author, hash),
      });
      const before = await balances(parentHash);
      const afterIncl = await balances(blockHash);
      assert.equal(before.recipient, 0n, 'the recipient starts empty');
      assert.equal(before.bob - afterIncl.bob, amount + fee, 'Bob pays exactly amount + fee');
      assert.equal(afterIncl.recipient - before.recipient, amount, 'the recipient receives exactly the amount');

      // Every fee of the block goes to the author; ours is the only one in this block.
      const blockEvents = await (await api.at(blockHash)).query.system.events();
      const feesInBlock = blockEvents
        .filter(({ event }) => api.events.transactionPayment.TransactionFeePaid.is(event))
        .map(({ event }) => event.data[1].toBigInt());
      assert.deepEqual(feesInBlock, [fee], 'the block holds one fee-paying extrinsic: the transfer');
      assert.equal(afterIncl.author - before.author, fee, 'the author is credited exactly the fee');
      const authorDeposit = blockEvents.find(({ event }) => api.events.balances.Deposit.is(event)
        && event.data[0].toString() === author && event.data[1].toBigInt() === fee);
      assert.ok(authorDeposit,
        `a balances.Deposit of the fee to the author is expected: ${JSON.stringify(eventSummary(blockEvents))}`);
    });

  it('rejects a transfer from an account that cannot pay the fee', { timeout: 120_000 }, async (t) => {
    const pauper = freshPair(keyring, 'pauper');
    const bob = keyring.addFromUri('//Bob');
    const tx = api.tx.balances.transferKeepAlive(bob.address, 1n * TFT);
    await tx.signAsync(pauper, { nonce: -1 });
    await assert.rejects(api.rpc.author.submitExtrinsic(tx), (err) => {
      t.diagnostic(`pool rejected it: ${err.message}`);
      assert.match(err.message, /Inability to pay some fees/);
      return true;
    });
  });

  it('does not move funds when a transfer exceeds the sender balance', { timeout: 240_000 }, async (t) => {
    const bob = keyring.addFromUri('//Bob');
    const recipient = freshPair(keyring, 'overdraft');
    const bobFree = await freeBalance(api, bob.address);
    const tx = api.tx.balances.transferKeepAlive(recipient.address, bobFree + 1n);
    await tx.signAsync(bob, { nonce: -1 });

    let result;
    try {
      result = await sendAndFinalize(tx, { what: 'overdraft transfer' });
    } catch (err) {
      // Refused by the pool at submission: acceptable, as long as it was refused for validity.
      t.diagnostic(`refused at submission: ${err.message}`);
      assert.match(err.message, /Invalid Transaction|Inability to pay|1010/);
      assert.equal(await freeBalance(api, recipient.address), 0n);
      return;
    }

    assert.ok(result.dispatchError, `the transfer must fail: ${JSON.stringify(eventSummary(result.events))}`);
    const error = describeDispatchError(api, result.dispatchError);
    t.diagnostic(`dispatch failed with ${error.text}`);
    assert.ok(result.events.some(({ event }) => api.events.system.ExtrinsicFailed.is(event)), 'ExtrinsicFailed expected');
    // pallet_balances reports a shortfall either as its own module error or, through the fungible traits,
    // as a TokenError / ArithmeticError.
    if (error.kind === 'Module') {
      assert.equal(error.section, 'balances', `a balances error is expected, got ${error.text}`);
    } else {
      assert.ok(
        (error.kind === 'Token' && ['FundsUnavailable', 'BelowMinimum', 'NotExpendable', 'Frozen'].includes(error.name))
          || (error.kind === 'Arithmetic' && error.name === 'Underflow'),
        `a balances shortfall error is expected, got ${error.text}`,
      );
    }

    // Only the fee left Bob's account; nothing reached the recipient.
    const parentHash = (await api.rpc.chain.getHeader(result.blockHash)).parentHash.toHex();
    const feePaid = result.events.find(({ event }) => api.events.transactionPayment.TransactionFeePaid.is(event));
    assert.ok(feePaid, 'a failed transfer still pays its fee');
    const fee = feePaid.event.data[1].toBigInt();
    const bobBefore = await freeBalance(api, bob.address, parentHash);
    const bobAfter = await freeBalance(api, bob.address, result.blockHash);
    assert.equal(bobBefore - bobAfter, fee, 'Bob loses only the fee');
    assert.equal(await freeBalance(api, recipient.address, result.blockHash), 0n, 'the recipient gets nothing');
  });

  it('answers garbage extrinsic bytes with a JSON-RPC error and keeps producing blocks',
    { timeout: 180_000 }, async (t) => {
      const garbage = `0x${'deadbeef'.repeat(8)}`;
      await assert.rejects(providerOf(api).send('author_submitExtrinsic', [garbage]), (err) => {
        t.diagnostic(`author_submitExtrinsic(garbage) -> ${err.message}`);
        assert.ok(err.message.length > 0, 'the error has a message');
        return true;
      });
      // The same over plain HTTP: a JSON-RPC error object, not a crash or a hang.
      await assert.rejects(node.rpc('author_submitExtrinsic', [garbage]), (err) => {
        assert.ok(err.rpcError && Number.isInteger(err.rpcError.code), `a JSON-RPC error object is expected: ${err.message}`);
        return true;
      });
      const best = await bestHead(node);
      const later = await waitForBest(node, best.number + 2, { timeoutMs: 90_000 });
      t.diagnostic(`best went from #${best.number} to #${later.number}`);
      node.assertRunning('after receiving garbage extrinsic bytes');
    });
});
