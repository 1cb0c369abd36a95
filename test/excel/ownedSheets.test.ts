/**
 * The add-in's sheets by their mark in Excel (the fake): a user's own Summary, SUMMARY or Red flags is
 * never changed; the add-in's sheets go beside them, said in the outcome; a sheet of the add-in's that the
 * user renamed is still found and rebuilt in place; rating twice gives the same workbook.
 */
import { addFlag, buildRedFlags, buildSummary, recalculate, undoLastRecalculation } from '../../src/excel/operations';
import { readRules, saveRules } from '../../src/excel/rules';
import { OWNED_MARK } from '../../src/scorecard/ownedIdentity';
import type { FakeExcel } from './support/fakeExcel';
import { excelContext, FIXED_NOW, fixtureExcel } from './support/workbooks';

const options = { merges: true, now: FIXED_NOW };

/** The fixture with a sheet of the user's own under `name`. */
async function withUserSheet(name: string): Promise<FakeExcel> {
  const fake = await fixtureExcel();
  const mine = fake.model.addSheet(name);
  mine.update(0, 0, (c) => {
    c.value = 'My own notes';
    c.bold = true;
  });
  mine.update(1, 1, (c) => {
    c.value = 84;
    c.formula = '=42*2';
  });
  return fake;
}

const shape = (fake: FakeExcel): [string, string | null][] => fake.model.sheets.map((s) => [s.name, s.ownedKind]);

async function everything(fake: FakeExcel): Promise<string[]> {
  const ctx = (): Excel.RequestContext => excelContext(fake);
  return [...(await recalculate(ctx(), options)).warnings, ...(await buildSummary(ctx(), options)).warnings, ...(await buildRedFlags(ctx(), options)).warnings];
}

test.each([
  ['Summary', 'Scorecard summary', 'the summary is'],
  ['SUMMARY', 'Scorecard summary', 'the summary is'],
  ['Red flags', 'Scorecard red flags', 'the red flags are'],
])("a user's sheet called %s is never changed; the add-in's goes to %s and the pane says so", async (name, ours, what) => {
  const fake = await withUserSheet(name);
  const before = fake.model.byName(name)!.snapshot();
  const warnings = await everything(fake);
  expect(warnings).toContain(`${name}: your sheet "${name}" is kept; ${what} on "${ours}"`);
  const mine = fake.model.sheets.find((s) => s.name === name)!;
  expect(mine.snapshot()).toEqual(before);
  expect(mine.names).toEqual([]);
  expect(fake.model.byName(ours)!.ownedKind).toBe(name === 'Red flags' ? 'red-flags' : 'summary');
  expect(fake.model.byName(ours)!.names).toEqual([{ name: OWNED_MARK, formula: name === 'Red flags' ? '="red-flags"' : '="summary"', visible: false, comment: '' }]);

  // Again: the same sheets under the same names, no "Scorecard summary (2)".
  const first = shape(fake);
  await everything(fake);
  expect(shape(fake)).toEqual(first);
  expect(fake.model.sheets.find((s) => s.name === name)!.snapshot()).toEqual(before);
});

test("the add-in's sheets are marked by kind; Undo finds its copy by the mark", async () => {
  const fake = await fixtureExcel();
  await everything(fake);
  expect(shape(fake)).toEqual([
    ['Scorecard', null],
    ['Key', null],
    ['Scorecard undo', 'undo'],
    ['Scorecard history', 'history'],
    ['Scorecard rules', 'rules'],
    ['Summary', 'summary'],
    ['Red flags', 'red-flags'],
  ]);
  fake.model.byName('Scorecard undo')!.name = 'Old copy';
  await undoLastRecalculation(excelContext(fake), options);
  expect(fake.model.byName('Old copy')).toBeUndefined();
});

test.each([
  ['Red flags', 'the red flags are', 'Scorecard red flags', (fake: FakeExcel) => buildRedFlags(excelContext(fake), options)],
  ['Flags', "the reviewers' flags are", 'Scorecard flags', (fake: FakeExcel) => addFlag(excelContext(fake), { ref: '1.A1', comment: 'Check it', by: 'Sam' }, options)],
  ['Scorecard rules', 'the rating rules are', 'Scorecard rules (2)', async (fake: FakeExcel) => saveRules(excelContext(fake), (await readRules(excelContext(fake))).rules, options)],
] as const)("a user's sheet called %s: the operation that makes the add-in's says where it went", async (name, what, ours, run) => {
  const fake = await withUserSheet(name);
  const { warnings } = await run(fake);
  expect(warnings).toContain(`${name}: your sheet "${name}" is kept; ${what} on "${ours}"`);
  expect(fake.model.byName(ours)!.ownedKind).not.toBeNull();
});

test('a sheet of the add-in’s that the user renamed is found by its mark and rebuilt in place', async () => {
  const fake = await fixtureExcel();
  await everything(fake);
  await saveRules(excelContext(fake), { ...(await readRules(excelContext(fake))).rules, tolerance: 0.5 }, options);
  const summary = fake.model.byName('Summary')!;
  summary.name = 'My summary';
  summary.update(500, 0, (c) => (c.value = 'stale'));
  fake.model.byName('Scorecard rules')!.name = 'Our rules';
  // A user's sheet that now holds the old names is theirs.
  fake.model.addSheet('Summary').update(0, 0, (c) => (c.value = 'mine'));
  const before = shape(fake);

  const outcome = await buildSummary(excelContext(fake), options);
  expect(outcome.rules.tolerance).toBe(0.5);
  expect(outcome.warnings).toContain('Summary: your sheet "Summary" is kept; the summary is on "My summary"');
  expect(shape(fake)).toEqual(before);
  const rebuilt = fake.model.byName('My summary')!;
  expect(rebuilt.cell(500, 0).value).toBeNull();
  expect(rebuilt.cell(0, 0).value).toBe('Performance summary');
  expect(fake.model.byName('Summary')!.cell(0, 0).value).toBe('mine');
  expect((await readRules(excelContext(fake))).rules.tolerance).toBe(0.5);
});
