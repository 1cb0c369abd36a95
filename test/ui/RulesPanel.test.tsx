/**
 * @jest-environment jsdom
 *
 * The Rules panel: one control per rule of the rule table and per symbol, in words, checked before anything is saved.
 */
import './support/dom';
import { act, fireEvent, render, screen } from '@testing-library/react';
import * as React from 'react';
import { defaultRules } from '../../src/engine/rules';
import { RULE_KEYS, RULES, ruleWords } from '../../src/engine/ruleTable';
import type { RatingRules } from '../../src/engine/rules';
import { STATUS_LABELS } from '../../src/engine/types';
import { draftOf, RulesPanel, rulesFromDraft } from '../../src/ui/components/RulesPanel';
import type { RulesView } from '../../src/app/host';

const view: RulesView = { rules: defaultRules(), saved: false, problems: [] };

function panel(v: RulesView = view): jest.Mock<Promise<boolean>, [RatingRules]> {
  const onSave = jest.fn(async (_: RatingRules) => true);
  render(<RulesPanel view={v} busy={false} onSave={onSave} />);
  return onSave;
}

async function save(): Promise<void> {
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: 'Save rules to the workbook' }));
  });
}

test('every rule of the table has a labelled control showing its value in words', () => {
  panel();
  const d = defaultRules();
  for (const k of RULE_KEYS) {
    const control = screen.getByLabelText(RULES[k].name) as HTMLInputElement | HTMLSelectElement;
    const value = d[k];
    if (typeof value === 'boolean') expect((control as HTMLInputElement).checked).toBe(value);
    else if (control instanceof HTMLSelectElement) expect(control.selectedOptions[0].textContent).toBe(ruleWords(k, value));
    else expect(`${control.value}${RULES[k].unit === '%' ? '%' : ''}`).toBe(ruleWords(k, value).replace(/ .*$/, ''));
  }
  for (const label of Object.values(STATUS_LABELS)) expect(screen.getAllByLabelText(label).length).toBeGreaterThan(0);
  expect(screen.getByText(/no 'Scorecard rules' sheet yet, so the defaults apply/)).toBeTruthy();
});

test('saves the changed rules: tolerance, comparison basis, strict comparators and a symbol', async () => {
  const onSave = panel();
  fireEvent.change(screen.getByLabelText('Tolerance (share of the target)'), { target: { value: '5' } });
  fireEvent.change(screen.getByLabelText('Direction of travel compares with'), { target: { value: 'previous-period' } });
  fireEvent.click(screen.getByLabelText('Strict comparators'));
  fireEvent.change(screen.getByLabelText('On target'), { target: { value: 'G' } });
  await save();
  expect(onSave).toHaveBeenCalledTimes(1);
  const saved = onSave.mock.calls[0][0];
  expect(saved.tolerance).toBe(0.05);
  expect(saved.dotBasis).toBe('previous-period');
  expect(saved.strictComparators).toBe(true);
  expect(saved.symbols['on-target']).toBe('G');
});

test('a blank or out-of-range number and a repeated symbol are refused, each at its field', async () => {
  const onSave = panel();
  fireEvent.change(screen.getByLabelText('Tolerance (share of the target)'), { target: { value: '' } });
  fireEvent.change(screen.getByLabelText('Stability band (share of the comparison value)'), { target: { value: '200' } });
  fireEvent.change(screen.getByLabelText('Tolerance for percentages (points)'), { target: { value: '2.5%' } });
  fireEvent.change(screen.getByLabelText('Satisfactory'), { target: { value: '✔' } });
  await save();
  expect(onSave).not.toHaveBeenCalled();
  expect(screen.getByText('Needs a percentage such as 2.5%, got "".')).toBeTruthy();
  expect(screen.getByText('Must be from 0% to 100%, got 200%.')).toBeTruthy();
  expect(screen.getByText('Is a number of percentage points, not a percentage: write 2.5, not 2.5%.')).toBeTruthy();
  expect(screen.getByText('Already used for on target: each needs its own symbol.')).toBeTruthy();
});

test('Use the defaults puts every field back', () => {
  panel({ rules: { ...defaultRules(), tolerance: 0.2 }, saved: true, problems: [] });
  expect((screen.getByLabelText('Tolerance (share of the target)') as HTMLInputElement).value).toBe('20');
  fireEvent.click(screen.getByRole('button', { name: 'Use the defaults' }));
  expect((screen.getByLabelText('Tolerance (share of the target)') as HTMLInputElement).value).toBe('2.5');
});

test("problems in the workbook's Rules sheet are listed with what to do", () => {
  panel({ rules: defaultRules(), saved: true, problems: ["'Scorecard rules'!B4: rule \"tolerance\" needs a percentage such as 2.5%, got \"lots\""] });
  expect(screen.getByText('The Rules sheet has a problem')).toBeTruthy();
  expect(screen.getByText(/saving rewrites the sheet/)).toBeTruthy();
  expect(screen.getByText(/needs a percentage such as 2.5%, got "lots"/)).toBeTruthy();
});

test('no rule option is shown as a code: the choices are offered in words', () => {
  panel();
  const shown = [...document.querySelectorAll('option')].map((o) => o.textContent ?? '');
  expect(shown).toContain('The same period last year');
  for (const code of ['same-period-last-year', 'worst', 'linear', 'eight-state']) expect(shown).not.toContain(code);
  expect(document.body.textContent).not.toMatch(/same-period-last-year|eight-state|percent-of-target/);
});

test('rulesFromDraft gives the rules the next run will read back', () => {
  const checked = rulesFromDraft(draftOf({ ...defaultRules(), tolerance: 0.04, compositeRule: 'best' }));
  expect('rules' in checked && checked.rules).toMatchObject({ tolerance: 0.04, compositeRule: 'best' });
});

test('after a rating, the symbols the scorecard’s own Key set are named, and the defaults are said not to override them', () => {
  const ratedWith = { ...defaultRules(), symbols: { ...defaultRules().symbols, 'on-target': '✓', 'off-target': '✗' } };
  render(<RulesPanel view={view} busy={false} onSave={jest.fn(async () => true)} ratedWith={ratedWith} />);
  const note = screen.getByRole('note');
  expect(note.textContent).toMatch(/own Key for on target \(✓\) and off target \(✗\)\. A symbol\s+left at its default here never overrides the Key/);
});

test('no note when the last rating used the rules’ own symbols, or before any rating', () => {
  render(<RulesPanel view={view} busy={false} onSave={jest.fn(async () => true)} ratedWith={defaultRules()} />);
  expect(screen.queryByRole('note')).toBeNull();
});
