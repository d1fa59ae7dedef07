import { ApiError, createKapokClient, unwrap, type KapokClient, type Schemas } from '@kapok/api-client';

export type SessionUser = Schemas['MeResponse'];
export type SessionStatus = 'restoring' | 'signed-in' | 'signed-out';
/** Why the user is signed out: shown on the login page. */
export type SignOutReason = 'logged-out' | 'session-ended' | null;

export interface SessionSnapshot {
  status: SessionStatus;
  user: SessionUser | null;
  reason: SignOutReason;
}

/**
 * Set while this browser holds a session (not a secret: the refresh cookie is httpOnly, so the page
 * cannot see it). A cold load without it skips the refresh call that could only answer 401 — a
 * console error on every visit to the login page.
 */
const SESSION_HINT = 'kapok.session';
const storage = () => {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
};

/** Refresh this long before the access token expires. */
const REFRESH_MARGIN_SECONDS = 60;

/**
 * The signed-in session. The access token lives in memory only; the refresh token is an httpOnly
 * cookie the browser sends to /api/v1/auth. Refresh tokens rotate and a reused one revokes the
 * session, so at most one refresh runs at a time: concurrent callers share one promise, and tabs
 * take turns through a Web Lock where the browser has them.
 */
export class SessionManager {
  readonly client: KapokClient;
  private accessToken: string | null = null;
  private expiresAt = 0;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private inFlightRefresh: Promise<boolean> | null = null;
  private restoring: Promise<boolean> | null = null;
  private snapshot: SessionSnapshot = { status: 'restoring', user: null, reason: null };
  private readonly listeners = new Set<() => void>();

  /** `baseUrl` defaults to this page's origin: the API serves the app, and the dev server proxies /api. */
  constructor(baseUrl = typeof location !== 'undefined' ? location.origin : '') {
    this.client = createKapokClient({
      baseUrl,
      credentials: 'include',
      getAccessToken: () => this.accessToken,
      fetch: (input, init) =>
        this.fetchWithRefresh(input instanceof Request ? input : new Request(input, init)),
    });
  }

  getSnapshot = (): SessionSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  get token(): string | null {
    return this.accessToken;
  }

  /** Restores the session from the refresh cookie once per page load (StrictMode-safe). */
  restore(): Promise<boolean> {
    if (!this.restoring && storage()?.getItem(SESSION_HINT) === null) {
      this.set({ status: 'signed-out', user: null, reason: null });
      this.restoring = Promise.resolve(false);
    }
    this.restoring ??= this.refresh().then((ok) => {
      if (!ok && this.snapshot.status === 'restoring')
        this.set({ status: 'signed-out', user: null, reason: null });
      return ok;
    });
    return this.restoring;
  }

  async login(username: string, password: string): Promise<SessionUser> {
    const result = unwrap(await this.client.POST('/api/v1/auth/login', { body: { username, password } }));
    this.restoring = Promise.resolve(true);
    this.acceptTokens(result.accessToken, result.expiresIn);
    this.set({ status: 'signed-in', user: result.user, reason: null });
    return result.user;
  }

  async logout(): Promise<void> {
    try {
      // A token that expired while the laptop slept is refreshed first, so the server really ends the
      // session and clears the cookie; otherwise a reload would sign the user back in.
      if (await this.freshToken()) await this.client.POST('/api/v1/auth/logout', { body: {} });
    } finally {
      this.end('logged-out');
    }
  }

  /** Re-reads the user's role and permissions (after a role change, for instance). */
  async reloadUser(): Promise<void> {
    if (!this.accessToken) return;
    const user = unwrap(await this.client.GET('/api/v1/auth/me'));
    this.set({ status: 'signed-in', user, reason: null });
  }

  /** A usable access token, refreshed first when it is about to expire; null when signed out. */
  async freshToken(): Promise<string | null> {
    if (this.accessToken && Date.now() < this.expiresAt - REFRESH_MARGIN_SECONDS * 1000)
      return this.accessToken;
    if (this.snapshot.status === 'signed-out') return null;
    return (await this.refresh()) ? this.accessToken : null;
  }

