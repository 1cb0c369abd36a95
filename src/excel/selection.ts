/**
 * Follows the user's selection for the pane's explanation panel: one handler on the worksheet collection
 * (ExcelApi 1.9, the add-in's minimum) covers every sheet, including sheets added later.
 */
import type { SelectedRow, SelectionListener } from '../app/host';

/** The first row of a selection address: "C12", "A12:Z12", "12:15", "C:C" (row 1), "A1:B2,D5". 1-based; null when unreadable. */
export function firstSelectedRow(address: string): number | null {
  const bang = address.lastIndexOf('!');
  const first = (bang >= 0 ? address.slice(bang + 1) : address).split(',')[0].split(':')[0].trim().replace(/\$/g, '');
  const cell = /^[A-Za-z]{0,3}(\d+)$/.exec(first);
  if (cell) return Number(cell[1]);
  return /^[A-Za-z]{1,3}$/.test(first) ? 1 : null;
}

/** What subscribing needs from Office: running a batch, and re-entering the context a handler was added in. */
export interface SelectionRuntime {
  run<T>(batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T>;
  /** Excel.run(context, batch): an event handler can only be removed in the context that added it. */
  runIn<T>(context: Excel.RequestContext, batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T>;
}

type Handler = OfficeExtension.EventHandlerResult<Excel.WorksheetSelectionChangedEventArgs>;

/**
 * Calls `listener` with the sheet's name and first row on every selection change; `onError` hears why
 * listening failed (the pane then simply does not follow the selection). Returns the function that stops.
 */
export function followSelection(runtime: SelectionRuntime, listener: SelectionListener, onError: (e: unknown) => void): () => void {
  let handler: Handler | null = null;
  let stopped = false;
  let latest = 0;

  const changed = async (args: Excel.WorksheetSelectionChangedEventArgs): Promise<void> => {
    const row = firstSelectedRow(args.address);
    if (row === null || stopped) return;
    // The event names the sheet by id; its name is what the rated rows carry (and it may have been renamed).
    const ticket = ++latest;
    try {
      const name = await runtime.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem(args.worksheetId);
        ws.load('name');
        await ctx.sync();
        return ws.name;
      });
      // A quicker later click wins: only the newest selection is shown.
      if (!stopped && ticket === latest) listener({ sheet: name, row } satisfies SelectedRow);
    } catch (e) {
      onError(e);
    }
  };

  const removeHandler = (h: Handler): void => {
    runtime
      .runIn(h.context as Excel.RequestContext, async (ctx) => {
        h.remove();
        await ctx.sync();
      })
      .catch(onError);
  };

  runtime
    .run(async (ctx) => {
      const h = ctx.workbook.worksheets.onSelectionChanged.add(changed);
      await ctx.sync();
      return h;
    })
    .then((h) => {
      handler = h;
      if (stopped) removeHandler(h);
    })
    .catch(onError);

  return () => {
    if (stopped) return;
    stopped = true;
    if (handler) removeHandler(handler);
  };
}
