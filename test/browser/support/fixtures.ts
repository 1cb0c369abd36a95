/** The fixtures the browser tests open, the two sizes every screen is tried at, and a fixture's rating to compare with. */
import * as fs from 'fs';
import * as path from 'path';
import { readWorkbook } from '../../../src/exceljs/exceljsGrid';
import { rateWorkbook } from '../../../src/scorecard/rateWorkbook';
import type { WorkbookRating } from '../../../src/scorecard/types';

export const PLAN = path.resolve(__dirname, '../../fixtures/council-plan-2017-18-q2.xlsx');
export const RAG = path.resolve(__dirname, '../../fixtures/cyps-monthly-2016-03.xlsx');

/** Task-pane width and a laptop, as issue 14 asks every screen to be tried. */
export const SIZES = [
  { name: 'narrow', width: 350, height: 800 },
  { name: 'laptop', width: 1366, height: 768 },
] as const;

/** What the command line's code path makes of the fixture: the pages must show the same. */
export async function ratedFixture(file: string, options?: Parameters<typeof rateWorkbook>[1]): Promise<WorkbookRating> {
  return rateWorkbook((await readWorkbook(fs.readFileSync(file))).grids, options);
}
