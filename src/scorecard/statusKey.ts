import { STATUS_LABELS } from '../engine/types';
import type { StatusKey } from '../engine/types';
import type { SheetGrid } from '../workbook/grid';
import type { Warning } from './types';

const DESCRIPTIONS: [RegExp, StatusKey][] = [
  [/under development|awaiting data collection|target[- ]setting/i, 'under-development'],
  [/not applicable|baseline/i, 'not-applicable'],
  [/not yet available|information not|not available|infrequent/i, 'not-available'],
  [/satisfactory|not fully reached|close to/i, 'satisfactory'],
  [/not progressed|off target|not met|below target/i, 'off-target'],
  [/in line with target|above or in line|on target|on track|progressing above/i, 'on-target'],
];

/**
 * Reads a workbook's own status key (a symbol beside a description, as on a scorecard's Key sheet), so the
 * symbols we write are the ones the council publishes. A symbol the key gives to two statuses is kept only
 * for the first, and the clash is reported.
 */
export function findStatusKey(grids: readonly SheetGrid[]): { key: Partial<Record<StatusKey, string>>; warnings: Warning[] } {
  const key: Partial<Record<StatusKey, string>> = {};
  const warnings: Warning[] = [];
  const owner = new Map<string, StatusKey>();
  for (const g of grids) {
    const limit = Math.min(g.values.length, 60);
    for (let r = 0; r < limit; r++) {
      const row = g.values[r] ?? [];
      for (let c = 0; c + 1 < row.length && c < 6; c++) {
        const sym = typeof row[c] === 'string' ? (row[c] as string).trim() : '';
        const desc = typeof row[c + 1] === 'string' ? (row[c + 1] as string) : '';
        if (!sym || [...sym].length > 2 || /[A-Za-z0-9]/.test(sym) || !desc) continue;
        const hit = DESCRIPTIONS.find(([re]) => re.test(desc));
        if (!hit) continue;
        const status = hit[1];
        if (key[status]) continue;
        const clash = owner.get(sym);
        if (clash && clash !== status) {
          const [a, b] = [STATUS_LABELS[clash].toLowerCase(), STATUS_LABELS[status].toLowerCase()];
          if (warnings.some((w) => w.message.includes(`both ${a} and ${b}`))) continue;
          warnings.push({
            message: `the key gives ${sym} to both ${a} and ${b}; ${b} keeps the default symbol`,
            where: { sheet: g.name },
          });
          continue;
        }
        key[status] = sym;
        owner.set(sym, status);
      }
    }
  }
  return { key, warnings };
}
