/**
 * @jest-environment jsdom
 *
 * The red-flag list: each flag goes to its row and can be flagged for the clinic; cell text is only text.
 */
import './support/dom';
import { fireEvent, render, screen, within } from '@testing-library/react';
import * as React from 'react';
import { DEFAULT_SYMBOLS } from '../../src/engine/rules';
import { RedFlagList } from '../../src/ui/components/RedFlagList';
import { FLAG } from './support/fakeHost';

function list(overrides: Partial<React.ComponentProps<typeof RedFlagList>> = {}): { onSelect: jest.Mock; onFlag: jest.Mock } {
  const onSelect = jest.fn();
  const onFlag = jest.fn();
  render(<RedFlagList flags={[FLAG]} symbols={DEFAULT_SYMBOLS} selection={null} onSelect={onSelect} onFlag={onFlag} emptyHint="Click Red flags." {...overrides} />);
  return { onSelect, onFlag };
}

test('a flag names its measure, status in words, values and periods, and goes to its row', () => {
  const { onSelect } = list();
  const item = within(screen.getByRole('list', { name: 'Red flags' })).getByRole('listitem');
  expect(item.textContent).toContain('Off target');
  expect(item.textContent).toContain('91% in Sep-17; was 90% in Jun-17');
  fireEvent.click(within(item).getByRole('button', { name: /^2\.B4 Rent collected/ }));
  expect(onSelect).toHaveBeenCalledWith('Scorecard', 12);
});

test('the Flag button hands its ref on for the clinic', () => {
  const { onFlag } = list();
  fireEvent.click(screen.getByRole('button', { name: 'Flag 2.B4 for the performance clinic' }));
  expect(onFlag).toHaveBeenCalledWith('2.B4');
});

test('the chosen flag is marked as current', () => {
  list({ selection: { sheet: 'scorecard', row: 12 } });
  expect(screen.getByRole('button', { name: /^2\.B4 Rent collected/ }).getAttribute('aria-current')).toBe('true');
});

test('says what to do before there are flags, and when there are none', () => {
  const { unmount } = render(<RedFlagList flags={null} symbols={DEFAULT_SYMBOLS} selection={null} onSelect={jest.fn()} onFlag={jest.fn()} emptyHint="Click Red flags." />);
  expect(screen.getByText('Click Red flags.')).toBeTruthy();
  unmount();
  list({ flags: [] });
  expect(screen.getByText('No measure is off target in this period and the previous one.')).toBeTruthy();
});

test('hostile cell text is shown as text, never as markup', () => {
  const { container } = render(
    <RedFlagList
      flags={[{ ...FLAG, measure: '<img src=x onerror="alert(1)">', leadOfficer: '=HYPERLINK("http://x","y")' }]}
      symbols={DEFAULT_SYMBOLS}
      selection={null}
      onSelect={jest.fn()}
      onFlag={jest.fn()}
      emptyHint=""
    />,
  );
  expect(container.querySelector('img')).toBeNull();
  expect(container.textContent).toContain('<img src=x onerror="alert(1)">');
  expect(container.textContent).toContain('=HYPERLINK("http://x","y")');
  expect(container.querySelector('a[href]')).toBeNull();
});

test('a long list shows the first five, grouped by priority, and Show all shows the rest', () => {
  const flags = Array.from({ length: 12 }, (_, i) => ({ ...FLAG, row: 20 + i, ref: `3.C${i}`, priority: i % 2 ? 'Priority 2' : 'Priority 1' }));
  list({ flags });
  const items = (): string[] => within(screen.getByRole('list', { name: 'Red flags' })).getAllByRole('listitem').map((li) => li.textContent ?? '');
  expect(items()).toHaveLength(5);
  // Priority 1 (rows 0, 2, 4, …) first: the first five are all of it but one.
  expect(items().every((t) => /3\.C(0|2|4|6|8)\b/.test(t))).toBe(true);
  expect(screen.getByText('Priority 1 (6)')).toBeTruthy();
  expect(screen.queryByText('Priority 2 (6)')).toBeNull();
  fireEvent.click(screen.getByRole('button', { name: 'Show all (12)' }));
  expect(items()).toHaveLength(12);
  expect(screen.getByText('Priority 2 (6)')).toBeTruthy();
  fireEvent.click(screen.getByRole('button', { name: 'Show the first 5' }));
  expect(items()).toHaveLength(5);
  // In sheet order there are no headings and the rows come as in the sheet.
  fireEvent.change(screen.getByLabelText('Show red flags'), { target: { value: 'sheet' } });
  expect(items().map((t) => /3\.C\d+/.exec(t)?.[0])).toEqual(['3.C0', '3.C1', '3.C2', '3.C3', '3.C4']);
  expect(screen.queryByText('Priority 1 (6)')).toBeNull();
});
