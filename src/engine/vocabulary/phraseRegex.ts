/**
 * Turns the vocabulary's word lists into regular expressions, once, when a module loads: the engine reads
 * tens of thousands of cells a second and must not build a pattern per cell.
 *
 * A phrase is written as people type it, lower case, with three marks:
 * - a space matches any run of spaces or hyphens ("on target" also reads "On-target", "year end" "year-end");
 * - a word ending in `*` also matches the longer words it starts ("reduc*" reads "reduce", "reduction");
 * - a word ending in `?` may be left out ("by the? end of the? year" reads "by end of year").
 * Everything else is literal ("n/a", "p.a", "+", "%"). A phrase that starts or ends with a letter or digit
 * matches whole words only, so "met" does not read "metropolitan".
 */

function escapeLiteral(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

const SEPARATOR = '[\\s\\-–]+';

function wordSource(word: string): string {
  if (word.length > 1 && word.endsWith('*')) return `${escapeLiteral(word.slice(0, -1))}\\w*`;
  return escapeLiteral(word);
}

/** The regular-expression source of one phrase, without anchors. */
export function phraseSource(phrase: string): string {
  const words = phrase.trim().toLowerCase().split(/\s+/);
  const optional = (w: string) => w.length > 1 && w.endsWith('?');
  let source = '';
  words.forEach((word, i) => {
    const last = i === words.length - 1;
    if (optional(word)) {
      const body = wordSource(word.slice(0, -1));
      source += last ? `(?:${SEPARATOR}${body})?` : `(?:${body}${SEPARATOR})?`;
      return;
    }
    const nextIsLastOptional = i === words.length - 2 && optional(words[i + 1]);
    source += wordSource(word) + (last || nextIsLastOptional ? '' : SEPARATOR);
  });
  const lastWord = words[words.length - 1];
  const lead = /\w/.test(words[0][0]) ? '\\b' : '';
  const trail = /\w$/.test(lastWord.replace(/\?$/, '')) ? '\\b' : '';
  return `${lead}${source}${trail}`;
}

/** One alternation of phrases, longest first so that "not met" is tried before "met". */
export function alternation(phrases: readonly string[]): string {
  const sorted = [...new Set(phrases.map((p) => p.trim().toLowerCase()))].sort((a, b) => b.length - a.length);
  return sorted.map(phraseSource).join('|');
}

/**
 * Where a phrase must sit: anywhere; at the start; at the end (punctuation after it allowed); the whole
 * text; or, for the words around a number, straight after the start (`prefix`) or before the end (`suffix`),
 * spaces allowed.
 */
export type Placement = 'anywhere' | 'start' | 'end' | 'whole' | 'prefix' | 'suffix';

const PLACEMENTS: Record<Placement, (body: string) => string> = {
  anywhere: (b) => b,
  start: (b) => `^${b}`,
  end: (b) => `${b}\\W*$`,
  whole: (b) => `^${b}$`,
  prefix: (b) => `^\\s*${b}`,
  suffix: (b) => `${b}\\s*$`,
};

/** A case-insensitive pattern that finds any of the phrases; group 1 is the phrase as written in the text. */
export function phraseRegex(phrases: readonly string[], placement: Placement = 'anywhere'): RegExp {
  return new RegExp(PLACEMENTS[placement](`(${alternation(phrases)})`), 'i');
}

/**
 * The meanings of a table (phrase → meaning) in the order they first appear, each with its phrases. The
 * table's order is its precedence: the first meaning with a phrase in the text wins.
 */
export function byMeaning<M>(table: Readonly<Record<string, M>>): [M, string[]][] {
  const groups = new Map<M, string[]>();
  for (const [phrase, meaning] of Object.entries(table)) {
    const list = groups.get(meaning) ?? [];
    list.push(phrase);
    groups.set(meaning, list);
  }
  return [...groups.entries()];
}

/** Reads a table's meaning in a text: the first meaning (in table order) one of whose phrases is there. */
export function meaningReader<M>(table: Readonly<Record<string, M>>, placement: Placement = 'anywhere'): (text: string) => M | undefined {
  const tests = byMeaning(table).map(([meaning, phrases]): [RegExp, M] => [phraseRegex(phrases, placement), meaning]);
  return (text) => {
    for (const [re, meaning] of tests) if (re.test(text)) return meaning;
    return undefined;
  };
}
