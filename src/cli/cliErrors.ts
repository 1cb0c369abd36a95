/**
 * The two kinds of expected failure of the command line and how each is printed: a command line the tool
 * does not understand (exit 2), and input it cannot use (exit 1), named after the file, sheet and cell.
 */
import { ScorecardError } from '../scorecard/types';
import type { Location } from '../scorecard/types';

export const EXIT_OK = 0;
export const EXIT_BAD_INPUT = 1;
export const EXIT_USAGE = 2;

/** A command line the tool does not understand. */
export class UsageError extends Error {}

/** Bad input found while rating: printed as one line naming the file, and the sheet and cell when known. */
export class InputError extends Error {
  constructor(
    message: string,
    readonly where: Location,
  ) {
    super(message);
  }
}

export function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

/** "file, sheet "S", cell B2, ref 1.A1": as much of the place as is known. */
export function describe(where: Location, file: string): string {
  const parts = [where.file || file];
  if (where.sheet) parts.push(`sheet "${where.sheet}"`);
  if (where.cell) parts.push(`cell ${where.cell}`);
  if (where.ref) parts.push(`ref ${where.ref}`);
  return parts.join(', ');
}

/** Bad input from the workbook or the engine, named after the input file as the user typed it. */
export function asInputError(e: unknown, file: string): unknown {
  if (e instanceof InputError) return e.where.file ? e : new InputError(e.message, { ...e.where, file });
  if (e instanceof ScorecardError) return new InputError(e.message, { ...e.where, file: e.where.file || file });
  return e;
}

/**
 * The one line a failure prints (without the "scorecard: " prefix). An unexpected error still gets one line;
 * its stack is for SCORECARD_DEBUG only, as a person cannot act on it.
 */
export function failureLine(e: unknown, file: string): string {
  if (e instanceof UsageError) return `${oneLine(e.message)} (see scorecard --help)`;
  if (e instanceof InputError) return `${describe(e.where, file)}: ${oneLine(e.message)}`;
  const message = e instanceof Error ? e.message : String(e);
  return `${file ? `${file}: ` : ''}unexpected error: ${oneLine(message)}`;
}

export function exitCodeFor(e: unknown): number {
  return e instanceof UsageError ? EXIT_USAGE : EXIT_BAD_INPUT;
}
