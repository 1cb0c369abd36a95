/** The tool's sheets by their mark: its value read and written, and the names the sheets go under. */
import {
  couldBeNamed,
  isValidSheetName,
  OWNED_KINDS,
  OWNED_MARK,
  ownedKindOf,
  ownedMarkFormula,
  ownedMarkValue,
  planOwnedSheetNames,
} from '../../src/scorecard/ownedIdentity';
import type { OwnedKind } from '../../src/scorecard/ownedIdentity';
import { rateWorkbook } from '../../src/scorecard/rateWorkbook';
import type { SheetGrid } from '../../src/workbook/grid';

describe('the mark', () => {
  test('is the defined name ScorecardOwnedSheet holding the kind as quoted text', () => {
    expect(OWNED_MARK).toBe('ScorecardOwnedSheet');
    expect(ownedMarkValue('summary')).toBe('"summary"');
    expect(ownedMarkFormula('red-flags')).toBe('="red-flags"');
  });

  test.each(['="summary"', '"summary"', 'summary', '  = "SUMMARY" ', 'Summary'])('%j reads as summary', (v) => {
    expect(ownedKindOf(v)).toBe('summary');
  });

  test.each([null, undefined, 3, '', '=""', '"scorecard"', 'red flags', '=Sheet1!$A$1', '"summary'])('%j is no mark', (v) => {
    expect(ownedKindOf(v)).toBeNull();
  });

  test('every kind reads back from what is written for it', () => {
    for (const k of OWNED_KINDS) {
      expect(ownedKindOf(ownedMarkValue(k))).toBe(k);
      expect(ownedKindOf(ownedMarkFormula(k))).toBe(k);
    }
  });
});

describe('planOwnedSheetNames', () => {
  const all: OwnedKind[] = ['summary', 'red-flags', 'rules'];

  test('an empty workbook gets the preferred names, and no warning', () => {
    const { names, warnings } = planOwnedSheetNames([{ name: 'Scorecard' }], all);
    expect([names.summary, names['red-flags'], names.rules, names.history, names.undo, names.flags]).toEqual(['Summary', 'Red flags', 'Scorecard rules', 'Scorecard history', 'Scorecard undo', 'Flags']);
    expect(warnings).toEqual([]);
  });

  test("a user's sheet holding a preferred name, whatever its case, is kept and said so", () => {
    const { names, warnings } = planOwnedSheetNames([{ name: 'SUMMARY' }, { name: 'Red flags' }, { name: 'scorecard rules' }], all);
    expect(names.summary).toBe('Scorecard summary');
    expect(names['red-flags']).toBe('Scorecard red flags');
    expect(names.rules).toBe('Scorecard rules (2)');
    expect(warnings.map((w) => w.message)).toEqual([
      'your sheet "SUMMARY" is kept; the summary is on "Scorecard summary"',
      'your sheet "Red flags" is kept; the red flags are on "Scorecard red flags"',
      'your sheet "scorecard rules" is kept; the rating rules are on "Scorecard rules (2)"',
    ]);
    expect(warnings[0]).toMatchObject({ where: { sheet: 'SUMMARY' }, keptSheet: 'SUMMARY' });
  });

  test('then numbered, past every name in use', () => {
    const { names } = planOwnedSheetNames([{ name: 'Summary' }, { name: 'Scorecard Summary' }, { name: 'Scorecard summary (2)' }], ['summary']);
    expect(names.summary).toBe('Scorecard summary (3)');
  });

  test('a marked sheet keeps its name, renamed or not; a user sheet with the preferred name is still said', () => {
    const sheets = [{ name: 'Summary' }, { name: 'My summary', ownedKind: 'summary' as const }, { name: 'Summary (2)', ownedKind: 'summary' as const }];
    const { names, warnings } = planOwnedSheetNames(sheets, ['summary']);
    expect(names.summary).toBe('My summary');
    expect(warnings.map((w) => w.message)).toEqual(['your sheet "Summary" is kept; the summary is on "My summary"']);
  });

  test('a tool sheet of another kind holding the name is no user sheet: no warning, another name', () => {
    const { names, warnings } = planOwnedSheetNames([{ name: 'Summary', ownedKind: 'red-flags' }], all);
    expect(names.summary).toBe('Scorecard summary');
    expect(names['red-flags']).toBe('Summary');
    expect(warnings).toEqual([]);
  });

  test('every name is one Excel takes, and no two are the same', () => {
    const taken = OWNED_KINDS.flatMap((k) => [planOwnedSheetNames([], [k]).names[k], `Scorecard ${k.replace('-', ' ')}`]).map((name) => ({ name }));
    for (let i = 0; i < 3; i++) taken.push(...Object.values(planOwnedSheetNames(taken, OWNED_KINDS).names).map((name) => ({ name })));
    const { names } = planOwnedSheetNames(taken, OWNED_KINDS);
    const list = Object.values(names);
    expect(new Set(list.map((n) => n.toLowerCase())).size).toBe(list.length);
    for (const n of list) expect(isValidSheetName(n)).toBe(true);
    expect(names['red-flags']).toBe('Scorecard red flags (5)');
  });

  test('couldBeNamed guesses the names the plan gives, and only those', () => {
    expect(couldBeNamed('rules', 'Scorecard Rules')).toBe(true);
    expect(couldBeNamed('rules', 'Scorecard rules (12)')).toBe(true);
    expect(couldBeNamed('summary', 'Summary')).toBe(true);
    expect(couldBeNamed('summary', 'Scorecard summary (x)')).toBe(false);
    expect(couldBeNamed('summary', 'My summary')).toBe(false);
  });
});

describe('rateWorkbook goes by the mark, never by the name', () => {
  const scorecard = (name: string, ownedKind?: OwnedKind): SheetGrid => ({
    name,
    values: [
      ['Ref', 'Measure', 'Target', 'Overall status', 'DOT', 'Q1 Apr - Jun 2017'],
      ['1.A1', 'Measure', 10, null, null, 12],
    ],
    ...(ownedKind ? { ownedKind } : {}),
  });

  test.each(['Summary', 'SUMMARY', 'Red flags', 'scorecard RULES'])("a user's scorecard called %s is rated", (name) => {
    expect(rateWorkbook([scorecard(name)]).sheets.map((s) => s.sheet)).toEqual([name]);
  });

  test("a marked sheet is never rated, whatever it is called; asking for it says it is the tool's", () => {
    expect(() => rateWorkbook([scorecard('Anything', 'flags')])).toThrow(/no scorecard found/);
    expect(rateWorkbook([scorecard('Scorecard'), scorecard('Flags (copy)', 'flags')]).sheets.map((s) => s.sheet)).toEqual(['Scorecard']);
    expect(() => rateWorkbook([scorecard('Scorecard'), scorecard('Flags', 'flags')], { sheet: 'flags' })).toThrow(/"Flags" is a sheet this tool made/);
  });

  test('the sheet asked for is found as Excel finds it: without regard to case', () => {
    expect(rateWorkbook([scorecard('Scorecard')], { sheet: 'SCORECARD' }).sheets.map((s) => s.sheet)).toEqual(['Scorecard']);
  });
});
