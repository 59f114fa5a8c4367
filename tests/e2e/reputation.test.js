// Reputation on a dev chain whose genesis shortens the reputation period to PERIOD_SECS seconds
// (the `:ReputationPeriodSecs:` storage key of a raw `dev` chain spec), with Alice as sole validator.
//
// Alice farms one farm with two nodes: node B (AliceStash's, 8 GiB, registered first so it has the
// lower id) reports uptime in its first period and once more, after a reboot, two periods later,
// then falls silent; node A (Bob's, 16 GiB) reports in every block, its uptime growing with the
// clock, so it is proven online all the time. A single report proves nothing, nor does the one
// after B's reboot beyond the second since the boot (issue 12: online time is what consecutive,
// consistent reports prove). Over SPAN periods their `reputation_node` answers diverge exactly as
// docs/reputation.md predicts: checked at every block against a model of the documented rules
// (lib/reputation.js), and at the first block of each period against values worked out by hand.
// `reputation_farm` is the capacity-weighted mean, `reputation_rankedNodes` ranks A before B (ties
// by id before that), filters and pages by cursor, B's second report raises NodeScoreBelowThreshold, and unknown ids
// and bad page sizes give the documented RPC errors. About three minutes.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';

import { makeKeyring } from '../lib/accounts.js';
import { blockHashAt, connectApi, waitFor, waitForBest, waitForFinalized } from '../lib/chain.js';
import { eventFields } from '../lib/governance.js';
import { Fixture, nodeSuite, printNodeLogsOnFailure, withNodeLogsOnError } from '../lib/harness.js';
import {
  LOW_SCORE_THRESHOLD,
  PERIOD_SECS_KEY,
  REPUTATION_PALLET_INDEX,
  RPC_ERROR,
  aliceOnSpec,
  expectedFarmScore,
  expectedObservations,
  expectedReputation,
  rankedNodes,
  rankedPage,
  reputationFarm,
  reputationNode,
  rpcErrorOf,
  u64Hex,
  writeShortPeriodSpec,
} from '../lib/reputation.js';
import { expectSuccess, sendInBlock, submitAll, tfgridEvent } from '../lib/tfgrid.js';
import { eventSummary } from '../lib/tx.js';

/** The reputation period of the test chain: three 6-second blocks. */
const PERIOD_SECS = 18;
/** Periods from the nodes' first reports to the final reading. */
const SPAN = 6;

const GIB = 1024 ** 3;
const TIB = 1024 * GIB;
/** Capacities as the runtime weighs them: GiB of memory. */
const CAPACITY = { a: 16, b: 8 };
const RESOURCES = {
  a: { hru: 2 * TIB, sru: 512 * GIB, cru: 8, mru: CAPACITY.a * GIB },
  b: { hru: 1 * TIB, sru: 256 * GIB, cru: 4, mru: CAPACITY.b * GIB },
};

/**
 * The scores the rules of docs/reputation.md give, worked out by hand, at the first block of
 * periods p0 .. p0+SPAN (p0: the first reports; no standby, no contracts, not certified). Age
 * permill = ⌊k·1000/360⌋ = 0, 2, 5, 8, 11, 13, 16.
 * - A reports every block (gaps of seconds, uptime growing with the clock): every closed period is
 *   proven online from its first report on, so A30 = Aall = 1000 and ⌊(900 000 + 50·age)/1000⌋ = 900
 *   throughout.
 * - B's first report proves nothing by itself, and its second (uptime 1 s: it rebooted) proves one
 *   second: no closed period is available, so A30 = Aall = 0 after p0 and ⌊50·age/1000⌋ = 0.
 */
const BY_HAND = {
  a: { score: [900, 900, 900, 900, 900, 900, 900], a30: [1000, 1000, 1000, 1000, 1000, 1000, 1000] },
  b: { score: [900, 0, 0, 0, 0, 0, 0], a30: [1000, 0, 0, 0, 0, 0, 0] },
};
/** The farm at p0+SPAN: ⌊(900·16 + 0·8) ÷ 24⌋. */
const FARM_BY_HAND = 600;
/** The uptime B reports after its reboot. */
const B_UPTIME_AFTER_REBOOT = 1;

