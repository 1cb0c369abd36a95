/** Column roles of a scorecard; the header wordings for them are data, in engine/vocabulary/columns.ts. */
import { COLUMN_WORDINGS, WEAK_COLUMN_WORDINGS } from '../engine/vocabulary/columns';
import type { ColumnRole } from '../engine/vocabulary/columns';

export type { ColumnRole };
/** The header wordings by role (the vocabulary's table, under the name older callers use). */
export const SYNONYMS = COLUMN_WORDINGS;

/** A weak wording scores below every ordinary one of any role, yet an exact weak header still makes a header row. */
const WEAK_PENALTY = 1.45;

/** Lower case, punctuation to spaces, one space between words. */
export function normaliseHeader(text: unknown): string {
  if (typeof text !== 'string') return '';
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019']/g, '')
    .replace(/[^a-z0-9%]+/g, ' ')
    .trim();
}

/** How well a header names a role: exact beats a leading match beats a whole-word match; longer wordings win ties; weak wordings lose to all. */
const scoreCache = new Map<string, { role: ColumnRole; score: number }[]>();
const NO_ROLES: { role: ColumnRole; score: number }[] = [];

export function roleScores(header: string): { role: ColumnRole; score: number }[] {
  // Every cell of every row is asked whether it is a header; most are numbers or long text, and the rest repeat.
  if (typeof header !== 'string' || header.length === 0 || header.length > 300) return NO_ROLES;
  const cached = scoreCache.get(header);
  if (cached) return cached;
  const result = computeRoleScores(header);
  if (scoreCache.size > 5000) scoreCache.clear();
  scoreCache.set(header, result);
  return result;
}

function computeRoleScores(header: string): { role: ColumnRole; score: number }[] {
  const h = normaliseHeader(header);
  if (!h || h.length > 240) return NO_ROLES;
  const out: { role: ColumnRole; score: number }[] = [];
  for (const role of Object.keys(SYNONYMS) as ColumnRole[]) {
    let best = 0;
    const weak = WEAK_COLUMN_WORDINGS[role] ?? [];
    for (const syn of SYNONYMS[role]) {
      let s = 0;
      if (h === syn) s = 3;
      else if (h.startsWith(`${syn} `)) s = 2;
      else if (h.length <= 60 && ` ${h} `.includes(` ${syn} `)) s = 1;
      if (s && weak.includes(syn)) s -= WEAK_PENALTY;
      if (s > 0) best = Math.max(best, s + syn.length / 100);
    }
    if (best) out.push({ role, score: best });
  }
  return out.sort((a, b) => b.score - a.score);
}

/** The first word of every wording, for a cheap test before scoring a cell. */
const FIRST_WORDS = new Set(Object.values(SYNONYMS).flatMap((list) => list.map((s) => s.split(' ')[0])));
/** By first letter (a = 0), a bit per length of the first words that start with it: most words need no look-up. */
const LENGTHS_BY_LETTER = new Int32Array(26);
for (const w of FIRST_WORDS) if (/^[a-z]/.test(w)) LENGTHS_BY_LETTER[w.charCodeAt(0) - 97] |= 1 << Math.min(w.length, 31);

function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

function isLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

/** Whether a cell's text could name a column at all: short, and starting with a word some wording starts with. */
export function mayBeHeader(text: unknown): boolean {
  if (typeof text !== 'string' || text.length === 0 || text.length > 300) return false;
  // The first run of letters after any non-word characters (/^\W*([A-Za-z]+)/), found by a char scan: this
  // is asked of every text cell of every row.
  const n = text.length;
  let i = 0;
  while (i < n && !isWordChar(text.charCodeAt(i))) i++;
  if (i === n) return false;
  const first = text.charCodeAt(i);
  if (!isLetter(first)) return false;
  let j = i + 1;
  while (j < n && isLetter(text.charCodeAt(j))) j++;
  if ((LENGTHS_BY_LETTER[(first | 32) - 97] & (1 << Math.min(j - i, 31))) === 0) return false;
  return FIRST_WORDS.has(text.slice(i, j).toLowerCase());
}

/** Roles that make a row look like a header row. */
export const CORE_ROLES: readonly ColumnRole[] = ['ref', 'measure', 'target', 'status', 'polarity', 'frequency', 'dot', 'green'];
