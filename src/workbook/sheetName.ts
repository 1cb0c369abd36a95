/**
 * Sheet names as Excel compares them: without regard to case, so "Scorecard" and "SCORECARD" cannot stand
 * side by side and either finds the sheet. Every lookup of a sheet (or a table, named the same way) by a name
 * a person typed or a run remembered goes through here.
 */

/** The form two names share when Excel takes them for one: `sheetKey('Q2 Data') === sheetKey('q2 data')`. */
export function sheetKey(name: string): string {
  return name.toLowerCase();
}

/** True when Excel takes the two names for the same sheet. */
export function sameSheetName(a: string, b: string): boolean {
  return sheetKey(a) === sheetKey(b);
}

/**
 * The sheet of that name as Excel finds one: the exact spelling first, then without regard to case.
 * `findSheet(grids, 'scorecard')` finds the sheet called "Scorecard".
 */
export function findSheet<T extends { name: string }>(sheets: readonly T[], name: string): T | undefined {
  return sheets.find((s) => s.name === name) ?? sheets.find((s) => sameSheetName(s.name, name));
}

/**
 * The table names in use on sheets other than `replacing` (which is about to go with its tables), in
 * sheetKey form: Excel compares table names without case too, and a new table must not take one of them.
 */
export function tableNamesOutside(tables: readonly { name: string; sheet: string }[], replacing: string | undefined): Set<string> {
  return new Set(tables.filter((t) => replacing === undefined || !sameSheetName(t.sheet, replacing)).map((t) => sheetKey(t.name)));
}
