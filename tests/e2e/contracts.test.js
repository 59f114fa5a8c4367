// SmartContractModule through a single --dev node that runs no offchain worker: node, name and rent
// contracts, their billing by the chain itself (the billing loop in each block's initialization),
// the grace period of an underfunded twin, and cancellation.
//
// Every bill the chain makes is checked against an amount this file computes itself (tests/lib/
// contracts.js: the spec's 64.64 fixed-point arithmetic) from the genesis pricing policy, the TFT
// price, the seconds since the contract's last bill, the capacity the node reported and the
// discount the owner's balance earns — read from the state just before the bill — with the
// minimum charge of node contracts and the cap on one node-contract bill (issue 12). No tolerance:
// the amounts must be equal to the unit.
//
// Accounts: Alice (the only validator) funds the users and then sends nothing (as when her offchain
// worker signed bills with her account; it no longer does).
// BobStash is the farmer (a farm with two public IPs) and runs the node that is rented (dedicated
// by an extra fee); Bob runs the node that hosts the node contract and reports its capacity; the
// user (a fresh account with 2 000 TFT) owns one contract of each kind; the grace user (a fresh
// account) registers a name and then gives away all it can spend.
//
// Timing: dev blocks come every 6 s and each contract is billed every 10 blocks (bucket
// `contract id % 10`, in the block whose number ends in it, for the time up to its parent), so the
// suite waits about two billing cycles (under 3 minutes in all).
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';

import { blake2AsHex } from '@polkadot/util-crypto';

import { TFT, makeKeyring } from '../lib/accounts.js';
import { bestHead, connectApi, waitFor, waitForBest } from '../lib/chain.js';
import {
  BlockRecorder,
  MAX_BILL_MULTIPLIER,
  NODE_CONTRACT_MINIMUM_CHARGE,
  SMART_CONTRACT_ERROR_INDEX,
  SMART_CONTRACT_EVENT_INDEX,
  SMART_CONTRACT_PALLET_INDEX,
  contractEvent,
  contractIdOf,
  expectContractError,
  billSeconds,
  expectedBill,
  isContractEvent,
  isLaterPhase,
  isSamePhase,
  rewardSplit,
} from '../lib/contracts.js';
import { Fixture, nodeSuite, printNodeLogsOnFailure, withNodeLogsOnError } from '../lib/harness.js';
import { devNode } from '../lib/networks.js';
import { expectSuccess, feePaid, submitAll, tfgridEvent } from '../lib/tfgrid.js';

const GIB = 1024n ** 3n;
const TIB = 1024n * GIB;

/** Call indices TFChain 2.9 clients encode for the calls this file uses. */
const CALL_INDEX = {
  createNodeContract: 0,
  cancelContract: 2,
  createNameContract: 4,
  reportContractResources: 6,
  createRentContract: 7,
  billContractForBlock: 10,
  setDedicatedNodeExtraFee: 20,
};

/** The dev chain's genesis pricing policy 1 (units-USD = 10^-7 USD per hour; names per hour). */
const POLICY = {
  su: { value: 50_000, unit: 'Gigabytes' },
  cu: { value: 100_000, unit: 'Gigabytes' },
  nu: { value: 15_000, unit: 'Gigabytes' },
  ipu: { value: 40_000, unit: 'Gigabytes' },
  uniqueName: { value: 2_500, unit: 'Gigabytes' },
  domainName: { value: 5_000, unit: 'Gigabytes' },
  discountForDedicationNodes: 50,
};
/** The dev chain's genesis TFT price, in mUSD per TFT (no price feed without internet). */
const PRICE = { average: 50, min: 10, max: 1_000 };
const BILLING_FREQUENCY = 10;
const ED = 500n;

const TC_LINK = 'https://library.threefold.me/info/legal/#/legal__terms_conditions_chain';
const TC_HASH = 'a7f4e1b3c9d2e5f60718293a4b5c6d7e';
const RELAY = 'relay.e2e.grid.tf';
const FARM_NAME = 'e2e-contracts-farm';
const GATEWAY = '185.206.122.1';
const IP_A = '185.206.122.33/24';
const IP_B = '185.206.122.34/24';
const MISSING_ID = 9_999;
/** Monthly extra fee of the rented node, in mUSD (5 USD). */
const EXTRA_FEE = 5_000;
const NAME = 'e2e-gateway';
const GRACE_NAME = 'e2e-grace';
const DEPLOYMENT_HASH = blake2AsHex('e2e deployment 1', 256);
const DEPLOYMENT_DATA = '{"e2e":"vm with one public ip"}';
/** What the user and the grace user are given, and the grace user's top-up. */
const USER_FUNDS = 2_000n * TFT;
const GRACE_FUNDS = 10n * TFT;
const GRACE_TOP_UP = 1n * TFT;

const NODE_LOCATION = { city: 'Ghent', country: 'Belgium', latitude: '51.05', longitude: '3.71' };
/** The node that is rented (BobStash's). */
const RENT_NODE = { hru: 2n * TIB, sru: 512n * GIB, cru: 8n, mru: 16n * GIB };
/** The node that hosts the node contract (Bob's). */
const DEPLOY_NODE = { hru: 4n * TIB, sru: 1n * TIB, cru: 16n, mru: 64n * GIB };
/** The capacity Bob's node reports for the node contract. */
const USED = { hru: 0n, sru: 50n * GIB, cru: 2n, mru: 4n * GIB };

