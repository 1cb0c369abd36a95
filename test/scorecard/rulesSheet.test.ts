/** The Scorecard rules sheet, written and read back through the rule table's one parse. */
import { DEFAULT_RULES, defaultRules } from '../../src/engine/rules';
import { formatRule, RULE_KEYS, RULES } from '../../src/engine/ruleTable';
import { DOT_KEYS, STATUS_KEYS } from '../../src/engine/types';
import { buildRulesSheet, readRulesSheet } from '../../src/scorecard/rulesSheet';
import type { SheetGrid } from '../../src/workbook/grid';
import { OWNED_SHEETS } from '../../src/workbook/grid';
import { contentToGrid } from '../support/workbooks';

function rulesGrid(edit?: (grid: SheetGrid) => void): SheetGrid {
  const content = buildRulesSheet(defaultRules());
  const grid: SheetGrid = { ...contentToGrid(content), numberFormats: content.rows.map((r) => r.map((c) => c?.style?.numberFormat ?? null)) };
  edit?.(grid);
  return grid;
}

function rowOfKey(grid: SheetGrid, key: string): number {
  return grid.values.findIndex((r) => r[0] === key);
}

describe('buildRulesSheet', () => {
  it('lists every rule with its key, value, name and help, then every symbol', () => {
    const sheet = buildRulesSheet(defaultRules());
    expect(sheet.name).toBe(OWNED_SHEETS.rules);
    const byKey = new Map(sheet.rows.map((r) => [r[0]?.value, r]));
    for (const k of RULE_KEYS) {
      const r = byKey.get(k);
      const d = DEFAULT_RULES[k];
      expect(r?.[1]?.value).toBe(typeof d === 'number' ? d : formatRule(k, d));
      expect(r?.[2]?.value).toBe(RULES[k].name);
      expect(String(r?.[3]?.value)).toContain(RULES[k].description);
    }
    for (const k of STATUS_KEYS) expect(byKey.get(`symbols.${k}`)?.[1]?.value).toBe(DEFAULT_RULES.symbols[k]);
    for (const k of DOT_KEYS) expect(byKey.get(`dotSymbols.${k}`)?.[1]?.value).toBe(DEFAULT_RULES.dotSymbols[k]);
  });

  it('writes a percentage as a number Excel shows as one, with the digits it needs', () => {
    const sheet = buildRulesSheet({ ...defaultRules(), tolerance: 0.025, tolerancePointsCap: 0.1 });
    const cell = (k: string) => sheet.rows.find((r) => r[0]?.value === k)?.[1];
    expect(cell('tolerance')).toEqual({ value: 0.025, style: { numberFormat: '0.0%' } });
    expect(cell('tolerancePointsCap')).toEqual({ value: 0.1, style: { numberFormat: '0%' } });
    expect(cell('tolerancePoints')).toEqual({ value: 2.5 });
  });
});

describe('readRulesSheet', () => {
  it('reads its own sheet back to the same rules', () => {
    const rules = { ...defaultRules(), tolerance: 0.05, stabilityBand: 0.0125, strictComparators: true, dotBasis: 'previous-period' as const };
    rules.symbols = { ...rules.symbols, 'on-target': '✓' };
    const { rules: read, errors } = readRulesSheet(contentToGrid(buildRulesSheet(rules)));
    expect(errors).toEqual([]);
    expect({ ...defaultRules(), ...read }).toEqual(rules);
  });

  it('leaves symbols out when they are the defaults', () => {
    const { rules } = readRulesSheet(rulesGrid());
    expect(rules.symbols).toBeUndefined();
    expect(rules.dotSymbols).toBeUndefined();
  });

  it('accepts what people type: percentages, a fraction as Excel keeps one, TRUE, words for a choice, blanks for the default', () => {
    const { rules, errors } = readRulesSheet(
      rulesGrid((g) => {
        g.values[rowOfKey(g, 'tolerance')][1] = '5%';
        g.values[rowOfKey(g, 'tolerancePointsCap')][1] = 0.2;
        g.values[rowOfKey(g, 'strictComparators')][1] = true;
        g.values[rowOfKey(g, 'dotBasis')][1] = 'The previous year end';
        g.values[rowOfKey(g, 'stabilityBand')][1] = null;
      }),
    );
    expect(errors).toEqual([]);
    expect(rules.tolerance).toBe(0.05);
    expect(rules.tolerancePointsCap).toBe(0.2);
    expect(rules.strictComparators).toBe(true);
    expect(rules.dotBasis).toBe('previous-year-end');
    expect(rules.stabilityBand).toBeUndefined();
  });

  it('a points rule typed as 2.5% in Excel (a number shown as a percentage) is refused at its cell', () => {
    const grid = rulesGrid((g) => {
      const r = rowOfKey(g, 'tolerancePoints');
      g.values[r][1] = 0.025;
      (g.numberFormats ?? [])[r][1] = '0.0%';
    });
    const row = rowOfKey(grid, 'tolerancePoints') + 1;
    expect(readRulesSheet(grid).errors).toEqual([`'Scorecard rules'!B${row}: rule "tolerancePoints" is a number of percentage points, not a percentage: write 2.5, not 2.5%`]);
  });

  it('names the sheet, the cell and the rule of a value it cannot use', () => {
    const grid = rulesGrid((g) => {
      g.values[rowOfKey(g, 'tolerance')][1] = 'a bit';
      g.values[rowOfKey(g, 'dotBasis')][1] = 'last-month';
      g.values[rowOfKey(g, 'symbols.on-target')][1] = 'Green';
    });
    const { errors } = readRulesSheet(grid);
    const at = (k: string): string => `'Scorecard rules'!B${rowOfKey(grid, k) + 1}`;
    expect(errors).toEqual([
      `${at('tolerance')}: rule "tolerance" needs a percentage such as 2.5%, got "a bit"`,
      expect.stringMatching(new RegExp(`^${at('dotBasis').replace(/[!'.]/g, '\\$&')}: rule "dotBasis" must be one of`)),
      `${at('symbols.on-target')}: rule "symbols.on-target" is a symbol of at most 4 characters, got "Green"`,
    ]);
  });

  it('rejects unknown keys, a rule set twice and one symbol for two statuses', () => {
    const grid = rulesGrid((g) => {
      g.values.push(['toleranse', 0.1], ['tolerance', 0.2], ['symbols.done', '!']);
      g.values[rowOfKey(g, 'symbols.satisfactory')][1] = DEFAULT_RULES.symbols['on-target'];
    });
    const { errors } = readRulesSheet(grid);
    expect(errors).toHaveLength(4);
    expect(errors[0]).toMatch(/unknown rule "toleranse"/);
    expect(errors[1]).toMatch(/rule "tolerance" is already set at 'Scorecard rules'!B4/);
    expect(errors[2]).toMatch(/unknown status "done"/);
    expect(errors[3]).toMatch(/used for both on target and satisfactory/);
  });

  it('needs a Key and Value header', () => {
    const { errors } = readRulesSheet({ name: 'Scorecard rules', values: [['tolerance', 0.1]] });
    expect(errors).toEqual([`'Scorecard rules': no header row with "Key" and "Value" columns`]);
  });
});
