/**
 * What the workbench holds that is not downloaded: reviewers' flags and saved rules live in the opened
 * package in this tab until the rated workbook is downloaded, so opening another or closing the tab would
 * lose them. Pure, so the words are tested without a browser.
 */
export interface UnsavedWork {
  flags: number;
  rules: boolean;
}

export const NOTHING_UNSAVED: UnsavedWork = { flags: 0, rules: false };

/** "2 clinic flags and rule changes", or null when there is nothing to lose. */
export function unsavedWords(w: UnsavedWork): string | null {
  const parts = [w.flags ? `${w.flags} clinic flag${w.flags === 1 ? '' : 's'}` : '', w.rules ? 'rule changes' : ''].filter(Boolean);
  return parts.length ? parts.join(' and ') : null;
}
