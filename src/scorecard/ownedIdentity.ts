/**
 * Which sheets the tool made, told by a mark the sheet carries rather than by its name: a sheet-scoped,
 * hidden defined name `ScorecardOwnedSheet` whose value is a text constant naming its kind. In the package:
 *
 *   <definedName name="ScorecardOwnedSheet" localSheetId="N" hidden="1">"summary"</definedName>
 *
 * Excel keeps a sheet's scoped names when the sheet is renamed (and deletes them with the sheet), so a tool
 * sheet renamed "My summary" is still found, and a user's own sheet called "Summary" never has the mark and
 * is never replaced. Every host (office-js, ExcelJS, the package writer) reads and writes the same mark. Pure.
 */
import type { OwnedKind } from '../workbook/grid';
import { sameSheetName, sheetKey } from '../workbook/sheetName';
import { ADDIN_SHEETS } from './sheetNames';
import type { Warning } from './types';

export type { OwnedKind } from '../workbook/grid';

/** The defined name that marks a tool sheet. Excel compares defined names without case. */
export const OWNED_MARK = 'ScorecardOwnedSheet';

/** Every kind, in the order a workbook gets them. */
export const OWNED_KINDS: readonly OwnedKind[] = ['summary', 'red-flags', 'rules', 'history', 'undo', 'flags'];

/** The name each sheet gets when no sheet holds it yet. */
export const PREFERRED_SHEET_NAMES: Readonly<Record<OwnedKind, string>> = {
  summary: ADDIN_SHEETS.summary,
  'red-flags': ADDIN_SHEETS.redFlags,
  rules: ADDIN_SHEETS.rules,
  history: ADDIN_SHEETS.history,
  undo: ADDIN_SHEETS.undo,
  flags: ADDIN_SHEETS.flags,
};

/** The name each sheet gets when a user's sheet holds the preferred one: plainly the tool's. */
const SCORECARD_NAMES: Readonly<Record<OwnedKind, string>> = {
  summary: 'Scorecard summary',
  'red-flags': 'Scorecard red flags',
  rules: 'Scorecard rules',
  history: 'Scorecard history',
  undo: 'Scorecard undo',
  flags: 'Scorecard flags',
};

/** What each sheet holds, for messages, with its verb. */
const WHAT: Readonly<Record<OwnedKind, string>> = {
  summary: 'the summary is',
  'red-flags': 'the red flags are',
  rules: 'the rating rules are',
  history: 'the rating history is',
  undo: 'the undo copy is',
  flags: "the reviewers' flags are",
};

/** Excel's limit on a sheet name, and the characters it refuses in one. */
export const MAX_SHEET_NAME = 31;
const FORBIDDEN_IN_SHEET_NAME = /[[\]:*?/\\]/;

/** True for a name Excel accepts for a sheet. */
export function isValidSheetName(name: string): boolean {
  return name.length > 0 && name.length <= MAX_SHEET_NAME && !FORBIDDEN_IN_SHEET_NAME.test(name) && !/^'|'$/.test(name);
}

/** True for the mark's defined name, whatever its case. */
export function isOwnedMarkName(name: unknown): boolean {
  return typeof name === 'string' && name.trim().toLowerCase() === OWNED_MARK.toLowerCase();
}

/**
 * The kind a mark's value names: the formula office-js gives (`="summary"`), the package's text (`"summary"`)
 * or the bare value (`summary`), whatever the case and the spaces around. Null for anything else.
 */
export function ownedKindOf(value: unknown): OwnedKind | null {
  if (typeof value !== 'string') return null;
  let s = value.trim();
  if (s.startsWith('=')) s = s.slice(1).trim();
  if (s.length >= 2 && s.startsWith('"') && s.endsWith('"')) s = s.slice(1, -1);
  const kind = s.trim().toLowerCase();
  return (OWNED_KINDS as readonly string[]).includes(kind) ? (kind as OwnedKind) : null;
}

