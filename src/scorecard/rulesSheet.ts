/**
 * The Scorecard rules sheet, written and read back: every rule of the rule table with its value, name and
 * help, then the status and direction-of-travel symbols. Every value is read by the rule table's own parse,
 * so a cell means what `--rule` and the Rules panel mean by the same text. Pure: no ExcelJS, no Office.
 */
import { isPercentFormat } from '../engine/numbers';
import { DEFAULT_DOT_SYMBOLS, DEFAULT_SYMBOLS, defaultRules, DOT_FONTS, STATUS_FILLS, STATUS_FONTS } from '../engine/rules';
import type { RatingRules } from '../engine/rules';
import { applyRuleText, formatRule, RULE_KEYS, ruleHelp, RULES } from '../engine/ruleTable';
import type { ScalarRuleKey, ScalarRules } from '../engine/ruleTable';
import { SYMBOL_RULE, symbolKey, symbolName } from '../engine/symbolRules';
import type { SymbolKey } from '../engine/symbolRules';
import { DOT_KEYS, DOT_LABELS, STATUS_KEYS, STATUS_LABELS } from '../engine/types';
import { cellAddress, OWNED_SHEETS, quoteSheetName } from '../workbook/grid';
import type { CellValue, ContentCell, SheetContent, SheetGrid } from '../workbook/grid';
import { HEADER, NOTE, text } from './sheetStyles';

const RULES_NOTE = 'The rating rules used for this workbook. Change a value and rate again: the rest of this sheet is rebuilt on every run.';

/** Digits after the point that a percentage needs, so 2.5% is not shown as 3%. */
function percentFormat(fraction: number): string {
  const decimals = (String(Number((fraction * 100).toPrecision(12))).split('.')[1] ?? '').length;
  return decimals > 0 ? `0.${'0'.repeat(decimals)}%` : '0%';
}

/** A rule's value cell: a percentage is a number formatted as one, as Excel keeps 2.5%; the rest as typed. */
function valueCell<K extends ScalarRuleKey>(key: K, value: ScalarRules[K]): ContentCell {
  if (typeof value === 'number') return RULES[key].kind === 'percentage' ? { value, style: { numberFormat: percentFormat(value) } } : { value };
  return text(formatRule(key, value));
}

export function buildRulesSheet(rules: RatingRules): SheetContent {
  const rows: (ContentCell | null)[][] = [[text(RULES_NOTE, NOTE)], []];
  const header = rows.push([text('Key', HEADER), text('Value', HEADER), text('Setting', HEADER), text('What it does', HEADER)]) - 1;
  for (const k of RULE_KEYS) rows.push([text(k), valueCell(k, rules[k]), text(RULES[k].name), text(ruleHelp(k), { wrap: true })]);
  for (const k of STATUS_KEYS) {
    rows.push([
      text(`symbols.${k}`),
      text(rules.symbols[k], { fill: STATUS_FILLS[k], fontColor: STATUS_FONTS[k], horizontalAlignment: 'center' }),
      text(`Status symbol: ${STATUS_LABELS[k]}`),
      text(`Written into the Overall status column for measures that ${k === 'needs-review' ? 'need review' : `are ${STATUS_LABELS[k].toLowerCase()}`}.`),
    ]);
  }
  for (const k of DOT_KEYS) {
    rows.push([
      text(`dotSymbols.${k}`),
      text(rules.dotSymbols[k], { fontColor: DOT_FONTS[k], horizontalAlignment: 'center' }),
      text(`Direction of travel symbol: ${DOT_LABELS[k]}`),
      text(`Written into the DOT column when the direction of travel is ${DOT_LABELS[k].toLowerCase()}.`),
    ]);
  }
  return {
    name: OWNED_SHEETS.rules,
    ownedKind: 'rules',
    rows,
    columnWidths: [30, 24, 44, 90],
    tables: [{ name: 'ScorecardRules', range: { top: header, left: 0, bottom: rows.length - 1, right: 3 } }],
  };
}

/** A cell reference people recognise in a message: 'Scorecard rules'!B5. */
function where(grid: SheetGrid, row: number, col: number): string {
  return `${quoteSheetName(grid.name)}!${cellAddress(row, col)}`;
}

