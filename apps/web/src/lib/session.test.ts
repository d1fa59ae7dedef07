import { describe, expect, it, vi } from 'vitest';
import { errorBody, stubFetch } from '../test/render';
import { SessionManager } from './session';

const me = {
  id: '00000000-0000-4000-8000-000000000001',
  username: 'admin',
  fullName: 'Adi Nugroho',
  role: 'superadmin',
  department: null,
  permissions: ['admin.view'],
};
const path = (r: Request) => new URL(r.url).pathname;

describe('SessionManager', () => {
  it('runs one refresh for many callers (refresh tokens rotate; a reused one ends the session)', async () => {
    let refreshes = 0;
    const { fetch, requests } = stubFetch((r) =>
      path(r) === '/api/v1/auth/refresh'
        ? { status: 200, body: { accessToken: `token-${++refreshes}`, refreshToken: 'r', expiresIn: 900 } }
        : { status: 200, body: me },
    );
    vi.stubGlobal('fetch', fetch);
    localStorage.setItem('kapok.session', '1');
    const session = new SessionManager();

    const results = await Promise.all([
      session.restore(),
      session.restore(),
      session.refresh(),
      session.freshToken(),
    ]);

    expect(results.slice(0, 3)).toEqual([true, true, true]);
    expect(requests.filter((r) => path(r) === '/api/v1/auth/refresh')).toHaveLength(1);
    expect(session.token).toBe('token-1');
    expect(session.getSnapshot()).toMatchObject({ status: 'signed-in', user: { username: 'admin' } });
    const refresh = requests.find((r) => path(r) === '/api/v1/auth/refresh')!;
    expect(refresh.credentials).toBe('include');
    expect(await refresh.json()).toEqual({});
  });

  it('ends up signed out when the refresh cookie is gone, and forgets that it had a session', async () => {
    const { fetch } = stubFetch(() => ({
      status: 401,
      body: errorBody(401, 'INVALID_REFRESH_TOKEN', 'No refresh token was sent'),
    }));
    vi.stubGlobal('fetch', fetch);
    localStorage.setItem('kapok.session', '1');
    const session = new SessionManager();
    expect(await session.restore()).toBe(false);
    expect(session.getSnapshot()).toEqual({ status: 'signed-out', user: null, reason: null });
    expect(localStorage.getItem('kapok.session')).toBeNull();
  });

  it('asks nothing on a cold load of a browser that never signed in (no 401 in the console)', async () => {
    const { fetch, requests } = stubFetch(() => ({ status: 500 }));
    vi.stubGlobal('fetch', fetch);
    localStorage.removeItem('kapok.session');
    const session = new SessionManager();
    expect(await session.restore()).toBe(false);
    expect(requests).toHaveLength(0);
    expect(session.getSnapshot()).toEqual({ status: 'signed-out', user: null, reason: null });
  });

  it('refreshes an expired access token once and retries the request with the new one', async () => {
    let expired = true;
    const { fetch, requests } = stubFetch((r) => {
      if (path(r) === '/api/v1/auth/login')
        return { status: 200, body: { accessToken: 'old', refreshToken: 'r', expiresIn: 900, user: me } };
      if (path(r) === '/api/v1/auth/refresh') {
        expired = false;
        return { status: 200, body: { accessToken: 'new', refreshToken: 'r2', expiresIn: 900 } };
      }
      if (path(r) === '/api/v1/auth/me') return { status: 200, body: me };
      return expired
        ? { status: 401, body: errorBody(401, 'TOKEN_EXPIRED', 'The access token has expired; refresh it') }
        : { status: 200, body: { items: [], total: 0, skip: 0, limit: 50 } };
    });
    vi.stubGlobal('fetch', fetch);
    const session = new SessionManager();
    await session.login('admin', 'kapok-demo');

    const { data } = await session.client.GET('/api/v1/admin/roles');

    expect(data).toEqual({ items: [], total: 0, skip: 0, limit: 50 });
    const roleCalls = requests.filter((r) => path(r) === '/api/v1/admin/roles');
    expect(roleCalls.map((r) => r.headers.get('authorization'))).toEqual(['Bearer old', 'Bearer new']);
    expect(requests.filter((r) => path(r) === '/api/v1/auth/refresh')).toHaveLength(1);
  });

  it('forgets the token on logout and says why', async () => {
    const { fetch, requests } = stubFetch((r) =>
      path(r) === '/api/v1/auth/login'
        ? { status: 200, body: { accessToken: 'a', refreshToken: 'r', expiresIn: 900, user: me } }
        : { status: 204 },
    );
    vi.stubGlobal('fetch', fetch);
    const session = new SessionManager();
    await session.login('admin', 'kapok-demo');
    await session.logout();

    expect(requests.at(-1)!.headers.get('authorization')).toBe('Bearer a');
    expect(session.token).toBeNull();
    expect(session.getSnapshot()).toEqual({ status: 'signed-out', user: null, reason: 'logged-out' });
    expect(window.localStorage.length + window.sessionStorage.length).toBe(0);
  });
});
