import { financialYearOf } from '../engine/periods';
import type { Measure } from '../engine/types';
import type { SheetGrid } from '../workbook/grid';
import { cellAddress } from '../workbook/grid';
import { normaliseHeader, roleScores } from './columns';
import { GridReader, text } from './gridReader';
import type { HeaderBlock } from './headerBlock';
import { findPeriods, periodAt, rowsAbove } from './headerPeriods';
import { assignRoles, bannerText, HeaderScan, unnamedSectionColumn } from './headerRoles';
import { inferMissingRefs, readBlockMeasures, reportDuplicateRefs, resolveSameAsAbove } from './readMeasures';
import { chooseStatusColumn, statusCandidates } from './statusColumns';
import { ScorecardError } from './types';
import type { Warning } from './types';

export type { HeaderBlock } from './headerBlock';

export interface ScorecardSheet {
  sheet: string;
  blocks: HeaderBlock[];
  measures: Measure[];
  warnings: Warning[];
}

/**
 * Finds every header block in a sheet and builds the measure records under them. Returns null when the sheet
 * holds no scorecard header, so callers can look at the next sheet.
 */
export function readScorecard(grid: SheetGrid): ScorecardSheet | null {
  const reader = new GridReader(grid);
  const rows = grid.values.length;
  const headerStarts: { row: number }[] = [];
  // Every row that scores as a header, merged-down repeats included: the measure rows are not asked again.
  const headerLike = new Set<number>();
  const scan = new HeaderScan(reader);
  for (let r = 0; r < rows; r++) {
    if (reader.isEmptyRow(r)) continue;
    if (scan.isHeader(r)) {
      headerLike.add(r);
      // Rows merged down from a header (two-row headers) repeat its titles; they are not a second header.
      if (headerStarts.length && headerStarts[headerStarts.length - 1].row === r - 1) continue;
      headerStarts.push({ row: r });
    }
  }
  if (!headerStarts.length) return null;

  const warnings: Warning[] = [];
  const blocks: HeaderBlock[] = [];
  let lastPriority = grid.name;
  headerStarts.forEach((h, i) => {
    const end = i + 1 < headerStarts.length ? headerStarts[i + 1].row - 1 : rows - 1;
    const headerRows = [h.row];
    // Lower header rows: period titles under group titles, or the merged remainder of the titles.
    for (let r = h.row + 1; r <= Math.min(h.row + 2, end); r++) {
      const texts = reader.rowTexts(r);
      const above = rowsAbove(headerRows, r);
      const isPeriod = (c: number): boolean => periodAt(reader, r, c, above) !== null;
      const hasPeriod = texts.some((t, c) => t && isPeriod(c)) || reader.grid.values[r]?.some((v, c) => v instanceof Date && isPeriod(c)) === true;
      const repeatsHeader = texts.filter(Boolean).length > 0 && texts.every((t, c) => !t || t === text(reader.raw(h.row, c)) || isPeriod(c));
      if (hasPeriod && repeatsHeader) headerRows.push(r);
      else if (hasPeriod && !texts.some((t, c) => t && roleScores(text(reader.raw(h.row, c)))[0]?.role === 'ref')) headerRows.push(r);
      else break;
    }
    // A super-header row above ("LAST THREE MONTHS", "Target and Tolerances") adds context, never roles.
    // One financial year over the whole period area ("2017/18" merged over "Q1", "Jul") is such a row, not a title.
    if (h.row > 0 && !reader.isEmptyRow(h.row - 1)) {
      const banner = bannerText(reader, h.row - 1);
      if (!banner || financialYearOf(banner) !== null) headerRows.push(h.row - 1);
    }
    const columns = assignRoles(reader, headerRows);
    const section = unnamedSectionColumn(reader, headerRows, columns, end);
    if (section !== undefined) columns.section = section;
    const statuses = statusCandidates(reader, headerRows[0], columns);
    const taken = new Set([...Object.values(columns), ...statuses.map((c) => c.col)]);
    const periods = findPeriods(reader, headerRows, taken);
    // Priority: a one-text row just above the header (skipping blank rows).
    let priority = lastPriority;
    for (let r = Math.min(...headerRows) - 1; r >= Math.max(0, Math.min(...headerRows) - 3); r--) {
      if (reader.isEmptyRow(r)) continue;
      const b = bannerText(reader, r);
      if (b && b.length > 3) priority = b;
      break;
    }
    lastPriority = priority;
    const firstRow = Math.max(...headerRows) + 1;
    const block: HeaderBlock = { headerRows, firstRow, lastRow: end, columns, periods, priority };
    if (statuses.length > 1) chooseStatusColumn(reader, block, statuses, warnings);
    blocks.push(block);
  });
  // A block ends above the next block's header, group rows over that header included: they are not measures.
  for (let i = 0; i + 1 < blocks.length; i++) {
    blocks[i].lastRow = Math.min(blocks[i].lastRow, Math.min(...blocks[i + 1].headerRows) - 1);
  }

  const measures: Measure[] = [];
  for (const block of blocks) {
    const c = block.columns;
    if (c.target === undefined && c.green === undefined) {
      throw new ScorecardError(`no Target column in the header at row ${block.headerRows[0] + 1}`, {
        sheet: grid.name,
        cell: cellAddress(block.headerRows[0], 0),
      });
    }
    if (c.status === undefined) {
      throw new ScorecardError(`no status column (Overall status / RAG) in the header at row ${block.headerRows[0] + 1}`, {
        sheet: grid.name,
        cell: cellAddress(block.headerRows[0], 0),
      });
    }
    readBlockMeasures(reader, block, measures, warnings, headerLike);
  }
  resolveSameAsAbove(measures);
  inferMissingRefs(measures, warnings);
  reportDuplicateRefs(grid.name, measures, warnings);
  return { sheet: grid.name, blocks, measures, warnings };
}

/** Whether a header text names the explanation column we own. */
export function isExplanationHeader(t: unknown): boolean {
  return roleScores(String(t ?? ''))[0]?.role === 'explanation' || normaliseHeader(t) === 'rating explanation';
}
