import { rateMeasure, withPersonsEntry } from '../engine/rate';
import type { RateContext } from '../engine/rate';
import { defaultRules } from '../engine/rules';
import type { RatingRules } from '../engine/rules';
import { summarise } from '../engine/summarise';
import type { SummaryInput } from '../engine/summarise';
import { parseStatusText } from '../engine/statusText';
import { parsePolarity } from '../engine/targets';
import type { DotKey, Measure, MonthIndex, Rating, StatusKey } from '../engine/types';
import type { SheetGrid } from '../workbook/grid';
import { findSheet } from '../workbook/sheetName';
import { isReplaceable } from './manualEntries';
import { blockFinder, planWrites, RAG_STATUS_WORDS, usesRagWords } from './planWrites';
import { readScorecard } from './readScorecard';
import { ratedPrevious, redFlagsOf } from './redFlags';
import { PREFERRED_SHEET_NAMES, userSheets } from './ownedIdentity';
import type { HeaderBlock, ScorecardSheet } from './readScorecard';
import { findStatusKey } from './statusKey';
import { ScorecardError } from './types';
import type { RatedRow, RatedSheet, Report, Warning, WorkbookRating } from './types';

export interface RateOptions {
  /** Settings that differ from the defaults (and from the workbook's own rules sheet). */
  rules?: Partial<RatingRules>;
  /** Rate only this sheet; otherwise every sheet that holds a scorecard. */
  sheet?: string;
  /** File name, for messages. */
  file?: string;
}

/** The newest period that holds any value: the scorecard's reporting period, whatever columns lie beyond it. */
export function reportingEnd(sheets: readonly ScorecardSheet[]): MonthIndex | null {
  let end = -Infinity;
  for (const s of sheets) {
    for (const m of s.measures) {
      for (const o of m.observations) {
        if (o.period.kind === 'ytd' || o.period.end <= end) continue;
        const v = o.cell.value;
        if (v !== null && v !== undefined && !(typeof v === 'string' && v.trim() === '')) end = o.period.end;
      }
    }
  }
  return Number.isFinite(end) ? end : null;
}

/** The scorecard's cadence: a quarterly report has quarter columns; a monthly one only months. */
function previousReportingEnd(sheets: readonly ScorecardSheet[], end: MonthIndex, rules: RatingRules): MonthIndex {
  if (rules.redFlagPeriod === 'month') return end - 1;
  if (rules.redFlagPeriod === 'quarter') return end - 3;
  const kinds = new Set(sheets.flatMap((s) => s.blocks.flatMap((b) => b.periods.map((p) => p.period.kind))));
  if (kinds.has('quarter')) return end - 3;
  if (kinds.has('month')) return end - 1;
  return end - 12;
}

/** A DOT header that names its comparison ("DOT (Month on Month)") decides it for the rows of its block. */
function dotBasisFromHeader(grid: SheetGrid, b: HeaderBlock): RatingRules['dotBasis'] | undefined {
  if (b.columns.dot === undefined) return undefined;
  const header = String(grid.values[b.headerRows[0]]?.[b.columns.dot] ?? '').toLowerCase();
  if (/month on month|quarter on quarter|previous (month|quarter|period)|since last (month|quarter)/.test(header)) return 'previous-period';
  if (/year on year|same (period|month|quarter) last year/.test(header)) return 'same-period-last-year';
  return undefined;
}

/**
 * The contexts a row of a block is rated in: the run's own, with the DOT basis its block's header names
 * unless the rules fixed one. Made once per block, found per row (0-based).
 */
function blockContexts(
  grid: SheetGrid,
  blocks: readonly HeaderBlock[],
  now: RateContext,
  previous: RateContext,
  basisFixed: boolean,
): (row: number) => { now: RateContext; previous: RateContext } {
  const plain = { now, previous };
  const blockOf = blockFinder(blocks);
  const byBlock = new Map<HeaderBlock, { now: RateContext; previous: RateContext }>();
  return (row) => {
    const b = blockOf(row) ?? blocks[0];
    let found = byBlock.get(b);
    if (!found) {
      const basis = basisFixed ? undefined : dotBasisFromHeader(grid, b);
      const own = { ...(basis ? { dotBasis: basis } : {}), ...(usesRagWords(grid, b) ? { statusWords: RAG_STATUS_WORDS } : {}) };
      found = Object.keys(own).length ? { now: { ...now, ...own }, previous: { ...previous, ...own } } : plain;
      byBlock.set(b, found);
    }
    return found;
  };
}

