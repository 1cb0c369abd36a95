/**
 * The symbol settings of the rules (`symbols.on-target`, `dotSymbols.improved`): one symbol rule for every
 * status and direction of travel, read and checked by the same kind of rule as the scalar settings.
 */
import { symbol } from './ruleKinds';
import type { Rule } from './ruleKinds';
import { DOT_KEYS, DOT_LABELS, STATUS_KEYS, STATUS_LABELS } from './types';
import type { DotKey, StatusKey } from './types';

export type SymbolKey = { set: 'symbols'; key: StatusKey } | { set: 'dotSymbols'; key: DotKey };

/** The one rule every symbol follows: one to four characters. */
export const SYMBOL_RULE: Rule<string> = symbol({ name: 'Symbol', description: 'Written into the status or direction of travel column.', default: '' });

function isStatusKey(k: string): k is StatusKey {
  return STATUS_KEYS.some((s) => s === k);
}

function isDotKey(k: string): k is DotKey {
  return DOT_KEYS.some((d) => d === k);
}

/**
 * The symbol a Rules sheet key names, or what is wrong with the key: null when the key is not a symbol key
 * at all (it may be a scalar rule).
 */
export function symbolKey(key: string): SymbolKey | { problem: string } | null {
  const m = /^(symbols|dotSymbols)\.(.+)$/.exec(key.trim());
  if (!m) return null;
  if (m[1] === 'symbols') return isStatusKey(m[2]) ? { set: 'symbols', key: m[2] } : { problem: `unknown status "${m[2]}" (known: ${STATUS_KEYS.join(', ')})` };
  return isDotKey(m[2]) ? { set: 'dotSymbols', key: m[2] } : { problem: `unknown direction of travel "${m[2]}" (known: ${DOT_KEYS.join(', ')})` };
}

/** A status or direction in words, for messages: "on target", not "on-target". */
export function symbolName(s: SymbolKey): string {
  return (s.set === 'symbols' ? STATUS_LABELS[s.key] : DOT_LABELS[s.key]).toLowerCase();
}
