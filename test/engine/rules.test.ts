import { applyRuleText, DEFAULT_RULES, defaultRules, RULE_FIELDS } from '../../src/engine/rules';

describe('rules', () => {
  it('every scalar setting has a field, and every field a default', () => {
    const scalar = Object.keys(DEFAULT_RULES).filter((k) => k !== 'symbols' && k !== 'dotSymbols');
    expect(RULE_FIELDS.map((f) => f.key).sort()).toEqual(scalar.sort());
  });
  it('defaultRules returns a fresh copy', () => {
    const a = defaultRules();
    a.symbols['on-target'] = 'G';
    a.tolerance = 0.5;
    expect(DEFAULT_RULES.symbols['on-target']).toBe('✔');
    expect(defaultRules().tolerance).toBe(0.025);
  });
  it('applyRuleText: numbers, percentages, booleans and choices', () => {
    const r = defaultRules();
    expect(applyRuleText(r, 'tolerance', '5%')).toBeNull();
    expect(r.tolerance).toBeCloseTo(0.05);
    expect(applyRuleText(r, 'strictComparators', 'yes')).toBeNull();
    expect(r.strictComparators).toBe(true);
    expect(applyRuleText(r, 'dotBasis', 'previous-period')).toBeNull();
    expect(r.dotBasis).toBe('previous-period');
  });
  it('applyRuleText: errors name the rule and leave it unchanged', () => {
    const r = defaultRules();
    expect(applyRuleText(r, 'tolerance', 'lots')).toMatch(/tolerance.*number/);
    expect(applyRuleText(r, 'tolerance', '2')).toMatch(/between 0 and 1/);
    expect(applyRuleText(r, 'strictComparators', 'maybe')).toMatch(/true or false/);
    expect(applyRuleText(r, 'dotBasis', 'sideways')).toMatch(/must be one of/);
    expect(applyRuleText(r, 'nonsense', '1')).toMatch(/unknown rule/);
    expect(r).toEqual(defaultRules());
  });
});

test('a blank number rule is refused, not read as zero', () => {
  const { applyRuleText, defaultRules } = jest.requireActual('../../src/engine/rules') as typeof import('../../src/engine/rules');
  const rules = defaultRules();
  expect(applyRuleText(rules, 'tolerance', ' ')).toMatch(/needs a number/);
  expect(rules.tolerance).toBe(0.025);
});
