import { findSheet, sameSheetName, sheetKey, tableNamesOutside } from '../../src/workbook/sheetName';

test('sheet names compare as Excel compares them, without regard to case', () => {
  expect(sameSheetName('Q2 Data', 'q2 DATA')).toBe(true);
  expect(sameSheetName('Q2 Data', 'Q2 Data ')).toBe(false);
  expect(sheetKey('Scorecard')).toBe(sheetKey('SCORECARD'));
});

test('findSheet prefers the exact spelling, then finds the sheet whatever the case', () => {
  const sheets = [{ name: 'scorecard', n: 1 }, { name: 'Scorecard', n: 2 }, { name: 'Notes', n: 3 }];
  expect(findSheet(sheets, 'Scorecard')?.n).toBe(2);
  expect(findSheet(sheets, 'NOTES')?.n).toBe(3);
  expect(findSheet(sheets, 'Summary')).toBeUndefined();
});

test('table names in use: those of the sheet being replaced are free again, the rest compare without case', () => {
  const tables = [{ name: 'Rules', sheet: 'Scorecard rules' }, { name: 'Budget', sheet: 'Data' }];
  expect([...tableNamesOutside(tables, 'SCORECARD RULES')]).toEqual(['budget']);
  expect([...tableNamesOutside(tables, undefined)].sort()).toEqual(['budget', 'rules']);
});
