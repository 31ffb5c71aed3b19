/**
 * Page object of the dashboard. Locators use roles, labels and test ids; visible names come from the
 * message catalogue, so a wording change does not break the suite.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { makeTranslator } from '../../../lib/client/translator';
import {
  MSOID_STATUS_PRESENTATION,
  RECORD_LABEL,
  RECORD_STATUS_PRESENTATION,
  RECORDS_HEALTH_PRESENTATION,
} from '../../../lib/presentation';
import type { MsoidStatus, RecordId, RecordStatus, RecordsHealth, ServiceFlag } from '../../../lib/schema';

export const en = makeTranslator('en');

/** The label the page shows for a status (what a user reads in the badge). */
export function statusLabel(status: MsoidStatus): string {
  return en.t(MSOID_STATUS_PRESENTATION[status].labelCode);
}

/** The label of a domain's health badge. */
export function healthLabel(health: RecordsHealth): string {
  return en.t(RECORDS_HEALTH_PRESENTATION[health].labelCode);
}

/** The label of a record's status badge. */
export function recordStatusLabel(status: RecordStatus): string {
  return en.t(RECORD_STATUS_PRESENTATION[status].labelCode);
}

/** The name the records table gives a record. */
export function recordLabel(id: RecordId): string {
  return en.t(RECORD_LABEL[id]);
}

export class DashboardPage {
  readonly domains: Locator;
  readonly cloud: Locator;
  readonly checkButton: Locator;
  readonly invalidEntries: Locator;
  readonly rows: Locator;
  readonly progressText: Locator;

  constructor(readonly page: Page) {
    this.domains = page.getByRole('textbox', { name: en.t('ui.form.domainsLabel') });
    this.cloud = page.getByRole('combobox', { name: en.t('ui.form.cloudLabel') });
    this.checkButton = page.getByRole('button', { name: en.t('ui.form.submit'), exact: true });
    this.invalidEntries = page.getByTestId('invalid-entry');
    this.rows = page.getByTestId('result-row');
    this.progressText = page.getByTestId('progress-text');
  }

  /** Opens the page; `query` is the search part (`?d=…`) of a shared link. */
  async goto(query = ''): Promise<void> {
    await this.page.goto(`/${query}`);
    await expect(this.domains).toBeVisible();
  }

  async paste(text: string): Promise<void> {
    await this.domains.fill(text);
  }

  /**
   * Presses Check once the list has been read, as a person would after seeing the count: the rejected-lines list
   * that arrives with the validation moves the button. `{ read: false }` presses it at once.
   */
  async check({ read = true }: { read?: boolean } = {}): Promise<void> {
    if (read) await expect(this.page.getByTestId('ready-count')).not.toHaveText(en.t('ui.feedback.reading'));
    await expect(this.checkButton).toBeEnabled();
    await this.checkButton.click();
  }

  /** Waits until `count` domains are checked and the run has finished. */
  async waitForResults(count: number): Promise<void> {
    const done = en.t('ui.progress.checked', { done: en.num(count), total: en.num(count) });
    await expect(this.progressText).toHaveText(done, { timeout: 45_000 });
    await expect(this.checkButton).toBeEnabled();
    await expect(this.rows).toHaveCount(count);
  }

  invalidLine(line: number): Locator {
    return this.page.locator(`[data-testid="invalid-entry"][data-line="${line}"]`);
  }

  row(domain: string): Locator {
    return this.page.locator(`[data-testid="result-row"][data-domain="${domain}"]`);
  }

  statusBadge(domain: string): Locator {
    return this.row(domain).getByTestId('status-badge');
  }

  healthBadge(domain: string): Locator {
    return this.row(domain).getByTestId('health-badge');
  }

  /** One record's row in the records table of an expanded domain. */
  recordRow(details: Locator, id: RecordId): Locator {
    return details.locator(`[data-testid="record-row"][data-record="${id}"]`);
  }

  /** The services toggle of the form: `choice` is auto (detect), on or off. */
  serviceChoice(service: ServiceFlag, choice: 'auto' | 'on' | 'off'): Locator {
    return this.page
      .getByRole('group', { name: en.t(`ui.form.services.${service}`), exact: true })
      .getByRole('radio', { name: en.t(`ui.form.services.choice.${choice}`), exact: true });
  }

  /** The expandable panel that belongs to a row (the table row right after it). */
  details(domain: string): Locator {
    return this.page.locator(`[data-testid="result-row"][data-domain="${domain}"] + tr`).getByTestId('row-details');
  }

  expandButton(domain: string): Locator {
    return this.row(domain).getByRole('button', { name: en.t('ui.table.showDetails', { domain }) });
  }

  async expand(domain: string): Promise<Locator> {
    const button = this.expandButton(domain);
    await button.click();
    await expect(this.row(domain).getByRole('button', { expanded: true })).toBeVisible();
    const details = this.details(domain);
    await expect(details).toBeVisible();
    return details;
  }

  recheckButton(domain: string): Locator {
    return this.row(domain).getByRole('button', { name: en.t('ui.table.recheckAria', { domain }) });
  }

  /** The machine-readable checked-at time of a row (ISO, millisecond precision). */
  async checkedAt(domain: string): Promise<string | null> {
    return this.row(domain).getByTestId('checked-at').getAttribute('datetime');
  }

  /** Domain → health of every row, in table order. */
  async healthTable(): Promise<Array<[string, string]>> {
    return this.rows.evaluateAll((rows) =>
      rows.map((r) => [r.getAttribute('data-domain') ?? '', r.getAttribute('data-health') ?? ''] as [string, string]),
    );
  }

  /** Domain → status of every row, in table order. */
  async table(): Promise<Array<[string, string]>> {
    return this.rows.evaluateAll((rows) =>
      rows.map((r) => [r.getAttribute('data-domain') ?? '', r.getAttribute('data-status') ?? ''] as [string, string]),
    );
  }
}
