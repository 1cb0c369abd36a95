import type { Measure, Observation } from '../engine/types';
import type { CellValue } from '../workbook/grid';
import { cellAddress } from '../workbook/grid';
import { mayBeHeader } from './columns';
import { isBlank, text } from './gridReader';
import type { GridReader } from './gridReader';
import type { HeaderBlock } from './headerBlock';
import { bannerText, headerRoles } from './headerRoles';
import type { Warning } from './types';

/** Reads the measure rows of a block: every row that names a measure and has a target, a value or a polarity. */
export function readBlockMeasures(
  reader: GridReader,
  block: HeaderBlock,
  out: Measure[],
  warnings: Warning[],
  /** The rows of the sheet headerRoles takes for a header, when the caller has asked it of every row already. */
  headerLike?: ReadonlySet<number>,
): void {
  const c = block.columns;
  const sheet = reader.grid.name;
  const values = reader.grid.values;
  // Per block, not per row: the columns and periods every row reads.
  const periodCols = block.periods.map((p) => p.col);
  const shares = block.periods.map((p) => reader.shared.observationsOf(p.period));
  const targetCol = c.target ?? c.green;
  const thresholds = c.red !== undefined && c.amber !== undefined && c.green !== undefined;
  let carriedOutcome: string | undefined;
  let carriedLead: string | undefined;
  for (let r = block.firstRow; r <= block.lastRow; r++) {
    const row = values[r];
    if (!row || isEmptyCells(row)) continue;
    const ref = c.ref !== undefined ? reader.textAt(r, c.ref) : '';
    const name = c.measure !== undefined ? reader.textAt(r, c.measure) : '';
    if (!ref && !name) continue;
    // A banner across the table ("EARLY HELP ... SEE SECTION DETAILS PAGE") is one text in every cell.
    // Two different texts (a ref and a name, nearly always) are no banner: no need to look at the whole row.
    if (!(ref && name && ref !== name) && bannerText(reader, r) !== null) continue;
    const targetCell = reader.input(r, targetCol, true);
    if (
      !hasText(targetCell.value as CellValue) &&
      !hasPeriodValue(row, periodCols) &&
      !(c.polarity !== undefined && hasText(reader.value(r, c.polarity)))
    ) {
      continue;
    }
    if (mayBeHeader(ref || name) && (headerLike ? headerLike.has(r) : headerRoles(reader, r) !== null)) continue;
    // Sized once: a measure keeps its list to the end of a run, and a list grown by push keeps spare room.
    const observations = new Array<Observation>(periodCols.length);
    for (let i = 0; i < periodCols.length; i++) observations[i] = reader.observation(r, periodCols[i], shares[i]);
    const outcome = (c.outcome !== undefined ? reader.textAt(r, c.outcome, true) : '') || carriedOutcome;
    const leadAccountability = (c.leadAccountability !== undefined ? reader.textAt(r, c.leadAccountability, true) : '') || carriedLead;
    carriedOutcome = outcome;
    carriedLead = leadAccountability;
    const section = c.section !== undefined ? reader.textAt(r, c.section, true) : '';
    const m: Measure = {
      sheet,
      row: r + 1,
      ref,
      name,
      priority: section || block.priority,
      polarity: reader.input(r, c.polarity, true),
      frequency: reader.input(r, c.frequency, true),
      target: targetCell,
      currentStatus: reader.input(r, c.status),
      observations,
    };
    if (outcome) m.outcome = outcome;
    if (leadAccountability) m.leadAccountability = leadAccountability;
    const action = c.action !== undefined ? reader.textAt(r, c.action, true) : '';
    if (action) m.action = action;
    const officer = c.leadOfficer !== undefined ? reader.textAt(r, c.leadOfficer, true) : '';
    if (officer) m.leadOfficer = officer;
    if (c.dot !== undefined) m.currentDot = reader.input(r, c.dot);
    const notes = c.notes !== undefined ? reader.textAt(r, c.notes) : '';
    if (notes) m.notes = notes;
    if (c.override !== undefined) m.override = reader.input(r, c.override);
    if (c.tolerance !== undefined) m.tolerance = reader.input(r, c.tolerance);
    if (thresholds) {
      m.thresholds = { red: reader.input(r, c.red, true), amber: reader.input(r, c.amber, true), green: reader.input(r, c.green, true) };
    }
    if (!ref) warnings.push({ message: `row ${r + 1} has no reference`, where: { sheet, cell: cellAddress(r, c.ref ?? 0) } });
    out.push(m);
  }
}

