// Glue between node:test and the node processes: log tails on failure, scratch directories, teardown.
import { afterEach, describe, test } from 'node:test';

import { findBinary } from './binary.js';
import { connectApi, waitForBest } from './chain.js';
import { devNode } from './networks.js';
import { printLogTails } from './node-process.js';
import { makeTempRoot, removeTempRoot } from './tempdir.js';

/** Registers an afterEach hook that prints the nodes' log tails when a test of the suite fails. */
export function printNodeLogsOnFailure(getNodes) {
  afterEach((t) => {
    // `t.passed` is false for a failed test (Node >= 20.12); older versions just print nothing here.
    if (t.passed === false) printLogTails(getNodes(), `test "${t.name}" failed`);
  });
}

/** Runs `fn`; if it throws, prints the nodes' log tails (with `reason`) and rethrows. */
export async function withNodeLogsOnError(getNodes, reason, fn) {
  try {
    return await fn();
  } catch (err) {
    printLogTails(getNodes(), reason);
    throw err;
  }
}

/**
 * A fixture for one suite: a scratch root directory, the nodes started in it and the polkadot.js
 * connections to them, all torn down by `close()` (connections first, then SIGINT to the nodes, then
 * the directory).
 */
export class Fixture {
  constructor() {
    this.root = null;
    this.nodes = [];
    this.apis = new Set();
  }

  async init() {
    this.root = await makeTempRoot();
    return this;
  }

  /** Remembers a node so that close() stops it; returns it. */
  track(node) {
    this.nodes.push(node);
    return node;
  }

  /** Remembers an ApiPromise so that close() disconnects it; returns it. */
  trackApi(api) {
    this.apis.add(api);
    return api;
  }

  async disconnect(api) {
    if (!api) return;
    this.apis.delete(api);
    await api.disconnect().catch(() => {});
  }

  /**
   * Starts a `--dev` node under this fixture's root (`name`, `extraArgs` as for `devNode`), connects
   * polkadot.js to it and, unless `firstBlock` is 0, waits for that best block; on failure prints the
   * nodes' log tails. Returns `{ node, api }`, both torn down by close().
   */
  async startDevNode({ name, extraArgs, firstBlock = 1 } = {}) {
    const node = this.track(await devNode({ root: this.root, name, extraArgs }));
    const api = await withNodeLogsOnError(() => this.nodes, 'dev node setup failed', async () => {
      await node.start();
      const connected = this.trackApi(await connectApi(node));
      if (firstBlock > 0) await waitForBest(node, firstBlock, { timeoutMs: 60_000 });
      return connected;
    });
    return { node, api };
  }

  async close() {
    for (const api of [...this.apis]) await this.disconnect(api);
    await Promise.all(this.nodes.map((node) => node.stop().catch(() => {})));
    await removeTempRoot(this.root);
  }
}

/**
 * `describe(name, options, body)` when the tfchain binary exists; otherwise a single failing test that
 * says, in one line, which binary is missing (instead of a cascade of cancelled tests).
 */
export function nodeSuite(name, options, body) {
  try {
    findBinary();
  } catch (err) {
    test(name, () => {
      throw err;
    });
    return;
  }
  describe(name, options, body);
}