/**
 * With 2 000 TFT the user covers (at the genesis price) about 34 months of an IP-only node contract,
 * 9 months of the node contract with its reported capacity, 4.5 months of the rent and 550 months of
 * the name: Gold, Silver, Bronze and Gold. The bills after the capacity report check three levels.
 */
const DESIGNED_LEVEL = { node: 'Silver', rent: 'Bronze', name: 'Gold' };

function createNodeArgs(farmId, resources) {
  return [farmId, resources, NODE_LOCATION, [], false, false, null];
}

/** Plain BigInts of a Balance codec. */
const big = (codec) => codec.toBigInt();

nodeSuite('SmartContractModule on a --dev node', { timeout: 10 * 60_000 }, () => {
  const fx = new Fixture();
  let node;
  let api;
  let recorder;
  let alice;
  let bob;
  let bobStash;
  let user;
  let graceUser;
  let eve;

  // What the steps create, for the steps after them.
  let farmId;
  let rentNodeId;
  let deployNodeId;
  let userTwin;
  let graceTwin;
  let graceContractId;
  const contractOf = {}; // kind -> contract id of the user's contracts
  const verifiedBills = new Map(); // `${block}/${event index}` -> expected bill

  printNodeLogsOnFailure(() => fx.nodes);

  before(async () => {
    await fx.init();
    // No offchain worker: billing is the chain's own (issue 14).
    node = fx.track(await devNode({ root: fx.root, extraArgs: ['--offchain-worker', 'never'] }));
    await withNodeLogsOnError(() => fx.nodes, 'dev node setup failed', async () => {
      await node.start();
      api = fx.trackApi(await connectApi(node));
      recorder = await new BlockRecorder(api).start();
      await waitForBest(node, 1, { timeoutMs: 60_000 });
    });
    const keyring = await makeKeyring();
    alice = keyring.addFromUri('//Alice');
    bob = keyring.addFromUri('//Bob');
    bobStash = keyring.addFromUri('//Bob//stash');
    eve = keyring.addFromUri('//Eve').address;
    user = keyring.addFromUri(`//e2e-contracts-user-${process.pid}`);
    graceUser = keyring.addFromUri(`//e2e-contracts-grace-${process.pid}`);
  }, { timeout: 180_000 });

  after(async () => {
    recorder?.stop();
    await fx.close();
  }, { timeout: 60_000 });

  function requireEarlier(what, ...values) {
    assert.ok(values.every((v) => v !== undefined), `this step needs ${what} from an earlier step, which failed`);
  }

  const stateAt = async (hash) => (await api.at(hash)).query;

  /** The SmartContractModule events of `method` about contract `id`, in chain order. */
  const eventsOf = (method, id) =>
    recorder.find((event) => isContractEvent(method)(event) && contractIdOf(event) === id);

  /**
   * Checks one recorded ContractBilled or ContractPaymentOverdrawn against the bill computed from
   * the state before it; checks the reserve it made and the contract's payment state after it.
   * `byChain`: the bill is the chain's own, made by the billing loop in the block's initialization.
   */
  async function verifyBill(record, { byChain }) {
    const { block, extrinsic, index, event } = record;
    const key = `${block.number}/${index}`;
    if (verifiedBills.has(key)) return verifiedBills.get(key);
    const id = contractIdOf(event);
    const what = `bill of contract ${id} in block #${block.number}`;
    const expected = await expectedBill(api, {
      block, extrinsic, contractId: id, policy: POLICY, existentialDeposit: ED,
    });
    assert.deepEqual(expected.price, PRICE, `${what}: the genesis TFT price is in force`);
    assert.ok(expected.secs > 0, `${what}: time passed since the last bill`);

    if (event.method === 'ContractBilled') {
      assert.ok(expected.sufficient, `${what}: ContractBilled although the twin could not pay (${expected.twinUsable} < ${expected.totalToReserve})`);
      const bill = event.data[0];
      assert.deepEqual({
        contractId: bill.contractId.toNumber(),
        timestamp: bill.timestamp.toNumber(),
        discountLevel: bill.discountLevel.type,
        amountBilled: big(bill.amountBilled),
      }, {
        contractId: id,
        timestamp: billSeconds(block, extrinsic),
        discountLevel: expected.level,
        amountBilled: expected.totalToReserve,
      }, `${what}: ContractBilled (${expected.secs} s of ${expected.kind} contract, ${expected.units} units-USD)`);
    } else {
      assert.ok(!expected.sufficient, `${what}: overdrawn although the twin could pay`);
      const due = expected.standard + expected.additional;
      assert.deepEqual({
        contractId: event.data.contractId.toNumber(),
        timestamp: event.data.timestamp.toNumber(),
        partiallyBilledAmount: big(event.data.partiallyBilledAmount),
        overdraft: big(event.data.overdraft),
      }, {
        contractId: id,
        timestamp: billSeconds(block, extrinsic),
        partiallyBilledAmount: expected.twinUsable,
        overdraft: due > expected.twinUsable ? due - expected.twinUsable : 0n,
      }, `${what}: ContractPaymentOverdrawn`);
    }

    // The funds reserved on the owner's account in the same extrinsic (or initialization).
    const reservedNow = block.events
      .filter(({ phase, event: e }) => isSamePhase(phase, extrinsic)
        && api.events.balances.Reserved.is(e) && e.data.who.toString() === expected.twinAccount)
      .reduce((sum, { event: e }) => sum + big(e.data.amount), 0n);
    const reservable = expected.sufficient ? expected.totalToReserve : expected.twinUsable;
    assert.equal(reservedNow, reservable, `${what}: Balances.Reserved on the owner`);

    assert.equal(extrinsic === null, byChain,
      `${what}: ${byChain ? "the chain's billing loop, in the block's initialization" : 'in an extrinsic'}`);

    // The payment state after the bill (unless the contract ended in it).
    const after = await (await stateAt(block.hash)).smartContractModule.contractPaymentState(id);
    const laterBills = block.events.some(({ phase, event: e }) => isLaterPhase(phase, extrinsic)
      && (isContractEvent('ContractBilled')(e) || isContractEvent('ContractPaymentOverdrawn')(e))
      && contractIdOf(e) === id);
    if (after.isSome && !laterBills) {
      const before = expected.paymentBefore;
      const stdToReserve = expected.standard + big(before.standardOverdraft);
      const addToReserve = expected.additional + big(before.additionalOverdraft);
      const addPaid = addToReserve < reservable ? addToReserve : reservable;
      const stdPaid = stdToReserve < reservable - addPaid ? stdToReserve : reservable - addPaid;
      assert.deepEqual({
        standardReserve: big(after.unwrap().standardReserve),
        additionalReserve: big(after.unwrap().additionalReserve),
        standardOverdraft: big(after.unwrap().standardOverdraft),
        additionalOverdraft: big(after.unwrap().additionalOverdraft),
        lastUpdatedSeconds: after.unwrap().lastUpdatedSeconds.toNumber(),
        cycles: after.unwrap().cycles.toNumber(),
      }, {
        standardReserve: big(before.standardReserve) + stdPaid,
        additionalReserve: big(before.additionalReserve) + addPaid,
        standardOverdraft: stdToReserve - stdPaid,
        additionalOverdraft: addToReserve - addPaid,
        lastUpdatedSeconds: billSeconds(block, extrinsic),
        cycles: before.cycles.toNumber() + 1,
      }, `${what}: ContractPaymentState after the bill`);
    }
    verifiedBills.set(key, expected);
    return expected;
  }

  /** TransactionFeePaid by `address` in blocks up to `number`. */
  function feesPaidBy(address, number) {
    return recorder
      .find((event) => api.events.transactionPayment.TransactionFeePaid.is(event) && event.data.who.toString() === address)
      .filter(({ block }) => block.number <= number)
      .reduce((sum, { event }) => sum + big(event.data.actualFee), 0n);
  }

  it('has SmartContractModule at index 26 with the TFChain calls, 2.9 events and errors', () => {
    const pallet = api.runtimeMetadata.asLatest.pallets.find((p) => p.name.toString() === 'SmartContractModule');
    assert.ok(pallet, 'the runtime has a SmartContractModule pallet');
    assert.equal(pallet.index.toNumber(), SMART_CONTRACT_PALLET_INDEX, 'SmartContractModule index');
    for (const [call, index] of Object.entries(CALL_INDEX)) {
      assert.ok(api.tx.smartContractModule[call], `call smartContractModule.${call} exists`);
      assert.deepEqual([...api.tx.smartContractModule[call].callIndex], [SMART_CONTRACT_PALLET_INDEX, index],
        `call index of smartContractModule.${call}`);
    }
    for (const [name, index] of Object.entries(SMART_CONTRACT_EVENT_INDEX)) {
      assert.equal(api.events.smartContractModule[name]?.meta.index.toNumber(), index, `index of event ${name}`);
    }
    for (const [name, index] of Object.entries(SMART_CONTRACT_ERROR_INDEX)) {
      assert.equal(api.errors.smartContractModule[name]?.meta.index.toNumber(), index, `index of error ${name}`);
    }
    assert.ok(api.query.smartContractModule.contractPaymentState, 'storage ContractPaymentState exists');
  });

  it('bills every 10 blocks with the genesis pricing policy and TFT price', async () => {
    const sc = api.query.smartContractModule;
    assert.equal((await sc.billingFrequency()).toNumber(), BILLING_FREQUENCY, 'BillingFrequency');
    assert.equal((await sc.contractID()).toNumber(), 0, 'no contract at genesis');
    assert.equal((await sc.palletVersion()).toString(), 'V12', 'PalletVersion');
    const price = api.query.tftPriceModule;
    assert.deepEqual({
      average: (await price.averageTftPrice()).toNumber(),
      min: (await price.minTftPrice()).toNumber(),
      max: (await price.maxTftPrice()).toNumber(),
    }, PRICE, 'TFT price (mUSD)');
    assert.equal(api.consts.balances.existentialDeposit.toBigInt(), ED, 'existential deposit');
    const policy = (await api.query.tfgridModule.pricingPolicies(1)).unwrap().toPrimitive();
    const gigabytes = (value) => ({ value, unit: 'Gigabytes' });
    assert.deepEqual({
      su: policy.su, cu: policy.cu, nu: policy.nu, ipu: policy.ipu, uniqueName: policy.uniqueName,
      domainName: policy.domainName, discountForDedicationNodes: policy.discountForDedicationNodes,
    }, {
      ...POLICY,
      uniqueName: gigabytes(POLICY.uniqueName.value),
      domainName: gigabytes(POLICY.domainName.value),
    }, 'pricing policy 1');
    assert.equal(policy.foundationAccount, eve, 'the foundation is Eve');
    // Issue 12: the minimum charge and the bill cap the independent computation uses.
    assert.equal(api.consts.smartContractModule.nodeContractMinimumCharge.toBigInt(), NODE_CONTRACT_MINIMUM_CHARGE,
      'NodeContractMinimumCharge (units-USD per hour)');
    assert.equal(api.consts.smartContractModule.maxBillMultiplier.toBigInt(), MAX_BILL_MULTIPLIER,
      'MaxBillMultiplier');
  });

  it('sets up a farm with two public IPs, a node to rent and funds the users', { timeout: 120_000 }, async () => {
    const tc = () => api.tx.tfgridModule.userAcceptTc(TC_LINK, TC_HASH);
    const results = await submitAll(api, [
      { what: 'BobStash accepts the T&C', signer: bobStash, tx: tc() },
      { what: 'BobStash creates a twin', signer: bobStash, tx: api.tx.tfgridModule.createTwin(RELAY, null) },
      { what: 'BobStash creates a farm with two IPs', signer: bobStash,
        tx: api.tx.tfgridModule.createFarm(FARM_NAME, [{ ip: IP_A, gw: GATEWAY }, { ip: IP_B, gw: GATEWAY }]) },
      // A fresh chain: the farm above gets id 1.
      { what: 'BobStash registers the node to rent', signer: bobStash,
        tx: api.tx.tfgridModule.createNode(...createNodeArgs(1, RENT_NODE)) },
      { what: 'Bob accepts the T&C', signer: bob, tx: tc() },
      { what: 'Bob creates a twin', signer: bob, tx: api.tx.tfgridModule.createTwin(RELAY, null) },
      { what: 'Alice funds the user', signer: alice, tx: api.tx.balances.transferKeepAlive(user.address, USER_FUNDS) },
      { what: 'Alice funds the grace user', signer: alice,
        tx: api.tx.balances.transferKeepAlive(graceUser.address, GRACE_FUNDS) },
    ]);
    for (const result of results) expectSuccess(api, result);
    const [, , farm, rentNode] = results;
    farmId = tfgridEvent(farm, 'FarmStored').data[0].id.toNumber();
    assert.equal(farmId, 1, 'the farm has id 1');
    rentNodeId = tfgridEvent(rentNode, 'NodeStored').data[0].id.toNumber();
  });

  it('registers the deployment node, dedicates the rented node by an extra fee, creates twins; strangers cannot set fees',
    { timeout: 120_000 }, async () => {
      requireEarlier('the farm and the rented node', farmId, rentNodeId);
      const tc = () => api.tx.tfgridModule.userAcceptTc(TC_LINK, TC_HASH);
      const [deployNode, feeSet, strangerFee, userTc, userTwinResult, graceTc, graceTwinResult, graceName, drain]
        = await submitAll(api, [
          { what: 'Bob registers the deployment node', signer: bob,
            tx: api.tx.tfgridModule.createNode(...createNodeArgs(farmId, DEPLOY_NODE)) },
          { what: 'BobStash sets the extra fee of the node to rent', signer: bobStash,
            tx: api.tx.smartContractModule.setDedicatedNodeExtraFee(rentNodeId, EXTRA_FEE) },
          { what: 'Bob (not the farmer) sets an extra fee', signer: bob,
            tx: api.tx.smartContractModule.setDedicatedNodeExtraFee(rentNodeId, 1) },
          { what: 'the user accepts the T&C', signer: user, tx: tc() },
          { what: 'the user creates a twin', signer: user, tx: api.tx.tfgridModule.createTwin(RELAY, null) },
          { what: 'the grace user accepts the T&C', signer: graceUser, tx: tc() },
          { what: 'the grace user creates a twin', signer: graceUser, tx: api.tx.tfgridModule.createTwin(RELAY, null) },
          { what: 'the grace user registers a name', signer: graceUser,
            tx: api.tx.smartContractModule.createNameContract(GRACE_NAME) },
          { what: 'the grace user gives away all it can spend', signer: graceUser,
            tx: api.tx.balances.transferAll(bob.address, true) },
        ]);
      for (const result of [deployNode, feeSet, userTc, userTwinResult, graceTc, graceTwinResult, graceName, drain]) {
        expectSuccess(api, result);
      }
      deployNodeId = tfgridEvent(deployNode, 'NodeStored').data[0].id.toNumber();
      userTwin = tfgridEvent(userTwinResult, 'TwinStored').data[0].id.toNumber();
      graceTwin = tfgridEvent(graceTwinResult, 'TwinStored').data[0].id.toNumber();

      const feeEvent = contractEvent(feeSet, 'NodeExtraFeeSet');
      assert.deepEqual({ nodeId: feeEvent.data.nodeId.toNumber(), extraFee: feeEvent.data.extraFee.toNumber() },
        { nodeId: rentNodeId, extraFee: EXTRA_FEE }, 'NodeExtraFeeSet');
      let sc = (await stateAt(feeSet.blockHash)).smartContractModule;
      assert.equal((await sc.dedicatedNodesExtraFee(rentNodeId)).toNumber(), EXTRA_FEE, 'DedicatedNodesExtraFee');
      expectContractError(api, strangerFee, 'UnauthorizedToSetExtraFee');

      const created = contractEvent(graceName, 'ContractCreated').data[0];
      graceContractId = created.contractId.toNumber();
      assert.deepEqual(created.toPrimitive(), {
        version: 4,
        state: { created: null },
        contractId: graceContractId,
        twinId: graceTwin,
        contractType: { nameContract: { name: GRACE_NAME } },
        solutionProviderId: null,
      }, 'ContractCreated of the name contract');
      sc = (await stateAt(drain.blockHash)).smartContractModule;
      assert.equal((await sc.contractIDByNameRegistration(GRACE_NAME)).toNumber(), graceContractId,
        'ContractIDByNameRegistration');
      const graceAccount = (await (await stateAt(drain.blockHash)).system.account(graceUser.address)).data;
      assert.deepEqual([big(graceAccount.free), big(graceAccount.reserved)], [ED, 0n],
        'the grace user keeps only the existential deposit');
    });

  it('creates a node contract with a public IP, a name contract and a rent contract; bad contracts are refused',
    { timeout: 120_000 }, async () => {
      requireEarlier('the nodes and twins', deployNodeId, rentNodeId, userTwin, graceContractId);
      const sc = api.tx.smartContractModule;
      const [nodeContract, nameContract, rentContract, noNode, badName, rentTwice, dedicated, billMissing, notOwner]
        = await submitAll(api, [
          { what: 'the user deploys with one public IP', signer: user,
            tx: sc.createNodeContract(deployNodeId, DEPLOYMENT_HASH, DEPLOYMENT_DATA, 1, null) },
          { what: 'the user registers a name', signer: user, tx: sc.createNameContract(NAME) },
          { what: 'the user rents the dedicated node', signer: user, tx: sc.createRentContract(rentNodeId, null) },
          { what: 'the user deploys on a missing node', signer: user,
            tx: sc.createNodeContract(MISSING_ID, DEPLOYMENT_HASH, DEPLOYMENT_DATA, 0, null) },
          { what: 'the user registers a name with a space and capitals', signer: user,
            tx: sc.createNameContract('Bad Name') },
          { what: 'the user rents the rented node again', signer: user, tx: sc.createRentContract(rentNodeId, null) },
          { what: 'Bob deploys on the dedicated node', signer: bob,
            tx: sc.createNodeContract(rentNodeId, blake2AsHex('other', 256), DEPLOYMENT_DATA, 0, null) },
          { what: 'Bob bills a missing contract', signer: bob, tx: sc.billContractForBlock(MISSING_ID) },
          { what: 'BobStash cancels the grace user\'s contract', signer: bobStash, tx: sc.cancelContract(graceContractId) },
        ]);
      for (const result of [nodeContract, nameContract, rentContract]) expectSuccess(api, result);
      expectContractError(api, noNode, 'NodeNotExists');
      expectContractError(api, badName, 'NameNotValid');
      expectContractError(api, rentTwice, 'NodeHasRentContract');
      expectContractError(api, dedicated, 'NodeNotAvailableToDeploy');
      expectContractError(api, billMissing, 'ContractNotExists');
      expectContractError(api, notOwner, 'TwinNotAuthorizedToCancelContract');

      const nodeCreated = contractEvent(nodeContract, 'ContractCreated').data[0];
      contractOf.node = nodeCreated.contractId.toNumber();
      contractOf.name = contractEvent(nameContract, 'ContractCreated').data[0].contractId.toNumber();
      contractOf.rent = contractEvent(rentContract, 'ContractCreated').data[0].contractId.toNumber();
      const ipOfContract = [{ ip: IP_A, gateway: GATEWAY, contractId: contractOf.node }];
      assert.deepEqual(nodeCreated.toPrimitive().state, { created: null }, 'the node contract is created');
      assert.equal(nodeCreated.twinId.toNumber(), userTwin, 'owner twin');
      const nc = nodeCreated.contractType.asNodeContract;
      assert.deepEqual({
        nodeId: nc.nodeId.toNumber(),
        deploymentHash: nc.deploymentHash.toHex(),
        deploymentData: nc.deploymentData.toUtf8(),
        publicIps: nc.publicIps.toNumber(),
        publicIpsList: nc.publicIpsList.toPrimitive(),
      }, {
        nodeId: deployNodeId,
        deploymentHash: DEPLOYMENT_HASH,
        deploymentData: DEPLOYMENT_DATA,
        publicIps: 1,
        publicIpsList: ipOfContract,
      }, 'ContractCreated: the node contract holds the farm\'s first IP');

      const at = await stateAt(rentContract.blockHash);
      const created = await at.timestamp.now();
      const farm = (await at.tfgridModule.farms(farmId)).unwrap();
      assert.deepEqual(farm.publicIps.toPrimitive(), [...ipOfContract, { ip: IP_B, gateway: GATEWAY, contractId: 0 }],
        'the farm marks the IP reserved with the contract id');
      const stored = (await at.smartContractModule.contracts(contractOf.node)).unwrap();
      assert.deepEqual(stored.toPrimitive(), nodeCreated.toPrimitive(), 'Contracts[node contract]');
      assert.equal((await at.smartContractModule.contractIDByNodeIDAndHash(deployNodeId, DEPLOYMENT_HASH)).toNumber(),
        contractOf.node, 'ContractIDByNodeIDAndHash');
      assert.deepEqual((await at.smartContractModule.activeNodeContracts(deployNodeId)).toPrimitive(), [contractOf.node],
        'ActiveNodeContracts');
      assert.equal((await at.smartContractModule.contractIDByNameRegistration(NAME)).toNumber(), contractOf.name,
        'ContractIDByNameRegistration');
      assert.equal((await at.smartContractModule.activeRentContractForNode(rentNodeId)).unwrap().toNumber(),
        contractOf.rent, 'ActiveRentContractForNode');
      for (const [kind, id] of Object.entries(contractOf)) {
        assert.deepEqual((await at.smartContractModule.contractPaymentState(id)).unwrap().toPrimitive(), {
          standardReserve: 0, additionalReserve: 0, standardOverdraft: 0, additionalOverdraft: 0,
          lastUpdatedSeconds: Math.floor(created.toNumber() / 1000), cycles: 0,
        }, `ContractPaymentState of the ${kind} contract starts now`);
        assert.ok((await at.smartContractModule.contractsToBillAt(id % BILLING_FREQUENCY)).toPrimitive().includes(id),
          `the ${kind} contract is in billing bucket ${id % BILLING_FREQUENCY}`);
      }
      assert.equal((await at.smartContractModule.contractID()).toNumber(), contractOf.rent, 'ContractID');
    });

  it('records the capacity the node reports for its contract; another node may not report it', { timeout: 120_000 },
    async () => {
      requireEarlier('the node contract', contractOf.node);
      const report = [{ contractId: contractOf.node, used: USED }];
      const [reported, stranger] = await submitAll(api, [
        { what: 'Bob\'s node reports the contract\'s capacity', signer: bob,
          tx: api.tx.smartContractModule.reportContractResources(report) },
        { what: 'BobStash\'s node reports a contract of another node', signer: bobStash,
          tx: api.tx.smartContractModule.reportContractResources(report) },
      ]);
      expectSuccess(api, reported);
      const expected = { contractId: contractOf.node, used: Object.fromEntries(Object.entries(USED).map(([k, v]) => [k, Number(v)])) };
      assert.deepEqual(contractEvent(reported, 'UpdatedUsedResources').data[0].toPrimitive(), expected,
        'UpdatedUsedResources');
      assert.equal(feePaid(api, reported), 0n, 'a capacity report pays no fee');
      const at = await stateAt(reported.blockHash);
      assert.deepEqual((await at.smartContractModule.nodeContractResources(contractOf.node)).toPrimitive(), expected,
        'NodeContractResources');
      expectContractError(api, stranger, 'NodeNotAuthorizedToComputeReport');
    });

  it('puts a contract its twin cannot pay in its grace period, and takes it out after a top-up', { timeout: 150_000 },
    async () => {
      requireEarlier('the grace user\'s contract', graceContractId);
      const [started] = await recorder.waitFor('ContractGracePeriodStarted of the grace user\'s contract',
        (event) => isContractEvent('ContractGracePeriodStarted')(event) && contractIdOf(event) === graceContractId,
        { timeoutMs: 90_000, node });
      const startBlock = started.block;
      assert.deepEqual({
        contractId: started.event.data.contractId.toNumber(),
        nodeId: started.event.data.nodeId.toNumber(),
        twinId: started.event.data.twinId.toNumber(),
        blockNumber: started.event.data.blockNumber.toNumber(),
      }, { contractId: graceContractId, nodeId: 0, twinId: graceTwin, blockNumber: startBlock.number },
      'ContractGracePeriodStarted');
      const overdrawn = eventsOf('ContractPaymentOverdrawn', graceContractId);
      assert.equal(overdrawn.length, 1, 'one overdrawn bill');
      assert.equal(overdrawn[0].block.number, startBlock.number, 'the overdrawn bill starts the grace period');
      assert.equal(overdrawn[0].extrinsic, started.extrinsic, 'in the same extrinsic');
      assert.deepEqual(eventsOf('ContractBilled', graceContractId), [], 'no ContractBilled before the grace period');
      const firstBill = await verifyBill(overdrawn[0], { byChain: true });
      assert.equal(firstBill.twinUsable, 0n, 'the twin could spend nothing');
      assert.equal(firstBill.overdraftBefore, 0n, 'no debt before');

      let sc = (await stateAt(startBlock.hash)).smartContractModule;
      assert.deepEqual((await sc.contracts(graceContractId)).unwrap().toPrimitive().state,
        { gracePeriod: startBlock.number }, 'the contract is in its grace period since that block');

      const [topUp] = await submitAll(api, [
        { what: 'Bob tops up the grace user', signer: bob,
          tx: api.tx.balances.transferKeepAlive(graceUser.address, GRACE_TOP_UP) },
      ]);
      expectSuccess(api, topUp);

      const [ended] = await recorder.waitFor('ContractGracePeriodEnded of the grace user\'s contract',
        (event) => isContractEvent('ContractGracePeriodEnded')(event) && contractIdOf(event) === graceContractId,
        { timeoutMs: 90_000, node });
      assert.deepEqual({
        contractId: ended.event.data.contractId.toNumber(),
        nodeId: ended.event.data.nodeId.toNumber(),
        twinId: ended.event.data.twinId.toNumber(),
      }, { contractId: graceContractId, nodeId: 0, twinId: graceTwin }, 'ContractGracePeriodEnded');
      const billed = eventsOf('ContractBilled', graceContractId);
      assert.equal(billed.length, 1, 'one ContractBilled');
      assert.equal(billed[0].block.number, ended.block.number, 'the paying bill ends the grace period');
      assert.equal(billed[0].extrinsic, ended.extrinsic, 'in the same extrinsic');
      const secondBill = await verifyBill(billed[0], { byChain: true });
      assert.equal(secondBill.overdraftBefore, firstBill.standard, 'the debt is the first bill\'s cost');
      assert.equal(secondBill.totalToReserve, secondBill.standard + firstBill.standard,
        'ContractBilled settles the debt with this period\'s cost');

      sc = (await stateAt(ended.block.hash)).smartContractModule;
      assert.deepEqual((await sc.contracts(graceContractId)).unwrap().toPrimitive().state, { created: null },
        'the contract is created again');
      const account = (await (await stateAt(ended.block.hash)).system.account(graceUser.address)).data;
      assert.equal(big(account.reserved), secondBill.totalToReserve, 'the grace user\'s reserve holds both periods');
      assert.equal(big(account.free), ED + GRACE_TOP_UP - secondBill.totalToReserve,
        'the grace user\'s free balance fell by exactly the bill');
    });

  it('bills the three contracts every cycle by the exact computed amounts, reserving them on the twin',
    { timeout: 150_000 }, async () => {
      requireEarlier('the user\'s contracts', contractOf.node, contractOf.name, contractOf.rent);
      for (const [kind, id] of Object.entries(contractOf)) {
        await recorder.waitFor(`two bills of the ${kind} contract`, (event) =>
          isContractEvent('ContractBilled')(event) && contractIdOf(event) === id, { count: 2, timeoutMs: 120_000, node });
      }
      const lastBlock = recorder.blocks.at(-1);
      let billedTotal = 0n;
      for (const [kind, id] of Object.entries(contractOf)) {
        assert.deepEqual(eventsOf('ContractPaymentOverdrawn', id), [], `the ${kind} contract was never overdrawn`);
        assert.deepEqual(eventsOf('ContractGracePeriodStarted', id), [], `the ${kind} contract never entered grace`);
        const bills = eventsOf('ContractBilled', id).filter(({ block }) => block.number <= lastBlock.number);
        let last;
        for (const record of bills) {
          last = await verifyBill(record, { byChain: true });
          billedTotal += last.totalToReserve;
          assert.equal(last.twinId, userTwin, `the ${kind} contract is billed to the user's twin`);
        }
        assert.equal(last.level, DESIGNED_LEVEL[kind], `the ${kind} contract's last bill has the designed discount`);
        if (kind === 'rent') assert.ok(last.additional > 0n, 'the rent bill includes the extra fee');
      }

      // The user's balance at that block: the funds less the fees paid and the bills reserved.
      const at = await stateAt(lastBlock.hash);
      const account = (await at.system.account(user.address)).data;
      const fees = feesPaidBy(user.address, lastBlock.number);
      assert.equal(big(account.free), USER_FUNDS - fees - billedTotal,
        'the user\'s free balance fell by the fees and exactly the computed bills');
      let reserves = 0n;
      for (const id of Object.values(contractOf)) {
        const state = (await at.smartContractModule.contractPaymentState(id)).unwrap();
        reserves += big(state.standardReserve) + big(state.additionalReserve);
      }
      assert.equal(big(account.reserved), billedTotal, 'the user\'s reserved balance is the sum of the bills');
      assert.equal(reserves, billedTotal, 'the payment states hold the reserves');
    });

  it('cancels the contracts: bills the final period, distributes the reserves, frees the IP and removes them',
    { timeout: 120_000 }, async () => {
      requireEarlier('the user\'s contracts', contractOf.node, contractOf.name, contractOf.rent);
      // Cancel while no bill of these contracts is due, so that no validator bill shares the block.
      const buckets = new Set(Object.values(contractOf).map((id) => id % BILLING_FREQUENCY));
      await waitFor('a block after which none of the contracts is due', async () => {
        const { number } = await bestHead(node);
        return !buckets.has(number % BILLING_FREQUENCY) && !buckets.has((number + 1) % BILLING_FREQUENCY);
      }, { node, intervalMs: 300, timeoutMs: 60_000 });

      const sc = api.tx.smartContractModule;
      const results = await submitAll(api, ['node', 'name', 'rent'].map((kind) => ({
        what: `the user cancels the ${kind} contract`, signer: user, tx: sc.cancelContract(contractOf[kind]),
      })));
      for (const result of results) expectSuccess(api, result);
      const blockHash = results[0].blockHash;
      assert.ok(results.every((r) => r.blockHash === blockHash), 'the three cancels share a block');
      const block = await recorder.block((await api.rpc.chain.getHeader(blockHash)).number.toNumber());
      assert.equal(block.hash, blockHash, 'the recorder saw the cancels\' block');

      // Each cancel bills the last partial period and distributes everything reserved.
      const distributions = [];
      for (const [i, kind] of ['node', 'name', 'rent'].entries()) {
        const id = contractOf[kind];
        const result = results[i];
        const billed = eventsOf('ContractBilled', id).filter((record) => record.block.number === block.number);
        assert.equal(billed.length, 1, `${result.what}: one ContractBilled in the block`);
        assert.equal(billed[0].extrinsic, result.events[0].phase.asApplyExtrinsic.toNumber(),
          `${result.what}: the cancel bills the final period`);
        const finalBill = await verifyBill(billed[0], { byChain: false });
        const before = finalBill.paymentBefore;
        const standard = big(before.standardReserve) + finalBill.standard + big(before.standardOverdraft);
        const additional = big(before.additionalReserve) + finalBill.additional + big(before.additionalOverdraft);
        const distributed = contractEvent(result, 'RewardDistributed').data;
        assert.deepEqual({
          contractId: distributed.contractId.toNumber(),
          standardRewards: big(distributed.standardRewards),
          additionalRewards: big(distributed.additionalRewards),
        }, { contractId: id, standardRewards: standard, additionalRewards: additional },
        `${result.what}: RewardDistributed hands out every reserve`);
        distributions.push({ kind, split: rewardSplit(kind, standard, additional) });
      }

      // The IP goes back to the farm; each contract and its indexes are gone.
      const freed = contractEvent(results[0], 'IPsFreed').data;
      assert.deepEqual([freed.contractId.toNumber(), freed.publicIps.toPrimitive()],
        [contractOf.node, [{ ip: IP_A, gateway: GATEWAY, contractId: 0 }]], 'IPsFreed');
      const canceled = contractEvent(results[0], 'NodeContractCanceled').data;
      assert.deepEqual([canceled.contractId.toNumber(), canceled.nodeId.toNumber(), canceled.twinId.toNumber()],
        [contractOf.node, deployNodeId, userTwin], 'NodeContractCanceled');
      assert.equal(contractEvent(results[1], 'NameContractCanceled').data.contractId.toNumber(), contractOf.name,
        'NameContractCanceled');
      assert.equal(contractEvent(results[2], 'RentContractCanceled').data.contractId.toNumber(), contractOf.rent,
        'RentContractCanceled');

      const at = await stateAt(blockHash);
      const state = at.smartContractModule;
      assert.deepEqual((await at.tfgridModule.farms(farmId)).unwrap().publicIps.toPrimitive(), [
        { ip: IP_A, gateway: GATEWAY, contractId: 0 },
        { ip: IP_B, gateway: GATEWAY, contractId: 0 },
      ], 'the farm\'s IPs are all free again');
      for (const [kind, id] of Object.entries(contractOf)) {
        assert.ok((await state.contracts(id)).isNone, `the ${kind} contract is gone`);
        assert.ok((await state.contractPaymentState(id)).isNone, `the ${kind} contract's payment state is gone`);
        assert.ok(!(await state.contractsToBillAt(id % BILLING_FREQUENCY)).toPrimitive().includes(id),
          `the ${kind} contract left the billing loop`);
      }
      assert.equal((await state.contractIDByNodeIDAndHash(deployNodeId, DEPLOYMENT_HASH)).toNumber(), 0,
        'the deployment hash is free');
      assert.deepEqual((await state.activeNodeContracts(deployNodeId)).toPrimitive(), [], 'no active node contract');
      assert.equal((await state.contractIDByNameRegistration(NAME)).toNumber(), 0, 'the name is free');
      assert.ok((await state.activeRentContractForNode(rentNodeId)).isNone, 'the node is no longer rented');

      // The beneficiaries received exactly their shares (an account that does not exist yet is
      // only created by an amount of at least the existential deposit; smaller amounts are lost).
      const parent = await stateAt(block.parentHash);
      const pool = api.registry.createType('AccountId32', new Uint8Array([
        13, 209, 209, 166, 229, 163, 90, 168, 199, 245, 229, 126, 30, 221, 12, 63, 189, 106, 191, 46, 170, 142,
        244, 37, 72, 152, 110, 84, 162, 86, 32, 0])).toString();
      assert.equal(pool, '5CNposRewardAccount11111111111111111111111111FSU', 'the staking pool account');
      const beneficiaries = { staking: pool, foundation: eve, farmer: bobStash.address };
      for (const [share, address] of Object.entries(beneficiaries)) {
        const before = (await parent.system.account(address)).data;
        let exists = big(before.free) + big(before.reserved) > 0n;
        let expectedGain = 0n;
        for (const { split } of distributions) {
          const amount = split[share];
          if (amount === 0n) continue;
          if (exists || amount >= ED) {
            expectedGain += amount;
            exists = true;
          }
        }
        const afterFree = big((await at.system.account(address)).data.free);
        assert.equal(afterFree - big(before.free), expectedGain, `the ${share} share (${address})`);
      }

      // The user paid the fees and exactly the computed bills; nothing stays reserved.
      const account = (await at.system.account(user.address)).data;
      const bills = recorder
        .find((event) => isContractEvent('ContractBilled')(event) && Object.values(contractOf).includes(contractIdOf(event)))
        .filter((record) => record.block.number <= block.number);
      let billedTotal = 0n;
      for (const record of bills) {
        billedTotal += (await verifyBill(record, { byChain: record.extrinsic === null })).totalToReserve;
      }
      assert.equal(big(account.reserved), 0n, 'nothing stays reserved on the user');
      assert.equal(big(account.free), USER_FUNDS - feesPaidBy(user.address, block.number) - billedTotal,
        'the user\'s balance fell by the fees and exactly the computed bills');
    });
});
