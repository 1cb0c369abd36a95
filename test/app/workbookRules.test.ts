import { savedRules, workbookRules } from '../../src/app/workbookRules';
import { buildRulesSheet } from '../../src/scorecard/rulesSheet';
import { defaultRules } from '../../src/engine/rules';
import { ScorecardError } from '../../src/scorecard/types';
import type { SheetGrid } from '../../src/workbook/grid';

function rulesGrid(values: (string | number | null)[][]): SheetGrid {
  return { name: 'Scorecard rules', values, ownedKind: 'rules' };
}

function failure(run: () => unknown): ScorecardError {
  try {
    run();
  } catch (e) {
    if (e instanceof ScorecardError) return e;
    throw e;
  }
  throw new Error('no error');
}

const HEADER = ['Key', 'Value'];

test('no Rules sheet: nothing saved, and what the caller sets is all there is', () => {
  expect(savedRules(undefined)).toBeUndefined();
  expect(workbookRules([{ name: 'Scorecard', values: [] }], { tolerance: 0.05 })).toEqual({ tolerance: 0.05 });
});

test("the workbook's Rules sheet is found by its mark, and the caller's rules win over it", () => {
  const sheet = buildRulesSheet({ ...defaultRules(), tolerance: 0.2, tolerancePoints: 4 });
  const grid: SheetGrid = { name: 'Renamed', ownedKind: 'rules', values: sheet.rows.map((r) => r.map((c) => c?.value ?? null)) };
  const rules = workbookRules([{ name: 'Scorecard', values: [] }, grid], { tolerance: 0.05 });
  expect(rules).toMatchObject({ tolerance: 0.05, tolerancePoints: 4 });
  // A user's sheet that only has the name is not the tool's.
  expect(workbookRules([{ ...grid, name: 'Scorecard rules', ownedKind: undefined }])).toEqual({});
});

test('one problem: the rating stops with the cell named and what to do', () => {
  const e = failure(() => savedRules(rulesGrid([HEADER, ['tolerance', 'lots']])));
  expect(e.message).toMatch(/^the 'Scorecard rules' sheet has a problem, so nothing was rated: 'Scorecard rules'!B2: rule "tolerance" needs a percentage/);
  expect(e.message).toMatch(/save the rules again from the Rules panel, and rate again$/);
});

test('many problems: three are listed and the rest counted, so the message stays one line', () => {
  const bad = ['tolerance', 'tolerancePoints', 'tolerancePointsCap', 'toleranceBasis'].map((k) => [k, 'lots']);
  const e = failure(() => savedRules(rulesGrid([HEADER, ...bad])));
  expect(e.message).toMatch(/^the 'Scorecard rules' sheet has 4 problems/);
  expect(e.message.match(/'Scorecard rules'!B\d/g)).toEqual(["'Scorecard rules'!B2", "'Scorecard rules'!B3", "'Scorecard rules'!B4"]);
  expect(e.message).toContain('; …. ');
});
