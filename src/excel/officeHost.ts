/**
 * The task pane's host in Excel: each button is one Excel.run around an operation, after a check that this
 * Excel has the API the add-in needs. Errors come out as one sentence for the pane's message bar.
 */
import type { RatingRules } from '../engine/rules';
import type { FlagInput, FlagsOutcome, ManualFlagView, ProgressListener, RatingOutcome, RedFlagsOutcome, RulesView, SavedRulesOutcome, ScorecardHost, SelectionListener, UndoOutcome } from '../app/host';
import { AddinError, describeError } from './errors';
import { addFlag, buildRedFlags, buildSummary, listFlags, recalculate, selectRow, undoLastRecalculation } from './operations';
import type { OperationOptions } from './operations';
import { budgetsFor } from './budgets';
import { MERGED_AREAS_API, requirementProblem } from './requirements';
import type { IsSetSupported } from './requirements';
import { readRules, saveRules } from './rules';
import { followSelection } from './selection';

/** What the adapter takes from Office: running a batch and asking what the host supports. */
export interface OfficeRuntime {
  run<T>(batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T>;
  /** Excel.run(context, batch): an event handler is removed in the context that added it. */
  runIn<T>(context: Excel.RequestContext, batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T>;
  isSetSupported: IsSetSupported;
  /** Office.context.diagnostics.platform: "OfficeOnline" for Excel on the web. */
  platform?: string;
}

/** The real runtime: office.js's globals, read only when an operation runs (after Office.onReady). */
export function officeRuntime(): OfficeRuntime {
  return {
    run: (batch) => Excel.run(batch),
    runIn: (context, batch) => Excel.run(context, batch),
    isSetSupported: (set, version) => Office.context.requirements.isSetSupported(set, version),
    platform: Office.context.platform === undefined ? undefined : String(Office.context.platform),
  };
}

export interface HostOptions extends Omit<OperationOptions, 'progress' | 'merges'> {
  runtime?: OfficeRuntime;
  /** Hears why following the selection failed; the pane then shows the explanation of red flags only. */
  onSelectionError?: (message: string) => void;
}

/** Runs one operation: requirement check, Excel.run, one clear message on failure. */
async function guarded<T>(runtime: OfficeRuntime, sheetHint: string | undefined, op: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> {
  const problem = requirementProblem(runtime.isSetSupported);
  if (problem) throw new AddinError(problem, 'ApiTooOld');
  try {
    return await runtime.run(op);
  } catch (e) {
    throw e instanceof AddinError ? e : new AddinError(describeError(e, sheetHint), typeof (e as { code?: unknown })?.code === 'string' ? String((e as { code: string }).code) : undefined);
  }
}

/** The pane's host in Excel always has Undo: the add-in keeps a copy of the cells it changes. */
export type OfficeScorecardHost = ScorecardHost & { undo(): Promise<UndoOutcome> };

/** The ScorecardHost the pane uses inside Excel. */
export function createOfficeHost(options: HostOptions = {}): OfficeScorecardHost {
  const runtime = options.runtime ?? officeRuntime();
  const opts = (progress?: ProgressListener): OperationOptions => ({
    ...budgetsFor(runtime.platform),
    ...options,
    merges: runtime.isSetSupported(MERGED_AREAS_API.set, MERGED_AREAS_API.version),
    progress,
  });
  return {
    recalculate: (progress?: ProgressListener): Promise<RatingOutcome> => guarded(runtime, undefined, (ctx) => recalculate(ctx, opts(progress))),
    buildSummary: (progress?: ProgressListener): Promise<RatingOutcome> => guarded(runtime, undefined, (ctx) => buildSummary(ctx, opts(progress))),
    redFlags: (progress?: ProgressListener): Promise<RedFlagsOutcome> => guarded(runtime, undefined, (ctx) => buildRedFlags(ctx, opts(progress))),
    undo: (): Promise<UndoOutcome> => guarded(runtime, undefined, (ctx) => undoLastRecalculation(ctx, opts())),
    addFlag: (flag: FlagInput): Promise<FlagsOutcome> => guarded(runtime, undefined, (ctx) => addFlag(ctx, flag, opts())),
    listFlags: (): Promise<ManualFlagView[]> => guarded(runtime, undefined, (ctx) => listFlags(ctx)),
    selectRow: (sheet: string, row: number): Promise<void> => guarded(runtime, sheet, (ctx) => selectRow(ctx, sheet, row)),
    onSelectionChanged: (listener: SelectionListener): (() => void) =>
      followSelection(runtime, listener, (e) => options.onSelectionError?.(describeError(e))),
    readRules: (): Promise<RulesView> => guarded(runtime, undefined, (ctx) => readRules(ctx)),
    saveRules: (rules: RatingRules): Promise<SavedRulesOutcome> => guarded(runtime, undefined, (ctx) => saveRules(ctx, rules, opts())),
  };
}
