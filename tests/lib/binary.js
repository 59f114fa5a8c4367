// Locates the tfchain node binary the tests run.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { E2eError } from './errors.js';

/** The repository root: the parent of tests/. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Where the binary is looked for, in order, with the reason for each place. */
export function binaryCandidates(env = process.env) {
  if (env.TFCHAIN_BIN) return [{ file: path.resolve(env.TFCHAIN_BIN), from: 'TFCHAIN_BIN' }];
  if (env.CARGO_TARGET_DIR) {
    return [{ file: path.resolve(env.CARGO_TARGET_DIR, 'release', 'tfchain'), from: 'CARGO_TARGET_DIR' }];
  }
  return [{ file: path.join(REPO_ROOT, 'target', 'release', 'tfchain'), from: 'the repository target dir' }];
}

function isExecutableFile(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * The absolute path of the tfchain binary: $TFCHAIN_BIN, else $CARGO_TARGET_DIR/release/tfchain, else
 * <repo>/target/release/tfchain. Throws a one-line E2eError when it is missing or not executable.
 */
export function findBinary(env = process.env) {
  const [{ file, from }] = binaryCandidates(env);
  if (isExecutableFile(file)) return file;
  throw new E2eError(
    `tfchain binary not found: ${file} (from ${from}) does not exist or is not executable; ` +
      'build it with `cargo build --release -p tfchain-node` or point TFCHAIN_BIN at it',
  );
}
