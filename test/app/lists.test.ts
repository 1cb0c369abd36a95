/** The lists' pure logic: Find over an index, grouping by priority or status, and a row's trend line. */
import fc from 'fast-check';
import { STATUS_KEYS } from '../../src/engine/types';
import type { Observation, Period } from '../../src/engine/types';
import { FindIndex } from '../../src/app/findIndex';
import type { RatedRowView } from '../../src/app/host';
import { rowViews } from '../../src/app/ratedRows';
import { groupRows, listItems, STATUS_ATTENTION } from '../../src/app/rowOrder';
import { trendLine } from '../../src/app/trendLine';
import { rateWorkbook } from '../../src/scorecard/rateWorkbook';
import { fixtureGrids } from '../excel/support/workbooks';
import { ROWS } from '../ui/support/fakeHost';

test('Find matches ref, measure or reason in any case, and a longer text finds what a full search finds', () => {
  const index = new FindIndex(ROWS);
  expect(index.find('RENT')).toEqual([1]);
  expect(index.find('1.a1')).toEqual([0]);
  expect(index.find('target')).toEqual([0, 1]);
  expect(index.find('  ')).toEqual([0, 1]);
  // Ref and measure are not run together: "1.A1Children" is in neither.
  expect(index.find('1.a1children')).toEqual([]);
  const words = ['a', 'e', 'r', 't', ' ', '.', '1'];
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...words), { maxLength: 6 }), (keys) => {
      const typed = new FindIndex(ROWS);
      let text = '';
      for (const k of keys) {
        text += k;
        expect(typed.find(text)).toEqual(new FindIndex(ROWS).find(text));
      }
    }),
  );
});

test("Find also matches the sheet's own status and direction words, where it writes words", () => {
  const rows: RatedRowView[] = [
    { ...ROWS[0], statusWords: 'Green', dotWritten: { symbol: '▼', words: 'Decline but within limits of target' } },
    { ...ROWS[1], statusWords: 'Red' },
  ];
  const index = new FindIndex(rows);
  expect(index.find('green')).toEqual([0]);
  expect(index.find('RED')).toEqual([1]);
  expect(index.find('within limits')).toEqual([0]);
  // Where the sheet writes symbols, the words are not there to find.
  expect(new FindIndex(ROWS).find('green')).toEqual([]);
});

test('grouped by status, off target comes first and every status has a place', () => {
  expect([...STATUS_ATTENTION].sort()).toEqual([...STATUS_KEYS].sort());
  const rows: RatedRowView[] = [ROWS[0], ROWS[1], { ...ROWS[0], row: 20, status: 'needs-review' }];
  const groups = groupRows(rows, 'status');
  expect(groups.map((g) => [g.label, g.items.map((r) => r.row)])).toEqual([
    ['Off target', [12]],
    ['Needs review', [20]],
    ['On target', [6]],
  ]);
});

test('grouped by priority, in the order the priorities first appear; sheet order is one group without a heading', () => {
  const rows: RatedRowView[] = [{ ...ROWS[0], priority: 'P2' }, { ...ROWS[1], priority: 'P1' }, { ...ROWS[0], row: 30, priority: 'P2' }, { ...ROWS[0], row: 31, priority: ' ' }];
  expect(groupRows(rows, 'priority').map((g) => [g.label, g.items.length])).toEqual([
    ['P2', 2],
    ['P1', 1],
    ['No priority', 1],
  ]);
  const flat = listItems(groupRows(rows, 'sheet'), (r) => String(r.row));
  expect(flat.map((l) => l.kind)).toEqual(['item', 'item', 'item', 'item']);
  const grouped = listItems(groupRows(rows, 'priority'), (r) => String(r.row));
  expect(grouped.map((l) => (l.kind === 'group' ? `${l.label}:${l.count}` : l.key))).toEqual(['P2:2', '6', '30', 'P1:1', '12', 'No priority:1', '31']);
});

function period(kind: Period['kind'], start: number, end: number, label: string): Period {
  return { kind, start, end, label };
}

test('a trend line takes the kind of period with most values, oldest first, leaving out year to date and blanks', () => {
  const observations: Observation[] = [
    { period: period('year', 1, 12, '2016/17'), cell: { value: 0.5, numberFormat: '0%' } },
    { period: period('quarter', 16, 18, 'Q2'), cell: { value: 0.68, numberFormat: '0%' } },
    { period: period('quarter', 10, 12, 'Q4'), cell: { value: 0.4, numberFormat: '0%' } },
    { period: period('quarter', 13, 15, 'Q1'), cell: { value: 'n/a' } },
    { period: period('quarter', 7, 9, 'Q3'), cell: { value: 0.46, numberFormat: '0%' } },
    { period: period('month', 18, 18, 'Sep'), cell: { value: 0.68, numberFormat: '0%' } },
    { period: period('ytd', 13, 18, 'YTD'), cell: { value: 0.6, numberFormat: '0%' } },
  ];
  const line = trendLine({ observations, ratedKind: 'month', target: 50 });
  expect(line).toEqual({
    kind: 'quarter',
    percent: true,
    target: 50,
    points: [
      { label: 'Q3', value: 46, display: '46%' },
      { label: 'Q4', value: 40, display: '40%' },
      { label: 'Q2', value: 68, display: '68%' },
    ],
  });
  // Two kinds with as many values each: the rated one.
  const tie = [observations[1], observations[2], { period: period('month', 17, 17, 'Aug'), cell: { value: 0.6, numberFormat: '0%' } }, observations[5]];
  expect(trendLine({ observations: tie, ratedKind: 'month' })?.kind).toBe('month');
  expect(trendLine({ observations: tie, ratedKind: 'quarter' })?.kind).toBe('quarter');
  // One value is no line.
  expect(trendLine({ observations: [observations[0], observations[6]] })).toBeNull();
});

test("each rated row of the fixture keeps its cells and target for the chart, read only when asked", async () => {
  const rating = rateWorkbook(await fixtureGrids());
  const rows = rowViews(rating);
  const compared = rating.sheets[0].rows.findIndex((r) => r.rating.comparedTarget !== undefined);
  const view = rows[compared];
  expect(view.history?.observations).toBe(rating.sheets[0].rows[compared].measure.observations);
  const line = view.history ? trendLine(view.history) : null;
  expect(line?.target).toBe(rating.sheets[0].rows[compared].rating.comparedTarget);
  expect(line?.points.length).toBeGreaterThanOrEqual(2);
});
