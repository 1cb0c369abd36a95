/** Undo last recalculation: the saved copy goes back over exactly the cells the last Recalculate wrote. */
import type { UndoOutcome } from '../app/host';
import { AddinError } from './errors';
import { HISTORY_HEADERS } from '../scorecard/history';
import type { UndoRecord } from './recalculate';
import type { OperationOptions } from './shared';
import { ADDIN_SHEETS } from '../scorecard/sheetNames';
import { queueMarks } from './ownedMarks';
import { SETTING_KEYS } from './settingKeys';
import { payloadSize, WriteBatch } from './writeBatch';

/** Undo last recalculation: copies the saved cells back, removes the run's history rows and the undo copy. */
export async function undoLastRecalculation(ctx: Excel.RequestContext, options: OperationOptions = {}): Promise<UndoOutcome> {
  const wb = ctx.workbook;
  const sheets = wb.worksheets;
  sheets.load('items/id,items/name');
  const setting = wb.settings.getItemOrNullObject(SETTING_KEYS.undo);
  setting.load('value');
  await ctx.sync();
  if (setting.isNullObject) throw new AddinError('There is no recalculation to undo in this workbook.');
  const record = JSON.parse(String(setting.value)) as UndoRecord;
  const target = sheets.items.find((s) => s.id === record.sheetId);
  if (!target) throw new AddinError(`The sheet rated last ("${record.sheet}") is no longer in this workbook, so its recalculation cannot be undone.`);

  // The undo copy and the history are the sheets marked so, whatever they are called now.
  const marks = queueMarks(ctx, sheets.items);
  target.protection.load('protected');
  wb.protection.load('protected');
  await ctx.sync();
  const kinds = marks();
  const undoWs = sheets.items.find((s) => kinds.get(s.id) === 'undo');
  if (!undoWs) throw new AddinError(`The hidden '${ADDIN_SHEETS.undo}' sheet is missing, so the last recalculation cannot be undone.`);
  const historyWs = sheets.items.find((s) => kinds.get(s.id) === 'history');
  if (target.protection.protected) throw new AddinError(`The sheet "${target.name}" is protected: unprotect it to undo the recalculation. Nothing was changed.`);
  if (wb.protection.protected) throw new AddinError('The workbook structure is protected, so the undo copy cannot be removed: unprotect it and try again. Nothing was changed.');

  const batch = new WriteBatch(ctx, options.writeBudget);
  for (const a of record.areas) {
    await batch.reserve(payloadSize(a) * 2);
    target.getRange(a).copyFrom(undoWs.getRange(a), 'All');
  }
  if (record.history && historyWs) {
    await batch.reserve(200);
    historyWs.getRangeByIndexes(record.history.first - 1, 0, record.history.last - record.history.first + 1, HISTORY_HEADERS.length).clear();
  }
  undoWs.delete();
  wb.settings.getItem(SETTING_KEYS.undo).delete();
  await batch.flush();
  return { sheet: target.name, cells: record.cells };
}

