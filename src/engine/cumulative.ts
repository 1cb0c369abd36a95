import { financialYearStart } from './periods';
import type { ReadObservation } from './latestValue';

/**
 * Whether a measure's quarterly figures are year-to-date totals: they never fall within a financial year,
 * rise at least once, and drop back to well under the previous year's last figure when a new year starts
 * (council tax collected: 27.7%, 54.0% ... after 97.3% at the year end).
 */
export function looksCumulative(read: readonly ReadObservation[]): boolean {
  const quarters = read
    .filter((o) => o.period.kind === 'quarter' && o.reading.kind === 'number')
    .map((o) => ({ end: o.period.end, fy: financialYearStart(o.period.end), value: (o.reading as { value: number }).value }))
    .sort((a, b) => a.end - b.end);
  if (quarters.length < 3) return false;
  let rises = 0;
  let resets = 0;
  for (let i = 1; i < quarters.length; i++) {
    const prev = quarters[i - 1];
    const cur = quarters[i];
    if (cur.fy === prev.fy) {
      if (cur.value < prev.value) return false;
      if (cur.value > prev.value) rises++;
    } else if (cur.fy === prev.fy + 12) {
      if (prev.value > 0 && cur.value <= 0.6 * prev.value) resets++;
      else return false;
    }
  }
  return rises >= 1 && resets >= 1;
}
