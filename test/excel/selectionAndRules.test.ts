/**
 * The Office host's additions for the pane: following the user's selection (worksheets.onSelectionChanged)
 * and reading and saving the Rules sheet, on the fake Excel.
 */
import { createOfficeHost } from '../../src/excel/officeHost';
import { firstSelectedRow } from '../../src/excel/selection';
import { defaultRules } from '../../src/engine/rules';
import type { SelectedRow } from '../../src/app/host';
import { FIXED_NOW, fixtureExcel } from './support/workbooks';

/** Lets the fake's events and the host's follow-up round trips run. */
async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await new Promise((resolve) => setImmediate(resolve));
}

describe('firstSelectedRow', () => {
  test.each([
    ['C12', 12],
    ['A12:Z12', 12],
    ['12:15', 12],
    ['$B$7', 7],
    ['C:C', 1],
    ['A5:B6, D9', 5],
    ["'My sheet'!D40", 40],
    ['', null],
  ])('%s → %s', (address, row) => expect(firstSelectedRow(address)).toBe(row));
});

describe('following the selection', () => {
  test('hears every selection with the sheet name and first row, and stops when asked', async () => {
    const fake = await fixtureExcel();
    const host = createOfficeHost({ runtime: fake.runtime(), now: FIXED_NOW });
    const heard: SelectedRow[] = [];
    const stop = host.onSelectionChanged((s) => heard.push(s));
    await settle();
    expect(fake.selectionHandlers.size).toBe(1);

    fake.userSelects('Scorecard', 'C9');
    await settle();
    fake.userSelects('Key', 'A3:B4');
    await settle();
    expect(heard).toEqual([
      { sheet: 'Scorecard', row: 9 },
      { sheet: 'Key', row: 3 },
    ]);

    // selectRow (a red flag's link) moves the selection too, and so is heard.
    await host.selectRow('Scorecard', 20);
    await settle();
    expect(heard[heard.length - 1]).toEqual({ sheet: 'Scorecard', row: 20 });

    stop();
    await settle();
    expect(fake.selectionHandlers.size).toBe(0);
    fake.userSelects('Scorecard', 'A30');
    await settle();
    expect(heard).toHaveLength(3);
  });

  test('a sheet renamed since is heard by its new name', async () => {
    const fake = await fixtureExcel();
    const host = createOfficeHost({ runtime: fake.runtime() });
    const heard: SelectedRow[] = [];
    host.onSelectionChanged((s) => heard.push(s));
    await settle();
    const sheet = fake.model.byName('Scorecard');
    if (!sheet) throw new Error('no Scorecard sheet');
    sheet.name = 'Q2 scorecard';
    fake.userSelects('Q2 scorecard', 'A6');
    await settle();
    expect(heard).toEqual([{ sheet: 'Q2 scorecard', row: 6 }]);
  });

  test('stopping before Excel has added the handler still removes it', async () => {
    const fake = await fixtureExcel();
    const host = createOfficeHost({ runtime: fake.runtime() });
    host.onSelectionChanged(() => undefined)();
    await settle();
    expect(fake.selectionHandlers.size).toBe(0);
  });
});

describe('the Rules sheet from the pane', () => {
  test('defaults until saved; saved rules are read back and rated with', async () => {
    const fake = await fixtureExcel();
    const host = createOfficeHost({ runtime: fake.runtime(), now: FIXED_NOW });
    expect(await host.readRules()).toEqual({ rules: defaultRules(), saved: false, problems: [] });

    const before = await host.recalculate();
    await host.saveRules({ ...defaultRules(), tolerance: 0.5 });
    const view = await host.readRules();
    expect(view).toMatchObject({ saved: true, problems: [] });
    expect(view.rules.tolerance).toBe(0.5);
    const after = await host.recalculate();
    expect(after.rules.tolerance).toBe(0.5);
    expect(after.summary.statuses.satisfactory.count).toBeGreaterThan(before.summary.statuses.satisfactory.count);
  });

  test('rewrites a Rules sheet with a typo, which the panel lists', async () => {
    const fake = await fixtureExcel();
    const host = createOfficeHost({ runtime: fake.runtime(), now: FIXED_NOW });
    await host.saveRules(defaultRules());
    const sheet = fake.model.byName('Scorecard rules');
    if (!sheet) throw new Error('no rules sheet');
    const row = sheet.entries().find((e) => e.cell.value === 'tolerance')?.row ?? -1;
    sheet.update(row, 1, (c) => (c.value = 'lots'));
    const view = await host.readRules();
    expect(view.problems).toEqual([expect.stringMatching(/'Scorecard rules'!B\d+: rule "tolerance" needs a percentage such as 2\.5%, got "lots"/)]);
    await expect(host.recalculate()).rejects.toThrow(/'Scorecard rules' sheet has a problem/);
    await host.saveRules({ ...defaultRules(), tolerance: 0.03 });
    expect((await host.readRules()).problems).toEqual([]);
    await expect(host.recalculate()).resolves.toMatchObject({ rules: expect.objectContaining({ tolerance: 0.03 }) });
  });

  test('refuses rules that would not read back, and a protected workbook structure, changing nothing', async () => {
    const fake = await fixtureExcel();
    const host = createOfficeHost({ runtime: fake.runtime() });
    const before = fake.model.snapshot();
    await expect(host.saveRules({ ...defaultRules(), symbols: { ...defaultRules().symbols, satisfactory: '✔' } })).rejects.toThrow(/cannot be saved: .*used for both/);
    fake.model.structureProtected = true;
    await expect(host.saveRules(defaultRules())).rejects.toThrow(/workbook structure is protected.*Nothing was changed/);
    expect(fake.model.snapshot()).toEqual(before);
  });
});
