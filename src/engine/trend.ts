import { roundTo } from './numbers';
import type { ReadObservation } from './latestValue';
import type { RatingRules } from './rules';
import { DOT_BASES } from './ruleTable';
import type { DotBasis } from './ruleTable';
import { looksCumulative } from './cumulative';
import { sameFigure, sumOfPeriods } from './series';
import type { DotKey, NumberReading, Period, Polarity, SeriesKind, TrendFinding } from './types';

export type Trend = TrendFinding;

/** The value a rating rated, as the direction of travel needs it. */
export interface TrendCurrent {
  period: Period;
  reading: NumberReading;
  series: SeriesKind;
  /** summed: where the year's sum starts (the financial or academic year). */
  yearStart?: number;
}

const BASES: readonly DotBasis[] = DOT_BASES;
/** For each first choice, the bases in the order they are tried. */
const ORDERS = Object.fromEntries(BASES.map((first) => [first, [first, ...BASES.filter((b) => b !== first)]])) as Record<RatingRules['dotBasis'], RatingRules['dotBasis'][]>;

function numeric(o: ReadObservation): NumberReading | null {
  return o.reading.kind === 'number' ? o.reading : null;
}


function counterpart(read: readonly ReadObservation[], current: Period, basis: RatingRules['dotBasis']): ReadObservation | undefined {
  const span = current.end - current.start;
  if (basis === 'same-period-last-year' || basis === 'previous-period') {
    const end = basis === 'same-period-last-year' ? current.end - 12 : current.start - 1;
    for (let i = 0; i < read.length; i++) {
      const o = read[i];
      const p = o.period;
      if (p.kind === current.kind && p.end === end && p.end - p.start === span && o.reading.kind === 'number') return o;
    }
    return undefined;
  }
  return yearBefore(read, current.start) ?? (current.kind === 'year' ? yearBefore(read, current.end) : undefined);
}

/** The first year column with a figure that ends before a month. */
function yearBefore(read: readonly ReadObservation[], month: number): ReadObservation | undefined {
  for (let i = 0; i < read.length; i++) {
    const o = read[i];
    if (o.period.kind === 'year' && o.period.end < month && o.reading.kind === 'number') return o;
  }
  return undefined;
}

/**
 * The columns that hold the same series as the rated value: those ending with it that show the same figure
 * (a monthly measure's Sep-17 and its Q2 column, both 345.8). A column ending then with another figure is
 * another series (the in-month 1 beside the year-to-date "12 (Cumulative)") and is never compared with.
 * Usually that is the rated column alone, or it and one more: the list is made only when asked for.
 */
function sameSeries(read: readonly ReadObservation[], current: TrendCurrent): ReadObservation[] {
  const out: ReadObservation[] = [];
  let own = false;
  for (let i = 0; i < read.length; i++) {
    const o = read[i];
    if (o.period.end !== current.period.end) continue;
    const n = numeric(o);
    if (n && sameFigure(n, current.reading)) {
      out.push(o);
      if (o.period.kind === current.period.kind && o.period.start === current.period.start) own = true;
    }
  }
  if (!own) out.unshift({ period: current.period, reading: { kind: 'number', display: '', ...current.reading } });
  return out;
}

/** A year-to-date figure compares only with the year to date a year earlier, stated or added up the same way. */
function yearToDateComparison(read: readonly ReadObservation[], current: TrendCurrent): { current: Period; period: Period; reading: NumberReading } | null {
  if (current.series === 'summed' && current.yearStart !== undefined) {
    const earlier = sumOfPeriods(read, current.yearStart - 12, current.period.end - 12);
    return earlier ? { current: current.period, period: earlier.period, reading: earlier.reading } : null;
  }
  for (const c of sameSeries(read, current)) {
    const o = counterpart(read, c.period, 'same-period-last-year');
    if (!o) continue;
    const n = numeric(o) as NumberReading & { cumulative?: boolean };
    if (n.percent !== current.reading.percent) continue;
    // The rise-and-reset evidence is the quarters' (cumulative.ts).
    if (n.cumulative || (c.period.kind === 'quarter' && looksCumulative(read))) return { current: c.period, period: o.period, reading: n };
  }
  return null;
}

