import { formatDecimals, looksLikeYear, numbersIn, shownNumber } from './numbers';
import type { NumberToken } from './numbers';
import { MAX_QUOTED, shortText } from './shortText';
import { compositeParts } from './values';
import type { CellInput, Comparator, Polarity, TargetReading } from './types';

const BENCHMARK_RE =
  /(national average|national rate|england average|regional average|region(?:al)? rate|top quartile|upper quartile|quartile|statistical neighbours?|stat(?:istical)? neighbour|nearest neighbours?|comparators?|benchmark|core cities|met(?:ropolitan)? (?:authorities|average)|median)/i;
const PENDING_RE =
  /\b(tbc|tbd|tba|to be (?:set|confirmed|agreed|determined|developed|established)|awaiting|under development|in development|being developed|target (?:not yet )?set (?:later|in)|not yet set)\b/i;
const NONE_START_RE =
  /^(baseline|no target|not applicable|n\/a\b|na\b|none\b|nil\b|monitor|information only|info only|for information|contextual|data only|tracking only|no national target)/i;
const NONE_ANY_RE = /\b(baseline year|no target|not applicable|monitor(?:ing)? only|information only|for information only|contextual (?:measure|indicator))\b/i;
const SAME_AS_ABOVE_RE = /^(as above|as per above|see above|same as above|ditto|")\W*$/i;
const RELATIVE_RE =
  /^(?:an?\s+)?(\d+(?:\.\d+)?)\s*%\s*(reduction|decrease|fall|drop|less|lower|fewer|increase|rise|more|higher|growth|improvement)\b/i;
const RELATIVE_VERB_RE = /\b(reduc\w*|decreas\w*|increas\w*|improv\w*)\s+(?:by\s+)?(\d+(?:\.\d+)?)\s*%/i;
const EXPLICIT_TARGET_RE =
  /(?:\btarget(?:\s+of)?\s*[:=]?\s*((?:[£$€]\s*)?[\d,]+(?:\.\d+)?\s*%?))|(?:\(\s*((?:[£$€]\s*)?[\d,]+(?:\.\d+)?\s*%?)\s*(?:annual |year end |overall )?target)/i;
const FROM_TO_RE = /\bfrom\s+((?:[£$€]\s*)?[\d,]+(?:\.\d+)?\s*%?)\s+to\s+((?:[£$€]\s*)?[\d,]+(?:\.\d+)?\s*%?)/i;
const ANNUAL_TOTAL_RE =
  /\b(cumulative|for the (?:financial |academic )?year|per (?:year|annum)|p\.?\s?a\b|in[- ]year|year[- ]end target|annual target|by (?:the )?end of (?:the )?(?:financial )?year)\b/i;
const ACADEMIC_RE = /\bacademic\s*(?:yr|year)\b/i;
const DEADLINE_RE = /\bby\s+((?:the end of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{2,4}|(?:march|april)\s+\d{4}|\d{4})\b/i;

function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function comparatorAround(text: string, token: NumberToken): Comparator | undefined {
  if (token.comparator) return token.comparator;
  const before = text.slice(Math.max(0, token.index - 25), token.index).toLowerCase();
  const after = text.slice(token.index + token.length, token.index + token.length + 16).toLowerCase();
  if (/^\s*\+/.test(after) || /^\s*(or (more|above|higher|greater|over)|and above|minimum|min\b|plus\b)/.test(after)) return '>=';
  if (/^\s*(or (less|below|lower|fewer|under)|and below|maximum|max\b)/.test(after)) return '<=';
  if (/(at least|minimum of|min\.?|no less than|not less than|in line with or above|or above)\s*$/.test(before)) return '>=';
  if (/(more than|above|over|greater than|exceed(?:ing)?)\s*$/.test(before)) return '>';
  if (/(no more than|not more than|at most|maximum of|max\.?|up to|within)\s*$/.test(before)) return '<=';
  if (/(less than|below|under|fewer than)\s*$/.test(before)) return '<';
  return undefined;
}

function polarityOfComparator(c: Comparator | undefined): Polarity | undefined {
  if (!c) return undefined;
  return c.startsWith('>') ? 'high' : 'low';
}

/** The first number of a text that is a quantity, not a year ("For 2017/18, ..." or "by April 2018"). */
function firstQuantity(text: string): NumberToken | undefined {
  return numbersIn(text).find((t) => !looksLikeYear(t, text));
}

function tokenFrom(text: string): NumberToken | undefined {
  return numbersIn(text)[0];
}

/**
 * Reads a target cell: "336.9", "53%", ">53%", "37+", "<10", "10% reduction", "Baseline year", "No target",
 * "TBC", "In line with national average", "a) 100% b) 98.5%", "5000 (cumulative for the year)". Never throws.
 */
export function parseTarget(cell: CellInput): TargetReading {
  const reading = readTarget(cell);
  // Shortened for explanations only once the whole text has been read.
  return reading.display.length > MAX_QUOTED ? { ...reading, display: shortText(reading.display) } : reading;
}

function readTarget(cell: CellInput): TargetReading {
  const v = cell.value;
  if (typeof v === 'number') {
    const { value, percent } = shownNumber(v, cell.numberFormat);
    // NaN, Infinity, or a huge fraction that overflows once shown as a percentage: nothing to compare with.
    if (!Number.isFinite(value)) return { kind: 'text', display: String(v) };
    const decimals = formatDecimals(cell.numberFormat) ?? Math.min((String(value).split('.')[1] ?? '').length, 6);
    const display = cell.text && cell.text.trim() ? clean(cell.text) : percent ? `${value.toFixed(decimals)}%` : String(v);
    return { kind: 'number', display, value, percent, decimals };
  }
  if (v === null || v === undefined || typeof v === 'boolean' || v instanceof Date) {
    return { kind: 'missing', display: typeof v === 'boolean' ? String(v).toUpperCase() : '' };
  }
  const display = clean(String(v));
  if (!display || /^[-–—]+$/.test(display)) return { kind: 'missing', display };
  if (SAME_AS_ABOVE_RE.test(display)) return { kind: 'same-as-above', display };
  if (PENDING_RE.test(display)) return { kind: 'pending', display, reason: 'target still to be set' };
  const benchmark = BENCHMARK_RE.exec(display);
  const quantity = firstQuantity(display);
  if (NONE_START_RE.test(display) && !benchmark) return { kind: 'none', display, reason: noneReason(display) };
  if (!quantity && NONE_ANY_RE.test(display)) return { kind: 'none', display, reason: noneReason(display) };

  const explicit = EXPLICIT_TARGET_RE.exec(display);
  const relative = RELATIVE_RE.exec(display);
  const annualTotal = ANNUAL_TOTAL_RE.test(display) || ACADEMIC_RE.test(display);
  const academicYear = ACADEMIC_RE.test(display);
  const deadline = DEADLINE_RE.exec(display)?.[1];
  const extras = {
    ...(annualTotal ? { annualTotal: true } : {}),
    ...(academicYear ? { academicYear: true } : {}),
    ...(deadline ? { deadline } : {}),
  };

  // "Reduce by 5%": the verb's percentage is the only quantity (or an explicit target says what to use).
  const quantities = numbersIn(display).filter((t) => !looksLikeYear(t, display));
  const verbRelative = RELATIVE_VERB_RE.test(display) && (quantities.length === 1 || explicit !== null);
  const fromTo = FROM_TO_RE.exec(display);
  if (fromTo) {
    const from = tokenFrom(fromTo[1]);
    const to = tokenFrom(fromTo[2]);
    if (from && to) {
      const impliedPolarity: Polarity = to.value < from.value ? 'low' : 'high';
      return { kind: 'number', display, value: to.value, percent: to.percent, decimals: to.decimals, impliedPolarity, ...extras };
    }
  }
  if (relative || verbRelative) {
    if (explicit) {
      const t = tokenFrom(explicit[1] ?? explicit[2]);
      if (t) return { kind: 'number', display, value: t.value, percent: t.percent, decimals: t.decimals, ...extras };
    }
    if (relative) {
      const down = /reduction|decrease|fall|drop|less|lower|fewer/i.test(relative[2]);
      return { kind: 'relative', display, change: (down ? -1 : 1) * (Number(relative[1]) / 100) };
    }
    const verb = RELATIVE_VERB_RE.exec(display);
    if (verb) {
      const down = /^(reduc|decreas)/i.test(verb[1]);
      return { kind: 'relative', display, change: (down ? -1 : 1) * (Number(verb[2]) / 100) };
    }
  }
  const parts = compositeParts(display);
  if (parts && quantity && parts.length >= 2 && display.trim().search(/[a-z1i]\)/i) <= 1) {
    return { kind: 'composite', display, parts: parts.map((p) => ({ label: p.label, reading: p.reading })) };
  }
  if (quantity) {
    const comparator = comparatorAround(display, quantity);
    const impliedPolarity = polarityOfComparator(comparator) ?? impliedByWords(display);
    return {
      kind: 'number',
      display,
      value: quantity.value,
      percent: quantity.percent,
      decimals: quantity.decimals,
      ...(quantity.unit ? { unit: quantity.unit } : {}),
      ...(comparator ? { comparator } : {}),
      ...(impliedPolarity ? { impliedPolarity } : {}),
      ...extras,
    };
  }
  if (benchmark) {
    const comparator: Comparator | undefined = /(or above|or better|above|at least|within|in ?line with)/i.test(display) ? '>=' : undefined;
    return { kind: 'benchmark', display, benchmark: benchmark[1].toLowerCase(), ...(comparator ? { comparator } : {}) };
  }
  return { kind: 'text', display };
}

function impliedByWords(text: string): Polarity | undefined {
  if (/\b(reduce|reduction|decrease|lower|fewer|less than)\b/i.test(text)) return 'low';
  if (/\b(increase|improve|more than|at least|higher)\b/i.test(text)) return 'high';
  return undefined;
}

function noneReason(text: string): string {
  if (/baseline/i.test(text)) return 'baseline year';
  if (/monitor|information|contextual|data only|tracking/i.test(text)) return 'monitored for information only';
  return 'no target';
}

// Polarity and frequency are read by their own modules from the vocabulary tables; kept importable from here.
export { parsePolarity } from './polarity';
export { parseFrequency } from './frequency';
export type { Frequency } from './frequency';
