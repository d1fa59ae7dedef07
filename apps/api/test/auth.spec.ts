import { unwrap } from '@kapok/api-client';
import { JwtService } from '@nestjs/jwt';
import { raw, startTestApp, TEST_JWT_SECRET, type TestApp } from './support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const login = (username: string, password: string, ip?: string) =>
  raw(t.baseUrl, '/api/v1/auth/login', {
    method: 'POST',
    body: JSON.stringify({ username, password }),
    headers: ip ? { 'x-forwarded-for': ip } : {},
  });

describe('POST /auth/login', () => {
  it('signs a demo user in with tokens, the user and an httpOnly refresh cookie', async () => {
    const res = await login('warehouse', 'kapok-demo');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      expiresIn: 900,
      user: { username: 'warehouse', role: 'warehouse_admin', department: 'WAREHOUSE' },
    });
    expect(res.body.user.permissions).toContain('kanban.approve');
    expect(typeof res.body.accessToken).toBe('string');
    expect(typeof res.body.refreshToken).toBe('string');
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/kapok_refresh=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
  });

  it('is case-insensitive on the username', async () => {
    expect((await login('Packing', 'kapok-demo')).status).toBe(200);
  });

  it('answers 401 in the error shape for a wrong password and for an unknown user alike', async () => {
    const wrong = await login('manager', 'nope-nope');
    const unknown = await login('nobody', 'kapok-demo');
    for (const res of [wrong, unknown]) {
      expect(res.status).toBe(401);
      expect(res.body).toEqual({
        statusCode: 401,
        code: 'INVALID_CREDENTIALS',
        message: 'Wrong username or password',
        requestId: expect.any(String),
      });
    }
  });

  it('answers 422 naming the fields for a missing password and an unknown field', async () => {
    const res = await raw(t.baseUrl, '/api/v1/auth/login', {
      method: 'POST',
      body: JSON.stringify({ username: 'admin', role: 'x' }),
    });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    const fields = res.body.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['password', 'role']));
  });

  it('answers 429 after 5 failed attempts for one username from one address, even with the right password', async () => {
    for (let i = 0; i < 5; i++) expect((await login('qc', 'wrong-password')).status).toBe(401);
    const blocked = await login('qc', 'kapok-demo');
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe('TOO_MANY_ATTEMPTS');
    expect(blocked.body.details.retryAfterSeconds).toBeGreaterThan(0);
    // Another username from the same address is not affected.
    expect((await login('finishing', 'kapok-demo')).status).toBe(200);
  });

  it('does not count successful logins as failures', async () => {
    for (let i = 0; i < 8; i++) expect((await login('cutting', 'kapok-demo')).status).toBe(200);
  });
});

describe('access tokens', () => {
  it('answers 401 without a token, with a forged one, an expired one and a refresh token', async () => {
    const me = (token?: string) => raw(t.baseUrl, '/api/v1/auth/me', { token });
    const { accessToken, refreshToken, userId } = await t.signIn('viewer');
    expect((await me(accessToken)).status).toBe(200);
    const missing = await me();
    expect(missing.status).toBe(401);
    expect(missing.body.code).toBe('UNAUTHORIZED');

    const sid = JSON.parse(Buffer.from(accessToken.split('.')[1], 'base64url').toString()).sid;
    const forged = new JwtService({ secret: 'not-the-secret-not-the-secret-not-the-secret' }).sign({
      sub: userId,
      sid,
      typ: 'access',
    });
    expect((await me(forged)).body.code).toBe('INVALID_TOKEN');

    const signer = new JwtService({ secret: TEST_JWT_SECRET });
    const expired = signer.sign({ sub: userId, sid, typ: 'access', exp: Math.floor(Date.now() / 1000) - 10 });
    const expiredRes = await me(expired);
    expect(expiredRes.status).toBe(401);
    expect(expiredRes.body.code).toBe('TOKEN_EXPIRED');

    const wrongType = signer.sign({ sub: userId, sid, typ: 'refresh' });
    expect((await me(wrongType)).status).toBe(401);
    expect((await me(refreshToken)).status).toBe(401);
    expect((await me('a.b.c')).status).toBe(401);
  });

  it('checks a token once and remembers it until it expires, yet a revoked session or another secret fails', async () => {
    const me = (base: string, token: string) => raw(base, '/api/v1/auth/me', { token });
    const s = await t.signIn('cutting');
    expect((await me(t.baseUrl, s.accessToken)).status).toBe(200);
    expect((await me(t.baseUrl, s.accessToken)).status).toBe(200);

    // The same token against an instance with another secret (a rotated one): refused.
    const rotated = await startTestApp(
      { JWT_SECRET: 'another-secret-another-secret-0123456789' },
      t.databaseUrl,
    );
    try {
      expect((await me(rotated.baseUrl, s.accessToken)).body.code).toBe('INVALID_TOKEN');
    } finally {
      await rotated.close();
    }

    // A short-lived token: accepted, remembered, then refused once its exp has passed.
    const signer = new JwtService({ secret: TEST_JWT_SECRET });
    const sid = JSON.parse(Buffer.from(s.accessToken.split('.')[1], 'base64url').toString()).sid;
    const exp = Math.floor(Date.now() / 1000) + 1;
    const brief = signer.sign({ sub: s.userId, sid, typ: 'access', exp });
    expect((await me(t.baseUrl, brief)).status).toBe(200);
    await new Promise((done) => setTimeout(done, exp * 1000 - Date.now() + 50));
    expect((await me(t.baseUrl, brief)).body.code).toBe('TOKEN_EXPIRED');

    // Revoked: the remembered signature does not keep the session alive.
    const out = await raw(t.baseUrl, '/api/v1/auth/logout', {
      method: 'POST',
      token: s.accessToken,
      body: JSON.stringify({ refreshToken: s.refreshToken }),
    });
    expect(out.status).toBe(204);
    expect((await me(t.baseUrl, s.accessToken)).body.code).toBe('SESSION_ENDED');
  });

  it('GET /auth/me returns the user with the permissions of their role', async () => {
    const { client } = await t.signIn('spv_sewing');
    const me = unwrap(await client.GET('/api/v1/auth/me'));
    expect(me).toMatchObject({ username: 'spv_sewing', role: 'dept_supervisor', department: 'SEWING' });
    expect(me.permissions).toContain('production.approve');
    expect(me.permissions).not.toContain('admin.view');
  });
});