  /** Exchanges the refresh cookie for a new token pair. Only one runs at a time. */
  refresh(): Promise<boolean> {
    this.inFlightRefresh ??= this.withRefreshLock(() => this.doRefresh()).finally(() => {
      this.inFlightRefresh = null;
    });
    return this.inFlightRefresh;
  }

  private async doRefresh(): Promise<boolean> {
    try {
      const pair = unwrap(await this.client.POST('/api/v1/auth/refresh', { body: {} }));
      this.acceptTokens(pair.accessToken, pair.expiresIn);
      // Refresh answers only tokens; the role's permissions may have changed meanwhile.
      const user = unwrap(await this.client.GET('/api/v1/auth/me'));
      this.set({ status: 'signed-in', user, reason: null });
      return true;
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) {
        if (this.snapshot.status === 'signed-in') this.end('session-ended');
        else storage()?.removeItem(SESSION_HINT);
        return false;
      }
      // A network failure: keep the current state and let the next attempt decide.
      if (this.snapshot.status !== 'signed-in') this.set({ status: 'signed-out', user: null, reason: null });
      return false;
    }
  }

  private withRefreshLock(work: () => Promise<boolean>): Promise<boolean> {
    const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
    // The lock resolves to the callback's awaited value; TypeScript's DOM types miss the unwrapping.
    return locks ? (locks.request('kapok-refresh', work) as unknown as Promise<boolean>) : work();
  }

  private acceptTokens(token: string, expiresIn: number): void {
    storage()?.setItem(SESSION_HINT, '1');
    this.accessToken = token;
    this.expiresAt = Date.now() + expiresIn * 1000;
    clearTimeout(this.refreshTimer);
    const lead =
      expiresIn > REFRESH_MARGIN_SECONDS * 2 ? expiresIn - REFRESH_MARGIN_SECONDS : expiresIn * 0.75;
    this.refreshTimer = setTimeout(() => void this.refresh(), lead * 1000);
  }

  private end(reason: SignOutReason): void {
    storage()?.removeItem(SESSION_HINT);
    clearTimeout(this.refreshTimer);
    this.accessToken = null;
    this.expiresAt = 0;
    this.set({ status: 'signed-out', user: null, reason });
  }

  private set(next: SessionSnapshot): void {
    this.snapshot = next;
    for (const listener of this.listeners) listener();
  }

  /** Sends a request; an expired access token is refreshed once and the request retried. */
  private async fetchWithRefresh(request: Request): Promise<Response> {
    // Auth routes answer their own 401s; retrying them from here could wait on the refresh itself.
    const retryable =
      request.headers.has('authorization') && !new URL(request.url).pathname.includes('/auth/');
    const retry = retryable ? request.clone() : null;
    const response = await globalThis.fetch(request);
    if (!retry || response.status !== 401) return response;
    const code = await response
      .clone()
      .json()
      .then((body: { code?: string }) => body.code)
      .catch(() => undefined);
    if (code === 'TOKEN_EXPIRED' && (await this.refresh()) && this.accessToken) {
      retry.headers.set('authorization', `Bearer ${this.accessToken}`);
      return globalThis.fetch(retry);
    }
    if (code !== 'TOKEN_EXPIRED' && this.snapshot.status === 'signed-in') this.end('session-ended');
    return response;
  }
}

/** The app's one session. */
export const session = new SessionManager();
/** The typed API client, carrying the session's access token. */
export const api = session.client;

/**
 * The server's CSV of a whole list (every row of the filter, not one page), with the user's token:
 * the list route answers `Accept: text/csv`. Paging of the filters is left out.
 */
export async function fetchListCsv(path: `/api/v1/${string}`, filters: object): Promise<Blob> {
  const url = new URL(path, location.origin);
  for (const [key, value] of Object.entries(filters))
    if (value !== undefined && value !== null && value !== '' && key !== 'skip' && key !== 'limit')
      url.searchParams.set(key, String(value));
  const token = await session.freshToken();
  const response = await fetch(url, {
    headers: { accept: 'text/csv', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    credentials: 'include',
  });
  if (!response.ok) unwrap({ error: (await response.json().catch(() => ({}))) as unknown, response });
  return response.blob();
}
