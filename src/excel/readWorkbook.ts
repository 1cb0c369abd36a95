/**
 * office-js adapter, reading side. Two round trips whatever the sheet's size up to the read budget:
 *  1. probe: the sheet list, the active sheet's protection, used-range size, formula and merged areas,
 *     the workbook's structure protection, table names and the add-in's settings;
 *  2. read: the used range's values, number formats and display text (in row chunks only past the budget,
 *     or when Excel says a payload is too large), the formulas of formula cells, the key area of the
 *     other sheets, every sheet's mark and the add-in's own sheets.
 * The add-in's sheets are told by their marks (ownedMarks.ts), which come with the reads: the active sheet's
 * in the probe, the others' in the read. The read takes the add-in's sheets where their names say they
 * should be; only a sheet of the add-in's that someone renamed costs one more round trip.
 * Everything is queued before each context.sync(), so the number of syncs never depends on the row count.
 */
import { couldBeNamed, ownedSheet } from '../scorecard/ownedIdentity';
import type { OwnedKind } from '../scorecard/ownedIdentity';
import type { CellRange, CellValue, SheetGrid } from '../workbook/grid';
import { parseAreas } from './addresses';
import { WEB_BUDGETS } from './budgets';
import { AddinError, isPayloadError } from './errors';
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


/** The area findStatusKey looks at on sheets other than the scorecard (first 60 rows, columns A–G). */
const KEY_AREA = 'A1:G60';

/** Past this many formula areas their formulas are read per column instead, to keep the batch small. */
const MAX_FORMULA_AREAS = 1000;

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

/** One of the add-in's sheets to read, optionally only some columns ("A:G"). */
export type OwnedRead = OwnedKind | { kind: OwnedKind; columns: string };

/** What to read besides the target sheets. */
export interface ReadRequest {
  /** Read the status-key area of every other sheet (needed whenever the engine rates). */
  keyAreas: boolean;
  /** The add-in's sheets to read (used range values), by kind. */
  full: OwnedRead[];
  /** The add-in's sheets whose used-range size is enough (the history, to append to it). */
  sizeOnly: OwnedKind[];
}

export interface SheetsRead {
  /** The targets in full and the key areas of the other sheets: what rateWorkbook takes. */
  grids: SheetGrid[];
  /** The add-in's sheets asked for in full, by kind; missing when the workbook has none of that kind. */
  full: Map<OwnedKind, SheetGrid>;
  /** Used-range size of the add-in's sheets asked for by size; missing when the workbook has none. */
  sizes: Map<OwnedKind, UsedArea | null>;
}

const DATE_TOKENS = /[dmyhs]/i;

/** True for a number format that shows a date or time, as ExcelJS decides when it turns a cell into a Date. */
export function isDateFormat(format: string | null | undefined): boolean {
  if (!format || format === 'General') return false;
  const bare = format.replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '').replace(/\\./g, '');
  return DATE_TOKENS.test(bare) && !/^[#0.,%\s]*$/.test(bare);
}

/** Excel's day 0 is 1899-12-30 (with its 1900 leap-year bug folded in), as ExcelJS counts. */
function serialToDate(serial: number): Date {
  return new Date(Math.round((serial - 25569) * 86400000));
}

function cellValue(v: unknown, format: string | null): CellValue {
  if (v === '' || v === null || v === undefined) return null;
  if (typeof v === 'number') return isDateFormat(format) ? serialToDate(v) : v;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  return String(v);
}

/** Puts one read block into a grid at its place on the sheet (grids are 0-based from A1). */
function placeBlock(grid: SheetGrid, top: number, left: number, values: unknown[][], formats?: unknown[][], texts?: unknown[][]): void {
  const numberFormats = grid.numberFormats as (string | null)[][];
  const gridTexts = grid.texts as (string | null)[][];
  for (let i = 0; i < values.length; i++) {
    const r = top + i;
    const vals: CellValue[] = (grid.values[r] = grid.values[r] ?? new Array(left).fill(null));
    const fmts: (string | null)[] = (numberFormats[r] = numberFormats[r] ?? []);
    const txts: (string | null)[] = (gridTexts[r] = gridTexts[r] ?? []);
    const rowValues = values[i];
    for (let j = 0; j < rowValues.length; j++) {
      const c = left + j;
      const f = formats ? formats[i]?.[j] : undefined;
      const format = typeof f === 'string' && f !== 'General' ? f : null;
      const v = cellValue(rowValues[j], format);
      vals[c] = v;
      if (format) fmts[c] = format;
      if (v !== null && texts) {
        const t = texts[i]?.[j];
        if (typeof t === 'string') txts[c] = t;
      }
    }
  }
}

function emptyGrid(name: string, top: number): SheetGrid {
  const grid: SheetGrid = { name, values: [], numberFormats: [], texts: [] };
  for (let r = 0; r < top; r++) {
    grid.values.push([]);
    (grid.numberFormats as unknown[][]).push([]);
    (grid.texts as unknown[][]).push([]);
  }
  return grid;
}

