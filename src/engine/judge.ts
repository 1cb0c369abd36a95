/**
 * Judges a measure's figure: against its target (one number, a composite, a profiled or resolved target) or
 * its threshold columns. Returns the finding and the status; where the data cannot settle one, a review
 * with the reason, keeping the status the sheet shows.
 */
import { compareValues, scaledGoal, scaledValue } from './compare';
import type { ReadObservation, LatestValue } from './latestValue';
import { formatReading } from './numbers';
import type { RateContext, Judged } from './rateContext';
import { profileTarget, resolveTarget } from './resolveTarget';
import type { RatingRules } from './rules';
import { repeatsLastYearEnd } from './series';
import type { SeriesChoice } from './series';
import { parseStatusText } from './statusText';
import type { Frequency } from './targets';
import { parseThresholds, rateAgainstThresholds } from './thresholds';
import { parseTolerance } from './tolerance';
import type { Trend } from './trend';
import type { Comparison, ComparedTarget, Measure, NumberReading, Polarity, StatusKey, TargetReading, ValueReading, ValueSource } from './types';

/** Rates against Red / Amber / Green threshold columns: they are the measure's own tolerance. */
export function judgeThresholds(m: Measure, polarity: Polarity | null, latest: LatestValue, choice: SeriesChoice | undefined, ctx: RateContext): Judged {
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
  const value = scaledValue(v, t);
  const goal = scaledGoal(v, t);
  if (!goal || !value) return null;
  const ratio = Math.abs(value / goal);
  if (ratio < rules.unitsCheck && ratio > 1 / rules.unitsCheck) return null;
  const times = ratio >= 1 ? `about ${Math.round(ratio)} times` : `about 1/${Math.round(1 / ratio)} of`;
  return `${v.display} is ${times} the target of ${formatReading(t)}: check that the figure and the target are in the same units`;
}

export function judge(
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
  const own = m.tolerance ? parseTolerance(m.tolerance, value.percent || target.percent) : null;
  return compareValues(value, target, polarity, rules, own ?? undefined, trend.dot, deadlineAhead);
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
