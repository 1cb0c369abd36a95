/**
 * The ScorecardHost of the browser workbench: one workbook opened from a file, held in memory with ExcelJS,
 * rated with the same rateWorkbook and written with the same adapter as the command line. Nothing leaves
 * the browser: the rated workbook goes back to the user as a download.
 */
import type { Workbook, Worksheet } from 'exceljs';
import type { RatingRules } from '../engine/rules';
import { emptyFlagsSheet, flagCells, flagsHeaderRow, flagView, newManualFlag, readFlags, sameRef } from '../scorecard/manualFlags';
import { ownedSheet } from '../scorecard/ownedIdentity';
import type { OwnedKind } from '../scorecard/ownedIdentity';
import { applyRating, writeOwnedSheet } from '../node/applyRating';
import { readWorkbook, workbookToGrids, worksheetToGrid } from '../node/exceljsGrid';
import { ownedKindOfWorksheet } from '../node/ownedMarks';
import { buildOwnedSheets, buildRedFlagsSheet, buildSummarySheet, readRulesSheet } from '../scorecard/ownedSheets';
import { rateWorkbook } from '../scorecard/rateWorkbook';
import type { Warning, WorkbookRating } from '../scorecard/types';
import type { FlagInput, ManualFlagView, Phase, ProgressListener, RatingOutcome, RedFlagsOutcome, RulesView, ScorecardHost, SelectionListener } from '../taskpane/host';
import { rowViews } from '../taskpane/ratedRows';
import { rulesSheetFor, rulesView } from '../taskpane/rulesView';
import type { SheetGrid } from '../workbook/grid';
import { openError, ratingError } from './errors';

