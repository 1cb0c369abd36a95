import type { Comparator, NumberReading } from './types';

/** A number found inside typed text, with where it was. */
export interface NumberToken extends NumberReading {
  index: number;
  length: number;
  comparator?: Comparator;
}

// A number that is not glued to letters (so "Q2", "4Q", "S47" are skipped), with optional comparator, sign,
// currency, thousands separators, decimals, percent sign and scale word.
const NUMBER_RE =
  /(>=|<=|≥|≤|>|<)?\s*([£$€])?\s*(?<![\w.,/])(-)?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?![\d]*\.\d)(?!\w*\/\d)\s*(%|per ?cent\b)?\s*(bn\b|m\b|k\b|million\b|billion\b)?/gi;

const COMPARATORS: Record<string, Comparator> = { '>': '>', '>=': '>=', '≥': '>=', '<': '<', '<=': '<=', '≤': '<=' };

/** Counts the decimals a number was written with. */
export function decimalsOf(text: string): number {
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

/**
 * Every number in a piece of typed text, in order. Skips dates written with dots ("30.9.16"), tokens glued
 * to letters ("Q2") and year ranges ("2016/17"), which are labels rather than measurements.
 */
export function numbersIn(text: string): NumberToken[] {
  const out: NumberToken[] = [];
  NUMBER_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NUMBER_RE.exec(text))) {
    if (m[0].trim() === '') {
      NUMBER_RE.lastIndex++;
      continue;
    }
    const after = text.slice(m.index + m[0].length);
    // A letter straight after the digits ("4Q", "17th") means it is not a measurement.
    if (/^[A-Za-z]/.test(after) && !/\s$/.test(m[0]) && !m[6] && !m[7]) continue;
    const intPart = m[4].replace(/,/g, '');
    const frac = m[5] ?? '';
    let value = Number(intPart + frac);
    if (!Number.isFinite(value)) continue;
    if (m[3]) value = -value;
    const scale = m[7]?.toLowerCase();
    const unitParts = [m[2], scale].filter(Boolean) as string[];
    const token: NumberToken = {
      value,
      percent: Boolean(m[6]),
      decimals: frac ? frac.length - 1 : 0,
      index: m.index,
      length: m[0].length,
    };
    if (unitParts.length) token.unit = unitParts.join('');
    if (m[1]) token.comparator = COMPARATORS[m[1]];
    out.push(token);
  }
  return out;
}

/** Whether a text token looks like a four-digit year (1990-2099) rather than a quantity. */
export function looksLikeYear(t: NumberToken, text: string): boolean {
  if (t.percent || t.unit || t.decimals > 0) return false;
  if (t.value < 1990 || t.value > 2099) return false;
  const raw = text.slice(t.index, t.index + t.length);
  return !raw.includes(',');
}

/**
 * What a number format shows, read once per format: a workbook has a handful of formats and a hundred
 * thousand cells, each of which is asked for its decimals and whether it is a percentage.
 */
export interface FormatFacts {
  decimals: number | null;
  percent: boolean;
  literalPercent: boolean;
  date: boolean;
}
const formatCache = new Map<string, FormatFacts>();

function formatFacts(format: string): FormatFacts {
  let facts = formatCache.get(format);
  if (!facts) {
    if (formatCache.size > 1000) formatCache.clear();
    const percent = readPercent(format);
    facts = { decimals: readDecimals(format), percent, literalPercent: !percent && readLiteralPercent(format), date: readDate(format) };
    formatCache.set(format, facts);
  }
  return facts;
}

const GENERAL: FormatFacts = { decimals: null, percent: false, literalPercent: false, date: false };

/** Everything a number format says of the numbers under it, in one look-up (a value cell asks all of it). */
export function numberFormatFacts(format: string | null | undefined): FormatFacts {
  return format ? formatFacts(format) : GENERAL;
}

/** Decimals shown by an Excel number format ("0.0%" → 1, "#,##0" → 0); null for General. */
export function formatDecimals(format: string | null | undefined): number | null {
  return format ? formatFacts(format).decimals : null;
}

