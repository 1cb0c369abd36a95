/**
 * Turns the facts of a rating into the sentence a reviewer reads, in the words an officer would use:
 * "Sep-17: 345.8 against a target of 336.9 (lower is better), 2.6% worse, so off target. Better than the
 * same quarter last year (390.4)." Nothing here decides anything; it only says what was decided.
 */
import { formatReading, roundTo } from './numbers';
import type { Comparison, ComparedTarget, Finding, NumberReading, Period, StatusKey, Tolerance, TrendFinding, ValueSource } from './types';
import { STATUS_LABELS } from './types';

/** The words a sentence uses for each status: the labels by default, the sheet's own (Green, Amber, Red) on a RAG sheet. */
export type StatusWords = Partial<Record<StatusKey, string>>;

/** The lower-case words of each set of status words, made once: every row's sentence ends with one. */
const LOWER_WORDS = new WeakMap<StatusWords, Partial<Record<StatusKey, string>>>();
const LOWER_LABELS: Partial<Record<StatusKey, string>> = {};

function word(status: StatusKey, words?: StatusWords): string {
  let lower = LOWER_LABELS;
  if (words) {
    const known = LOWER_WORDS.get(words);
    if (known) lower = known;
    else LOWER_WORDS.set(words, (lower = {}));
  }
  return (lower[status] ??= (words?.[status] ?? STATUS_LABELS[status]).toLowerCase());
}

function num(r: NumberReading): string {
  return formatReading(r);
}

function plural(n: number, one: string): string {
  return `${n} ${one}${n === 1 ? '' : 's'}`;
}

function where(s: ValueSource): string {
  if (s.series === 'summed') return `${s.summedFrom ?? s.period.label} added up`;
  const ytd = s.series === 'year-to-date' ? ', year to date' : '';
  if (!s.lagged) return `${s.period.label}${ytd}`;
  const due = s.lagged.dueShown ? `${s.lagged.due} is “${s.lagged.dueShown}”` : `${s.lagged.due} is blank`;
  return `${s.period.label}${ytd} (the latest in; ${due})`;
}

/** The rules' tolerances are shared by every row of a run: their words are made once. */
const TOLERANCE_TEXT = new WeakMap<Tolerance, string>();

function toleranceText(t: Tolerance): string {
  // A measure's own tolerance is read per row: keeping its words would only cost a table entry.
  if (t.source !== 'rules') return readToleranceText(t);
  let text = TOLERANCE_TEXT.get(t);
  if (text === undefined) TOLERANCE_TEXT.set(t, (text = readToleranceText(t)));
  return text;
}

function readToleranceText(t: Tolerance): string {
  const own = t.source === 'measure' ? "measure's own " : '';
  if (t.unit === 'percent-of-target') return `the ${own}${roundTo(t.amount * 100, 2)}% tolerance`;
  if (t.unit === 'points') return `the ${own}${roundTo(t.amount, 2)}-point tolerance`;
  return `the ${own}tolerance of ${roundTo(t.amount, 4)}`;
}

/** "a target of 336.9", "a year-to-date target of 2,500 (the annual 5,000 spread over 6 of 12 months)". */
export function targetPhrase(t: ComparedTarget): string {
  const deadline = t.deadline ? ` by ${t.deadline}` : '';
  switch (t.how) {
    case 'profiled': {
      const annual = t.annual ? num(t.annual) : t.written;
      const months = `${t.months ?? 0} of 12 months${t.academic ? ' of the academic year' : ''}`;
      return `a year-to-date target of ${num(t)} (the annual ${annual} spread over ${months})`;
    }
    case 'relative': {
      const change = t.change ?? 0;
      const base = t.base ? ` the ${t.base.period} figure of ${num(t.base.value)}` : ' last year';
      return `a target of ${num(t)} (${roundTo(Math.abs(change) * 100, 2)}% ${change < 0 ? 'below' : 'above'}${base})`;
    }
    case 'benchmark': {
      const range = t.high !== undefined ? ` of ${num(t)} to ${num({ ...t, value: t.high })}` : ` of ${num(t)}`;
      return `the ${t.benchmark ?? 'benchmark'}${range} quoted in the data notes`;
    }
    default:
      return t.comparator ? `a target of “${t.written}”${t.deadline && !t.written.includes(t.deadline) ? deadline : ''}` : `a target of ${num(t)}${deadline}`;
  }
}

/**
 * How far off: points for percentages, a share of the target otherwise, and "about 12 times the target"
 * where a share would run to four figures (no sentence ever says 1,000%).
 */
