/**
 * The kinds of rating rule and how each reads and writes its value as text: one unit convention for every
 * place a rule is typed (a Rules sheet cell, `--rule key=value`, the Rules panel).
 *
 * - A **percentage** rule (a tolerance as a share of the target) is typed and shown as `2.5%`. A bare number
 *   is read as Excel stores a percentage, a fraction of one: `0.025` is 2.5%, so Rules sheets and command
 *   lines written before percentages were shown as such keep their meaning. A bare number past the rule's
 *   largest share (`5` for a tolerance) is refused with the percentage it would be, never guessed at.
 * - A **number** rule (points, a month, a multiple) is a plain number; a `%` sign is refused, because "2.5%"
 *   of a points tolerance means nothing the engine could use.
 * - A **boolean** is true or false (yes/no, on/off, 1/0); a **choice** one of its values, written as its key
 *   (`previous-period`) or in its words ("The previous period"); a **symbol** one to four characters.
 */

export type RuleKind = 'percentage' | 'number' | 'boolean' | 'choice' | 'symbol';

/** A value read from text, or what is wrong with the text (phrased to follow the rule's name). */
export type RuleResult<V> = { ok: true; value: V } | { ok: false; problem: string };

/** One choice of a choice rule, or one side of a boolean, as the screens offer it. */
export interface RuleOption<V> {
  value: V;
  words: string;
}

/** Everything the hosts need to read, write, list and explain one rule whose values are of type V. */
export interface Rule<V> {
  kind: RuleKind;
  /** Plain English, as a label: "Tolerance (share of the target)". */
  name: string;
  /** What the rule does, in plain English with no codes. */
  description: string;
  default: V;
  parse(text: string): RuleResult<V>;
  /** The value as it is typed: `2.5%`, `previous-period`, `true`. parse(format(v)) gives v back. */
  format(value: V): string;
  /** The value in words for the screens: "2.5%", "The previous period", "On". */
  words(value: V): string;
  /** What may be typed, for the Rules sheet and `scorecard rules`: "One of: …", "A percentage from 0% to 100%". */
  accepts: string;
  /** The same in words for the screens: no codes. */
  range: string;
  /** The choices (or on and off), in order; empty for numbers and symbols. */
  options: readonly RuleOption<V>[];
  /** For numbers: the unit the screens show after the box ("points"); "%" for percentages. */
  unit?: string;
}

interface Described {
  name: string;
  description: string;
}

const NUMBER_RE = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?$/i;

/** Twelve significant digits: 2.9 / 100 is 0.028999999999999998 in binary, and 0.029 is what was meant. */
function clean(n: number): number {
  return Number(n.toPrecision(12));
}

function quoted(text: string): string {
  return `"${text.trim()}"`;
}

export function percentage(spec: Described & { default: number; min: number; max: number }): Rule<number> {
  const shown = (v: number): string => `${clean(v * 100)}%`;
  const range = `A percentage from ${shown(spec.min)} to ${shown(spec.max)}, such as ${shown(spec.default || 0.025)}.`;
  return {
    ...spec,
    kind: 'percentage',
    unit: '%',
    format: shown,
    words: shown,
    accepts: `${range} A bare number is a fraction of one, as Excel stores a percentage (0.025 is 2.5%).`,
    range,
    options: [],
    parse(text) {
      const t = text.trim();
      const withSign = /%$/.test(t);
      const body = t.replace(/\s*%$/, '');
      // Number('') is 0: a blank must not quietly become a zero tolerance.
      if (!NUMBER_RE.test(body)) return { ok: false, problem: `needs a percentage such as ${shown(spec.default || 0.025)}, got ${quoted(text)}` };
      const n = Number(body);
      const value = withSign ? clean(n / 100) : n;
      if (!withSign && value > spec.max) {
        return { ok: false, problem: `is a percentage: a bare ${body} is a fraction of one, ${shown(value)}; write ${body}% if that is what is meant` };
      }
      if (value < spec.min || value > spec.max) return { ok: false, problem: `must be from ${shown(spec.min)} to ${shown(spec.max)}, got ${shown(value)}` };
      return { ok: true, value };
    },
  };
}

