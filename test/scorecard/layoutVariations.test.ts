/**
 * The Council Plan laid out the other ways councils write scorecards: every row must keep the status and DOT
 * it gets in the published layout, and every cell a run writes must be in the block's own status, DOT or
 * explanation column: never in a person's column, an earlier period's status or a "Trend" column.
 */
import * as fs from 'fs';
import * as ExcelJS from 'exceljs';
import fc from 'fast-check';
import { readWorkbook } from '../../src/exceljs/exceljsGrid';
import { zlibCodec } from '../../src/cli/zlibCodec';
import { WorkbookPackage } from '../../src/xlsx/workbookPackage';
import { rateWorkbook } from '../../src/scorecard/rateWorkbook';
import type { WorkbookRating } from '../../src/scorecard/types';
import { fixturePath } from '../support/fixtures';
import { toBuffer } from '../support/workbooks';
import { describeCell, render, sourceOf, vary, VARIATIONS } from '../support/layouts';
import type { Layout, RenderedSheet, Source } from '../support/layouts';

let source: Source;
let baseline: Map<string, string>;

/** Each row's status and DOT by ref (and its place among rows with that ref), whatever sheet and row it is on. */
function outcomes(rating: WorkbookRating): Map<string, string> {
  const out = new Map<string, string>();
  const seen = new Map<string, number>();
  for (const s of rating.sheets) {
    for (const r of s.rows) {
      const n = (seen.get(r.measure.ref) ?? 0) + 1;
      seen.set(r.measure.ref, n);
      out.set(`${r.measure.ref}#${n}`, `${r.rating.status} / ${r.rating.dot}`);
    }
  }
  return out;
}

interface Result {
  rows: number;
  keptStatus: number;
  keptBoth: number;
  differences: string[];
  badWrites: string[];
  error?: string;
}

/** Every write that is not in a rendered sheet's current status, DOT or explanation cells. */
function writesOutsideOwnedCells(rating: WorkbookRating, sheets: readonly RenderedSheet[]): string[] {
  const bad: string[] = [];
  for (const s of rating.sheets) {
    const sheet = sheets.find((x) => x.grid.name === s.sheet);
    if (!sheet) continue;
    const width = sheet.columns.length;
    for (const w of s.writes) {
      const ok =
        (w.kind === 'status' && w.col === sheet.statusCol && sheet.dataRows.has(w.row)) ||
        (w.kind === 'dot' && w.col === sheet.dotCol && sheet.dataRows.has(w.row)) ||
        (w.kind === 'explanation' && w.col >= width && sheet.dataRows.has(w.row)) ||
        (w.kind === 'explanation-header' && w.col >= width && sheet.headerRows.has(w.row));
      if (!ok) bad.push(`${w.kind} written into ${describeCell(sheet, w.row, w.col)}`);
    }
  }
  return bad;
}

function check(layout: Layout): Result {
  const { grids, sheets } = render(layout, source);
  let rating: WorkbookRating;
  try {
    rating = rateWorkbook(grids);
  } catch (e) {
    return { rows: baseline.size, keptStatus: 0, keptBoth: 0, differences: [], badWrites: [], error: (e as Error).message };
  }
  const got = outcomes(rating);
  const differences: string[] = [];
  let keptStatus = 0;
  let keptBoth = 0;
  for (const [key, want] of baseline) {
    const have = got.get(key);
    if (have?.split(' / ')[0] === want.split(' / ')[0]) keptStatus++;
    if (have === want) keptBoth++;
    else differences.push(`${key}: ${have ?? 'not found'} instead of ${want}`);
  }
  for (const key of got.keys()) if (!baseline.has(key)) differences.push(`${key}: a row the published layout does not have`);
  const badWrites = writesOutsideOwnedCells(rating, sheets);
  return { rows: baseline.size, keptStatus, keptBoth, differences, badWrites };
}

const report: string[] = [];

