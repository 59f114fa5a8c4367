// Scratch directories for node data, removed at the end unless KEEP_E2E_DATA is set.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Creates a fresh directory `<tmp>/tfchain-e2e-XXXXXX`. */
export async function makeTempRoot() {
  return fs.promises.mkdtemp(path.join(os.tmpdir(), 'tfchain-e2e-'));
}

/** Removes a directory made by makeTempRoot, or keeps it (and says where) when KEEP_E2E_DATA is set. */
export async function removeTempRoot(dir) {
  if (!dir) return;
  if (process.env.KEEP_E2E_DATA) {
    process.stderr.write(`# KEEP_E2E_DATA is set: node data kept in ${dir}\n`);
    return;
  }
  await fs.promises.rm(dir, { recursive: true, force: true });
}
