/**
 * Channels in storage: the settings that are not secret as JSON, the secrets sealed (./secrets.ts), and the masked
 * target the API shows (the webhook's host, the SMTP host and recipients). Secrets are opened only to send.
 */
import type { OwnerColumns } from '../auth/data-owners';
import 'server-only';
import { randomUUID } from 'node:crypto';
import type { AlertLang, Channel, ChannelCreate, ChannelKind } from '@/lib/schema-alerts';
import type { AlertsConfig } from '../env';
import { HttpError } from '../http/errors';
import type { Storage } from '../storage/db';
import type { AlertChannelsTable } from '../storage/schema';
import { hostOf } from './egress';
import { open, seal } from './secrets';

/** What sending needs: the kind, the language, the settings and the opened secrets. */
export type ChannelForSend =
  | { id: string; kind: 'teams' | 'slack'; lang: AlertLang; url: string }
  | { id: string; kind: 'webhook'; lang: AlertLang; url: string; secret: string }
  | {
      id: string;
      kind: 'email';
      lang: AlertLang;
      host: string;
      port: number;
      secure: boolean;
      from: string;
      to: string[];
      user?: string;
      password?: string;
    };

/** What the API shows of a channel's URL: its scheme and host, never the path or query (they carry the signature). */
function maskedUrl(url: string): string {
  return `${new URL(url).protocol}//${hostOf(url)}/…`;
}

function split(input: ChannelCreate): {
  config: Record<string, unknown>;
  secret: Record<string, string>;
  masked: string;
} {
  switch (input.kind) {
    case 'teams':
    case 'slack':
      return { config: {}, secret: { url: input.url }, masked: maskedUrl(input.url) };
    case 'webhook':
      return { config: {}, secret: { url: input.url, secret: input.secret }, masked: maskedUrl(input.url) };
    case 'email': {
      const { host, port, secure, from, to, user, password } = input;
      return {
        config: { host, port, secure, from, to, ...(user ? { user } : {}) },
        secret: password ? { password } : {},
        masked: `smtp://${host}:${port} → ${to.join(', ')}`,
      };
    }
  }
}

export function toApi(row: AlertChannelsTable): Channel {
  return {
    id: row.id,
    kind: row.kind as ChannelKind,
    name: row.name,
    lang: row.lang as AlertLang,
    target: row.masked,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

export async function createChannel(
  storage: Storage,
  config: AlertsConfig,
  input: ChannelCreate,
  owner: OwnerColumns = { created_by_user: null, created_by_tenant: null, created_by_role: null },
): Promise<Channel> {
  const parts = split(input);
  const hasSecret = Object.keys(parts.secret).length > 0;
  if (hasSecret && !config.secretKey) {
    throw new HttpError(
      'invalid-input',
      'Channel secrets (webhook URLs, SMTP passwords) are stored encrypted, and the server has no key: set ALERTS_SECRET_KEY (32 random bytes in base64, e.g. openssl rand -base64 32) and restart.',
    );
  }
  const row: AlertChannelsTable = {
    id: randomUUID(),
    kind: input.kind,
    name: input.name,
    lang: input.lang,
    config: JSON.stringify(parts.config),
    secret: hasSecret && config.secretKey ? seal(JSON.stringify(parts.secret), config.secretKey) : null,
    masked: parts.masked,
    ...owner,
    created_at: Date.now(),
  };
  await storage.db.insertInto('alert_channels').values(row).execute();
  return toApi(row);
}

export async function getChannelRow(storage: Storage, id: string): Promise<AlertChannelsTable> {
  const row = await storage.db.selectFrom('alert_channels').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new HttpError('not-found', 'No such channel.');
  return row;
}

/** The channels (those `visible` keeps: who may see them, ../auth/data-owners.ts). */
export async function listChannels(
  storage: Storage,
  visible: (row: AlertChannelsTable) => boolean = () => true,
): Promise<Channel[]> {
  const rows = await storage.db.selectFrom('alert_channels').selectAll().orderBy('created_at').execute();
  return rows.filter(visible).map(toApi);
}

export async function updateChannel(
  storage: Storage,
  id: string,
  patch: { name?: string | undefined; lang?: AlertLang | undefined },
): Promise<Channel> {
  await getChannelRow(storage, id);
  const set: Partial<AlertChannelsTable> = {};
  if (patch.name !== undefined) set.name = patch.name;
  if (patch.lang !== undefined) set.lang = patch.lang;
  if (Object.keys(set).length) await storage.db.updateTable('alert_channels').set(set).where('id', '=', id).execute();
  return toApi(await getChannelRow(storage, id));
}

export async function deleteChannel(storage: Storage, id: string): Promise<void> {
  await getChannelRow(storage, id);
  await storage.db.deleteFrom('list_subscriptions').where('channel_id', '=', id).execute();
  await storage.db.deleteFrom('alert_channels').where('id', '=', id).execute();
}

/** The channel with its secrets opened, to send. Throws when the key is missing or changed. */
export function forSend(row: AlertChannelsTable, config: AlertsConfig): ChannelForSend {
  let secret: Record<string, string> = {};
  if (row.secret) {
    if (!config.secretKey) throw new Error('ALERTS_SECRET_KEY is not set: the channel secret cannot be opened');
    try {
      secret = JSON.parse(open(row.secret, config.secretKey)) as Record<string, string>;
    } catch {
      throw new Error('the channel secret cannot be opened (ALERTS_SECRET_KEY changed?)');
    }
  }
  const settings = JSON.parse(row.config) as Record<string, unknown>;
  const lang = row.lang as AlertLang;
  switch (row.kind as ChannelKind) {
    case 'teams':
    case 'slack':
      return { id: row.id, kind: row.kind as 'teams' | 'slack', lang, url: secret.url ?? '' };
    case 'webhook':
      return { id: row.id, kind: 'webhook', lang, url: secret.url ?? '', secret: secret.secret ?? '' };
    case 'email':
      return {
        id: row.id,
        kind: 'email',
        lang,
        host: String(settings.host),
        port: Number(settings.port),
        secure: Boolean(settings.secure),
        from: String(settings.from),
        to: (settings.to as string[]) ?? [],
        ...(settings.user ? { user: String(settings.user) } : {}),
        ...(secret.password ? { password: secret.password } : {}),
      };
  }
}
