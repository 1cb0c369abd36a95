/**
 * The sheets the add-in keeps in a workbook. The port's OWNED_SHEETS names the sheets every
 * host rebuilds; the add-in (and the workbench) add the reviewers' Flags sheet and the hidden undo backup.
 */
import { OWNED_SHEETS } from '../workbook/grid';

export const ADDIN_SHEETS = {
  ...OWNED_SHEETS,
  /** Reviewers' manual flags: kept, never rebuilt, because people type comments into it. */
  flags: 'Flags',
  /** Hidden mirror of the cells the last Recalculate changed, for Undo. */
  undo: 'Scorecard undo',
} as const;

const ADDIN_NAMES = new Set(Object.values(ADDIN_SHEETS).map((n) => n.toLowerCase()));

/** True for a sheet the add-in made: never rated as a scorecard. Excel compares sheet names without case. */
export function isAddinSheet(name: string): boolean {
  return ADDIN_NAMES.has(name.toLowerCase());
}
