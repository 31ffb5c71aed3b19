/**
 * Data belongs to someone (issue 18 section 3) for lists, their runs, changes and acceptances, channels and the
 * domain timeline: the production build with Entra sign-in through the local stand-in (lab/oidc-provider.ts, two
 * allowed tenants) on the lists' fake DNS server. An operator of tenant A creates a list and a channel; an operator
 * of tenant B sees neither (404, absent from the listings and the domain's history); a viewer of A reads them but
 * can't create a list; an acceptance records who accepted it; a list from before sign-in (the shared token: no one)
 * is seen by operators only. A watch is its creator's: another tenant gets 404 on it and a watch of their own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntraProvider } from '../../lab/oidc-provider';
import { ApiError } from '../../lib/schema';
import type { App } from '../support/app';
import { entraClient } from '../support/entra';
import { startEntraLab, stopEntraLab, TENANT_A, TENANT_B, users } from '../support/entra-lab';
import { type ListDns, listAppEnv, startListDns } from '../support/list-zones';
import { until } from '../support/runs';

const TOKEN = 'Zq8vN2xR4tL7pW1mK9sD3fG6hJ0bC5yE';
const { viewer: viewerA, operator: operatorA, operatorB } = users;

let provider: EntraProvider;
let dns: ListDns;
let app: App;
const { signIn, api } = entraClient(() => ({ app, provider }));
const sessions: Record<'viewerA' | 'operatorA' | 'operatorB', string | null> = {
  viewerA: null,
  operatorA: null,
  operatorB: null,
};

beforeAll(async () => {
  dns = await startListDns({});
  ({ provider, app } = await startEntraLab(
    { ...listAppEnv(dns), ACCESS_TOKEN: TOKEN },
    { allowedTenants: [TENANT_A, TENANT_B] },
  ));
  sessions.viewerA = (await signIn(viewerA)).session;
  sessions.operatorA = (await signIn(operatorA)).session;
  sessions.operatorB = (await signIn(operatorB)).session;
}, 120_000);

afterAll(async () => {
  await stopEntraLab({ app, provider });
  await dns?.close();
});

const json = (method: string, body: unknown): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});
const bearer = { authorization: `Bearer ${TOKEN}` };
const idsOf = (items: unknown) => (items as Array<{ id: string }>).map((x) => x.id);

let listId = '';
let channelId = '';
let runId = '';

describe("a tenant's lists and channels", () => {
  it("a viewer can't create a list (403); an operator creates a list and a channel, and runs the list", async () => {
    const refused = await api('/api/lists', sessions.viewerA, json('POST', { name: 'V', domains: 'lst-4.test' }));
    expect(refused.status).toBe(403);
    expect(ApiError.parse(refused.body).code).toBe('forbidden-role');

    const created = await api(
      '/api/lists',
      sessions.operatorA,
      json('POST', { name: 'Tenant A', domains: 'lst-4.test\nlst-5.test' }),
    );
    expect(created.status).toBe(201);
    listId = (created.body.list as { id: string }).id;
    const channel = await api(
      '/api/channels',
      sessions.operatorA,
      json('POST', { kind: 'email', name: 'Ops A', host: 'smtp.a.test', from: 'dns@a.test', to: ['ops@a.test'] }),
    );
    expect(channel.status).toBe(201);
    channelId = channel.body.id as string;

    const started = await api(`/api/lists/${listId}/runs`, sessions.operatorA, { method: 'POST' });
    expect(started.status).toBe(201);
    runId = started.body.runId as string;
    await until(
      'the list run to finish',
      async () =>
        (await api(`/api/runs/${runId}?from=0`, sessions.operatorA)).body.status === 'done' ? true : undefined,
      20_000,
    );
  });

  it("an operator of another tenant sees none of it: 404 on the list, its changes, its runs, its run, the channel; absent from the listings and the domain's history", async () => {
    const b = sessions.operatorB;
    for (const path of [
      `/api/lists/${listId}`,
      `/api/lists/${listId}/changes`,
      `/api/lists/${listId}/runs`,
      `/api/lists/${listId}/schedule`,
      `/api/lists/${listId}/deliveries`,
      `/api/runs/${runId}`,
      `/api/channels/${channelId}`,
    ]) {
      expect([path, (await api(path, b)).status]).toEqual([path, 404]);
    }
    expect((await api(`/api/lists/${listId}`, b, json('PATCH', { name: 'Mine now' }))).status).toBe(404);
    expect((await api(`/api/lists/${listId}`, b, { method: 'DELETE' })).status).toBe(404);
    expect((await api(`/api/channels/${channelId}`, b, { method: 'DELETE' })).status).toBe(404);
    expect(idsOf((await api('/api/lists', b)).body.lists)).not.toContain(listId);
    expect(idsOf((await api('/api/channels', b)).body.channels)).not.toContain(channelId);
    const history = await api('/api/domains/lst-4.test/history', b);
    expect(history.status).toBe(200);
    expect(idsOf(history.body.lists)).not.toContain(listId);
    expect(history.body.timeline).toEqual([]);
    // The list pages show it to its tenant only (as a list that doesn't exist: no name, no domains).
    const page = (session: string | null, path = '') =>
      fetch(`${app.url}/lists/${listId}${path}`, { headers: { cookie: `m365dh-entra=${session}` } }).then((r) =>
        r.text(),
      );
    expect(await page(sessions.operatorA)).toContain('data-testid="list-name">Tenant A<');
    expect(await page(b)).not.toContain('Tenant A');
    expect(await page(b)).not.toContain('lst-5.test');
    expect(await page(b, '/changes')).not.toContain('lst-5.test');
    expect(await page(sessions.operatorA, '/changes')).toContain('lst-5.test');
  });

  it("a viewer of the same tenant reads the operator's list, its run, its history and the channel", async () => {
    const v = sessions.viewerA;
    expect((await api(`/api/lists/${listId}`, v)).status).toBe(200);
    expect((await api(`/api/lists/${listId}/runs`, v)).status).toBe(200);
    expect((await api(`/api/runs/${runId}`, v)).status).toBe(200);
    expect(idsOf((await api('/api/lists', v)).body.lists)).toContain(listId);
    expect(idsOf((await api('/api/channels', v)).body.channels)).toContain(channelId);
    expect(idsOf((await api('/api/domains/lst-4.test/history', v)).body.lists)).toContain(listId);
  });

  it('an acceptance records who accepted it, and the timeline shows it', async () => {
    // lst-4's MX turns to a third-party filter: a finding of the second run, which the operator accepts.
    await dns.serve({ 'lst-4.test': 'wrong' });
    const again = await api(`/api/lists/${listId}/runs`, sessions.operatorA, { method: 'POST' });
    expect(again.status).toBe(201);
    await until(
      'the second list run to finish',
      async () =>
        (await api(`/api/runs/${again.body.runId}?from=0`, sessions.operatorA)).body.status === 'done'
          ? true
          : undefined,
      20_000,
    );
    const accepted = await api(
      `/api/lists/${listId}/acceptances`,
      sessions.operatorA,
      json('POST', { domain: 'lst-4.test', record: 'mx', note: 'Third-party filter on purpose' }),
    );
    expect(accepted.status).toBe(201);
    expect(accepted.body.acceptedBy).toBe('Olga Operator');
    const history = await api('/api/domains/lst-4.test/history', sessions.viewerA);
    expect(history.body.acceptances).toEqual([
      expect.objectContaining({ listId, record: 'mx', acceptedBy: 'Olga Operator' }),
    ]);
    const changesPage = await fetch(`${app.url}/lists/${listId}/changes`, {
      headers: { cookie: `m365dh-entra=${sessions.viewerA}` },
    }).then((r) => r.text());
    // The changes page says who accepted the finding.
    // An "Accepted" chip, then who accepted it, when and why.
    expect(changesPage).toMatch(/>Accepted</);
    expect(changesPage).toMatch(/as intended by Olga Operator on [^<]+: Third-party filter on purpose/);
    // The domain's page: its timeline shows the list (and who accepted) to tenant A, nothing of it to tenant B.
    const detail = (session: string | null) =>
      fetch(`${app.url}/d/lst-4.test`, { headers: { cookie: `m365dh-entra=${session}` } }).then((r) => r.text());
    const forA = await detail(sessions.viewerA);
    // (Streamed: the timeline arrives in the page's payload, its quotes escaped.)
    expect(forA).toMatch(/domain-timeline/);
    expect(forA).toContain('Tenant A');
    expect(forA).toMatch(/Accepted as intended by Olga Operator on/);
    const forB = await detail(sessions.operatorB);
    expect(forB).toContain('lst-4.test');
    expect(forB).not.toMatch(/domain-timeline/);
    expect(forB).not.toContain('Tenant A');
    expect(forB).not.toContain('Olga Operator');
    // Another tenant's operator can't remove it.
    const removed = await api(
      `/api/lists/${listId}/acceptances`,
      sessions.operatorB,
      json('DELETE', { domain: 'lst-4.test', record: 'mx' }),
    );
    expect(removed.status).toBe(404);
  });
});

describe('a watch belongs to its creator', () => {
  it("another tenant's operator can neither read nor stop it, and the same request gives them a watch of their own; a viewer of the tenant reads it but can't stop it", async () => {
    const body = { domain: 'lst-4.test', records: ['mx'], deadline: new Date(Date.now() + 600_000).toISOString() };
    const mine = await api('/api/watches', sessions.operatorA, json('POST', body));
    expect(mine.status).toBe(201);
    const id = mine.body.id as string;
    const path = `/api/watches/${id}`;
    expect((await api(path, sessions.operatorB)).status).toBe(404);
    expect((await api(path, sessions.operatorB, { method: 'DELETE' })).status).toBe(404);
    // The same watch asked again by its owner is the running one; asked by tenant B, a new one of B's.
    const again = await api('/api/watches', sessions.operatorA, json('POST', body));
    expect([again.status, again.body.id]).toEqual([200, id]);
    const theirs = await api('/api/watches', sessions.operatorB, json('POST', body));
    expect(theirs.status).toBe(201);
    expect(theirs.body.id).not.toBe(id);
    const read = await api(path, sessions.viewerA);
    expect([read.status, read.body.domain]).toEqual([200, 'lst-4.test']);
    const refused = await api(path, sessions.viewerA, { method: 'DELETE' });
    expect(refused.status).toBe(403);
    expect((await api(path, sessions.operatorA, { method: 'DELETE' })).status).toBe(200);
    expect((await api(path, sessions.operatorA)).status).toBe(404);
    expect((await api(`/api/watches/${theirs.body.id}`, sessions.operatorB, { method: 'DELETE' })).status).toBe(200);
  });
});

describe('data from before sign-in belongs to no one', () => {
  it('a list created with the shared token is seen by operators only, and an operator may delete it', async () => {
    const byToken = await fetch(`${app.url}/api/lists`, {
      ...json('POST', { name: 'Before sign-in', domains: 'lst-5.test' }),
      headers: { ...bearer, 'content-type': 'application/json', origin: app.url },
    });
    expect(byToken.status).toBe(201);
    const old = ((await byToken.json()) as { list: { id: string } }).list.id;
    expect((await api(`/api/lists/${old}`, sessions.viewerA)).status).toBe(404);
    expect(idsOf((await api('/api/lists', sessions.viewerA)).body.lists)).not.toContain(old);
    expect((await api(`/api/lists/${old}`, sessions.operatorA)).status).toBe(200);
    expect(idsOf((await api('/api/lists', sessions.operatorB)).body.lists)).toContain(old);
    expect((await api(`/api/lists/${old}`, sessions.operatorB, { method: 'DELETE' })).status).toBe(204);
  });
});
