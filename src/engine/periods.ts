import type { MonthIndex, Period } from './types';

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11,
  dec: 12, december: 12,
};
const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTH_RE = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';

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
  return `${MONTH_NAMES[monthOf(m) - 1]} ${yearOf(m)}`;
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
const TERM_END: Record<string, number> = { autumn: 12, spring: 4, summer: 7 };

/**
 * Reads a period column header ("Year end 2016/17", "Q2 Jul - Sep 2017", "Jul-17", "2017/18 Q2", "Sep 2017",
 * "3 months to Sep", "Autumn term 2017", an Excel date). `contextYear` resolves headers with no year.
 * Returns null for anything that is not a period, so ordinary column titles are never mistaken for one.
 */
export function parsePeriod(header: unknown, contextYear?: number): Period | null {
  if (header instanceof Date && !Number.isNaN(header.getTime())) {
    const m = monthIndex(header.getUTCFullYear(), header.getUTCMonth() + 1);
    return period('month', m, m, `${MONTH_NAMES[monthOf(m) - 1]}-${String(yearOf(m) % 100).padStart(2, '0')}`);
  }
  if (typeof header !== 'string') return null;
  const label = header.replace(/\s+/g, ' ').trim();
  const t = label.toLowerCase();
  if (!t || t.length > 60) return null;
  let m: RegExpExecArray | null;

  // Year to date: "YTD", "Year to Date 15/16".
  if ((m = new RegExp(`^(?:ytd|year to date)(?:\\s*${YEAR_PAIR})?$`).exec(t))) {
    const fy = m[1] ? splitYear(m[1].replace(/\s/g, '')) : contextYear ?? null;
    if (fy === null) return null;
    return period('ytd', monthIndex(fy, 4), monthIndex(fy + 1, 3), label);
  }
  // Year end: "Year end 2016/17", "2016/17", "Outturn 2016/17", "2016/17 year end", "Annual 2016/17".
  if ((m = new RegExp(`^(?:(?:year[ -]?end|outturn|annual|full year|fy)\\s*)?${YEAR_PAIR}(?:\\s*(?:year[ -]?end|outturn|actual))?$`).exec(t))) {
    const fy = splitYear(m[1].replace(/\s/g, ''));
    if (fy === null) return null;
    return period('year', monthIndex(fy, 4), monthIndex(fy + 1, 3), label);
  }
  // Academic year: "Academic year 2016/17", "2016/17 academic year".
  if ((m = new RegExp(`^(?:academic year\\s*)?${YEAR_PAIR}\\s*(?:academic(?: year)?)?$`).exec(t)) && /academic/.test(t)) {
    const ay = splitYear(m[1].replace(/\s/g, ''));
    if (ay === null) return null;
    return period('year', monthIndex(ay, 9), monthIndex(ay + 1, 8), label, true);
  }
  // Quarter with year pair: "2017/18 Q2", "Q2 2017/18", "Q2 17/18".
  if ((m = new RegExp(`^${YEAR_PAIR}\\s*q([1-4])$`).exec(t)) || (m = new RegExp(`^q([1-4])\\s*${YEAR_PAIR}$`).exec(t))) {
    const [q, yp] = /^q/.test(t) ? [m[1], m[2]] : [m[2], m[1]];
    const fy = splitYear(yp.replace(/\s/g, ''));
    if (fy === null) return null;
    return financialQuarter(fy, Number(q), label);
  }
  // Quarter by months: "Q2 Jul - Sep 2017", "Q1 Apr - June 2017", "Jul - Sep 2017", "Jul-Sep 17".
  if ((m = new RegExp(`^(?:q([1-4])\\s*[:.-]?\\s*)?${MONTH_RE}\\s*(?:-|–|to)\\s*${MONTH_RE}\\s*(\\d{2}|\\d{4})?$`).exec(t))) {
    const first = MONTHS[m[2]];
    const last = MONTHS[m[3]];
    const year = m[4] ? fullYear(m[4]) : contextYear;
    if (year === undefined) return null;
    const end = monthIndex(year, last);
    const span = (last - first + 12) % 12;
    const kind = span === 2 ? 'quarter' : span === 5 ? 'half' : span === 0 ? 'month' : span === 11 ? 'year' : null;
    if (!kind) return null;
    return period(kind, end - span, end, label);
  }
  // Bare quarter with calendar year: "Q2 2017" is ambiguous; councils mean the financial quarter ending in that year.
  if ((m = /^q([1-4])\s*(\d{4})$/.exec(t))) {
    const q = Number(m[1]);
    const y = Number(m[2]);
    const fy = q === 4 ? y - 1 : y;
    return financialQuarter(fy, q, label);
  }
  // Rolling: "3 months to Sep", "6 months to Sep 2017", "12 months to March 2017".
  if ((m = new RegExp(`^(\\d{1,2}) months? (?:to|ending) ${MONTH_RE}\\s*(\\d{2}|\\d{4})?$`).exec(t))) {
    const n = Number(m[1]);
    const year = m[3] ? fullYear(m[3]) : contextYear;
    if (year === undefined || n < 1 || n > 12) return null;
    const end = monthIndex(year, MONTHS[m[2]]);
    const kind = n === 1 ? 'month' : n === 3 ? 'quarter' : n === 6 ? 'half' : n === 12 ? 'year' : 'ytd';
    return period(kind, end - n + 1, end, label);
  }
  // Half years: "H1 2017/18".
  if ((m = new RegExp(`^h([12])\\s*${YEAR_PAIR}$`).exec(t))) {
    const fy = splitYear(m[2].replace(/\s/g, ''));
    if (fy === null) return null;
    const start = monthIndex(fy, 4) + (Number(m[1]) - 1) * 6;
    return period('half', start, start + 5, label);
  }
  // Terms: "Autumn term 2017", "Summer 17", "Spring term 2017/18".
  if ((m = new RegExp(`^(autumn|spring|summer)(?: term)?\\s*(\\d{2,4}(?:\\s*[/-]\\s*\\d{2,4})?)$`).exec(t))) {
    const term = m[1];
    const yearText = m[2].replace(/\s/g, '');
    const ay = splitYear(yearText);
    const endMonth = TERM_END[term];
    let endYear: number;
    if (ay !== null) endYear = term === 'autumn' ? ay : ay + 1;
    else endYear = fullYear(yearText);
    const end = monthIndex(endYear, endMonth);
    const start = term === 'autumn' ? monthIndex(endYear, 9) : term === 'spring' ? monthIndex(endYear, 1) : monthIndex(endYear, 5);
    return period('term', start, end, label, true);
  }
  // Months: "Jul-17", "Feb 16", "Sep 2017", "September 2017", "Sep-2017", "Mar '16".
  if ((m = new RegExp(`^${MONTH_RE}[\\s\\-']*'?(\\d{2}|\\d{4})$`).exec(t))) {
    const mi = monthIndex(fullYear(m[2]), MONTHS[m[1]]);
    return period('month', mi, mi, label);
  }
  return null;
}

/** Months a period of this kind spans, for "the previous period of the same frequency". */
export function periodLength(p: Period): number {
  return p.end - p.start + 1;
}

/** Same kind and same months: two columns that hold the same thing. */
export function samePeriod(a: Period, b: Period): boolean {
  return a.kind === b.kind && a.start === b.start && a.end === b.end;
}
