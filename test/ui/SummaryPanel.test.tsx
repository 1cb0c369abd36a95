/**
 * @jest-environment jsdom
 *
 * The summary panel: counts and percentages as the engine gives them, adding up to 100.0, each status in
 * words beside its symbol, and the same per priority.
 */
import './support/dom';
import { fireEvent, render, screen, within } from '@testing-library/react';
import * as React from 'react';
import { DEFAULT_DOT_SYMBOLS, DEFAULT_SYMBOLS } from '../../src/engine/rules';
import { summarise } from '../../src/engine/summarise';
import { SummaryPanel } from '../../src/ui/components/SummaryPanel';

const summary = summarise([
  ...Array.from({ length: 2 }, () => ({ priority: 'Every child', status: 'on-target' as const, dot: 'improved' as const })),
  { priority: 'Every child', status: 'off-target' as const, dot: 'worse' as const },
  { priority: 'A clean city', status: 'satisfactory' as const, dot: 'stable' as const },
  { priority: 'A clean city', status: 'not-available' as const, dot: 'not-applicable' as const },
  // Rated without polarity: the summary counts its increase as not applicable.
  { priority: 'A clean city', status: 'off-target' as const, dot: 'not-applicable' as const },
]);

function cells(table: HTMLElement, rowName: string): string[] {
  const header = within(table).getByRole('rowheader', { name: rowName });
  return Array.from((header.parentElement as HTMLElement).querySelectorAll('td')).map((td) => td.textContent ?? '');
}

test('shows each status with its count and a percentage, and the totals add up to 100.0', () => {
  render(<SummaryPanel summary={summary} symbols={DEFAULT_SYMBOLS} dotSymbols={DEFAULT_DOT_SYMBOLS} />);
  const status = screen.getByRole('table', { name: 'Overall status: all measures' });
  expect(cells(status, 'On target').slice(0, 2)).toEqual(['2', '33.3']);
  expect(cells(status, 'Off target').slice(0, 2)).toEqual(['2', '33.3']);
  expect(cells(status, 'Satisfactory').slice(0, 2)).toEqual(['1', '16.7']);
  expect(cells(status, 'Not yet available').slice(0, 2)).toEqual(['1', '16.7']);
  expect(cells(status, 'Total').slice(0, 2)).toEqual(['6', '100.0']);
  // Symbols go with words and are hidden from screen readers, which read the words.
  const symbol = within(status).getByText('✔');
  expect(symbol.getAttribute('aria-hidden')).toBe('true');
  expect(screen.getByText('Of the 5 measures with data and a target, 3 (60.0%) are on target or satisfactory.')).toBeTruthy();
});

test('direction of travel counts increase and decrease as not applicable, and the bars are hidden from screen readers', () => {
  const { container } = render(<SummaryPanel summary={summary} symbols={DEFAULT_SYMBOLS} dotSymbols={DEFAULT_DOT_SYMBOLS} />);
  const dot = screen.getByRole('table', { name: 'Direction of travel: all measures' });
  expect(cells(dot, 'Improved').slice(0, 2)).toEqual(['2', '33.3']);
  expect(within(dot).queryByRole('rowheader', { name: 'Increase' })).toBeNull();
  expect(within(dot).queryByRole('rowheader', { name: 'Decrease' })).toBeNull();
  expect(cells(dot, 'Total').slice(0, 2)).toEqual(['6', '100.0']);
  const bars = container.querySelectorAll('svg');
  expect(bars.length).toBeGreaterThan(0);
  bars.forEach((svg) => expect(svg.getAttribute('aria-hidden')).toBe('true'));
});

test('one priority at a time', () => {
  render(<SummaryPanel summary={summary} symbols={DEFAULT_SYMBOLS} dotSymbols={DEFAULT_DOT_SYMBOLS} />);
  fireEvent.change(screen.getByLabelText('Show'), { target: { value: 'A clean city' } });
  const status = screen.getByRole('table', { name: 'Overall status: A clean city' });
  const city = summary.byPriority.find((p) => p.priority === 'A clean city');
  expect(cells(status, 'Satisfactory').slice(0, 2)).toEqual(['1', city?.statuses.satisfactory.percent.toFixed(1)]);
  // Three measures in three statuses: equal counts show equal shares, so the total says it is rounded.
  expect(cells(status, 'Total').slice(0, 2)).toEqual(['3', '99.9']);
  expect(within(status).getByText(/rounded and equal counts show equal shares, so they add up to 99\.9/)).toBeTruthy();
});

test("a workbook's own symbols are shown", () => {
  render(<SummaryPanel summary={summary} symbols={{ ...DEFAULT_SYMBOLS, 'on-target': 'G' }} dotSymbols={DEFAULT_DOT_SYMBOLS} />);
  expect(within(screen.getByRole('table', { name: 'Overall status: all measures' })).getByText('G')).toBeTruthy();
});
