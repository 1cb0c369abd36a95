import type { CellValue } from '../workbook/grid';
import { CORE_ROLES, mayBeHeader, roleScores } from './columns';
import type { ColumnRole } from './columns';
import { isBlank, text } from './gridReader';
import type { GridReader } from './gridReader';

const MAX_HEADER_TEXT = 240;

const CORE_BITS = new Map<ColumnRole, number>(CORE_ROLES.map((role, i) => [role, 1 << i]));
const NAMED_BITS = (CORE_BITS.get('measure') ?? 0) | (CORE_BITS.get('ref') ?? 0);
const RATED_BITS = (CORE_BITS.get('target') ?? 0) | (CORE_BITS.get('status') ?? 0) | (CORE_BITS.get('green') ?? 0);

/** The role a header cell names well enough (a score of 1.5) to count towards a header row. */
function strongRole(v: CellValue | undefined): ColumnRole | undefined {
  // A score of 1.5 needs the text to be or start with a wording, so its first word starts one: cells that
  // cannot name a column are not scored (measure rows hold thousands of distinct texts).
  if (!mayBeHeader(v)) return undefined;
  const best = roleScores(text(v))[0];
  return best && best.score >= 1.5 ? best.role : undefined;
}

function isLong(v: CellValue | undefined): boolean {
  return typeof v === 'string' && v.length > MAX_HEADER_TEXT && text(v).length > MAX_HEADER_TEXT;
}

/** The header verdict from the core roles a row names (as bits), how many, and its long texts. */
function namesHeader(seen: number, count: number, long: number): boolean {
  return count >= 3 && (seen & NAMED_BITS) !== 0 && (seen & RATED_BITS) !== 0 && long <= 1;
}

/** Scores a row as a header: the distinct core roles its short text cells name. */
export function headerRoles(reader: GridReader, row: number): Map<number, ColumnRole> | null {
  const cells = reader.grid.values[row];
  if (!cells) return null;
  let candidates = 0;
  for (let c = 0; c < cells.length; c++) if (mayBeHeader(cells[c])) candidates++;
  if (candidates < 3) return null;
  // Every row of a sheet is asked: decide without allocating, and build the map only for a header.
  let seen = 0;
  let count = 0;
  let long = 0;
  for (let c = 0; c < cells.length; c++) {
    const v = cells[c];
    if (isLong(v)) {
      long++;
      continue;
    }
    const role = strongRole(v);
    const bit = role === undefined ? undefined : CORE_BITS.get(role);
    if (bit !== undefined && (seen & bit) === 0) {
      seen |= bit;
      count++;
    }
  }
  if (!namesHeader(seen, count, long)) return null;
  const found = new Map<number, ColumnRole>();
  cells.forEach((v, c) => {
    if (isLong(v)) return;
    const role = strongRole(v);
    if (role !== undefined) found.set(c, role);
  });
  return found;
}

/**
 * headerRoles(reader, row) !== null for every row of a sheet, in one pass: a column repeats its texts down the
 * rows (the outcome, the lead, "High", "Monthly"), so what a cell says about a header is remembered per column
 * for the last text read there, and most cells cost one comparison.
 */
export class HeaderScan {
  private readonly lastText: (string | undefined)[] = [];
  private readonly lastMay: boolean[] = [];
  /** The core-role bit the last text names (0 for none); -1 until asked. */
  private readonly lastBit: number[] = [];
  constructor(private readonly reader: GridReader) {}

  isHeader(row: number): boolean {
    const cells = this.reader.grid.values[row];
    if (!cells) return false;
    let candidates = 0;
    for (let c = 0; c < cells.length; c++) {
      const v = cells[c];
      if (typeof v === 'string' && this.may(v, c)) candidates++;
    }
    if (candidates < 3) return false;
    let seen = 0;
    let count = 0;
    let long = 0;
    for (let c = 0; c < cells.length; c++) {
      const v = cells[c];
      if (typeof v !== 'string') continue;
      if (isLong(v)) {
        long++;
        continue;
      }
      if (!this.may(v, c)) continue;
      let bit = this.lastBit[c];
      if (bit < 0) {
        const role = strongRole(v);
        this.lastBit[c] = bit = (role !== undefined ? CORE_BITS.get(role) : undefined) ?? 0;
      }
      if ((seen & bit) === 0 && bit !== 0) {
        seen |= bit;
        count++;
      }
    }
    return namesHeader(seen, count, long);
  }

  /** mayBeHeader of a column's text, remembered for the column's last text. */
  private may(v: string, c: number): boolean {
    if (this.lastText[c] === v) return this.lastMay[c];
    const may = mayBeHeader(v);
    this.lastText[c] = v;
    this.lastMay[c] = may;
    this.lastBit[c] = -1;
    return may;
  }
}

/** Assigns each role to one column, best score first, and each column to at most one role. */
export function assignRoles(reader: GridReader, headerRows: number[]): Partial<Record<ColumnRole, number>> {
  const candidates: { col: number; role: ColumnRole; score: number }[] = [];
  for (let c = 0; c < reader.width; c++) {
    const t = text(reader.value(headerRows[0], c));
    for (const s of roleScores(t)) candidates.push({ col: c, role: s.role, score: s.score });
  }
  candidates.sort((a, b) => b.score - a.score || a.col - b.col);
  const roles: Partial<Record<ColumnRole, number>> = {};
  const used = new Set<number>();
  for (const cand of candidates) {
    if (roles[cand.role] !== undefined || used.has(cand.col)) continue;
    roles[cand.role] = cand.col;
    used.add(cand.col);
  }
  return roles;
}

/**
 * Monthly scorecards label their sections with vertical text merged down the first column, which has no
 * header: an unnamed column left of every named one that holds text beside the measures.
 */
export function unnamedSectionColumn(
  reader: GridReader,
  headerRows: number[],
  columns: Partial<Record<ColumnRole, number>>,
  lastRow: number,
): number | undefined {
  if (columns.section !== undefined) return undefined;
  const named = Object.values(columns) as number[];
  if (!named.length) return undefined;
  const firstNamed = Math.min(...named);
  for (let c = 0; c < firstNamed; c++) {
    if (headerRows.some((r) => text(reader.value(r, c)) !== '')) continue;
    let texts = 0;
    for (let r = Math.max(...headerRows) + 1; r <= Math.min(lastRow, Math.max(...headerRows) + 40); r++) {
      const t = reader.value(r, c);
      if (typeof t === 'string' && /[A-Za-z]{2}/.test(t)) texts++;
    }
    if (texts >= 2) return c;
  }
  return undefined;
}

/** A row with one piece of text and nothing else: a section title or a banner. */
export function bannerText(reader: GridReader, row: number): string | null {
  // Most rows hold several different values: leave as soon as a second one shows up.
  let first: CellValue | undefined;
  for (const v of reader.grid.values[row] ?? []) {
    if (isBlank(v)) continue;
    if (first === undefined) first = v;
    else if (v !== first && text(v) !== text(first)) return null;
  }
  if (first === undefined) return null;
  const texts = reader.rowTexts(row).filter(Boolean);
  if (!texts.length) return null;
  const distinct = new Set(texts);
  return distinct.size === 1 ? texts[0] : null;
}
