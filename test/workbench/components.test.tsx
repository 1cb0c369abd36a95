/**
 * @jest-environment jsdom
 *
 * The workbench's own components: the table of rated rows (filter, find, choose a row) and opening a file.
 */
import '../ui/support/dom';
import { fireEvent, render, screen, within } from '@testing-library/react';
import * as React from 'react';
import { DEFAULT_DOT_SYMBOLS, DEFAULT_SYMBOLS } from '../../src/engine/rules';
import type { RatedRowView } from '../../src/app/host';
import { OpenFile } from '../../src/workbench/components/OpenFile';
import { RatedRowsTable } from '../../src/workbench/components/RatedRowsTable';
import { ROWS } from '../ui/support/fakeHost';

function table(rows: readonly RatedRowView[] = ROWS, selection: { sheet: string; row: number } | null = null): jest.Mock {
  const onSelect = jest.fn();
  render(<RatedRowsTable rows={rows} selection={selection} symbols={DEFAULT_SYMBOLS} dotSymbols={DEFAULT_DOT_SYMBOLS} onSelect={onSelect} />);
  return onSelect;
}

function bodyRows(): HTMLElement[] {
  return within(screen.getByRole('table', { name: 'Rated rows' })).getAllByRole('row').slice(1);
}

test('lists every rated row with its status and direction in words, and explains the one chosen', () => {
  const onSelect = table();
  expect(bodyRows()).toHaveLength(2);
  expect(bodyRows()[1].textContent).toContain('Off target');
  expect(bodyRows()[1].textContent).toContain('Worse');
  fireEvent.click(screen.getByRole('button', { name: 'Explain 2.B4' }));
  expect(onSelect).toHaveBeenCalledWith('Scorecard', 12);
  fireEvent.click(bodyRows()[0]);
  expect(onSelect).toHaveBeenLastCalledWith('Scorecard', 6);
});

test('the chosen row is marked current', () => {
  table(ROWS, { sheet: 'Scorecard', row: 12 });
  expect(bodyRows()[1].getAttribute('aria-current')).toBe('true');
  expect(bodyRows()[0].getAttribute('aria-current')).toBeNull();
});

test('filters by status and finds by ref, measure or reason', () => {
  table();
  fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'off-target' } });
  expect(bodyRows().map((r) => r.textContent)).toEqual([expect.stringContaining('2.B4')]);
  expect(screen.getByText('1 of 2 rated rows.')).toBeTruthy();
  fireEvent.change(screen.getByLabelText('Status'), { target: { value: '' } });
  fireEvent.change(screen.getByLabelText('Find'), { target: { value: 'children' } });
  expect(bodyRows().map((r) => r.textContent)).toEqual([expect.stringContaining('1.A1')]);
});

test('draws only the rows in view of 20,000, and Find reaches any of them', () => {
  const many = Array.from({ length: 20_000 }, (_, i): RatedRowView => ({ ...ROWS[i % 2], row: i + 6, ref: `R${i}` }));
  table(many);
  expect(screen.getByText('20,000 rated rows.')).toBeTruthy();
  expect(bodyRows().length).toBeGreaterThan(5);
  expect(bodyRows().length).toBeLessThan(100);
  fireEvent.change(screen.getByLabelText('Find'), { target: { value: 'r19998' } });
  expect(bodyRows().map((r) => r.textContent)).toEqual([expect.stringContaining('R19998')]);
  expect(screen.getByText('1 of 20,000 rated rows.')).toBeTruthy();
});

test('grouped by status, the rows to act on come first under a heading with their count', () => {
  table();
  fireEvent.change(screen.getByLabelText('Order'), { target: { value: 'status' } });
  const headings = within(screen.getByRole('table', { name: 'Rated rows' })).getAllByRole('columnheader').map((h) => h.textContent);
  expect(headings).toEqual(expect.arrayContaining(['Off target (1)', 'On target (1)']));
  const order = bodyRows().map((r) => r.textContent ?? '');
  expect(order.findIndex((t) => t.startsWith('Off target'))).toBeLessThan(order.findIndex((t) => t.includes('1.A1')));
  expect(order.findIndex((t) => t.includes('2.B4'))).toBeLessThan(order.findIndex((t) => t.startsWith('On target')));
});

test('a long reason opens in full from its row, without choosing the row', () => {
  const long: RatedRowView = { ...ROWS[0], explanation: `${ROWS[0].explanation} ${'The value is the latest in the year. '.repeat(4)}` };
  const onSelect = table([long]);
  const more = screen.getByRole('button', { name: 'Show the whole reason for 1.A1' });
  expect(more.getAttribute('aria-expanded')).toBe('false');
  fireEvent.click(more);
  expect(screen.getByRole('button', { name: 'Shorten the whole reason for 1.A1' }).getAttribute('aria-expanded')).toBe('true');
  expect(onSelect).not.toHaveBeenCalled();
});

test('cell text is shown as text', () => {
  const { container } = render(
    <RatedRowsTable
      rows={[{ ...ROWS[0], measure: '<img src=x onerror=alert(1)>', explanation: '<script>alert(1)</script>' }]}
      selection={null}
      symbols={DEFAULT_SYMBOLS}
      dotSymbols={DEFAULT_DOT_SYMBOLS}
      onSelect={jest.fn()}
    />,
  );
  expect(container.querySelector('img, script')).toBeNull();
  expect(container.textContent).toContain('<img src=x onerror=alert(1)>');
});

test('a file chosen or dropped is handed on; the button opens the file picker', () => {
  const onFile = jest.fn();
  const { container } = render(<OpenFile onFile={onFile} opening={null} compact={false} />);
  const input = screen.getByLabelText('Scorecard workbook (.xlsx)') as HTMLInputElement;
  const click = jest.spyOn(input, 'click');
  fireEvent.click(screen.getByRole('button', { name: 'Choose a workbook…' }));
  expect(click).toHaveBeenCalled();
  const file = new File(['x'], 'q2.xlsx');
  fireEvent.change(input, { target: { files: [file] } });
  expect(onFile).toHaveBeenCalledWith(file);
  const zone = container.firstElementChild as HTMLElement;
  const dropped = new File(['y'], 'q3.xlsx');
  fireEvent.drop(zone, { dataTransfer: { files: [dropped] } });
  expect(onFile).toHaveBeenLastCalledWith(dropped);
});

test('while a file opens, its name is shown and the button waits', () => {
  render(<OpenFile onFile={jest.fn()} opening="q2.xlsx" compact />);
  expect(screen.getByText('Opening "q2.xlsx"…')).toBeTruthy();
  expect((screen.getByRole('button', { name: 'Open another workbook…' }) as HTMLButtonElement).disabled).toBe(true);
});
