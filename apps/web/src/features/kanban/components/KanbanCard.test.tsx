import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithApp } from '../../../test/render';
import { KanbanCardView } from './KanbanCard';
import { makeCard, NOW } from './test-card';

describe('KanbanCardView', () => {
  it('shows what is asked for, how urgent, how old, and an overdue needed-by in red', () => {
    // Needed by 11:00 WIB; it is 11:30 WIB.
    renderWithApp(<KanbanCardView card={makeCard({ neededBy: '2025-11-26T04:00:00.000Z' })} now={NOW} />);
    const card = screen.getByRole('article', { name: /KB-20251126-0001/ });
    expect(within(card).getByText('ACB30104')).toBeInTheDocument();
    expect(within(card).getByText('CARTON 570X375X450')).toBeInTheDocument();
    expect(card).toHaveTextContent('40PCS');
    expect(within(card).getByText('Packing')).toBeInTheDocument();
    expect(within(card).getByText('Urgent')).toBeInTheDocument();
    expect(within(card).getByText('2 h ago')).toBeInTheDocument();
    const neededBy = within(card).getByTestId('needed-by');
    expect(neededBy).toHaveTextContent('Overdue, needed today 11:00');
    expect(neededBy.className).toMatch(/overdue/);
    expect(card).toHaveAttribute('data-overdue', 'true');
  });

  it('does not mark a card overdue before its time, nor once it was received', () => {
    const { unmount } = renderWithApp(
      <KanbanCardView card={makeCard({ neededBy: '2025-11-27T01:00:00.000Z' })} now={NOW} />,
    );
    expect(screen.getByTestId('needed-by')).toHaveTextContent('Need tomorrow 08:00');
    expect(screen.getByRole('article')).toHaveAttribute('data-overdue', 'false');
    unmount();

    renderWithApp(
      <KanbanCardView
        card={makeCard({ status: 'RECEIVED', neededBy: '2025-11-26T01:00:00.000Z' })}
        now={NOW}
      />,
    );
    expect(screen.getByTestId('needed-by')).toHaveTextContent('Need today 08:00');
    expect(screen.getByRole('article')).toHaveAttribute('data-overdue', 'false');
  });

  it('offers only the actions the API allows, and an Auto badge for automatic cards', async () => {
    const onAction = vi.fn();
    const card = makeCard({ automatic: true, actions: ['approve', 'reject'] });
    renderWithApp(<KanbanCardView card={card} now={NOW} onAction={onAction} />);
    expect(screen.getByText('Auto')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Approve KB-20251126-0001' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Reject KB-20251126-0001' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^(Ship|Receive|Cancel) / })).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Reject KB-20251126-0001' }));
    expect(onAction).toHaveBeenCalledWith(card, 'reject');
  });
});
