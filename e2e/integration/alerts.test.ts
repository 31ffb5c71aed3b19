/**
 * Alert channels end to end (issue 17 part B): local receivers stand in for a Teams Workflows webhook, a Slack
 * incoming webhook and a generic webhook (plain node:http servers), and `smtp-server` for e-mail. The test
 * message arrives with the exact payload of each kind, the generic webhook's HMAC verifies, secrets are
 * masked in the API and absent from the log, a failing webhook is retried with backoff and then logged as failed,
 * and without ALERTS_ALLOW_PRIVATE a loopback destination is refused (and without ALERTS_SECRET_KEY a channel
 * with a secret can't be saved).
 */
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeServer, startFakeDnsServer } from '../../lab/fake-dns-server';
import { MS } from '../../lab/fixtures';
import { withApexRecords } from '../../lab/zone-file';
import { renderAlert } from '../../lib/alerts/message';
import { slackPayload, teamsPayload } from '../../lib/alerts/payloads';
import { Channel, Delivery, DeliveryList, Watch } from '../../lib/schema-alerts';
import { type App, startApp } from '../support/app';
import { appEnv } from '../support/app-env';
import { get, post } from '../support/http';
import { listZone, type Mx } from '../support/list-zones';
import { freshDatabase } from '../support/postgres';
import { summary, until } from '../support/runs';

/** Waits here fail at the first error (each request must succeed) and look every 100 ms. */
const FAIL_FAST = { everyMs: 100, retryErrors: false };

type Received = { path: string; headers: IncomingHttpHeaders; body: string };

const SECRET_KEY = Buffer.from(`${'k'.repeat(8)}Zq8vN2xR4tL7pW1mK9sD3fG6`).toString('base64');
const TEAMS_SIG = 'sig-Teams-7fQ2xWv9LmZ0pR4tY6uB';
const SLACK_TOKEN = 'T000-B000-Slack8kW2nR5vX9qL3mZ';
const HMAC_SECRET = 'hmac-secret-4Jd8sK2pQ9vL7xN3';
const SMTP_PASSWORD = 'smtp-pass-Vb6nM1qW8eR3tY5u';
const SECRETS = [TEAMS_SIG, SLACK_TOKEN, HMAC_SECRET, SMTP_PASSWORD];

let receiver: Server;
let base = '';
const received: Received[] = [];
/** Requests to a /flaky… path fail twice (per path) before they succeed; /down… always fails. */
const flakyLeft = new Map<string, number>();

let smtp: SMTPServer;
let smtpPort = 0;
const mails: Array<{ from: string; to: string[]; raw: string; user?: string; pass?: string }> = [];
let lastAuth: { user?: string; pass?: string } = {};

let app: App;
let strict: App;
/** The same as `app` on PostgreSQL: retries go through pg-boss. */
let onPg: App;
/** The resolver and the zones' own server in one (watches compare the two: they agree, so records are live). */
let dns: FakeServer | undefined;
let dnsPort = 0;

/** The list of the digest test: dg-to.test never answers (could not check). */
const DIGEST_DOMAINS = ['dg-a.test', 'dg-b.test', 'dg-to.test'];

/** (Re)starts the fake DNS server on the same port, each list domain's MX as given (default good). */
async function serve(mx: Record<string, Mx>): Promise<void> {
  await dns?.close();
  dns = await startFakeDnsServer({
    host: '127.0.0.1',
    ...(dnsPort ? { port: dnsPort } : {}),
    zones: ['live.test', 'refused.test', 'lab.test', ...DIGEST_DOMAINS, 'outlook.com'],
    records: [
      ...watchZone('live.test'),
      ...watchZone('refused.test'),
      { name: 'ns1.lab.test', type: 'A', data: '127.0.0.1' },
      ...DIGEST_DOMAINS.flatMap((d) => listZone(d, mx[d] ?? 'good')),
      { name: `*.${MS.mxWw}`, type: 'A', ttl: 60, data: '203.0.113.31' },
      { name: MS.autodiscoverWw, type: 'A', ttl: 60, data: '203.0.113.32' },
    ],
    rules: [
      // refused.test's own server refuses: nothing can be compared, so a watch on it can only give up.
      { suffix: 'refused.test', behaviour: { kind: 'refused' } },
      { suffix: 'dg-to.test', behaviour: { kind: 'drop' } },
    ],
  });
  dnsPort = dns.port;
}

