import type { StatusKey } from './types';

const WORDS: [RegExp, StatusKey][] = [
  [/^(on target|on track|achieved|met|green|g|complete[d]?)\b/i, 'on-target'],
  [/^(satisfactory|amber|a|close to target|near target|within tolerance)\b/i, 'satisfactory'],
  [/^(off target|off track|not met|missed|red|r|below target)\b/i, 'off-target'],
  [/^(under development|in development|developing)\b/i, 'under-development'],
  [/^(not applicable|n\/a|na|baseline)\b/i, 'not-applicable'],
  [/^(not (yet )?available|no data|awaiting data|not due)\b/i, 'not-available'],
];

const SYMBOLS: Record<string, StatusKey> = {
  '✔': 'on-target', '✓': 'on-target', '☑': 'on-target',
  '●': 'satisfactory', '•': 'satisfactory', '◉': 'satisfactory',
  '✘': 'off-target', '✗': 'off-target', '✖': 'off-target', '×': 'off-target', x: 'off-target',
  '◐': 'under-development',
  '□': 'not-applicable', '☐': 'not-applicable',
  '■': 'not-available',
};

/**
 * Reads a status cell written by a person or by us: a word ("Off target", "Amber") or a symbol. The
 * workbook's own key is tried first, since some keys reuse a symbol for two statuses.
 */
export function parseStatusText(text: unknown, key?: Partial<Record<StatusKey, string>>): StatusKey | null {
  if (typeof text !== 'string') return null;
  const t = text.replace(/\s+/g, ' ').trim();
  if (!t) return null;
  for (const [re, status] of WORDS) if (re.test(t)) return status;
  const first = [...t][0];
  if (key) {
    const hits = (Object.keys(key) as StatusKey[]).filter((k) => key[k] && [...(key[k] as string)][0] === first);
    if (hits.length === 1) return hits[0];
  }
  return SYMBOLS[first] ?? SYMBOLS[first.toLowerCase()] ?? null;
}
