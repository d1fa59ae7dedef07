import { randomUUID } from 'node:crypto';
import { passwordProblems } from '../src/core/auth/passwords.js';
import { raw, startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
let adminToken: string;
beforeAll(async () => {
  t = await startTestApp();
  adminToken = (await t.as('admin')).accessToken;
});
afterAll(() => t.close());

const login = (username: string, password: string) =>
  raw(t.baseUrl, '/api/v1/auth/login', { method: 'POST', body: JSON.stringify({ username, password }) });
const refresh = (refreshToken: string) =>
  raw(t.baseUrl, '/api/v1/auth/refresh', { method: 'POST', body: JSON.stringify({ refreshToken }) });
const change = (token: string, currentPassword: string, newPassword: string) =>
  raw(t.baseUrl, '/api/v1/auth/password', {
    method: 'POST',
    token,
    body: JSON.stringify({ currentPassword, newPassword }),
  });

async function newUser(password = 'Quartz-Pigeon-Harbor-58') {
  const username = `pw-${randomUUID().slice(0, 8)}`;
  const res = await raw(t.baseUrl, '/api/v1/admin/users', {
    method: 'POST',
    token: adminToken,
    body: JSON.stringify({ username, fullName: 'Dewi Lestari', password, role: 'viewer' }),
  });
  expect(res.status).toBe(201);
  return { username, password, id: res.body.id as string };
}

describe('the password rule', () => {
  it('wants 12+ characters that are hard to guess', () => {
    expect(passwordProblems('short-1')).toEqual(['Use at least 12 characters.']);
    for (const weak of ['password1234', 'qwertyuiop12', 'aaaaaaaaaaaaaaa', '123456789012', 'kapok-demo-123'])
      expect(passwordProblems(weak)[0]).toBe('This password is too easy to guess.');
    expect(passwordProblems('dewi.lestari2026', ['dewi.lestari', 'Dewi Lestari'])).not.toEqual([]);
    expect(passwordProblems('Quartz-Pigeon-Harbor-58')).toEqual([]);
  });

  it('is applied to passwords an administrator sets, with the reasons', async () => {
    for (const password of ['kapok-demo', 'password1234', 'Password123!']) {
      const res = await raw(t.baseUrl, '/api/v1/admin/users', {
        method: 'POST',
        token: adminToken,
        body: JSON.stringify({
          username: `weak-${randomUUID().slice(0, 6)}`,
          fullName: 'W',
          password,
          role: 'viewer',
        }),
      });
      expect(res.status).toBe(422);
      expect(res.body.details).toEqual([{ field: 'password', messages: expect.any(Array) }]);
    }
    const user = await newUser();
    const reset = await raw(t.baseUrl, `/api/v1/admin/users/${user.id}`, {
      method: 'PUT',
      token: adminToken,
      body: JSON.stringify({ version: 1, password: 'qwertyuiop123' }),
    });
    expect(reset.status).toBe(422);
    expect(reset.body.code).toBe('WEAK_PASSWORD');
  });

  it('leaves the seeded demo users able to sign in with kapok-demo', async () => {
    for (const username of ['admin', 'warehouse', 'viewer'])
      expect((await login(username, 'kapok-demo')).status).toBe(200);
  });
});

describe('POST /auth/password', () => {
  it('changes the own password and ends the other sessions, not this one', async () => {
    const user = await newUser();
    const here = (await login(user.username, user.password)).body;
    const elsewhere = (await login(user.username, user.password)).body;
    const res = await change(here.accessToken, user.password, 'Saffron-Bicycle-Glacier-31');
    expect(res.status).toBe(204);
    expect((await raw(t.baseUrl, '/api/v1/auth/me', { token: here.accessToken })).status).toBe(200);
    expect((await refresh(here.refreshToken)).status).toBe(200);
    expect((await raw(t.baseUrl, '/api/v1/auth/me', { token: elsewhere.accessToken })).status).toBe(401);
    expect((await refresh(elsewhere.refreshToken)).status).toBe(401);
    expect((await login(user.username, user.password)).status).toBe(401);
    expect((await login(user.username, 'Saffron-Bicycle-Glacier-31')).status).toBe(200);
    const { rows } = await t.db.query(
      `select action from audit_log where entity_id = $1 and action = 'auth.password_changed'`,
      [user.id],
    );
    expect(rows).toHaveLength(1);
    expect(
      JSON.stringify(await t.db.query('select * from audit_log where entity_id = $1', [user.id])),
    ).not.toMatch(/Saffron|Quartz/);
  });

  it('refuses a wrong current password (under the sign-in limits), a weak one and the same one', async () => {
    const user = await newUser();
    const { accessToken } = (await login(user.username, user.password)).body;
    const wrong = await change(accessToken, 'not-my-password', 'Saffron-Bicycle-Glacier-31');
    expect(wrong.status).toBe(422);
    expect(wrong.body).toMatchObject({ code: 'WRONG_PASSWORD', details: [{ field: 'currentPassword' }] });
    const weak = await change(accessToken, user.password, 'password12345');
    expect(weak.status).toBe(422);
    expect(weak.body).toMatchObject({ code: 'WEAK_PASSWORD', details: [{ field: 'newPassword' }] });
    expect((await change(accessToken, user.password, 'short')).status).toBe(422);
    expect((await change(accessToken, user.password, user.password)).status).toBe(422);
    for (let i = 0; i < 5; i++) await change(accessToken, `guess-${i}`, 'Saffron-Bicycle-Glacier-31');
    const limited = await change(accessToken, user.password, 'Saffron-Bicycle-Glacier-31');
    expect(limited.status).toBe(429);
    expect((await login(user.username, user.password)).status).toBe(429);
  });

  it('needs a signed-in user', async () => {
    expect((await change('', 'a', 'Saffron-Bicycle-Glacier-31')).status).toBe(401);
  });
});

describe('concurrent refreshes of one token (two tabs)', () => {
  it('get the same new pair and keep the session', async () => {
    const user = await newUser();
    const first = (await login(user.username, user.password)).body;
    const answers = await Promise.all(Array.from({ length: 5 }, () => refresh(first.refreshToken)));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    expect(new Set(answers.map((a) => a.body.refreshToken)).size).toBe(1);
    expect(new Set(answers.map((a) => a.body.accessToken)).size).toBe(1);
    expect((await raw(t.baseUrl, '/api/v1/auth/me', { token: answers[0].body.accessToken })).status).toBe(
      200,
    );
    expect((await refresh(answers[0].body.refreshToken)).status).toBe(200);
    const { rows } = await t.db.query(
      `select s.revoked_at from auth_sessions s join users u on u.id = s.user_id where u.username = $1`,
      [user.username],
    );
    expect(rows.every((r) => r.revoked_at === null)).toBe(true);
  });

  it('a used token presented after the grace period still revokes the session', async () => {
    const user = await newUser();
    const first = (await login(user.username, user.password)).body;
    const second = await refresh(first.refreshToken);
    await t.db.query(
      `update refresh_tokens set used_at = now() - interval '11 seconds' where used_at is not null`,
    );
    const late = await refresh(first.refreshToken);
    expect(late.status).toBe(401);
    expect(late.body.code).toBe('REFRESH_TOKEN_REUSED');
    expect((await refresh(second.body.refreshToken)).status).toBe(401);
  });
});
