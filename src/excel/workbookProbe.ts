/**
 * office-js adapter, round trip 1 of every operation: the sheet list, the active sheet's protection,
 * used-range size, formula and merged areas, the workbook's structure protection, table names and the
 * add-in's settings. The active sheet's mark comes with it; the other sheets' come with the read
 * (readWorkbook.ts). Everything is queued before the one context.sync().
 */
import type { OwnedKind } from '../scorecard/ownedIdentity';
import type { CellRange } from '../workbook/grid';
import { parseAreas } from './addresses';
import { AddinError } from './errors';
import { markOf, queueMarkLoad, queueMarks } from './ownedMarks';
import { SETTING_KEYS } from './settingKeys';

export interface SheetInfo {
  id: string;
  name: string;
  position: number;
  visible: boolean;
  /** The add-in's sheet of this kind, by its mark; known for every sheet once WorkbookProbe.marksRead. */
  ownedKind?: OwnedKind;
}

/** The used range of a sheet, 0-based. */
export interface UsedArea {
  top: number;
  left: number;
  rows: number;
  cols: number;
}

export interface TargetProbe {
  info: SheetInfo;
  protected: boolean;
  used: UsedArea;
  formulaAreas: CellRange[];
  /** Null when this Excel cannot list merged areas (before ExcelApi 1.13). */
  merges: CellRange[] | null;
}

export interface WorkbookProbe {
  sheets: SheetInfo[];
  active: SheetInfo;
  /** The sheets to read in full: the active sheet, or when that is one of the add-in's, the last rated one. */
  targets: TargetProbe[];
  structureProtected: boolean;
  /** Table names in use, with their sheet, so rebuilt sheets never clash with a user's table. */
  tables: { name: string; sheet: string }[];
  settings: { undo: string | null; lastSheet: string | null };
  /** True once every sheet's mark is read (the read completes them): before, only the active sheet's is known. */
  marksRead: boolean;
}

export interface ReadOptions {
  /** Whether Excel can list merged areas (ExcelApi 1.13). Default false. */
  merges?: boolean;
  /** Cells per read round trip (see budgets.ts); the web's budget when not given. */
  maxCellsPerRead?: number;
}


function sheetInfo(ws: Excel.Worksheet): SheetInfo {
  return { id: ws.id, name: ws.name, position: ws.position, visible: ws.visibility === 'Visible' };
}

interface QueuedProbe {
  ws: Excel.Worksheet;
  used: Excel.Range;
  formulas: Excel.RangeAreas;
  merges: Excel.RangeAreas | null;
}

function queueProbe(ws: Excel.Worksheet, options: ReadOptions): QueuedProbe {
  ws.load('id,name,position,visibility');
  ws.protection.load('protected');
  // valuesOnly: cells that only carry a format are not part of the scorecard, as in the ExcelJS reader.
  const used = ws.getUsedRange(true);
  used.load('rowIndex,columnIndex,rowCount,columnCount');
  const formulas = used.getSpecialCellsOrNullObject('Formulas');
  formulas.load('address');
  let merges: Excel.RangeAreas | null = null;
  if (options.merges) {
    merges = used.getMergedAreasOrNullObject();
    merges.load('address');
  }
  return { ws, used, formulas, merges };
}

function probeResult(q: QueuedProbe): TargetProbe {
  const used: UsedArea = { top: q.used.rowIndex, left: q.used.columnIndex, rows: q.used.rowCount, cols: q.used.columnCount };
  return {
    info: sheetInfo(q.ws),
    protected: q.ws.protection.protected,
    used,
    formulaAreas: q.formulas.isNullObject ? [] : parseAreas(q.formulas.address),
    merges: q.merges === null ? null : q.merges.isNullObject ? [] : parseAreas(q.merges.address),
  };
}

/**
 * Round trip 1: what the workbook holds and where the active sheet's data is. When the active sheet is one
 * of the add-in's (the Summary, say), the last rated sheet is probed instead (one more round trip), or every
 * other visible sheet when none was rated yet.
 */
export async function probeWorkbook(ctx: Excel.RequestContext, options: ReadOptions): Promise<WorkbookProbe> {
  const wb = ctx.workbook;
  const sheets = wb.worksheets;
  sheets.load('items/id,items/name,items/position,items/visibility');
  const active = queueProbe(sheets.getActiveWorksheet(), options);
  const activeMark = queueMarkLoad(active.ws);
  wb.protection.load('protected');
  const tables = wb.tables;
  tables.load('items/name,items/worksheet/name');
  const undo = wb.settings.getItemOrNullObject(SETTING_KEYS.undo);
  undo.load('value');
  const last = wb.settings.getItemOrNullObject(SETTING_KEYS.lastSheet);
  last.load('value');
  await ctx.sync();

  const list = sheets.items.map(sheetInfo);
  const activeInfo = sheetInfo(active.ws);
  const activeKind = markOf(activeMark);
  if (activeKind) {
    activeInfo.ownedKind = activeKind;
    for (const s of list) if (s.id === activeInfo.id) s.ownedKind = activeKind;
  }
  const lastSheet = last.isNullObject ? null : String(last.value);
  const probe: WorkbookProbe = {
    sheets: list,
    active: activeInfo,
    targets: [],
    structureProtected: wb.protection.protected,
    tables: tables.items.map((t) => ({ name: t.name, sheet: t.worksheet.name })),
    settings: { undo: undo.isNullObject ? null : String(undo.value), lastSheet },
    marksRead: list.length === 1,
  };
  if (!activeKind) {
    probe.targets = [probeResult(active)];
    return probe;
  }
  // The active sheet is one of the add-in's: this round trip reads every sheet's mark too, so the sheets
  // probed here can be told from the add-in's.
  const lastInfo = lastSheet === null ? undefined : list.find((s) => s.id === lastSheet);
  const others = list.filter((s) => s.id !== activeInfo.id);
  const marks = queueMarks(ctx, others);
  const queued = (lastInfo ? [lastInfo] : others.filter((s) => s.visible)).map((s) => queueProbe(sheets.getItem(s.id), options));
  await ctx.sync();
  const kinds = marks();
  for (const s of others) {
    const kind = kinds.get(s.id);
    if (kind) s.ownedKind = kind;
  }
  probe.marksRead = true;
  probe.targets = queued.map(probeResult).filter((t) => !kinds.has(t.info.id));
  if (!probe.targets.length) throw new AddinError('No scorecard sheet to rate: every sheet in this workbook is one the add-in made.');
  return probe;
}
