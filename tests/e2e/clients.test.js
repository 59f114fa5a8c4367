// Issue 13: every client that works with the public TFChain works unchanged here. One --dev node is
// driven by the client libraries TFChain users run, each used the way its users use it:
//
// - py-substrate-interface 1.4.0 (what TFChain's own integration tests pin) and the newest 1.x, each
//   in its venv from scripts/setup.sh --tests, run tests/clients/substrate_interface_flow.py: twins, a
//   farm and two nodes, a node, a name and a rent contract, a solution provider, a service contract
//   approved by both sides, a transfer, the node's capacity and NRU reports and its uptime. Every call is
//   composed from a client's plain arguments (lists for list arguments) and must be accepted as such;
//   the events are read back with the library, then the state it left and runtime API calls
//   (TransactionPaymentApi, and ReputationApi described to the library's type registry);
// - polkadot-api (metadata-independent `getUnsafeApi()`, no descriptors generated) over the new JSON-RPC
//   spec only (chainHead_v1 / transaction_v1): a Balances transfer and two TfgridModule calls, their
//   events and the new state;
// - @polkadot/api 10.x decodes every block from genesis to the head;
// - Substrate API Sidecar serves /blocks/{n} for the blocks holding each kind of extrinsic the suite
//   produced (timestamp inherent, signed transfers, TfgridModule and SmartContractModule calls);
// - the V15 metadata describes every runtime API the runtime declares, with its methods.
//
// The Python runs and the polkadot-api flow use disjoint accounts and run at the same time; Alice
// only funds the Python accounts, before any contract exists (from when her offchain worker signed
// the bills; the chain bills by itself now). Under a minute and a half.
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';

import { u8aToHex } from '@polkadot/util';
import { blake2AsU8a } from '@polkadot/util-crypto';
import { Binary, createClient } from 'polkadot-api';
import { getPolkadotSigner } from 'polkadot-api/signer';
import { getWsProvider } from 'polkadot-api/ws';
import { WebSocket } from 'ws';

import { TFT, freshPair, makeKeyring } from '../lib/accounts.js';
import { REPO_ROOT } from '../lib/binary.js';
import { bestHead, waitFor } from '../lib/chain.js';
import { E2eError } from '../lib/errors.js';
import { Fixture, nodeSuite, printNodeLogsOnFailure } from '../lib/harness.js';
import { freePort } from '../lib/ports.js';
import { expectSuccess, submitAll } from '../lib/tfgrid.js';

const CLIENTS_DIR = path.join(REPO_ROOT, 'tests', 'clients');
const FLOW_SCRIPT = path.join(CLIENTS_DIR, 'substrate_interface_flow.py');
const SIDECAR_MAIN = path.join(REPO_ROOT, 'tests', 'node_modules', '@substrate', 'api-sidecar', 'build', 'src', 'main.js');
const PYTHON_TIMEOUT_MS = 180_000;
const PAPI_TX_TIMEOUT_MS = 60_000;
const PAPI_FLOW_TIMEOUT_MS = 150_000;

/** The accounts of one Python run, as the script derives them (`//clients-<label>-<role>`). */
const ROLES = ['farmer', 'node1', 'node2', 'user', 'service', 'consumer'];
const GIB = 1024 ** 3;
const RELAY = 'relay.clients.grid.tf';
const GATEWAY = '185.206.122.1';
const NODE_RESOURCES = { hru: 2048 * GIB, sru: 512 * GIB, cru: 8, mru: 16 * GIB };
const USED = { hru: 0, sru: 20 * GIB, cru: 2, mru: 4 * GIB };
const FUNDS = 1_000n * TFT;

/** The two py-substrate-interface runs: venv name, label of their accounts, their farm's IP. */
const PY_RUNS = [
  { venv: '1.4.0', label: 'si140', ip: '185.206.122.40/24' },
  { venv: 'latest', label: 'silatest', ip: '185.206.122.41/24' },
];

/** Signed extensions a polkadot.js 10 registry does not know; they carry no data. */
const EXTRA_SIGNED_EXTENSIONS = { ContractIdProvides: { extrinsic: {}, payload: {} } };

/** The version a requirements file pins for `package`. */
function pinnedVersion(file, pkg) {
  const line = fs.readFileSync(file, 'utf8').split('\n').find((l) => l.startsWith(`${pkg}==`));
  if (!line) throw new E2eError(`${file} pins no ${pkg}`);
  return line.slice(pkg.length + 2).trim();
}

