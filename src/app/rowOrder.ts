/**
 * How the lists of rows and red flags are ordered: as in the sheet, or grouped by priority (in the order
 * the priorities first appear, as the summary lists them) or by status (the ones to act on first).
 */
import { STATUS_LABELS } from '../engine/types';
import type { StatusKey } from '../engine/types';

export const LIST_ORDERS = ['sheet', 'priority', 'status'] as const;
export type ListOrder = (typeof LIST_ORDERS)[number];

export const LIST_ORDER_LABELS: Record<ListOrder, string> = {
  sheet: 'In sheet order',
  priority: 'By priority',
  status: 'By status',
};

/** Off target first, then what a person must look at, then what went well, then what cannot be rated. */
export const STATUS_ATTENTION: readonly StatusKey[] = ['off-target', 'needs-review', 'satisfactory', 'not-available', 'under-development', 'on-target', 'not-applicable'];

export interface RowGroup<T> {
  /** Stable within one list: the priority's text or the status key; '' for the one group of sheet order. */
  key: string;
  /** The heading shown above the group; '' in sheet order. */
  label: string;
  items: T[];
}

/**
 * The items in groups, each group in sheet order. Sheet order is one group with no heading.
 *
 * @example groupRows(rows, 'status')[0].label // 'Off target'
 */
export function groupRows<T extends { priority: string; status: StatusKey }>(items: readonly T[], order: ListOrder): RowGroup<T>[] {
  if (order === 'sheet') return [{ key: '', label: '', items: [...items] }];
  const groups = new Map<string, T[]>();
  const keyOf = order === 'priority' ? (t: T): string => t.priority.trim() : (t: T): string => t.status;
  for (const t of items) {
    const k = keyOf(t);
    let g = groups.get(k);
    if (!g) groups.set(k, (g = []));
    g.push(t);
  }
  const keys = order === 'priority' ? [...groups.keys()] : STATUS_ATTENTION.filter((k) => groups.has(k));
  return keys.map((k) => ({ key: k, label: order === 'priority' ? k || 'No priority' : STATUS_LABELS[k as StatusKey], items: groups.get(k) ?? [] }));
}

/** One line of a grouped list as drawn: a group's heading or one of its items. */
export type ListItem<T> = { kind: 'group'; key: string; label: string; count: number } | { kind: 'item'; key: string; item: T };

/**
 * The groups flattened into the lines a list draws, headings included (none in sheet order), each line
 * with a key that stays the same when the list is filtered.
 */
export function listItems<T>(groups: readonly RowGroup<T>[], keyOf: (t: T) => string): ListItem<T>[] {
  const out: ListItem<T>[] = [];
  for (const g of groups) {
    if (g.label) out.push({ kind: 'group', key: `group:${g.key}`, label: g.label, count: g.items.length });
    for (const item of g.items) out.push({ kind: 'item', key: keyOf(item), item });
  }
  return out;
}
