import type { StatusWords } from './explain';
import type { RatingRules } from './rules';
import type { Finding, MonthIndex, StatusKey } from './types';

export interface RateContext {
  /** Last month of the reporting period: the newest period column of the sheet. */
  reportingEnd: MonthIndex;
  rules: RatingRules;
  /** The sheet's own status key, to read the current status cell. */
  key?: Partial<Record<StatusKey, string>>;
  /** What the direction of travel compares with, when the sheet's DOT header says so ("Month on Month"). */
  dotBasis?: RatingRules['dotBasis'];
  /** The words explanations use for statuses (Green, Amber, Red on a RAG sheet). */
  statusWords?: StatusWords;
}

/** What the rules found for a row, and the status it gives, before any words are written. */
export interface Judged {
  finding: Finding;
  status: StatusKey;
}
