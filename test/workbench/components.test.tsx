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
import { MAX_SHOWN, RatedRowsTable } from '../../src/workbench/components/RatedRowsTable';
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

test(`shows at most ${MAX_SHOWN} rows and says how to see the rest`, () => {
  const many = Array.from({ length: MAX_SHOWN + 20 }, (_, i): RatedRowView => ({ ...ROWS[0], row: i + 6, ref: `R${i}` }));
  table(many);
  expect(bodyRows()).toHaveLength(MAX_SHOWN);
  expect(screen.getByText(`${(MAX_SHOWN + 20).toLocaleString('en-GB')} rated rows: the first ${MAX_SHOWN} are shown, narrow them with the filters.`)).toBeTruthy();
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
