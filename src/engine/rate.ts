import { looksCumulative } from './cumulative';
import { directionOfTravel } from './trend';
import type { Trend } from './trend';
import { latestValue, readObservations } from './latestValue';
import type { ReadObservation } from './latestValue';
import { formatReading, numbersIn, roundTo } from './numbers';
import { academicYearStart, financialYearStart } from './periods';
import type { RatingRules } from './rules';
import { parseStatusText } from './statusText';
import { parseFrequency, parsePolarity, parseTarget } from './targets';
import type { Frequency } from './targets';
import { parseThresholds, rateAgainstThresholds } from './thresholds';
import { parseValue } from './values';
import { STATUS_LABELS } from './types';
import type { Comparator, DotDetail, Measure, MonthIndex, NumberReading, Period, Polarity, Rating, StatusKey, TargetReading, ValueReading } from './types';

export interface RateContext {
  /** Last month of the reporting period: the newest period column of the sheet. */
  reportingEnd: MonthIndex;
  rules: RatingRules;
  /** The sheet's own status key, to read the current status cell. */
  key?: Partial<Record<StatusKey, string>>;
  /** What the direction of travel compares with, when the sheet's DOT header says so ("Month on Month"). */
  dotBasis?: RatingRules['dotBasis'];
}

export interface RateOptions {
  /** Rate the year-to-date column instead of the latest period (the "RAG (Year End)" of monthly scorecards). */
  yearToDate?: boolean;
}

interface Verdict {
  status: StatusKey;
  text: string;
  comparedTarget?: number;
}

const POLARITY_WORDS: Record<Polarity, string> = { high: 'higher is better', low: 'lower is better', none: 'no polarity', range: 'within limits' };

/** Rates one measure: status, direction of travel and a sentence that says why. Never throws. */
export function rateMeasure(m: Measure, ctx: RateContext, options: RateOptions = {}): Rating {
  const frequency = parseFrequency(m.frequency);
  const read = readObservations(m.observations, frequency).filter((o) => o.period.end <= ctx.reportingEnd);
  const latest = options.yearToDate ? yearToDateValue(m) : latestValue(read, frequency, ctx.reportingEnd, ctx.rules);
  const polarityCell = parsePolarity(m.polarity);
  let target = parseTarget(m.target);
  if (/^\s*baseline\b/i.test(m.notes ?? '') && target.kind !== 'none') {
    target = { kind: 'none', display: target.display, reason: 'baseline year (data notes)' };
  }
  const polarity = effectivePolarity(polarityCell, target);
  const trendEnd = latest.found ? latest.period.end : latest.stale?.period.end;
  const rules = ctx.dotBasis ? { ...ctx.rules, dotBasis: ctx.dotBasis } : ctx.rules;
  const trend = options.yearToDate ? { dot: 'not-applicable' as const, explanation: 'not rated for the year to date' } : directionOfTravel(read, trendEnd, polarity, rules);

  const override = readOverride(m, ctx);
  if (override) return finish(override.verdict, trend, latest.found ? latest : undefined, polarity, { override: override.reason });

  const verdict = m.thresholds && hasThresholds(m) ? judgeThresholds(m, polarity, latest, ctx) : judge(m, target, polarity, frequency, read, latest, ctx);
  return finish(verdict, trend, latest.found ? latest : undefined, polarity, verdict.review ? { needsReview: verdict.review } : {});
}

function hasThresholds(m: Measure): boolean {
  const t = m.thresholds;
  if (!t) return false;
  return [t.red, t.amber, t.green].some((c) => c.value !== null && c.value !== undefined && String(c.value).trim() !== '');
}

/** The year-to-date column's value, for the year-end RAG. */
function yearToDateValue(m: Measure): ReturnType<typeof latestValue> {
  const ytd = m.observations.find((o) => o.period.kind === 'ytd');
  if (!ytd) return { found: false, reason: 'no year-to-date column' };
  const reading = parseValue(ytd.cell);
  if (reading.kind === 'missing') return { found: false, reason: 'no year-to-date value' };
  return { found: true, period: ytd.period, reading, lagged: false };
}