/**
 * A cell's value as the text the rule reads. A number Excel shows as a percentage is read as that
 * percentage ("2.5%"), so a points rule typed as 2.5% in Excel is refused as the same text would be.
 */
function cellText(v: CellValue | undefined, numberFormat: string | null | undefined): string | null {
  if (v === null || v === undefined || v instanceof Date) return null;
  if (typeof v === 'string') return v.trim() === '' ? null : v.trim();
  if (typeof v === 'number' && isPercentFormat(numberFormat)) return `${Number((v * 100).toPrecision(12))}%`;
  return String(v);
}

function findHeader(grid: SheetGrid): { row: number; key: number; value: number } | null {
  for (let r = 0; r < grid.values.length; r++) {
    const cells = (grid.values[r] ?? []).map((v) => (typeof v === 'string' ? v.trim().toLowerCase() : ''));
    const key = cells.indexOf('key');
    const value = cells.indexOf('value');
    if (key >= 0 && value >= 0) return { row: r, key, value };
  }
  return null;
}

/** Two statuses (or directions) given one symbol would make a rated sheet ambiguous to read back. */
function sharedSymbols(rules: RatingRules, cells: Map<string, string>): string[] {
  const errors: string[] = [];
  const sets: SymbolKey[][] = [STATUS_KEYS.map((key) => ({ set: 'symbols', key })), DOT_KEYS.map((key) => ({ set: 'dotSymbols', key }))];
  for (const keys of sets) {
    const owner = new Map<string, SymbolKey>();
    for (const s of keys) {
      const sym = s.set === 'symbols' ? rules.symbols[s.key] : rules.dotSymbols[s.key];
      const other = owner.get(sym);
      const at = cells.get(`${s.set}.${s.key}`) ?? (other && cells.get(`${other.set}.${other.key}`));
      if (other) errors.push(`${at}: symbol "${sym}" is used for both ${symbolName(other)} and ${symbolName(s)}`);
      owner.set(sym, s);
    }
  }
  return errors;
}

/**
 * Reads a Scorecard rules sheet back into settings. Blank values keep the default; anything that cannot
 * be used is an error naming the sheet, the cell and the rule, so a typo never silently rates with another rule.
 */
export function readRulesSheet(grid: SheetGrid): { rules: Partial<RatingRules>; errors: string[] } {
  const header = findHeader(grid);
  if (!header) return { rules: {}, errors: [`${quoteSheetName(grid.name)}: no header row with "Key" and "Value" columns`] };
  const errors: string[] = [];
  const out: Partial<RatingRules> = {};
  const symbols = defaultRules();
  const seen = new Map<string, string>();
  const symbolCells = new Map<string, string>();

  for (let r = header.row + 1; r < grid.values.length; r++) {
    const key = cellText(grid.values[r]?.[header.key], null);
    if (key === null) continue;
    const at = where(grid, r, header.value);
    const earlier = seen.get(key);
    if (earlier) {
      errors.push(`${at}: rule "${key}" is already set at ${earlier}`);
      continue;
    }
    seen.set(key, at);
    const raw = grid.values[r]?.[header.value];
    const value = cellText(raw, grid.numberFormats?.[r]?.[header.value]);
    if (value === null) {
      if (raw instanceof Date) errors.push(`${at}: rule "${key}" holds a date, not a setting`);
      continue;
    }
    const sym = symbolKey(key);
    if (sym === null) {
      const error = applyRuleText(out, key, value, at);
      if (error) errors.push(error);
    } else if ('problem' in sym) {
      errors.push(`${at}: ${sym.problem}`);
    } else {
      const parsed = SYMBOL_RULE.parse(value);
      if (!parsed.ok) errors.push(`${at}: rule "${key}" ${parsed.problem}`);
      else if (sym.set === 'symbols') symbols.symbols[sym.key] = parsed.value;
      else symbols.dotSymbols[sym.key] = parsed.value;
      symbolCells.set(key, at);
    }
  }

  errors.push(...sharedSymbols(symbols, symbolCells));
  if (STATUS_KEYS.some((k) => symbols.symbols[k] !== DEFAULT_SYMBOLS[k])) out.symbols = symbols.symbols;
  if (DOT_KEYS.some((k) => symbols.dotSymbols[k] !== DEFAULT_DOT_SYMBOLS[k])) out.dotSymbols = symbols.dotSymbols;
  return { rules: out, errors };
}
