/**
 * Writes cells into a worksheet part by editing its text: the rows that get a cell are rebuilt from their
 * own cells with the new ones put in column order; every other byte of the part stays as it was.
 */
import { cellAddress } from '../workbook/grid';
import { attributeIn, CellScanner } from './cellScan';
import type { PartSink } from './partSink';
import { parseAddress } from './sheetRead';
import { escapeXml, withAttribute, withoutAttribute } from './xml';

/** A cell to write: its text or number (null leaves it empty), and its style given the style the cell had. */
export interface CellPut {
  value: string | number | null;
  style: (oldStyle: number) => number;
  /** Points of row height its wrapped text needs: a row lower than that is raised, unless its height was set by hand. */
  height?: number;
}

/** Column settings the tool needs for its own column: at least this wide, never hidden. */
export interface ColumnNeed {
  col: number;
  width: number;
}

const ROW_RE = /<row\b([^>]*?)(\/>|>)/g;

function cellXml(row: number, col: number, put: CellPut, oldStyle: number): string {
  const s = put.style(oldStyle);
  const style = s > 0 ? ` s="${s}"` : '';
  const ref = cellAddress(row, col);
  if (put.value === null || put.value === '') return `<c r="${ref}"${style}/>`;
  if (typeof put.value === 'number' && Number.isFinite(put.value)) return `<c r="${ref}"${style}><v>${put.value}</v></c>`;
  if (typeof put.value === 'number') return `<c r="${ref}"${style} t="inlineStr"><is><t>${String(put.value)}</t></is></c>`;
  return `<c r="${ref}"${style} t="inlineStr"><is><t xml:space="preserve">${escapeXml(put.value)}</t></is></c>`;
}

type Emit = (piece: string) => void;

/**
 * A row's cells with the puts applied: kept cells as they were, new ones where their column says. Kept
 * cells go out as stretches of the row's text, not one by one: a rated row has two or three puts among
 * twenty-odd cells, and every piece costs the sink a call.
 */
function patchRowBody(row: number, body: string, puts: Map<number, CellPut>, emit: Emit): void {
  const pending = [...puts.keys()].sort((a, b) => a - b);
  let p = 0;
  let col = -1;
  // The row's text before `last` is out; a kept cell ends at `cellEnd`, and what lies between cells (there
  // should be nothing but white space) stays after it, before any cell put in front of the next one.
  let last = 0;
  let cellEnd = 0;
  const cells = new CellScanner(body);
  let from = 0;
  while (p < pending.length && cells.next(from, body.length)) {
    from = cells.end;
    const ref = attributeIn(cells.attrs, 'r="');
    const at = ref ? parseAddress(ref) : null;
    col = at ? at[1] : col + 1;
    const end = cells.end;
    if (pending[p] > col) {
      cellEnd = end;
      continue;
    }
    if (pending[p] < col) {
      if (cellEnd > last) emit(body.slice(last, cellEnd));
      while (p < pending.length && pending[p] < col) {
        emit(cellXml(row, pending[p], puts.get(pending[p]) as CellPut, 0));
        p++;
      }
      last = cellEnd;
    }
    if (p < pending.length && pending[p] === col) {
      if (cells.start > last) emit(body.slice(last, cells.start));
      const old = Number(attributeIn(cells.attrs, 's="') ?? 0);
      emit(cellXml(row, col, puts.get(col) as CellPut, old));
      p++;
      last = end;
    }
    cellEnd = end;
  }
  if (body.length > last) emit(body.slice(last));
  while (p < pending.length) {
    emit(cellXml(row, pending[p], puts.get(pending[p]) as CellPut, 0));
    p++;
  }
}

function rowOpen(attrs: string, puts: Map<number, CellPut>): string {
  // "spans" is an optional hint of the row's columns; a row given a new column past it must not carry it.
  const open = withoutAttribute(`<row${attrs}>`, 'spans');
  const need = Math.max(0, ...[...puts.values()].map((p) => p.height ?? 0));
  // A height set by hand (customHeight) is the user's; a stored automatic height is only a cache of the text.
  // A hidden row shows nothing whatever its height, so it is left exactly as it was.
  if (!need || /\b(customHeight|hidden)="(1|true)"/.test(attrs)) return open;
  const height = Number(/\bht="([\d.]+)"/.exec(attrs)?.[1] ?? 0);
  return height >= need ? open : withAttribute(open, 'ht', String(need));
}

/** Applies the puts (row → col → put, 0-based) to a worksheet part's text. */
export function patchSheet(xml: string, puts: Map<number, Map<number, CellPut>>, columns: readonly ColumnNeed[] = []): string {
  const out: string[] = [];
  patchSheetPieces(xml, puts, columns, (piece) => out.push(piece));
  return out.join('');
}

/** The same, into a part sink: never joined into one string (partSink.ts says why). */
export function patchSheetInto(sink: PartSink, xml: string, puts: Map<number, Map<number, CellPut>>, columns: readonly ColumnNeed[] = []): void {
  patchSheetPieces(xml, puts, columns, (piece) => sink.push(piece));
}

