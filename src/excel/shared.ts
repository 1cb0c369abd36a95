/**
 * What every add-in operation shares: its options, reading and rating in two round trips with the same
 * rateWorkbook the command line uses, and the checks made before anything is written.
 */
import { ownedSheet, planOwnedSheetNames } from '../scorecard/ownedIdentity';
import type { OwnedKind } from '../scorecard/ownedIdentity';
import { savedRules } from '../app/workbookRules';
import { rateWorkbook } from '../scorecard/rateWorkbook';
import type { Warning, WorkbookRating } from '../scorecard/types';
import type { SheetContent } from '../workbook/grid';
import { tableNamesOutside } from '../workbook/sheetName';
import type { ProgressListener } from '../app/host';
import { AddinError } from './errors';
import { readSheets } from './readWorkbook';
import type { ReadRequest, SheetsRead } from './readWorkbook';
import { probeWorkbook } from './workbookProbe';
import type { ReadOptions, SheetInfo, TargetProbe, WorkbookProbe } from './workbookProbe';
import { queueSheetContent } from './writeCells';
import type { WriteBatch } from './writeBatch';

export interface OperationOptions extends ReadOptions {
  /** Bytes per write round trip (see budgets.ts); the web's budget when not given. */
  writeBudget?: number;
  /** The clock, for history and flags; tests pin it. */
  now?: () => Date;
  progress?: ProgressListener;
}

export function report(options: OperationOptions, phase: 'reading' | 'rating' | 'writing', step: number, steps: number): void {
  options.progress?.({ phase, step, steps });
}

/** The add-in's sheet of a kind, by its mark: a user's sheet of the same name is never it. Known once read. */
export function ownedInfo(probe: WorkbookProbe, kind: OwnedKind): SheetInfo | undefined {
  return ownedSheet(probe.sheets, kind);
}

/** Where the add-in's sheet of a kind goes: over its own sheet, under that sheet's name, or a new one. */
export function ownedTarget(probe: WorkbookProbe, kind: OwnedKind): { existing?: SheetInfo; name: string; warnings: Warning[] } {
  const { names, warnings } = planOwnedSheetNames(probe.sheets, [kind]);
  const existing = ownedInfo(probe, kind);
  return { ...(existing ? { existing } : {}), name: names[kind], warnings };
}

/**
 * Queues the (re)build of one of the add-in's sheets: its own sheet (found by mark) is replaced in place and
 * keeps its name; a new one goes under the planned name and gets the mark. Returns the sheet and what the
 * user should hear (a sheet of theirs holds the name the add-in's would have had).
 */
export async function queueOwnedSheet(
  batch: WriteBatch,
  ctx: Excel.RequestContext,
  probe: WorkbookProbe,
  content: SheetContent,
  options: { activate?: boolean } = {},
): Promise<{ ws: Excel.Worksheet; warnings: Warning[] }> {
  const { existing, name, warnings } = ownedTarget(probe, content.ownedKind);
  const ws = await queueSheetContent(batch, ctx, { ...content, name }, { existing, tableNames: tableNamesBesides(probe, existing), ...options });
  return { ws, warnings };
}

/** Table names on sheets other than `replacing`, which is about to be deleted with its tables. */
export function tableNamesBesides(probe: WorkbookProbe, replacing: SheetInfo | undefined): Set<string> {
  return tableNamesOutside(probe.tables.map((t) => ({ name: t.name, sheet: t.sheet })), replacing?.name);
}

/**
 * The two read round trips every operation starts with, then the shared rateWorkbook. `single` asks for exactly
 * one target sheet, because Recalculate writes into it.
 */
export async function readAndRate(
  ctx: Excel.RequestContext,
  options: OperationOptions,
  extra: Partial<ReadRequest>,
  single: boolean,
): Promise<{ probe: WorkbookProbe; read: SheetsRead; rating: WorkbookRating; targets: TargetProbe[] }> {
  report(options, 'reading', 1, 2);
  const probe = await probeWorkbook(ctx, options);
  if (single && probe.targets.length !== 1) {
    throw new AddinError('Select the scorecard sheet first: the active sheet is one the add-in made, and no sheet has been rated yet.');
  }
  report(options, 'reading', 2, 2);
  const request: ReadRequest = { keyAreas: true, full: ['rules', ...(extra.full ?? [])], sizeOnly: extra.sizeOnly ?? [] };
  const read = await readSheets(ctx, probe, request, options);
  report(options, 'rating', 1, 1);
  const rules = savedRules(read.full.get('rules'));
  const sheet = probe.targets.length === 1 ? probe.targets[0].info.name : undefined;
  const rating = rateWorkbook(read.grids, { rules, ...(sheet !== undefined ? { sheet } : {}) });
  return { probe, read, rating, targets: probe.targets };
}

export function refuseProtectedStructure(probe: WorkbookProbe, what: string): void {
  if (probe.structureProtected) {
    throw new AddinError(`The workbook structure is protected, so the add-in cannot ${what}: unprotect it (Review > Protect Workbook) and try again. Nothing was changed.`);
  }
}

