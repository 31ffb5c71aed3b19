/**
 * The helpdesk answer that starts from the caller's symptom: the agent picks what the caller reports, and the
 * answer says whether this domain's DNS explains it, in plain words, with who must act — text that stands alone
 * in a ticket.
 */
import { expect, test } from '@playwright/test';
import { makeTranslator } from '../../lib/client/translator';
import { holdScripts } from '../support/hold-scripts';
import { en } from './pages/dashboard-page';

const zh = makeTranslator('zh-CN');

async function pick(page: import('@playwright/test').Page, domain: string, lang: 'en' | 'zh-CN', symptom: string) {
  await page.goto(`/d/${domain}?cloud=auto&lang=${lang}`);
  const helpdesk = page.getByTestId('helpdesk');
  await expect(helpdesk).toBeVisible();
  await helpdesk.getByTestId('helpdesk-symptom').selectOption(symptom);
  return helpdesk;
}

test("Office won't activate, on a worldwide domain with the 21Vianet msoid: yes, and the fix is named", async ({
  page,
}) => {
  const helpdesk = await pick(page, 'remove-ww.test', 'en', 'activation');
  await expect(helpdesk.getByTestId('helpdesk-answer')).toHaveAttribute('data-answer', 'yes');
  await expect(helpdesk.getByTestId('helpdesk-answer')).toHaveText(en.t('ui.helpdesk.answer.yes'));
  const text = helpdesk.getByTestId('helpdesk-text');
  await expect(text).toContainText("Yes, remove-ww.test's DNS explains it.");
  await expect(text).toContainText('delete the msoid record');
  await expect(text).not.toContainText('below');
});

test('slow sign-in on a healthy domain: no, look elsewhere (and in Chinese)', async ({ page }) => {
  const helpdesk = await pick(page, 'healthy-ww.test', 'en', 'slow-sign-in');
  await expect(helpdesk.getByTestId('helpdesk-answer')).toHaveAttribute('data-answer', 'no');
  await expect(helpdesk.getByTestId('helpdesk-text')).toContainText("No, healthy-ww.test's DNS is fine for this");
  // Back to the general paragraph.
  await helpdesk.getByTestId('helpdesk-symptom').selectOption('general');
  await expect(helpdesk.getByTestId('helpdesk-answer')).toHaveCount(0);

  const zhHelpdesk = await pick(page, 'healthy-ww.test', 'zh-CN', 'slow-sign-in');
  await expect(zhHelpdesk.getByTestId('helpdesk-answer')).toHaveText(zh.t('ui.helpdesk.answer.no'));
  await expect(zhHelpdesk.getByTestId('helpdesk-text')).toContainText('不是，healthy-ww.test的DNS设置对此没有问题');
});

test("a symptom chosen before the page's scripts ran is kept when they arrive", async ({ page }) => {
  const release = await holdScripts(page);
  // Not 'load' or 'domcontentloaded': the held scripts hold those events too.
  await page.goto('/d/healthy-ww.test?cloud=auto&lang=en', { waitUntil: 'commit' });
  const helpdesk = page.getByTestId('helpdesk');
  await helpdesk.getByTestId('helpdesk-symptom').selectOption('slow-sign-in');
  release();
  await expect(helpdesk.getByTestId('helpdesk-answer')).toHaveAttribute('data-answer', 'no');
  await expect(helpdesk.getByTestId('helpdesk-symptom')).toHaveValue('slow-sign-in');
  await expect(helpdesk.getByTestId('helpdesk-text')).toContainText("No, healthy-ww.test's DNS is fine for this");
});