/** The patched text as pieces in order: the kept stretches of the part and the rebuilt rows. */
function patchSheetPieces(xml: string, puts: Map<number, Map<number, CellPut>>, columns: readonly ColumnNeed[], emit: Emit): void {
  const startData = xml.search(/<sheetData\b/);
  if (startData < 0) {
    emit(xml);
    return;
  }
  let text = xml;
  const selfClosing = /^<sheetData\b[^>]*\/>/.exec(text.slice(startData));
  if (selfClosing) {
    text = `${text.slice(0, startData)}<sheetData></sheetData>${text.slice(startData + selfClosing[0].length)}`;
  }
  const open = /^<sheetData\b[^>]*>/.exec(text.slice(startData)) as RegExpExecArray;
  const bodyStart = startData + open[0].length;
  const bodyEnd = text.indexOf('</sheetData>', bodyStart);
  const body = text.slice(bodyStart, bodyEnd);
  const rows = [...puts.keys()].sort((a, b) => a - b);
  // The dimension and the columns sit before the rows: they are edited in that small head, and the sheet is
  // never copied whole (a large sheet's text is a hundred megabytes).
  let head = widenDimension(text.slice(0, bodyStart), puts);
  if (columns.length) head = withColumns(head, columns);
  emit(head);
  let next = 0;
  let last = 0;
  let rowIndex = -1;
  ROW_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ROW_RE.exec(body))) {
    const r = attributeIn(m[1], 'r="');
    rowIndex = r !== undefined ? Number(r) - 1 : rowIndex + 1;
    const closeAt = m[2] === '/>' ? m.index + m[0].length : body.indexOf('</row>', ROW_RE.lastIndex) + 6;
    while (next < rows.length && rows[next] < rowIndex) {
      emit(body.slice(last, m.index));
      newRow(rows[next], puts.get(rows[next]) as Map<number, CellPut>, emit);
      last = m.index;
      next++;
    }
    if (next < rows.length && rows[next] === rowIndex) {
      const rowPuts = puts.get(rowIndex) as Map<number, CellPut>;
      const cells = m[2] === '/>' ? '' : body.slice(m.index + m[0].length, closeAt - 6);
      const attrs = r === undefined ? ` r="${rowIndex + 1}"${m[1]}` : m[1];
      if (m.index > last) emit(body.slice(last, m.index));
      emit(rowOpen(attrs, rowPuts));
      patchRowBody(rowIndex, cells, rowPuts, emit);
      emit('</row>');
      last = closeAt;
      next++;
    }
    ROW_RE.lastIndex = closeAt;
  }
  emit(body.slice(last));
  while (next < rows.length) {
    newRow(rows[next], puts.get(rows[next]) as Map<number, CellPut>, emit);
    next++;
  }
  emit(text.slice(bodyEnd));
}

function newRow(row: number, puts: Map<number, CellPut>, emit: Emit): void {
  emit(rowOpen(` r="${row + 1}"`, puts));
  patchRowBody(row, '', puts, emit);
  emit('</row>');
}

/** The used-range hint grows to cover what was written. */
function widenDimension(xml: string, puts: Map<number, Map<number, CellPut>>): string {
  const dim = /<dimension\b[^>]*\bref="([^"]*)"[^>]*\/>/.exec(xml);
  if (!dim) return xml;
  const [a, b = a] = dim[1].split(':');
  const p = parseAddress(a) ?? [0, 0];
  const q = parseAddress(b) ?? p;
  let bottom = q[0];
  let right = q[1];
  for (const [row, cols] of puts) {
    bottom = Math.max(bottom, row);
    for (const col of cols.keys()) right = Math.max(right, col);
  }
  const ref = `${cellAddress(p[0], p[1])}:${cellAddress(bottom, right)}`;
  return xml.replace(dim[0], dim[0].replace(/ref="[^"]*"/, `ref="${ref}"`));
}

/**
 * The tool's own column made visible and wide enough. A <col> range that covers it is split so that the
 * other columns of the range keep their settings.
 */
function withColumns(xml: string, needs: readonly ColumnNeed[]): string {
  const colsMatch = /<cols>([\s\S]*?)<\/cols>/.exec(xml);
  const ranges = colsMatch ? [...colsMatch[1].matchAll(/<col\b[^>]*\/>/g)].map((m) => m[0]) : [];
  let list = ranges;
  for (const need of needs) {
    const c = need.col + 1;
    const next: string[] = [];
    let covered = false;
    for (const tag of list) {
      const min = Number(/\bmin="(\d+)"/.exec(tag)?.[1]);
      const max = Number(/\bmax="(\d+)"/.exec(tag)?.[1]);
      if (!(min <= c && c <= max)) {
        next.push(tag);
        continue;
      }
      covered = true;
      if (min < c) next.push(withAttribute(tag, 'max', String(c - 1)));
      let own = withAttribute(withAttribute(tag, 'min', String(c)), 'max', String(c));
      own = withoutAttribute(own, 'hidden');
      const width = Number(/\bwidth="([\d.]+)"/.exec(own)?.[1] ?? 0);
      if (width < need.width) own = withAttribute(withAttribute(own, 'width', String(need.width)), 'customWidth', '1');
      next.push(own);
      if (c < max) next.push(withAttribute(tag, 'min', String(c + 1)));
    }
    if (!covered) next.push(`<col min="${c}" max="${c}" width="${need.width}" customWidth="1"/>`);
    list = next.sort((x, y) => Number(/\bmin="(\d+)"/.exec(x)?.[1]) - Number(/\bmin="(\d+)"/.exec(y)?.[1]));
  }
  const cols = `<cols>${list.join('')}</cols>`;
  if (colsMatch) return xml.replace(colsMatch[0], cols);
  const at = xml.search(/<sheetData\b/);
  return `${xml.slice(0, at)}${cols}${xml.slice(at)}`;
}
