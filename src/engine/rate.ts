/**
 * Rates one measure: finds the figure to rate and the series it belongs to, judges it against the target
 * (or the threshold columns) by the rules, and writes the sentence from the facts. Where the data cannot
 * settle a status the row needs review, with the reason; it never guesses.
 */
import { compareWithTarget, sameScale } from './compare';
import { explain, explainByHand } from './explain';
import { flatString } from './flatString';
import type { StatusWords } from './explain';
import { latestValue, readObservations } from './latestValue';
import type { LatestValue, ReadObservation } from './latestValue';
import { formatReading } from './numbers';
import { profileTarget, resolveTarget } from './resolveTarget';
import type { RatingRules } from './rules';
import { chooseSeries, repeatsLastYearEnd } from './series';
import type { SeriesChoice } from './series';
import { parseStatusText } from './statusText';
import { parseFrequency, parsePolarity, parseTarget } from './targets';
import type { Frequency } from './targets';
import { parseThresholds, rateAgainstThresholds } from './thresholds';
import { parseTolerance } from './tolerance';
import { directionOfTravel } from './trend';
import type { Trend, TrendCurrent } from './trend';
import { parseValue } from './values';
import { saysRateOrSurvey, saysYearToDate } from './vocabulary';
import type {
  Comparison,
  ComparedTarget,
  DotDetail,
  Finding,
  Measure,
  MonthIndex,
  NumberReading,
  Polarity,
  Rating,
  StatusKey,
  TargetReading,
  ValueReading,
  ValueSource,
} from './types';

export { benchmarkInNotes } from './resolveTarget';

export interface RateContext {
  /** Last month of the reporting period: the newest period column of the sheet. */
  reportingEnd: MonthIndex;
  rules: RatingRules;
  /** The sheet's own status key, to read the current status cell. */
  key?: Partial<Record<StatusKey, string>>;
  /** What the direction of travel compares with, when the sheet's DOT header says so ("Month on Month"). */
  dotBasis?: RatingRules['dotBasis'];
  /** The words explanations use for statuses (Green, Amber, Red on a RAG sheet). */
  statusWords?: StatusWords;
}

export interface RateOptions {
  /** Rate the year-to-date column instead of the latest period (the "RAG (Year End)" of monthly scorecards). */
  yearToDate?: boolean;
  /** Leave the explanation empty: for a rating only its status is read of (last period's, for red flags). */
  withoutWords?: boolean;
}