const MISSING_ID = 9999;
const TC_LINK = 'https://library.threefold.me/info/legal/#/legal__terms_conditions_chain';
const TC_HASH = 'a7f4e1b3c9d2e5f60718293a4b5c6d7e';

function createNodeArgs(farmId, resources) {
  return [farmId, resources, { city: 'Ghent', country: 'Belgium', latitude: '51.05', longitude: '3.71' }, [],
    false, false, null];
}

nodeSuite('Reputation on a dev chain with short periods', { timeout: 10 * 60_000 }, () => {
  const fx = new Fixture();
  let node;
  let api;
  let alice;
  /** The node accounts: Bob runs node A, AliceStash node B. */
  const signer = {};
  /** When each node booted, in seconds of the local clock (which the dev chain's timestamps follow). */
  const BOOT = { a: Math.floor(Date.now() / 1000) - 3_600, b: Math.floor(Date.now() / 1000) - 7_200 };
  /** The uptime `who`'s node reports now: the seconds since it booted. */
  const uptimeOf = (who) => Math.floor(Date.now() / 1000) - BOOT[who];
  let farmId;
  let emptyFarmId;
  const nodeId = {};
  /** Every accepted uptime report: { who, blockHash, number, period, events }. */
  const reports = [];
  let p0;
  let loop = null;
  let stopLoop = false;
  /** The block at which the final reading is taken: the first block of period p0 + SPAN. */
  let finalBlock;

  printNodeLogsOnFailure(() => fx.nodes);

  const periodOfMs = (ms) => Math.floor(Math.floor(ms / 1000) / PERIOD_SECS);

  async function periodAt(hash) {
    const at = hash ? await api.at(hash) : api;
    return periodOfMs((await at.query.timestamp.now()).toNumber());
  }

  function requireEarlier(what, ...values) {
    assert.ok(values.every((v) => v !== undefined && v !== null),
      `this step needs ${what} from an earlier step, which failed`);
  }

  /** The Reputation events among an extrinsic's events, as { method, nodeId, scorePermill }. */
  function reputationEvents(result) {
    return result.events
      .filter(({ event }) => event.section === 'reputation')
      .map(({ event }) => ({ method: event.method, ...eventFields(event) }));
  }

  /** Sends a report of `who`'s node (with `nonce` when given) and records it once included. */
  async function report(who, nonce, uptime = uptimeOf(who)) {
    const tx = api.tx.tfgridModule.reportUptimeV2(uptime, Math.floor(Date.now() / 1000));
    await tx.signAsync(signer[who], nonce === undefined ? {} : { nonce });
    const result = { what: `node ${who.toUpperCase()} reports its uptime`, ...await sendInBlock(tx) };
    return record(who, result);
  }

  async function record(who, result) {
    expectSuccess(api, result);
    const [reportedNode, now, uptime] = eventFields(tfgridEvent(result, 'NodeUptimeReported'));
    assert.equal(reportedNode, nodeId[who], `${result.what}: NodeUptimeReported's node`);
    const number = (await api.rpc.chain.getHeader(result.blockHash)).number.toNumber();
    const entry = {
      who, blockHash: result.blockHash, number, now, uptime, period: Math.floor(now / PERIOD_SECS), result,
    };
    reports.push(entry);
    return entry;
  }

  /** The reports of `who` included in block `number` or earlier, in inclusion order. */
  function reportsOf(who, upTo = Infinity) {
    return reports.filter((r) => r.who === who && r.number <= upTo).sort((x, y) => x.number - y.number);
  }

  /** The model's reputation of `who`'s node at block `number` of period `current` (null: none yet). */
  function modelAt(who, number, current) {
    return expectedReputation({
      nodeId: nodeId[who], farmId, reports: reportsOf(who, number), current, periodSecs: PERIOD_SECS,
    });
  }

  /** The ranking the docs describe: best score first, ties by node id, with free capacity. */
  function modelRanking(models) {
    return models
      .filter(Boolean)
      .map((m) => ({ nodeId: m.nodeId, farmId: m.farmId, scorePermill: m.scorePermill,
        freeCapacity: m.nodeId === nodeId.a ? CAPACITY.a : CAPACITY.b }))
      .sort((x, y) => y.scorePermill - x.scorePermill || x.nodeId - y.nodeId);
  }

  before(async () => {
    await fx.init();
    const chainSpec = await writeShortPeriodSpec({ root: fx.root, periodSecs: PERIOD_SECS });
    node = fx.track(await aliceOnSpec({ root: fx.root, chainSpec }));
    await withNodeLogsOnError(() => fx.nodes, 'node setup failed', async () => {
      await node.start();
      api = fx.trackApi(await connectApi(node));
      await waitForBest(node, 2, { timeoutMs: 60_000 });
      await waitForFinalized(node, 1, { timeoutMs: 60_000 });
    });
    const keyring = await makeKeyring();
    alice = keyring.addFromUri('//Alice');
    signer.a = keyring.addFromUri('//Bob');
    signer.b = keyring.addFromUri('//Alice//stash');
  }, { timeout: 180_000 });

  after(async () => {
    stopLoop = true;
    await loop?.catch(() => {});
    await fx.close();
  }, { timeout: 90_000 });

  it('has Reputation at index 32, the reputation RPC, and the period the chain spec sets', async () => {
    const pallet = api.runtimeMetadata.asLatest.pallets.find((p) => p.name.toString() === 'Reputation');
    assert.ok(pallet, 'the runtime has a Reputation pallet');
    assert.equal(pallet.index.toNumber(), REPUTATION_PALLET_INDEX, 'Reputation index');
    assert.ok(api.events.reputation.NodeScoreBelowThreshold, 'event NodeScoreBelowThreshold');
    assert.ok(api.events.reputation.NodeScoreRecovered, 'event NodeScoreRecovered');
    assert.ok(api.query.reputation.nodeReputations && api.query.reputation.farmReputations, 'storage maps');
    assert.equal(api.consts.reputation.lowScoreThreshold.toNumber(), LOW_SCORE_THRESHOLD, 'LowScoreThreshold');

    assert.equal(await node.rpc('state_getStorage', [PERIOD_SECS_KEY]), u64Hex(PERIOD_SECS),
      ':ReputationPeriodSecs: in the chain state');
    assert.equal(api.consts.reputation.periodSecs.toNumber(), PERIOD_SECS, 'the PeriodSecs constant reads it');

    const { methods } = await node.rpc('rpc_methods');
    for (const method of ['reputation_node', 'reputation_farm', 'reputation_rankedNodes']) {
      assert.ok(methods.includes(method), `rpc_methods lists ${method}`);
    }
  });

  it('registers one farm with nodes B and A (in that order) and one farm without nodes', { timeout: 120_000 },
    async () => {
      const tc = () => api.tx.tfgridModule.userAcceptTc(TC_LINK, TC_HASH);
      const twin = () => api.tx.tfgridModule.createTwin('relay.e2e.grid.tf', null);
      const registry = await submitAll(api, [
        { what: 'Alice accepts the T&C', signer: alice, tx: tc() },
        { what: 'Alice creates a twin', signer: alice, tx: twin() },
        { what: 'Alice creates her farm', signer: alice, tx: api.tx.tfgridModule.createFarm('e2e-reputation', []) },
        { what: 'Alice creates a farm without nodes', signer: alice,
          tx: api.tx.tfgridModule.createFarm('e2e-reputation-empty', []) },
        { what: 'AliceStash accepts the T&C', signer: signer.b, tx: tc() },
        { what: 'AliceStash creates a twin', signer: signer.b, tx: twin() },
        { what: 'Bob accepts the T&C', signer: signer.a, tx: tc() },
        { what: 'Bob creates a twin', signer: signer.a, tx: twin() },
      ]);
      registry.forEach((result) => expectSuccess(api, result));
      farmId = eventFields(tfgridEvent(registry[2], 'FarmStored'))[0].id;
      emptyFarmId = eventFields(tfgridEvent(registry[3], 'FarmStored'))[0].id;

      for (const who of ['b', 'a']) {
        const [created] = await submitAll(api, [{ what: `node ${who.toUpperCase()} is registered`,
          signer: signer[who], tx: api.tx.tfgridModule.createNode(...createNodeArgs(farmId, RESOURCES[who])) }]);
        expectSuccess(api, created);
        const [stored] = eventFields(tfgridEvent(created, 'NodeStored'));
        assert.equal(stored.farmId, farmId, `node ${who.toUpperCase()}'s farm`);
        nodeId[who] = stored.id;
      }
      assert.ok(nodeId.b < nodeId.a, `node B (${nodeId.b}) has the lower id, A has ${nodeId.a}`);
    });

  it('gives the documented RPC errors before any uptime report', async () => {
    requireEarlier('the nodes', nodeId.a, nodeId.b);
    for (const id of [nodeId.a, nodeId.b, MISSING_ID]) {
      const err = await rpcErrorOf(reputationNode(node, id), `reputation_node(${id})`);
      assert.equal(err.code, RPC_ERROR.unknownNode, `reputation_node(${id}): ${JSON.stringify(err)}`);
      assert.match(err.message, new RegExp(`node ${id}\\b`), `reputation_node(${id}) names the node`);
    }
    for (const id of [farmId, emptyFarmId, MISSING_ID]) {
      const err = await rpcErrorOf(reputationFarm(node, id), `reputation_farm(${id})`);
      assert.equal(err.code, RPC_ERROR.unknownFarm, `reputation_farm(${id}): ${JSON.stringify(err)}`);
      assert.match(err.message, new RegExp(`farm ${id}\\b`), `reputation_farm(${id}) names the farm`);
    }
    assert.deepEqual(await rankedNodes(node, { pageSize: 100 }), [], 'no node is ranked yet');
  });

  it('scores both nodes 900 from their first reports, with no threshold event', { timeout: 120_000 }, async () => {
    requireEarlier('the nodes', nodeId.a, nodeId.b);
    const sent = await submitAll(api, ['b', 'a'].map((who) => ({
      what: `node ${who.toUpperCase()}'s first report`, signer: signer[who],
      tx: api.tx.tfgridModule.reportUptimeV2(uptimeOf(who), Math.floor(Date.now() / 1000)),
    })));
    const [firstB, firstA] = [await record('b', sent[0]), await record('a', sent[1])];
    for (const first of [firstA, firstB]) {
      assert.deepEqual(reputationEvents(first.result), [], `${first.result.what}: a first report raises no event`);
    }
    p0 = firstB.period;
    assert.equal(firstA.period, p0, 'both first reports fall in the same period');

    // A reports from now on in every block (so in every period); B stays silent until p0 + 2. The
    // nonces are counted here: the pool may not have caught up with a block when its report is in.
    let nonce = (await (await api.at(firstA.blockHash)).query.system.account(signer.a.address)).nonce.toNumber();
    loop = (async () => {
      while (!stopLoop) {
        await report('a', nonce);
        nonce += 1;
      }
    })();
    loop.catch(() => {}); // awaited (and its failure reported) when A stops reporting

    const at = firstA.number >= firstB.number ? firstA : firstB;
    const current = await periodAt(at.blockHash);
    const models = {};
    for (const who of ['a', 'b']) {
      const rep = await reputationNode(node, nodeId[who], at.blockHash);
      models[who] = modelAt(who, at.number, current);
      assert.deepEqual(rep, models[who], `reputation_node(${who.toUpperCase()}) after the first reports`);
    }
    assert.equal(current, p0, 'read in the period of the first reports');
    // A brand-new node starts at 900 (docs/reputation.md).
    for (const who of ['a', 'b']) {
      assert.deepEqual(await reputationNode(node, nodeId[who], at.blockHash), {
        nodeId: nodeId[who], farmId, scorePermill: 900, availability30Permill: 1000,
        availabilityAllPermill: 1000, slaMisses30: 0, slaMissesAll: 0, agePeriods: 0, certified: false,
        counted30: 0,
      }, `a new node ${who.toUpperCase()}`);
    }
    assert.deepEqual(await rankedNodes(node, { at: at.blockHash }), modelRanking([models.a, models.b]),
      'the ranking after the first reports (equal scores: lower node id first)');
    assert.deepEqual(await reputationFarm(node, farmId, at.blockHash), {
      farmId,
      scorePermill: expectedFarmScore([{ score: models.a.scorePermill, capacity: CAPACITY.a },
        { score: models.b.scorePermill, capacity: CAPACITY.b }]),
      nodes: 2,
      capacity: String(CAPACITY.a + CAPACITY.b),
    }, 'the farm after the first reports');
  });

  it('raises NodeScoreBelowThreshold when B reports again after a reboot and a silent period', { timeout: 120_000 },
    async () => {
      requireEarlier('the first reports', p0);
      await waitFor(`period ${p0 + 2}`, async () => (await periodAt()) >= p0 + 2,
        { node, timeoutMs: 4 * PERIOD_SECS * 1000, intervalMs: 500 });
      const second = await report('b', undefined, B_UPTIME_AFTER_REBOOT);
      assert.equal(second.period, p0 + 2, 'B\'s second report lands in period p0 + 2');
      const expected = expectedObservations({ nodeId: nodeId.b, farmId, reports: reportsOf('b'), periodSecs: PERIOD_SECS });
      // Closed periods p0 (one report proves nothing) and p0 + 1 (silent): ⌊(0 + 0 + 50·5) ÷ 1000⌋ = 0.
      assert.deepEqual(expected.at(-1).event, { method: 'NodeScoreBelowThreshold', scorePermill: 0 },
        'the model agrees with the hand computation');
      assert.deepEqual(reputationEvents(second.result),
        [{ method: 'NodeScoreBelowThreshold', nodeId: nodeId.b, scorePermill: 0 }],
        `${second.result.what}: ${JSON.stringify(eventSummary(second.result.events))}`);
    });

  it(`keeps A reporting in every period until p0 + ${SPAN}, without threshold events`, { timeout: 240_000 },
    async () => {
      requireEarlier('the first reports', p0, loop);
      await waitFor(`period ${p0 + SPAN}`, async () => (await periodAt()) >= p0 + SPAN,
        { node, timeoutMs: (SPAN + 2) * PERIOD_SECS * 1000, intervalMs: 500 });
      stopLoop = true;
      await loop;

      // The first block of period p0 + SPAN.
      let number = reportsOf('a')[0].number;
      for (;;) {
        const hash = await blockHashAt(node, number);
        assert.ok(hash, `block #${number} exists`);
        if ((await periodAt(hash)) >= p0 + SPAN) {
          finalBlock = { number, hash, period: await periodAt(hash) };
          break;
        }
        number += 1;
      }
      assert.equal(finalBlock.period, p0 + SPAN, `block #${finalBlock.number} is in period p0 + ${SPAN}`);

      const periodsOfA = new Set(reportsOf('a', finalBlock.number).map((r) => r.period));
      for (let p = p0; p < p0 + SPAN; p += 1) {
        assert.ok(periodsOfA.has(p), `node A reported in period p0 + ${p - p0}`);
      }
      assert.ok(reportsOf('a', finalBlock.number).length > SPAN, 'A sent several reports per period');
      const expected = expectedObservations({ nodeId: nodeId.a, farmId, reports: reportsOf('a'), periodSecs: PERIOD_SECS });
      reportsOf('a').forEach((r, i) => {
        assert.deepEqual(reputationEvents(r.result), expected[i].event ? [{ ...expected[i].event, nodeId: nodeId.a }] : [],
          `A's report in block #${r.number} (score ${expected[i].score})`);
      });
      assert.ok(expected.every((o) => !o.event && o.score === 900), 'A stays at 900, the threshold, which is not below it');
    });

  it('answers reputation_node and reputation_farm by the formula at every block: A holds, B diverges',
    { timeout: 180_000 }, async (t) => {
      requireEarlier('the final block', finalBlock);
      const byPeriod = { a: [], b: [] };
      const start = Math.max(reportsOf('a')[0].number, reportsOf('b')[0].number);
      const firstOfPeriod = new Map();
      for (let number = start; number <= finalBlock.number; number += 1) {
        const hash = await blockHashAt(node, number);
        const current = await periodAt(hash);
        if (!firstOfPeriod.has(current)) firstOfPeriod.set(current, number);
        const models = {};
        for (const who of ['a', 'b']) {
          models[who] = modelAt(who, number, current);
          assert.deepEqual(await reputationNode(node, nodeId[who], hash), models[who],
            `reputation_node(${who.toUpperCase()}) at block #${number}, period p0 + ${current - p0}`);
          const byHand = BY_HAND[who];
          if (firstOfPeriod.get(current) === number) {
            const k = current - p0;
            byPeriod[who].push(models[who].scorePermill);
            assert.equal(models[who].scorePermill, byHand.score[k], `${who.toUpperCase()}'s score at p0 + ${k}, by hand`);
            assert.equal(models[who].availability30Permill, byHand.a30[k], `${who.toUpperCase()}'s A30 at p0 + ${k}`);
          }
        }
        assert.deepEqual(await reputationFarm(node, farmId, hash), {
          farmId,
          scorePermill: expectedFarmScore([{ score: models.a.scorePermill, capacity: CAPACITY.a },
            { score: models.b.scorePermill, capacity: CAPACITY.b }]),
          nodes: 2,
          capacity: String(CAPACITY.a + CAPACITY.b),
        }, `reputation_farm at block #${number}`);
      }
      assert.equal(firstOfPeriod.size, SPAN + 1, `blocks in each of periods p0 .. p0 + ${SPAN} were read`);
      t.diagnostic(`scores at the first block of periods p0 .. p0 + ${SPAN} (blocks #${start} .. ` +
        `#${finalBlock.number}): A ${byPeriod.a.join(' ')}, B ${byPeriod.b.join(' ')}`);
    });

  it(`ends with A above B in availability and score after ${SPAN} periods, as the stored records say`,
    async () => {
      requireEarlier('the final block', finalBlock);
      const at = finalBlock.hash;
      const a = await reputationNode(node, nodeId.a, at);
      const b = await reputationNode(node, nodeId.b, at);
      assert.deepEqual(a, { nodeId: nodeId.a, farmId, scorePermill: 900, availability30Permill: 1000,
        availabilityAllPermill: 1000, slaMisses30: 0, slaMissesAll: 0, agePeriods: SPAN, certified: false,
        counted30: SPAN }, 'A: every period available');
      assert.deepEqual(b, { nodeId: nodeId.b, farmId, scorePermill: 0, availability30Permill: 0,
        availabilityAllPermill: 0, slaMisses30: 0, slaMissesAll: 0, agePeriods: SPAN, certified: false,
        counted30: SPAN }, 'B: none of 6 periods proven online');
      assert.ok(a.availability30Permill > b.availability30Permill, 'A30 of A above B\'s');
      assert.ok(a.scorePermill > b.scorePermill, 'score of A above B\'s');
      assert.equal((await reputationFarm(node, farmId, at)).scorePermill, FARM_BY_HAND, 'farm score, by hand');

      // The records hold each node's last observation (bit 0 of the bitmaps = the latest closed period).
      const storage = (await api.at(at)).query.reputation;
      const lastA = reportsOf('a', finalBlock.number).at(-1);
      const closedA = lastA.period - p0;
      const recA = (await storage.nodeReputations(nodeId.a)).unwrap();
      const recB = (await storage.nodeReputations(nodeId.b)).unwrap();
      const pick = (rec) => ({
        farmId: rec.farmId.toNumber(), firstPeriod: rec.firstPeriod.toNumber(),
        currentPeriod: rec.currentPeriod.toNumber(), reported: rec.reported.isTrue,
        capacity: rec.capacity.toNumber(), counted: rec.counted.toNumber(), available: rec.available.toNumber(),
        slaMissed: rec.slaMissed.toNumber(), totalCounted: rec.totalCounted.toNumber(),
        totalAvailable: rec.totalAvailable.toNumber(), score: rec.score.toNumber(),
        belowThreshold: rec.belowThreshold.isTrue,
      });
      assert.deepEqual(pick(recA), { farmId, firstPeriod: p0, currentPeriod: lastA.period, reported: true,
        capacity: CAPACITY.a, counted: 2 ** closedA - 1, available: 2 ** closedA - 1, slaMissed: 0,
        totalCounted: closedA, totalAvailable: closedA, score: 900, belowThreshold: false }, 'A\'s record');
      assert.deepEqual(pick(recB), { farmId, firstPeriod: p0, currentPeriod: p0 + 2, reported: true,
        capacity: CAPACITY.b, counted: 0b11, available: 0, slaMissed: 0, totalCounted: 2, totalAvailable: 0,
        score: 0, belowThreshold: true }, 'B\'s record, unchanged since its last report');
      const lastB = reportsOf('b').at(-1);
      assert.deepEqual({ lastReportSecs: recB.lastReportSecs.toNumber(), lastUptimeSecs: recB.lastUptimeSecs.toNumber(),
        totalOnlineSecs: recB.totalOnlineSecs.toNumber() },
      { lastReportSecs: lastB.now, lastUptimeSecs: B_UPTIME_AFTER_REBOOT, totalOnlineSecs: B_UPTIME_AFTER_REBOOT },
      'B\'s record: only the second since its reboot is proven online');
      const totals = (await storage.farmReputations(farmId)).unwrap();
      assert.deepEqual({ nodes: totals.nodes.toNumber(), capacity: totals.capacity.toBigInt(),
        weightedScore: totals.weightedScore.toBigInt() },
      { nodes: 2, capacity: BigInt(CAPACITY.a + CAPACITY.b), weightedScore: BigInt(900 * CAPACITY.a + 0 * CAPACITY.b) },
      'FarmReputations: the last observed scores weighted by capacity');
    });

  it('ranks A before B and filters by score, free capacity and page', async () => {
    requireEarlier('the final block', finalBlock);
    const at = finalBlock.hash;
    const entry = (who, scorePermill) => ({ nodeId: nodeId[who], farmId, scorePermill, freeCapacity: CAPACITY[who] });
    const both = [entry('a', 900), entry('b', 0)];
    assert.deepEqual(await rankedNodes(node, { at }), both, 'A (900) before B (0)');
    assert.deepEqual(await rankedNodes(node, { at, minScore: 900 }), [entry('a', 900)], 'a minimum score is inclusive');
    assert.deepEqual(await rankedNodes(node, { at, minScore: 1 }), [entry('a', 900)], 'B under the minimum');
    assert.deepEqual(await rankedNodes(node, { at, minScore: 901 }), [], 'nobody above 900');
    assert.deepEqual(await rankedNodes(node, { at, minFreeCapacity: CAPACITY.b }), both, 'free capacity is inclusive');
    assert.deepEqual(await rankedNodes(node, { at, minFreeCapacity: CAPACITY.b + 1 }), [entry('a', 900)],
      'B has too little free capacity');
    // Pages by cursor: `next` is the last entry looked at, `null` once the ranking ends.
    const cursor = (who, scorePermill) => ({ scorePermill, nodeId: nodeId[who] });
    const first = await rankedPage(node, { at, pageSize: 1 });
    assert.deepEqual(first, { nodes: [entry('a', 900)], next: cursor('a', 900) }, 'the first page of size 1');
    const second = await rankedPage(node, { at, after: first.next, pageSize: 1 });
    assert.deepEqual(second, { nodes: [entry('b', 0)], next: null }, 'the second (and last) page of size 1');
    assert.deepEqual(await rankedPage(node, { at, after: cursor('b', 0), pageSize: 1 }), { nodes: [], next: null },
      'a page past the end is empty');
    assert.deepEqual(await rankedPage(node, { at, pageSize: 100 }), { nodes: both, next: null },
      'one page of size 100 holds the whole ranking');
    // Without a block hash: at the best block, where A still leads.
    const best = await rankedNodes(node);
    assert.deepEqual(best.map((n) => n.nodeId), [nodeId.a, nodeId.b], 'A before B at the best block');
  });

  it('still gives the documented RPC errors for unknown ids and bad page sizes', async () => {
    requireEarlier('the nodes', nodeId.a, emptyFarmId);
    for (const id of [MISSING_ID, 0]) {
      const err = await rpcErrorOf(reputationNode(node, id), `reputation_node(${id})`);
      assert.equal(err.code, RPC_ERROR.unknownNode, `reputation_node(${id}): ${JSON.stringify(err)}`);
    }
    for (const id of [emptyFarmId, MISSING_ID, 0]) {
      const err = await rpcErrorOf(reputationFarm(node, id), `reputation_farm(${id})`);
      assert.equal(err.code, RPC_ERROR.unknownFarm, `reputation_farm(${id}): ${JSON.stringify(err)}`);
    }
    for (const pageSize of [0, 101]) {
      const err = await rpcErrorOf(rankedNodes(node, { pageSize }), `reputation_rankedNodes(page_size ${pageSize})`);
      assert.equal(err.code, RPC_ERROR.invalidPageSize, `page size ${pageSize}: ${JSON.stringify(err)}`);
    }
    assert.equal((await rankedNodes(node, { pageSize: 100 })).length, 2, 'page size 100 is allowed');
  });
});