function isEmptyCells(row: readonly CellValue[]): boolean {
  for (let i = 0; i < row.length; i++) {
    const v = row[i];
    if (v !== null && v !== undefined && v !== '') return false;
  }
  return true;
}

/** text(v) !== '', without building the text (a number's, most often). */
function hasText(v: CellValue | undefined): boolean {
  if (v === null || v === undefined) return false;
  if (typeof v === 'number') return true;
  // White space alone is no text: the rest is, however it is spaced.
  if (typeof v === 'string') return v.trim() !== '';
  return text(v) !== '';
}

function hasPeriodValue(row: readonly CellValue[], cols: readonly number[]): boolean {
  for (let i = 0; i < cols.length; i++) if (!isBlank(row[cols[i]])) return true;
  return false;
}

/** "As above" in a target means the target of the row above. */
export function resolveSameAsAbove(measures: Measure[]): void {
  for (let i = 1; i < measures.length; i++) {
    const t = measures[i].target.value;
    if (typeof t === 'string' && t.length < 30 && /^(as above|as per above|see above|same as above|ditto)\W*$/i.test(t.trim())) {
      measures[i].target = measures[i - 1].target;
    }
  }
}

/** A blank ref between "5.C1" and "5.C3" is "5.C2": the numbering says so, and red-flag lists use it. */
export function inferMissingRefs(measures: Measure[], warnings: Warning[]): void {
  // The first warning of each message, looked up once per inferred ref rather than by a scan of all warnings.
  let byMessage: Map<string, Warning> | undefined;
  for (let i = 1; i + 1 < measures.length; i++) {
    const m = measures[i];
    if (m.ref) continue;
    const a = /^(.*?)(\d+)(\D*)$/.exec(measures[i - 1].ref);
    const b = /^(.*?)(\d+)(\D*)$/.exec(measures[i + 1].ref);
    if (a && b && a[1] === b[1] && Number(b[2]) - Number(a[2]) === 2) {
      m.ref = `${a[1]}${Number(a[2]) + 1}`;
      if (!byMessage) {
        byMessage = new Map();
        for (const x of warnings) if (!byMessage.has(x.message)) byMessage.set(x.message, x);
      }
      const w = byMessage.get(`row ${m.row} has no reference`);
      if (w) w.message = `row ${m.row} has no reference; ${m.ref} taken from the numbering around it`;
    }
  }
}

/**
 * Two rows with one ref are both rated (rows, not refs, say where to write), but a reviewer who looks a red
 * flag up by its ref would find the wrong row: say so once per ref.
 */
export function reportDuplicateRefs(sheet: string, measures: readonly Measure[], warnings: Warning[]): void {
  // A row number for a ref seen once (nearly all of them), a list only for a ref seen again.
  const rows = new Map<string, number | number[]>();
  for (const m of measures) {
    if (!m.ref) continue;
    const seen = rows.get(m.ref);
    if (seen === undefined) rows.set(m.ref, m.row);
    else if (typeof seen === 'number') rows.set(m.ref, [seen, m.row]);
    else seen.push(m.row);
  }
  for (const [ref, list] of rows) {
    if (typeof list === 'number') continue;
    const where = `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`;
    warnings.push({ message: `ref ${ref} is used on rows ${where}: each row is rated, but look its red flags up by row`, where: { sheet, ref } });
  }
}
