/**
 * Rates one measure: finds the figure to rate and the series it belongs to, has it judged against the
 * target or the threshold columns (judge.ts), and has the sentence written from the finding (explain.ts).
 * Where the data cannot settle a status the row needs review, with the reason; it never guesses.
 */
import { explain, explainByHand } from './explain';
import type { StatusWords } from './explain';
import { flatString } from './flatString';
import { judge, judgeThresholds } from './judge';
import { latestValue, readObservations } from './latestValue';
import type { LatestValue, ReadObservation } from './latestValue';
import type { Judged, RateContext } from './rateContext';
import { chooseSeries } from './series';
import type { SeriesChoice } from './series';
import { parseStatusText } from './statusText';
import { parseFrequency, parsePolarity, parseTarget } from './targets';
import type { Frequency } from './targets';
import { directionOfTravel } from './trend';
import type { Trend, TrendCurrent } from './trend';
import { parseValue } from './values';
import { saysRateOrSurvey, saysYearToDate } from './vocabulary';
import type { DotDetail, Measure, MonthIndex, Polarity, Rating, StatusKey, TargetReading } from './types';

export type { RateContext } from './rateContext';

export { benchmarkInNotes } from './resolveTarget';

export interface RateOptions {
  /** Rate the year-to-date column instead of the latest period (the "RAG (Year End)" of monthly scorecards). */
  yearToDate?: boolean;
  /** Leave the explanation empty: for a rating only its status is read of (last period's, for red flags). */
  withoutWords?: boolean;
}

/** Rates one measure: status, direction of travel and a sentence that says why. Never throws. */
export function rateMeasure(m: Measure, ctx: RateContext, options: RateOptions = {}): Rating {
  const { frequency, target, polarity, hints } = measureFacts(m);
  const read = upTo(readObservations(m.observations, frequency), ctx.reportingEnd);
  const rules = ctx.dotBasis ? { ...ctx.rules, dotBasis: ctx.dotBasis } : ctx.rules;
  const latest = options.yearToDate ? yearToDateValue(m) : latestValue(read, frequency, ctx.reportingEnd, ctx.rules);
  const choice = latest.found ? seriesOf(hints, read, latest, target, options) : undefined;
  const trend: Trend = options.yearToDate
    ? { dot: 'not-applicable', none: 'year-to-date-not-rated' }
    : directionOfTravel(read, trendCurrent(choice, latest), polarity, rules);

  const override = readOverride(m, ctx);
  const judged: Judged = override
    ? { finding: { kind: 'override', entry: override.entry, reason: override.reason }, status: override.status }
    : m.thresholds && hasThresholds(m)
      ? judgeThresholds(m, polarity, latest, choice, ctx)
      : judge(m, target, polarity, frequency, read, latest, choice, trend, ctx);
  return assemble(judged, trend, choice, polarity, ctx, override ? { override: override.reason } : {}, !options.withoutWords);
}

/** The observations up to a month: they are newest first, so a tail of the list, and the list itself mostly. */
function upTo(all: readonly ReadObservation[], end: MonthIndex): readonly ReadObservation[] {
  let i = 0;
  while (i < all.length && all[i].period.end > end) i++;
  return i === 0 ? all : all.slice(i);
}

interface MeasureFacts {
  frequency: Frequency;
  target: TargetReading;
  polarity: Polarity | null;
  hints: { saysYearToDate: boolean; rateLike: boolean };
}

/**
 * What a row says of itself whatever the period. A row is rated up to three times in a row (this period, the
 * previous one, the year to date), so the last row's facts are remembered; a cache keyed by every row would
 * cost more in garbage collection on a large sheet than it saves.
 */
let last: { m: Measure; target: Measure['target']; polarity: Measure['polarity']; frequency: Measure['frequency']; notes?: string; name: string; facts: MeasureFacts } | null = null;

function measureFacts(m: Measure): MeasureFacts {
  // The cells the facts are read from are compared too: a caller may change a measure between two ratings.
  const l = last;
  if (l && l.m === m && l.target === m.target && l.polarity === m.polarity && l.frequency === m.frequency && l.notes === m.notes && l.name === m.name) return l.facts;
  const facts = readMeasureFacts(m);
  last = { m, target: m.target, polarity: m.polarity, frequency: m.frequency, notes: m.notes, name: m.name, facts };
  return facts;
}

function readMeasureFacts(m: Measure): MeasureFacts {
  let target = parseTarget(m.target);
  if (/^\s*baseline\b/i.test(m.notes ?? '') && target.kind !== 'none') {
    target = { kind: 'none', display: target.display, reason: 'the data notes call this a baseline year' };
  }
  return {
    frequency: parseFrequency(m.frequency),
    target,
    polarity: effectivePolarity(parsePolarity(m.polarity), target),
    hints: {
      saysYearToDate: saysYearToDate(target.display) || saysYearToDate(m.notes ?? '') || saysYearToDate(m.name),
      rateLike: (target.kind === 'number' && target.percent) || saysRateOrSurvey(m.name),
    },
  };
}

function seriesOf(hints: MeasureFacts['hints'], read: readonly ReadObservation[], latest: Extract<LatestValue, { found: true }>, target: TargetReading, options: RateOptions): SeriesChoice {
  const lagged = latest.lagged ? { due: latest.due?.period.label ?? 'the current period', dueShown: latest.due?.reading.display ?? '' } : undefined;
  if (options.yearToDate) return { source: { period: latest.period, display: latest.reading.display, series: 'year-to-date' }, reading: latest.reading };
  const valuePercent = latest.reading.kind === 'number' && latest.reading.percent;
  return chooseSeries(read, { period: latest.period, reading: latest.reading, ...(lagged ? { lagged } : {}) }, target, valuePercent ? { ...hints, rateLike: true } : hints);
}

