/**
 * Running a list: `startListRun` starts a normal run (../runs/engine.ts) of the list's domains with its cloud,
 * services and language, recorded as a run of the list (`list_runs`: trigger, slot and the membership at the
 * start). The run is kept for the list's retention (default 365 days), outside the per-client run quota, and
 * stores per-record rows with each result. The schedules (issue 17 section 3) call this too.
 */
import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { parseDomainList } from '@/lib/report/domain-list';
import { columnsOf } from '../auth/data-owners';
import { getConfig } from '../env';
import { getRunEngine } from '../runs/engine';
import { getStorage } from '../storage/db';
import { findList, listDomains } from './store';

export type ListRunOptions = { trigger: 'manual' | 'schedule'; slot?: string };

/** Thrown when the list does not exist (or has no domain to check). */
export class ListRunError extends Error {
  constructor(
    readonly reason: 'not-found' | 'empty',
    message: string,
  ) {
    super(message);
    this.name = 'ListRunError';
  }
}

/** The hash of a list's membership (sorted ASCII names): two runs with the same hash checked the same domains. */
export function membershipHash(domains: readonly string[]): string {
  return createHash('sha256')
    .update([...domains].sort().join('\n'))
    .digest('hex')
    .slice(0, 32);
}

/** The owner client of list runs (they count against no person's quota). */
export const LIST_RUN_CLIENT = 'list';

/**
 * Starts a run of list `listId` (see the module comment) and resolves once it is stored and queued, with its id.
 * Throws `ListRunError` for an unknown or empty list.
 */
export async function startListRun(
  listId: string,
  opts: ListRunOptions = { trigger: 'manual' },
): Promise<{ runId: string }> {
  const config = getConfig();
  const { db } = await getStorage(config.storage);
  const list = await findList(db, listId);
  if (!list) throw new ListRunError('not-found', `There is no list ${listId}.`);
  const domains = await listDomains(db, listId);
  if (domains.length === 0) throw new ListRunError('empty', `List ${listId} has no domains.`);
  const parsed = parseDomainList(
    domains.map((d) => d.domain),
    {
      allowTestDomains: config.allowTestDomains,
      maxLineLength: config.maxLineLength,
      maxDomains: Number.MAX_SAFE_INTEGER,
      lang: list.lang,
    },
  );
  const entered = new Map(domains.map((d) => [d.domain, d.entered]));
  const ascii = parsed.domains.map((d) => d.ascii);
  const started = await getRunEngine().start({
    owner: { client: LIST_RUN_CLIENT, tokenHash: createHash('sha256').update(randomBytes(32)).digest('hex') },
    cloud: list.cloud,
    ...(list.services ? { services: list.services } : {}),
    lang: list.lang,
    targets: parsed.domains.map(({ ascii: a, display, registrable, isSubdomain }) => {
      const e = entered.get(a);
      return { ascii: a, display, registrable, isSubdomain, ...(e ? { entered: e } : {}) };
    }),
    invalid: parsed.invalid,
    duplicates: [],
    list: {
      id: listId,
      retentionS: list.retentionDays * 86_400,
      trigger: opts.trigger,
      slot: opts.slot,
      domains: ascii,
      domainsHash: membershipHash(ascii),
    },
  });
  if ('refused' in started) throw new Error('a list run was refused by the run store');
  // The run belongs to the list's owner, whoever (or whichever schedule) started it (issue 18).
  await db.updateTable('runs').set(columnsOf(list.owner)).where('id', '=', started.created.id).execute();
  return { runId: started.created.id };
}