/**
 * The python of the venv scripts/setup.sh --tests made from tests/clients/requirements-<name>.txt;
 * throws a one-line error when it is missing or older than its requirements file.
 */
function venvPython(name) {
  const requirements = path.join(CLIENTS_DIR, `requirements-${name}.txt`);
  const venv = path.join(CLIENTS_DIR, `.venv-${name}`);
  const python = path.join(venv, 'bin', 'python');
  if (!fs.existsSync(python)) {
    throw new E2eError(`the Python venv tests/clients/.venv-${name} is missing (python3-venv or PyPI unavailable?): `
      + 'run scripts/setup.sh --tests');
  }
  const sum = createHash('sha256').update(fs.readFileSync(requirements)).digest('hex');
  let stamp = '';
  try {
    stamp = fs.readFileSync(path.join(venv, '.requirements.sha256'), 'utf8').trim();
  } catch {
    // no stamp: an interrupted setup
  }
  if (stamp !== sum) {
    throw new E2eError(`the Python venv tests/clients/.venv-${name} does not match requirements-${name}.txt: `
      + 'run scripts/setup.sh --tests');
  }
  return python;
}

/** Runs the py-substrate-interface flow in venv `venv`; resolves with the JSON it printed. */
function runPythonFlow(node, { venv, label, ip }) {
  const python = venvPython(venv);
  return new Promise((resolve, reject) => {
    execFile(python, [FLOW_SCRIPT, '--url', node.wsUrl, '--label', label, '--public-ip', ip],
      { timeout: PYTHON_TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
        const tail = stderr.split('\n').slice(-30).join('\n');
        if (err) {
          reject(new E2eError(`py-substrate-interface ${venv}: ${path.basename(FLOW_SCRIPT)} failed (${err.message}); `
            + `its stderr ends with:\n${tail}`));
          return;
        }
        let result;
        try {
          result = JSON.parse(stdout);
        } catch (parseErr) {
          reject(new E2eError(`py-substrate-interface ${venv}: the script printed no JSON (${parseErr.message}); `
            + `stderr:\n${tail}`));
          return;
        }
        if (result.fatal) {
          reject(new E2eError(`py-substrate-interface ${venv}: the flow stopped: ${result.fatal}\n${result.traceback}`));
          return;
        }
        resolve(result);
      });
  });
}

/** A promise that never rejects unobserved: `await settled(p)` gives its value or throws its error. */
function settle(promise) {
  const held = promise.then((value) => ({ value }), (error) => ({ error }));
  return async () => {
    const { value, error } = await held;
    if (error) throw error;
    return value;
  };
}

/**
 * Does `actual` contain `expected`? Objects: every expected key, recursively; arrays: element-wise;
 * functions: a predicate on the value.
 */
function contains(actual, expected) {
  if (typeof expected === 'function') return expected(actual);
  if (Array.isArray(expected)) {
    return Array.isArray(actual) && actual.length === expected.length
      && expected.every((item, i) => contains(actual[i], item));
  }
  if (expected !== null && typeof expected === 'object') {
    return actual !== null && typeof actual === 'object'
      && Object.entries(expected).every(([key, value]) => contains(actual[key], value));
  }
  return actual === expected;
}

/** `module_name` → `moduleName`, and `Module` → `module`, as polkadot.js and Sidecar name calls. */
const camel = (name) => name.replace(/_([a-z])/g, (_, c) => c.toUpperCase()).replace(/^[A-Z]/, (c) => c.toLowerCase());