/** Trailing empty rows and cells carry nothing; dropping them keeps key-area grids small. */
function trimValues(values: unknown[][]): CellValue[][] {
  const out = values.map((row) => row.map((v) => cellValue(v, null)));
  for (const row of out) while (row.length && row[row.length - 1] === null) row.pop();
  while (out.length && out[out.length - 1].length === 0) out.pop();
  return out;
}

/** Formula areas clipped to the used range, merged per column when there are too many to load one by one. */
function formulaRanges(areas: readonly CellRange[], used: UsedArea): CellRange[] {
  const clipped = areas
    .map((a) => ({
      top: Math.max(a.top, used.top),
      left: Math.max(a.left, used.left),
      bottom: Math.min(a.bottom, used.top + used.rows - 1),
      right: Math.min(a.right, used.left + used.cols - 1),
    }))
    .filter((a) => a.top <= a.bottom && a.left <= a.right);
  if (clipped.length <= MAX_FORMULA_AREAS) return clipped;
  const byCol = new Map<number, CellRange>();
  for (const a of clipped) {
    for (let c = a.left; c <= a.right; c++) {
      const b = byCol.get(c);
      byCol.set(c, b ? { top: Math.min(b.top, a.top), left: c, bottom: Math.max(b.bottom, a.bottom), right: c } : { top: a.top, left: c, bottom: a.bottom, right: c });
    }
  }
  return [...byCol.values()];
}

interface Chunk {
  target: TargetProbe;
  top: number;
  rows: number;
}

/** Splits every target into row chunks of at most maxCells cells. */
function chunksOf(targets: readonly TargetProbe[], maxCells: number): Chunk[] {
  const out: Chunk[] = [];
  for (const t of targets) {
    const perChunk = Math.max(1, Math.floor(maxCells / Math.max(1, t.used.cols)));
    for (let r = 0; r < t.used.rows; r += perChunk) out.push({ target: t, top: t.used.top + r, rows: Math.min(perChunk, t.used.rows - r) });
  }
  return out;
}

/**
 * Round trip 2 (and more only for chunks): reads the targets in full and whatever else the operation needs.
 * When Excel answers that a payload is too large (Excel on the web caps each request and response at 5 MB),
 * the chunks are halved and the read starts again; reading changes nothing, so starting again is safe.
 */
export async function readSheets(ctx: Excel.RequestContext, probe: WorkbookProbe, request: ReadRequest, options: ReadOptions): Promise<SheetsRead> {
  let maxCells = options.maxCellsPerRead ?? WEB_BUDGETS.maxCellsPerRead;
  for (;;) {
    try {
      return await readOnce(ctx, probe, request, maxCells);
    } catch (e) {
      const largest = Math.max(...probe.targets.map((t) => t.used.cols));
      if (!isPayloadError(e) || maxCells <= largest) throw e;
      maxCells = Math.max(largest, Math.floor(maxCells / 2));
    }
  }
}

/** The sheets that may be the add-in's sheet of a kind: the one its mark names once known, else by name. */
function sheetsFor(probe: WorkbookProbe, kind: OwnedKind): SheetInfo[] {
  if (probe.marksRead) {
    const s = ownedSheet(probe.sheets, kind);
    return s ? [s] : [];
  }
  return probe.sheets.filter((s) => !probe.targets.some((t) => t.info.id === s.id) && (s.ownedKind === kind || (!s.ownedKind && couldBeNamed(kind, s.name))));
}

interface OwnedRange {
  kind: OwnedKind;
  info: SheetInfo;
  range: Excel.Range;
}

/** Queues the reads of the add-in's sheets asked for, on the sheets given for each kind. */
function queueOwnedReads(ctx: Excel.RequestContext, request: ReadRequest, sheetsOf: (kind: OwnedKind) => SheetInfo[]): { full: OwnedRange[]; sizes: OwnedRange[] } {
  const sheets = ctx.workbook.worksheets;
  const full: OwnedRange[] = [];
  for (const want of request.full) {
    const kind = typeof want === 'string' ? want : want.kind;
    for (const info of sheetsOf(kind)) {
      const ws = sheets.getItem(info.id);
      const range = typeof want === 'string' ? ws.getUsedRangeOrNullObject(true) : ws.getRange(want.columns).getUsedRangeOrNullObject(true);
      range.load('values,rowIndex,columnIndex');
      full.push({ kind, info, range });
    }
  }
  const sizes: OwnedRange[] = [];
  for (const kind of request.sizeOnly) {
    for (const info of sheetsOf(kind)) {
      const range = sheets.getItem(info.id).getUsedRangeOrNullObject(true);
      range.load('rowIndex,columnIndex,rowCount,columnCount');
      sizes.push({ kind, info, range });
    }
  }
  return { full, sizes };
}

