import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '../test/render';
import { ConfirmAction } from './ConfirmAction';

interface Thing {
  id: string;
  name: string;
}

function Page({ error, pending = false }: { error?: unknown; pending?: boolean }) {
  const [asking, setAsking] = useState<Thing | null>(null);
  const [done, setDone] = useState<string[]>([]);
  return (
    <>
      <button type="button" onClick={() => setAsking({ id: 't1', name: 'label-printer' })}>
        Remove label-printer
      </button>
      <output data-testid="done">{done.join(',')}</output>
      <ConfirmAction
        subject={asking}
        title={(thing) => `Remove ${thing.name}?`}
        body={(thing) => `${thing.name} stops working at once.`}
        confirmLabel="Remove"
        pending={pending}
        error={error}
        onClose={() => setAsking(null)}
        onConfirm={(thing) => {
          setDone((d) => [...d, thing.id]);
          setAsking(null);
        }}
      />
    </>
  );
}

describe('ConfirmAction', () => {
  it('asks about its subject, runs the action on it when confirmed, and closes', async () => {
    renderWithApp(<Page />);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Remove label-printer' }));
    const dialog = await screen.findByRole('dialog', { name: 'Remove label-printer?' });
    expect(dialog).toHaveTextContent('label-printer stops working at once.');
    await userEvent.click(screen.getByRole('button', { name: 'Remove' }));
    expect(screen.getByTestId('done')).toHaveTextContent('t1');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('does nothing when cancelled', async () => {
    renderWithApp(<Page />);
    await userEvent.click(screen.getByRole('button', { name: 'Remove label-printer' }));
    await screen.findByRole('dialog', { name: 'Remove label-printer?' });
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(screen.getByTestId('done')).toBeEmptyDOMElement();
  });

  it("shows the action's failure in the dialog and its button busy while it runs", async () => {
    renderWithApp(<Page error={new Error('The key is in use')} pending />);
    await userEvent.click(screen.getByRole('button', { name: 'Remove label-printer' }));
    await screen.findByRole('dialog', { name: 'Remove label-printer?' });
    expect(screen.getByRole('alert')).toHaveTextContent('The key is in use');
    expect(screen.getByRole('button', { name: 'Remove' })).toHaveAttribute('data-loading', 'true');
  });
});
