/** Hand-built sheet grids for reader tests. */
import type { CellRange, CellValue, SheetGrid } from '../../src/workbook/grid';

export const HEADER = ['Outcome', 'Ref No.', 'Measure', 'Good performance', 'Frequency of reporting', 'Target', 'Overall status', 'DOT'];
export const PERIODS = ['Year end 2016/17', 'Q1 Apr - Jun 2017', 'Q2 Jul - Sep 2017'];

export function grid(name: string, values: CellValue[][], extra: Partial<SheetGrid> = {}): SheetGrid {
  return { name, values, ...extra };
}

export function range(top: number, left: number, bottom: number, right: number): CellRange {
  return { top, left, bottom, right };
}

/**
 * A typical council sheet: title, blank, then per priority a section row, a one-row header with period
 * columns, measure rows and a blank row. Row numbers of the measures are 1-based, as a person reads them.
 */
export function simpleScorecard(name = 'Scorecard'): SheetGrid {
  return grid(name, [
    ['Council Plan 2017/18 – Quarter 2 Performance Scorecard'],
    [],
    ['Corporate Priority 1 – Every child making the best start in life'],
    [...HEADER, ...PERIODS, 'Data notes'],
    ['Children are safe', '1.A1', 'Rate of referrals per 10,000', 'Low', 'Quarterly', 336.9, null, null, 330, 340, 345.8, ''],
    [null, '1.A2', 'Percentage of re-referrals', 'Low', 'Quarterly', '<22%', null, null, '20%', '21%', '19%', ''],
    [],
    ['Corporate Priority 2 – Every adult secure, responsible and empowered'],
    [...HEADER, ...PERIODS, 'Data notes'],
    ['Adults are independent', '2.B1', 'Proportion of people who use services who have control', 'High', 'Quarterly', 'TBC', null, null, 70, 75, 80, ''],
  ]);
}
