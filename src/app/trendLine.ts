/**
 * The values of one measure over time, for the small trend chart beside its reason. Worked out only for
 * the row the user chose: every row keeps its observations as the sheet gave them, unread, until then.
 */
import { parseValue, readingNumber } from '../engine/values';
import type { Observation, PeriodKind } from '../engine/types';

/** What a rated row keeps for its trend chart: the period cells as read from the sheet and the target compared with. */
export interface RowHistory {
  observations: readonly Observation[];
  /** The kind of period the rating used (month, quarter…), preferred when kinds tie. */
  ratedKind?: PeriodKind;
  /** The target the value was compared with, in the values' units (percentage points for a percentage). */
  target?: number;
}

export interface TrendPoint {
  /** The period's heading as the sheet writes it ("Sep-17", "Q2 Jul - Sep 2017"). */
  label: string;
  value: number;
  /** The value as the sheet shows it ("68%"). */
  display: string;
}

export interface TrendLine {
  kind: PeriodKind;
  /** Oldest first. */
  points: TrendPoint[];
  target?: number;
  percent: boolean;
}

/**
 * The measure's values of one kind of period, oldest first, with the target: the kind with the most
 * values (a scorecard with year-end, quarterly and monthly columns has a few of each), the rated period's
 * kind on a tie. The year-to-date column and cells without a number are left out; null when fewer than
 * two values are left, which is no line.
 *
 * @example trendLine({ observations, ratedKind: 'month', target: 50 })?.points.map((p) => p.display) // ['36%', '46%', '68%']
 */
export function trendLine(history: RowHistory): TrendLine | null {
  const byKind = new Map<PeriodKind, { end: number; start: number; point: TrendPoint; percent: boolean }[]>();
  for (const o of history.observations) {
    if (o.period.kind === 'ytd') continue;
    const reading = parseValue(o.cell);
    const n = readingNumber(reading);
    if (!n) continue;
    let list = byKind.get(o.period.kind);
    if (!list) byKind.set(o.period.kind, (list = []));
    list.push({ end: o.period.end, start: o.period.start, percent: n.percent, point: { label: o.period.label, value: n.value, display: reading.display } });
  }
  let best: PeriodKind | undefined;
  for (const [kind, list] of byKind) {
    const most = best === undefined ? -1 : (byKind.get(best)?.length ?? 0);
    if (list.length > most || (list.length === most && kind === history.ratedKind)) best = kind;
  }
  const chosen = best === undefined ? [] : (byKind.get(best) ?? []);
  if (best === undefined || chosen.length < 2) return null;
  chosen.sort((a, b) => a.end - b.end || a.start - b.start);
  const percent = chosen[chosen.length - 1].percent;
  const points = chosen.filter((c) => c.percent === percent).map((c) => c.point);
  if (points.length < 2) return null;
  const line: TrendLine = { kind: best, points, percent };
  if (history.target !== undefined && Number.isFinite(history.target)) line.target = history.target;
  return line;
}
