/**
 * @jest-environment jsdom
 *
 * The reviewer's flag dialog: opens on a ref, needs a comment, keeps what was typed when saving fails.
 */
import './support/dom';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import * as React from 'react';
import { FlagDialog } from '../../src/ui/components/FlagDialog';
import type { FlagInput } from '../../src/app/host';

function addButton(): HTMLButtonElement {
  return screen.getByRole('button', { name: 'Add flag' }) as HTMLButtonElement;
}

test('closed until there is a ref to flag', () => {
  render(<FlagDialog flagRef={null} busy={false} onClose={jest.fn()} onSubmit={jest.fn()} />);
  expect(screen.queryByRole('dialog')).toBeNull();
});

test('opens on the ref, needs a comment, and sends ref, comment and name', async () => {
  const onSubmit = jest.fn(async (_: FlagInput) => ({ ok: true as const }));
  const onClose = jest.fn();
  render(<FlagDialog flagRef="2.B4" busy={false} onClose={onClose} onSubmit={onSubmit} />);
  expect(screen.getByRole('dialog')).toBeTruthy();
  expect((screen.getByLabelText(/^Ref/) as HTMLInputElement).value).toBe('2.B4');
  expect(addButton().disabled).toBe(true);
  fireEvent.change(screen.getByLabelText(/^Comment/), { target: { value: 'Ask why it fell' } });
  fireEvent.change(screen.getByLabelText('Your name'), { target: { value: 'Sam' } });
  expect(addButton().disabled).toBe(false);
  await act(async () => {
    fireEvent.click(addButton());
  });
  expect(onSubmit).toHaveBeenCalledWith({ ref: '2.B4', comment: 'Ask why it fell', by: 'Sam' });
  expect(onClose).toHaveBeenCalled();
});

test('a refusal stays in the dialog with its reason, and nothing typed is lost', async () => {
  const onClose = jest.fn();
  render(<FlagDialog flagRef="9.Z9" busy={false} onClose={onClose} onSubmit={async () => ({ ok: false, error: 'No measure with ref "9.Z9": check the ref.' })} />);
  fireEvent.change(screen.getByLabelText(/^Comment/), { target: { value: 'Typed with care' } });
  await act(async () => {
    fireEvent.click(addButton());
  });
  await waitFor(() => expect(screen.getByText('No measure with ref "9.Z9": check the ref.')).toBeTruthy());
  expect((screen.getByLabelText(/^Comment/) as HTMLTextAreaElement).value).toBe('Typed with care');
  expect(onClose).not.toHaveBeenCalled();
});

test('Cancel closes without saving', () => {
  const onSubmit = jest.fn();
  const onClose = jest.fn();
  render(<FlagDialog flagRef="" busy={false} onClose={onClose} onSubmit={onSubmit} />);
  fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
  expect(onClose).toHaveBeenCalled();
  expect(onSubmit).not.toHaveBeenCalled();
});
