/** The pane's pure helpers: progress in words and as a fraction, themes, rated rows, the Rules sheet's view. */
import { webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { defaultRules } from '../../src/engine/rules';
import { buildRulesSheet } from '../../src/scorecard/rulesSheet';
import { progressFraction, progressLabel } from '../../src/app/describe';
import { findRow, indexRows, rowViews } from '../../src/app/ratedRows';
import { contentGrid, rulesSheetFor, rulesView } from '../../src/app/rulesView';
import { isDarkColour } from '../../src/app/theme';
import { fluentTheme } from '../../src/ui/theme';
import { fixtureGrids } from '../excel/support/workbooks';
import { rateWorkbook } from '../../src/scorecard/rateWorkbook';

test('progress reads as a phase in words and moves forward through the phases', () => {
  expect(progressLabel({ phase: 'reading', step: 1, steps: 2 })).toBe('Reading the workbook (step 1 of 2)');
  expect(progressLabel({ phase: 'writing', step: 1, steps: 1 })).toBe('Writing the results');
  const order = [
    { phase: 'reading', step: 1, steps: 2 },
    { phase: 'reading', step: 2, steps: 2 },
    { phase: 'rating', step: 1, steps: 1 },
    { phase: 'writing', step: 1, steps: 1 },
  ] as const;
  const fractions = order.map(progressFraction);
  expect([...fractions].sort((a, b) => a - b)).toEqual(fractions);
  expect(fractions[0]).toBeGreaterThan(0);
  expect(fractions[3]).toBeLessThan(1);
});

test("Office's body colour picks the light or dark theme", () => {
  expect(isDarkColour('#1F1F1F')).toBe(true);
  expect(isDarkColour('262626')).toBe(true);
  expect(isDarkColour('#333')).toBe(true);
  expect(isDarkColour('#FFFFFF')).toBe(false);
  expect(isDarkColour('#E6E6E6')).toBe(false);
  expect(isDarkColour('not a colour')).toBe(false);
  expect(fluentTheme('dark')).toBe(webDarkTheme);
  expect(fluentTheme('light')).toBe(webLightTheme);
});

test('every rated row of the fixture is found by sheet and row, whatever the case of the sheet name', async () => {
  const rating = rateWorkbook(await fixtureGrids());
  const rows = rowViews(rating);
  expect(rows).toHaveLength(rating.sheets[0].rows.length);
  const index = indexRows(rows);
  const first = rating.sheets[0].rows[0];
  expect(findRow(index, { sheet: 'SCORECARD', row: first.measure.row })).toMatchObject({ ref: first.measure.ref, status: first.rating.status, explanation: first.rating.explanation });
  expect(findRow(index, { sheet: 'Scorecard', row: 1 })).toBeUndefined();
  expect(findRow(index, null)).toBeUndefined();
});

test('the Rules sheet view: defaults when there is none, saved values over them, problems listed', () => {
  expect(rulesView(undefined)).toEqual({ rules: defaultRules(), saved: false, problems: [] });
  const sheet = contentGrid(buildRulesSheet({ ...defaultRules(), tolerance: 0.05, symbols: { ...defaultRules().symbols, 'on-target': 'G' } }));
  const view = rulesView(sheet);
  expect(view.saved).toBe(true);
  expect(view.rules.tolerance).toBe(0.05);
  expect(view.rules.symbols['on-target']).toBe('G');
  expect(view.rules.symbols['off-target']).toBe(defaultRules().symbols['off-target']);
  const broken = contentGrid(buildRulesSheet(defaultRules()));
  const row = broken.values.findIndex((r) => r[0] === 'tolerance');
  broken.values[row][1] = 'lots';
  expect(rulesView(broken).problems).toEqual([expect.stringMatching(/'Scorecard rules'!B\d+: rule "tolerance" needs a percentage such as 2\.5%, got "lots"/)]);
});

test('rules that would not read back are refused before saving', () => {
  expect(rulesSheetFor(defaultRules()).problems).toEqual([]);
  const same = { ...defaultRules(), symbols: { ...defaultRules().symbols, satisfactory: '✔' } };
  expect(rulesSheetFor(same).problems).toEqual([expect.stringMatching(/symbol "✔" is used for both on target and satisfactory/)]);
});
