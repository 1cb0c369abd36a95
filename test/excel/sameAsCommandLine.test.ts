/**
 * One code path: the add-in and the command line both call rateWorkbook, so on the same workbook they must
 * give the same statuses, directions of travel, summary and red flags. The only input that differs is the
 * display text: Excel gives it for every cell, the ExcelJS reader only where it can be sure of it.
 */
import { buildRedFlags, recalculate } from '../../src/excel/operations';
import { readHistory } from '../../src/scorecard/history';
import { ADDIN_SHEETS } from '../../src/scorecard/sheetNames';
import { rateWorkbook, toReport } from '../../src/scorecard/rateWorkbook';
import type { SheetGrid } from '../../src/workbook/grid';
import { COUNCIL_PLAN, CYPS, excelContext, FIXED_NOW, fixtureExcel, fixtureGrids } from './support/workbooks';
import type { FakeExcel } from './support/fakeExcel';

function historyGrid(fake: FakeExcel): SheetGrid {
  const sheet = fake.model.byName(ADDIN_SHEETS.history)!;
  const values: (string | number | boolean | null)[][] = [];
  for (const e of sheet.entries()) (values[e.row] = values[e.row] ?? [])[e.col] = e.cell.value;
  return { name: sheet.name, values: Array.from(values, (r) => r ?? []) };
}

/**
 * The same numbers, however displayed: Excel's text says "2,750" and "95%" where the command line's grid,
 * without display text for formatted numbers, says "2750" and "0.95". Grouping is dropped and percentages
 * become fractions, so only a difference in the numbers themselves (or the words) fails.
 */
function sameNumbers(s: string): string {
  return s
    .replace(/(\d),(?=\d{3}\b)/g, '$1')
    .replace(/(\d+(?:\.\d+)?)%/g, (_m, n: string) => String(Math.round((Number(n) / 100) * 1e9) / 1e9));
}

describe.each([
  ['council plan', COUNCIL_PLAN, 'Scorecard'],
  ['CYPS monthly', CYPS, 'Performance Summary'],
])('the add-in and the command line agree on the %s fixture', (_name, file, sheet) => {
  test('statuses, DOT, explanations and summary', async () => {
    const cli = rateWorkbook(await fixtureGrids(file));
    const report = toReport(cli);
    const fake = await fixtureExcel({}, file, sheet);
    const outcome = await recalculate(excelContext(fake), { merges: true, now: FIXED_NOW });

    expect(outcome.summary).toEqual(cli.summary);
    const history = readHistory(historyGrid(fake));
    expect(history.map((h) => [h.ref, h.status, h.dot])).toEqual(report.rows.map((r) => [r.ref || `row ${r.row}`, r.status, r.dot]));

    const written = fake.model.byName(sheet)!;
    const explanationCol = cli.sheets[0].columns.explanation;
    const differences: string[] = [];
    for (const r of cli.sheets[0].rows) {
      const addin = String(written.cell(r.measure.row - 1, explanationCol).value);
      expect(sameNumbers(addin)).toBe(sameNumbers(r.rating.explanation));
      if (addin !== r.rating.explanation) differences.push(r.measure.ref);
    }
    // Most explanations are identical to the letter; the rest differ only in number display (above).
    expect(differences.length).toBeLessThan(cli.sheets[0].rows.length / 2);
  });

  test('red flags', async () => {
    const cli = rateWorkbook(await fixtureGrids(file));
    const fake = await fixtureExcel({}, file, sheet);
    const outcome = await buildRedFlags(excelContext(fake), { merges: true });
    expect(outcome.fromHistory).toBe(0);
    expect(outcome.flags.map((f) => [f.ref, f.status, f.previousStatus, f.row])).toEqual(cli.redFlags.map((f) => [f.ref, f.status, f.previousStatus, f.row]));
  });
});
