/**
 * The tool's sheet marks (scorecard/ownedIdentity.ts) through office-js: each sheet's own names
 * (Worksheet.names, ExcelApi 1.4; NamedItem.formula, 1.7; both within the manifest's 1.9). A sheet's names
 * can only be asked of that sheet, so they are queued per sheet into a read the operation makes anyway.
 */
import { isOwnedMarkName, OWNED_MARK, ownedKindOf, ownedMarkFormula } from '../scorecard/ownedIdentity';
import type { OwnedKind } from '../scorecard/ownedIdentity';

/** What a sheet's names are loaded with: enough to find and read the mark. */
const MARK_LOAD = 'items/name,items/formula';

/** Queues the load of a sheet's names; `markOf` reads the mark after the sync. */
export function queueMarkLoad(ws: Excel.Worksheet): Excel.NamedItemCollection {
  const names = ws.names;
  names.load(MARK_LOAD);
  return names;
}

/** The kind a loaded sheet's names mark it as, or undefined for a user's sheet. */
export function markOf(names: Excel.NamedItemCollection): OwnedKind | undefined {
  for (const n of names.items) {
    if (!isOwnedMarkName(n.name)) continue;
    const kind = ownedKindOf(n.formula);
    if (kind) return kind;
  }
  return undefined;
}

/** Queues the marks of these sheets; after the sync, the function gives each sheet's kind by id. */
export function queueMarks(ctx: Excel.RequestContext, sheets: readonly { id: string }[]): () => Map<string, OwnedKind> {
  const queued = sheets.map((s) => ({ id: s.id, names: queueMarkLoad(ctx.workbook.worksheets.getItem(s.id)) }));
  return () => {
    const out = new Map<string, OwnedKind>();
    for (const q of queued) {
      const kind = markOf(q.names);
      if (kind) out.set(q.id, kind);
    }
    return out;
  };
}

/** Marks a sheet the add-in has just made as its sheet of that kind: hidden from Name Manager's users. */
export function queueMark(ws: Excel.Worksheet, kind: OwnedKind): void {
  const mark = ws.names.add(OWNED_MARK, ownedMarkFormula(kind));
  mark.visible = false;
}
