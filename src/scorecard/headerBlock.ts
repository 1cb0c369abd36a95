import type { Period } from '../engine/types';
import type { ColumnRole } from './columns';

/** One header block: the header rows and the measure rows under them, with its column map. */
export interface HeaderBlock {
  /** 0-based rows of the header (the main header row first). */
  headerRows: number[];
  /** 0-based rows of the measures in this block. */
  firstRow: number;
  lastRow: number;
  columns: Partial<Record<ColumnRole, number>>;
  periods: { col: number; period: Period }[];
  priority: string;
  /**
   * Status columns of other periods beside the chosen one ("Q1 status" left of "Q2 status"): someone's
   * record of earlier ratings, never written.
   */
  otherStatusColumns?: number[];
}
