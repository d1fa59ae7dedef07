import { DataSource } from 'typeorm';
import { checkLedger } from '../../src/modules/warehouse/stock/ledger-check.js';
import { ppicFixtures } from './ppic-fixtures.js';
import { startTestApp, type TestApp } from './test-app.js';

export type PpicFixtures = Awaited<ReturnType<typeof ppicFixtures>>;

export interface PpicSuite {
  t: TestApp;
  /** An access token per signed-in demo user, by username. */
  tokens: Record<string, string>;
  p: PpicFixtures;
}

/** Signed in for every suite: the users the fixtures' stock, BOMs, orders and line steps need. */
const FIXTURE_USERS = ['warehouse', 'engineer', 'ppic_admin', 'manager', 'cutting', 'sewing'];

/**
 * A suite on the PPIC fixtures: before all, an app on its own database with the fixtures' users and
 * `users` signed in and the fixtures made (`ready` gets them); after each test the stock ledger must
 * still balance; after all the app stops. Call it once at the top of a spec file.
 */
export function ppicSuite(
  users: readonly string[],
  ready: (suite: PpicSuite) => void,
  env: Record<string, string> = {},
): void {
  let t: TestApp | undefined;
  beforeAll(async () => {
    t = await startTestApp(env);
    const tokens: Record<string, string> = {};
    for (const u of [...FIXTURE_USERS, ...users]) tokens[u] = (await t.as(u)).accessToken;
    ready({ t, tokens, p: await ppicFixtures(t, tokens) });
  });
  afterEach(async () => {
    expect(await checkLedger(t!.app.get(DataSource))).toEqual([]);
  });
  afterAll(() => t?.close());
}
