/**
 * The rule table: every rule typed once, one parse and one format per kind, and a message naming the rule
 * and the place for every value that cannot be used.
 */
import * as fc from 'fast-check';
import { DEFAULT_RULES, defaultRules } from '../../src/engine/rules';
import { applyRuleText, formatRule, parseRule, RULE_KEYS, ruleDefaults, RULES, ruleWords } from '../../src/engine/ruleTable';
import type { ScalarRuleKey, ScalarRules } from '../../src/engine/ruleTable';
import { SYMBOL_RULE, symbolKey } from '../../src/engine/symbolRules';

const PERCENTAGES = RULE_KEYS.filter((k) => RULES[k].kind === 'percentage');
const NUMBERS = RULE_KEYS.filter((k) => RULES[k].kind === 'number');
const CHOICES = RULE_KEYS.filter((k) => RULES[k].kind === 'choice');

function value<K extends ScalarRuleKey>(key: K, text: string): ScalarRules[K] {
  const parsed = parseRule(key, text);
  if (!parsed.ok) throw new Error(`${key} = ${text}: ${parsed.problem}`);
  return parsed.value;
}

/** A value of the rule, written as it is typed: what format gives, for the round trip. */
function typedValue(key: ScalarRuleKey): fc.Arbitrary<string> {
  const rule = RULES[key];
  if (rule.kind === 'percentage') return fc.integer({ min: 0, max: 1_000_000 }).map((n) => `${n / 10_000}%`);
  if (rule.kind === 'boolean') return fc.constantFrom('true', 'false');
  if (rule.kind === 'choice') return fc.constantFrom(...RULES[key].options.map((o) => formatRule(key, o.value)));
  if (key === 'earliestProfileMonth') return fc.integer({ min: 1, max: 12 }).map(String);
  if (key === 'unitsCheck') return fc.integer({ min: 20, max: 10_000_000 }).map((n) => String(n / 10));
  return fc.integer({ min: 0, max: 100_000 }).map((n) => String(n / 1000));
}

describe('the rule table', () => {
  it('gives every scalar setting of the defaults, and the defaults are the table’s', () => {
    const scalar = Object.keys(DEFAULT_RULES).filter((k) => k !== 'symbols' && k !== 'dotSymbols');
    expect([...RULE_KEYS].sort()).toEqual(scalar.sort());
    for (const k of RULE_KEYS) expect(DEFAULT_RULES[k]).toBe(RULES[k].default);
    expect(ruleDefaults().tolerance).toBe(0.025);
  });

  it('defaultRules returns a fresh copy', () => {
    const a = defaultRules();
    a.symbols['on-target'] = 'G';
    a.tolerance = 0.5;
    expect(DEFAULT_RULES.symbols['on-target']).toBe('✔');
    expect(defaultRules().tolerance).toBe(0.025);
  });

  it('names and describes every rule and every choice in words, with no codes', () => {
    const codes = CHOICES.flatMap((k) => RULES[k].options.map((o) => formatRule(k, o.value))).filter((c) => c.includes('-'));
    expect(codes).toContain('same-period-last-year');
    for (const k of RULE_KEYS) {
      const r = RULES[k];
      for (const words of [r.name, r.description, r.range, ...r.options.map((o) => o.words)]) {
        expect(words).toMatch(/^[A-Z"]/);
        for (const c of codes) expect(words).not.toContain(c);
        expect(words).not.toContain(k);
      }
    }
  });
});

describe('format(parse(x)) round-trips', () => {
  it.each(RULE_KEYS)('%s', (key) => {
    fc.assert(
      fc.property(typedValue(key), (text) => {
        const v = value(key, text);
        expect(formatRule(key, v)).toBe(text);
        expect(value(key, formatRule(key, v))).toBe(v);
      }),
    );
  });

  it('a symbol', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 4 }).filter((s) => s.trim() === s && s !== ''), (s) => {
        const p = SYMBOL_RULE.parse(s);
        expect(p.ok && SYMBOL_RULE.format(p.value)).toBe(s);
      }),
    );
  });
});