function distance(c: Comparison, side: 'better' | 'worse'): string {
  const gap = Math.abs(c.gap);
  const d = Math.max(c.value.decimals, c.target.decimals, 1);
  if (c.inPoints) return `${plural(roundTo(gap, d), 'point')} ${side}`;
  if (!Number.isFinite(c.relative)) return `${roundTo(gap, d)} ${side} than a target of zero`;
  const r = Math.abs(c.relative);
  if (r >= 10) return `about ${Math.round(r + 1)} times the target, far ${side}`;
  return `${(r * 100).toFixed(1)}% ${side}`;
}

function margin(c: Comparison): string {
  if (c.strictTie) return 'equal to it, which strict comparison does not count as met';
  if (c.outsideRange) return `${distance(c, 'worse')}, outside the range`;
  if (c.gap === 0) return c.status === 'on-target' ? 'meeting it' : `meeting it, within ${toleranceText(c.tolerance)}`;
  if (c.gap < 0) {
    const better = distance(c, 'better');
    if (c.zone === 'meets' && c.status !== 'on-target') return `${better}, within ${toleranceText(c.tolerance)}`;
    if (c.zone === 'beats' && c.status === 'on-target' && c.tolerance.source === 'measure') return `${better}, beyond ${toleranceText(c.tolerance)}`;
    return better;
  }
  const worse = distance(c, 'worse');
  const deadline = (): string => (c.target.deadline ? ` by ${c.target.deadline}` : ' later');
  switch (c.byTrend) {
    case 'not-worse':
      return `${worse}, beyond ${toleranceText(c.tolerance)}, but no worse than before`;
    case 'worse':
      return `${worse}, beyond ${toleranceText(c.tolerance)}, and worse than before`;
    case 'improving':
      return `${worse}, but the target is due${deadline()} and the figure is improving`;
    case 'not-improving':
      return `${worse}; the target is due${deadline()} but the figure is not improving`;
    default:
      return c.zone === 'within' ? `${worse}, within ${toleranceText(c.tolerance)}` : worse;
  }
}

function polarityWords(p: 'high' | 'low'): string {
  return p === 'high' ? 'higher is better' : 'lower is better';
}

function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/**
 * Three words or more: a cell that holds a remark beside its figure ("15.19% which equates to a 2% increase…").
 * Three runs of two or more ASCII letters in a row, with no one-letter run between them (what
 * /[A-Za-z]{2,}[^A-Za-z]+[A-Za-z]{2,}[^A-Za-z]+[A-Za-z]{2,}/ finds), read by character: it runs once per row.
 */
function holdsRemark(text: string): boolean {
  let words = 0;
  let run = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && isLetter(text.charCodeAt(i))) {
      run++;
      continue;
    }
    if (run === 0) continue;
    words = run >= 2 ? words + 1 : 0;
    if (words === 3) return true;
    run = 0;
  }
  return false;
}

/**
 * The figure as the sheet shows it ("50.7% (263/519)", "£3,856m"), or the number alone when the cell also
 * holds a remark, which would break the sentence and is in the cell for anyone to read.
 */
function valueText(source: ValueSource, value: NumberReading & { display: string }): string {
  if (source.series === 'summed' || !value.display || holdsRemark(value.display)) return num(value);
  return value.display;
}

function comparedSentence(source: ValueSource, c: Comparison, words?: StatusWords): string {
  return `${where(source)}: ${valueText(source, c.value)} against ${targetPhrase(c.target)} (${polarityWords(c.polarity)}), ${margin(c)}, so ${word(c.status, words)}.`;
}

function partsSentence(f: Extract<Finding, { kind: 'parts' }>, status: StatusKey, words?: StatusWords): string {
  const first = f.parts[0]?.comparison;
  const oneTarget = f.parts.every((p) => p.comparison.target.value === first?.target.value);
  const list = f.parts.map((p) => `${p.label}) ${num(p.comparison.value)}`).join(', ');
  const side = first ? ` (${polarityWords(first.polarity)})` : '';
  const chosen = f.parts.find((p) => p.label === f.chosen)?.comparison;
  const decider = chosen ? `the ${f.rule} part, ${f.chosen}), is ${margin(chosen)}` : '';
  if (oneTarget && first) return `${where(f.source)}: ${list} against ${targetPhrase(first.target)} for each${side}; ${decider}, so ${word(status, words)}.`;
  const each = f.parts.map((p) => `${p.label}) ${num(p.comparison.value)} against ${num(p.comparison.target)}, ${margin(p.comparison)}`).join('; ');
  return `${where(f.source)}${side}: ${each}; the ${f.rule} part, ${f.chosen}), decides, so ${word(status, words)}.`;
}

