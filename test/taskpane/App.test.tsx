/**
 * @jest-environment jsdom
 *
 * The task pane against a fake host: the same components the Excel host drives, no Office anywhere.
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import * as React from 'react';
import { summarise } from '../../src/engine/summarise';
import type { RedFlag } from '../../src/scorecard/types';
import { App } from '../../src/taskpane/App';
import { ratedLine } from '../../src/taskpane/describe';
import type { FlagInput, ManualFlagView, ScorecardHost } from '../../src/taskpane/host';

// jsdom has no ResizeObserver; Fluent's MessageBar only uses it to choose a layout.
class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
(window as unknown as { ResizeObserver: unknown }).ResizeObserver = NoResizeObserver;

const summary = summarise([
  ...Array.from({ length: 17 }, () => ({ priority: 'P1', status: 'on-target' as const, dot: 'improved' as const })),
  ...Array.from({ length: 9 }, () => ({ priority: 'P1', status: 'satisfactory' as const, dot: 'stable' as const })),
  ...Array.from({ length: 23 }, () => ({ priority: 'P2', status: 'off-target' as const, dot: 'worse' as const })),
]);

const flag: RedFlag = { sheet: 'Scorecard', row: 12, ref: '2.B4', measure: 'Rent collected', priority: 'P2', status: 'off-target', previousStatus: 'off-target', reason: 'below target' };

function fakeHost(overrides: Partial<ScorecardHost> = {}): ScorecardHost & { calls: string[] } {
  const calls: string[] = [];
  const flags: ManualFlagView[] = [];
  return {
    calls,
    recalculate: async () => {
      calls.push('recalculate');
      return { sheets: ['Scorecard'], summary, cellsWritten: 150, warnings: ['Scorecard!I9: 1.A5 needs review: the Target cell is empty'] };
    },
    buildSummary: async () => ({ sheets: ['Scorecard'], summary, cellsWritten: 0, warnings: [] }),
    redFlags: async () => ({ sheets: ['Scorecard'], flags: [flag], fromHistory: 0 }),
    undo: async () => ({ sheet: 'Scorecard', cells: 150 }),
    addFlag: async (f: FlagInput) => {
      flags.push({ ...f, sheet: 'Scorecard', measure: 'Rent collected', status: 'Off target', at: 'now' });
      return flags;
    },
    listFlags: async () => flags,
    selectRow: async (sheet: string, row: number) => {
      calls.push(`select ${sheet}!${row}`);
    },
    ...overrides,
  };
}

describe('task pane', () => {
  test('Recalculate shows the result line and what to check', async () => {
    const host = fakeHost();
    render(<App host={host} />);
    fireEvent.click(screen.getByRole('button', { name: 'Recalculate' }));
    await screen.findByText(/49 measures rated: 17 on target, 9 satisfactory, 23 off target\. 150 cells written on "Scorecard"\./);
    expect(screen.getByText(/1\.A5 needs review/)).toBeTruthy();
    expect(ratedLine(summary)).toBe('49 measures rated: 17 on target, 9 satisfactory, 23 off target.');
  });

  test('an error shows in a message bar saying nothing was changed', async () => {
    render(<App host={fakeHost({ recalculate: () => Promise.reject(new Error('The sheet "Scorecard" is protected.')) })} />);
    fireEvent.click(screen.getByRole('button', { name: 'Recalculate' }));
    await screen.findByText('Nothing was changed');
    expect(screen.getByText('The sheet "Scorecard" is protected.')).toBeTruthy();
  });

  test('red flags link to their rows and feed the flag form', async () => {
    const host = fakeHost();
    render(<App host={host} />);
    fireEvent.click(screen.getByRole('button', { name: 'Red flags' }));
    await screen.findByText(/1 red flag: off target this period and the previous one/);
    fireEvent.click(screen.getByText('2.B4'));
    await waitFor(() => expect(host.calls).toContain('select Scorecard!12'));
    fireEvent.click(screen.getByRole('button', { name: 'Flag 2.B4 for review' }));
    expect((screen.getByLabelText(/^Ref/) as HTMLInputElement).value).toBe('2.B4');
    fireEvent.change(screen.getByLabelText(/^Comment/), { target: { value: 'Clinic in December' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add to Flags sheet' }));
    await screen.findByText('Flag added to the Flags sheet (1 in all).');
  });

  test('Undo reports the cells restored', async () => {
    render(<App host={fakeHost()} />);
    fireEvent.click(screen.getByRole('button', { name: 'Undo last recalculation' }));
    await screen.findByText('Last recalculation undone: 150 cells restored on "Scorecard".');
  });
});
