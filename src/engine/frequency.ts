import { memoByText } from './memo';
import type { CellInput } from './types';
import { FREQUENCY_CODES, FREQUENCY_WORDS } from './vocabulary/frequency';
import type { Frequency } from './vocabulary/frequency';

export type { Frequency };

/**
 * Reads a reporting-frequency cell ("Monthly", "Quarterly", "6 monthly", "Q", "6M", "Qtrly", "Bi-annual",
 * "Termly") by the tables of vocabulary/frequency.ts.
 */
export function parseFrequency(cell: CellInput): Frequency {
  return frequencyOf(String(cell.value ?? ''));
}

const frequencyOf = memoByText((text: string): Frequency => {
  const t = text.replace(/\s+/g, ' ').trim().toLowerCase();
  if (!t) return 'unknown';
  const code = FREQUENCY_CODES[t.replace(/[\s.]/g, '')];
  if (code) return code;
  const word = FREQUENCY_WORDS.find(([w]) => t.startsWith(w) || t.includes(` ${w}`) || t.includes(`(${w}`) || t.includes(`-${w}`));
  return word ? word[1] : 'unknown';
});
