import pg from 'pg';
import { startChildApi } from './support/child-api.js';
import { freshDatabase } from './support/test-app.js';

/**
 * What the demo seed leaves behind, in figures that double when it runs twice (not the whole ledger:
 * the demo history is placed relative to the clock, so its move count may differ by the minute).
 */
async function figures(url: string) {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    const { rows } = await db.query(`
      select (select count(*)::int from users) as users,
             (select count(*)::int from products) as products,
             (select count(*)::int from stock_moves where type = 'RECEIPT') as receipts,
             (select coalesce(sum(on_hand), 0)::text from stock_balances) as on_hand,
             (select count(*)::int from kanban_cards) as cards,
             (select count(*)::int from manufacturing_orders) as orders,
             (select count(*)::int from roles) as roles,
             (select count(*)::int from locations) as locations`);
    return rows[0];
  } finally {
    await db.end();
  }
}

describe('two API processes starting at once on an empty database', () => {
  it('migrate and seed the demo factory once: opening stock is not doubled', async () => {
    const empty = await freshDatabase('empty');
    const [a, b] = await Promise.all([
      startChildApi(empty, { KAPOK_SEED_DEMO: 'true' }),
      startChildApi(empty, { KAPOK_SEED_DEMO: 'true' }),
    ]);
    try {
      const once = await figures(await freshDatabase('seeded'));
      const twice = await figures(empty);
      expect(twice).toEqual(once);
      expect(twice.receipts).toBeGreaterThan(0);
      for (const api of [a, b]) {
        const login = await fetch(`${api.url}/api/v1/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: 'warehouse', password: 'kapok-demo' }),
        });
        expect(login.status).toBe(200);
      }
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
    // Two processes seed the whole demo (eight weeks of production, the subcontract route) on two cores.
  }, 120_000);

  it('in production both start and create the bootstrap admin once', async () => {
    const empty = await freshDatabase('empty');
    const env = {
      NODE_ENV: 'production',
      KAPOK_SEED_DEMO: 'false',
      KAPOK_BOOTSTRAP_ADMIN_PASSWORD: 'Copper-Walrus-Meadow-93',
    };
    const [a, b] = await Promise.all([startChildApi(empty, env), startChildApi(empty, env)]);
    try {
      const db = new pg.Client({ connectionString: empty });
      await db.connect();
      const { rows } = await db.query('select username from users');
      await db.end();
      expect(rows).toEqual([{ username: 'admin' }]);
      for (const api of [a, b]) {
        const login = await fetch(`${api.url}/api/v1/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: 'admin', password: 'Copper-Walrus-Meadow-93' }),
        });
        expect(login.status).toBe(200);
      }
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  });
});
