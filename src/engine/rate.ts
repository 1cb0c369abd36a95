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
import type { SeriesChoice, SeriesHints } from './series';
import type { RatingRules } from './rules';
import { parseStatusText } from './statusText';
import { parseFrequency, parsePolarity, parseTarget } from './targets';
import type { Frequency } from './targets';
import { directionOfTravel } from './trend';
import type { Trend, TrendCurrent } from './trend';
import { parseValue } from './values';
import { saysRateOrSurvey, saysYearToDate } from './vocabulary';
import type { CellInput, DotDetail, Measure, MonthIndex, Observation, Period, Polarity, Rating, StatusKey, TargetReading, ValueReading, ValueSource } from './types';

export type { RateContext } from './rateContext';

export { benchmarkInNotes } from './resolveTarget';

export interface RateOptions {
  /** Rate the year-to-date column instead of the latest period (the "RAG (Year End)" of monthly scorecards). */
  yearToDate?: boolean;
  /** Leave the explanation empty: for a rating only its status is read of (last period's, for red flags). */
  withoutWords?: boolean;
}

/** Rates one measure: status, direction of travel and a sentence that says why. Never throws. */
export function rateMeasure(m: Measure, ctx: RateContext, options?: RateOptions): Rating {
  const yearToDate = options !== undefined && options.yearToDate === true;
  const facts = measureFacts(m);
  const { frequency, target, polarity } = facts;
  const read = upTo(readObservations(m.observations, frequency), ctx.reportingEnd);
  const latest = yearToDate ? yearToDateValue(m) : latestValue(read, frequency, ctx.reportingEnd, ctx.rules);
  const choice = latest.found ? seriesOf(facts, read, latest, target, yearToDate) : undefined;
  const trend: Trend = yearToDate
    ? { dot: 'not-applicable', none: 'year-to-date-not-rated' }
    : directionOfTravel(read, trendCurrent(choice, latest), polarity, rulesOf(ctx));

  const override = readOverride(m, ctx);
  const judged: Judged = override
    ? { finding: { kind: 'override', entry: override.entry, reason: override.reason }, status: override.status }
    : m.thresholds && hasThresholds(m)
      ? judgeThresholds(m, polarity, latest, choice, ctx)
      : judge(m, target, polarity, frequency, read, latest, choice, trend, ctx);
  return assemble(judged, trend, choice, polarity, ctx, override ? override.reason : undefined, options === undefined || !options.withoutWords);
}

/** The rules the direction of travel follows: the context's, with the DOT header's basis; made once per context. */
let rulesCtx: RateContext | null = null;
let rulesCtxRules: RatingRules | null = null;
let rulesCtxBasis: RateContext['dotBasis'];
let rulesWithBasis: RatingRules | null = null;

function rulesOf(ctx: RateContext): RatingRules {
  if (!ctx.dotBasis) return ctx.rules;
  if (ctx !== rulesCtx || ctx.rules !== rulesCtxRules || ctx.dotBasis !== rulesCtxBasis || !rulesWithBasis) {
    rulesCtx = ctx;
    rulesCtxRules = ctx.rules;
    rulesCtxBasis = ctx.dotBasis;
    rulesWithBasis = { ...ctx.rules, dotBasis: ctx.dotBasis };
  }
  return rulesWithBasis;
}

/**
 * The observations up to a month: they are newest first, so a tail of the list, and the list itself mostly.
 * The last tail is remembered: a row's second rating (last period's, for a red flag) cuts the same list.
 */
let lastAll: readonly ReadObservation[] | null = null;
let lastFrom = 0;
let lastTail: readonly ReadObservation[] = [];

function upTo(all: readonly ReadObservation[], end: MonthIndex): readonly ReadObservation[] {
  let i = 0;
  while (i < all.length && all[i].period.end > end) i++;
  if (i === 0) return all;
  if (all !== lastAll || i !== lastFrom) {
    lastAll = all;
    lastFrom = i;
    lastTail = all.slice(i);
  }
  return lastTail;
}

/** What a row says of itself whatever the period. */
interface MeasureFacts {
  frequency: Frequency;
  target: TargetReading;
  polarity: Polarity | null;
  hints: MeasureHints;
}

/**
 * What the words around a measure say of its series, each read only when the series choice asks: the
 * measure name is a row's own text, so reading it is work no other row shares.
 */
class MeasureHints implements SeriesHints {
  private yearToDate: boolean | undefined;
  private rate: boolean | undefined;
  private percentHints: SeriesHints | undefined;

  constructor(
    private readonly target: TargetReading,
    private readonly notes: string,
    private readonly name: string,
  ) {}

  get saysYearToDate(): boolean {
    return (this.yearToDate ??= saysYearToDate(this.target.display) || saysYearToDate(this.notes) || saysYearToDate(this.name));
  }

  get rateLike(): boolean {
    return (this.rate ??= (this.target.kind === 'number' && this.target.percent) || saysRateOrSurvey(this.name));
  }

  /** The same hints for a value that is itself a percentage: a rate whatever the words say. */
  get asRate(): SeriesHints {
    return (this.percentHints ??= new RateHints(this));
  }
}

class RateHints implements SeriesHints {
  readonly rateLike = true;
  constructor(private readonly of: MeasureHints) {}
  get saysYearToDate(): boolean {
    return this.of.saysYearToDate;
  }
}

/**
 * A row is rated up to three times in a row (this period, the previous one, the year to date), so the last
 * row's facts are remembered; a cache keyed by every row would cost more in garbage collection on a large
 * sheet than it saves. The cells the facts are read from are compared too: a caller may change a measure
 * between two ratings.
 */
