/** The rated rows of a run as the pane shows them. Pure, shared by the Excel host and the workbench. */
import type { RatedSheet, WorkbookRating } from '../scorecard/types';
import type { RatedRowView, SelectedRow } from './host';
import { sheetKey } from '../workbook/sheetName';
import { writtenWords } from './writtenWords';

export function rowViews(rating: WorkbookRating): RatedRowView[] {
  return rating.sheets.flatMap((s: RatedSheet) => {
    const words = writtenWords(s, rating.rules);
    return s.rows.map(({ measure: m, rating: r }): RatedRowView => {
      const view: RatedRowView = { sheet: m.sheet, row: m.row, ref: m.ref, measure: m.name, priority: m.priority, status: r.status, dot: r.dot, explanation: r.explanation };
      if (r.needsReview) view.needsReview = r.needsReview;
      if (r.override) view.override = r.override;
      // Kept as the sheet gave them, unread: only the chosen row's are read, for its trend chart.
      view.history = { observations: m.observations, ratedKind: r.period?.kind, target: r.comparedTarget };
      const w = words(m.row, r);
      if (w.status) view.statusWords = w.status;
      if (w.dot) view.dotWritten = w.dot;
      return view;
    });
  });
}

/** Excel compares sheet names without regard to case, so the pane does too. */
export function rowKey(sheet: string, row: number): string {
  return `${sheetKey(sheet)}!${row}`;
}

/** Finds rows by sheet and row quickly: a selection change looks one up on every click. */
export function indexRows(rows: readonly RatedRowView[]): Map<string, RatedRowView> {
  return new Map(rows.map((r) => [rowKey(r.sheet, r.row), r]));
}

export function findRow(index: ReadonlyMap<string, RatedRowView>, selection: SelectedRow | null): RatedRowView | undefined {
  return selection ? index.get(rowKey(selection.sheet, selection.row)) : undefined;
}
