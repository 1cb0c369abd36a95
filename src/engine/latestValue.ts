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

/** Observations read once, newest first; among the same end month the measure's own frequency comes first. */
const readCache = new WeakMap<readonly Observation[], Map<Frequency, ReadObservation[]>>();

export function readObservations(obs: readonly Observation[], frequency: Frequency): ReadObservation[] {
  // A row is rated up to three times (this period, the previous one, the year to date): parse its cells once.
  let byFrequency = readCache.get(obs);
  if (!byFrequency) readCache.set(obs, (byFrequency = new Map()));
  const cached = byFrequency.get(frequency);
  if (cached) return cached;
  const result = parseObservations(obs, frequency);
  byFrequency.set(frequency, result);
  return result;
}

function parseObservations(obs: readonly Observation[], frequency: Frequency): ReadObservation[] {
  const native = NATIVE_KIND[frequency];
  return obs
    .filter((o) => o.period.kind !== 'ytd')
    .map((o) => ({ period: o.period, reading: parseValue(o.cell) }))
    .sort(
      (a, b) =>
        b.period.end - a.period.end ||
        Number(b.period.kind === native) - Number(a.period.kind === native) ||
        a.period.end - a.period.start - (b.period.end - b.period.start),
    );
}

/** The first month whose data counts as current for this frequency, and the first one a lagged value may come from. */
export function currentWindow(frequency: Frequency, reportingEnd: MonthIndex, rules: RatingRules): { due: MonthIndex; earliest: MonthIndex } {
  const fyStart = financialYearStart(reportingEnd);
  if (frequency === 'annual') return { due: fyStart, earliest: fyStart };
  const span = frequency === 'six-monthly' ? 6 : frequency === 'quarterly' || frequency === 'termly' ? 3 : 1;
  const due = reportingEnd - span + 1;
  const earliest = rules.lagFallback === 'same-year' ? Math.min(due, Math.max(fyStart, reportingEnd - 11)) : due;
  return { due, earliest };
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
  const { due, earliest } = currentWindow(frequency, reportingEnd, rules);
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
