import { ConfigError, loadConfig, withDevelopmentSecret } from './config.js';

describe('loadConfig', () => {
  it('has development defaults: embedded database, demo seed, local CORS origins', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      env: 'development',
      port: 3000,
      databaseUrl: undefined,
      dataDir: '.data',
      seedDemo: true,
    });
    expect(c.corsOrigins).toEqual(['http://localhost:5173', 'http://localhost:3000']);
  });

  it('stops on a bad value and names the variable', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
  });

  it('refuses production without a strong JWT_SECRET, without DATABASE_URL, or with the demo seed', () => {
    const good = {
      NODE_ENV: 'production',
      JWT_SECRET: 'x'.repeat(32),
      DATABASE_URL: 'postgres://k:k@db:5432/kapok',
      KAPOK_SEED_DEMO: 'false',
    };
    expect(loadConfig(good)).toMatchObject({ env: 'production', seedDemo: false, corsOrigins: [] });
    expect(() => loadConfig({ ...good, JWT_SECRET: 'short' })).toThrow(/JWT_SECRET/);
    expect(() => loadConfig({ ...good, JWT_SECRET: undefined })).toThrow(ConfigError);
    expect(() => loadConfig({ ...good, DATABASE_URL: undefined })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ ...good, KAPOK_SEED_DEMO: 'true' })).toThrow(/KAPOK_SEED_DEMO/);
  });

  it('reads CORS_ORIGINS as a comma-separated list', () => {
    expect(loadConfig({ CORS_ORIGINS: 'https://a.example, https://b.example' }).corsOrigins).toEqual([
      'https://a.example',
      'https://b.example',
    ]);
  });
});

describe('the development JWT secret', () => {
  it('is random per data directory, made once and kept there (owner-only)', async () => {
    const { mkdtempSync, rmSync, statSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const a = mkdtempSync(join(tmpdir(), 'kapok-secret-a-'));
    const b = mkdtempSync(join(tmpdir(), 'kapok-secret-b-'));
    try {
      const first = withDevelopmentSecret(loadConfig({ KAPOK_DATA_DIR: a }));
      expect(first.jwtSecret.length).toBeGreaterThanOrEqual(32);
      expect(withDevelopmentSecret(loadConfig({ KAPOK_DATA_DIR: a })).jwtSecret).toBe(first.jwtSecret);
      expect(withDevelopmentSecret(loadConfig({ KAPOK_DATA_DIR: b })).jwtSecret).not.toBe(first.jwtSecret);
      expect(statSync(join(a, 'jwt-secret')).mode & 0o077).toBe(0);
      expect(
        withDevelopmentSecret(loadConfig({ KAPOK_DATA_DIR: a, JWT_SECRET: 's'.repeat(32) })).jwtSecret,
      ).toBe('s'.repeat(32));
    } finally {
      rmSync(a, { recursive: true, force: true });
      rmSync(b, { recursive: true, force: true });
    }
  });

  it('reads TRUST_PROXY as nobody, a hop count or addresses, and refuses anything else', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.5, 172.16.0.0/12,::1' }).trustProxy).toEqual([
      '10.0.0.5',
      '172.16.0.0/12',
      '::1',
    ]);
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY/);
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.0/40' })).toThrow(/TRUST_PROXY/);
  });
});