const watchZone = (apex: string) =>
  withApexRecords({
    apex,
    records: [
      { name: apex, type: 'MX', data: `0 ${apex.replace('.', '-')}.${MS.mxWw}` },
      { name: apex, type: 'TXT', data: MS.spfWw },
      { name: `autodiscover.${apex}`, type: 'CNAME', data: MS.autodiscoverWw },
    ],
  });

beforeAll(async () => {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '';
      received.push({ path, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      const left = flakyLeft.get(path) ?? 2;
      if (path.startsWith('/flaky')) flakyLeft.set(path, left - 1);
      if (path.startsWith('/down') || (path.startsWith('/flaky') && left > 0)) {
        res.writeHead(500).end('no');
        return;
      }
      if (path.startsWith('/redirect/')) {
        res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'text/plain' }).end('1');
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;

  smtp = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, cb) {
      lastAuth = { user: auth.username ?? undefined, pass: auth.password ?? undefined };
      cb(null, { user: auth.username });
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
          ...lastAuth,
        });
        cb();
      });
    },
  });
  await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', () => r()));
  smtpPort = (smtp.server.address() as AddressInfo).port;

  await serve({});

  const common = { ...appEnv(dns?.address ?? ''), SCHEDULE_TICK_MS: '100', SHUTDOWN_GRACE_MS: '200' };
  const alertsEnv = {
    ALERTS_SECRET_KEY: SECRET_KEY,
    ALERTS_ALLOW_PRIVATE: '1',
    ALERTS_RETRY_BASE_MS: '150',
    ALERTS_MAX_ATTEMPTS: '3',
    ALERTS_TIMEOUT_MS: '3000',
  };
  const pgUrl = await freshDatabase('alerts');
  [app, strict, onPg] = await Promise.all([
    startApp({
      ...common,
      PROPAGATION: '1',
      DNS_AUTH_PORT: String(dnsPort),
      DNS_CACHE: '0',
      DNS_TIMEOUT_MS: '400',
      DNS_TRIES: '1',
      CHECK_WORKERS: '0',
      ...alertsEnv,
    }),
    startApp(common),
    startApp({ ...common, ...alertsEnv, DATABASE_URL: pgUrl }),
  ]);
}, 90_000);

afterAll(async () => {
  await Promise.all([app?.stop(), strict?.stop(), onPg?.stop()]);
  await new Promise<void>((r) => receiver?.close(() => r()));
  await new Promise<void>((r) => (smtp ? smtp.close(() => r()) : r()));
  await dns?.close();
});

async function channel(body: Record<string, unknown>, on: App = app) {
  const res = await post(on.url, '/api/channels', body);
  expect(res.status, res.text).toBe(201);
  return Channel.parse(res.json);
}

const testSend = (id: string, on: App = app) => post(on.url, `/api/channels/${id}/test`, '', 'text/plain');
const lastTo = (prefix: string) => received.filter((r) => r.path.startsWith(prefix)).at(-1);

