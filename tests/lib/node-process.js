// Starting, watching and stopping tfchain node processes.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import { E2eError } from './errors.js';

const READY_TIMEOUT_MS = 60_000;
const STOP_GRACE_MS = 10_000;
const RPC_CALL_TIMEOUT_MS = 10_000;

// Every node process that may still be alive, so that none outlives the test process.
const liveNodes = new Set();
let exitHooksInstalled = false;

function killAllNow() {
  for (const node of liveNodes) {
    try {
      node.child?.kill('SIGKILL');
    } catch {
      // already gone
    }
  }
  liveNodes.clear();
}

function installExitHooks() {
  if (exitHooksInstalled) return;
  exitHooksInstalled = true;
  process.on('exit', killAllNow);
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]]) {
    process.once(signal, () => {
      killAllNow();
      process.exit(code);
    });
  }
}

/** The last `count` lines of a text file, or a note saying why there are none. */
export function tailFile(file, count = 60) {
  try {
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    if (lines.at(-1) === '') lines.pop();
    return lines.slice(-count).join('\n');
  } catch (err) {
    return `(no log: ${err.message})`;
  }
}

/** One tfchain process: its command line, ports, base path and log file. It can be started again. */
export class TfchainNode {
  /**
   * @param {object} o
   * @param {string} o.name       short label used in messages ("alice", "dev")
   * @param {string} o.binary     path of the tfchain binary
   * @param {string[]} o.args     command-line arguments
   * @param {string} o.basePath   the node's --base-path; its log file is written there too
   * @param {number} o.rpcPort    the node's --rpc-port
   * @param {number} o.p2pPort    the node's --port
   */
  constructor({ name, binary, args, basePath, rpcPort, p2pPort }) {
    Object.assign(this, { name, binary, args, basePath, rpcPort, p2pPort });
    this.logFile = path.join(basePath, 'node.log');
    this.child = null;
    this.exitInfo = null;
    this.stopping = false;
    this.starts = 0;
  }

  get httpUrl() {
    return `http://127.0.0.1:${this.rpcPort}`;
  }

  get wsUrl() {
    return `ws://127.0.0.1:${this.rpcPort}`;
  }

  get isRunning() {
    return this.child !== null && this.exitInfo === null;
  }

  /** Spawns the process and resolves once its RPC server answers `system_health`. */
  async start({ readyTimeoutMs = READY_TIMEOUT_MS } = {}) {
    if (this.isRunning) throw new E2eError(`node ${this.name} is already running`);
    installExitHooks();
    await fs.promises.mkdir(this.basePath, { recursive: true });
    this.starts += 1;
    const log = fs.openSync(this.logFile, 'a');
    fs.writeSync(
      log,
      `\n===== start #${this.starts} at ${new Date().toISOString()}: ${this.binary} ${this.args.join(' ')}\n`,
    );
    this.exitInfo = null;
    this.stopping = false;
    let child;
    try {
      child = spawn(this.binary, this.args, { stdio: ['ignore', log, log] });
    } finally {
      fs.closeSync(log);
    }
    this.child = child;
    liveNodes.add(this);
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        liveNodes.delete(this);
        if (this.child === child) this.exitInfo = { code, signal };
        if (!this.stopping) {
          process.stderr.write(
            `node ${this.name} (pid ${child.pid}) exited unexpectedly with ${describeExit({ code, signal })}; ` +
              `last log lines:\n${this.logTail()}\n`,
          );
        }
        resolve({ code, signal });
      });
    });
    child.once('error', (err) => {
      // The process could not be spawned at all (or signalled): make waits fail fast instead of timing out.
      process.stderr.write(`node ${this.name}: could not run ${this.binary}: ${err.message}\n`);
      if (this.child === child && this.exitInfo === null && child.exitCode === null && child.pid === undefined) {
        this.exitInfo = { code: null, signal: null, error: err.message };
        liveNodes.delete(this);
      }
    });

    const deadline = Date.now() + readyTimeoutMs;
    let lastError = 'no answer yet';
    while (Date.now() < deadline) {
      this.assertRunning('before its RPC server answered');
      try {
        await this.rpc('system_health', [], { timeoutMs: 2_000 });
        return this;
      } catch (err) {
        lastError = err.message;
      }
      await sleep(500);
    }
    const tail = this.logTail();
    await this.kill();
    throw new E2eError(
      `node ${this.name}: RPC on port ${this.rpcPort} did not answer system_health within ` +
        `${readyTimeoutMs / 1000} s (last error: ${lastError}); last log lines:\n${tail}`,
    );
  }

  /** Throws a clear error (with the log tail) if the process has exited. */
  assertRunning(context = '') {
    if (this.child && this.exitInfo) {
      throw new E2eError(
        `node ${this.name} exited ${context ? `${context} ` : ''}with ${describeExit(this.exitInfo)}; ` +
          `last log lines of ${this.logFile}:\n${this.logTail()}`,
      );
    }
  }

  /** Calls a JSON-RPC method over HTTP and returns its result; throws on transport or RPC errors. */
  async rpc(method, params = [], { timeoutMs = RPC_CALL_TIMEOUT_MS } = {}) {
    const response = await fetch(this.httpUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body = await response.json();
    if (body.error) {
      const err = new Error(`${method}: RPC error ${body.error.code}: ${body.error.message}` +
        (body.error.data ? ` (${JSON.stringify(body.error.data)})` : ''));
      err.rpcError = body.error;
      throw err;
    }
    return body.result;
  }

  /** Stops the node with SIGINT, and with SIGKILL if it is still running after `graceMs`. */
  async stop({ graceMs = STOP_GRACE_MS } = {}) {
    if (!this.isRunning) return this.exitInfo;
    this.stopping = true;
    this.child.kill('SIGINT');
    const child = this.child;
    const timer = setTimeout(() => {
      process.stderr.write(`node ${this.name} did not stop within ${graceMs / 1000} s of SIGINT; sending SIGKILL\n`);
      child.kill('SIGKILL');
    }, graceMs);
    try {
      return await this.exited;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Kills the node at once with SIGKILL (as a crash would). */
  async kill() {
    if (!this.isRunning) return this.exitInfo;
    this.stopping = true;
    this.child.kill('SIGKILL');
    return this.exited;
  }

  logTail(count = 60) {
    return tailFile(this.logFile, count);
  }
}

function describeExit({ code, signal, error }) {
  if (error) return `spawn error (${error})`;
  return signal ? `signal ${signal}` : `exit code ${code}`;
}

/** Writes the last log lines of each node to stderr, with a reason. */
export function printLogTails(nodes, reason, count = 60) {
  for (const node of nodes) {
    if (!node) continue;
    process.stderr.write(
      `----- ${reason}: last ${count} log lines of node ${node.name} (${node.logFile}) -----\n` +
        `${node.logTail(count)}\n----- end of ${node.name} log -----\n`,
    );
  }
}