export function number(spec: Described & { default: number; min: number; max: number; unit: string; whole?: boolean }): Rule<number> {
  const range = `${spec.whole ? 'A whole number' : 'A number'} of ${spec.unit} from ${spec.min.toLocaleString('en-GB')} to ${spec.max.toLocaleString('en-GB')}.`;
  return {
    ...spec,
    kind: 'number',
    format: (v) => String(v),
    words: (v) => `${v.toLocaleString('en-GB')} ${spec.unit}`,
    accepts: range,
    range,
    options: [],
    parse(text) {
      const t = text.trim();
      const percent = /^(.*?)\s*%$/.exec(t);
      if (percent && NUMBER_RE.test(percent[1])) {
        return { ok: false, problem: `is a number of ${spec.unit}, not a percentage: write ${percent[1]}, not ${t}` };
      }
      if (!NUMBER_RE.test(t)) return { ok: false, problem: `needs a number of ${spec.unit}, got ${quoted(text)}` };
      const n = Number(t);
      if (spec.whole && !Number.isInteger(n)) return { ok: false, problem: `needs a whole number of ${spec.unit}, got ${t}` };
      if (n < spec.min || n > spec.max) return { ok: false, problem: `must be from ${spec.min} to ${spec.max}, got ${t}` };
      return { ok: true, value: n };
    },
  };
}

const TRUE_RE = /^(true|yes|on|1)$/i;
const FALSE_RE = /^(false|no|off|0)$/i;

export function boolean(spec: Described & { default: boolean }): Rule<boolean> {
  return {
    ...spec,
    kind: 'boolean',
    format: (v) => String(v),
    words: (v) => (v ? 'On' : 'Off'),
    accepts: 'true or false.',
    range: 'On or off.',
    options: [
      { value: true, words: 'On' },
      { value: false, words: 'Off' },
    ],
    parse(text) {
      const t = text.trim();
      if (TRUE_RE.test(t)) return { ok: true, value: true };
      if (FALSE_RE.test(t)) return { ok: true, value: false };
      return { ok: false, problem: `needs true or false, got ${quoted(text)}` };
    },
  };
}

/** Words compared as people type them: case, spacing and a closing full stop do not matter. */
function loose(text: string): string {
  return text.trim().replace(/\.$/, '').replace(/\s+/g, ' ').toLowerCase();
}

/**
 * A rule with a fixed set of values. The values are a const tuple written once; `words` must give every one
 * of them (the compiler checks), and the rule's type is the union of the tuple.
 */
export function choice<const C extends string>(spec: Described & { choices: readonly [C, ...C[]]; words: Readonly<Record<C, string>>; default: NoInfer<C> }): Rule<C> {
  const { choices, words, ...described } = spec;
  const options = choices.map((value) => ({ value, words: words[value] }));
  return {
    ...described,
    kind: 'choice',
    format: (v) => v,
    words: (v) => words[v],
    accepts: `One of: ${options.map((o) => `${o.value} (${o.words.charAt(0).toLowerCase()}${o.words.slice(1)})`).join('; ')}.`,
    range: `One of: ${options.map((o) => o.words).join('; ')}.`,
    options,
    parse(text) {
      const t = loose(text);
      const found = options.find((o) => o.value.toLowerCase() === t || loose(o.words) === t);
      if (found) return { ok: true, value: found.value };
      // In words first, as the Rules panel offers them; the short value is what the sheet may hold instead.
      return { ok: false, problem: `must be one of ${options.map((o) => `“${o.words}” (${o.value})`).join(', ')}, got ${quoted(text)}` };
    },
  };
}

/** Longer than this is not a symbol but a word, and would not fit a status column. */
export const MAX_SYMBOL = 4;

export function symbol(spec: Described & { default: string }): Rule<string> {
  return {
    ...spec,
    kind: 'symbol',
    format: (v) => v,
    words: (v) => v,
    accepts: `A symbol of 1 to ${MAX_SYMBOL} characters.`,
    range: `1 to ${MAX_SYMBOL} characters.`,
    options: [],
    parse(text) {
      const t = text.trim();
      if (!t) return { ok: false, problem: 'needs a symbol' };
      if ([...t].length > MAX_SYMBOL) return { ok: false, problem: `is a symbol of at most ${MAX_SYMBOL} characters, got ${quoted(text)}` };
      return { ok: true, value: t };
    },
  };
}
