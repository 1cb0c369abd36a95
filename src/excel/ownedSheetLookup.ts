/**
 * Finds the add-in's sheet of one kind, by its mark, for the operations that read nothing else (the Rules
 * panel, the flags list): the sheet list, then every sheet's mark in one round trip with a read of the sheet
 * its name suggests, so the usual case costs what a lookup by name did. A renamed sheet costs one more.
 */
import { couldBeNamed, ownedSheet } from '../scorecard/ownedIdentity';
import type { OwnedKind } from '../scorecard/ownedIdentity';
import { queueMarks } from './ownedMarks';

export interface MarkedSheet {
  id: string;
  name: string;
  position: number;
  visible: boolean;
  ownedKind?: OwnedKind;
}

/**
 * The add-in's sheet of `kind` (absent when the workbook has none) with what `read` queued on it, loaded,
 * and every sheet with its mark, for planning names. `queueMore` adds loads to the first round trip.
 */
export async function findOwnedSheet<T>(
  ctx: Excel.RequestContext,
  kind: OwnedKind,
  read: (ws: Excel.Worksheet) => T,
  queueMore?: () => void,
): Promise<{ sheet?: MarkedSheet; read?: T; sheets: MarkedSheet[] }> {
  const worksheets = ctx.workbook.worksheets;
  worksheets.load('items/id,items/name,items/position,items/visibility');
  queueMore?.();
  await ctx.sync();
  const sheets: MarkedSheet[] = worksheets.items.map((ws) => ({ id: ws.id, name: ws.name, position: ws.position, visible: ws.visibility === 'Visible' }));
  const marks = queueMarks(ctx, sheets);
  const guessed = sheets.filter((s) => couldBeNamed(kind, s.name)).map((s) => ({ id: s.id, read: read(worksheets.getItem(s.id)) }));
  await ctx.sync();
  const kinds = marks();
  for (const s of sheets) {
    const k = kinds.get(s.id);
    if (k) s.ownedKind = k;
  }
  const sheet = ownedSheet(sheets, kind);
  if (!sheet) return { sheets };
  const hit = guessed.find((g) => g.id === sheet.id);
  if (hit) return { sheet, read: hit.read, sheets };
  const late = read(worksheets.getItem(sheet.id));
  await ctx.sync();
  return { sheet, read: late, sheets };
}
