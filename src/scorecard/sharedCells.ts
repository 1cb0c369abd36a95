import type { CellInput, Observation, Period } from '../engine/types';
import type { CellValue } from '../workbook/grid';

const LIMIT = 20000;

/**
 * Cell inputs and observations shared between the rows of a sheet that hold the same thing. A measure keeps
 * its cells to the end of a run, and a large scorecard repeats most of them (blank periods, "n/a", the same
 * few formats), so one object per distinct cell, rather than one per row and column, is most of the memory
 * a 100,000-row rating would otherwise hold. Nothing changes a cell input once read. Bounded: past its
 * limit a map starts again, so a sheet of unique cells costs a few maps and nothing more.
 */
export class SharedCells {
  /** By number format, then display text, then value. */
  private readonly byFormat = new Map<string | null, Map<string | null, Map<string | number | null, CellInput>>>();
  private readonly observations = new Map<Period, Map<CellInput, Observation>>();

  cell(value: CellValue, numberFormat: string | null, text: string | null): CellInput {
    // A Date or a boolean is rare in a scorecard and a Date could be changed in place: those are not shared.
    if (value !== null && typeof value !== 'string' && typeof value !== 'number') return { value, numberFormat, text };
    // -0 would share +0's entry in a Map, and the two may read differently.
    if (Object.is(value, -0)) return { value, numberFormat, text };
    const byValue = this.valuesOf(numberFormat, text);
    let found = byValue.get(value);
    if (!found) {
      if (byValue.size >= LIMIT) byValue.clear();
      byValue.set(value, (found = { value, numberFormat, text }));
    }
    return found;
  }

  observation(period: Period, cell: CellInput): Observation {
    let byCell = this.observations.get(period);
    if (!byCell) this.observations.set(period, (byCell = new Map()));
    let found = byCell.get(cell);
    if (!found) {
      if (byCell.size >= LIMIT) byCell.clear();
      byCell.set(cell, (found = { period, cell }));
    }
    return found;
  }

  private valuesOf(numberFormat: string | null, text: string | null): Map<string | number | null, CellInput> {
    let byText = this.byFormat.get(numberFormat);
    if (!byText) {
      if (this.byFormat.size >= 1000) this.byFormat.clear();
      this.byFormat.set(numberFormat, (byText = new Map()));
    }
    let byValue = byText.get(text);
    if (!byValue) {
      if (byText.size >= LIMIT) byText.clear();
      byText.set(text, (byValue = new Map()));
    }
    return byValue;
  }
}
