import * as fs from 'fs';
import { readWorkbook } from '../../src/node/exceljsGrid';
import { rateWorkbook, toReport } from '../../src/scorecard/rateWorkbook';
import { summarise } from '../../src/engine/summarise';
import { STATUS_KEYS } from '../../src/engine/types';
import type { StatusKey } from '../../src/engine/types';
import type { Report } from '../../src/scorecard/types';
import { fixturePath, normaliseRef, readFixtureJson } from '../support/fixtures';

interface ExpectedRow {
  ref: string;
  publishedStatus: StatusKey | null;
  sheetRow: number;
}
interface Expected {
  rows: ExpectedRow[];
  publishedSummary: Record<string, number | { count: number; percent: number }>;
  publishedRedFlags: string[];
  publishedDot: Record<string, number>;
}

const expected = readFixtureJson<Expected>('council-plan-2017-18-q2.expected.json');
let report: Report;

beforeAll(async () => {
  const { grids } = await readWorkbook(fs.readFileSync(fixturePath('council-plan-2017-18-q2.xlsx')));
  report = toReport(rateWorkbook(grids, { file: 'council-plan-2017-18-q2.xlsx' }));
});

describe('Council Plan 2017/18 Q2 (published statuses)', () => {
  test('finds every measure row of the sheet', () => {
    const rows = new Map(report.rows.map((r) => [normaliseRef(r.ref), r.row]));
    for (const e of expected.rows) expect(rows.get(normaliseRef(e.ref))).toBe(e.sheetRow);
    expect(report.rows).toHaveLength(expected.rows.length);
  });

  test('agrees with at least 80% of the published statuses, and prints every disagreement', () => {
    const byRef = new Map(report.rows.map((r) => [normaliseRef(r.ref), r]));
    const published = expected.rows.filter((e) => e.publishedStatus);
    const disagreements: string[] = [];
    let agree = 0;
    for (const e of published) {
      const got = byRef.get(normaliseRef(e.ref));
      if (got?.status === e.publishedStatus) agree++;
      else disagreements.push(`${e.ref.padEnd(9)} ${String(got?.status).padEnd(18)} ${String(e.publishedStatus).padEnd(14)} ${got?.explanation ?? 'missing'}`);
    }
    const pct = (100 * agree) / published.length;
    console.log(
      [
        `Council Plan agreement: ${pct.toFixed(1)}% (${agree}/${published.length})`,
        `${'ref'.padEnd(9)} ${'engine'.padEnd(18)} ${'published'.padEnd(14)} explanation`,
        ...disagreements,
      ].join('\n'),
    );
    expect(pct).toBeGreaterThanOrEqual(80);
  });

  test('the summary code reproduces the published summary from the published statuses', () => {
    // The two blank published statuses are satisfactory by the published counts (fixture README).
    const rows = expected.rows.map((e) => ({ priority: 'all', status: e.publishedStatus ?? 'satisfactory', dot: 'not-applicable' as const }));
    const s = summarise(rows);
    expect(s.total).toBe(expected.publishedSummary.total);
    for (const k of STATUS_KEYS) {
      const want = (expected.publishedSummary[k] as { count: number; percent: number } | undefined) ?? { count: 0, percent: 0 };
      expect(s.statuses[k]).toEqual({ count: want.count, percent: want.percent });
    }
    const shown = STATUS_KEYS.reduce((a, k) => a + s.statuses[k].percent, 0);
    expect(shown.toFixed(1)).toBe('100.0');
  });

  test('summary of our own ratings adds up', () => {
    const s = report.summary;
    expect(STATUS_KEYS.reduce((a, k) => a + s.statuses[k].count, 0)).toBe(72);
    expect(STATUS_KEYS.reduce((a, k) => a + s.statuses[k].percent, 0).toFixed(1)).toBe('100.0');
    console.log(
      `Status counts: ${STATUS_KEYS.map((k) => `${k} ${s.statuses[k].count}`).join(', ')}\n` +
        `DOT counts (published): ${Object.entries(s.dot)
          .map(([k, v]) => `${k} ${v.count}${expected.publishedDot[k] !== undefined ? ` (${expected.publishedDot[k]})` : ''}`)
          .join(', ')}`,
    );
  });

  test('red flags cover the published red-flag list', () => {
    const ours = new Set(report.redFlags.map((f) => normaliseRef(f.ref)));
    // "3.A4(d)" is sub-indicator 4) of row 3.A4 (fixture README).
    const published = expected.publishedRedFlags.map((r) => normaliseRef(r.replace(/\(d\)$/, '')));
    const found = published.filter((r) => ours.has(r));
    console.log(`Red flags: ${found.length} of ${published.length} published found; ${ours.size} listed in all. Missing: ${published.filter((r) => !ours.has(r)).join(', ') || 'none'}`);
    expect(found.length / published.length).toBeGreaterThanOrEqual(0.8);
    for (const f of report.redFlags) expect(f.status).toBe('off-target');
  });

  test('every rated row has a one-line explanation that names its status', () => {
    for (const r of report.rows) {
      expect(r.explanation).not.toMatch(/\n/);
      expect(r.explanation.length).toBeGreaterThan(10);
    }
  });
});
