/**
 * Which figures a measure is rated on. A row can hold two series side by side: in-period figures (the month's
 * own count) and year-to-date ones ("12 (Cumulative)" in the quarter column). The value rated, the direction
 * of travel and the red flag's previous period must all come from one of them.
 */
import { looksCumulative } from './cumulative';
import type { ReadObservation } from './latestValue';
import { formatReading, roundTo } from './numbers';
import { academicYearStart, financialYearStart } from './periods';
import type { MonthIndex, NumberReading, Period, SeriesKind, TargetReading, ValueReading, ValueSource } from './types';

export interface SeriesChoice {
  source: ValueSource;
  reading: ValueReading;
  /** Compare with the annual target spread over the months of the year so far. */
  profile?: { yearStart: MonthIndex; academic: boolean };
  /** Where the year starts, for a sum or a profile. */
  yearStart?: MonthIndex;
}

/** What the words around a measure say about its figures. */
export interface SeriesHints {
  /** The target, notes or measure name say the figures are year to date. */
  saysYearToDate: boolean;
  /** A rate, a percentage or a survey result: never spread over the year unless the words say year to date. */
  rateLike: boolean;
}

function numberOf(r: ValueReading): (NumberReading & { cumulative?: boolean }) | null {
  return r.kind === 'number' ? r : null;
}

/** The same figure at the precision both show (345.8 and 345.80). */
export function sameFigure(a: NumberReading, b: NumberReading): boolean {
  const d = Math.max(a.decimals, b.decimals);
  return a.percent === b.percent && roundTo(a.value, d) === roundTo(b.value, d);
}

/**
 * Whether the rated column's series rises through each year and resets. The evidence is the quarter columns
 * (cumulative.ts), so it counts for the rated figure when it is a quarter's or shows the same figure as the
 * quarter ending with it (Sep-17 and Q2 both 54.0%).
 */
function seriesLooksCumulative(read: readonly ReadObservation[], picked: { period: Period; reading: ValueReading }): boolean {
  const n = numberOf(picked.reading);
  if (!n) return false;
  if (picked.period.kind !== 'quarter') {
    let quarter: ReadObservation | undefined;
    for (let i = 0; i < read.length; i++) {
      const o = read[i];
      if (o.period.kind === 'quarter' && o.period.end === picked.period.end) {
        quarter = o;
        break;
      }
    }
    const q = quarter ? numberOf(quarter.reading) : null;
    if (!q || !sameFigure(q, n)) return false;
  }
  return looksCumulative(read);
}

/**
 * Adds up in-period figures from `from` to `to`, taking at each step back the longest column that ends there
 * and starts inside the range (Q1 then Jul, Aug, Sep). Null when a month is not covered or a figure is not a
 * plain number: a sum with a hole in it would understate the year.
 */
export function sumOfPeriods(read: readonly ReadObservation[], from: MonthIndex, to: MonthIndex): { period: Period; reading: NumberReading; parts: Period[] } | null {
  let cursor = to;
  let total = 0;
  let decimals = 0;
  let percent: boolean | null = null;
  const parts: Period[] = [];
  while (cursor >= from) {
    let best: { period: Period; n: NumberReading } | undefined;
    for (const o of read) {
      if (o.period.end !== cursor || o.period.start < from || o.period.kind === 'ytd') continue;
      const n = numberOf(o.reading);
      if (!n || n.cumulative) continue;
      if (!best || o.period.end - o.period.start > best.period.end - best.period.start) best = { period: o.period, n };
    }
    if (!best) return null;
    if (percent !== null && percent !== best.n.percent) return null;
    percent = best.n.percent;
    total += best.n.value;
    decimals = Math.max(decimals, best.n.decimals);
    parts.unshift(best.period);
    cursor = best.period.start - 1;
  }
  if (!parts.length) return null;
  const label = parts.length === 1 ? parts[0].label : `${parts[0].label} to ${parts[parts.length - 1].label}`;
  return { period: { kind: 'ytd', start: from, end: to, label }, reading: { value: roundTo(total, decimals), percent: Boolean(percent), decimals }, parts };
}

/**
 * An annual measure whose in-year columns only repeat last year's result: the new result is not in yet
 * ("23%" in every quarter after a 2016/17 outturn of 23%). Returns that year end, or null.
 */
