/**
 * The red-flag rule, once for every host: a measure is a red flag when it is off target now and was off
 * target in the previous period, and neither rating needs review. What the previous period was is told by
 * the caller: the engine's rating of that period's values, or the add-in's saved history of earlier runs.
 */
import type { Measure, StatusKey } from '../engine/types';
import type { RatedRow, RedFlag } from './types';

/** What is known of a measure's previous period. */
export interface PreviousPeriod {
  status: StatusKey;
  needsReview?: boolean;
  /** The period's label ("Q1 Apr - Jun 2017"). */
  period?: string;
  /** The value rated then, as displayed. */
  value?: string;
}

/** Only a row off target now, with a rating that stands, can be a red flag: its previous period is asked for only then. */
function offTargetNow(r: RatedRow): boolean {
  return r.rating.status === 'off-target' && !r.rating.needsReview;
}

/** The red-flag record of a rated row, given what is known of its previous period. */
function redFlagFor(r: RatedRow, previous: PreviousPeriod): RedFlag {
  const m: Measure = r.measure;
  const flag: RedFlag = {
    sheet: m.sheet,
    row: m.row,
    ref: m.ref,
    measure: m.name,
    priority: m.priority,
    status: r.rating.status,
    previousStatus: previous.status,
    reason: r.rating.explanation,
  };
  if (m.leadOfficer) flag.leadOfficer = m.leadOfficer;
  if (r.rating.period) flag.period = r.rating.period.label;
  if (r.rating.value) flag.value = r.rating.value.display;
  if (previous.period) flag.previousPeriod = previous.period;
  if (previous.value) flag.previousValue = previous.value;
  return flag;
}

/**
 * The previous period as the engine rated it (RatedRow.previous), when it is a period of its own that ends
 * before the one rated now: a red flag never names one period twice.
 */
export function ratedPrevious(r: RatedRow): PreviousPeriod | undefined {
  const prev = r.previous;
  if (!prev?.period || (r.rating.period && prev.period.end >= r.rating.period.start)) return undefined;
  return {
    status: prev.status,
    ...(prev.needsReview ? { needsReview: true } : {}),
    period: prev.period.label,
    ...(prev.value ? { value: prev.value.display } : {}),
  };
}

/**
 * The red flags among `rows`, in their order. `previousOf` is asked only about rows off target now, so a
 * caller may count what decided them: `redFlagsOf(rows, ratedPrevious)` is the engine's own list.
 */
export function redFlagsOf(rows: readonly RatedRow[], previousOf: (r: RatedRow) => PreviousPeriod | undefined): RedFlag[] {
  const out: RedFlag[] = [];
  for (const r of rows) {
    if (!offTargetNow(r)) continue;
    const previous = previousOf(r);
    if (previous?.status === 'off-target' && !previous.needsReview) out.push(redFlagFor(r, previous));
  }
  return out;
}
