/**
 * Round trips must not grow with rows up to 10,000 on Excel desktop (two to read, one to write), and on
 * Excel on the web, whose requests and responses are capped at 5 MB, grow only by the chunks reads are
 * split into. Measured through the fake Excel by the same function `npm run bench:excel` prints.
 */
import { measureSyncs } from './support/syncBench';
import type { OperationFigures, SyncFigures } from './support/syncBench';

let figures: SyncFigures[];

beforeAll(async () => {
  figures = await measureSyncs([100, 1000, 10000]);
}, 240000);

const ops = (f: SyncFigures): OperationFigures[] => [f.recalculate, f.recalculateAgain, f.buildSummary, f.redFlags, f.undo];
const counts = (f: SyncFigures): number[][] => ops(f).map((o) => [o.read, o.write, o.refused]);

describe('office-js round trips', () => {
  test.each([100, 1000, 10000])('%d rows on desktop: two round trips to read and one to write', (rows) => {
    const f = figures.find((x) => x.rows === rows && x.host === 'desktop') as SyncFigures;
    expect(f.recalculate).toMatchObject({ read: 2, write: 1, refused: 0 });
    expect(f.recalculateAgain).toMatchObject({ read: 2, write: 1, refused: 0 });
    expect(f.buildSummary).toMatchObject({ read: 2, write: 1, refused: 0 });
    // Red flags starts on the Summary sheet Build summary left active: one more round trip finds the scorecard.
    expect(f.redFlags).toMatchObject({ read: 3, write: 1, refused: 0 });
    expect(f.undo).toMatchObject({ read: 2, write: 1, refused: 0 });
  });

  test('the same round trips for 100, 1,000 and 10,000 rows on desktop', () => {
    const desktop = figures.filter((f) => f.host === 'desktop').map((f) => JSON.stringify(counts(f)));
    expect(new Set(desktop).size).toBe(1);
  });

  test('on the web, the same up to 1,000 rows; at 10,000 more reads, by chunk, each under 5 MB', () => {
    const limit = 5 * 1024 * 1024;
    const desktop = figures.find((f) => f.host === 'desktop') as SyncFigures;
    for (const f of figures.filter((x) => x.host === 'web')) {
      for (const op of ops(f)) {
        expect(op.maxRequest).toBeLessThanOrEqual(limit);
        expect(op.maxResponse).toBeLessThanOrEqual(limit);
        expect(op.write).toBeLessThanOrEqual(2);
      }
      if (f.rows <= 1000) expect(counts(f)).toEqual(counts(desktop));
      else for (const op of ops(f)) expect(op.read + op.refused).toBeLessThanOrEqual(8);
    }
  });
});
