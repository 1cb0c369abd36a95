/** The fake must behave like office-js where the adapter could get it wrong, or the other tests prove nothing. */
import { FakeExcel, FakeOfficeError } from './support/fakeExcel';
import { FakeWorkbookModel, formatNumber, parseTyped, shiftFormula } from './support/fakeModel';

function fake(): FakeExcel {
  const model = new FakeWorkbookModel();
  const s = model.addSheet('Data');
  s.update(0, 0, (c) => (c.value = 'Ref'));
  s.update(1, 0, (c) => (c.value = 1.5));
  s.update(1, 1, (c) => {
    c.value = 0.435;
    c.numberFormat = '0.0%';
  });
  model.addSheet('Other');
  return new FakeExcel(model);
}

describe('fake Excel object model', () => {
  test('a loaded property cannot be read before the sync that loads it', async () => {
    const ctx = fake().context();
    const range = ctx.workbook.worksheets.getItem('Data').getRange('A1:B2');
    range.load('values,text');
    expect(() => range.values).toThrow(/PropertyNotLoaded|not available/);
    expect(() => range.isNullObject).toThrow(/not available/);
    await ctx.sync();
    expect(range.values).toEqual([['Ref', ''], [1.5, 0.435]]);
    expect(range.text).toEqual([['Ref', ''], ['1.5', '43.5%']]);
    expect(() => range.numberFormat).toThrow(/not available/);
  });

  test("a sheet's names: added and loaded in batches, kept through a rename, deleted with the sheet", async () => {
    const host = fake();
    const ctx = host.context();
    const names = ctx.workbook.worksheets.getItem('Data').names;
    const mark = names.add('ScorecardOwnedSheet', '="summary"');
    mark.visible = false;
    names.load('items/name,items/formula,items/value,items/visible');
    expect(() => names.items).toThrow(/not available/);
    expect(host.model.byName('Data')!.names).toEqual([]);
    await ctx.sync();
    expect(names.items.map((n) => [n.name, n.formula, n.value, n.visible])).toEqual([['ScorecardOwnedSheet', '="summary"', 'summary', false]]);
    expect(() => names.items[0].comment).toThrow(/not available/);
    expect(host.model.byName('Other')!.names).toEqual([]);

    ctx.workbook.worksheets.getItem('Data').names.add('scorecardownedsheet', '="rules"');
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'ItemAlreadyExists' });
    ctx.workbook.worksheets.getItem('Other').names.add('A1', '=1');
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });

    ctx.workbook.worksheets.getItem('Data').name = 'Renamed';
    await ctx.sync();
    expect(host.model.byName('Renamed')!.ownedKind).toBe('summary');
    ctx.workbook.worksheets.getItem('Renamed').delete();
    const again = ctx.workbook.worksheets.add('Data');
    again.names.load('items/name');
    await ctx.sync();
    expect(again.names.items).toEqual([]);
  });

  test('calls run in order at sync, and an error stops the batch where it happens', async () => {
    const host = fake();
    const ctx = host.context();
    const ws = ctx.workbook.worksheets.getItem('Data');
    ws.getRange('C1').values = [['first']];
    ctx.workbook.worksheets.getItem('Missing').getRange('A1').values = [['x']];
    ws.getRange('C2').values = [['never']];
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'ItemNotFound' });
    const s = host.model.byName('Data');
    expect(s?.cell(0, 2).value).toBe('first');
    expect(s?.cell(1, 2).value).toBeNull();
    expect(host.syncs).toHaveLength(1);
    expect(host.calls.map((c) => c.api)).toEqual(['Range.values=', 'Range.values=', 'Range.values=']);
  });

  test('proxies replay their path: a sheet renamed between syncs is not found by its old name', async () => {
    const host = fake();
    const ctx = host.context();
    const byName = ctx.workbook.worksheets.getItem('Data');
    byName.load('id');
    await ctx.sync();
    const byId = ctx.workbook.worksheets.getItem(byName.id);
    host.model.byName('Data')!.name = 'Renamed';
    byName.getRange('A1').values = [['x']];
    await expect(ctx.sync()).rejects.toBeInstanceOf(FakeOfficeError);
    byId.getRange('A1').values = [['by id']];
    await ctx.sync();
    expect(host.model.byName('Renamed')?.cell(0, 0).value).toBe('by id');
  });

  test('writes are typed input, as in Excel: formulas, numbers and dates unless quoted', () => {
    expect(parseTyped('=A1')).toMatchObject({ formula: '=A1' });
    expect(parseTyped("'=A1")).toMatchObject({ value: '=A1', formula: null, quotePrefix: true });
    expect(parseTyped('6.10')).toMatchObject({ value: 6.1 });
    expect(parseTyped('43.5%')).toMatchObject({ value: 0.435, autoFormat: '0.0%' });
    expect(parseTyped('Sep-17')?.value).toEqual(expect.any(Number));
    expect(parseTyped('(12)')).toMatchObject({ value: -12 });
    expect(parseTyped('TRUE')).toMatchObject({ value: true });
    expect(parseTyped('-')).toMatchObject({ formula: '=-' });
    expect(parseTyped('Sep-17 value 345.8 vs target 336.9')).toMatchObject({ value: 'Sep-17 value 345.8 vs target 336.9' });
    expect(parseTyped(null)).toBeNull();
  });

  test('a protected sheet refuses changes; shapes must match; the payload limit applies', async () => {
    const host = fake();
    host.model.byName('Data')!.protected = true;
    const ctx = host.context();
    ctx.workbook.worksheets.getItem('Data').getRange('A1').values = [['x']];
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'AccessDenied' });
    ctx.workbook.worksheets.getItem('Other').getRange('A1:A2').values = [['only one row']];
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    host.payloadLimit = 100;
    ctx.workbook.worksheets.getItem('Other').getRange('A1').values = [['x'.repeat(200)]];
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    host.payloadLimit = null;
    host.editMode = true;
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidOperationInCellEditMode' });
  });

  test('null objects, settings and special cells', async () => {
    const host = fake();
    host.model.byName('Data')!.update(3, 3, (c) => {
      c.formula = '=B2*2';
      c.value = 0.87;
    });
    const ctx = host.context();
    const missing = ctx.workbook.worksheets.getItemOrNullObject('Nope');
    missing.load('name');
    const setting = ctx.workbook.settings.getItemOrNullObject('k');
    setting.load('value');
    const formulas = ctx.workbook.worksheets.getItem('Data').getUsedRange(true).getSpecialCellsOrNullObject('Formulas');
    formulas.load('address');
    await ctx.sync();
    expect(missing.isNullObject).toBe(true);
    expect(setting.isNullObject).toBe(true);
    expect(formulas.address).toBe('Data!D4');
  });

  test('copying cells moves relative references and copies every format', async () => {
    expect(shiftFormula('=A1+$B$2+C$3', 2, 1)).toBe('=B3+$B$2+D$3');
    const host = fake();
    const ctx = host.context();
    const data = ctx.workbook.worksheets.getItem('Data');
    data.getRange('B2').format.fill.color = '#FF0000';
    ctx.workbook.worksheets.getItem('Other').getRange('E5').copyFrom(data.getRange('B2'), 'All');
    await ctx.sync();
    expect(host.model.byName('Other')?.cell(4, 4)).toMatchObject({ value: 0.435, numberFormat: '0.0%', fill: 'FF0000' });
  });

  test('display text follows the number formats scorecards use', () => {
    expect(formatNumber(0.435, '0.0%')).toBe('43.5%');
    expect(formatNumber(3856, '#,##0')).toBe('3,856');
    expect(formatNumber(10.333, '0.00')).toBe('10.33');
    expect(formatNumber(0.5, '0%')).toBe('50%');
    expect(formatNumber(345.8, 'General')).toBe('345.8');
  });
});
