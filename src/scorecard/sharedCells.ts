import type { CellInput, Observation, Period } from '../engine/types';
import type { CellValue } from '../workbook/grid';

const LIMIT = 20000;
/** Formats and texts one value is shared under; past this a value's list starts again. */
const VARIANTS = 32;
/**
 * Look-ups a period's sharing is judged over, and what share of them must find their value: long enough
 * that a period's map fills before it is judged (its first look-ups find nothing whatever the sheet).
 */
const WINDOW = 1024;
const FEWEST_FOUND = WINDOW / 8;
/** Values a period that found too few then makes without a look-up, before it is tried again. */
const REST = 8192;

type Shared = string | number | null;
/**
 * Per value: the one cell (or observation) of that value, or the few when it comes under several formats.
 * A blank is a quarter of a scorecard's period cells: it is kept beside the map, not looked up in it.
 */
export class ByValue<T> {
  private readonly map = new Map<Shared, T | T[]>();
  private blank: T | T[] | undefined;
  /** See found and shares. */
  private looked = 0;
  private hits = 0;
  private resting = 0;
  get(value: Shared): T | T[] | undefined {
    return value === null ? this.blank : this.map.get(value);
  }
  add(value: Shared, found: T | T[] | undefined, made: T): void {
    let entry: T | T[];
    if (found === undefined) entry = made;
    else if (!Array.isArray(found)) entry = [found, made];
    else if (found.length < VARIANTS) {
      found.push(made);
      return;
    } else entry = made;
    if (value === null) this.blank = entry;
    else {
      if (found === undefined && this.map.size >= LIMIT) this.map.clear();
      this.map.set(value, entry);
    }
  }

  /**
   * Whether a value is worth looking up. A period whose figures rarely repeat (fractions, large counts)
   * would pay a miss and an insert for nearly every cell and save no memory: after a window of look-ups
   * that found too few, the next values are made without one, then the period is tried again.
   */
  shares(): boolean {
    if (this.resting === 0) return true;
    this.resting--;
    return false;
  }
  /** A look-up that found its value (found) or did not (missed). */
  found(): void {
    this.hits++;
    if (++this.looked === WINDOW) this.judge();
  }
  missed(): void {
    if (++this.looked === WINDOW) this.judge();
  }
  private judge(): void {
    if (this.hits < FEWEST_FOUND) this.resting = REST;
    this.looked = 0;
    this.hits = 0;
  }
}

/** What is shared: not a Date (it could be changed in place) or a boolean (rare), nor -0 (a Map takes it for +0). */
function shareable(value: CellValue): value is Shared {
  return value === null || typeof value === 'string' || (typeof value === 'number' && !Object.is(value, -0));
}

/**
 * Cell inputs and observations shared between the rows of a sheet that hold the same thing. A measure keeps
 * its cells to the end of a run, and a large scorecard repeats most of them (blank periods, "n/a", the same
 * few formats), so one object per distinct cell, rather than one per row and column, is most of the memory
 * a 100,000-row rating would otherwise hold. Nothing changes a cell input once read. Bounded: past its
 * limit a map starts again, so a sheet of unique cells costs a few maps and nothing more.
 *
 * Keyed by value alone, the format and text compared on the one or few entries found: every cell of a
 * sheet is looked up here, and one look-up is a third of the three a map per format and text would take.
 */
export class SharedCells {
  private readonly cells = new ByValue<CellInput>();
  private readonly observations = new Map<Period, ByValue<Observation>>();

  cell(value: CellValue, numberFormat: string | null, text: string | null): CellInput {
    if (!shareable(value)) return { value, numberFormat, text };
    const found = this.cells.get(value);
    if (found !== undefined) {
      if (!Array.isArray(found)) {
        if (found.numberFormat === numberFormat && found.text === text) return found;
      } else {
        for (let i = 0; i < found.length; i++) {
          const c = found[i];
          if (c.numberFormat === numberFormat && c.text === text) return c;
        }
      }
    }
    const made: CellInput = { value, numberFormat, text };
    this.cells.add(value, found, made);
    return made;
  }

  /** The observations of one period, by value: see observationIn. */
  observationsOf(period: Period): ByValue<Observation> {
    let byValue = this.observations.get(period);
    if (!byValue) this.observations.set(period, (byValue = new ByValue()));
    return byValue;
  }

  /**
   * The observation of a period (its map from observationsOf) from a cell's contents: a repeated cell costs
   * one look-up, and the cell itself is only looked up for an observation not made before.
   */
  observationIn(byValue: ByValue<Observation>, period: Period, value: CellValue, numberFormat: string | null, text: string | null): Observation {
    if (!shareable(value) || (value !== null && !byValue.shares())) return { period, cell: { value, numberFormat, text } };
    const found = byValue.get(value);
    if (found !== undefined) {
      if (!Array.isArray(found)) {
        if (found.cell.numberFormat === numberFormat && found.cell.text === text) {
          if (value !== null) byValue.found();
          return found;
        }
      } else {
        for (let i = 0; i < found.length; i++) {
          const o = found[i];
          if (o.cell.numberFormat === numberFormat && o.cell.text === text) {
            if (value !== null) byValue.found();
            return o;
          }
        }
      }
    }
    if (value !== null) byValue.missed();
    const made: Observation = { period, cell: this.cell(value, numberFormat, text) };
    byValue.add(value, found, made);
    return made;
  }
}