/**
 * Direction of travel: the rated value against the comparison value of the same series (same period last
 * year by default, then the previous period, then the previous year end). Equal at the displayed precision,
 * or within the stability band, is stable. Without polarity it is an increase or decrease. A year-to-date
 * figure compares only with the year to date a year earlier.
 */
export function directionOfTravel(
  read: readonly ReadObservation[],
  current: TrendCurrent | number | undefined,
  polarity: Polarity | null,
  rules: RatingRules,
): Trend {
  const cur = typeof current === 'number' ? currentAt(read, current) : current;
  if (!cur) return { dot: 'not-applicable', none: typeof current === 'number' ? 'no-number' : 'no-value' };
  if (polarity === 'range') return { dot: 'not-applicable', none: 'within-limits' };
  if (cur.series !== 'in-period') {
    const comp = yearToDateComparison(read, cur);
    if (!comp) return { dot: 'not-applicable', none: 'no-earlier-year-to-date' };
    return compare(comp.current, cur.reading, comp.period, comp.reading, 'same-period-last-year', polarity, rules);
  }
  // The columns of sameSeries, walked in its order without making the list: this runs for every row.
  const own = holdsOwnColumn(read, cur);
  const bases = ORDERS[rules.dotBasis];
  for (let k = 0; k < bases.length; k++) {
    const basis = bases[k];
    if (!own) {
      const t = compareWith(read, cur.period, cur.reading, basis, polarity, rules);
      if (t) return t;
    }
    for (let i = 0; i < read.length; i++) {
      const o = read[i];
      if (o.period.end !== cur.period.end) continue;
      const n = numeric(o);
      if (!n || !sameFigure(n, cur.reading)) continue;
      const t = compareWith(read, o.period, cur.reading, basis, polarity, rules);
      if (t) return t;
    }
  }
  return { dot: 'not-applicable', none: 'no-earlier' };
}

/** Whether sameSeries finds the rated column itself among the columns, rather than adding it. */
function holdsOwnColumn(read: readonly ReadObservation[], current: TrendCurrent): boolean {
  for (let i = 0; i < read.length; i++) {
    const o = read[i];
    if (o.period.end !== current.period.end || o.period.kind !== current.period.kind || o.period.start !== current.period.start) continue;
    const n = numeric(o);
    if (n && sameFigure(n, current.reading)) return true;
  }
  return false;
}

/** The direction against a column's counterpart on one basis, or null when it has none of the same scale. */
function compareWith(read: readonly ReadObservation[], period: Period, reading: NumberReading, basis: RatingRules['dotBasis'], polarity: Polarity | null, rules: RatingRules): Trend | null {
  const comp = counterpart(read, period, basis);
  if (!comp) return null;
  const b = numeric(comp) as NumberReading;
  if (reading.percent !== b.percent) return null;
  return compare(period, reading, comp.period, b, basis, polarity, rules);
}

/** The first numeric column ending in a month, for callers that know only when the rated period ends. */
function currentAt(read: readonly ReadObservation[], end: number): TrendCurrent | undefined {
  const o = read.find((x) => x.period.end === end && numeric(x));
  return o ? { period: o.period, reading: numeric(o) as NumberReading, series: 'in-period' } : undefined;
}

function compare(
  period: Period,
  a: NumberReading,
  compPeriod: Period,
  b: NumberReading,
  basis: RatingRules['dotBasis'],
  polarity: Polarity | null,
  rules: RatingRules,
): Trend {
  const decimals = Math.max(a.decimals, b.decimals);
  const equal = roundTo(a.value, decimals) === roundTo(b.value, decimals);
  const withinBand = rules.stabilityBand > 0 && Math.abs(a.value - b.value) <= rules.stabilityBand * Math.abs(b.value);
  const up = a.value > b.value;
  let dot: DotKey;
  if (equal || withinBand) dot = 'stable';
  else if (polarity === 'high') dot = up ? 'improved' : 'worse';
  else if (polarity === 'low') dot = up ? 'worse' : 'improved';
  else dot = up ? 'increase' : 'decrease';
  return { dot, current: { period, reading: a }, comparison: { period: compPeriod, reading: b, basis } };
}
