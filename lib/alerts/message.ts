/**
 * What an alert says, as data, and its text in a language: the digest of one list run, the one "we can't check
 * these domains" message, the test message and a watch's end. Pure: the channel payloads (./payloads.ts) and the
 * rules (./rules.ts) build on it; sending is lib/server/alerts.
 */
import { CATALOGUES, formatMessage } from '@/lib/messages';
import type { AlertLang } from '@/lib/schema-alerts';

export const ALERT_CHANGES = ['fixed', 'newly_broken', 'changed', 'still_broken', 'cannot_check', 'unchanged'] as const;
export type AlertChange = (typeof ALERT_CHANGES)[number];
export type ChangeCounts = Record<AlertChange, number>;

/** Domains a digest names; the rest are counted ("and 12 more"). */
export const DIGEST_DOMAINS = 10;

export type AlertList = { id: string; name: string };

export type AlertMessage =
  | {
      kind: 'digest';
      list: AlertList;
      runId: string;
      counts: ChangeCounts;
      /** The domains that made the alert, most important first. */
      domains: Array<{ domain: string; change: AlertChange; records?: string[] }>;
      link?: string;
    }
  | { kind: 'cannot-check'; list: AlertList; runId: string; runs: number; domains: string[]; link?: string }
  | { kind: 'test' }
  | { kind: 'watch'; domain: string; live: boolean; seen: string[] };

/** The message in words: a title, one summary sentence, up to DIGEST_DOMAINS lines and maybe "and N more". */
export type RenderedAlert = {
  title: string;
  summary: string;
  lines: string[];
  more: string | null;
  link: string | null;
};

export function emptyCounts(): ChangeCounts {
  return { fixed: 0, newly_broken: 0, changed: 0, still_broken: 0, cannot_check: 0, unchanged: 0 };
}

/** Renders `message` in `lang` from the alerts catalogue. */
export function renderAlert(message: AlertMessage, lang: AlertLang): RenderedAlert {
  const c = CATALOGUES[lang];
  const t = (code: string, params: Record<string, string | number> = {}) =>
    formatMessage(c, `alerts.message.${code}`, params);
  const more = (total: number, shown: number) => (total > shown ? t('more', { count: total - shown }) : null);
  switch (message.kind) {
    case 'digest': {
      const shown = message.domains.slice(0, DIGEST_DOMAINS);
      const n = message.counts;
      return {
        title: t('title.digest', { list: message.list.name }),
        summary: t('summary', {
          fixed: n.fixed,
          newlyBroken: n.newly_broken,
          changed: n.changed,
          stillBroken: n.still_broken,
          unchanged: n.unchanged,
        }),
        lines: shown.map(
          (d) => `${d.domain}: ${t(`change.${d.change}`)}${d.records?.length ? ` (${d.records.join(', ')})` : ''}`,
        ),
        more: more(message.domains.length, shown.length),
        link: message.link ?? null,
      };
    }
    case 'cannot-check': {
      const shown = message.domains.slice(0, DIGEST_DOMAINS);
      return {
        title: t('title.cannotCheck', { list: message.list.name }),
        summary: t('cannotCheckSummary', { runs: message.runs }),
        lines: shown,
        more: more(message.domains.length, shown.length),
        link: message.link ?? null,
      };
    }
    case 'test':
      return { title: t('title.test'), summary: t('testBody'), lines: [], more: null, link: null };
    case 'watch':
      return {
        title: t(message.live ? 'title.watchLive' : 'title.watchGaveUp', { domain: message.domain }),
        summary: '',
        lines: message.seen.slice(0, DIGEST_DOMAINS),
        more: more(message.seen.length, Math.min(message.seen.length, DIGEST_DOMAINS)),
        link: null,
      };
  }
}
