import * as fs from 'fs';
import { readWorkbook } from '../../src/exceljs/exceljsGrid';
import { rateWorkbook, toReport } from '../../src/scorecard/rateWorkbook';
import type { StatusKey } from '../../src/engine/types';
import type { Report } from '../../src/scorecard/types';
import { fixturePath, normaliseRef, readFixtureJson } from '../support/fixtures';

interface ExpectedRow {
  ref: string;
  sheetRow: number;
  expectedRagInMonth: 'green' | 'amber' | 'red' | null;
  expectedDot: string | null;
  doubtful: string | null;
}

const expected = readFixtureJson<{ rows: ExpectedRow[] }>('cyps-monthly-2016-03.expected.json');
const RAG: Record<StatusKey, ExpectedRow['expectedRagInMonth']> = {
  'on-target': 'green',
  satisfactory: 'amber',
  'off-target': 'red',
  'under-development': null,
  'not-applicable': null,
  'not-available': null,
  'needs-review': null,
};
let report: Report;

beforeAll(async () => {
  const { grids } = await readWorkbook(fs.readFileSync(fixturePath('cyps-monthly-2016-03.xlsx')));
  report = toReport(rateWorkbook(grids, { file: 'cyps-monthly-2016-03.xlsx' }));
});

function agreement(label: string, got: (e: ExpectedRow) => string | null, want: (e: ExpectedRow) => string | null): number {
  const byRef = new Map(report.rows.map((r) => [normaliseRef(r.ref), r]));
  const lines: string[] = [];
  let agree = 0;
  for (const e of expected.rows) {
    const g = got(e);
    if (g === want(e)) agree++;
    else {
      const row = byRef.get(normaliseRef(e.ref));
      lines.push(`${e.ref.padEnd(6)} ${String(g).padEnd(26)} ${String(want(e)).padEnd(26)} ${e.doubtful ? '(doubtful) ' : ''}${row?.explanation ?? 'missing'}`);
    }
  }
  const pct = (100 * agree) / expected.rows.length;
  console.log([`${label}: ${pct.toFixed(1)}% (${agree}/${expected.rows.length})`, `${'ref'.padEnd(6)} ${'engine'.padEnd(26)} ${'expected'.padEnd(26)} explanation`, ...lines].join('\n'));
  return pct;
}

describe('CYPS monthly RAG scorecard, March 2016', () => {
  test('finds the 76 measures and skips the banner row', () => {
    expect(report.rows).toHaveLength(expected.rows.length);
    const rows = new Map(report.rows.map((r) => [normaliseRef(r.ref), r.row]));
    for (const e of expected.rows) expect(rows.get(normaliseRef(e.ref))).toBe(e.sheetRow);
  });

  test('in-month RAG agrees with the thresholds on at least 95% of rows', () => {
    const byRef = new Map(report.rows.map((r) => [normaliseRef(r.ref), r]));
    const pct = agreement(
      'CYPS in-month RAG agreement',
      (e) => {
        const r = byRef.get(normaliseRef(e.ref));
        return r ? RAG[r.status] : 'missing';
      },
      (e) => e.expectedRagInMonth,
    );
    expect(pct).toBeGreaterThanOrEqual(95);
  });

  test('eight-state DOT agrees on at least 95% of rows', () => {
    const byRef = new Map(report.rows.map((r) => [normaliseRef(r.ref), r]));
    const pct = agreement(
      'CYPS DOT agreement',
      (e) => byRef.get(normaliseRef(e.ref))?.dotDetail ?? null,
      (e) => e.expectedDot,
    );
    expect(pct).toBeGreaterThanOrEqual(95);
  });

  test('year-end RAG is computed from the YTD column', () => {
    const r = report.rows.find((x) => x.ref === '2.2');
    expect(r?.statusYearEnd).toBe('on-target');
    const none = report.rows.find((x) => x.ref === '5.4');
    expect(none?.statusYearEnd).toBe('not-available');
  });

  test('red flags are red this month and last month', () => {
    for (const f of report.redFlags) expect([f.status, f.previousStatus]).toEqual(['off-target', 'off-target']);
    console.log(`CYPS red flags: ${report.redFlags.map((f) => f.ref).join(', ')}`);
  });
});
