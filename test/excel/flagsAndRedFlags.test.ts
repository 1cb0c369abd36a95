/**
 * Reviewers' flags live in the Flags sheet and survive every rebuild; the Red flags sheet lists measures
 * off target now and in the previous recorded period, from the history Recalculate keeps.
 */
import { addFlag, buildRedFlags, buildSummary, listFlags, recalculate } from '../../src/excel/operations';
import { HISTORY_HEADERS, historyRow } from '../../src/scorecard/history';
import type { HistoryRecord } from '../../src/scorecard/history';
import { ADDIN_SHEETS } from '../../src/scorecard/sheetNames';
import { rateWorkbook } from '../../src/scorecard/rateWorkbook';
import type { FakeExcel } from './support/fakeExcel';
import { excelContext, FIXED_NOW, fixtureExcel, fixtureGrids } from './support/workbooks';

const options = { merges: true, now: FIXED_NOW };

function cellsOf(fake: FakeExcel, sheet: string): (string | number | boolean | null)[][] {
  const out: (string | number | boolean | null)[][] = [];
  for (const e of fake.model.byName(sheet)!.entries()) (out[e.row] = out[e.row] ?? [])[e.col] = e.cell.value;
  return Array.from(out, (r) => r ?? []);
}

describe('Flags sheet', () => {
  test('flags round-trip through the sheet, link to their row and survive the rebuilt sheets', async () => {
    const fake = await fixtureExcel();
    const ctx = () => excelContext(fake);
    const first = await addFlag(ctx(), { ref: '1.A1', comment: 'Check the Q2 count with the service', by: 'Sam Reviewer' }, options);
    expect(first).toEqual({ flags: [expect.objectContaining({ ref: '1.A1' })], warnings: [] });
    const both = (await addFlag(ctx(), { ref: ' 1.a2 ', comment: 'Off target two quarters running', by: '' }, options)).flags;
    expect(both.map((f) => [f.ref, f.comment, f.by])).toEqual([
      ['1.A1', 'Check the Q2 count with the service', 'Sam Reviewer'],
      ['1.A2', 'Off target two quarters running', 'Unknown reviewer'],
    ]);
    expect(both[0]).toMatchObject({ sheet: 'Scorecard', at: '2017-11-20T09:30:00.000Z' });

    const flagsSheet = fake.model.byName(ADDIN_SHEETS.flags)!;
    expect(flagsSheet.visibility).toBe('Visible');
    const linkCell = flagsSheet.entries().find((e) => e.cell.value === '1.A1')!;
    const row = rateWorkbook(await fixtureGrids(), { sheet: 'Scorecard' }).sheets[0].rows.find((r) => r.measure.ref === '1.A1')!.measure.row;
    expect(linkCell.cell.hyperlink).toEqual({ documentReference: `'Scorecard'!A${row}`, textToDisplay: '1.A1' });

    // A reviewer edits a comment in the sheet; the add-in reads it back as they left it.
    const comment = flagsSheet.entries().find((e) => e.cell.value === 'Off target two quarters running')!;
    flagsSheet.update(comment.row, comment.col, (c) => (c.value = 'Discussed at clinic on 1 Dec'));
    const before = flagsSheet.snapshot();
    await recalculate(ctx(), options);
    await buildSummary(ctx(), options);
    await buildRedFlags(ctx(), options);
    expect(fake.model.byName(ADDIN_SHEETS.flags)!.snapshot()).toEqual(before);
    expect((await listFlags(ctx())).map((f) => f.comment)).toEqual(['Check the Q2 count with the service', 'Discussed at clinic on 1 Dec']);
  });

  test('a sheet called Flags that is not ours is never written to: the flags go to a sheet of their own', async () => {
    const fake = await fixtureExcel();
    const mine = fake.model.addSheet('Flags');
    mine.update(0, 0, (c) => (c.value = 'My own notes'));
    const before = mine.snapshot();
    const { flags, warnings } = await addFlag(excelContext(fake), { ref: '1.A1', comment: 'x', by: 'y' }, options);
    expect(flags.map((f) => f.comment)).toEqual(['x']);
    // The reviewer is told where the flags went, since the sheet called Flags is not the one to look in.
    expect(warnings).toEqual([`Flags: your sheet "Flags" is kept; the reviewers' flags are on "Scorecard flags"`]);
    expect(fake.model.byName('Flags')!.snapshot()).toEqual(before);
    expect(fake.model.byName('Flags')!.names).toEqual([]);
    expect(fake.model.byName('Scorecard flags')!.ownedKind).toBe('flags');
    expect((await listFlags(excelContext(fake))).map((f) => f.comment)).toEqual(['x']);
  });
});

