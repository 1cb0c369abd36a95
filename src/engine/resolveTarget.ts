/**
 * The number a value is compared with: the target as written, a relative target worked out from last year's
 * outturn, a benchmark quoted in the data notes, or an annual target spread over the months so far.
 */
import type { ReadObservation } from './latestValue';
import { numbersIn } from './numbers';
import { financialYearStart } from './periods';
import type { RatingRules } from './rules';
import type { ComparedTarget, MonthIndex, NumberReading, Period, TargetReading } from './types';

export type Resolved = ComparedTarget | { review: string };

const NOTE_BENCHMARK_RE =
  /(national average|england average|regional average|top quartile(?: range)?|upper quartile|statistical neighbours?(?: average)?|met(?:ropolitan)? average)\b[^.%\d]{0,30}?(\d+(?:\.\d+)?\s*%?)(\s*(?:-|–|to)\s*(\d+(?:\.\d+)?\s*%?))?/i;

/** A comparator quoted in the data notes: "national average of 93.4%", "Top Quartile range of 7.65% - 11.8%". */
export function benchmarkInNotes(notes: string): { name: string; reading: NumberReading & { high?: number } } | null {
  const m = NOTE_BENCHMARK_RE.exec(notes);
  if (!m) return null;
  const low = numbersIn(m[2])[0];
  if (!low) return null;
  const reading: NumberReading & { high?: number } = { value: low.value, percent: low.percent, decimals: low.decimals };
  if (m[4]) {
    const high = numbersIn(m[4])[0];
    if (high) reading.high = high.value;
  }
  return { name: m[1].toLowerCase(), reading };
}

/** The target to compare with, before any profile. Composite targets resolve to their first part here. */
export function resolveTarget(
  target: TargetReading,
  notes: string,
  read: readonly ReadObservation[],
  period: Period,
  rules: RatingRules,
): Resolved {
  switch (target.kind) {
    case 'number': {
      const t: ComparedTarget = { value: target.value, percent: target.percent, decimals: target.decimals, written: target.display, how: 'as-written' };
      if (target.unit) t.unit = target.unit;
      if (target.comparator) t.comparator = target.comparator;
      return t;
    }
    case 'relative': {
      const fyStart = financialYearStart(period.end);
      const base = read.find((o) => o.period.kind === 'year' && o.period.end < fyStart && o.reading.kind === 'number');
      if (!base || base.reading.kind !== 'number') return { review: 'the target is a change on last year, and the sheet has no previous year-end figure to work it out from' };
      const b = base.reading;
      return {
        value: b.value * (1 + target.change),
        percent: b.percent,
        decimals: Math.max(b.decimals, 1),
        ...(b.unit ? { unit: b.unit } : {}),
        written: target.display,
        how: 'relative',
        change: target.change,
        base: { period: base.period.label, value: { value: b.value, percent: b.percent, decimals: b.decimals, ...(b.unit ? { unit: b.unit } : {}) } },
      };
    }
    case 'benchmark': {
      const found = rules.benchmarkFromNotes ? benchmarkInNotes(notes) : null;
      if (!found) return { review: `the target is the ${target.benchmark}, which the sheet does not give` };
      const { high, ...reading } = found.reading;
      return {
        ...reading,
        ...(high !== undefined ? { high } : {}),
        ...(target.comparator ? { comparator: target.comparator } : {}),
        written: target.display,
        how: 'benchmark',
        benchmark: found.name,
      };
    }
    default:
      return { review: 'the target could not be read as a number' };
  }
}

/** The annual target spread evenly over the months of the year so far. */
export function profileTarget(t: ComparedTarget, periodEnd: MonthIndex, yearStart: MonthIndex, academic: boolean): ComparedTarget | null {
  const months = periodEnd - yearStart + 1;
  if (months >= 12 || months <= 0) return null;
  const { value, percent, decimals, unit } = t;
  return {
    ...t,
    value: (t.value * months) / 12,
    decimals: Math.max(t.decimals, 1),
    how: 'profiled',
    annual: { value, percent, decimals, ...(unit ? { unit } : {}) },
    months,
    academic,
  };
}