async function readOnce(ctx: Excel.RequestContext, probe: WorkbookProbe, request: ReadRequest, maxCells: number): Promise<SheetsRead> {
  const sheets = ctx.workbook.worksheets;
  const targetIds = new Set(probe.targets.map((t) => t.info.id));

  // Everything but the grid chunks goes into the first round trip, with the first chunk: the marks too.
  const marks = probe.marksRead ? null : queueMarks(ctx, probe.sheets.filter((s) => !s.ownedKind));
  const keyAreas: { info: SheetInfo; range: Excel.Range }[] = [];
  if (request.keyAreas) {
    for (const s of probe.sheets) {
      if (targetIds.has(s.id) || s.ownedKind) continue;
      const range = sheets.getItem(s.id).getRange(KEY_AREA);
      range.load('values');
      keyAreas.push({ info: s, range });
    }
  }
  const owned = queueOwnedReads(ctx, request, (kind) => sheetsFor(probe, kind));
  const formulas: { target: TargetProbe; area: CellRange; range: Excel.Range }[] = [];
  for (const t of probe.targets) {
    for (const area of formulaRanges(t.formulaAreas, t.used)) {
      const range = sheets.getItem(t.info.id).getRangeByIndexes(area.top, area.left, area.bottom - area.top + 1, area.right - area.left + 1);
      range.load('formulas');
      formulas.push({ target: t, area, range });
    }
  }

  const grids = new Map<string, SheetGrid>(probe.targets.map((t) => [t.info.id, emptyGrid(t.info.name, t.used.top)]));
  const chunks = chunksOf(probe.targets, maxCells);
  for (let i = 0; i < Math.max(1, chunks.length); i++) {
    const chunk = chunks[i];
    let range: Excel.Range | null = null;
    if (chunk) {
      range = sheets.getItem(chunk.target.info.id).getRangeByIndexes(chunk.top, chunk.target.used.left, chunk.rows, chunk.target.used.cols);
      range.load('values,numberFormat,text');
    }
    await ctx.sync();
    if (chunk && range) placeBlock(grids.get(chunk.target.info.id) as SheetGrid, chunk.top, chunk.target.used.left, range.values, range.numberFormat, range.text);
  }
  if (marks) {
    const kinds = marks();
    for (const s of probe.sheets) {
      const kind = kinds.get(s.id);
      if (kind) s.ownedKind = kind;
    }
    probe.marksRead = true;
  }

  // A sheet read for its name that is not the add-in's sheet of that kind is dropped; the add-in's sheet,
  // when someone renamed it, is read now.
  const ownerOf = (kind: OwnedKind): SheetInfo[] => {
    const s = ownedSheet(probe.sheets, kind);
    return s ? [s] : [];
  };
  const isOwner = (r: OwnedRange): boolean => ownerOf(r.kind)[0]?.id === r.info.id;
  const unread = (kind: OwnedKind, read: OwnedRange[]): boolean => ownerOf(kind).some((s) => !read.some((r) => r.kind === kind && r.info.id === s.id));
  const late = queueOwnedReads(
    ctx,
    { keyAreas: false, full: request.full.filter((w) => unread(typeof w === 'string' ? w : w.kind, owned.full)), sizeOnly: request.sizeOnly.filter((k) => unread(k, owned.sizes)) },
    ownerOf,
  );
  if (late.full.length || late.sizes.length) await ctx.sync();
  const fullReads = [...owned.full.filter(isOwner), ...late.full];
  const sizeReads = [...owned.sizes.filter(isOwner), ...late.sizes];

  const out: SheetsRead = { grids: [], full: new Map(), sizes: new Map() };
  for (const t of probe.targets) {
    const grid = grids.get(t.info.id) as SheetGrid;
    if (t.protected) grid.protected = true;
    if (t.merges && t.merges.length) grid.merges = t.merges.filter((m) => m.bottom > m.top || m.right > m.left);
    out.grids.push(grid);
  }
  for (const f of formulas) {
    const grid = grids.get(f.target.info.id) as SheetGrid;
    const rows = (grid.formulas = grid.formulas ?? []);
    f.range.formulas.forEach((row, i) =>
      row.forEach((v, j) => {
        if (typeof v !== 'string' || !v.startsWith('=')) return;
        const r = f.area.top + i;
        (rows[r] = rows[r] ?? [])[f.area.left + j] = v;
      }),
    );
  }
  for (const k of keyAreas) if (!k.info.ownedKind) out.grids.push({ name: k.info.name, values: trimValues(k.range.values) });
  for (const f of fullReads) {
    const grid: SheetGrid = { name: f.info.name, values: [], ownedKind: f.kind };
    if (!f.range.isNullObject) {
      const values = trimValues(f.range.values);
      grid.values = [...Array.from({ length: f.range.rowIndex }, () => [] as CellValue[]), ...values.map((row) => [...new Array<CellValue>(f.range.columnIndex).fill(null), ...row])];
    }
    out.full.set(f.kind, grid);
  }
  for (const s of sizeReads) {
    out.sizes.set(s.kind, s.range.isNullObject ? null : { top: s.range.rowIndex, left: s.range.columnIndex, rows: s.range.rowCount, cols: s.range.columnCount });
  }
  return out;
}