/** The mark's value as the package stores it: a quoted text constant, `"summary"`. */
export function ownedMarkValue(kind: OwnedKind): string {
  return `"${kind}"`;
}

/** The mark's value as office-js takes it (NamedItemCollection.add): the formula `="summary"`. */
export function ownedMarkFormula(kind: OwnedKind): string {
  return `=${ownedMarkValue(kind)}`;
}

/**
 * The tool's sheet of a kind: the first in tab order that carries its mark. A copy of a tool sheet (Excel
 * copies the mark with it) is the tool's too, but only the first is read and rebuilt.
 */
export function ownedSheet<T extends { ownedKind?: OwnedKind }>(sheets: readonly T[], kind: OwnedKind): T | undefined {
  return sheets.find((s) => s.ownedKind === kind);
}

/** The user's sheets: every sheet without a mark. */
export function userSheets<T extends { ownedKind?: OwnedKind }>(sheets: readonly T[]): T[] {
  return sheets.filter((s) => !s.ownedKind);
}

/** The names a sheet of this kind may get, best first: preferred, then the tool's own, then numbered. */
function* candidateNames(kind: OwnedKind): Generator<string> {
  const preferred = PREFERRED_SHEET_NAMES[kind];
  const scorecard = SCORECARD_NAMES[kind];
  yield preferred;
  if (!sameSheetName(scorecard, preferred)) yield scorecard;
  for (let n = 2; ; n++) yield `${scorecard} (${n})`;
}

/**
 * True for a name planOwnedSheetNames may have given a sheet of this kind. Only a guess, for hosts that must
 * choose what to read before they have read the marks; the mark decides.
 */
export function couldBeNamed(kind: OwnedKind, name: string): boolean {
  const n = sheetKey(name.trim());
  const scorecard = sheetKey(SCORECARD_NAMES[kind]);
  return n === sheetKey(PREFERRED_SHEET_NAMES[kind]) || n === scorecard || (n.startsWith(`${scorecard} (`) && /^\(\d+\)$/.test(n.slice(scorecard.length + 1)));
}

export interface OwnedSheetNames {
  names: Record<OwnedKind, string>;
  warnings: Warning[];
}

/**
 * The name each tool sheet goes under. A sheet of the kind that exists (found by its mark) keeps its
 * name, renamed or not; a new one takes its preferred name when no sheet holds it (without regard to case,
 * as Excel compares sheet names), else "Scorecard summary" and so on, then "Scorecard summary (2)". Each
 * time a user's sheet holds the preferred name, a warning says that sheet is kept and where the tool's is.
 * The kinds wanted are planned first and in order; the others get names too, so that every name is free.
 */
export function planOwnedSheetNames(sheets: readonly { name: string; ownedKind?: OwnedKind }[], wanted: readonly OwnedKind[]): OwnedSheetNames {
  const taken = new Set(sheets.map((s) => sheetKey(s.name)));
  const names = {} as Record<OwnedKind, string>;
  const warnings: Warning[] = [];
  const order = [...new Set([...wanted, ...OWNED_KINDS])];
  for (const kind of order) {
    const existing = ownedSheet(sheets, kind);
    let name = existing?.name;
    if (name === undefined) {
      for (const candidate of candidateNames(kind)) {
        if (!taken.has(sheetKey(candidate))) {
          name = candidate;
          break;
        }
      }
      name = name as string;
      taken.add(sheetKey(name));
    }
    names[kind] = name;
    const users = wanted.includes(kind) ? sheets.find((s) => !s.ownedKind && sameSheetName(s.name, PREFERRED_SHEET_NAMES[kind])) : undefined;
    if (users) warnings.push({ message: `your sheet "${users.name}" is kept; ${WHAT[kind]} on "${name}"`, where: { sheet: users.name }, keptSheet: users.name });
  }
  return { names, warnings };
}
