/**
 * What Excel can throw becomes one clear sentence, and the workbook is left as it was: protected sheet or
 * workbook, a cell being edited, the sheet renamed or deleted meanwhile, an Excel too old, bad rules.
 */
import { createOfficeHost } from '../../src/excel/officeHost';
import { recalculate } from '../../src/excel/operations';
import { ADDIN_SHEETS } from '../../src/scorecard/sheetNames';
import type { FakeExcel } from './support/fakeExcel';
import { excelContext, FIXED_NOW, fixtureExcel } from './support/workbooks';

const options = { merges: true, now: FIXED_NOW };

function host(fake: FakeExcel): ReturnType<typeof createOfficeHost> {
  return createOfficeHost({ runtime: fake.runtime(), now: FIXED_NOW });
}

async function expectUnchanged(fake: FakeExcel, run: () => Promise<unknown>, message: RegExp): Promise<void> {
  const before = fake.model.snapshot();
  fake.resetRecord();
  await expect(run()).rejects.toThrow(message);
  expect(fake.model.snapshot()).toEqual(before);
  expect(fake.changes).toEqual([]);
}

describe('errors become clear messages and change nothing', () => {
  test('protected sheet', async () => {
    const fake = await fixtureExcel();
    fake.model.byName('Scorecard')!.protected = true;
    await expectUnchanged(fake, () => host(fake).recalculate(), /sheet "Scorecard".*protected: unprotect it/);
  });

  test('protected workbook structure', async () => {
    const fake = await fixtureExcel();
    fake.model.structureProtected = true;
    await expectUnchanged(fake, () => host(fake).recalculate(), /workbook structure is protected/);
    await expectUnchanged(fake, () => host(fake).buildSummary(), /workbook structure is protected/);
  });

  test('a cell being edited', async () => {
    const fake = await fixtureExcel();
    fake.editMode = true;
    await expectUnchanged(fake, () => host(fake).recalculate(), /cell is being edited: press Enter or Esc/);
  });

  test('an Excel older than ExcelApi 1.9 is told so before any call', async () => {
    const fake = await fixtureExcel({ apiVersion: '1.8' });
    await expectUnchanged(fake, () => host(fake).recalculate(), /too old.*Excel JavaScript API 1\.9/);
    expect(fake.runs).toBe(0);
  });

  test('the sheet renamed between reading and writing: found by id, so the ratings still land', async () => {
    const fake = await fixtureExcel();
    fake.beforeSync = (n) => {
      if (n === 3) fake.model.byName('Scorecard')!.name = 'Renamed';
    };
    await recalculate(excelContext(fake), options);
    expect(fake.model.byName('Renamed')!.cell(5, 9).value).toBe('✘');
  });

  test('the sheet deleted between reading and writing: nothing is written', async () => {
    const fake = await fixtureExcel();
    fake.beforeSync = (n) => {
      if (n === 3) {
        const s = fake.model.byName('Scorecard')!;
        fake.model.sheets.splice(fake.model.sheets.indexOf(s), 1);
        fake.model.activeId = fake.model.sheets[0].id;
      }
    };
    const before = fake.model.snapshot();
    await expect(host(fake).recalculate()).rejects.toThrow(/renamed, moved or deleted while the add-in was working/);
    expect(fake.changes).toEqual([]);
    expect(Object.keys(fake.model.snapshot())).toEqual(Object.keys(before).filter((n) => n !== 'Scorecard'));
  });

  test('a sheet that is not a scorecard', async () => {
    const fake = await fixtureExcel({}, undefined, 'Key');
    await expectUnchanged(fake, () => host(fake).recalculate(), /no scorecard found/);
  });

  test('a typo in the Scorecard rules sheet', async () => {
    const fake = await fixtureExcel();
    await host(fake).recalculate();
    const rules = fake.model.byName(ADDIN_SHEETS.rules)!;
    const row = rules.entries().find((e) => e.cell.value === 'tolerance')!.row;
    rules.update(row, 1, (c) => (c.value = 'lots'));
    await expectUnchanged(fake, () => host(fake).recalculate(), /'Scorecard rules' sheet has a problem, so nothing was rated: 'Scorecard rules'!B\d+: rule "tolerance" needs a percentage/);
  });

  test('Undo with nothing to undo, and an unknown ref to flag', async () => {
    const fake = await fixtureExcel();
    await expectUnchanged(fake, () => host(fake).undo(), /no recalculation to undo/);
    await expectUnchanged(fake, () => host(fake).addFlag({ ref: '9.Z9', comment: 'why', by: 'A Reviewer' }), /No measure with ref "9.Z9"/);
  });
});
