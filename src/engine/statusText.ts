import type { StatusKey } from './types';
import { meaningReader } from './vocabulary/phraseRegex';
import { STATUS_SYMBOLS, STATUS_WORDS } from './vocabulary/statuses';

const statusWord = meaningReader(STATUS_WORDS, 'start');

/**
 * Reads a status cell written by a person or by us: a word ("Off target", "Amber") or a symbol. The
 * workbook's own key is tried before the default symbols, since some keys reuse a symbol for two statuses.
 * The words and symbols, and their precedence, are in vocabulary/statuses.
 */
export function parseStatusText(text: unknown, key?: Partial<Record<StatusKey, string>>): StatusKey | null {
  if (typeof text !== 'string') return null;
  const t = text.replace(/\s+/g, ' ').trim();
  if (!t) return null;
  const word = statusWord(t);
  if (word) return word;
  const first = [...t][0];
  if (key) {
    const hits = (Object.keys(key) as StatusKey[]).filter((k) => key[k] && [...(key[k] as string)][0] === first);
    if (hits.length === 1) return hits[0];
  }
  return STATUS_SYMBOLS[first] ?? STATUS_SYMBOLS[first.toLowerCase()] ?? null;
}
