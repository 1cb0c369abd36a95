/** The sentences the pane shows after each operation. Pure, so the pane and its tests agree on them. */
import type { Summary } from '../engine/summarise';
import { STATUS_KEYS, STATUS_LABELS } from '../engine/types';
import type { StatusKey } from '../engine/types';
import type { Phase, Progress, RatingOutcome, RedFlagsOutcome, UndoOutcome } from './host';
import { sheetStatusWords } from './writtenWords';

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
}

/**
 * "72 measures rated: 17 on target, 9 satisfactory, 23 off target, 12 not applicable, 9 not yet available.",
 * in the sheet's own words where it has them ("27 green, 7 amber, 11 red" on a RAG scorecard).
 */
export function ratedLine(summary: Summary, words: Partial<Record<StatusKey, string>> = {}): string {
  const parts = STATUS_KEYS.filter((k) => summary.statuses[k].count > 0).map((k) => `${summary.statuses[k].count.toLocaleString('en-GB')} ${(words[k] ?? STATUS_LABELS[k]).toLowerCase()}`);
  return `${plural(summary.total, 'measure')} rated${parts.length ? `: ${parts.join(', ')}` : ''}.`;
}

export function recalculatedLine(o: RatingOutcome): string {
  return `${ratedLine(o.summary, sheetStatusWords(o.rows))} ${plural(o.cellsWritten, 'cell')} written on ${o.sheets.map((s) => `"${s}"`).join(', ')}.`;
}

export function summaryLine(o: RatingOutcome): string {
  return `Summary sheet rebuilt. ${ratedLine(o.summary, sheetStatusWords(o.rows))}`;
}

export function redFlagsLine(o: RedFlagsOutcome): string {
  if (!o.flags.length) return 'No measure is off target in this period and the previous one. Red flags sheet rebuilt.';
  const history = o.fromHistory ? ` (${plural(o.fromHistory, 'measure')} judged from the saved history)` : '';
  return `${plural(o.flags.length, 'red flag')}: off target this period and the previous one${history}. Red flags sheet rebuilt.`;
}

export function undoLine(o: UndoOutcome): string {
  return `Last recalculation undone: ${plural(o.cells, 'cell')} restored on "${o.sheet}".`;
}

const PHASES: Record<Phase, string> = {
  reading: 'Reading the workbook',
  rating: 'Rating every measure',
  writing: 'Writing the results',
};

const PHASE_ORDER: readonly Phase[] = ['reading', 'rating', 'writing'];

/** "Reading the workbook (step 1 of 2)": what a long operation is doing now. */
export function progressLabel(p: Progress): string {
  return p.steps > 1 ? `${PHASES[p.phase]} (step ${p.step} of ${p.steps})` : PHASES[p.phase];
}

/** How far through an operation a progress report is, 0 to 1: each phase is a third, split by its steps. */
export function progressFraction(p: Progress): number {
  const phase = PHASE_ORDER.indexOf(p.phase);
  const within = p.steps > 0 ? Math.min(1, Math.max(0, (p.step - 0.5) / p.steps)) : 0.5;
  return (phase + within) / PHASE_ORDER.length;
}

/** What the Rules panel says beside its Save button once the rules are in the workbook. */
export function rulesSavedLine(): string {
  return "Rules saved in the workbook's 'Scorecard rules' sheet. The ratings shown are still the old ones until you recalculate.";
}
