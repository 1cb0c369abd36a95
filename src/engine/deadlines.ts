import { monthIndex, parsePeriod } from './periods';
import type { MonthIndex } from './types';
import { phraseRegex } from './vocabulary/phraseRegex';
import { DEADLINE_END_OF_WORDS, DEADLINE_WORDS } from './vocabulary/targets';

/** A date after the deadline words: "[31] March 2018", "Dec 17", "2019/20", "2020". */
const DATE = "(?:\\d{1,2}(?:st|nd|rd|th)?\\s+)?[a-z]{3,9}\\.?\\s*'?\\d{2,4}|\\d{2,4}\\s*[/-]\\s*\\d{2,4}|\\d{4}";
const DEADLINE_RE = new RegExp(`${phraseRegex(DEADLINE_WORDS).source}\\s+(${DATE})\\b`, 'gi');
const END_OF_RE = phraseRegex(DEADLINE_END_OF_WORDS, 'start');
const LEADING_DAY_RE = /^\d{1,2}(?:st|nd|rd|th)?\s+/i;

export interface Deadline {
  /** As written after "by": "April 2018", "the end of March 2018". */
  text: string;
  /** Where the whole phrase ("by April 2018") sits in the text, so its numbers are not read as the target. */
  index: number;
  length: number;
  month: MonthIndex;
}

/**
 * The month a deadline date names. A bare year after "by" is the March that ends the financial year ("by
 * 2020" → March 2020); after "by the end of" it is December ("by the end of 2019").
 */
function deadlineMonth(date: string, endOf: boolean): MonthIndex | undefined {
  const bare = /^\d{4}$/.exec(date);
  if (bare) {
    const year = Number(bare[0]);
    if (year < 1990 || year > 2099) return undefined;
    return monthIndex(year, endOf ? 12 : 3);
  }
  const period = parsePeriod(date.replace(LEADING_DAY_RE, '').replace('.', ' '));
  return period ? period.end : undefined;
}

/**
 * The first deadline in a target's wording that reads as a date: "100% by April 2018", "by the end of
 * 2019/20", "by Dec 17". Only a date is a deadline: not "reduce by 5%", nor "by 1000" (not a year).
 */
export function findDeadline(text: string): Deadline | undefined {
  DEADLINE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = DEADLINE_RE.exec(text))) {
    const month = deadlineMonth(m[2], END_OF_RE.test(m[1]));
    if (month === undefined) continue;
    return { text: m[0].replace(/^by\s+/i, ''), index: m.index, length: m[0].length, month };
  }
  return undefined;
}
