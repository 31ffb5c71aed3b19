/**
 * The zod contract of alerts, channels, list schedules, subscriptions, the delivery log and watches (issue 17
 * part B). One module for the route handlers, the page and the client; types come from `z.infer`.
 */
import { z } from 'zod';

export const CHANNEL_KINDS = ['teams', 'slack', 'email', 'webhook'] as const;
export const ChannelKind = z.enum(CHANNEL_KINDS);
export type ChannelKind = z.infer<typeof ChannelKind>;

export const ALERT_LANGS = ['en', 'zh-CN'] as const;
export const AlertLang = z.enum(ALERT_LANGS);
export type AlertLang = z.infer<typeof AlertLang>;

const name = z.string().trim().min(1).max(100);
const httpsUrl = z
  .string()
  .trim()
  .max(2048)
  .refine((v) => {
    try {
      return /^https?:$/.test(new URL(v).protocol);
    } catch {
      return false;
    }
  }, 'an http(s) URL');
const email = z
  .string()
  .trim()
  .max(254)
  .regex(/^[^\s@<>]+@[^\s@<>]+$/, 'an e-mail address');

/** POST /api/channels: a channel and its secrets (which the API never returns after this). */
export const ChannelCreate = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('teams'), name, lang: AlertLang.default('en'), url: httpsUrl }),
  z.object({ kind: z.literal('slack'), name, lang: AlertLang.default('en'), url: httpsUrl }),
  z.object({
    kind: z.literal('webhook'),
    name,
    lang: AlertLang.default('en'),
    url: httpsUrl,
    /** The HMAC-SHA256 key the receiver verifies `X-M365DH-Signature` with. */
    secret: z.string().min(16).max(256),
  }),
  z.object({
    kind: z.literal('email'),
    name,
    lang: AlertLang.default('en'),
    host: z.string().trim().min(1).max(253),
    port: z.number().int().min(1).max(65_535).default(587),
    /** TLS from the start (465); otherwise STARTTLS when the server offers it. */
    secure: z.boolean().default(false),
    user: z.string().max(256).optional(),
    password: z.string().max(1024).optional(),
    from: email,
    to: z.array(email).min(1).max(20),
  }),
]);
export type ChannelCreate = z.infer<typeof ChannelCreate>;

/** A channel as the API shows it: `target` is the masked destination (host only), never a secret. */
export const Channel = z.object({
  id: z.string(),
  kind: ChannelKind,
  name: z.string(),
  lang: AlertLang,
  target: z.string(),
  createdAt: z.string(),
});
export type Channel = z.infer<typeof Channel>;

export const ChannelList = z.object({ channels: z.array(Channel) });

/** PATCH /api/channels/:id: rename or change the language (secrets are replaced by creating a new channel). */
export const ChannelUpdate = z.object({ name: name.optional(), lang: AlertLang.optional() });

export const ALERT_ON = ['newly_broken', 'any_change', 'fixed'] as const;
export const AlertOn = z.enum(ALERT_ON);
export type AlertOn = z.infer<typeof AlertOn>;

export const Subscriptions = z.object({
  subscriptions: z
    .array(z.object({ channelId: z.string().min(1).max(64), on: AlertOn.default('newly_broken') }))
    .max(20),
});
export type Subscriptions = z.infer<typeof Subscriptions>;

const time = z.string().regex(/^([01]?\d|2[0-3]):[0-5]\d$/, 'HH:MM');

/** PUT /api/lists/:id/schedule: a cron expression or a simple choice, in an IANA time zone. */
export const ScheduleUpdate = z
  .object({
    cron: z.string().trim().min(9).max(100).optional(),
    simple: z
      .discriminatedUnion('kind', [
        z.object({ kind: z.literal('daily'), time }),
        z.object({ kind: z.literal('weekly'), time, day: z.number().int().min(0).max(6) }),
        z.object({ kind: z.literal('monthly'), time, day: z.number().int().min(1).max(28) }),
      ])
      .optional(),
    tz: z.string().trim().min(1).max(64).default('UTC'),
    enabled: z.boolean().default(true),
  })
  .refine((v) => (v.cron === undefined) !== (v.simple === undefined), 'give either cron or simple');
export type ScheduleUpdate = z.infer<typeof ScheduleUpdate>;

export const Schedule = z.object({
  listId: z.string(),
  cron: z.string(),
  tz: z.string(),
  enabled: z.boolean(),
  /** The last slot fired (or when the schedule was saved), ISO. */
  lastSlot: z.string(),
  /** Slots fired so far. */
  fired: z.number(),
  /** The next slot, ISO (the list starts up to SCHEDULE_JITTER_S later), or null. */
  nextRun: z.string().nullable(),
});
export type Schedule = z.infer<typeof Schedule>;

export const DELIVERY_STATUSES = ['sent', 'failed', 'retrying'] as const;
export const DELIVERY_KINDS = ['digest', 'cannot-check', 'test', 'watch'] as const;

export const Delivery = z.object({
  id: z.string(),
  listId: z.string().nullable(),
  channelId: z.string(),
  runId: z.string().nullable(),
  kind: z.enum(DELIVERY_KINDS),
  status: z.enum(DELIVERY_STATUSES),
  attempts: z.number(),
  error: z.string().nullable(),
  at: z.string(),
});
export type Delivery = z.infer<typeof Delivery>;
export const DeliveryList = z.object({ deliveries: z.array(Delivery) });

/** SWR keys. */
export const channelsKey = () => '/api/channels';
export const deliveriesKey = (listId: string) => `/api/lists/${encodeURIComponent(listId)}/deliveries`;

// --- Watches: a server-side "tell me when it's live" (POST /api/watches) ---
export const WATCH_STATES = ['watching', 'live', 'gave-up'] as const;

export const WatchCreate = z.object({
  domain: z.string().trim().min(1).max(300),
  /** Record ids to wait for (e.g. `autodiscover`); default every record compared. */
  records: z.array(z.string().min(1).max(40)).max(30).optional(),
  channelId: z.string().min(1).max(64).optional(),
  /** When to give up, ISO; default now + LIVE_WATCH_MAX_MIN, at most 24 hours ahead. */
  deadline: z.string().datetime({ offset: true }).optional(),
  lang: AlertLang.optional(),
});
export type WatchCreate = z.infer<typeof WatchCreate>;

export const Watch = z.object({
  id: z.string(),
  domain: z.string(),
  records: z.array(z.string()),
  channelId: z.string().nullable(),
  deadline: z.string(),
  state: z.enum(WATCH_STATES),
  /** What the last check saw, one line per record watched (`autodiscover: pending`). */
  seen: z.array(z.string()),
  checks: z.number(),
  nextCheck: z.string().nullable(),
});
export type Watch = z.infer<typeof Watch>;

/** The answer of a DELETE under /api/channels, /api/lists/:id/schedule and /api/watches. */
export const Deleted = z.object({ deleted: z.literal(true) });