interface Judged {
  finding: Finding;
  status: StatusKey;
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

/** Rates against Red / Amber / Green threshold columns: they are the measure's own tolerance. */
function judgeThresholds(m: Measure, polarity: Polarity | null, latest: LatestValue, choice: SeriesChoice | undefined, ctx: RateContext): Judged {
  const t = m.thresholds as NonNullable<Measure['thresholds']>;
  const th = parseThresholds(t.red, t.amber, t.green);
  if (th.kind === 'none') return { finding: { kind: 'no-target', reason: 'the thresholds give none', written: th.display }, status: 'not-applicable' };
  if (th.kind === 'pending') return { finding: { kind: 'pending-target', written: th.display, thresholds: true }, status: 'under-development' };
  if (!latest.found || !choice) return { finding: { kind: 'no-value', reason: noValueReason(latest) }, status: 'not-available' };
  const source = choice.source;
  const reading = choice.reading;
  const value = reading.kind === 'number' ? reading : reading.kind === 'composite' ? reading.parts[0].reading : null;
  if (!value) return review(m, ctx, valueNotNumber(reading), source);
  const verdict = rateAgainstThresholds(value, th, polarity);
  if (!verdict) {
    const why = th.kind === 'range' ? `the figure is below the range, which the tolerances do not cover (${th.display})` : `the thresholds do not say which way is good (${th.display})`;
    return review(m, ctx, why, source);
  }
  return { finding: { kind: 'thresholds', source, text: verdict.text, status: verdict.status }, status: verdict.status };
}

function noValueReason(latest: LatestValue): string {
  if (latest.found) return '';
  return latest.reason.charAt(0).toUpperCase() + latest.reason.slice(1);
}

function valueNotNumber(reading: ValueReading): string {
  if (reading.kind === 'date') return `the figure is a date (${reading.display}), not a number to compare with the target`;
  return `the figure “${reading.display}” is not a number the rules can compare`;
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

/**
 * A row the rules cannot settle. It keeps the status the sheet already shows, if any, until someone reviews
 * it; otherwise its status is "needs review". Either way it is listed with the reason.
 */
function review(m: Measure, ctx: RateContext, reason: string, source?: ValueSource): Judged {
  const raw = m.currentStatus.value;
  const shown = typeof raw === 'string' ? raw.replace(/\s+/g, ' ').trim() : '';
  const current = shown && shown !== ctx.rules.symbols['needs-review'] ? parseStatusText(shown, ctx.key) : null;
  if (current && current !== 'needs-review') {
    return { finding: { kind: 'review', reason, ...(source ? { source } : {}), kept: { status: current, shown } }, status: current };
  }
  return { finding: { kind: 'review', reason, ...(source ? { source } : {}) }, status: 'needs-review' };
}

/** A value far out of scale with its target is usually in other units ("£3,856m" for £3.856m). */
function unitsDoubt(v: NumberReading & { display: string }, t: ComparedTarget, rules: RatingRules): string | null {
  if (v.percent && t.percent) return null;
  const [value, goal] = sameScale(v, t);
  if (!goal || !value) return null;
  const ratio = Math.abs(value / goal);
  if (ratio < rules.unitsCheck && ratio > 1 / rules.unitsCheck) return null;
  const times = ratio >= 1 ? `about ${Math.round(ratio)} times` : `about 1/${Math.round(1 / ratio)} of`;
  return `${v.display} is ${times} the target of ${formatReading(t)}: check that the figure and the target are in the same units`;
}

function judge(
  m: Measure,
  target: TargetReading,
  polarity: Polarity | null,
  frequency: Frequency,
  read: readonly ReadObservation[],
  latest: LatestValue,
  choice: SeriesChoice | undefined,
  trend: Trend,
  ctx: RateContext,
): Judged {
  switch (target.kind) {
    case 'none':
      return { finding: { kind: 'no-target', reason: target.reason, written: target.display }, status: 'not-applicable' };
    case 'pending':
      return { finding: { kind: 'pending-target', written: target.display }, status: 'under-development' };
    case 'missing':
      return review(m, ctx, 'the Target cell is empty, so there is nothing to rate against');
    case 'same-as-above':
      return review(m, ctx, `the target says “${target.display}” but the row above has no target`);
    case 'date':
      return review(m, ctx, `the Target cell holds a date (${target.display}), not a figure to compare with`);
    case 'text':
      return review(m, ctx, `the target “${target.display}” has no figure to compare with`);
    default:
      break;
  }
  if (!latest.found || !choice) return { finding: { kind: 'no-value', reason: noValueReason(latest) }, status: 'not-available' };
  const source = choice.source;
  if (frequency === 'annual') {
    const last = repeatsLastYearEnd(read, { period: source.period, reading: choice.reading });
    if (last) {
      return {
        finding: { kind: 'no-value', reason: `Annual measure: the figures so far this year only repeat the ${last.period.label} result (${last.reading.display}); this year’s result is not in yet` },
        status: 'not-available',
      };
    }
  }
  const reading = choice.reading;
  if (reading.kind !== 'number' && reading.kind !== 'composite') return review(m, ctx, valueNotNumber(reading), source);
  if (polarity !== 'high' && polarity !== 'low') return review(m, ctx, 'the sheet does not say whether higher or lower is better', source);

  if (reading.kind === 'composite') return judgeParts(m, target, polarity, reading, read, source, choice, trend, ctx);
  if (target.kind === 'composite') return review(m, ctx, `the target has ${target.parts.length} parts (“${target.display}”) but the figure is one number`, source);
  const resolved = resolveTarget(target, m.notes ?? '', read, source.period, ctx.rules);
  if ('review' in resolved) return review(m, ctx, resolved.review, source);
  const prepared = prepareTarget(resolved, target, source, choice, ctx.rules);
  if ('review' in prepared) return review(m, ctx, prepared.review, source);
  const doubt = unitsDoubt(reading, prepared.target, ctx.rules);
  if (doubt) return review(m, ctx, doubt, source);
  const comparison = compareOne(m, reading, prepared.target, polarity, trend, prepared.deadlineAhead, ctx.rules);
  return { finding: { kind: 'compared', source, comparison }, status: comparison.status };
}

function compareOne(
  m: Measure,
  value: NumberReading & { display: string },
  target: ComparedTarget,
  polarity: 'high' | 'low',
  trend: Trend,
  deadlineAhead: boolean,
  rules: RatingRules,
): Comparison {
  const own = parseTolerance(m.tolerance, value.percent || target.percent);
  return compareWithTarget({ value, target, polarity, rules, ...(own ? { tolerance: own } : {}), trend: trend.dot, deadlineAhead });
}

/** Spreads an annual target over the year so far where the series is year to date, and notes a deadline ahead. */
function prepareTarget(
  resolved: ComparedTarget,
  target: TargetReading,
  source: ValueSource,
  choice: SeriesChoice,
  rules: RatingRules,
): { target: ComparedTarget; deadlineAhead: boolean } | { review: string } {
  let t = resolved;
  if (choice.profile && rules.cumulativeProfile === 'linear' && (t.how === 'as-written' || t.how === 'relative')) {
    const months = source.period.end - choice.profile.yearStart + 1;
    if (months < 12 && months > 0 && months < rules.earliestProfileMonth) {
      const year = choice.profile.academic ? 'academic year' : 'year';
      return { review: `only ${months} of 12 months of the ${year} are in, too early to judge a year-to-date figure against the annual target of ${formatReading(t)}` };
    }
    t = profileTarget(t, source.period.end, choice.profile.yearStart, choice.profile.academic) ?? t;
  }
  const deadlineMonth = target.kind === 'number' ? target.deadlineMonth : undefined;
  const deadlineAhead = t.how === 'as-written' && deadlineMonth !== undefined && deadlineMonth > source.period.end;
  if (deadlineAhead && target.kind === 'number' && target.deadline) t = { ...t, deadline: target.deadline };
  return { target: t, deadlineAhead };
}

/** A one-number target that lists the value's parts ("100% of 1) licence holders …; 2) drivers …") is for each of them. */
function namesTheParts(text: string, parts: readonly { label: string }[]): boolean {
  const named = parts.filter((p) => new RegExp(`(?:^|[\\s;,(])${p.label.replace(/[^a-z0-9]/gi, '')}\\)`, 'i').test(text));
  return parts.length >= 2 && named.length === parts.length;
}

/** Composite values ("a) 100% b) 98.5%"): part by part against a composite target, or each against one that says "all". */
function judgeParts(
  m: Measure,
  target: TargetReading,
  polarity: 'high' | 'low',
  reading: Extract<ValueReading, { kind: 'composite' }>,
  read: readonly ReadObservation[],
  source: ValueSource,
  choice: SeriesChoice,
  trend: Trend,
  ctx: RateContext,
): Judged {
  const n = reading.parts.length;
  let targets: ComparedTarget[];
  if (target.kind === 'composite') {
    targets = reading.parts.map((p, i) => {
      const t = target.parts.find((x) => x.label === p.label) ?? target.parts[i] ?? target.parts[target.parts.length - 1];
      return { ...t.reading, ...(t.comparator ? { comparator: t.comparator } : {}), written: target.display, how: 'as-written' };
    });
  } else if (target.kind === 'number' && (target.allParts || namesTheParts(String(m.target.value ?? target.display), reading.parts))) {
    const resolved = resolveTarget(target, m.notes ?? '', read, source.period, ctx.rules);
    if ('review' in resolved) return review(m, ctx, resolved.review, source);
    const prepared = prepareTarget(resolved, target, source, choice, ctx.rules);
    if ('review' in prepared) return review(m, ctx, prepared.review, source);
    targets = reading.parts.map(() => prepared.target);
  } else {
    return review(m, ctx, `the figure has ${n} parts but the target (“${target.display}”) is one number, and the sheet does not say which part it is for`, source);
  }
  const parts = reading.parts.map((p, i) => {
    const value = { ...p.reading, display: formatReading(p.reading) };
    return { label: p.label, comparison: compareOne(m, value, targets[i], polarity, trend, false, ctx.rules) };
  });
  const rank = (s: StatusKey) => ['on-target', 'satisfactory', 'off-target'].indexOf(s);
  const rule = ctx.rules.compositeRule;
  const chosen = parts.reduce((a, b) => (rule === 'worst' ? (rank(b.comparison.status) > rank(a.comparison.status) ? b : a) : rank(b.comparison.status) < rank(a.comparison.status) ? b : a));
  for (const p of parts) {
    const doubt = unitsDoubt(p.comparison.value, p.comparison.target, ctx.rules);
    if (doubt) return review(m, ctx, `part ${p.label}): ${doubt}`, source);
  }
  return { finding: { kind: 'parts', source, parts, rule, chosen: chosen.label }, status: chosen.comparison.status };
}
