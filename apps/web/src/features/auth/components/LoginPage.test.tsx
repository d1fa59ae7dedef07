import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { errorBody, renderWithApp, stubFetch } from '../../../test/render';
import { LoginPage } from './LoginPage';

const renderLogin = () => renderWithApp(<LoginPage />, { user: null, path: '/login' });

describe('LoginPage', () => {
  it('asks for both fields before calling the server', async () => {
    const { fetch, requests } = stubFetch(() => ({ status: 500 }));
    vi.stubGlobal('fetch', fetch);
    renderLogin();

    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByText('Enter your username')).toBeInTheDocument();
    expect(screen.getByText('Enter your password')).toBeInTheDocument();
    expect(requests).toHaveLength(0);
  });

  it('sends the credentials and shows the server’s error message', async () => {
    const { fetch, requests } = stubFetch(() => ({
      status: 401,
      body: errorBody(401, 'UNAUTHORIZED', 'Sign-in is closed during stock-taking until 14:00'),
    }));
    vi.stubGlobal('fetch', fetch);
    renderLogin();

    await userEvent.type(screen.getByLabelText('Username'), 'Sewing');
    await userEvent.type(screen.getByLabelText('Password'), 'wrong-password');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Sign-in is closed during stock-taking until 14:00',
    );
    expect(requests).toHaveLength(1);
    expect(requests[0]!.method).toBe('POST');
    expect(new URL(requests[0]!.url).pathname).toBe('/api/v1/auth/login');
    expect(await requests[0]!.json()).toEqual({ username: 'sewing', password: 'wrong-password' });
  });

  it('explains wrong credentials and the login throttle', async () => {
    let attempt = 0;
    const { fetch } = stubFetch(() =>
      ++attempt === 1
        ? { status: 401, body: errorBody(401, 'INVALID_CREDENTIALS', 'Wrong username or password') }
        : {
            status: 429,
            body: errorBody(429, 'TOO_MANY_ATTEMPTS', 'Too many login attempts', { retryAfterSeconds: 600 }),
          },
    );
    vi.stubGlobal('fetch', fetch);
    renderLogin();

    await userEvent.type(screen.getByLabelText('Username'), 'admin');
    await userEvent.type(screen.getByLabelText('Password'), 'nope');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Wrong username or password.');

    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('Wait 10 minutes'));
  });
});
