/**
 * The ScorecardHost of the browser workbench: one workbook opened from a file and kept as its bytes, rated
 * with the same rateWorkbook and written with the same package patcher as the command line. Each change
 * edits the package in place (the owned cells and the tool's own sheets) and copies every other part as it
 * came, so charts, pivots, comments and macros reach the download untouched. Nothing leaves the browser.
 */
import type { RatingRules } from '../engine/rules';
import { checkedFlag, flaggedRow } from '../app/flagging';
import { flagsOutcome, ratingOutcome, redFlagsOutcome, savedRulesOutcome } from '../app/outcome';
import { workbookRules } from '../app/workbookRules';
import { emptyFlagsSheet, flagCells, flagsHeaderRow, flagView, newManualFlag, readFlags } from '../scorecard/manualFlags';
import { ownedSheet } from '../scorecard/ownedIdentity';
import { buildOwnedSheets, buildSummarySheet } from '../scorecard/ownedSheets';
import { redFlagsSheetOf } from '../scorecard/redFlagsSheet';
import { rateWorkbook } from '../scorecard/rateWorkbook';
import type { WorkbookRating } from '../scorecard/types';
import type { FlagInput, FlagsOutcome, ManualFlagView, Phase, ProgressListener, RatingOutcome, RedFlagsOutcome, RulesView, SavedRulesOutcome, ScorecardHost, SelectionListener } from '../app/host';
import { rulesView, savableRulesSheet } from '../app/rulesView';
import type { CellWrite, SheetGrid } from '../workbook/grid';
import { findSheet } from '../workbook/sheetName';
import { applyRatingToPackage } from '../xlsx/applyRating';
import { fflateCodec } from '../xlsx/fflateCodec';
import { WorkbookPackage } from '../xlsx/workbookPackage';
import { openError, ratingError } from './errors';
import { isMacroEnabled, ratedFileName } from './ratedFile';

export { ratedFileName } from './ratedFile';

