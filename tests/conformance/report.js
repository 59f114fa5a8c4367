// The readable report and the JSON summary of a comparison.
import { differenceLine } from './compare.js';

const MAX_SIDE = 400;

function countsText(c) {
  return `${c.matching} matching, ${c.differing} differing, ${c.missing} missing, ${c.extra} extra`;
}

function lines(differences) {
  return differences.map((d) => (d.allowlisted
    ? `    ~ ${differenceLine(d, { maxSide: MAX_SIDE })}\n        allowlisted: ${d.allowlisted}`
    : `    ✗ ${differenceLine(d, { maxSide: MAX_SIDE })}`));
}

/** Splits the allowlist entries that covered nothing into those waiting for a missing pallet and stale ones. */
export function unusedEntries(result) {
  const missing = new Set(result.pallets.filter((p) => p.status === 'missing').map((p) => p.name));
  const waiting = [];
  const stale = [];
  for (const e of result.unusedAllowlist) (missing.has(e.id.split('/')[0]) ? waiting : stale).push(e);
  return { waiting, stale };
}

/** The report as text: runtime checks, then one block per pallet, then a verdict. */
export function formatReport(result, { url, reference } = {}) {
  const out = [];
  out.push(`Interface conformance of ${url ?? 'the node'} against ${reference ?? 'the reference'}`);
  out.push(`node: spec_name ${result.specName}, spec_version ${result.specVersion}`);
  out.push('');
  out.push(`runtime: ${result.runtime.differences.length === 0 ? 'matching' : 'differing'}`);
  out.push(...lines(result.runtime.differences));
  for (const ext of result.runtime.pendingSignedExtensions) out.push(`    · signed extension ${ext}: missing until that pallet lands`);
  for (const p of result.pallets) {
    out.push('');
    if (p.status === 'missing') {
      out.push(`${p.name} (${p.index}): missing — not in the node's runtime (not a failure)`);
      continue;
    }
    const compared = Object.values(p.counts).reduce((a, b) => a + b, 0);
    if (p.scope !== 'full' && compared === 0) {
      out.push(`${p.name} (${p.index}): ${p.status} — index only`);
      out.push(...lines(p.differences));
      continue;
    }
    const scope = p.scope === 'full' ? 'full interface' : 'index and the items clients use';
    out.push(`${p.name} (${p.index}): ${p.status} — ${scope}: ${countsText(p.counts)}`);
    out.push(...lines(p.differences));
  }
  const { waiting, stale } = unusedEntries(result);
  if (stale.length) {
    out.push('');
    out.push('allowlist entries that match no difference (remove them):');
    for (const e of stale) out.push(`    ? ${e.id}${e.match ? ` [${e.match}]` : ''}`);
  }
  const present = result.pallets.filter((p) => p.status !== 'missing').length;
  const missing = result.pallets.length - present;
  out.push('');
  out.push(`summary: ${present} pallets present (${missing} missing), ${result.failures} difference(s) not allowlisted, `
    + `${result.allowlisted} allowlisted${waiting.length ? `, ${waiting.length} allowlist entries wait for missing pallets` : ''}`);
  out.push(result.ok ? 'RESULT: conforming (every difference is allowlisted)' : 'RESULT: NOT conforming');
  return out.join('\n');
}

/** The JSON summary written by --json. */
export function jsonSummary(result, { url, reference, allowlistFile } = {}) {
  const { waiting, stale } = unusedEntries(result);
  const strip = (d) => ({ id: d.id, what: d.what, ours: d.ours, reference: d.ref, allowlisted: d.allowlisted });
  return {
    ok: result.ok,
    url: url ?? null,
    reference: reference ?? null,
    node: { specName: result.specName, specVersion: result.specVersion },
    failures: result.failures,
    allowlisted: result.allowlisted,
    runtime: {
      differences: result.runtime.differences.map(strip),
      pendingSignedExtensions: result.runtime.pendingSignedExtensions,
    },
    pallets: result.pallets.map((p) => ({
      name: p.name,
      index: p.index,
      nodeIndex: p.nodeIndex ?? null,
      scope: p.scope,
      status: p.status,
      counts: p.counts,
      differences: p.differences.map(strip),
    })),
    allowlist: { file: allowlistFile ?? null, waiting: waiting.map((e) => e.id), stale: stale.map((e) => e.id) },
  };
}
