/**
 * Sign in with Entra ID in Chromium (issue 18): the whole code flow against the local Entra stand-in
 * (lab/oidc-provider.ts), with `organizations` and two allowed tenants. A viewer gets in and is offered no bulk
 * Start; another tenant's user is refused without a session; an operator starts a run; a user of another tenant
 * can't read it; sign-out ends the session server-side.
 */
import { type Browser, expect, type Page, test } from '@playwright/test';
import type { EntraProvider, EntraUser } from '../../lab/oidc-provider';
import { makeTranslator } from '../../lib/client/translator';
import type { App } from '../support/app';
import { appEnv } from '../support/app-env';
import { startEntraLab, stopEntraLab, TENANT_A, TENANT_C, users } from '../support/entra-lab';

const en = makeTranslator('en');
const { viewer, operator, operatorC, foreigner } = users;

let provider: EntraProvider;
let app: App;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  ({ provider, app } = await startEntraLab(appEnv(process.env.LAB_RESOLVER ?? '127.0.0.1:1'), {
    allowedTenants: [TENANT_A, TENANT_C],
  }));
});

test.afterAll(() => stopEntraLab({ app, provider }));

/** Opens `path`, is sent to /signin, and signs in with Microsoft as `user`. */
async function signIn(page: Page, user: EntraUser, path: string): Promise<void> {
  provider.signInAs(user);
  await page.goto(`${app.url}${path}`);
  await expect(page).toHaveURL(/\/signin\?/);
  await page.getByTestId('signin-microsoft').click();
}

async function fresh<T>(browser: Browser, fn: (page: Page) => Promise<T>): Promise<T> {
  const context = await browser.newContext();
  try {
    return await fn(await context.newPage());
  } finally {
    await context.close();
  }
}

let runId = '';

test("an allowed tenant's user gets in as a viewer, and is offered no bulk Start", async ({ browser }) => {
  await fresh(browser, async (page) => {
    await signIn(page, viewer, '/bulk?lang=en');
    await expect(page).toHaveURL(/\/bulk\?lang=en$/);
    await expect(page.getByTestId('signed-in-user')).toHaveText(
      en.t('ui.signin.signedInAs', { name: 'Vera Viewer', role: en.t('ui.signin.role.viewer') }),
    );
    await expect(page.getByTestId('bulk-viewer-note')).toHaveText(en.t('bulk.input.operatorsOnly'));
    await expect(page.getByTestId('bulk-start')).toBeHidden();
  });
});

test("another tenant's user is refused and gets no session", async ({ browser }) => {
  await fresh(browser, async (page) => {
    await signIn(page, foreigner, '/bulk?lang=en');
    await expect(page).toHaveURL(/\/signin\?error=entra/);
    await expect(page.getByTestId('signin').getByRole('alert')).toHaveText(en.t('ui.signin.entraFailed'));
    const cookies = await page.context().cookies();
    expect(cookies.map((c) => c.name)).not.toContain('m365dh-entra');
  });
});

test('an operator starts a run; a user of another tenant cannot read it', async ({ browser }) => {
  await fresh(browser, async (page) => {
    await signIn(page, operator, '/bulk?lang=en');
    await expect(page.getByTestId('signed-in-user')).toContainText('Olga Operator');
    await page.getByTestId('bulk-domains').fill('signin-browser.test');
    await page.getByTestId('bulk-start').click();
    await expect(page).toHaveURL(/[?&]run=/);
    runId = new URL(page.url()).searchParams.get('run') ?? '';
    expect((await page.request.get(`${app.url}/api/runs/${runId}`)).status()).toBe(200);
  });
  await fresh(browser, async (page) => {
    await signIn(page, operatorC, `/bulk?lang=en&run=${runId}`);
    await expect(page).toHaveURL(new RegExp(`run=${runId}`));
    expect((await page.request.get(`${app.url}/api/runs/${runId}`)).status()).toBe(404);
  });
});

test('sign-out ends the session on the server', async ({ browser }) => {
  await fresh(browser, async (page) => {
    await signIn(page, viewer, '/?lang=en');
    const session = (await page.context().cookies()).find((c) => c.name === 'm365dh-entra');
    expect(session).toBeDefined();
    await page.getByTestId('signout').getByRole('button').click();
    await expect(page).toHaveURL(/\/signin/);
    await page.goto(`${app.url}/bulk?lang=en`);
    await expect(page).toHaveURL(/\/signin\?/);
    // The old cookie, sent again, no longer works: the session was revoked server-side.
    const old = await page.request.get(`${app.url}/api/runs/${runId}`, {
      headers: { cookie: `m365dh-entra=${session?.value}` },
    });
    expect(old.status()).toBe(401);
  });
});
