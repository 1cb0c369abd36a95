/**
 * Recalculate on the real fixture, through the fake Excel: exactly the cells the core plans are written
 * (status, DOT, explanation and the explanation header), nothing else in the user's sheets changes, values
 * go as 2-D blocks and colours as one call per status, in three round trips.
 */
import { recalculate } from '../../src/excel/operations';
import { ADDIN_SHEETS } from '../../src/scorecard/sheetNames';
import { SETTING_KEYS } from '../../src/excel/settingKeys';
import { rateWorkbook } from '../../src/scorecard/rateWorkbook';
import { cellAddress } from '../../src/workbook/grid';
import type { FakeExcel } from './support/fakeExcel';
import { excelContext, FIXED_NOW, fixtureExcel, fixtureGrids } from './support/workbooks';

/** Excel shows 2,750 where the ExcelJS grid has no display text (see sameAsCommandLine.test.ts). */
function withoutGrouping(s: string): string {
  return s.replace(/(\d),(?=\d{3}\b)/g, '$1');
}

async function ratedFixture(): Promise<{ fake: FakeExcel; before: Record<string, unknown> }> {
  const fake = await fixtureExcel();
  const before = fake.model.snapshot();
  await recalculate(excelContext(fake), { merges: true, now: FIXED_NOW });
  return { fake, before };
}

describe('Recalculate on the council plan fixture', () => {
  test('writes exactly the cells the core plans, with their values, and nothing else', async () => {
    const cli = rateWorkbook(await fixtureGrids(), { sheet: 'Scorecard' });
    const planned = cli.sheets[0].writes;
    const { fake, before } = await ratedFixture();

    const touched = new Set(fake.changes.filter((c) => c.sheet === 'Scorecard').map((c) => c.address));
    expect([...touched].sort()).toEqual(planned.map((w) => cellAddress(w.row, w.col)).sort());
    expect(planned.filter((w) => w.kind === 'status')).toHaveLength(72);
    expect(planned.filter((w) => w.kind === 'explanation-header').length).toBeGreaterThan(0);

    // Values: sameAsCommandLine.test.ts compares them in full; here, that each cell got its own.
    const sheet = fake.model.byName('Scorecard')!;
    for (const w of planned) {
      const written = sheet.cell(w.row, w.col).value;
      if (w.kind === 'explanation') expect(withoutGrouping(String(written))).toBe(withoutGrouping(String(w.value)));
      else expect([cellAddress(w.row, w.col), written]).toEqual([cellAddress(w.row, w.col), w.value]);
    }

    // Every other cell of the user's sheets is as it was.
    const after = fake.model.snapshot();
    const scorecardBefore = (before.Scorecard as { cells: Record<string, unknown> }).cells;
    const scorecardAfter = (after.Scorecard as { cells: Record<string, unknown> }).cells;
    for (const key of new Set([...Object.keys(scorecardBefore), ...Object.keys(scorecardAfter)])) {
      if (!touched.has(key)) expect([key, scorecardAfter[key]]).toEqual([key, scorecardBefore[key]]);
    }
    expect(after.Key).toEqual(before.Key);
    const added = Object.keys(after).filter((name) => !(name in before));
    expect(added.sort()).toEqual([ADDIN_SHEETS.history, ADDIN_SHEETS.rules, ADDIN_SHEETS.undo].sort());
    expect(fake.model.byName(ADDIN_SHEETS.undo)?.visibility).toBe('Hidden');
    expect(fake.model.byName(ADDIN_SHEETS.history)?.visibility).toBe('Hidden');
    expect(fake.model.settings.get(SETTING_KEYS.lastSheet)).toBe(fake.model.byName('Scorecard')!.id);
  });

  test('never writes a formula: every written value is text as planned', async () => {
    const { fake } = await ratedFixture();
    for (const s of fake.model.sheets) for (const e of s.entries()) expect([s.name, e.cell.formula]).toEqual([s.name, null]);
  });

  test('colours, fonts and alignment go in one call per property value, not per cell', async () => {
    const { fake } = await ratedFixture();
    const scorecardFormats = fake.calls.filter((c) => c.api.startsWith('RangeFormat.') && c.path.includes('getItem({SHEET-0001}).getRanges'));
    const fills = scorecardFormats.filter((c) => c.api === 'RangeFormat.fill.color=');
    // One fill call per status present on the sheet.
    const statuses = new Set(fake.model.byName('Scorecard')!.entries().filter((e) => e.col === 9 && e.row > 3 && e.cell.fill).map((e) => e.cell.fill));
    expect(fills).toHaveLength(statuses.size);
    // The rest: a font colour per status and DOT colour, and bold, centred and wrap each once or twice.
    expect(scorecardFormats.length).toBeLessThanOrEqual(statuses.size + 6 + 6);
    // Values as 2-D blocks: one call per run of consecutive rows in a column, far fewer than cells.
    const valueWrites = fake.calls.filter((c) => c.api === 'Range.values=' && c.path.includes('{SHEET-0001}'));
    expect(valueWrites.length).toBeLessThanOrEqual(5 * 3 + 5);
  });

  test('three round trips: two to read, one to write with screen updating suspended', async () => {
    const { fake } = await ratedFixture();
    expect(fake.syncs.map((s) => s.ok)).toEqual([true, true, true]);
    const writeBatch = fake.calls.filter((c) => c.batch === 3);
    expect(writeBatch[0].api).toBe('Application.suspendScreenUpdatingUntilNextSync()');
    expect(fake.calls.filter((c) => c.batch < 3 && !c.api.includes('.load(')).map((c) => c.api)).toEqual([]);
  });

  test('the undo copy is taken before the ratings are written, in the same round trip', async () => {
    const { fake } = await ratedFixture();
    const apis = fake.calls.filter((c) => c.batch === 3).map((c) => c.api);
    const firstCopy = apis.indexOf('Range.copyFrom()');
    const firstWrite = apis.indexOf('Range.values=');
    expect(firstCopy).toBeGreaterThan(0);
    expect(firstCopy).toBeLessThan(firstWrite);
  });

  test('a second run reads the Rules sheet back and rates the same', async () => {
    const { fake } = await ratedFixture();
    const first = fake.model.byName('Scorecard')!.snapshot();
    const out = await recalculate(excelContext(fake), { merges: true, now: FIXED_NOW });
    expect(fake.model.byName('Scorecard')!.snapshot()).toEqual(first);
    expect(out.summary.total).toBe(72);
  });
});
