/** A rated row is raised to show its wrapped explanation whole, unless its height was set by hand. */
import { patchSheet } from '../../src/xlsx/sheetPatch';
import type { CellPut } from '../../src/xlsx/sheetPatch';
import { wrappedHeight, wrappedLines } from '../../src/xlsx/wrappedHeight';

test('lines are counted at word breaks, a long word breaking inside itself', () => {
  expect(wrappedLines('', 10)).toBe(1);
  expect(wrappedLines('one two', 10)).toBe(1);
  expect(wrappedLines('one two three four', 10)).toBe(2);
  expect(wrappedLines('x'.repeat(25), 10)).toBe(3);
  expect(wrappedLines('a\nb', 10)).toBe(2);
  expect(wrappedHeight('one two three four', 10)).toBe(30);
});

test('any white space breaks words, and each line feed starts a line', () => {
  expect(wrappedLines('one\u00a0two\u3000three four', 10)).toBe(2);
  expect(wrappedLines('a\r\nb', 10)).toBe(2);
  expect(wrappedLines('  lead and trail  \n\n', 10)).toBe(4);
  expect(wrappedLines('ab 😀😀😀😀😀😀', 5)).toBe(4);
});

const put = (height?: number): Map<number, Map<number, CellPut>> => new Map([[1, new Map([[2, { value: 'why', style: () => 0, ...(height ? { height } : {}) }]])]]);
const sheet = (row: string): string => `<worksheet><sheetData>${row}</sheetData></worksheet>`;

test('a row lower than its text needs is raised; a taller one, or one sized by hand, is left', () => {
  expect(patchSheet(sheet('<row r="2"><c r="A2"/></row>'), put(45))).toMatch(/<row r="2" ht="45">/);
  expect(patchSheet(sheet('<row r="2" ht="15"><c r="A2"/></row>'), put(45))).toMatch(/<row r="2" ht="45">/);
  expect(patchSheet(sheet('<row r="2" ht="60"><c r="A2"/></row>'), put(45))).toMatch(/<row r="2" ht="60">/);
  expect(patchSheet(sheet('<row r="2" ht="15" customHeight="1"><c r="A2"/></row>'), put(45))).toMatch(/<row r="2" ht="15" customHeight="1">/);
  expect(patchSheet(sheet('<row r="2"><c r="A2"/></row>'), put())).toMatch(/<row r="2">/);
  expect(patchSheet(sheet(''), put(30))).toMatch(/<row r="2" ht="30">/);
});