beforeAll(async () => {
  const { grids } = await readWorkbook(fs.readFileSync(fixturePath('council-plan-2017-18-q2.xlsx')));
  source = sourceOf(grids, 'Scorecard');
  baseline = outcomes(rateWorkbook(grids));
});

afterAll(() => {
  if (report.length) console.log(['Rows keeping status (and status + DOT) per layout:', ...report].join('\n'));
});

describe('the Council Plan in other layouts rates every row the same', () => {
  it('the published layout, rendered again, reads as the original', () => {
    expect(baseline.size).toBe(72);
    const r = check(vary(source, []));
    expect(r).toEqual({ rows: 72, keptStatus: 72, keptBoth: 72, differences: [], badWrites: [] });
  });

  it.each(VARIATIONS.map((v) => [v.name, v] as const))('%s', (_name, v) => {
    const r = check(vary(source, [v]));
    report.push(`${String(r.keptStatus).padStart(3)} (${String(r.keptBoth).padStart(2)}) / ${r.rows}  ${v.name}${r.badWrites.length ? `  (${r.badWrites.length} writes outside owned cells)` : ''}${r.error ? `  ERROR ${r.error}` : ''}`);
    expect(r.error).toBeUndefined();
    expect(r.differences).toEqual([]);
    expect(r.badWrites).toEqual([]);
  });

  it('random combinations of the variations (at most one per family)', () => {
    const families = [...new Set(VARIATIONS.map((v) => v.family))];
    const pick = fc.tuple(...families.map((f) => fc.option(fc.constantFrom(...VARIATIONS.filter((v) => v.family === f)), { nil: undefined })));
    fc.assert(
      fc.property(pick, (chosen) => {
        const layout = vary(source, chosen.filter((v) => v !== undefined));
        const r = check(layout);
        if (r.error || r.differences.length || r.badWrites.length) {
          throw new Error(`${layout.name}: ${r.error ?? ''} ${[...r.differences.slice(0, 5), ...r.badWrites.slice(0, 5)].join('; ')}`);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('a combination written to .xlsx by ExcelJS and read back rates the same (merges and formats survive)', async () => {
    const names = ['financial year row merged over quarters and months', 'percentages as 20 with 0"%"', 'a Trend column left of DOT', 'earlier status columns "Q1 status" beside "Q2 status"'];
    const layout = vary(source, VARIATIONS.filter((v) => names.includes(v.name)));
    const { grids } = render(layout, source);
    const wb = new ExcelJS.Workbook();
    for (const g of grids) {
      const ws = wb.addWorksheet(g.name);
      g.values.forEach((row, r) =>
        row?.forEach((v, c) => {
          if (v === null || v === undefined) return;
          const cell = ws.getCell(r + 1, c + 1);
          cell.value = v;
          const format = g.numberFormats?.[r]?.[c];
          if (format) cell.numFmt = format;
        }),
      );
      for (const m of g.merges ?? []) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
    }
    // Read back as the command line reads files: by the package reader.
    const back = WorkbookPackage.open(await toBuffer(wb), zlibCodec).grids();
    const got = outcomes(rateWorkbook(back));
    expect([...baseline].filter(([k, v]) => got.get(k) !== v)).toEqual([]);
  });

  it('the row check can fail: a layout that changes the data is caught', () => {
    const layout = vary(source, []);
    const broken: Layout = { ...layout, columns: layout.columns.map((c) => (c.field === 'polarity' ? { ...c, cell: () => ({ value: 'High' }) } : c)) };
    expect(check(broken).differences.length).toBeGreaterThan(0);
  });

  it("the write check can fail: writes into a person's column are caught", () => {
    const { grids, sheets } = render(vary(source, []), source);
    const measureCol = sheets[0].columns.findIndex((c) => c.field === 'measure');
    const misplaced = { ...sheets[0], statusCol: measureCol };
    const bad = writesOutsideOwnedCells(rateWorkbook(grids), [misplaced]);
    expect(bad.length).toBe(72);
    expect(bad[0]).toMatch(/^status written into Scorecard!J\d+ \(field "Overall status"\)$/);
  });
});