/** The pallet events each step of the Python flow must emit, with the fields that must match. */
function expectedPythonEvents(run, result) {
  const { accounts: acc, ids } = result;
  const twin = (role) => ids.twins[role];
  const serviceContract = { service_twin_id: twin('service'), consumer_twin_id: twin('consumer') };
  const expected = {};
  for (const role of ROLES) {
    expected[`${role} creates a twin`] = ['TfgridModule.TwinStored', { account_id: acc[role], relay: RELAY, pk: null }];
  }
  for (const role of ['node1', 'node2']) {
    expected[`${role} registers a node`] = ['TfgridModule.NodeStored',
      { farm_id: ids.farm, twin_id: twin(role), resources: NODE_RESOURCES }];
  }
  Object.assign(expected, {
    'farmer creates a farm with a public IP': ['TfgridModule.FarmStored', {
      name: `clients-${run.label}-farm`, twin_id: twin('farmer'),
      public_ips: [{ ip: run.ip, gateway: GATEWAY, contract_id: 0 }],
    }],
    'user creates a name contract': ['SmartContractModule.ContractCreated',
      { twin_id: twin('user'), state: 'Created', contract_type: { NameContract: { name: `clients-${run.label}` } } }],
    'user creates a solution provider': ['SmartContractModule.SolutionProviderCreated',
      { providers: [{ who: acc.user, take: 10 }], approved: false }],
    'service creates a service contract': ['SmartContractModule.ServiceContractCreated',
      { ...serviceContract, state: 'Created' }],
    'user sends 1 TFT to the consumer': ['Balances.Transfer',
      { from: acc.user, to: acc.consumer, amount: Number(TFT) }],
    'user creates a node contract': ['SmartContractModule.ContractCreated',
      { twin_id: twin('user'), contract_type: { NodeContract: { node_id: ids.node1, public_ips: 1 } } }],
    'user rents the second node': ['SmartContractModule.ContractCreated',
      { twin_id: twin('user'), contract_type: { RentContract: { node_id: ids.node2 } } }],
    'service sets the fees': ['SmartContractModule.ServiceContractFeesSet',
      { ...serviceContract, base_fee: 100, variable_fee: 50 }],
    'consumer sets the metadata': ['SmartContractModule.ServiceContractMetadataSet',
      { ...serviceContract, metadata: `clients ${run.label} service` }],
    "node1 reports the contract's resources": ['SmartContractModule.UpdatedUsedResources',
      { contract_id: ids.nodeContract, used: USED }],
    'node1 reports NRU consumption': ['SmartContractModule.NruConsumptionReportReceived',
      { contract_id: ids.nodeContract, window: 6, nru: GIB }],
    'node1 reports its uptime': ['TfgridModule.NodeUptimeReported',
      (attributes) => attributes?.[0] === ids.node1 && attributes?.[2] === 600],
    'service approves': ['SmartContractModule.ServiceContractApproved', serviceContract],
    'consumer approves': ['SmartContractModule.ServiceContractApproved', serviceContract],
  });
  return expected;
}

/**
 * Calls whose list argument nests a `bounded_collections` BoundedVec (farm IPs, node interfaces),
 * a type path py-substrate-interface does not know: a remaining difference, in docs/compatibility.md.
 */
const KNOWN_PY_REFUSALS = ['TfgridModule.create_farm', 'TfgridModule.create_node'];