/** Summary DOT: without polarity a change is neither better nor worse, so it counts as not applicable. */
function countedDot(rating: Rating): DotKey {
  return rating.dot === 'increase' || rating.dot === 'decrease' ? 'not-applicable' : rating.dot;
}

function mergeRules(base: RatingRules, over: Partial<RatingRules> | undefined): RatingRules {
  if (!over) return base;
  return {
    ...base,
    ...over,
    symbols: { ...base.symbols, ...(over.symbols ?? {}) },
    dotSymbols: { ...base.dotSymbols, ...(over.dotSymbols ?? {}) },
  };
}

/**
 * The rules' status symbols without those the workbook's Key already sets and the rules only repeat at their
 * default: a Rules sheet saved with the default symbols (the panel shows them before the first rating) must
 * not overwrite the council's own Key. A symbol changed on purpose still wins over the Key.
 */
function withoutDefaultSymbolsOverKey(
  over: Partial<RatingRules> | undefined,
  key: Partial<Record<StatusKey, string>>,
  defaults: RatingRules,
): Partial<RatingRules> | undefined {
  if (!over?.symbols) return over;
  const symbols = { ...over.symbols };
  for (const k of Object.keys(symbols) as StatusKey[]) {
    if (key[k] !== undefined && symbols[k] === defaults.symbols[k]) delete symbols[k];
  }
  return { ...over, symbols };
}

/** Refuses a sheet the rating would have to write into but cannot. */
function protectedSheet(sheet: string, file: string | undefined): ScorecardError {
  return new ScorecardError('the sheet is protected: unprotect it so the status and DOT cells can be written', { file, sheet });
}

/**
 * The one code path every host uses: find scorecards in the grids, rate every measure, plan the writes,
 * summarise and list red flags. Throws ScorecardError (with sheet and cell) when no scorecard can be rated.
 */
export function rateWorkbook(grids: SheetGrid[], options: RateOptions = {}): WorkbookRating {
  const file = options.file;
  // The tool's own sheets (told by their mark, never by name) are never scorecards, nor a status key.
  const { key, warnings: keyWarnings } = findStatusKey(userSheets(grids));
  const defaults = defaultRules();
  const rules = mergeRules({ ...defaults, symbols: { ...defaults.symbols, ...key } }, withoutDefaultSymbolsOverKey(options.rules, key, defaults));
  let candidates = userSheets(grids);
  if (options.sheet !== undefined) {
    const asked = findSheet(grids, options.sheet);
    if (!asked) {
      throw new ScorecardError(`no sheet "${options.sheet}" (sheets: ${grids.map((g) => `"${g.name}"`).join(', ')})`, { file });
    }
    if (asked.ownedKind) {
      const made = PREFERRED_SHEET_NAMES[asked.ownedKind];
      throw new ScorecardError(`"${asked.name}" is a sheet this tool made (its ${made} sheet), not a scorecard`, { file, sheet: asked.name });
    }
    // Refused before it is read: the person asked for this sheet, so "no scorecard" would not say why.
    if (asked.protected) throw protectedSheet(asked.name, file);
    candidates = [asked];
  } else if (candidates.length > 0 && candidates.every((g) => g.protected)) {
    throw protectedSheet(candidates[0].name, file);
  }
  const sheets: ScorecardSheet[] = [];
  for (const g of candidates) {
    let s: ScorecardSheet | null;
    try {
      s = readScorecard(g);
    } catch (e) {
      if (e instanceof ScorecardError) throw new ScorecardError(e.message, { file, ...e.where });
      throw e;
    }
    if (!s) continue;
    if (!s.measures.length) {
      throw new ScorecardError('scorecard header found but no measure rows under it', { file, sheet: g.name });
    }
    if (g.protected) throw protectedSheet(g.name, file);
    sheets.push(s);
  }
  if (!sheets.length) {
    const names = candidates.map((g) => `"${g.name}"`).join(', ');
    throw new ScorecardError(
      `no scorecard found: no sheet (${names}) has a header row naming Ref or Measure with Target and Overall status columns`,
      { file, ...(candidates.length === 1 ? { sheet: candidates[0].name } : {}) },
    );
  }
  const end = reportingEnd(sheets);
  if (end === null) {
    throw new ScorecardError('no period columns with values: headers such as "Q2 Jul - Sep 2017" or "Sep-17" were not found', {
      file,
      sheet: sheets[0].sheet,
    });
  }
  const previousEnd = previousReportingEnd(sheets, end, rules);
  const ctx: RateContext = { reportingEnd: end, rules, key };
  const prevCtx: RateContext = { ...ctx, reportingEnd: previousEnd };

  const rated: RatedSheet[] = [];
  const warnings: Warning[] = [...keyWarnings.map((w) => ({ ...w, where: { file, ...w.where } }))];
  for (const s of sheets) {
    const grid = grids.find((g) => g.name === s.sheet) as SheetGrid;
    const contextsOf = blockContexts(grid, s.blocks, ctx, prevCtx, options.rules?.dotBasis !== undefined);
    const hasYearEnd = s.blocks.some((b) => b.columns.statusYearEnd !== undefined);
    const blockOf = blockFinder(s.blocks);
    const rows: RatedRow[] = s.measures.map((m) => {
      const { now, previous } = contextsOf(m.row - 1);
      const rated = rateMeasure(m, now);
      const entry = personsEntry(grid, m, blockOf(m.row - 1) ?? s.blocks[0], now);
      const row: RatedRow = { measure: m, rating: entry ? withPersonsEntry(rated, entry.text, entry.status, parsePolarity(m.polarity), now.statusWords, entry.byFormula) : rated };
      // Only a red flag needs last period's rating, and only a row off target now can be one. The previous
      // period rated ends before the period this rating rests on, so a red flag never names one period twice.
      if (row.rating.status === 'off-target' && !row.rating.needsReview) {
        const before = row.rating.period ? Math.min(previous.reportingEnd, row.rating.period.start - 1) : previous.reportingEnd;
        row.previous = rateMeasure(m, { ...previous, reportingEnd: before }, { withoutWords: true });
      }
      if (hasYearEnd) row.yearEnd = rateMeasure(m, now, { yearToDate: true });
      return row;
    });
    const plan = planWrites(
      grid,
      s.blocks,
      rows.map((r) => ({ row: r.measure.row, rating: r.rating, ref: r.measure.ref, ...(r.yearEnd ? { yearEnd: r.yearEnd } : {}) })),
      rules,
      rules.symbols,
    );
    const sheetWarnings = [...s.warnings, ...plan.warnings, ...reviewWarnings(rows)].map((w) => ({ ...w, where: { file, ...w.where } }));
    rated.push({ sheet: s.sheet, rows, writes: plan.writes, warnings: sheetWarnings, columns: plan.columns });
    warnings.push(...sheetWarnings);
  }
  const all = rated.flatMap((s) => s.rows);
  const summary = summarise(all.map((r): SummaryInput => ({ priority: r.measure.priority, status: r.rating.status, dot: countedDot(r.rating) })));
  return { sheets: rated, summary, redFlags: redFlagsOf(all, ratedPrevious), rules, warnings };
}

