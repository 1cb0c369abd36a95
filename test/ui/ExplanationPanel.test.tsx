/**
 * @jest-environment jsdom
 *
 * The explanation of the selected row: what to do until there is one, the engine's sentence when there is.
 */
import './support/dom';
import { fireEvent, render, screen } from '@testing-library/react';
import * as React from 'react';
import { DEFAULT_DOT_SYMBOLS, DEFAULT_SYMBOLS } from '../../src/engine/rules';
import { ExplanationPanel } from '../../src/ui/components/ExplanationPanel';
import type { RatedRowView } from '../../src/app/host';
import { ROWS } from './support/fakeHost';

const base = { symbols: DEFAULT_SYMBOLS, dotSymbols: DEFAULT_DOT_SYMBOLS, onFlag: jest.fn(), rateHint: 'Recalculate first.', selectHint: 'Select a row.' };

test('before any rating it says to rate; before any selection, to select', () => {
  const { rerender } = render(<ExplanationPanel {...base} selection={null} row={undefined} rated={false} />);
  expect(screen.getByText('Recalculate first.')).toBeTruthy();
  rerender(<ExplanationPanel {...base} selection={null} row={undefined} rated />);
  expect(screen.getByText('Select a row.')).toBeTruthy();
});

test('a row that is not a measure row says so', () => {
  render(<ExplanationPanel {...base} selection={{ sheet: 'Scorecard', row: 3 }} row={undefined} rated />);
  expect(screen.getByText(/Row 3 of "Scorecard" is not a rated measure row\. Select a row\./)).toBeTruthy();
});

test('a measure row shows its ref, status and direction in words, the reason, review notes and a flag button', () => {
  const onFlag = jest.fn();
  const row: RatedRowView = { ...ROWS[1], needsReview: 'the target names a national average', override: 'agreed at DMT' };
  render(<ExplanationPanel {...base} onFlag={onFlag} selection={{ sheet: 'Scorecard', row: 12 }} row={row} rated />);
  expect(screen.getByText('2.B4')).toBeTruthy();
  expect(screen.getByText('Off target')).toBeTruthy();
  expect(screen.getByText(/Worse/)).toBeTruthy();
  expect(screen.getByTestId('explanation').textContent).toBe(row.explanation);
  expect(screen.getByText('Needs review: the target names a national average')).toBeTruthy();
  expect(screen.getByText('Status set by a manual override: agreed at DMT')).toBeTruthy();
  fireEvent.click(screen.getByRole('button', { name: 'Flag 2.B4 for the performance clinic' }));
  expect(onFlag).toHaveBeenCalledWith('2.B4');
});

test('the panel is a polite live region, so a screen reader hears the new row', () => {
  const { container } = render(<ExplanationPanel {...base} selection={null} row={undefined} rated />);
  expect(container.querySelector('[aria-live="polite"]')).toBeTruthy();
});

test('hostile text in a measure and its explanation stays text', () => {
  const row: RatedRowView = { ...ROWS[0], measure: '<script>alert(1)</script>', explanation: '<b onmouseover=alert(1)>bold</b>' };
  const { container } = render(<ExplanationPanel {...base} selection={{ sheet: 'Scorecard', row: 6 }} row={row} rated />);
  expect(container.querySelector('script, b')).toBeNull();
  expect(screen.getByTestId('explanation').textContent).toBe('<b onmouseover=alert(1)>bold</b>');
});

test("a row with values over time shows them as a trend chart with its target, drawn from the row's own cells", () => {
  const period = (label: string, month: number): { kind: 'month'; start: number; end: number; label: string } => ({ kind: 'month', start: month, end: month, label });
  const row: RatedRowView = {
    ...ROWS[1],
    history: {
      ratedKind: 'month',
      target: 97,
      observations: [
        { period: period('Aug-17', 2), cell: { value: 0.9, numberFormat: '0%' } },
        { period: period('Jul-17', 1), cell: { value: 0.88, numberFormat: '0%' } },
        { period: period('Sep-17', 3), cell: { value: 0.91, numberFormat: '0%' } },
      ],
    },
  };
  const { container } = render(<ExplanationPanel {...base} selection={{ sheet: 'Scorecard', row: 12 }} row={row} rated />);
  const chart = screen.getByRole('img', { name: 'Monthly values, 3 periods: 88% in Jul-17 to 91% in Sep-17; target 97%' });
  expect(chart.querySelectorAll('circle')).toHaveLength(3);
  // The target is the highest figure, so its line is at the top of the chart, above every point.
  const target = Number(container.querySelector('line')?.getAttribute('y1'));
  const ys = Array.from(chart.querySelectorAll('circle')).map((c) => Number(c.getAttribute('cy')));
  expect(ys.every((y) => y > target)).toBe(true);
  // Rising values: each point higher (a smaller y) than the one before.
  expect([...ys].sort((a, b) => b - a)).toEqual(ys);
});

test('a row with fewer than two values has no chart', () => {
  render(<ExplanationPanel {...base} selection={{ sheet: 'Scorecard', row: 12 }} row={{ ...ROWS[1], history: { observations: [] } }} rated />);
  expect(screen.queryByRole('img')).toBeNull();
});