/** Rates against Red / Amber / Green threshold columns: they are the measure's own tolerance. */
function judgeThresholds(m: Measure, polarity: Polarity | null, latest: ReturnType<typeof latestValue>, ctx: RateContext): JudgeResult {
  const t = m.thresholds as NonNullable<Measure['thresholds']>;
  const th = parseThresholds(t.red, t.amber, t.green);
  if (th.kind === 'none') return { status: 'not-applicable', text: `No target to rate against (thresholds: ${th.display || 'none'})` };
  if (th.kind === 'pending') return { status: 'under-development', text: `Thresholds still to be set (${th.display})` };
  if (!latest.found) return { status: 'not-available', text: `Not yet available: ${latest.reason}` };
  const { period, reading } = latest;
  const where = `${period.label} value ${reading.display}${latest.lagged ? ' (latest available)' : ''}`;
  const value = reading.kind === 'number' ? reading : reading.kind === 'composite' ? reading.parts[0].reading : null;
  if (!value) return keepCurrent(m, ctx, `${period.label} value “${reading.display}” is not a number`, 'value could not be read');
  const verdict = rateAgainstThresholds(value, th, polarity);
  if (!verdict) {
    const why = th.kind === 'range' ? `below the range, which the tolerances do not cover (${th.display})` : `the thresholds do not say which way is good (${th.display})`;
    return keepCurrent(m, ctx, `${where}: ${why}`, 'thresholds do not cover this value');
  }
  return { status: verdict.status, text: `${where} vs thresholds (${th.display}): ${verdict.text}` };
}

function finish(
  v: Verdict,
  trend: Trend,
  latest: { period: Period; reading: ValueReading } | undefined,
  polarity: Polarity | null,
  extra: { override?: string; needsReview?: string },
): Rating {
  const explanation = `${v.text} → ${STATUS_LABELS[v.status].toLowerCase()}; direction of travel ${trend.explanation}.`;
  const detail = dotDetail(trend.dot, v.status, polarity);
  return {
    status: v.status,
    dot: trend.dot,
    ...(detail ? { dotDetail: detail } : {}),
    explanation,
    ...(latest ? { period: latest.period, value: latest.reading } : {}),
    ...(v.comparedTarget !== undefined ? { comparedTarget: v.comparedTarget } : {}),
    ...extra,
  };
}

/**
 * The eight-state DOT: a fall or no movement is "within limits" when the measure is on target or
 * satisfactory, "not on target" when it is off target, and undefined when it has no rating at all.
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

function readOverride(m: Measure, ctx: RateContext): { verdict: Verdict; reason: string } | null {
  const raw = m.override?.value;
  if (typeof raw !== 'string' || !raw.trim()) return null;
  const status = parseStatusText(raw, ctx.key);
  if (!status) return null;
  const reason = raw.replace(/^[^-:–(]*[-:–(]?\s*/, '').replace(/\)\s*$/, '').trim() || 'set by hand';
  return { verdict: { status, text: `Manual override (${reason})` }, reason };
}

type JudgeResult = Verdict & { review?: string };

function keepCurrent(m: Measure, ctx: RateContext, text: string, review: string): JudgeResult {
  const current = parseStatusText(m.currentStatus.value, ctx.key);
  // "Not yet available" is also what a blank status becomes, and what the first run writes: the second run
  // must read it back to the same sentence, or rating twice would not give the same workbook.
  if (current && current !== 'not-available') {
    return { status: current, text: `${text}; status kept as ${STATUS_LABELS[current].toLowerCase()} for review`, review };
  }
  return { status: 'not-available', text: `${text}; cannot be rated by rule`, review };
}

