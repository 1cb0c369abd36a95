/**
 * One workbook, from its bytes to a rated file: read → rate → apply → write. The only module of the command
 * line that knows how the workbook's bytes are read and made: the package patcher (src/xlsx), which edits
 * the owned cells and the tool's own sheets and copies every other part of the file as it came.
 */
import type { RatingRules } from '../engine/rules';
import type { Summary } from '../engine/summarise';
import { workbookRules } from '../app/workbookRules';
import { buildOwnedSheets } from '../scorecard/ownedSheets';
import { rateWorkbook, toReport } from '../scorecard/rateWorkbook';
import type { RedFlag, Report, Warning, WorkbookRating } from '../scorecard/types';
import { InputError } from './cliErrors';
import { promises as fs } from 'fs';
import { applyRatingToPackage } from '../xlsx/applyRating';
import { WorkbookPackage } from '../xlsx/workbookPackage';
import { formatProblem, macroPolicy, workbookFormat } from './workbookFormat';
import { zlibCodec } from './zlibCodec';
import { writeChunks } from './inputFile';
import type { ByteSource } from '../xlsx/zip';

/** The patcher copies vbaProject.bin and the macro-enabled content type as they are: an .xlsm stays one. */
const KEEPS_MACROS = true;

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
 * The package's sheets read and rated. The grids are this function's own, so that they can be let go of
 * while the rating is written into the package: they are the largest thing a run holds.
 */
function rateGrids(pkg: WorkbookPackage, options: RateOneOptions): WorkbookRating {
  const grids = pkg.grids();
  const rules = workbookRules(grids, options.rules);
  return rateWorkbook(grids, { rules, sheet: options.sheet, file: options.file });
}

/**
 * Reads, rates and applies the rating in memory; nothing is written until `write` is called. Bad input throws
 * an InputError or a ScorecardError naming the sheet and cell where known. What the rating needed (grids,
 * measures, planned writes) is unreachable once this returns: only the new package's bytes are kept.
 */
export async function rateOneWorkbook(input: ByteSource, options: RateOneOptions): Promise<RatedWorkbook> {
  const format = await workbookFormat(input);
  const problem = formatProblem(format) ?? macroPolicy(format, options.outputName, { keepsMacros: KEEPS_MACROS });
  if (problem) throw new InputError(problem, {});
  const pkg = WorkbookPackage.open(input, zlibCodec);
  const result = rateGrids(pkg, options);
  const applyWarnings = applyRatingToPackage(pkg, result, buildOwnedSheets(result));
  const warnings = [...result.warnings, ...applyWarnings];
  const outcome: RateOutcome = { sheets: result.sheets.map((s) => s.sheet), summary: result.summary, rules: result.rules, redFlags: result.redFlags, warnings };
  const chunks = pkg.toChunks();
  // Written piece by piece: the parts copied from the input are copied from the input file as they go out.
  const write = async (file: string): Promise<void> => {
    const out = await fs.open(file, 'w');
    try {
      await writeChunks(out, chunks);
    } finally {
      await out.close();
    }
  };
  return options.withReport ? { outcome, report: { ...toReport(result), warnings }, write } : { outcome, write };
}
