import { decimalsOf, formatDecimals, formatReading, isDateFormat, numbersIn, shownNumber } from './numbers';
import { shortText } from './shortText';
import type { CellInput, NumberReading, Polarity, StatusKey } from './types';
import { phraseRegex } from './vocabulary/phraseRegex';
import { NO_TARGET_OPENINGS, NO_TARGET_PHRASES, TARGET_PENDING } from './vocabulary/targets';

/** Threshold cells use the target's words: "TBD" is pending and "No target" is none, as in a Target cell. */
const PENDING_RE = phraseRegex(TARGET_PENDING);
const NONE_RE = phraseRegex([...NO_TARGET_OPENINGS, ...NO_TARGET_PHRASES, '-'], 'whole');

/**
 * Red / Amber / Green threshold columns, as monthly RAG scorecards write them:
 * one-sided (`<92%` / `92%>` / `95%`), a band around a centre (`more than +/-15` / `+/-15` / `+/-5 of 158.8`)
 * or a range (`over 1% above range` / `1% above range` / `14-20`).
 */
export type Thresholds =
  | { kind: 'one-sided'; green: NumberReading; amber?: NumberReading; red?: NumberReading; display: string }
  | { kind: 'band'; centre: number; green: number; amber?: number; percent: boolean; decimals: number; display: string }
  | { kind: 'range'; low: number; high: number; amberAbove?: number; percent: boolean; decimals: number; display: string }
  | { kind: 'none'; display: string }
  | { kind: 'pending'; display: string };

/** A number as its format shows it (0.95 under 0% is 95%); one too large to scale stays as stored. */
function shownThreshold(v: number, numberFormat: Parameters<typeof shownNumber>[1]): { value: number; percent: boolean } {
  const shown = shownNumber(v, numberFormat);
  return Number.isFinite(shown.value) ? shown : { value: v, percent: false };
}

/** A threshold cell as the sheet shows it: its text, or a number written under its format (0.95 under 0% is "95%"). */
function asText(cell: CellInput): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  if (typeof v === 'number' && !cell.text && Number.isFinite(v) && !isDateFormat(cell.numberFormat)) {
    const { value, percent } = shownThreshold(v, cell.numberFormat);
    return formatReading({ value, percent, decimals: formatDecimals(cell.numberFormat) ?? decimalsOf(String(value)) });
  }
  return String(typeof v === 'number' && cell.text ? cell.text : v).replace(/\s+/g, ' ').trim();
}

function asNumber(cell: CellInput): NumberReading | null {
  const v = cell.value;
  // A date is not a threshold, though Excel stores it as a number of days.
  if (typeof v === 'number' && Number.isFinite(v) && !isDateFormat(cell.numberFormat)) {
    const { value, percent } = shownThreshold(v, cell.numberFormat);
    return { value, percent, decimals: formatDecimals(cell.numberFormat) ?? 0 };
  }
  if (typeof v !== 'string') return null;
  const t = numbersIn(v)[0];
  return t ? { value: t.value, percent: t.percent, decimals: t.decimals } : null;
}

const BAND_RE = /(?:up to\s*)?\+\/?-\s*(\d+(?:\.\d+)?)\s*(%?)\s*(?:of|around|from)\s*(\d+(?:\.\d+)?)\s*(%?)/i;
const PLUS_MINUS_RE = /\+\/?-\s*(\d+(?:\.\d+)?)/;
const RANGE_RE = /^(\d+(?:\.\d+)?)\s*(%?)\s*(?:-|–|to)\s*(\d+(?:\.\d+)?)\s*(%?)$/;

/** Reads the three threshold cells of a row. Never throws. */
export function parseThresholds(red: CellInput, amber: CellInput, green: CellInput): Thresholds {
  const g = asText(green);
  const a = asText(amber);
  const r = asText(red);
  const display = [r && `red ${shortText(r)}`, a && `amber ${shortText(a)}`, g && `green ${shortText(g)}`].filter(Boolean).join(', ');
  const all = `${r} ${a} ${g}`;
  if (PENDING_RE.test(all)) return { kind: 'pending', display };
  if (!g || NONE_RE.test(g)) return { kind: 'none', display };
  const band = BAND_RE.exec(g);
  if (band) {
    const amberHalf = PLUS_MINUS_RE.exec(a)?.[1] ?? PLUS_MINUS_RE.exec(r)?.[1];
    const centre = numbersIn(band[3])[0];
    return {
      kind: 'band',
      centre: Number(band[3]),
      green: Number(band[1]),
      ...(amberHalf ? { amber: Number(amberHalf) } : {}),
      percent: Boolean(band[4]),
      decimals: centre?.decimals ?? 1,
      display,
    };
  }
  const range = RANGE_RE.exec(g);
  if (range) {
    const above = /(\d+(?:\.\d+)?)\s*%\s*above range/i.exec(a) ?? /(\d+(?:\.\d+)?)\s*%\s*above range/i.exec(r);
    return {
      kind: 'range',
      low: Number(range[1]),
      high: Number(range[3]),
      ...(above ? { amberAbove: Number(above[1]) / 100 } : {}),
      percent: Boolean(range[2] || range[4]),
      decimals: Math.max((range[1].split('.')[1] ?? '').length, (range[3].split('.')[1] ?? '').length),
      display,
    };
  }
  const greenN = asNumber(green);
  if (!greenN) return { kind: 'none', display };
  const amberN = asNumber(amber);
  const redN = asNumber(red);
  return {
    kind: 'one-sided',
    green: greenN,
    ...(amberN ? { amber: amberN } : {}),
    ...(redN ? { red: redN } : {}),
    display,
  };
}

