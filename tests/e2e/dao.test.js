// Dao (index 43) through a single --dev node, whose council is Alice and Bob: six farmers get a twin
// and a farm, five of them a node. A fresh node's self-reported capacity does not count in votes
// (issue 12): the farms weigh 0 until a council motion makes Alice a node certifier, she certifies
// the five nodes and each reports its uptime (which tells the DAO); then each farm weighs what
// TFChain's formula gives its node (FarmWeight). The council proposes two calls of TfgridModule.setConnectionPrice (a Root-only call)
// with the minimum threshold of 5 farm votes; proposals under the threshold, with too short a duration,
// by non-members or twice are refused. The farms vote (the first vote of a farm is free; changing sides
// is paid); bad votes are refused with the named Dao error. Once 5 farms voted, a council member closes
// each proposal before its end: the one whose ayes outweigh its nays is approved and its call runs as
// Root (Executed, ConnectionPrice changes, a node registered afterwards gets the new price); the other,
// with more ayes than nays but less aye weight, is disapproved and its call does not run.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';

import { TFT, freshPair, makeKeyring } from '../lib/accounts.js';
import {
  PALLET_INDEX,
  callWeight,
  createNodeArgs,
  eventFields,
  eventNames,
  eventOf,
  eventsOf,
  expectModuleError,
  expectOk,
  farmerSetupItems,
  feeOf,
  nodeWeight,
} from '../lib/governance.js';
import { Fixture, nodeSuite, printNodeLogsOnFailure } from '../lib/harness.js';
import { blockNumber, submitAll } from '../lib/tfgrid.js';

const GIB = 1024 ** 3;
const TIB = 1024 * GIB;

/** Blocks of a day with 6-second blocks; the default voting period is 7 days (DaoMotionDuration). */
const DAY = 14_400;
const MOTION_DURATION = 7 * DAY;

/** Call indices TFChain 2.9 clients encode for the Dao calls. */
const CALL_INDEX = { propose: 0, vote: 1, veto: 2, close: 3 };
const STORAGE = ['proposalList', 'proposals', 'proposalOf', 'voting', 'proposalCount', 'farmWeight',
  'nodeWeights', 'proposers'];

/**
 * The farmers: four small farms and one big one (whose weight exceeds the four small ones together),
 * plus a farm without nodes. No resource set makes a tie in the cu minimum (which would give cu 0).
 */
const FARMERS = [
  { label: 'farmer1', resources: { hru: 0, sru: 250 * GIB, cru: 2, mru: 4 * GIB } },
  { label: 'farmer2', resources: { hru: 1 * TIB, sru: 300 * GIB, cru: 4, mru: 8 * GIB } },
  { label: 'farmer3', resources: { hru: 2 * TIB, sru: 500 * GIB, cru: 4, mru: 16 * GIB } },
  { label: 'farmer4', resources: { hru: 0, sru: 400 * GIB, cru: 3, mru: 8 * GIB } },
  { label: 'bigFarmer', resources: { hru: 100 * TIB, sru: 8 * TIB, cru: 64, mru: 256 * GIB } },
  { label: 'noNodeFarmer', resources: null },
];

