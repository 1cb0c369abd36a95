/** The pane's words for a row are the words the run writes into the sheet: a RAG scorecard's, or its own. */
import * as fs from 'fs';
import { zlibCodec } from '../../src/cli/zlibCodec';
import { rowViews } from '../../src/app/ratedRows';
import { sheetStatusWords } from '../../src/app/writtenWords';
import { rateWorkbook } from '../../src/scorecard/rateWorkbook';
import { DOT_DETAIL_LABELS } from '../../src/engine/types';
import { unsavedWords } from '../../src/app/unsavedWork';
import { WorkbookPackage } from '../../src/xlsx/workbookPackage';

const rate = (file: string) => rateWorkbook(WorkbookPackage.open(fs.readFileSync(`test/fixtures/${file}`), zlibCodec).grids());

test('on the RAG scorecard every row carries the words its status and DOT cells get', () => {
  const rating = rate('cyps-monthly-2016-03.xlsx');
  const views = rowViews(rating);
  const sheet = rating.sheets[0];
  for (const v of views) {
    const written = sheet.writes.filter((w) => w.row === v.row - 1);
    const status = written.find((w) => w.col === sheet.columns.status)?.value;
    const dot = written.find((w) => w.kind === 'dot')?.value;
    // A RAG status cell holds words (Green, Not applicable), never the symbol.
    expect(status).not.toBe(rating.rules.symbols[v.status]);
    expect({ row: v.row, status: v.statusWords ?? null }).toEqual({ row: v.row, status: status ?? null });
    expect({ row: v.row, dot: v.dotWritten ? `${v.dotWritten.symbol} ${v.dotWritten.words}` : null }).toEqual({ row: v.row, dot: dot ?? null });
  }
  const declined = views.find((v) => v.dotWritten?.words === DOT_DETAIL_LABELS['declined-within-limits']);
  expect(declined?.statusWords).toMatch(/^(Green|Amber)$/);
  expect(sheetStatusWords(views)).toEqual({ 'on-target': 'Green', satisfactory: 'Amber', 'off-target': 'Red' });
});

test('on a symbol scorecard no row carries words: the pane keeps its own labels', () => {
  const views = rowViews(rate('council-plan-2017-18-q2.xlsx'));
  expect(views.filter((v) => v.statusWords || v.dotWritten)).toEqual([]);
  expect(sheetStatusWords(views)).toEqual({});
});

test('unsaved work in words', () => {
  expect(unsavedWords({ flags: 0, rules: false })).toBeNull();
  expect(unsavedWords({ flags: 1, rules: false })).toBe('1 clinic flag');
  expect(unsavedWords({ flags: 2, rules: true })).toBe('2 clinic flags and rule changes');
  expect(unsavedWords({ flags: 0, rules: true })).toBe('rule changes');
});