describe('channels (ALERTS_ALLOW_PRIVATE=1, loopback receivers)', () => {
  it('Teams: the Workflows message with an Adaptive Card, and the URL never comes back', async () => {
    const c = await channel({ kind: 'teams', name: 'Ops', url: `${base}/teams/workflows/run?sig=${TEAMS_SIG}` });
    // The scheme as given (the receiver is http), the host, nothing of the path or query.
    expect(c.target).toBe(`http://${new URL(base).host}/…`);
    const listed = await get(app.url, '/api/channels');
    const one = await get(app.url, `/api/channels/${c.id}`);
    for (const text of [JSON.stringify(c), listed.text, one.text]) expect(text).not.toContain(TEAMS_SIG);

    const res = await testSend(c.id);
    expect(res.status, res.text).toBe(200);
    expect(Delivery.parse(res.json)).toMatchObject({ status: 'sent', attempts: 1, kind: 'test' });
    const got = lastTo('/teams/');
    expect(got?.path).toBe(`/teams/workflows/run?sig=${TEAMS_SIG}`);
    expect(got?.headers['content-type']).toBe('application/json');
    const body = JSON.parse(got?.body ?? '{}');
    expect(body).toEqual({
      type: 'message',
      attachments: [
        {
          contentType: 'application/vnd.microsoft.card.adaptive',
          contentUrl: null,
          content: {
            $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
            type: 'AdaptiveCard',
            version: '1.4',
            body: [
              {
                type: 'TextBlock',
                text: 'Test message from M365 DNS Health',
                weight: 'Bolder',
                size: 'Medium',
                wrap: true,
              },
              { type: 'TextBlock', text: 'This channel works. Alerts for your lists will arrive here.', wrap: true },
            ],
            msteams: { width: 'Full' },
          },
        },
      ],
    });
    expect(body).toEqual(teamsPayload(renderAlert({ kind: 'test' }, 'en')));
  });

  it('Slack: text and blocks, in the channel language (zh-CN)', async () => {
    const c = await channel({
      kind: 'slack',
      name: '运维',
      lang: 'zh-CN',
      url: `${base}/slack/services/${SLACK_TOKEN}`,
    });
    expect((await testSend(c.id)).status).toBe(200);
    const body = JSON.parse(lastTo('/slack/')?.body ?? '{}');
    expect(body).toEqual(slackPayload(renderAlert({ kind: 'test' }, 'zh-CN')));
    expect(body.text).toBe('来自 M365 DNS Health 的测试消息: 此通道可用。列表的告警将发送到这里。');
    expect(body.blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: '来自 M365 DNS Health 的测试消息' },
    });
  });

  it('generic webhook: HMAC-SHA256 over timestamp.body in the documented headers', async () => {
    const c = await channel({ kind: 'webhook', name: 'SIEM', url: `${base}/hook/in`, secret: HMAC_SECRET });
    const before = Math.floor(Date.now() / 1000);
    expect((await testSend(c.id)).status).toBe(200);
    const got = lastTo('/hook/');
    const ts = String(got?.headers['x-m365dh-timestamp']);
    expect(Number(ts)).toBeGreaterThanOrEqual(before - 1);
    expect(Number(ts)).toBeLessThanOrEqual(Math.floor(Date.now() / 1000) + 1);
    const expected = createHmac('sha256', HMAC_SECRET).update(`${ts}.${got?.body}`).digest('hex');
    expect(got?.headers['x-m365dh-signature']).toBe(`sha256=${expected}`);
    // A receiver with another secret, or a changed body, does not verify.
    expect(createHmac('sha256', 'wrong').update(`${ts}.${got?.body}`).digest('hex')).not.toBe(expected);
    expect(JSON.parse(got?.body ?? '{}')).toMatchObject({
      version: 1,
      kind: 'test',
      lang: 'en',
      data: { kind: 'test' },
    });
  });

  it('e-mail over SMTP with a password that is stored sealed', async () => {
    const c = await channel({
      kind: 'email',
      name: 'Mail',
      host: '127.0.0.1',
      port: smtpPort,
      user: 'alerts',
      password: SMTP_PASSWORD,
      from: 'dns@contoso.test',
      to: ['admin@contoso.test'],
    });
    expect(JSON.stringify(c)).not.toContain(SMTP_PASSWORD);
    const res = await testSend(c.id);
    expect(res.status, res.text).toBe(200);
    const mail = mails.at(-1);
    expect(mail).toMatchObject({
      from: 'dns@contoso.test',
      to: ['admin@contoso.test'],
      user: 'alerts',
      pass: SMTP_PASSWORD,
    });
    expect(mail?.raw).toContain('Subject: Test message from M365 DNS Health');
  });

  it.each([
    ['embedded database (the rows are the queue)', () => app, '/flaky/x', '/down/x'],
    ['PostgreSQL (pg-boss jobs)', () => onPg, '/flaky-pg/x', '/down-pg/x'],
  ])(
    '%s: a failing webhook is retried with backoff, then sent; one that keeps failing is logged as failed',
    async (_label, which, flakyPath, downPath) => {
      const on = which();
      const flaky = await channel(
        { kind: 'webhook', name: 'Flaky', url: `${base}${flakyPath}`, secret: HMAC_SECRET },
        on,
      );
      const first = await testSend(flaky.id, on);
      expect(first.status).toBe(202);
      expect(Delivery.parse(first.json)).toMatchObject({
        status: 'retrying',
        attempts: 1,
        error: expect.stringContaining('HTTP 500'),
      });
      const sent = await until(
        'the sent delivery',
        async () => {
          const log = DeliveryList.parse((await get(on.url, `/api/channels/${flaky.id}/deliveries`)).json);
          return log.deliveries.find((d) => d.status === 'sent');
        },
        15_000,
        FAIL_FAST,
      );
      expect(sent.attempts).toBe(3);
      expect(received.filter((r) => r.path === flakyPath)).toHaveLength(3);

      const down = await channel({ kind: 'webhook', name: 'Down', url: `${base}${downPath}`, secret: HMAC_SECRET }, on);
      expect((await testSend(down.id, on)).status).toBe(202);
      const failed = await until(
        'the failed delivery',
        async () => {
          const log = DeliveryList.parse((await get(on.url, `/api/channels/${down.id}/deliveries`)).json);
          return log.deliveries.find((d) => d.status === 'failed');
        },
        15_000,
        FAIL_FAST,
      );
      expect(failed).toMatchObject({ attempts: 3, error: `${new URL(base).host} answered HTTP 500` });
      await new Promise((r) => setTimeout(r, 500));
      expect(received.filter((r) => r.path === downPath)).toHaveLength(3);
    },
  );

  it('a redirect is not followed', async () => {
    const c = await channel({ kind: 'teams', name: 'Redirect', url: `${base}/redirect/x` });
    const res = await testSend(c.id);
    expect(res.status).toBe(502);
    expect(Delivery.parse(res.json)).toMatchObject({ status: 'failed', error: expect.stringContaining('redirect') });
  });

  it('a watch notifies once when live; creating it again answers the same watch', async () => {
    const c = await channel({ kind: 'slack', name: 'Watch', url: `${base}/watch-live/x` });
    const body = { domain: 'live.test', channelId: c.id };
    const [first, again] = await Promise.all([
      post(app.url, '/api/watches', body),
      post(app.url, '/api/watches', body),
    ]);
    expect([first.status, again.status].sort()).toEqual([200, 201]);
    const watch = Watch.parse(first.json);
    expect(Watch.parse(again.json).id).toBe(watch.id);
    const done = await until(
      'the watch to end',
      async () => {
        const w = Watch.parse((await get(app.url, `/api/watches/${watch.id}`)).json);
        return w.state === 'watching' ? undefined : w;
      },
      15_000,
      FAIL_FAST,
    );
    expect(done.state).toBe('live');
    expect(done.seen).toContain('autodiscover: live');
    await new Promise((r) => setTimeout(r, 500));
    const messages = received.filter((r) => r.path === '/watch-live/x');
    expect(messages).toHaveLength(1);
    expect(JSON.parse(messages[0]?.body ?? '{}').text).toBe('live.test is live');
  });

  it('a watch that can compare nothing gives up when its deadline comes before the next check, and says so once', async () => {
    const c = await channel({ kind: 'slack', name: 'Watch', url: `${base}/watch-gave-up/x` });
    const deadline = new Date(Date.now() + 5000).toISOString();
    const res = await post(app.url, '/api/watches', { domain: 'refused.test', channelId: c.id, deadline });
    expect(res.status, res.text).toBe(201);
    const id = Watch.parse(res.json).id;
    const done = await until(
      'the watch to end',
      async () => {
        const w = Watch.parse((await get(app.url, `/api/watches/${id}`)).json);
        return w.state === 'watching' ? undefined : w;
      },
      15_000,
      FAIL_FAST,
    );
    expect(done.state).toBe('gave-up');
    const messages = await until(
      'the gave-up message',
      async () => {
        const got = received.filter((r) => r.path === '/watch-gave-up/x');
        return got.length ? got : undefined;
      },
      15_000,
      FAIL_FAST,
    );
    expect(messages).toHaveLength(1);
    expect(JSON.parse(messages[0]?.body ?? '{}').text).toBe('Stopped waiting for refused.test');
    expect((await get(app.url, `/api/watches/${id}`, { method: 'DELETE' })).status).toBe(200);
    expect((await get(app.url, `/api/watches/${id}`)).status).toBe(404);
  });

  it('no secret ever reaches the log, of a delivery or of a failed one', () => {
    const log = readFileSync(app.logFile as string, 'utf8');
    expect(log).toContain('alert sent');
    expect(log).toContain('alert delivery failed');
    for (const secret of SECRETS) expect(log).not.toContain(secret);
  });
});