nodeSuite('client libraries against a --dev node', { timeout: 8 * 60_000 }, () => {
  const fx = new Fixture();
  let node;
  let api;
  let keyring;
  let sidecar;
  let sidecarLog;
  let fundingBlock;
  const pyResults = {}; // venv -> () => Promise<result>
  let papiResult;

  printNodeLogsOnFailure(() => fx.nodes);

  before(async () => {
    await fx.init();
    ({ node, api } = await fx.startDevNode());
    keyring = await makeKeyring();
    const alice = keyring.addFromUri('//Alice');
    // Plain signed transfers from Alice, in one block: the accounts of both Python runs.
    const funding = await submitAll(api, PY_RUNS.flatMap(({ label }) => ROLES.map((role) => ({
      what: `Alice funds ${label} ${role}`,
      signer: alice,
      tx: api.tx.balances.transferKeepAlive(keyring.addFromUri(`//clients-${label}-${role}`).address, FUNDS),
    }))));
    for (const result of funding) expectSuccess(api, result);
    fundingBlock = (await api.rpc.chain.getHeader(funding[0].blockHash)).number.toNumber();

    for (const run of PY_RUNS) pyResults[run.venv] = settle(runPythonFlow(node, run));
    papiResult = settle(runPapiFlow());
    sidecar = await startSidecar();
  }, { timeout: 180_000 });

  after(async () => {
    if (sidecar && sidecar.exitCode === null) {
      sidecar.kill('SIGTERM');
      await Promise.race([new Promise((resolve) => sidecar.once('exit', resolve)), sleep(5_000)]);
      if (sidecar.exitCode === null && sidecar.signalCode === null) sidecar.kill('SIGKILL');
    }
    // Let the flows finish (each is bounded by its own timeouts) before their node goes away.
    await Promise.allSettled([...Object.values(pyResults), papiResult].filter(Boolean).map((get) => get()));
    await fx.close();
  }, { timeout: 240_000 });

  /** Starts Sidecar against the node on a free port; resolves once it answers /node/version. */
  async function startSidecar() {
    const port = await freePort();
    sidecarLog = path.join(fx.root, 'sidecar.log');
    const log = fs.openSync(sidecarLog, 'a');
    const child = spawn(process.execPath, [SIDECAR_MAIN], {
      env: {
        ...process.env,
        SAS_SUBSTRATE_URL: node.wsUrl,
        SAS_EXPRESS_PORT: String(port),
        SAS_EXPRESS_BIND_HOST: '127.0.0.1',
      },
      stdio: ['ignore', log, log],
    });
    fs.closeSync(log);
    process.once('exit', () => child.kill('SIGKILL'));
    child.baseUrl = `http://127.0.0.1:${port}`;
    await waitFor('Sidecar to answer /node/version', async () => {
      if (child.exitCode !== null) {
        throw new E2eError(`Sidecar exited with ${child.exitCode}: ${fs.readFileSync(sidecarLog, 'utf8').slice(-2000)}`);
      }
      const response = await fetch(`${child.baseUrl}/node/version`, { signal: AbortSignal.timeout(5_000) });
      return response.ok;
    }, { timeoutMs: 60_000, intervalMs: 500 });
    return child;
  }

  /**
   * The polkadot-api flow over the new JSON-RPC spec, with the metadata-independent unsafe API (no
   * descriptors): Bob funds a fresh account, which accepts the T&C and creates a twin. Resolves with
   * what it saw and the JSON-RPC methods it used.
   */
  async function runPapiFlow() {
    const methods = new Set();
    const inner = getWsProvider(node.wsUrl, { websocketClass: WebSocket });
    const recording = (onMessage) => {
      const connection = inner(onMessage);
      return {
        // polkadot-api 2 hands the provider message objects (JSON text before).
        send: (message) => {
          methods.add((typeof message === 'string' ? JSON.parse(message) : message).method);
          connection.send(message);
        },
        disconnect: () => connection.disconnect(),
      };
    };
    const client = createClient(recording);
    // Destroying the client errors every pending call, so a stuck flow ends in a failure.
    const guard = setTimeout(() => client.destroy(), PAPI_FLOW_TIMEOUT_MS);
    try {
      const unsafe = client.getUnsafeApi();
      const bob = keyring.addFromUri('//Bob');
      const fresh = freshPair(keyring, 'papi');
      const signer = (pair) => getPolkadotSigner(pair.publicKey, 'Sr25519', (payload) => pair.sign(payload));
      /** Signs and submits; resolves with the first best block that includes it. */
      const inBestBlock = (tx, pair, what) => new Promise((resolve, reject) => {
        let subscription = null;
        const timer = setTimeout(() => {
          subscription?.unsubscribe();
          reject(new E2eError(`polkadot-api: ${what} was not in a best block within ${PAPI_TX_TIMEOUT_MS / 1000} s`));
        }, PAPI_TX_TIMEOUT_MS);
        subscription = tx.signSubmitAndWatch(signer(pair)).subscribe({
          next: (event) => {
            if (event.type === 'txBestBlocksState' && event.found) {
              clearTimeout(timer);
              subscription?.unsubscribe();
              resolve(event);
            }
          },
          error: (err) => {
            clearTimeout(timer);
            reject(new E2eError(`polkadot-api: ${what} failed: ${err.message}`));
          },
        });
      });
      const amount = 10n * TFT;
      const transfer = await inBestBlock(
        unsafe.tx.Balances.transfer_keep_alive({ dest: { type: 'Id', value: fresh.address }, value: amount }),
        bob, 'the transfer');
      const account = await unsafe.query.System.Account.getValue(fresh.address, { at: transfer.block.hash });
      const tc = await inBestBlock(unsafe.tx.TfgridModule.user_accept_tc({
        document_link: Binary.fromText('https://library.threefold.me/info/legal/#/legal__terms_conditions_chain'),
        document_hash: Binary.fromText('a7f4e1b3c9d2e5f60718293a4b5c6d7e'),
      }), fresh, 'user_accept_tc');
      const twin = await inBestBlock(unsafe.tx.TfgridModule.create_twin({ relay: Binary.fromText(RELAY), pk: undefined }),
        fresh, 'create_twin');
      const stored = twin.events.find((e) => e.type === 'TfgridModule' && e.value.type === 'TwinStored');
      const twinId = stored?.value.value.id;
      const twinState = twinId === undefined ? undefined
        : await unsafe.query.TfgridModule.Twins.getValue(twinId, { at: twin.block.hash });
      const twinOfAccount = await unsafe.query.TfgridModule.TwinIdByAccountID.getValue(fresh.address,
        { at: twin.block.hash });
      return {
        bob: bob.address, fresh: fresh.address, amount, transfer, freeAfter: account.data.free, tc, twin, twinId,
        twinState, twinOfAccount, methods,
      };
    } finally {
      clearTimeout(guard);
      client.destroy();
    }
  }

  for (const run of PY_RUNS) {
    const name = `py-substrate-interface ${run.venv}`;
    const result = () => pyResults[run.venv]();

    it(`${name}: derives the funded accounts and composes every call from a client's plain arguments`,
      { timeout: PYTHON_TIMEOUT_MS }, async () => {
        const r = await result();
        const expectedVersion = pinnedVersion(path.join(CLIENTS_DIR, `requirements-${run.venv}.txt`), 'substrate-interface');
        assert.equal(r.library['substrate-interface'], expectedVersion, `${name}: the venv's library version`);
        const funded = Object.fromEntries(ROLES.map((role) => [role, keyring.addFromUri(`//clients-${run.label}-${role}`).address]));
        assert.deepEqual(r.accounts, funded, `${name}: //clients-${run.label}-<role> derives the accounts Alice funded`);
        // Only the calls listed in docs/compatibility.md ("Client differences") may be refused; the flow
        // then sends them with the list wrapped once, the workaround documented there.
        const refused = r.steps.filter((s) => s.composeError && !KNOWN_PY_REFUSALS.includes(s.call))
          .map((s) => `${s.call}: ${s.composeError}`);
        assert.deepEqual(refused, [], `${name} must compose each call from the plain lists a client passes `
          + '(a BoundedVec call argument that the metadata shows as a composite is refused; the flow went on '
          + 'with the list wrapped once)');
      });

    it(`${name}: every extrinsic lands, succeeds and emits its call's events`, { timeout: PYTHON_TIMEOUT_MS }, async () => {
      const r = await result();
      const expected = expectedPythonEvents(run, r);
      assert.equal(r.steps.length, 28, `${name}: all the steps of the flow ran`);
      for (const step of r.steps) {
        const where = `${name}: ${step.what} (${step.call})`;
        assert.equal(step.submitError, null, `${where}: submitted and included`);
        assert.ok(step.included, `${where}: included in a block`);
        assert.ok(step.success, `${where}: succeeded (error: ${JSON.stringify(step.error)})`);
        const events = step.events.map((e) => `${e.module}.${e.event}`);
        assert.ok(events.includes('System.ExtrinsicSuccess'), `${where}: ExtrinsicSuccess among ${events}`);
        if (step.call === 'TfgridModule.user_accept_tc') continue;
        assert.ok(expected[step.what], `the test knows the events of "${step.what}"`);
        const [event, fields] = expected[step.what];
        const found = step.events.filter((e) => `${e.module}.${e.event}` === event);
        assert.equal(found.length, 1, `${where}: exactly one ${event} among ${events}`);
        assert.ok(contains(found[0].attributes, fields),
          `${where}: ${event} carries ${typeof fields === 'function' ? fields : JSON.stringify(fields)}; `
          + `got ${JSON.stringify(found[0].attributes)}`);
      }
      const approvals = r.steps.filter((s) => s.call === 'SmartContractModule.service_contract_approve')
        .map((s) => s.events.find((e) => e.event === 'ServiceContractApproved').attributes.state).sort();
      assert.deepEqual(approvals, ['AgreementReady', 'ApprovedByBoth'], `${name}: the second approval completes the agreement`);
    });

    it(`${name}: reads back the state it created, as polkadot.js sees it`, { timeout: PYTHON_TIMEOUT_MS }, async () => {
      const r = await result();
      const { ids, state, accounts } = r;
      for (const [key, entry] of Object.entries(state)) assert.equal(entry.error, undefined, `${name}: query ${key}`);
      assert.equal(state.twin.value.account_id, accounts.user, `${name}: Twins(user twin)`);
      assert.deepEqual(state.farm.value.public_ips, [{ ip: run.ip, gateway: GATEWAY, contract_id: ids.nodeContract }],
        `${name}: the farm's IP is taken by the node contract`);
      assert.equal(state.node1.value.twin_id, ids.twins.node1, `${name}: Nodes(node1)`);
      assert.deepEqual(state.nodeContractResources.value, { contract_id: ids.nodeContract, used: USED },
        `${name}: NodeContractResources`);
      assert.equal(state.rentOfNode2.value, ids.rentContract, `${name}: ActiveRentContractForNode(node2)`);
      assert.ok(contains(state.serviceContract.value, {
        accepted_by_service: true, accepted_by_consumer: true, state: 'ApprovedByBoth', base_fee: 100, variable_fee: 50,
      }), `${name}: ServiceContracts: ${JSON.stringify(state.serviceContract.value)}`);
      assert.equal(state.solutionProvider.value.solution_provider_id, ids.solutionProvider, `${name}: SolutionProviders`);

      const sc = api.query.smartContractModule;
      const types = {};
      for (const [kind, id] of [['node', ids.nodeContract], ['name', ids.nameContract], ['rent', ids.rentContract]]) {
        const contract = await sc.contracts(id);
        assert.ok(contract.isSome, `${name}: polkadot.js finds the ${kind} contract ${id}`);
        assert.equal(contract.unwrap().twinId.toNumber(), ids.twins.user, `${name}: the ${kind} contract's twin`);
        types[kind] = contract.unwrap().contractType.type;
      }
      assert.deepEqual(types, { node: 'NodeContract', name: 'NameContract', rent: 'RentContract' }, `${name}: contract kinds`);
      const sp = await sc.solutionProviders(ids.solutionProvider);
      assert.equal(sp.unwrap().providers[0].who.toString(), accounts.user, `${name}: the solution provider, by polkadot.js`);
    });

    it(`${name}: pays fees as quoted and calls ReputationApi once it is described to the type registry`,
      { timeout: PYTHON_TIMEOUT_MS }, async () => {
        const r = await result();
        const calls = r.runtimeCalls;
        for (const key of ['paymentInfo', 'queryInfoWeightV2', 'nodeReputation', 'farmReputation', 'rankedNodes']) {
          assert.equal(calls[key].error, undefined, `${name}: ${key}`);
        }
        // TransactionPaymentApi_query_info through runtime_call, with the library's own definition: the
        // newest 1.x knows WeightV2; 1.4.0's built-in definition has a u64 weight (as it also has against
        // the public TFChain), so there only the WeightV2 override above is checked.
        if (run.venv !== '1.4.0') assert.equal(calls.queryInfo.error, undefined, `${name}: runtime_call query_info`);
        const fee = calls.paymentInfo.value.partialFee;
        assert.ok(fee > 0, `${name}: a transfer has a fee`);
        assert.equal(calls.queryInfoWeightV2.value.partialFee, fee, `${name}: runtime API and RPC quote the same fee`);
        // These library versions take runtime APIs from their type registry only, never from metadata V15.
        assert.match(calls.reputationUnregistered.error ?? '', /not found in registry/,
          `${name}: ReputationApi is unknown until described`);
        const viaRpc = await node.rpc('reputation_node', [r.ids.node1]);
        assert.deepEqual(calls.nodeReputation.value, {
          node_id: viaRpc.nodeId, farm_id: viaRpc.farmId, score_permill: viaRpc.scorePermill,
          availability_30_permill: viaRpc.availability30Permill, availability_all_permill: viaRpc.availabilityAllPermill,
          sla_misses_30: viaRpc.slaMisses30, sla_misses_all: viaRpc.slaMissesAll, age_periods: viaRpc.agePeriods,
          certified: viaRpc.certified, counted_30: viaRpc.counted30,
        }, `${name}: ReputationApi.node_reputation equals reputation_node`);
        assert.equal(calls.nodeReputation.value.farm_id, r.ids.farm, `${name}: the reputation of node1's farm`);
        const farm = await node.rpc('reputation_farm', [r.ids.farm]);
        assert.deepEqual(calls.farmReputation.value, {
          farm_id: farm.farmId, score_permill: farm.scorePermill, nodes: farm.nodes, capacity: Number(farm.capacity),
        }, `${name}: ReputationApi.farm_reputation equals reputation_farm`);
        assert.ok(calls.rankedNodes.value.nodes.some((n) => n.node_id === r.ids.node1), `${name}: node1 is ranked`);
      });
  }

  it('polkadot-api (unsafe API, new JSON-RPC spec) transfers and calls TfgridModule', { timeout: 180_000 }, async () => {
    const r = await papiResult();
    assert.ok(r.transfer.ok, `the transfer succeeded: ${JSON.stringify(r.transfer.dispatchError)}`);
    const transfer = r.transfer.events.find((e) => e.type === 'Balances' && e.value.type === 'Transfer');
    assert.ok(transfer, 'Balances.Transfer');
    assert.deepEqual(transfer.value.value, { from: r.bob, to: r.fresh, amount: r.amount }, 'Balances.Transfer fields');
    assert.equal(r.freeAfter, r.amount, 'System.Account of the new account holds the transfer');
    assert.ok(r.tc.ok, 'user_accept_tc succeeded');
    assert.ok(r.twin.ok, `create_twin succeeded: ${JSON.stringify(r.twin.dispatchError)}`);
    assert.ok(r.twinId > 0, 'TfgridModule.TwinStored names the twin');
    assert.equal(r.twinState.account_id, r.fresh, 'TfgridModule.Twins(id).account_id');
    assert.equal(Binary.toText(r.twinState.relay), RELAY, 'TfgridModule.Twins(id).relay');
    assert.equal(r.twinOfAccount, r.twinId, 'TfgridModule.TwinIdByAccountID');
    const used = [...r.methods];
    assert.ok(used.includes('chainHead_v1_follow'), `chainHead_v1_follow among ${used}`);
    assert.ok(used.some((m) => m === 'transaction_v1_broadcast' || m === 'transactionWatch_v1_submitAndWatch'),
      `transaction_v1 among ${used}`);
    const legacy = used.filter((m) => /^(chain|state|author|system|payment)_/.test(m));
    assert.deepEqual(legacy, [], 'no legacy JSON-RPC method');
  });

  it('describes every runtime API with its methods in metadata V15', async () => {
    const versions = api.createType('Vec<u32>', await api.rpc.state.call('Metadata_metadata_versions', '0x'));
    assert.ok(versions.toJSON().includes(15), `metadata versions ${versions.toJSON()} include 15`);
    const raw = await api.rpc.state.call('Metadata_metadata_at_version', u8aToHex(api.createType('u32', 15).toU8a()));
    const opaque = api.createType('Option<OpaqueMetadata>', raw);
    assert.ok(opaque.isSome, 'Metadata_metadata_at_version(15) answers');
    const metadata = api.createType('Metadata', opaque.unwrap().toU8a(true));
    assert.equal(metadata.version, 15, 'the metadata is V15');
    const apis = metadata.asV15.apis.map((a) => ({ name: a.name.toString(), methods: a.methods.map((m) => m.name.toString()) }));
    const byHash = new Map(apis.map((a) => [u8aToHex(blake2AsU8a(a.name, 64)), a]));
    const declared = api.runtimeVersion.apis.map(([id]) => id.toHex());
    const missing = declared.filter((id) => !byHash.has(id));
    assert.deepEqual(missing, [], `every runtime API of the runtime version is in V15 (${apis.map((a) => a.name)})`);
    assert.equal(apis.length, declared.length, 'V15 lists no API the runtime does not declare');
    for (const a of apis) assert.ok(a.methods.length > 0, `${a.name} has methods`);
    const methodsOf = Object.fromEntries(apis.map((a) => [a.name, a.methods]));
    assert.deepEqual(methodsOf.ReputationApi, ['node_reputation', 'farm_reputation', 'ranked_nodes'], 'ReputationApi');
    assert.ok(methodsOf.TransactionPaymentApi.includes('query_info'), 'TransactionPaymentApi.query_info');
  });

  it('@polkadot/api 10.x decodes every block from genesis to the head', { timeout: 180_000 }, async () => {
    await Promise.allSettled([...Object.values(pyResults), papiResult].map((get) => get()));
    // Imported here: loading a second @polkadot/util makes it warn about duplicate versions.
    const { ApiPromise: ApiPromiseV10, WsProvider: WsProviderV10 } = await import('polkadot-api-v10');
    const provider = new WsProviderV10(node.wsUrl, 2_000, {}, 30_000);
    const v10 = await ApiPromiseV10.create({ provider, noInitWarn: true, throwOnConnect: true,
      signedExtensions: EXTRA_SIGNED_EXTENSIONS });
    try {
      const head = (await bestHead(node)).number;
      const failures = [];
      const sections = new Set();
      for (let number = 0; number <= head; number += 1) {
        const hash = await v10.rpc.chain.getBlockHash(number);
        try {
          const { block } = await v10.rpc.chain.getBlock(hash);
          for (const xt of block.extrinsics) {
            assert.ok(xt.method.section && xt.method.method, `block #${number}: an extrinsic without a call`);
            sections.add(xt.method.section);
          }
        } catch (err) {
          failures.push(`#${number}: ${err.message}`);
        }
      }
      assert.ok(failures.length === 0, `${v10.libraryInfo} must decode all ${head + 1} blocks; ${failures.length} failed, `
        + `the first:\n${failures.slice(0, 3).join('\n')}`);
      for (const section of ['timestamp', 'balances', 'tfgridModule', 'smartContractModule']) {
        assert.ok(sections.has(section), `a ${section} extrinsic was decoded`);
      }
    } finally {
      await v10.disconnect().catch(() => {});
    }
  });

  it('Substrate API Sidecar decodes the blocks of every kind of extrinsic', { timeout: 180_000 }, async () => {
    // The block of each extrinsic kind to look at: its number and the extrinsic (pallet.method) in it.
    const targets = new Map();
    const want = (number, call) => {
      if (!targets.has(number)) targets.set(number, new Set());
      targets.get(number).add(call);
    };
    want(1, 'timestamp.set');
    want(fundingBlock, 'balances.transferKeepAlive');
    for (const run of PY_RUNS) {
      let r;
      try {
        r = await pyResults[run.venv]();
      } catch {
        continue; // reported by the Python tests
      }
      for (const step of r.steps.filter((s) => s.included)) {
        const [module, fn] = step.call.split('.');
        want(step.blockNumber, `${camel(module)}.${camel(fn)}`);
      }
    }
    try {
      const papi = await papiResult();
      want(papi.transfer.block.number, 'balances.transferKeepAlive');
      want(papi.tc.block.number, 'tfgridModule.userAcceptTc');
      want(papi.twin.block.number, 'tfgridModule.createTwin');
    } catch {
      // reported by the polkadot-api test
    }
    const failures = [];
    for (const [number, calls] of [...targets].sort(([a], [b]) => a - b)) {
      const response = await fetch(`${sidecar.baseUrl}/blocks/${number}`, { signal: AbortSignal.timeout(30_000) });
      const body = await response.json();
      if (!response.ok) {
        failures.push(`/blocks/${number}: HTTP ${response.status}: ${body.message ?? JSON.stringify(body).slice(0, 300)}`);
        continue;
      }
      assert.equal(Number(body.number), number, `/blocks/${number}: the block number`);
      const seen = new Set();
      for (const [index, xt] of body.extrinsics.entries()) {
        if (!xt.method?.pallet || !xt.method?.method) {
          failures.push(`/blocks/${number}: extrinsic ${index} has no method: ${JSON.stringify(xt).slice(0, 300)}`);
          continue;
        }
        seen.add(`${xt.method.pallet}.${xt.method.method}`);
        if (xt.success !== true) failures.push(`/blocks/${number}: extrinsic ${index} (${xt.method.pallet}.${xt.method.method}) not successful`);
      }
      for (const call of calls) if (!seen.has(call)) failures.push(`/blocks/${number}: no ${call} among ${[...seen]}`);
    }
    assert.ok(failures.length === 0, `Sidecar must serve ${targets.size} blocks; ${failures.length} problems (log ${sidecarLog}), `
      + `the first:\n${failures.slice(0, 5).join('\n')}`);
  });
});
