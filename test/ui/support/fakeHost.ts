/** A ScorecardHost for component tests: canned outcomes, every call recorded, selection raised by hand. */
import { defaultRules } from '../../../src/engine/rules';
import type { RatingRules } from '../../../src/engine/rules';
import { summarise } from '../../../src/engine/summarise';
import type { RedFlag } from '../../../src/scorecard/types';
import type { FlagInput, ManualFlagView, RatedRowView, RatingOutcome, RulesView, ScorecardHost, SelectionListener } from '../../../src/app/host';

export const SUMMARY = summarise([
  ...Array.from({ length: 17 }, () => ({ priority: 'P1', status: 'on-target' as const, dot: 'improved' as const })),
  ...Array.from({ length: 9 }, () => ({ priority: 'P1', status: 'satisfactory' as const, dot: 'stable' as const })),
  ...Array.from({ length: 23 }, () => ({ priority: 'P2', status: 'off-target' as const, dot: 'worse' as const })),
]);

export const ROWS: RatedRowView[] = [
  { sheet: 'Scorecard', row: 6, ref: '1.A1', measure: 'Children in need rate', priority: 'P1', status: 'on-target', dot: 'improved', explanation: 'Sep-17 value 330 vs target 336.9 (lower is better): met → on target.' },
  { sheet: 'Scorecard', row: 12, ref: '2.B4', measure: 'Rent collected', priority: 'P2', status: 'off-target', dot: 'worse', explanation: 'Sep-17 value 91% vs target 97%: 6 points below → off target.' },
];

export const FLAG: RedFlag = {
  sheet: 'Scorecard',
  row: 12,
  ref: '2.B4',
  measure: 'Rent collected',
  priority: 'P2',
  status: 'off-target',
  previousStatus: 'off-target',
  period: 'Sep-17',
  value: '91%',
  previousPeriod: 'Jun-17',
  previousValue: '90%',
  reason: ROWS[1].explanation,
};

export type FakeHost = ScorecardHost & {
  calls: string[];
  /** The user selects a cell in the "sheet". */
  select(sheet: string, row: number): void;
  saved: RatingRules[];
};

export function outcome(over: Partial<RatingOutcome> = {}): RatingOutcome {
  return { sheets: ['Scorecard'], summary: SUMMARY, rows: ROWS, rules: defaultRules(), cellsWritten: 150, warnings: [], ...over };
}

export function fakeHost(overrides: Partial<ScorecardHost> = {}): FakeHost {
  const calls: string[] = [];
  const flags: ManualFlagView[] = [];
  const listeners = new Set<SelectionListener>();
  const saved: RatingRules[] = [];
  let rules: RulesView = { rules: defaultRules(), saved: false, problems: [] };
  const host: FakeHost = {
    calls,
    saved,
    select: (sheet, row) => listeners.forEach((l) => l({ sheet, row })),
    recalculate: async (progress) => {
      calls.push('recalculate');
      progress?.({ phase: 'reading', step: 1, steps: 2 });
      return outcome({ warnings: ['Scorecard!I9: 1.A5 needs review: the Target cell is empty'] });
    },
    buildSummary: async () => outcome({ cellsWritten: 0 }),
    redFlags: async () => ({ sheets: ['Scorecard'], flags: [FLAG], fromHistory: 0, warnings: [] }),
    undo: async () => ({ sheet: 'Scorecard', cells: 150 }),
    addFlag: async (f: FlagInput) => {
      calls.push(`flag ${f.ref}: ${f.comment}`);
      flags.push({ ...f, sheet: 'Scorecard', measure: 'Rent collected', status: 'Off target', at: '2017-11-20T09:30:00.000Z' });
      return { flags: [...flags], warnings: [] };
    },
    listFlags: async () => [...flags],
    selectRow: async (sheet: string, row: number) => {
      calls.push(`select ${sheet}!${row}`);
    },
    onSelectionChanged: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    readRules: async () => rules,
    saveRules: async (r) => {
      saved.push(r);
      rules = { rules: r, saved: true, problems: [] };
      return { warnings: [] };
    },
    ...overrides,
  };
  return host;
}