type Basis = NonNullable<TrendFinding['comparison']>['basis'];

function unitOf(period: Period): 'month' | 'quarter' | 'term' | 'year' | 'period' {
  return period.kind === 'month' ? 'month' : period.kind === 'quarter' ? 'quarter' : period.kind === 'term' ? 'term' : period.kind === 'year' ? 'year' : 'period';
}

function basisPhrase(unit: ReturnType<typeof unitOf>, basis: Basis): string {
  if (basis === 'same-period-last-year') return unit === 'year' ? 'the year before' : `the same ${unit} last year`;
  if (basis === 'previous-period') return `the previous ${unit}`;
  return 'the previous year end';
}

/** The few phrases of a comparison's basis, by unit and basis, made once rather than per row. */
const BASIS_PHRASES: Partial<Record<ReturnType<typeof unitOf>, Partial<Record<Basis, string>>>> = {};

function basisWords(period: Period, basis: Basis): string {
  const unit = unitOf(period);
  const byBasis = (BASIS_PHRASES[unit] ??= {});
  return (byBasis[basis] ??= basisPhrase(unit, basis));
}

const TREND_LEADS: Record<TrendFinding['dot'], string> = {
  improved: 'Better than',
  worse: 'Worse than',
  stable: 'The same as',
  increase: 'Up on',
  decrease: 'Down on',
  'not-applicable': 'Compared with',
};

/** "Better than the same quarter last year (390.4)." */
export function trendSentence(t: TrendFinding): string {
  if (t.comparison && t.current) {
    const c = t.comparison;
    const basis = basisWords(t.current.period, c.basis);
    const figure = c.basis === 'same-period-last-year' ? num(c.reading) : `${c.period.label}: ${num(c.reading)}`;
    const lead = TREND_LEADS[t.dot];
    return `${lead} ${basis} (${figure}).`;
  }
  if (t.none === 'no-earlier') return 'No earlier figure to compare with.';
  if (t.none === 'no-earlier-year-to-date') return 'No year-to-date figure for the same period last year to compare with.';
  return '';
}

/** The one-line explanation of a rating. */
export function explain(f: Finding, status: StatusKey, trend: TrendFinding, words?: StatusWords): string {
  const main = mainSentence(f, status, words);
  const t = trendSentence(trend);
  return t ? `${main} ${t}` : main;
}

function mainSentence(f: Finding, status: StatusKey, words?: StatusWords): string {
  switch (f.kind) {
    case 'override':
      return `Set by the status override: ${word(status, words)} (${f.reason}).`;
    case 'no-target': {
      const why = f.reason === 'no target' ? '' : f.reason === 'baseline year' ? ': a baseline year' : `: ${f.reason}`;
      return `No target to rate against${why}${f.written ? ` (“${f.written}”)` : ''}, so ${word(status, words)}.`;
    }
    case 'pending-target':
      return `The ${f.thresholds ? 'thresholds are' : 'target is'} still to be set (“${f.written}”), so ${word(status, words)}.`;
    case 'no-value':
      return `${f.reason}, so ${word(status, words)}.`;
    case 'review': {
      const at = f.source ? ` (${where(f.source)}: ${f.source.display})` : '';
      const kept = f.kept ? ` The status in the sheet (${f.kept.shown}, ${word(f.kept.status, words)}) is kept until someone reviews it.` : '';
      return `Needs review${at}: ${f.reason}.${kept}`;
    }
    case 'compared':
      return comparedSentence(f.source, f.comparison, words);
    case 'parts':
      return partsSentence(f, status, words);
    case 'thresholds':
      return `${where(f.source)}: ${f.text}, so ${word(status, words)}.`;
  }
}

/** The explanation of a status a person set by hand, with what the rules would have given. */
export function explainByHand(entry: string, status: StatusKey, rulesStatus: StatusKey, rulesExplanation: string, words?: StatusWords, byFormula = false): string {
  const rules = rulesStatus === status ? 'The rules agree' : `The rules would give ${word(rulesStatus, words)}`;
  return `${byFormula ? 'Set by the sheet’s own formula' : 'Set by hand'}: “${entry}”, counted as ${word(status, words)}. ${rules}: ${rulesExplanation}`;
}