function readDecimals(format: string): number | null {
  if (/^general$/i.test(format)) return null;
  const first = format.split(';')[0].replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '');
  const m = /\.([0#?]+)/.exec(first);
  // Excel shows at most 30 decimals; a longer (hand-typed) format must not reach toFixed, which throws past 100.
  return m ? Math.min(m[1].length, 30) : 0;
}

/** Whether an Excel number format shows a percentage (the stored value is then a fraction). */
export function isPercentFormat(format: string | null | undefined): boolean {
  return format ? formatFacts(format).percent : false;
}

function readPercent(format: string): boolean {
  return /%/.test(format.split(';')[0].replace(/"[^"]*"/g, '').replace(/\\%/g, ''));
}

/**
 * Whether a format prints a percent sign it does not scale by: 0"%", 0.0"%", 0\%. Councils type 20 for 20%
 * and add the sign in the format, so the stored number is already in percent points.
 */
export function isLiteralPercentFormat(format: string | null | undefined): boolean {
  return format ? formatFacts(format).literalPercent : false;
}

function readLiteralPercent(format: string): boolean {
  const first = format.split(';')[0];
  return /"[^"]*%[^"]*"/.test(first) || /\\%/.test(first);
}

/**
 * Whether an Excel number format shows a date ("dd/mm/yyyy", "d-mmm-yy", "mmm-yy", "[$-409]d-mmm-yy;@",
 * "m/d/yy h:mm"): the stored number is then a day count, not a measurement. A time of day alone ("h:mm")
 * or an elapsed time ("[h]:mm") is not a date.
 */
export function isDateFormat(format: string | null | undefined): boolean {
  return format ? formatFacts(format).date : false;
}

function readDate(format: string): boolean {
  const first = format
    .split(';')[0]
    // Quoted text, escaped characters, [Red] / [$-409] / [h], and the fill and padding characters say nothing of dates.
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/[_*]./g, '')
    .replace(/AM\/PM|A\/P/gi, '')
    .toLowerCase();
  if (/general/.test(first)) return false;
  if (/[dy]/.test(first)) return true;
  // "m" is a month unless it sits among hours and seconds ("h:mm", "mm:ss").
  return /m/.test(first) && !/[hs0#?]/.test(first);
}

/**
 * The number a cell shows, in percent points when it is a percentage: 0.2 under 0% and 20 under 0"%" are
 * both 20 percent; under any other format the number is itself.
 */
export function shownNumber(value: number, format: string | null | undefined): { value: number; percent: boolean } {
  if (isPercentFormat(format)) return { value: value * 100, percent: true };
  return { value, percent: isLiteralPercentFormat(format) };
}

/** Rounds to a number of decimals without binary surprises (1.005 → 1.01). */
export function roundTo(value: number, decimals: number): number {
  const f = 10 ** Math.max(0, Math.min(decimals, 10));
  return Math.round((value + Number.EPSILON * Math.sign(value)) * f) / f;
}

/** "1234567.5" → "1,234,567.5". Done by hand: toLocaleString builds a formatter per call and dominated the run time. */
function groupThousands(fixed: string): string {
  const dot = fixed.indexOf('.');
  const int = dot < 0 ? fixed : fixed.slice(0, dot);
  if (int.length <= 3 || !allDigits(int)) return fixed;
  let out = '';
  for (let i = 0; i < int.length; i++) {
    if (i > 0 && (int.length - i) % 3 === 0) out += ',';
    out += int[i];
  }
  return dot < 0 ? out : out + fixed.slice(dot);
}

function allDigits(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** Shows a reading as a person wrote it: "43.5%", "2,750", "£3,856m". */
export function formatReading(r: NumberReading): string {
  const d = Math.min(Math.max(r.decimals, 0), 6);
  const magnitude = Math.abs(r.value);
  // A whole number below 1e21 shows the same digits by String as by toFixed(0), which costs more.
  const fixed = d === 0 && Number.isInteger(magnitude) && magnitude < 1e21 ? String(magnitude) : magnitude.toFixed(d);
  const body = groupThousands(fixed);
  const sign = r.value < 0 ? '-' : '';
  const unit = r.unit;
  if (!unit) return r.percent ? `${sign}${body}%` : sign ? sign + body : body;
  const first = unit.charAt(0);
  const currency = first === '£' || first === '$' || first === '€' ? first : '';
  const scale = currency ? unit.slice(1) : unit;
  return `${sign}${currency}${body}${r.percent ? '%' : ''}${scale}`;
}
