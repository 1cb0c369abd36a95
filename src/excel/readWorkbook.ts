/**
 * office-js adapter, reading side. Two round trips whatever the sheet's size up to the read budget:
 *  1. the probe (workbookProbe.ts): the sheet list, the target's size, formula and merged areas, protection;
 *  2. the read, here: the used range's values, number formats and display text (in row chunks only past the
 *     budget, or when Excel says a payload is too large), the formulas of formula cells, the key area of the
 *     other sheets, every sheet's mark and the add-in's own sheets. What is read is put into grids by the
 *     pure gridBlocks.ts.
 * The add-in's sheets are told by their marks (ownedMarks.ts), which come with the reads: the active sheet's
 * in the probe, the others' in the read. The read takes the add-in's sheets where their names say they
 * should be; only a sheet of the add-in's that someone renamed costs one more round trip.
 * Everything is queued before each context.sync(), so the number of syncs never depends on the row count.
 */
import { couldBeNamed, ownedSheet } from '../scorecard/ownedIdentity';
import type { OwnedKind } from '../scorecard/ownedIdentity';
import type { CellRange, SheetGrid } from '../workbook/grid';
import { WEB_BUDGETS } from './budgets';
import { isPayloadError } from './errors';
import { chunksOf, emptyGrid, formulaRanges, placeBlock, placedValues, trimValues } from './gridBlocks';
import { queueMarks } from './ownedMarks';
import type { ReadOptions, SheetInfo, TargetProbe, UsedArea, WorkbookProbe } from './workbookProbe';

/** The area findStatusKey looks at on sheets other than the scorecard (first 60 rows, columns A–G). */
const KEY_AREA = 'A1:G60';

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
    out.full.set(f.kind, { name: f.info.name, values: f.range.isNullObject ? [] : placedValues(f.range), ownedKind: f.kind });
  }
  for (const s of sizeReads) {
    out.sizes.set(s.kind, s.range.isNullObject ? null : { top: s.range.rowIndex, left: s.range.columnIndex, rows: s.range.rowCount, cols: s.range.columnCount });
  }
  return out;
}
