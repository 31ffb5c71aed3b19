/**
 * A browser context whose pages have a stand-in for the browser's notifications: the reader allows them when
 * asked, and each one shown is kept for the test to read with `shownNotificationTitles`.
 */
import type { Browser, BrowserContext, Page } from '@playwright/test';

type Shown = Array<{ title: string; body?: string }>;

/** A new English context on `baseURL` with the notification stand-in installed in every page. */
export async function contextWithNotifications(browser: Browser, baseURL: string): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL, locale: 'en-US' });
  await context.addInitScript(() => {
    const shown: Shown = [];
    (window as unknown as { shownNotifications: Shown }).shownNotifications = shown;
    class FakeNotification {
      static permission = 'default';
      static requestPermission() {
        FakeNotification.permission = 'granted';
        return Promise.resolve('granted');
      }
      constructor(title: string, options?: { body?: string }) {
        shown.push({ title, body: options?.body });
      }
    }
    (window as unknown as { Notification: unknown }).Notification = FakeNotification;
  });
  return context;
}

/** The titles of the notifications `page` has shown, in order. */
export async function shownNotificationTitles(page: Page): Promise<string[]> {
  const shown = await page.evaluate(() => (window as unknown as { shownNotifications: Shown }).shownNotifications);
  return shown.map((n) => n.title);
}
