/**
 * Turns what Excel or the core throws into one sentence an officer can act on. Every operation checks what
 * it can before writing (protection, the sheet still there), so these messages also say nothing was written
 * when that is true.
 */
import { ScorecardError } from '../scorecard/types';

/** An error whose message is already meant for the person using the add-in. */
export class AddinError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'AddinError';
  }
}

interface OfficeLikeError {
  code?: unknown;
  message?: unknown;
  debugInfo?: { errorLocation?: unknown };
}

function officeCode(e: unknown): string | undefined {
  if (typeof e !== 'object' || e === null) return undefined;
  const code = (e as OfficeLikeError).code;
  return typeof code === 'string' ? code : undefined;
}

/** Codes Excel uses when a sheet or the workbook structure is protected. */
const PROTECTED = new Set(['AccessDenied', 'InsertDeleteConflict']);

/** True for the payload errors the adapter answers by reading or writing in smaller pieces. */
export function isPayloadError(e: unknown): boolean {
  const code = officeCode(e);
  return code === 'RequestPayloadSizeLimitExceeded' || code === 'ResponsePayloadSizeLimitExceeded' || code === 'PayloadTooLarge';
}

/** One clear sentence for any error, naming the sheet when known. */
export function describeError(e: unknown, sheet?: string): string {
  if (e instanceof AddinError) return e.message;
  if (e instanceof ScorecardError) {
    const where = [e.where.sheet ? `sheet "${e.where.sheet}"` : '', e.where.cell ? `cell ${e.where.cell}` : ''].filter(Boolean).join(', ');
    return `${where ? `${where}: ` : ''}${e.message}`;
  }
  const code = officeCode(e);
  const onSheet = sheet ? `"${sheet}"` : 'the sheet';
  if (code === 'InvalidOperationInCellEditMode' || (code === 'InvalidOperation' && /edit/i.test(String((e as OfficeLikeError).message)))) {
    return 'A cell is being edited: press Enter or Esc to finish editing, then try again. Nothing was changed.';
  }
  if (code && PROTECTED.has(code)) {
    return `${onSheet} or the workbook structure is protected: unprotect it (Review > Unprotect Sheet or Protect Workbook) and try again.`;
  }
  if (code === 'ItemNotFound') {
    return `${onSheet} was renamed, moved or deleted while the add-in was working: nothing more was written. Select the scorecard sheet and try again.`;
  }
  if (isPayloadError(e)) return 'The sheet is too large for Excel to send in one piece, even in parts. Try rating a smaller sheet.';
  if (code === 'ApiNotFound') return 'This version of Excel does not have an API the add-in needs: update Excel and try again.';
  const message = e instanceof Error ? e.message : typeof (e as OfficeLikeError)?.message === 'string' ? String((e as OfficeLikeError).message) : String(e);
  return code ? `Excel refused the change (${code}): ${message}` : message;
}
