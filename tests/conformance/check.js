#!/usr/bin/env node
// Interface conformance checker: compares a running node's metadata with the TFChain 2.9 interface
// that @threefold/tfchain_client 2.9.2 was generated from, and prints a report.
//
//   node tests/conformance/check.js [--url ws://127.0.0.1:9944] [--json summary.json]
//                                   [--allowlist docs/compatibility-allowlist.json]
//   node tests/conformance/check.js --metadata metadata.hex     (saved `state_getMetadata` output)
//
// Exit code 0 when every difference is allowlisted, 1 when one is not, 2 when the check could not
// run (bad arguments, node unreachable, reference package missing). Pallets absent from the node
// are reported as missing and do not fail the check.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { compareAll, loadAllowlist } from './compare.js';
import { decodeMetadataV14, fetchNodeInterface, nodeModel } from './node-metadata.js';
import { REFERENCE_PACKAGE, REFERENCE_VERSION, loadReference } from './reference.js';
import { formatReport, jsonSummary } from './report.js';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Where the allowlist lives unless --allowlist says otherwise: next to docs/compatibility.md. */
export const DEFAULT_ALLOWLIST = path.join(REPO_ROOT, 'docs', 'compatibility-allowlist.json');

const USAGE = `usage: node tests/conformance/check.js [--url URL | --metadata FILE] [--json FILE] [--allowlist FILE]
  --url URL         node RPC endpoint, ws(s):// or http(s):// (default ws://127.0.0.1:9944)
  --metadata FILE   compare a saved state_getMetadata result (hex) instead of asking a node
  --json FILE       also write a JSON summary to FILE
  --allowlist FILE  deliberate differences (default docs/compatibility-allowlist.json)`;

/** Parses the command line; throws with a message on a bad option. */
export function parseArgs(argv) {
  const opts = { url: null, metadata: null, json: null, allowlist: DEFAULT_ALLOWLIST, help: false };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    const value = () => {
      const v = argv[i + 1];
      if (v === undefined || v.startsWith('--')) throw new Error(`${arg} needs a value`);
      i += 1;
      return v;
    };
    if (arg === '--url') opts.url = value();
    else if (arg === '--metadata') opts.metadata = value();
    else if (arg === '--json') opts.json = value();
    else if (arg === '--allowlist') opts.allowlist = value();
    else if (arg === '--help' || arg === '-h') opts.help = true;
    else throw new Error(`unknown argument ${arg}`);
  }
  if (opts.url && opts.metadata) throw new Error('give either --url or --metadata, not both');
  if (!opts.metadata && !opts.url) opts.url = 'ws://127.0.0.1:9944';
  return opts;
}

/** Reads a SCALE string at `offset` of `bytes`: [text, next offset]. */
function readScaleString(bytes, offset) {
  const mode = bytes[offset] & 3;
  let len;
  let at;
  if (mode === 0) [len, at] = [bytes[offset] >> 2, offset + 1];
  else if (mode === 1) [len, at] = [(bytes[offset] | (bytes[offset + 1] << 8)) >> 2, offset + 2];
  else throw new Error('runtime version string too long');
  return [Buffer.from(bytes.subarray(at, at + len)).toString('utf8'), at + len];
}

/** spec_name and spec_version from the `System.Version` constant of decoded metadata V14. */
export function runtimeVersionFromMetadata(v14) {
  const system = v14.pallets.find((p) => p.name === 'System');
  const version = system?.constants.find((c) => c.name === 'Version');
  if (!version) return null;
  const bytes = Buffer.from(version.value.replace(/^0x/, ''), 'hex');
  const [specName, afterSpec] = readScaleString(bytes, 0);
  const [, afterImpl] = readScaleString(bytes, afterSpec);
  const specVersion = bytes.readUInt32LE(afterImpl + 4); // after authoring_version
  return { specName, specVersion };
}

/**
 * Runs the whole check and returns { result, report, summary }. `metadataHex` (with an optional
 * `runtimeVersion`) skips the network.
 */
export async function runCheck({ url, metadataHex, runtimeVersion, allowlistFile = DEFAULT_ALLOWLIST }) {
  let hex = metadataHex;
  let version = runtimeVersion;
  if (!hex) ({ metadataHex: hex, runtimeVersion: version } = await fetchNodeInterface(url));
  const v14 = decodeMetadataV14(hex);
  const node = nodeModel(v14, version ?? runtimeVersionFromMetadata(v14));
  const reference = loadReference();
  const allowlist = allowlistFile ? loadAllowlist(allowlistFile) : [];
  const result = compareAll(node, reference, allowlist);
  const label = `${REFERENCE_PACKAGE} ${REFERENCE_VERSION}`;
  const where = url ?? 'saved metadata';
  return {
    result,
    report: formatReport(result, { url: where, reference: label }),
    summary: jsonSummary(result, { url: where, reference: label, allowlistFile }),
  };
}

async function main(argv) {
  let opts;
  try {
    opts = parseArgs(argv);
  } catch (err) {
    process.stderr.write(`check.js: ${err.message}\n${USAGE}\n`);
    return 2;
  }
  if (opts.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  try {
    const metadataHex = opts.metadata ? fs.readFileSync(opts.metadata, 'utf8').trim().replace(/^"|"$/g, '') : undefined;
    const { result, report, summary } = await runCheck({
      url: opts.url ?? undefined,
      metadataHex,
      allowlistFile: opts.allowlist,
    });
    process.stdout.write(`${report}\n`);
    if (opts.json) fs.writeFileSync(opts.json, `${JSON.stringify(summary, null, 2)}\n`);
    return result.ok ? 0 : 1;
  } catch (err) {
    process.stderr.write(`check.js: ${err.message}\n`);
    return 2;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
