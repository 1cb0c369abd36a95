/**
 * The Summary sheet the tool rebuilds on every run, and the three sheets of a run together (Summary, Red
 * flags, Scorecard rules), as plain SheetContent that any host can draw. Pure: no ExcelJS, no Office. The
 * Red flags sheet is redFlagsSheet.ts's, the Rules sheet rulesSheet.ts's.
 */
import { DOT_FONTS, STATUS_FILLS, STATUS_FONTS } from '../engine/rules';
import type { RatingRules } from '../engine/rules';
import type { CountShare, StatusTable, Summary } from '../engine/summarise';
import { DOT_KEYS, DOT_LABELS, STATUS_KEYS, STATUS_LABELS } from '../engine/types';
import type { DotKey, StatusKey } from '../engine/types';
import { OWNED_SHEETS } from '../workbook/grid';
import type { CellStyle, ContentCell, ContentChart, ContentTable, SheetContent } from '../workbook/grid';
import { redFlagsSheetOf } from './redFlagsSheet';
import { buildRulesSheet } from './rulesSheet';
import { HEADER, HEADING, NOTE, text } from './sheetStyles';
import type { WorkbookRating } from './types';

type Row = (ContentCell | null)[];

const COUNT: CellStyle = { numberFormat: '0' };
const PERCENT: CellStyle = { numberFormat: '0.0' };
const TOTAL_LABEL: CellStyle = { bold: true };
const TOTAL_COUNT: CellStyle = { bold: true, numberFormat: '0' };
const TOTAL_PERCENT: CellStyle = { bold: true, numberFormat: '0.0' };

function num(value: number, style: CellStyle): ContentCell {
  return { value, style };
}

function statusSymbolCell(symbols: Record<StatusKey, string>, k: StatusKey): ContentCell {
  return text(symbols[k], { fill: STATUS_FILLS[k], fontColor: STATUS_FONTS[k], horizontalAlignment: 'center' });
}

function dotSymbolCell(symbols: Record<DotKey, string>, k: DotKey): ContentCell {
  return text(symbols[k], { fontColor: DOT_FONTS[k], horizontalAlignment: 'center' });
}

/** Builds a sheet top to bottom, remembering where each table and chart landed. */
class SheetBuilder {
  readonly rows: Row[] = [];
  readonly tables: ContentTable[] = [];
  readonly charts: ContentChart[] = [];

  get next(): number {
    return this.rows.length;
  }

  add(...cells: (ContentCell | null)[]): number {
    this.rows.push(cells);
    return this.rows.length - 1;
  }

  blank(): void {
    this.rows.push([]);
  }
}

interface ShareRow {
  symbol: ContentCell;
  label: string;
  share: CountShare;
}

/**
 * One counts table: header, a row per status (or DOT), then a total. Its header and item rows become a
 * ContentTable (the total stays outside so a host's table filter never hides it); returns the header row.
 */
function shareTable(b: SheetBuilder, name: string, labelHeader: string, items: ShareRow[], total: number): number {
  const header = b.add(text('Symbol', HEADER), text(labelHeader, HEADER), text('Measures', HEADER), text('%', HEADER));
  for (const it of items) {
    b.add(it.symbol, text(it.label), num(it.share.count, COUNT), num(it.share.percent, PERCENT));
  }
  const shown = items.reduce((a, it) => a + it.share.percent, 0);
  b.add(null, text('Total', TOTAL_LABEL), num(total, TOTAL_COUNT), num(total > 0 ? Math.round(shown * 10) / 10 : 0, TOTAL_PERCENT));
  b.tables.push({ name, range: { top: header, left: 0, bottom: header + items.length, right: 3 } });
  return header;
}

function statusRows(t: StatusTable, symbols: Record<StatusKey, string>): ShareRow[] {
  return STATUS_KEYS.map((k) => ({ symbol: statusSymbolCell(symbols, k), label: STATUS_LABELS[k], share: t.statuses[k] }));
}

function ratedRows(t: StatusTable, symbols: Record<StatusKey, string>): ShareRow[] {
  return (['on-target', 'satisfactory', 'off-target'] as const).map((k) => ({
    symbol: statusSymbolCell(symbols, k),
    label: STATUS_LABELS[k],
    share: t.rated.statuses[k],
  }));
}

