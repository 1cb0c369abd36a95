/** The workbook settings (stored in the file, per add-in) the add-in keeps. */
export const SETTING_KEYS = {
  /** Where the last Recalculate's backup is and what it covers (UndoRecord as JSON). */
  undo: 'scorecard.undo',
  /** The id of the sheet last rated, so Build summary still finds it (renamed or not) while the Summary sheet is active. */
  lastSheet: 'scorecard.lastSheet',
} as const;
