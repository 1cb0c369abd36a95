import { memoByText } from './memo';
import type { CellInput, Polarity } from './types';
import { POLARITY_ANYWHERE, POLARITY_LEAD_INS, POLARITY_OPENINGS } from './vocabulary/polarity';

/** Longest first, so "higher is better" is tried before "higher" and "aim to" before "aim". */
const OPENINGS = Object.keys(POLARITY_OPENINGS).sort((a, b) => b.length - a.length);
const LEAD_INS = [...POLARITY_LEAD_INS].sort((a, b) => b.length - a.length);

/** Whether text is the phrase or starts with it followed by something that is not part of a word. */
function opensWith(text: string, phrase: string): boolean {
  if (!text.startsWith(phrase)) return false;
  const next = text.charAt(phrase.length);
  return next === '' || !/[a-z0-9]/.test(next) || !/[a-z0-9]$/.test(phrase);
}

function withoutLeadIn(text: string): string {
  for (const lead of LEAD_INS) {
    if (text.startsWith(lead) && /^[\s:.\-–]/.test(text.slice(lead.length))) return text.slice(lead.length).replace(/^[\s:.\-–]+/, '');
  }
  return text;
}

/**
 * Reads a polarity cell ("High", "Low", "High - very or fairly satisfied", "Aim: Maximise", "Smaller is
 * better", "↑", "Not applicable") by the tables of vocabulary/polarity.ts. Null when it says nothing we know.
 */
export function parsePolarity(cell: CellInput): Polarity | null {
  return polarityOf(String(cell.value ?? ''));
}

const polarityOf = memoByText((text: string): Polarity | null => readPolarity(text));

function readPolarity(text: string): Polarity | null {
  const t = withoutLeadIn(text.replace(/\s+/g, ' ').trim().toLowerCase());
  if (!t) return null;
  const opening = OPENINGS.find((p) => opensWith(t, p));
  if (opening) return POLARITY_OPENINGS[opening];
  const anywhere = POLARITY_ANYWHERE.find(([p]) => t.includes(p));
  return anywhere ? anywhere[1] : null;
}
