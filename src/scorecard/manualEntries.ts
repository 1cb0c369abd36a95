/**
 * Which status and DOT cells a run may replace. A cell that holds nothing, or a status or direction of travel
 * as this tool or a council's key writes it (a symbol, a word, or a symbol and a word), is a rating and is
 * rewritten. Anything else is someone's own entry ("✔ agreed by DMT 12/10", a score, a date) and is kept:
 * a rating tool that overwrites work is not used twice.
 */
import { DOT_DETAIL_LABELS, DOT_LABELS, STATUS_LABELS } from '../engine/types';
import type { CellValue } from '../workbook/grid';

const words = (list: readonly string[]) => new Set(list.map((w) => w.toLowerCase()));

const STATUS_WORDS = words([
  ...Object.values(STATUS_LABELS),
  ...['green', 'amber', 'red', 'g', 'a', 'r', 'rag', 'on track', 'off track', 'met', 'not met', 'achieved', 'missed', 'below target'],
  ...['close to target', 'within tolerance', 'n/a', 'na', 'not available', 'no data', 'baseline', 'in development', 'complete', 'completed'],
]);

const DOT_WORDS = words([
  ...Object.values(DOT_LABELS),
  ...Object.values(DOT_DETAIL_LABELS),
  ...['up', 'down', 'same', 'no change', 'better', 'worsened', 'improving', 'declining', 'declined', 'n/a', 'na', 'static', 'unchanged'],
]);

/** A leading symbol or two (✔, ▲, ●) before a word, as some keys write "✔ On target". */
const LEADING_SYMBOL = /^[^\p{L}\p{N}\s]{1,2}\s*/u;

/** Whether `value` is empty or a bare status (kind 'status') or direction of travel (kind 'dot'). */
export function isReplaceable(kind: 'status' | 'dot', value: CellValue | undefined): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value !== 'string') return false;
  const text = value.replace(/\s+/g, ' ').trim();
  if (text === '') return true;
  // One symbol of whatever key the workbook used (a digit is a score, not a symbol).
  if ([...text].length <= 2 && !/\d/.test(text)) return true;
  const word = text.replace(LEADING_SYMBOL, '').replace(/[.!]+$/, '').toLowerCase();
  return (kind === 'status' ? STATUS_WORDS : DOT_WORDS).has(word);
}
