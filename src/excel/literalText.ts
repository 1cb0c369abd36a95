/**
 * Excel treats a string written to Range.values like typed input: "=A1" becomes a formula, "43.5%" a number,
 * "Sep-17" a date, "6.10" the number 6.1. A leading apostrophe keeps the text as it is (and is not shown).
 * The core's contract is that text is written as text, so every string goes through asLiteralText.
 */

const NUMBER_LIKE = /^[\s(]*[-+]?[£$€]?\s*(\d[\d,]*\.?\d*|\.\d+)(e[-+]?\d+)?\s*%?[\s)]*$/i;
const DATE_LIKE = /^\d{1,4}[/\-.]\d{1,2}([/\-.]\d{1,4})?$/;
const MONTH_DATE =
  /^(\d{1,2}[\s\-/])?(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?([\s\-/,]+\d{1,4}){0,2}$/i;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}([ T][\d:.]+Z?)?$/;
const TIME_LIKE = /^\d{1,2}:\d{2}(:\d{2})?(\s*[ap]m)?$/i;
const BOOLEAN_OR_ERROR = /^(true|false|#[a-z/0!?]+[!?]?)$/i;

/** True when Excel would read the string as something other than that exact text. */
export function needsQuotePrefix(s: string): boolean {
  if (s === '') return false;
  if (/^[=+\-@']/.test(s)) return true;
  const t = s.trim();
  if (t !== s && t === '') return false;
  return NUMBER_LIKE.test(t) || DATE_LIKE.test(t) || ISO_DATE_TIME.test(t) || MONTH_DATE.test(t) || TIME_LIKE.test(t) || BOOLEAN_OR_ERROR.test(t);
}

/** The string to put in Range.values so that the cell holds exactly `s` as text. */
export function asLiteralText(s: string): string {
  return needsQuotePrefix(s) ? `'${s}` : s;
}
