/**
 * A reviewer's flag before any host writes it: what the person typed, checked, and the rated measure it is
 * for. Every host asks the same questions with the same words; only where the Flags sheet lives differs.
 */
import { sameRef } from '../scorecard/manualFlags';
import type { RatedRow, WorkbookRating } from '../scorecard/types';
import type { FlagInput } from './host';

/**
 * The flag as typed, trimmed; throws (before anything is read) when the ref or the comment is missing.
 * `checkedFlag({ ref: ' 1.A1 ', comment: 'Why?', by: '' })` gives `{ ref: '1.A1', comment: 'Why?', by: '' }`.
 */
export function checkedFlag(input: FlagInput): FlagInput {
  const ref = input.ref.trim();
  const comment = input.comment.trim();
  if (!ref) throw new Error('Give the ref of the measure to flag.');
  if (!comment) throw new Error('Say why the measure is flagged: the comment is what the clinic will read.');
  return { ref, comment, by: input.by };
}

/** The rated row with that ref (spaces and case aside), or an error that says where to look. */
export function flaggedRow(rating: WorkbookRating, ref: string): RatedRow {
  const row = rating.sheets.flatMap((s) => s.rows).find((r) => sameRef(r.measure.ref, ref));
  if (!row) throw new Error(`No measure with ref "${ref}" on ${rating.sheets.map((s) => `"${s.sheet}"`).join(', ')}: check the ref in the scorecard's Ref column.`);
  return row;
}
