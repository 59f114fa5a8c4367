// TFKVStore (index 30) through a single --dev node and @polkadot/api: values set by two accounts read
// back with api.query.tfkvStore.tfkvStore(account, key) and listed per account with .entries(account)
// (as @threefold/tfchain_client does), overwritten and deleted; keys over 512 bytes, values over 2048
// bytes and deletes of absent keys fail with the named TFKVStore error at its TFChain index.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';

import { stringToHex } from '@polkadot/util';

import { makeKeyring } from '../lib/accounts.js';
import { PALLET_INDEX, eventOf, expectModuleError, expectOk } from '../lib/governance.js';
import { Fixture, nodeSuite, printNodeLogsOnFailure } from '../lib/harness.js';
import { submitAll } from '../lib/tfgrid.js';

const MAX_KEY = 512;
const MAX_VALUE = 2048;

/** A string of `length` bytes. */
const filled = (length, char = 'k') => char.repeat(length);

/** The hex of `text` as stored (UTF-8 bytes, no length prefix). */
const hex = (text) => (text === '' ? '0x' : stringToHex(text));

nodeSuite('TFKVStore on a --dev node', { timeout: 10 * 60_000 }, () => {
  const fx = new Fixture();
  let api;
  let alice;
  let bob;

  printNodeLogsOnFailure(() => fx.nodes);

  before(async () => {
    await fx.init();
    ({ api } = await fx.startDevNode({ name: 'kvstore' }));
    const keyring = await makeKeyring();
    alice = keyring.addFromUri('//Alice');
    bob = keyring.addFromUri('//Bob');
  }, { timeout: 180_000 });

  after(() => fx.close(), { timeout: 60_000 });

  /** The value stored under (who, key) at `blockHash` (or the best block), as hex. */
  async function valueAt(who, key, blockHash) {
    const at = blockHash ? await api.at(blockHash) : api;
    return (await at.query.tfkvStore.tfkvStore(who.address, key)).toHex();
  }

  /** The account's entries, listed as clients list them: { key (text) : value (hex) }. */
  async function entriesOf(who, blockHash) {
    const at = blockHash ? await api.at(blockHash) : api;
    const entries = await at.query.tfkvStore.tfkvStore.entries(who.address);
    return Object.fromEntries(entries.map(([storageKey, value]) => {
      const [account, key] = storageKey.args;
      assert.equal(account.toString(), who.address, 'the first key of the entry is the account');
      return [key.toUtf8(), value.toHex()];
    }));
  }

  it('has TFKVStore at index 30 with the 2.9 call indices and a transparent double map', () => {
    const pallet = api.runtimeMetadata.asLatest.pallets.find((p) => p.name.toString() === 'TFKVStore');
    assert.ok(pallet, 'the runtime has a TFKVStore pallet');
    assert.equal(pallet.index.toNumber(), PALLET_INDEX.tfkvStore, 'TFKVStore index');
    assert.deepEqual([...api.tx.tfkvStore.set.callIndex], [30, 0], 'call index of set');
    assert.deepEqual([...api.tx.tfkvStore.delete.callIndex], [30, 1], 'call index of delete');
    const storage = api.query.tfkvStore.tfkvStore.creator.meta;
    assert.equal(storage.name.toString(), 'TFKVStore', 'storage name');
    assert.deepEqual(storage.type.asMap.hashers.map((h) => h.toString()), ['Blake2_128Concat', 'Blake2_128Concat'],
      'both keys hashed with Blake2_128Concat, so entries(account) returns the keys');
  });

  it('sets values that read back per key and list per account, at the size limits too', { timeout: 120_000 },
    async () => {
      const wanted = [
        { who: alice, label: 'Alice', key: 'deployment', value: '{"name":"vm1","contract":42}' },
        { who: alice, label: 'Alice', key: 'empty', value: '' },
        { who: alice, label: 'Alice', key: filled(MAX_KEY), value: filled(MAX_VALUE, 'v') },
        { who: bob, label: 'Bob', key: 'deployment', value: 'bob-value' },
      ];
      const results = await submitAll(api, wanted.map(({ who, label, key, value }) => ({
        what: `${label} sets a ${key.length}-byte key to a ${value.length}-byte value`,
        signer: who,
        tx: api.tx.tfkvStore.set(key, value),
      })));

      for (const [i, result] of results.entries()) {
        const { who, key, value } = wanted[i];
        expectOk(api, result);
        const [account, eventKey, eventValue] = eventOf(result, 'tfkvStore', 'EntrySet').data;
        assert.equal(account.toString(), who.address, `${result.what}: EntrySet account`);
        assert.equal(eventKey.toHex(), hex(key), `${result.what}: EntrySet key`);
        assert.equal(eventValue.toHex(), hex(value), `${result.what}: EntrySet value`);
        assert.equal(await valueAt(who, key, result.blockHash), hex(value), `${result.what}: the stored value`);
      }

      assert.deepEqual(await entriesOf(alice), {
        deployment: hex(wanted[0].value),
        empty: '0x',
        [filled(MAX_KEY)]: hex(filled(MAX_VALUE, 'v')),
      }, 'Alice\'s entries (the empty value is stored too)');
      assert.deepEqual(await entriesOf(bob), { deployment: hex('bob-value') }, 'Bob\'s entries are his own');

      // Overwriting replaces the value and adds no entry.
      const [overwrite] = await submitAll(api, [
        { what: 'Alice overwrites "deployment"', signer: alice, tx: api.tx.tfkvStore.set('deployment', 'v2') },
      ]);
      expectOk(api, overwrite);
      const [account, key, value] = eventOf(overwrite, 'tfkvStore', 'EntrySet').data;
      assert.deepEqual([account.toString(), key.toHex(), value.toHex()], [alice.address, hex('deployment'), hex('v2')],
        'EntrySet(Alice, key, new value)');
      assert.equal(await valueAt(alice, 'deployment', overwrite.blockHash), hex('v2'), 'the new value');
      assert.equal(Object.keys(await entriesOf(alice, overwrite.blockHash)).length, 3, 'still three entries');
      assert.equal(await valueAt(bob, 'deployment'), hex('bob-value'), 'Bob\'s value under the same key is untouched');
    });

  it('refuses a key over 512 bytes and a value over 2048 bytes', { timeout: 120_000 }, async () => {
    const [longKey, longValue] = await submitAll(api, [
      { what: 'Alice sets a 513-byte key', signer: alice, tx: api.tx.tfkvStore.set(filled(MAX_KEY + 1), 'x') },
      { what: 'Alice sets a 2049-byte value', signer: alice,
        tx: api.tx.tfkvStore.set('too-long', filled(MAX_VALUE + 1, 'v')) },
    ]);
    expectModuleError(api, longKey, 'tfkvStore', 'KeyIsTooLarge');
    expectModuleError(api, longValue, 'tfkvStore', 'ValueIsTooLarge');
    const entries = await entriesOf(alice, longValue.blockHash);
    assert.deepEqual(Object.keys(entries).sort(), ['deployment', 'empty', filled(MAX_KEY)].sort(),
      'no entry was added');
  });

  it('deletes entries with their value in EntryTaken; absent keys fail with NoValueStored', { timeout: 120_000 },
    async () => {
      const [taken, takenEmpty, again, never, othersKey] = await submitAll(api, [
        { what: 'Alice deletes "deployment"', signer: alice, tx: api.tx.tfkvStore.delete('deployment') },
        { what: 'Alice deletes "empty"', signer: alice, tx: api.tx.tfkvStore.delete('empty') },
        { what: 'Alice deletes "deployment" again', signer: alice, tx: api.tx.tfkvStore.delete('deployment') },
        { what: 'Alice deletes a key she never set', signer: alice, tx: api.tx.tfkvStore.delete('never-set') },
        { what: 'Bob deletes "empty", a key only Alice has', signer: bob, tx: api.tx.tfkvStore.delete('empty') },
      ]);

      for (const [result, key, value] of [[taken, 'deployment', 'v2'], [takenEmpty, 'empty', '']]) {
        expectOk(api, result);
        const [account, eventKey, eventValue] = eventOf(result, 'tfkvStore', 'EntryTaken').data;
        assert.equal(account.toString(), alice.address, `${result.what}: EntryTaken account`);
        assert.equal(eventKey.toHex(), hex(key), `${result.what}: EntryTaken key`);
        assert.equal(eventValue.toHex(), hex(value), `${result.what}: EntryTaken carries the deleted value`);
      }
      expectModuleError(api, again, 'tfkvStore', 'NoValueStored');
      expectModuleError(api, never, 'tfkvStore', 'NoValueStored');
      expectModuleError(api, othersKey, 'tfkvStore', 'NoValueStored');

      assert.deepEqual(await entriesOf(alice), { [filled(MAX_KEY)]: hex(filled(MAX_VALUE, 'v')) },
        'only the long entry is left');
      assert.equal(await valueAt(alice, 'deployment'), '0x', 'a deleted key reads as an empty value');
      assert.deepEqual(await entriesOf(bob), { deployment: hex('bob-value') }, 'Bob\'s entry is untouched');
    });
});
