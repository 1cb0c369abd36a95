/**
 * The words and symbols of status and direction-of-travel (DOT) cells. Phrases follow the marks of
 * ./phraseRegex; case never matters.
 *
 * Precedence when a status cell is read (parseStatusText): a word of STATUS_WORDS at the start of the cell
 * (the first status listed with a word there wins; "Off target - see note" is off target); else the
 * workbook's own key, by the first symbol; else STATUS_SYMBOLS. A status or DOT cell is replaced by a run
 * only when the whole cell is one of these words (isReplaceable): the reader and the writer use the same
 * lists, so a word the engine reads as a status is never mistaken for someone's note, nor the reverse.
 */
import { DOT_DETAIL_LABELS, DOT_LABELS, STATUS_LABELS } from '../types';
import type { DotKey, StatusKey } from '../types';
import { phraseRegex } from './phraseRegex';

function labelsOf<K extends string>(labels: Readonly<Record<K, string>>): Record<string, K> {
  return Object.fromEntries((Object.entries(labels) as [K, string][]).map(([k, label]) => [label.toLowerCase(), k])) as Record<string, K>;
}

/** Status words, in precedence order. The labels this tool writes come first. */
export const STATUS_WORDS: Readonly<Record<string, StatusKey>> = {
  ...labelsOf(STATUS_LABELS),
  'on track': 'on-target',
  achieved: 'on-target',
  met: 'on-target',
  green: 'on-target',
  g: 'on-target',
  complete: 'on-target',
  completed: 'on-target',
  amber: 'satisfactory',
  a: 'satisfactory',
  'close to target': 'satisfactory',
  'near target': 'satisfactory',
  'within tolerance': 'satisfactory',
  'off track': 'off-target',
  'not met': 'off-target',
  missed: 'off-target',
  red: 'off-target',
  r: 'off-target',
  'below target': 'off-target',
  'in development': 'under-development',
  developing: 'under-development',
  'n/a': 'not-applicable',
  na: 'not-applicable',
  baseline: 'not-applicable',
  'not available': 'not-available',
  'no data': 'not-available',
  'awaiting data': 'not-available',
  'not due': 'not-available',
};

/** The default symbols; a workbook's own key is read first. "x" is a typed cross. */
export const STATUS_SYMBOLS: Readonly<Record<string, StatusKey>> = {
  '✔': 'on-target',
  '✓': 'on-target',
  '☑': 'on-target',
  '●': 'satisfactory',
  '•': 'satisfactory',
  '◉': 'satisfactory',
  '✘': 'off-target',
  '✗': 'off-target',
  '✖': 'off-target',
  '×': 'off-target',
  x: 'off-target',
  '◐': 'under-development',
  '□': 'not-applicable',
  '☐': 'not-applicable',
  '■': 'not-available',
};

/** Not a status, but a status cell holding only this is a placeholder a run may fill: the column's "RAG" copied down. */
export const STATUS_PLACEHOLDER_WORDS: readonly string[] = ['rag'];

/** A status cell that holds only one of these asks for a person to look at the row. */
export const NEEDS_REVIEW_WORDS: readonly string[] = ['needs review', 'need review', 'to review', 'for review', 'under review', 'review'];

/**
 * Direction-of-travel words people type, and the direction they mean. The labels this tool writes come
 * first; "up" and "down" say only which way the number moved, so they are an increase or a decrease.
 */
export const DOT_WORDS: Readonly<Record<string, DotKey>> = {
  ...labelsOf(DOT_LABELS),
  better: 'improved',
  improving: 'improved',
  worsened: 'worse',
  declining: 'worse',
  declined: 'worse',
  same: 'stable',
  'no change': 'stable',
  static: 'stable',
  unchanged: 'stable',
  up: 'increase',
  down: 'decrease',
  'n/a': 'not-applicable',
  na: 'not-applicable',
};

/** The eight-state DOT sentences this tool writes ("Decline but within limits of target"); whole cells only. */
export const DOT_DETAIL_WORDS: readonly string[] = Object.values(DOT_DETAIL_LABELS).map((l) => l.toLowerCase());

const NEEDS_REVIEW_RE = phraseRegex(NEEDS_REVIEW_WORDS, 'whole');

/** Whether a status cell asks for review ("Needs review", "To review."), ignoring a leading symbol and end punctuation. */
export function saysNeedsReview(text: string): boolean {
  return NEEDS_REVIEW_RE.test(bareWords(text));
}

/** A cell's words without a leading symbol or two ("✔ On target") or end punctuation, spaces collapsed. */
export function bareWords(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[^\p{L}\p{N}\s]{1,2}\s*/u, '')
    .replace(/[.!]+$/, '');
}