function judge(
  m: Measure,
  target: TargetReading,
  polarity: Polarity | null,
  frequency: Frequency,
  read: readonly ReadObservation[],
  latest: ReturnType<typeof latestValue>,
  ctx: RateContext,
): JudgeResult {
  switch (target.kind) {
    case 'none':
      return { status: 'not-applicable', text: `No target to rate against (${target.reason}: “${target.display}”)` };
    case 'pending':
      return { status: 'under-development', text: `Target still to be set (“${target.display}”)` };
    case 'missing':
      return { status: 'under-development', text: 'No target in the Target column', review: 'the Target cell is empty' };
    case 'same-as-above':
      return keepCurrent(m, ctx, `Target “${target.display}” refers to a row that has none`, 'target refers to the row above');
    case 'text':
    case 'date':
      return keepCurrent(m, ctx, `Target “${target.display}” has no number to compare with`, 'target text could not be read');
    default:
      break;
  }
  if (!latest.found) return { status: 'not-available', text: `Not yet available: ${latest.reason}` };
  const { period, reading } = latest;
  const lagNote = latest.lagged
    ? ` (latest available; ${latest.due ? `${latest.due.period.label} ${latest.due.reading.display ? `is “${latest.due.reading.display}”` : 'is blank'}` : 'current period not in yet'})`
    : '';
  const where = `${period.label} value ${reading.display}${lagNote}`;
  if (reading.kind === 'text' || reading.kind === 'date' || reading.kind === 'missing') {
    return keepCurrent(m, ctx, `${period.label} value “${reading.display}” is not a number`, 'value could not be read');
  }
  if (!polarity || polarity === 'none' || polarity === 'range') {
    return keepCurrent(m, ctx, `${where}: the sheet does not say whether high or low is good`, 'no polarity');
  }

  const resolved = resolveTarget(target, m, read, period, ctx);
  if ('review' in resolved) return keepCurrent(m, ctx, `${where} vs target “${target.display}”: ${resolved.why}`, resolved.review);

  const cumulative = reading.kind === 'number' && (reading.cumulative || looksCumulative(read));
  const profiled = profile(resolved, period, cumulative, target, ctx.rules);

  if (reading.kind === 'composite') {
    const parts = reading.parts.map((p, i) => {
      const t = resolved.parts ? resolved.parts.find((x) => x.label === p.label) ?? resolved.parts[i] : undefined;
      const tv = t ? { ...profiled, value: t.reading.value, percent: t.reading.percent, decimals: t.reading.decimals, comparator: t.comparator ?? profiled.comparator } : profiled;
      return { label: p.label, shown: `${formatReading(p.reading)} vs ${formatReading(tv)}`, ...compareOne(p.reading, tv, polarity, ctx.rules) };
    });
    const rank = (s: StatusKey) => ['on-target', 'satisfactory', 'off-target'].indexOf(s);
    const chosen = parts.reduce((a, b) => (ctx.rules.compositeRule === 'worst' ? (rank(b.status) > rank(a.status) ? b : a) : rank(b.status) < rank(a.status) ? b : a));
    return {
      status: chosen.status,
      text: `${period.label} parts ${parts.map((p) => `${p.label}) ${p.shown}: ${p.text}`).join('; ')} (${POLARITY_WORDS[polarity]}): ${ctx.rules.compositeRule} part ${chosen.label})`,
      comparedTarget: chosen.target,
    };
  }
  const one = compareOne(reading, profiled, polarity, ctx.rules);
  const result: JudgeResult = { status: one.status, text: `${where} vs ${profiled.describe} (${POLARITY_WORDS[polarity]}): ${one.text}`, comparedTarget: one.target };
  const scale = scaleMismatch(reading, one.target);
  if (scale) result.review = scale;
  return result;
}

interface ResolvedTarget extends NumberReading {
  comparator?: Comparator;
  describe: string;
  parts?: { label: string; reading: NumberReading; comparator?: Comparator }[];
}

function resolveTarget(
  target: TargetReading,
  m: Measure,
  read: readonly ReadObservation[],
  period: Period,
  ctx: RateContext,
): ResolvedTarget | { review: string; why: string } {
  if (target.kind === 'number') {
    return { value: target.value, percent: target.percent, decimals: target.decimals, ...(target.comparator ? { comparator: target.comparator } : {}), describe: `target ${target.display}` };
  }
  if (target.kind === 'composite') {
    const first = target.parts[0];
    return { ...first.reading, describe: `target ${target.display}`, parts: target.parts };
  }
  if (target.kind === 'relative') {
    const fyStart = financialYearStart(period.end);
    const base = read.find((o) => o.period.kind === 'year' && o.period.end < fyStart && o.reading.kind === 'number');
    if (!base || base.reading.kind !== 'number') return { review: 'relative target without a previous year end', why: 'no previous year-end value to measure the change from' };
    const value = base.reading.value * (1 + target.change);
    return {
      value,
      percent: base.reading.percent,
      decimals: Math.max(base.reading.decimals, 1),
      ...(base.reading.unit ? { unit: base.reading.unit } : {}),
      describe: `target ${formatReading({ ...base.reading, value, decimals: Math.max(base.reading.decimals, 1) })} (${target.display} on ${base.period.label} ${base.reading.display})`,
    };
  }
  if (target.kind === 'benchmark') {
    const found = ctx.rules.benchmarkFromNotes ? benchmarkInNotes(m.notes ?? '') : null;
    if (!found) return { review: `needs the ${target.benchmark}, which the sheet does not hold`, why: `needs the ${target.benchmark}, which the sheet does not hold` };
    return { ...found.reading, ...(target.comparator ? { comparator: target.comparator } : {}), describe: `${found.name} ${formatReading(found.reading)} (from the data notes)` };
  }
  return { review: 'target could not be read', why: 'target could not be read' };
}

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