/**
 * A status the sheet holds that is a person's own (anything but a bare status as a rating writes it, e.g.
 * "● agreed at DMT"), or the result of the sheet's own formula: the status that counts. Null when the cell
 * holds a rating this tool may replace, or nothing that reads as a status.
 */
function personsEntry(grid: SheetGrid, m: Measure, block: HeaderBlock, ctx: RateContext): { text: string; status: StatusKey; byFormula: boolean } | null {
  const col = block.columns.status;
  if (col === undefined) return null;
  const value = grid.values[m.row - 1]?.[col];
  const formula = grid.formulas?.[m.row - 1]?.[col];
  if (typeof value !== 'string' || (isReplaceable('status', value) && !formula)) return null;
  const status = parseStatusText(value, ctx.key);
  return status && status !== 'needs-review' ? { text: value.replace(/\s+/g, ' ').trim(), status, byFormula: Boolean(formula) } : null;
}

function reviewWarnings(rows: readonly RatedRow[]): Warning[] {
  return rows
    .filter((r) => r.rating.needsReview)
    .map((r) => ({
      message: `${r.measure.ref || `row ${r.measure.row}`} needs review: ${r.rating.needsReview}`,
      where: { sheet: r.measure.sheet, ref: r.measure.ref },
    }));
}

/** The JSON report of the command line. */
export function toReport(result: WorkbookRating): Report {
  return {
    rows: result.sheets.flatMap((s) =>
      s.rows.map((r) => ({
        sheet: s.sheet,
        row: r.measure.row,
        ref: r.measure.ref,
        status: r.rating.status,
        dot: r.rating.dot,
        explanation: r.rating.explanation,
        ...(r.rating.dotDetail ? { dotDetail: r.rating.dotDetail } : {}),
        ...(r.yearEnd ? { statusYearEnd: r.yearEnd.status } : {}),
        ...(r.rating.needsReview ? { needsReview: r.rating.needsReview } : {}),
      })),
    ),
    summary: result.summary,
    redFlags: result.redFlags,
    warnings: result.warnings,
  };
}
