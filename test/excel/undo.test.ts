/**
 * Undo last recalculation restores exactly the cells the last Recalculate changed: values, formulas,
 * number formats and every format, byte for byte, and takes the run's rows back out of the history.
 */
import { recalculate, undoLastRecalculation } from '../../src/excel/operations';
import { ADDIN_SHEETS } from '../../src/scorecard/sheetNames';
import { SETTING_KEYS } from '../../src/excel/settingKeys';
import type { FakeExcel } from './support/fakeExcel';
import { excelContext, FIXED_NOW, fixtureExcel } from './support/workbooks';

const options = { merges: true, now: FIXED_NOW };

/** Cells the run will overwrite, given values and formats of their own first, so restoring them means something. */
async function fixtureWithOwnFormats(): Promise<FakeExcel> {
  const fake = await fixtureExcel();
  const sheet = fake.model.byName('Scorecard')!;
  sheet.update(5, 9, (c) => Object.assign(c, { value: '✓', fill: '00B050', fontColor: 'FFFFFF', bold: false, halign: 'Left' }));
  sheet.update(6, 10, (c) => Object.assign(c, { value: 0.5, numberFormat: '0%', italic: true }));
  sheet.update(7, 9, (c) => Object.assign(c, { value: 1, formula: '=IF(L8>I8,1,0)', numberFormat: '0', underline: 'Single' }));
  sheet.update(8, 22, (c) => Object.assign(c, { value: 'old note', wrap: true, quotePrefix: true, fill: 'FFFF00' }));
  return fake;
}

describe('Undo last recalculation', () => {
  test('restores the touched cells byte for byte and removes the undo copy', async () => {
    const fake = await fixtureWithOwnFormats();
    const before = fake.model.byName('Scorecard')!.snapshot();
    await recalculate(excelContext(fake), options);
    expect(fake.model.byName('Scorecard')!.snapshot()).not.toEqual(before);
    const outcome = await undoLastRecalculation(excelContext(fake), options);
    expect(fake.model.byName('Scorecard')!.snapshot()).toEqual(before);
    expect(outcome.sheet).toBe('Scorecard');
    expect(outcome.cells).toBeGreaterThan(200);
    expect(fake.model.byName(ADDIN_SHEETS.undo)).toBeUndefined();
    expect(fake.model.settings.has(SETTING_KEYS.undo)).toBe(false);
  });

  test('after two runs it goes back to the first run, in the sheet and in the history', async () => {
    const fake = await fixtureWithOwnFormats();
    await recalculate(excelContext(fake), options);
    const afterFirst = fake.model.snapshot();
    fake.model.byName('Scorecard')!.update(5, 11, (c) => (c.value = 999));
    const edited = fake.model.byName('Scorecard')!.snapshot();
    await recalculate(excelContext(fake), { ...options, now: () => new Date(Date.UTC(2017, 11, 1)) });
    await undoLastRecalculation(excelContext(fake), options);
    expect(fake.model.byName('Scorecard')!.snapshot()).toEqual(edited);
    expect(fake.model.byName(ADDIN_SHEETS.history)!.snapshot()).toEqual((afterFirst[ADDIN_SHEETS.history] as { cells: unknown }).cells);
  });

  test('works after the sheet is renamed, and says so when there is nothing to undo', async () => {
    const fake = await fixtureWithOwnFormats();
    const before = fake.model.byName('Scorecard')!.snapshot();
    await recalculate(excelContext(fake), options);
    fake.model.byName('Scorecard')!.name = 'Scorecard Q2';
    await undoLastRecalculation(excelContext(fake), options);
    expect(fake.model.byName('Scorecard Q2')!.snapshot()).toEqual(before);
    await expect(undoLastRecalculation(excelContext(fake), options)).rejects.toThrow('There is no recalculation to undo');
  });

  test('a protected sheet is refused before anything changes', async () => {
    const fake = await fixtureWithOwnFormats();
    await recalculate(excelContext(fake), options);
    fake.model.byName('Scorecard')!.protected = true;
    const before = fake.model.snapshot();
    fake.resetRecord();
    await expect(undoLastRecalculation(excelContext(fake), options)).rejects.toThrow(/protected/);
    expect(fake.model.snapshot()).toEqual(before);
    expect(fake.changes).toEqual([]);
  });
});
