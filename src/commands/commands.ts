/**
 * Ribbon commands, run without the task pane. Recalculate rates the active sheet; when it cannot, a small
 * dialog says why, since a function command has no pane to show a message in. Kept thin: the work is in
 * src/excel.
 */
import { createOfficeHost } from '../excel/officeHost';

/** Shows one sentence in a small dialog (message.html reads it from the query string). */
function tell(text: string): Promise<void> {
  const url = new URL('message.html', window.location.href);
  url.searchParams.set('text', text);
  return new Promise((resolve) => {
    Office.context.ui.displayDialogAsync(url.toString(), { height: 25, width: 35, displayInIframe: true }, () => resolve());
  });
}

async function recalculate(event: Office.AddinCommands.Event): Promise<void> {
  try {
    await createOfficeHost().recalculate();
  } catch (e) {
    await tell(e instanceof Error ? e.message : String(e));
  } finally {
    event.completed();
  }
}

Office.onReady(() => {
  Office.actions.associate('recalculate', recalculate);
});
