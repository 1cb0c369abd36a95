import * as fs from 'fs';
import { readWorkbook } from '../../src/exceljs/exceljsGrid';
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

  test('agrees with the published statuses: at least 90% of all rows, 95% of rows not flagged for review, at most 10% flagged; prints every disagreement with the engine’s reason', () => {
    const byRef = new Map(report.rows.map((r) => [normaliseRef(r.ref), r]));
    const published = expected.rows.filter((e) => e.publishedStatus);
    const disagreements: string[] = [];
    let agree = 0;
    let flagged = 0;
    let confident = 0;
    let confidentAgree = 0;
    for (const e of published) {
      const got = byRef.get(normaliseRef(e.ref));
      const review = Boolean(got?.needsReview) || got?.status === 'needs-review';
      if (review) flagged++;
      else confident++;
      if (got?.status === e.publishedStatus) {
        agree++;
        if (!review) confidentAgree++;
      } else {
        disagreements.push(`${e.ref.padEnd(9)} ${`${String(got?.status)}${review ? ' (review)' : ''}`.padEnd(22)} ${String(e.publishedStatus).padEnd(14)} ${got?.explanation ?? 'missing'}`);
      }
    }
    const pct = (100 * agree) / published.length;
    const confidentPct = (100 * confidentAgree) / confident;
    const flaggedPct = (100 * flagged) / published.length;
    console.log(
      [
        `Council Plan agreement: ${pct.toFixed(1)}% (${agree}/${published.length}); without a review flag ${confidentPct.toFixed(1)}% (${confidentAgree}/${confident}); needs review ${flagged} (${flaggedPct.toFixed(1)}%)`,
        `${'ref'.padEnd(9)} ${'engine'.padEnd(22)} ${'published'.padEnd(14)} explanation`,
        ...disagreements,
      ].join('\n'),
    );
    expect(pct).toBeGreaterThanOrEqual(90);
    expect(confidentPct).toBeGreaterThanOrEqual(95);
    expect(flaggedPct).toBeLessThanOrEqual(10);
  });

  test('no explanation prints a percentage of 1,000% or more, an arrow or a status code', () => {
    for (const r of report.rows) {
      expect(r.explanation).not.toMatch(/\d,?\d{3}(\.\d+)?%|→|off-target|same-period-last-year/);
    }
  });

  test('the red flags of the published list that the data supports are found, and none names one period twice', () => {
    for (const f of report.redFlags) {
      expect(f.period).toBeDefined();
      expect(f.previousPeriod).toBeDefined();
      expect(f.period).not.toBe(f.previousPeriod);
    }
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
