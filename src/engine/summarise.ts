import { roundShares } from './percentages';
import { DOT_KEYS, DOT_LABELS, RATED_STATUSES, STATUS_KEYS, STATUS_LABELS } from './types';
import type { DotKey, StatusKey } from './types';

/** A count and its share, shares rounded so that a table's shares add up to exactly 100.0. */
export interface CountShare {
  count: number;
  percent: number;
}

export interface StatusTable {
  total: number;
  statuses: Record<StatusKey, CountShare>;
  /** Over measures with data and a target only (on target, satisfactory, off target). */
  rated: { total: number; statuses: Record<'on-target' | 'satisfactory' | 'off-target', CountShare> };
  dot: Record<DotKey, CountShare>;
  /**
   * Whether each set of shown percentages adds up to exactly 100.0. Equal counts always show equal
   * percentages, so a few tables (three equal thirds) cannot add up and say that their figures are rounded.
   */
  addsUp: { statuses: boolean; rated: boolean; dot: boolean };
}

export interface PrioritySummary extends StatusTable {
  priority: string;
}

export interface Summary extends StatusTable {
  byPriority: PrioritySummary[];
  /** Status × DOT counts. */
  crossTab: Record<StatusKey, Record<DotKey, number>>;
  /** The paragraph for the report. */
  text: string;
}

/** The minimum the summary needs of a rated row. */
export interface SummaryInput {
  priority: string;
  status: StatusKey;
  dot: DotKey;
}

function shares<K extends string>(keys: readonly K[], counts: Record<K, number>): { shares: Record<K, CountShare>; addsUp: boolean } {
  const rounded = roundShares(keys.map((k) => counts[k]));
  const out = {} as Record<K, CountShare>;
  keys.forEach((k, i) => (out[k] = { count: counts[k], percent: rounded.percents[i] }));
  return { shares: out, addsUp: rounded.addsUp };
}

function zeroCounts<K extends string>(keys: readonly K[]): Record<K, number> {
  const out = {} as Record<K, number>;
  for (const k of keys) out[k] = 0;
  return out;
}

function statusTable(rows: readonly SummaryInput[]): StatusTable {
  const s = zeroCounts(STATUS_KEYS);
  const d = zeroCounts(DOT_KEYS);
  for (const r of rows) {
    s[r.status]++;
    d[r.dot]++;
  }
  const ratedKeys = RATED_STATUSES as readonly ('on-target' | 'satisfactory' | 'off-target')[];
  const ratedCounts = { 'on-target': s['on-target'], satisfactory: s.satisfactory, 'off-target': s['off-target'] };
  const statuses = shares(STATUS_KEYS, s);
  const rated = shares(ratedKeys, ratedCounts);
  const dot = shares(DOT_KEYS, d);
  return {
    total: rows.length,
    statuses: statuses.shares,
    rated: { total: ratedKeys.reduce((a, k) => a + s[k], 0), statuses: rated.shares },
    dot: dot.shares,
    addsUp: { statuses: statuses.addsUp, rated: rated.addsUp, dot: dot.addsUp },
  };
}

/** Counts statuses and DOT overall, per priority (in order of first appearance) and as a cross tab, with the report text. */
export function summarise(rows: readonly SummaryInput[]): Summary {
  const overall = statusTable(rows);
  const priorities: string[] = [];
  const groups = new Map<string, SummaryInput[]>();
  for (const r of rows) {
    let g = groups.get(r.priority);
    if (!g) {
      g = [];
      groups.set(r.priority, g);
      priorities.push(r.priority);
    }
    g.push(r);
  }
  const crossTab = {} as Record<StatusKey, Record<DotKey, number>>;
  for (const s of STATUS_KEYS) crossTab[s] = zeroCounts(DOT_KEYS);
  for (const r of rows) crossTab[r.status][r.dot]++;
  const byPriority = priorities.map((p) => ({ priority: p, ...statusTable(groups.get(p) ?? []) }));
  return { ...overall, byPriority, crossTab, text: summaryText(overall, crossTab) };
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** One paragraph a report writer can paste: the headline shares, then what moved. */
export function summaryText(t: StatusTable, crossTab: Record<StatusKey, Record<DotKey, number>>): string {
  if (t.total === 0) return 'No measures were rated.';
  const parts = STATUS_KEYS.filter((k) => t.statuses[k].count > 0).map(
    (k) => `${t.statuses[k].count} ${STATUS_LABELS[k].toLowerCase()} (${t.statuses[k].percent.toFixed(1)}%)`,
  );
  const sentences = [`Of ${plural(t.total, 'measure', 'measures')}, ${joinList(parts)}.`];
  if (t.rated.total > 0) {
    const met = t.rated.statuses['on-target'].count + t.rated.statuses.satisfactory.count;
    sentences.push(
      `Of the ${plural(t.rated.total, 'measure', 'measures')} with data and a target, ${met} (${(
        t.rated.statuses['on-target'].percent + t.rated.statuses.satisfactory.percent
      ).toFixed(1)}%) were on target or satisfactory.`,
    );
  }
  const dots = (['improved', 'stable', 'worse'] as const)
    .filter((k) => t.dot[k].count > 0)
    .map((k) => `${t.dot[k].count} ${DOT_LABELS[k].toLowerCase()}`);
  if (dots.length) sentences.push(`Direction of travel: ${joinList(dots)}.`);
  const good = crossTab['on-target'].improved;
  const bad = crossTab['off-target'].worse;
  sentences.push(
    `${plural(good, 'measure', 'measures')} achieved target and improved; ${plural(bad, 'measure was', 'measures were')} off target and worsened.`,
  );
  if (!t.addsUp.statuses || !t.addsUp.rated) sentences.push('Percentages are rounded to one decimal place, so equal counts show equal shares and the total may differ from 100.0 by a little.');
  return sentences.join(' ');
}

function joinList(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
