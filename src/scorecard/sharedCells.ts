import type { CellInput, Observation, Period } from '../engine/types';
import type { CellValue } from '../workbook/grid';

/** Distinct values a sheet's map holds before it starts again: every period's and column's values share it. */
const LIMIT = 200000;
/** Formats and texts one value is shared under; past this a value's list starts again. */
const VARIANTS = 32;
/**
 * Look-ups a period's sharing is judged over, and what share of them must find their value: long enough
 * that its first look-ups, which find nothing whatever the sheet, do not decide.
 */
const WINDOW = 1024;
const FEWEST_FOUND = WINDOW / 8;
/** Values a period that found too few then makes without a look-up, before it is tried again. */
const REST = 8192;

type Shared = string | number | null;
/**
 * Per value: the one entry of that value, or the few when it comes under several formats.
 * A blank is a quarter of a scorecard's period cells: it is kept beside the map, not looked up in it.
 */
export class ByValue<T> {
  private readonly map = new Map<Shared, T | T[]>();
  private blank: T | T[] | undefined;
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
}

/** What is shared: not a Date (it could be changed in place) or a boolean (rare), nor -0 (a Map takes it for +0). */
function shareable(value: CellValue): value is Shared {
  return value === null || typeof value === 'string' || (typeof value === 'number' && !Object.is(value, -0));
}

/** A distinct cell of the sheet, and the observations made of it, by period (see PeriodShare.index). */
interface Entry {
  cell: CellInput;
  observations: (Observation | undefined)[] | undefined;
}

/** The observations of one period: where they are kept in each entry, and whether its values are worth looking up. */
export class PeriodShare {
  private looked = 0;
  private hits = 0;
  private resting = 0;
  constructor(
    readonly period: Period,
    readonly index: number,
  ) {}
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

/**
 * Cell inputs and observations shared between the rows of a sheet that hold the same thing. A measure keeps
 * its cells to the end of a run, and a large scorecard repeats most of them (blank periods, "n/a", the same
 * few formats), so one object per distinct cell, rather than one per row and column, is most of the memory
 * a 100,000-row rating would otherwise hold. Nothing changes a cell input once read. Bounded: past its
 * limit the map starts again, so a sheet of unique cells costs a few maps and nothing more.
 *
 * Keyed by value alone, the format and text compared on the one or few entries found: every cell of a
 * sheet is looked up here, and one look-up is a third of the three a map per format and text would take.
 * An entry holds the observations of its cell by period, so an observation costs the one look-up of its
 * cell, and one not made before needs no second map.
 */
export class SharedCells {
  private readonly entries = new ByValue<Entry>();
  private readonly periods = new Map<Period, PeriodShare>();

  cell(value: CellValue, numberFormat: string | null, text: string | null): CellInput {
    if (!shareable(value)) return { value, numberFormat, text };
    return this.entry(value, numberFormat, text).cell;
  }

  private entry(value: Shared, numberFormat: string | null, text: string | null): Entry {
    const found = this.entries.get(value);
    if (found !== undefined) {
      if (!Array.isArray(found)) {
        if (found.cell.numberFormat === numberFormat && found.cell.text === text) return found;
      } else {
        for (let i = 0; i < found.length; i++) {
          const e = found[i];
          if (e.cell.numberFormat === numberFormat && e.cell.text === text) return e;
        }
      }
    }
    const made: Entry = { cell: { value, numberFormat, text }, observations: undefined };
    this.entries.add(value, found, made);
    return made;
  }

  /** The observations of one period: see observationIn. */
  observationsOf(period: Period): PeriodShare {
    let share = this.periods.get(period);
    if (!share) this.periods.set(period, (share = new PeriodShare(period, this.periods.size)));
    return share;
  }

  /** The observation of a period (its share from observationsOf) from a cell's contents. */
  observationIn(share: PeriodShare, value: CellValue, numberFormat: string | null, text: string | null): Observation {
    const period = share.period;
    if (!shareable(value) || (value !== null && !share.shares())) return { period, cell: { value, numberFormat, text } };
    const entry = this.entry(value, numberFormat, text);
    const observations = (entry.observations ??= []);
    let o = observations[share.index];
    if (o !== undefined) {
      if (value !== null) share.found();
      return o;
    }
    if (value !== null) share.missed();
    o = { period, cell: entry.cell };
    observations[share.index] = o;
    return o;
  }
}
