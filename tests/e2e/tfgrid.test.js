// TfgridModule through a single --dev node: the genesis pricing and farming policies, then the life of
// a small grid — terms and conditions, twins, a farm with public IPs, nodes with resources and
// interfaces, an uptime report, power target and state, a public config — each step read back through
// api.query.tfgridModule.* and checked against its events, and bad inputs refused with the named
// module error in ExtrinsicFailed, leaving the registry unchanged.
//
// Extrinsics of one step are sent together (one block per step). Accounts: Alice is the farmer, Bob and
// AliceStash run nodes, BobStash never accepts the terms and conditions (all four are funded on --dev).
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';

import { u8aToHex } from '@polkadot/util';

import { makeKeyring } from '../lib/accounts.js';
import { Fixture, nodeSuite, printNodeLogsOnFailure } from '../lib/harness.js';
import {
  TFGRID_PALLET_INDEX,
  blockNumber,
  chainSeconds,
  expectSuccess,
  expectTfgridError,
  feePaid,
  submitAll,
  tfgridEvent,
  tfgridEvents,
} from '../lib/tfgrid.js';

const GIB = 1024 ** 3;
const TIB = 1024 * GIB;

/** Call indices TFChain 2.9 clients encode for the calls this file uses. */
const CALL_INDEX = {
  createFarm: 1,
  addFarmIp: 5,
  createNode: 8,
  addNodePublicConfig: 12,
  createTwin: 17,
  updateTwin: 18,
  userAcceptTc: 25,
  changePowerState: 35,
  changePowerTarget: 36,
  reportUptimeV2: 38,
};

/** Storage items this file reads: polkadot.js name -> name in the metadata (TFChain's). */
const STORAGE = {
  farms: 'Farms',
  nodesByFarmID: 'NodesByFarmID',
  farmIdByName: 'FarmIdByName',
  nodes: 'Nodes',
  nodeIdByTwinID: 'NodeIdByTwinID',
  twins: 'Twins',
  twinIdByAccountID: 'TwinIdByAccountID',
  pricingPolicies: 'PricingPolicies',
  pricingPolicyIdByName: 'PricingPolicyIdByName',
  farmingPoliciesMap: 'FarmingPoliciesMap',
  usersTermsAndConditions: 'UsersTermsAndConditions',
  connectionPrice: 'ConnectionPrice',
  farmID: 'FarmID',
  nodeID: 'NodeID',
  twinID: 'TwinID',
  pricingPolicyID: 'PricingPolicyID',
  farmingPolicyID: 'FarmingPolicyID',
  palletVersion: 'PalletVersion',
  nodePower: 'NodePower',
};

const TC_LINK = 'https://library.threefold.me/info/legal/#/legal__terms_conditions_chain';
const TC_HASH = 'a7f4e1b3c9d2e5f60718293a4b5c6d7e';
const RELAY = 'relay.e2e.grid.tf';
const FARM_NAME = 'e2e-farm_1';
const GATEWAY = '185.206.122.1';
const IP_A = '185.206.122.33/24';
const IP_B = '185.206.122.34/24';
const MISSING_ID = 9999;

/** Bob's node: SSD and HDD, two interfaces, a serial number. */
const BOB_NODE = {
  resources: { hru: 4 * TIB, sru: 512 * GIB, cru: 8, mru: 16 * GIB },
  location: { city: 'Ghent', country: 'Belgium', latitude: '51.05', longitude: '3.71' },
  interfaces: [
    { name: 'zos', mac: '00:1b:44:11:3a:b7', ips: ['10.2.0.5', '2a02:1802:5e::223'] },
    { name: 'eth1', mac: 'AA:BB:CC:DD:EE:0F', ips: ['192.168.1.10'] },
  ],
  secureBoot: false,
  virtualized: false,
  serialNumber: 'SN-E2E-0001',
};

/** AliceStash's node: HDD only (accepted since TFChain 2.9), no interfaces, no serial number. */
const STASH_NODE = {
  resources: { hru: 2 * TIB, sru: 0, cru: 4, mru: 8 * GIB },
  location: { city: 'Cairo', country: 'Egypt', latitude: '30.04', longitude: '31.24' },
  interfaces: [],
  secureBoot: true,
  virtualized: true,
  serialNumber: null,
};