/** A value a hundred times its target (or a hundredth of it) is usually in other units ("£3,856m" for £3.856m). */
function scaleMismatch(v: NumberReading, target: number): string | undefined {
  if (!target || !v.value) return undefined;
  const ratio = Math.abs(v.value / target);
  if (ratio < 100 && ratio > 0.01) return undefined;
  return `value ${formatReading(v)} and target ${roundTo(target, 2)} differ by a factor of about ${Math.round(ratio >= 1 ? ratio : 1 / ratio)}: check their units`;
}

function profile(t: ResolvedTarget, period: Period, cumulative: boolean, target: TargetReading, rules: RatingRules): ResolvedTarget {
  if (rules.cumulativeProfile !== 'linear' || period.kind === 'year' || period.kind === 'ytd') return t;
  const annual = target.kind === 'number' && target.annualTotal;
  if (!cumulative && !annual) return t;
  const academic = target.kind === 'number' && target.academicYear;
  const start = academic ? academicYearStart(period.end) : financialYearStart(period.end);
  const months = period.end - start + 1;
  if (months >= 12 || months <= 0) return t;
  const share = months / 12;
  const value = t.value * share;
  return {
    ...t,
    value,
    decimals: Math.max(t.decimals, 1),
    describe: `${t.describe.replace(/^target /, 'annual target ')} profiled to ${formatReading({ ...t, value, decimals: Math.max(t.decimals, 1) })} (${months} of 12 months${academic ? ' of the academic year' : ''}, year to date)`,
  };
}

/** Brings a value and a target to the same scale when one is a percentage fraction and the other is not. */
function sameScale(v: NumberReading, t: NumberReading): [number, number] {
  if (v.percent === t.percent) return [v.value, t.value];
  if (t.percent && !v.percent) return [Math.abs(v.value) <= 1.5 ? v.value * 100 : v.value, t.value];
  return [v.value, Math.abs(t.value) <= 1.5 ? t.value * 100 : t.value];
}

function compareOne(
  v: NumberReading,
  t: ResolvedTarget | (NumberReading & { comparator?: Comparator; high?: number }),
  polarity: Polarity,
  rules: RatingRules,
): { status: StatusKey; text: string; target: number } {
  let [value, goal] = sameScale(v, t);
  const high = 'high' in t && typeof t.high === 'number' ? t.high : undefined;
  // A range target ("top quartile range 7.65% - 11.8%") is met from its near end.
  if (high !== undefined && polarity === 'low') goal = high;
  const percent = v.percent || t.percent;
  const strict = rules.strictComparators && t.comparator !== undefined && !t.comparator.endsWith('=');
  const decimals = Math.max(v.decimals, t.decimals, 0);
  const vr = roundTo(value, decimals);
  const gr = roundTo(goal, decimals);
  const meets = polarity === 'high' ? (strict ? vr > gr : vr >= gr) : strict ? vr < gr : vr <= gr;
  const miss = polarity === 'high' ? goal - value : value - goal;
  const rel = goal === 0 ? (miss === 0 ? 0 : Infinity) : miss / Math.abs(goal);
  if (meets) {
    const margin = goal === 0 ? '' : rel === 0 || Math.abs(rel) < 0.0005 ? 'meets target' : `${(Math.abs(rel) * 100).toFixed(1)}% better than target`;
    return { status: 'on-target', text: margin || 'meets target', target: goal };
  }
  if (strict && vr === gr) return { status: 'satisfactory', text: 'equals target but strict comparison is on', target: goal };
  // "Within the top quartile" is met or not: a benchmark range has no tolerance band.
  if (high !== undefined) return { status: 'off-target', text: `outside the range (${roundTo(miss, Math.max(decimals, 1))} short of its near end)`, target: goal };
  value = roundTo(value, 6);
  const gap = roundTo(miss, Math.max(decimals, 1));
  const points = `${gap} percentage point${gap === 1 ? '' : 's'}`;
  if (percent) {
    if (miss <= rules.tolerancePoints && rel <= rules.tolerancePointsCap) {
      return { status: 'satisfactory', text: `${points} worse than target, within the ${rules.tolerancePoints}-point tolerance`, target: goal };
    }
    return { status: 'off-target', text: `${points} (${(rel * 100).toFixed(1)}%) worse than target`, target: goal };
  }
  if (rel <= rules.tolerance) {
    return { status: 'satisfactory', text: `${(rel * 100).toFixed(1)}% worse than target, within the ${(rules.tolerance * 100).toFixed(1)}% tolerance`, target: goal };
  }
  return { status: 'off-target', text: Number.isFinite(rel) ? `${(rel * 100).toFixed(1)}% worse than target` : 'worse than a zero target', target: goal };
}