/** Lets the page draw the progress bar between steps: rating runs on the page's only thread. */
function yieldToPage(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export interface WorkbenchHostOptions {
  /** The clock, for flags; tests pin it. */
  now?: () => Date;
}

export class WorkbenchHost implements ScorecardHost {
  private readonly listeners = new Set<SelectionListener>();
  /** The workbook as last changed (at first, as opened): what every operation starts from and download hands out. */
  private bytes: Uint8Array;
  /**
   * The package opened from `bytes` and its sheets, read once: rating, flags and rules all read them, and
   * the next change edits that same package (its parts already inflated), so a change drops both.
   */
  private opened: { pkg: WorkbookPackage; sheets: SheetGrid[] } | undefined;

  private constructor(
    bytes: Uint8Array,
    pkg: WorkbookPackage,
    sheets: SheetGrid[],
    /** The name of the file the user opened. */
    readonly fileName: string,
    private readonly macroEnabled: boolean,
    private readonly options: WorkbenchHostOptions,
  ) {
    this.bytes = bytes;
    this.opened = { pkg, sheets };
  }

  /** Opens an .xlsx from its bytes; rejects with a message that says what to open instead. */
  static async open(bytes: Uint8Array, fileName: string, options: WorkbenchHostOptions = {}): Promise<WorkbenchHost> {
    try {
      const pkg = WorkbookPackage.open(bytes, fflateCodec);
      // Read every sheet now, so that a damaged one is refused when the file is opened rather than at the first click.
      return new WorkbenchHost(bytes, pkg, pkg.grids(), fileName, isMacroEnabled(pkg), options);
    } catch (e) {
      throw openError(fileName, e);
    }
  }

  private current(): { pkg: WorkbookPackage; sheets: SheetGrid[] } {
    if (!this.opened) {
      const pkg = WorkbookPackage.open(this.bytes, fflateCodec);
      this.opened = { pkg, sheets: pkg.grids() };
    }
    return this.opened;
  }

  private grids(): SheetGrid[] {
    return this.current().sheets;
  }

  /** Runs one change on the package of the current bytes and keeps what it made as the current bytes. */
  private async change<T>(edit: (pkg: WorkbookPackage) => T): Promise<T> {
    const opened = this.current();
    let result: T;
    try {
      result = edit(opened.pkg);
    } catch (e) {
      // A package whose edit failed half-way must not be edited again: the next change opens the bytes anew.
      this.opened = undefined;
      throw e;
    }
    // Compressed off the page's thread; the package is let go only once its bytes are the current ones.
    const bytes = await opened.pkg.toBytesAsync();
    this.bytes = bytes;
    if (this.opened === opened) this.opened = undefined;
    return result;
  }

  /** Rates the workbook as it stands with the workbook's own rules. */
  private async rate(progress?: ProgressListener): Promise<WorkbookRating> {
    const report = async (phase: Phase, step: number, steps: number): Promise<void> => {
      progress?.({ phase, step, steps });
      await yieldToPage();
    };
    await report('reading', 1, 1);
    const grids = this.grids();
    await report('rating', 1, 1);
    // A bad rules cell is told as every host tells it: the fix is in the Rules panel, not in Excel.
    const rules = workbookRules(grids);
    // rateWorkbook skips the tool's own sheets by their marks (the Flags sheet's Ref and Measure header
    // would pass for a scorecard); a user's sheet named "Summary" is rated like any other.
    try {
      return rateWorkbook(grids, { rules, file: this.fileName });
    } catch (e) {
      throw ratingError(e);
    }
  }

  /** Rates every scorecard sheet and writes what the command line writes: the owned cells and the Summary, Red flags and Rules sheets. */
  async recalculate(progress?: ProgressListener): Promise<RatingOutcome> {
    const rating = await this.rate(progress);
    progress?.({ phase: 'writing', step: 1, steps: 1 });
    await yieldToPage();
    const more = await this.change((pkg) => applyRatingToPackage(pkg, rating, buildOwnedSheets(rating)));
    const planned = rating.sheets.reduce((n, s) => n + s.writes.length, 0);
    return ratingOutcome(rating, { cellsWritten: planned - more.filter((w) => w.kept).length, warnings: more, withRedFlags: true });
  }

  async buildSummary(progress?: ProgressListener): Promise<RatingOutcome> {
    const rating = await this.rate(progress);
    const put = await this.change((pkg) => pkg.putOwnedSheet(buildSummarySheet(rating.summary, rating.rules)));
    return ratingOutcome(rating, { cellsWritten: 0, warnings: put.warning ? [put.warning] : [], withRedFlags: true });
  }

  async redFlags(progress?: ProgressListener): Promise<RedFlagsOutcome> {
    const rating = await this.rate(progress);
    const put = await this.change((pkg) => pkg.putOwnedSheet(redFlagsSheetOf(rating)));
    return redFlagsOutcome(rating, rating.redFlags, 0, put.warning ? [put.warning] : []);
  }

  /** Appends a reviewer's flag to the Flags sheet (made on first use) and returns every flag. */
  async addFlag(input: FlagInput): Promise<FlagsOutcome> {
    const { ref, comment, by } = checkedFlag(input);
    const row = flaggedRow(await this.rate(), ref);
    // No row: a link to the measure would be a formula, and the workbench writes the Flags sheet as plain values.
    const flag = newManualFlag(row, { comment, by }, this.options.now ?? (() => new Date()), false);
    const grid = ownedSheet(this.grids(), 'flags');
    if (!grid || grid.values.length === 0) {
      const empty = emptyFlagsSheet();
      const put = await this.change((pkg) => pkg.putOwnedSheet({ ...empty, rows: [...empty.rows, flagCells(flag)] }));
      return flagsOutcome([flagView(flag)], put.warning ? [put.warning] : []);
    }
    if (flagsHeaderRow(grid) < 0) throw new Error(`The sheet "${grid.name}" is not a Flags sheet (it has no Ref and Comment header): rename it in Excel and open the workbook again.`);
    // Written below the last row as cells of their own, not by rebuilding the sheet: what reviewers typed or
    // formatted there (comments edited, notes beside the flags) stays exactly as it is.
    const at = grid.values.length;
    const writes: CellWrite[] = flagCells(flag).map((c, col) => ({ row: at, col, value: c.value, kind: 'explanation', ...(c.style ? { style: c.style } : {}) }));
    await this.change((pkg) => pkg.writeCells(grid.name, writes));
    return flagsOutcome([...readFlags(grid), flag].map(flagView), []);
  }

  async listFlags(): Promise<ManualFlagView[]> {
    const grid = ownedSheet(this.grids(), 'flags');
    return grid ? readFlags(grid).map(flagView) : [];
  }

  /** The workbench's "sheet" is its table of rated rows: selecting a row there is telling its listeners. */
  async selectRow(sheet: string, row: number): Promise<void> {
    const grid = findSheet(this.grids(), sheet);
    if (!grid) throw new Error(`The workbook has no sheet "${sheet}".`);
    for (const l of [...this.listeners]) l({ sheet: grid.name, row });
  }

  onSelectionChanged(listener: SelectionListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  async readRules(): Promise<RulesView> {
    return rulesView(ownedSheet(this.grids(), 'rules'));
  }

  async saveRules(rules: RatingRules): Promise<SavedRulesOutcome> {
    const content = savableRulesSheet(rules);
    const put = await this.change((pkg) => pkg.putOwnedSheet(content));
    return savedRulesOutcome(put.warning ? [put.warning] : []);
  }

  /** The workbook as it stands: the current bytes, as a copy the page may hand to a Blob or keep. */
  async download(): Promise<{ bytes: Uint8Array<ArrayBuffer>; fileName: string }> {
    return { bytes: new Uint8Array(this.bytes), fileName: ratedFileName(this.fileName, this.macroEnabled) };
  }
}
