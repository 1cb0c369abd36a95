import { isDateFormat } from '../engine/numbers';
import { dateFromSerial, financialYearOf, financialYearStart, parsePeriod, parsePeriodInYear, yearOf } from '../engine/periods';
import { STATUS_HEADER_WORDS } from '../engine/vocabulary/columns';
import type { CellInput, Measure, Observation, Period } from '../engine/types';
import type { CellRange, CellValue, SheetGrid } from '../workbook/grid';
import { cellAddress, gridWidth } from '../workbook/grid';
import { CORE_ROLES, mayBeHeader, normaliseHeader, roleScores } from './columns';
import type { ColumnRole } from './columns';
import { SharedCells } from './sharedCells';
import { ScorecardError } from './types';
import type { Warning } from './types';

/** One header block: the header rows and the measure rows under them, with its column map. */
export interface HeaderBlock {
  /** 0-based rows of the header (the main header row first). */
  headerRows: number[];
  /** 0-based rows of the measures in this block. */
  firstRow: number;
  lastRow: number;
  columns: Partial<Record<ColumnRole, number>>;
  periods: { col: number; period: Period }[];
  priority: string;
  /**
   * Status columns of other periods beside the chosen one ("Q1 status" left of "Q2 status"): someone's
   * record of earlier ratings, never written.
   */
  otherStatusColumns?: number[];
}

export interface ScorecardSheet {
  sheet: string;
  blocks: HeaderBlock[];
  measures: Measure[];
  warnings: Warning[];
}

const MAX_HEADER_TEXT = 240;

function text(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return '';
  if (typeof v === 'number') return String(v);
  const s = String(v);
  return /\s\s|[\n\r\t]/.test(s) ? s.replace(/\s+/g, ' ').trim() : s.trim();
}

