import { financialYearStart } from './periods';
import type { Frequency } from './targets';
import type { RatingRules } from './rules';
import { parseValue } from './values';
import type { MonthIndex, Observation, Period, PeriodKind, ValueReading } from './types';

export interface ReadObservation {
  period: Period;
  reading: ValueReading;
}

export type LatestValue =
  | { found: true; period: Period; reading: ValueReading; lagged: boolean; due?: ReadObservation }
  | { found: false; reason: string; due?: ReadObservation; stale?: ReadObservation };

const NATIVE_KIND: Record<Frequency, PeriodKind> = {
  monthly: 'month',
  weekly: 'month',
  quarterly: 'quarter',
  'six-monthly': 'quarter',
  annual: 'year',
  termly: 'term',
  unknown: 'month',
};

export function isUsable(r: ValueReading): boolean {
  return r.kind === 'number' || r.kind === 'composite';
}

/**
 * The last row's observations, read: a row is rated up to three times in a row (this period, the previous
 * one, the year to date), so remembering one row's list saves making it again. A cache of every row's list
 * would keep each row's list alive to the end of the run, and garbage collection of 100,000 rows cost more
 * than it saved.
 */
let lastObservations: readonly Observation[] | null = null;
/** The last row's lists by native kind (the order depends on nothing else): fields, not a Map cleared per row. */
let lastMonth: ReadObservation[] | null = null;
let lastQuarter: ReadObservation[] | null = null;
let lastYear: ReadObservation[] | null = null;
let lastTerm: ReadObservation[] | null = null;

/** Observations read once, newest first; among the same end month the measure's own frequency comes first. */
export function readObservations(obs: readonly Observation[], frequency: Frequency): ReadObservation[] {
  if (obs !== lastObservations) {
    lastObservations = obs;
    lastMonth = lastQuarter = lastYear = lastTerm = null;
  }
  const native = NATIVE_KIND[frequency];
  let result = native === 'month' ? lastMonth : native === 'quarter' ? lastQuarter : native === 'year' ? lastYear : lastTerm;
  if (!result) {
    const order = columnOrder(obs, native);
    result = new Array<ReadObservation>(order.length);
    for (let i = 0; i < order.length; i++) {
      const o = obs[order[i]];
      result[i] = { period: o.period, reading: parseValue(o.cell) };
    }
    if (native === 'month') lastMonth = result;
    else if (native === 'quarter') lastQuarter = result;
    else if (native === 'year') lastYear = result;
    else lastTerm = result;
  }
  return result;
}

/**
 * The order of the period columns, newest first, without the year-to-date one. Every row of a header block
 * has the same periods, so it is worked out once per block and native kind, not sorted again for each row.
 */
let layout: readonly Period[] = [];
const orderByKind = new Map<PeriodKind, number[]>();

function columnOrder(obs: readonly Observation[], native: PeriodKind): number[] {
  if (!samePeriods(obs, layout)) {
    layout = obs.map((o) => o.period);
    orderByKind.clear();
  }
  let order = orderByKind.get(native);
  if (!order) {
    order = [];
    for (let i = 0; i < obs.length; i++) if (obs[i].period.kind !== 'ytd') order.push(i);
    // Array.prototype.sort is stable: ties keep the columns' order, as sorting the observations themselves did.
    order.sort((x, y) => {
      const a = obs[x].period;
      const b = obs[y].period;
      return b.end - a.end || Number(b.kind === native) - Number(a.kind === native) || a.end - a.start - (b.end - b.start);
    });
    orderByKind.set(native, order);
  }
  return order;
}

function samePeriods(obs: readonly Observation[], periods: readonly Period[]): boolean {
  if (obs.length !== periods.length) return false;
  for (let i = 0; i < obs.length; i++) if (obs[i].period !== periods[i]) return false;
  return true;
}

/** The first month whose data counts as current for this frequency, and the first one a lagged value may come from. */
export function currentWindow(frequency: Frequency, reportingEnd: MonthIndex, rules: RatingRules): { due: MonthIndex; earliest: MonthIndex } {
  const due = dueFrom(frequency, reportingEnd);
  return { due, earliest: earliestFrom(frequency, reportingEnd, rules, due) };
}

function dueFrom(frequency: Frequency, reportingEnd: MonthIndex): MonthIndex {
  if (frequency === 'annual') return financialYearStart(reportingEnd);
  const span = frequency === 'six-monthly' ? 6 : frequency === 'quarterly' || frequency === 'termly' ? 3 : 1;
  return reportingEnd - span + 1;
}

function earliestFrom(frequency: Frequency, reportingEnd: MonthIndex, rules: RatingRules, due: MonthIndex): MonthIndex {
  if (frequency === 'annual') return due;
  return rules.lagFallback === 'same-year' ? Math.min(due, Math.max(financialYearStart(reportingEnd), reportingEnd - 11)) : due;
}

/**
 * The value to rate: the newest usable value whose period ends in the current window. A value from earlier
 * in the same financial year is used when the current one is not in yet (data lag), and says so.
 */
export function latestValue(
  read: readonly ReadObservation[],
  frequency: Frequency,
  reportingEnd: MonthIndex,
  rules: RatingRules,
): LatestValue {
  // The window's two months worked out apart: an object per row for two numbers is garbage to collect.
  const due = dueFrom(frequency, reportingEnd);
  const earliest = earliestFrom(frequency, reportingEnd, rules, due);
  // Newest first: skip what lies beyond the reporting period, then the current window is a run from there.
  let first = 0;
  while (first < read.length && read[first].period.end > reportingEnd) first++;
  let usable: ReadObservation | undefined;
  let shown: ReadObservation | undefined;
  let anyDue: ReadObservation | undefined;
  let i = first;
  for (; i < read.length && read[i].period.end >= due; i++) {
    const o = read[i];
    anyDue ??= o;
    if (o.reading.kind !== 'missing') shown ??= o;
    if (!usable && isUsable(o.reading)) usable = o;
  }
  const dueCell = shown ?? anyDue;
  let pick = usable ?? shown;
  for (let j = i; !pick && j < read.length && read[j].period.end >= earliest; j++) if (isUsable(read[j].reading)) pick = read[j];
  if (pick) {
    const found: LatestValue = { found: true, period: pick.period, reading: pick.reading, lagged: pick.period.end < due };
    if (dueCell) found.due = dueCell;
    return found;
  }
  let stale: ReadObservation | undefined;
  for (let j = first; !stale && j < read.length; j++) if (isUsable(read[j].reading)) stale = read[j];
  const dueLabel = dueCell ? dueCell.period.label : 'the period';
  const reason =
    frequency === 'annual'
      ? 'Annual measure: this year’s result is not due yet'
      : dueCell && dueCell.reading.display
        ? `No figure yet for ${dueLabel} (“${dueCell.reading.display}”)`
        : `No figure yet for ${dueLabel}`;
  return { found: false, reason, ...(dueCell ? { due: dueCell } : {}), ...(stale ? { stale } : {}) };
}
