import { rateWorkbook } from '../../src/scorecard/rateWorkbook';
import type { CellValue, SheetGrid } from '../../src/workbook/grid';
import { HEADER, PERIODS, grid } from './grids';

/** One block; each row is [ref, polarity, target, status cell, Year end 2016/17, Q1, Q2]. */
function sheet(rows: [string, string, CellValue, CellValue, CellValue, CellValue, CellValue][]): SheetGrid {
  return grid('Scorecard', [
    ['Scorecard'],
    [...HEADER, ...PERIODS],
    ...rows.map(([ref, pol, target, status, ye, q1, q2]) => [null, ref, `Measure ${ref}`, pol, 'Quarterly', target, status, null, ye, q1, q2]),
  ]);
}

const STATUS_COL = HEADER.indexOf('Overall status');

function statusWrite(r: ReturnType<typeof rateWorkbook>, row: number) {
  return r.sheets[0].writes.find((w) => w.kind === 'status' && w.row === row - 1 && w.col === STATUS_COL);
}

describe('a person’s entry in the status cell counts', () => {
  const g = sheet([
    ['1', 'High', 100, '● agreed at DMT', 90, 80, 80],
    ['2', 'High', 100, null, 90, 80, 80],
  ]);
  const r = rateWorkbook([g]);
  const [byHand, byRule] = r.sheets[0].rows;

  it('is the status used, and the sentence says it was set by hand with what the rules give', () => {
    expect(byHand.rating.status).toBe('satisfactory');
    expect(byHand.rating.setByHand).toEqual({ entry: '● agreed at DMT', rulesStatus: 'off-target' });
    expect(byHand.rating.explanation).toMatch(/^Set by hand: “● agreed at DMT”, counted as satisfactory\. The rules would give off target: /);
    expect(byRule.rating.status).toBe('off-target');
  });
  it('is what the summary counts', () => {
    expect(r.summary.statuses.satisfactory.count).toBe(1);
    expect(r.summary.statuses['off-target'].count).toBe(1);
  });
  it('is not overwritten, and is not a red flag when it is not off target', () => {
    expect(statusWrite(r, 3)).toBeUndefined();
    expect(statusWrite(r, 4)).toBeDefined();
    expect(r.redFlags.map((f) => f.ref)).toEqual(['2']);
  });
  it('an entry of off target with words is a red flag when last period was off target too', () => {
    const flagged = rateWorkbook([sheet([['1', 'High', 100, 'Off target - see note', 70, 80, 99]])]);
    expect(flagged.sheets[0].rows[0].rating.status).toBe('off-target');
    expect(flagged.redFlags).toHaveLength(1);
  });
  it('a bare symbol is a rating the tool may replace, not a person’s entry', () => {
    const again = rateWorkbook([sheet([['1', 'High', 100, '✔', 90, 80, 80]])]);
    expect(again.sheets[0].rows[0].rating.status).toBe('off-target');
    expect(again.sheets[0].rows[0].rating.setByHand).toBeUndefined();
  });
});

describe('a row that needs review', () => {
  it('is written as needs review, counted as needs review, and is not a red flag', () => {
    const r = rateWorkbook([sheet([['1', 'High', 'In line with the national average', null, 90, 80, 70]])]);
    const row = r.sheets[0].rows[0];
    expect(row.rating.status).toBe('needs-review');
    expect(row.rating.needsReview).toMatch(/national average/);
    expect(statusWrite(r, 3)?.value).toBe('?');
    expect(r.summary.statuses['needs-review'].count).toBe(1);
    expect(r.redFlags).toHaveLength(0);
    expect(r.warnings.some((w) => /needs review: the target is the national average/.test(w.message))).toBe(true);
  });
  it('keeps the status the sheet shows and leaves the cell alone', () => {
    const r = rateWorkbook([sheet([['1', 'High', 'In line with the national average', '✘', 90, 80, 70]])]);
    expect(r.sheets[0].rows[0].rating.status).toBe('off-target');
    expect(statusWrite(r, 3)).toBeUndefined();
    expect(r.redFlags).toHaveLength(0);
  });
  it('rating the written sheet again gives the same statuses and writes', () => {
    const g = sheet([
      ['1', 'High', 'In line with the national average', null, 90, 80, 70],
      ['2', 'High', 100, null, 90, 80, 99],
      ['3', 'High', 100, '● agreed', 90, 80, 70],
    ]);
    const first = rateWorkbook([g]);
    const values = g.values.map((row) => [...row]);
    for (const w of first.sheets[0].writes) {
      values[w.row] = values[w.row] ?? [];
      values[w.row][w.col] = w.value as CellValue;
    }
    const second = rateWorkbook([{ ...g, values }]);
    expect(second.sheets[0].rows.map((x) => x.rating.status)).toEqual(first.sheets[0].rows.map((x) => x.rating.status));
    expect(second.sheets[0].writes.filter((w) => w.kind !== 'explanation-header')).toEqual(first.sheets[0].writes.filter((w) => w.kind !== 'explanation-header'));
  });
});
