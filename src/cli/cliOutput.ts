/**
 * What the command line prints: the counts tables of one rated workbook, the cells it left as they were,
 * the results table of a folder run, and the list of rules. Text only: main decides where it goes.
 */
import { defaultRules } from '../engine/rules';
import { formatRule, RULE_KEYS, ruleHelp, RULES } from '../engine/ruleTable';
import type { RatingRules } from '../engine/rules';
import type { StatusTable } from '../engine/summarise';
import { DOT_KEYS, DOT_LABELS, STATUS_KEYS, STATUS_LABELS } from '../engine/types';
import type { Warning } from '../scorecard/types';
import { oneLine } from './cliErrors';
import type { RateJob } from './ratePlan';
import type { RateOutcome } from './rateOneWorkbook';

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}

function padStart(s: string, n: number): string {
  return s.length >= n ? s : ' '.repeat(n - s.length) + s;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function countsTable(title: string, rows: { symbol: string; label: string; count: number; percent: number }[]): string {
  const lines = [`${pad(title, 24)}${padStart('Measures', 9)}${padStart('%', 8)}`];
  for (const r of rows) lines.push(`${pad(`${r.symbol} ${r.label}`, 24)}${padStart(String(r.count), 9)}${padStart(r.percent.toFixed(1), 8)}`);
  return lines.join('\n');
}

export function statusLines(t: StatusTable, rules: RatingRules): string {
  return countsTable(
    'Overall status',
    STATUS_KEYS.map((k) => ({ symbol: rules.symbols[k], label: STATUS_LABELS[k], ...t.statuses[k] })),
  );
}

export function dotLines(t: StatusTable, rules: RatingRules): string {
  return countsTable(
    'Direction of travel',
    DOT_KEYS.map((k) => ({ symbol: rules.dotSymbols[k], label: DOT_LABELS[k], ...t.dot[k] })),
  );
}

export function ratedWhat(result: RateOutcome, input: string): string {
  const sheets = result.sheets.map((s) => `"${s}"`).join(', ');
  return `Rated ${plural(result.summary.total, 'measure', 'measures')} on ${result.sheets.length === 1 ? 'sheet' : 'sheets'} ${sheets} of ${input}`;
}

/** How many kept cells the summary lists one by one; the report always lists them all. */
const KEPT_SHOWN = 10;

/**
 * The status and DOT cells left as they were (formulas, people's own entries, merged cells), one line each,
 * so nobody has to open the report to learn that a cell they own was not rated over.
 */
function keptLines(warnings: readonly Warning[], withReport: boolean): string[] {
  const kept = warnings.filter((w) => w.kept);
  if (kept.length === 0) return [];
  const lines = [`Left as they were: ${plural(kept.length, 'cell', 'cells')} (a formula, someone's own entry or a merged cell)`];
  for (const w of kept.slice(0, KEPT_SHOWN)) lines.push(`  sheet "${w.where.sheet ?? ''}" cell ${w.where.cell ?? '?'}: ${oneLine(w.message)}`);
  if (kept.length > KEPT_SHOWN) lines.push(`  … and ${kept.length - KEPT_SHOWN} more${withReport ? ' (listed in the report)' : ''}`);
  return lines;
}

/** What `rate in -o out` prints. */
export function shortSummary(result: RateOutcome, job: RateJob): string {
  const { warnings } = result;
  const lines = [
    ratedWhat(result, job.input),
    '',
    statusLines(result.summary, result.rules),
    '',
    dotLines(result.summary, result.rules),
    '',
    `Red flags: ${result.redFlags.length}`,
    `Warnings: ${warnings.length}${warnings.length > 0 && job.report ? ' (listed in the report)' : ''}`,
    ...keptLines(warnings, Boolean(job.report)),
    // Where the tool's sheets went when the user's own sheets hold their names: said every run.
    ...warnings.filter((w) => w.keptSheet !== undefined).map((w) => `Note: ${w.message}`),
    `Wrote ${job.output}${job.report ? ` and ${job.report}` : ''}`,
  ];
  return `${lines.join('\n')}\n`;
}

/** One workbook of a folder run: rated, or the one line that says why not. */
export type FolderResult = { job: RateJob; outcome: RateOutcome } | { job: RateJob; failure: string };

const RESULT_COLUMNS = ['Measures', 'On', 'Sat', 'Off', 'Other', 'Red flags'] as const;

function resultCells(r: FolderResult): string[] {
  if (!('outcome' in r)) return RESULT_COLUMNS.map(() => '-');
  const { summary, redFlags } = r.outcome;
  const on = summary.statuses['on-target'].count;
  const sat = summary.statuses.satisfactory.count;
  const off = summary.statuses['off-target'].count;
  return [summary.total, on, sat, off, summary.total - on - sat - off, redFlags.length].map(String);
}

function problemCell(r: FolderResult): string {
  if (!('outcome' in r)) return `failed: ${r.failure}`;
  const n = r.outcome.warnings.length;
  return n === 0 ? '' : `${plural(n, 'warning', 'warnings')}${r.job.report ? ' (in the report)' : ''}`;
}

/**
 * The table that ends a folder run: a row per workbook, statuses on target, satisfactory, off target and any
 * other (no data, no target, needs review…), and the failures' reasons in the last column, which is left
 * unpadded so a long reason does not widen the table.
 */
export function resultsTable(results: readonly FolderResult[], outDir: string): string {
  const header = ['File', ...RESULT_COLUMNS, 'Problems'];
  const rows = results.map((r) => [r.job.input, ...resultCells(r), problemCell(r)]);
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((row) => row[c].length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => (c === 0 ? pad(cell, widths[c]) : c === cells.length - 1 ? cell : padStart(cell, widths[c])))
      .join('  ')
      .trimEnd();
  const failed = results.filter((r) => !('outcome' in r)).length;
  const total = `Rated ${results.length - failed} of ${plural(results.length, 'workbook', 'workbooks')} into ${outDir}${failed > 0 ? `; ${failed} failed` : ''}`;
  return `${[line(header), ...rows.map(line), '', total].join('\n')}\n`;
}

export function rulesText(): string {
  const defaults = defaultRules();
  const lines = ['Rating rules (set with --rule key=value, or in the workbook\'s "Scorecard rules" sheet):', ''];
  for (const k of RULE_KEYS) lines.push(`  ${k} = ${formatRule(k, defaults[k])}`, `      ${RULES[k].name}. ${ruleHelp(k)}`);
  lines.push('', 'Status symbols (symbols.<status> in the Scorecard rules sheet):');
  for (const k of STATUS_KEYS) lines.push(`  ${pad(k, 20)} ${defaults.symbols[k]}  ${STATUS_LABELS[k]}`);
  lines.push('', 'Direction of travel symbols (dotSymbols.<direction>):');
  for (const k of DOT_KEYS) lines.push(`  ${pad(k, 20)} ${defaults.dotSymbols[k]}  ${DOT_LABELS[k]}`);
  return `${lines.join('\n')}\n`;
}
