// Validator (50), ValidatorSet (10), Session (11) and the council (40, 41) on a local network: Alice
// and Bob validate a `local` chain whose raw spec shortens sessions to SESSION_PERIOD blocks (the
// runtime's `:SessionPeriod:` storage parameter), Charlie runs a third node with `--charlie
// --validator`. Charlie sets session keys generated on his node (author_rotateKeysWithOwner, with the
// ownership proof session.setKeys wants), files a validator request and bonds a stash; the council
// (Alice, Bob) approves it through a real motion (propose, two ayes, close); Charlie activates his node.
// Two sessions later Charlie is in session.validators, authors blocks (by the Aura slot of each
// block's digest) and the three validators keep finalizing. When Charlie removes his request, he
// leaves the validator set and the council, and two sessions later stops authoring while Alice and Bob
// keep finalizing.
//
// Every extrinsic is waited for until finalized: with several authors a best block may be reverted.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';

import { u8aToHex } from '@polkadot/util';

import { freeBalance, makeKeyring } from '../lib/accounts.js';
import { blockHashAt, connectApi, peerCount, waitFor, waitForBest, waitForFinalized } from '../lib/chain.js';
import {
  PALLET_INDEX,
  SESSION_PERIOD_KEY,
  auraAuthor,
  callWeight,
  eventFields,
  eventNames,
  eventOf,
  eventsOf,
  expectModuleError,
  expectOk,
  rotateKeysWithOwner,
  specValidator,
  submitAllFinalized,
  u32Hex,
  writeShortSessionSpec,
} from '../lib/governance.js';
import { Fixture, nodeSuite, printNodeLogsOnFailure, withNodeLogsOnError } from '../lib/harness.js';

/** Blocks per session in the test chain spec (600 on a chain without the `:SessionPeriod:` key). */
const SESSION_PERIOD = 3;

/**
 * Blocks watched after Charlie left the authorities: more than a round of three Aura slots, so that
 * Charlie, were he still an authority, would have had a slot among them.
 */
const WATCHED_BLOCKS = 4;

/** Call indices TFChain 2.9 clients encode for the Validator calls. */
const CALL_INDEX = {
  createValidatorRequest: 0,
  activateValidatorNode: 1,
  changeValidatorNodeAccount: 2,
  bond: 3,
  approveValidator: 4,
  removeValidator: 5,
};

const REQUEST = {
  description: 'Charlie runs a validator for the e2e tests',
  tfConnectId: 'charlie.3bot',
  info: 'https://forum.threefold.io/t/e2e-validator-charlie',
};