function isBlank(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/** Looks up merged areas quickly: the master cell of any cell inside a merge. */
class MergeIndex {
  private readonly byRow = new Map<number, CellRange[]>();
  constructor(merges: readonly CellRange[] = []) {
    for (const m of merges) {
      for (let r = m.top; r <= m.bottom; r++) {
        let list = this.byRow.get(r);
        if (!list) this.byRow.set(r, (list = []));
        list.push(m);
      }
    }
  }
  master(row: number, col: number): CellRange | undefined {
    return this.byRow.get(row)?.find((m) => col >= m.left && col <= m.right);
  }
}

class GridReader {
  readonly width: number;
  private readonly merges: MergeIndex;
  readonly shared = new SharedCells();
  constructor(readonly grid: SheetGrid) {
    this.width = gridWidth(grid);
    this.merges = new MergeIndex(grid.merges);
  }
  raw(row: number, col: number): CellValue {
    const v = this.grid.values[row]?.[col];
    return v === undefined ? null : v;
  }
  /** The value, taking a merged cell's value from its top-left cell (office-js leaves the others empty). */
  value(row: number, col: number): CellValue {
    const v = this.raw(row, col);
    if (v !== null && v !== '') return v;
    const m = this.merges.master(row, col);
    return m ? this.raw(m.top, m.left) : v;
  }
  input(row: number, col: number | undefined, merged = false): CellInput {
    if (col === undefined) return { value: null };
    const value = merged ? this.value(row, col) : this.raw(row, col);
    const src = merged && (this.raw(row, col) === null || this.raw(row, col) === '') ? this.merges.master(row, col) : undefined;
    const r = src ? src.top : row;
    const c = src ? src.left : col;
    return this.shared.cell(value, this.grid.numberFormats?.[r]?.[c] ?? null, this.grid.texts?.[r]?.[c] ?? null);
  }
  rowTexts(row: number): string[] {
    const out: string[] = [];
    const r = this.grid.values[row] ?? [];
    for (let c = 0; c < r.length; c++) out.push(text(r[c]));
    return out;
  }
  isEmptyRow(row: number): boolean {
    const r = this.grid.values[row];
    if (!r) return true;
    for (const v of r) if (v !== null && v !== undefined && v !== '') return false;
    return true;
  }
}

/** Scores a row as a header: the distinct core roles its short text cells name. */
function headerRoles(reader: GridReader, row: number): Map<number, ColumnRole> | null {
  const cells = reader.grid.values[row] ?? [];
  let candidates = 0;
  for (const v of cells) if (mayBeHeader(v)) candidates++;
  if (candidates < 3) return null;
  const seen = new Set<ColumnRole>();
  const found = new Map<number, ColumnRole>();
  let long = 0;
  cells.forEach((v, c) => {
    if (typeof v === 'string' && v.length > MAX_HEADER_TEXT && text(v).length > MAX_HEADER_TEXT) {
      long++;
      return;
    }
    // A score of 1.5 needs the text to be or start with a wording, so its first word starts one: cells that
    // cannot name a column are not scored (measure rows hold thousands of distinct texts).
    if (!mayBeHeader(v)) return;
    const best = roleScores(text(v))[0];
    if (best && best.score >= 1.5) found.set(c, best.role);
  });
  for (const role of found.values()) if (CORE_ROLES.includes(role)) seen.add(role);
  const named = seen.has('measure') || seen.has('ref');
  const rated = seen.has('target') || seen.has('status') || seen.has('green');
  return seen.size >= 3 && named && rated && long <= 1 ? found : null;
}

/** Assigns each role to one column, best score first, and each column to at most one role. */
function assignRoles(reader: GridReader, headerRows: number[]): Partial<Record<ColumnRole, number>> {
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

/** A header cell as a period title: text as is, a date (or a serial number under a date format) as its month. */
function periodTitle(reader: GridReader, row: number, col: number): CellValue {
  const v = reader.raw(row, col);
  if (typeof v === 'number' && isDateFormat(reader.grid.numberFormats?.[row]?.[col])) return dateFromSerial(v);
  return v;
}

/**
 * The title a group row gives a column: its own cell, the merged area's title, or the nearest title to its
 * left when the council wrote it once over its group without merging ("2017/18" over Q1, Q2, Jul, Aug).
 */
function groupTitle(reader: GridReader, row: number, col: number): string {
  for (let c = col; c >= 0; c--) {
    const t = text(reader.value(row, c));
    if (t) return t;
  }
  return '';
}

/**
 * The period a header cell names: on its own ("Q2 Jul - Sep 2017", "Sep-17"), or within the financial year
 * written over it in a higher header row ("Q2" or "Jul" under "2017/18").
 */
function periodAt(reader: GridReader, row: number, col: number, rowsAbove: readonly number[]): Period | null {
  const title = periodTitle(reader, row, col);
  const own = parsePeriod(title ?? null);
  if (own || typeof title !== 'string' || !title.trim()) return own;
  for (const r of rowsAbove) {
    const fy = financialYearOf(groupTitle(reader, r, col));
    if (fy !== null) return parsePeriodInYear(title, fy);
  }
  return null;
}

/** Header rows above a row, nearest first. */
function rowsAbove(headerRows: readonly number[], row: number): number[] {
  return headerRows.filter((r) => r < row).sort((a, b) => b - a);
}

/** Period columns: a header cell (lowest header row first) that reads as a period. */
function findPeriods(reader: GridReader, headerRows: number[], taken: Set<number>): { col: number; period: Period }[] {
  const out: { col: number; period: Period }[] = [];
  const rowsBottomUp = [...headerRows].sort((a, b) => b - a);
  for (let c = 0; c < reader.width; c++) {
    if (taken.has(c)) continue;
    for (const r of rowsBottomUp) {
      const p = periodAt(reader, r, c, rowsAbove(headerRows, r));
      if (p) {
        out.push({ col: c, period: p });
        break;
      }
    }
  }
  // "YTD" with no year takes the financial year of the newest month beside it.
  const latest = out.reduce((m, p) => Math.max(m, p.period.end), -Infinity);
  if (Number.isFinite(latest)) {
    const fy = Math.floor(latest / 12) - (latest % 12 < 3 ? 1 : 0);
    for (let c = 0; c < reader.width; c++) {
      if (taken.has(c) || out.some((p) => p.col === c)) continue;
      for (const r of rowsBottomUp) {
        const t = text(reader.raw(r, c));
        if (/^(ytd|year to date)$/i.test(t)) {
          const p = parsePeriod(t, fy);
          if (p) out.push({ col: c, period: p });
          break;
        }
      }
    }
  }
  return out.sort((a, b) => a.col - b.col);
}

/** A status header's words taken away ("Q2 status" → "Q2", "Status Q2 2017/18" → "Q2 2017/18", "Overall status" → ""). */
const STATUS_WORDS_RE = new RegExp(`(^|[^a-z0-9])(?:${STATUS_HEADER_WORDS.join('|')})(?=$|[^a-z0-9])`, 'gi');

function statusHeaderRest(header: string): string | null {
  if (roleScores(header)[0]?.role !== 'status') return null;
  return header.replace(STATUS_WORDS_RE, '$1').replace(/[\s:()\-–]+/g, ' ').trim();
}

/** Columns of a header row that are a status column, of this period or another: "Q1 status", "Sep RAG", "Overall status". */
function statusCandidates(reader: GridReader, row: number, columns: Partial<Record<ColumnRole, number>>): { col: number; rest: string }[] {
  const other = new Set(Object.entries(columns).filter(([role]) => role !== 'status').map(([, c]) => c));
  const out: { col: number; rest: string }[] = [];
  for (let c = 0; c < reader.width; c++) {
    if (other.has(c)) continue;
    const rest = statusHeaderRest(text(reader.value(row, c)));
    // "Status comment" is a note about the status, not one: only a period may stand beside the status words.
    if (rest !== null && (rest === '' || parsePeriodInYear(rest, 2000) !== null)) out.push({ col: c, rest });
  }
  return out;
}

/** The newest month any period column of the block holds a value for: the block's reporting period. */
function newestReported(reader: GridReader, periods: readonly { col: number; period: Period }[], first: number, last: number): number | null {
  let newest: number | null = null;
  for (const p of periods) {
    if (p.period.kind === 'ytd' || (newest !== null && p.period.end <= newest)) continue;
    for (let r = first; r <= last; r++) {
      if (!isBlank(reader.raw(r, p.col))) {
        newest = p.period.end;
        break;
      }
    }
  }
  return newest;
}

/**
 * When a header holds status columns of several periods ("Q1 status" | "Q2 status", "Jul RAG" | "Sep RAG"),
 * the one to rate is the one for the newest period the period columns reach; an undated one ("Overall
 * status") next; failing both, the rightmost, with a warning. The others are someone's earlier ratings.
 */
function chooseStatusColumn(
  reader: GridReader,
  block: HeaderBlock,
  candidates: { col: number; rest: string }[],
  warnings: Warning[],
): void {
  const newest = newestReported(reader, block.periods, block.firstRow, block.lastRow);
  const fy = newest === null ? undefined : yearOf(financialYearStart(newest));
  const dated = candidates.map((c) => ({ ...c, period: c.rest ? (fy === undefined ? parsePeriod(c.rest) : parsePeriodInYear(c.rest, fy)) : null }));
  const current = dated.filter((c) => newest !== null && c.period && c.period.start <= newest && newest <= c.period.end);
  // The shortest period that holds the newest month is the one just reported ("Sep RAG" rather than "Q2 status").
  current.sort((a, b) => (a.period as Period).end - (a.period as Period).start - ((b.period as Period).end - (b.period as Period).start) || b.col - a.col);
  const undated = dated.filter((c) => !c.rest);
  let chosen = current[0] ?? undated[undated.length - 1];
  if (!chosen || (!current.length && undated.length > 1)) {
    chosen = dated[dated.length - 1];
    const header = block.headerRows[0];
    const names = candidates.map((c) => `"${text(reader.raw(header, c.col))}" (${cellAddress(header, c.col)})`).join(' and ');
    warnings.push({
      message: `the header at row ${header + 1} has status columns ${names} and no period tells which is current: the rightmost is rated`,
      where: { sheet: reader.grid.name, cell: cellAddress(header, chosen.col) },
    });
  }
  block.columns.status = chosen.col;
  block.otherStatusColumns = candidates.filter((c) => c.col !== chosen.col).map((c) => c.col);
}

/**
 * Monthly scorecards label their sections with vertical text merged down the first column, which has no
 * header: an unnamed column left of every named one that holds text beside the measures.
 */
function unnamedSectionColumn(
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
function bannerText(reader: GridReader, row: number): string | null {
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

/**
 * Finds every header block in a sheet and builds the measure records under them. Returns null when the sheet
 * holds no scorecard header, so callers can look at the next sheet.
 */
export function readScorecard(grid: SheetGrid): ScorecardSheet | null {
  const reader = new GridReader(grid);
  const rows = grid.values.length;
  const headerStarts: { row: number }[] = [];
  for (let r = 0; r < rows; r++) {
    if (reader.isEmptyRow(r)) continue;
    if (headerRoles(reader, r)) {
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
    readBlockMeasures(reader, block, measures, warnings);
  }
  resolveSameAsAbove(measures);
  inferMissingRefs(measures, warnings);
  reportDuplicateRefs(grid.name, measures, warnings);
  return { sheet: grid.name, blocks, measures, warnings };
}

function readBlockMeasures(reader: GridReader, block: HeaderBlock, out: Measure[], warnings: Warning[]): void {
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
function resolveSameAsAbove(measures: Measure[]): void {
  for (let i = 1; i < measures.length; i++) {
    const t = measures[i].target.value;
    if (typeof t === 'string' && t.length < 30 && /^(as above|as per above|see above|same as above|ditto)\W*$/i.test(t.trim())) {
      measures[i].target = measures[i - 1].target;
    }
  }
}

/** A blank ref between "5.C1" and "5.C3" is "5.C2": the numbering says so, and red-flag lists use it. */
function inferMissingRefs(measures: Measure[], warnings: Warning[]): void {
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
function reportDuplicateRefs(sheet: string, measures: readonly Measure[], warnings: Warning[]): void {
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

/** Whether a header text names the explanation column we own. */
export function isExplanationHeader(t: unknown): boolean {
  return roleScores(String(t ?? ''))[0]?.role === 'explanation' || normaliseHeader(t) === 'rating explanation';
}