describe('one unit convention', () => {
  it('a percentage is typed and shown as one; a bare number is a fraction of one, as Excel stores it', () => {
    expect(value('tolerance', '2.5%')).toBe(0.025);
    expect(value('tolerance', '2.9 %')).toBe(0.029);
    expect(value('tolerance', '0.025')).toBe(0.025);
    expect(formatRule('tolerance', 0.025)).toBe('2.5%');
    expect(ruleWords('tolerancePointsCap', 0.1)).toBe('10%');
  });

  it('a points rule is a plain number and refuses a % sign', () => {
    expect(value('tolerancePoints', '2.5')).toBe(2.5);
    expect(parseRule('tolerancePoints', '2.5%')).toEqual({ ok: false, problem: 'is a number of percentage points, not a percentage: write 2.5, not 2.5%' });
  });

  it('a choice is its key or its words, whatever the case', () => {
    expect(value('dotBasis', 'previous-period')).toBe('previous-period');
    expect(value('dotBasis', 'the previous period.')).toBe('previous-period');
    expect(value('strictComparators', 'Yes')).toBe(true);
  });

  it('metamorphic: a percentage typed with its sign or as a fraction is one value', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), (n) => {
        for (const k of PERCENTAGES) expect(value(k, `${n / 100}%`)).toBe(value(k, String(n / 10_000)));
      }),
    );
  });
});

describe('every value that cannot be used is named with its rule and place, and changes nothing', () => {
  const place = "'Scorecard rules'!B7";
  const bad: [string, string, RegExp][] = [
    ['tolerance', 'lots', /needs a percentage such as 2\.5%, got "lots"/],
    ['tolerance', ' ', /needs a percentage/],
    ['tolerance', '5', /a bare 5 is a fraction of one, 500%; write 5%/],
    ['tolerance', '150%', /must be from 0% to 100%, got 150%/],
    ['tolerancePoints', '2.5%', /not a percentage: write 2\.5, not 2\.5%/],
    ['tolerancePoints', '', /needs a number of percentage points/],
    ['earliestProfileMonth', '2.5', /needs a whole number of months/],
    ['earliestProfileMonth', '13', /must be from 1 to 12, got 13/],
    ['strictComparators', 'maybe', /needs true or false, got "maybe"/],
    ['dotBasis', 'sideways', /must be one of “The same period last year” \(same-period-last-year\), “The previous period” \(previous-period\), “The previous year end” \(previous-year-end\), got "sideways"/],
    ['nonsense', '1', /unknown rule "nonsense" \(known: tolerance, /],
  ];
  it.each(bad)('%s = "%s"', (key, text, why) => {
    const rules = defaultRules();
    const message = applyRuleText(rules, key, text, place);
    expect(message).toMatch(why);
    expect(message?.startsWith(`${place}: `)).toBe(true);
    if (key !== 'nonsense') expect(message).toContain(`rule "${key}"`);
    expect(rules).toEqual(defaultRules());
  });

  it('every kind refuses something, each with its rule and place', () => {
    for (const k of [...PERCENTAGES, ...NUMBERS, ...CHOICES]) expect(applyRuleText({}, k, 'x', '--rule')).toMatch(new RegExp(`^--rule: rule "${k}" `));
  });

  it('symbol keys: an unknown status is named, a symbol has one to four characters', () => {
    expect(symbolKey('symbols.on-target')).toEqual({ set: 'symbols', key: 'on-target' });
    expect(symbolKey('dotSymbols.sideways')).toEqual({ problem: expect.stringMatching(/unknown direction of travel "sideways"/) });
    expect(symbolKey('tolerance')).toBeNull();
    expect(SYMBOL_RULE.parse('Green')).toEqual({ ok: false, problem: 'is a symbol of at most 4 characters, got "Green"' });
  });
});
