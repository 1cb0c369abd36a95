/**
 * One workbook, from its bytes to a rated file: read → rate → apply → write. The only module of the command
 * line that knows how the workbook's bytes are read and made (ExcelJS today), so that another reader and
 * writer (a package patcher that keeps everything it does not rate) can replace it here alone.
 */
import type { RatingRules } from '../engine/rules';
import type { Summary } from '../engine/summarise';
import { buildOwnedSheets } from '../scorecard/ownedSheets';
import { rateWorkbook, toReport } from '../scorecard/rateWorkbook';
import type { RedFlag, Report, Warning } from '../scorecard/types';
import { InputError } from './cliErrors';
import { applyRating } from './applyRating';
import { chooseSheet, workbookRules } from './ratingInputs';
import { readWorkbookFile } from './readWorkbookFile';
import { formatProblem, macroPolicy, workbookFormat } from './workbookFormat';
import { writeXlsxFile } from './writeXlsx';

/** ExcelJS writes no vbaProject.bin: a writer that keeps macros sets this and .xlsm becomes ratable. */
const KEEPS_MACROS = false;

export interface RateOneOptions {
  /** The input's name as the user typed it: it names the file in every message and in the report. */
  file: string;
  sheet?: string;
  rules?: Partial<RatingRules>;
  /** Where the workbook will be written: its extension must agree with the macros it will hold. */
  outputName: string;
  /** Build the JSON report too (it costs a copy of every row's rating). */
  withReport?: boolean;
}

/** What a run prints. The rated rows are not kept: they are in the workbook and the report. */
export interface RateOutcome {
  sheets: string[];
  summary: Summary;
  rules: RatingRules;
  redFlags: RedFlag[];
  warnings: Warning[];
}

export interface RatedWorkbook {
  outcome: RateOutcome;
  report?: Report;
  /** Writes the rated workbook to `file` (a temporary name: the caller renames it into place). */
  write: (file: string) => Promise<void>;
}

/**
 * Reads, rates and applies the rating in memory; nothing is written until `write` is called. Bad input throws
 * an InputError or a ScorecardError naming the sheet and cell where known. What the rating needed (grids,
 * measures, planned writes) is unreachable once this returns, so the workbook is written with little beside
 * ExcelJS's own model in memory: writing is where a large workbook's memory peaks.
 */
export async function rateOneWorkbook(input: Buffer, options: RateOneOptions): Promise<RatedWorkbook> {
  const format = await workbookFormat(input);
  const problem = formatProblem(format) ?? macroPolicy(format, options.outputName, { keepsMacros: KEEPS_MACROS });
  if (problem) throw new InputError(problem, {});
  const { workbook, grids } = await readWorkbookFile(input);
  const sheet = chooseSheet(grids, options.sheet);
  const rules = workbookRules(grids, options.rules ?? {});
  const result = rateWorkbook(grids, { rules, sheet, file: options.file });
  const applyWarnings = applyRating(workbook, result, buildOwnedSheets(result));
  const warnings = [...result.warnings, ...applyWarnings];
  const outcome: RateOutcome = { sheets: result.sheets.map((s) => s.sheet), summary: result.summary, rules: result.rules, redFlags: result.redFlags, warnings };
  const write = (file: string) => writeXlsxFile(workbook, file);
  return options.withReport ? { outcome, report: { ...toReport(result), warnings }, write } : { outcome, write };
}
