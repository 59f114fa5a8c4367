// The README's commands, run as written: the two-validator network (with its fixed ports), the
// polkadot.js snippet against it, and a node started from the `build-spec` output. Only the binary
// (`bin=`) and the `/tmp/` base paths are replaced (by $TFCHAIN_BIN and this suite's scratch directory).
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { after, before, it } from 'node:test';

import { freeBalance } from '../lib/accounts.js';
import { findBinary, REPO_ROOT } from '../lib/binary.js';
import { connectApi, peerCount, waitFor, waitForFinalized } from '../lib/chain.js';
import { Fixture, nodeSuite, printNodeLogsOnFailure } from '../lib/harness.js';
import { TfchainNode } from '../lib/node-process.js';
import { freePort } from '../lib/ports.js';

const run = promisify(execFile);
const README = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');

/** The body of the first fenced block of `lang` after the heading `heading`. */
function readmeBlock(heading, lang) {
  const start = README.indexOf(`\n## ${heading}\n`);
  assert.ok(start >= 0, `README has a "## ${heading}" section`);
  const open = README.indexOf(`\`\`\`${lang}\n`, start);
  const close = README.indexOf('\n```', open + 4);
  assert.ok(open > start && close > open, `README's "${heading}" section has a ${lang} block`);
  return README.slice(open + lang.length + 4, close);
}

