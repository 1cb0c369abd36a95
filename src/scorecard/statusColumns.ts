import { financialYearStart, parsePeriod, parsePeriodInYear, yearOf } from '../engine/periods';
import { STATUS_HEADER_WORDS } from '../engine/vocabulary/columns';
import type { Period } from '../engine/types';
import { cellAddress } from '../workbook/grid';
import { roleScores } from './columns';
import type { ColumnRole } from './columns';
import { isBlank, text } from './gridReader';
import type { GridReader } from './gridReader';
import type { HeaderBlock } from './headerBlock';
import type { Warning } from './types';

/** A status header's words taken away ("Q2 status" → "Q2", "Status Q2 2017/18" → "Q2 2017/18", "Overall status" → ""). */
const STATUS_WORDS_RE = new RegExp(`(^|[^a-z0-9])(?:${STATUS_HEADER_WORDS.join('|')})(?=$|[^a-z0-9])`, 'gi');

function statusHeaderRest(header: string): string | null {
  if (roleScores(header)[0]?.role !== 'status') return null;
  return header.replace(STATUS_WORDS_RE, '$1').replace(/[\s:()\-–]+/g, ' ').trim();
}

/** Columns of a header row that are a status column, of this period or another: "Q1 status", "Sep RAG", "Overall status". */
export function statusCandidates(reader: GridReader, row: number, columns: Partial<Record<ColumnRole, number>>): { col: number; rest: string }[] {
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
export function chooseStatusColumn(
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
