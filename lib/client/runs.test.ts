import { describe, expect, it } from 'vitest';
import type { RunResult } from '@/lib/schema';
import {
  attachmentName,
  cancelRun,
  contiguousCount,
  eventsUrl,
  exportUrl,
  fetchExport,
  fetchRunSummary,
  followRunEvents,
  mergeResults,
  parseRunEvent,
  recheckRun,
  servicesOfRun,
  stillRechecking,
} from './runs';
import { makeReport } from './test-fixtures';

const row = (index: number, revision: number, domain = `d${index}.test`): RunResult => ({
  ...makeReport(domain, 'ok', `2026-01-01T00:00:0${revision % 10}.000Z`),
  index,
  revision,
});

describe('mergeResults', () => {
  const cases: { label: string; held: RunResult[]; incoming: RunResult[]; want: [number, number][] }[] = [
    {
      label: 'appends new rows in index order',
      held: [row(0, 1)],
      incoming: [row(2, 3), row(1, 2)],
      want: [
        [0, 1],
        [1, 2],
        [2, 3],
      ],
    },
    {
      label: 'a newer revision replaces the row',
      held: [row(0, 1), row(1, 2)],
      incoming: [row(0, 5)],
      want: [
        [0, 5],
        [1, 2],
      ],
    },
    {
      label: 'an older or equal revision is ignored',
      held: [row(0, 4)],
      incoming: [row(0, 4), row(0, 2)],
      want: [[0, 4]],
    },
    { label: 'nothing incoming keeps the rows', held: [row(0, 1)], incoming: [], want: [[0, 1]] },
  ];
  for (const c of cases) {
    it(c.label, () => {
      expect(mergeResults(c.held, c.incoming).map((r) => [r.index, r.revision])).toEqual(c.want);
    });
  }
  it('returns the same array when nothing changed', () => {
    const held = [row(0, 4)];
    expect(mergeResults(held, [row(0, 3)])).toBe(held);
  });
});

describe('contiguousCount', () => {
  const cases: { label: string; held: RunResult[]; want: number }[] = [
    { label: 'empty', held: [], want: 0 },
    { label: 'no gap', held: [row(0, 1), row(1, 2), row(2, 3)], want: 3 },
    { label: 'stops at the first gap', held: [row(0, 1), row(2, 3)], want: 1 },
    { label: 'missing row 0', held: [row(1, 1)], want: 0 },
  ];
  for (const c of cases) it(c.label, () => expect(contiguousCount(c.held)).toBe(c.want));
});

describe('parseRunEvent', () => {
  const cases: { label: string; raw: string; want: string | null }[] = [
    { label: 'progress', raw: '{"type":"progress","checked":1,"total":2,"rate":0.5,"etaSeconds":2}', want: 'progress' },
    { label: 'done', raw: '{"type":"done","status":"done","checked":2,"total":2}', want: 'done' },
    { label: 'report', raw: JSON.stringify({ type: 'report', ...row(0, 1) }), want: 'report' },
    { label: 'not JSON', raw: '{oops', want: null },
    { label: 'unknown type', raw: '{"type":"other"}', want: null },
  ];
  for (const c of cases) it(c.label, () => expect(parseRunEvent(c.raw)?.type ?? null).toBe(c.want));
});

describe('eventsUrl', () => {
  it('adds after only when given', () => {
    expect(eventsUrl('a b', 3)).toBe('/api/runs/a%20b/events?from=3');
    expect(eventsUrl('x', 0, 7)).toBe('/api/runs/x/events?from=0&after=7');
  });
  it("asks for the reader's language when given", () => {
    expect(eventsUrl('x', 2, undefined, 'zh-CN')).toBe('/api/runs/x/events?from=2&lang=zh-CN');
    expect(eventsUrl('x', 0, 7, 'en')).toBe('/api/runs/x/events?from=0&after=7&lang=en');
  });
});

describe('exportUrl', () => {
  it.each([
    { format: 'csv', lang: undefined, want: '/api/runs/a%2Fb/export?format=csv' },
    { format: 'summary', lang: 'zh-CN', want: '/api/runs/a%2Fb/export?format=summary&lang=zh-CN' },
    { format: 'xlsx', lang: 'en', want: '/api/runs/a%2Fb/export?format=xlsx&lang=en' },
  ] as const)('$format in $lang', ({ format, lang, want }) => {
    expect(exportUrl('a/b', format, lang)).toBe(want);
  });
});

describe('fetchRunSummary', () => {
  it("asks for the results in the reader's language", async () => {
    const urls: string[] = [];
    const fetchImpl = (async (url: string) => {
      urls.push(url);
      return Response.json({ code: 'run-not-found', message: 'x' }, { status: 404 });
    }) as unknown as typeof fetch;
    await expect(fetchRunSummary('r', 0, fetchImpl, 'zh-CN')).rejects.toMatchObject({ code: 'run-not-found' });
    expect(urls).toEqual(['/api/runs/r?from=0&lang=zh-CN']);
  });
});

describe('followRunEvents', () => {
  const stream = (text: string) =>
    new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(text));
        controller.close();
      },
    });
  it('yields the valid lines and skips bad ones', async () => {
    const body =
      '{"type":"progress","checked":1,"total":2,"rate":1,"etaSeconds":1}\nnot json\n{"type":"done","status":"done","checked":2,"total":2}\n';
    const fetchImpl = (async () => new Response(stream(body))) as typeof fetch;
    const types: string[] = [];
    for await (const event of followRunEvents('x', 0, { fetchImpl })) types.push(event.type);
    expect(types).toEqual(['progress', 'done']);
  });
  const errors: { label: string; status: number; code: string }[] = [
    { label: '404 is run-not-found', status: 404, code: 'run-not-found' },
    { label: '410 is run-expired', status: 410, code: 'run-expired' },
  ];
  for (const c of errors) {
    it(c.label, async () => {
      const fetchImpl = (async () =>
        Response.json({ code: c.code, message: 'x' }, { status: c.status })) as typeof fetch;
      const read = async () => {
        for await (const _ of followRunEvents('x', 0, { fetchImpl })) void _;
      };
      await expect(read()).rejects.toMatchObject({ code: c.code, status: c.status });
    });
  }
});

