import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithApp } from '../../../test/render';
import { makeCard } from './test-card';
import { TransitionPrompt } from './TransitionPrompt';

describe('TransitionPrompt', () => {
  it('asks for a reason before a card is rejected', async () => {
    const onConfirm = vi.fn();
    renderWithApp(
      <TransitionPrompt card={makeCard()} action="reject" onConfirm={onConfirm} onClose={() => {}} />,
    );
    const dialog = await screen.findByRole('dialog', { name: 'Reject KB-20251126-0001' });
    expect(dialog).toHaveTextContent('ACB30104');

    await userEvent.click(screen.getByRole('button', { name: 'Reject card' }));
    expect(await screen.findByText('Say why the card is rejected')).toBeInTheDocument();
    expect(onConfirm).not.toHaveBeenCalled();

    // Blanks alone are no reason either.
    await userEvent.type(screen.getByRole('textbox', { name: /Reason/ }), '   ');
    await userEvent.click(screen.getByRole('button', { name: 'Reject card' }));
    expect(onConfirm).not.toHaveBeenCalled();

    await userEvent.type(
      screen.getByRole('textbox', { name: /Reason/ }),
      'Use the cartons on the line first',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Reject card' }));
    expect(onConfirm).toHaveBeenCalledWith({ action: 'reject', reason: 'Use the cartons on the line first' });
  });

  it('asks how much arrived, the shipped quantity by default, and names a short receipt', async () => {
    const onConfirm = vi.fn();
    const card = makeCard({ status: 'IN_TRANSIT', quantity: 450, shippedQuantity: 450, uom: 'PCS' });
    renderWithApp(<TransitionPrompt card={card} action="receive" onConfirm={onConfirm} onClose={() => {}} />);
    const quantity = await screen.findByRole('textbox', { name: /Received quantity \(PCS\)/ });
    expect(quantity).toHaveValue('450');

    await userEvent.clear(quantity);
    await userEvent.type(quantity, '430');
    expect(screen.getByText('Short receipt: 20 PCS goes back to the warehouse.')).toBeInTheDocument();
    // A short receipt needs a reason: without one nothing is sent.
    await userEvent.click(screen.getByRole('button', { name: 'Receive' }));
    expect(await screen.findByText(/A short receipt needs a reason/)).toBeInTheDocument();
    expect(onConfirm).not.toHaveBeenCalled();
    await userEvent.type(screen.getByRole('textbox', { name: /Why less arrived/ }), 'Two boxes torn');
    await userEvent.click(screen.getByRole('button', { name: 'Receive' }));
    expect(onConfirm).toHaveBeenCalledWith({
      action: 'receive',
      receivedQuantity: 430,
      shortReason: 'Two boxes torn',
    });
  });
});