let lastM: Measure | null = null;
let lastTarget: Measure['target'] | null = null;
let lastPolarity: Measure['polarity'] | null = null;
let lastFrequency: Measure['frequency'] | null = null;
let lastNotes: string | undefined;
let lastName = '';
let lastFacts: MeasureFacts | null = null;

function measureFacts(m: Measure): MeasureFacts {
  if (lastFacts !== null && lastM === m && lastTarget === m.target && lastPolarity === m.polarity && lastFrequency === m.frequency && lastNotes === m.notes && lastName === m.name) return lastFacts;
  const facts = readMeasureFacts(m);
  lastM = m;
  lastTarget = m.target;
  lastPolarity = m.polarity;
  lastFrequency = m.frequency;
  lastNotes = m.notes;
  lastName = m.name;
  lastFacts = facts;
  return facts;
}

const BASELINE_RE = /^\s*baseline\b/i;

function readMeasureFacts(m: Measure): MeasureFacts {
  let target = targetOf(m.target);
  const notes = m.notes ?? '';
  if (target.kind !== 'none' && BASELINE_RE.test(notes)) {
    target = { kind: 'none', display: target.display, reason: 'the data notes call this a baseline year' };
  }
  return {
    frequency: frequencyOf(m.frequency),
    target,
    polarity: effectivePolarity(polarityOf(m.polarity), target),
    hints: new MeasureHints(target, notes, m.name),
  };
}

/**
 * The last frequency and polarity cells read, by the value they held: the reader shares one cell input
 * between the rows that say the same ("Quarterly", "High"), and both read only the cell's value.
 */
let lastFrequencyValue: CellInput['value'] = null;
let lastFrequencyOf: Frequency | null = null;
let lastPolarityValue: CellInput['value'] = null;
let lastPolarityOf: Polarity | null | undefined;

function frequencyOf(cell: CellInput): Frequency {
  const v = cell.value;
  if (lastFrequencyOf === null || typeof v !== 'string' || v !== lastFrequencyValue) {
    lastFrequencyValue = v;
    lastFrequencyOf = parseFrequency(cell);
  }
  return lastFrequencyOf;
}

function polarityOf(cell: CellInput): Polarity | null {
  const v = cell.value;
  if (lastPolarityOf === undefined || typeof v !== 'string' || v !== lastPolarityValue) {
    lastPolarityValue = v;
    lastPolarityOf = parsePolarity(cell);
  }
  return lastPolarityOf;
}

/**
 * A target cell read once per cell object: the reader shares one cell input between the rows that hold the
 * same target, and a number target is otherwise read again for each row. Checked against the cell's parts,
 * since a caller may change a cell between two ratings; a Date can change in place, so it is read each time.
 */
interface TargetEntry {
  value: CellInput['value'];
  numberFormat: CellInput['numberFormat'];
  text: CellInput['text'];
  reading: TargetReading;
}
const targetByCell = new WeakMap<CellInput, TargetEntry>();

function targetOf(cell: CellInput): TargetReading {
  const value = cell.value;
  if (typeof value === 'object' && value !== null) return parseTarget(cell);
  const e = targetByCell.get(cell);
  if (e !== undefined && Object.is(e.value, value) && e.numberFormat === cell.numberFormat && e.text === cell.text) return e.reading;
  const reading = parseTarget(cell);
  targetByCell.set(cell, { value, numberFormat: cell.numberFormat, text: cell.text, reading });
  return reading;
}

function seriesOf(facts: MeasureFacts, read: readonly ReadObservation[], latest: Extract<LatestValue, { found: true }>, target: TargetReading, yearToDate: boolean): SeriesChoice {
  if (yearToDate) return { source: { period: latest.period, display: latest.reading.display, series: 'year-to-date' }, reading: latest.reading };
  const reading = latest.reading;
  const valuePercent = reading.kind === 'number' && reading.percent;
  const picked: { period: Period; reading: ValueReading; lagged?: ValueSource['lagged'] } = { period: latest.period, reading };
  if (latest.lagged) picked.lagged = { due: latest.due?.period.label ?? 'the current period', dueShown: latest.due?.reading.display ?? '' };
  return chooseSeries(read, picked, target, valuePercent ? facts.hints.asRate : facts.hints);
}

/** The value the direction of travel starts from: the one rated, or the last one in when none is due yet. */
function trendCurrent(choice: SeriesChoice | undefined, latest: LatestValue): TrendCurrent | undefined {
  if (choice) {
    const n = choice.reading.kind === 'number' ? choice.reading : null;
    if (!n) return undefined;
    const current: TrendCurrent = { period: choice.source.period, reading: n, series: choice.source.series };
    if (choice.yearStart !== undefined) current.yearStart = choice.yearStart;
    return current;
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
  override: string | undefined,
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
  if (override) rating.override = override;
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
  return holdsSomething(t.red) || holdsSomething(t.amber) || holdsSomething(t.green);
}

function holdsSomething(c: CellInput): boolean {
  return c.value !== null && c.value !== undefined && String(c.value).trim() !== '';
}

/** The year-to-date column's value, for the year-end RAG. */
function yearToDateValue(m: Measure): LatestValue {
  let ytd: Observation | undefined;
  for (let i = 0; i < m.observations.length && !ytd; i++) if (m.observations[i].period.kind === 'ytd') ytd = m.observations[i];
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
