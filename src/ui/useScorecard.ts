/**
 * The pane's state over a ScorecardHost: what the last operation said, its progress, the rated rows, the
 * red flags, the selected row and the rules. The task pane and the workbench lay the same state out
 * differently, so it lives here rather than in either page.
 */
import * as React from 'react';
import type { RatingRules } from '../engine/rules';
import { DEFAULT_DOT_SYMBOLS, DEFAULT_SYMBOLS } from '../engine/rules';
import type { DotKey, StatusKey } from '../engine/types';
import type { Summary } from '../engine/summarise';
import type { RedFlag } from '../scorecard/types';
import { recalculatedLine, redFlagsLine, summaryLine, undoLine } from '../app/describe';
import type { FlagInput, ManualFlagView, Progress, RatedRowView, RatingOutcome, RulesView, ScorecardHost, SelectedRow } from '../app/host';
import { findRow, indexRows } from '../app/ratedRows';
import { sheetStatusWords } from '../app/writtenWords';

export type Operation = 'recalculate' | 'summary' | 'redFlags' | 'undo' | 'flag' | 'rules';

export interface ScorecardState {
  busy: Operation | null;
  progress: Progress | null;
  /** The outcome of the last operation, one or two sentences. */
  result: string | null;
  /** Why the last operation stopped, meant for the person using the pane. */
  error: string | null;
  /** Things a person should look at after the last rating. */
  warnings: string[];
  summary: Summary | null;
  /** The rules of the last rating (for its symbols); null until something was rated. */
  ratedWith: RatingRules | null;
  rows: RatedRowView[];
  /** Null until red flags were worked out. */
  redFlags: RedFlag[] | null;
  selection: SelectedRow | null;
  /** The selected row when it is a rated measure row. */
  selected: RatedRowView | undefined;
  rules: RulesView | null;
  flags: ManualFlagView[];
  /** The symbols the screens show: the last rating's (the sheet's own Key included), else the saved rules', else the defaults. */
  symbols: Record<StatusKey, string>;
  dotSymbols: Record<DotKey, string>;
  /** The sheet's own status words where its rows are written in words (Green, Amber, Red), for every list of statuses. */
  statusWords: Partial<Record<StatusKey, string>>;
}

export interface ScorecardActions {
  /** Resolves with the line the result shows, or null when the operation failed (the error says why). */
  run(operation: 'recalculate' | 'summary' | 'redFlags' | 'undo'): Promise<string | null>;
  /** Resolves true when the flag was saved; the error is left for the dialog to show otherwise. */
  addFlag(flag: FlagInput): Promise<{ ok: true } | { ok: false; error: string }>;
  /** Shows a row in the host (selects it in Excel, in the workbench its table row) and explains it. */
  selectRow(sheet: string, row: number): void;
  /** Resolves true when saved; the Rules panel says so beside its button, so the result line is left alone. */
  saveRules(rules: RatingRules): Promise<boolean>;
  dismissError(): void;
}

