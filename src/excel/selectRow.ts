/** Activates a sheet and selects a row (1-based), for "go to" links in the pane. */
export async function selectRow(ctx: Excel.RequestContext, sheet: string, row: number): Promise<void> {
  const ws = ctx.workbook.worksheets.getItem(sheet);
  ws.activate();
  ws.getRange(`${row}:${row}`).select();
  await ctx.sync();
}
