import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { errorBody, renderWithApp, stubFetch } from '../../../test/render';
import { PasswordPage } from './PasswordPage';

const fill = async (current: string, next: string, repeat = next) => {
  await userEvent.type(screen.getByLabelText('Current password'), current);
  await userEvent.type(screen.getByLabelText('New password'), next);
  await userEvent.type(screen.getByLabelText('Repeat the new password'), repeat);
  await userEvent.click(screen.getByRole('button', { name: 'Change password' }));
};

describe('PasswordPage', () => {
  it('checks length and the repeat before calling the server', async () => {
    const { fetch, requests } = stubFetch(() => ({ status: 500 }));
    vi.stubGlobal('fetch', fetch);
    renderWithApp(<PasswordPage />, { path: '/account/password' });
    await fill('kapok-demo', 'short');
    expect(await screen.findByText('Use at least 12 characters')).toBeInTheDocument();
    await userEvent.clear(screen.getByLabelText('New password'));
    await userEvent.type(screen.getByLabelText('New password'), 'Saffron-Bicycle-Glacier-31');
    await userEvent.click(screen.getByRole('button', { name: 'Change password' }));
    expect(await screen.findByText('The two new passwords differ')).toBeInTheDocument();
    expect(requests).toHaveLength(0);
  });

  it('shows why the server refused the new password next to it', async () => {
    const { fetch } = stubFetch(() => ({
      status: 422,
      body: errorBody(422, 'WEAK_PASSWORD', 'The password is too weak', [
        { field: 'newPassword', messages: ['This password is too easy to guess.'] },
      ]),
    }));
    vi.stubGlobal('fetch', fetch);
    renderWithApp(<PasswordPage />, { path: '/account/password' });
    await fill('kapok-demo', 'password12345');
    expect(await screen.findByText('This password is too easy to guess.')).toBeInTheDocument();
  });

  it('sends both passwords and confirms the change', async () => {
    const { fetch, requests } = stubFetch(() => ({ status: 204 }));
    vi.stubGlobal('fetch', fetch);
    renderWithApp(<PasswordPage />, { path: '/account/password' });
    await fill('kapok-demo', 'Saffron-Bicycle-Glacier-31');
    expect(await screen.findByRole('status')).toHaveTextContent('Your password is changed');
    expect(new URL(requests[0]!.url).pathname).toBe('/api/v1/auth/password');
    expect(await requests[0]!.json()).toEqual({
      currentPassword: 'kapok-demo',
      newPassword: 'Saffron-Bicycle-Glacier-31',
    });
  });
});