/**
 * Which way is good for one-sided thresholds when the sheet's polarity does not say (Info rows): the amber
 * boundary sits on the bad side of green.
 */
export function thresholdPolarity(t: Thresholds): Polarity | null {
  if (t.kind !== 'one-sided') return null;
  const boundary = t.amber ?? t.red;
  if (!boundary || boundary.value === t.green.value) return null;
  return boundary.value < t.green.value ? 'high' : 'low';
}

export interface ThresholdVerdict {
  status: StatusKey;
  text: string;
  review?: string;
}

function show(value: number, percent: boolean, decimals: number): string {
  return `${value.toFixed(Math.min(Math.max(decimals, 0), 6))}${percent ? '%' : ''}`;
}

/** Rates a value against threshold columns. The sign characters are ignored: councils write them both ways. */
export function rateAgainstThresholds(v: NumberReading, t: Thresholds, polarity: Polarity | null): ThresholdVerdict | null {
  const d = v.decimals;
  const round = (x: number) => Number(x.toFixed(Math.min(Math.max(d, 0) + 2, 8)));
  if (t.kind === 'band') {
    const dist = Math.abs(v.value - t.centre);
    const where = `${show(v.value, v.percent, d)} is ${show(dist, false, Math.max(d, 1))} from ${show(t.centre, t.percent, t.decimals)}`;
    if (round(dist) <= t.green) return { status: 'on-target', text: `${where}, within the green band of plus or minus ${t.green}` };
    if (t.amber !== undefined && round(dist) <= t.amber) return { status: 'satisfactory', text: `${where}, within the amber band of plus or minus ${t.amber}` };
    return { status: 'off-target', text: `${where}, outside the ${t.amber !== undefined ? `amber band of plus or minus ${t.amber}` : `green band of plus or minus ${t.green}`}` };
  }
  if (t.kind === 'range') {
    const range = `${show(t.low, t.percent, t.decimals)} to ${show(t.high, t.percent, t.decimals)}`;
    const shown = show(v.value, v.percent, d);
    if (v.value >= t.low && v.value <= t.high) return { status: 'on-target', text: `${shown} is inside the range ${range}` };
    if (v.value > t.high) {
      if (t.amberAbove !== undefined && v.value <= t.high * (1 + t.amberAbove)) {
        return { status: 'satisfactory', text: `${shown} is above the range ${range} by no more than ${t.amberAbove * 100}%` };
      }
      return { status: 'off-target', text: `${shown} is above the range ${range}` };
    }
    return null;
  }
  if (t.kind !== 'one-sided') return null;
  const dir = polarity === 'high' || polarity === 'low' ? polarity : thresholdPolarity(t);
  if (!dir) return null;
  const scale = (n: NumberReading) => (n.percent === v.percent ? n.value : n.percent ? n.value / 100 : n.value * 100);
  const green = scale(t.green);
  const boundary = t.amber ?? t.red;
  const amber = boundary ? scale(boundary) : undefined;
  const shown = show(v.value, v.percent, d);
  const gShown = show(t.green.value, t.green.percent, t.green.decimals);
  const better = (a: number, b: number) => (dir === 'high' ? round(a) >= round(b) : round(a) <= round(b));
  if (better(v.value, green)) return { status: 'on-target', text: `${shown} is at or ${dir === 'high' ? 'above' : 'below'} the green threshold of ${gShown} (${dir === 'high' ? 'higher' : 'lower'} is better)` };
  if (amber !== undefined && better(v.value, amber)) {
    return { status: 'satisfactory', text: `${shown} misses the green threshold of ${gShown} but is within the amber threshold of ${show(boundary!.value, boundary!.percent, boundary!.decimals)} (${dir === 'high' ? 'higher' : 'lower'} is better)` };
  }
  return {
    status: 'off-target',
    text: `${amber !== undefined ? `${shown} is beyond the amber threshold of ${show(boundary!.value, boundary!.percent, boundary!.decimals)}` : `${shown} misses the green threshold of ${gShown}`} (${dir === 'high' ? 'higher' : 'lower'} is better)`,
  };
}
