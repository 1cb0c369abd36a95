import { formatReading, roundTo } from './numbers';
import type { ReadObservation } from './latestValue';
import type { RatingRules } from './rules';
import type { DotKey, NumberReading, Period, Polarity } from './types';

export interface Trend {
  dot: DotKey;
  /** The pair compared, when there was one. */
  current?: { period: Period; reading: NumberReading };
  comparison?: { period: Period; reading: NumberReading; basis: RatingRules['dotBasis'] };
  explanation: string;
}

const BASES: RatingRules['dotBasis'][] = ['same-period-last-year', 'previous-period', 'previous-year-end'];

const BASIS_WORDS: Record<RatingRules['dotBasis'], string> = {
  'same-period-last-year': 'same period last year',
  'previous-period': 'previous period',
  'previous-year-end': 'previous year end',
};

function numeric(o: ReadObservation): NumberReading | null {
  return o.reading.kind === 'number' ? o.reading : null;
}

function counterpart(read: readonly ReadObservation[], current: Period, basis: RatingRules['dotBasis']): ReadObservation | undefined {
  const span = current.end - current.start;
  if (basis === 'same-period-last-year') {
    return read.find((o) => o.period.kind === current.kind && o.period.end === current.end - 12 && o.period.end - o.period.start === span && numeric(o));
  }
  if (basis === 'previous-period') {
    return read.find((o) => o.period.kind === current.kind && o.period.end === current.start - 1 && o.period.end - o.period.start === span && numeric(o));
  }
  return read.find((o) => o.period.kind === 'year' && o.period.end < current.start && numeric(o))
    ?? (current.kind === 'year' ? read.find((o) => o.period.kind === 'year' && o.period.end < current.end && numeric(o)) : undefined);
}

/**
 * Direction of travel: the latest value against the comparison value (same period last year by default, then
 * the previous period, then the previous year end). Equal at the displayed precision, or within the stability
 * band, is stable. Without polarity it is an increase or decrease.
 */
export function directionOfTravel(
  read: readonly ReadObservation[],
  latestEnd: number | undefined,
  polarity: Polarity | null,
  rules: RatingRules,
): Trend {
  if (latestEnd === undefined) return { dot: 'not-applicable', explanation: 'no value to compare' };
  if (polarity === 'range') return { dot: 'not-applicable', explanation: 'not applicable to a within-limits measure' };
  const currents = read.filter((o) => o.period.end === latestEnd && numeric(o));
  if (!currents.length) return { dot: 'not-applicable', explanation: 'no numeric value to compare' };
  const order = [rules.dotBasis, ...BASES.filter((b) => b !== rules.dotBasis)];
  for (const basis of order) {
    for (const cur of currents) {
      const comp = counterpart(read, cur.period, basis);
      if (!comp) continue;
      const a = numeric(cur) as NumberReading;
      const b = numeric(comp) as NumberReading;
      if (a.percent !== b.percent) continue;
      return compare(cur.period, a, comp.period, b, basis, polarity, rules);
    }
  }
  return { dot: 'not-applicable', explanation: 'no earlier value to compare with' };
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
  const words: Record<DotKey, string> = {
    improved: 'improved',
    worse: 'worse',
    stable: 'stable',
    increase: 'up',
    decrease: 'down',
    'not-applicable': 'not applicable',
  };
  return {
    dot,
    current: { period, reading: a },
    comparison: { period: compPeriod, reading: b, basis },
    explanation: `${words[dot]} on ${BASIS_WORDS[basis]} (${compPeriod.label}: ${formatReading(b)})`,
  };
}