function dotRows(t: StatusTable, symbols: Record<DotKey, string>): ShareRow[] {
  return DOT_KEYS.map((k) => ({ symbol: dotSymbolCell(symbols, k), label: DOT_LABELS[k], share: t.dot[k] }));
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * The Summary sheet as a published report shows it: status counts and shares over all measures and over
 * measures with data and a target, direction of travel, the status × DOT cross tab, the report paragraph,
 * then the same tables for each priority. Percentages are numbers with one decimal (format '0.0'); the status
 * and direction of travel counts are drawn as charts (ContentChart), never as text.
 */
/** What the sheet says of its percentages: they add up to 100.0, or (equal counts, equal shares) nearly. */
function roundingNote(summary: Summary): string {
  const tables = [summary, ...summary.byPriority];
  const all = tables.every((t) => t.addsUp.statuses && t.addsUp.rated && t.addsUp.dot);
  return all
    ? 'Percentages are rounded to one decimal place so that each table adds up to 100.0.'
    : 'Percentages are rounded to one decimal place and equal counts show equal shares, so a table may add up to a little more or less than 100.0.';
}

export function buildSummarySheet(summary: Summary, rules: RatingRules, title = 'Performance summary'): SheetContent {
  const b = new SheetBuilder();
  b.add(text(title, { bold: true }));
  b.add(
    text(
      `${plural(summary.total, 'measure', 'measures')} rated. ${roundingNote(summary)}`,
      NOTE,
    ),
  );
  b.blank();

  b.add(text('Overall status: all measures', HEADING));
  const statusHeader = shareTable(b, 'StatusAllMeasures', 'Overall status', statusRows(summary, rules.symbols), summary.total);
  b.charts.push({
    title: 'Overall status: all measures',
    range: { top: statusHeader, left: 1, bottom: statusHeader + STATUS_KEYS.length, right: 2 },
    kind: 'bar',
  });
  b.blank();

  b.add(text('Overall status: measures with data and a target', HEADING));
  shareTable(b, 'StatusWithDataAndTarget', 'Overall status', ratedRows(summary, rules.symbols), summary.rated.total);
  b.blank();

  b.add(text('Direction of travel: all measures', HEADING));
  const dotHeader = shareTable(b, 'DirectionOfTravel', 'Direction of travel', dotRows(summary, rules.dotSymbols), summary.total);
  b.charts.push({
    title: 'Direction of travel: all measures',
    range: { top: dotHeader, left: 1, bottom: dotHeader + dotRows(summary, rules.dotSymbols).length, right: 2 },
    kind: 'bar',
  });
  b.blank();

  crossTab(b, summary, rules);
  b.blank();

  b.add(text('Summary for the report', HEADING));
  b.add(text(summary.text));

  summary.byPriority.forEach((p, i) => {
    b.blank();
    b.add(text(p.priority, { bold: true, fill: 'EDEDED' }));
    shareTable(b, `Priority${i + 1}Status`, 'Overall status', statusRows(p, rules.symbols), p.total);
    const met = p.rated.statuses['on-target'].count + p.rated.statuses.satisfactory.count;
    const metPercent = p.rated.statuses['on-target'].percent + p.rated.statuses.satisfactory.percent;
    b.add(
      null,
      text(
        p.rated.total > 0
          ? `Of the ${plural(p.rated.total, 'measure', 'measures')} with data and a target, ${met} (${metPercent.toFixed(1)}%) on target or satisfactory.`
          : 'No measure has both data and a target.',
        NOTE,
      ),
    );
    shareTable(b, `Priority${i + 1}Direction`, 'Direction of travel', dotRows(p, rules.dotSymbols), p.total);
  });

  return {
    name: OWNED_SHEETS.summary,
    ownedKind: 'summary',
    rows: b.rows,
    columnWidths: [9, 34, 11, 9, 11, 11, 11, 11, 14, 9],
    tables: b.tables,
    charts: b.charts,
  };
}

/** Status × DOT counts: which measures achieved target and improved, which were off target and worsened. */
function crossTab(b: SheetBuilder, summary: Summary, rules: RatingRules): void {
  b.add(text('Overall status by direction of travel', HEADING));
  const header = b.add(
    text('Symbol', HEADER),
    text('Overall status', HEADER),
    ...DOT_KEYS.map((d) => text(`${rules.dotSymbols[d]} ${DOT_LABELS[d]}`, HEADER)),
    text('Total', HEADER),
  );
  const columnTotals = DOT_KEYS.map(() => 0);
  for (const s of STATUS_KEYS) {
    const counts = DOT_KEYS.map((d) => summary.crossTab[s][d]);
    counts.forEach((n, i) => (columnTotals[i] += n));
    b.add(
      statusSymbolCell(rules.symbols, s),
      text(STATUS_LABELS[s]),
      ...counts.map((n) => num(n, COUNT)),
      num(
        counts.reduce((a, n) => a + n, 0),
        COUNT,
      ),
    );
  }
  b.add(
    null,
    text('Total', TOTAL_LABEL),
    ...columnTotals.map((n) => num(n, TOTAL_COUNT)),
    num(
      columnTotals.reduce((a, n) => a + n, 0),
      TOTAL_COUNT,
    ),
  );
  b.tables.push({ name: 'StatusByDirection', range: { top: header, left: 0, bottom: header + STATUS_KEYS.length, right: DOT_KEYS.length + 2 } });
}

/** The owned sheets of one run, in the order they are added to a workbook. */
export function buildOwnedSheets(rating: WorkbookRating, title?: string): SheetContent[] {
  return [buildSummarySheet(rating.summary, rating.rules, title), redFlagsSheetOf(rating), buildRulesSheet(rating.rules)];
}
