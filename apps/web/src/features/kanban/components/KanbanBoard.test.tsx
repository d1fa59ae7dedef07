import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithApp } from '../../../test/render';
import { boardView, MAIN_COLUMNS } from './board-model';
import { KanbanBoard } from './KanbanBoard';
import { makeCard, NOW } from './test-card';

const column = (status: string) => document.querySelector(`section[data-status="${status}"]`)!;

function renderBoard(cards = [makeCard({ actions: ['approve', 'reject'] })]) {
  const props = {
    onMove: vi.fn(),
    onReorder: vi.fn(),
    onReorderRefused: vi.fn(),
    onOpen: vi.fn(),
  };
  renderWithApp(
    <KanbanBoard
      view={boardView(cards, new Map())}
      columns={[...MAIN_COLUMNS, 'REJECTED', 'CANCELLED']}
      now={NOW}
      canReorder
      {...props}
    />,
  );
  return props;
}

describe('KanbanBoard', () => {
  it('counts the cards per column and says so when a column is empty', () => {
    renderBoard();
    expect(screen.getByRole('region', { name: 'Requested' })).toHaveTextContent('KB-20251126-0001');
    expect(screen.getByLabelText('1 cards')).toBeInTheDocument();
    expect(screen.getByText('Nothing is on its way to the lines.')).toBeInTheDocument();
  });

  it('opens only the columns the card’s actions lead to while it is dragged', () => {
    renderBoard();
    const handle = screen.getByRole('button', { name: 'Move KB-20251126-0001' });
    handle.focus();
    fireEvent.keyDown(handle, { code: 'Space', key: ' ' });

    expect(column('APPROVED')).toHaveAttribute('data-drop', 'allowed');
    expect(column('REJECTED')).toHaveAttribute('data-drop', 'allowed');
    expect(column('REQUESTED')).toHaveAttribute('data-drop', 'home');
    for (const status of ['IN_TRANSIT', 'RECEIVED', 'CANCELLED'])
      expect(column(status)).toHaveAttribute('data-drop', 'blocked');
    expect(screen.getByText('Drop to approve')).toBeInTheDocument();
    // The screen reader hears where the card can go.
    expect(
      screen.getByText(
        'Picked up card KB-20251126-0001, ACB30104 from Requested. It can go to: Approved, Rejected.',
      ),
    ).toBeInTheDocument();

    fireEvent.keyDown(handle, { code: 'Escape', key: 'Escape' });
  });

  it('gives a card the user may not move no grip, so it cannot be dragged', () => {
    renderBoard([makeCard({ status: 'RECEIVED', actions: [] })]);
    expect(screen.queryByRole('button', { name: /^Move / })).not.toBeInTheDocument();
  });
});
