import { dateDisplay } from './dates';
import { memoByText } from './memo';
import { findDeadline } from './deadlines';
import { formatDecimals, looksLikeYear, numbersIn, shownNumber } from './numbers';
import type { NumberToken } from './numbers';
import { MAX_QUOTED, shortText } from './shortText';
import { compositeParts } from './values';
import type { CellInput, Comparator, Polarity, TargetReading } from './types';
import { meaningReader, phraseRegex } from './vocabulary/phraseRegex';
import {
  ACADEMIC_YEAR_PHRASES,
  ALL_PARTS_ENDINGS,
  ALL_PARTS_OPENINGS,
  ANNUAL_TOTAL_PHRASES,
  BENCHMARK_AT_LEAST_WORDS,
  BENCHMARKS,
  COMPARATOR_AFTER,
  COMPARATOR_BEFORE,
  IMPLIED_POLARITY_WORDS,
  NO_TARGET_OPENINGS,
  NO_TARGET_PHRASES,
  NO_TARGET_REASONS,
  RELATIVE_CHANGE_VERBS,
  RELATIVE_CHANGE_WORDS,
  TARGET_PENDING,
  TARGET_SAME_AS_ABOVE,
} from './vocabulary/targets';

const BENCHMARK_RE = phraseRegex(Object.keys(BENCHMARKS));
const benchmarkName = meaningReader(BENCHMARKS, 'whole');
const BENCHMARK_AT_LEAST_RE = phraseRegex(BENCHMARK_AT_LEAST_WORDS);
const PENDING_RE = phraseRegex(TARGET_PENDING);
const NONE_START_RE = phraseRegex(NO_TARGET_OPENINGS, 'start');
const NONE_ANY_RE = phraseRegex(NO_TARGET_PHRASES);
const noTargetReason = meaningReader(NO_TARGET_REASONS);
const SAME_AS_ABOVE_RE = new RegExp(`^${phraseRegex(TARGET_SAME_AS_ABOVE, 'end').source}`, 'i');
const RELATIVE_RE = new RegExp(`^(?:an?\\s+)?(\\d+(?:\\.\\d+)?)\\s*%\\s*${phraseRegex(Object.keys(RELATIVE_CHANGE_WORDS)).source}`, 'i');
const relativeWordDirection = meaningReader(RELATIVE_CHANGE_WORDS, 'whole');
const RELATIVE_VERB_RE = new RegExp(`${phraseRegex(Object.keys(RELATIVE_CHANGE_VERBS)).source}\\s+(?:by\\s+)?(\\d+(?:\\.\\d+)?)\\s*%`, 'i');
const relativeVerbDirection = meaningReader(RELATIVE_CHANGE_VERBS, 'whole');
const impliedPolarity = meaningReader(IMPLIED_POLARITY_WORDS);
const comparatorBefore = meaningReader(COMPARATOR_BEFORE, 'suffix');
const comparatorAfter = meaningReader(COMPARATOR_AFTER, 'prefix');
const EXPLICIT_TARGET_RE =
  /(?:\btarget(?:\s+of)?\s*[:=]?\s*((?:[£$€]\s*)?[\d,]+(?:\.\d+)?\s*%?))|(?:\(\s*((?:[£$€]\s*)?[\d,]+(?:\.\d+)?\s*%?)\s*(?:annual |year end |overall )?target)/i;
const FROM_TO_RE = /\bfrom\s+((?:[£$€]\s*)?[\d,]+(?:\.\d+)?\s*%?)\s+to\s+((?:[£$€]\s*)?[\d,]+(?:\.\d+)?\s*%?)/i;
const ANNUAL_TOTAL_RE = phraseRegex(ANNUAL_TOTAL_PHRASES);
const ACADEMIC_RE = phraseRegex(ACADEMIC_YEAR_PHRASES);
const ALL_PARTS_RE = new RegExp(`${phraseRegex(ALL_PARTS_OPENINGS, 'start').source}|${phraseRegex(ALL_PARTS_ENDINGS, 'end').source}`, 'i');

function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function comparatorAround(text: string, token: NumberToken): Comparator | undefined {
  if (token.comparator) return token.comparator;
  const before = text.slice(Math.max(0, token.index - 25), token.index);
  const after = text.slice(token.index + token.length, token.index + token.length + 16);
  return comparatorAfter(after) ?? comparatorBefore(before);
}

function polarityOfComparator(c: Comparator | undefined): Polarity | undefined {
  if (!c) return undefined;
  return c.startsWith('>') ? 'high' : 'low';
}

function tokenFrom(text: string): NumberToken | undefined {
  return numbersIn(text)[0];
}

/**
 * Reads a target cell: "336.9", "53%", ">53%", "37+", "<10", "10% reduction", "Baseline year", "No target",
 * "TBC", "In line with national average", "a) 100% b) 98.5%", "5000 (cumulative for the year)". Never throws.
 */
export function parseTarget(cell: CellInput): TargetReading {
  // A text target is read from its text alone; many rows share one ("TBC", "Baseline year", ">95%").
  return typeof cell.value === 'string' ? targetOfText(cell.value) : shortened(readTarget(cell));
}

const targetOfText = memoByText((text: string) => shortened(readTarget({ value: text })));

function shortened(reading: TargetReading): TargetReading {
  // Shortened for explanations only once the whole text has been read.
  return reading.display.length > MAX_QUOTED ? { ...reading, display: shortText(reading.display) } : reading;
}

function readTarget(cell: CellInput): TargetReading {
  const v = cell.value;
  const date = dateDisplay(cell);
  if (date !== null) return { kind: 'date', display: date };
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
  const deadline = findDeadline(display);
  // The numbers of the text that are quantities: not years ("For 2017/18, ...") nor a deadline's date ("by Dec 17").
  const quantities = numbersIn(display).filter(
    (t) => !looksLikeYear(t, display) && !(deadline && t.index >= deadline.index && t.index < deadline.index + deadline.length),
  );
  const quantity = quantities[0];
  if (NONE_START_RE.test(display) && !benchmark) return { kind: 'none', display, reason: noTargetReason(display) ?? 'no target' };
  if (!quantity && NONE_ANY_RE.test(display)) return { kind: 'none', display, reason: noTargetReason(display) ?? 'no target' };

  const explicit = EXPLICIT_TARGET_RE.exec(display);
  const relative = RELATIVE_RE.exec(display);
  const academicYear = ACADEMIC_RE.test(display);
  const annualTotal = academicYear || ANNUAL_TOTAL_RE.test(display);
  const extras = {
    ...(annualTotal ? { annualTotal: true } : {}),
    ...(academicYear ? { academicYear: true } : {}),
    ...(deadline ? { deadline: deadline.text } : {}),
    ...(deadline ? { deadlineMonth: deadline.month } : {}),
  };

  // "Reduce by 5%": the verb's percentage is the only quantity (or an explicit target says what to use).
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
      const down = relativeWordDirection(relative[2]) === 'down';
      return { kind: 'relative', display, change: (down ? -1 : 1) * (Number(relative[1]) / 100) };
    }
    const verb = RELATIVE_VERB_RE.exec(display);
    if (verb) {
      const down = relativeVerbDirection(verb[1]) === 'down';
      return { kind: 'relative', display, change: (down ? -1 : 1) * (Number(verb[2]) / 100) };
    }
  }
  const parts = compositeParts(display);
  if (parts && quantity && parts.length >= 2 && display.trim().search(/[a-z1i]\)/i) <= 1) {
    return { kind: 'composite', display, parts: parts.map((p) => ({ label: p.label, reading: p.reading })) };
  }
  if (quantity) {
    const comparator = comparatorAround(display, quantity);
    const implied = polarityOfComparator(comparator) ?? impliedPolarity(display);
    return {
      kind: 'number',
      display,
      value: quantity.value,
      percent: quantity.percent,
      decimals: quantity.decimals,
      ...(quantity.unit ? { unit: quantity.unit } : {}),
      ...(comparator ? { comparator } : {}),
      ...(implied ? { impliedPolarity: implied } : {}),
      ...(ALL_PARTS_RE.test(display) ? { allParts: true } : {}),
      ...extras,
    };
  }
  if (benchmark) {
    const comparator: Comparator | undefined = BENCHMARK_AT_LEAST_RE.test(display) ? '>=' : undefined;
    return { kind: 'benchmark', display, benchmark: benchmarkName(benchmark[1]) ?? benchmark[1].toLowerCase(), ...(comparator ? { comparator } : {}) };
  }
  return { kind: 'text', display };
}

// Polarity and frequency are read by their own modules from the vocabulary tables; kept importable from here.
export { parsePolarity } from './polarity';
export { parseFrequency } from './frequency';
export type { Frequency } from './frequency';