describe('Red flags sheet', () => {
  test('lists the engine red flags with a link to each row, as a table, and is rebuilt cleanly', async () => {
    const fake = await fixtureExcel();
    const cli = rateWorkbook(await fixtureGrids(), { sheet: 'Scorecard' });
    const outcome = await buildRedFlags(excelContext(fake), options);
    expect(outcome.flags.length).toBe(cli.redFlags.length);
    expect(outcome.flags.length).toBeGreaterThan(0);
    const sheet = fake.model.byName(ADDIN_SHEETS.redFlags)!;
    const values = cellsOf(fake, ADDIN_SHEETS.redFlags);
    expect(values[0].slice(0, 3)).toEqual(['Ref', 'Measure', 'Lead officer']);
    expect(values.slice(1).map((r) => r[0])).toEqual(cli.redFlags.map((f) => f.ref));
    const status = cli.sheets[0].columns.status;
    const link = sheet.entries().find((e) => e.row === 1 && e.col === 0)!.cell.hyperlink;
    expect(link?.documentReference).toBe(`'Scorecard'!${String.fromCharCode(65 + status)}${cli.redFlags[0].row}`);
    expect(sheet.tables.map((t) => t.name)).toEqual(['RedFlags']);
    expect(fake.model.activeId).toBe(sheet.id);

    // Rebuilt: same place in the tab order, one sheet, one table.
    const position = fake.model.sheets.indexOf(sheet);
    await buildRedFlags(excelContext(fake), options);
    const again = fake.model.byName(ADDIN_SHEETS.redFlags)!;
    expect(fake.model.sheets.indexOf(again)).toBe(position);
    expect(fake.model.sheets.filter((s) => s.name === ADDIN_SHEETS.redFlags)).toHaveLength(1);
    expect(again.tables.map((t) => t.name)).toEqual(['RedFlags']);
  });

  test('the saved history decides where it holds an earlier period', async () => {
    const fake = await fixtureExcel();
    await recalculate(excelContext(fake), options);
    const cli = rateWorkbook(await fixtureGrids(), { sheet: 'Scorecard' });
    const offNow = cli.sheets[0].rows.filter((r) => r.rating.status === 'off-target' && r.rating.period);
    const engineFlagged = offNow.find((r) => r.previous?.status === 'off-target')!;
    const engineCleared = offNow.find((r) => r.previous?.status !== 'off-target')!;
    // A reviewer-visible history: last quarter, the first was on target and the second off target.
    const earlier = (r: (typeof offNow)[number], status: HistoryRecord['status']): HistoryRecord => ({
      sheet: 'Scorecard',
      ref: r.measure.ref,
      measure: r.measure.name,
      period: 'Q1 Apr - Jun 2017',
      periodEnd: (r.rating.period?.end ?? 0) - 3,
      status,
      dot: 'stable',
      value: '12',
      recorded: '2017-08-01T00:00:00.000Z',
    });
    const history = fake.model.byName(ADDIN_SHEETS.history)!;
    const next = history.usedRange(true)!.bottom + 1;
    [earlier(engineFlagged, 'on-target'), earlier(engineCleared, 'off-target')].forEach((rec, i) =>
      historyRow(rec).forEach((v, c) => history.update(next + i, c, (cell) => (cell.value = v))),
    );
    expect(HISTORY_HEADERS).toHaveLength(9);

    const outcome = await buildRedFlags(excelContext(fake), options);
    const refs = outcome.flags.map((f) => f.ref);
    expect(refs).not.toContain(engineFlagged.measure.ref);
    expect(refs).toContain(engineCleared.measure.ref);
    expect(outcome.flags.find((f) => f.ref === engineCleared.measure.ref)).toMatchObject({ previousStatus: 'off-target', previousPeriod: 'Q1 Apr - Jun 2017', previousValue: '12' });
    expect(outcome.fromHistory).toBe(2);
  });
});

describe('Summary sheet', () => {
  test('holds the core summary as Excel tables with a real chart, replaced cleanly on every run', async () => {
    const fake = await fixtureExcel();
    const outcome = await buildSummary(excelContext(fake), options);
    const sheet = fake.model.byName(ADDIN_SHEETS.summary)!;
    const values = cellsOf(fake, ADDIN_SHEETS.summary);
    expect(values[0][0]).toBe('Performance summary');
    expect(values.flat()).toContain(outcome.summary.text);
    expect(sheet.tables.map((t) => t.name)).toEqual(expect.arrayContaining(['StatusAllMeasures', 'StatusWithDataAndTarget', 'DirectionOfTravel', 'StatusByDirection']));
    expect(sheet.charts).toHaveLength(2);
    expect(sheet.charts[0]).toMatchObject({ type: 'BarClustered', title: 'Overall status: all measures', legendVisible: false });
    expect(sheet.charts[1]).toMatchObject({ type: 'BarClustered', title: 'Direction of travel: all measures' });
    // Percentages are numbers shown to one decimal place, and add up to 100.
    const pct = sheet.entries().filter((e) => e.cell.numberFormat === '0.0');
    expect(pct.length).toBeGreaterThan(6);

    const tablesBefore = sheet.tables.map((t) => t.name);
    const countBefore = fake.model.sheets.length;
    await buildSummary(excelContext(fake), options);
    expect(fake.model.sheets).toHaveLength(countBefore);
    expect(fake.model.byName(ADDIN_SHEETS.summary)!.tables.map((t) => t.name)).toEqual(tablesBefore);
  });

  test("a user's table with the same name is left alone and ours takes another name", async () => {
    const fake = await fixtureExcel();
    fake.model.byName('Key')!.tables.push({ name: 'StatusAllMeasures', range: { top: 0, left: 0, bottom: 3, right: 1 } });
    await buildSummary(excelContext(fake), options);
    expect(fake.model.byName(ADDIN_SHEETS.summary)!.tables[0].name).toBe('StatusAllMeasures_2');
  });
});
