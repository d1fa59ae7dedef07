import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';

/** A test that provokes a refusal on purpose names the failed request it expects in the console. */
interface ConsoleErrors {
  allow(pattern: RegExp): void;
}

/**
 * Every browser test fails on a console error or an uncaught page error, in its own page and in any
 * browser context it opens (a second user, a tablet). Import `test` and `expect` from here.
 */
export const test = base.extend<{ consoleErrors: ConsoleErrors }>({
  consoleErrors: [
    async ({ browser, context }, use) => {
      const errors: string[] = [];
      const allowed: RegExp[] = [];
      const watch = (c: BrowserContext) => {
        c.on('console', (message) => {
          const text = `${message.text()} (${message.location().url})`;
          if (message.type() === 'error' && !allowed.some((pattern) => pattern.test(text))) errors.push(text);
        });
        c.on('weberror', (error) => errors.push(String(error.error())));
      };
      watch(context);
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (...options) => {
        const created = await newContext(...options);
        watch(created);
        return created;
      };
      await use({ allow: (pattern) => allowed.push(pattern) });
      browser.newContext = newContext;
      expect(errors, 'console errors in the browser').toEqual([]);
    },
    { auto: true },
  ],
});
export { expect };

export const DEMO_PASSWORD = 'kapok-demo';

/** Signs in through the login form and waits for the signed-in shell. */
export async function signIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  if (!page.url().includes('/login')) await page.goto('/login');
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Account menu' })).toBeVisible();
}

export const mainNav = (page: Page) => page.getByRole('navigation', { name: 'Main navigation' });

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Account menu' }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Welcome back' })).toBeVisible();
}
