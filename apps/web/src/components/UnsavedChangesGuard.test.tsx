import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '../test/render';
import { UnsavedChangesGuard } from './UnsavedChangesGuard';

function EditPage() {
  const [text, setText] = useState('');
  const { pathname } = useLocation();
  return (
    <>
      <output data-testid="path">{pathname}</output>
      <input aria-label="Note" value={text} onChange={(e) => setText(e.currentTarget.value)} />
      <UnsavedChangesGuard dirty={text !== ''} />
      <Link to="/elsewhere">Elsewhere</Link>
    </>
  );
}

describe('UnsavedChangesGuard', () => {
  it('lets a clean page go, and asks before a page with edits is left', async () => {
    renderWithApp(<EditPage />, { path: '/edit' });
    await userEvent.click(screen.getByRole('link', { name: 'Elsewhere' }));
    expect(screen.getByTestId('path')).toHaveTextContent('/elsewhere');
  });

  it('keeps the edits when the user stays, and leaves when they choose to discard', async () => {
    renderWithApp(<EditPage />, { path: '/edit' });
    await userEvent.type(screen.getByRole('textbox', { name: 'Note' }), 'half-typed');
    const unload = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(unload);
    expect(unload.defaultPrevented).toBe(true);

    await userEvent.click(screen.getByRole('link', { name: 'Elsewhere' }));
    await screen.findByRole('dialog', { name: 'Leave without saving?' });
    expect(screen.getByTestId('path')).toHaveTextContent('/edit');
    await userEvent.click(screen.getByRole('button', { name: 'Stay and keep editing' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(screen.getByRole('textbox', { name: 'Note' })).toHaveValue('half-typed');

    await userEvent.click(screen.getByRole('link', { name: 'Elsewhere' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Leave and discard' }));
    expect(screen.getByTestId('path')).toHaveTextContent('/elsewhere');
  });
});
