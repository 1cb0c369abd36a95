/**
 * The Council Plan fixture's measure rows repeated to any size, in the fixture's own layout: a bench input as
 * varied as a council's real scorecard (hand-typed targets and values, notes, lagged and composite figures),
 * beside the generator's model of one. Each priority block keeps its header and grows to its share of the
 * rows; the copies of a row differ in their ref ("R2.1a1"), so they are different measures to the reader.
 */
import * as fs from 'fs';
import * as ExcelJS from 'exceljs';
import { zlibCodec } from '../../src/cli/zlibCodec';
import { WorkbookPackage } from '../../src/xlsx/workbookPackage';
import type { SheetGrid } from '../../src/workbook/grid';
import { publishedLayout, render, sourceOf } from './layouts';
import type { Field, Source, SourceBlock } from './layouts';

const SHEET = 'Scorecard';

export interface ScaleOptions {
  /** Lay each copy of a block's rows out in another order, the same for a seed: a row's neighbours change. */
  shuffle?: number;
  /** Or in the order of one field's text: rows that share a target (say) become neighbours. */
  sortBy?: Field;
}

/** A target that names the row above ("As above") takes that row's: the two rows move together. */
const NAMES_ROW_ABOVE = /^(as above|as per above|see above|same as above|ditto)\W*$/i;

/**
 * The rows of a block in another order for a seed (a small linear congruential generator is all it needs),
 * each row that leans on the row above kept under it.
 */
function permutation(rows: SourceBlock['rows'], seed: number | undefined, sortBy: Field | undefined): number[] {
  const groups: number[][] = [];
  rows.forEach((r, i) => {
    const t = r.fields.target.value;
    if (i > 0 && typeof t === 'string' && NAMES_ROW_ABOVE.test(t.trim())) groups[groups.length - 1].push(i);
    else groups.push([i]);
  });
  if (sortBy !== undefined) {
    const key = (g: number[]): string => String(rows[g[0]].fields[sortBy].value ?? '');
    return groups.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a[0] - b[0])).flat();
  }
  let x = (seed ?? 1) >>> 0 || 1;
  for (let i = groups.length - 1; i > 0; i--) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    const j = x % (i + 1);
    [groups[i], groups[j]] = [groups[j], groups[i]];
  }
  return groups.flat();
}

function scaled(source: Source, rows: number, options: ScaleOptions): Source {
  const all = source.blocks.reduce((n, b) => n + b.rows.length, 0);
  const blocks = source.blocks.map((b, i): SourceBlock => {
    // Shares by the fixture's own block sizes, the last block taking what rounding leaves.
    const before = source.blocks.slice(0, i).reduce((n, x) => n + Math.round((x.rows.length / all) * rows), 0);
    const want = i === source.blocks.length - 1 ? rows - before : Math.round((b.rows.length / all) * rows);
    const out: SourceBlock['rows'] = [];
    let order = b.rows.map((_, k) => k);
    for (let k = 0; k < want; k++) {
      const copy = Math.floor(k / b.rows.length);
      if ((options.shuffle !== undefined || options.sortBy !== undefined) && k % b.rows.length === 0) {
        order = permutation(b.rows, options.shuffle === undefined ? undefined : options.shuffle * 7919 + copy * 31 + i, options.sortBy);
      }
      const row = b.rows[order[k % b.rows.length]];
      const ref = row.fields.ref;
      const named = copy === 0 || ref.value === null || ref.value === '' ? ref : { ...ref, value: `R${copy + 1}.${String(ref.value)}` };
      out.push({ ...row, fields: { ...row.fields, ref: named } });
    }
    return { title: b.title, rows: out };
  });
  return { ...source, blocks };
}

/** The scaled scorecard's grids (its Key sheet after it), from the fixture file at `fixture`. */
export function scaledPlanGrids(fixture: string, rows: number, options: ScaleOptions = {}): SheetGrid[] {
  const grids = WorkbookPackage.open(new Uint8Array(fs.readFileSync(fixture)), zlibCodec).grids();
  const source = sourceOf(grids, SHEET);
  const big = scaled(source, rows, options);
  return render(publishedLayout(big), big).grids;
}

/** Streams grids to an .xlsx, values, number formats and merges, committing rows as it goes. */
async function writeGridsFile(file: string, grids: readonly SheetGrid[]): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: true });
  for (const g of grids) {
    const ws = wb.addWorksheet(g.name);
    // A merge reaches rows below the one that opens it, so rows are committed only once no open merge covers them.
    const mergesFrom = new Map<number, NonNullable<SheetGrid['merges']>>();
    for (const m of g.merges ?? []) mergesFrom.set(m.top, [...(mergesFrom.get(m.top) ?? []), m]);
    let openUntil = -1;
    let committed = 0;
    for (let r = 0; r < g.values.length; r++) {
      const values = g.values[r] ?? [];
      const row = ws.getRow(r + 1);
      for (let c = 0; c < values.length; c++) {
        const v = values[c];
        if (v === null || v === undefined || v === '') continue;
        const cell = row.getCell(c + 1);
        cell.value = v as ExcelJS.CellValue;
        const format = g.numberFormats?.[r]?.[c];
        if (format) cell.numFmt = format;
      }
      for (const m of mergesFrom.get(r) ?? []) {
        ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
        openUntil = Math.max(openUntil, m.bottom);
      }
      if (r >= openUntil) for (; committed <= r; committed++) ws.getRow(committed + 1).commit();
    }
    ws.commit();
  }
  await wb.commit();
}

/** Writes the Council Plan fixture scaled to `rows` measure rows to `file`. */
export async function writeScaledPlanFile(file: string, fixture: string, rows: number): Promise<void> {
  await writeGridsFile(file, scaledPlanGrids(fixture, rows));
}