describe('without ALERTS_ALLOW_PRIVATE and ALERTS_SECRET_KEY', () => {
  it('a channel with a secret is refused, saying which setting is missing', async () => {
    const res = await post(strict.url, '/api/channels', { kind: 'teams', name: 'x', url: `${base}/teams/x` });
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ code: 'invalid-input', message: expect.stringContaining('ALERTS_SECRET_KEY') });
  });

  it('a loopback SMTP host is refused, and nothing is sent', async () => {
    const c = await channel(
      { kind: 'email', name: 'Mail', host: 'localhost', port: smtpPort, from: 'a@b.test', to: ['c@d.test'] },
      strict,
    );
    const count = mails.length;
    const res = await testSend(c.id, strict);
    expect(res.status).toBe(502);
    expect(Delivery.parse(res.json)).toMatchObject({
      status: 'failed',
      attempts: 1,
      error: expect.stringContaining('private, loopback or link-local'),
    });
    expect(mails.length).toBe(count);
  });
});

describe('list runs alert their channels (lists, changes, acceptances)', () => {
  /** Runs the list now and waits until the run is done. */
  async function runList(id: string): Promise<string> {
    const started = await post(app.url, `/api/lists/${id}/runs`, '', 'text/plain');
    expect(started.status, started.text).toBe(201);
    const runId = (started.json as { runId: string }).runId;
    await until(
      'the list run to finish',
      async () => ((await summary(app.url, runId)).status === 'done' ? true : undefined),
      30_000,
      FAIL_FAST,
    );
    return runId;
  }
  const listDeliveries = async (id: string) =>
    DeliveryList.parse((await get(app.url, `/api/lists/${id}/deliveries`)).json).deliveries;
  const digests = () => received.filter((r) => r.path === '/digest/x').map((r) => JSON.parse(r.body));

  it('newly broken alerts once per run; an accepted finding only when its value changes; 3 runs of "could not check" send one message', async () => {
    const c = await channel({ kind: 'slack', name: 'Contoso admins', url: `${base}/digest/x` });
    const created = await post(app.url, '/api/lists', { name: 'Contoso', domains: DIGEST_DOMAINS });
    expect(created.status, created.text).toBe(201);
    const id = (created.json as { list: { id: string } }).list.id;
    const subs = await get(app.url, `/api/lists/${id}/alerts`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ subscriptions: [{ channelId: c.id, on: 'newly_broken' }] }),
    });
    expect(subs.status, subs.text).toBe(200);

    // Run 1 (the baseline): dg-b's MX goes through a filter, dg-to can't be checked. No message.
    await serve({ 'dg-b.test': 'wrong' });
    await runList(id);
    await new Promise((r) => setTimeout(r, 1000));
    expect(await listDeliveries(id)).toEqual([]);
    expect(digests()).toHaveLength(0);
    const accept = await post(app.url, `/api/lists/${id}/acceptances`, {
      domain: 'dg-b.test',
      record: 'mx',
      note: 'Mail goes through a third-party filter on purpose',
    });
    expect(accept.status, accept.text).toBe(201);

    // Run 2: dg-a breaks. One digest naming dg-a only (dg-b is accepted; dg-to's 2 runs of "can't check" say nothing).
    await serve({ 'dg-a.test': 'wrong', 'dg-b.test': 'wrong' });
    await runList(id);
    await until(
      'the first digest',
      async () => ((await listDeliveries(id)).length >= 1 ? true : undefined),
      15_000,
      FAIL_FAST,
    );
    await new Promise((r) => setTimeout(r, 500));
    expect(digests()).toHaveLength(1);
    const second = JSON.stringify(digests()[0]);
    expect(second).toContain('dg-a.test: newly broken (mx)');
    expect(second).not.toContain('dg-b.test');
    expect(second).not.toContain('dg-to.test');

    // Run 3: the accepted MX changes value (it is a finding again); dg-to's third run of "can't check".
    await serve({ 'dg-a.test': 'wrong', 'dg-b.test': 'other' });
    await runList(id);
    await until(
      'three deliveries',
      async () => ((await listDeliveries(id)).length >= 3 ? true : undefined),
      15_000,
      FAIL_FAST,
    );
    await new Promise((r) => setTimeout(r, 500));
    const all = digests();
    expect(all).toHaveLength(3);
    const third = all.slice(1).map((m) => JSON.stringify(m));
    const digest = third.find((t) => t.includes('DNS changes in Contoso'));
    const cannot = third.find((t) => t.includes("We can't check some domains in Contoso"));
    expect(digest).toContain('dg-b.test: newly broken (mx)');
    expect(digest).not.toContain('dg-a.test'); // still broken: not news
    expect(cannot).toContain('dg-to.test');
    expect(cannot).not.toContain('dg-a.test');
    const log = await listDeliveries(id);
    expect(log.map((d) => `${d.kind} ${d.status}`).sort()).toEqual(['cannot-check sent', 'digest sent', 'digest sent']);
  }, 90_000);
});