const PUBLIC_CONFIG = {
  ip4: { ip: '185.206.122.40/24', gw: GATEWAY },
  ip6: { ip: '2a10:b600:1::0cc4:7a30:65b5/64', gw: '2a10:b600:1::1' },
  domain: 'node1.e2e.grid.tf',
};

/** The arguments of createNode for `node` in farm `farmId`. */
function createNodeArgs(farmId, node) {
  return [farmId, node.resources, node.location, node.interfaces, node.secureBoot, node.virtualized,
    node.serialNumber];
}

/** An event's fields as plain values: an object for named fields, else an array. */
function eventFields(event) {
  if (event.data.names) {
    return Object.fromEntries(event.data.names.map((name, i) => [name, event.data[i].toPrimitive()]));
  }
  return event.data.map((field) => field.toPrimitive());
}

nodeSuite('TfgridModule on a --dev node', { timeout: 15 * 60_000 }, () => {
  const fx = new Fixture();
  let node;
  let api;
  let keyring;
  let alice;
  let bob;
  let aliceStash;
  let bobStash;

  // What the steps create, for the steps after them.
  const twinOf = {};
  let farmId;
  let bobNodeId;
  let stashNodeId;

  printNodeLogsOnFailure(() => fx.nodes);

  before(async () => {
    await fx.init();
    ({ node, api } = await fx.startDevNode());
    keyring = await makeKeyring();
    alice = keyring.addFromUri('//Alice');
    bob = keyring.addFromUri('//Bob');
    aliceStash = keyring.addFromUri('//Alice//stash');
    bobStash = keyring.addFromUri('//Bob//stash');
  }, { timeout: 180_000 });

  after(() => fx.close(), { timeout: 60_000 });

  /** Fails at once, with a clear message, when an earlier step did not create what this one needs. */
  function requireEarlier(what, ...values) {
    assert.ok(values.every((v) => v !== undefined), `this step needs ${what} from an earlier step, which failed`);
  }

  /** The TfgridModule storage at block `hash`. */
  async function tfgridAt(hash) {
    return (await api.at(hash)).query.tfgridModule;
  }

  it('has TfgridModule at index 25 with the TFChain call indices and storage names', () => {
    const pallet = api.runtimeMetadata.asLatest.pallets.find((p) => p.name.toString() === 'TfgridModule');
    assert.ok(pallet, 'the runtime has a TfgridModule pallet');
    assert.equal(pallet.index.toNumber(), TFGRID_PALLET_INDEX, 'TfgridModule index');
    for (const [call, index] of Object.entries(CALL_INDEX)) {
      assert.ok(api.tx.tfgridModule[call], `call tfgridModule.${call} exists`);
      assert.deepEqual([...api.tx.tfgridModule[call].callIndex], [TFGRID_PALLET_INDEX, index],
        `call index of tfgridModule.${call}`);
    }
    for (const [name, metadataName] of Object.entries(STORAGE)) {
      const query = api.query.tfgridModule[name];
      assert.ok(query, `storage api.query.tfgridModule.${name} exists`);
      assert.equal(query.creator.meta.name.toString(), metadataName, `metadata name of ${name}`);
    }
  });

  it('has the genesis pricing policy 1, farming policies 1 and 2 and connection price 80', async () => {
    const tfgrid = api.query.tfgridModule;
    const eve = keyring.addFromUri('//Eve').address;
    const ferdie = keyring.addFromUri('//Ferdie').address;
    const gigabytes = (value) => ({ value, unit: 'Gigabytes' });

    const pricing = await tfgrid.pricingPolicies(1);
    assert.ok(pricing.isSome, 'pricing policy 1 exists');
    assert.deepEqual(pricing.unwrap().toPrimitive(), {
      version: 1,
      id: 1,
      name: 'threefold_default_pricing_policy',
      su: gigabytes(50_000),
      cu: gigabytes(100_000),
      nu: gigabytes(15_000),
      ipu: gigabytes(40_000),
      uniqueName: gigabytes(2_500),
      domainName: gigabytes(5_000),
      foundationAccount: eve,
      certifiedSalesAccount: ferdie,
      discountForDedicationNodes: 50,
    });
    assert.equal((await tfgrid.pricingPolicyID()).toNumber(), 1, 'PricingPolicyID');
    // A documented deviation: the genesis policy's name is indexed (upstream leaves it out).
    assert.equal((await tfgrid.pricingPolicyIdByName('threefold_default_pricing_policy')).toNumber(), 1);

    const defaultPolicy = { version: 1, policyCreated: 0, policyEnd: 0, immutable: false, default: true,
      farmCertification: 'NotCertified' };
    assert.deepEqual((await tfgrid.farmingPoliciesMap(1)).toPrimitive(), {
      ...defaultPolicy,
      id: 1,
      name: 'threefold_default_diy_farming_policy',
      cu: 2_400,
      su: 1_000,
      nu: 30,
      ipv4: 5,
      minimalUptime: 95,
      nodeCertification: 'Diy',
    }, 'farming policy 1 (DIY)');
    assert.deepEqual((await tfgrid.farmingPoliciesMap(2)).toPrimitive(), {
      ...defaultPolicy,
      id: 2,
      name: 'threefold_default_certified_farming_policy',
      cu: 3_000,
      su: 1_250,
      nu: 38,
      ipv4: 6,
      minimalUptime: 95,
      nodeCertification: 'Certified',
    }, 'farming policy 2 (certified)');
    assert.equal((await tfgrid.farmingPolicyID()).toNumber(), 2, 'FarmingPolicyID');
    assert.equal((await tfgrid.connectionPrice()).toNumber(), 80, 'ConnectionPrice');
    assert.equal((await tfgrid.palletVersion()).toString(), 'V17Struct', 'PalletVersion');

    // The registry starts empty.
    for (const counter of ['twinID', 'farmID', 'nodeID']) {
      assert.equal((await tfgrid[counter]()).toNumber(), 0, `${counter} at genesis`);
    }
  });

  it('records accepted terms and conditions and refuses a twin without them', { timeout: 120_000 }, async () => {
    const tc = () => api.tx.tfgridModule.userAcceptTc(TC_LINK, TC_HASH);
    const [aliceTc, bobTc, stashTc, badHash, noTc] = await submitAll(api, [
      { what: 'Alice accepts the T&C', signer: alice, tx: tc() },
      { what: 'Bob accepts the T&C', signer: bob, tx: tc() },
      { what: 'AliceStash accepts the T&C', signer: aliceStash, tx: tc() },
      { what: 'AliceStash accepts a T&C hash with spaces', signer: aliceStash,
        tx: api.tx.tfgridModule.userAcceptTc(TC_LINK, 'not a hash') },
      { what: 'BobStash creates a twin without accepting the T&C', signer: bobStash,
        tx: api.tx.tfgridModule.createTwin(RELAY, null) },
    ]);

    for (const [result, who] of [[aliceTc, alice], [bobTc, bob], [stashTc, aliceStash]]) {
      expectSuccess(api, result);
      assert.deepEqual(tfgridEvents(result, 'TwinStored'), [], 'accepting the T&C emits no twin event');
      const tfgrid = await tfgridAt(result.blockHash);
      const accepted = await tfgrid.usersTermsAndConditions(who.address);
      assert.ok(accepted.isSome, `${result.what}: UsersTermsAndConditions has an entry`);
      assert.deepEqual(accepted.unwrap().toPrimitive(), [{
        accountId: who.address,
        timestamp: await chainSeconds(api, result.blockHash),
        documentLink: TC_LINK,
        documentHash: TC_HASH,
      }], `${result.what}: the stored acceptance`);
    }
    expectTfgridError(api, badHash, 'InvalidDocumentHashInput');
    expectTfgridError(api, noTc, 'UserDidNotSignTermsAndConditions');

    const tfgrid = await tfgridAt(noTc.blockHash);
    assert.ok((await tfgrid.usersTermsAndConditions(bobStash.address)).isNone, 'BobStash accepted nothing');
    assert.ok((await tfgrid.twinIdByAccountID(bobStash.address)).isNone, 'BobStash has no twin');
    assert.equal((await tfgrid.twinID()).toNumber(), 0, 'no twin was created');
    // The bad hash did not add a second acceptance for AliceStash.
    const stashAccepted = await (await tfgridAt(badHash.blockHash)).usersTermsAndConditions(aliceStash.address);
    assert.equal(stashAccepted.unwrap().length, 1, 'AliceStash has exactly one acceptance');
  });

  it('creates twins and reads them back; a second twin or a bad relay is refused', { timeout: 120_000 }, async () => {
    const pkOf = (pair) => u8aToHex(pair.publicKey);
    const wanted = [
      { name: 'Alice', who: alice, relay: RELAY, pk: pkOf(alice) },
      { name: 'Bob', who: bob, relay: RELAY, pk: pkOf(bob) },
      { name: 'AliceStash', who: aliceStash, relay: null, pk: null },
    ];
    // Each signer's extrinsics run in nonce order, so the refused ones come after the twins exist.
    const results = await submitAll(api, [
      ...wanted.map(({ name, who, relay, pk }) => ({
        what: `${name} creates a twin`,
        signer: who,
        tx: api.tx.tfgridModule.createTwin(relay, pk),
      })),
      { what: 'Alice creates a second twin', signer: alice, tx: api.tx.tfgridModule.createTwin(RELAY, null) },
      { what: 'AliceStash sets a relay with a space', signer: aliceStash,
        tx: api.tx.tfgridModule.updateTwin('bad relay.grid.tf', null) },
    ]);
    const [again, badRelay] = results.splice(wanted.length);

    const ids = [];
    for (const [i, result] of results.entries()) {
      const { who, relay, pk } = wanted[i];
      expectSuccess(api, result);
      const [twin] = eventFields(tfgridEvent(result, 'TwinStored'));
      ids.push(twin.id);
      twinOf[who.address] = twin.id;
      const expected = { id: twin.id, accountId: who.address, relay, entities: [], pk };
      assert.deepEqual(twin, expected, `${result.what}: TwinStored`);

      const tfgrid = await tfgridAt(result.blockHash);
      const stored = await tfgrid.twins(twin.id);
      assert.ok(stored.isSome, `${result.what}: Twins[${twin.id}] exists`);
      assert.deepEqual(stored.unwrap().toPrimitive(), expected, `${result.what}: Twins[${twin.id}]`);
      const byAccount = await tfgrid.twinIdByAccountID(who.address);
      assert.equal(byAccount.unwrap().toNumber(), twin.id, `${result.what}: TwinIdByAccountID`);
    }
    assert.deepEqual([...ids].sort((a, b) => a - b), [1, 2, 3], 'twin ids are 1, 2, 3');

    expectTfgridError(api, again, 'TwinWithPubkeyExists');
    expectTfgridError(api, badRelay, 'InvalidRelayAddress');
    const tfgrid = api.query.tfgridModule;
    assert.equal((await tfgrid.twinID()).toNumber(), 3, 'TwinID is the last id: no fourth twin');
    assert.equal((await tfgrid.twinIdByAccountID(alice.address)).unwrap().toNumber(), twinOf[alice.address],
      'Alice keeps her twin');
    const stashTwin = await (await tfgridAt(badRelay.blockHash)).twins(twinOf[aliceStash.address]);
    assert.equal(stashTwin.unwrap().relay.isNone, true, 'the bad relay was not stored');
  });

  it('creates a farm with a public IP and refuses bad farm names', { timeout: 120_000 }, async () => {
    requireEarlier('the twins', twinOf[alice.address], twinOf[aliceStash.address]);
    const [created, spaced, short, noTwin] = await submitAll(api, [
      { what: 'Alice creates a farm', signer: alice,
        tx: api.tx.tfgridModule.createFarm(FARM_NAME, [{ ip: IP_A, gw: GATEWAY }]) },
      { what: 'AliceStash creates a farm named with a space', signer: aliceStash,
        tx: api.tx.tfgridModule.createFarm('bad farm', []) },
      { what: 'AliceStash creates a farm with a 2-character name', signer: aliceStash,
        tx: api.tx.tfgridModule.createFarm('ab', []) },
      { what: 'BobStash (no twin) creates a farm', signer: bobStash,
        tx: api.tx.tfgridModule.createFarm('bobstash-farm', []) },
    ]);

    expectSuccess(api, created);
    const [farm] = eventFields(tfgridEvent(created, 'FarmStored'));
    farmId = farm.id;
    const expected = {
      version: 4,
      id: farmId,
      name: FARM_NAME,
      twinId: twinOf[alice.address],
      pricingPolicyId: 1,
      certification: 'NotCertified',
      publicIps: [{ ip: IP_A, gateway: GATEWAY, contractId: 0 }],
      dedicatedFarm: false,
      farmingPolicyLimits: null,
    };
    assert.deepEqual(farm, expected, 'FarmStored');
    assert.equal(farmId, 1, 'the first farm has id 1');

    let tfgrid = await tfgridAt(created.blockHash);
    assert.deepEqual((await tfgrid.farms(farmId)).unwrap().toPrimitive(), expected, `Farms[${farmId}]`);
    assert.equal((await tfgrid.farmIdByName(FARM_NAME)).toNumber(), farmId, 'FarmIdByName');
    assert.equal((await tfgrid.farmID()).toNumber(), farmId, 'FarmID');
    assert.deepEqual((await tfgrid.nodesByFarmID(farmId)).toPrimitive(), [], 'NodesByFarmID of a new farm');

    expectTfgridError(api, spaced, 'InvalidFarmName');
    expectTfgridError(api, short, 'FarmNameTooShort');
    expectTfgridError(api, noTwin, 'TwinNotExists');
    tfgrid = await tfgridAt(noTwin.blockHash);
    for (const name of ['bad farm', 'ab', 'bobstash-farm']) {
      assert.equal((await tfgrid.farmIdByName(name)).toNumber(), 0, `no farm named "${name}"`);
    }
    assert.equal((await tfgridAt(short.blockHash).then((t) => t.farmID())).toNumber(), farmId,
      'no other farm was created');
  });

  it('adds a farm public IP; duplicates, private IPs and strangers are refused', { timeout: 120_000 }, async () => {
    requireEarlier('the farm', farmId);
    const [added, duplicate, privateIp, sameName, stranger, missing] = await submitAll(api, [
      { what: 'Alice adds a public IP', signer: alice, tx: api.tx.tfgridModule.addFarmIp(farmId, IP_B, GATEWAY) },
      { what: 'Alice adds the same IP again', signer: alice,
        tx: api.tx.tfgridModule.addFarmIp(farmId, IP_B, GATEWAY) },
      { what: 'Alice adds a private IP', signer: alice,
        tx: api.tx.tfgridModule.addFarmIp(farmId, '10.0.0.2/24', '10.0.0.1') },
      { what: 'Alice creates a second farm with the same name', signer: alice,
        tx: api.tx.tfgridModule.createFarm(FARM_NAME, []) },
      { what: 'Bob adds an IP to Alice\'s farm', signer: bob,
        tx: api.tx.tfgridModule.addFarmIp(farmId, '185.206.122.35/24', GATEWAY) },
      { what: 'BobStash adds an IP to a missing farm', signer: bobStash,
        tx: api.tx.tfgridModule.addFarmIp(MISSING_ID, '185.206.122.36/24', GATEWAY) },
    ]);

    expectSuccess(api, added);
    const [farm] = eventFields(tfgridEvent(added, 'FarmUpdated'));
    const publicIps = [
      { ip: IP_A, gateway: GATEWAY, contractId: 0 },
      { ip: IP_B, gateway: GATEWAY, contractId: 0 },
    ];
    assert.equal(farm.id, farmId, 'FarmUpdated: farm id');
    assert.deepEqual(farm.publicIps, publicIps, 'FarmUpdated: public IPs');
    assert.equal(farm.name, FARM_NAME, 'FarmUpdated: the name is kept');
    const stored = (await (await tfgridAt(added.blockHash)).farms(farmId)).unwrap().toPrimitive();
    assert.deepEqual(stored, farm, 'Farms[farm] equals the FarmUpdated farm');

    expectTfgridError(api, duplicate, 'IpExists');
    expectTfgridError(api, privateIp, 'InvalidPublicIP');
    expectTfgridError(api, sameName, 'FarmExists');
    expectTfgridError(api, stranger, 'CannotUpdateFarmWrongTwin');
    expectTfgridError(api, missing, 'FarmNotExists');

    const tfgrid = api.query.tfgridModule;
    assert.deepEqual((await tfgrid.farms(farmId)).unwrap().publicIps.toPrimitive(), publicIps,
      'the refused IPs were not added');
    assert.equal((await tfgrid.farmID()).toNumber(), farmId, 'no second farm');
  });

  it('registers nodes with resources and interfaces; bad nodes are refused', { timeout: 120_000 }, async () => {
    requireEarlier('the farm and the twins', farmId, twinOf[bob.address], twinOf[aliceStash.address]);
    const create = (farm, node) => api.tx.tfgridModule.createNode(...createNodeArgs(farm, node));
    const results = await submitAll(api, [
      { what: 'Bob registers a node', signer: bob, tx: create(farmId, BOB_NODE) },
      { what: 'AliceStash registers an HDD-only node', signer: aliceStash, tx: create(farmId, STASH_NODE) },
      { what: 'Alice registers a node in a missing farm', signer: alice, tx: create(MISSING_ID, BOB_NODE) },
      { what: 'Alice registers a node without storage', signer: alice,
        tx: create(farmId, { ...BOB_NODE, resources: { hru: 50 * GIB, sru: 50 * GIB, cru: 4, mru: 8 * GIB } }) },
      { what: 'Alice registers a node with an upper-case interface name', signer: alice,
        tx: create(farmId, { ...BOB_NODE, interfaces: [{ ...BOB_NODE.interfaces[0], name: 'Eth0' }] }) },
      { what: 'Alice registers a node with a bad MAC address', signer: alice,
        tx: create(farmId, { ...BOB_NODE, interfaces: [{ ...BOB_NODE.interfaces[0], mac: '00-1b-44-11-3a-b7' }] }) },
      { what: 'Alice registers a node at latitude 91', signer: alice,
        tx: create(farmId, { ...BOB_NODE, location: { ...BOB_NODE.location, latitude: '91' } }) },
      { what: 'BobStash (no twin) registers a node', signer: bobStash, tx: create(farmId, BOB_NODE) },
      // After Bob's first node, in nonce order.
      { what: 'Bob registers a second node', signer: bob, tx: create(farmId, BOB_NODE) },
    ]);
    const [bobResult, stashResult, missingFarm, noStorage, badName, badMac, badLatitude, noTwin, twice] = results;

    const registered = [[bobResult, BOB_NODE, bob], [stashResult, STASH_NODE, aliceStash]];
    const nodeIds = registered.map(([result]) => {
      expectSuccess(api, result);
      return tfgridEvent(result, 'NodeStored').data[0].id.toNumber();
    });
    [bobNodeId, stashNodeId] = nodeIds;
    for (const [result, spec, who] of registered) {
      const [stored] = eventFields(tfgridEvent(result, 'NodeStored'));
      const twinId = twinOf[who.address];
      const expected = {
        version: 5,
        id: stored.id,
        farmId,
        twinId,
        resources: spec.resources,
        location: spec.location,
        publicConfig: null,
        created: await chainSeconds(api, result.blockHash),
        farmingPolicyId: 1,
        interfaces: spec.interfaces,
        certification: 'Diy',
        secureBoot: spec.secureBoot,
        virtualized: spec.virtualized,
        serialNumber: spec.serialNumber,
        connectionPrice: 80,
      };
      assert.deepEqual(stored, expected, `${result.what}: NodeStored`);
      assert.deepEqual(tfgridEvents(result, 'FarmUpdated'), [], `${result.what}: the farm has no limits to consume`);

      const tfgrid = await tfgridAt(result.blockHash);
      assert.deepEqual((await tfgrid.nodes(stored.id)).unwrap().toPrimitive(), expected, `Nodes[${stored.id}]`);
      assert.equal((await tfgrid.nodeIdByTwinID(twinId)).toNumber(), stored.id, 'NodeIdByTwinID');
      assert.deepEqual((await tfgrid.nodePower(stored.id)).toPrimitive(), { state: { up: null }, target: 'Up' },
        'a new node is up, with target up');
    }
    assert.deepEqual([...nodeIds].sort((a, b) => a - b), [1, 2], 'node ids are 1 and 2');

    expectTfgridError(api, missingFarm, 'FarmNotExists');
    expectTfgridError(api, noStorage, 'InvalidStorageInput');
    expectTfgridError(api, badName, 'InvalidInterfaceName');
    expectTfgridError(api, badMac, 'InvalidMacAddress');
    expectTfgridError(api, badLatitude, 'InvalidLatitudeInput');
    expectTfgridError(api, noTwin, 'TwinNotExists');
    expectTfgridError(api, twice, 'NodeWithTwinIdExists');

    // After all of them: the farm lists exactly the two nodes, in registration (= id) order.
    const tfgrid = api.query.tfgridModule;
    assert.deepEqual((await tfgrid.nodesByFarmID(farmId)).toPrimitive(), [1, 2], 'NodesByFarmID');
    assert.equal((await tfgrid.nodeID()).toNumber(), 2, 'NodeID');
    assert.equal((await tfgrid.nodeIdByTwinID(twinOf[alice.address])).toNumber(), 0, 'Alice\'s twin has no node');
  });

  it('reports uptime with a timestamp hint, for free; reports without a node or with a far hint fail',
    { timeout: 120_000 }, async () => {
      requireEarlier('the nodes', bobNodeId, stashNodeId);
      const uptime = 86_400 + 1_234;
      const hint = await chainSeconds(api);
      const [report, noNode, noTwin, farHint] = await submitAll(api, [
        { what: 'Bob\'s node reports its uptime', signer: bob, tx: api.tx.tfgridModule.reportUptimeV2(uptime, hint) },
        { what: 'Alice (twin without node) reports uptime', signer: alice,
          tx: api.tx.tfgridModule.reportUptimeV2(10, hint) },
        { what: 'BobStash (no twin) reports uptime', signer: bobStash,
          tx: api.tx.tfgridModule.reportUptimeV2(10, hint) },
        { what: 'AliceStash\'s node reports with a hint an hour off', signer: aliceStash,
          tx: api.tx.tfgridModule.reportUptimeV2(10, hint - 3_600) },
      ]);

      expectSuccess(api, report);
      const now = await chainSeconds(api, report.blockHash);
      assert.ok(Math.abs(now - hint) <= 60, `the hint ${hint} is within 60 s of the chain time ${now}`);
      assert.deepEqual(eventFields(tfgridEvent(report, 'NodeUptimeReported')), [bobNodeId, now, uptime],
        'NodeUptimeReported(node id, chain time in seconds, uptime)');
      assert.equal(feePaid(api, report), 0n, 'a successful uptime report pays no fee');

      expectTfgridError(api, noNode, 'NodeNotExists');
      expectTfgridError(api, noTwin, 'TwinNotExists');
      expectTfgridError(api, farHint, 'InvalidTimestampHint');
    });

  it('changes the power target (farmer) and the power state (node); others may not', { timeout: 120_000 }, async () => {
    requireEarlier('the farm and the nodes', farmId, bobNodeId, stashNodeId);
    const [target, notFarmer, missingNode, state] = await submitAll(api, [
      { what: 'Alice asks Bob\'s node to power down', signer: alice,
        tx: api.tx.tfgridModule.changePowerTarget(bobNodeId, 'Down') },
      { what: 'Bob (not the farmer) asks his node to power down', signer: bob,
        tx: api.tx.tfgridModule.changePowerTarget(bobNodeId, 'Down') },
      { what: 'Alice changes the target of a missing node', signer: alice,
        tx: api.tx.tfgridModule.changePowerTarget(MISSING_ID, 'Up') },
      { what: 'Bob\'s node reports it is down', signer: bob, tx: api.tx.tfgridModule.changePowerState('Down') },
    ]);

    expectSuccess(api, target);
    assert.deepEqual(eventFields(tfgridEvent(target, 'PowerTargetChanged')),
      { farmId, nodeId: bobNodeId, powerTarget: 'Down' }, 'PowerTargetChanged');
    const afterTarget = await (await tfgridAt(target.blockHash)).nodePower(bobNodeId);
    assert.equal(afterTarget.target.toString(), 'Down', 'NodePower target after changePowerTarget');

    expectSuccess(api, state);
    const downAt = await blockNumber(api, state.blockHash);
    assert.deepEqual(eventFields(tfgridEvent(state, 'PowerStateChanged')),
      { farmId, nodeId: bobNodeId, powerState: { down: downAt } }, 'PowerStateChanged');
    assert.equal(feePaid(api, state), 0n, 'a power state report pays no fee');

    expectTfgridError(api, notFarmer, 'UnauthorizedToChangePowerTarget');
    expectTfgridError(api, missingNode, 'NodeNotExists');

    const tfgrid = api.query.tfgridModule;
    assert.deepEqual((await tfgrid.nodePower(bobNodeId)).toPrimitive(),
      { state: { down: downAt }, target: 'Down' }, 'NodePower of Bob\'s node');
    assert.deepEqual((await tfgrid.nodePower(stashNodeId)).toPrimitive(),
      { state: { up: null }, target: 'Up' }, 'the other node is untouched');
  });

  it('stores a node public config set by the farmer; invalid configs and strangers are refused',
    { timeout: 120_000 }, async () => {
      requireEarlier('the farm and the nodes', farmId, bobNodeId, stashNodeId);
      const before = (await api.query.tfgridModule.nodes(bobNodeId)).unwrap().toPrimitive();
      const set = (farm, nodeId, config) => api.tx.tfgridModule.addNodePublicConfig(farm, nodeId, config);
      const [stored, privateIp, stranger, missingFarm, missingNode, wrongFarm] = await submitAll(api, [
        { what: 'Alice sets the public config of Bob\'s node', signer: alice, tx: set(farmId, bobNodeId, PUBLIC_CONFIG) },
        { what: 'Alice sets a public config with a private IPv4', signer: alice,
          tx: set(farmId, bobNodeId, { ...PUBLIC_CONFIG, ip4: { ip: '10.0.0.2/24', gw: '10.0.0.1' } }) },
        { what: 'Bob (not the farmer) sets the public config', signer: bob, tx: set(farmId, bobNodeId, PUBLIC_CONFIG) },
        { what: 'Alice sets a public config in a missing farm', signer: alice,
          tx: set(MISSING_ID, bobNodeId, PUBLIC_CONFIG) },
        { what: 'Alice sets the public config of a missing node', signer: alice,
          tx: set(farmId, MISSING_ID, PUBLIC_CONFIG) },
        { what: 'AliceStash (a node, not a farmer) sets the config of her own node', signer: aliceStash,
          tx: set(farmId, stashNodeId, PUBLIC_CONFIG) },
      ]);

      expectSuccess(api, stored);
      assert.deepEqual(eventFields(tfgridEvent(stored, 'NodePublicConfigStored')), [bobNodeId, PUBLIC_CONFIG],
        'NodePublicConfigStored(node id, config)');
      const afterSet = (await (await tfgridAt(stored.blockHash)).nodes(bobNodeId)).unwrap().toPrimitive();
      assert.deepEqual(afterSet, { ...before, publicConfig: PUBLIC_CONFIG },
        'Nodes[node]: the public config is set, every other field is unchanged');

      expectTfgridError(api, privateIp, 'InvalidPublicConfig');
      expectTfgridError(api, stranger, 'CannotUpdateFarmWrongTwin');
      expectTfgridError(api, missingFarm, 'FarmNotExists');
      expectTfgridError(api, missingNode, 'NodeNotExists');
      expectTfgridError(api, wrongFarm, 'CannotUpdateFarmWrongTwin');

      const tfgrid = api.query.tfgridModule;
      assert.deepEqual((await tfgrid.nodes(bobNodeId)).unwrap().publicConfig.toPrimitive(), PUBLIC_CONFIG,
        'the refused configs did not replace the stored one');
      assert.equal((await tfgrid.nodes(stashNodeId)).unwrap().publicConfig.isNone, true,
        'the other node has no public config');
    });
});
