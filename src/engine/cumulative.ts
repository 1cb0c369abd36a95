import { financialYearStart } from './periods';
import type { ReadObservation } from './latestValue';

/**
 * The last list asked about and its answer: a rating asks up to three times of one row's list (the series
 * chosen, the direction of travel's year to date), and the lists are never changed once read.
 */
let lastRead: readonly ReadObservation[] | null = null;
let lastAnswer = false;

/**
 * Whether a measure's quarterly figures are year-to-date totals: they never fall within a financial year,
 * rise at least once, and drop back to well under the previous year's last figure when a new year starts
 * (council tax collected: 27.7%, 54.0% ... after 97.3% at the year end).
 */
export function looksCumulative(read: readonly ReadObservation[]): boolean {
  if (read === lastRead) return lastAnswer;
  const answer = newestFirst(read) ? quartersLookCumulative(read) : quartersLookCumulative(oldestFirst(read), true);
  lastRead = read;
  lastAnswer = answer;
  return answer;
}

function isQuarterFigure(o: ReadObservation): boolean {
  return o.period.kind === 'quarter' && o.reading.kind === 'number';
}

/** Whether the quarter figures are newest first with no two ending in one month, as readObservations lists them. */
function newestFirst(read: readonly ReadObservation[]): boolean {
  let prev = Infinity;
  for (let i = 0; i < read.length; i++) {
    const o = read[i];
    if (!isQuarterFigure(o)) continue;
    if (o.period.end >= prev) return false;
    prev = o.period.end;
  }
  return true;
}

/** The quarter figures oldest first; a stable sort, so two ending in one month keep their order. */
function oldestFirst(read: readonly ReadObservation[]): ReadObservation[] {
  return read.filter(isQuarterFigure).sort((a, b) => a.period.end - b.period.end);
}

/** Walks the quarter figures oldest first: `read` backwards, or forwards when already in that order. */
function quartersLookCumulative(read: readonly ReadObservation[], forwards = false): boolean {
  let count = 0;
  let rises = 0;
  let resets = 0;
  let prevFy = 0;
  let prevValue = 0;
  for (let k = 0; k < read.length; k++) {
    const o = read[forwards ? k : read.length - 1 - k];
    if (!isQuarterFigure(o)) continue;
    const fy = financialYearStart(o.period.end);
    const value = (o.reading as { value: number }).value;
    if (count > 0) {
      if (fy === prevFy) {
        if (value < prevValue) return false;
        if (value > prevValue) rises++;
      } else if (fy === prevFy + 12) {
        if (prevValue > 0 && value <= 0.6 * prevValue) resets++;
        else return false;
      }
    }
    count++;
    prevFy = fy;
    prevValue = value;
  }
  return count >= 3 && rises >= 1 && resets >= 1;
}
