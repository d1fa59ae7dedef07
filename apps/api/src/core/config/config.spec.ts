import { ConfigError, loadConfig } from './config.js';

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