export function repeatsLastYearEnd(read: readonly ReadObservation[], picked: { period: Period; reading: ValueReading }): ReadObservation | null {
  if (picked.period.kind === 'year') return null;
  const n = numberOf(picked.reading);
  if (!n) return null;
  const fyStart = financialYearStart(picked.period.end);
  const last = read.find((o) => o.period.kind === 'year' && o.period.end < fyStart && numberOf(o.reading));
  const m = last ? numberOf(last.reading) : null;
  return last && m && sameFigure(m, n) ? last : null;
}

/**
 * Chooses the series to rate: the year to date the sheet states when the target is for the year, a series
 * that is year to date by its figures or its words, a sum of in-period figures against an annual total, or
 * the period's own figure.
 */
export function chooseSeries(
  read: readonly ReadObservation[],
  picked: { period: Period; reading: ValueReading; lagged?: ValueSource['lagged'] },
  target: TargetReading,
  hints: SeriesHints,
): SeriesChoice {
  if (picked.period.kind === 'year' || picked.period.kind === 'ytd') return inPeriodChoice(picked);
  // Without a figure to compare (no target, a target still to be set) nothing depends on the series.
  if (target.kind !== 'number' && target.kind !== 'relative' && target.kind !== 'benchmark' && target.kind !== 'composite') return inPeriodChoice(picked);
  const academic = target.kind === 'number' && Boolean(target.academicYear);
  const yearStart = academic ? academicYearStart(picked.period.end) : financialYearStart(picked.period.end);
  const annual = target.kind === 'number' && Boolean(target.annualTotal);

  const pickedNumber = numberOf(picked.reading);
  let stated: { period: Period; reading: ValueReading } | undefined;
  if (pickedNumber?.cumulative) stated = picked;
  else {
    for (let i = 0; i < read.length; i++) {
      const o = read[i];
      if (o.period.end === picked.period.end && o.reading.kind === 'number' && o.reading.cumulative) {
        stated = o;
        break;
      }
    }
  }
  if (stated && (annual || pickedNumber?.cumulative || hints.saysYearToDate)) {
    return yearToDateChoice(picked, stated.period, stated.reading, 'year-to-date', yearStart, academic, true);
  }
  // A rate or percentage called "cumulative" is usually a rate over the year so far (complaints closed in
  // time), which does not grow through the year: only figures that also rise and reset like a running total
  // (council tax collected) are spread over the year, and only when the words say year to date.
  const risesAndResets = seriesLooksCumulative(read, picked);
  const rateLike = hints.rateLike;
  if (rateLike ? risesAndResets : risesAndResets || hints.saysYearToDate) {
    return yearToDateChoice(picked, picked.period, picked.reading, 'year-to-date', yearStart, academic, !rateLike || hints.saysYearToDate);
  }
  if (annual && !rateLike && pickedNumber) {
    if (picked.period.start <= yearStart) return yearToDateChoice(picked, picked.period, picked.reading, 'year-to-date', yearStart, academic, true);
    const sum = sumOfPeriods(read, yearStart, picked.period.end);
    if (sum) {
      const reading: ValueReading = { kind: 'number', display: formatReading(sum.reading), ...sum.reading };
      return yearToDateChoice(picked, picked.period, reading, 'summed', yearStart, academic, true, sum.period.label);
    }
  }
  return inPeriodChoice(picked);
}

function inPeriodChoice(picked: { period: Period; reading: ValueReading; lagged?: ValueSource['lagged'] }): SeriesChoice {
  const source: ValueSource = { period: picked.period, display: picked.reading.display, series: 'in-period' };
  if (picked.lagged) source.lagged = picked.lagged;
  return { source, reading: picked.reading };
}

/** A year-to-date choice, its keys in the order the results have always had them. */
function yearToDateChoice(
  picked: { lagged?: ValueSource['lagged'] },
  period: Period,
  reading: ValueReading,
  series: SeriesKind,
  yearStart: MonthIndex,
  academic: boolean,
  profile: boolean,
  summedFrom?: string,
): SeriesChoice {
  const source: ValueSource = { period, display: reading.display, series };
  if (picked.lagged) source.lagged = picked.lagged;
  if (summedFrom !== undefined) source.summedFrom = summedFrom;
  const choice: SeriesChoice = { source, reading, yearStart };
  if (profile) choice.profile = { yearStart, academic };
  return choice;
}