nodeSuite('Validator: the council admits a third validator on a local network with short sessions',
  { timeout: 20 * 60_000 }, () => {
    const fx = new Fixture();
    let aliceNode;
    let bobNode;
    let charlieNode;
    let api;
    let alice;
    let bob;
    let charlie;
    let charlieStash;
    let dave;
    let charlieKeys; // { keys, proof, aura, grandpa } from Charlie's node
    let activatedAt; // { block, session } of Charlie's activation
    let removedAt; // { block, session } of Charlie's removal

    printNodeLogsOnFailure(() => fx.nodes);

    before(async () => {
      await fx.init();
      const chainSpec = await writeShortSessionSpec({ root: fx.root, sessionPeriod: SESSION_PERIOD });
      aliceNode = fx.track(await specValidator({ root: fx.root, who: 'alice', chainSpec }));
      bobNode = fx.track(await specValidator({ root: fx.root, who: 'bob', chainSpec, bootnode: aliceNode }));
      charlieNode = fx.track(await specValidator({ root: fx.root, who: 'charlie', chainSpec, bootnode: aliceNode }));
      await withNodeLogsOnError(() => fx.nodes, 'local network setup failed', async () => {
        await Promise.all(fx.nodes.map((node) => node.start()));
        api = fx.trackApi(await connectApi(aliceNode));
        for (const node of fx.nodes) {
          await waitFor(`${node.name} to see both other nodes`, async () => (await peerCount(node)) >= 2,
            { node, timeoutMs: 90_000 });
        }
        // Finality starts a little later; the first extrinsics wait for it.
        await waitForBest(aliceNode, 1, { timeoutMs: 120_000 });
      });
      const keyring = await makeKeyring();
      alice = keyring.addFromUri('//Alice');
      bob = keyring.addFromUri('//Bob');
      charlie = keyring.addFromUri('//Charlie');
      charlieStash = keyring.addFromUri('//Charlie//stash');
      dave = keyring.addFromUri('//Dave');
    }, { timeout: 300_000 });

    after(() => fx.close(), { timeout: 60_000 });

    function requireEarlier(what, ...values) {
      assert.ok(values.every((v) => v !== undefined), `this step needs ${what} from an earlier step, which failed`);
    }

    /** The Aura key (hex) of each validator's account, for naming block authors. */
    function authorName(auraKey) {
      const names = { [u8aToHex(alice.publicKey)]: 'Alice', [u8aToHex(bob.publicKey)]: 'Bob' };
      if (charlieKeys) names[charlieKeys.aura] = 'Charlie';
      return names[auraKey] ?? `unknown ${auraKey}`;
    }

    /** Storage of the canonical block `number` (as Alice sees it). */
    async function stateAt(number) {
      const hash = await blockHashAt(aliceNode, number);
      assert.ok(hash, `Alice has a block #${number}`);
      return api.at(hash);
    }

    /** session.validators at block `number`, as addresses. */
    async function sessionValidatorsAt(number) {
      return (await (await stateAt(number)).query.session.validators()).map((v) => v.toString());
    }

    /** Asserts that session `index` starts at block index * SESSION_PERIOD. */
    async function assertSessionStart(index) {
      const first = index * SESSION_PERIOD;
      assert.equal((await (await stateAt(first - 1)).query.session.currentIndex()).toNumber(), index - 1,
        `block #${first - 1} is in session ${index - 1}`);
      assert.equal((await (await stateAt(first)).query.session.currentIndex()).toNumber(), index,
        `session ${index} starts at block #${first} (every ${SESSION_PERIOD} blocks)`);
    }

    /** The names of the authors of blocks `from`..`to` (inclusive), by block number. */
    async function authorsOf(from, to) {
      const authors = {};
      for (let number = from; number <= to; number += 1) {
        authors[number] = authorName((await auraAuthor(api, await blockHashAt(aliceNode, number))).aura);
      }
      return authors;
    }

    /** The GRANDPA authorities of the best block: ed25519 keys (hex). */
    async function grandpaKeys() {
      const raw = await aliceNode.rpc('state_call', ['GrandpaApi_grandpa_authorities', '0x']);
      return api.registry.createType('Vec<([u8;32], u64)>', raw).map(([key]) => key.toHex());
    }

    it('runs Alice, Bob and Charlie on a spec whose :SessionPeriod: is 3 blocks; Alice and Bob validate', async () => {
      for (const [pallet, index] of [['Validator', PALLET_INDEX.validator], ['ValidatorSet', PALLET_INDEX.validatorSet],
        ['Session', PALLET_INDEX.session], ['Council', PALLET_INDEX.council],
        ['CouncilMembership', PALLET_INDEX.councilMembership]]) {
        const found = api.runtimeMetadata.asLatest.pallets.find((p) => p.name.toString() === pallet);
        assert.equal(found?.index.toNumber(), index, `${pallet} index`);
      }
      for (const [call, index] of Object.entries(CALL_INDEX)) {
        assert.deepEqual([...api.tx.validator[call].callIndex], [PALLET_INDEX.validator, index],
          `call index of validator.${call}`);
      }
      assert.equal((await api.rpc.state.getStorage(SESSION_PERIOD_KEY)).toHex(), u32Hex(SESSION_PERIOD),
        `genesis storage twox128(":SessionPeriod:") holds ${SESSION_PERIOD} (u32)`);
      const pair = [alice.address, bob.address].sort();
      assert.deepEqual((await api.query.session.validators()).map((v) => v.toString()).sort(), pair,
        'session.validators');
      assert.deepEqual((await api.query.validatorSet.validators()).map((v) => v.toString()).sort(), pair,
        'validatorSet.validators');
      assert.deepEqual((await api.query.councilMembership.members()).map((m) => m.toString()).sort(), pair,
        'the council is Alice and Bob');
      assert.ok(await freeBalance(api, charlie.address) > 0n, 'Charlie is funded by the local genesis');
      assert.ok(await freeBalance(api, charlieStash.address) > 0n, 'Charlie\'s stash is funded by the local genesis');
      assert.ok((await api.query.validator.validator(charlie.address)).isNone, 'Charlie has no validator request');
    });

    it('sets Charlie\'s session keys, generated on his node with a proof of ownership; files his request',
      { timeout: 240_000 }, async (t) => {
        const generated = await rotateKeysWithOwner(charlieNode, charlie.publicKey);
        const decoded = api.createType(api.tx.session.setKeys.meta.args[0].type.toString(), generated.keys);
        charlieKeys = { ...generated, aura: decoded.aura.toHex(), grandpa: decoded.grandpa.toHex() };
        t.diagnostic(`Charlie's new session keys: aura ${charlieKeys.aura}, grandpa ${charlieKeys.grandpa}`);
        assert.equal(await charlieNode.rpc('author_hasSessionKeys', [generated.keys]), true,
          'Charlie\'s keystore holds the new keys');
        assert.equal(await aliceNode.rpc('author_hasSessionKeys', [generated.keys]), false,
          'Alice\'s keystore does not');

        const approve = api.tx.validator.approveValidator(charlie.address).method;
        const motionIndex = (await api.query.council.proposalCount()).toNumber();
        const [stolenKeys, setKeys, request, bond, early, notCouncil, oneMember, proposed, aliceAye, secondRequest,
          secondBond] =
          await submitAllFinalized(api, [
            { what: 'Dave sets Charlie\'s keys with Charlie\'s proof', signer: dave,
              tx: api.tx.session.setKeys(generated.keys, generated.proof) },
            { what: 'Charlie sets his session keys', signer: charlie,
              tx: api.tx.session.setKeys(generated.keys, generated.proof) },
            { what: 'Charlie files a validator request', signer: charlie,
              tx: api.tx.validator.createValidatorRequest(charlie.address, charlieStash.address, REQUEST.description,
                REQUEST.tfConnectId, REQUEST.info) },
            { what: 'Charlie\'s stash bonds to Charlie', signer: charlieStash, tx: api.tx.validator.bond(charlie.address) },
            { what: 'Charlie activates before approval', signer: charlie, tx: api.tx.validator.activateValidatorNode() },
            { what: 'Dave (not on the council) approves Charlie', signer: dave,
              tx: api.tx.validator.approveValidator(charlie.address) },
            { what: 'Bob (a council member) approves Charlie on his own, without a motion', signer: bob,
              tx: api.tx.validator.approveValidator(charlie.address) },
            { what: 'Alice proposes a council motion to approve Charlie', signer: alice,
              tx: api.tx.council.propose(2, approve, approve.encodedLength) },
            // After the first ones, in nonce order.
            { what: 'Alice votes aye on her motion', signer: alice,
              tx: api.tx.council.vote(approve.hash, motionIndex, true) },
            { what: 'Charlie files a second request', signer: charlie,
              tx: api.tx.validator.createValidatorRequest(charlie.address, charlieStash.address, 'again', '', '') },
            { what: 'Charlie\'s stash bonds again', signer: charlieStash, tx: api.tx.validator.bond(dave.address) },
          ]);

        expectModuleError(api, stolenKeys, 'session', 'InvalidProof');
        expectOk(api, setKeys);
        assert.equal((await api.query.session.nextKeys(charlie.address)).unwrap().toHex(), generated.keys,
          'session.nextKeys(Charlie)');
        assert.equal((await api.query.session.keyOwner(['aura', charlieKeys.aura])).toString(), charlie.address,
          'session.keyOwner(aura key) is Charlie');
        assert.ok((await api.query.session.nextKeys(dave.address)).isNone, 'Dave has no session keys');

        const created = { validatorNodeAccount: charlie.address, stashAccount: charlieStash.address, ...REQUEST,
          state: 'Created' };
        expectOk(api, request);
        assert.deepEqual(eventFields(eventOf(request, 'validator', 'ValidatorRequestCreated')),
          [charlie.address, created], 'ValidatorRequestCreated(account, request)');
        expectOk(api, bond);
        assert.deepEqual(eventFields(eventOf(bond, 'validator', 'Bonded')), [charlieStash.address], 'Bonded(stash)');
        assert.equal((await api.query.validator.bonded(charlieStash.address)).toString(), charlie.address,
          'validator.bonded(stash) is Charlie');
        expectModuleError(api, secondRequest, 'validator', 'DuplicateValidator');
        expectModuleError(api, secondBond, 'validator', 'AlreadyBonded');
        expectModuleError(api, early, 'validator', 'ValidatorNotApproved');
        expectModuleError(api, notCouncil, 'validator', 'NotCouncilMember');
        // Issue 12: one member cannot seat a candidate on the council; it takes a motion.
        expectModuleError(api, oneMember, 'validator', 'BadOrigin');
        assert.deepEqual((await api.query.validator.validator(charlie.address)).unwrap().toPrimitive(), created,
          'validator.validator(Charlie): the request, not approved');

        expectOk(api, proposed);
        assert.deepEqual(eventFields(eventOf(proposed, 'council', 'Proposed')), {
          account: alice.address, proposalIndex: motionIndex, proposalHash: approve.hash.toHex(), threshold: 2,
        }, 'council.Proposed');
        assert.equal((await api.query.council.proposalOf(approve.hash)).unwrap().toHex(), approve.toHex(),
          'council.proposalOf(hash) is validator.approveValidator(Charlie)');
        expectOk(api, aliceAye);
        assert.deepEqual(eventFields(eventOf(aliceAye, 'council', 'Voted')), {
          account: alice.address, proposalHash: approve.hash.toHex(), voted: true, yes: 1, no: 0,
        }, 'council.Voted of Alice');
        const voting = (await api.query.council.voting(approve.hash)).unwrap();
        assert.deepEqual(voting.ayes.map((a) => a.toString()), [alice.address], 'council.voting: Alice\'s aye');
        assert.equal(voting.threshold.toNumber(), 2, 'the motion needs both members');
      });

    it('approves Charlie through the council motion: Bob\'s aye makes two, then close runs approveValidator',
      { timeout: 240_000 }, async () => {
        requireEarlier('the request and the motion', charlieKeys);
        const approve = api.tx.validator.approveValidator(charlie.address).method;
        const hash = approve.hash.toHex();
        const index = (await api.query.council.voting(hash)).unwrap().index.toNumber();
        const weightBound = await callWeight(api, aliceNode, approve);
        // Bob's vote comes first (nonce order), so his close sees the two ayes.
        const [bobAye, closed] = await submitAllFinalized(api, [
          { what: 'Bob votes aye', signer: bob, tx: api.tx.council.vote(hash, index, true) },
          { what: 'Bob closes the motion', signer: bob,
            tx: api.tx.council.close(hash, index, weightBound, approve.encodedLength) },
        ]);
        expectOk(api, bobAye);
        assert.deepEqual(eventFields(eventOf(bobAye, 'council', 'Voted')),
          { account: bob.address, proposalHash: hash, voted: true, yes: 2, no: 0 }, 'council.Voted of Bob');
        assert.deepEqual(eventsOf(bobAye, 'validator'), [], 'voting alone approves nothing');

        expectOk(api, closed);
        assert.deepEqual(eventNames(closed, 'council'), ['Closed', 'Approved', 'Executed'], 'council events in order');
        assert.deepEqual(eventFields(eventOf(closed, 'council', 'Closed')), { proposalHash: hash, yes: 2, no: 0 },
          'council.Closed');
        assert.deepEqual(eventFields(eventOf(closed, 'council', 'Executed')), { proposalHash: hash, result: { ok: null } },
          'council.Executed: approveValidator accepted the council origin');
        const approved = { validatorNodeAccount: charlie.address, stashAccount: charlieStash.address, ...REQUEST,
          state: 'Approved' };
        assert.deepEqual(eventFields(eventOf(closed, 'validator', 'ValidatorRequestApproved')), [approved],
          'validator.ValidatorRequestApproved');
        assert.deepEqual((await api.query.validator.validator(charlie.address)).unwrap().toPrimitive(), approved,
          'validator.validator(Charlie) is approved');
        const members = (await api.query.councilMembership.members()).map((m) => m.toString());
        assert.ok(members.includes(charlie.address), `Charlie got a council seat: ${members}`);
        assert.ok((await api.query.council.members()).map((m) => m.toString()).includes(charlie.address),
          'the council (collective) has Charlie too');
        assert.ok((await api.query.council.proposalOf(hash)).isNone, 'the motion is gone');
      });

    it('activates Charlie\'s node: he joins the validator set, and session.validators two sessions later',
      { timeout: 300_000 }, async (t) => {
        requireEarlier('the approval', charlieKeys);
        const [activated, again] = await submitAllFinalized(api, [
          { what: 'Charlie activates his validator node', signer: charlie, tx: api.tx.validator.activateValidatorNode() },
          { what: 'Charlie activates again', signer: charlie, tx: api.tx.validator.activateValidatorNode() },
        ]);
        expectOk(api, activated);
        assert.deepEqual(eventFields(eventOf(activated, 'validatorSet', 'ValidatorAdditionInitiated')), [charlie.address],
          'validatorSet.ValidatorAdditionInitiated(Charlie)');
        assert.equal(eventFields(eventOf(activated, 'validator', 'ValidatorActivated'))[0].state, 'Validating',
          'validator.ValidatorActivated carries the request, now Validating');
        expectModuleError(api, again, 'validator', 'ValidatorValidatingAlready');

        const at = await api.at(activated.blockHash);
        const block = (await at.query.system.number()).toNumber();
        const session = (await at.query.session.currentIndex()).toNumber();
        activatedAt = { block, session };
        t.diagnostic(`activated in block #${block}, session ${session}`);
        assert.ok((await at.query.validatorSet.validators()).map((v) => v.toString()).includes(charlie.address),
          'validatorSet.validators has Charlie at once');
        assert.ok(!(await at.query.session.validators()).map((v) => v.toString()).includes(charlie.address),
          'session.validators does not yet');

        const joins = (session + 2) * SESSION_PERIOD;
        await waitForFinalized(aliceNode, joins, { timeoutMs: (3 * SESSION_PERIOD + 4) * 6_000 + 60_000 });
        await assertSessionStart(session + 1);
        await assertSessionStart(session + 2);
        assert.ok(!(await sessionValidatorsAt(joins - 1)).includes(charlie.address),
          `Charlie is not in session ${session + 1}`);
        assert.deepEqual((await sessionValidatorsAt(joins)).sort(), [alice.address, bob.address, charlie.address].sort(),
          `session ${session + 2} (from block #${joins}) has Alice, Bob and Charlie`);
      });

    it('lets Charlie author blocks from that session on, and the three validators finalize them',
      { timeout: 300_000 }, async (t) => {
        requireEarlier('the activation', activatedAt);
        const joins = (activatedAt.session + 2) * SESSION_PERIOD;
        assert.ok((await grandpaKeys()).includes(charlieKeys.grandpa), 'Charlie\'s GRANDPA key is an authority');

        // Charlie gets every third slot: wait for one of his blocks to be finalized.
        let charlieBlock;
        await waitFor('a finalized block authored by Charlie', async () => {
          const finalized = (await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead())).number.toNumber();
          for (let number = (charlieBlock ?? joins) + 1; number <= finalized; number += 1) {
            const { aura } = await auraAuthor(api, await blockHashAt(aliceNode, number));
            if (aura === charlieKeys.aura) return (charlieBlock = number);
          }
          return false;
        }, { node: aliceNode, timeoutMs: 180_000, intervalMs: 3_000 });

        const authors = await authorsOf(1, charlieBlock);
        t.diagnostic(`authors: ${JSON.stringify(authors)}`);
        const early = Object.entries(authors).filter(([number, name]) => Number(number) <= joins && name !== 'Alice'
          && name !== 'Bob');
        assert.deepEqual(early, [], `up to block #${joins} only Alice and Bob author`);
        assert.equal(authors[charlieBlock], 'Charlie', `block #${charlieBlock} was authored by Charlie`);

        // Finality needs all three GRANDPA voters now (2/3 of 3 is more than 2): it moves past Charlie's block
        // on every node.
        for (const node of fx.nodes) await waitForFinalized(node, charlieBlock + 1, { timeoutMs: 120_000 });
        t.diagnostic(`Charlie authored #${charlieBlock}; finalized past it on Alice, Bob and Charlie`);

        // Charlie's joining ended GRANDPA's genesis set: its blocks now have finality proofs, the
        // justification of the set's last block plus the headers leading there.
        const roundState = await aliceNode.rpc('grandpa_roundState');
        assert.ok(roundState.setId >= 1, `a later authority set (set id ${roundState.setId})`);
        const [provenHash, justificationBytes, headers] = api.registry.createType(
          '(Hash, Bytes, Vec<Header>)',
          await aliceNode.rpc('grandpa_proveFinality', [1]),
        );
        const justification = api.registry.createType('GrandpaJustification', justificationBytes);
        const provenNumber = justification.commit.targetNumber.toNumber();
        assert.equal(justification.commit.targetHash.toHex(), provenHash.toHex(), 'the proof justifies its block');
        assert.equal(provenHash.toHex(), await blockHashAt(aliceNode, provenNumber), 'a canonical block');
        assert.ok(provenNumber > 1 && provenNumber <= joins, `the genesis set's last block (#${provenNumber})`);
        assert.deepEqual(
          headers.map((header) => header.number.toNumber()),
          Array.from({ length: provenNumber - 1 }, (_, index) => index + 2),
          'the headers from block #2 up to the justified block',
        );
      });

    it('removes Charlie\'s request at his own call: he leaves the set and the council, and stops authoring',
      { timeout: 300_000 }, async (t) => {
        requireEarlier('an active Charlie', activatedAt);
        const [removed] = await submitAllFinalized(api, [
          { what: 'Charlie removes his validator request', signer: charlie,
            tx: api.tx.validator.removeValidator(charlie.address) },
        ]);
        expectOk(api, removed);
        assert.equal(eventFields(eventOf(removed, 'validator', 'ValidatorRemoved'))[0].state, 'Validating',
          'validator.ValidatorRemoved carries the request as it was');
        assert.deepEqual(eventFields(eventOf(removed, 'validatorSet', 'ValidatorRemovalInitiated')), [charlie.address],
          'validatorSet.ValidatorRemovalInitiated(Charlie)');
        const at = await api.at(removed.blockHash);
        const block = (await at.query.system.number()).toNumber();
        const session = (await at.query.session.currentIndex()).toNumber();
        removedAt = { block, session };
        t.diagnostic(`removed in block #${block}, session ${session}`);
        assert.ok((await at.query.validator.validator(charlie.address)).isNone, 'the request is gone');
        assert.ok(!(await at.query.validatorSet.validators()).map((v) => v.toString()).includes(charlie.address),
          'validatorSet.validators no longer has Charlie');
        assert.ok(!(await at.query.councilMembership.members()).map((m) => m.toString()).includes(charlie.address),
          'Charlie left the council');

        const leaves = (session + 2) * SESSION_PERIOD;
        const watchUntil = leaves + WATCHED_BLOCKS;
        await waitForFinalized(aliceNode, watchUntil,
          { timeoutMs: (2 * SESSION_PERIOD + WATCHED_BLOCKS + 4) * 6_000 + 60_000 });
        assert.ok((await sessionValidatorsAt(leaves - 1)).includes(charlie.address),
          `Charlie is still in session ${session + 1}`);
        assert.deepEqual((await sessionValidatorsAt(leaves)).sort(), [alice.address, bob.address].sort(),
          `session ${session + 2} (from block #${leaves}) has Alice and Bob only`);
        const authors = await authorsOf(leaves + 1, watchUntil);
        t.diagnostic(`authors after the removal took effect: ${JSON.stringify(authors)}`);
        assert.deepEqual(Object.values(authors).filter((name) => name !== 'Alice' && name !== 'Bob'), [],
          `from block #${leaves + 1} only Alice and Bob author`);
        assert.ok(!(await grandpaKeys()).includes(charlieKeys.grandpa), 'Charlie\'s GRANDPA key left the authorities');
        await waitForFinalized(bobNode, watchUntil, { timeoutMs: 60_000 });
      });
  });
