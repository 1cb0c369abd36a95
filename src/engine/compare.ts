/**
 * One value against one target: how far off, which side of the tolerance, and the status the rules give
 * that. The council's scheme (what a miss within the tolerance counts as, whether on target needs a margin,
 * whether the direction of travel can lift a miss) is read from the rules, never written into the code.
 */
import { roundTo } from './numbers';
import type { RatingRules } from './rules';
import type { Comparison, ComparedTarget, DotKey, NumberReading, Tolerance } from './types';

export interface CompareInput {
  value: NumberReading & { display: string };
  target: ComparedTarget;
  polarity: 'high' | 'low';
  rules: RatingRules;
  /** The measure's own tolerance (a Tolerance column), which wins over the rules'. */
  tolerance?: Tolerance;
  /** The direction of travel, for schemes that let it lift a miss. */
  trend: DotKey;
  /** The target is due after the period rated. */
  deadlineAhead?: boolean;
}

/** Brings a value and a target to the same scale when one is a percentage fraction and the other is not. */
export function sameScale(v: NumberReading, t: NumberReading): [number, number] {
  if (v.percent === t.percent) return [v.value, t.value];
  if (t.percent && !v.percent) return [Math.abs(v.value) <= 1.5 ? v.value * 100 : v.value, t.value];
  return [v.value, Math.abs(t.value) <= 1.5 ? t.value * 100 : t.value];
}

/** The tolerance that applies: the measure's own, else the rules' in the unit the rules choose. */
/** The rules' tolerances, made once per rules object: every row of a run shares them. */
const RULE_TOLERANCES = new WeakMap<RatingRules, { points: Tolerance; share: Tolerance }>();

export function toleranceFor(rules: RatingRules, inPoints: boolean, own?: Tolerance): Tolerance {
  if (own) return own;
  let made = RULE_TOLERANCES.get(rules);
  if (!made) {
    made = { points: ruleTolerance(rules, true), share: ruleTolerance(rules, false) };
    RULE_TOLERANCES.set(rules, made);
  }
  return inPoints ? made.points : made.share;
}

function ruleTolerance(rules: RatingRules, inPoints: boolean): Tolerance {
  if (rules.toleranceBasis === 'percent-of-target') return { amount: rules.tolerance, unit: 'percent-of-target', source: 'rules' };
  if (rules.toleranceBasis === 'points') return { amount: rules.tolerancePoints, unit: inPoints ? 'points' : 'units', source: 'rules' };
  return inPoints
    ? { amount: rules.tolerancePoints, unit: 'points', source: 'rules', cap: rules.tolerancePointsCap }
    : { amount: rules.tolerance, unit: 'percent-of-target', source: 'rules' };
}

/** How far from the target the tolerance reaches, in the value's units. */
function allowance(t: Tolerance, goal: number): number {
  return t.unit === 'percent-of-target' ? t.amount * Math.abs(goal) : t.amount;
}

/** The value brought to the target's scale (see sameScale), without making a pair: this runs once per row. */
export function scaledValue(v: NumberReading, t: NumberReading): number {
  if (v.percent === t.percent || !t.percent || v.percent) return v.value;
  return Math.abs(v.value) <= 1.5 ? v.value * 100 : v.value;
}

/** The target brought to the value's scale (see sameScale). */
export function scaledGoal(v: NumberReading, t: NumberReading): number {
  if (v.percent === t.percent || (t.percent && !v.percent)) return t.value;
  return Math.abs(t.value) <= 1.5 ? t.value * 100 : t.value;
}

/** Compares a value with a target by the rules. Never throws. */
export function compareWithTarget(input: CompareInput): Comparison {
  return compareValues(input.value, input.target, input.polarity, input.rules, input.tolerance, input.trend, input.deadlineAhead);
}

/** compareWithTarget with its input spelled out: the engine calls it once per row, without an input object. */
export function compareValues(
  v: NumberReading & { display: string },
  t: ComparedTarget,
  polarity: 'high' | 'low',
  rules: RatingRules,
  own: Tolerance | undefined,
  trend: DotKey,
  deadlineAhead: boolean | undefined,
): Comparison {
  const value = scaledValue(v, t);
  const scaledGoalValue = scaledGoal(v, t);
  // A range target ("top quartile range 7.65% - 11.8%") is met from its near end.
  const goal = t.high !== undefined && polarity === 'low' ? t.high : scaledGoalValue;
  const inPoints = v.percent || t.percent;
  const decimals = Math.max(v.decimals, t.decimals, 0);
  const strict = rules.strictComparators && t.comparator !== undefined && !t.comparator.endsWith('=');
  const vr = roundTo(value, decimals);
  const gr = roundTo(goal, decimals);
  const meets = polarity === 'high' ? (strict ? vr > gr : vr >= gr) : strict ? vr < gr : vr <= gr;
  const gap = roundTo(polarity === 'high' ? goal - value : value - goal, Math.max(decimals, 1) + 2);
  const relative = goal === 0 ? (gap === 0 ? 0 : gap > 0 ? Infinity : -Infinity) : gap / Math.abs(goal);
  const tolerance = toleranceFor(rules, inPoints, own);
  const allowed = allowance(tolerance, goal);
  const shownGap = roundTo(Math.abs(gap), Math.max(decimals, 1));
  const withinAllowance = shownGap <= roundTo(allowed, Math.max(decimals, 1) + 2) && (tolerance.cap === undefined || Math.abs(relative) <= tolerance.cap);
  const c: Comparison = { value: v, target: t, polarity, gap, relative, inPoints, tolerance, zone: 'beyond', status: 'off-target' };
  // Each branch sets what it decides on the one object: a spread per branch costs a copy per row.
  if (meets) {
    c.zone = gap < 0 && !withinAllowance ? 'beats' : 'meets';
    c.status = c.zone === 'meets' && rules.onTargetNeeds === 'beat-by-tolerance' ? 'satisfactory' : 'on-target';
  } else if (strict && vr === gr) {
    c.zone = 'within';
    c.status = 'satisfactory';
    c.strictTie = true;
  } else if (t.high !== undefined) {
    // "Within the top quartile" is met or not: a benchmark range has no tolerance band.
    c.outsideRange = true;
  } else if (withinAllowance) {
    c.zone = 'within';
    c.status = rules.withinTolerance;
  } else if (deadlineAhead && rules.futureDeadline === 'trend') {
    const improving = trend === 'improved';
    c.status = improving ? 'satisfactory' : 'off-target';
    c.byTrend = improving ? 'improving' : 'not-improving';
  } else if (rules.beyondTolerance === 'satisfactory-if-not-worse') {
    const notWorse = trend === 'improved' || trend === 'stable';
    c.status = notWorse ? 'satisfactory' : 'off-target';
    c.byTrend = notWorse ? 'not-worse' : 'worse';
  }
  return c;
}
