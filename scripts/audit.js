#!/usr/bin/env node
'use strict';
/*
 * `npm audit --omit=dev`, read for what the project promises: no high or critical advisory in what ships.
 *
 *   npm run audit [-- --strict]
 *
 * Exits 1 when the production tree has a high or critical advisory, naming each package. Some registries and
 * mirrors do not serve the advisory endpoint (it answers 405 or cannot be reached); then nothing was checked,
 * which is said plainly, and the exit is 0 unless --strict, so CI on such a machine still runs the tests.
 */
const { spawnSync } = require('child_process');

const SEVERE = ['high', 'critical'];

/**
 * What npm audit's JSON (report version 2) means here: { ok, checked, lines }. `checked` is false when npm
 * printed an error instead of a report.
 */
function auditVerdict(json) {
  const meta = json && json.metadata && json.metadata.vulnerabilities;
  if (!meta) {
    const why = (json && (json.message || (json.error && (json.error.summary || json.error.code)))) || 'no report';
    return { ok: true, checked: false, lines: [`npm audit: the advisory service gave no report (${why}); production dependencies were not checked`] };
  }
  const severe = Object.values(json.vulnerabilities || {}).filter((v) => SEVERE.includes(v.severity));
  const counts = ['critical', 'high', 'moderate', 'low', 'info'].map((s) => `${meta[s] || 0} ${s}`).join(', ');
  const lines = [`npm audit --omit=dev: ${counts}`];
  for (const v of severe) {
    const via = (v.via || []).map((x) => (typeof x === 'string' ? x : x.title || x.url)).filter(Boolean).join('; ');
    lines.push(`  ${v.severity}: ${v.name}${v.range ? ` ${v.range}` : ''}${via ? ` (${via})` : ''}${v.fixAvailable ? ', fix available' : ''}`);
  }
  return { ok: severe.length === 0 && !(meta.high || meta.critical), checked: true, lines };
}

function main() {
  const strict = process.argv.includes('--strict');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['audit', '--omit=dev', '--json'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  let json = null;
  try {
    json = JSON.parse(r.stdout || 'null');
  } catch {
    json = { message: (r.stderr || r.stdout || '').trim().split('\n').pop() || `npm exited ${r.status}` };
  }
  const verdict = auditVerdict(json);
  process.stdout.write(`${verdict.lines.join('\n')}\n`);
  if (!verdict.ok || (strict && !verdict.checked)) process.exit(1);
}

if (require.main === module) main();

module.exports = { auditVerdict };
