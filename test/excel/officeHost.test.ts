/** The pane's Excel host end to end on the fixture: each button is one Excel.run with the platform's budgets. */
import { createOfficeHost } from '../../src/excel/officeHost';
import { FIXED_NOW, fixtureExcel } from './support/workbooks';

describe('the Office host', () => {
  test('runs each operation in its own Excel.run and follows a link to a row', async () => {
    const fake = await fixtureExcel();
    const host = createOfficeHost({ runtime: fake.runtime(), now: FIXED_NOW });
    const rated = await host.recalculate();
    expect(rated).toMatchObject({ sheets: ['Scorecard'], cellsWritten: 221 });
    expect(rated.summary.total).toBe(72);
    const flags = await host.redFlags();
    expect(flags.flags.length).toBeGreaterThan(0);
    await host.selectRow('Scorecard', flags.flags[0].row);
    expect(fake.model.selection).toEqual({ sheet: 'Scorecard', range: { top: flags.flags[0].row - 1, left: 0, bottom: flags.flags[0].row - 1, right: 16383 } });
    expect(fake.model.active.name).toBe('Scorecard');
    expect((await host.undo()).cells).toBe(221);
    expect(fake.runs).toBe(4);
    await expect(host.selectRow('Gone', 3)).rejects.toThrow(/"Gone" was renamed, moved or deleted/);
  });

  test('reports progress through reading, rating and writing', async () => {
    const fake = await fixtureExcel();
    const phases: string[] = [];
    await createOfficeHost({ runtime: fake.runtime(), now: FIXED_NOW }).recalculate((p) => phases.push(`${p.phase} ${p.step}/${p.steps}`));
    expect(phases).toEqual(['reading 1/2', 'reading 2/2', 'rating 1/1', 'writing 1/1']);
  });
});