/** The block's commands: continuation lines joined, comments and blank lines dropped. */
function shellCommands(block) {
  return block
    .replace(/\\\n\s*/g, ' ')
    .split('\n')
    .map((line) => line.replace(/\s+#.*$/, '').trim())
    .filter((line) => line && !line.startsWith('#'));
}

/** `$bin …` as an argv for `binary`, with `/tmp/` replaced by `root`. */
function binArgs(command, root) {
  const words = command.split(/\s+/);
  assert.equal(words[0], '$bin', `"${command}" runs the tfchain binary`);
  return words.slice(1).map((word) => word.replace(/^\/tmp\//, `${root}/`));
}

function flag(args, name) {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

nodeSuite('the README, as written', { timeout: 15 * 60_000 }, () => {
  const fx = new Fixture();
  const binary = findBinary();
  let validators;

  printNodeLogsOnFailure(() => fx.nodes);

  before(() => fx.init());
  after(() => fx.close(), { timeout: 60_000 });

  it('starts the local network of two validators, which peer and finalize', { timeout: 300_000 }, async (t) => {
    const commands = shellCommands(readmeBlock('A local network of two validators', 'sh'));
    assert.match(commands[0], /^bin=/, 'the block starts by naming the binary');
    validators = [];
    for (const command of commands.slice(1)) {
      const args = binArgs(command, fx.root);
      if (!args.includes('--validator')) {
        // A one-off command (the node key); it must succeed before the nodes start.
        await run(binary, args);
        continue;
      }
      const node = fx.track(new TfchainNode({
        name: args.includes('--alice') ? 'alice' : 'bob',
        binary,
        args,
        basePath: flag(args, '--base-path'),
        rpcPort: Number(flag(args, '--rpc-port')),
        p2pPort: Number(flag(args, '--port')),
      }));
      await node.start();
      validators.push(node);
    }
    assert.deepEqual(validators.map((node) => node.name), ['alice', 'bob']);
    for (const node of validators) {
      await waitFor(`${node.name} to have a peer`, async () => (await peerCount(node)) >= 1, { node, timeoutMs: 120_000 });
    }
    for (const node of validators) {
      const fin = await waitForFinalized(node, 2, { timeoutMs: 180_000 });
      t.diagnostic(`${node.name} finalized #${fin.number}`);
    }
  });

  it("runs the polkadot.js snippet: 1 TFT reaches the README's recipient", { timeout: 180_000 }, async () => {
    assert.ok(validators, 'the network runs');
    const snippet = readmeBlock('Connecting polkadot.js', 'js');
    const recipient = snippet.match(/'(5[1-9A-HJ-NP-Za-km-z]{47})'/)?.[1];
    assert.ok(recipient, 'the snippet names a recipient address');
    const rpcUrl = snippet.match(/ws:\/\/127\.0\.0\.1:(\d+)/);
    assert.equal(Number(rpcUrl?.[1]), validators[0].rpcPort, "the snippet talks to Alice's RPC port");

    const api = fx.trackApi(await connectApi(validators[0]));
    const before = await freeBalance(api, recipient);
    const firstBlock = (await api.rpc.chain.getHeader()).number.toNumber();
    // Run from tests/ so that its imports resolve to the suite's pinned packages.
    const file = path.join(REPO_ROOT, 'tests', `.readme-snippet-${process.pid}.mjs`);
    fs.writeFileSync(file, snippet);
    const child = spawn(process.execPath, [file], { stdio: ['ignore', 'pipe', 'pipe'] });
    // The snippet's own output and exit, shown if the transfer does not arrive.
    let output = '';
    child.stdout.on('data', (data) => { output += data; });
    child.stderr.on('data', (data) => { output += data; });
    let exit = null;
    child.once('exit', (code, signal) => { exit = { code, signal }; });
    try {
      // The recipient (Bob) is a validator here: the fees of the blocks he authors reach him too, so
      // the transfer is found by its event, and his balance grew by at least its amount.
      const alice = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY';
      let scanned = firstBlock;
      await waitFor('the transfer to arrive', async () => {
        const best = (await api.rpc.chain.getHeader()).number.toNumber();
        for (; scanned <= best; scanned += 1) {
          const events = await (await api.at(await api.rpc.chain.getBlockHash(scanned))).query.system.events();
          const transfer = events.find(({ event }) => api.events.balances.Transfer.is(event)
            && event.data.from.toString() === alice && event.data.to.toString() === recipient
            && event.data.amount.toBigInt() === 10_000_000n);
          if (transfer) return true;
        }
        return false;
      }, { timeoutMs: 120_000 });
      assert.ok((await freeBalance(api, recipient)) >= before + 10_000_000n, 'the recipient holds 1 TFT more');
    } catch (err) {
      const now = await freeBalance(api, recipient);
      err.message += `\nrecipient balance ${before} -> ${now}; snippet ${exit ? `exited ${JSON.stringify(exit)}` : 'still running'}` +
        `, its output:\n${output || '(none)'}`;
      throw err;
    } finally {
      child.kill();
      fs.rmSync(file, { force: true });
    }
  });

  it('starts a node from `build-spec --chain local` output with the same genesis', { timeout: 180_000 }, async () => {
    assert.ok(validators, 'the network runs');
    const text = README.match(/`tfchain (build-spec [^`>]+)> spec\.json`/);
    assert.ok(text, 'README shows the build-spec command');
    const { stdout } = await run(binary, text[1].trim().split(/\s+/), { maxBuffer: 64 * 1024 * 1024 });
    const specFile = path.join(fx.root, 'spec.json');
    fs.writeFileSync(specFile, stdout);

    const basePath = path.join(fx.root, 'from-spec');
    const rpcPort = await freePort();
    const p2pPort = await freePort();
    const node = fx.track(new TfchainNode({
      name: 'from-spec',
      binary,
      args: ['--chain', specFile, '--base-path', basePath, '--rpc-port', String(rpcPort), '--port', String(p2pPort),
        '--no-prometheus', '--no-telemetry', '--no-mdns'],
      basePath,
      rpcPort,
      p2pPort,
    }));
    await node.start();
    const [fromSpec, local] = await Promise.all([
      node.rpc('chain_getBlockHash', [0]),
      validators[0].rpc('chain_getBlockHash', [0]),
    ]);
    assert.equal(fromSpec, local, 'the spec file builds the same genesis block as --chain local');
    await node.stop();
  });
});
