import type { MonthIndex, Period } from './types';
import {
  ACADEMIC_WORDS,
  HALF_WORDS,
  MONTH_NAMES,
  QUARTER_WORDS,
  SPAN_JOINERS,
  TERM_END_MONTHS,
  VALUE_WORDS,
  YEAR_END_SUFFIXES,
  YEAR_END_WORDS,
  YTD_WORDS,
} from './vocabulary/periods';

const MONTH_LABELS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A regex alternative of a vocabulary list: longest first (so "september" is tried before "sep"), spaces loose. */
function alternatives(words: readonly string[]): string {
  return [...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&').replace(/ /g, '\\s*'))
    .join('|');
}

const MONTH_RE = `(${alternatives(Object.keys(MONTH_NAMES))})`;
const QUARTER_RE = `(?:${alternatives(QUARTER_WORDS)})\\s*\\.?\\s*([1-4])`;
const HALF_RE = `(?:${alternatives(HALF_WORDS)})\\s*([12])`;
const JOIN_RE = `\\s*(?:${alternatives(SPAN_JOINERS)})\\s*`;
const YTD_RE = `(?:${alternatives(YTD_WORDS)})`;
const YEAR_END_RE = `(?:${alternatives(YEAR_END_WORDS)})`;
const YEAR_END_SUFFIX_RE = `(?:${alternatives(YEAR_END_SUFFIXES)})`;
const ACADEMIC_RE = `(?:${alternatives(ACADEMIC_WORDS)})`;
const TERM_RE = `(${alternatives(Object.keys(TERM_END_MONTHS))})`;
const VALUE_WORDS_RE = new RegExp(`^(?:${alternatives(VALUE_WORDS)})\\s+|\\s+(?:${alternatives(VALUE_WORDS)})$`, 'g');

export function monthIndex(year: number, month: number): MonthIndex {
  return year * 12 + (month - 1);
}
export function yearOf(m: MonthIndex): number {
  return Math.floor(m / 12);
}
export function monthOf(m: MonthIndex): number {
  return (m % 12) + 1;
}
/** "Sep 2017". */
export function monthLabel(m: MonthIndex): string {
  return `${MONTH_LABELS[monthOf(m) - 1]} ${yearOf(m)}`;
}

/** The April that starts the financial year holding month m. */
export function financialYearStart(m: MonthIndex): MonthIndex {
  const y = yearOf(m);
  return monthOf(m) >= 4 ? monthIndex(y, 4) : monthIndex(y - 1, 4);
}
/** The September that starts the academic year holding month m. */
export function academicYearStart(m: MonthIndex): MonthIndex {
  const y = yearOf(m);
  return monthOf(m) >= 9 ? monthIndex(y, 9) : monthIndex(y - 1, 9);
}

/** Two- or four-digit year to four digits; two digits are this century. */
function fullYear(text: string): number {
  const n = Number(text);
  return text.length <= 2 ? 2000 + n : n;
}

/** "2016/17", "2016-17", "16/17", "2016/2017": the financial (or academic) year's first calendar year. */
function splitYear(text: string): number | null {
  const m = /^(\d{2}|\d{4})\s*[/-]\s*(\d{2}|\d{4})$/.exec(text);
  if (!m) return null;
  const a = fullYear(m[1]);
  const b = fullYear(m[2]);
  return b === a + 1 || b % 100 === (a + 1) % 100 ? a : null;
}

function period(kind: Period['kind'], start: MonthIndex, end: MonthIndex, label: string, academic = false): Period {
  return academic ? { kind, start, end, label, academic } : { kind, start, end, label };
}

/** A financial quarter: Q1 is April to June. */
function financialQuarter(fyStart: number, q: number, label: string): Period {
  const start = monthIndex(fyStart, 4) + (q - 1) * 3;
  return period('quarter', start, start + 2, label);
}

const YEAR_PAIR = '(\\d{2,4}\\s*[/-]\\s*\\d{2,4})';

// The title patterns, built once: a header row asks every cell whether it is a period.
const YTD_TITLE = new RegExp(`^${YTD_RE}(?:\\s*${YEAR_PAIR})?$`);
const YEAR_END_TITLE = new RegExp(`^(?:${YEAR_END_RE}\\s*)?${YEAR_PAIR}(?:\\s*${YEAR_END_SUFFIX_RE})?$`);
const ACADEMIC_TITLE = new RegExp(`^(?:${ACADEMIC_RE}\\s*)?${YEAR_PAIR}\\s*(?:${ACADEMIC_RE})?$`);
const ACADEMIC_WORD = new RegExp(ACADEMIC_RE);
const YEAR_QUARTER_TITLE = new RegExp(`^${YEAR_PAIR}\\s*${QUARTER_RE}$`);
const QUARTER_YEAR_TITLE = new RegExp(`^${QUARTER_RE}\\s*[:.-]?\\s*(?:\\(?\\s*${MONTH_RE}${JOIN_RE}${MONTH_RE}\\s*\\)?\\s*)?${YEAR_PAIR}$`);
const MONTH_SPAN_TITLE = new RegExp(`^(?:${QUARTER_RE}\\s*[:.-]?\\s*)?${MONTH_RE}${JOIN_RE}${MONTH_RE}\\s*(\\d{2}|\\d{4})?$`);
const QUARTER_CALENDAR_TITLE = new RegExp(`^${QUARTER_RE}\\s*(\\d{4})$`);
const ROLLING_TITLE = new RegExp(`^(\\d{1,2}) months? (?:to|ending) ${MONTH_RE}\\s*(\\d{2}|\\d{4})?$`);
const HALF_TITLE = new RegExp(`^${HALF_RE}\\s*${YEAR_PAIR}$`);
const TERM_TITLE = new RegExp(`^${TERM_RE}(?: term)?\\s*(\\d{2,4}(?:\\s*[/-]\\s*\\d{2,4})?)$`);
const MONTH_TITLE = new RegExp(`^${MONTH_RE}[\\s\\-']*'?(\\d{2}|\\d{4})$`);
const SHORT_QUARTER = new RegExp(`^${QUARTER_RE}$`);
const SHORT_HALF = new RegExp(`^${HALF_RE}$`);
const SHORT_YEAR_END = new RegExp(`^(?:${YEAR_END_RE}|${YEAR_END_SUFFIX_RE})$`);
const SHORT_YTD = new RegExp(`^${YTD_RE}$`);
const SHORT_MONTH = new RegExp(`^${MONTH_RE}$`);
const SHORT_MONTH_SPAN = new RegExp(`^(?:${QUARTER_RE}\\s*[:.-]?\\s*)?\\(?${MONTH_RE}${JOIN_RE}${MONTH_RE}\\)?$`);
const SHORT_TERM = new RegExp(`^${TERM_RE}(?: term)?$`);

/** A financial year's April, from a title that is nothing but the year: "2017/18", "2017-18", "17/18". */
export function financialYearOf(title: unknown): number | null {
  if (typeof title !== 'string') return null;
  return splitYear(title.replace(/\s/g, ''));
}

/** The month a date falls in, labelled "Sep-17" as Excel's mmm-yy shows it. */
function monthOfDate(date: Date): Period | null {
  if (Number.isNaN(date.getTime())) return null;
  const m = monthIndex(date.getUTCFullYear(), date.getUTCMonth() + 1);
  return period('month', m, m, `${MONTH_LABELS[monthOf(m) - 1]}-${String(yearOf(m) % 100).padStart(2, '0')}`);
}

/** Lower case, one space between words, without the words that only say the column holds values. */
function periodText(label: string): string {
  return label.toLowerCase().replace(VALUE_WORDS_RE, '').trim();
}

/**
 * Reads a period column header ("Year end 2016/17", "Q2 Jul - Sep 2017", "Jul-17", "2017/18 Q2", "Qtr 2
 * 2017/18", "Sep 2017", "3 months to Sep", "Autumn term 2017", an Excel date), by the spellings of
 * vocabulary/periods.ts. `contextYear` resolves headers with no year. Returns null for anything that is not
 * a period, so ordinary column titles are never mistaken for one.
 */
export function parsePeriod(header: unknown, contextYear?: number): Period | null {
  if (header instanceof Date) return monthOfDate(header);
  if (typeof header !== 'string') return null;
  const label = header.replace(/\s+/g, ' ').trim();
  const t = periodText(label);
  if (!t || t.length > 60) return null;
  let m: RegExpExecArray | null;

  // Year to date: "YTD", "Year to Date 15/16".
  if ((m = YTD_TITLE.exec(t))) {
    const fy = m[1] ? splitYear(m[1].replace(/\s/g, '')) : contextYear ?? null;
    if (fy === null) return null;
    return period('ytd', monthIndex(fy, 4), monthIndex(fy + 1, 3), label);
  }
  // Year end: "Year end 2016/17", "2016/17", "Outturn 2016/17", "2016/17 year end", "Annual 2016/17".
  if ((m = YEAR_END_TITLE.exec(t))) {
    const fy = splitYear(m[1].replace(/\s/g, ''));
    if (fy === null) return null;
    return period('year', monthIndex(fy, 4), monthIndex(fy + 1, 3), label);
  }
  // Academic year: "Academic year 2016/17", "2016/17 academic year".
  if ((m = ACADEMIC_TITLE.exec(t)) && ACADEMIC_WORD.test(t)) {
    const ay = splitYear(m[1].replace(/\s/g, ''));
    if (ay === null) return null;
    return period('year', monthIndex(ay, 9), monthIndex(ay + 1, 8), label, true);
  }
  // Quarter with year pair: "2017/18 Q2", "Q2 2017/18", "Qtr 2 17/18", "2017/18 Quarter 2", "Q2 (Jul-Sep) 2017/18".
  if (
    (m = YEAR_QUARTER_TITLE.exec(t)) ||
    (m = QUARTER_YEAR_TITLE.exec(t))
  ) {
    const yearFirst = /^\d/.test(t);
    const q = yearFirst ? m[2] : m[1];
    const yp = yearFirst ? m[1] : m[4];
    const fy = splitYear(yp.replace(/\s/g, ''));
    if (fy === null) return null;
    return financialQuarter(fy, Number(q), label);
  }
  // Quarter by months: "Q2 Jul - Sep 2017", "Q1 Apr - June 2017", "Jul - Sep 2017", "Jul-Sep 17".
  if ((m = MONTH_SPAN_TITLE.exec(t))) {
    const year = m[4] ? fullYear(m[4]) : contextYear;
    if (year === undefined) return null;
    return monthSpan(MONTH_NAMES[m[2]], MONTH_NAMES[m[3]], monthIndex(year, MONTH_NAMES[m[3]]), label);
  }
  // Bare quarter with calendar year: "Q2 2017" is ambiguous; councils mean the financial quarter ending in that year.
  if ((m = QUARTER_CALENDAR_TITLE.exec(t))) {
    const q = Number(m[1]);
    const y = Number(m[2]);
    const fy = q === 4 ? y - 1 : y;
    return financialQuarter(fy, q, label);
  }
  // Rolling: "3 months to Sep", "6 months to Sep 2017", "12 months to March 2017".
  if ((m = ROLLING_TITLE.exec(t))) {
    const n = Number(m[1]);
    const year = m[3] ? fullYear(m[3]) : contextYear;
    if (year === undefined || n < 1 || n > 12) return null;
    const end = monthIndex(year, MONTH_NAMES[m[2]]);
    const kind = n === 1 ? 'month' : n === 3 ? 'quarter' : n === 6 ? 'half' : n === 12 ? 'year' : 'ytd';
    return period(kind, end - n + 1, end, label);
  }
  // Half years: "H1 2017/18".
  if ((m = HALF_TITLE.exec(t))) {
    const fy = splitYear(m[2].replace(/\s/g, ''));
    if (fy === null) return null;
    return financialHalf(fy, Number(m[1]), label);
  }
  // Terms: "Autumn term 2017", "Summer 17", "Spring term 2017/18".
  if ((m = TERM_TITLE.exec(t))) {
    const yearText = m[2].replace(/\s/g, '');
    const ay = splitYear(yearText);
    return term(m[1], ay !== null ? (m[1] === 'autumn' ? ay : ay + 1) : fullYear(yearText), label);
  }
  // Months: "Jul-17", "Feb 16", "Sep 2017", "September 2017", "Sep-2017", "Mar '16".
  if ((m = MONTH_TITLE.exec(t))) {
    const mi = monthIndex(fullYear(m[2]), MONTH_NAMES[m[1]]);
    return period('month', mi, mi, label);
  }
  return null;
}

/**
 * Reads a short period title written under a financial year ("2017/18" merged over "Q1", "Q2", "Jul",
 * "Year end"): "Q1" is April to June of that year, "Jan" is January of the next calendar year. A title that
 * is a whole period on its own ("Q2 2016/17") keeps its own year.
 */
export function parsePeriodInYear(header: unknown, fyStart: number): Period | null {
  const own = parsePeriod(header, fyStart);
  if (own || typeof header !== 'string') return own;
  const short = header.replace(/\s+/g, ' ').trim();
  const t = periodText(short);
  const yearText = `${fyStart}/${String((fyStart + 1) % 100).padStart(2, '0')}`;
  const label = `${short} ${yearText}`;
  let m: RegExpExecArray | null;
  if ((m = SHORT_QUARTER.exec(t))) return financialQuarter(fyStart, Number(m[1]), label);
  if ((m = SHORT_HALF.exec(t))) return financialHalf(fyStart, Number(m[1]), label);
  if (SHORT_YEAR_END.test(t)) return period('year', monthIndex(fyStart, 4), monthIndex(fyStart + 1, 3), label);
  if (SHORT_YTD.test(t)) return period('ytd', monthIndex(fyStart, 4), monthIndex(fyStart + 1, 3), label);
  if ((m = SHORT_MONTH.exec(t))) {
    const month = MONTH_NAMES[m[1]];
    const mi = monthIndex(month >= 4 ? fyStart : fyStart + 1, month);
    return period('month', mi, mi, `${short} ${yearOf(mi)}`);
  }
  if ((m = SHORT_MONTH_SPAN.exec(t))) {
    const last = MONTH_NAMES[m[3]];
    return monthSpan(MONTH_NAMES[m[2]], last, monthIndex(last >= 4 ? fyStart : fyStart + 1, last), label);
  }
  if ((m = SHORT_TERM.exec(t))) return term(m[1], m[1] === 'autumn' ? fyStart : fyStart + 1, label);
  return null;
}

/** A run of months ending at `end`: a quarter, a half, a month or a year, by how many months it spans. */
function monthSpan(first: number, last: number, end: MonthIndex, label: string): Period | null {
  const span = (last - first + 12) % 12;
  const kind = span === 2 ? 'quarter' : span === 5 ? 'half' : span === 0 ? 'month' : span === 11 ? 'year' : null;
  return kind ? period(kind, end - span, end, label) : null;
}

function financialHalf(fyStart: number, h: number, label: string): Period {
  const start = monthIndex(fyStart, 4) + (h - 1) * 6;
  return period('half', start, start + 5, label);
}

/** A school term ending in the given calendar year. */
function term(name: string, endYear: number, label: string): Period {
  const end = monthIndex(endYear, TERM_END_MONTHS[name]);
  const start = name === 'autumn' ? monthIndex(endYear, 9) : name === 'spring' ? monthIndex(endYear, 1) : monthIndex(endYear, 5);
  return period('term', start, end, label, true);
}

/** Excel's serial day number (1900 date system, as stored under a date format) as a date. */
export function dateFromSerial(serial: number): Date | null {
  // Before 1 March 1900 Excel counts a 29 February that never was; no scorecard header is that old.
  if (!Number.isFinite(serial) || serial < 61 || serial > 2958465) return null;
  return new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86400000);
}

/** Months a period of this kind spans, for "the previous period of the same frequency". */
export function periodLength(p: Period): number {
  return p.end - p.start + 1;
}

/** Same kind and same months: two columns that hold the same thing. */
export function samePeriod(a: Period, b: Period): boolean {
  return a.kind === b.kind && a.start === b.start && a.end === b.end;
}