describe('POST /auth/refresh', () => {
  it('rotates: the new pair works and the old refresh token is dead', async () => {
    const first = await t.signIn('engineer');
    const rotated = await raw(t.baseUrl, '/api/v1/auth/refresh', {
      method: 'POST',
      body: JSON.stringify({ refreshToken: first.refreshToken }),
    });
    expect(rotated.status).toBe(200);
    expect(rotated.body.refreshToken).not.toBe(first.refreshToken);
    expect((await raw(t.baseUrl, '/api/v1/auth/me', { token: rotated.body.accessToken })).status).toBe(200);
    const again = await raw(t.baseUrl, '/api/v1/auth/refresh', {
      method: 'POST',
      body: JSON.stringify({ refreshToken: rotated.body.refreshToken }),
    });
    expect(again.status).toBe(200);
  });

  it('treats a reused refresh token as stolen: 401 and the whole session is revoked', async () => {
    const first = await t.signIn('ppic_admin');
    const refresh = (token: string) =>
      raw(t.baseUrl, '/api/v1/auth/refresh', {
        method: 'POST',
        body: JSON.stringify({ refreshToken: token }),
      });
    const second = await refresh(first.refreshToken);
    expect(second.status).toBe(200);
    // Past the few seconds two tabs may race in, a used token is a stolen one.
    await t.db.query(
      `update refresh_tokens set used_at = now() - interval '1 minute' where used_at is not null`,
    );
    const reuse = await refresh(first.refreshToken);
    expect(reuse.status).toBe(401);
    expect(reuse.body.code).toBe('REFRESH_TOKEN_REUSED');
    // The legitimate newer token and the access tokens of the session are dead too.
    expect((await refresh(second.body.refreshToken)).status).toBe(401);
    expect((await raw(t.baseUrl, '/api/v1/auth/me', { token: second.body.accessToken })).status).toBe(401);
    const { rows } = await t.db.query(
      `select revoked_reason from auth_sessions s join users u on u.id = s.user_id where u.username = 'ppic_admin'`,
    );
    expect(rows.map((r) => r.revoked_reason)).toContain('REFRESH_TOKEN_REUSED');
  });

  it('accepts the refresh token from the httpOnly cookie', async () => {
    const res = await login('sewing', 'kapok-demo');
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
    const refreshed = await raw(t.baseUrl, '/api/v1/auth/refresh', {
      method: 'POST',
      body: '{}',
      headers: { cookie },
    });
    expect(refreshed.status).toBe(200);
    expect(refreshed.headers.get('set-cookie')).toMatch(/kapok_refresh=/);
  });

  it('answers 401 for an unknown token and 422 for a wrong type', async () => {
    expect(
      (
        await raw(t.baseUrl, '/api/v1/auth/refresh', {
          method: 'POST',
          body: JSON.stringify({ refreshToken: 'nope' }),
        })
      ).status,
    ).toBe(401);
    expect(
      (
        await raw(t.baseUrl, '/api/v1/auth/refresh', {
          method: 'POST',
          body: JSON.stringify({ refreshToken: 42 }),
        })
      ).status,
    ).toBe(422);
  });
});

describe('POST /auth/logout', () => {
  it('ends the session: 204, then the refresh token and the access token are refused', async () => {
    const s = await t.signIn('embroidery');
    const out = await raw(t.baseUrl, '/api/v1/auth/logout', {
      method: 'POST',
      token: s.accessToken,
      body: JSON.stringify({ refreshToken: s.refreshToken }),
    });
    expect(out.status).toBe(204);
    expect((await raw(t.baseUrl, '/api/v1/auth/me', { token: s.accessToken })).status).toBe(401);
    expect(
      (
        await raw(t.baseUrl, '/api/v1/auth/refresh', {
          method: 'POST',
          body: JSON.stringify({ refreshToken: s.refreshToken }),
        })
      ).status,
    ).toBe(401);
  });

  it('needs a signed-in user', async () => {
    expect((await raw(t.baseUrl, '/api/v1/auth/logout', { method: 'POST', body: '{}' })).status).toBe(401);
  });
});
