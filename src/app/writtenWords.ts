/**
 * The words the workbook gets for a row's status and direction of travel, read from the cells the run
 * writes, so the pane says exactly what the sheet says: "Green" and "Decline but within limits of target" on
 * a monthly RAG scorecard, where a symbol scorecard gets ✔ and ▼ (and the pane its own labels).
 */
import type { RatingRules } from '../engine/rules';
import { STATUS_KEYS, STATUS_LABELS } from '../engine/types';
import type { Rating, StatusKey } from '../engine/types';
import { RAG_STATUS_WORDS } from '../scorecard/planWrites';
import type { RatedSheet } from '../scorecard/types';

export interface WrittenWords {
  status?: string;
  dot?: { symbol: string; words: string };
}

/**
 * A lookup of one sheet's written words by 1-based row. A status cell written with the RAG word for the
 * row's status is a RAG row; a DOT cell written as more than its symbol is an eight-state one. A cell kept
 * as a person typed it is not written, and the pane then uses its own words.
 */
export function writtenWords(sheet: RatedSheet, rules: RatingRules): (row: number, rating: Rating) => WrittenWords {
  const byRow = new Map<number, { statuses: string[]; dot?: string }>();
  for (const w of sheet.writes) {
    if ((w.kind !== 'status' && w.kind !== 'dot') || typeof w.value !== 'string') continue;
    let entry = byRow.get(w.row + 1);
    if (!entry) byRow.set(w.row + 1, (entry = { statuses: [] }));
    if (w.kind === 'dot') entry.dot = w.value;
    else entry.statuses.push(w.value);
  }
  return (row, rating) => {
    const entry = byRow.get(row);
    if (!entry) return {};
    const out: WrittenWords = {};
    const rag = RAG_STATUS_WORDS[rating.status];
    if (rag !== rules.symbols[rating.status] && entry.statuses.includes(rag)) out.status = rag;
    const dot = entry.dot;
    if (dot !== undefined && dot !== rules.dotSymbols[rating.dot]) {
      // Eight-state text is the arrow, a space and the words; a row with no state gets not applicable's mark.
      const symbol = [rules.dotSymbols[rating.dot], rules.dotSymbols['not-applicable']].find((sym) => dot.startsWith(`${sym} `));
      out.dot = symbol !== undefined ? { symbol, words: dot.slice(symbol.length + 1) } : { symbol: '', words: dot };
    }
    return out;
  };
}

/**
 * The status words of a rating whose rows speak a RAG scorecard's words, for what lists statuses beyond
 * one row (the summary, the red flags): empty when no row does.
 */
export function sheetStatusWords(rows: readonly { statusWords?: string }[]): Partial<Record<StatusKey, string>> {
  if (!rows.some((r) => r.statusWords)) return {};
  return Object.fromEntries(STATUS_KEYS.filter((k) => RAG_STATUS_WORDS[k] !== STATUS_LABELS[k]).map((k) => [k, RAG_STATUS_WORDS[k]]));
}
