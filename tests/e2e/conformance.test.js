// Interface conformance: a `--dev` node's metadata against the TFChain 2.9 interface of
// @threefold/tfchain_client 2.9.2, through the checker's command line (tests/conformance/check.js).
// Every difference in a pallet the node has must be listed in docs/compatibility-allowlist.json;
// TFChain pallets not implemented yet are reported as missing without failing.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, it } from 'node:test';

import { Fixture, nodeSuite, printNodeLogsOnFailure, withNodeLogsOnError } from '../lib/harness.js';
import { devNode } from '../lib/networks.js';

const CHECKER = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'conformance', 'check.js');

/** Runs the checker with `args`; resolves to { code, stdout, stderr } whatever the exit code. */
function runChecker(args) {
  return new Promise((resolve) => {
    execFile(process.execPath, [CHECKER, ...args], { maxBuffer: 64 * 1024 * 1024, timeout: 120_000 },
      (err, stdout, stderr) => resolve({ code: err ? (err.code ?? 'killed') : 0, stdout, stderr }));
  });
}

nodeSuite('interface conformance (single --dev node)', { timeout: 10 * 60_000 }, () => {
  const fx = new Fixture();
  let node;
  let run;
  let summary;

  printNodeLogsOnFailure(() => fx.nodes);

  before(async () => {
    await fx.init();
    node = fx.track(await devNode({ root: fx.root, name: 'conformance' }));
    await withNodeLogsOnError(() => fx.nodes, 'dev node setup failed', () => node.start());
    const jsonFile = path.join(fx.root, 'conformance.json');
    run = await runChecker(['--url', node.wsUrl, '--json', jsonFile]);
    if (fs.existsSync(jsonFile)) summary = JSON.parse(fs.readFileSync(jsonFile, 'utf8'));
  }, { timeout: 180_000 });

  after(() => fx.close(), { timeout: 60_000 });

  it('runs the checker against the node and prints its report', (t) => {
    for (const line of run.stdout.trimEnd().split('\n')) t.diagnostic(line);
    assert.equal(run.stderr, '', `the checker wrote to stderr: ${run.stderr}`);
    assert.ok(summary, 'the checker wrote its JSON summary');
    assert.ok([0, 1].includes(run.code), `the checker could not run (exit ${run.code}): ${run.stderr}`);
  });

  it('finds the runtime-wide interface (spec name, signed extensions) as TFChain 2.9 has it', () => {
    assert.ok(summary, 'the checker produced no summary (see the first test)');
    const open = summary.runtime.differences.filter((d) => !d.allowlisted);
    assert.deepEqual(open.map((d) => `${d.id}: ${d.what}: ours ${d.ours} | reference ${d.reference}`), []);
    assert.equal(summary.node.specName, 'substrate-threefold');
  });

  it('has every pallet the node runs at its TFChain index', () => {
    assert.ok(summary, 'the checker produced no summary (see the first test)');
    const moved = summary.pallets.filter((p) => p.status !== 'missing' && p.nodeIndex !== p.index);
    assert.deepEqual(moved.map((p) => `${p.name}: ${p.nodeIndex} (reference ${p.index})`), []);
  });

  it('differs from TFChain 2.9 only where docs/compatibility-allowlist.json says why', () => {
    assert.ok(summary, 'the checker produced no summary (see the first test)');
    const open = summary.pallets.flatMap((p) => p.differences.filter((d) => !d.allowlisted)
      .map((d) => `${d.id}: ${d.what}: ours ${d.ours} | reference ${d.reference}`));
    assert.deepEqual(open, [], 'differences that are neither fixed nor allowlisted');
    assert.equal(summary.ok, true);
    assert.equal(run.code, 0, 'the checker exits 0 when the node conforms');
  });

  it('keeps no allowlist entry for a difference that is gone', () => {
    assert.ok(summary, 'the checker produced no summary (see the first test)');
    assert.deepEqual(summary.allowlist.stale, [], 'remove these entries from docs/compatibility-allowlist.json');
  });
});