nodeSuite('Dao on a --dev node: the council proposes, farms vote by weight, the call runs as Root',
  { timeout: 15 * 60_000 }, () => {
    const fx = new Fixture();
    let devNodeProcess;
    let api;
    let keyring;
    let alice;
    let bob;
    const farmers = {}; // label -> { who, farmId, nodeId, weight, resources }
    let callA; // setConnectionPrice(123): approved by weight
    let callB; // setConnectionPrice(456): outweighed
    let hashA;
    let hashB;
    let indexA;
    let indexB;

    printNodeLogsOnFailure(() => fx.nodes);

    before(async () => {
      await fx.init();
      ({ node: devNodeProcess, api } = await fx.startDevNode({ name: 'dao' }));
      keyring = await makeKeyring();
      alice = keyring.addFromUri('//Alice');
      bob = keyring.addFromUri('//Bob');
    }, { timeout: 180_000 });

    after(() => fx.close(), { timeout: 60_000 });

    function requireEarlier(what, ...values) {
      assert.ok(values.every((v) => v !== undefined), `this step needs ${what} from an earlier step, which failed`);
    }

    const farmer = (label) => farmers[label];

    it('has Dao at index 43 with the 2.9 call indices and storage; the council is Alice and Bob', async () => {
      const pallet = api.runtimeMetadata.asLatest.pallets.find((p) => p.name.toString() === 'Dao');
      assert.ok(pallet, 'the runtime has a Dao pallet');
      assert.equal(pallet.index.toNumber(), PALLET_INDEX.dao, 'Dao index');
      for (const [call, index] of Object.entries(CALL_INDEX)) {
        assert.deepEqual([...api.tx.dao[call].callIndex], [PALLET_INDEX.dao, index], `call index of dao.${call}`);
      }
      for (const name of STORAGE) assert.ok(api.query.dao[name], `storage api.query.dao.${name} exists`);
      const members = (await api.query.councilMembership.members()).map((m) => m.toString());
      assert.deepEqual([...members].sort(), [alice.address, bob.address].sort(), 'CouncilMembership members');
      const council = (await api.query.council.members()).map((m) => m.toString());
      assert.deepEqual([...council].sort(), [alice.address, bob.address].sort(), 'Council members');
      assert.equal((await api.query.dao.proposalCount()).toNumber(), 0, 'no proposal yet');
    });

    it('gives each farm the weight of its node (2 * cu + su) in FarmWeight', { timeout: 180_000 }, async (t) => {
      for (const { label, resources } of FARMERS) {
        farmers[label] = { who: freshPair(keyring, label), resources, weight: resources ? nodeWeight(resources) : 0 };
      }
      // Alice funds the farmers.
      const funded = await submitAll(api, FARMERS.map(({ label }) => ({
        what: `Alice funds ${label}`,
        signer: alice,
        tx: api.tx.balances.transferKeepAlive(farmer(label).who.address, 1_000n * TFT),
      })));
      funded.forEach((result) => expectOk(api, result));

      // T&C, twin and farm for everyone (the farm ids come from the events: blocks order signers freely).
      const farmItems = FARMERS.flatMap(({ label }) => farmerSetupItems(api, {
        who: farmer(label).who, label, farmName: `dao-e2e-${label}`,
      }));
      const farmResults = await submitAll(api, farmItems);
      for (const result of farmResults) {
        expectOk(api, result);
        const stored = eventsOf(result, 'tfgridModule', 'FarmStored');
        if (stored.length === 1) {
          const [farm] = eventFields(stored[0]);
          const label = farm.name.replace('dao-e2e-', '');
          farmers[label].farmId = farm.id;
        }
      }
      for (const { label } of FARMERS) assert.ok(farmer(label).farmId, `${label} has a farm`);

      // One node per farm (of the farmer's own twin), except for the farm without nodes.
      const nodeFarmers = FARMERS.filter(({ resources }) => resources);
      const nodeResults = await submitAll(api, nodeFarmers.map(({ label, resources }) => ({
        what: `${label} registers a node`,
        signer: farmer(label).who,
        tx: api.tx.tfgridModule.createNode(...createNodeArgs(farmer(label).farmId, resources)),
      })));
      for (const [i, result] of nodeResults.entries()) {
        expectOk(api, result);
        const [node] = eventFields(eventOf(result, 'tfgridModule', 'NodeStored'));
        const { label } = nodeFarmers[i];
        assert.equal(node.farmId, farmer(label).farmId, `${result.what}: NodeStored farm`);
        farmers[label].nodeId = node.id;
      }

      // Issue 12: a new node's self-reported capacity does not count (not certified, no uptime history).
      for (const { label } of nodeFarmers) {
        const { farmId, nodeId, weight } = farmer(label);
        assert.equal((await api.query.dao.farmWeight(farmId)).toNumber(), 0, `${label}: a fresh node weighs nothing`);
        assert.deepEqual((await api.query.dao.nodeWeights(nodeId)).unwrap().toPrimitive(),
          { farmId, weight, certified: false, onlineProven: false }, `${label}: NodeWeights[${nodeId}]`);
      }

      // A council motion (both members) makes Alice a node certifier.
      const addCertifier = api.tx.tfgridModule.addNodeCertifier(alice.address).method;
      const motionHash = addCertifier.hash.toHex();
      const motionIndex = (await api.query.council.proposalCount()).toNumber();
      const motion = await submitAll(api, [
        { what: 'Alice proposes a council motion to make her a node certifier', signer: alice,
          tx: api.tx.council.propose(2, addCertifier, addCertifier.encodedLength) },
        { what: 'Alice votes aye on her motion', signer: alice, tx: api.tx.council.vote(motionHash, motionIndex, true) },
      ]);
      motion.forEach((result) => expectOk(api, result));
      const weightBound = await callWeight(api, devNodeProcess, addCertifier);
      const [bobAye, motionClosed] = await submitAll(api, [
        { what: 'Bob votes aye on the certifier motion', signer: bob, tx: api.tx.council.vote(motionHash, motionIndex, true) },
        { what: 'Bob closes the certifier motion', signer: bob,
          tx: api.tx.council.close(motionHash, motionIndex, weightBound, addCertifier.encodedLength) },
      ]);
      expectOk(api, bobAye);
      expectOk(api, motionClosed);
      assert.deepEqual(eventFields(eventOf(motionClosed, 'tfgridModule', 'NodeCertifierAdded')), [alice.address],
        'the motion made Alice a node certifier');

      // Alice certifies the five nodes; each then reports its uptime, and the DAO learns the
      // certification from the report (pallet-reputation tells it).
      const certified = await submitAll(api, nodeFarmers.map(({ label }) => ({
        what: `Alice certifies ${label}'s node`,
        signer: alice,
        tx: api.tx.tfgridModule.setNodeCertification(farmer(label).nodeId, 'Certified'),
      })));
      certified.forEach((result) => expectOk(api, result));
      const reported = await submitAll(api, nodeFarmers.map(({ label }) => ({
        what: `${label}'s node reports its uptime`,
        signer: farmer(label).who,
        tx: api.tx.tfgridModule.reportUptimeV2(3_600, Math.floor(Date.now() / 1000)),
      })));
      reported.forEach((result) => expectOk(api, result));

      const dao = api.query.dao;
      const weights = {};
      for (const { label } of FARMERS) {
        const { farmId, weight } = farmer(label);
        weights[label] = (await dao.farmWeight(farmId)).toNumber();
        assert.equal(weights[label], weight, `FarmWeight[${farmId}] of ${label}`);
      }
      t.diagnostic(`FarmWeight by farmer: ${JSON.stringify(weights)}`);
      const small = ['farmer1', 'farmer2', 'farmer3', 'farmer4'];
      assert.ok(small.every((label) => weights[label] > 0), `every node farm weighs something: ${JSON.stringify(weights)}`);
      assert.ok(weights.bigFarmer > small.reduce((sum, label) => sum + weights[label], 0),
        `the big farm outweighs the four small ones together: ${JSON.stringify(weights)}`);
      assert.equal(weights.noNodeFarmer, 0, 'a farm without nodes weighs 0');
    });

    it('refuses proposals under threshold 5, shorter than a day, or by non-members; records the good ones',
      { timeout: 120_000 }, async () => {
        requireEarlier('the farms', farmer('farmer1').farmId);
        callA = api.tx.tfgridModule.setConnectionPrice(123).method;
        callB = api.tx.tfgridModule.setConnectionPrice(456).method;
        hashA = callA.hash.toHex();
        hashB = callB.hash.toHex();
        const other = (price) => api.tx.tfgridModule.setConnectionPrice(price).method;
        const countBefore = (await api.query.dao.proposalCount()).toNumber();

        const [proposedA, proposedB, lowThreshold, shortDuration, notMember] = await submitAll(api, [
          { what: 'Alice proposes connection price 123 (threshold 5, default period)', signer: alice,
            tx: api.tx.dao.propose(5, callA, 'Connection price 123', 'https://forum.threefold.io/t/e2e-a', null) },
          { what: 'Bob proposes connection price 456 (threshold 5, one day)', signer: bob,
            tx: api.tx.dao.propose(5, callB, 'Connection price 456', 'https://forum.threefold.io/t/e2e-b', DAY) },
          { what: 'Alice proposes with threshold 4', signer: alice,
            tx: api.tx.dao.propose(4, other(1), 'low threshold', 'link', null) },
          { what: 'Alice proposes for one block less than a day', signer: alice,
            tx: api.tx.dao.propose(5, other(2), 'short', 'link', DAY - 1) },
          { what: 'farmer1 (not on the council) proposes', signer: farmer('farmer1').who,
            tx: api.tx.dao.propose(5, other(3), 'not a member', 'link', null) },
        ]);

        expectModuleError(api, lowThreshold, 'dao', 'ThresholdTooLow');
        expectModuleError(api, shortDuration, 'dao', 'InvalidProposalDuration');
        expectModuleError(api, notMember, 'dao', 'NotCouncilMember');

        const proposals = [
          { result: proposedA, who: alice, hash: hashA, call: callA, duration: MOTION_DURATION,
            description: 'Connection price 123', link: 'https://forum.threefold.io/t/e2e-a' },
          { result: proposedB, who: bob, hash: hashB, call: callB, duration: DAY,
            description: 'Connection price 456', link: 'https://forum.threefold.io/t/e2e-b' },
        ];
        const indices = proposals.map(({ result }) => {
          expectOk(api, result);
          return eventFields(eventOf(result, 'dao', 'Proposed')).proposalIndex;
        });
        [indexA, indexB] = indices;
        for (const [i, { result, who, hash, call, duration, description, link }] of proposals.entries()) {
          const proposed = eventFields(eventOf(result, 'dao', 'Proposed'));
          assert.deepEqual(proposed,
            { account: who.address, proposalIndex: indices[i], proposalHash: hash, threshold: 5 },
            `${result.what}: Proposed`);
          const dao = (await api.at(result.blockHash)).query.dao;
          assert.ok((await dao.proposalList()).map((h) => h.toHex()).includes(hash), `${result.what}: in ProposalList`);
          assert.deepEqual((await dao.proposals(hash)).unwrap().toPrimitive(),
            { index: proposed.proposalIndex, description, link },
            `${result.what}: Proposals[hash]`);
          assert.equal((await dao.proposalOf(hash)).unwrap().toHex(), call.toHex(), `${result.what}: ProposalOf[hash]`);
          const proposedAt = await blockNumber(api, result.blockHash);
          assert.deepEqual((await dao.voting(hash)).unwrap().toPrimitive(), {
            index: proposed.proposalIndex, threshold: 5, ayes: [], nays: [], end: proposedAt + duration, vetos: [],
          }, `${result.what}: Voting[hash] (the period ends ${duration} blocks after block #${proposedAt})`);
        }
        assert.deepEqual([...indices].sort(), [countBefore, countBefore + 1], 'the proposals get the next two indices');
        assert.equal((await api.query.dao.proposalCount()).toNumber(), countBefore + 2,
          'ProposalCount counts only the accepted proposals');
        assert.equal((await api.query.dao.proposalList()).length, 2, 'two open proposals');
      });

    it('refuses a duplicate proposal, votes by strangers or farms without nodes, and an early close',
      { timeout: 120_000 }, async () => {
        requireEarlier('the proposals', indexA, indexB);
        const missingHash = api.tx.tfgridModule.setConnectionPrice(789).method.hash.toHex();
        const [duplicate, noNodes, stranger, missing, early, veto] = await submitAll(api, [
          { what: 'Bob proposes Alice\'s call again', signer: bob,
            tx: api.tx.dao.propose(5, callA, 'again', 'link', null) },
          { what: 'noNodeFarmer votes with a farm without nodes', signer: farmer('noNodeFarmer').who,
            tx: api.tx.dao.vote(farmer('noNodeFarmer').farmId, hashA, true) },
          { what: 'farmer1 votes with farmer2\'s farm', signer: farmer('farmer1').who,
            tx: api.tx.dao.vote(farmer('farmer2').farmId, hashA, true) },
          { what: 'farmer2 votes on a proposal that does not exist', signer: farmer('farmer2').who,
            tx: api.tx.dao.vote(farmer('farmer2').farmId, missingHash, true) },
          { what: 'Alice closes proposal A before its end with no votes', signer: alice,
            tx: api.tx.dao.close(hashA, indexA) },
          { what: 'Alice vetoes proposal B', signer: alice, tx: api.tx.dao.veto(hashB) },
        ]);
        expectModuleError(api, duplicate, 'dao', 'DuplicateProposal');
        expectModuleError(api, noNodes, 'dao', 'FarmHasNoNodes');
        expectModuleError(api, stranger, 'dao', 'NotAuthorizedToVote');
        expectModuleError(api, missing, 'dao', 'ProposalMissing');
        expectModuleError(api, early, 'dao', 'OngoingVoteAndTresholdStillNotMet');

        // One veto of the three (DaoMinVetos) needed to reject: recorded, the proposal stays open.
        expectOk(api, veto);
        assert.deepEqual(eventNames(veto, 'dao'), ['CouncilMemberVeto'], 'a single veto does not close');
        assert.deepEqual(eventFields(eventOf(veto, 'dao', 'CouncilMemberVeto')), { proposalHash: hashB, who: alice.address },
          'CouncilMemberVeto');
        assert.equal(feeOf(api, veto), 0n, 'a veto is free');
        const votingB = (await (await api.at(veto.blockHash)).query.dao.voting(hashB)).unwrap();
        assert.deepEqual(votingB.vetos.map((v) => v.toString()), [alice.address], 'Voting[B].vetos');
        assert.equal(votingB.ayes.length + votingB.nays.length, 0, 'no votes were recorded');
      });

    it('records the farms\' votes with their weights; a first vote is free, changing sides is paid',
      { timeout: 120_000 }, async () => {
        requireEarlier('the proposals', indexA, indexB);
        const vote = (label, hash, approve, what) => ({
          label,
          hash,
          approve,
          what: `${label} ${what ?? (approve ? 'votes aye' : 'votes nay')} on ${hash === hashA ? 'A' : 'B'}`,
          signer: farmer(label).who,
          tx: api.tx.dao.vote(farmer(label).farmId, hash, approve),
        });
        // Each farmer's votes run in nonce order: farmer4's nay on A comes before its change to aye,
        // farmer1's aye on A before its duplicate.
        const firstVotes = [
          vote('bigFarmer', hashA, true),
          vote('farmer1', hashA, true),
          vote('farmer2', hashA, true),
          vote('farmer3', hashA, false),
          vote('farmer4', hashA, false),
          vote('farmer1', hashB, true),
          vote('farmer2', hashB, true),
          vote('farmer3', hashB, true),
          vote('farmer4', hashB, true),
          vote('bigFarmer', hashB, false),
        ];
        const later = [
          vote('farmer1', hashA, true, 'votes aye again'),
          vote('farmer4', hashA, true, 'changes to aye'),
          { what: 'Alice vetoes B a second time', signer: alice, tx: api.tx.dao.veto(hashB) },
        ];
        const results = await submitAll(api, [...firstVotes, ...later]);
        const [duplicateVote, changed, duplicateVeto] = results.splice(firstVotes.length);

        expectModuleError(api, duplicateVote, 'dao', 'DuplicateVote');
        expectModuleError(api, duplicateVeto, 'dao', 'DuplicateVeto');
        for (const [i, result] of results.entries()) {
          const { label, hash, approve } = firstVotes[i];
          expectOk(api, result);
          const { account, proposalHash, voted } = eventFields(eventOf(result, 'dao', 'Voted'));
          assert.deepEqual({ account, proposalHash, voted },
            { account: farmer(label).who.address, proposalHash: hash, voted: approve }, `${result.what}: Voted`);
          assert.equal(feeOf(api, result), 0n, `${result.what}: a farm's first vote on a proposal is free`);
        }
        expectOk(api, changed);
        const switched = eventFields(eventOf(changed, 'dao', 'Voted'));
        assert.deepEqual({ account: switched.account, proposalHash: switched.proposalHash, voted: switched.voted },
          { account: farmer('farmer4').who.address, proposalHash: hashA, voted: true }, 'Voted of the change');
        assert.ok(feeOf(api, changed) > 0n, 'changing sides is paid');

        const sides = async (hash) => {
          const voting = (await api.query.dao.voting(hash)).unwrap().toPrimitive();
          const sorted = (votes) => [...votes].sort((a, b) => a.farmId - b.farmId);
          return { ayes: sorted(voting.ayes), nays: sorted(voting.nays), vetos: voting.vetos };
        };
        const votesOf = (...labels) => labels
          .map((label) => ({ farmId: farmer(label).farmId, weight: farmer(label).weight }))
          .sort((a, b) => a.farmId - b.farmId);
        assert.deepEqual(await sides(hashA), {
          ayes: votesOf('bigFarmer', 'farmer1', 'farmer2', 'farmer4'),
          nays: votesOf('farmer3'),
          vetos: [],
        }, 'Voting[A]: each farm once, on its last side, with its FarmWeight');
        assert.deepEqual(await sides(hashB), {
          ayes: votesOf('farmer1', 'farmer2', 'farmer3', 'farmer4'),
          nays: votesOf('bigFarmer'),
          vetos: [alice.address],
        }, 'Voting[B]');
      });

    it('closes early once 5 farms voted: A passes by weight and its call runs as Root, B is outweighed',
      { timeout: 120_000 }, async () => {
        requireEarlier('the votes', hashA, hashB, indexA, indexB);
        const priceBefore = (await api.query.tfgridModule.connectionPrice()).toNumber();
        assert.equal(priceBefore, 80, 'the genesis connection price');
        const [closedA, closedB] = await submitAll(api, [
          { what: 'Bob closes A', signer: bob, tx: api.tx.dao.close(hashA, indexA) },
          { what: 'Alice closes B', signer: alice, tx: api.tx.dao.close(hashB, indexB) },
        ]);
        const weightOf = (...labels) => labels.reduce((sum, label) => sum + farmer(label).weight, 0);

        expectOk(api, closedA);
        assert.deepEqual(eventNames(closedA, 'dao'), ['Closed', 'Approved', 'Executed'], 'A: Dao events in order');
        assert.deepEqual(eventFields(eventOf(closedA, 'dao', 'Closed')), {
          proposalHash: hashA, yes: 4, yesWeight: weightOf('bigFarmer', 'farmer1', 'farmer2', 'farmer4'),
          no: 1, noWeight: weightOf('farmer3'),
        }, 'A: Closed with the vote counts and weights');
        assert.deepEqual(eventFields(eventOf(closedA, 'dao', 'Executed')), { proposalHash: hashA, result: { ok: null } },
          'A: Executed with Ok (the call accepted the Root origin)');
        assert.deepEqual(eventFields(eventOf(closedA, 'tfgridModule', 'ConnectionPriceSet')), [123],
          'A: the proposed call ran (ConnectionPriceSet(123))');
        assert.equal(feeOf(api, closedA), 0n, 'closing is free');

        expectOk(api, closedB);
        assert.deepEqual(eventNames(closedB, 'dao'), ['Closed', 'Disapproved'], 'B: Dao events in order');
        assert.deepEqual(eventFields(eventOf(closedB, 'dao', 'Closed')), {
          proposalHash: hashB, yes: 4, yesWeight: weightOf('farmer1', 'farmer2', 'farmer3', 'farmer4'),
          no: 1, noWeight: weightOf('bigFarmer'),
        }, 'B: Closed (more ayes, but less aye weight)');
        assert.deepEqual(eventsOf(closedB, 'tfgridModule'), [], 'B: its call did not run');

        const dao = api.query.dao;
        assert.equal((await api.query.tfgridModule.connectionPrice()).toNumber(), 123, 'ConnectionPrice is A\'s');
        assert.deepEqual((await dao.proposalList()).toPrimitive(), [], 'no open proposal left');
        for (const hash of [hashA, hashB]) {
          assert.ok((await dao.proposals(hash)).isNone, `Proposals[${hash}] removed`);
          assert.ok((await dao.proposalOf(hash)).isNone, `ProposalOf[${hash}] removed`);
          assert.ok((await dao.voting(hash)).isNone, `Voting[${hash}] removed`);
        }
      });

    it('applies the executed call to the grid and refuses to close a closed proposal', { timeout: 120_000 },
      async () => {
        requireEarlier('the closed proposals', hashA, indexA, farmer('noNodeFarmer').farmId);
        const label = 'noNodeFarmer';
        const resources = { hru: 0, sru: 250 * GIB, cru: 2, mru: 4 * GIB };
        const [registered, closedAgain, notMember] = await submitAll(api, [
          { what: `${label} registers a node after the price change`, signer: farmer(label).who,
            tx: api.tx.tfgridModule.createNode(...createNodeArgs(farmer(label).farmId, resources)) },
          { what: 'Bob closes A again', signer: bob, tx: api.tx.dao.close(hashA, indexA) },
          { what: 'farmer1 (not on the council) closes A', signer: farmer('farmer1').who,
            tx: api.tx.dao.close(hashA, indexA) },
        ]);
        expectOk(api, registered);
        const [node] = eventFields(eventOf(registered, 'tfgridModule', 'NodeStored'));
        assert.equal(node.connectionPrice, 123, 'a new node gets the connection price the DAO set');
        assert.equal((await api.query.dao.farmWeight(farmer(label).farmId)).toNumber(), 0,
          'the farm still weighs nothing: its new node is neither certified nor proven online (issue 12)');
        assert.equal((await api.query.dao.nodeWeights(node.id)).unwrap().weight.toNumber(), nodeWeight(resources),
          'NodeWeights records the new node\'s weight');
        expectModuleError(api, closedAgain, 'dao', 'ProposalMissing');
        expectModuleError(api, notMember, 'dao', 'NotCouncilMember');
      });
  });
