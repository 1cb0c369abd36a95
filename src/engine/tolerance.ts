import { isPercentFormat, numbersIn } from './numbers';
import type { CellInput, Tolerance } from './types';

const POINTS_RE = /\b(?:points?|pts?|pp|percentage points?|% ?points?)\b/i;
const OF_TARGET_RE = /%\s*(?:of\s+(?:the\s+)?target)?/i;

/**
 * Reads a measure's own Tolerance cell: "5%" or 0.05 shown as a percentage is a share of the target; "2
 * points", "2pp" or "±2" is an amount in the measure's units (points for a percentage measure); a bare number
 * under 1 is a share of the target, as people type 0.05 for 5%. Null when the cell holds no tolerance.
 *
 * @example parseTolerance({ value: '5%' }) // { amount: 0.05, unit: 'percent-of-target', source: 'measure' }
 */
export function parseTolerance(cell: CellInput | undefined, measureIsPercent: boolean): Tolerance | null {
  if (!cell) return null;
  const v = cell.value;
  if (typeof v === 'number') {
    if (!Number.isFinite(v) || v < 0) return null;
    if (isPercentFormat(cell.numberFormat)) return { amount: v, unit: 'percent-of-target', source: 'measure' };
    if (v > 0 && v < 1 && !measureIsPercent) return { amount: v, unit: 'percent-of-target', source: 'measure' };
    return { amount: v, unit: measureIsPercent ? 'points' : 'units', source: 'measure' };
  }
  if (typeof v !== 'string' || !v.trim()) return null;
  const n = numbersIn(v)[0];
  if (!n || n.value < 0) return null;
  const amount = Math.abs(n.value);
  if (POINTS_RE.test(v)) return { amount, unit: 'points', source: 'measure' };
  if (n.percent || OF_TARGET_RE.test(v.slice(n.index))) return { amount: amount / 100, unit: 'percent-of-target', source: 'measure' };
  if (amount < 1 && !measureIsPercent) return { amount, unit: 'percent-of-target', source: 'measure' };
  return { amount, unit: measureIsPercent ? 'points' : 'units', source: 'measure' };
}
