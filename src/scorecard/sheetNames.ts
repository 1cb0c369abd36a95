/**
 * The names the add-in prefers for its sheets. The port's OWNED_SHEETS names the sheets every host
 * rebuilds; the add-in (and the workbench) add the reviewers' Flags sheet and the hidden undo backup.
 * Names only: a sheet is the add-in's when it carries the mark of ownedIdentity.ts, whatever it is called.
 */
import { OWNED_SHEETS } from '../workbook/grid';

export const ADDIN_SHEETS = {
  ...OWNED_SHEETS,
  /** Reviewers' manual flags: kept, never rebuilt, because people type comments into it. */
  flags: 'Flags',
  /** Hidden mirror of the cells the last Recalculate changed, for Undo. */
  undo: 'Scorecard undo',
} as const;