/** The value the direction of travel starts from: the one rated, or the last one in when none is due yet. */
function trendCurrent(choice: SeriesChoice | undefined, latest: LatestValue): TrendCurrent | undefined {
  if (choice) {
    const n = choice.reading.kind === 'number' ? choice.reading : null;
    if (!n) return undefined;
    return { period: choice.source.period, reading: n, series: choice.source.series, ...(choice.yearStart !== undefined ? { yearStart: choice.yearStart } : {}) };
  }
  if (!latest.found && latest.stale && latest.stale.reading.kind === 'number') {
    return { period: latest.stale.period, reading: latest.stale.reading, series: 'in-period' };
  }
  return undefined;
}

function assemble(
  j: Judged,
  trend: Trend,
  choice: SeriesChoice | undefined,
  polarity: Polarity | null,
  ctx: RateContext,
  extra: { override?: string },
  words: boolean,
): Rating {
  // Built by assignment, not by spreading optional parts: this runs once per row of a 100,000-row sheet.
  const explanation = words ? flatString(explain(j.finding, j.status, trend, ctx.statusWords)) : '';
  const rating: Rating = { status: j.status, finding: j.finding, dot: trend.dot, explanation, trend };
  const detail = dotDetail(trend.dot, j.status, polarity);
  if (detail) rating.dotDetail = detail;
  if (choice) {
    rating.period = choice.source.period;
    rating.value = choice.reading;
  }
  if (j.finding.kind === 'compared') rating.comparedTarget = j.finding.comparison.target.value;
  if (j.finding.kind === 'review') rating.needsReview = j.finding.reason;
  if (extra.override) rating.override = extra.override;
  return rating;
}

/**
 * A status cell holding a person's own entry ("● agreed at DMT") is the status used: the summary, the red
 * flags and the pane count it, and the sentence says it was set by hand, with what the rules would give.
 */
export function withPersonsEntry(rating: Rating, entry: string, status: StatusKey, polarity: Polarity | null, words?: StatusWords, byFormula = false): Rating {
  const { needsReview: _dropped, dotDetail: _old, ...rest } = rating;
  const detail = dotDetail(rating.dot, status, polarity);
  return {
    ...rest,
    status,
    ...(detail ? { dotDetail: detail } : {}),
    setByHand: { entry, rulesStatus: rating.status, ...(byFormula ? { byFormula } : {}) },
    explanation: flatString(explainByHand(entry, status, rating.status, rating.explanation, words, byFormula)),
  };
}

function hasThresholds(m: Measure): boolean {
  const t = m.thresholds;
  if (!t) return false;
  return [t.red, t.amber, t.green].some((c) => c.value !== null && c.value !== undefined && String(c.value).trim() !== '');
}

/** The year-to-date column's value, for the year-end RAG. */
function yearToDateValue(m: Measure): LatestValue {
  const ytd = m.observations.find((o) => o.period.kind === 'ytd');
  if (!ytd) return { found: false, reason: 'There is no year-to-date column' };
  const reading = parseValue(ytd.cell);
  if (reading.kind === 'missing') return { found: false, reason: 'There is no year-to-date figure' };
  return { found: true, period: ytd.period, reading, lagged: false };
}


/**
 * The dotDetail of monthly RAG scorecards: a fall or no movement is "within limits" when the measure is on
 * target or satisfactory, "not on target" when it is off target, and undefined when it has no rating at all.
 */
export function dotDetail(dot: Rating['dot'], status: StatusKey, polarity: Polarity | null): DotDetail | undefined {
  const within = status === 'on-target' || status === 'satisfactory';
  const rated = within || status === 'off-target';
  switch (dot) {
    case 'improved':
    case 'increase':
    case 'decrease':
      return dot;
    case 'worse':
      return rated ? (within ? 'declined-within-limits' : 'declined-off-target') : undefined;
    case 'stable':
      if (polarity !== 'high' && polarity !== 'low') return 'stable';
      return rated ? (within ? 'no-movement-within-limits' : 'no-movement-off-target') : undefined;
    default:
      return undefined;
  }
}

function effectivePolarity(cell: Polarity | null, target: TargetReading): Polarity | null {
  if (cell === 'high' || cell === 'low') return cell;
  if (target.kind === 'number') {
    if (target.comparator) return target.comparator.startsWith('>') ? 'high' : 'low';
    if (target.impliedPolarity) return target.impliedPolarity;
  }
  if (target.kind === 'relative') return target.change < 0 ? 'low' : 'high';
  if (target.kind === 'benchmark' && target.comparator) return target.comparator.startsWith('>') ? 'high' : 'low';
  return cell;
}

function readOverride(m: Measure, ctx: RateContext): { status: StatusKey; entry: string; reason: string } | null {
  const raw = m.override?.value;
  if (typeof raw !== 'string' || !raw.trim()) return null;
  const status = parseStatusText(raw, ctx.key);
  if (!status || status === 'needs-review') return null;
  const reason = raw.replace(/^[^-:–(]*[-:–(]?\s*/, '').replace(/\)\s*$/, '').trim() || 'set by hand';
  return { status, entry: raw.trim(), reason };
}
