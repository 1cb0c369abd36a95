/*
 * Metamorphic: a row rates the same whatever rows come before it. The Council Plan fixture's rows repeated
 * (scaledPlan.ts, the bench's realistic input) must give each copy of a row the rating of the row itself.
 * The engine and the reader remember their last row's answers for speed; a remembered answer that leaked
 * into the next row would show here as a copy rated unlike its original.
 */
import * as fs from 'fs';
import { zlibCodec } from '../../src/cli/zlibCodec';
import { rateWorkbook } from '../../src/scorecard/rateWorkbook';
import { readScorecard } from '../../src/scorecard/readScorecard';
import { WorkbookPackage } from '../../src/xlsx/workbookPackage';
import type { RatedRow } from '../../src/scorecard/types';
import { fixturePath } from '../support/fixtures';
import { scaledPlanGrids } from '../support/scaledPlan';
import type { ScaleOptions } from '../support/scaledPlan';

const FIXTURE = fixturePath('council-plan-2017-18-q2.xlsx');

/** What a reader of the rating sees of a row; the ref and row number are the copy's own. */
function seen(r: RatedRow): string {
  const g = r.rating;
  return JSON.stringify([r.measure.name, g.status, g.dot, g.explanation, g.needsReview ?? '', g.dotDetail ?? '', r.previous?.status ?? '']);
}

/** A row's original is known by its name in its block (a ref may be inferred from the rows around it). */
function originalKey(r: RatedRow): string {
  return `${r.measure.name}|${r.measure.priority}`;
}

function seenByKey(rows: readonly RatedRow[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(originalKey(r), [...(out.get(originalKey(r)) ?? []), seen(r)]);
  return out;
}

describe('repeated rows rate as their originals', () => {
  const fixture = WorkbookPackage.open(new Uint8Array(fs.readFileSync(FIXTURE)), zlibCodec).grids();
  const own = readScorecard(fixture.find((g) => g.name === 'Scorecard') as (typeof fixture)[number])?.measures.length ?? 0;
  const once = rateWorkbook(scaledPlanGrids(FIXTURE, own));
  const original = seenByKey(once.sheets[0].rows);

  it('the scaled fixture at its own size holds each of its measures once', () => {
    expect(own).toBeGreaterThan(60);
    expect(once.sheets[0].rows).toHaveLength(own);
    expect(once.sheets[0].rows.every((r) => !/^R\d+\./.test(r.measure.ref))).toBe(true);
  });

  it.each<[number, ScaleOptions]>([
    [350, {}],
    [1234, {}],
    [1234, { shuffle: 1 }],
    [2000, { shuffle: 2 }],
    [700, { sortBy: 'target' }],
    [700, { sortBy: 'polarity' }],
    [700, { sortBy: 'frequency' }],
    [700, { sortBy: 'measure' }],
  ])('%i rows laid out %j: every copy rates as its original', (rows, options) => {
    const scaled = rateWorkbook(scaledPlanGrids(FIXTURE, rows, options));
    expect(scaled.sheets[0].rows).toHaveLength(rows);
    const differ: string[] = [];
    let copies = 0;
    for (const r of scaled.sheets[0].rows) {
      const own = original.get(originalKey(r)) ?? [];
      if (!own.includes(seen(r))) differ.push(`row ${r.measure.row} (${r.measure.ref}): ${seen(r)} but its original: ${own.join(' or ') || 'none'}`);
      if (/^R\d+\./.test(r.measure.ref)) copies++;
    }
    expect(differ).toEqual([]);
    expect(copies).toBeGreaterThan(rows - own - 10);
  });
});
