import { dateDisplay } from './dates';
import { decimalsOf, formatReading, numberFormatFacts, numbersIn } from './numbers';
import { MAX_QUOTED, shortText } from './shortText';
import type { CellInput, NumberReading, ValueReading } from './types';
import { phraseRegex } from './vocabulary/phraseRegex';
import { VALUE_CUMULATIVE_MARKERS, VALUE_DUE_LATER_WORDS, VALUE_MISSING, VALUE_PLACEHOLDERS } from './vocabulary/values';

const MISSING_RE = phraseRegex(Object.keys(VALUE_MISSING), 'start');
const PLACEHOLDER_RE = new RegExp(`^[${VALUE_PLACEHOLDERS.map((c) => c.replace(/[-\\\]^]/g, '\\$&')).join('')}]+$`, 'i');
const DUE_LATER_RE = phraseRegex(VALUE_DUE_LATER_WORDS);
const CUMULATIVE_AFTER_RE = new RegExp(`^\\s*\\(?\\s*(?:${phraseRegex(VALUE_CUMULATIVE_MARKERS).source})`, 'i');

// Labels of sub-indicators: "a)", "b)", "1)", "ii)", "A)". They must start a word.
const PART_LABEL_RE = /(?:^|[\s:;,(])((?:[a-hA-H]|i{1,3}|iv|v|vi{1,3}|\d{1,2}))\)\s*/g;

function cellText(cell: CellInput): string {
  if (cell.value === null || cell.value === undefined) return '';
  if (typeof cell.value === 'string') return cell.value;
  if (cell.text) return cell.text;
  return String(cell.value);
}

/** Splits "a) 100% b) 98.5%" into labelled numbers; null when there are fewer than two labelled numbers. */
export function compositeParts(text: string): { label: string; reading: NumberReading }[] | null {
  const labels: { label: string; start: number; end: number }[] = [];
  PART_LABEL_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PART_LABEL_RE.exec(text))) {
    labels.push({ label: m[1].toLowerCase(), start: m.index, end: m.index + m[0].length });
  }
  // Only a run that starts at a first label ("a)", "1)", "i)") is a list of parts; "(Sep 14 - Jun 17)" is not.
  if (labels.length < 2 || !['a', '1', 'i'].includes(labels[0].label)) return null;
  const parts: { label: string; reading: NumberReading }[] = [];
  labels.forEach((l, i) => {
    const segment = text.slice(l.end, i + 1 < labels.length ? labels[i + 1].start : text.length);
    const n = numbersIn(segment).find((t) => !/^\s*\d{4}\b/.test(segment.slice(t.index)) || t.percent);
    if (n) parts.push({ label: l.label, reading: { value: n.value, percent: n.percent, decimals: n.decimals, ...(n.unit ? { unit: n.unit } : {}) } });
  });
  return parts.length >= 2 ? parts : null;
}

/**
 * Reads a value cell as typed by hand: numbers with their format, percent fractions, "43.5% (188/432)",
 * "12 (Cumulative)", "£3,856m", "n/a (due Dec17)", "a) 100% b) 98.5%". Never throws. The display is
 * shortened for explanations once the whole text has been read.
 */
export function parseValue(cell: CellInput): ValueReading {
  const v = cell.value;
  if (typeof v === 'string') {
    // A string cell's reading depends on its text alone (a host's display text is not read for it).
    let hit = byText.get(v);
    if (hit === undefined) {
      if (byText.size >= MEMO_LIMIT) byText.clear();
      byText.set(v, (hit = readShortened(cell)));
    }
    return hit;
  }
  // An empty cell reads as blank whatever its format and text (the text of a cell is not read without a
  // value): a quarter of a large sheet's period cells, so one shared reading.
  if (v === null || v === undefined) return BLANK;
  // -0 shares +0's key in a Map but may read differently: it is read every time, as are Dates and booleans.
  if (typeof v !== 'number' || Object.is(v, -0)) return readShortened(cell);
  const byNumber = numberMemo(cell.numberFormat ?? null, cell.text ?? null);
  let hit = byNumber.get(v);
  if (hit === undefined) {
    if (byNumber.size >= MEMO_LIMIT) byNumber.clear();
    byNumber.set(v, (hit = readShortened(cell)));
  }
  return hit;
}