/** Lets the page draw the progress bar between steps: rating runs on the page's only thread. */
function yieldToPage(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

function findWorksheet(workbook: Workbook, name: string): Worksheet | undefined {
  return workbook.worksheets.find((ws) => ws.name.toLowerCase() === name.toLowerCase());
}

/** The tool's sheet of a kind, by its mark: a user's sheet of the same name is never it. */
function ownedWorksheet(workbook: Workbook, kind: OwnedKind): Worksheet | undefined {
  return workbook.worksheets.find((ws) => ownedKindOfWorksheet(ws) === kind);
}


/** A warning as one line with its place ("Scorecard!I9: …"), as the Excel pane shows it. */
function warningLine(w: Warning): string {
  const at = [w.where.sheet, w.where.cell].filter(Boolean).join('!');
  return at ? `${at}: ${w.message}` : w.message;
}


/** The rated file's name: "scorecard.xlsx" → "scorecard (rated).xlsx". */
export function ratedFileName(fileName: string): string {
  const base = fileName.replace(/\.xlsx$/i, '') || 'scorecard';
  return `${base} (rated).xlsx`;
}

export interface WorkbenchHostOptions {
  /** The clock, for flags; tests pin it. */
  now?: () => Date;
}

export class WorkbenchHost implements ScorecardHost {
  private readonly listeners = new Set<SelectionListener>();

  private constructor(
    private readonly workbook: Workbook,
    /** The name of the file the user opened. */
    readonly fileName: string,
    private readonly options: WorkbenchHostOptions,
  ) {}

  /** Opens an .xlsx from its bytes; rejects with a message that says what to open instead. */
  static async open(bytes: Uint8Array, fileName: string, options: WorkbenchHostOptions = {}): Promise<WorkbenchHost> {
    try {
      // The reader only indexes and measures its input, which a Uint8Array does as a Buffer would.
      const { workbook } = await readWorkbook(bytes as unknown as Buffer);
      return new WorkbenchHost(workbook, fileName, options);
    } catch (e) {
      throw openError(fileName, e);
    }
  }

  /** Reads every sheet afresh (earlier runs changed the workbook) and rates it with the workbook's own rules. */
  private async rate(progress?: ProgressListener): Promise<WorkbookRating> {
    const report = async (phase: Phase, step: number, steps: number): Promise<void> => {
      progress?.({ phase, step, steps });
      await yieldToPage();
    };
    await report('reading', 1, 1);
    const grids = workbookToGrids(this.workbook);
    await report('rating', 1, 1);
    // rateWorkbook skips the tool's own sheets by their marks (the Flags sheet's Ref and Measure header
    // would pass for a scorecard); a user's sheet named "Summary" is rated like any other.
    try {
      return rateWorkbook(grids, { rules: this.savedRules(grids), file: this.fileName });
    } catch (e) {
      throw ratingError(e);
    }
  }

  /** The Rules sheet's settings; a cell that cannot be used stops the run, as in Excel and the command line. */
  private savedRules(grids: readonly SheetGrid[]): Partial<RatingRules> | undefined {
    const grid = ownedSheet(grids, 'rules');
    if (!grid) return undefined;
    const { rules, errors } = readRulesSheet(grid);
    if (errors.length) {
      throw new Error(`The '${grid.name}' sheet has ${errors.length === 1 ? 'a problem' : `${errors.length} problems`}, so nothing was rated: ${errors.slice(0, 3).join('; ')}. Set the rules in the Rules panel and save them, then rate again.`);
    }
    return rules;
  }

  private outcome(rating: WorkbookRating, cellsWritten: number, warnings: string[]): RatingOutcome {
    return { sheets: rating.sheets.map((s) => s.sheet), summary: rating.summary, rows: rowViews(rating), rules: rating.rules, redFlags: rating.redFlags, cellsWritten, warnings };
  }

  /** Rates every scorecard sheet and writes what the command line writes: the owned cells and the Summary, Red flags and Rules sheets. */
  async recalculate(progress?: ProgressListener): Promise<RatingOutcome> {
    const rating = await this.rate(progress);
    progress?.({ phase: 'writing', step: 1, steps: 1 });
    await yieldToPage();
    const more = applyRating(this.workbook, rating, buildOwnedSheets(rating));
    const planned = rating.sheets.reduce((n, s) => n + s.writes.length, 0);
    return this.outcome(rating, planned - more.filter((w) => w.kept).length, [...rating.warnings, ...more].map(warningLine));
  }

  async buildSummary(progress?: ProgressListener): Promise<RatingOutcome> {
    const rating = await this.rate(progress);
    const { warnings } = writeOwnedSheet(this.workbook, buildSummarySheet(rating.summary, rating.rules));
    return this.outcome(rating, 0, [...rating.warnings, ...warnings].map(warningLine));
  }

  async redFlags(progress?: ProgressListener): Promise<RedFlagsOutcome> {
    const rating = await this.rate(progress);
    const statusColumns = Object.fromEntries(rating.sheets.map((s) => [s.sheet, s.columns.status]));
    writeOwnedSheet(this.workbook, buildRedFlagsSheet(rating.redFlags, { symbols: rating.rules.symbols, statusColumns }));
    return { sheets: rating.sheets.map((s) => s.sheet), flags: rating.redFlags, fromHistory: 0 };
  }

  /** Appends a reviewer's flag to the Flags sheet (made on first use) and returns every flag. */
  async addFlag(input: FlagInput): Promise<ManualFlagView[]> {
    const ref = input.ref.trim();
    const comment = input.comment.trim();
    if (!ref) throw new Error('Give the ref of the measure to flag.');
    if (!comment) throw new Error('Say why the measure is flagged: the comment is what the clinic will read.');
    const rating = await this.rate();
    const row = rating.sheets.flatMap((s) => s.rows).find((r) => sameRef(r.measure.ref, ref));
    if (!row) throw new Error(`No measure with ref "${ref}" on ${rating.sheets.map((s) => `"${s.sheet}"`).join(', ')}: check the ref in the scorecard's Ref column.`);
    // No row: a link to the measure would be a formula, and the workbench writes the Flags sheet as plain values.
    const flag = newManualFlag(row, { comment, by: input.by }, this.options.now ?? (() => new Date()), false);
    const ws = ownedWorksheet(this.workbook, 'flags');
    const grid = ws ? worksheetToGrid(ws) : undefined;
    if (!ws || !grid || grid.values.length === 0) {
      const empty = emptyFlagsSheet();
      writeOwnedSheet(this.workbook, { ...empty, rows: [...empty.rows, flagCells(flag)] });
      return [flagView(flag)];
    }
    if (flagsHeaderRow(grid) < 0) throw new Error(`The sheet "${ws.name}" is not a Flags sheet (it has no Ref and Comment header): rename it in Excel and open the workbook again.`);
    const next = ws.getRow(grid.values.length + 1);
    flagCells(flag).forEach((c, i) => {
      const cell = next.getCell(i + 1);
      cell.value = c.value;
      // A new style object: loaded cells may share theirs with others (see exceljsGrid).
      if (c.style?.wrap) cell.style = { ...cell.style, alignment: { wrapText: true } };
    });
    return [...readFlags(grid), flag].map(flagView);
  }

  async listFlags(): Promise<ManualFlagView[]> {
    const ws = ownedWorksheet(this.workbook, 'flags');
    return ws ? readFlags(worksheetToGrid(ws)).map(flagView) : [];
  }

  /** The workbench's "sheet" is its table of rated rows: selecting a row there is telling its listeners. */
  async selectRow(sheet: string, row: number): Promise<void> {
    const ws = findWorksheet(this.workbook, sheet);
    if (!ws) throw new Error(`The workbook has no sheet "${sheet}".`);
    for (const l of [...this.listeners]) l({ sheet: ws.name, row });
  }

  onSelectionChanged(listener: SelectionListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  async readRules(): Promise<RulesView> {
    const ws = ownedWorksheet(this.workbook, 'rules');
    return rulesView(ws ? worksheetToGrid(ws) : undefined);
  }

  async saveRules(rules: RatingRules): Promise<void> {
    const { content, problems } = rulesSheetFor(rules);
    if (problems.length) throw new Error(`These rules cannot be saved: ${problems.join('; ')}.`);
    writeOwnedSheet(this.workbook, content);
  }

  /** The workbook as it stands, as .xlsx bytes for the download. */
  async download(): Promise<{ bytes: Uint8Array<ArrayBuffer>; fileName: string }> {
    const buffer = await this.workbook.xlsx.writeBuffer();
    return { bytes: new Uint8Array(buffer as ArrayBuffer), fileName: ratedFileName(this.fileName) };
  }
}
