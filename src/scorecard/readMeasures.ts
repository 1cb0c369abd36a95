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
export function readBlockMeasures(reader: GridReader, block: HeaderBlock, out: Measure[], warnings: Warning[]): void {
  const c = block.columns;
  const sheet = reader.grid.name;
  let carried: { outcome?: string; leadAccountability?: string } = {};
  for (let r = block.firstRow; r <= block.lastRow; r++) {
    if (reader.isEmptyRow(r)) continue;
    const ref = text(c.ref !== undefined ? reader.raw(r, c.ref) : null);
    const name = text(c.measure !== undefined ? reader.raw(r, c.measure) : null);
    const targetCell = reader.input(r, c.target ?? c.green, true);
    const hasTarget = text(targetCell.value as CellValue) !== '';
    const hasValue = block.periods.some((p) => !isBlank(reader.raw(r, p.col)));
    const hasPolarity = c.polarity !== undefined && text(reader.value(r, c.polarity)) !== '';
    if (!ref && !name) continue;
    // A banner across the table ("EARLY HELP ... SEE SECTION DETAILS PAGE") is one text in every cell.
    if (bannerText(reader, r) !== null) continue;
    if (!hasTarget && !hasValue && !hasPolarity) continue;
    if (mayBeHeader(ref || name) && headerRoles(reader, r)) continue;
    const observations: Observation[] = block.periods.map((p) => reader.shared.observation(p.period, reader.input(r, p.col)));
    const outcome = text(c.outcome !== undefined ? reader.value(r, c.outcome) : null) || carried.outcome;
    const leadAccountability = text(c.leadAccountability !== undefined ? reader.value(r, c.leadAccountability) : null) || carried.leadAccountability;
    carried = { outcome, leadAccountability };
    const section = c.section !== undefined ? text(reader.value(r, c.section)) : '';
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
    const action = c.action !== undefined ? text(reader.value(r, c.action)) : '';
    if (action) m.action = action;
    const officer = c.leadOfficer !== undefined ? text(reader.value(r, c.leadOfficer)) : '';
    if (officer) m.leadOfficer = officer;
    if (c.dot !== undefined) m.currentDot = reader.input(r, c.dot);
    const notes = c.notes !== undefined ? text(reader.raw(r, c.notes)) : '';
    if (notes) m.notes = notes;
    if (c.override !== undefined) m.override = reader.input(r, c.override);
    if (c.tolerance !== undefined) m.tolerance = reader.input(r, c.tolerance);
    if (c.red !== undefined && c.amber !== undefined && c.green !== undefined) {
      m.thresholds = { red: reader.input(r, c.red, true), amber: reader.input(r, c.amber, true), green: reader.input(r, c.green, true) };
    }
    if (!ref) warnings.push({ message: `row ${r + 1} has no reference`, where: { sheet, cell: cellAddress(r, c.ref ?? 0) } });
    out.push(m);
  }
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
  for (let i = 1; i + 1 < measures.length; i++) {
    const m = measures[i];
    if (m.ref) continue;
    const a = /^(.*?)(\d+)(\D*)$/.exec(measures[i - 1].ref);
    const b = /^(.*?)(\d+)(\D*)$/.exec(measures[i + 1].ref);
    if (a && b && a[1] === b[1] && Number(b[2]) - Number(a[2]) === 2) {
      m.ref = `${a[1]}${Number(a[2]) + 1}`;
      const w = warnings.find((x) => x.message === `row ${m.row} has no reference`);
      if (w) w.message = `row ${m.row} has no reference; ${m.ref} taken from the numbering around it`;
    }
  }
}

/**
 * Two rows with one ref are both rated (rows, not refs, say where to write), but a reviewer who looks a red
 * flag up by its ref would find the wrong row: say so once per ref.
 */
export function reportDuplicateRefs(sheet: string, measures: readonly Measure[], warnings: Warning[]): void {
  const rows = new Map<string, number[]>();
  for (const m of measures) {
    if (!m.ref) continue;
    const list = rows.get(m.ref);
    if (list) list.push(m.row);
    else rows.set(m.ref, [m.row]);
  }
  for (const [ref, list] of rows) {
    if (list.length < 2) continue;
    const where = `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`;
    warnings.push({ message: `ref ${ref} is used on rows ${where}: each row is rated, but look its red flags up by row`, where: { sheet, ref } });
  }
}