export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export function useScorecard(host: ScorecardHost): ScorecardState & ScorecardActions {
  const [busy, setBusy] = React.useState<Operation | null>(null);
  const [progress, setProgress] = React.useState<Progress | null>(null);
  const [result, setResult] = React.useState<string | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const [warnings, setWarnings] = React.useState<string[]>([]);
  const [rated, setRated] = React.useState<RatingOutcome | null>(null);
  const [redFlags, setRedFlags] = React.useState<RedFlag[] | null>(null);
  const [selection, setSelection] = React.useState<SelectedRow | null>(null);
  const [rules, setRules] = React.useState<RulesView | null>(null);
  const [flags, setFlags] = React.useState<ManualFlagView[]>([]);

  // A host call that finishes after the page went away must not set state.
  const live = React.useRef(true);
  React.useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, []);

  React.useEffect(() => host.onSelectionChanged((s) => live.current && setSelection(s)), [host]);

  React.useEffect(() => {
    // The panel shows the saved rules and flags from the start; a failure here is shown like any other.
    host
      .readRules()
      .then((r) => live.current && setRules(r))
      .catch((e: unknown) => live.current && setError(errorMessage(e)));
    host
      .listFlags()
      .then((f) => live.current && setFlags(f))
      .catch((e: unknown) => live.current && setError(errorMessage(e)));
  }, [host]);

  const index = React.useMemo(() => indexRows(rated?.rows ?? []), [rated]);

  const guard = async <T>(operation: Operation, work: () => Promise<T>): Promise<T | undefined> => {
    setBusy(operation);
    setProgress(null);
    setError(null);
    try {
      return await work();
    } catch (e) {
      if (live.current) setError(errorMessage(e));
      return undefined;
    } finally {
      if (live.current) {
        setBusy(null);
        setProgress(null);
      }
    }
  };

  const showRating = (o: RatingOutcome, line: string): void => {
    setRated(o);
    setResult(line);
    setWarnings(o.warnings);
    if (o.redFlags) setRedFlags(o.redFlags);
  };

  const run = async (operation: 'recalculate' | 'summary' | 'redFlags' | 'undo'): Promise<string | null> => {
    const onProgress = (p: Progress): void => {
      if (live.current) setProgress(p);
    };
    const line = await guard(operation, async (): Promise<string | null> => {
      if (operation === 'recalculate') {
        const o = await host.recalculate(onProgress);
        const said = recalculatedLine(o);
        if (live.current) showRating(o, said);
        return said;
      }
      if (operation === 'summary') {
        const o = await host.buildSummary(onProgress);
        const said = summaryLine(o);
        if (live.current) showRating(o, said);
        return said;
      }
      if (operation === 'redFlags') {
        const o = await host.redFlags(onProgress);
        const said = redFlagsLine(o);
        if (!live.current) return said;
        setResult(said);
        setWarnings(o.warnings);
        setRedFlags(o.flags);
        return said;
      }
      if (!host.undo) return null;
      const o = await host.undo();
      const said = undoLine(o);
      if (!live.current) return said;
      setResult(said);
      setWarnings([]);
      // The sheet is back as it was: its old ratings are not the ones the pane holds.
      setRated(null);
      setRedFlags(null);
      return said;
    });
    return line ?? null;
  };

  const addFlag = async (flag: FlagInput): Promise<{ ok: true } | { ok: false; error: string }> => {
    setBusy('flag');
    try {
      const o = await host.addFlag(flag);
      if (live.current) {
        setFlags(o.flags);
        setResult(`Flag for ${flag.ref.trim()} added to the Flags sheet (${o.flags.length} in all).`);
        setWarnings(o.warnings);
      }
      return { ok: true };
    } catch (e) {
      return { ok: false, error: errorMessage(e) };
    } finally {
      if (live.current) setBusy(null);
    }
  };

  const selectRow = (sheet: string, row: number): void => {
    // Explained at once: the host's own selection event confirms it (Excel) or is the same (workbench).
    setSelection({ sheet, row });
    host.selectRow(sheet, row).catch((e: unknown) => live.current && setError(errorMessage(e)));
  };

  const saveRules = async (next: RatingRules): Promise<boolean> => {
    const saved = await guard('rules', async () => {
      const { warnings: placed } = await host.saveRules(next);
      const view = await host.readRules();
      if (live.current) {
        setRules(view);
        // Where the Rules sheet went, when a sheet of the user's holds its name; the panel says it is saved.
        setWarnings(placed);
      }
      return true;
    });
    return saved === true;
  };

  const statusWords = React.useMemo(() => sheetStatusWords(rated?.rows ?? []), [rated]);

  return {
    busy,
    progress,
    result,
    error,
    warnings,
    summary: rated?.summary ?? null,
    ratedWith: rated?.rules ?? null,
    rows: rated?.rows ?? [],
    redFlags,
    selection,
    selected: findRow(index, selection),
    rules,
    flags,
    symbols: rated?.rules.symbols ?? rules?.rules.symbols ?? DEFAULT_SYMBOLS,
    dotSymbols: rated?.rules.dotSymbols ?? rules?.rules.dotSymbols ?? DEFAULT_DOT_SYMBOLS,
    statusWords,
    run,
    addFlag,
    selectRow,
    saveRules,
    dismissError: () => setError(null),
  };
}
