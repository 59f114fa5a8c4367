// Command lines for the node setups the tests use: a --dev node and the two-validator --chain local net.
import path from 'node:path';

import { findBinary } from './binary.js';
import { TfchainNode } from './node-process.js';
import { freePort } from './ports.js';

/** Fixed libp2p keys, so that Bob can be given Alice's address as a bootnode. */
export const NODE_KEYS = {
  alice: '0000000000000000000000000000000000000000000000000000000000000001',
  bob: '0000000000000000000000000000000000000000000000000000000000000002',
  charlie: '0000000000000000000000000000000000000000000000000000000000000003',
};

/** The peer id that NODE_KEYS.alice yields. */
export const ALICE_PEER_ID = '12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDEp';

function commonArgs({ basePath, rpcPort, p2pPort }) {
  return [
    '--base-path', basePath,
    '--rpc-port', String(rpcPort),
    '--port', String(p2pPort),
    '--no-prometheus',
    '--no-telemetry',
    '--no-mdns',
    '--rpc-cors', 'all',
  ];
}

/**
 * A `--dev` node (Alice, sole validator, force authoring) with its own ports and base path under `root`;
 * `extraArgs` are appended to its command line.
 */
export async function devNode({ root, name = 'dev', extraArgs = [] }) {
  const binary = findBinary();
  const basePath = path.join(root, name);
  const rpcPort = await freePort();
  const p2pPort = await freePort();
  const args = ['--dev', ...commonArgs({ basePath, rpcPort, p2pPort }), ...extraArgs];
  return new TfchainNode({ name, binary, args, basePath, rpcPort, p2pPort });
}

/**
 * A `--chain local` validator (`who` is "alice", "bob" or "charlie") with a fixed node key. `bootnode`,
 * when given, is the node (Alice) to dial first; `chain` replaces `local` (a spec file);
 * `extraArgs` are appended.
 */
export async function localValidator({ root, who, bootnode, chain = 'local', extraArgs = [] }) {
  const binary = findBinary();
  const basePath = path.join(root, who);
  const rpcPort = await freePort();
  const p2pPort = await freePort();
  const args = [
    '--chain', chain,
    `--${who}`,
    '--validator',
    ...commonArgs({ basePath, rpcPort, p2pPort }),
    '--node-key', NODE_KEYS[who],
    '--name', `e2e-${who}`,
    ...extraArgs,
  ];
  if (bootnode) {
    args.push('--bootnodes', `/ip4/127.0.0.1/tcp/${bootnode.p2pPort}/p2p/${ALICE_PEER_ID}`);
  }
  return new TfchainNode({ name: who, binary, args, basePath, rpcPort, p2pPort });
}