/*
 * Readings remembered by what they depend on. A scorecard repeats its values down the rows (blanks, "n/a",
 * small whole numbers and percentages under a few formats) and each row is read up to three times, so most
 * cells were read before; remembering also shares one reading object between them, which is most of what
 * a large sheet's result holds. Readings are never changed once made. Each map is bounded, so a sheet of
 * unique values costs a few maps and nothing more.
 */
const MEMO_LIMIT = 20000;
const byText = new Map<string, ValueReading>();
/** By number format, then by display text, then by number. */
const byFormat = new Map<string | null, Map<string | null, Map<number, ValueReading>>>();

/** The last format and text asked for: the cells of a column mostly share both. */
let lastFormat: string | null = null;
let lastText: string | null = null;
let lastByNumber: Map<number, ValueReading> | null = null;

const BLANK: ValueReading = { kind: 'missing', display: '', reason: 'blank' };

function numberMemo(format: string | null, text: string | null): Map<number, ValueReading> {
  if (lastByNumber !== null && format === lastFormat && text === lastText) return lastByNumber;
  const byNumber = numberMemoOf(format, text);
  lastFormat = format;
  lastText = text;
  lastByNumber = byNumber;
  return byNumber;
}

function numberMemoOf(format: string | null, text: string | null): Map<number, ValueReading> {
  let byShown = byFormat.get(format);
  if (!byShown) {
    if (byFormat.size >= 200) byFormat.clear();
    byFormat.set(format, (byShown = new Map()));
  }
  let byNumber = byShown.get(text);
  if (!byNumber) {
    if (byShown.size >= MEMO_LIMIT) byShown.clear();
    byShown.set(text, (byNumber = new Map()));
  }
  return byNumber;
}

function readShortened(cell: CellInput): ValueReading {
  const reading = readValue(cell);
  return reading.display.length > MAX_QUOTED ? { ...reading, display: shortText(reading.display) } : reading;
}

function readValue(cell: CellInput): ValueReading {
  const v = cell.value;
  if (typeof v === 'number') {
    // Most cells are numbers: their format is looked up once for all it says.
    const format = numberFormatFacts(cell.numberFormat);
    if (format.date) return { kind: 'date', display: dateDisplay(cell) ?? String(v) };
    if (!Number.isFinite(v)) return { kind: 'text', display: String(v) };
    const value = format.percent ? v * 100 : v;
    const percent = format.percent || format.literalPercent;
    if (!Number.isFinite(value)) return { kind: 'text', display: String(v) };
    const decimals = format.decimals ?? Math.min(decimalsOf(String(value)), 6);
    const display = cell.text && cell.text.trim() ? cell.text.trim() : formatReading({ value, percent, decimals });
    return { kind: 'number', value, percent, decimals, display };
  }
  const date = dateDisplay(cell);
  if (date !== null) return { kind: 'date', display: date };
  if (typeof v === 'boolean') return { kind: 'text', display: v ? 'TRUE' : 'FALSE' };
  if (v instanceof Date) return { kind: 'text', display: Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10) };
  const display = cellText(cell).replace(/\s+/g, ' ').trim();
  if (!display) return { kind: 'missing', display: '', reason: 'blank' };
  if (/^#[A-Z/0!?]+[!?]?$/i.test(display)) return { kind: 'missing', display, reason: 'not-available' };
  if (MISSING_RE.test(display) || PLACEHOLDER_RE.test(display)) {
    return { kind: 'missing', display, reason: DUE_LATER_RE.test(display) ? 'due-later' : 'not-available' };
  }
  const parts = compositeParts(display);
  if (parts) return { kind: 'composite', display, parts };
  const tokens = numbersIn(display);
  if (!tokens.length) return { kind: 'text', display };
  let first = tokens[0];
  // "352/371 94.9%": a count over a total followed by its percentage means the percentage.
  const raw = display.slice(first.index, first.index + first.length + 8);
  if (/^\s*[\d,]+\s*\/\s*[\d,]+/.test(raw)) {
    const pct = tokens.find((t) => t.percent);
    if (pct) first = pct;
  }
  const after = display.slice(first.index + first.length);
  const reading: ValueReading = {
    kind: 'number',
    display,
    value: first.value,
    percent: first.percent,
    decimals: first.decimals,
  };
  if (first.unit) reading.unit = first.unit;
  if (first.comparator) reading.comparator = first.comparator;
  if (CUMULATIVE_AFTER_RE.test(after)) reading.cumulative = true;
  return reading;
}

/** The number a reading stands for, or null. */
export function readingNumber(r: ValueReading): NumberReading | null {
  return r.kind === 'number' ? r : null;
}
