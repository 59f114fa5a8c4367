// Stopping a node: SIGTERM ends it within a second, with no error line, also while the price feed's
// offchain worker waits for a DNS resolver that never answers (tools that stop a node and wait one
// second, as TFChain's own test harness does, depend on it).
import assert from 'node:assert/strict';
import dgram from 'node:dgram';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';

import { findBinary } from '../lib/binary.js';
import { waitForFinalized } from '../lib/chain.js';
import { Fixture, nodeSuite, printNodeLogsOnFailure } from '../lib/harness.js';
import { devNode } from '../lib/networks.js';
import { TfchainNode } from '../lib/node-process.js';

/** A prompt stop: what a tool that waits one second after SIGTERM gives a node. */
const PROMPT_STOP_MS = 1_000;

/** Sends SIGTERM; resolves with the milliseconds until the process exited and its exit. */
async function timedSigterm(node) {
  node.stopping = true;
  const started = performance.now();
  node.child.kill('SIGTERM');
  const exit = await node.exited;
  return { ms: Math.round(performance.now() - started), exit };
}

/** Log flags that print each line's level (the default format leaves it out). */
const LEVELLED_LOG = ['--detailed-log-output'];

/** The node's error lines written after byte `offset`. */
function errorLinesSince(node, offset) {
  const text = fs.readFileSync(node.logFile).subarray(offset).toString('utf8');
  return text.split('\n').filter((line) => /\bERROR\b/.test(line));
}

/** Sends SIGTERM and asserts a prompt, clean and quiet exit. */
async function assertPromptQuietStop(t, node) {
  const offset = fs.statSync(node.logFile).size;
  const { ms, exit } = await timedSigterm(node);
  t.diagnostic(`exited ${ms} ms after SIGTERM with ${JSON.stringify(exit)}`);
  assert.deepEqual(exit, { code: 0, signal: null }, 'a clean exit');
  assert.ok(ms < PROMPT_STOP_MS, `exit took ${ms} ms`);
  assert.deepEqual(errorLinesSince(node, offset), [], 'no error line while stopping');
}

/** Polls the node's log until a line matches `pattern`; fails after `timeoutMs`. */
async function waitForLogLine(node, pattern, { timeoutMs }) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (pattern.test(fs.readFileSync(node.logFile, 'utf8'))) return;
    node.assertRunning(`while waiting for a log line ${pattern}`);
    await sleep(200);
  }
  throw new Error(`no log line ${pattern} within ${timeoutMs / 1000} s`);
}

/** Whether this machine lets the test give a process its own /etc/resolv.conf (root, mount namespaces). */
function canRemountResolvConf(file) {
  try {
    execFileSync('unshare', ['-m', 'sh', '-c', `mount --bind ${file} /etc/resolv.conf`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

nodeSuite('node shutdown', { timeout: 10 * 60_000 }, () => {
  const fx = new Fixture();

  printNodeLogsOnFailure(() => fx.nodes);

  before(() => fx.init());
  after(() => fx.close(), { timeout: 60_000 });

  it('exits within a second of SIGTERM, without an error line', { timeout: 180_000 }, async (t) => {
    const { node, api } = await fx.startDevNode({ name: 'stop-dev', extraArgs: LEVELLED_LOG });
    await waitForFinalized(node, 2, { timeoutMs: 120_000 });
    // A client that stays connected would retry (and log) until the suite ends.
    await fx.disconnect(api);
    await assertPromptQuietStop(t, node);
  });

  it('exits within a second while the price feed waits for an unanswering DNS resolver', { timeout: 300_000 }, async (t) => {
    // A resolver that reads queries and never answers, and a resolv.conf that points at it with a
    // 20 s timeout, bind-mounted over /etc/resolv.conf for the node alone.
    const resolvConf = path.join(fx.root, 'resolv.conf');
    fs.writeFileSync(resolvConf, 'nameserver 127.0.0.1\noptions timeout:20 attempts:1\n');
    if (!canRemountResolvConf(resolvConf)) {
      t.skip('needs `unshare -m` and mount (root) to give the node its own resolv.conf');
      return;
    }
    const silentResolver = dgram.createSocket('udp4');
    const bound = await new Promise((resolve) => {
      silentResolver.once('error', (err) => resolve(err));
      silentResolver.bind(53, '127.0.0.1', () => resolve(null));
    });
    if (bound) {
      silentResolver.close();
      t.skip(`needs 127.0.0.1:53 for a silent resolver (${bound.code})`);
      return;
    }
    try {
      const template = await devNode({ root: fx.root, name: 'stop-dns', extraArgs: LEVELLED_LOG });
      const node = fx.track(new TfchainNode({
        ...template,
        binary: 'unshare',
        args: ['-m', 'sh', '-c', `mount --bind ${resolvConf} /etc/resolv.conf && exec "$0" "$@"`, findBinary(), ...template.args],
      }));
      await node.start();
      // The price report falls due every 10 blocks; the fetch gives up after its 2 s deadline while the
      // DNS lookup of the price source's host goes on in a thread for the rest of its 20 s.
      await waitForLogLine(node, /no TFT price report/, { timeoutMs: 150_000 });
      await assertPromptQuietStop(t, node);
    } finally {
      silentResolver.close();
    }
  });
});
