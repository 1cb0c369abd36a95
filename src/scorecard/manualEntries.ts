/**
 * Which status and DOT cells a run may replace. A cell that holds nothing, or a status or direction of travel
 * as this tool or a council's key writes it (a symbol, a word, or a symbol and a word), is a rating and is
 * rewritten. Anything else is someone's own entry ("✔ agreed by DMT 12/10", a score, a date) and is kept:
 * a rating tool that overwrites work is not used twice. The words are the engine's own (vocabulary/statuses):
 * a word the engine reads as a status is a status here too.
 */
import { phraseRegex } from '../engine/vocabulary/phraseRegex';
import { bareWords, DOT_DETAIL_WORDS, DOT_WORDS, NEEDS_REVIEW_WORDS, STATUS_PLACEHOLDER_WORDS, STATUS_WORDS } from '../engine/vocabulary/statuses';
import type { CellValue } from '../workbook/grid';

// "Needs review" is what a run writes on a RAG sheet where the rules cannot settle a row: a rating, not an entry.
const STATUS_CELL_RE = phraseRegex([...Object.keys(STATUS_WORDS), ...STATUS_PLACEHOLDER_WORDS, ...NEEDS_REVIEW_WORDS], 'whole');
const DOT_CELL_RE = phraseRegex([...Object.keys(DOT_WORDS), ...DOT_DETAIL_WORDS], 'whole');

/** Whether `value` is empty or a bare status (kind 'status') or direction of travel (kind 'dot'). */
export function isReplaceable(kind: 'status' | 'dot', value: CellValue | undefined): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value !== 'string') return false;
  const text = value.replace(/\s+/g, ' ').trim();
  if (text === '') return true;
  // One symbol of whatever key the workbook used (a digit is a score, not a symbol).
  if ([...text].length <= 2 && !/\d/.test(text)) return true;
  return (kind === 'status' ? STATUS_CELL_RE : DOT_CELL_RE).test(bareWords(text));
}