describe('servicesOfRun', () => {
  it.each([
    { label: 'nothing set: all detected', services: undefined, want: { mail: 'auto', teams: 'auto', intune: 'auto' } },
    { label: 'empty object: all detected', services: {}, want: { mail: 'auto', teams: 'auto', intune: 'auto' } },
    {
      label: 'on and off as set, the rest detected',
      services: { mail: true, intune: false },
      want: { mail: 'on', teams: 'auto', intune: 'off' },
    },
  ])('$label', ({ services, want }) => {
    expect(servicesOfRun(services)).toEqual(want);
  });
});

describe('stillRechecking', () => {
  const pending = new Set(['a.test', 'b.test']);
  it.each([
    { label: 'a newer row ends its re-check', incoming: [{ domain: 'a.test', revision: 11 }], want: ['b.test'] },
    {
      label: 'an old row (sent again) does not',
      incoming: [{ domain: 'a.test', revision: 10 }],
      want: ['a.test', 'b.test'],
    },
    { label: 'another domain does not', incoming: [{ domain: 'c.test', revision: 12 }], want: ['a.test', 'b.test'] },
    {
      label: 'both done',
      incoming: [
        { domain: 'b.test', revision: 12 },
        { domain: 'a.test', revision: 13 },
      ],
      want: [],
    },
  ])('$label', ({ incoming, want }) => {
    expect([...stillRechecking(pending, incoming, 10)].sort()).toEqual(want);
  });
  it('returns the same set when nothing changed', () => {
    expect(stillRechecking(pending, [{ domain: 'c.test', revision: 99 }], 10)).toBe(pending);
  });
});

describe('cancel and re-check send the owner token', () => {
  /** A fetch that records each request's URL and headers and answers `status` with `body`. */
  function recording(status: number, body: unknown) {
    const calls: Array<{ url: string; headers: Headers }> = [];
    const fetchImpl = (async (url: string, init?: RequestInit) => {
      calls.push({ url, headers: new Headers(init?.headers) });
      return Response.json(body, { status });
    }) as typeof fetch;
    return { calls, fetchImpl };
  }
  const accepted = {
    id: 'r',
    status: 'done',
    rechecking: ['a.test'],
    revision: 3,
    links: { self: '', events: '', results: '', export: '' },
  };

  it('as X-Run-Owner', async () => {
    const cancel = recording(200, {});
    await cancelRun('r', 'tok', cancel.fetchImpl);
    const recheck = recording(202, accepted);
    await recheckRun('r', { domains: ['a.test'] }, 'tok', recheck.fetchImpl);
    expect(cancel.calls.map((c) => [c.url, c.headers.get('x-run-owner')])).toEqual([['/api/runs/r/cancel', 'tok']]);
    expect(recheck.calls.map((c) => [c.url, c.headers.get('x-run-owner'), c.headers.get('content-type')])).toEqual([
      ['/api/runs/r/recheck', 'tok', 'application/json'],
    ]);
  });

  it('a 403 not-run-owner becomes that error code', async () => {
    const refused = recording(403, { code: 'not-run-owner', message: 'Only the browser that started this run…' });
    await expect(cancelRun('r', 'wrong', refused.fetchImpl)).rejects.toMatchObject({
      code: 'not-run-owner',
      status: 403,
    });
    await expect(recheckRun('r', {}, 'wrong', refused.fetchImpl)).rejects.toMatchObject({ code: 'not-run-owner' });
  });
});

describe('fetchExport', () => {
  it('hands back the file and the name the server gave it', async () => {
    const fetchImpl = (async () =>
      new Response('a,b\n', {
        headers: { 'Content-Disposition': 'attachment; filename="run-x-summary.csv"' },
      })) as typeof fetch;
    const { blob, name } = await fetchExport('/api/runs/x/export?format=summary', fetchImpl);
    expect(name).toBe('run-x-summary.csv');
    expect(await blob.text()).toBe('a,b\n');
  });

  it.each([
    ['an expired run', 410, { code: 'run-expired', message: 'gone' }, 'run-expired'],
    ['a rate limit', 429, { code: 'rate-limited', message: 'wait', retryAfterSeconds: 5 }, 'rate-limited'],
    ['a server error without our body', 500, null, 'internal'],
  ])('a refusal (%s) is an ApiClientError, not a file', async (_label, status, body, code) => {
    const fetchImpl = (async () =>
      body ? Response.json(body, { status }) : new Response('<html>', { status })) as typeof fetch;
    await expect(fetchExport('/x', fetchImpl)).rejects.toMatchObject({ code, status });
  });

  it('no connection is a network error', async () => {
    const fetchImpl = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    await expect(fetchExport('/x', fetchImpl)).rejects.toMatchObject({ code: 'network' });
  });

  it.each([
    ['attachment; filename="a.xlsx"', 'a.xlsx'],
    [null, 'fallback'],
    ['attachment', 'fallback'],
    ['attachment; filename="../x"', 'fallback'],
  ])('attachmentName(%s)', (header, name) => {
    expect(attachmentName(header, 'fallback')).toBe(name);
  });
});
