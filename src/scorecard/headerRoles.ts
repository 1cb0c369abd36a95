import type { CellValue } from '../workbook/grid';
import { CORE_ROLES, mayBeHeader, roleScores } from './columns';
import type { ColumnRole } from './columns';
import { isBlank, text } from './gridReader';
import type { GridReader } from './gridReader';

const MAX_HEADER_TEXT = 240;

/** Scores a row as a header: the distinct core roles its short text cells name. */
export function headerRoles(reader: GridReader, row: number): Map<number, ColumnRole> | null {
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
