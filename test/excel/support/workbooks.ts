/** Fake workbooks for the adapter tests: the real fixture (read with the ExcelJS adapter) and generated scorecards. */
import * as fs from 'fs';
import * as path from 'path';
import { readWorkbook } from '../../../src/exceljs/exceljsGrid';
import { generateScorecardGrids, SCORECARD_SHEET } from '../../support/generateScorecard';
import type { SheetGrid } from '../../../src/workbook/grid';
import { FakeExcel } from './fakeExcel';
import type { FakeOptions } from './fakeExcel';
import { FakeWorkbookModel } from './fakeModel';

/** The shared fixtures sit beside the repository, as in every checkout of this project. */
export const FIXTURES = path.resolve(__dirname, '../../fixtures');
export const COUNCIL_PLAN = path.join(FIXTURES, 'council-plan-2017-18-q2.xlsx');
export const CYPS = path.join(FIXTURES, 'cyps-monthly-2016-03.xlsx');

export async function fixtureGrids(file = COUNCIL_PLAN): Promise<SheetGrid[]> {
  return (await readWorkbook(fs.readFileSync(file))).grids;
}

/** A fake Excel holding the grids, with `active` as the active sheet. */
export function fakeFromGrids(grids: readonly SheetGrid[], active: string, options: FakeOptions = {}): FakeExcel {
  const model = FakeWorkbookModel.fromGrids(grids);
  const sheet = model.byName(active);
  if (!sheet) throw new Error(`no sheet ${active}`);
  model.activeId = sheet.id;
  return new FakeExcel(model, options);
}

/** The council plan fixture in a fake Excel, on its Scorecard sheet. */
export async function fixtureExcel(options: FakeOptions = {}, file = COUNCIL_PLAN, sheet = 'Scorecard'): Promise<FakeExcel> {
  return fakeFromGrids(await fixtureGrids(file), sheet, options);
}

/** A generated scorecard of `rows` measures in a fake Excel (grids straight from the generator, no file). */
export function generatedExcel(rows: number, options: FakeOptions = {}, seed = 1): FakeExcel {
  return fakeFromGrids(generateScorecardGrids(rows, seed), SCORECARD_SHEET, options);
}

/** A fixed clock for history and flags. */
export const FIXED_NOW = (): Date => new Date(Date.UTC(2017, 10, 20, 9, 30));

/** The fake's context typed as the real one, for calling the adapter's operations directly. */
export function excelContext(fake: FakeExcel): Excel.RequestContext {
  return fake.context() as unknown as Excel.RequestContext;
}
