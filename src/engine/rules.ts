import { ruleDefaults } from './ruleTable';
import type { ScalarRules } from './ruleTable';
import type { DotKey, StatusKey } from './types';

/**
 * Every setting of the rating rules. The scalar settings, their types and defaults are the rule table's
 * (ruleTable.ts), from which the Rules sheet, the task pane panel and the command-line flags are made.
 */
export interface RatingRules extends ScalarRules {
  /** Symbols written into the status column. A workbook's own key, when found, wins. */
  symbols: Record<StatusKey, string>;
  /** Symbols written into the DOT column. */
  dotSymbols: Record<DotKey, string>;
}

export const DEFAULT_SYMBOLS: Record<StatusKey, string> = {
  'on-target': '✔',
  satisfactory: '●',
  'off-target': '✘',
  'under-development': '◐',
  'not-applicable': '□',
  'not-available': '■',
  'needs-review': '?',
};

export const DEFAULT_DOT_SYMBOLS: Record<DotKey, string> = {
  improved: '▲',
  stable: '►',
  worse: '▼',
  increase: '↑',
  decrease: '↓',
  'not-applicable': '–',
};

export const DEFAULT_RULES: RatingRules = { ...ruleDefaults(), symbols: DEFAULT_SYMBOLS, dotSymbols: DEFAULT_DOT_SYMBOLS };

/** Fill colours (hex RGB) per status and DOT, always paired with a symbol and a word. */
export const STATUS_FILLS: Record<StatusKey, string> = {
  'on-target': 'C6EFCE',
  satisfactory: 'FFEB9C',
  'off-target': 'FFC7CE',
  'under-development': 'E4DFEC',
  'not-applicable': 'EDEDED',
  'not-available': 'DDEBF7',
  'needs-review': 'FCE4D6',
};

export const STATUS_FONTS: Record<StatusKey, string> = {
  'on-target': '006100',
  satisfactory: '9C5700',
  'off-target': '9C0006',
  'under-development': '5B3A7A',
  'not-applicable': '404040',
  'not-available': '1F4E78',
  'needs-review': '833C0B',
};

export const DOT_FONTS: Record<DotKey, string> = {
  improved: '006100',
  stable: '7F6000',
  worse: '9C0006',
  increase: '404040',
  decrease: '404040',
  'not-applicable': '808080',
};

/** A fresh copy of the defaults, safe to change. */
export function defaultRules(): RatingRules {
  return { ...DEFAULT_RULES, symbols: { ...DEFAULT_SYMBOLS }, dotSymbols: { ...DEFAULT_DOT_SYMBOLS } };
}
